"""The words around each name of a document, for its record's register back links.

summary.xsl's `tk:text-before`/`tk:text-after` and `tk:tail`/`tk:head` computed them per
mention in Saxon, walking up to eight siblings each side on every level up to the block and
normalising the text: a third of a synthetic report's transform. Here one lxml walk computes
the same strings (the stylesheet keeps its functions as the rule and for a name this map
does not hold; tests/web/test_context.py compares both on every fixture), and the builder
passes them as the `contexts` parameter, keyed by the element's ordinal in document order
(what the `tk:element` accumulator counts).

The XPath data model is followed exactly: a parent's child nodes are its text, each child
element, comment or processing instruction and its tail (adjacent text is one node); a
node's plain text leaves out notes, regularised forms, a correction's sic, a description
and an expanded abbreviation; an element with element children joins its children's plain
text (comments and processing instructions included, as `string()` of one gives its
content), one without gives its text.
"""

from __future__ import annotations

import json
import re
from typing import Union

from lxml import etree

from toolkit.tei import TEI_NS

_T = f"{{{TEI_NS}}}"
# summary.xsl's mention pattern (before tk:is-mention, which the stylesheet still applies)
NAMES = frozenset(_T + n for n in ("persName", "placeName", "orgName", "name", "rs", "geogName"))
# the block a context stays within: summary.xsl's list of local names, any namespace
BLOCKS = frozenset(("p", "ab", "head", "item", "cell", "l", "note", "signed", "dateline",
                    "abstract", "seg", "salute", "fw", "addrLine", "byline", "docAuthor",
                    "trailer", "speaker", "label"))
CONTEXT = 60  # characters each side (summary.xsl's $tk:context)
SIBLINGS = 8  # siblings read on each side, per level ($tk:context-siblings)
_SILENT = frozenset(_T + n for n in ("note", "reg", "desc"))

_RUNS = re.compile("  +")
Node = Union[str, etree._Element]  # a text node (its string) or an element, comment, PI


def _children(parent: etree._Element) -> list[Node]:
    """The parent's child nodes as XPath sees them."""
    nodes: list[Node] = [parent.text] if parent.text else []
    for child in parent:
        nodes.append(child)
        if child.tail:
            nodes.append(child.tail)
    return nodes


def plain(node: Node) -> str:
    """summary.xsl's tk:plain."""
    if isinstance(node, str):
        return node
    tag = node.tag
    if not isinstance(tag, str):  # a comment or processing instruction: string() is its text
        return node.text or ""
    if tag in _SILENT:
        return ""
    parent = node.getparent()
    if parent is not None and (
            (tag == _T + "sic" and parent.find(_T + "corr") is not None)
            or (tag == _T + "abbr" and parent.find(_T + "expan") is not None)):
        return ""
    if next(node.iterchildren(etree.Element), None) is not None:
        return "".join(plain(child) for child in _children(node))
    return _string(node)


def _string(element: etree._Element) -> str:
    """string() of an element without element children: its text nodes."""
    parts = [element.text or ""]
    parts.extend(child.tail or "" for child in element)
    return "".join(parts)


def _spaces(text: str) -> str:
    """translate(text, '&#9;&#10;&#13;', '   ') (str.replace: str.translate is slower)."""
    return text.replace("\t", " ").replace("\n", " ").replace("\r", " ")


def _normalize(text: str) -> str:
    """normalize-space of a text whose only white space is spaces."""
    return _RUNS.sub(" ", text).strip(" ")


def tail(text: str) -> str:
    """summary.xsl's tk:tail: the end of a text from a word boundary, '… ' when cut."""
    t = _spaces(text)
    n = _normalize(t)
    end = n if len(n) <= CONTEXT else "… " + n[len(n) - CONTEXT:].partition(" ")[2]
    return end + (" " if t.endswith(" ") and n else "")


def head(text: str) -> str:
    """summary.xsl's tk:head: the start of a text to a word boundary, ' …' when cut."""
    t = _spaces(text)
    n = _normalize(t)
    start = n if len(n) <= CONTEXT else " ".join(n[:CONTEXT].split(" ")[:-1]) + " …"
    return (" " if t.startswith(" ") and n else "") + start


class _Walk:
    """The text before and after nodes within their block: each parent's child nodes and
    their plain texts are listed once per document, not once per mention."""

    def __init__(self) -> None:
        # the nodes are kept: an lxml element's id() holds only while its proxy lives
        self._nodes: dict[etree._Element, tuple[list[Node], list[str], dict[int, int]]] = {}

    def _siblings(self, element: etree._Element) -> tuple[list[str], int]:
        parent = element.getparent()
        assert parent is not None
        known = self._nodes.get(parent)
        if known is None:
            nodes = _children(parent)
            known = (nodes, [plain(n) for n in nodes],
                     {id(n): i for i, n in enumerate(nodes) if not isinstance(n, str)})
            self._nodes[parent] = known
        return known[1], known[2][id(element)]

    def before(self, element: etree._Element, block: etree._Element) -> str:
        parent = element.getparent()
        if parent is None:
            return ""
        texts, index = self._siblings(element)
        own = "".join(texts[max(0, index - SIBLINGS):index])
        return own if parent is block else self.before(parent, block) + own

    def after(self, element: etree._Element, block: etree._Element) -> str:
        parent = element.getparent()
        if parent is None:
            return ""
        texts, index = self._siblings(element)
        own = "".join(texts[index + 1:index + 1 + SIBLINGS])
        return own if parent is block else own + self.after(parent, block)


def mention_contexts(root: etree._Element) -> str:
    """JSON: each name element with a register pointer (by its ordinal in document order,
    1 = the root) to its context [before, after] as the record gives it, within its nearest
    block or, outside any, its parent."""
    walk = _Walk()
    contexts: dict[str, list[str]] = {}
    blocks: dict[etree._Element, etree._Element] = {}  # by parent: its block
    for number, element in enumerate(root.iter(etree.Element), start=1):
        if element.tag not in NAMES or (element.get("ref") is None and element.get("corresp")
                                        is None and element.get("key") is None):
            continue
        parent = element.getparent()
        if parent is None:  # the root: no block
            continue
        if parent not in blocks:  # the nearest block, else the parent (as summary.xsl)
            blocks[parent] = next((a for a in element.iterancestors(etree.Element)
                                   if a.tag.rpartition("}")[2] in BLOCKS), parent)
        block = blocks[parent]
        contexts[str(number)] = [tail(walk.before(element, block)),
                                 head(walk.after(element, block))]
    return json.dumps(contexts, ensure_ascii=False)

"""TEI namespace constants and small builders for mixed content.

lxml stores mixed content as .text/.tail pairs; building it by hand is error-prone, so the
readers describe inline content as a flat list of strings and elements (`Inline`) and
`append_inline` places them.
"""

from __future__ import annotations

import threading
from collections.abc import Iterable
from typing import Any, Union

from lxml import etree

TEI_NS = "http://www.tei-c.org/ns/1.0"
XML_NS = "http://www.w3.org/XML/1998/namespace"
NSMAP: Any = {None: TEI_NS}  # lxml-stubs do not admit the default-namespace key
NS = {"tei": TEI_NS}

Inline = Union[str, etree._Element]


def tei(tag: str) -> str:
    """Clark name of a TEI element."""
    return f"{{{TEI_NS}}}{tag}"


XML_ID = f"{{{XML_NS}}}id"
XML_LANG = f"{{{XML_NS}}}lang"


_CLARK: dict[str, str] = {}  # tag -> Clark name
_ATTRIBUTE = {"xml_lang": XML_LANG, "xml_id": XML_ID}
_LOCAL = threading.local()  # per thread: lxml documents are not shared between threads


def _make() -> Any:
    """`makeelement` of a factory element: a new element in the factory's document, where
    `etree.Element` creates a document for every element (three times slower; a conversion
    builds about 180 elements per report). Appending the element elsewhere moves it there."""
    try:
        return _LOCAL.make
    except AttributeError:
        _LOCAL.make = etree.Element(tei("TEI"), nsmap=NSMAP).makeelement
        return _LOCAL.make


class _Names(dict[str, str]):
    """Keyword -> attribute name (`xml_lang` -> xml:lang, `class_` -> class), remembered:
    every element built with attributes asks for their names."""

    def __missing__(self, key: str) -> str:
        name = self[key] = _ATTRIBUTE.get(key) or key.rstrip("_")
        return name


_NAMES = _Names()


def _attributes(attrs: dict[str, str]) -> dict[str, str]:
    return {_NAMES[key]: value for key, value in attrs.items()}


def el(tag: str, content: Iterable[Inline] | str | None = None, /, **attrs: str) -> etree._Element:
    """A TEI element with attributes (``xml_lang``/``xml_id`` map to xml:lang/xml:id).

    The TEI namespace is declared on every element, as on a document of its own (a detached
    element serialises alone). A `TEI` element is a document's root: it gets a document of
    its own (`getroottree()` is that document); other elements are made in a shared one."""
    name = _CLARK.get(tag) or _clark(tag)
    if tag == "TEI":
        return _filled(etree.Element(name, _attributes(attrs) if attrs else None, NSMAP), content)
    node: etree._Element
    try:
        node = _LOCAL.make(name, None, NSMAP)
    except AttributeError:
        node = _make()(name, None, NSMAP)
    # attributes set one by one: a fifth cheaper than an attrib dict given at creation
    # (which lxml walks with namespace checks), in the same order
    for key, value in attrs.items():
        node.set(_NAMES[key], value)
    # `_filled`, inlined: ~170 elements a report
    if content is None:
        return node
    if isinstance(content, str):
        node.text = content
    else:
        append_inline(node, content)
    return node


def _clark(tag: str) -> str:
    """`tei(tag)`, remembered: every element built asks for its name."""
    name = _CLARK.get(tag)
    if name is None:
        name = _CLARK[tag] = tei(tag)
    return name


def _filled(node: etree._Element, content: Iterable[Inline] | str | None) -> etree._Element:
    """`node` with `content`: a string as its text, inlines appended in order."""
    if content is None:
        return node
    if isinstance(content, str):
        node.text = content
    else:
        append_inline(node, content)
    return node


def tree_of(root: etree._Element) -> etree._ElementTree:
    """The document `root` heads. An element `el` made in the shared factory document (any but
    `TEI`) answers `getroottree()` with that document, whose root is another element: a root
    of ours (a teiCorpus, a DTS fragment) is given a tree of its own instead."""
    tree = root.getroottree()
    return tree if tree.getroot() is root else etree.ElementTree(root)


def sub(parent: etree._Element, tag: str, content: Iterable[Inline] | str | None = None,
        /, **attrs: str) -> etree._Element:
    """`el` appended to `parent`. Under a TEI element the child is made in place
    (`SubElement`: half the cost of making it apart and moving it, and the same tree: the
    namespace is the parent's, as the move would make it); under another it declares the
    TEI namespace of its own, as `el` does."""
    if not parent.tag.startswith(_TEI_OPEN):
        child = el(tag, content, **attrs)
        parent.append(child)
        return child
    child = _SUB_ELEMENT(parent, _CLARK.get(tag) or _clark(tag))
    for key, value in attrs.items():
        child.set(_NAMES[key], value)
    if content is None:  # (`_filled`, inlined)
        return child
    if isinstance(content, str):
        child.text = content
    else:
        append_inline(child, content)
    return child


_TEI_OPEN = "{" + TEI_NS + "}"
_SUB_ELEMENT = etree.SubElement


def append_inline(parent: etree._Element, items: Iterable[Inline]) -> None:
    """Append strings and elements in order, as text and tails.

    Linear in the items: the last child is tracked here rather than asked of lxml on every
    string (`len(parent)` walks all children), and runs of strings are joined once rather
    than concatenated one by one onto a growing text."""
    last: etree._Element | None
    try:
        last = parent[-1]  # lxml finds the last child from the end: O(1)
    except IndexError:
        last = None
    pending: list[str] = []
    for item in items:
        if isinstance(item, str):
            if item:
                pending.append(item)
            continue
        if pending:
            if last is not None:
                last.tail = (last.tail or "") + "".join(pending)
            else:
                parent.text = (parent.text or "") + "".join(pending)
            pending = []
        parent.append(item)
        last = item
    if pending:
        if last is not None:
            last.tail = (last.tail or "") + "".join(pending)
        else:
            parent.text = (parent.text or "") + "".join(pending)


def local_name(node: etree._Element) -> str:
    """The tag without its namespace; remembered per tag (the projection asks it twice for
    every element it visits). A comment's or PI's tag is no string: `QName` refuses it."""
    tag = node.tag
    try:
        return _LOCAL_NAMES[tag]
    except KeyError:
        name = _LOCAL_NAMES[tag] = etree.QName(node).localname
        return name


_LOCAL_NAMES: dict[str, str] = {}  # Clark name -> local name

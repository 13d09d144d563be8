"""Normalisations every imported document goes through, whatever archive it came from.

Elements of other namespaces are unwrapped (their text stays), attributes of other namespaces
are dropped, and numbered divisions become plain `div`; each change is a line in the loss report.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from lxml import etree

from toolkit.readers.tei_import.loss import LossReport, qname_of
from toolkit.readers.tei_import.registers import EntryLinker
from toolkit.tei import TEI_NS, XML_NS, local_name, tei

_KEEP_ATTRIBUTE_NS = {"", XML_NS}
_NUMBERED_DIVS = {f"{{{TEI_NS}}}div{n}" for n in range(1, 8)}
XINCLUDE_NS = "http://www.w3.org/2001/XInclude"
_NUMBERED_DIV = re.compile(r"div[1-7]")


@dataclass(frozen=True)
class ImportContext:
    """What every import reader is given, prepared once per output folder."""

    linker: EntryLinker
    change_date: date
    schema_dir: str = ""  # the project's schemas/ relative to the output folder ("" : no xml-model)
    authority: str = "teikit edition"  # completes a publicationStmt that names nobody


def file_number(text: str) -> str:
    """A document number usable as a file name (and as an OAI/DTS identifier)."""
    cleaned = re.sub(r"[^A-Za-z0-9._-]+", "-", text.strip()).strip("-.")
    return cleaned or "document"


def unwrap(node: etree._Element) -> None:
    """Replace an element by its content, keeping text, children and tail in place.

    Constant work per child (no `parent.index`, which walks the siblings: unwrapping every
    one of 100,000 siblings stays linear)."""
    parent = node.getparent()
    assert parent is not None
    previous = node.getprevious()
    text = node.text or ""
    tail = node.tail or ""
    if previous is None:
        parent.text = (parent.text or "") + text
    else:
        previous.tail = (previous.tail or "") + text
    children = list(node)
    for child in children:
        node.addprevious(child)
    last = children[-1] if children else previous
    node.tail = None
    parent.remove(node)
    if last is None:
        parent.text = (parent.text or "") + tail
    else:
        last.tail = (last.tail or "") + tail


EXAMPLES_NS = "http://www.tei-c.org/ns/Examples"


def normalise_namespaces(root: etree._Element, report: LossReport, keep_examples: bool = False,
                         foreign: bool | None = None) -> None:
    """Unwrap non-TEI elements and drop non-TEI attributes that the readers did not map.

    `keep_examples`: TEI's own examples (`egXML` in the Examples namespace, which tei_all
    admits with any content) are kept as they are. `foreign`: False when the caller knows
    there is nothing to do (`Holds.foreign` of the source); None: found here.
    """
    if foreign is False or (foreign is None and _nothing_foreign(root)):
        return
    kept: list[etree._Element] = []  # held, so that their proxies (and ids) live through the loop
    if keep_examples:
        for example in root.iter(f"{{{EXAMPLES_NS}}}egXML"):
            kept.extend(example.iter())
    for xeno in root.iter(f"{{{TEI_NS}}}xenoData"):  # another vocabulary by definition (MathML)
        kept.extend(n for n in xeno.iter() if n is not xeno)
    examples = {id(n) for n in kept}
    tei_prefix = f"{{{TEI_NS}}}"
    for node in list(root.iter(etree.Element)):
        tag = node.tag
        if not node.keys() and tag.startswith(tei_prefix) and tag not in _NUMBERED_DIVS:
            continue  # two tests per element: this loop is linear in a file of 100,000 <lb/>
        if not isinstance(tag, str) or id(node) in examples:
            continue
        for name in [a for a in node.attrib if str(a).startswith("{")]:  # plain names: kept
            namespace = etree.QName(name).namespace or ""
            if namespace not in _KEEP_ATTRIBUTE_NS:
                report.add(node, "dropped", f"attribute of another namespace, value {node.get(name)!r}", str(name))
                del node.attrib[name]
        if tag.startswith(tei_prefix):
            if tag[len(tei_prefix):len(tei_prefix) + 3] == "div" and _NUMBERED_DIV.fullmatch(tag[len(tei_prefix):]):
                report.add(node, "mapped", f"{qname_of(tag)} became div (the edition uses unnumbered div)")
                node.tag = tei("div")
            continue
        namespace = etree.QName(node).namespace
        if namespace == XINCLUDE_NS and node is not root and node.getparent() is not None:
            _drop_xinclude(node, report)
        elif namespace != TEI_NS and node is not root and node.getparent() is not None:
            _replace_foreign(node, report)


_PREFIX_DECLARATION = re.compile(rb'xmlns:[\w.-]+="')  # a literal start: searched fast


_TEI_DEFAULT = f'xmlns="{TEI_NS}"'.encode()
_NUMBERED_DIV_TAG = re.compile(rb"<div[1-7][\s/>]")


def _nothing_foreign(root: etree._Element, serialised: bytes | None = None) -> bool:
    """True when the loop of `normalise_namespaces` would change nothing: every element is TEI,
    none is a numbered div, and no attribute is in a namespace other than XML's. Found by
    literal searches of one serialisation (in C: no walk of the tree, no proxy per element);
    anything uncertain answers False (the full loop). No prefix declared: every element is in
    a default namespace and every attribute in none or XML's (which needs no declaration);
    every default declaration TEI's and the root TEI: every element is TEI (text that reads
    like a declaration only adds to the count of all, which answers False); an unprefixed
    numbered div is written `<div1`. `serialised`: `root` as `etree.tostring` writes it."""
    if not str(root.tag).startswith(f"{{{TEI_NS}}}"):
        return False
    data = etree.tostring(root) if serialised is None else serialised
    return _PREFIX_DECLARATION.search(data) is None and data.count(b'xmlns="') == data.count(_TEI_DEFAULT) \
        and _NUMBERED_DIV_TAG.search(data) is None


@dataclass(frozen=True)
class Holds:
    """What a source document can hold, found once for the import's two attempts (each would
    otherwise walk every element of its copy for it, twice in all). An attempt's copy holds
    no more of these than the source: the steps before each check only add TEI elements and
    attributes of no namespace (names' @ref, xml:lang), and neither the customisation's
    mappings nor the header's completion makes a hand or a link. False is certain (the walk
    is skipped); True only possible (text that reads `hand=` counts): the walk decides."""

    links: bool  # an @facs or @url (each relative or remote one is reported)
    hands: bool  # an @hand or a handShift (each hand needs a handNote)
    foreign: bool  # an element or attribute of another namespace, or a numbered div


def holds(source: etree._Element) -> Holds:
    """`Holds` of a source document: one serialisation, searched for literal bytes (memchr
    speed: no proxy per element, no regular expression without a literal start)."""
    data = etree.tostring(source, with_tail=False)  # an attribute as libxml2 writes it: ` name="`
    return Holds(b' facs="' in data or b' url="' in data, b' hand="' in data or b"handShift" in data,
                 not _nothing_foreign(source, data))


_STRUCTURAL = {"div", "body", "front", "back", "group", "floatingText", "postscript", "div1", "div2",
               "div3", "div4", "div5", "div6", "div7", "list", "listBibl", "standOff", "text", "TEI"}
_BLOCKS = {"p", "div", "list", "table", "quote", "lg", "ab", "head", "closer", "opener", "floatingText",
           "note", "sp", "dateline", "postscript"}


def _drop_xinclude(node: etree._Element, report: LossReport) -> None:
    """XInclude is never processed (nothing is read or fetched); a fallback's content stays."""
    if etree.QName(node).localname == "include":
        fallback = node.find(f"{{{XINCLUDE_NS}}}fallback")
        report.add(node, "dropped", f"XInclude of {node.get('href')!r} not processed: imports never read or "
                   "fetch other resources" + ("; its fallback is kept" if fallback is not None else ""))
        tail = node.tail
        for child in list(node):
            if child is not fallback:
                node.remove(child)
        node.text = None
        if fallback is not None:
            unwrap(fallback)
        node.tail = tail
        unwrap(node)
    else:
        report.add(node, "dropped", "XInclude element outside an include; removed, its text kept")
        unwrap(node)


def _replace_foreign(node: etree._Element, report: LossReport) -> None:
    """Keep the content of an element of another namespace inside the nearest fitting TEI element."""
    parent = node.getparent()
    assert parent is not None
    name = etree.QName(node).localname
    mixed = bool((parent.text or "").strip()) or any((c.tail or "").strip() for c in parent)
    has_blocks = any(isinstance(c.tag, str) and etree.QName(c).localname in _BLOCKS for c in node)
    for attribute in list(node.attrib):
        report.add(node, "dropped", f"attribute of an element of another namespace, value {node.get(attribute)!r}", str(attribute))
        del node.attrib[attribute]
    if mixed or local_name(parent) not in _STRUCTURAL:
        if has_blocks:
            report.add(node, "dropped", "element of another namespace inside running text; removed, "
                       "its text and children kept in place")
            unwrap(node)
            return
        target = "seg"
    elif has_blocks:
        body = etree.SubElement(node, tei("body"))
        body.text = node.text
        node.text = None
        for child in list(node)[:-1]:
            body.append(child)
        target = "floatingText"
    else:
        target = "ab"
    report.add(node, "mapped", f"element of another namespace has no TEI equivalent; kept as "
               f"{target}[@type='{name}'] with its content")
    node.tag = tei(target)
    node.set("type", name)


def text_of(node: etree._Element) -> str:
    return " ".join("".join(str(t) for t in node.itertext()).split())

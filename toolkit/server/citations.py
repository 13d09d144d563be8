"""Citation trees of the edition's documents: declared (refsDecl/citeStructure) or derived.

A document that declares `encodingDesc/refsDecl/citeStructure` is cited as it declares: each
refsDecl is one citation tree (the first the default, the others named by `@n` or `@xml:id`),
`@match` selects the units, `@use` gives their identifiers (joined to the parent's by `@delim`),
`@unit` their type. The converter declares its paragraphs (and unique point labels) this way;
for documents that declare nothing (imports from archives without one) the server
derives one citation scheme the same way for every document: below the document's div, each `p` is a paragraph cited by its
position among the paragraphs of its parent ("3"), each `div` a section cited by its type
and its position among the sections of that type ("attachment2"), nested levels joined with
"." ("attachment2.1"). The equivalent TEI declaration (what a converter could write in
`encodingDesc/refsDecl`) for a document whose div holds paragraphs and attachments is:

    <citeStructure unit="paragraph" match="/TEI/text/body/div/p" use="position()"/>
    <citeStructure unit="attachment" match="/TEI/text/body/div/div[@type='attachment']"
                   use="concat('attachment', position())">
      <citeStructure unit="paragraph" match="p" use="position()" delim="."/>
    </citeStructure>
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from lxml import etree

from toolkit.server.xpath import XPathSyntaxError, tei_xpath
from toolkit.tei import NS, XML_ID, local_name

CITABLE = {"p": "paragraph", "div": "section"}


@dataclass(frozen=True)
class Unit:
    identifier: str
    level: int
    parent: str | None
    cite_type: str
    element: etree._Element
    title: str | None


def _cite_type(node: etree._Element) -> str:
    if local_name(node) == "div":
        return str(node.get("type") or "section")
    return "paragraph"


def units(tree: etree._ElementTree) -> list[Unit]:
    """The document's citable units in document order (pre-order, depth first)."""
    body = tree.find("tei:text/tei:body", NS)
    if body is None:
        return []
    tops = [c for c in body if isinstance(c.tag, str) and local_name(c) == "div"]
    start = tops[0] if len(tops) == 1 else body
    found: list[Unit] = []

    def walk(container: etree._Element, level: int, parent: str | None) -> None:
        counters: dict[str, int] = {}
        for child in container:
            if not isinstance(child.tag, str) or etree.QName(child).namespace != NS["tei"] \
                    or local_name(child) not in CITABLE:
                continue
            cite_type = _cite_type(child)
            counters[cite_type] = counters.get(cite_type, 0) + 1
            own = str(counters[cite_type]) if cite_type == "paragraph" else f"{cite_type}{counters[cite_type]}"
            identifier = own if parent is None else f"{parent}.{own}"
            head = child.find("tei:head", NS) if local_name(child) == "div" else None
            title = " ".join("".join(str(t) for t in head.itertext()).split()) if head is not None else None
            found.append(Unit(identifier, level, parent, cite_type, child, title))
            if local_name(child) == "div":
                walk(child, level + 1, identifier)
    walk(start, 1, None)
    return found


def citation_tree(found: list[Unit]) -> dict[str, Any]:
    """The DTS CitationTree describing the cite types seen, nested as they nest."""
    children: dict[str | None, list[str]] = {}
    type_of = {unit.identifier: unit.cite_type for unit in found}
    for unit in found:
        parent_type = type_of[unit.parent] if unit.parent else None
        bucket = children.setdefault(parent_type, [])
        if unit.cite_type not in bucket:
            bucket.append(unit.cite_type)

    def structure(parent: str | None, seen: frozenset[str]) -> list[dict[str, Any]]:
        result: list[dict[str, Any]] = []
        for cite_type in children.get(parent, []):
            node: dict[str, Any] = {"@type": "CiteStructure", "citeType": cite_type}
            if cite_type not in seen and children.get(cite_type):
                node["citeStructure"] = structure(cite_type, seen | {cite_type})
            result.append(node)
        return result
    tree: dict[str, Any] = {"@type": "CitationTree", "citeStructure": structure(None, frozenset())}
    return tree


@dataclass(frozen=True)
class CitationScheme:
    """One citation tree of a document: its units and its DTS description."""

    identifier: str | None  # None: the default tree
    units: list[Unit]
    structure: dict[str, Any] = field(default_factory=dict)

    def by_id(self) -> dict[str, Unit]:
        return {unit.identifier: unit for unit in self.units}


def _evaluate(context: etree._Element, expression: str) -> list[etree._Element]:
    try:
        found = context.xpath(tei_xpath(expression), namespaces=NS)
    except (XPathSyntaxError, etree.XPathError):
        return []
    return [n for n in found if isinstance(n, etree._Element)] if isinstance(found, list) else []


def _declared_units(tree: etree._ElementTree, cite: etree._Element) -> list[Unit]:
    found: list[Unit] = []

    def walk(structure: etree._Element, context: etree._Element, level: int, parent: str | None) -> None:
        nodes = _evaluate(context, structure.get("match") or "")
        use = structure.get("use") or "position()"
        delim = structure.get("delim") or ""
        for position, node in enumerate(nodes, 1):
            if use.strip() == "position()":
                own = str(position)
            else:
                try:
                    value = node.xpath(f"string({tei_xpath(use)})", namespaces=NS)
                except (XPathSyntaxError, etree.XPathError):
                    value = ""
                own = " ".join(str(value).split()) or str(position)
            identifier = own if parent is None else f"{parent}{delim}{own}"
            head = node.find("tei:head", NS)
            title = " ".join("".join(str(t) for t in head.itertext()).split()) if head is not None else None
            found.append(Unit(identifier, level, parent, structure.get("unit") or local_name(node), node, title))
            for child in structure.iterfind("tei:citeStructure", NS):
                walk(child, node, level + 1, identifier)
    root = tree.getroot()
    for top in cite.iterfind("tei:citeStructure", NS) if local_name(cite) == "refsDecl" else [cite]:
        walk(top, root, 1, None)
    # document order, as DTS asks, whatever the order of the declarations
    order = {id(node): index for index, node in enumerate(root.iter())}
    found.sort(key=lambda unit: (order.get(id(unit.element), 0), unit.level))
    return found


def _declared_structure(declaration: etree._Element) -> list[dict[str, Any]]:
    result: list[dict[str, Any]] = []
    for cite in declaration.iterfind("tei:citeStructure", NS):
        node: dict[str, Any] = {"@type": "CiteStructure", "citeType": cite.get("unit") or "unit"}
        children = _declared_structure(cite)
        if children:
            node["citeStructure"] = children
        result.append(node)
    return result


def schemes(tree: etree._ElementTree) -> list[CitationScheme]:
    """The document's citation trees, the default first."""
    declared = [d for d in tree.getroot().iterfind("tei:teiHeader/tei:encodingDesc/tei:refsDecl", NS)
                if d.find("tei:citeStructure", NS) is not None]
    if not declared:
        found = units(tree)
        return [CitationScheme(None, found, citation_tree(found))]
    result: list[CitationScheme] = []
    for index, declaration in enumerate(declared):
        name = None if index == 0 else (declaration.get("n") or declaration.get(XML_ID) or f"tree{index + 1}")
        structure: dict[str, Any] = {"@type": "CitationTree", "citeStructure": _declared_structure(declaration)}
        if name is not None:
            structure["identifier"] = name
        result.append(CitationScheme(name, _declared_units(tree, declaration), structure))
    return result

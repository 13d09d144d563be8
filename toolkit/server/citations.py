"""Citation trees of the edition's documents, derived from their structure at serve time.

The converter does not write a refsDecl yet, so the server derives one citation scheme the
same way for every document: below the document's div, each `p` is a paragraph cited by its
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

from dataclasses import dataclass
from typing import Any

from lxml import etree

from toolkit.tei import NS, local_name

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

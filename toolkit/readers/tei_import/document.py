"""What an import reader gives back for each document it finds in a source file."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from lxml import etree

from toolkit.errors import Diagnostic
from toolkit.readers.tei_import.loss import LossReport
from toolkit.readers.tei_import.registers import NewEntry
from toolkit.readers.tei_import.schema import with_pis
from toolkit.output import serialize, with_schema_pis


@dataclass(frozen=True)
class ImportedDocument:
    """One output document, serialised so that worker processes can hand it back."""

    number: str
    data: bytes  # the TEI file
    loss: bytes  # the JSON loss report
    entries: tuple[NewEntry, ...]
    stats: Mapping[str, int]
    diagnostics: tuple[Diagnostic, ...] = ()


def finish(root: etree._Element, number: str, report: LossReport, entries: list[NewEntry],
           stats: Mapping[str, int], schema_dir: str = "",
           diagnostics: tuple[Diagnostic, ...] = (),
           layers: tuple[tuple[str, str], ...] | None = None) -> ImportedDocument:
    """Serialise an imported document the way the converter does (xml-model PIs included):
    the project's schemas, or the `layers` given (the import customisation)."""
    etree.cleanup_namespaces(root)  # declarations the source made for what the import dropped
    _indent_structure(root)
    tree = root.getroottree()
    if schema_dir and layers is not None:
        tree = with_pis(etree.ElementTree(root), schema_dir, layers)
    elif schema_dir:
        tree = with_schema_pis(etree.ElementTree(root), schema_dir)
    return ImportedDocument(number, serialize(tree), report.to_json(), tuple(entries), dict(stats), diagnostics)


_CONTAINERS = {"TEI", "teiHeader", "fileDesc", "titleStmt", "publicationStmt", "sourceDesc",
               "notesStmt", "encodingDesc", "appInfo", "application", "editorialDecl", "profileDesc",
               "creation", "langUsage", "revisionDesc", "respStmt", "text", "body", "standOff",
               "correction", "normalization", "interpretation", "segmentation", "facsimile"}


_ANY_CONTAINER = tuple(f"{{*}}{name}" for name in sorted(_CONTAINERS))  # of any namespace, as before


def _indent_structure(root: etree._Element) -> None:
    """Indent the header and the text's outer structure; mixed content keeps its own spacing."""
    def walk(node: etree._Element, depth: int) -> None:
        if (node.text or "").strip():
            return
        if next(node.iterchildren(etree.Element), None) is None or (
                node.xpath("boolean(text()[normalize-space()])")  # most have none: no test per child
                and any((c.tail or "").strip() for c in node)):
            return
        if _leaves_only(node):  # the same text and tails, set in C (a sourceDesc of 100,000 p)
            etree.indent(node, level=depth)
            return
        nodes = list(node)
        inner = "\n" + "  " * (depth + 1)
        node.text = inner
        for child in nodes:
            child.tail = inner
        nodes[-1].tail = "\n" + "  " * depth
        for child in node.iterchildren(*_ANY_CONTAINER):  # found by libxml2: not each of 100,000 p
            walk(child, depth + 1)
    if etree.QName(root).localname in _CONTAINERS:
        walk(root, 0)


def _leaves_only(node: etree._Element) -> bool:
    """Are `node`'s children elements that hold text alone, with no comment, processing
    instruction or entity reference anywhere below? Then `etree.indent` of `node` changes
    what the walk would: it recurses into no child (each holds text alone), and sets the text
    and every tail where they are white space (str.isspace, the walk's strip()), which the
    walk's tests have made sure of for every tail before it overwrites them. Both tests in C."""
    return not node.xpath("boolean(*/*)") and next(node.iter(etree.Comment, etree.PI, etree.Entity), None) is None

"""A document under validation: its parsed tree, where each node stands in the source, and the
schemas it declares in `xml-model` processing instructions.

Parsing goes through toolkit.safe_xml, so hostile files (entity bombs, external entities,
DOCTYPEs pointing elsewhere, oversized files) are refused before any validator sees them.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from lxml import etree

from toolkit.errors import Diagnostic, InputError, Severity
from toolkit.safe_xml import parse_xml, parse_xml_file, read_bytes

_START_TAG = re.compile(rb"<(?![/!?])")
_PSEUDO_ATTR = re.compile(r"([A-Za-z_][\w.-]*)\s*=\s*(?:\"([^\"]*)\"|'([^']*)')")


@dataclass(frozen=True)
class SchemaDeclaration:
    """One `<?xml-model href=... schematypens=...?>` of a document."""

    href: str
    schematypens: str
    type: str
    line: int


@dataclass
class Document:
    path: Path
    display: str  # the path as the user gave it, for messages
    data: bytes
    tree: etree._ElementTree
    _columns: dict[int, list[int]] = field(default_factory=dict, repr=False)
    _line_starts: list[int] = field(default_factory=list, repr=False)
    _order: dict[etree._Element, int] | None = field(default=None, repr=False)
    _decoded: tuple[int, str] | None = field(default=None, repr=False)

    @property
    def root(self) -> etree._Element:
        return self.tree.getroot()

    def diagnostic(self, severity: Severity, message: str, node: Any = None,
                   rule: str | None = None, line: int | None = None) -> Diagnostic:
        """A diagnostic at `node` (an element or an attribute value from XPath) or at `line`."""
        column = None
        if node is not None:
            line, column = self.position(node)
        return Diagnostic(severity, message, self.display, line, column, rule)

    def position(self, node: Any) -> tuple[int | None, int | None]:
        """Line and column (1-based) of an element's start tag or an attribute's name."""
        attribute = None
        if isinstance(node, etree._ElementUnicodeResult):
            attribute = str(node.attrname) if node.is_attribute else None
            node = node.getparent()
        line = source_line(node)
        if not isinstance(node, etree._Element) or line is None:
            return None, None
        column = self._element_column(node, line)
        if attribute is not None and column is not None:
            column = self._attribute_column(line, column, attribute) or column
        return line, column

    # -- columns: libxml2 records lines only, so columns are found in the source bytes ---------
    def _line_bytes(self, line: int) -> bytes:
        if not self._line_starts:
            starts = [0]
            starts.extend(m.end() for m in re.finditer(rb"\n", self.data))
            self._line_starts = starts
        if line - 1 >= len(self._line_starts):
            return b""
        start = self._line_starts[line - 1]
        end = self._line_starts[line] if line < len(self._line_starts) else len(self.data)
        return self.data[start:end]

    def _element_column(self, node: etree._Element, line: int) -> int | None:
        if self._order is None:
            self._order = {}
            per_line: dict[int, int] = {}
            for element in self.tree.iter(etree.Element):
                number = source_line(element) or 0
                self._order[element] = per_line.get(number, 0)
                per_line[number] = per_line.get(number, 0) + 1
        offsets = self._columns.get(line)
        if offsets is None:
            # characters before each start tag, counted segment by segment: decoding the whole
            # prefix per tag was quadratic on a long line (a file of one line, 64,000 elements)
            text = self._line_bytes(line)
            offsets = []
            previous, chars = 0, 0
            for match in _START_TAG.finditer(text):
                chars += len(text[previous:match.start()].decode("utf-8", "replace"))
                previous = match.start()
                offsets.append(chars + 1)
            self._columns[line] = offsets
        index = self._order.get(node, 0)
        return offsets[index] if index < len(offsets) else (offsets[-1] if offsets else 1)

    def _attribute_column(self, line: int, element_column: int, attribute: str) -> int | None:
        if self._decoded is None or self._decoded[0] != line:  # many attributes, one long line
            self._decoded = (line, self._line_bytes(line).decode("utf-8", "replace"))
        text = self._decoded[1]
        name = _attribute_qname(attribute)
        match = re.compile(rf"(?<=\s){re.escape(name)}\s*=").search(text, element_column)
        return match.start() + 1 if match else None

    # -- xml-model ---------------------------------------------------------------------------
    def schema_declarations(self) -> Iterator[SchemaDeclaration]:
        """The xml-model PIs before the document element, in order."""
        node = self.root.getprevious()
        found: list[SchemaDeclaration] = []
        while node is not None:
            if isinstance(node, etree._ProcessingInstruction) and node.target == "xml-model":
                attrs = {m.group(1): m.group(2) if m.group(2) is not None else m.group(3) or ""
                         for m in _PSEUDO_ATTR.finditer(node.text or "")}
                found.append(SchemaDeclaration(attrs.get("href", ""), attrs.get("schematypens", ""),
                                               attrs.get("type", ""), source_line(node) or 1))
            node = node.getprevious()
        yield from reversed(found)


def source_line(node: Any) -> int | None:
    """lxml's sourceline (the stubs type it loosely)."""
    value = getattr(node, "sourceline", None)
    return value if isinstance(value, int) else None


def _attribute_qname(clark: str) -> str:
    if clark.startswith("{http://www.w3.org/XML/1998/namespace}"):
        return "xml:" + clark.split("}", 1)[1]
    return clark.split("}", 1)[1] if clark.startswith("{") else clark


def load_document(path: Path, display: str | None = None) -> Document:
    """Read and parse safely; raises toolkit.errors.InputError with file, line and column."""
    data = read_bytes(path)
    shown = display if display is not None else str(path)
    tree = parse_xml(data, shown)
    return Document(path, shown, data, tree)


def load_schema(path: Path, label: str, include_tags: tuple[str, ...],
                kind: str = "schema") -> etree._ElementTree:
    """A user's schema, parsed safely; an include pointing off this machine is refused, since
    compiling it would fetch it."""
    tree = parse_xml_file(path)
    for include in tree.iter(*include_tags):
        href = include.get("href", "")
        if "://" in href and not href.startswith("file:"):
            raise InputError(f"the {kind} includes {href}; refused, nothing is fetched",
                             label, source_line(include))
    return tree

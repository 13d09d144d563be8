"""Rules about more than one file: references into the registers, identifiers across the edition.

A Schematron rule sees one document; these checks follow each @ref to the register file it
names (a `per:kosygin` pointer expanded by the document's listPrefixDef first; then relative to
the document, as URIs are), parse it with the same hostile-XML guards, and
look the entry up. Parsed registers are cached per process (by path and modification time).
Cross-document xml:id uniqueness is decided by the runner, which sees every file in order;
this module extracts each document's identifiers for it.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from urllib.parse import unquote, urlsplit

from lxml import etree

from toolkit.errors import Diagnostic, Severity, ToolkitError
from toolkit.registers import expand_ref, prefix_table
from toolkit.safe_xml import parse_xml_file
from toolkit.tei import TEI_NS, XML_ID
from toolkit.validation.document import Document

LABEL = "edition"

#: the register entry each naming element may point to
ENTRY_KINDS = {"persName": {"person", "personGrp"}, "placeName": {"place"},
               "orgName": {"org"}, "repository": {"org"}, "institution": {"org"}}


@dataclass(frozen=True)
class IdOccurrence:
    xml_id: str
    line: int | None
    column: int | None


class RegisterCache:
    """xml:id -> local name of the element that carries it, per register file."""

    def __init__(self) -> None:
        self._files: dict[Path, tuple[int, dict[str, str] | str]] = {}

    def entries(self, path: Path) -> dict[str, str] | str:
        """The file's identifiers, or a message saying why it cannot be read."""
        try:
            stamp = os.stat(path).st_mtime_ns
        except OSError:
            return "does not exist"
        cached = self._files.get(path)
        if cached and cached[0] == stamp:
            return cached[1]
        result: dict[str, str] | str
        try:
            root = parse_xml_file(path).getroot()
            result = {str(node.get(XML_ID)): str(node.tag).rsplit("}", 1)[-1]
                      for node in root.iter() if isinstance(node.tag, str) and node.get(XML_ID)}
        except ToolkitError as error:
            result = f"cannot be read ({error.diagnostic.message})"
        self._files[path] = (stamp, result)
        return result


class ReferenceChecker:
    """tk-ref-resolves and tk-ref-kind for every @ref in the TEI namespace."""

    label = LABEL

    def __init__(self, cache: RegisterCache | None = None) -> None:
        self.cache = cache or RegisterCache()

    def check(self, document: Document) -> Iterator[Diagnostic]:
        # per document: each register named is resolved and looked up once, not per mention
        targets: dict[str, tuple[str, dict[str, str] | str]] = {}
        unreadable: set[str] = set()
        prefixes = prefix_table(document.root)  # per:kosygin -> registers/persons.xml#kosygin
        for node in document.root.iter(f"{{{TEI_NS}}}*"):
            value = node.get("ref")
            if value is None:
                continue
            for written in value.split():
                token = expand_ref(written, prefixes)
                path, fragment = _split(token)
                if fragment is None:
                    continue  # external authorities are not fetched; form is tk-ref-form
                if path not in targets:
                    targets[path] = self._target(document, path)
                shown, entries = targets[path]
                name = str(node.tag).rsplit("}", 1)[-1]
                if isinstance(entries, str):
                    if shown not in unreadable:  # one message per register, not per mention
                        unreadable.add(shown)
                        yield document.diagnostic(
                            Severity.ERROR, f"<{name}> ref=\"{written}\": the register {shown} "
                            f"{entries} (every later reference to it fails too)", _ref(node),
                            "tk-ref-resolves")
                    continue
                kind = entries.get(fragment)
                if kind is None:
                    yield document.diagnostic(
                        Severity.ERROR, f"<{name}> ref=\"{written}\": {shown} has no entry "
                        f"xml:id=\"{fragment}\"", _ref(node), "tk-ref-resolves")
                elif name in ENTRY_KINDS and kind not in ENTRY_KINDS[name]:
                    expected = " or ".join(f"<{k}>" for k in sorted(ENTRY_KINDS[name]))
                    yield document.diagnostic(
                        Severity.ERROR, f"<{name}> ref=\"{written}\" points to a <{kind}>; "
                        f"<{name}> must point to {expected}", _ref(node), "tk-ref-kind")

    def _target(self, document: Document, path: str) -> tuple[str, dict[str, str] | str]:
        if not path:
            return "this document", {str(n.get(XML_ID)): str(n.tag).rsplit("}", 1)[-1]
                                     for n in document.root.iter()
                                     if isinstance(n.tag, str) and n.get(XML_ID)}
        return path, self.cache.entries(_resolved(document.path.parent, path))


@lru_cache(maxsize=4096)
def _resolved(folder: Path, path: str) -> Path:
    return (folder / path).resolve()


@lru_cache(maxsize=4096)
def _split(token: str) -> tuple[str, str | None]:
    """(unquoted path, unquoted fragment) of a local reference; fragment None otherwise."""
    parts = urlsplit(token)
    if parts.scheme or parts.netloc or not parts.fragment:
        return "", None
    return unquote(parts.path), unquote(parts.fragment)


def _ref(node: etree._Element) -> object:
    """The @ref attribute as an XPath result, so the position points at it."""
    found = node.xpath("@ref")
    return found[0] if isinstance(found, list) and found else node


def identifiers(document: Document) -> list[IdOccurrence]:
    """Every xml:id of the document with its position, in document order."""
    found: list[IdOccurrence] = []
    for attribute in document.root.xpath("//@xml:id"):  # type: ignore[union-attr]
        line, column = document.position(attribute)
        found.append(IdOccurrence(str(attribute), line, column))
    return found


class IdIndex:
    """tk-id-unique: the first file to use an identifier keeps it; later uses are reported."""

    def __init__(self) -> None:
        self._first: dict[str, tuple[str, int | None]] = {}

    def add(self, display: str, occurrences: list[IdOccurrence]) -> list[Diagnostic]:
        problems: list[Diagnostic] = []
        seen_here: set[str] = set()
        for item in occurrences:
            first = self._first.get(item.xml_id)
            if first is not None and first[0] != display:
                where = f"{first[0]}:{first[1]}" if first[1] else first[0]
                problems.append(Diagnostic(
                    Severity.ERROR, f"xml:id=\"{item.xml_id}\" is already used in {where}; "
                    "identifiers must be unique across the edition", display, item.line,
                    item.column, "tk-id-unique"))
            elif item.xml_id not in seen_here and first is None:
                self._first[item.xml_id] = (display, item.line)
            seen_here.add(item.xml_id)
        return problems

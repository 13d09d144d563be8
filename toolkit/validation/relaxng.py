"""RELAX NG (XML syntax) through libxml2, for schemas users name or documents declare (tei_all)."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

from lxml import etree

from toolkit.errors import Diagnostic, InputError, Severity
from toolkit.validation.document import Document, load_schema

_TEI = re.compile(r"\{http://www\.tei-c\.org/ns/1\.0\}")


class RelaxNGValidator:
    def __init__(self, path: Path, label: str) -> None:
        self.path = path
        self.label = label
        tree = load_schema(path, label, ("{http://relaxng.org/ns/structure/1.0}include",
                                         "{http://relaxng.org/ns/structure/1.0}externalRef"))
        try:
            self._schema = etree.RelaxNG(tree)
        except etree.RelaxNGParseError as exc:
            raise InputError(f"not a usable RELAX NG schema: {exc}", label) from None

    def check(self, document: Document) -> Iterator[Diagnostic]:
        if self._schema.validate(document.tree):
            return
        for entry in self._schema.error_log:
            message = _TEI.sub("", entry.message).strip()
            yield Diagnostic(Severity.ERROR, message, document.display, entry.line or None,
                             entry.column or None, self.label)

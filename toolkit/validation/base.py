"""What every validator kind provides: a name for messages and a lazy stream of diagnostics."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Protocol

from toolkit.errors import Diagnostic
from toolkit.validation.document import Document


class Validator(Protocol):
    """A compiled schema or rule set; compiled once, then applied to many documents."""

    #: the schema file (resolved)
    path: Path
    #: shown in brackets after each message: a schema path or a rule set's name
    label: str

    def check(self, document: Document) -> Iterator[Diagnostic]:
        """Yield the document's problems (lazily: the caller may stop early)."""
        ...

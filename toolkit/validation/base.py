"""What every validator kind provides: a name for messages and a lazy stream of diagnostics."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path
from typing import Protocol

from toolkit.errors import Diagnostic, Severity
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


#: diagnostics shown per file; the rest are counted in one line (64,000 invalid siblings made
#: 64,000 error objects and took a minute: a person reads the first ones and fixes the cause)
MAX_DIAGNOSTICS = 100
NOT_SHOWN = "tk-not-shown"
_COUNTS = re.compile(r"^(\d+) more .*\((\d+) errors?[,;)]")


def not_shown(count: int, path: str, what: str = "problems in this file",
              errors: int | None = None) -> Diagnostic:
    """The one line that stands for `count` diagnostics left out, `errors` of them errors
    (all, unless said): an error itself only if errors were left out."""
    errors = count if errors is None else errors
    return Diagnostic(Severity.ERROR if errors else Severity.WARNING,
                      f"{count} more {what} not shown ({errors} error{'s' if errors != 1 else ''}; "
                      f"the first {MAX_DIAGNOSTICS} are)", path, rule=NOT_SHOWN)


def not_shown_counts(diagnostic: Diagnostic) -> tuple[int, int]:
    """(diagnostics, errors) a tk-not-shown line stands for; (0, 0) for any other."""
    match = _COUNTS.match(diagnostic.message) if diagnostic.rule == NOT_SHOWN else None
    return (int(match.group(1)), int(match.group(2))) if match else (0, 0)

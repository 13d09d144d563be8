"""The toolkit's exceptions and diagnostics.

Every failure the toolkit reports derives from ToolkitError, so the CLI can turn any of
them into one clear line and an exit code instead of a traceback.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass


class Severity(enum.Enum):
    ERROR = "error"
    WARNING = "warning"
    INFO = "info"
    # A decision the converter made by a fallback or with less than certainty (a bracket
    # classified by default, a guessed structure, a repaired bracket, an inferred date):
    # not wrong, but what an editor checks first. `rule` names the kind of decision.
    REVIEW = "review"


@dataclass(frozen=True)
class Diagnostic:
    """One finding about one place in one file (xmlschema's error model, flattened)."""

    severity: Severity
    message: str
    path: str = ""
    line: int | None = None
    column: int | None = None
    rule: str | None = None

    def format(self) -> str:
        where = self.path or "<input>"
        if self.line is not None:
            where += f":{self.line}"
            if self.column is not None:
                where += f":{self.column}"
        if self.severity is Severity.REVIEW:
            return f"{where}: {self.rule or 'review'}: {self.message}"
        text = f"{where}: {self.severity.value}: {self.message}"
        return f"{text} [{self.rule}]" if self.rule else text


def review(kind: str, message: str, path: str, line: int | None = None,
           column: int | None = None) -> Diagnostic:
    """An entry of a document's review list: `file:line: kind: what was decided`.
    Kinds in use: bracket-default, bracket-repaired, structure, note, date, header, identifier,
    name (see schemas/README.md)."""
    return Diagnostic(Severity.REVIEW, message, path, line, column, kind)


class ToolkitError(Exception):
    """Root of every error the toolkit raises on purpose."""

    exit_code = 1

    def __init__(self, message: str, path: str = "", line: int | None = None,
                 column: int | None = None, rule: str | None = None) -> None:
        super().__init__(message)
        self.diagnostic = Diagnostic(Severity.ERROR, message, path, line, column, rule)

    def __str__(self) -> str:
        return self.diagnostic.format()


class InputError(ToolkitError):
    """The input cannot be read or converted: bad bytes, bad structure, hostile XML."""


class UsageError(ToolkitError):
    """The command line asks for something impossible."""

    exit_code = 2

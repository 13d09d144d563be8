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
        text = f"{where}: {self.severity.value}: {self.message}"
        return f"{text} [{self.rule}]" if self.rule else text


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

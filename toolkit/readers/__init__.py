"""The reader registry: one module per input format, chosen by file extension or by name."""

from __future__ import annotations

from pathlib import Path

from toolkit.errors import UsageError
from toolkit.readers.base import Conversion, ReadContext, Reader
from toolkit.readers.docx import DocxReader
from toolkit.readers.wcda_text import WcdaTextReader

READERS: dict[str, Reader] = {reader.name: reader for reader in (WcdaTextReader(), DocxReader())}

__all__ = ["READERS", "Conversion", "ReadContext", "Reader", "reader_for"]


def reader_for(path: Path, name: str | None = None) -> Reader:
    if name is not None:
        try:
            return READERS[name]
        except KeyError:
            raise UsageError(f"unknown input format {name!r}; known: {', '.join(READERS)}") from None
    suffix = path.suffix.lower()
    for reader in READERS.values():
        if suffix in reader.extensions:
            return reader
    raise UsageError(f"no reader for files ending in {suffix or '(no extension)'!r}; "
                     f"use --from with one of: {', '.join(READERS)}", str(path))

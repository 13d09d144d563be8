"""Giving the edition to other archives: teiCorpus, standalone documents, Dublin Core records.

`export` writes into a folder: `corpus.xml` (tei-corpus), `NUMBER.xml` per document
(standalone), `NUMBER.dc.xml` per document (dc). Documents are independent, so they are
serialised in parallel; every file is written atomically.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from toolkit.config import EditionConfig
from toolkit.errors import Diagnostic, Severity, ToolkitError, UsageError
from toolkit.exchange.dc import dc_record
from toolkit.exchange.edition import Edition, load_edition
from toolkit.exchange.standalone import corpus, standalone_checked
from toolkit.output import serialize, write_atomic

FORMATS = {
    "tei-corpus": "one teiCorpus file: the edition header, the registers and every document",
    "standalone": "one self-contained TEI file per document, register entries in its standOff",
    "dc": "one Dublin Core (oai_dc) record per document",
}


@dataclass(frozen=True)
class ExportOptions:
    edition_dir: Path
    output_dir: Path
    format: str
    change_date: date
    registers_dir: Path | None = None
    edition: EditionConfig | None = None  # teikit.toml; None: the folder's name as the title


@dataclass(frozen=True)
class Exported:
    path: Path | None
    error: Diagnostic | None = None
    warnings: tuple[Diagnostic, ...] = ()


def export(options: ExportOptions) -> Iterator[Exported]:
    if options.format not in FORMATS:
        raise UsageError(f"unknown export format {options.format!r}; known: {', '.join(FORMATS)}")
    if options.output_dir.resolve() == options.edition_dir.resolve():
        raise UsageError("the export folder must not be the edition folder (its files would be overwritten)")
    edition = load_edition(options.edition_dir, options.registers_dir)
    if options.format == "tei-corpus":
        target = options.output_dir / "corpus.xml"
        write_atomic(target, serialize(corpus(edition, options.change_date, options.edition)))
        yield Exported(target)
        return
    for number, document in edition.documents.items():
        try:
            warnings: tuple[Diagnostic, ...] = ()
            if options.format == "standalone":
                target = options.output_dir / f"{number}.xml"
                root, unresolved = standalone_checked(edition, number)
                data = serialize(root)
                warnings = tuple(Diagnostic(Severity.WARNING, f"{value} names no entry of the registers; "
                                            "the pointer is kept as it is", str(document.path), line)
                                 for line, value in unresolved)
            else:
                target = options.output_dir / f"{number}.dc.xml"
                data = serialize(dc_record(document.tree(), edition, str(document.path.parent)))
            write_atomic(target, data)
            yield Exported(target, warnings=warnings)
        except ToolkitError as error:
            yield Exported(None, error.diagnostic)


__all__ = ["FORMATS", "Edition", "ExportOptions", "Exported", "export", "load_edition", "dc_record"]

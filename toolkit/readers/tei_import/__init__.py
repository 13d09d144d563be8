"""Importing other archives' TEI: one module per source format (FRUS volumes, generic TEI).

Import is not a `convert` reader: one source file (a FRUS volume, a teiCorpus) gives many
documents, each with a loss report and with entries for the edition's registers. Workers read
and transform; the main process writes documents, reports and registers, so a file that fails
leaves nothing behind and two sources never write the same file.

Output layout in the edition folder DIR:
  DIR/NUMBER.xml                 one TEI document each
  DIR/loss/NUMBER.json           its loss report (element, path, line, action, detail)
  DIR/loss/VOLUME.volume.json    a FRUS volume's parts outside its documents (front matter...)
  DIR/loss/NAME.corpus.json      a teiCorpus's own header and unused register entries
  DIR/registers/imported-*.xml   persons, places, organisations and terms carried over
"""

from __future__ import annotations

import gc
import os
import re
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import ProcessPoolExecutor
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from lxml import etree

from toolkit.errors import Diagnostic, InputError, Severity, ToolkitError
from toolkit.output import schema_dir_relative, write_atomic
from toolkit.readers.tei_import.document import ImportedDocument
from toolkit.readers.tei_import.frus import is_frus, read_volume
from toolkit.readers.tei_import.generic import read_generic
from toolkit.readers.tei_import.loss import LossEntry, qname
from toolkit.readers.tei_import.p4 import migrate, needs_migration
from toolkit.readers.tei_import.prepare import expand_entities, rename_repeated_ids
from toolkit.readers.tei_import.normalise import ImportContext
from toolkit.readers.tei_import.registers import EntryLinker, NewEntry, write_registers
from toolkit.readers.tei_import.repair import edition_authority
from toolkit.registers import load_registers
from toolkit.safe_xml import parse_xml, read_bytes
from toolkit.tei import TEI_NS

LOSS_DIR = "loss"

__all__ = ["ImportOptions", "ImportResult", "import_bytes", "import_files", "LOSS_DIR"]


@dataclass(frozen=True)
class ImportOptions:
    output_dir: Path
    registers_dir: Path
    change_date: date
    jobs: int = 1


@dataclass(frozen=True)
class ImportResult:
    source: Path
    documents: tuple[ImportedDocument, ...] = ()
    written: tuple[Path, ...] = ()
    error: Diagnostic | None = None
    format: str = ""
    reports: tuple[tuple[str, bytes], ...] = ()  # loss reports of the file itself (a FRUS volume's front matter)


def make_context(options: ImportOptions) -> ImportContext:
    registers = load_registers(options.registers_dir)
    return ImportContext(EntryLinker(registers, options.registers_dir, options.output_dir), options.change_date,
                         schema_dir_relative(options.output_dir), edition_authority(options.output_dir))


def import_bytes(data: bytes, path: str,
                 context: ImportContext) -> tuple[str, list[ImportedDocument], list[tuple[str, bytes]]]:
    """The documents in one source file, the format that read it, and file-level loss reports."""
    with _no_cycle_collection():
        return _import_bytes(data, path, context)


@contextmanager
def _no_cycle_collection() -> Iterator[None]:
    """Python's cycle collector paused while one source is imported (issue 14): the copies'
    origin tables and the repairs make element proxies by the hundred thousand, none of them
    in a cycle, and every collection of the oldest generation walked all of them again (a
    quarter of the CPU of an import of 96,000 lines). Reference counting frees as before; a
    cycle made meanwhile is collected once the collector is back, as it was found."""
    if not gc.isenabled():
        yield
        return
    gc.disable()
    try:
        yield
    finally:
        gc.enable()


def _import_bytes(data: bytes, path: str,
                  context: ImportContext) -> tuple[str, list[ImportedDocument], list[tuple[str, bytes]]]:
    data, notes = expand_entities(data, path)
    data, notes = _without_prolog_declarations(data, notes)
    try:
        tree = parse_xml(data, path)
    except InputError as error:
        if "already defined" not in error.diagnostic.message:
            raise
        data, renamed = rename_repeated_ids(data)
        if not renamed:
            raise
        notes += renamed
        tree = parse_xml(data, path)
    root = tree.getroot()
    kind = "TEI"
    if needs_migration(root):
        root, migrated = migrate(root)
        tree = root.getroottree()
        notes += migrated
        kind = "TEI P4"
    name = qname(root)
    if root.tag not in (f"{{{TEI_NS}}}TEI", f"{{{TEI_NS}}}teiCorpus"):
        raise InputError(f"not TEI: the root element is {name}; expected TEI or teiCorpus in the "
                         f"namespace {TEI_NS} (or TEI P4's TEI.2)", path, _line(root))
    if root.tag == f"{{{TEI_NS}}}TEI" and is_frus(root):
        documents, volume_report = read_volume(tree, path, context)
        return "FRUS", documents, [(volume_report.document, volume_report.to_json())]
    documents, corpus_report = read_generic(tree, path, context, notes)
    if not documents:
        raise InputError("the teiCorpus holds no TEI document", path, _line(root))
    reports = [(corpus_report.document, corpus_report.to_json())] if corpus_report is not None else []
    return ("teiCorpus" if corpus_report is not None else kind), documents, reports


_PROLOG_COMMENT = re.compile(rb"<!--(?:(?!-->).)*?<!ENTITY(?:(?!-->).)*-->", re.S)


def _without_prolog_declarations(data: bytes, notes: list[LossEntry]) -> tuple[bytes, list[LossEntry]]:
    """Comments before the root that hold DTD declarations (a commented-out DOCTYPE) are not
    carried into the edition anyway; they are removed so that the safe parser reads the file."""
    head_end = data.find(b"<", data.find(b"?>") + 2 if data.startswith(b"<?xml") else 0)
    root_start = re.search(rb"<[A-Za-z_]", data)
    limit = root_start.start() if root_start else len(data)
    found = [m for m in _PROLOG_COMMENT.finditer(data, 0, limit)]
    if not found or head_end < 0:
        return data, notes
    pieces, last = [], 0
    for match in found:
        pieces += [data[last:match.start()], b"\n" * data.count(b"\n", match.start(), match.end())]
        last = match.end()
        notes = notes + [LossEntry("comment()", "/", "dropped", "a comment before the root element holding "
                                   "DTD declarations (a commented-out DOCTYPE); the edition's TEI declares no DTD",
                                   data.count(b"\n", 0, match.start()) + 1)]
    pieces.append(data[last:])
    return b"".join(pieces), notes


def _line(node: etree._Element) -> int | None:
    return node.sourceline if isinstance(node.sourceline, int) else None


def _import_one(source: Path, context: ImportContext) -> ImportResult:
    try:
        kind, documents, reports = import_bytes(read_bytes(source), str(source), context)
        return ImportResult(source, tuple(documents), format=kind, reports=tuple(reports))
    except ToolkitError as error:
        return ImportResult(source, error=error.diagnostic)
    except (ValueError, TypeError, RecursionError, etree.LxmlError) as error:
        return ImportResult(source, error=Diagnostic(Severity.ERROR, f"cannot import: {error}", str(source)))


_WORKER: ImportContext | None = None


def _init_worker(options: ImportOptions, parent: int) -> None:
    global _WORKER
    from toolkit.builders.safety import die_with_parent
    die_with_parent(parent)  # a killed import leaves no worker behind
    _WORKER = make_context(options)


def _work(source: Path) -> ImportResult:
    assert _WORKER is not None
    return _import_one(source, _WORKER)


def import_files(sources: Sequence[Path], options: ImportOptions,
                 remote: Callable[[Sequence[Path]], Iterator[ImportResult]] | None = None
                 ) -> Iterator[ImportResult]:
    """Import each source; results come back in input order, then the registers are written.
    `remote`: the results come from a Dask cluster (toolkit/cluster_tasks.py)."""
    written: dict[str, Path] = {}
    new_entries: list[NewEntry] = []
    jobs = max(1, min(options.jobs, len(sources), os.cpu_count() or 1))
    if remote is not None:
        for result in remote(sources):
            yield _write(result, options, written, new_entries)
    elif jobs == 1:
        context = make_context(options)
        for source in sources:
            yield _write(_import_one(source, context), options, written, new_entries)
    else:
        with ProcessPoolExecutor(jobs, initializer=_init_worker,
                                 initargs=(options, os.getpid())) as pool:
            for result in pool.map(_work, sources):
                yield _write(result, options, written, new_entries)
    if new_entries:
        _paths, problems = write_registers(options.registers_dir, new_entries)
        for problem in problems:
            yield ImportResult(Path(problem.path), error=problem)


def _write(result: ImportResult, options: ImportOptions, written: dict[str, Path],
           new_entries: list[NewEntry]) -> ImportResult:
    if result.error is not None:
        return result
    for document in result.documents:
        if document.number in written:
            return ImportResult(result.source, error=Diagnostic(
                Severity.ERROR, f"document number {document.number} was already written from "
                f"{written[document.number]}; nothing of this file was written", str(result.source)))
    paths: list[Path] = []
    try:
        for document in result.documents:
            target = options.output_dir / f"{document.number}.xml"
            write_atomic(target, document.data)
            write_atomic(options.output_dir / LOSS_DIR / f"{document.number}.json", document.loss)
            written[document.number] = result.source
            paths.append(target)
        for name, report in result.reports:
            kind = "volume" if result.format == "FRUS" else "corpus"
            write_atomic(options.output_dir / LOSS_DIR / f"{name}.{kind}.json", report)
    except OSError as exc:
        return ImportResult(result.source, error=Diagnostic(
            Severity.ERROR, f"cannot write into {options.output_dir}: {exc.strerror}", str(result.source)))
    for document in result.documents:
        new_entries.extend(document.entries)
    return ImportResult(result.source, result.documents, tuple(paths), format=result.format, reports=result.reports)

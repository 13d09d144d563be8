"""Validating a batch: which files, which schemas for each, in parallel, in a stable order.

Each worker process compiles every schema once (on first use) and validates whole files; the
parent receives one FileReport per file, in input order, and adds the edition-wide check of
xml:id uniqueness, which needs every earlier file's identifiers.
"""

from __future__ import annotations

import os
import re
import time
import warnings
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field, replace
from functools import lru_cache
from pathlib import Path
from urllib.parse import unquote, urlsplit

from toolkit import filestate
from toolkit.errors import Diagnostic, Severity, ToolkitError, UsageError
from toolkit.validation.base import MAX_DIAGNOSTICS, NOT_SHOWN, Validator, not_shown, not_shown_counts
from toolkit.validation.document import Document, SchemaDeclaration, load_document
from toolkit.validation.edition import IdIndex, IdOccurrence, ReferenceChecker, identifiers
from toolkit.validation.urls import UrlSchemeChecker
from toolkit.validation.registry import (IMPORT_RNG, IMPORT_SCH, PROJECT_SCH, PROJECT_XSD, SCHEMAS_DIR,
                                         kind_of, load_validator)
from toolkit.validation.cache import ValidationCache, diagnostics_of, ids_of


@dataclass(frozen=True)
class ValidateOptions:
    """What to check. The project's XSD, Schematron and edition rules apply unless `project`
    is false; `schemas` are applied to every file; declared xml-model schemas when
    `declared` is true."""

    schemas: tuple[Path, ...] = ()
    project: bool = True
    declared: bool = True
    thorough: bool = False  # run xmlschema on every file, not only on those libxml2 rejects
    jobs: int = os.cpu_count() or 1
    cache: Path | None = None  # a JSON file of earlier results, reused by content hash
    cache_to: Path | None = None  # where this run's results go when they changed (default: cache)

    def fingerprint(self) -> str:
        """What shapes every report, for the cache (not where it runs or caches)."""
        return repr((self.schemas, self.project, self.declared, self.thorough))


@dataclass(frozen=True)
class FileReport:
    path: str
    diagnostics: tuple[Diagnostic, ...]
    ids: tuple[IdOccurrence, ...] = field(default=(), repr=False)
    seconds: float = 0.0  # time spent on this file (reported by the JUnit format)
    cached: bool = field(default=False, compare=False)  # reused from the cache, not validated

    @property
    def errors(self) -> int:
        """Errors found, shown or not (a tk-not-shown line stands for its count)."""
        return sum(not_shown_counts(d)[1] if d.rule == NOT_SHOWN else d.severity is Severity.ERROR
                   for d in self.diagnostics)

    @property
    def warnings(self) -> int:
        return sum(not_shown_counts(d)[0] - not_shown_counts(d)[1] if d.rule == NOT_SHOWN
                   else d.severity is Severity.WARNING for d in self.diagnostics)

    @property
    def valid(self) -> bool:
        return self.errors == 0


def collect(paths: Sequence[Path]) -> list[Path]:
    """Files as given, and folders searched recursively for *.xml (hidden entries skipped);
    a folder without any is a mistake, unless it is a new edition's tei/ (with registers/)."""
    found: list[Path] = []
    for path in paths:
        if path.is_dir():
            inside = sorted(p for p in path.rglob("*.xml") if p.is_file() and not any(
                part.startswith(".") for part in p.relative_to(path).parts))
            if not inside and not (path / "registers").is_dir():
                # an edition folder (tei/ with registers/) may be new and still empty
                raise UsageError(f"{path}: no *.xml files in this folder")
            found.extend(inside)
        elif path.exists():
            found.append(path)
        else:
            raise UsageError(f"{path}: no such file or folder")
    return list(dict.fromkeys(found))


class FileValidator:
    """Everything one process needs to validate files: the compiled schemas and caches."""

    def __init__(self, options: ValidateOptions) -> None:
        self.options = options
        self.fixed: list[Validator] = []
        if options.project:
            self.fixed += [load_validator(PROJECT_XSD, "xsd", options.thorough),
                           load_validator(PROJECT_SCH, "sch")]
        self.fixed += [load_validator(p, None, options.thorough) for p in options.schemas]
        self.references = ReferenceChecker() if options.project else None
        self.urls = UrlSchemeChecker() if options.project else None

    def validate(self, path: Path) -> FileReport:
        started = time.perf_counter()
        # a library's Python warning is never printed raw (several lines, a source line of
        # ours): it becomes a diagnostic of the file, in the one-line format
        with warnings.catch_warnings(record=True) as caught:
            warnings.simplefilter("always")
            report = self._validate(path)
        if caught:
            extra = tuple(Diagnostic(Severity.WARNING, " ".join(str(w.message).split())[:500], str(path),
                                     1, 1, w.category.__name__) for w in caught)
            report = replace(report, diagnostics=report.diagnostics + extra)
        return replace(report, seconds=time.perf_counter() - started)

    def _validate(self, path: Path) -> FileReport:
        shown = str(path)
        try:
            document = load_document(path, shown)
        except ToolkitError as error:
            return FileReport(shown, (_unreadable(error.diagnostic, path),))
        found: list[Diagnostic] = []
        fixed = self._imported(document) if self.options.project and self._declares_import(document) else self.fixed
        for validator in fixed:
            found.extend(validator.check(document))
        if self.options.declared:
            found.extend(self._declared(document, {v.path for v in fixed}))
        if self.references is not None:
            found.extend(self.references.check(document))
        if self.urls is not None:
            found.extend(self.urls.check(document))
        found = _capped([_with_column(d) for d in found], shown)
        return FileReport(shown, tuple(found), tuple(identifiers(document)))

    def _declares_import(self, document: Document) -> bool:
        """An imported document (it declares teikit-import.rng): the project's layers for it are
        the import customisation, not teikit.xsd + teikit.sch."""
        for declaration in document.schema_declarations():
            target = _resolve(document, declaration)
            if isinstance(target, Path) and _resolved(target) == _resolved(IMPORT_RNG):
                return True
        return False

    def _imported(self, document: Document) -> list[Validator]:
        project = {_resolved(PROJECT_XSD), _resolved(PROJECT_SCH)}
        return [load_validator(IMPORT_RNG, "rng"), load_validator(IMPORT_SCH, "sch")] + \
            [v for v in self.fixed if _resolved(v.path) not in project]

    def _declared(self, document: Document, applied: set[Path]) -> Iterator[Diagnostic]:
        applied = {_resolved(p) for p in applied}
        for declaration in document.schema_declarations():
            target = _resolve(document, declaration)
            if isinstance(target, Diagnostic):
                yield target
                continue
            # an edition's own copy of the project schema (teikit init) is the schema applied
            if target is None or _resolved(target) in applied \
                    or _content(target) in {_content(p) for p in applied}:
                continue
            kind = kind_of(target, declaration.schematypens)
            if kind is None:
                yield document.diagnostic(
                    Severity.WARNING, f"xml-model {declaration.href}: schema kind not supported "
                    "(XSD, RELAX NG XML syntax and Schematron are); not applied",
                    rule="tk-xml-model", line=declaration.line)
                continue
            try:
                validator = load_validator(target, kind, self.options.thorough)
            except ToolkitError as error:
                yield document.diagnostic(
                    Severity.ERROR, f"xml-model {declaration.href}: {error.diagnostic.message}",
                    rule="tk-xml-model", line=declaration.line)
                continue
            yield from validator.check(document)


@lru_cache(maxsize=1024)
def _resolved(path: Path) -> Path:
    return path.resolve()


def _content(path: Path) -> str:
    """A schema file's SHA-256 by the file index ('' when it cannot be read: never a copy)."""
    try:
        return filestate.sha256(path)
    except OSError:
        return ""


def _resolve(document: Document, declaration: SchemaDeclaration) -> Path | Diagnostic | None:
    href = declaration.href
    if not href:
        return document.diagnostic(Severity.WARNING, "xml-model without href", rule="tk-xml-model",
                                   line=declaration.line)
    parts = urlsplit(href)
    if parts.scheme in ("http", "https", "ftp"):
        return document.diagnostic(
            Severity.WARNING, f"xml-model {href}: remote schemas are never fetched; not applied "
            "(use --schema with a local copy)", rule="tk-xml-model", line=declaration.line)
    if parts.scheme not in ("", "file"):
        return document.diagnostic(Severity.WARNING, f"xml-model {href}: unsupported URI scheme; "
                                   "not applied", rule="tk-xml-model", line=declaration.line)
    target = document.path.parent / unquote(parts.path)
    if not target.is_file():
        # named by its href, relative to the document: a cached report holds no absolute path
        return document.diagnostic(Severity.WARNING, f"xml-model {href}: the declared schema "
                                   "does not exist (the href is relative to the document); not applied",
                                   rule="tk-xml-model",
                                   line=declaration.line)
    return target


def _capped(found: list[Diagnostic], path: str) -> list[Diagnostic]:
    """The first MAX_DIAGNOSTICS by position, and one line counting the others."""
    counts = [not_shown_counts(d) for d in found if d.rule == NOT_SHOWN]
    found = [d for d in found if d.rule != NOT_SHOWN]
    found.sort(key=lambda d: (d.line or 0, d.column or 0))
    left_out = found[MAX_DIAGNOSTICS:]
    hidden = sum(c[0] for c in counts) + len(left_out)
    hidden_errors = sum(c[1] for c in counts) + sum(d.severity is Severity.ERROR for d in left_out)
    if not hidden:
        return found
    summary = not_shown(hidden, path, errors=hidden_errors)
    if len(found) > MAX_DIAGNOSTICS:  # placed where the first one left out is
        first = found[MAX_DIAGNOSTICS]
        summary = replace(summary, line=first.line, column=first.column)
    elif found:
        summary = replace(summary, line=found[-1].line, column=found[-1].column)
    return [*found[:MAX_DIAGNOSTICS], _with_column(replace(summary, line=summary.line or 1))]


def _with_column(diagnostic: Diagnostic) -> Diagnostic:
    """Problems of a whole line (a processing instruction, an engine that gives no column)
    are placed at its start, so every line reads FILE:LINE:COLUMN."""
    if diagnostic.line is None or diagnostic.column is not None:
        return diagnostic
    return Diagnostic(diagnostic.severity, diagnostic.message, diagnostic.path, diagnostic.line, 1,
                      diagnostic.rule)


def _column_of(path: Path, line: int | None, needle: str) -> int:
    """1-based column of `needle` on a line of the file (1 when it is not found)."""
    try:
        with path.open("rb") as handle:
            for number, text in enumerate(handle, start=1):
                if number == line:
                    found = text.decode("utf-8", "replace").find(needle)
                    return found + 1 if found >= 0 else 1
    except OSError:
        pass
    return 1


_DUPLICATE_ID = re.compile(r"ID (?P<id>\S+) already defined")


def _unreadable(diagnostic: Diagnostic, path: Path) -> Diagnostic:
    """A file the parser refused; libxml2's duplicate-xml:id refusal gets a plain message."""
    duplicate = _DUPLICATE_ID.search(diagnostic.message)
    if duplicate:
        xml_id = duplicate.group("id")
        return Diagnostic(Severity.ERROR, f"xml:id=\"{xml_id}\" is used twice in this document; "
                          "identifiers must be unique", diagnostic.path, diagnostic.line,
                          _column_of(path, diagnostic.line, f'xml:id="{xml_id}"'), "tk-id-unique")
    return Diagnostic(diagnostic.severity, diagnostic.message, diagnostic.path,
                      diagnostic.line or 1, diagnostic.column or 1, diagnostic.rule or ("safe-xml" if "refused" in diagnostic.message else "well-formed"))


_WORKER: FileValidator | None = None


def _init_worker(options: ValidateOptions, parent: int) -> None:
    global _WORKER
    from toolkit.builders.safety import die_with_parent
    die_with_parent(parent)
    _WORKER = FileValidator(options)


def _work(path: Path) -> FileReport:
    assert _WORKER is not None
    return _WORKER.validate(path)


Remote = Callable[[Sequence[Path]], Iterator[FileReport]]


def validate_files(paths: Sequence[Path], options: ValidateOptions | None = None,
                   remote: Remote | None = None) -> Iterator[FileReport]:
    """One report per XML file under `paths`, in order; UsageError for bad paths or schemas.
    `remote`: the files' own reports come from a Dask cluster (toolkit/cluster_tasks.py)."""
    options = options or ValidateOptions()
    files = collect(paths)
    if options.cache is not None:
        yield from _cached(files, options, options.cache, remote)
        return
    yield from _validate_all(files, options, remote)


def _validate_all(files: list[Path], options: ValidateOptions, remote: Remote | None
                  ) -> Iterator[FileReport]:
    """The files' reports, in order, each with the edition-wide xml:id check."""
    index = IdIndex()
    for report in _reports(files, options, remote):
        yield _edition(index, report)


def _cached(files: list[Path], options: ValidateOptions, path: Path, remote: Remote | None
            ) -> Iterator[FileReport]:
    """As _validate_all, reusing the cached report of every file whose key is unchanged;
    only the others are validated (and no schema is compiled when there are none)."""
    cache = ValidationCache.for_run(path, files, SCHEMAS_DIR, options.schemas, options.fingerprint(),
                                    options.cache_to)
    keys = {f: cache.key(f) for f in files}
    entries = {f: cache.get(f, keys[f]) for f in files}
    misses = [f for f in files if entries[f] is None]
    fresh = iter(_reports(misses, options, remote) if misses else ())
    index = IdIndex()
    for file in files:
        entry = entries[file]
        if entry is None:
            report = next(fresh)
            cache.put(file, keys[file], report.diagnostics, report.ids)
        else:
            report = FileReport(str(file), diagnostics_of(entry, file), ids_of(entry), cached=True)
        yield _edition(index, report)
    cache.save()


def _reports(files: list[Path], options: ValidateOptions, remote: Remote | None = None
             ) -> Iterator[FileReport]:
    """Each file's own report, in order, from worker processes when there are enough files."""
    try:
        local = FileValidator(options)  # compiles here first: a bad --schema is a usage error
    except ToolkitError as error:
        raise UsageError(error.diagnostic.message, error.diagnostic.path,
                         error.diagnostic.line) from None
    if remote is not None:
        yield from remote(files)
        return
    jobs = max(1, min(options.jobs, os.cpu_count() or 1, len(files) // 8))
    if jobs == 1:
        yield from (local.validate(p) for p in files)
        return
    chunk = max(1, min(32, len(files) // (jobs * 4)))
    with ProcessPoolExecutor(jobs, initializer=_init_worker, initargs=(options, os.getpid())) as pool:
        yield from pool.map(_work, files, chunksize=chunk)


def _edition(index: IdIndex, report: FileReport) -> FileReport:
    extra = index.add(report.path, list(report.ids))
    if not extra:
        return report
    merged = sorted((*report.diagnostics, *extra), key=lambda d: (d.line or 0, d.column or 0))
    return replace(report, diagnostics=tuple(merged))


def validate(paths: Sequence[Path], options: ValidateOptions | None = None
             ) -> Iterator[Diagnostic]:
    """Every problem in the files under `paths`, file by file in document order.

    The entry point for other commands (`teikit build` validates before publishing):
    any diagnostic with severity ERROR means the edition must not be published.
    """
    for report in validate_files(paths, options):
        yield from report.diagnostics

"""What `convert`, `validate`, `import` and `build` run on a Dask cluster (`toolkit.cluster.run`).

For each command: a `prepare` (module-level, with picklable arguments: it is sent to every
worker once, in a WorkerPlugin), a task `work(state, payload)` and, on the command's side, the
payload sent per item and the handling of what comes back. The tasks do what the local code
does per document, through the same public functions (`convert_bytes`, `import_bytes`,
`FileValidator.validate`, `Builder.write_one`), and return what the local worker processes
return, so that the command writes and reports exactly as it does locally.

Paths: the command sends absolute paths (a worker's working folder is not the command's)
and the paths as the user gave them, which are the ones every result and message names.
"""

from __future__ import annotations

import os
import re
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, replace
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING, Any

from lxml import etree

from toolkit.cluster import Mirror, files_in, run, shown_path, snapshot, taken_from
from toolkit.config import ClusterSettings
from toolkit.errors import Diagnostic, Severity, ToolkitError
from toolkit.output import schema_dir_relative, serialize, with_schema_pis, write_atomic
from toolkit.safe_xml import read_bytes

if TYPE_CHECKING:
    from toolkit.builders.base import Builder, BuildConfig, Document
    from toolkit.convert import ConvertOptions, FileResult
    from toolkit.readers import ReadContext
    from toolkit.readers.tei_import import ImportOptions, ImportResult
    from toolkit.readers.tei_import.normalise import ImportContext
    from toolkit.validation.runner import FileReport, FileValidator, ValidateOptions

BYTES = "bytes"


@dataclass(frozen=True)
class Source:
    """A source as sent to a worker: its name as given, its absolute path, and with transfer =
    "bytes" its content (or why the command could not read it)."""

    shown: str
    path: str
    data: bytes | None = None
    error: Diagnostic | None = None


def _source(transfer: str, source: Path) -> Source:
    shown, absolute = str(source), str(source.resolve())
    if transfer != BYTES:
        return Source(shown, absolute)
    try:
        return Source(shown, absolute, read_bytes(source))
    except ToolkitError as error:
        return Source(shown, absolute, error=error.diagnostic)


def _read(source: Source) -> bytes:
    """The source's bytes (sent, or read from the shared folder); errors name it as given."""
    if source.error is not None:
        raise ToolkitError(source.error.message, source.error.path, source.error.line,
                           source.error.column, source.error.rule)
    if source.data is not None:
        return source.data
    try:
        return read_bytes(Path(source.path))
    except ToolkitError as error:
        d = error.diagnostic
        raise ToolkitError(shown_path(d.message, source.path, source.shown),
                           shown_path(d.path, source.path, source.shown), d.line, d.column,
                           d.rule) from None


def _mirrored(shipped: dict[str, bytes] | None) -> Mirror | None:
    return None if shipped is None else Mirror(shipped)


def _place(mirror: Mirror | None, path: Path) -> Path:
    return path if mirror is None else mirror.path(path)


# -- convert -----------------------------------------------------------------------------------

@dataclass
class _Converter:
    context: ReadContext
    options: ConvertOptions  # the command's: outputs are named as it names them
    schema_dir: str  # the command's schemas/ relative to its output folder
    mirror: Mirror | None

    def close(self) -> None:
        if self.mirror is not None:
            self.mirror.close()


def _prepare_convert(options: ConvertOptions, registers: Path, output: Path, schema_dir: str,
                     shipped: dict[str, bytes] | None) -> _Converter:
    from toolkit.convert import make_context
    mirror = _mirrored(shipped)
    context = make_context(replace(options, registers_dir=_place(mirror, registers),
                                   output_dir=_place(mirror, output)))
    return _Converter(context, options, schema_dir, mirror)


def _convert_task(state: _Converter, source: Source) -> FileResult:
    """toolkit.convert's per-source work, as its worker processes return it (no tree)."""
    from toolkit.convert import FileResult, convert_bytes
    try:
        conversion = convert_bytes(_read(source), source.shown, state.context,
                                   state.options.input_format)
        tree = with_schema_pis(conversion.tree, state.schema_dir)
        return FileResult(Path(source.shown), state.options.output_dir / f"{conversion.number}.xml",
                          data=serialize(tree), number=conversion.number,
                          diagnostics=conversion.diagnostics, stats=dict(conversion.stats))
    except ToolkitError as error:
        return FileResult(Path(source.shown), error=error.diagnostic)


def convert_remote(cluster: ClusterSettings, options: ConvertOptions
                   ) -> Callable[[Sequence[Path]], Iterator[FileResult]]:
    """convert_files' results from the cluster (the command writes them, in input order)."""
    shipped = files_in(options.registers_dir) if cluster.transfer == BYTES else None
    prepare = partial(_prepare_convert, options, options.registers_dir.resolve(),
                      options.output_dir.resolve(), schema_dir_relative(options.output_dir), shipped)
    return lambda sources: run(cluster.scheduler, prepare, _convert_task, sources,
                               partial(_source, cluster.transfer))


# -- import ------------------------------------------------------------------------------------

@dataclass
class _Importer:
    context: ImportContext
    mirror: Mirror | None

    def close(self) -> None:
        if self.mirror is not None:
            self.mirror.close()


def _prepare_import(options: ImportOptions, registers: Path, output: Path, schema_dir: str,
                    authority: str, shipped: dict[str, bytes] | None) -> _Importer:
    from toolkit.readers.tei_import import make_context
    mirror = _mirrored(shipped)
    context = make_context(replace(options, registers_dir=_place(mirror, registers),
                                   output_dir=_place(mirror, output)))
    # what the command's side decides (its schemas folder, its edition's publisher)
    return _Importer(replace(context, schema_dir=schema_dir, authority=authority), mirror)


def _import_task(state: _Importer, source: Source) -> ImportResult:
    """toolkit.readers.tei_import's per-file work, as its worker processes return it."""
    from toolkit.readers.tei_import import ImportResult, import_bytes
    shown = Path(source.shown)
    try:
        kind, documents, reports = import_bytes(_read(source), source.shown, state.context)
        return ImportResult(shown, tuple(documents), format=kind, reports=tuple(reports))
    except ToolkitError as error:
        return ImportResult(shown, error=error.diagnostic)
    except (ValueError, TypeError, RecursionError, etree.LxmlError) as error:
        return ImportResult(shown, error=Diagnostic(Severity.ERROR, f"cannot import: {error}",
                                                    source.shown))


def import_remote(cluster: ClusterSettings, options: ImportOptions
                  ) -> Callable[[Sequence[Path]], Iterator[ImportResult]]:
    """import_files' results from the cluster (the command writes documents and registers)."""
    from toolkit.readers.tei_import import make_context
    here = make_context(options)  # what the command decides: its schemas, its publisher
    shipped = files_in(options.registers_dir) if cluster.transfer == BYTES else None
    prepare = partial(_prepare_import, options, options.registers_dir.resolve(),
                      options.output_dir.resolve(), here.schema_dir, here.authority, shipped)
    return lambda sources: run(cluster.scheduler, prepare, _import_task, sources,
                               partial(_source, cluster.transfer))


# -- validate ----------------------------------------------------------------------------------

@dataclass
class _Validator:
    validator: FileValidator
    cwd: str  # the command's working folder: schemas are named relative to it


def _prepare_validate(options: ValidateOptions, cwd: str) -> _Validator:
    from toolkit.validation.runner import FileValidator
    return _Validator(FileValidator(options), cwd)


_SCHEMA = (".xsd", ".rng", ".sch")


def _schema_label(rule: str | None, cwd: str) -> str | None:
    """A schema as the command names it (relative to its working folder when inside it), not
    as the worker does (relative to its own)."""
    if not rule or not rule.lower().endswith(_SCHEMA):
        return rule
    absolute = os.path.abspath(rule)
    relative = os.path.relpath(absolute, cwd)
    return absolute if relative.startswith("..") else relative


def _validate_task(state: _Validator, source: Source) -> FileReport:
    report = state.validator.validate(Path(source.path))

    def named(d: Diagnostic) -> Diagnostic:
        return replace(d, path=shown_path(d.path, source.path, source.shown),
                       message=shown_path(d.message, source.path, source.shown),
                       rule=_schema_label(d.rule, state.cwd))
    return replace(report, path=source.shown, diagnostics=tuple(named(d) for d in report.diagnostics))


def validate_remote(cluster: ClusterSettings, options: ValidateOptions
                    ) -> Callable[[Sequence[Path]], Iterator[FileReport]] | None:
    """The files' own reports from the cluster, whose workers read the documents from the
    shared folder (a document's declared schemas are beside it). None: validate here (no
    scheduler, or transfer = "bytes": workers without the folder)."""
    if not cluster.scheduler or cluster.transfer == BYTES:
        return None
    absolute = replace(options, schemas=tuple(p.resolve() for p in options.schemas), cache=None)
    prepare = partial(_prepare_validate, absolute, os.getcwd())
    return lambda files: run(cluster.scheduler, prepare, _validate_task, files,
                             partial(_source, "shared-folder"))


# -- build -------------------------------------------------------------------------------------

#: a document that shows files beside it (page images, graphics): with transfer = "bytes" the
#: command renders it itself, as the worker has only the document
_READS_BESIDE = re.compile(rb"<(?:[A-Za-z_][\w.-]*:)?(?:graphic|facsimile)\b")


@dataclass
class _Renderer:
    builder: Builder
    output: Path  # where the builder writes (the mirror's, with transfer = "bytes")
    mirror: Mirror | None

    def close(self) -> None:
        if self.mirror is not None:
            self.mirror.close()


def _prepare_build(builder_type: type[Builder], config: BuildConfig,
                   shipped: dict[str, bytes] | None) -> _Renderer:
    mirror = _mirrored(shipped)
    if mirror is not None:
        edition = config.edition
        about, principles = edition.about, edition.editorial_principles
        config = replace(config, source_dir=mirror.path(config.source_dir),
                         output_dir=mirror.path(config.output_dir),
                         edition=replace(edition, about=about and mirror.path(about),
                                         editorial_principles=principles and mirror.path(principles)))
    builder = builder_type(config)
    builder.prepare()
    return _Renderer(builder, config.output_dir, mirror)


Rendered = list[str] | tuple[list[str], list[tuple[str, bytes]]] | None


def _build_task(state: _Renderer, source: Source) -> Rendered:
    """The files one document's rendering wrote: their paths (shared folder), or the paths
    relative to the output folder and every file made, as bytes ("bytes"; None: the command
    renders this document itself)."""
    from toolkit.builders.base import Document
    if state.mirror is None:
        return [str(p) for p in state.builder.write_one(Document(Path(source.path)))]
    if source.data is None:
        return None
    local = state.mirror.put(source.path, source.data)
    before = snapshot(state.output)
    try:
        written = state.builder.write_one(Document(local))
    except ToolkitError as error:
        d = error.diagnostic
        raise ToolkitError(shown_path(d.message, str(local), source.path),
                           shown_path(d.path, str(local), source.path), d.line, d.column,
                           d.rule) from None
    finally:
        local.unlink()
    return [p.relative_to(state.output).as_posix() for p in written], taken_from(state.output, before)


def _build_source(transfer: str, document: Document) -> Source:
    source = Source(str(document.path), str(document.path.resolve()))
    if transfer != BYTES:
        return source
    data = read_bytes(document.path)
    return replace(source, data=None if _READS_BESIDE.search(data) else data)


def write_documents(address: str, builder_type: type[Builder], config: BuildConfig,
                    documents: Sequence[Document]) -> Iterator[list[Path] | Diagnostic]:
    """Each document's written files, in order, rendered on the cluster (ToolkitError for a
    document that fails, with its file and line)."""
    shipped: dict[str, bytes] | None = None
    sent = config
    if config.transfer == BYTES:
        sent = replace(config, source_dir=config.source_dir.resolve(),
                       output_dir=config.output_dir.resolve())
        texts = [p for p in (config.edition.about, config.edition.editorial_principles) if p]
        shipped = {**files_in(sent.registers_dir), **{str(p.resolve()): p.read_bytes() for p in texts}}
    here: list[Builder] = []  # the command's own builder, for documents that stay here

    def render_here(document: Document) -> list[Path]:
        if not here:
            here.append(builder_type(config))
            here[0].prepare()
        return here[0].write_one(document)

    prepare = partial(_prepare_build, builder_type, sent, shipped)
    results = run(address, prepare, _build_task, documents, partial(_build_source, config.transfer),
                  lambda d: str(d.path))
    for document, result in zip(documents, results):
        if result is None:
            yield render_here(document)
        elif isinstance(result, tuple):
            returned, made = result
            for name, data in made:
                write_atomic(config.output_dir / name, data)
            yield [config.output_dir / name for name in returned]
        else:
            yield [Path(p) for p in result]

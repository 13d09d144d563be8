"""Converting source files to TEI files: reader choice, parallel work, atomic output."""

from __future__ import annotations

import os
from collections.abc import Iterator, Mapping, Sequence
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field, replace
from datetime import date
from pathlib import Path

from toolkit.encoding.names import NameTagger
from toolkit.errors import Diagnostic, Severity, ToolkitError
from toolkit.output import schema_dir_relative, serialize, with_schema_pis, write_atomic
from toolkit.readers import Conversion, ReadContext, reader_for
from toolkit.registers import load_registers
from toolkit.safe_xml import read_bytes


@dataclass(frozen=True)
class ConvertOptions:
    output_dir: Path
    registers_dir: Path
    change_date: date
    input_format: str | None = None
    jobs: int = 1


@dataclass(frozen=True)
class FileResult:
    """One source's outcome. `conversion` (with its tree) stays in the process that converted;
    what the caller reports (number, diagnostics, stats) is copied out, so results of worker
    processes can be pickled."""

    source: Path
    output: Path | None = None
    conversion: Conversion | None = None
    error: Diagnostic | None = None
    data: bytes = b""
    number: str | None = None
    diagnostics: tuple[Diagnostic, ...] = ()
    stats: Mapping[str, int] = field(default_factory=dict)


def _summarised(result: FileResult, keep_tree: bool = True) -> FileResult:
    conversion = result.conversion
    if conversion is None:
        return result
    return replace(result, conversion=conversion if keep_tree else None, number=conversion.number,
                   diagnostics=conversion.diagnostics, stats=dict(conversion.stats))


def make_context(options: ConvertOptions) -> ReadContext:
    registers = load_registers(options.registers_dir)
    return ReadContext(NameTagger(registers, options.output_dir), options.change_date)


def convert_bytes(data: bytes, path: str, context: ReadContext,
                  input_format: str | None = None) -> Conversion:
    return reader_for(Path(path), input_format).read(data, path, context)


def _convert_one(source: Path, context: ReadContext, options: ConvertOptions) -> FileResult:
    try:
        conversion = convert_bytes(read_bytes(source), str(source), context, options.input_format)
        target = options.output_dir / f"{conversion.number}.xml"
        tree = with_schema_pis(conversion.tree, schema_dir_relative(options.output_dir))
        return FileResult(source, target, conversion, data=serialize(tree))
    except ToolkitError as error:
        return FileResult(source, error=error.diagnostic)


_WORKER: tuple[ReadContext, ConvertOptions] | None = None


def _init_worker(options: ConvertOptions) -> None:
    global _WORKER
    _WORKER = (make_context(options), options)


def _work(source: Path) -> FileResult:
    assert _WORKER is not None
    return _summarised(_convert_one(source, *_WORKER), keep_tree=False)


def convert_files(sources: Sequence[Path], options: ConvertOptions) -> Iterator[FileResult]:
    """Convert each source and write its TEI; results come back in input order.

    Workers convert and serialise; this process writes, so that two sources with the same
    document number cannot overwrite each other: the second is reported and not written.
    """
    written: dict[str, Path] = {}
    jobs = max(1, min(options.jobs, len(sources), os.cpu_count() or 1))
    if jobs == 1:
        context = make_context(options)
        results: Iterator[FileResult] = (_summarised(_convert_one(s, context, options))
                                         for s in sources)
        yield from (_write(r, written) for r in results)
        return
    with ProcessPoolExecutor(jobs, initializer=_init_worker, initargs=(options,)) as pool:
        for result in pool.map(_work, sources, chunksize=8):
            yield _write(result, written)


def _write(result: FileResult, written: dict[str, Path]) -> FileResult:
    if result.number is None or result.output is None:
        return result
    number = result.number
    if number in written:
        return FileResult(result.source, error=Diagnostic(
            Severity.ERROR, f"document number {number} was already written from "
            f"{written[number]}; this file was not written", str(result.source)))
    try:
        write_atomic(result.output, result.data)
    except OSError as exc:
        return FileResult(result.source, error=Diagnostic(
            Severity.ERROR, f"cannot write {result.output}: {exc.strerror}", str(result.source)))
    written[number] = result.source
    return replace(result, data=b"")

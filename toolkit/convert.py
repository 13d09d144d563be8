"""Converting source files to TEI files: reader choice, parallel work, atomic output."""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator, Mapping, Sequence
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field, replace
from datetime import date
from pathlib import Path

from lxml import etree

from toolkit.encoding.names import NameTagger
from toolkit.errors import Diagnostic, Severity, ToolkitError, review
from toolkit.output import schema_dir_relative, serialize, with_schema_pis, write_atomic
from toolkit.readers import Conversion, ReadContext, reader_for
from toolkit.readers.tei_import.repair import edition_authority
from toolkit.registers import load_registers
from toolkit.safe_xml import parse_xml, read_bytes
from toolkit.tei import NS


@dataclass(frozen=True)
class ConvertOptions:
    output_dir: Path
    registers_dir: Path
    change_date: date
    input_format: str | None = None
    jobs: int = 1
    document_id: str | None = None  # --id: the identifier of the one source converted


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
    return ReadContext(NameTagger(registers, options.output_dir), options.change_date,
                       options.document_id, edition_authority(options.output_dir))


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


def _init_worker(options: ConvertOptions, parent: int) -> None:
    global _WORKER
    from toolkit.builders.safety import die_with_parent
    die_with_parent(parent)  # a killed convert leaves no worker behind
    _WORKER = (make_context(options), options)


def _work(source: Path) -> FileResult:
    assert _WORKER is not None
    return _summarised(_convert_one(source, *_WORKER), keep_tree=False)


def convert_files(sources: Sequence[Path], options: ConvertOptions,
                  remote: Callable[[Sequence[Path]], Iterator[FileResult]] | None = None
                  ) -> Iterator[FileResult]:
    """Convert each source and write its TEI; results come back in input order.

    Workers convert and serialise; this process writes, so that two sources with the same
    document number cannot overwrite each other: the second is written under a distinct
    number (`116488-2`), with a warning and a review entry, and nothing is lost.
    """
    written: dict[str, Path] = {}
    if remote is not None:  # converted on a Dask cluster (toolkit/cluster_tasks.py)
        yield from (_write(r, written, options) for r in remote(sources))
        return
    jobs = max(1, min(options.jobs, len(sources), os.cpu_count() or 1))
    if jobs == 1:
        context = make_context(options)
        results: Iterator[FileResult] = (_summarised(_convert_one(s, context, options))
                                         for s in sources)
        yield from (_write(r, written, options) for r in results)
        return
    with ProcessPoolExecutor(jobs, initializer=_init_worker,
                             initargs=(options, os.getpid())) as pool:
        for result in pool.map(_work, sources, chunksize=8):
            yield _write(result, written, options)


def _write(result: FileResult, written: dict[str, Path], options: ConvertOptions) -> FileResult:
    if result.number is None or result.output is None:
        return result
    number = result.number
    if number in written:
        result = _renumbered(result, written, options)
        number = str(result.number)
    assert result.output is not None
    try:
        write_atomic(result.output, result.data)
    except OSError as exc:
        return FileResult(result.source, error=Diagnostic(
            Severity.ERROR, f"cannot write {result.output}: {exc.strerror}", str(result.source)))
    written[number] = result.source
    return replace(result, data=b"")


def _renumbered(result: FileResult, written: dict[str, Path], options: ConvertOptions
                ) -> FileResult:
    """A second source with a number already written in this run: an archivist keeps both
    documents, so this one becomes NUMBER-2 (NUMBER-3...), its identifier typed `local` and
    followed by the archive's number, and the decision is a warning and a review entry."""
    number = str(result.number)
    k = 2
    while f"{number}-{k}" in written:
        k += 1
    new = f"{number}-{k}"
    source = str(result.source)
    tree = parse_xml(result.data, source)
    publication = tree.find("tei:teiHeader/tei:fileDesc/tei:publicationStmt", NS)
    assert publication is not None, "every converted document has a publicationStmt"
    first = next(i for i in publication.iterfind("tei:idno", NS) if i.get("type") != "URI")
    if first.get("type") != "local":
        archive = etree.Element(first.tag, type=str(first.get("type")))
        archive.text, archive.tail = first.text, first.tail
        first.addnext(archive)
    first.text = new
    first.set("type", "local")
    message = (f"document number {number} was already written from {written[number]}; this "
               f"document is written as {new}.xml with the identifier {new} (to choose its "
               "identifier, convert it on its own with --id)")
    diagnostics = (*result.diagnostics, Diagnostic(Severity.WARNING, message, source),
                   review("identifier", f"identifier {new} made unique: {number} is also the "
                          f"number of {written[number]}", source))
    return replace(result, number=new, output=options.output_dir / f"{new}.xml",
                   data=serialize(tree), diagnostics=diagnostics)

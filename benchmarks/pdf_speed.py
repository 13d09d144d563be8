"""Print edition speed: PDFs of synthetic documents per second, and the time of the volume.

Goals (issue #5): at least 40 documents/s on 2 cores, and the volume of 1,000 documents in
under 60 s.

    python benchmarks/pdf_speed.py [--count 1000] [--size 5000] [--seed 0] [--jobs 2]

Not timed: writing the synthetic reports (benchmarks/synthetic.py) and converting them to TEI
with toolkit.convert. Timed: (1) `run_builder` without its finish, with `--jobs` worker
processes, start-up of the workers included: since pdf10 this is each document's print XML
only; (2) the finish in this process: the volume stage over the cached print XML, then its
parts typeset (each document once), the documents' own PDFs cut from the parts, the front and
back matter typeset and the volume merged. A document's PDF costs (1) + (2) per document.

`--breakdown` adds, on one core in this process, where a document's time goes: a worker's
start-up (in a fresh interpreter: imports, then `prepare`: the document stylesheet and the
Typst compiler's font scan), then per document the XSLT stage (`print_xml`), Typst's compile
(`typeset`) and writing; and within Typst's compile, by compiling variants of the template
over the same print XML: the template evaluated without being laid out, the PDF/A-3b and
PDF/UA-1 export against a plain one, the rest being layout and PDF export (which the Python
binding does not time apart).

`--instructions N` counts the instructions of Typst's compile of a document (PDF export
included) with valgrind, which a loaded machine does not disturb: a process compiling the
first document once, and one compiling it and then N documents, both in a fresh interpreter
with the builder's compiler settings; the difference over N is the figure. Slow (minutes).
"""

from __future__ import annotations

import argparse
import os
import resource
import platform
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

if __package__ in (None, ""):
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from benchmarks.edition import converted_edition, corpus_arguments  # noqa: E402
from toolkit.builders.base import BuildConfig, Document, Edition, run_builder  # noqa: E402
from toolkit.builders.pdf import DOCUMENT_TEMPLATE, PDF_STANDARDS, PRINT_ROOT, PdfBuilder  # noqa: E402
from toolkit.output import write_atomic  # noqa: E402

if TYPE_CHECKING:
    from typst import PDFStandard

GOAL_RATE = 40.0  # documents/s on 2 cores
GOAL_VOLUME = 60.0  # seconds for the volume of 1,000 documents


def _cpu() -> float:
    """CPU seconds of this process and of its finished children (the build's workers).

    The machine may be shared: wall-clock rates then measure the neighbours too, CPU time
    does not.
    """
    own = resource.getrusage(resource.RUSAGE_SELF)
    children = resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + children.ru_utime + children.ru_stime


class DocumentsOnly(PdfBuilder):
    """The per-document PDFs without the volume, so the two are timed apart."""

    def finish(self, edition: Edition, rebuilt: Sequence[Document]) -> list[Path]:
        return []



_STARTUP = """
import json, resource, sys, time
from pathlib import Path
def cpu():
    r = resource.getrusage(resource.RUSAGE_SELF)
    return r.ru_utime + r.ru_stime
start = cpu()
from toolkit.builders.base import BuildConfig
from toolkit.builders.pdf import PdfBuilder
imported = cpu()
PdfBuilder(BuildConfig(source_dir=Path(sys.argv[1]), output_dir=Path(sys.argv[2]))).prepare()
print(json.dumps({"import": imported - start, "prepare": cpu() - imported}))
"""


def _ms(seconds: float, count: int) -> str:
    return f"{1000 * seconds / count:.1f} ms"


def breakdown(config: BuildConfig, out: Path) -> list[str]:
    """Where one document's CPU time goes, on one core in this process (see the docstring)."""
    import json
    lines: list[str] = []
    import typst
    root = str(Path(__file__).resolve().parents[1])
    started = subprocess.run([sys.executable, "-c", _STARTUP, str(config.source_dir), str(out)],
                             capture_output=True, text=True, check=True, cwd=root,
                             env={**os.environ, "PYTHONPATH": root})
    startup = json.loads(started.stdout)
    lines.append(f"worker start-up (fresh interpreter, CPU): imports {startup['import']:.2f} s, "
          f"prepare {startup['prepare']:.2f} s (document stylesheet, Typst's font scan)")

    builder = PdfBuilder(config)
    builder.prepare()
    documents = Edition.load(config).documents
    builder.print_xml(documents[0])  # warm-up, not counted
    xslt = typeset = writing = 0.0
    inputs = []
    for document in documents:
        began = _cpu()
        print_xml, tei = builder.print_xml(document)
        transformed = _cpu()
        extra = {"tei": tei, "tei-name": document.path.name}
        pdf = builder.typeset(DOCUMENT_TEMPLATE, print_xml, str(document.path), extra)
        compiled = _cpu()
        write_atomic(out / "breakdown" / f"{document.id}.pdf", pdf)
        write_atomic(out / "breakdown" / f"{document.id}.xml", print_xml.encode("utf-8"))
        xslt, typeset, writing = (xslt + transformed - began, typeset + compiled - transformed,
                                  writing + _cpu() - compiled)
        inputs.append({"data": print_xml, **extra})
    count = len(documents)
    lines.append(f"per document, one core: XSLT {_ms(xslt, count)}, Typst {_ms(typeset, count)}, "
          f"writing {_ms(writing, count)} (total {_ms(xslt + typeset + writing, count)})")

    # Typst's compile, by variants of the template over the same print XML
    print_root = out / "pdf" / PRINT_ROOT
    source = (print_root / DOCUMENT_TEMPLATE.name).read_text("utf-8")
    body = "#document-body(doc)\n#facsimile-appendix(doc)\n"
    if body not in source:
        lines.append("  (document.typ changed shape: no split of the compile)")
        return lines
    (print_root / "bench-eval.typ").write_text(source.replace(body, "#let _ = document-body(doc)\n"))
    (print_root / "bench-empty.typ").write_text("#let doc = xml(bytes(sys.inputs.data)).first()\n")
    try:
        began = _cpu()
        compiler = typst.Compiler(root=str(print_root), font_paths=builder.font_dirs(),
                                  ignore_system_fonts=True)
        fonts = _cpu() - began

        def timed(name: str, tagged: bool = False) -> float:
            template = str(print_root / name)
            standards: list[PDFStandard] = PDF_STANDARDS if tagged else []
            for sys_inputs in [inputs[0], *inputs]:  # the first a warm-up, not counted
                if sys_inputs is inputs[0]:
                    began = _cpu()
                compiler.compile(input=template, sys_inputs=sys_inputs, pdf_standards=standards,
                                 pdf_tags=tagged)
            return _cpu() - began

        empty = timed("bench-empty.typ")
        evaluated = timed("bench-eval.typ")
        untagged = timed(DOCUMENT_TEMPLATE.name)
        full = timed(DOCUMENT_TEMPLATE.name, tagged=True)
    finally:
        (print_root / "bench-eval.typ").unlink()
        (print_root / "bench-empty.typ").unlink()
    lines.append(f"  Typst: font scan {fonts:.2f} s once per process; per document: reading the XML "
          f"and a blank page {_ms(empty, count)}, template evaluation "
          f"{_ms(evaluated - empty, count)}, layout and PDF export {_ms(untagged - evaluated, count)}, "
          f"PDF/A-3b + PDF/UA-1 {_ms(full - untagged, count)} (total {_ms(full, count)})")
    return lines


_COMPILES = """
import os, sys
from pathlib import Path
import typst
root, fonts, count = Path(sys.argv[1]), sys.argv[2].split(os.pathsep), int(sys.argv[3])
tei = Path(sys.argv[5])
compiler = typst.Compiler(root=str(root), font_paths=fonts, ignore_system_fonts=True)
folder = root / "inputs" / "instructions"
folder.mkdir(parents=True, exist_ok=True)
documents = sorted(Path(sys.argv[4]).glob("*.xml"))
for print_xml in documents[:1] + documents[:count]:  # the first a warm-up, in both processes
    (folder / "data.xml").write_bytes(print_xml.read_bytes())
    (folder / "tei.xml").write_bytes((tei / print_xml.name).read_bytes())  # attached, as the builder does
    (folder / "tei-name").write_text(print_xml.name)
    compiler.compile(input=str(root / "document.typ"), sys_inputs={"inputs": "/inputs/instructions"},
                     pdf_standards=["a-3b", "ua-1"], pdf_tags=True)
"""


def instructions(config: BuildConfig, out: Path, count: int) -> str:
    """Instructions per document of Typst's compile, by valgrind (see the docstring)."""
    import re
    root = out / "pdf" / PRINT_ROOT
    fonts = os.pathsep.join(PdfBuilder(config).font_dirs())
    print_xml = out / "pdf" / "print-xml"
    totals = []
    for compiles in (0, count):
        done = subprocess.run(["valgrind", "--tool=callgrind", "--callgrind-out-file=/dev/null",
                               sys.executable, "-c", _COMPILES, str(root), fonts, str(compiles),
                               str(print_xml), str(config.source_dir)], capture_output=True, text=True, check=True)
        found = re.search(r"Collected : (\d+)", done.stderr)
        if found is None:
            raise RuntimeError(f"valgrind reported no count: {done.stderr[-500:]}")
        totals.append(int(found.group(1)))
    shutil.rmtree(root / "inputs" / "instructions", ignore_errors=True)
    per = (totals[1] - totals[0]) / count
    return (f"Typst's compile of a document, PDF/A-3b + PDF/UA-1 export included: {per / 1e6:.1f} M "
            f"instructions (valgrind, {count} documents)")


def main(argv: list[str] | None = None) -> int:
    parser = corpus_arguments(argparse.ArgumentParser(description=__doc__.splitlines()[0]))
    parser.add_argument("--breakdown", action="store_true",
                        help="also split a document's CPU time by step, on one core")
    parser.add_argument("--no-volume", action="store_true", help="leave the volume out")
    parser.add_argument("--instructions", type=int, metavar="N", default=0,
                        help="also count Typst's instructions per document over N documents (valgrind)")
    args = parser.parse_args(argv)

    with tempfile.TemporaryDirectory(prefix="pdf-speed-") as tmp:
        work = args.keep or Path(tmp)
        tei = converted_edition(work, args.count, args.size, args.seed, args.jobs)
        converted = len(list(tei.glob("*.xml")))
        out = work / "build"
        shutil.rmtree(out, ignore_errors=True)
        config = BuildConfig(source_dir=tei, output_dir=out, jobs=args.jobs, force=True)

        cpu_before = _cpu()
        start = time.perf_counter()
        report = run_builder(DocumentsOnly, config)
        documents_seconds = time.perf_counter() - start
        documents_cpu = _cpu() - cpu_before
        documents = len(report.rebuilt)
        pages = 0
        try:
            from pypdf import PdfReader
            pages = sum(len(PdfReader(p).pages) for p in (out / "pdf").glob("*.pdf"))
        except ImportError:
            pass

        volume_seconds = volume_cpu = 0.0
        volume_pages = 0
        if not args.no_volume:
            builder = PdfBuilder(config)
            builder.prepare()
            edition = Edition.load(config)
            cpu_before = _cpu()
            start = time.perf_counter()
            builder.finish(edition, [])
            volume_seconds = time.perf_counter() - start
            volume_cpu = _cpu() - cpu_before
            from pypdf import PdfReader
            volume_pages = len(PdfReader(out / "pdf" / "edition.pdf").pages)
        details = breakdown(config, out) if args.breakdown else []
        if args.instructions:
            details.append(instructions(config, out, min(args.instructions, documents)))

    rate = documents / documents_seconds
    cpu_rate = documents / (documents_cpu / args.jobs)
    load = os.getloadavg()[0]
    print(f"machine: {platform.machine()}, {os.cpu_count()} CPUs, Python {platform.python_version()}")
    print(f"corpus: {args.count} synthetic reports of {args.size} bytes, {converted} converted to TEI")
    print(f"documents: {documents} print XML ({pages} pages of PDF before the finish) in {documents_seconds:.1f} s with "
          f"{args.jobs} workers = {rate:.1f} documents/s (goal >= {GOAL_RATE:.0f}) "
          f"{'OK' if rate >= GOAL_RATE else 'BELOW GOAL'}")
    print(f"  CPU time {documents_cpu:.1f} s = {1000 * documents_cpu / documents:.1f} ms per document; "
          f"{cpu_rate:.1f} documents/s if the {args.jobs} cores were ours alone "
          f"(load average now {load:.1f})")
    if not args.no_volume:
        print(f"volume: {documents} documents, {volume_pages} pages in {volume_seconds:.1f} s "
              f"(goal < {GOAL_VOLUME:.0f} s for 1,000) "
              f"{'OK' if volume_seconds < GOAL_VOLUME * documents / 1000 else 'BELOW GOAL'}")
        print(f"  CPU time {volume_cpu:.1f} s (parts typeset one after another: one core; "
              f"the documents' PDFs cut from them)")
        print(f"documents' PDFs and volume together: CPU {documents_cpu + volume_cpu:.1f} s = "
              f"{1000 * (documents_cpu + volume_cpu) / documents:.1f} ms per document")
    for line in details:
        print(line)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

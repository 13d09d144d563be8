"""Print edition speed: PDFs of synthetic documents per second, and the time of the volume.

Goals (issue #5): at least 40 documents/s on 2 cores, and the volume of 1,000 documents in
under 60 s.

    python benchmarks/pdf_speed.py [--count 1000] [--size 5000] [--seed 0] [--jobs 2]

Not timed: writing the synthetic reports (benchmarks/synthetic.py) and converting them to TEI
with toolkit.convert. Timed: (1) `run_builder` for the per-document PDFs with `--jobs` worker
processes, start-up of the workers (stylesheet compilation, font loading) included, the volume
left out; (2) the volume alone in this process: the volume stage over the cached print XML,
then one Typst compilation of every document with contents and index.
"""

from __future__ import annotations

import argparse
import os
import resource
import platform
import shutil
import sys
import tempfile
import time
from collections.abc import Sequence
from pathlib import Path

if __package__ in (None, ""):
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from benchmarks.edition import converted_edition, corpus_arguments  # noqa: E402
from toolkit.builders.base import BuildConfig, Document, Edition, run_builder  # noqa: E402
from toolkit.builders.pdf import PdfBuilder  # noqa: E402

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



def main(argv: list[str] | None = None) -> int:
    parser = corpus_arguments(argparse.ArgumentParser(description=__doc__.splitlines()[0]))
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

    rate = documents / documents_seconds
    cpu_rate = documents / (documents_cpu / args.jobs)
    load = os.getloadavg()[0]
    print(f"machine: {platform.machine()}, {os.cpu_count()} CPUs, Python {platform.python_version()}")
    print(f"corpus: {args.count} synthetic reports of {args.size} bytes, {converted} converted to TEI")
    print(f"documents: {documents} PDFs ({pages} pages) in {documents_seconds:.1f} s with "
          f"{args.jobs} workers = {rate:.1f} documents/s (goal >= {GOAL_RATE:.0f}) "
          f"{'OK' if rate >= GOAL_RATE else 'BELOW GOAL'}")
    print(f"  CPU time {documents_cpu:.1f} s = {1000 * documents_cpu / documents:.1f} ms per document; "
          f"{cpu_rate:.1f} documents/s if the {args.jobs} cores were ours alone "
          f"(load average now {load:.1f})")
    print(f"volume: {documents} documents, {volume_pages} pages in {volume_seconds:.1f} s "
          f"(goal < {GOAL_VOLUME:.0f} s for 1,000) "
          f"{'OK' if volume_seconds < GOAL_VOLUME * documents / 1000 else 'BELOW GOAL'}")
    print(f"  CPU time {volume_cpu:.1f} s (the volume is one Typst compilation: one core)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

"""The print volume's merge alone at scale: peak memory, wall and CPU (issue #13, branch pdf6).

Typesetting 10,000 documents takes the better part of an hour; merging them is what grew with
the edition (pypdf's writer held the whole volume: 5,707 MB of the 6,710 MB peak at 10,000).
So the parts are typeset once for a few hundred converted synthetic documents (not timed), and
the merge is run over `--count` documents' worth of parts: the real part PDFs (or, with
`--per-document`, the documents' own PDFs, one part each: the most files and font subsets a
merge can meet) linked under as many names as the edition would have, with the matter of the
small edition. Each merge runs in a fresh interpreter that reports its own peak RSS
(getrusage), wall and CPU, so nothing of the typesetting is counted.

    python benchmarks/volume_merge.py --source-count 300 --count 10000 [--part-size 100]
        [--per-document] [--merger pikepdf|pypdf] [--keep DIR]
"""

from __future__ import annotations

import argparse
import io
import json
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

if __package__ in (None, ""):
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

# only what the merge needs: the child's peak is the merge's, not Saxon's or Typst's
from toolkit.builders.volume import PARTS_DIR, merge_volume  # noqa: E402


def pypdf_merge(matter: Path, front: int, parts: list[Path], target: Path) -> None:
    """The merge as it was before this branch (commit 8697cd2), for comparison."""
    from pypdf import PdfReader, PdfWriter
    from pypdf.generic import DictionaryObject, NameObject

    reader = PdfReader(matter)
    writer = PdfWriter()
    writer.append(reader, pages=(0, front))
    for path in parts:
        writer.append(path)
    writer.append(reader, pages=(front, len(reader.pages)))
    catalog = reader.trailer["/Root"].get_object()
    assert isinstance(catalog, DictionaryObject)
    for key in ("/Metadata", "/OutputIntents", "/Lang", "/ViewerPreferences"):
        if key in catalog:
            writer.root_object[NameObject(key)] = catalog[key].clone(writer)
    writer.metadata = dict(reader.metadata or {})
    writer.compress_identical_objects(remove_duplicates=True, remove_unreferenced=True)
    output = io.BytesIO()
    writer.write(output)
    target.write_bytes(output.getvalue())


def child(arguments: str) -> None:
    """In a fresh interpreter: one merge, then its wall, CPU and peak RSS as JSON."""
    given = json.loads(arguments)
    before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    parts = [Path(p) for p in Path(given["list"]).read_text("utf-8").split("\n")]
    started, cpu = time.perf_counter(), time.process_time()
    merger = merge_volume if given["merger"] == "pikepdf" else pypdf_merge
    merger(Path(given["matter"]), given["front"], parts, Path(given["target"]))
    usage = resource.getrusage(resource.RUSAGE_SELF)
    print(json.dumps({"wall": time.perf_counter() - started, "cpu": time.process_time() - cpu,
                      "peak_mb": usage.ru_maxrss / 1024, "start_mb": before}))


def typeset_sources(folder: Path, count: int, part_size: int) -> Path:
    """A converted synthetic edition of `count` documents built to PDF (parts, matter,
    documents); reused when `folder` holds one already. Not timed."""
    from benchmarks.edition import converted_edition
    from toolkit.builders.base import BuildConfig, run_builder
    from toolkit.builders.pdf import PdfBuilder
    from toolkit.config import EditionConfig, PrintSettings
    out = folder / "build"
    if not (out / "pdf" / PARTS_DIR / "matter.json").is_file():
        edition = converted_edition(folder, count)
        run_builder(PdfBuilder, BuildConfig(source_dir=edition, output_dir=out, jobs=2,
                                            edition=EditionConfig(print=PrintSettings(part_size=part_size))))
    return out / "pdf"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--source-count", type=int, default=300, help="documents really typeset")
    parser.add_argument("--count", type=int, action="append", help="documents merged (repeatable)")
    parser.add_argument("--part-size", type=int, default=100)
    parser.add_argument("--per-document", action="store_true",
                        help="merge the documents' own PDFs, one part each")
    parser.add_argument("--merger", choices=("pikepdf", "pypdf"), default="pikepdf")
    parser.add_argument("--keep", type=Path, help="typeset into this folder and keep it")
    parser.add_argument("--child", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.child:
        child(args.child)
        return 0
    with tempfile.TemporaryDirectory(prefix="volume-merge-") as scratch:
        folder = args.keep or Path(scratch)
        pdf = typeset_sources(folder, args.source_count, args.part_size)
        front = json.loads((pdf / PARTS_DIR / "matter.json").read_text("utf-8"))["back"] - 1
        if args.per_document:
            pool = sorted(p for p in pdf.glob("*.pdf") if p.name != "edition.pdf")
        else:
            pool = sorted((pdf / PARTS_DIR).glob("part-*.pdf"))
        for count in args.count or [10_000]:
            wanted = count if args.per_document else -(-count // args.part_size)
            names = Path(scratch) / f"parts-{count}"
            names.mkdir()
            for number in range(wanted):  # as many files as the edition would have
                (names / f"part-{number:05d}.pdf").symlink_to(pool[number % len(pool)].resolve())
            listing = Path(scratch) / f"parts-{count}.txt"
            listing.write_text("\n".join(str(p) for p in sorted(names.iterdir())), "utf-8")
            target = Path(scratch) / f"edition-{count}.pdf"
            given = {"list": str(listing), "matter": str(pdf / PARTS_DIR / "matter.pdf"),
                     "front": front, "target": str(target), "merger": args.merger}
            result = json.loads(subprocess.run(
                [sys.executable, __file__, "--child", json.dumps(given)],
                check=True, capture_output=True, text=True).stdout)
            kind = "documents' PDFs" if args.per_document else f"parts of {args.part_size}"
            print(f"{args.merger}: {count:,} documents, {wanted:,} {kind}: wall {result['wall']:.1f} s, "
                  f"CPU {result['cpu']:.1f} s, peak {result['peak_mb']:,.0f} MB "
                  f"(interpreter and imports {result['start_mb']:,.0f} MB), "
                  f"volume {target.stat().st_size / 1e6:.1f} MB", flush=True)
            target.unlink()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

"""Everything the converter gives for a fixed set of inputs, written to a folder, so that a
change made for speed can be shown to change no output: snapshot before, snapshot after,
`diff -r BEFORE AFTER` must be empty.

    python benchmarks/snapshot.py OUT [--count 300] [--entries 10000]

Inputs: `sources/*.txt`, `tests/converter/layouts/*.txt`, `--count` synthetic 5 KB reports in
the sample's layout and as many in the layout mix, and a third of that count converted with
the sample's registers plus `--entries` invented entries (`names_speed.py`'s registers).
Each corpus is converted as `teikit convert -j 1` does (`convert_files`), into OUT/tei-NAME;
OUT/NAME.log lists per source its number, diagnostics (review entries included) and stats,
the snapshot's own folder written as OUT.

The snapshot runs with PYTHONHASHSEED=0 (it restarts itself so when the variable is not
that): on 2026-12-02 the names stage's review messages still depend on the hash seed (the
same report gives 'the shape of a Chinese name' under one seed and 'of a Korean name' under
another: set order decides between two cue rules), which a diff would otherwise show as a
change.
"""

from __future__ import annotations

import argparse
import os
import sys
from datetime import date
from pathlib import Path

if __package__ in (None, ""):
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from benchmarks.names_speed import write_big_registers  # noqa: E402
from benchmarks.synthetic import REGISTERS, ROOT, write_corpus  # noqa: E402
from toolkit.convert import ConvertOptions, convert_files  # noqa: E402


def snapshot(name: str, sources: list[Path], registers: Path, out: Path) -> None:
    options = ConvertOptions(out / f"tei-{name}", registers, date(2026, 1, 1))
    options.output_dir.mkdir(parents=True)
    lines: list[str] = []
    for result in convert_files(sources, options):
        lines.append(f"== {result.source.name} -> {result.number}")
        if result.error is not None:
            lines.append(f"ERROR {result.error}")
        lines.extend(str(d) for d in result.diagnostics)
        lines.append(repr(sorted(result.stats.items())))
    text = "\n".join(lines).replace(str(out), "OUT")  # two snapshots compare whatever their folder
    (out / f"{name}.log").write_text(text + "\n", encoding="utf-8")


def main(argv: list[str] | None = None) -> int:
    if argv is None and os.environ.get("PYTHONHASHSEED") != "0":
        os.execve(sys.executable, [sys.executable, *sys.argv],
                  {**os.environ, "PYTHONHASHSEED": "0"})
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("out", type=Path, help="a folder that does not exist yet")
    parser.add_argument("--count", type=int, default=300, help="synthetic reports per layout")
    parser.add_argument("--entries", type=int, default=10_000, help="extra register entries")
    args = parser.parse_args(argv)
    out: Path = args.out
    out.mkdir(parents=True)
    inputs = out / "inputs"
    sample = write_corpus(inputs / "sample", args.count, 5000, 0)
    mix = write_corpus(inputs / "mix", args.count, 5000, 0, "mix")
    big = inputs / "registers"
    big.mkdir()
    write_big_registers(big, args.entries)
    snapshot("sources", sorted((ROOT / "sources").glob("*.txt")), REGISTERS, out)
    snapshot("layouts", sorted((ROOT / "tests/converter/layouts").glob("*.txt")), REGISTERS, out)
    snapshot("sample", sample, REGISTERS, out)
    snapshot("mix", mix, REGISTERS, out)
    snapshot("big-registers", sample[: max(1, args.count // 3)], big, out)
    return 0


if __name__ == "__main__":
    sys.exit(main())

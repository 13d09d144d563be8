"""Machine instructions per converted report, by cachegrind: the speed figure a busy machine
does not move (CPU time moves by ±15 % at the shared machine's usual load).

    python benchmarks/instructions.py [--layout sample|mix] [--entries 10000] [--count 30]

Runs this script under `valgrind --tool=cachegrind` twice, converting `--count` reports and
none, each after the context and 10 reports of warm-up (seeds 500..), with
`PYTHONHASHSEED=0`; the difference divided by the count is one report's conversion
(`convert_bytes` + `serialize`), start-up and the context excluded. Run it once without
valgrind first (it does: `.pyc` files compiled outside the count). Compare two trees by
running each tree's copy of this script (a `git archive` at the same depth).
"""

from __future__ import annotations

import argparse
import os
import re
import subprocess
import sys
import tempfile
from datetime import date
from pathlib import Path

if __package__ in (None, ""):
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from benchmarks.synthetic import REGISTERS, ROOT, generate_report  # noqa: E402

WARM_UP = 10


def convert(layout: str, entries: int, count: int) -> None:
    """What valgrind counts: the context, the warm-up, then `count` reports."""
    from benchmarks.names_speed import write_big_registers
    from toolkit.convert import ConvertOptions, convert_bytes, make_context
    from toolkit.output import serialize
    options = {} if layout == "sample" else {"layout": layout}
    # every run generates as many reports: only the conversions differ between two runs
    reports = [generate_report(seed=500 + i, size=5000, **options)  # type: ignore[arg-type]
               for i in range(WARM_UP + max(count, 30))]
    with tempfile.TemporaryDirectory() as tmp:
        registers = REGISTERS
        if entries:
            registers = Path(tmp) / "registers"
            registers.mkdir()
            write_big_registers(registers, entries)
        context = make_context(ConvertOptions(Path(tmp), registers, date(2026, 1, 1)))
        for name, text in reports[:WARM_UP + count]:
            serialize(convert_bytes(text.encode("utf-8"), name, context).tree)


def instructions(layout: str, entries: int, count: int) -> int:
    command = ["valgrind", "--tool=cachegrind", "--cache-sim=no", "--cachegrind-out-file=/dev/null",
               sys.executable, __file__, "--inner", "--layout", layout, "--entries", str(entries),
               "--count", str(count)]
    run = subprocess.run(command, capture_output=True, text=True, check=True, cwd=ROOT,
                         env={**os.environ, "PYTHONHASHSEED": "0"})
    found = re.search(r"I\s+refs:\s+([\d,]+)", run.stderr)
    if found is None:
        raise SystemExit(f"no instruction count in valgrind's output: {run.stderr[-300:]}")
    return int(found.group(1).replace(",", ""))


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--layout", default="sample", help="synthetic layout: sample or mix")
    parser.add_argument("--entries", type=int, default=0, help="extra register entries")
    parser.add_argument("--count", type=int, default=30, help="reports counted (default 30)")
    parser.add_argument("--inner", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.inner:
        convert(args.layout, args.entries, args.count)
        return
    convert(args.layout, args.entries, 1)  # .pyc files compiled outside the count
    per_report = (instructions(args.layout, args.entries, args.count)
                  - instructions(args.layout, args.entries, 0)) / args.count
    print(f"{ROOT}: layout {args.layout}, +{args.entries} entries: "
          f"{per_report / 1e6:.2f} M instructions per report")


if __name__ == "__main__":
    main()

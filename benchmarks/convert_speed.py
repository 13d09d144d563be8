"""Conversion speed: synthetic 5 KB reports per second, in-process on one core and via the CLI.

Goal (issue #2): at least 200 reports/s on one core for 5 KB reports.

    python benchmarks/convert_speed.py [--count 1000] [--size 5000] [--seed 0] [--repeat 3]
                                       [--layout mix] [--profile N] [--stages]

The reports are generated first (not timed) into a temporary folder. The in-process figure
times exactly what a worker of `teikit convert` does for each file once its context exists:
`convert_bytes` + `serialize` (reading and writing files excluded), in one thread; its rate is
given by CPU time (robust on a shared machine) and by wall clock. The CLI
figure times `teikit convert DIR/*.txt -o OUT -j 2` end to end: interpreter start-up, reading,
converting on both cores, writing. `--profile N` runs the in-process loop once under cProfile
and prints the N functions with the most own time; `--stages` prints the time per
stage (names, brackets, structure, header, elements...), by the module of the code. `--layout mix` measures reports laid out as
other real exports are (issue #10: a paragraph per line or mixed, memo headers, journal entries,
sections, footnote forms, distribution lists, signature forms; a layout drawn per report); the
default is the sample's layout.
"""

from __future__ import annotations

import argparse
import cProfile
import io
import os
import platform
import pstats
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from typing import Any
from dataclasses import dataclass
from datetime import date
from pathlib import Path

if __package__ in (None, ""):
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from benchmarks.synthetic import LAYOUTS, REGISTERS, ROOT, write_corpus  # noqa: E402
from toolkit.convert import ConvertOptions, convert_bytes, make_context  # noqa: E402
from toolkit.errors import InputError  # noqa: E402
from toolkit.output import serialize  # noqa: E402
from toolkit.readers import ReadContext  # noqa: E402

GOAL = 200.0  # reports/s on one core, 5 KB reports
TEIKIT = ROOT / ".venv" / "bin" / "teikit"


@dataclass(frozen=True)
class Row:
    what: str
    seconds: float
    count: int
    note: str = ""

    @property
    def rate(self) -> float:
        return self.count / self.seconds if self.seconds else 0.0


def _pin_to_one_cpu() -> str:
    """Run this process on one CPU, so the figure is per core whatever the machine."""
    if hasattr(os, "sched_setaffinity"):
        cpu = min(os.sched_getaffinity(0))
        os.sched_setaffinity(0, {cpu})
        return f"pinned to CPU {cpu}"
    return "not pinned (no sched_setaffinity)"


def convert_all(items: Sequence[tuple[str, bytes]], context: ReadContext) -> int:
    """The timed loop: what a worker does per file. Returns the bytes of TEI produced; a
    report the converter refuses (an input error) is counted in `REFUSED`, as the CLI reports
    it and goes on."""
    produced = 0
    for path, data in items:
        try:
            produced += len(serialize(convert_bytes(data, path, context).tree))
        except InputError:
            REFUSED.add(path)
    return produced


REFUSED: set[str] = set()  # reports refused by the converter during the run


def timed(function: Callable[[], object]) -> tuple[float, float]:
    """(wall-clock seconds, CPU seconds of this process) for one call."""
    wall, cpu = time.perf_counter(), time.process_time()
    function()
    return time.perf_counter() - wall, time.process_time() - cpu


def in_process(items: Sequence[tuple[str, bytes]], output: Path, repeat: int) -> list[Row]:
    options = ConvertOptions(output, REGISTERS, date(2026, 1, 1))
    start = time.perf_counter()
    context = make_context(options)
    setup = time.perf_counter() - start
    convert_all(items[:20], context)  # warm-up: first-use compilation, caches
    runs = [timed(lambda: convert_all(items, context)) for _ in range(repeat)]
    walls, cpus = [w for w, _ in runs], [c for _, c in runs]
    return [
        Row("context (registers, name pattern), once", setup, 1),
        Row(f"in-process, 1 core, CPU time, median of {repeat}", statistics.median(cpus),
            len(items), "convert_bytes + serialize" + (
                f"; {len(REFUSED)} refused by the converter" if REFUSED else "")),
        Row(f"in-process, 1 core, CPU time, best of {repeat}", min(cpus), len(items)),
        Row(f"in-process, 1 core, wall clock, best of {repeat}", min(walls), len(items),
            "slower than CPU time when the machine is busy"),
    ]


def cli(sources: Sequence[Path], output: Path, jobs: int) -> Row:
    command = [str(TEIKIT), "convert", *map(str, sources), "-o", str(output), "-j", str(jobs),
               "--registers", str(REGISTERS), "--change-date", "2026-01-01"]
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    run = subprocess.run(command, capture_output=True, text=True, check=False, cwd=ROOT)
    seconds = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime + after.ru_stime) - (before.ru_utime + before.ru_stime)
    written = len(list(output.glob("*.xml")))
    note = f"ok; CPU {cpu:.2f} s in all processes" if run.returncode == 0 and \
        written == len(sources) else \
        f"FAILED: exit {run.returncode}, {written} written: " + \
        (run.stderr.strip().splitlines() or ["no message"])[-1][:100]
    return Row(f"CLI end to end, -j {jobs}", seconds, len(sources), note)


def profile(items: Sequence[tuple[str, bytes]], output: Path, top: int) -> str:
    context = make_context(ConvertOptions(output, REGISTERS, date(2026, 1, 1)))
    convert_all(items[:20], context)
    profiler = cProfile.Profile(time.process_time)  # CPU time: the machine is shared
    profiler.runcall(convert_all, items, context)
    stream = io.StringIO()
    stats = pstats.Stats(profiler, stream=stream)
    stats.sort_stats("tottime").print_stats(top)
    stats.sort_stats("cumulative").print_stats(top)
    return stream.getvalue()


# The stages a conversion goes through, by the module that holds their code (`--stages`).
STAGES = (
    ("names", ("toolkit/encoding/names.py", "toolkit/names/")),
    ("brackets", ("toolkit/encoding/brackets.py", "toolkit/encoding/bracket_")),
    ("dates", ("toolkit/encoding/dates.py",)),
    ("notes", ("toolkit/encoding/notes.py",)),
    ("structure", ("toolkit/encoding/structure.py", "toolkit/encoding/body.py")),
    ("blocks", ("toolkit/encoding/blocks.py",)),
    ("header", ("toolkit/encoding/header.py", "toolkit/encoding/source_citation.py",
                "toolkit/encoding/languages.py", "toolkit/readers/wcda_text.py")),
    ("elements", ("toolkit/tei.py",)),
    ("serialise", ("toolkit/output.py",)),
)


def _stage(filename: str) -> str | None:
    """The stage of a function of the project's code; None for any other code."""
    for name, parts in STAGES:
        if any(part in filename for part in parts):
            return name
    return "other" if "/toolkit/" in filename or "/benchmarks/" in filename else None


def stage_split(items: Sequence[tuple[str, bytes]], output: Path) -> tuple[dict[str, float], float]:
    """CPU seconds per stage under cProfile, and the total. Each function of the project
    counts its own time to its module's stage; code outside the project (a regex search, its
    compiler, lxml, difflib) counts to the stages of the project code that called it, in
    proportion to the time spent in it from each caller."""
    context = make_context(ConvertOptions(output, REGISTERS, date(2026, 1, 1)))
    convert_all(items[:20], context)
    profiler = cProfile.Profile(time.process_time)
    profiler.runcall(convert_all, items, context)
    raw: dict[Any, tuple[int, int, float, float, dict[Any, Any]]] = \
        pstats.Stats(profiler).stats  # type: ignore[attr-defined]
    shares: dict[Any, dict[str, float]] = {}

    def share(func: Any, visiting: frozenset[Any]) -> dict[str, float]:
        """How a function's time divides over the stages (fractions summing to 1)."""
        if func in shares:
            return shares[func]
        own = _stage(func[0])
        callers = raw[func][4] if func in raw else {}
        if own is not None or not callers:
            return {own or "other": 1.0}
        spent = sum(c[3] for c in callers.values()) or 1.0
        mixed: dict[str, float] = {}
        for caller, c in callers.items():
            if caller in visiting:
                continue
            for stage, part in share(caller, visiting | {func}).items():
                mixed[stage] = mixed.get(stage, 0.0) + part * c[3] / spent
        norm = sum(mixed.values()) or 1.0
        found = shares[func] = {k: v / norm for k, v in mixed.items()} or {"other": 1.0}
        return found

    split: dict[str, float] = {}
    for func, (_, _, own_time, _, _) in raw.items():
        for stage, part in share(func, frozenset()).items():
            split[stage] = split.get(stage, 0.0) + own_time * part
    return split, sum(split.values())


def stage_table(split: dict[str, float], total: float, count: int) -> str:
    lines = [f"{'stage (cProfile, own time)':<28} {'seconds':>8} {'share':>6} {'ms/report':>9}",
             "-" * 56]
    for name, seconds in sorted(split.items(), key=lambda kv: -kv[1]):
        lines.append(f"{name:<28} {seconds:>8.3f} {100 * seconds / total:>5.1f}% "
                     f"{1000 * seconds / count:>9.2f}")
    rest = total - split.get("names", 0.0)
    lines.append(f"{'all but names':<28} {rest:>8.3f} {100 * rest / total:>5.1f}% "
                 f"{1000 * rest / count:>9.2f}")
    return "\n".join(lines)


def table(rows: Sequence[Row]) -> str:
    lines = [f"{'measurement':<42} {'reports':>7} {'seconds':>8} {'reports/s':>10} "
             f"{'ms/report':>9}  note", "-" * 100]
    for row in rows:
        failed = row.note.startswith("FAILED")
        rate = "-" if failed or row.count == 1 else f"{row.rate:.1f}"
        per = "-" if failed else f"{1000 * row.seconds / row.count:.2f}"
        lines.append(f"{row.what:<42} {row.count:>7} {row.seconds:>8.3f} {rate:>10} "
                     f"{per:>9}  {row.note}")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--count", type=int, default=1000, help="reports (default 1000)")
    parser.add_argument("--size", type=int, default=5000, help="bytes per report (default 5000)")
    parser.add_argument("--seed", type=int, default=0, help="seed of the first report")
    parser.add_argument("--repeat", type=int, default=3, help="timed in-process runs")
    parser.add_argument("--layout", choices=[*LAYOUTS, "mix"], default=None,
                        help="lay the reports out as other real exports do (default: the "
                             "sample's layout); mix: a layout drawn per report")
    parser.add_argument("--jobs", default="1,2",
                        help="CLI runs, by number of workers (default 1,2)")
    parser.add_argument("--pin", action="store_true",
                        help="pin the in-process runs to one CPU (sched_setaffinity)")
    parser.add_argument("--no-cli", action="store_true", help="skip the CLI measurement")
    parser.add_argument("--profile", type=int, metavar="N", default=0,
                        help="also profile the in-process loop and print the top N functions")
    parser.add_argument("--stages", action="store_true",
                        help="also profile the in-process loop and print the time per stage "
                             "(names, brackets, structure, header, elements...)")
    args = parser.parse_args(argv)
    if args.count < 20 or args.size <= 0 or args.repeat < 1:
        parser.error("--count must be at least 20, --size and --repeat positive")

    with tempfile.TemporaryDirectory(prefix="teikit-bench-") as tmp:
        sources = write_corpus(Path(tmp) / "sources", args.count, args.size, args.seed,
                               args.layout)
        items = [(str(p), p.read_bytes()) for p in sources]
        average = sum(len(d) for _, d in items) / len(items)
        rows: list[Row] = []
        if not args.no_cli:  # before pinning: the CLI's workers must get both cores
            for jobs in (int(j) for j in args.jobs.split(",")):
                rows.append(cli(sources, Path(tmp) / f"cli-{jobs}", jobs))
        pinned = _pin_to_one_cpu() if args.pin else "one thread, not pinned"
        rows[:0] = in_process(items, Path(tmp) / "tei", args.repeat)
        print(f"teikit conversion benchmark — {time.strftime('%Y-%m-%d %H:%M %Z')}, "
              f"{platform.processor() or platform.machine()}, {os.cpu_count()} cores, "
              f"Python {platform.python_version()}")
        print(f"{len(items)} synthetic reports, seeds {args.seed}..{args.seed + args.count - 1},"
              f" average {average:.0f} bytes, layout {args.layout or 'of the sample'}; "
              f"in-process runs {pinned}\n")
        print(table(rows))
        best = next(r.rate for r in rows if "CPU time, median" in r.what)
        verdict = "meets" if best >= GOAL else "BELOW"
        print(f"\ngoal: >= {GOAL:.0f} reports/s on one core -> {best:.0f} reports/s "
              f"(median, CPU time): {verdict} the goal")
        print(f"load average during the run: {os.getloadavg()[0]:.2f} (1 min)")
        if args.profile:
            print("\n" + profile(items, Path(tmp) / "tei", args.profile))
        if args.stages:
            split, total = stage_split(items, Path(tmp) / "tei")
            print("\n" + stage_table(split, total, len(items)))
    return 0


if __name__ == "__main__":
    sys.exit(main())

"""Validation speed: converted synthetic reports validated per second, on all cores.

Goal (issue #3): at least 300 documents/s on this 2-core machine for 1,000 converted 5 KB
reports, against the project XSD, the Schematron rules and the edition rules.

    python benchmarks/validate_speed.py [--count 1000] [--size 5000] [--seed 0] [--jobs 2]
                                        [--repeat 3]

The reports are generated and converted first (not timed) into a temporary edition folder beside
a copy of tei/registers. Then, timed: `validate_files` over the folder (worker start-up and
schema compilation included, as a user pays them), and `teikit validate DIR -j N` end to end
(interpreter start-up and output included). The machine is shared, so CPU time per document
is reported too: it does not depend on what else runs. Every run must find every document valid, so the
figure is the speed of a real, complete validation.
"""

from __future__ import annotations

import argparse
import os
import platform
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

if __package__ in (None, ""):
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from benchmarks.edition import converted_edition  # noqa: E402
from benchmarks.synthetic import ROOT  # noqa: E402
from toolkit.validation import ValidateOptions, validate_files  # noqa: E402

GOAL = 300.0


def prepare(folder: Path, count: int, size: int, seed: int, jobs: int) -> Path:
    return converted_edition(folder, count, size, seed, jobs)


def _cpu() -> float:
    """CPU seconds of this process and of its finished children (the pool's workers)."""
    children = resource.getrusage(resource.RUSAGE_CHILDREN)
    return time.process_time() + children.ru_utime + children.ru_stime


def time_api(edition: Path, jobs: int) -> tuple[float, float, int]:
    """Wall seconds, CPU seconds (all processes) and warnings of one validation of the folder."""
    started, cpu = time.perf_counter(), _cpu()
    reports = list(validate_files([edition], ValidateOptions(jobs=jobs)))
    elapsed, cpu = time.perf_counter() - started, _cpu() - cpu
    invalid = [r for r in reports if not r.valid]
    if invalid:
        first = invalid[0]
        raise SystemExit(f"{len(invalid)} files are invalid, e.g. {first.diagnostics[0].format()}")
    return elapsed, cpu, sum(r.warnings for r in reports)


def time_cli(edition: Path, jobs: int) -> float:
    started = time.perf_counter()
    result = subprocess.run([sys.executable, "-m", "toolkit", "validate", str(edition), "-j",
                             str(jobs)], cwd=ROOT, capture_output=True, text=True)
    elapsed = time.perf_counter() - started
    if result.returncode != 0:
        raise SystemExit(f"teikit validate failed: {result.stdout[-500:]}{result.stderr[-500:]}")
    return elapsed


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--count", type=int, default=1000)
    parser.add_argument("--size", type=int, default=5000)
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--jobs", type=int, default=os.cpu_count() or 1)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args(argv)

    with tempfile.TemporaryDirectory(prefix="teikit-validate-bench-") as tmp:
        print(f"preparing {args.count} converted reports of ~{args.size} bytes ...", flush=True)
        edition = prepare(Path(tmp), args.count, args.size, args.seed, args.jobs)
        files = len(list(edition.rglob("*.xml")))
        print(f"machine: {platform.machine()}, {os.cpu_count()} cores, Python "
              f"{platform.python_version()}; {files} files (documents and registers)")
        for jobs in sorted({1, args.jobs}):
            runs = [time_api(edition, jobs) for _ in range(args.repeat)]
            api = [seconds for seconds, _, _ in runs]
            cpu = min(c for _, c, _ in runs)
            cli = [time_cli(edition, jobs) for _ in range(args.repeat)]
            best_api, best_cli = min(api), min(cli)
            print(f"-j {jobs}: validate_files {files / best_api:7.1f} documents/s "
                  f"(best of {args.repeat}: {best_api:.2f} s, median {statistics.median(api):.2f} s); "
                  f"teikit validate {files / best_cli:7.1f} documents/s ({best_cli:.2f} s)")
            print(f"      CPU {cpu / files * 1000:.2f} ms per document over all processes: "
                  f"{files / cpu:.0f} documents per CPU-second, i.e. {jobs * files / cpu:.0f}/s "
                  f"on {jobs} idle core{'s' if jobs > 1 else ''}")
            print(f"      every file valid; {runs[0][2]} warnings")
            if jobs == args.jobs:
                for what, seconds in (("validate_files", best_api), ("teikit validate", best_cli)):
                    verdict = "meets" if files / seconds >= GOAL else "MISSES"
                    print(f"goal {GOAL:.0f} documents/s on {jobs} cores, {what}: {verdict} it")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

"""No-op and one-document rebuilds (issue #13): CPU of `teikit validate` and `teikit build --only
FORMAT` on a converted edition, full, with nothing changed, and with one document edited.

    python benchmarks/noop_speed.py --edition DIR/tei --out DIR/build [--format epub] [--tree PATH]

The edition is one converted before (`benchmarks/corpus_scale.py --keep`, or
`benchmarks/edition.py`): this script never converts. `--tree` runs another checkout of the
toolkit (e.g. `git worktree add /tmp/before <commit>`), so that before and after can be run
alternately on copies of the same edition. Each stage is the real command line in a child
process; CPU is that of its whole process tree (`getrusage(RUSAGE_CHILDREN)`: the command and
its reaped workers), with the load average before and after it, since wall times on a shared
machine are the neighbours' as much as ours. The edited document (a word added to its first
paragraph, `corpus_scale.touch_one`) is put back at the end.
"""

from __future__ import annotations

import argparse
import os
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

if __package__ in (None, ""):
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from benchmarks.corpus_scale import touch_one, tree_rss  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]


def stage(tree: Path, label: str, args: list[str], cache: Path) -> str:
    """Run `teikit ARGS` from `tree`; one Markdown row: stage, CPU, wall, peak RSS of the
    process tree (sampled every 50 ms), load, exit."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    load = os.getloadavg()[0]
    started = time.perf_counter()
    env = {**os.environ, "PYTHONPATH": str(tree), "XDG_CACHE_HOME": str(cache)}
    with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err:
        process = subprocess.Popen([sys.executable, "-m", "toolkit", *args], cwd=tree, env=env,
                                   stdout=out, stderr=err)
        peak = 0
        while process.poll() is None:  # the tree's RSS, sampled every 50 ms
            peak = max(peak, tree_rss(process.pid))
            time.sleep(0.05)
        out.seek(0)
        err.seek(0)
        stdout, stderr = out.read().decode("utf-8", "replace"), err.read().decode("utf-8", "replace")
    wall = time.perf_counter() - started
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = after.ru_utime + after.ru_stime - before.ru_utime - before.ru_stime
    if process.returncode not in (0, 1):
        sys.stderr.write(stderr[-2000:])
    last = (stdout.strip().splitlines() or [""])[-1]
    return (f"| {label} | {cpu:.2f} s | {wall:.1f} s | {peak / 2**20:.0f} MB | "
            f"{load:.1f}–{os.getloadavg()[0]:.1f} | {process.returncode} | {last[:90]} |")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--edition", type=Path, required=True, help="a converted tei/ folder")
    parser.add_argument("--out", type=Path, required=True, help="the build's output folder")
    parser.add_argument("--format", default="epub", help="the format built (default: epub)")
    parser.add_argument("--tree", type=Path, default=ROOT, help="the toolkit checkout to run")
    parser.add_argument("--jobs", type=int, default=2)
    parser.add_argument("--keep-output", action="store_true",
                        help="start from the output folder as it is (skip the full build)")
    args = parser.parse_args(argv)
    tei, out, tree = args.edition.resolve(), args.out.resolve(), args.tree.resolve()
    j = ["-j", str(args.jobs)]
    build = ["build", str(tei), "-o", str(out), "--only", args.format, *j]
    print(f"{time.strftime('%Y-%m-%d %H:%M', time.gmtime())} UTC, tree {tree}, "
          f"{len(list(tei.glob('*.xml')))} documents, {os.cpu_count()} cores")
    print("| stage | CPU (tree) | wall | peak RSS (tree) | load | exit | last line |")
    print("|---|---|---|---|---|---|---|")
    with tempfile.TemporaryDirectory(prefix="noop-speed-") as scratch:
        cache = Path(scratch)
        # a tree without the validation results cache validates everything every time
        cached = (tree / "toolkit" / "filestate.py").is_file()
        rows = [("validate (first: fills the cache)", ["validate", str(tei), *j])] if cached else []
        rows.append(("validate (no-op)", ["validate", str(tei), *j]))
        if not args.keep_output:
            shutil.rmtree(out, ignore_errors=True)
            rows.append((f"build --only {args.format} (full)", build))
        rows.append((f"build --only {args.format} (no-op)", build))
        rows.append((f"build --only {args.format} (no-op, again)", build))
        for label, command in rows:
            print(stage(tree, label, command, cache), flush=True)
        keep = Path(scratch) / "edited"
        keep.mkdir()
        edited = touch_one(tei, keep)
        try:
            for label, command in (("validate (one changed)", ["validate", str(tei), *j]),
                                   (f"build --only {args.format} (one changed)", build)):
                print(stage(tree, label, command, cache), flush=True)
        finally:
            edited.write_bytes((keep / "edited" / edited.name).read_bytes())
    return 0


if __name__ == "__main__":
    sys.exit(main())

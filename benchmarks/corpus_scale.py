"""Corpus scale (issue #13): wall, CPU and peak memory of every build stage at 1,000+ documents.

    python benchmarks/corpus_scale.py [--count 1000 --count 3000] [--jobs 2] [--keep DIR]

For each count: synthetic reports (benchmarks/synthetic.py) converted to TEI (not timed), then
three scenarios, each run as the real command line in a child process:

- **full**: an empty output folder, then `teikit validate`, `teikit build --only FORMAT
  --no-validate` for html, epub and pdf (the stages of one `teikit build`, run apart so that
  each has its own figures), then `teikit build` (validation + every format, nothing left to
  build but the check that it is so);
- **no-op**: `teikit build` again, nothing changed;
- **one changed**: one document's paragraph edited (a word added), then `teikit build`;
- **beside a name**: another document's word added before its text's first name (a
  mention's context changes: that entry's register pages are made again), `teikit build`;
- **register note**: a note of the organisations register edited (no id or kind changes:
  the register pages change, no document's page or chapter should), `teikit build`.

With `--only FORMAT` (repeatable) each `teikit build` is limited to that format, and each
format's scenarios run in turn (its full build, check, no-op, one changed, beside a name)
before the next format's, in the order given.

Per stage: wall time, CPU time of the whole process tree (the command and its workers, from
`getrusage(RUSAGE_CHILDREN)`), and peak RSS of the whole process tree (the sum of the RSS of
the command and all its descendants, sampled every 50 ms from /proc), and the peaks of its
parts: the command's own process, its other Python processes (the workers) and Pagefind's
indexer. The figures print as a Markdown table (`--json FILE` writes them as JSON too).
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import resource
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Callable, Iterator, Sequence
from dataclasses import asdict, dataclass
from datetime import datetime, timezone
from pathlib import Path

if __package__ in (None, ""):
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from benchmarks.edition import converted_edition  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]
PAGE = os.sysconf("SC_PAGE_SIZE")


@dataclass(frozen=True)
class Stage:
    count: int
    scenario: str
    stage: str
    wall: float
    cpu: float
    peak_mb: float
    exit: int
    note: str = ""  # e.g. stopped at the deadline, and how far it got
    parent_mb: float = 0.0  # peak of the command's own process
    workers_mb: float = 0.0  # peak of the sum of its other Python processes
    pagefind_mb: float = 0.0  # peak of the sum of Pagefind's processes


def _children() -> dict[int, list[int]]:
    """Every process's children, from /proc/*/stat (ppid is the 4th field after the name)."""
    tree: dict[int, list[int]] = {}
    for entry in os.scandir("/proc"):
        if not entry.name.isdigit():
            continue
        try:
            with open(f"/proc/{entry.name}/stat", "rb") as stat:
                fields = stat.read().rsplit(b")", 1)[1].split()
        except OSError:
            continue
        tree.setdefault(int(fields[1]), []).append(int(entry.name))
    return tree


def _tree(pid: int) -> Iterator[int]:
    """`pid` and all its descendants, as /proc lists them now."""
    tree = _children()
    todo = [pid]
    while todo:
        current = todo.pop()
        todo.extend(tree.get(current, ()))
        yield current


def tree_rss(pid: int) -> int:
    """Bytes resident in `pid` and all its descendants."""
    return sum(tree_parts(pid).values())


def tree_parts(pid: int) -> dict[str, int]:
    """Bytes resident in `pid` ("parent"), its other Python descendants ("workers"), its
    Pagefind processes ("pagefind") and any other descendant ("other")."""
    parts = dict.fromkeys(("parent", "workers", "pagefind", "other"), 0)
    for current in _tree(pid):
        try:
            with open(f"/proc/{current}/statm", "rb") as statm:
                rss = int(statm.read().split()[1]) * PAGE
            with open(f"/proc/{current}/comm", "rb") as comm:
                name = comm.read().strip().decode("utf-8", "replace")
        except OSError:
            continue
        part = ("parent" if current == pid else "pagefind" if "pagefind" in name
                else "workers" if name.startswith("python") else "other")
        parts[part] += rss
    return parts


def tree_cpu(pid: int) -> float:
    """CPU seconds used so far by `pid` and its descendants, their reaped children included
    (utime, stime, cutime, cstime of /proc/PID/stat): what a stage stopped at the deadline
    had used, since the CPU of processes killed with it never reaches our rusage."""
    total = 0
    for current in _tree(pid):
        try:
            with open(f"/proc/{current}/stat", "rb") as stat:
                fields = stat.read().rsplit(b")", 1)[1].split()
        except OSError:
            continue
        total += sum(int(f) for f in fields[11:15])  # fields 14-17 of stat(5)
    return total / os.sysconf("SC_CLK_TCK")


def _cpu_children() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def run_stage(command: list[str], count: int, scenario: str, stage: str,
              deadline: float | None = None, progress: Callable[[], str] | None = None) -> Stage:
    """Run one command, sampling its process tree's memory; its output goes to a log. Past
    `deadline` (a time.time()) the command is stopped and the figures so far are returned,
    with `progress()` saying how far it got."""
    cpu = _cpu_children()
    start = time.perf_counter()
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    with tempfile.TemporaryFile() as log:
        process = subprocess.Popen(command, stdout=log, stderr=subprocess.STDOUT, env=env, cwd=ROOT)
        peak, used = 0, 0.0
        peaks = dict.fromkeys(("parent", "workers", "pagefind"), 0)
        done = threading.Event()

        def sample() -> None:
            nonlocal peak, used
            while not done.is_set():
                parts = tree_parts(process.pid)
                peak = max(peak, sum(parts.values()))
                for name in peaks:
                    peaks[name] = max(peaks[name], parts[name])
                used = max(used, tree_cpu(process.pid)) if deadline is not None else 0.0
                if deadline is not None and time.time() > deadline and process.poll() is None:
                    process.terminate()  # its workers die with it (die_with_parent)
                done.wait(0.05)

        sampler = threading.Thread(target=sample, daemon=True)
        sampler.start()
        code = process.wait()
        done.set()
        sampler.join()
        stopped = deadline is not None and time.time() > deadline and code != 0
        if code != 0 and not stopped:
            log.seek(0)
            sys.stderr.write(log.read().decode("utf-8", "replace")[-3000:])
    note = f"stopped at the deadline{': ' + progress() if progress else ''}" if stopped else ""
    return Stage(count, scenario, stage, time.perf_counter() - start,
                 max(_cpu_children() - cpu, used), peak / 2**20, code, note,
                 *(peaks[name] / 2**20 for name in ("parent", "workers", "pagefind")))


def touch_one(edition: Path, keep: Path | None = None, beside_name: bool = False) -> Path:
    """Edit one document in the middle of the corpus: a word added to its first paragraph,
    or (`beside_name`, the next document) before the first name of its text, which changes
    that mention's context. The original is kept in `keep`, for --reuse to put back."""
    documents = sorted(edition.glob("*.xml"))
    target = documents[len(documents) // 2 + (1 if beside_name else 0)]
    if keep is not None:
        kept = keep / "edited"
        kept.mkdir(exist_ok=True)
        if not (kept / target.name).is_file():  # edited again (the next format): keep the original
            shutil.copyfile(target, kept / target.name)
    text = target.read_text("utf-8")
    if beside_name:
        at = text.index("<persName", text.index("<body"))
    else:
        at = text.index("<p", text.index("<body"))
        at = text.index(">", at) + 1
    target.write_text(text[:at] + "Edited " + text[at:], "utf-8")
    return target


def prepared_edition(folder: Path, count: int, size: int, jobs: int, reuse: bool) -> Path:
    """The converted corpus (not timed); with `reuse`, one converted before into the same
    folder (same count and size, its edited document restored) is taken as it is."""
    marker = folder / "converted.json"
    stamp = json.dumps({"count": count, "size": size})
    edition = folder / "tei"
    if reuse and marker.is_file() and marker.read_text() == stamp:
        edited = folder / "edited.xml"
        if edited.is_file():  # the one-changed scenario of the last run (older layout), undone
            original = json.loads((folder / "edited.json").read_text())
            Path(original).write_bytes(edited.read_bytes())
            edited.unlink()
        for kept in sorted((folder / "edited").glob("*.xml")):  # the edits of the last run, undone
            (edition / kept.name).write_bytes(kept.read_bytes())
            kept.unlink()
        for kept in sorted((folder / "edited-registers").glob("*.xml")):
            (edition / "registers" / kept.name).write_bytes(kept.read_bytes())
            kept.unlink()
        return edition
    marker.unlink(missing_ok=True)
    edition = converted_edition(folder, count, size=size, jobs=jobs)
    marker.write_text(stamp)
    return edition


def touch_register(edition: Path, keep: Path | None = None) -> Path:
    """Edit a note of the organisations register (no id or kind changes): the register pages
    change, no document's page or chapter should. The original is kept as for touch_one."""
    target = edition / "registers" / "organisations.xml"
    if keep is not None:
        kept = keep / "edited-registers"
        kept.mkdir(exist_ok=True)
        if not (kept / target.name).is_file():
            shutil.copyfile(target, kept / target.name)
    text = target.read_text("utf-8")
    at = text.index("</note>")
    target.write_text(text[:at] + " (edited)" + text[at:], "utf-8")
    return target


def configure_volumes(edition: Path, volume_by: str, volume_size: int) -> None:
    """The edition's teikit.toml (beside tei/) with `[print] volume_by` and `volume_size`;
    none with "auto" and 1000, the defaults (one volume up to 1,000 documents, else volumes
    of 1,000)."""
    config = edition.parent / "teikit.toml"
    if volume_by == "auto" and volume_size == 1000:
        config.unlink(missing_ok=True)
    else:
        config.write_text(f'title = "Synthetic edition"\n\n[print]\nvolume_by = "{volume_by}"\n'
                          f"volume_size = {volume_size}\n", "utf-8")


def measure(count: int, folder: Path, jobs: int, size: int, reuse: bool = False,
            only: Sequence[str] = (), deadline: float | None = None,
            validate: bool = True, volume_by: str = "auto", volume_size: int = 1000) -> list[Stage]:
    """The stages at `count` documents. With `only`, each format in turn, all its scenarios
    (full, no-op, one changed, beside a name) before the next format's, in one output folder:
    a run cut short by the clock has the rebuild figures of the formats it reached. Without
    `validate`, every build is `--no-validate` (no check stage: `teikit validate`, run in
    each scenario, stands for the build's validation)."""
    edition = prepared_edition(folder / str(count), count, size, jobs, reuse)
    configure_volumes(edition, volume_by, volume_size)
    out = folder / str(count) / "build"
    shutil.rmtree(out, ignore_errors=True)  # every run from scratch, whatever was kept
    # `teikit validate`'s cache of its own: in the user's cache folder, the runs of others
    # (tests, CI) during a long build pushed it out, and one change validated every file
    caches = folder / str(count) / "validate-cache"
    shutil.rmtree(caches, ignore_errors=True)
    os.environ["XDG_CACHE_HOME"] = str(caches)
    teikit = [sys.executable, "-m", "toolkit"]
    src, dst, j = str(edition), str(out), ["-j", str(jobs)]

    def written() -> str:
        pdfs = len([p for p in (out / "pdf").glob("*.pdf") if not p.name.startswith("edition")])
        pages = len(list((out / ".html-records").glob("*.html")))
        return f"{pdfs} document PDFs and {pages} document pages of {count} written"

    results: list[Stage] = []

    def run(scenario: str, stage: str, command: list[str]) -> bool:
        results.append(run_stage(command, count, scenario, stage, deadline, written))
        print(_row(results[-1]), flush=True)
        return not results[-1].note

    if not run("full", "validate", [*teikit, "validate", src, *j]):
        return results
    for formats in ([[name] for name in only] if only else [[]]):
        flags = [arg for name in formats for arg in ("--only", name)]
        label = "".join(f" --only {name}" for name in formats)
        build = [*teikit, "build", src, "-o", dst, *flags, *j, *([] if validate else ["--no-validate"])]
        # without --only: HTML and EPUB before PDF (they are independent), the longest stage
        # last, so that the `teikit build` after them is a check of every format
        for name in formats or ["html", "epub", "pdf"]:
            if not run("full", f"build {name}", [*teikit, "build", src, "-o", dst, "--only", name,
                                                 "--no-validate", *j]):
                return results
        if validate and not run("full", f"build{label} (validate + check)", build):
            return results
        if not validate and not run("no-op", "validate", [*teikit, "validate", src, *j]):
            return results
        if not run("no-op", f"build{label}{'' if validate else ' --no-validate'}", build):
            return results
        for scenario, beside_name in (("one changed", False), ("beside a name", True)):
            touch_one(edition, folder / str(count), beside_name)
            if not run(scenario, "validate", [*teikit, "validate", src, *j]) \
                    or not run(scenario, f"build{label}{'' if validate else ' --no-validate'}", build):
                return results
        touch_register(edition, folder / str(count))  # a register's note: its pages, no document's
        if not run("register note", "validate", [*teikit, "validate", src, *j]) \
                or not run("register note", f"build{label}{'' if validate else ' --no-validate'}", build):
            return results
    sizes = {p.name: p.stat().st_size for p in (out / "html").glob("*.html")}
    biggest = sorted(sizes.items(), key=lambda item: -item[1])[:3]
    print(f"| {count} | largest pages | {', '.join(f'{n} {s / 2**20:.1f} MB' for n, s in biggest)} |")
    for volume in sorted((out / "pdf").glob("edition*.pdf")):  # one, or each volume of a split
        print(f"| {count} | volume {volume.name} | {volume.stat().st_size / 2**20:.1f} MB |")
    return results


def _row(stage: Stage) -> str:
    flag = f" ({stage.note})" if stage.note else "" if stage.exit == 0 else f" (exit {stage.exit})"
    return (f"| {stage.count} | {stage.scenario} | {stage.stage}{flag} | {stage.wall:.1f} s | "
            f"{stage.cpu:.1f} s | {stage.peak_mb:.0f} MB | {stage.parent_mb:.0f} / "
            f"{stage.workers_mb:.0f} / {stage.pagefind_mb:.0f} MB | {os.getloadavg()[0]:.1f} |")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--count", type=int, action="append",
                        help="corpus size (repeatable; default: 1000 and 3000)")
    parser.add_argument("--size", type=int, default=5000)
    parser.add_argument("--jobs", type=int, default=2)
    parser.add_argument("--keep", type=Path, help="work in this folder and keep it")
    parser.add_argument("--json", type=Path, help="also write the figures as JSON")
    parser.add_argument("--only", action="append", choices=("html", "pdf", "epub"), default=[],
                        help="measure this format: its full build and rebuilds with --only FORMAT "
                             "(repeatable: each format's scenarios in turn, in the order given)")
    parser.add_argument("--no-validate", dest="validate", action="store_false",
                        help="every build with --no-validate and no check stage (`teikit "
                             "validate`, measured in each scenario, stands for its validation)")
    parser.add_argument("--deadline", metavar="HH:MM",
                        help="UTC time at which a running stage is stopped (its figures so far "
                             "are printed, marked) and the run ends")
    parser.add_argument("--reuse", action="store_true",
                        help="with --keep: take the corpus converted by an earlier run (the build "
                             "is always from scratch)")
    parser.add_argument("--volume-by", choices=("auto", "none", "year", "collection", "count"), default="auto",
                        help="[print] volume_by of the edition measured (teikit.toml beside tei/)")
    parser.add_argument("--volume-size", type=int, default=1000,
                        help="[print] volume_size: documents per volume with --volume-by count or auto")
    args = parser.parse_args(argv)
    counts = args.count or [1000, 3000]
    load = os.getloadavg()
    print(f"{datetime.now(timezone.utc):%Y-%m-%d %H:%M} UTC, {platform.machine()}, "
          f"{os.cpu_count()} cores, load {load[0]:.1f} at start, -j {args.jobs}")
    print("| documents | scenario | stage | wall | CPU (tree) | peak RSS (tree) "
          "| peaks: parent / workers / Pagefind | load at the end |")
    print("|---|---|---|---|---|---|---|---|")
    deadline = None
    if args.deadline:
        now = datetime.now(timezone.utc)
        hours, minutes = (int(part) for part in args.deadline.split(":"))
        deadline = now.replace(hour=hours, minute=minutes, second=0, microsecond=0).timestamp()
    results: list[Stage] = []
    with tempfile.TemporaryDirectory(prefix="corpus-scale-") as scratch:
        folder = args.keep or Path(scratch)
        for count in counts:
            results.extend(measure(count, folder, args.jobs, args.size, args.reuse, args.only, deadline,
                                   args.validate, args.volume_by, args.volume_size))
            if results and results[-1].note:
                break
    print(f"load {os.getloadavg()[0]:.1f} at the end")
    if args.json:
        args.json.write_text(json.dumps([asdict(r) for r in results], indent=1))
    return 0 if all(r.exit == 0 for r in results) else 1


if __name__ == "__main__":
    sys.exit(main())

"""`teikit convert` on this machine's processes against a Dask cluster of two workers (issue #13).

    python benchmarks/cluster_speed.py [--count 1000] [--size 5000] [--repeat 1]

Writes `count` synthetic reports (benchmarks/synthetic.py), then converts them with the real
command line in a child process: `-j 2` (two local worker processes), then `--scheduler` on a
cluster of a `dask scheduler` and one `dask worker --nworkers 2 --nthreads 1` (started here,
as a user would), with `[cluster] transfer` "shared-folder" and "bytes". Each cluster run
prepares anew (the plugin is released after a run), as a first run on a new cluster does.

Per run: wall time, CPU of the command (its process tree) and CPU of the cluster's processes
during the run (psutil, which distributed requires), reports per second; and that every run
wrote the same bytes as the local one.
"""

from __future__ import annotations

import argparse
import hashlib
import os
import platform
import resource
import shutil
import socket
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import psutil

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from benchmarks.synthetic import REGISTERS, write_corpus  # noqa: E402

TEIKIT = [sys.executable, "-m", "toolkit"]
DASK = Path(sys.executable).with_name("dask")


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def tree_cpu(processes: list[psutil.Process]) -> float:
    """User + system CPU seconds of these processes and all their descendants (alive now)."""
    seen: dict[int, float] = {}
    for process in processes:
        try:
            for p in [process, *process.children(recursive=True)]:
                times = p.cpu_times()
                seen[p.pid] = times.user + times.system
        except psutil.NoSuchProcess:
            continue
    return sum(seen.values())


def digest(folder: Path) -> str:
    h = hashlib.sha256()
    for path in sorted(folder.glob("*.xml")):
        h.update(path.name.encode() + b"\0" + path.read_bytes())
    return h.hexdigest()


def convert(sources: list[Path], output: Path, extra: list[str], cluster: list[psutil.Process],
            config: str = "") -> tuple[float, float, float, str]:
    output.mkdir(parents=True)
    if config:
        (output / "teikit.toml").write_text(config, "utf-8")
    before_children = resource.getrusage(resource.RUSAGE_CHILDREN)
    before_cluster = tree_cpu(cluster)
    started = time.perf_counter()
    subprocess.run([*TEIKIT, "convert", *map(str, sources), "-o", str(output), "--registers",
                    str(REGISTERS), "--change-date", "2026-01-02", *extra],
                   check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, cwd=ROOT)
    wall = time.perf_counter() - started
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    command = (after.ru_utime - before_children.ru_utime) + (after.ru_stime - before_children.ru_stime)
    return wall, command, tree_cpu(cluster) - before_cluster, digest(output)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--count", type=int, default=1000)
    parser.add_argument("--size", type=int, default=5000)
    parser.add_argument("--repeat", type=int, default=1)
    args = parser.parse_args(argv)
    work = Path(tempfile.mkdtemp(prefix="cluster-speed-"))
    sources = write_corpus(work / "sources", args.count, size=args.size, seed=1)
    port = free_port()
    address = f"tcp://127.0.0.1:{port}"
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    quiet = {"stdout": subprocess.DEVNULL, "stderr": subprocess.DEVNULL, "env": env}
    scheduler = subprocess.Popen([str(DASK), "scheduler", "--port", str(port),
                                  "--dashboard-address", ":0"], **quiet)  # type: ignore[call-overload]
    workers = subprocess.Popen([str(DASK), "worker", address, "--nworkers", "2", "--nthreads", "1",
                                "--dashboard-address", ":0"], **quiet)  # type: ignore[call-overload]
    rows: list[tuple[str, float, float, float, str]] = []
    try:
        import distributed
        with distributed.Client(address, timeout="60s") as client:
            client.wait_for_workers(2, timeout=120)
        cluster = [psutil.Process(scheduler.pid), psutil.Process(workers.pid)]
        for round_ in range(args.repeat):
            runs = [("local, -j 2", ["-j", "2"], ""),
                    ("cluster, shared-folder", ["--scheduler", address], ""),
                    ("cluster, bytes", [], f'[cluster]\nscheduler = "{address}"\ntransfer = "bytes"\n')]
            for name, extra, config in runs:
                out = work / f"out-{round_}-{len(rows)}"
                rows.append((name, *convert(sources, out, extra, cluster, config)))
    finally:
        for process in (workers, scheduler):
            process.terminate()
            process.wait(60)
        shutil.rmtree(work, ignore_errors=True)
    load = os.getloadavg()
    print(f"{args.count} synthetic reports of {args.size} bytes; {platform.node()}, "
          f"{os.cpu_count()} cores, load average {load[0]:.1f} {load[1]:.1f} {load[2]:.1f}")
    print("| run | wall | CPU, command | CPU, cluster | reports/s (wall) | same bytes as local |")
    print("|---|---|---|---|---|---|")
    local = rows[0][4]
    for name, wall, command, cluster_cpu, made in rows:
        print(f"| {name} | {wall:.1f} s | {command:.1f} s | {cluster_cpu:.1f} s | "
              f"{args.count / wall:.0f} | {'yes' if made == local else 'NO'} |")
    return 0 if all(r[4] == local for r in rows) else 1


if __name__ == "__main__":
    sys.exit(main())

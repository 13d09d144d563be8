"""Issue 14, items 5-7: builds that cannot succeed say so (exit 1, the path) and leave the
published outputs whole; one build per output folder; staging outside the published site,
cleaned at the next start; workers die with their parent; the search index is reproducible."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from support import SAMPLE, edition, fingerprint, run
from teitest import ROOT
from toolkit.builders.safety import MAX_TEXT_NODE, build_lock

FIXTURE = ROOT / "tests" / "web" / "fixtures" / "900001.xml"


def published(out: Path) -> dict[str, str]:
    return {**{f"html/{k}": v for k, v in fingerprint(out / "html").items()},
            **{f"pdf/{k}": v for k, v in fingerprint(out / "pdf").items()}}


@pytest.fixture()
def tmpfs(tmp_path: Path) -> Path:
    mount = tmp_path / "small-disk"
    mount.mkdir()
    result = subprocess.run(["mount", "-t", "tmpfs", "-o", "size=4m", "tmpfs", str(mount)],
                            capture_output=True, text=True, check=False)
    if result.returncode != 0:
        pytest.skip(f"cannot mount a small tmpfs here (needs root): {result.stderr.strip()}")
    yield mount
    subprocess.run(["umount", "-l", str(mount)], check=False)


def fill(disk: Path, leave: int) -> None:
    """Leave about `leave` bytes free on the file system."""
    stat = os.statvfs(disk)
    free = stat.f_bavail * stat.f_frsize
    with open(disk / "filler", "ab") as handle:
        handle.write(b"\0" * max(0, free - leave))


@pytest.mark.parametrize("leave", [0, 16 * 1024, 100 * 1024, 160 * 1024, 250 * 1024, 400 * 1024, 700 * 1024])
def test_a_full_disk_is_exit_1_naming_the_path(tmpfs: Path, tmp_path: Path, leave: int,
                                               capsys: pytest.CaptureFixture[str]) -> None:
    source = edition(tmp_path / "tei")
    out = tmpfs / "build"
    assert run(capsys, "build", str(source), "-o", str(out), "-j", "1").code == 0
    before = published(out)
    fill(tmpfs, leave)
    result = run(capsys, "build", str(source), "-o", str(out), "-j", "1", "--force")
    (tmpfs / "filler").unlink()
    if result.code == 0:  # everything fitted: then it must really be whole
        assert published(out) == before
        return
    assert result.code == 1, result.err
    assert "Traceback" not in result.err and "internal error" not in result.err
    assert str(tmpfs) in result.err and ("disk is full" in result.err or "incomplete search index" in result.err), result.err
    assert published(out) == before  # same input: every published file is whole and the same
    assert not any((out / "html").glob(".pagefind-*"))


def test_a_pathological_document_is_refused_before_any_format(tmp_path: Path,
                                                              capsys: pytest.CaptureFixture[str]) -> None:
    source = edition(tmp_path / "tei")
    out = tmp_path / "build"
    assert run(capsys, "build", str(source), "-o", str(out), "-j", "1").code == 0
    before = published(out)
    text = SAMPLE.read_text("utf-8").replace("</p>", "word " * (MAX_TEXT_NODE // 4) + "</p>", 1)
    (source / SAMPLE.name).write_text(text, "utf-8")
    started = time.monotonic()
    result = run(capsys, "build", str(source), "-o", str(out), "-j", "1")
    assert result.code == 1
    assert "characters without markup" in result.err and f"{source / SAMPLE.name}:" in result.err
    assert "nothing was published" in result.err
    assert published(out) == before
    assert time.monotonic() - started < 120


def test_a_second_build_into_the_same_folder_is_refused(tmp_path: Path,
                                                        capsys: pytest.CaptureFixture[str]) -> None:
    source = edition(tmp_path / "tei")
    out = tmp_path / "build"
    with build_lock(out):
        result = run(capsys, "build", str(source), "-o", str(out), "-j", "1")
    assert result.code == 1
    assert f"another build is running into {out} (process {os.getpid()})" in result.err
    assert not (out / "html").exists()


def test_staging_left_by_an_interrupted_build_is_removed(tmp_path: Path,
                                                         capsys: pytest.CaptureFixture[str]) -> None:
    source = edition(tmp_path / "tei")
    out = tmp_path / "build"
    (out / "html" / ".pagefind-abc123").mkdir(parents=True)
    (out / ".staging" / "pagefind-x").mkdir(parents=True)
    (out / ".pages-old").mkdir()
    assert run(capsys, "build", str(source), "-o", str(out), "-j", "1", "--only", "html").code == 0
    assert not list((out / "html").glob(".pagefind-*")) and not list(out.glob(".pages-*"))
    assert not (out / ".staging").exists() or not any((out / ".staging").iterdir())
    assert not any(p.name.startswith(".") for p in (out / "html").iterdir())


def test_the_search_index_is_reproducible(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    source = edition(tmp_path / "tei")
    (source / FIXTURE.name).write_text(FIXTURE.read_text("utf-8"), "utf-8")
    indexes = []
    for number in range(3):
        out = tmp_path / f"build{number}"
        assert run(capsys, "build", str(source), "-o", str(out), "-j", "1", "--only", "html",
                   "--no-validate").code == 0  # the fixture's registers are not the sample's
        indexes.append(fingerprint(out / "html" / "pagefind"))
    assert indexes[0] == indexes[1] == indexes[2]


def _children(pid: int) -> set[int]:
    found = set()
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                fields = (entry / "stat").read_text().rsplit(")", 1)[1].split()
            except OSError:
                continue
            if int(fields[1]) == pid:
                found.add(int(entry.name))
    return found


def _alive(pid: int) -> bool:
    try:
        state = (Path("/proc") / str(pid) / "stat").read_text().rsplit(")", 1)[1].split()[0]
    except OSError:
        return False
    return state != "Z"


def _kill_and_watch_workers(process: subprocess.Popen[bytes], what: str) -> None:
    """Wait for the process's pool workers, SIGKILL the process, and check that they go too."""
    workers: set[int] = set()
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline and len(workers) < 2 and process.poll() is None:
        workers = _children(process.pid)
        time.sleep(0.1)
    if process.poll() is not None:
        pytest.fail(f"the {what} finished before its workers could be seen")
    time.sleep(1.0)  # past the workers' initializer, which asks to die with the parent
    workers = {w for w in _children(process.pid) if _alive(w)}
    assert workers
    os.kill(process.pid, signal.SIGKILL)
    process.wait()
    deadline = time.monotonic() + 60  # a worker still importing exits when its initializer runs
    while time.monotonic() < deadline and any(_alive(w) for w in workers):
        time.sleep(0.1)
    assert not any(_alive(w) for w in workers), f"workers outlived the killed {what}"


def test_workers_die_with_their_parent(tmp_path: Path) -> None:
    source = edition(tmp_path / "tei")
    fixture = FIXTURE.read_text("utf-8")
    for number in range(900100, 900180):  # work enough that the pool outlives the sleep below
        (source / f"{number}.xml").write_text(fixture.replace("900001", str(number)), "utf-8")
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    build = subprocess.Popen([sys.executable, "-m", "toolkit", "build", str(source), "-o", str(tmp_path / "out"),
                              "--no-validate", "-j", "2", "--only", "pdf"], env=env, cwd=ROOT,
                             stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    _kill_and_watch_workers(build, "build")


def test_a_document_the_print_edition_refuses_leaves_the_web_edition_alone(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """All formats or none: the print edition runs first, so its failure publishes nothing."""
    source = edition(tmp_path / "tei")
    out = tmp_path / "build"
    assert run(capsys, "build", str(source), "-o", str(out), "-j", "1").code == 0
    before = published(out)
    (source / SAMPLE.name).write_text(SAMPLE.read_text("utf-8").replace(
        "Report, Embassy of Hungary", "Report (revised), Embassy of Hungary"), "utf-8")
    result = run(capsys, "build", str(source), "-o", str(out), "-j", "1",
                 "--font-dir", str(tmp_path / "no-such-fonts"))
    assert result.code != 0 and "no-such-fonts" in result.err
    assert published(out) == before


def test_convert_workers_die_with_their_parent(tmp_path: Path) -> None:
    """As for builds: a killed `teikit convert -j 2` leaves no worker converting on."""
    sample = (ROOT / "sources" / "wilson-116488.txt").read_text("utf-8")
    sources = []
    for number in range(700000, 700400):  # work enough that the pool outlives the sleep below
        path = tmp_path / "sources" / f"report-{number}.txt"
        path.parent.mkdir(exist_ok=True)
        path.write_text(sample.replace("116488", str(number)), "utf-8")
        sources.append(str(path))
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    convert = subprocess.Popen([sys.executable, "-m", "toolkit", "convert", *sources, "-o",
                                str(tmp_path / "out"), "-j", "2"], env=env, cwd=ROOT,
                               stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    _kill_and_watch_workers(convert, "conversion")

"""A no-op run reads no document, a one-document change reads one (issue #13).

Every reader of a document's bytes (the publishability check, the validation cache's key,
each format's hash, the EPUB's chapter facts) asks the file index (toolkit/filestate.py),
which trusts a kept record while the file's stat is unchanged. Seen here by an audit hook on
`open` (the Python side of every read; the C readers, libxml2's and Saxon's, run only inside
validators and builders, which a no-op does not start: "0 rebuilt", nothing validated), on
the real commands, in this process (-j 1)."""

from __future__ import annotations

import contextlib
import os
import re
import shutil
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from teitest import ROOT
from toolkit import filestate
from toolkit.cli import main

_OPENED: list[str] | None = None


def _hook(event: str, args: tuple[object, ...]) -> None:
    if event == "open" and _OPENED is not None and isinstance(args[0], (str, bytes, os.PathLike)):
        _OPENED.append(os.path.abspath(os.fsdecode(args[0])))


sys.addaudithook(_hook)  # hooks cannot be removed: this one records only inside `opened()`


class Opened:
    def __init__(self) -> None:
        self.paths: list[str] = []

    def under(self, folder: Path) -> set[str]:
        return {Path(p).name for p in self.paths if Path(p).parent == folder.resolve()}


@contextlib.contextmanager
def opened() -> Iterator[Opened]:
    global _OPENED
    record = Opened()
    _OPENED = record.paths
    try:
        yield record
    finally:
        _OPENED = None


def edition(tmp_path: Path, copies: int = 3) -> Path:
    """The sample and copies of it under other numbers, with the registers; aged 2 s, so that
    no file is "racy" (just written: its record would not be kept, see filestate)."""
    tei = tmp_path / "tei"
    tei.mkdir()
    shutil.copytree(ROOT / "tei" / "registers", tei / "registers")
    # without its xml-model PIs, which point to ../schemas (the project's schemas apply anyway)
    text = re.sub(r"<\?xml-model [^?]*\?>\n", "", (ROOT / "tei" / "116488.xml").read_text("utf-8"))
    (tei / "116488.xml").write_text(text, "utf-8")
    for number in range(copies):
        name = str(700001 + number)
        (tei / f"{name}.xml").write_text(text.replace('<idno type="WCDA">116488</idno>',
                                                      f'<idno type="WCDA">{name}</idno>'), "utf-8")
    time.sleep(filestate.RACY_NS / 1e9 + 0.1)
    return tei


def cli(capsys: pytest.CaptureFixture[str], *args: str) -> str:
    capsys.readouterr()
    code = main(list(args))
    out = capsys.readouterr()
    assert code == 0, out.err
    return out.out


def test_a_noop_build_reads_no_document_and_one_change_reads_one(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    tei = edition(tmp_path)
    out = tmp_path / "build"
    build = ("build", str(tei), "-o", str(out), "--only", "epub", "-j", "1")
    cli(capsys, *build)
    time.sleep(filestate.RACY_NS / 1e9 + 0.1)  # the chapters just written are old enough to be kept
    chapters = out / "epub" / "chapters"
    for record in [opened() for _ in range(2)]:  # twice: the second no-op too
        with record as seen:
            printed = cli(capsys, *build)
        assert "epub: 0 rebuilt, 4 up to date, 0 files written" in printed
        assert "(7 unchanged, not validated again)" in printed  # 4 documents, 3 registers
        assert seen.under(tei) == set(), seen.under(tei)
        assert seen.under(chapters) == set()
    # the first: the chapters the full build had just written when it hashed them (racy then)
    # are read once; from the next on, the changed one and the one the last build wrote
    for number, before in (("700001", None), ("700002", {"doc-700001.xhtml"}),
                           ("700003", {"doc-700002.xhtml"})):
        changed = tei / f"{number}.xml"
        changed.write_text(changed.read_text("utf-8").replace("<p>", "<p>Edited. ", 1), "utf-8")
        with opened() as seen:
            printed = cli(capsys, *build)
        assert "epub: 1 rebuilt, 3 up to date" in printed
        assert "(6 unchanged, not validated again)" in printed
        # and of the documents, the changed one (and the one changed before the last build,
        # which was racy then: just written)
        assert f"{number}.xml" in seen.under(tei)
        assert seen.under(tei) <= {f"{number}.xml", *{n.replace("doc-", "").replace(".xhtml", ".xml") for n in before or ()}}
        # its new chapter is read (its facts); no other chapter is (their facts are kept with
        # the book), but the one the last build wrote (racy then: hashed now, once)
        if before is not None:
            assert {n for n in seen.under(chapters) if not n.startswith(".")} <= {f"doc-{number}.xhtml", *before}
        time.sleep(filestate.RACY_NS / 1e9 + 0.1)


def test_teikit_validate_validates_only_the_changed_document(
        tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    tei = edition(tmp_path)
    first = cli(capsys, "validate", str(tei), "-j", "1")
    with opened() as seen:
        again = cli(capsys, "validate", str(tei), "-j", "1")
    assert again.splitlines()[:-1] == first.splitlines()[:-1]  # the same report (but its time)
    assert seen.under(tei) == set()
    changed = tei / "700001.xml"
    changed.write_text(changed.read_text("utf-8").replace('ref="per:kosygin"', 'ref="per:nobody"', 1),
                       "utf-8")
    with opened() as seen:
        capsys.readouterr()
        assert main(["validate", str(tei), "-j", "1"]) == 1
        printed = capsys.readouterr().out
    assert seen.under(tei) == {"700001.xml"}
    assert "700001.xml" in printed and "per:nobody" in printed  # the change is seen
    assert main(["validate", str(tei), "-j", "1", "--no-cache"]) == 1
    assert capsys.readouterr().out.splitlines()[:-1] == printed.splitlines()[:-1]


def test_an_edit_that_keeps_size_and_mtime_is_seen(tmp_path: Path) -> None:
    path = tmp_path / "a.xml"
    path.write_bytes(b"<a>one</a>")
    old = time.time_ns() - 10 * filestate.RACY_NS
    os.utime(path, ns=(old, old))
    time.sleep(filestate.RACY_NS / 1e9 + 0.1)  # the ctime too is old: the record is kept
    kept = tmp_path / "index.json"
    index = filestate.FileIndex(kept)
    first = index.sha256(path)
    index.save()
    assert kept.is_file()
    again = filestate.FileIndex(kept)
    assert again.sha256(path) == first and again.reads == 0  # trusted from the kept stat
    path.write_bytes(b"<a>two</a>")  # the same size ...
    os.utime(path, ns=(old, old))  # ... and the same mtime: the ctime moved
    assert again.sha256(path) != first and again.reads == 1
    path.write_bytes(b"<a>three</a>")  # a just-written file is racy: read every time, not kept
    assert again.sha256(path) == again.sha256(path) and again.reads == 3
    again.save()
    assert filestate.FileIndex(kept).sha256(path) == again.sha256(path)
    later = filestate.FileIndex(kept)
    later.sha256(path)
    assert later.reads == 1  # it was not kept: read again


def test_a_damaged_index_is_not_trusted(tmp_path: Path) -> None:
    path = tmp_path / "a.xml"
    path.write_bytes(b"<a/>")
    kept = tmp_path / "index.json"
    for damaged in ('{"version": 1, "files": {"x": 1}', "[1, 2]",
                    '{"version": 1, "files": {"%s": [[1, 2], 3, "x"]}}' % path):
        kept.write_text(damaged, "utf-8")
        index = filestate.FileIndex(kept)
        assert index.sha256(path) == filestate.FileIndex().sha256(path) and index.reads == 1

"""The web build's check that an unchanged document's outputs are all there (issue #13): it
stat()ed each of their 8 files, 80,000 stats in a one-document rebuild at 10,000 documents.
It now lists each output folder once. Seen by counting os.stat on the unchanged document's
downloads (its private file, search page and record in one, is still stat()ed, by html_state.contributions: its
size and mtime say whether the last build's contribution holds) while the real build runs; and an output removed by hand still comes back."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

import pytest

from web.support import FIXTURE_ID, SAMPLE_ID, build, make_source


def test_a_rebuild_does_not_stat_the_outputs_of_unchanged_documents(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    source = make_source(tmp_path / "tei")
    out = tmp_path / "build"
    build(source, out)
    outputs = {out / "html" / "cite" / f"{SAMPLE_ID}.{suffix}" for suffix in ("json", "bib", "ris")}
    outputs |= {out / "html" / "tei" / f"{SAMPLE_ID}.xml"}
    assert all(p.is_file() for p in outputs)
    watched = {os.fspath(p) for p in outputs}
    stats: list[str] = []
    real = os.stat

    def counting(path: Any, *args: Any, **kwargs: Any) -> os.stat_result:
        if isinstance(path, (str, os.PathLike)) and os.fspath(path) in watched:
            stats.append(os.fspath(path))
        return real(path, *args, **kwargs)

    fixture = source / f"{FIXTURE_ID}.xml"
    fixture.write_text(fixture.read_text("utf-8").replace("first item", "first entry"), "utf-8")
    monkeypatch.setattr(os, "stat", counting)
    report = build(source, out)
    monkeypatch.undo()
    assert report.rebuilt == (FIXTURE_ID,)
    assert stats == []


def test_an_output_removed_by_hand_is_written_again(tmp_path: Path) -> None:
    source = make_source(tmp_path / "tei")
    out = tmp_path / "build"
    build(source, out)
    removed = out / "html" / "cite" / f"{SAMPLE_ID}.bib"
    before = removed.read_bytes()
    removed.unlink()
    fixture = source / f"{FIXTURE_ID}.xml"
    fixture.write_text(fixture.read_text("utf-8").replace("first item", "first entry"), "utf-8")
    assert build(source, out).rebuilt == (FIXTURE_ID,)
    assert removed.read_bytes() == before
    # a dangling link in its place is not an output either
    removed.unlink()
    removed.symlink_to(tmp_path / "nowhere.bib")
    fixture.write_text(fixture.read_text("utf-8").replace("first entry", "first item"), "utf-8")
    assert build(source, out).rebuilt == (FIXTURE_ID,)
    assert not removed.is_symlink() and removed.read_bytes() == before

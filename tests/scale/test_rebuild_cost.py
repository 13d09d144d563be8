"""What a one-document rebuild does per *unchanged* document (issue #13: < 15 s at 10,000).

The work that grows with the edition in a rebuild is per unchanged document: its stat, its
kept hash, its outputs looked up. Each piece of Python around it (a Path made, an
`os.path.abspath`, a stat of a published PDF, a link string) is paid 10,000 times. Counted
here as the slope between two editions of different sizes (the fixed costs cancel), on the
real `teikit build`, in this process (-j 1)."""

from __future__ import annotations

import collections
import os
import pathlib
import posixpath
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

from scale.test_noop_reads import cli, edition
from toolkit import filestate
from toolkit.builders import base, html as html_builder
from toolkit.builders.html_pdfs import site_pdfs
from toolkit.validation import cache as validation_cache


class Counts:
    def __init__(self) -> None:
        self.calls: collections.Counter[str] = collections.Counter()
        self.on = False

    def wrap(self, label: str, real: Callable[..., Any]) -> Callable[..., Any]:
        def counting(*args: Any, **kwargs: Any) -> Any:
            if self.on:
                self.calls[label] += 1
            return real(*args, **kwargs)
        return counting


@pytest.fixture
def counts(monkeypatch: pytest.MonkeyPatch) -> Iterator[Counts]:
    found = Counts()
    monkeypatch.setattr(posixpath, "abspath", found.wrap("abspath", posixpath.abspath))
    for name in ("_from_parts", "_from_parsed_parts"):  # every Path made (joined, parent...)
        real = getattr(pathlib.PurePath, name).__func__
        monkeypatch.setattr(pathlib.PurePath, name, classmethod(found.wrap("paths", real)))
    monkeypatch.setattr(html_builder, "sequence_nav", found.wrap("links", html_builder.sequence_nav))
    yield found


def _one_change(tmp_path: Path, copies: int, counts: Counts, capsys: pytest.CaptureFixture[str],
                *formats: str) -> collections.Counter[str]:
    (tmp_path / str(copies)).mkdir()
    tei = edition(tmp_path / str(copies), copies)
    build = ("build", str(tei), "-o", str(tmp_path / str(copies) / "build"), "-j", "1",
             *(arg for name in formats for arg in ("--only", name)))
    cli(capsys, *build)
    time.sleep(filestate.RACY_NS / 1e9 + 0.1)  # nothing racy: every record is kept
    changed = tei / "700001.xml"
    changed.write_text(changed.read_text("utf-8").replace("<p>", "<p>Edited. ", 1), "utf-8")
    counts.calls.clear()
    counts.on = True
    printed = cli(capsys, *build)
    counts.on = False
    for name in formats:
        assert f"{name}: 1 rebuilt, {copies} up to date" in printed
    return counts.calls.copy()


@pytest.mark.parametrize("formats", [("html",), ("epub",)])
def test_a_one_document_rebuild_does_little_per_unchanged_document(
        tmp_path: Path, counts: Counts, capsys: pytest.CaptureFixture[str],
        formats: tuple[str, ...]) -> None:
    small = _one_change(tmp_path, 2, counts, capsys, *formats)
    large = _one_change(tmp_path, 8, counts, capsys, *formats)
    slope = {label: (large[label] - small[label]) / 6 for label in ("abspath", "paths", "links")}
    # before: 11 abspath and 36 (web) / 16 (EPUB) Paths per unchanged document, validation
    # included (the file index's key, each builder's hash naming the file, the web's 8
    # outputs looked for); the web's previous/next links made again for every document
    assert slope["abspath"] <= 3, slope
    assert slope["paths"] <= 15, slope
    assert large["links"] == 0, large  # the order is unchanged: no document's links are made


def test_the_links_follow_a_change_of_order(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """Counter-case of the kept links: a document moved in the order (its date edited)
    gets new neighbours, as from scratch."""
    tei = edition(tmp_path, 3)
    out = tmp_path / "build"
    cli(capsys, "build", str(tei), "-o", str(out), "--only", "html", "-j", "1", "--no-validate")
    moved = tei / "700003.xml"
    text = moved.read_text("utf-8")
    dated = text.replace('when="1965-01-08"', 'when="1901-01-08"', 1)
    assert dated != text
    moved.write_text(dated, "utf-8")
    cli(capsys, "build", str(tei), "-o", str(out), "--only", "html", "-j", "1", "--no-validate")
    fresh = tmp_path / "fresh"
    cli(capsys, "build", str(tei), "-o", str(fresh), "--only", "html", "-j", "1", "--no-validate")
    for page in sorted((fresh / "html").glob("*.html")):
        assert (out / "html" / page.name).read_bytes() == page.read_bytes(), page.name


def test_the_pdf_mirror_lists_its_folders_and_stats_no_pdf(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    pdfs, mirror = tmp_path / "pdf", tmp_path / "html" / "pdf"
    pdfs.mkdir()
    mirror.parent.mkdir()
    for name in ("1.pdf", "2.pdf", "edition.pdf"):
        (pdfs / name).write_bytes(b"%PDF-1.7 " + name.encode())
    assert sorted(p.name for p in site_pdfs(tmp_path)) == ["1.pdf", "2.pdf", "edition.pdf"]
    assert all(os.path.samefile(mirror / p.name, p) for p in pdfs.iterdir())
    stats: list[str] = []
    real = os.stat

    def counting(path: Any, *args: Any, **kwargs: Any) -> os.stat_result:
        if os.fspath(path).endswith(".pdf"):
            stats.append(os.fspath(path))
        return real(path, *args, **kwargs)

    monkeypatch.setattr(os, "stat", counting)
    assert site_pdfs(tmp_path) == []  # all in place: no PDF stat()ed (two per PDF before)
    assert stats == []
    monkeypatch.undo()
    # counter-cases: a PDF replaced by a new file, one removed, a dangling link in the mirror
    (pdfs / "1.pdf").unlink()
    (pdfs / "1.pdf").write_bytes(b"%PDF-1.7 new")
    (pdfs / "2.pdf").unlink()
    (mirror / "edition.pdf").unlink()
    (mirror / "edition.pdf").symlink_to(tmp_path / "nowhere.pdf")
    assert sorted(p.name for p in site_pdfs(tmp_path)) == ["1.pdf", "edition.pdf"]
    assert sorted(p.name for p in mirror.iterdir()) == ["1.pdf", "edition.pdf"]
    assert all(os.path.samefile(mirror / p.name, p) for p in pdfs.iterdir())
    assert not (mirror / "edition.pdf").is_symlink()


def test_the_validation_key_reads_a_folder_s_declarations_once(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    schema = tmp_path / "schema.rng"
    schema.write_text("<grammar/>", "utf-8")
    files = []
    for number in range(5):
        file = tmp_path / f"{number}.xml"
        file.write_text('<?xml-model href="schema.rng"?>\n<TEI/>', "utf-8")
        files.append(file)
    other = tmp_path / "other.xml"  # counter-case: another declaration has its own digest
    other.write_text('<?xml-model href="nowhere.rng"?>\n<TEI/>', "utf-8")
    cache = validation_cache.ValidationCache(tmp_path / "cache.json", "context", root=tmp_path)
    calls = []
    real = validation_cache.urlsplit
    monkeypatch.setattr(validation_cache, "urlsplit", lambda href: calls.append(href) or real(href))
    keys = [cache.key(file) for file in files]
    assert calls == ["schema.rng"]  # once for the folder's declaration, not once per file
    assert len(set(keys)) == 5  # each file its own key all the same (name and content)
    before = cache.key(files[0])
    assert cache.key(other) != before and calls[-1] == "nowhere.rng"
    schema.write_text("<grammar><start/></grammar>", "utf-8")  # a new run sees a new schema
    fresh = validation_cache.ValidationCache(tmp_path / "cache.json", "context", root=tmp_path)
    assert fresh.key(files[0]) != before


@pytest.mark.parametrize("inside, root, expected", [
    ("ed/tei/1.xml", "ed", "tei/1.xml"),
    ("ed", "ed", "."),
    ("ed2/tei/1.xml", "ed", None),  # a sibling whose name starts with the root's is outside
    ("ed/./tei/../tei/1.xml", "ed", "tei/1.xml"),
])
def test_edition_names_are_those_of_relative_to(tmp_path: Path, inside: str, root: str,
                                                expected: str | None) -> None:
    path, folder = tmp_path / inside, tmp_path / root
    named = base.edition_name(path, folder)
    if expected is None:
        assert named == path.as_posix()
    else:
        assert named == expected == Path(os.path.abspath(path)).relative_to(folder).as_posix()
    assert base.edition_name(base.TOOLKIT_ROOT / "xslt" / "a.xsl", None) == "xslt/a.xsl"

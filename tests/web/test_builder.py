"""The HTML builder's lifecycle: incremental builds, removed documents, bad input, workers."""

from __future__ import annotations

import filecmp
import shutil
from pathlib import Path

import pytest

from toolkit.cli import main
from toolkit.errors import ToolkitError
from web.support import FIXTURE_ID, ROOT, SAMPLE_ID, build, make_source, page


def rows(site: Path) -> list[str]:
    return [str(href) for href in page(site, "index.html").xpath("//tbody/tr/td[2]/a/@href")]


def test_only_what_changed_is_rebuilt(tmp_path: Path) -> None:
    source = make_source(tmp_path / "tei")
    out = tmp_path / "build"
    first = build(source, out)
    assert sorted(first.rebuilt) == [SAMPLE_ID, FIXTURE_ID]
    again = build(source, out)
    assert again.rebuilt == () and again.written == ()
    fixture = source / f"{FIXTURE_ID}.xml"
    fixture.write_text(fixture.read_text("utf-8").replace(
        "Memorandum of Conversation on Every Kind of Markup", "A Changed Title"), "utf-8")
    third = build(source, out)
    assert third.rebuilt == (FIXTURE_ID,)
    site = out / "html"
    assert "A Changed Title" in page(site, "index.html").text_content()
    assert "A Changed Title" in page(site, f"{FIXTURE_ID}.html").xpath("string(//h1)")


def test_the_site_is_readable_by_a_web_server(site: Path) -> None:
    for path in [site, *site.rglob("*")]:
        assert path.stat().st_mode & 0o004, f"{path} is not world-readable"
        if path.is_dir():
            assert path.stat().st_mode & 0o001, f"{path} cannot be entered"


def test_a_removed_document_leaves_the_site(tmp_path: Path) -> None:
    source = make_source(tmp_path / "tei")
    out = tmp_path / "build"
    build(source, out)
    site = out / "html"
    assert rows(site) == [f"{FIXTURE_ID}.html", f"{SAMPLE_ID}.html"]
    (source / f"{FIXTURE_ID}.xml").unlink()
    build(source, out)
    assert rows(site) == [f"{SAMPLE_ID}.html"]
    assert not (site / f"{FIXTURE_ID}.html").exists()
    assert not (site / "tei" / f"{FIXTURE_ID}.xml").exists()
    assert f"{FIXTURE_ID}.html" not in (site / "persons.html").read_text("utf-8")


def test_pages_deleted_by_hand_come_back_with_the_next_change(tmp_path: Path) -> None:
    """Outdatedness is by content hash (the manifest); a page deleted by hand is rewritten
    when the edition pages are next rebuilt, or by --force."""
    source = make_source(tmp_path / "tei")
    out = tmp_path / "build"
    build(source, out)
    (out / "html" / f"{SAMPLE_ID}.html").unlink()
    fixture = source / f"{FIXTURE_ID}.xml"
    fixture.write_text(fixture.read_text("utf-8").replace("first item", "first entry"), "utf-8")
    report = build(source, out)
    assert report.rebuilt == (FIXTURE_ID,)
    assert (out / "html" / f"{SAMPLE_ID}.html").exists()


def test_workers_write_the_same_site_as_one_process(tmp_path: Path) -> None:
    source = make_source(tmp_path / "tei")
    build(source, tmp_path / "one", jobs=1)
    report = build(source, tmp_path / "two", jobs=2)
    assert sorted(report.rebuilt) == [SAMPLE_ID, FIXTURE_ID]
    one, two = tmp_path / "one" / "html", tmp_path / "two" / "html"
    names = sorted(p.name for p in one.glob("*.html"))
    assert names == sorted(p.name for p in two.glob("*.html"))
    _, mismatch, errors = filecmp.cmpfiles(one, two, names, shallow=False)
    assert mismatch == [] and errors == []


@pytest.mark.parametrize("content, message, line", [
    (b"<TEI xmlns='http://www.tei-c.org/ns/1.0'><teiHeader>\n<oops></TEI>", "not well-formed XML", 2),
    (b"<?xml version='1.0'?>\n<!DOCTYPE TEI [<!ENTITY e 'x'>]>\n<TEI xmlns='http://www.tei-c.org/ns/1.0'/>",
     "declares entities", 1),
    (b"<html><body>not TEI</body></html>", "not a TEI document", 1),
])
@pytest.mark.parametrize("jobs", [1, 2])
def test_bad_input_is_reported_with_file_and_line(
        tmp_path: Path, content: bytes, message: str, line: int, jobs: int) -> None:
    """The builder's own checks (`teikit build` validates the edition before it builds; these
    hold for any caller of the builder, in one process or in workers)."""
    source = make_source(tmp_path / "tei")
    bad = source / "700001.xml"
    bad.write_bytes(content)
    out = tmp_path / "build"
    with pytest.raises(ToolkitError) as caught:
        build(source, out, jobs=jobs)
    diagnostic = caught.value.diagnostic
    assert (diagnostic.path, diagnostic.line) == (str(bad), line)
    assert message in diagnostic.message
    assert not (out / "html" / "700001.html").exists()


def test_the_cli_reports_bad_input_in_one_line(tmp_path: Path,
                                               capsys: pytest.CaptureFixture[str]) -> None:
    source = tmp_path / "tei"
    shutil.copytree(ROOT / "tei", source)
    (source / "700001.xml").write_bytes(b"<TEI xmlns='http://www.tei-c.org/ns/1.0'>\n<oops></TEI>")
    out = tmp_path / "build"
    code = main(["build", str(source), "-o", str(out), "--only", "html"])
    err = capsys.readouterr().err
    assert code == 1 and f"{source / '700001.xml'}:2" in err and "Traceback" not in err, err
    assert not (out / "html").exists(), "nothing is published"


def test_the_cli_builds_the_sample(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    source = tmp_path / "tei"
    shutil.copytree(ROOT / "tei", source)
    assert main(["build", str(source), "-o", str(tmp_path / "build"), "--only", "html"]) == 0
    assert "html: 1 rebuilt, 0 up to date" in capsys.readouterr().out
    assert (tmp_path / "build" / "html" / f"{SAMPLE_ID}.html").exists()

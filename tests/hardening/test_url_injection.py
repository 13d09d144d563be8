"""Issue 14, item 1: stored script injection. A URL from a document becomes a link only as
http(s), mailto or a relative reference, in every output; the validator reports the others."""

from __future__ import annotations

import re
from pathlib import Path

import pypdf
import pytest
from lxml import etree, html

from support import SAMPLE, SAMPLE_URI, edition, fingerprint, run
from toolkit.urls import is_safe_url, safe_url

HOSTILE = "  JavaScript:alert(document.cookie)"


def hostile_text() -> str:
    text = SAMPLE.read_text("utf-8")
    assert f'<idno type="URI">{SAMPLE_URI}</idno>' in text
    text = text.replace(f'<idno type="URI">{SAMPLE_URI}</idno>', f'<idno type="URI">{HOSTILE}</idno>')
    # the archive's citation links the same URL: make it a script too, in a ref's target
    text = text.replace(f'<ref target="{SAMPLE_URI}">', '<ref target="javascript:alert(2)">')
    assert text.count("alert(") == 2
    return text


@pytest.mark.parametrize("url, safe", [
    ("https://example.org/a", True), ("HTTP://x", True), ("mailto:a@b.org", True),
    ("registers/persons.xml#x", True), ("#note-1", True), ("//example.org/x", True),
    ("javascript:alert(1)", False), (" JaVaScRiPt:alert(1)", False), ("java\tscript:alert(1)", False),
    ("\njavascript:x", False), ("data:text/html,<script>", False), ("vbscript:x", False),
    ("file:///etc/passwd", False), ("urn:isbn:1", False),
])
def test_the_url_rule(url: str, safe: bool) -> None:
    assert is_safe_url(url) is safe
    assert (safe_url(url) is not None) is safe


def test_validate_reports_a_javascript_url(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    source = edition(tmp_path / "tei", hostile_text())
    result = run(capsys, "validate", str(source / SAMPLE.name))
    assert result.code == 1
    lines = [line for line in result.out.splitlines() if "[tk-url-scheme]" in line]
    assert any(re.match(rf".*116488\.xml:30:\d+: error: .*javascript: URL", line) for line in lines), lines
    assert any("target=\"javascript:alert(2)\"" in line and ": error: " in line for line in lines), lines


def test_build_of_a_hostile_document_publishes_nothing(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    source = edition(tmp_path / "tei")
    out = tmp_path / "build"
    assert run(capsys, "build", str(source), "-o", str(out), "-j", "1").code == 0
    before = fingerprint(out)
    (source / SAMPLE.name).write_text(hostile_text(), "utf-8")
    result = run(capsys, "build", str(source), "-o", str(out), "-j", "1")
    assert result.code == 1
    assert "tk-url-scheme" in result.err and "nothing was published" in result.err
    assert fingerprint(out) == before


def _links(site: Path) -> list[str]:
    found = []
    for page in site.glob("*.html"):
        tree = html.parse(str(page))
        found += [str(v) for v in tree.xpath("//@href | //@src | //@action | //@formaction")]
    return found


def test_no_output_links_a_javascript_url(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """Even past the validator (--no-validate), no page, PDF or Dublin Core record carries it."""
    source = edition(tmp_path / "tei", hostile_text())
    out = tmp_path / "build"
    assert run(capsys, "build", str(source), "-o", str(out), "-j", "1", "--no-validate").code == 0
    links = _links(out / "html")
    assert links and all(is_safe_url(link) for link in links), [l for l in links if not is_safe_url(l)]
    for page in (out / "html").glob("*.html"):
        assert "alert(" not in page.read_text("utf-8"), page
    for pdf in (out / "pdf").glob("*.pdf"):
        for number, pdf_page in enumerate(pypdf.PdfReader(pdf).pages):
            for annotation in pdf_page.get("/Annots") or []:
                action = annotation.get_object().get("/A")
                uri = action.get_object().get("/URI") if action is not None else None
                assert uri is None or is_safe_url(str(uri)), (pdf.name, number, uri)
    assert "alert(" not in (out / "pdf" / "print-xml" / "116488.xml").read_text("utf-8")
    assert run(capsys, "export", "--to", "dc", str(source), "-o", str(tmp_path / "dc")).code == 0
    for record in (tmp_path / "dc").rglob("*.xml"):
        assert "alert(" not in record.read_text("utf-8"), record


def test_a_safe_source_url_is_still_linked(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    source = edition(tmp_path / "tei")
    out = tmp_path / "build"
    assert run(capsys, "build", str(source), "-o", str(out), "-j", "1", "--only", "html").code == 0
    page = etree.parse(str(out / "html" / "116488.html"), etree.HTMLParser())
    assert SAMPLE_URI in [str(h) for h in page.xpath("//p[@class='tk-source']/a/@href")]

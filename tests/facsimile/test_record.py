"""`teikit facsimile DOC SCAN...`: the scan recorded in the TEI, in place and idempotently."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from lxml import etree
from PIL import Image

from teitest import assert_tei_all
from toolkit.cli import main
from toolkit.validation import validate_files

from .scans import SAMPLE, make_edition, page_image, scan_pdf

TEI = {"tei": "http://www.tei-c.org/ns/1.0"}


@pytest.fixture()
def edition(tmp_path: Path) -> Path:
    return make_edition(tmp_path / "edition")


def facsimile(edition: Path, *scans: Path, extra: tuple[str, ...] = ()) -> int:
    return main(["facsimile", str(edition / "tei" / f"{SAMPLE}.xml"), *map(str, scans), *extra])


def test_a_pdf_becomes_surfaces_and_page_break_pointers(edition: Path, tmp_path: Path,
                                                        capsys: pytest.CaptureFixture[str]) -> None:
    document = edition / "tei" / f"{SAMPLE}.xml"
    assert facsimile(edition, scan_pdf(tmp_path / "scan.pdf", 3)) == 0
    assert "warning" not in capsys.readouterr().err
    tree = etree.parse(str(document))
    # after the teiHeader, before the text
    assert [etree.QName(e).localname for e in tree.getroot()] == ["teiHeader", "facsimile", "text"]
    surfaces = tree.findall("tei:facsimile/tei:surface", TEI)
    assert [s.get("{http://www.w3.org/XML/1998/namespace}id") for s in surfaces] == \
        [f"facs-{SAMPLE}-{n}" for n in (1, 2, 3)]
    # the first surface is the page before the first pb; each pb points at the next one
    assert [pb.get("facs") for pb in tree.iterfind(".//tei:text//tei:pb", TEI)] == \
        [f"#facs-{SAMPLE}-2", f"#facs-{SAMPLE}-3"]
    for number, surface in enumerate(surfaces, 1):
        graphic = surface.find("tei:graphic", TEI)
        assert graphic is not None
        image = (document.parent / graphic.get("url", "")).resolve()
        assert image.parent == (edition / "facsimiles" / SAMPLE).resolve()
        assert re.fullmatch(rf"page-00{number}-[0-9a-f]{{10}}\.jpg", image.name)
        with Image.open(image) as opened:  # 850 x 1100 pt at 100 dpi, rasterised at 150 dpi
            assert opened.format == "JPEG"
            assert (graphic.get("width"), graphic.get("height")) == (f"{opened.width}px", f"{opened.height}px")
            assert abs(opened.width - 1275) <= 1 and abs(opened.height - 1650) <= 1


def test_only_what_must_change_changes_and_a_second_run_changes_nothing(edition: Path, tmp_path: Path) -> None:
    document = edition / "tei" / f"{SAMPLE}.xml"
    # hand edits: a comment, an attribute in single quotes, a pb with attributes and odd spacing
    original = document.read_text("utf-8")
    original = original.replace("<text xml:lang=\"en\">", "<!-- checked by hand <pb/> -->\n  <text xml:lang='en'>", 1)
    original = original.replace("wanted <pb/>", "wanted <pb n='2'   />", 1)
    document.write_text(original, "utf-8")
    scan = scan_pdf(tmp_path / "scan.pdf", 3)
    assert facsimile(edition, scan) == 0
    first = document.read_bytes()
    # remove exactly what was added: the original comes back, byte for byte
    added = first.decode("utf-8")
    added = re.sub(r"\n  <facsimile>.*?</facsimile>", "", added, count=1, flags=re.S)
    added = re.sub(r' facs="#facs-116488-\d"', "", added)
    assert added == original
    assert "<pb n='2'    facs=" not in first.decode() and "<pb n='2' facs=\"#facs-116488-3\"   />" in first.decode()
    images = {p.name: p.read_bytes() for p in (edition / "facsimiles" / SAMPLE).iterdir()}
    stamps = {p.name: p.stat().st_mtime_ns for p in (edition / "facsimiles" / SAMPLE).iterdir()}
    assert facsimile(edition, scan) == 0
    assert document.read_bytes() == first
    assert {p.name: p.read_bytes() for p in (edition / "facsimiles" / SAMPLE).iterdir()} == images
    assert {p.name: p.stat().st_mtime_ns for p in (edition / "facsimiles" / SAMPLE).iterdir()} == stamps


def test_the_result_is_valid_against_the_project_schema_and_tei_all(edition: Path, tmp_path: Path,
                                                                     tei_all: etree.RelaxNG) -> None:
    document = edition / "tei" / f"{SAMPLE}.xml"
    assert facsimile(edition, scan_pdf(tmp_path / "scan.pdf", 3)) == 0
    reports = list(validate_files([document]))
    assert [d.format() for r in reports for d in r.diagnostics if d.severity.value == "error"] == []
    assert_tei_all(tei_all, etree.parse(str(document)))


@pytest.mark.parametrize(("pages", "words"), [
    (2, "the scan has 2 pages and the text 3 (2 page breaks)"),
    (5, "the scan has 5 pages and the text 3 (2 page breaks)"),
])
def test_a_count_that_does_not_match_is_a_warning_naming_both_numbers(
        edition: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str], pages: int, words: str) -> None:
    document = edition / "tei" / f"{SAMPLE}.xml"
    assert facsimile(edition, scan_pdf(tmp_path / "scan.pdf", pages)) == 0
    err = capsys.readouterr().err
    assert re.search(rf"tei/{SAMPLE}\.xml:\d+: warning: {re.escape(words)}", err), err
    tree = etree.parse(str(document))
    # matched in order, never shifted: every scan page is a surface, pb k points at page k+1
    assert len(tree.findall("tei:facsimile/tei:surface", TEI)) == pages
    assert [pb.get("facs") for pb in tree.iterfind(".//tei:text//tei:pb", TEI)] == \
        [f"#facs-{SAMPLE}-{n}" if n <= pages else None for n in (2, 3)]
    # a later run with the right scan repairs it, and leaves no stale page image behind
    assert facsimile(edition, scan_pdf(tmp_path / "scan3.pdf", 3)) == 0
    assert [p.name[:9] for p in sorted((edition / "facsimiles" / SAMPLE).iterdir())] == \
        ["page-001-", "page-002-", "page-003-"]
    assert len(etree.parse(str(document)).findall("tei:facsimile/tei:surface", TEI)) == 3


def test_page_images_png_and_multipage_tiff_are_taken_in_order(edition: Path, tmp_path: Path) -> None:
    page_image(1).save(tmp_path / "1.png")
    page_image(2).save(tmp_path / "2.tif", save_all=True, append_images=[page_image(3)])
    document = edition / "tei" / f"{SAMPLE}.xml"
    assert facsimile(edition, tmp_path / "1.png", tmp_path / "2.tif") == 0
    graphics = etree.parse(str(document)).findall("tei:facsimile/tei:surface/tei:graphic", TEI)
    urls = [g.get("url", "") for g in graphics]
    assert [re.sub("-[0-9a-f]{10}", "", u) for u in urls] == [f"../facsimiles/{SAMPLE}/page-00{n}.png" for n in (1, 2, 3)]
    assert [g.get("mimeType") for g in graphics] == ["image/png"] * 3
    # the PNG is kept byte for byte; TIFF pages (browsers show no TIFF) become PNG
    assert (document.parent / urls[0]).read_bytes() == (tmp_path / "1.png").read_bytes()
    with Image.open(document.parent / urls[2]) as third:
        assert third.size == (850, 1100)


@pytest.mark.parametrize("content", [b"%PDF-1.7\nbroken", b"not an image at all", b"\x89PNG\r\n\x1a\nshort"])
def test_a_bad_scan_is_exit_1_naming_the_file_and_nothing_is_touched(
        edition: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str], content: bytes) -> None:
    document = edition / "tei" / f"{SAMPLE}.xml"
    before = document.read_bytes()
    good = scan_pdf(tmp_path / "good.pdf", 1)
    bad = tmp_path / "bad.pdf"
    bad.write_bytes(content)
    assert facsimile(edition, good, bad) == 1
    err = capsys.readouterr().err
    assert f"{bad}: error:" in err and "Traceback" not in err
    assert document.read_bytes() == before
    assert not (edition / "facsimiles").exists()


def test_a_document_that_is_not_tei_is_refused(edition: Path, tmp_path: Path,
                                               capsys: pytest.CaptureFixture[str]) -> None:
    register = edition / "tei" / "registers" / "persons.xml"
    before = register.read_bytes()
    assert main(["facsimile", str(register), str(scan_pdf(tmp_path / "s.pdf", 1))]) == 1
    assert "persons.xml:1: error: not a TEI document with a text" in capsys.readouterr().err
    assert register.read_bytes() == before


def test_a_new_scan_of_one_page_changes_that_page_s_name_only(edition: Path, tmp_path: Path) -> None:
    """Builds hash the TEI: the image's content hash in its name makes a new scan rebuild."""
    for n in (1, 2, 3):
        page_image(n).save(tmp_path / f"{n}.png")
    document = edition / "tei" / f"{SAMPLE}.xml"
    assert facsimile(edition, *(tmp_path / f"{n}.png" for n in (1, 2, 3))) == 0
    before = [g.get("url") for g in etree.parse(str(document)).iterfind(".//tei:graphic", TEI)]
    page_image(7).save(tmp_path / "2.png")  # the page scanned again
    assert facsimile(edition, *(tmp_path / f"{n}.png" for n in (1, 2, 3))) == 0
    after = [g.get("url") for g in etree.parse(str(document)).iterfind(".//tei:graphic", TEI)]
    assert after[0] == before[0] and after[2] == before[2] and after[1] != before[1]
    assert sorted(p.name for p in (edition / "facsimiles" / SAMPLE).iterdir()) == \
        sorted(Path(u or "").name for u in after)  # the old page 2 is gone

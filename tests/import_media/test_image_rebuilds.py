"""Issue 16, the images' leftovers: a document's local images are part of its content hash, so a
changed image rebuilds its page and PDF though the TEI is unchanged; and images no document
shows any more (changed, or their document left the edition) leave `html/images/` and the print
root. Real builds (Saxon, Typst) of the imported fixture with its chart, seal and a missing map."""

from __future__ import annotations

import hashlib
import shutil
from pathlib import Path

import pytest
from PIL import Image

from teitest import ROOT
from toolkit.builders.base import BuildConfig, BuildReport, run_builder
from toolkit.builders.html import HtmlBuilder
from toolkit.builders.pdf import PRINT_ROOT, PdfBuilder
from toolkit.builders.images import images_hash

FIXTURES = Path(__file__).parent / "fixtures"
DOC = "figures-report"


def published(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def names(folder: Path) -> set[str]:
    return {p.name.split(".")[0] for p in folder.iterdir()} if folder.is_dir() else set()


@pytest.fixture(scope="module")
def edition(tmp_path_factory: pytest.TempPathFactory) -> Path:
    from toolkit.cli import main

    base = tmp_path_factory.mktemp("rebuilds")
    (base / "schemas").symlink_to(ROOT / "schemas")
    assert main(["import", str(FIXTURES / "figures.xml"), "-o", str(base / "tei")]) == 0
    shutil.copytree(FIXTURES / "images", base / "tei" / "images")
    return base


def build(edition: Path) -> tuple[BuildReport, BuildReport]:
    config = BuildConfig(source_dir=edition / "tei", output_dir=edition / "build", jobs=1)
    return run_builder(HtmlBuilder, config), run_builder(PdfBuilder, config)


def test_a_changed_image_rebuilds_its_page_and_pdf_and_the_old_file_leaves(edition: Path) -> None:
    tei, site, print_root = edition / "tei", edition / "build" / "html", edition / "build" / "pdf" / PRINT_ROOT
    chart, seal = tei / "images" / "chart.png", tei / "images" / "seal.svg"
    html_report, pdf_report = build(edition)
    assert DOC in html_report.rebuilt and DOC in pdf_report.rebuilt
    old = published(chart)
    assert {old, published(seal)} <= names(site / "images") and old in names(print_root / "images")
    # nothing changed: nothing rebuilt
    assert [r.rebuilt for r in build(edition)] == [(), ()]
    # a new scan of the chart, the TEI untouched
    before = (tei / f"{DOC}.xml").read_bytes()
    Image.new("RGB", (300, 200), (10, 120, 60)).save(chart)
    new = published(chart)
    html_report, pdf_report = build(edition)
    assert (tei / f"{DOC}.xml").read_bytes() == before
    assert html_report.rebuilt == (DOC,) and pdf_report.rebuilt == (DOC,)
    assert f"images/{new}.png" in (site / f"{DOC}.html").read_text("utf-8")
    assert f"images/{old}.png" not in (site / f"{DOC}.html").read_text("utf-8")
    # the old chart is shown by no document any more: gone from the site and the print root
    assert names(site / "images") == {new, published(seal)}
    assert names(print_root / "images") == {new, published(seal)}


def test_an_image_that_appears_where_a_placeholder_was_rebuilds_the_page(edition: Path) -> None:
    build(edition)
    shutil.copyfile(FIXTURES / "images" / "unused.png", edition / "tei" / "images" / "missing.png")
    try:
        html_report, pdf_report = build(edition)
        assert html_report.rebuilt == (DOC,) and pdf_report.rebuilt == (DOC,)
        assert published(FIXTURES / "images" / "unused.png") in names(edition / "build" / "html" / "images")
    finally:
        (edition / "tei" / "images" / "missing.png").unlink()
    build(edition)
    assert published(FIXTURES / "images" / "unused.png") not in names(edition / "build" / "html" / "images")


def test_the_images_of_a_document_that_left_the_edition_leave_with_it(edition: Path, tmp_path: Path) -> None:
    build(edition)
    site_images = edition / "build" / "html" / "images"
    print_images = edition / "build" / "pdf" / PRINT_ROOT / "images"
    assert names(site_images) and names(print_images)
    shutil.move(edition / "tei" / f"{DOC}.xml", tmp_path / f"{DOC}.xml")
    try:
        build(edition)
        assert names(site_images) == set() and names(print_images) == set()
    finally:
        shutil.move(tmp_path / f"{DOC}.xml", edition / "tei" / f"{DOC}.xml")


def test_the_images_hash_reads_graphic_urls_from_the_bytes(tmp_path: Path) -> None:
    (tmp_path / "tei").mkdir()
    Image.new("RGB", (4, 4)).save(tmp_path / "tei" / "a b.png")
    document = tmp_path / "tei" / "d.xml"
    document.write_text('<TEI xmlns="http://www.tei-c.org/ns/1.0" xmlns:t="http://www.tei-c.org/ns/1.0">'
                        "<t:graphic url='a%20b.png'/><graphic rend=\"x\"\n url = \"https://example.org/r.png\"/>"
                        "</TEI>", "utf-8")
    first = images_hash(document, tmp_path)
    assert first
    Image.new("RGB", (4, 4), (255, 0, 0)).save(tmp_path / "tei" / "a b.png")
    assert images_hash(document, tmp_path) not in ("", first)
    document.write_text('<TEI xmlns="http://www.tei-c.org/ns/1.0"><graphic url="https://example.org/r.png"/>'
                        "</TEI>", "utf-8")
    assert images_hash(document, tmp_path) == ""  # a remote image is not a file of the edition

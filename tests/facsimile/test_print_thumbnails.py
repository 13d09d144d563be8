"""[print] facsimile_thumbnails: the print edition ends each scanned document with an appendix
"Facsimile" of page thumbnails, small JPEGs, and stays PDF/A (issue #15, item 4).

One edition, the converted sample with a three-page scan drawn in the test, built twice into
the same output: first with the switch off (the default), then on. The second build must
re-typeset (the switch is part of the build's configuration hash). Real Saxon, real Typst,
poppler's pdftotext/pdfimages/pdftoppm to read the result."""

from __future__ import annotations

import re
import shutil
import subprocess
from dataclasses import dataclass
from pathlib import Path

import pytest
from PIL import Image
from pypdf import PdfReader

from toolkit.builders import BuildConfig, run_builder
from toolkit.builders.images import local_images
from toolkit.builders.pdf import PdfBuilder
from toolkit.builders.thumbnails import THUMB, THUMB_WIDTH, mark_thumbnails
from toolkit.cli import main
from toolkit.config import ConfigError, config_for, load_config
from toolkit.safe_xml import parse_xml_file

from .scans import SAMPLE, make_edition, scan_pdf

pytestmark = pytest.mark.skipif(shutil.which("pdfimages") is None, reason="poppler-utils not installed")


@dataclass(frozen=True)
class Build:
    text: str  # pdftotext of the document's PDF
    images: list[list[str]]  # pdfimages -list rows of the document's PDF
    volume_text: str
    volume_images: list[list[str]]
    pdf: Path  # a copy of the document's PDF
    published: list[str]  # the files under the print root's images/ and thumbs/ after the build


def pdftotext(pdf: Path) -> str:
    return subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True,
                          check=True).stdout


def pdfimages(pdf: Path) -> list[list[str]]:
    lines = subprocess.run(["pdfimages", "-list", str(pdf)], capture_output=True, text=True,
                           check=True).stdout.splitlines()
    return [line.split() for line in lines[2:]]  # after the header and its rule


def build(edition: Path, keep: Path) -> Build:
    config = BuildConfig(source_dir=edition / "tei", output_dir=edition / "build", jobs=1,
                         edition=config_for(edition / "tei"))
    run_builder(PdfBuilder, config)
    pdf_dir = edition / "build" / "pdf"
    keep.mkdir()
    pdf = Path(shutil.copy(pdf_dir / f"{SAMPLE}.pdf", keep))
    root = pdf_dir / "print-root"
    published = sorted(str(p.relative_to(root)) for folder in ("images", "thumbs")
                       for p in (root / folder).glob("*"))
    return Build(pdftotext(pdf), pdfimages(pdf), pdftotext(pdf_dir / "edition.pdf"),
                 pdfimages(pdf_dir / "edition.pdf"), pdf, published)


@pytest.fixture(scope="module")
def builds(tmp_path_factory: pytest.TempPathFactory) -> tuple[Build, Build]:
    root = tmp_path_factory.mktemp("thumbs")
    edition = make_edition(root / "edition")
    assert main(["facsimile", str(edition / "tei" / f"{SAMPLE}.xml"),
                 str(scan_pdf(root / "scan.pdf", 3))]) == 0
    off = build(edition, root / "off")
    toml = edition / "teikit.toml"
    toml.write_text(toml.read_text("utf-8") + "\n[print]\nfacsimile_thumbnails = true\n", "utf-8")
    on = build(edition, root / "on")
    return off, on


def test_switched_off_the_print_edition_shows_no_facsimile(builds: tuple[Build, Build]) -> None:
    off, _ = builds
    assert "Facsimile" not in off.text and "Facsimile" not in off.volume_text
    assert off.images == [] and off.volume_images == []
    # the full-size scans are not copied for Typst either: it would never read them
    assert off.published == []


def test_switched_on_each_scan_page_is_a_small_thumbnail_with_its_number(builds: tuple[Build, Build]) -> None:
    _, on = builds
    # the appendix follows the text, on a page of its own, one caption per page of the scan
    appendix = on.text.split("\f")[-2] if on.text.endswith("\f") else on.text.split("\f")[-1]
    assert "FACSIMILE" in appendix  # a heading, set in capitals as the Summary's is
    assert [int(n) for n in re.findall(r"Page (\d+)", appendix)] == [1, 2, 3]
    # three embedded JPEG images (DCT), each THUMB_WIDTH px wide: not the 1275 px scans
    assert len(on.images) == 3, on.images
    for row in on.images:  # page num type width height color comp bpc enc interp ...
        assert row[2] == "image" and int(row[3]) == THUMB_WIDTH and row[8] == "jpeg", row
    assert len(on.published) == 3 and all(re.fullmatch(rf"thumbs/[0-9a-f]{{64}}-{THUMB_WIDTH}\.jpg", name)
                                          for name in on.published), on.published
    # the volume's part shows the same appendix
    assert "FACSIMILE" in on.volume_text.upper()
    assert len(on.volume_images) == 3 and all(int(r[3]) == THUMB_WIDTH for r in on.volume_images)


def test_the_pdf_stays_pdfa_and_pdfua_and_small(builds: tuple[Build, Build]) -> None:
    off, on = builds
    reader = PdfReader(on.pdf)
    xmp = reader.trailer["/Root"]["/Metadata"].get_object().get_data().decode("utf-8")
    assert re.search(r'pdfaid:part(?:>|=")3', xmp) and re.search(r'pdfaid:conformance(?:>|=")B', xmp), xmp
    assert re.search(r'pdfuaid:part(?:>|=")1', xmp), xmp
    # the three thumbnails add a little, never the scans' size (about 150 kB each at full size)
    assert on.pdf.stat().st_size - off.pdf.stat().st_size < 120_000


def test_the_appendix_page_shows_the_pages_in_a_grid(builds: tuple[Build, Build], tmp_path: Path) -> None:
    _, on = builds
    pages = len(PdfReader(on.pdf).pages)
    subprocess.run(["pdftoppm", "-png", "-r", "50", "-f", str(pages), "-l", str(pages), str(on.pdf),
                    str(tmp_path / "last")], check=True)
    (png,) = tmp_path.glob("last*.png")
    with Image.open(png) as image:
        grey = image.convert("L")
        width, height = grey.size
        # the scan's paper is cream (244, 238, 222), darker than the page's white: three
        # columns of it side by side in the upper half of the page
        band = grey.crop((0, height // 8, width, height // 2))
        columns = [x for x in range(width) if any(200 < band.getpixel((x, y)) < 245
                                                   for y in range(0, band.height, 4))]
        runs = 1 + sum(1 for a, b in zip(columns, columns[1:]) if b - a > 3)
        assert columns and runs == 3, runs


def test_an_unreadable_scan_is_a_warning_naming_file_and_line(tmp_path: Path) -> None:
    edition = make_edition(tmp_path / "edition")
    document = edition / "tei" / f"{SAMPLE}.xml"
    assert main(["facsimile", str(document), str(scan_pdf(tmp_path / "scan.pdf", 3))]) == 0
    (first,) = (edition / "facsimiles" / SAMPLE).glob("page-001-*.jpg")
    first.write_bytes(b"\xff\xd8\xff" + b"not a picture" * 10)  # a JPEG by its signature only
    root = parse_xml_file(document).getroot()
    images, warnings = local_images(root, document, edition)
    assert warnings == [] and len(images) == 3
    problems = mark_thumbnails(root, images, tmp_path / "print-root", document)
    assert len(problems) == 1 and problems[0].path == str(document) and problems[0].line
    assert first.name in problems[0].message
    graphics = root.iterfind(".//{http://www.tei-c.org/ns/1.0}facsimile//{http://www.tei-c.org/ns/1.0}graphic")
    assert [g.get(THUMB) is not None for g in graphics] == [False, True, True]


def test_the_switch_takes_true_or_false_only(tmp_path: Path) -> None:
    config = tmp_path / "teikit.toml"
    config.write_text('title = "T"\n[print]\nfacsimile_thumbnails = true\n')
    assert load_config(config).print.facsimile_thumbnails is True
    config.write_text('title = "T"\n')
    assert load_config(config).print.facsimile_thumbnails is False
    config.write_text('title = "T"\n[print]\npart_size = 5\nfacsimile_thumbnails = "yes"\n')
    with pytest.raises(ConfigError, match="print.facsimile_thumbnails") as error:
        load_config(config)
    assert error.value.diagnostic.line == 4

"""Issue 16, item 6: an imported document's local images are shown in both editions.

A foreign TEI document (fixtures/figures.xml) with a chart (PNG), a seal (SVG) in running text,
a MathML formula, and graphics the builders must not show: a missing file, a file outside the
edition folder, a remote URL and a text file. Imported with `teikit import`, its images copied
beside it as the import's loss report asks, then built with `teikit build` (real Saxon, real
Typst)."""

from __future__ import annotations

import hashlib
import re
import shutil
from pathlib import Path

import pytest
from lxml import etree
from pypdf import PdfReader

from teitest import ROOT
from toolkit.builders.images import image_kind

FIXTURES = Path(__file__).parent / "fixtures"


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, str]:
    from toolkit.cli import main

    base = tmp_path_factory.mktemp("media")
    edition = base / "edition"
    (edition / "schemas").parent.mkdir(parents=True)
    (edition / "schemas").symlink_to(ROOT / "schemas")
    tei = edition / "tei"
    assert main(["import", str(FIXTURES / "figures.xml"), "-o", str(tei)]) == 0
    shutil.copytree(FIXTURES / "images", tei / "images")
    shutil.copyfile(FIXTURES / "images" / "unused.png", base / "outside.png")  # exists, but outside
    assert main(["build", str(tei), "-o", str(base / "build")]) == 0
    return base, (base / "build" / "html" / "figures-report.html").read_text("utf-8")


def _published(name: str) -> str:
    data = (FIXTURES / "images" / name).read_bytes()
    return f"images/{hashlib.sha256(data).hexdigest()}.{name.rsplit('.', 1)[1]}"


def test_the_web_edition_shows_the_local_images_under_content_hashed_names(built: tuple[Path, str]) -> None:
    base, page = built
    chart, seal = _published("chart.png"), _published("seal.svg")
    assert f'<img class="tk-image" src="{chart}" loading="lazy" alt="Yield per hectare, 1955–1960">' in page
    assert f'src="{seal}"' in page
    site = base / "build" / "html"
    assert (site / chart).read_bytes() == (FIXTURES / "images" / "chart.png").read_bytes()
    assert (site / seal).read_bytes() == (FIXTURES / "images" / "seal.svg").read_bytes()
    # only the files the document refers to, and nothing from outside, far away or not an image
    assert sorted(p.name for p in (site / "images").iterdir()) == sorted(Path(chart).name for chart in (chart, seal))
    assert len(re.findall(r"<img ", page)) == 2
    for url in ("images/missing.png", "../../outside.png", "https://example.org/remote.png", "images/notes.txt"):
        assert f'data-tip="An image of the source: {url}"' in page  # the [image] placeholder
    assert 'xmlns=""' not in page  # the imported stage writes XHTML like the others
    # the published TEI is the document as imported (the builder's marks are for Saxon only)
    assert b"teikit.org/ns" not in (site / "tei" / "figures-report.xml").read_bytes()


def test_mathml_is_kept_valid_and_shown_as_mathml(built: tuple[Path, str], tei_all: etree.RelaxNG) -> None:

    from teitest import assert_tei_all

    base, page = built
    tree = etree.parse(str(base / "edition" / "tei" / "figures-report.xml"))
    assert_tei_all(tei_all, tree)
    ns = {"tei": "http://www.tei-c.org/ns/1.0", "m": "http://www.w3.org/1998/Math/MathML",
          "xml": "http://www.w3.org/XML/1998/namespace"}
    formula = tree.find(".//tei:formula", ns)
    assert formula is not None and formula.text == "A=r2π" and formula.get("corresp") == "#figures-report-mathml-1"
    xeno = tree.find(".//tei:teiHeader/tei:xenoData[@xml:id='figures-report-mathml-1']", ns)
    assert xeno is not None and xeno.find("m:math/m:msup/m:mn", ns) is not None  # the MathML, whole
    assert ('<math xmlns="http://www.w3.org/1998/Math/MathML" alttext="A=r2π"><mi>A</mi><mo>=</mo>'
            '<msup><mi>r</mi><mn>2</mn></msup><mi>π</mi></math>') in page
    loss = (base / "edition" / "tei" / "loss" / "figures-report.json").read_text("utf-8")
    assert "the formula's MathML was moved whole into teiHeader/xenoData" in loss


def test_only_presentation_mathml_reaches_a_page(tmp_path: Path) -> None:
    """Links, scripts, styles and annotation-xml (HTML or SVG inside MathML) are not copied."""
    from toolkit.cli import main

    source = (FIXTURES / "figures.xml").read_text("utf-8").replace(
        "<mi>A</mi>", '<mrow href="javascript:alert(1)" onclick="alert(2)" style="color:red"><mi>A</mi></mrow>'
        '<semantics><mi>B</mi><annotation-xml encoding="text/html"><script xmlns="http://www.w3.org/1999/xhtml">'
        "alert(3)</script></annotation-xml></semantics>")
    (tmp_path / "in.xml").write_text(source, "utf-8")
    edition = tmp_path / "edition"
    edition.mkdir()
    (edition / "schemas").symlink_to(ROOT / "schemas")
    assert main(["import", str(tmp_path / "in.xml"), "-o", str(edition / "tei")]) == 0
    assert main(["build", str(edition / "tei"), "-o", str(tmp_path / "build"), "--only", "html"]) == 0
    page = (tmp_path / "build" / "html" / "figures-report.html").read_text("utf-8")
    math = page[page.index("<math"):page.index("</math>")]
    assert "<mrow><mi>A</mi></mrow><semantics><mi>B</mi></semantics>" in math
    assert not any(bad in math for bad in ("href", "onclick", "style", "<script", "annotation"))
    assert "javascript:" not in page


def test_the_print_edition_draws_them_as_images(built: tuple[Path, str]) -> None:
    base, _page = built
    reader = PdfReader(str(base / "build" / "pdf" / "figures-report.pdf"))
    page = reader.pages[0]
    images = list(page.images)
    assert images, "no image in the PDF"
    text = page.extract_text()
    assert "Yield per hectare" in text and "[Figure: A map the archive did not send]" in text
    assert "[Figure: Outside the edition]" in text and "[Figure: Not an image]" in text
    volume = PdfReader(str(base / "build" / "pdf" / "edition.pdf"))
    assert any(list(p.images) for p in volume.pages)  # the volume draws them too


def test_each_image_left_out_is_a_warning_naming_file_and_line(tmp_path: Path, capfd: pytest.CaptureFixture[str]) -> None:

    from toolkit.builders.images import local_images

    edition = tmp_path / "edition"
    tei = edition / "tei"
    tei.mkdir(parents=True)
    shutil.copytree(FIXTURES / "images", tei / "images")
    (tmp_path / "outside.png").write_bytes((FIXTURES / "images" / "unused.png").read_bytes())
    source = tei / "figures.xml"
    shutil.copyfile(FIXTURES / "figures.xml", source)
    images, warnings = local_images(etree.parse(str(source)).getroot(), source, edition)
    assert sorted(i.url for i in images) == ["images/chart.png", "images/seal.svg"]
    shown = [(w.line, w.message) for w in warnings]
    assert [line for line, _ in shown] == [21, 22, 24]
    assert "'images/missing.png' is not a file of the edition" in shown[0][1]
    assert "'../../outside.png' is outside the edition folder" in shown[1][1]
    assert "'images/notes.txt' is not a PNG, JPEG or self-contained SVG" in shown[2][1]
    assert all(w.path == str(source) and w.rule == "build-image" for w in warnings)


@pytest.mark.parametrize("svg", [
    b'<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>',
    b'<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"/>',
    b'<svg xmlns="http://www.w3.org/2000/svg" xmlns:x="http://www.w3.org/1999/xlink"><image x:href="https://e.org/a.png"/></svg>',
    b'<svg xmlns="http://www.w3.org/2000/svg"><foreignObject><p xmlns="http://www.w3.org/1999/xhtml">x</p></foreignObject></svg>',
    b'<svg xmlns="http://www.w3.org/2000/svg"><a href="javascript:alert(1)"><rect/></a></svg>',
    b'<svg xmlns="http://www.w3.org/2000/svg"><rect style="fill: url(https://e.org/x)"/></svg>',
    b'<?xml version="1.0"?><!DOCTYPE svg [<!ENTITY x "y">]><svg xmlns="http://www.w3.org/2000/svg">&x;</svg>',
])
def test_an_svg_that_could_act_is_not_published(svg: bytes) -> None:
    assert image_kind(svg) is None


def test_formats_are_read_from_the_content() -> None:
    assert image_kind((FIXTURES / "images" / "chart.png").read_bytes()) == "png"
    assert image_kind(b"\xff\xd8\xff\xe0" + b"\0" * 20) == "jpg"
    assert image_kind((FIXTURES / "images" / "seal.svg").read_bytes()) == "svg"
    assert image_kind(b'<svg xmlns="http://www.w3.org/2000/svg"><rect fill="url(#g)"/></svg>') == "svg"
    assert image_kind(b"GIF89a....") is None and image_kind(b"not an image") is None

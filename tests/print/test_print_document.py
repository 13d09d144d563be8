"""A document's PDF: its whole text in order, notes at the foot, running head, folio, metadata,
embedded fonts, PDF/A and PDF/UA identification, the TEI source attached."""

from __future__ import annotations

import re
import shutil
import subprocess
from typing import Any

import pytest
from print_support import ROOT, PrintEdition, body_stream, built_edition, page_texts, stream
from pypdf import PdfReader
from pypdf.generic import DictionaryObject

from toolkit.projection import normalise, project
from toolkit.safe_xml import parse_xml_file

SAMPLE_TITLE = "Report, Embassy of Hungary in North Korea to the Hungarian Foreign Ministry"
SAMPLE_HEAD = SAMPLE_TITLE  # it fits the running head whole


@pytest.fixture(scope="module")
def print_edition(tmp_path_factory: pytest.TempPathFactory) -> PrintEdition:
    return built_edition(tmp_path_factory)


def test_sample_text_is_whole_and_in_order(print_edition: PrintEdition) -> None:
    reader = print_edition.reader("116488")
    pdf = body_stream(reader, SAMPLE_HEAD)
    paragraphs = normalise(project(parse_xml_file(ROOT / "tei" / "116488.xml")))
    assert len(paragraphs) > 20
    position = 0
    for paragraph in paragraphs:
        found = pdf.find(stream(paragraph), position)
        assert found >= 0, f"paragraph missing or out of order in the PDF: {paragraph[:80]!r}"
        position = found + len(stream(paragraph))


def test_sample_editorial_view(print_edition: PrintEdition) -> None:
    text = " ".join(" ".join(page_texts(print_edition.reader("116488"))).split())
    assert "In mid-December [Soviet Ambassador] Comrade Moskovsky" in text
    assert "Kim Chang-man [Kim Chang Man]" in text  # orig [reg]
    assert "and […] told me" in text  # gap
    assert "[Kor. Jaryeok Gaengsaeng]" in text  # supplied original term


def test_sample_title_block_summary_and_colophon(print_edition: PrintEdition) -> None:
    pages = page_texts(print_edition.reader("116488"))
    first = pages[0]
    # the colophon is breakable: it may run on to the last page (it does in the volume's layout)
    last = " ".join(pages[next(n for n, t in enumerate(pages) if "COLOPHON" in t):])
    flat = " ".join(first.split())
    assert SAMPLE_TITLE in flat
    assert "8 January 1965" in flat  # the web's date format (not configured: day-month-year)
    assert "ARCHIVE National Archives of Hungary (MOL)" in flat
    assert "SIGNATURE XIX-J-1-j Korea, 1965, 73. doboz, IV-100, 001819/1965" in flat
    assert "TRANSLATED BY Balázs Szalontai" in flat
    assert "SUMMARY The Hungarian Embassy to North Korea reports" in flat
    colophon = " ".join(last.split())
    assert "COLOPHON" in colophon
    assert 'Cite as: "Report, Embassy of Hungary' in colophon
    assert "https://wilson-center.drivingcreative.com/document/116488" in colophon
    assert "Edition: teikit sample edition, document 116488" in colophon


def test_sample_running_head_and_folio(print_edition: PrintEdition) -> None:
    """An offprint of the volume: the document's pages are the volume's, with its folios,
    which the PDF's page labels give too (a viewer shows "7" for the first page)."""
    reader = print_edition.reader("116488")
    pages = page_texts(reader)
    assert len(pages) == 4  # the sample's length at 10.5 pt on A4; a change here is deliberate
    volume = page_texts(print_edition.reader("edition"))
    first = next(n for n, t in enumerate(volume, start=1) if SAMPLE_TITLE in " ".join(t.split())
                 and "DOCUMENT 116488" in t)
    assert reader.page_labels == [str(first + n) for n in range(4)]
    for number, text in enumerate(pages, start=1):
        lines = [line.strip() for line in text.splitlines() if line.strip()]
        assert lines[-1] == str(first + number - 1)
        assert text == volume[first + number - 2]  # the volume's page, line for line
        if number == 1:
            assert SAMPLE_HEAD not in text  # no running head over the title
        else:
            assert lines[0] == f"{SAMPLE_HEAD} 8 January 1965"


def test_footnotes_sit_at_the_foot_of_their_page(print_edition: PrintEdition) -> None:
    """900001 has four notes over two pages: each note's text is on the page of its mark,
    below every line of the text, and the numbering runs on across pages."""
    reader = print_edition.reader("900001")
    assert len(reader.pages) >= 2
    seen: dict[str, int] = {}
    for index, page in enumerate(reader.pages):
        lines: list[tuple[float, str]] = []

        def visit(text: str, cm: Any, tm: Any, font: Any, size: Any) -> None:
            if text.strip():
                lines.append((float(tm[5]) * float(cm[3]) + float(cm[5]), text))

        page.extract_text(visitor_text=visit)
        notes = [(y, t) for y, t in lines if re.search(r"(FIRST|SECOND|THIRD|FOURTH)NOTE", t)]
        body = [y for y, t in lines if "Moskovsky" in t or "ambassador" in t.lower()]
        for y, text in notes:
            word = re.search(r"(FIRST|SECOND|THIRD|FOURTH)NOTE", text)
            assert word is not None
            seen[word.group(0)] = index
            assert body and y < min(body), f"{word.group(0)} is not below the text on page {index + 1}"
    # the volume's layout (the title smaller than document.typ's): the third mark ends the
    # first page, the fourth is on the second (rendered and looked at)
    assert seen == {"FIRSTNOTE": 0, "SECONDNOTE": 0, "THIRDNOTE": 0, "FOURTHNOTE": 1}
    text = " ".join(" ".join(page_texts(reader)).split())
    for number, word in enumerate(["FIRSTNOTE", "SECONDNOTE", "THIRDNOTE", "FOURTHNOTE"], start=1):
        assert f"{number} {word}" in text
    assert "[handwritten: \"to be answered\"]" in text  # an inline note stays in the line
    assert "F[oreign] M[inistry]" in text
    assert "recieved [sic]" in text
    assert "[two words illegible]" in text


def test_metadata_from_the_tei_header(print_edition: PrintEdition) -> None:
    reader = print_edition.reader("116488")
    meta = reader.metadata
    assert meta is not None
    assert meta.title == SAMPLE_TITLE
    assert meta.author == "Balázs Szalontai"
    assert meta.creation_date is not None and meta.creation_date.date().isoformat() == "2026-11-27"
    assert "XIX-J-1-j Korea" in (meta.subject or "")
    root = reader.trailer["/Root"]
    assert root["/Lang"] == "en"


def test_pdfa_and_pdfua_identification_and_tags(print_edition: PrintEdition) -> None:
    reader = print_edition.reader("116488")
    root = reader.trailer["/Root"]
    xmp = root["/Metadata"].get_object().get_data().decode("utf-8")
    assert re.search(r'pdfaid:part(?:>|=")3', xmp), xmp  # PDF/A-3 ...
    assert re.search(r'pdfaid:conformance(?:>|=")B', xmp), xmp  # ... level b
    assert re.search(r'pdfuaid:part(?:>|=")1', xmp), xmp  # PDF/UA-1
    assert "/StructTreeRoot" in root
    mark_info = root["/MarkInfo"]
    assert isinstance(mark_info, DictionaryObject) and mark_info["/Marked"]
    assert root["/OutputIntents"]


def test_tei_source_is_attached(print_edition: PrintEdition) -> None:
    reader = print_edition.reader("116488")
    attached = reader.attachments
    assert list(attached) == ["116488.xml"]
    assert attached["116488.xml"][0] == (ROOT / "tei" / "116488.xml").read_bytes()


def _fonts(reader: PdfReader) -> dict[str, DictionaryObject]:
    fonts: dict[str, DictionaryObject] = {}
    for page in reader.pages:
        resources = page["/Resources"]
        for font in resources.get("/Font", {}).values():
            font = font.get_object()
            fonts[str(font["/BaseFont"])] = font
    return fonts


@pytest.mark.parametrize("name", ["116488", "900003", "edition"])
def test_every_font_is_embedded(print_edition: PrintEdition, name: str) -> None:
    fonts = _fonts(print_edition.reader(name))
    assert fonts
    for base, font in fonts.items():
        descriptor = (font["/DescendantFonts"][0].get_object() if "/DescendantFonts" in font
                      else font)["/FontDescriptor"].get_object()
        assert any(key in descriptor for key in ("/FontFile", "/FontFile2", "/FontFile3")), base
    if shutil.which("pdffonts"):
        listing = subprocess.run(["pdffonts", str(print_edition.pdf(name))], capture_output=True,
                                 text=True, check=True).stdout.splitlines()[2:]
        assert listing and all(line.split()[-5] == "yes" for line in listing), listing


def test_sample_fonts_are_noto(print_edition: PrintEdition) -> None:
    names = set(_fonts(print_edition.reader("116488")))
    assert any("NotoSerif-Regular" in n for n in names)
    assert any("NotoSerif-Italic" in n for n in names)

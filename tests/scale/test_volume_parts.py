"""The volume typeset in parts and merged (issue #13): with parts of two documents, the sample
edition's four documents fall in two parts; page numbers, contents, index and bookmarks must be
those of one continuous book, and a change re-typesets only the part it touches.

Volume order (by date): 900003 (1956), 900002 (1964) | 116488 (1965), 900001 (1966).
Real Saxon, Typst, pypdf and pdftotext.
"""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from dataclasses import replace
from pathlib import Path

import pytest
from pypdf import PdfReader

from toolkit.builders import BuildConfig, run_builder
from toolkit.builders.pdf import PdfBuilder
from toolkit.builders.volume import PARTS_DIR
from toolkit.config import EditionConfig, PrintSettings

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "print"))
from print_support import FIXTURES, make_edition  # noqa: E402

FIRST_PART = ("900003", "900002")
SECOND_PART = ("116488", "900001")


def pdftotext_pages(pdf: Path) -> list[str]:
    """Each page's text as pdftotext gives it (pages end with a form feed)."""
    text = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], check=True,
                          capture_output=True, text=True).stdout
    return text.split("\f")[:-1]


def folio(page: str) -> str:
    lines = [line.strip() for line in page.splitlines() if line.strip()]
    return lines[-1] if lines else ""


def contents_rows(pages: list[str]) -> dict[str, int]:
    """Document id -> the page the list of documents gives, matched by each document's title."""
    titles = {"900003": "Jelentés", "900002": "Hostile", "116488": "Report, Embassy of Hungary",
              "900001": "Memorandum on a Conversation"}
    listing = [page for page in pages if page.lstrip().startswith("List of documents")]
    assert listing, "the volume has no list of documents"
    text = " ".join(listing[0].split())
    found = {}
    for doc, title in titles.items():
        match = re.search(re.escape(title) + r".*?[ .](\d+)(?!\d)", text)
        assert match, f"{doc} not in the contents: {text}"
        found[doc] = int(match.group(1))
    return found


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> tuple[BuildConfig, Path]:
    base = tmp_path_factory.mktemp("parts")
    source = make_edition(base / "tei", *sorted(FIXTURES.glob("*.xml")))
    config = BuildConfig(source_dir=source, output_dir=base / "build", jobs=1,
                         edition=EditionConfig(print=PrintSettings(part_size=2)))
    run_builder(PdfBuilder, config)
    return config, config.output_dir / "pdf" / "edition.pdf"


def test_two_parts_were_typeset(built: tuple[BuildConfig, Path]) -> None:
    config, _ = built
    parts = sorted(p.name for p in (config.output_dir / "pdf" / PARTS_DIR).glob("part-*.pdf"))
    assert parts == ["part-0001.pdf", "part-0002.pdf"]


def test_pages_are_numbered_continuously_across_the_part_boundary(built: tuple[BuildConfig, Path]) -> None:
    config, volume = built
    pages = pdftotext_pages(volume)
    first_part = len(PdfReader(config.output_dir / "pdf" / PARTS_DIR / "part-0001.pdf").pages)
    starts = contents_rows(pages)
    # the second part begins right after the first, on the page the contents give
    assert starts["116488"] == starts["900003"] + first_part
    for number, page in enumerate(pages[1:], start=2):  # the title page has no folio
        assert folio(page) == str(number), f"page {number} is numbered {folio(page)!r}"
    for doc, number in starts.items():
        assert f"DOCUMENT {doc}" in pages[number - 1], f"the contents put {doc} on page {number}"
        assert f"DOCUMENT {doc}" not in pages[number - 2]


def test_index_pages_are_right_for_a_name_in_the_second_part(built: tuple[BuildConfig, Path]) -> None:
    _, volume = built
    pages = pdftotext_pages(volume)
    starts = contents_rows(pages)
    index_at = next(n for n, page in enumerate(pages, start=1) if page.lstrip().startswith("Index"))
    index = " ".join(" ".join(pages[index_at - 1:]).split())
    match = re.search(r"Moskovsky, Vasily, ((?:\d+, )*\d+)", index)
    assert match, index
    listed = [int(n) for n in match.group(1).split(", ")]
    naming = [n for n, page in enumerate(pages[:index_at - 1], start=1)
              if n > 2 and "Moskovsky" in page]
    assert listed == naming
    # named in both documents of the second part, so every number lies past the first part
    assert min(listed) >= starts["116488"] and max(listed) >= starts["900001"]


def test_bookmarks_point_to_their_pages_in_order(built: tuple[BuildConfig, Path]) -> None:
    _, volume = built
    reader = PdfReader(volume)
    pages = pdftotext_pages(volume)
    starts = contents_rows(pages)
    marks = [(item.title, reader.get_destination_page_number(item) + 1)
             for item in reader.outline if not isinstance(item, list)]
    titles = [title for title, _ in marks]
    assert titles[0] == "Contents" and titles[-1] == "Index"
    assert [page for _, page in marks] == sorted(page for _, page in marks)
    by_title = dict(marks)
    assert by_title["Memorandum on a Conversation with the Soviet Ambassador about Deliveries to Korea"] \
        == starts["900001"]
    assert by_title["Report, Embassy of Hungary in North Korea to the Hungarian Foreign Ministry"] \
        == starts["116488"]


def test_merged_volume_keeps_its_pdfa_metadata(built: tuple[BuildConfig, Path]) -> None:
    _, volume = built
    reader = PdfReader(volume)
    root = reader.trailer["/Root"]
    xmp = root["/Metadata"].get_object().get_data().decode("utf-8")
    assert re.search(r'pdfaid:part(?:>|=")3', xmp) and re.search(r'pdfaid:conformance(?:>|=")B', xmp)
    assert "/OutputIntents" in root and root["/Lang"] == "en"
    assert reader.metadata is not None and reader.metadata.title == "teikit sample edition"
    assert "pypdf" not in (reader.metadata.producer or "")  # /Info agrees with the XMP's producer


def test_a_change_retypesets_only_its_part(tmp_path: Path) -> None:
    source = make_edition(tmp_path / "tei", *sorted(FIXTURES.glob("*.xml")))
    config = BuildConfig(source_dir=source, output_dir=tmp_path / "build", jobs=1,
                         edition=EditionConfig(print=PrintSettings(part_size=2)))
    run_builder(PdfBuilder, config)
    parts = config.output_dir / "pdf" / PARTS_DIR
    before = {p.name: p.read_bytes() for p in parts.glob("part-*.pdf")}
    memo = source / "900001.xml"
    memo.write_text(memo.read_text("utf-8").replace("FIRSTNOTE", "FIRSTNOTE EDITEDWORD", 1), "utf-8")
    run_builder(PdfBuilder, config)
    after = {p.name: p.read_bytes() for p in parts.glob("part-*.pdf")}
    assert after["part-0001.pdf"] == before["part-0001.pdf"]
    assert after["part-0002.pdf"] != before["part-0002.pdf"]
    assert any("EDITEDWORD" in page for page in pdftotext_pages(config.output_dir / "pdf" / "edition.pdf"))


def test_a_longer_first_part_moves_the_second(tmp_path: Path) -> None:
    """Pages added in part one: part two is typeset again from its new first page, and the
    contents follow."""
    source = make_edition(tmp_path / "tei", *sorted(FIXTURES.glob("*.xml")))
    config = BuildConfig(source_dir=source, output_dir=tmp_path / "build", jobs=1,
                         edition=EditionConfig(print=PrintSettings(part_size=2)))
    run_builder(PdfBuilder, config)
    old = contents_rows(pdftotext_pages(config.output_dir / "pdf" / "edition.pdf"))
    hostile = source / "900002.xml"
    text = hostile.read_text("utf-8")
    at = text.rindex("</div>")  # paragraphs added at the end of the last division
    hostile.write_text(text[:at] + ("<p>" + "Added to make the document longer. " * 20 + "</p>") * 12
                       + text[at:], "utf-8")
    run_builder(PdfBuilder, config)
    pages = pdftotext_pages(config.output_dir / "pdf" / "edition.pdf")
    new = contents_rows(pages)
    assert new["116488"] > old["116488"] and new["900001"] > old["900001"]
    for doc, number in new.items():
        assert f"DOCUMENT {doc}" in pages[number - 1]
    for number, page in enumerate(pages[1:], start=2):
        assert folio(page) == str(number)


def test_part_size_is_configured(tmp_path: Path) -> None:
    from toolkit.config import ConfigError, load_config
    config = tmp_path / "teikit.toml"
    config.write_text('title = "T"\n[print]\npart_size = 25\n')
    assert load_config(config).print.part_size == 25
    config.write_text('title = "T"\n[print]\npart_size = 0\n')
    with pytest.raises(ConfigError, match="print.part_size") as error:
        load_config(config)
    assert error.value.diagnostic.line == 3
    assert replace(EditionConfig(), print=PrintSettings()).print.part_size == 100

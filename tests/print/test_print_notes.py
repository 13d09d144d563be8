"""Notes of converted reports in print: a distribution list after the signature and a stamp
between paragraphs (notes with no place, children of the division) are set where they stand,
not as footnotes; an empty footnote (a mark whose text the source does not give) keeps its mark
and says so; a note's own number, written before its text, is not printed beside the footnote
number. Real converter, Saxon and Typst; the PDF read back with pdftotext."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest

from toolkit.builders import BuildConfig, run_builder
from toolkit.builders.pdf import PdfBuilder
from toolkit.cli import main

LAYOUTS = Path(__file__).resolve().parents[1] / "converter" / "layouts"
# layout file -> the document id the converter gives it
CONVERTED = {
    "005-record-of-conversation-sections.txt": "710005",  # distribution list after the closer
    "006-footnotes-indented-texts.txt": "710006",  # note 3 referenced, no text
    "007-superscript-notes-rule.txt": "710007",  # note texts written "1. text"
    "014-stamp-block-two-columns.txt": "710014",  # a stamp between the head and the text
}


@pytest.fixture(scope="module")
def pdf_text(tmp_path_factory: pytest.TempPathFactory) -> dict[str, list[str]]:
    """Each converted layout's PDF as the lines of pdftotext (reading order, no layout)."""
    base = tmp_path_factory.mktemp("print-notes")
    tei = base / "tei"
    for layout in CONVERTED:
        assert main(["convert", str(LAYOUTS / layout), "-o", str(tei)]) == 0
    # a label that is not the note's number (here "*") is the source's sign: it is kept
    starred = (tei / "710007.xml").read_text("utf-8")
    assert starred.count("<label>2.</label>") == 1
    starred = starred.replace("<label>2.</label>", "<label>*</label>").replace(
        '<idno type="WCDA">710007</idno>', '<idno type="WCDA">710099</idno>')
    (tei / "710099.xml").write_text(starred, "utf-8")
    out = base / "build"
    run_builder(PdfBuilder, BuildConfig(source_dir=tei, output_dir=out, jobs=1))
    lines = {}
    for name in (*CONVERTED.values(), "710099"):
        text = subprocess.run(["pdftotext", str(out / "pdf" / f"{name}.pdf"), "-"],
                              capture_output=True, text=True, check=True).stdout
        lines[name] = [" ".join(line.split()) for line in text.splitlines() if line.strip()]
    return lines


def index(lines: list[str], start: str) -> int:
    found = [number for number, line in enumerate(lines) if line.startswith(start)]
    assert found, f"no line starts with {start!r}: {lines}"
    return found[0]


def test_distribution_list_stands_after_the_signature_as_a_list(pdf_text: dict[str, list[str]]) -> None:
    lines = pdf_text["710005"]
    signature = index(lines, "COUNSELLOR OF THE MINISTRY")
    head = index(lines, "Four copies printed")
    items = [index(lines, f"{n} - ") for n in range(1, 5)]
    # in the text after the signature, before the colophon (a footnote would follow it)
    assert signature < head < items[0] < items[1] < items[2] < items[3] < index(lines, "COLOPHON")
    # the items' own numbers are their marks: no bullet before them (`• 4 - to file` before)
    assert lines[items[3]] == "4 - to file"
    assert not any(line.startswith("•") for line in lines)


def test_stamp_stands_before_the_text_with_its_line_breaks(pdf_text: dict[str, list[str]]) -> None:
    lines = pdf_text["710014"]
    first = index(lines, "Stamp: MINISTRY OF FOREIGN AFFAIRS")
    assert lines[first] == "Stamp: MINISTRY OF FOREIGN AFFAIRS Incoming Nº 2214"
    assert lines[first + 1] == "Far Eastern Department received 12 March 1960"
    assert first < index(lines, "The embassy was informed") < index(lines, "COLOPHON")


def test_empty_footnote_keeps_its_mark_and_says_the_source_gives_no_text(
        pdf_text: dict[str, list[str]]) -> None:
    lines = pdf_text["710006"]
    assert any(line.endswith("competent ministry in Vienna.3") for line in lines)
    notes = lines[index(lines, "COLOPHON"):]
    assert "3 The source marks note 3 here but gives no text for it." in notes
    assert "4 The camp at Traiskirchen was opened a few days later." in notes


def test_a_notes_own_number_is_not_printed_beside_the_footnote_number(
        pdf_text: dict[str, list[str]]) -> None:
    lines = pdf_text["710007"]
    assert '1 In the original the figure is given as "about forty".' in lines
    assert "2 The session was held on 9 April 1964." in lines
    assert not any(line.startswith(("1 1.", "2 2.")) for line in lines)


def test_a_label_that_is_not_the_notes_number_is_kept(pdf_text: dict[str, list[str]]) -> None:
    lines = pdf_text["710099"]
    assert '1 In the original the figure is given as "about forty".' in lines
    assert "2 * The session was held on 9 April 1964." in lines

"""Notes of converted reports in the EPUB: a distribution list after the signature and a stamp
between paragraphs stand in the chapter as blocks, not as footnotes; an empty footnote keeps
its mark and says the source gives no text; a note's own number is not shown beside the
footnote's. The book of these documents passes epubcheck with no error and no warning. Real
converter, Saxon and epubcheck."""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest
from lxml import etree
from test_epub import NS, epubcheck

from toolkit.builders import BuildConfig, run_builder
from toolkit.builders.epub import EpubBuilder, epub_name
from toolkit.cli import main
from toolkit.config import load_config

LAYOUTS = Path(__file__).resolve().parents[1] / "converter" / "layouts"
CONVERTED = ("005-record-of-conversation-sections.txt", "006-footnotes-indented-texts.txt",
             "007-superscript-notes-rule.txt", "014-stamp-block-two-columns.txt")
CONFIG = 'title = "Notes between blocks"\npublisher = "The Test Archive"\nyear = 2025\nlanguages = ["en"]\n'


@pytest.fixture(scope="module")
def book(tmp_path_factory: pytest.TempPathFactory) -> Path:
    base = tmp_path_factory.mktemp("epub-notes")
    for layout in CONVERTED:
        assert main(["convert", str(LAYOUTS / layout), "-o", str(base / "tei")]) == 0
    # a label that is not the note's number (here "*") is the source's sign: it is kept
    tei = base / "tei"
    starred = (tei / "710007.xml").read_text("utf-8").replace("<label>2.</label>", "<label>*</label>")
    (tei / "710099.xml").write_text(starred.replace('<idno type="WCDA">710007</idno>',
                                                    '<idno type="WCDA">710099</idno>'), "utf-8")
    (base / "teikit.toml").write_text(CONFIG, "utf-8")
    config = BuildConfig(source_dir=base / "tei", output_dir=base / "build",
                         edition=load_config(base / "teikit.toml"), jobs=1)
    run_builder(EpubBuilder, config)
    return config.output_dir / "epub" / epub_name(config)


def chapter(book: Path, name: str) -> etree._Element:
    with zipfile.ZipFile(book) as epub:
        return etree.fromstring(epub.read(f"EPUB/doc-{name}.xhtml"))


def flat(element: etree._Element) -> str:
    return " ".join("".join(element.itertext()).split())


def test_book_passes_epubcheck(book: Path) -> None:
    result = epubcheck(book)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "Messages: 0 fatals / 0 errors / 0 warnings" in result.stdout, result.stdout + result.stderr


def test_distribution_list_is_a_list_after_the_signature(book: Path) -> None:
    doc = chapter(book, "710005")
    assert doc.findall(".//h:aside[@epub:type='footnote']", NS) == []
    block = doc.find(".//h:div[@class='note-in-text distribution']", NS)
    assert block is not None and block.get("title") == "Distribution list of the source"
    assert [flat(li) for li in block.findall("h:ul/h:li", NS)] == [
        "1 - Cde. L. Tasev", "2 - Cde. P. Velinov", "3 - Third European Department", "4 - to file"]
    assert flat(block).startswith("Four copies printed")
    previous = block.getprevious()
    assert previous is not None and previous.get("class") == "closer"  # where the source has it


def test_stamp_stands_before_the_text_with_its_line_break(book: Path) -> None:
    doc = chapter(book, "710014")
    assert doc.findall(".//h:a[@epub:type='noteref']", NS) == []
    stamp = doc.find(".//h:p[@class='note-in-text stamp']", NS)
    assert stamp is not None and stamp.get("title") == "Stamp on the source"
    assert stamp.text == "Stamp: MINISTRY OF FOREIGN AFFAIRS Incoming Nº 2214"
    breaks = stamp.findall("h:br", NS)
    assert len(breaks) == 1 and (breaks[0].tail or "").startswith("Far Eastern Department")
    assert flat(stamp).endswith("Nº 2214Far Eastern Department received 12 March 1960")
    following = stamp.getnext()
    assert following is not None and flat(following).startswith("The embassy was informed")


def test_empty_footnote_keeps_its_mark_and_says_so(book: Path) -> None:
    doc = chapter(book, "710006")
    marks = [a.get("href") for a in doc.findall(".//h:a[@epub:type='noteref']", NS)]
    assert marks == ["#n1", "#n2", "#n3", "#n4"]
    note = doc.find(".//h:aside[@id='n3']", NS)
    assert note is not None and flat(note) == "3 The source marks note 3 here but gives no text for it."


def test_a_notes_own_number_is_not_shown_twice(book: Path) -> None:
    doc = chapter(book, "710007")
    notes = [flat(n) for n in doc.findall(".//h:aside[@epub:type='footnote']", NS)]
    assert notes == ['1 In the original the figure is given as "about forty".',
                     "2 The session was held on 9 April 1964."]


def test_a_label_that_is_not_the_notes_number_is_kept(book: Path) -> None:
    notes = [flat(n) for n in chapter(book, "710099").findall(".//h:aside[@epub:type='footnote']", NS)]
    assert notes == ['1 In the original the figure is given as "about forty".',
                     "2 * The session was held on 9 April 1964."]

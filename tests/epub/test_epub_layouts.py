"""Converted layouts in the EPUB (issues #10/#11): a list whose items carry their own marker
(- Accommodation:, • the hotels) showed two bullets per item, and a page of the source was
said twice, by its break ([p. 2]) and by the page number the converter keeps as forme work
(- 2 -), as was the rule above the note texts, which the book gathers as footnotes."""

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
CONFIG = 'title = "Layouts"\npublisher = "The Test Archive"\nyear = 2025\nlanguages = ["en"]\n'


@pytest.fixture(scope="module")
def book(tmp_path_factory: pytest.TempPathFactory) -> Path:
    base = tmp_path_factory.mktemp("epub-layouts")
    assert main(["convert", "-j", "1", "-o", str(base / "tei"), str(LAYOUTS / "054-nested-lists.txt"),
                 str(LAYOUTS / "040-running-heads-footers.txt"),
                 str(LAYOUTS / "007-superscript-notes-rule.txt"),
                 str(LAYOUTS / "085-minutes-agenda-ad-items.txt"),
                 str(LAYOUTS / "032-all-in-one.txt")]) == 0
    (base / "teikit.toml").write_text(CONFIG, "utf-8")
    config = BuildConfig(source_dir=base / "tei", output_dir=base / "build",
                         edition=load_config(base / "teikit.toml"), jobs=1)
    run_builder(EpubBuilder, config)
    return config.output_dir / "epub" / epub_name(config)


def chapter(book: Path, number: str) -> etree._Element:
    with zipfile.ZipFile(book) as epub:
        return etree.fromstring(epub.read(f"EPUB/doc-{number}.xhtml"))


def flat(element: etree._Element) -> str:
    return " ".join("".join(element.itertext()).split())


def test_items_with_their_own_marker_get_no_second_one(book: Path) -> None:
    lists = chapter(book, "720064").findall(".//h:ul", NS)
    assert len(lists) == 3 and {u.get("class") for u in lists} == {"marked"}
    assert [flat(li) for li in lists[1].findall("h:li", NS)] == ["• the hotels of the city centre;",
                                                                  "• the student hostels."]
    # an agenda whose items have their own labels (1., 2.)
    agenda = chapter(book, "880106").findall(".//h:ul", NS)
    assert [u.get("class") for u in agenda] == ["marked"]


def test_a_page_is_said_once_and_the_notes_rule_is_not_left_behind(book: Path) -> None:
    report = chapter(book, "720050")
    assert [flat(p) for p in report.iterfind(".//h:span[@class='pb']", NS)] == ["[p. 2]", "[p. 3]"]
    forme = [flat(p) for p in report.iterfind(".//h:p[@class='fw']", NS)]
    assert not [f for f in forme if f.strip("- ").isdigit()], forme
    assert "Embassy of the USSR in the DPRK" in forme, "running feet stay"
    noted = chapter(book, "710007")
    assert not [p for p in noted.iterfind(".//h:p[@class='fw']", NS) if set(flat(p)) <= set("_ ")]
    assert noted.findall(".//h:aside[@epub:type='footnote']", NS)


def test_a_signature_keeps_its_word_spaces(book: Path) -> None:
    closer = chapter(book, "710032").find(".//h:div[@class='closer']", NS)
    assert closer is not None and "".join(closer.itertext()).strip() == "Head of Department [signature] /L. FEHER/"


def test_book_passes_epubcheck(book: Path) -> None:
    result = epubcheck(book)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "Messages: 0 fatals / 0 errors / 0 warnings" in result.stdout, result.stdout + result.stderr

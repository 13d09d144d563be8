"""A dialogue in the EPUB (issue #10): each speech a block with its speaker in bold, as the web
and print editions show it; before, the speaker's text ran into the chapter loose, with no
block and no mark, and its speech followed as a plain paragraph."""

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
CONFIG = 'title = "Speeches"\npublisher = "The Test Archive"\nyear = 2025\nlanguages = ["en"]\n'


@pytest.fixture(scope="module")
def book(tmp_path_factory: pytest.TempPathFactory) -> Path:
    base = tmp_path_factory.mktemp("epub-speech")
    assert main(["convert", str(LAYOUTS / "037-minutes-speakers.txt"), "-o", str(base / "tei")]) == 0
    (base / "teikit.toml").write_text(CONFIG, "utf-8")
    config = BuildConfig(source_dir=base / "tei", output_dir=base / "build",
                         edition=load_config(base / "teikit.toml"), jobs=1)
    run_builder(EpubBuilder, config)
    return config.output_dir / "epub" / epub_name(config)


def flat(element: etree._Element) -> str:
    return " ".join("".join(element.itertext()).split())


def test_each_speech_is_a_block_with_its_speaker_in_bold(book: Path) -> None:
    with zipfile.ZipFile(book) as epub:
        doc = etree.fromstring(epub.read("EPUB/doc-720047.xhtml"))
    speeches = doc.findall(".//h:div[@class='sp']", NS)
    assert [flat(s.find("h:p[@class='speaker']/h:strong", NS)) for s in speeches] == [
        "T. Zhivkov:", "S. Todorov:", "T. Zhivkov:", "B. Velchev:", "P. Kubadinski:"]
    assert flat(speeches[1].findall("h:p", NS)[1]) == "Will the Romanian delegation take part?"
    # the record's narration between two speeches stays a paragraph of the chapter, not a speech
    narration = speeches[3].getnext()
    assert narration is not None and narration.tag == f"{{{NS['h']}}}p"
    assert flat(narration) == "The proposal was accepted unanimously."


def test_book_passes_epubcheck(book: Path) -> None:
    result = epubcheck(book)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "Messages: 0 fatals / 0 errors / 0 warnings" in result.stdout, result.stdout + result.stderr

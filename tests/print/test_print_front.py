"""The volume's front matter from an edition's teikit.toml (about and editorial-principles texts,
abbreviations, list of documents), running heads shortened at a word, the residue line in the
colophon, and the configured date format: one real build of a small edition with its own
configuration."""

from __future__ import annotations

import re
import shutil
from dataclasses import dataclass
from pathlib import Path

import pytest
from print_support import ROOT, page_texts
from pypdf import PdfReader

from toolkit.builders import BuildConfig, run_builder
from toolkit.builders.pdf import PdfBuilder
from toolkit.config import load_config

LONG_TITLE = ("Record of a Conversation between the Ambassador of Hungary and the Deputy Minister "
              "of Foreign Affairs of the Democratic People's Republic of Korea on Deliveries")

CONFIG = """\
title = "Front matter test edition"
date_format = "iso"
about = "about.md"
editorial_principles = "principles.md"
"""

ABOUT = """\
# About the test edition

An edition made to test the front matter, with a [safe link](https://example.org/about)
and an [unsafe one](javascript:alert(1)) whose text alone is kept, and <b>raw HTML</b>.
"""

PRINCIPLES = """\
The documents are printed as the archive gives them:

1. supplied words in *italics* within brackets;
2. omissions as **[…]**.

## Names

Every name links to a register.
"""


@dataclass(frozen=True)
class Built:
    out: Path

    def reader(self, name: str) -> PdfReader:
        return PdfReader(self.out / "pdf" / f"{name}.pdf")


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Built:
    base = tmp_path_factory.mktemp("front")
    tei = base / "tei"
    tei.mkdir()
    shutil.copy(ROOT / "tei" / "116488.xml", tei)
    shutil.copytree(ROOT / "tei" / "registers", tei / "registers")
    long = (ROOT / "tei" / "116488.xml").read_text("utf-8")
    long = re.sub(r"(<titleStmt>\s*<title[^>]*>)[^<]*", lambda m: m.group(1) + LONG_TITLE, long, count=1)
    (tei / "900010.xml").write_text(long, "utf-8")
    shutil.copy(ROOT / "tests" / "epub" / "fixtures" / "900098.xml", tei)  # a group of texts
    (base / "teikit.toml").write_text(CONFIG, "utf-8")
    (base / "about.md").write_text(ABOUT, "utf-8")
    (base / "principles.md").write_text(PRINCIPLES, "utf-8")
    config = BuildConfig(source_dir=tei, output_dir=base / "build",
                         edition=load_config(base / "teikit.toml"), jobs=1)
    run_builder(PdfBuilder, config)
    return Built(base / "build")


def flat(text: str) -> str:
    return " ".join(re.sub("\u00ad\\s*", "", text).split())


def test_the_about_and_principles_texts_are_front_matter_parts(built: Built) -> None:
    reader = built.reader("edition")
    pages = [flat(t) for t in page_texts(reader)]
    contents = pages[1]
    found = {}
    for heading in ("About the test edition", "Editorial principles", "Abbreviations",
                    "List of documents", "Index"):
        match = re.search(re.escape(heading) + r"[ .]*?(\d+)(?!\d)", contents)
        assert match, f"{heading!r} not in the contents: {contents}"
        found[heading] = int(match.group(1))
    assert list(found.values()) == sorted(found.values())  # in the order they are printed
    about = pages[found["About the test edition"] - 1]
    # the text's own "# heading" heads the part; the Markdown's words, not its markup
    assert about.startswith("About the test edition An edition made to test the front matter")
    assert "unsafe one whose text alone is kept" in about and "javascript" not in about
    assert "<b>raw HTML</b>" in about  # raw HTML is text, never markup
    principles = pages[found["Editorial principles"] - 1]
    assert principles.startswith("Editorial principles The documents are printed")
    assert "1. supplied words in italics within brackets;" in principles
    assert "NAMES Every name links to a register." in principles
    links = [a.get_object()["/A"].get("/URI") for page in reader.pages
             for a in page.get("/Annots") or [] if "/A" in a.get_object()]
    assert "https://example.org/about" in links
    assert not any(str(uri).startswith("javascript") for uri in links)


def test_the_configured_date_format_is_printed(built: Built) -> None:
    pages = [flat(t) for t in page_texts(built.reader("116488"))]
    assert "Ministry 1965-01-08 ARCHIVE" in pages[0] and "January 8" not in pages[0]
    colophon = " ".join(pages[next(n for n, t in enumerate(pages) if "COLOPHON" in t):])
    assert '", January 8, 1965, Wilson' in colophon  # the archive's citation keeps its words
    listing = [flat(t) for t in page_texts(built.reader("edition")) if flat(t).startswith("List of documents")]
    assert "116488 1965-01-08 Report, Embassy" in listing[0]


def test_a_long_title_is_shortened_at_a_word_in_the_running_head(built: Built) -> None:
    for name in ("900010", "edition"):
        heads = [text.splitlines()[0].strip() for text in page_texts(built.reader(name))
                 if text.strip().startswith("Record of a Conversation")]
        assert heads, name
        for head in heads:
            match = re.fullmatch(r"(.+) … 1965-01-08", head)
            assert match, head
            shown = match.group(1).split()
            assert shown == LONG_TITLE.split()[:len(shown)], head  # whole words, from the start
            assert 4 <= len(shown) < len(LONG_TITLE.split())


def test_the_texts_of_a_group_are_printed(built: Built) -> None:
    text = flat(" ".join(page_texts(built.reader("900098"))))
    for words in ("THE FIRST LETTER", "Alpha", "Gamma", "INNERQUOTE", "The field is wide,",
                  "1 SUMMARYNOTE", "2 NOTEONE", "3 NOTETWO"):
        assert words in text, words


def test_the_residue_line_is_in_the_colophon_and_the_colophon_not_alone(built: Built) -> None:
    pages = page_texts(built.reader("116488"))
    colophon = [n for n, text in enumerate(pages) if "COLOPHON" in text]
    assert len(colophon) == 1
    page = flat(pages[colophon[0]])
    # the signature goes over with the colophon; the stray "I" after it is named there
    assert "Kovács (ambassador)" in page.split("COLOPHON")[0]
    # the colophon is breakable: what it names may run on to the next page
    assert "After the text, the source has: I" in flat(" ".join(pages[colophon[0]:]))
    before = flat(" ".join(pages)).split("COLOPHON")[0]
    assert not re.search(r"\(ambassador\) I\b", before)


# -- the front matter's TEI (toolkit/frontmatter.py), without a build -----------------------------

def test_markdown_becomes_tei_blocks_and_inlines() -> None:
    from lxml import etree

    from toolkit.frontmatter import markdown_to_tei
    div = markdown_to_tei(ABOUT + "\n" + PRINCIPLES + "\n- a\n- b\n\n```\ncode\n```\n")
    xml = etree.tostring(div, encoding="unicode")
    assert xml.startswith('<div xmlns="http://www.tei-c.org/ns/1.0"><div><head>About the test edition</head>')
    assert '<ref target="https://example.org/about">safe link</ref>' in xml
    assert "<seg>unsafe one</seg>" in xml and "javascript" not in xml
    assert "&lt;b&gt;raw HTML&lt;/b&gt;" in xml
    assert '<list rend="numbered"><item><p>supplied words in <hi rend="italic">italics</hi>' in xml
    assert '<hi rend="bold">[…]</hi>' in xml
    assert "<div><head>Names</head><p>Every name links to a register.</p>" in xml  # nested under h1
    assert '<list><item><p>a</p></item><item><p>b</p></item></list><ab type="code">code</ab>' in xml


def test_a_tei_text_gives_its_body(tmp_path: Path) -> None:
    from lxml import etree

    from toolkit.errors import InputError
    from toolkit.frontmatter import text_as_tei
    path = tmp_path / "about.xml"
    path.write_text('<TEI xmlns="http://www.tei-c.org/ns/1.0"><teiHeader/><text><body>'
                    '<head>About</head><!-- a comment --><p>One <hi>two</hi>.</p></body></text></TEI>')
    div = text_as_tei(path)
    assert etree.tostring(div, encoding="unicode") == (
        '<div xmlns="http://www.tei-c.org/ns/1.0"><head>About</head><p>One <hi>two</hi>.</p></div>')
    path.write_text("<html><body><p>not TEI</p></body></html>")
    with pytest.raises(InputError, match="expected a TEI document") as error:
        text_as_tei(path)
    assert error.value.diagnostic.line == 1


def test_abbreviations_are_capital_or_typed_names_beside_a_full_name(tmp_path: Path) -> None:
    from toolkit.frontmatter import abbreviations
    register = tmp_path / "organisations.xml"
    register.write_text(
        '<TEI xmlns="http://www.tei-c.org/ns/1.0"><standOff><listOrg>'
        '<org xml:id="un"><orgName>United Nations</orgName><orgName type="variant">UN</orgName>'
        '<orgName type="variant">Vereinte Nationen</orgName></org>'
        '<org xml:id="mfa"><orgName>Ministry of Foreign Affairs</orgName>'
        '<orgName type="abbreviation">MinFA</orgName></org>'
        '<org xml:id="nato"><orgName>NATO</orgName></org>'  # no longer name: nothing to expand
        '<org xml:id="pravda"><orgName>Pravda</orgName></org>'
        '</listOrg></standOff></TEI>', "utf-8")
    assert abbreviations(register) == [("MinFA", "Ministry of Foreign Affairs", "mfa"),
                                       ("UN", "United Nations", "un")]
    assert abbreviations(tmp_path / "none.xml") == []

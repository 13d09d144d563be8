"""The converter's newer structures (issues #10/#11) as the web edition shows them: converted
from the layouts of tests/converter/layouts, built, read as HTML and looked at in Debian's
chromium. Each test names what a reader saw before: [Applause.] on a lacuna's hatched ground,
a stamp's columns run together, an addressee's lines on one line, an empty numbered paragraph
holding a lone note marker, two bullets on an item, 'Page furniture (classification):'."""

from __future__ import annotations

import shutil
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest
from lxml import html
from playwright.sync_api import Browser, Page

from browsing import chromium, serve
from toolkit.builders.base import BuildConfig, run_builder
from toolkit.builders.html import HtmlBuilder
from toolkit.cli import main
from web.support import ROOT, page

LAYOUTS = ROOT / "tests" / "converter" / "layouts"
VNU = ROOT / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"
# layout file -> the document it converts to
DOCUMENTS = {"071-speech-transcript-source-marks": "720071", "014-stamp-block-two-columns": "710014",
             "081-exchange-of-letters": "880102", "032-all-in-one": "710032",
             "054-nested-lists": "720064", "040-running-heads-footers": "720050",
             "041-table-of-figures": "720051", "082-diary-entries-without-year": "880103",
             "007-superscript-notes-rule": "710007", "080-cable-para-points-end-mark": "880101",
             "085-minutes-agenda-ad-items": "880106", "084-diary-record-paren-notes-crlf": "880105",
             "035-conversation-dialogue-page-markers": "720044",
             "146-romanian-stenogram-comrade-speakers-times": "991342",
             "149-cable-parts-inline-enumeration-translator-note": "991345"}


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    base = tmp_path_factory.mktemp("layouts")
    tei = base / "tei"
    assert main(["convert", "-j", "1", "-o", str(tei),
                 *(str(LAYOUTS / f"{name}.txt") for name in DOCUMENTS)]) == 0
    shutil.copytree(ROOT / "tei" / "registers", tei / "registers", dirs_exist_ok=True)
    run_builder(HtmlBuilder, BuildConfig(source_dir=tei, output_dir=base / "build", jobs=1))
    return base / "build" / "html"


def doc(site: Path, layout: str) -> html.HtmlElement:
    return page(site, f"{DOCUMENTS[layout]}.html")


def text(node: html.HtmlElement) -> str:
    return " ".join(node.text_content().split())


def test_spoken_events_are_not_set_as_lacunae(site: Path) -> None:
    speech = doc(site, "071-speech-transcript-source-marks")
    applause = speech.xpath("//span[contains(@class, 'tk-incident')]")[0]
    assert applause.xpath("string(span[@class='tk-spoken-desc'])") == "Applause."
    assert not speech.xpath("//*[contains(@class, 'tk-spoken')]//*[@class='tk-gap-desc']")
    # a lacuna keeps its own style: the reader tells [page torn] from [Applause.]
    torn = speech.xpath("//span[contains(@class, 'tk-gap-damage')]/span[@class='tk-gap-desc']")
    assert [text(t) for t in torn] == ["page torn", "two lines missing"]
    assert speech.xpath("//p[@class='tk-view-help']/span[@class='tk-demo-spoken']")


def test_an_event_the_record_wrote_in_parentheses_keeps_them(site: Path) -> None:
    """`(Applause)` of a stenogram is shown in its parentheses, `[Applause.]` in brackets."""
    def marks(layout: str) -> list[str]:
        event = doc(site, layout).xpath("//span[contains(@class, 'tk-incident')]")[0]
        return [str(m) for m in event.xpath("span[@class='tk-mark']/text()")]
    assert marks("146-romanian-stenogram-comrade-speakers-times") == ["(", ")"]
    assert marks("071-speech-transcript-source-marks") == ["[", "]"]


def test_an_inline_enumeration_is_a_list_of_its_own_labels(site: Path) -> None:
    """`three decisions: (a) ...; (b) ...; (c) ...` in one paragraph: a list, no second marker."""
    cable = doc(site, "149-cable-parts-inline-enumeration-translator-note")
    (made,) = cable.xpath("//ul[contains(@class, 'tk-list')][li]")
    assert "tk-list-marked" in made.get("class", "").split()
    assert [text(li)[:3] for li in made.xpath("li")] == ["(a)", "(b)", "(c)"]


def test_a_stamp_is_framed_with_its_columns_kept(site: Path) -> None:
    stamp = doc(site, "014-stamp-block-two-columns").xpath(
        "//p[contains(@class, 'tk-note-stamp')]/span[@class='tk-stamp']")
    assert len(stamp) == 1
    gaps = stamp[0].xpath("span[@class='tk-stamp-gap']")
    assert len(gaps) == 2, "each run of spaces between the stamp's columns is a gap"
    assert text(stamp[0]).startswith("MINISTRY OF FOREIGN AFFAIRS Incoming"), "the label is not the stamp's text"
    assert text(stamp[0].getparent()).startswith("Stamp: MINISTRY OF FOREIGN AFFAIRS Incoming")
    assert stamp[0].xpath("br"), "its lines stay lines"


def test_an_address_keeps_its_lines(site: Path) -> None:
    letters = doc(site, "081-exchange-of-letters")
    addresses = letters.xpath("//div[@class='tk-opener']/p[@class='tk-address']")
    assert [[text(line) for line in a.xpath("span[@class='tk-addrLine']")] for a in addresses] == [
        ["To the First Secretary of the Central Committee of the CPSU", "Comrade N. S. Khrushchev", "Moscow"],
        ["To the First Secretary of the CC of the SED", "Comrade W. Ulbricht"]]
    assert len(letters.xpath("//div[contains(@class, 'tk-type-letter')]")) == 2


def test_a_note_that_is_all_its_paragraph_holds_stands_in_it(site: Path) -> None:
    memo = doc(site, "032-all-in-one")
    margin = memo.xpath("//p[contains(@class, 'tk-p')]/span[contains(@class, 'tk-note-in-text')]")
    assert len(margin) == 1 and "tk-note-marginalia" in margin[0].get("class")
    assert 'Inform the Minister' in text(margin[0])
    paragraph = margin[0].getparent()
    assert paragraph.xpath("a[@class='tk-pn']"), "the paragraph keeps its number"
    assert not paragraph.xpath(".//a[@class='tk-noteref']"), "no lone marker is left"
    # the notes after the text are the footnotes alone, numbered as their markers
    notes = memo.xpath("//ol[@class='tk-note-list']/li")
    assert [n.get("value") for n in notes] == ["1", "2", "3"]
    assert [text(r) for r in memo.xpath("//a[@class='tk-noteref']")] == ["1", "2"]
    assert not [n for n in notes if "Marginal" in text(n)]
    empty = memo.xpath("//li[@id='note-2']/span[contains(@class, 'tk-note-empty')]")
    assert empty and "gives no text" in text(empty[0])


def test_items_with_their_own_marker_get_no_second_one(site: Path) -> None:
    lists = doc(site, "054-nested-lists").xpath("//ul[contains(@class, 'tk-list')]")
    assert len(lists) == 3 and all("tk-list-marked" in u.get("class") for u in lists)
    # an agenda whose items have their own labels (1., 2.) has no bullets beside them
    agenda = doc(site, "085-minutes-agenda-ad-items").xpath("//ul[contains(@class, 'tk-list')]")
    assert len(agenda) == 1 and "tk-list-marked" in agenda[0].get("class")
    assert text(agenda[0].xpath("li")[0]) == "1. The situation around Berlin."
    # (a list without markers in its text keeps the browser's: test_transform's fixture list
    # is still exactly class="tk-list")


def test_forme_work_says_what_it_is(site: Path) -> None:
    report = doc(site, "040-running-heads-footers")
    marks = report.xpath("//p[contains(@class, 'tk-fw-classification') or contains(@class, 'tk-fw-copy')]")
    assert [text(m) for m in marks] == ["SECRET", "Copy Nº 1"], "a mark is shown as the mark alone"
    assert marks[0].get("data-tip") == "Classification mark of the source."
    feet = report.xpath("//p[contains(@class, 'tk-fw-footer')]")
    assert feet and text(feet[0]) == "Running foot: Embassy of the USSR in the DPRK"
    assert text(report.xpath("//p[contains(@class, 'tk-fw-header')]")[0]) == "Running head: SECRET"
    assert not report.xpath("//*[contains(text(), 'Page furniture')]")
    # the rule above the note texts stays out of the text: the notes are gathered after it
    noted = doc(site, "007-superscript-notes-rule")
    assert not noted.xpath("//div[@class='tk-text']//*[contains(@class, 'tk-fw')]")
    assert noted.xpath("//ol[@class='tk-note-list']/li")


def test_figures_of_a_table_are_set_as_figures(site: Path) -> None:
    table = doc(site, "041-table-of-figures").xpath("//table[@class='tk-table']")[0]
    rows = [[(text(c), c.get("class")) for c in row.xpath("td|th")] for row in table.xpath(".//tr")]
    assert rows[1] == [("Machines and equipment", None), ("12.4", "tk-cell-num"), ("11.9", "tk-cell-num")]
    assert all(c is None for _, c in rows[0]), "the labels are not figures"


def test_a_footnote_says_its_number_once(site: Path) -> None:
    notes = doc(site, "084-diary-record-paren-notes-crlf").xpath("//ol[@class='tk-note-list']/li")
    assert [text(n) for n in notes] == [
        "Footnote of the source (1): See the record of the conversation of 3 May 1957. ↩",
        "Footnote of the source (2): The London conference of August 1956. ↩"]
    # a sign (*) is the note's @n too: said once, in the kind
    symbol = doc(site, "035-conversation-dialogue-page-markers").xpath("//ol[@class='tk-note-list']/li")
    assert [text(n) for n in symbol] == [
        "Footnote of the source (*): Zhou refers to the Romanian party congress of 1969. ↩"]


@pytest.mark.skipif(not VNU.exists() or shutil.which("java") is None,
                    reason="the Nu Html Checker (npm vnu-jar) and java are needed")
def test_the_pages_are_valid_html5(site: Path) -> None:
    result = subprocess.run(["java", "-jar", str(VNU), "--errors-only", "--format", "text",
                             *(str(site / f"{d}.html") for d in DOCUMENTS.values())],
                            capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stderr + result.stdout


# ------------------------------------------------------------------------ in the browser

@pytest.fixture(scope="module")
def browser() -> Iterator[Browser]:
    with chromium() as launched:
        yield launched


@pytest.fixture(scope="module")
def base_url(site: Path) -> Iterator[str]:
    with serve(site) as url:
        yield url


@pytest.fixture
def tab(browser: Browser) -> Iterator[Page]:
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    yield context.new_page()
    context.close()


def style(tab: Page, selector: str, prop: str) -> str:
    return str(tab.eval_on_selector(selector, f"e => getComputedStyle(e).getPropertyValue('{prop}')"))


def test_the_browser_sets_each_structure_apart(tab: Page, base_url: str) -> None:
    tab.goto(f"{base_url}720071.html")
    assert style(tab, ".tk-incident .tk-spoken-desc", "background-image") == "none"
    assert style(tab, ".tk-incident .tk-spoken-desc", "font-style") == "italic"
    assert style(tab, ".tk-gap-damage .tk-gap-desc", "background-image").startswith("repeating-linear-gradient")
    tab.goto(f"{base_url}710014.html")
    assert style(tab, ".tk-stamp", "border-top-style") == "solid"
    tab.goto(f"{base_url}880102.html")
    tops = tab.eval_on_selector_all(".tk-address", "a => [...a[0].querySelectorAll('.tk-addrLine')]"
                                    ".map(l => l.getBoundingClientRect().top)")
    assert len(tops) == 3 and tops[0] < tops[1] < tops[2], "each line of the address under the other"
    assert style(tab, ".tk-type-letter + .tk-type-letter", "border-top-style") == "solid"
    tab.goto(f"{base_url}720064.html")
    assert style(tab, "ul.tk-list-marked", "list-style-type") == "none"
    tab.goto(f"{base_url}880103.html")
    assert style(tab, ".tk-type-entry > .tk-dateline", "text-align") == "left"
    tab.goto(f"{base_url}880101.html")
    assert style(tab, ".tk-trailer", "font-family") != style(tab, ".tk-p", "font-family")


def test_a_run_of_spaces_between_two_fields_is_layout_not_a_marked_blank(site: Path) -> None:
    # `Office        Place, date` on one source line: the TEI keeps the run as `space` between
    # byline and dateline (so the text projects as one line); the page lays the two out and
    # marks no [blank], as it did before; two marks on one line (084) the same.
    memo = doc(site, "032-all-in-one")
    opener = memo.xpath("//div[contains(@class, 'tk-opener')]")[0]
    assert opener.xpath(".//p[contains(@class, 'tk-byline')]")
    assert opener.xpath(".//p[contains(@class, 'tk-dateline')]")
    assert not memo.xpath("//*[contains(@class, 'tk-space')]")
    assert "[blank]" not in memo.text_content()
    diary = doc(site, "084-diary-record-paren-notes-crlf")
    assert len(diary.xpath("//p[contains(@class, 'tk-fw-classification')]")) == 1
    assert not diary.xpath("//*[contains(@class, 'tk-space')]")

"""inline16's rules (issue #10): a gap's extent stated by a bare unit (`[illegible word]`), an
unreferenced `Note 2:` inside the run of notes at the end, and clock times in running text
only with a cue. Each converts invented paragraphs through the real converter (valid, projected
back to the source) or calls the rule's function; each fails without its rule."""

from __future__ import annotations

from pathlib import Path

import pytest
from lxml import etree
from test_brackets import checked, ctx, edition, text, validator, xpath  # noqa: F401

from toolkit.encoding.bracket_kinds import extent
from toolkit.encoding.times import tag_times
from toolkit.errors import Severity
from toolkit.readers import ReadContext
from toolkit.validation.runner import FileValidator


# -- gaps: a unit in the singular is one of it ------------------------------------------------
@pytest.mark.parametrize(("bracket", "quantity", "unit"), [
    ("[illegible word]", "1", "word"), ("[word illegible]", "1", "word"),
    ("[Illegible line]", "1", "line"), ("[two words illegible]", "2", "word"),
    ("[3 lines illegible]", "3", "line"),
])
def test_an_illegible_gap_states_its_extent(bracket: str, quantity: str, unit: str,
                                            ctx: ReadContext, edition: Path,  # noqa: F811
                                            validator: FileValidator,  # noqa: F811
                                            tei_all: etree.RelaxNG) -> None:
    div, _ = checked(f"The consul then wrote {bracket} to the ministry.\n", ctx, edition,
                     validator, tei_all)
    (gap,) = xpath(div, ".//tei:gap")
    assert (gap.get("reason"), gap.get("quantity"), gap.get("unit")) == ("illegible", quantity, unit)


@pytest.mark.parametrize("words", ["illegible words", "words illegible", "illegible",
                                   "the word is illegible here", "word"])
def test_no_figure_and_no_single_unit_states_no_quantity(words: str) -> None:
    assert extent(words) == {}


def test_a_struck_or_redacted_single_unit_is_one_too() -> None:
    assert extent("word crossed out") == {"quantity": "1", "unit": "word"}
    assert extent("line redacted") == {"quantity": "1", "unit": "line"}


# -- notes: an unreferenced Note N: inside the run ---------------------------------------------
def test_an_unreferenced_note_between_referenced_ones_keeps_the_run(
        ctx: ReadContext, edition: Path, validator: FileValidator,  # noqa: F811
        tei_all: etree.RelaxNG) -> None:
    body = ("The talks in Vienna[1] and Prague[3] were long.\n\nNote 1: The first record.\n\n"
            "Note 2: The second record.\n\nNote 3: The third record.\n")
    div, conversion = checked(body, ctx, edition, validator, tei_all)
    assert [n.get("n") for n in xpath(div, "tei:p/tei:note")] == ["1", "3"]
    (loose,) = xpath(div, ".//tei:note[@n='2']")
    assert "second record" in text(loose) and len(xpath(div, "tei:p")) == 1
    assert any(d.severity is Severity.WARNING and "Note 2" in d.message
               for d in conversion.diagnostics)


def test_an_unreferenced_last_note_is_a_note_text(
        ctx: ReadContext, edition: Path, validator: FileValidator,  # noqa: F811
        tei_all: etree.RelaxNG) -> None:
    body = "The talks in Vienna[1] were long.\n\nNote 1: The first record.\n\nNote 2: The second.\n"
    div, _ = checked(body, ctx, edition, validator, tei_all)
    assert [n.get("n") for n in xpath(div, "tei:p/tei:note")] == ["1"]
    assert xpath(div, ".//tei:note[@n='2']") and len(xpath(div, "tei:p")) == 1


def test_an_unreferenced_note_above_the_referenced_ones_stays_the_texts(
        ctx: ReadContext, edition: Path, validator: FileValidator,  # noqa: F811
        tei_all: etree.RelaxNG) -> None:
    body = "The talks in Vienna[2] were long.\n\nNote 1: The minister left.\n\nNote 2: A record.\n"
    div, _ = checked(body, ctx, edition, validator, tei_all)
    assert [n.get("n") for n in xpath(div, ".//tei:note")] == ["2"]
    assert len(xpath(div, "tei:p")) == 2


# -- times in running text -------------------------------------------------------------------
def _times(phrase: str) -> list[tuple[str, str]]:
    return [(t.text or "", t.get("when") or "") for t in tag_times(phrase) if not isinstance(t, str)]


@pytest.mark.parametrize(("phrase", "found"), [
    ("will see him at 15:00.", [("15:00", "15:00:00")]),
    ("wait until 9:30 for him", [("9:30", "09:30:00")]),
    ("leaves at 3 p.m. for Hanoi", [("3 p.m.", "15:00:00")]),
    ("at 10.30 a.m. sharp", [("10.30 a.m.", "10:30:00")]), ("at 12 AM", [("12 AM", "00:00:00")]),
    ("crossed at 0530 hrs on Monday", [("0530 hrs", "05:30:00")]),
    ("landed 17.45 h in Prague", [("17.45 h", "17:45:00")]),
    ("from 10:00 to 12:30 at the ministry", [("10:00", "10:00:00"), ("12:30", "12:30:00")]),
    ("from 22:00 until 06:00", [("22:00", "22:00:00"), ("06:00", "06:00:00")]),
    ("from 10.00 to 12.30 hrs", [("10.00", "10:00:00"), ("12.30 hrs", "12:30:00")]),
])
def test_a_cued_clock_time_is_a_time(phrase: str, found: list[tuple[str, str]]) -> None:
    assert _times(phrase) == found


@pytest.mark.parametrize("phrase", [
    "The price rose from 15.00 to 17.50 roubles.", "The rate stood at 15.00 per cent.",
    "The vote was 15:3 in favour.", "See pages 14.30 and 15.", "the 10:32 call", "at 15.00.",
    "from 1950 to 1955", "09:05 - Call from the embassy", "at 25:00", "at 1530",
])
def test_figures_without_a_cue_are_no_time(phrase: str) -> None:
    assert _times(phrase) == []


def test_the_text_around_times_is_kept_and_still_dated() -> None:
    items = tag_times("from 1958 to 1961 and at 15:00 on 3 May 1965")
    assert "".join(i if isinstance(i, str) else i.text or "" for i in items) == \
        "from 1958 to 1961 and at 15:00 on 3 May 1965"
    assert items[0] == "from 1958 to 1961 and at "  # the years' `from` stays with them


def test_a_time_in_a_paragraph_is_valid_and_projects_back(
        ctx: ReadContext, edition: Path, validator: FileValidator,  # noqa: F811
        tei_all: etree.RelaxNG) -> None:
    div, _ = checked("On 3 May 1965 the minister saw him at 15:00 and again from 9 a.m. to "
                     "5 p.m. the next day.\n", ctx, edition, validator, tei_all)
    assert [t.get("when") for t in xpath(div, ".//tei:time")] == ["15:00:00", "09:00:00", "17:00:00"]
    assert xpath(div, ".//tei:date[@when='1965-05-03']")

"""Source order around the note texts (issue #10, found by `check_synthetic.py --layout mix`):
a fragment before a `Notes` line, and a sign's note nothing refers to after the referenced
ones. The TEI keeps each note at its reference; the projection gives the source's order back.
Expectations written by hand from the conventions, before the converter was run on them."""

from __future__ import annotations

from converter_support import context
from lxml import etree
from test_reported_bugs import convert, div_of, round_trips, xpath

from toolkit.readers import ReadContext

__all__ = ["context"]  # the fixture, imported for pytest


def _lines(body: str) -> list[str]:
    return [" ".join(line.split()) for line in body.splitlines() if line.strip()]


def test_fragment_before_the_notes_line_stays_before_it(context: ReadContext,
                                                         tei_all: etree.RelaxNG) -> None:
    body = ("The delegation arrived on 5 April.[1] The talks went well.[2]\n"
            "II\n"
            "Notes\n"
            "1. The original reads \"yijian\".\n"
            "2. Refers to the talks held in June.\n")
    conversion, body = convert(body, context)
    div = div_of(conversion)
    fws = [(f.get("type"), f.text) for f in xpath(div, "tei:fw")]
    assert fws == [("residue", "II"), ("notes", "Notes")]  # the source's order
    notes = xpath(div, ".//tei:p/tei:note[@place='foot']")
    assert [n.get("n") for n in notes] == ["1", "2"]  # each at its reference
    round_trips(conversion, body, tei_all)


def test_a_signs_note_nothing_refers_to_after_the_referenced_ones(
        context: ReadContext, tei_all: etree.RelaxNG) -> None:
    body = ("The ambassador arrived.* He spoke of the plan.†\n\n"
            "* He was the ambassador at that time.\n\n"
            "† The plan of 1957.\n\n"
            "‡ A note the text never refers to.\n")
    conversion, body = convert(body, context)
    div = div_of(conversion)
    at_reference = xpath(div, "tei:p/tei:note[@place='foot'][@rend='symbol']")
    assert [n.get("n") for n in at_reference] == ["*", "†"]
    assert not xpath(div, ".//tei:note[@place='end']")  # printed at the end, not a section's
    alone = xpath(div, "tei:note[@place='foot']")  # kept at the end, referenced nowhere
    assert [n.get("n") for n in alone] == ["‡"]
    assert not xpath(div, "tei:p[starts-with(., '‡')]")  # not left as a paragraph
    assert any("footnote ‡ is never referenced" in d.message for d in conversion.diagnostics)
    round_trips(conversion, body, tei_all)


def test_signs_notes_of_journal_entries_at_the_end_are_the_ends(
        context: ReadContext, tei_all: etree.RelaxNG) -> None:
    body = ("9 June 1953\n"
            "The workers' militia was discussed at length.* Nothing else was said.\n"
            "13 June 1953\n"
            "The list of the delegates was sent to the ministry.†\n"
            "17 June 1953\n"
            "The ambassador left for Moscow in the morning.\n"
            "* The original reads \"bulman\".\n"
            "† The list referred to was not found.\n"
            "‡ A note the text never refers to.\n"
            "I\n")
    conversion, body = convert(body, context)
    div = div_of(conversion)
    assert len(xpath(div, "tei:div[@type='entry']")) == 3
    assert not xpath(div, ".//tei:note[@place='end']")
    assert [n.get("n") for n in xpath(div, ".//tei:p/tei:note[@place='foot']")] == ["*", "†"]
    assert [n.get("n") for n in xpath(div, "tei:note[@place='foot']")] == ["‡"]
    assert [(f.get("type"), f.text) for f in xpath(div, "tei:fw")] == [("footer", "I")]
    round_trips(conversion, body, tei_all)


def test_a_sign_line_before_the_first_referenced_note_stays_the_texts(
        context: ReadContext, tei_all: etree.RelaxNG) -> None:
    body = ("The ambassador arrived at noon.†\n\n"
            "* He was received by the minister.\n\n"
            "† At the embassy.\n")
    conversion, body = convert(body, context)
    div = div_of(conversion)
    assert [n.get("n") for n in xpath(div, ".//tei:note[@place='foot']")] == ["†"]
    assert "He was received by the minister." in "".join(div.itertext())
    assert not xpath(div, ".//tei:note[starts-with(normalize-space(.), 'He was')]")
    round_trips(conversion, body, tei_all)

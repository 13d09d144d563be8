"""Rules of probe12 for the held-out layouts 144, 146, 148 and 149 (issue #10), on texts
other than the fixtures, each with the case where the same signs mean something else."""

from __future__ import annotations

from pathlib import Path

import pytest
from lxml import etree
from test_probe_rules_080 import converted
from test_probe_rules_080 import count as _count

from toolkit.encoding import inline_lists, layouts, stenogram, top_lines
from toolkit.projection import project
from toolkit.tei import tei

TEI_NS = "http://www.tei-c.org/ns/1.0"


def _p(xml: str, speech: bool = True) -> etree._Element:
    """A text whose division holds one paragraph (inside a `sp` when `speech`)."""
    inner = f"<sp><speaker>A:</speaker>{xml}</sp>" if speech else xml
    return etree.fromstring(f'<text xmlns="{TEI_NS}"><body><div>{inner}</div></body></text>')


def _xpath(node: etree._Element, path: str) -> object:
    return node.xpath(path, namespaces={"tei": TEI_NS})


# -- a letterhead in capitals over a letter's place and date (148) ---------------------------------
def test_capitals_over_a_letters_place_and_date_are_its_letterhead(tmp_path: Path) -> None:
    tei_doc, _ = converted(tmp_path, "NARODNA REPUBLIKA BULGARIA\nMINISTRY OF FOREIGN AFFAIRS\n"
                                     "Sofia, 3 May 1970\nDear Comrade Counsellor,\n"
                                     "We thank you for the letter of 20 April.\n"
                                     "The delegation will arrive on 12 May.\n")
    assert _count(tei_doc, "count(//tei:body//tei:head)") == 0
    assert _count(tei_doc, "count(//tei:opener/tei:byline[contains(.,'NARODNA')]"
                           "[contains(.,'MINISTRY OF FOREIGN AFFAIRS')][tei:lb])") == 1
    assert _count(tei_doc, "count(//tei:opener/tei:dateline[tei:date[@when='1970-05-03']])") == 1


@pytest.mark.parametrize("top", [
    "RECORD OF CONVERSATION\n",  # a document's kind: the title
    "REPLY\n",  # one word: the second letter's head, not who writes
])
def test_a_title_over_a_letters_date_stays_the_head(tmp_path: Path, top: str) -> None:
    tei_doc, _ = converted(tmp_path, top + "Sofia, 3 May 1970\nDear Comrade Counsellor,\n"
                                           "We thank you for the letter of 20 April.\n"
                                           "The delegation will arrive on 12 May.\n")
    assert _count(tei_doc, f"count(//tei:body//tei:head[.='{top.strip()}'])") == 1
    assert _count(tei_doc, "count(//tei:opener/tei:byline)") == 0


def test_capitals_over_a_date_without_a_salutation_stay_the_head(tmp_path: Path) -> None:
    tei_doc, _ = converted(tmp_path, "POLITICAL SITUATION IN THE NORTH\nHanoi, 2 March 1966\n"
                                     "The provinces report more air raids than in January.\n"
                                     "The railway lines are bombed every day.\n")
    assert _count(tei_doc, "count(//tei:body//tei:head[starts-with(.,'POLITICAL')])") == 1
    assert _count(tei_doc, "count(//tei:opener/tei:byline)") == 0


# -- the participants and the time of a call (144) --------------------------------------------------
MEMCON = ("MEMCON\nMinister Brandt/Ambassador Falin\nMarch 3, 1971\n10.15 hrs\n"
          "B: We have read the draft of the treaty.\nF: And what do you think of it?\n"
          "B: It is a good basis for the talks.\nF: I will tell Moscow so.\n")


def test_a_records_participants_and_time_are_its_opener(tmp_path: Path) -> None:
    tei_doc, _ = converted(tmp_path, MEMCON)
    assert _count(tei_doc, "count(//tei:body//tei:head[.='MEMCON'])") == 1
    assert _count(tei_doc, "count(//tei:opener/tei:byline[contains(.,'Brandt')]"
                           "[contains(.,'Ambassador Falin')])") == 1
    # `March 3, 1971` is a date alone, not the place `March 3`
    assert _count(tei_doc, "count(//tei:opener/tei:dateline[not(tei:placeName)]"
                           "[tei:date[@when='1971-03-03']][tei:lb][contains(.,'10.15 hrs')])") == 1
    assert _count(tei_doc, "count(//tei:body//tei:p[not(ancestor::tei:sp)])") == 0
    assert _count(tei_doc, "count(//tei:sp)") == 4


def test_a_slash_line_outside_a_record_of_speech_is_no_participants_line(tmp_path: Path) -> None:
    tei_doc, _ = converted(tmp_path, "MEMORANDUM\nMinister Brandt/Ambassador Falin\n"
                                     "The minister received the ambassador on 3 March.\n"
                                     "They discussed the draft of the treaty.\n")
    assert _count(tei_doc, "count(//tei:opener/tei:byline)") == 0


@pytest.mark.parametrize(("text", "matches"), [
    ("Ambassador Volkov/Secretary Harmon", True), ("Brandt / Falin / Bahr", True),
    ("Deputy Foreign Minister Kuznetsov/Ambassador Thompson", True),
    ("the yes/no question", False), ("Contract 4/2", False), ("Volkov", False),
    ("He said Yes/No and left.", False)])
def test_a_participants_line_is_capitalised_parties_apart_by_slashes(text: str, matches: bool) -> None:
    found = top_lines.PARTICIPANTS.match(text) is not None and all(
        len(p.split()) <= top_lines._PARTY_WORDS and all(w[:1].isupper() for w in p.split())
        for p in text.split("/"))
    assert found is matches


@pytest.mark.parametrize(("text", "time"), [
    ("6:40 p.m.", True), ("18.40 hrs", True), ("10:15", True), ("at 9:30 a.m.", True),
    ("3:05 PM", True), ("6:40 p.m. the delegation arrived", False), ("14.04.1968", False),
    ("12:30 hours we met", False), ("25:10", False), ("No. 3321", False)])
def test_a_time_line_is_a_clock_time_alone(text: str, time: bool) -> None:
    assert (top_lines.CLOCK_TIME.match(text) is not None) is time


def test_a_time_alone_in_the_text_stays_a_paragraph(tmp_path: Path) -> None:
    tei_doc, _ = converted(tmp_path, "The delegation arrived late in the evening.\n6:40 p.m.\n"
                                     "The talks began the next morning.\n")
    assert _count(tei_doc, "count(//tei:body//tei:p[.='6:40 p.m.'])") == 1


# -- a translator's note above the head (149) ------------------------------------------------------
def test_a_translators_note_above_the_head_keeps_the_top(tmp_path: Path) -> None:
    tei_doc, _ = converted(tmp_path, "[Translator's note: the first page of the copy is torn.]\n"
                                     "INFORMATION\nNo. 112\n"
                                     "The ministry informs the embassies of the new rules.\n"
                                     "They come into force on 1 June.\n")
    assert _count(tei_doc, "count(//tei:body/tei:div/tei:note[@type='translator'])") == 1
    assert _count(tei_doc, "count(//tei:body//tei:head[.='INFORMATION'])") == 1
    assert _count(tei_doc, "count(//tei:body//tei:p[tei:note])") == 0


def test_a_translators_note_under_a_paragraph_stays_in_its_paragraph(tmp_path: Path) -> None:
    tei_doc, _ = converted(tmp_path, "The ministry informs the embassies of the new rules.\n"
                                     "[Translator's note: the next page of the copy is torn.]\n"
                                     "They come into force on 1 June.\n")
    assert _count(tei_doc, "count(//tei:body//tei:p[tei:note[@type='translator']])") == 1


# -- `Part 1 of 2` (149) -------------------------------------------------------------------------
@pytest.mark.parametrize(("text", "found"), [
    ("Part 1 of 2", ("part", "1")), ("Part II of III", ("part", "II")), ("Part 2", ("part", "2")),
    ("Part 3 of the Treaty", None), ("Part 1 of 2 was lost in the post.", None)])
def test_part_n_of_m_heads_a_part(text: str, found: tuple[str, str] | None) -> None:
    assert layouts.part_heading(text) == found


# -- the fields under a session's opening (146) --------------------------------------------------
SESSION = ("MINUTES\nThe session opened at 9 a.m.\nPresent: Comrades Ion Popa, Vasile Dinu.\n"
           "Absent: Comrade Petre Lupu.\n"
           "Comrade Ion Popa: We have two points on the agenda today.\n"
           "Comrade Vasile Dinu: I propose that we take the second first.\n"
           "Comrade Ion Popa: Agreed, we take the second point first.\n")


def test_fields_under_the_sessions_opening_are_segs_in_a_stage(tmp_path: Path) -> None:
    tei_doc, _ = converted(tmp_path, SESSION)
    assert _count(tei_doc, "count(//tei:body//tei:stage[starts-with(.,'The session opened')]"
                           "/following-sibling::*[1][self::tei:stage]"
                           "[tei:seg[@type='memo-field'][tei:label[.='Present:']]]"
                           "[tei:seg[@type='memo-field'][tei:label[.='Absent:']]][tei:lb])") == 1
    assert _count(tei_doc, "count(//tei:body//tei:p[contains(.,'Present:')])") == 0


def test_a_field_not_under_the_opening_is_no_stage(tmp_path: Path) -> None:
    tei_doc, _ = converted(tmp_path, SESSION.replace(
        "The session opened at 9 a.m.\n", "The session opened at 9 a.m.\n"
        "The chairman greeted the members of the committee.\n"))
    assert _count(tei_doc, "count(//tei:body//tei:stage[tei:seg])") == 0


def test_fields_after_a_stage_stop_at_the_first_speech() -> None:
    from toolkit.encoding.blocks import SourceBlock
    units = [SourceBlock(t, ((0, n),)) for n, t in enumerate(
        ["Subject: the report on the visit.", "Comrade Popa: We begin the meeting now."], 1)]
    div = etree.Element(tei("div"))
    etree.SubElement(div, tei("stage")).text = "The meeting began."

    class _Encoder:  # the two calls the rule makes, with their plain results
        def _inline(self, unit: SourceBlock, text: str) -> list[object]:
            return [text]

        def decided(self, message: str, line: int) -> None:
            pass
    assert stenogram.fields_after_opening(_Encoder(), div, units, 0) == 1  # type: ignore[arg-type]


# -- events in parentheses in a speech (146) -----------------------------------------------------
@pytest.mark.parametrize(("xml", "kind", "desc"), [
    ("<p>We agree with the report. (Applause)</p>", "incident", "Applause"),
    ("<p>We approve it. (Everybody agrees) Next point.</p>", "incident", "Everybody agrees"),
    ("<p>Is that all? (Laughter)</p>", "vocal", "Laughter"),
    ("<p>We met <persName>Kim</persName>. (Stormy applause)</p>", "incident", "Stormy applause")])
def test_an_event_in_parentheses_after_a_sentence_of_a_speech(xml: str, kind: str, desc: str) -> None:
    div = _p(xml)
    stenogram.parenthesised_events(div)
    found = _xpath(div, f"//tei:sp/tei:p/tei:{kind}[@rend='parentheses'][tei:desc='{desc}']")
    assert isinstance(found, list) and len(found) == 1
    # the parentheses are the rend's, not text
    assert "(" not in etree.tostring(div, method="text", encoding="unicode")
    assert f"({desc})" in project(div)


@pytest.mark.parametrize(("xml", "speech"), [
    ("<p>The credits (Kosygin insisted) were given.</p>", True),  # inside a sentence
    ("<p>We agree with the report. (Applause)</p>", False),  # no speech: the translator's
    ("<p>We agree. (2) The second point.</p>", True),  # a number
    ("<p>We agree. (see annex 2)</p>", True),  # lower case, a figure: a remark
    ("<p>We agree. (...)</p>", True),  # an omission
    ("<p>We agree. (The delegates rise, applaud and sing the anthem together)</p>", True)])
def test_other_parentheses_stay_text(xml: str, speech: bool) -> None:
    div = _p(xml, speech)
    stenogram.parenthesised_events(div)
    assert _xpath(div, "//tei:incident | //tei:vocal | //tei:kinesic") == []


# -- an inline enumeration (149) -------------------------------------------------------------------
def test_an_inline_enumeration_is_a_list_in_its_paragraph() -> None:
    div = _p("<p>The ministry asks for three things: (1) the lists of <placeName>Hanoi</placeName>; "
             "(2) the figures, and (3) the maps of the port. The rest can wait.</p>", speech=False)
    inline_lists.inline_lists(div)
    items = _xpath(div, "//tei:p/tei:list[@rend='inline']/tei:item")
    assert isinstance(items, list) and [i.get("n") for i in items] == ["1", "2", "3"]
    assert _xpath(div, "string(//tei:item[@n='1']/tei:label)") == "(1)"
    assert _xpath(div, "count(//tei:item[@n='1']/tei:placeName)") == 1
    assert _xpath(div, "normalize-space(//tei:item[@n='3'])") == "(3) the maps of the port."
    assert _xpath(div, "normalize-space(//tei:list/following-sibling::text())") == "The rest can wait."
    projected = project(div)
    assert " ".join(projected.split()) == (
        "The ministry asks for three things: (1) the lists of Hanoi; (2) the figures, and (3) "
        "the maps of the port. The rest can wait.")


def test_roman_points_are_an_enumeration_too() -> None:
    div = _p("<p>Two questions remain: (i) the credits; (ii) the date.</p>", speech=False)
    inline_lists.inline_lists(div)
    assert _xpath(div, "count(//tei:list/tei:item)") == 2


@pytest.mark.parametrize("xml", [
    "<p>See clause (b) of article 2; (c) is not in force.</p>",  # no colon announces it
    "<p>Two points: (a) the credits; (c) the date.</p>",  # out of sequence
    "<p>One point: (a) the credits.</p>",  # a single point
    "<p>He said: (a) little. Then (b) nothing.</p>",  # (b) after a sentence, no separator
    "<p>We agree (Kosygin said so): the credits.</p>"])
def test_other_letters_in_parentheses_are_no_list(xml: str) -> None:
    div = _p(xml, speech=False)
    inline_lists.inline_lists(div)
    assert _xpath(div, "//tei:list") == []


def test_a_paragraph_of_many_labels_is_read_in_linear_time() -> None:
    import time
    div = _p("<p>" + "Points: (a) x; (b) y; (z) w. " * 4000 + "</p>", speech=False)
    started = time.process_time()
    inline_lists.inline_lists(div)
    assert time.process_time() - started < 2.0
    # every enumeration is a list (struct16), up to MOST of them: (a) and (b) of each
    assert _xpath(div, "count(//tei:list/tei:item)") == 2 * inline_lists.MOST

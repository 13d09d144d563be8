"""Rules of probe9 for its layouts 132-137 (issue #10), on texts other than the fixtures,
each with the case where the same signs mean something else."""

from __future__ import annotations

from pathlib import Path

import pytest
from lxml import etree
from test_probe_rules_080 import converted
from test_probe_rules_080 import count as _count

from toolkit.encoding import columns, memo_end, structure as cue
from toolkit.encoding.blocks import SourceBlock


def _blocks(*lines: str) -> list[SourceBlock]:
    return [SourceBlock(text, ((0, number),)) for number, text in enumerate(lines, start=1)]


# -- the conversation's header: each side's participants -----------------------------------------
@pytest.mark.parametrize("text", ["Soviet participants: A. Gromyko", "Vietnamese participants: Le Duan",
                                  "Other participants: N. Name"])
def test_a_side_s_participants_are_a_field(text: str) -> None:
    assert cue.MEMO_FIELD.match(text)


@pytest.mark.parametrize("text", ["The participants: all agreed.", "All participants: none"])
def test_the_participants_in_a_sentence_are_no_field(text: str) -> None:
    assert not cue.MEMO_FIELD.match(text)


def test_each_side_s_participants_are_fields_of_the_opener(tmp_path: Path) -> None:
    tei, _ = converted(tmp_path, "Time: 3 May 1965\nSoviet participants: I. Petrov, A. Sidorov\n"
                                 "Vietnamese participants: Le Duan, Pham Van Dong\n"
                                 "Petrov: We greet you.\nLe Duan: Thank you, comrade.\n"
                                 "Petrov: Let us begin with the deliveries.\n")
    assert _count(tei, "count(//tei:opener/tei:seg[@subtype='soviet-participants'])") == 1
    assert _count(tei, "count(//tei:opener/tei:seg[@subtype='vietnamese-participants']"
                       "/tei:persName[.='Pham Van Dong'])") == 1
    assert _count(tei, "count(//tei:body//tei:p[contains(.,'participants:')])") == 0


# -- the signature: `Sd/-` before the name ---------------------------------------------------------
@pytest.mark.parametrize(("text", "mark", "name"), [("Sd/- P. K. Rao", "Sd/- ", "P. K. Rao"),
                                                    ("Sd. J. Smith", "Sd. ", "J. Smith"),
                                                    ("(Sd.) A. Brown", "(Sd.) ", "A. Brown")])
def test_sd_before_a_name_is_the_signed_mark(text: str, mark: str, name: str) -> None:
    assert cue.signed_before(text) == (mark, name)


@pytest.mark.parametrize("text", ["Signed by:", "Sd/- illegible", "Signed the treaty in 1960",
                                  "Sdelano Ivanov"])
def test_other_lines_so_begun_are_no_signed_name(text: str) -> None:
    assert cue.signed_before(text) is None


def test_sd_and_the_name_over_the_role_are_the_closer(tmp_path: Path) -> None:
    tei, _ = converted(tmp_path, "1. The talks went well.\n2. The minister will come in May.\n"
                                 "Sd. P. K. Rao\nFirst Secretary\n")
    assert _count(tei, "count(//tei:closer/tei:signed[tei:persName[.='P. K. Rao']]"
                       "[tei:roleName[.='First Secretary']])") == 1
    assert _count(tei, "count(//tei:persName[contains(.,'Sd')])") == 0


# -- notes `^a^` -------------------------------------------------------------------------------------
def test_caret_letters_are_notes_at_their_references(tmp_path: Path) -> None:
    tei, _ = converted(tmp_path, "The talks began in Delhi.^a^\nThey ended in Agra.^b^\n"
                                 "^a^ On 3 May.\n^b^ On 5 May.\n")
    assert _count(tei, "count(//tei:p/tei:note[@place='foot'][@n='a'][contains(.,'3 May')])") == 1
    assert _count(tei, "count(//tei:p/tei:note[@place='foot'][@n='b'][contains(.,'5 May')])") == 1
    assert _count(tei, "count(//tei:body//tei:p[starts-with(normalize-space(.),'^')])") == 0


# -- titles: a report's kind after an adjective; a telegram's routing line --------------------------
@pytest.mark.parametrize("text", ["Monthly report on trade", "Annual report for 1968",
                                  "Cipher telegram No. 77", "Special information No. 4"])
def test_a_qualified_document_kind_is_a_title(text: str) -> None:
    assert cue.title_like(text)


@pytest.mark.parametrize("text", ["Political situation in May", "The political report was sent."])
def test_an_adjective_before_no_document_kind_is_no_title(text: str) -> None:
    assert not cue.title_like(text)


@pytest.mark.parametrize("text", ["from Warsaw, sent 3.IV.1968 at 14.20, received 3.IV.1968 at 18.00",
                                  "From Beijing, received 12 May 1960 09:30"])
def test_a_place_and_its_moments_are_a_routing_line(text: str) -> None:
    assert cue.routing_line(text)
    assert not cue.title_continues(text, "Cipher telegram No. 77")


@pytest.mark.parametrize("text", ["from Hanoi, the ambassador reports", "from Hanoi, sent by courier"])
def test_a_line_from_a_place_without_a_moment_is_no_routing_line(text: str) -> None:
    assert not cue.routing_line(text)


def test_the_routing_line_is_the_telegram_s_dateline(tmp_path: Path) -> None:
    tei, _ = converted(tmp_path, "Cipher telegram No. 77\n"
                                 "from Warsaw, sent 3.IV.1968 at 14.20, received 3.IV.1968 at 18.00\n"
                                 "THE TALKS BEGAN TODAY STOP\nTHE MINISTER ARRIVES TOMORROW STOP\n"
                                 "KOWALSKI\n")
    assert _count(tei, "count(//tei:head[.='Cipher telegram No. 77'])") == 1
    assert _count(tei, "count(//tei:opener/tei:dateline[tei:placeName[.='Warsaw']]"
                       "[tei:date[@when='1968-04-03T14:20:00']][tei:date[@when='1968-04-03T18:00:00']])") == 1


# -- an office in capitals alone at the top --------------------------------------------------------
def test_an_office_in_capitals_at_the_top_is_no_title() -> None:
    div = etree.Element("{http://www.tei-c.org/ns/1.0}div")
    assert columns.office_alone(div, "MINISTRY OF FOREIGN AFFAIRS OF THE MPR")
    assert not columns.office_alone(div, "REPORT ON THE HARVEST")  # a document's kind: a title
    etree.SubElement(div, "{http://www.tei-c.org/ns/1.0}p")
    assert not columns.office_alone(div, "MINISTRY OF FOREIGN AFFAIRS OF THE MPR")  # not the top


# -- an unsigned note's end --------------------------------------------------------------------------
NOTE = ("The Ministry of Foreign Affairs of the MPR presents its compliments to the Embassy.\n"
        "The Ministry asks the Embassy to send the list of its staff.\n")


def test_an_unsigned_note_s_compliments_date_and_addressee_are_its_closer(tmp_path: Path) -> None:
    tei, _ = converted(tmp_path, NOTE + "The Ministry avails itself of this opportunity to renew to "
                                 "the Embassy the assurances of its highest consideration.\n"
                                 "Ulan Bator, 5 May 1970\nTo the Embassy of the GDR\nUlan Bator\n")
    assert _count(tei, "count(//tei:closer[tei:salute[contains(.,'avails itself')]]"
                       "[tei:dateline/tei:date[@when='1970-05-05']]"
                       "[tei:address[count(tei:addrLine)=2]])") == 1
    assert _count(tei, "count(//tei:signed)") == 0


def test_without_the_formula_a_closing_place_and_date_is_a_dateline_alone(tmp_path: Path) -> None:
    tei, _ = converted(tmp_path, NOTE + "Ulan Bator, 5 May 1970\n")
    # no note verbale's closing is made up (no salute); the unsigned text's last line, its
    # place and date, is its closer's dateline (probe13, 151: before, it stayed a paragraph)
    assert _count(tei, "count(//tei:closer/tei:salute)") == 0
    assert _count(tei, "count(//tei:closer[not(tei:signed)]/tei:dateline"
                       "[tei:date[@when='1970-05-05']])") == 1
    assert _count(tei, "count(//tei:p[tei:date[@when='1970-05-05']])") == 0


def test_the_formula_needs_its_words() -> None:
    assert memo_end.note_end(_blocks("We had an opportunity to renew our contacts.",
                                     "Ulan Bator, 5 May 1970")) is None


# -- a table of contents, and an office with an ordinal ---------------------------------------------
def test_a_table_of_contents_ends_where_its_first_entry_is_repeated(tmp_path: Path) -> None:
    tei, _ = converted(tmp_path, "Contents:\n1. Trade\n2. Culture\n1. Trade\n"
                                 "Trade grew by ten per cent.\n2. Culture\nTwo exhibitions were held.\n")
    assert _count(tei, "count(//tei:list[count(tei:item)=2])") == 1
    assert _count(tei, "count(//tei:div[@n='1'][tei:head[contains(.,'Trade')]])") == 1
    assert _count(tei, "count(//tei:div[@n='2'][tei:head[contains(.,'Culture')]])") == 1


def test_a_list_without_a_repeat_keeps_its_end() -> None:
    units = _blocks("1. Trade", "2. Culture", "3. Trade fairs")
    assert cue.contents_end(units, 0, 3) == 3
    assert cue.contents_end(_blocks("1. Trade", "2. Culture", "1. Trade"), 0, 3) == 2


@pytest.mark.parametrize(("text", "office"), [("Head of the 1st Territorial Department", True),
                                              ("Head of the 12th Department", True),
                                              ("Head of Section 4", False),
                                              ("Head of 3 sections", False)])
def test_an_ordinal_in_an_office_is_no_figure(text: str, office: bool) -> None:
    assert cue.office_line(text) is office


# -- a letter quoted in full; one office line over the place and date -------------------------------
QUOTED = ("The ministry sent us this telegram, which reads:\n"
          "    Warsaw, 2 June 1971\n"
          "    Dear Comrade Ambassador,\n"
          "    The delegation will arrive on 9 June by the morning train.\n"
          "    With comradely greetings\n"
          "    J. Kowalski\n"
          "We informed the hosts at once.\n"
          "The delegation's programme follows.\n")


def test_an_indented_letter_is_a_floating_text_with_its_own_parts(tmp_path: Path) -> None:
    tei, _ = converted(tmp_path, QUOTED)
    assert _count(tei, "count(//tei:floatingText[@type='letter']/tei:body["
                       "tei:opener/tei:dateline/tei:date[@when='1971-06-02']]"
                       "[tei:opener/tei:salute][tei:closer/tei:signed/tei:persName[.='J. Kowalski']])") == 1
    assert _count(tei, "count(//tei:p[not(ancestor::tei:floatingText)]"
                       "[starts-with(.,'We informed')])") == 1


def test_an_indented_passage_without_a_letter_s_parts_is_no_letter() -> None:
    from toolkit.encoding import embedded
    units = _blocks("The minister said:", "    We shall not give way.", "    The talks go on.",
                    "    Nothing has been agreed.", "The meeting ended at noon.")
    assert embedded.quoted_letter(units, 1) == 0
    letter = _blocks("The ministry wrote:", "    Warsaw, 2 June 1971", "    The delegation comes.",
                     "    J. Kowalski", "We replied.")
    assert embedded.quoted_letter(letter, 1) == 3
    assert embedded.quoted_letter(_blocks("    Warsaw, 2 June 1971", "    Text.", "    J. Kowalski"),
                                  0) == 0  # not deeper than a line before it


def test_one_office_line_over_the_place_and_date_is_the_byline(tmp_path: Path) -> None:
    tei, _ = converted(tmp_path, "Embassy of the CSSR in Hanoi\nHanoi, 4 May 1972\n"
                                 "The embassy reports on the harvest.\nIt was good.\n")
    assert _count(tei, "count(//tei:opener[tei:byline[contains(.,'Embassy of the CSSR')]]"
                       "[tei:dateline/tei:date[@when='1972-05-04']])") == 1


def test_a_sentence_over_the_place_and_date_is_no_byline(tmp_path: Path) -> None:
    tei, _ = converted(tmp_path, "The Embassy reports on the harvest.\nHanoi, 4 May 1972\n"
                                 "It was good.\n")
    assert _count(tei, "count(//tei:byline)") == 0

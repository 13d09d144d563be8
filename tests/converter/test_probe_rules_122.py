"""Rules of probe7 for the lead's layouts 120-122 (issue #10), on texts other than the fixtures,
each with the case where the same signs mean something else."""

from __future__ import annotations

from pathlib import Path

import pytest
from test_probe_rules_080 import NS, converted
from test_probe_rules_080 import count as _count

from toolkit.encoding import structure as cue
from toolkit.encoding.memo_end import REFERENCE_INITIALS


def test_a_title_beside_its_marks_in_two_columns_is_one_head_then_the_marks(tmp_path: Path) -> None:
    tei, _ = converted(tmp_path, "Excerpt from the diary of              STRICTLY SECRET\n"
                                 "V. V. KUZNETSOV                        Copy No. 2\n"
                                 "On 5 May I received the ambassador of Hungary at his request.\n"
                                 "He spoke of the harvest.\n")
    assert _count(tei, "count(//tei:body//tei:head[contains(.,'Excerpt from the diary of')]"
                       "[contains(.,'KUZNETSOV')][tei:lb])") == 1
    assert _count(tei, "count(//tei:body//tei:fw[@type='classification'][.='STRICTLY SECRET'])") == 1
    assert _count(tei, "count(//tei:body//tei:fw[@type='copy'][.='Copy No. 2'])") == 1
    assert _count(tei, "count(//tei:body//tei:head//tei:fw)") == 0
    assert _count(tei, "count(//tei:body//tei:p[contains(.,'SECRET') or contains(.,'Copy')])") == 0


def test_an_office_over_two_lines_beside_the_place_and_date_is_one_byline(tmp_path: Path) -> None:
    tei, _ = converted(tmp_path, "Ministry of Foreign Affairs          Prague, 3 June 1968\n"
                                 "of the Czechoslovak Socialist Republic\n"
                                 "The minister received the delegation at noon.\n"
                                 "They spoke for an hour.\n")
    assert _count(tei, "count(//tei:opener/tei:byline[contains(.,'Ministry of Foreign Affairs')]"
                       "[contains(.,'of the Czechoslovak Socialist Republic')])") == 1
    assert _count(tei, "count(//tei:opener/tei:dateline[tei:date[@when='1968-06-03']])") == 1
    assert _count(tei, "count(//tei:body//tei:p[contains(.,'Czechoslovak')])") == 0


def test_a_field_under_the_office_and_date_line_is_no_second_line_of_the_office(
        tmp_path: Path) -> None:
    tei, _ = converted(tmp_path, "Head of Section 4          Berlin, 12 March 1964\n"
                                 "Subject: the visit of the delegation\n"
                                 "The delegation arrived on Monday.\nIt left on Friday.\n")
    assert _count(tei, "count(//tei:opener/tei:byline[.='Head of Section 4'])") == 1
    assert _count(tei, "count(//tei:body//tei:seg[@type='memo-field'][@subtype='subject'])") == 1


def test_a_date_line_above_a_title_opens_no_entry_the_entries_dates_do(tmp_path: Path) -> None:
    tei, _ = converted(tmp_path, "20 June 1961\nDIARY\nof the Counsellor of the Embassy\n"
                                 "12 June 1961\nI met the consul.\n"
                                 "15 June 1961\nThe consul called back.\n")
    assert _count(tei, "count(//tei:body//tei:div[@type='entry'])") == 2
    assert _count(tei, "count(//tei:body//tei:div[@type='entry']//tei:head)") == 0
    assert _count(tei, "count(//tei:body//tei:opener/tei:dateline/tei:date[@when='1961-06-20'])") == 1


def test_date_lines_each_followed_by_text_still_open_entries(tmp_path: Path) -> None:
    tei, _ = converted(tmp_path, "12 June 1961\nI met the consul.\n"
                                 "15 June 1961\nThe consul called back.\n")
    assert _count(tei, "count(//tei:body//tei:div[@type='entry'])") == 2


@pytest.mark.parametrize("text", ["Outgoing No. 211", "Incoming Nº 57", "Ref. No. 0047/58",
                                  "Reg. No. 12"])
def test_a_register_s_number_is_a_number_mark(text: str) -> None:
    assert cue.mark_type(text) == "number"


@pytest.mark.parametrize("text", ["Outgoing mail No. 3 was late", "No. 5 was discussed", "Ref.: 47"])
def test_other_lines_with_a_number_are_no_number_mark(text: str) -> None:
    assert cue.mark_type(text) is None


def test_sent_to_after_the_signature_is_the_distribution(tmp_path: Path) -> None:
    tei, _ = converted(tmp_path, "The talks went well.\nThe minister thanked us.\n"
                                 "AMBASSADOR OF THE USSR IN HUNGARY\n          I. ANDROPOV\n"
                                 "Sent: to Cdes. Suslov, Ponomarev.\n")
    assert _count(tei, "count(//tei:body//tei:note[@type='distribution'][contains(.,'Suslov')])") == 1
    assert _count(tei, "count(//tei:closer/tei:signed[tei:roleName[starts-with(.,'AMBASSADOR')]]"
                       "[tei:persName[.='I. ANDROPOV']])") == 1


def test_sent_to_in_the_text_stays_a_paragraph(tmp_path: Path) -> None:
    tei, _ = converted(tmp_path, "The talks went well.\n"
                                 "Sent: to the printers on Monday, the text came back on Friday.\n"
                                 "We then read it again.\n")
    assert _count(tei, "count(//tei:body//tei:note[@type='distribution'])") == 0
    assert _count(tei, "count(//tei:body//tei:p[starts-with(.,'Sent:')])") == 1


def test_a_cc_list_with_indented_addressees_is_the_copies_list(tmp_path: Path) -> None:
    tei, _ = converted(tmp_path, "The Secretary asked for a paper by Monday.\n\nR. L. S.\n\n"
                                 "cc: EUR - Mr. Kohler\n    INR - Mr. Hilsman\n    S/P\n\nRLS/mb\n")
    assert _count(tei, "count(//tei:body//tei:note[@type='distribution']/tei:list[tei:head='cc:']"
                       "/tei:item)") == 3
    assert _count(tei, "count(//tei:body//tei:closer[.//tei:persName='R. L. S.'])") == 1
    assert _count(tei, "count(//tei:body//tei:closer/tei:seg[@type='reference-initials']"
                       "[.='RLS/mb'])") == 1
    assert _count(tei, "count(//tei:body//tei:persName[contains(.,'RLS')])") == 0
    assert _count(tei, "count(//tei:body//tei:p[contains(.,'Kohler') or contains(.,'S/P')])") == 0


def test_reference_initials_right_after_the_signature_end_its_closer(tmp_path: Path) -> None:
    tei, _ = converted(tmp_path, "The Secretary asked for a paper by Monday.\nIt was ready.\n"
                                 "Dean Rusk\nDR:ek\n")
    assert _count(tei, "count(//tei:body//tei:closer)") == 1
    assert _count(tei, "count(//tei:closer[tei:signed][tei:seg[@type='reference-initials']])") == 1


def test_without_a_signature_the_initials_line_is_still_no_signer(tmp_path: Path) -> None:
    tei, _ = converted(tmp_path, "The Secretary asked for a paper by Monday, and it was ready "
                                 "on time.\nDR:ek\n")
    assert _count(tei, "count(//tei:body//tei:closer[not(tei:signed)]"
                       "/tei:seg[@type='reference-initials'][.='DR:ek'])") == 1
    assert _count(tei, "count(//tei:body//tei:persName)") == 0


@pytest.mark.parametrize(("text", "matches"), [
    ("HM:jr", True), ("RLS/mb", True), ("HM:jr:kl", True), ("NATO", False), ("Re:cuba", False),
    ("H. M.", False), ("cc:jr", False)])
def test_reference_initials_are_capitals_then_lower_case(text: str, matches: bool) -> None:
    assert bool(REFERENCE_INITIALS.fullmatch(text)) is matches

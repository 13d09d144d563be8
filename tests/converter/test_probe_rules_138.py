"""Rules of probe10 for its layouts 138-143 (issue #10), on texts other than the fixtures,
each with the case where the same signs mean something else."""

from __future__ import annotations

from pathlib import Path

import pytest
from test_probe_rules_080 import converted
from test_probe_rules_080 import count as _count

from toolkit.encoding import annexes, cable, layouts, minutes, structure as cue, underline


# -- a cable's date-time group and routing fields (138) -------------------------------------------
@pytest.mark.parametrize(("text", "when"), [("P 121530Z JAN 68", "1968-01-12T15:30:00Z"),
                                            ("Z 010001Z DEC 79", "1979-12-01T00:01:00Z"),
                                            ("IMMEDIATE 290945Z FEB 72", "1972-02-29T09:45:00Z")])
def test_a_date_time_group_is_dated_to_the_minute(text: str, when: str) -> None:
    found = cable.DATE_TIME_GROUP.match(text)
    assert found is not None and cable.group_date(found) == when


@pytest.mark.parametrize("text", ["O 312218Z APR 74", "O 042518Z MAR 74", "042218 MAR 74",
                                  "PARA 042218Z"])
def test_no_date_time_group_where_the_moment_cannot_be(text: str) -> None:
    found = cable.DATE_TIME_GROUP.match(text)
    assert found is None or cable.group_date(found) is None


def test_the_routing_block_is_the_opener_and_the_drafting_data_the_closer(tmp_path: Path) -> None:
    tei, _ = converted(tmp_path, "SECRET\nP 121530Z JAN 68\nFM AMEMBASSY SAIGON\n"
                                 "TO SECSTATE WASHDC PRIORITY\nINFO AMEMBASSY BANGKOK\n"
                                 "1. GENERAL WESTMORELAND BRIEFED THE AMBASSADOR TODAY.\n"
                                 "2. FULL REPORT FOLLOWS BY SEPTEL.\nBUNKER\n"
                                 "Approved by: POL:JSmith\n")
    assert _count(tei, "count(//tei:opener/tei:dateline/tei:date[@when='1968-01-12T15:30:00Z'])") == 1
    assert _count(tei, "count(//tei:opener/tei:seg[@type='memo-field'][@subtype='from' or "
                       "@subtype='to' or @subtype='info'])") == 3
    assert _count(tei, "count(//tei:body//tei:head)") == 0
    assert _count(tei, "count(//tei:closer[tei:signed[.='BUNKER']]/tei:seg[@subtype='approved-by'])") == 1


def test_to_alone_is_an_addressee_not_a_routing_field(tmp_path: Path) -> None:
    tei, _ = converted(tmp_path, "TO THE CC CPSU\nThe delegation arrived today.\n"
                                 "The talks begin tomorrow.\n")
    assert _count(tei, "count(//tei:seg[@subtype='to'])") == 0
    assert _count(tei, "count(//tei:opener//tei:addrLine[contains(.,'CC CPSU')])") == 1


def test_drafted_by_in_the_text_stays_a_paragraph(tmp_path: Path) -> None:
    tei, _ = converted(tmp_path, "The note was sent on Monday.\nDrafted by: the legal department.\n"
                                 "It was approved by the minister.\n")
    assert _count(tei, "count(//tei:closer)") == 0


# -- an era's year with the Gregorian year beside it (142) ----------------------------------------
@pytest.mark.parametrize(("text", "when"), [("Pyongyang, 9 September, Juche 67 (1978)", "1978-09-09"),
                                            ("Taipei, 10 October, Minguo 50 (1961)", "1961-10-10")])
def test_an_era_date_is_dated_by_the_year_in_parentheses(text: str, when: str) -> None:
    found = cue.place_date(text)
    assert found is not None and found[1].when == when and "(" in found[0].group("date")


@pytest.mark.parametrize("text", ["Pyongyang, Juche 64", "Pyongyang, 15 April, Juche 64",
                                  "Pyongyang, in the Juche era (1975)"])
def test_an_era_year_without_its_gregorian_year_is_no_date(text: str) -> None:
    assert cue.place_date(text) is None


def test_a_head_of_state_s_two_offices_are_one_role_line() -> None:
    assert cue.office_line("First Secretary of the Central Committee of the Communist Party of "
                           "Cuba and Prime Minister of the Revolutionary Government")
    assert not cue.office_line("Secretary of the Party committee and the chairman said that "
                               "the harvest would be late this year in the whole province")


def test_to_his_excellency_is_an_addressee() -> None:
    assert cue.ADDRESSEE.match("To His Excellency Comrade Todor Zhivkov, Chairman of the State Council")
    assert not cue.ADDRESSEE.match("To his surprise the minister agreed.")


# -- headings underlined by = or - (140) ---------------------------------------------------------
def test_underlined_headings_are_the_head_and_the_sections(tmp_path: Path) -> None:
    tei, _ = converted(tmp_path, "ANNUAL REVIEW 1972\n==================\nTrade\n-----\n"
                                 "Exports rose by a tenth.\nImports fell.\nA. Political\n"
                                 "------------\nThe elections were quiet.\n")
    assert _count(tei, "count(//tei:body/tei:div/tei:head[starts-with(.,'ANNUAL REVIEW')])") == 1
    assert _count(tei, "count(//tei:div/tei:div[tei:head[starts-with(.,'Trade')]]/tei:p)") == 2
    assert _count(tei, "count(//tei:div[@n='A']/tei:head[contains(.,'------------')])") == 1
    assert _count(tei, "count(//tei:p[translate(normalize-space(.),'=-','')=''])") == 0


def test_a_rule_under_a_sentence_or_of_another_length_underlines_nothing() -> None:
    assert not underline._heading_over("The talks ended at noon.", "------------------------")
    assert not underline._heading_over("Trade", "------------------------------------")
    assert underline._heading_over("2. Trade relations", "------------------")


def test_a_rule_between_paragraphs_is_no_heading(tmp_path: Path) -> None:
    tei, _ = converted(tmp_path, "The first talk was about trade and it lasted two hours in all.\n"
                                 "----------\nThe second talk was about the border.\n")
    assert _count(tei, "count(//tei:head)") == 0


# -- annexes after the signature (141) -----------------------------------------------------------
def test_every_annex_after_the_signature_is_a_part_with_its_title(tmp_path: Path) -> None:
    tei, _ = converted(tmp_path, "The talks went well.\nThe minister will come in May.\n"
                                 "Ambassador\nP. Novák\nAppendix A\nDraft of the joint communiqué\n"
                                 "The two sides agreed on the text.\nAppendix B\n"
                                 "List of the delegation\n1. P. Novák\n2. J. Král\n")
    assert _count(tei, "count(//tei:back/tei:div[@type='appendix'])") == 2
    assert _count(tei, "count(//tei:back/tei:div[@type='appendix'][1]/tei:head)") == 2
    assert _count(tei, "count(//tei:back/tei:div[@type='appendix'][2]/tei:list[tei:head]"
                       "[count(tei:item)=2])") == 1


def test_a_later_annex_line_of_another_word_opens_no_part() -> None:
    blocks = [cue_block for cue_block in _lines("Annex 1", "Text.", "Appendix 2", "More.", "End.")]
    assert annexes.later_starts(blocks, 0) == []
    assert annexes.part_type("Enclosure No. 2") == "attachment"


def _lines(*texts: str) -> list[layouts.SourceBlock]:
    return [layouts.SourceBlock(t, ((0, n),)) for n, t in enumerate(texts, start=1)]


# -- minutes: Re N. sections and the organ under the byline (139) ---------------------------------
@pytest.mark.parametrize(("text", "n"), [("Zu 2.", "2"), ("Ad 3", "3"), ("Item 4:", "4"),
                                         ("Re 10.", "10")])
def test_an_agenda_item_line_numbers_its_section(text: str, n: str) -> None:
    assert minutes.item_number(text) == n


@pytest.mark.parametrize("text", ["Re: the border question", "Zu 2. Bericht über die Lage",
                                  "Re 1. The report was adopted.", "Item 4: trade"])
def test_a_line_that_goes_on_is_no_item_line(text: str) -> None:
    assert minutes.item_number(text) is None


def test_item_lines_open_sections_and_the_agenda_stays_a_list(tmp_path: Path) -> None:
    tei, _ = converted(tmp_path, "Agenda:\n1. Trade\n2. The border\nAd 1\n"
                                 "The trade report is adopted.\nAd 2\n"
                                 "The border question is postponed.\n")
    assert _count(tei, "count(//tei:list[count(tei:item)=2])") == 1
    assert _count(tei, "count(//tei:div[@n='2'][@type='item']/tei:p[contains(.,'postponed')])") == 1
    assert _count(tei, "count(//tei:div[@n])") == 2


# -- an interview (143) ---------------------------------------------------------------------------
def test_the_interviewer_s_name_is_a_field_and_the_remark_a_stage(tmp_path: Path) -> None:
    tei, _ = converted(tmp_path, "Interview with General K. Novak\nInterviewer: J. Smith\n"
                                 "Question: Where were you in August?\nAnswer: In the barracks.\n"
                                 "(Pause.)\nAnswer: We had no orders at all.\n"
                                 "Question: And then?\n(End of the tape.)\n")
    assert _count(tei, "count(//tei:head[starts-with(.,'Interview with')])") == 1
    assert _count(tei, "count(//tei:opener/tei:seg[@subtype='interviewer'])") == 1
    assert _count(tei, "count(//tei:stage[.='(Pause.)'])") == 1
    # after the last speech the remark is on the record, not between speeches: a paragraph
    assert _count(tei, "count(//tei:p[.='(End of the tape.)'])") == 1


def test_an_interviewer_who_speaks_is_a_speaker() -> None:
    assert layouts.speaker("Interviewer: Why did you leave the party?")
    assert not layouts.speaker("Interviewer: J. Smith")
    assert not layouts.speaker("Subject: the border question was raised")

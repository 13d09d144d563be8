"""Rules of probe13 for its layouts 150-155 (issue #10), on texts other than the fixtures,
each with the case where the same signs mean something else."""

from __future__ import annotations

from pathlib import Path

import pytest
from test_probe_rules_080 import converted
from test_probe_rules_080 import count as _count

from toolkit.encoding import outline, structure as cue
from toolkit.encoding.bracket_kinds import HAND_DESCRIBED, STRUCK


# -- a hand's resolution at the top (153) ------------------------------------------------------------
def test_a_resolution_written_at_the_top_is_a_note_and_the_top_goes_on(tmp_path: Path) -> None:
    tei, _ = converted(tmp_path, "[Minister's resolution across the top, handwritten: \"Agreed. "
                                 "Inform the embassy.\"]\nSECRET\nPrague, 3 May 1960\nMemorandum\n"
                                 "The delegation asked for visas for four experts.\n"
                                 "The department proposes to grant them.\n")
    assert _count(tei, "count(//tei:body/tei:div/tei:note[@type='handwritten']"
                       "[tei:add[contains(.,'Inform the embassy')]])") == 1
    assert _count(tei, "count(//tei:body//tei:fw[@type='classification'][.='SECRET'])") == 1
    assert _count(tei, "count(//tei:body//tei:dateline[tei:date[@when='1960-05-03']])") == 1
    assert _count(tei, "count(//tei:body//tei:head[.='Memorandum'])") == 1
    assert _count(tei, "count(//tei:body//tei:p[contains(.,'Agreed')])") == 0


def test_a_bracket_at_the_top_that_is_no_hand_stays_a_paragraph(tmp_path: Path) -> None:
    tei, _ = converted(tmp_path, "[Translated from the Czech by the embassy]\n"
                                 "The delegation asked for visas for four experts.\n"
                                 "The department proposes to grant them.\n")
    assert _count(tei, "count(//tei:body/tei:div/tei:note)") == 0
    assert _count(tei, "count(//tei:body//tei:p[contains(.,'Translated from the Czech')])") == 1


@pytest.mark.parametrize(("content", "described"), [
    ('Resolution in the upper left corner, handwritten: "Agreed."', True),
    ("Note by hand: see me", True),
    ("written in handwriting: no", True),
    ("the handwritten text is lost", False),
    ('quoted "handwritten: x"', False),
])
def test_a_description_of_handwriting_before_its_colon(content: str, described: bool) -> None:
    assert bool(HAND_DESCRIBED.match(content)) is described


def test_crossed_out_words_are_a_deletion_and_the_act_alone_is_not(tmp_path: Path) -> None:
    tei, _ = converted(tmp_path, "The minister would [struck through: never] agree to the plan.\n"
                                 "The second page was [deleted] by the archive.\n"
                                 "The rest stays as it is.\n")
    assert _count(tei, "count(//tei:body//tei:p//tei:note/tei:del[.='never'])") == 1
    assert _count(tei, "count(//tei:body//tei:del)") == 1
    assert bool(STRUCK.match("crossed out: not")) and not STRUCK.match("crossed out by him")


# -- an office over two lines (154) ---------------------------------------------------------------------
def test_an_office_in_capitals_going_on_with_of_is_one_byline(tmp_path: Path) -> None:
    tei, _ = converted(tmp_path, "TOP SECRET\nMINISTRY OF DEFENCE\nOF THE PEOPLE'S REPUBLIC\n"
                                 "Sofia, 4 June 1971\nThe exercises will begin on 1 July.\n"
                                 "The staff asks for the maps of the border area.\n")
    assert _count(tei, "count(//tei:body//tei:byline[contains(.,'MINISTRY OF DEFENCE')]"
                       "[contains(.,\"OF THE PEOPLE'S REPUBLIC\")][tei:lb])") == 1
    assert _count(tei, "count(//tei:body//tei:head[contains(.,'OF THE PEOPLE')])") == 0


def test_a_capital_line_without_a_connecting_word_is_not_joined_to_the_byline(tmp_path: Path) -> None:
    tei, _ = converted(tmp_path, "TOP SECRET\nMINISTRY OF DEFENCE\nINFORMATION\n"
                                 "The exercises will begin on 1 July.\n"
                                 "The staff asks for the maps of the border area.\n")
    assert _count(tei, "count(//tei:body//tei:byline[contains(.,'INFORMATION')])") == 0


def test_an_office_over_two_lines_above_the_name_is_one_role(tmp_path: Path) -> None:
    tei, _ = converted(tmp_path, "The consulate issued forty visas in May.\n"
                                 "The applications of June are being examined.\n"
                                 "Head of the Department\nfor Consular Affairs\nK. Novak\n")
    assert _count(tei, "count(//tei:closer/tei:signed[tei:roleName[contains(.,'Head of the "
                       "Department')][contains(.,'for Consular Affairs')][tei:lb]]"
                       "[tei:persName[.='K. Novak']])") == 1
    assert _count(tei, "count(//tei:body//tei:p[contains(.,'Consular Affairs')])") == 0


def test_a_sentence_going_on_with_for_is_no_office(tmp_path: Path) -> None:
    tei, _ = converted(tmp_path, "The consulate issued forty visas in May.\n"
                                 "The embassy thanks the ministry\nfor its help in the matter.\n"
                                 "K. Novak\n")
    assert _count(tei, "count(//tei:closer//tei:roleName)") == 0
    assert _count(tei, "count(//tei:body//tei:p[contains(.,'for its help')])") == 1


@pytest.mark.parametrize(("text", "following", "title"), [
    ("On the situation in the city of Herat", "According to our information the city is calm.", True),
    ("Concerning the visit of the trade delegation", "The delegation of the ministry will arrive in Sofia on 3 May.", True),
    ("On 12 March the delegation arrived", "It was received by the minister.", False),
    ("On the other hand, the talks failed.", "The delegation left.", False),
    ("On the situation in Herat", "", False),
    ("About the visit", "No.", False),  # over a line shorter than itself: no paragraph
])
def test_a_subject_title_opens_with_on_over_a_paragraph(text: str, following: str,
                                                       title: bool) -> None:
    assert cue.subject_title(text, following) is title


def test_special_file_is_a_handling_mark() -> None:
    assert cue.mark_type("Special file") == "classification"
    assert cue.mark_type("Special folder") == "classification"
    assert cue.mark_type("Special files were opened.") is None


# -- points four levels deep (152) ---------------------------------------------------------------------
@pytest.mark.parametrize(("text", "following", "lettered", "sub"), [
    ("I. GENERAL", "A. The economy", 2, True),
    ("A. The economy", "1. Industry", 2, True),
    ("I. GENERAL", "1. Industry", 0, True),
    ("1. Industry", "2. Agriculture", 2, False),  # one kind: an enumeration
    ("I. GENERAL", "A. The economy", 1, False),   # a lone lettered line: an initial, a name
    ("I. GENERAL", "The economy grew.", 2, False),
])
def test_a_heading_of_another_kind_under_a_heading_opens_its_first_subsection(
        text: str, following: str, lettered: int, sub: bool) -> None:
    assert outline.subheading(text, following, lettered) is sub


def test_sections_of_three_kinds_nest_by_the_order_the_text_uses_them(tmp_path: Path) -> None:
    tei, _ = converted(tmp_path, "I. INDUSTRY\nA. Heavy industry\n1. Steel\nSteel rose by 4 per cent.\n"
                                 "2. Coal\nCoal fell.\nB. Light industry\nTextiles were stable.\n"
                                 "II. AGRICULTURE\nA. Grain\nThe harvest was good.\n")
    assert _count(tei, "count(//tei:div[@n='I']/tei:div[@n='A']/tei:div[@n='2']"
                       "[tei:head[contains(.,'Coal')]])") == 1
    assert _count(tei, "count(//tei:div[@n='I']/tei:div[@n='B'][tei:p[contains(.,'Textiles')]])") == 1
    assert _count(tei, "count(//tei:div[@n='II']/tei:div[@n='A'])") == 1
    assert _count(tei, "count(//tei:div[@type='translation']/tei:div)") == 2


def test_sections_of_one_kind_stay_side_by_side(tmp_path: Path) -> None:
    tei, _ = converted(tmp_path, "1. Industry\nSteel rose by 4 per cent.\n"
                                 "2. Agriculture\nThe harvest was good.\n3. Trade\nTrade grew.\n")
    assert _count(tei, "count(//tei:div[@type='translation']/tei:div[@n])") == 3
    assert _count(tei, "count(//tei:div[@n]/tei:div)") == 0


# -- an OCR'd export: wide wraps with cut words, a running head with its page number (155) ----------
# lines of 104-112 characters, wider than most exports wrap (WRAP_MAX 100)
WIDE = ("The commission examined the proposals of both sides on the division of the costs of the new and longer inter-\n"
        "national pipeline and found that the figures of the previous year could not be taken over by the two sides\n"
        "without changes to the tariffs.\n"
        "The second question, the supply of spare parts, was settled quickly because the two large plants of the region\n"
        "had already agreed on the lists of the parts and on the dates of their delivery to the other side in the com-\n"
        "ing year.\n")


def test_wide_lines_with_words_cut_at_their_ends_are_hard_wrapped(tmp_path: Path) -> None:
    tei, _ = converted(tmp_path, WIDE)
    assert _count(tei, "count(//tei:body//tei:p)") == 2
    assert _count(tei, "count(//tei:body//tei:lb[@break='no'])") == 2
    assert _count(tei, "count(//tei:body//tei:pb)") == 0


def test_wide_lines_with_one_cut_word_stay_lines_of_their_own(tmp_path: Path) -> None:
    one = WIDE.replace("com-\ning year.", "coming\nyear.")
    tei, _ = converted(tmp_path, one.replace("inter-\nnational", "international\n"
                                                                 "and"))
    assert _count(tei, "count(//tei:body//tei:lb[@break='no'])") == 0


def test_a_running_head_with_its_page_number_is_the_page_break(tmp_path: Path) -> None:
    tei, _ = converted(tmp_path, "The delegation arrived on Monday and was met by the deputy minister.\n"
                                 "Ministry of Foreign Trade - page 2\n"
                                 "The talks began on Tuesday and the first question was the price of\n"
                                 "Ministry of Foreign Trade - page 3\n"
                                 "the machines, which the other side found too high.\n"
                                 "The talks go on.\n")
    assert _count(tei, "count(//tei:body//tei:pb[@n='2']/following-sibling::*[1]"
                       "[self::tei:fw[@type='header'][contains(.,'page 2')]])") == 1
    assert _count(tei, "count(//tei:body//tei:p[tei:pb[@n='3']][tei:fw[@type='header']]"
                       "[contains(.,'price of')][contains(.,'too high')])") == 1
    assert _count(tei, "count(//tei:body//tei:p[starts-with(normalize-space(.),'Ministry of')])") == 0


@pytest.mark.parametrize(("line", "head"), [
    ("Embassy of the FPRY in Moscow - page 2", True),
    ("Report on the talks | p. 14", True),
    ("The figures are given on - page 2", True),  # the shape alone: a line of its own
    ("See the table. - page 2", False),
    ("Embassy of the FPRY in Moscow - 2", False),  # `- 2 -` and `- 2` are the dashed forms'
])
def test_a_running_head_line_ends_with_its_page_number(line: str, head: bool) -> None:
    from toolkit.encoding.blocks import HEADED_PAGE
    assert bool(HEADED_PAGE.match(line)) is head


@pytest.mark.parametrize(("line", "kinds"), [
    ("Strictly confidential No. 418", ["classification", "number"]),
    ("SECRET No. 12/64", ["classification", "number"]),
    ("Confidential report No. 4", None),
    ("Number 418 is secret", None),
])
def test_a_classification_and_its_number_on_one_line(line: str, kinds: list[str] | None) -> None:
    from toolkit.encoding.blocks import SourceBlock
    found = cue.marks(SourceBlock(line, ((0, 1),)))
    assert (None if found is None else [k for _, k in found]) == kinds


def test_an_office_alone_at_the_very_top_is_the_byline(tmp_path: Path) -> None:
    tei, _ = converted(tmp_path, "Embassy of the GDR in Hanoi\nHanoi, 3 May 1966\n"
                                 "The delegation arrived on Monday.\nThe talks go on.\n")
    assert _count(tei, "count(//tei:body//tei:opener/tei:byline[contains(.,'Embassy of the GDR')])") == 1
    tei, _ = converted(tmp_path, "The embassy of the GDR in Hanoi reports.\nThe talks go on.\n")
    assert _count(tei, "count(//tei:body//tei:byline)") == 0


# -- a resolution's preamble and its unsigned closing dateline (151) -------------------------------
def test_preamble_clauses_are_blocks_of_their_own_and_the_place_and_date_close(tmp_path: Path) -> None:
    tei, _ = converted(tmp_path, "The Council of Ministers,\n"
                                 "Considering the needs of the coal industry in the northern region,\n"
                                 "Having examined the proposal of the Ministry of Mining,\n"
                                 "decides:\n"
                                 "1. To open two new mines in 1973.\n"
                                 "2. To train five hundred miners in the coming year.\n"
                                 "Hanoi, 4 May 1972\n")
    assert _count(tei, "count(//tei:body//tei:p[starts-with(normalize-space(.),'Considering')]"
                       "[not(contains(.,'Having'))])") == 1
    assert _count(tei, "count(//tei:body//tei:p[starts-with(normalize-space(.),'Having examined')]"
                       "[not(contains(.,'decides'))])") == 1
    assert _count(tei, "count(//tei:body//tei:pb)") == 0
    assert _count(tei, "count(//tei:body//tei:closer[not(tei:signed)]/tei:dateline"
                       "[tei:date[@when='1972-05-04']])") == 1


def test_a_participle_going_on_with_its_sentence_is_no_preamble(tmp_path: Path) -> None:
    from toolkit.encoding import preamble
    assert preamble.starts_anew("The Council of Ministers,", "Noting the report,")
    assert not preamble.starts_anew("The council met on Monday and", "Noting the report,")
    assert not preamble.starts_anew("the ministry", "decides to act")
    assert preamble.starts_anew("the ministry,", "resolves:")


def test_a_place_and_date_under_a_signature_stays_the_signature_s(tmp_path: Path) -> None:
    tei, _ = converted(tmp_path, "The exercises will begin on 1 July.\nThe staff asks for maps.\n"
                                 "Ambassador\nK. Novak\nSofia, 4 June 1971\n")
    assert _count(tei, "count(//tei:body//tei:closer)") == 1
    assert _count(tei, "count(//tei:body//tei:closer[tei:signed]/tei:dateline)") == 1


# -- two delegations side by side (150) -------------------------------------------------------------
SIDES = ("The talks were held in Prague.\nPresent at the talks:\n"
         "For the Hungarian side:        For the Czechoslovak side:\n"
         "Cde. A. Kovács, Minister       Cde. B. Novák, Minister\n"
         "Cde. C. Tóth, Adviser          Cde. D. Dvořák, Adviser\n"
         "The two sides agreed to meet again in May.\n")


def test_two_lists_side_by_side_are_read_column_by_column(tmp_path: Path) -> None:
    tei, _ = converted(tmp_path, SIDES)
    assert _count(tei, "count(//tei:body//tei:list[@type='sides'][tei:head[.='Present at the talks:']]"
                       "/tei:item/tei:list[@rend='columns'])") == 2
    assert _count(tei, "count(//tei:list[@rend='columns'][1][tei:head[contains(.,'Hungarian')]]"
                       "[tei:item[2][contains(.,'Tóth')]])") == 1
    assert _count(tei, "count(//tei:body//tei:p[contains(.,'Kovács') or contains(.,'Present at')])") == 0


def test_two_fields_without_headings_with_colons_are_no_side_lists(tmp_path: Path) -> None:
    tei, _ = converted(tmp_path, SIDES.replace("side:        For", "side         For")
                                      .replace("Czechoslovak side:\n", "Czechoslovak side\n"))
    assert _count(tei, "count(//tei:body//tei:list[@rend='columns'])") == 0


# -- a day and month without a year, half a year from the document's date (152) ------------------
@pytest.mark.parametrize(("text", "document", "when"), [
    ("12 January", "1974-07-15", "1974-01-12"),  # the later day only 3 days nearer: the past
    ("10 January", "1965-12-15", "1966-01-10"),  # the later day far nearer: next month
    ("5 June", "1965-01-08", "1965-06-05"),       # the earlier day much farther: the later
    ("31 December", "1965-01-08", "1964-12-31"),
    ("20 May", "1974-07-15", "1974-05-20"),
])
def test_a_day_and_month_half_a_year_away_is_taken_in_the_past(text: str, document: str,
                                                                 when: str) -> None:
    from toolkit.encoding import dates
    found = dates.day_and_month(text, document)
    assert found is not None and found.when == when and found.cert == "medium"

"""Rules of struct16 (issue #10): tables of tab-separated rows and their label heads, the
issuing body over its office at the top, an organ's abbreviations as the addressee, the
addressee at the foot, Indian file numbers and dates, each on invented texts other than the
layouts, with the case where the same signs mean something else. Expectations written by
hand before the texts were converted."""

from __future__ import annotations

from pathlib import Path

import pytest
from test_probe_rules_080 import converted
from test_probe_rules_080 import count as _count

from toolkit.encoding import structure as cue

BODY = ("The delegation arrived on Monday and was received by the minister.\n"
        "The talks will go on tomorrow in the building of the ministry.\n")


# -- rows of tab-separated cells ------------------------------------------------------------------
def test_two_rows_of_tab_separated_cells_are_a_table(tmp_path: Path) -> None:
    tei, _ = converted(tmp_path, "REPORT\n" + BODY + "Members of the commission:\n"
                                 "Colonel Ivan Petrov\tchairman\n"
                                 "Major Karel Dvorak\tsecretary\n" + BODY)
    assert _count(tei, "count(//tei:table/tei:row[count(tei:cell)=2])") == 2
    assert _count(tei, "count(//tei:p[contains(., '\t')])") == 0
    assert _count(tei, "count(//tei:table/tei:head[.='Members of the commission:'])") == 1
    assert _count(tei, "count(//tei:p[.='Members of the commission:'])") == 0


def test_rows_of_different_widths_are_no_table(tmp_path: Path) -> None:
    tei, _ = converted(tmp_path, "REPORT\n" + BODY + "Colonel Ivan Petrov\tchairman\n"
                                 "Major Karel Dvorak\tsecretary\tof the session\n" + BODY)
    assert _count(tei, "count(//tei:table)") == 0


def test_one_tabbed_line_or_tabbed_fields_are_no_table(tmp_path: Path) -> None:
    tei, _ = converted(tmp_path, "TELEGRAM\nFrom HANOI\tTo PRAGUE\nSent 3.IV.65 10:00\tReceived "
                                 "3.IV.65 14:00\n" + BODY + "Colonel Ivan Petrov\tchairman\n"
                                 + BODY)
    assert _count(tei, "count(//tei:table)") == 0
    assert _count(tei, "count(//tei:opener/tei:seg[@subtype='from' or @subtype='received'])") == 2


def test_a_label_over_a_table_of_spaced_columns_is_its_head(tmp_path: Path) -> None:
    tei, _ = converted(tmp_path, "REPORT\n" + BODY + "Deliveries in 1962:\n"
                                 "Tractors     120     340\nTrucks     45     80\n"
                                 "Buses     12     30\n" + BODY)
    assert _count(tei, "count(//tei:table[tei:head[.='Deliveries in 1962:']]/tei:row)") == 3


# -- the top: the issuing body, its office, the addressee --------------------------------------------
def test_an_office_under_the_issuing_body_is_the_bylines_next_line(tmp_path: Path) -> None:
    tei, _ = converted(tmp_path, "SECRET\nBULGARIAN MINISTRY OF FOREIGN AFFAIRS\n"
                                 "SECOND EUROPEAN DEPARTMENT\nINFORMATION\n"
                                 "on the talks in Belgrade\n" + BODY)
    assert _count(tei, "count(//tei:opener/tei:byline[contains(.,'MINISTRY OF FOREIGN AFFAIRS')]"
                       "[contains(.,'SECOND EUROPEAN DEPARTMENT')][tei:lb])") == 1
    assert _count(tei, "count(//tei:head[contains(.,'DEPARTMENT')])") == 0
    assert _count(tei, "count(//tei:head[starts-with(.,'INFORMATION')])") == 1


def test_a_document_kind_under_the_byline_stays_the_title(tmp_path: Path) -> None:
    tei, _ = converted(tmp_path, "Government of Ghana\nMemorandum\n" + BODY)
    assert _count(tei, "count(//tei:opener/tei:byline[.='Government of Ghana'])") == 1
    assert _count(tei, "count(//tei:head[.='Memorandum'])") == 1


def test_an_organs_abbreviations_over_the_title_are_the_addressee(tmp_path: Path) -> None:
    tei, _ = converted(tmp_path, "TOP SECRET\nCC SED\nOn the situation in the border districts\n"
                                 + BODY)
    assert _count(tei, "count(//tei:opener/tei:address/tei:addrLine[.='CC SED'])") == 1
    assert _count(tei, "count(//tei:head[.='CC SED'])") == 0
    assert _count(tei, "count(//tei:head[starts-with(.,'On the situation')])") == 1


def test_a_title_in_capitals_is_no_addressee(tmp_path: Path) -> None:
    tei, _ = converted(tmp_path, "TOP SECRET\nMEMORANDUM\n" + BODY)
    assert _count(tei, "count(//tei:address)") == 0
    assert _count(tei, "count(//tei:head[.='MEMORANDUM'])") == 1


# -- an Indian office memorandum -------------------------------------------------------------------
@pytest.mark.parametrize(("text", "kind"), [
    ("No. F.12/3/71-AMS", "number"), ("No. D.4471-JS/69", "number"), ("No. 1234-A/ov", "number"),
    ("No. comment", None), ("No. Further news", None)])
def test_a_file_number_with_its_series_letters_is_a_number_mark(text: str, kind: str | None) -> None:
    assert cue.mark_type(text) == kind


@pytest.mark.parametrize(("text", "place", "when"), [
    ("Calcutta, the 3rd April, 1969", "Calcutta", "1969-04-03"),
    ("Washington, May 2, 1970", "Washington", "1970-05-02"),
    ("Sofia, 7 March 1968.", "Sofia", "1968-03-07")])
def test_place_and_date_with_the_article_and_a_comma(text: str, place: str, when: str) -> None:
    found = cue.place_date(text)
    assert found is not None
    assert found[0].group("place") == place and found[1].when == when


def test_no_place_date_without_a_date() -> None:
    assert cue.place_date("Moscow, the capital") is None


@pytest.mark.parametrize(("text", "office"), [
    ("Under Secretary to the Government of India", True), ("Acting Director", True),
    ("Under the agreement", False), ("Senior citizens of the town", False)])
def test_a_grade_before_an_office_word_is_an_office(text: str, office: bool) -> None:
    assert cue.office_line(text) is office


def test_to_over_the_addressee_under_the_signature_is_the_closers_address(tmp_path: Path) -> None:
    tei, _ = converted(tmp_path, "MEMORANDUM\n" + BODY + "(Sd.) R. N. Kaul\n"
                                 "Under Secretary to the Government of India\n"
                                 "To\nThe Chief Secretary,\nGovernment of Assam,\nShillong.\n")
    assert _count(tei, "count(//tei:closer/tei:signed[tei:persName[.='R. N. Kaul']])") == 1
    assert _count(tei, "count(//tei:closer/tei:address/tei:addrLine)") == 4
    assert _count(tei, "count(//tei:p[.='To' or .='Shillong.'])") == 0


def test_to_in_the_running_text_is_no_address(tmp_path: Path) -> None:
    tei, _ = converted(tmp_path, "MEMORANDUM\n" + BODY + "To\nthe minister the talks seemed "
                                 "useful, and he said so twice in the course of the evening.\n"
                                 "(Sd.) R. N. Kaul\n")
    assert _count(tei, "count(//tei:address)") == 0


# -- a meeting report's one-word fields, an announced agenda, a rank, the hours ------------------
def test_one_word_labels_with_short_values_are_a_forms_fields(tmp_path: Path) -> None:
    tei, _ = converted(tmp_path, "BERICHT\nOrt: Dresden, Hotel Bellevue\nZeit: 3.5.1979\n"
                                 "Leitung: Major Weber\n" + BODY)
    assert _count(tei, "count(//tei:seg[@type='memo-field'][tei:label[.='Ort:' or .='Zeit:' or "
                       ".='Leitung:']])") == 3
    assert _count(tei, "count(//tei:sp)") == 0


def test_speakers_who_speak_again_are_no_fields(tmp_path: Path) -> None:
    tei, _ = converted(tmp_path, "RECORD OF CONVERSATION\nKim: Welcome\nNovak: Thank you\n"
                                 "Petrov: Good day\nKim: We shall begin with the question of the "
                                 "border, which the commission has not settled.\n" + BODY)
    assert _count(tei, "count(//tei:seg[@type='memo-field'])") == 0
    assert _count(tei, "count(//tei:sp)") >= 3


def test_points_after_a_line_naming_the_agenda_are_a_list(tmp_path: Path) -> None:
    tei, _ = converted(tmp_path, "MINUTES\n" + BODY + "The chairman read out the agenda:\n"
                                 "1. Report of the secretary.\n2. The budget for 1966.\n"
                                 "3. Any other business.\n" + BODY)
    assert _count(tei, "count(//tei:list/tei:item)") == 3


def test_sentences_after_a_plain_colon_stay_numbered_paragraphs(tmp_path: Path) -> None:
    tei, _ = converted(tmp_path, "REPORT\n" + BODY + "The minister said the following:\n"
                                 "1. Trade will grow next year.\n2. The border is calm.\n" + BODY)
    assert _count(tei, "count(//tei:list/tei:item)") == 0
    assert _count(tei, "count(//tei:p[@n='1' or @n='2'])") == 2


def test_a_rank_under_the_name_is_the_signers_role(tmp_path: Path) -> None:
    tei, _ = converted(tmp_path, "REPORT\n" + BODY + "Schulze\nHauptmann\n")
    assert _count(tei, "count(//tei:closer/tei:signed[tei:persName[.='Schulze']]"
                       "[tei:roleName[.='Hauptmann']])") == 1


def test_a_span_of_hours_under_the_title_is_the_dateline(tmp_path: Path) -> None:
    tei, _ = converted(tmp_path, "Record of the Talks with the Delegation of Mali\n"
                                 "(3:00 p.m.–4:45 p.m., 12 June 1961)\n" + BODY)
    assert _count(tei, "count(//tei:opener/tei:dateline[tei:time[@when='15:00:00']]"
                       "[tei:time[@when='16:45:00']][tei:date[@when='1961-06-12']])") == 1
    assert _count(tei, "count(//tei:text//tei:p[contains(.,'p.m.')])") == 0


def test_a_time_in_a_sentence_is_no_dateline(tmp_path: Path) -> None:
    tei, _ = converted(tmp_path, "REPORT\n" + BODY + "(The talks lasted from 3:00 to 4:45 p.m.)\n"
                                 + BODY)
    assert _count(tei, "count(//tei:dateline)") == 0


# -- every inline enumeration of a paragraph --------------------------------------------------------
def test_a_second_inline_enumeration_in_a_paragraph_is_a_list_too(tmp_path: Path) -> None:
    tei, _ = converted(tmp_path, "REPORT\nThe commission proposed two measures: (a) a census of "
                                 "the refugees; (b) new camps in the north. The ministry asked "
                                 "for three things: (1) more trucks; (2) fuel; (3) doctors. The "
                                 "talks went on.\n" + BODY)
    assert _count(tei, "count(//tei:p/tei:list[@rend='inline'])") == 2
    assert _count(tei, "count(//tei:list[@rend='inline']/tei:item)") == 5
    assert _count(tei, "count(//tei:p[contains(.,'The talks went on.')])") == 1


def test_a_reference_to_a_point_after_the_list_stays_text(tmp_path: Path) -> None:
    tei, _ = converted(tmp_path, "REPORT\nThe commission proposed two measures: (a) a census of "
                                 "the refugees; (b) new camps. It began with (a) in May.\n" + BODY)
    assert _count(tei, "count(//tei:list[@rend='inline'])") == 1
    assert _count(tei, "count(//tei:list[@rend='inline']/tei:item)") == 2


# -- a name field's name, family name first -------------------------------------------------------
def test_a_name_fields_name_family_name_first_is_a_persname(tmp_path: Path) -> None:
    tei, _ = converted(tmp_path, "PERSONNEL FILE\nName: SZABÓ, Péter\nDate of birth: 4 June 1930\n"
                                 "Place of birth: Pécs\n" + BODY)
    assert _count(tei, "count(//tei:seg[tei:label[.='Name:']]/tei:persName[.='SZABÓ, Péter'])") == 1


def test_a_name_field_of_no_person_stays_text(tmp_path: Path) -> None:
    tei, _ = converted(tmp_path, "PERSONNEL FILE\nName: not known\nDate of birth: 4 June 1930\n"
                                 "Place of birth: Pécs\n" + BODY)
    assert _count(tei, "count(//tei:seg[tei:label[.='Name:']]/tei:persName)") == 0


# -- what follows the recorders in their line (165) -------------------------------------------
def test_a_name_after_the_recorders_is_tagged_too(tmp_path: Path) -> None:
    tei, _ = converted(tmp_path, "Record of Conversation\n" + BODY
                       + "(Recorded by Li Wei; checked by Wang Dongming)\n")
    assert _count(tei, "count(//tei:closer/tei:signed/tei:persName)") == 2
    assert _count(tei, "count(//tei:signed/tei:persName[.='Wang Dongming'])") == 1
    tei, _ = converted(tmp_path, "Record of Conversation\n" + BODY
                       + "(Recorded by Li Wei; two copies made)\n")
    assert _count(tei, "count(//tei:closer/tei:signed/tei:persName)") == 1
    assert _count(tei, "count(//tei:signed[contains(., '; two copies made)')])") == 1


# -- a government named by whose it is (164's byline) ------------------------------------------
def test_a_government_of_a_country_is_one_org(tmp_path: Path) -> None:
    tei, _ = converted(tmp_path, "REPORT\nThe Government of India asked for the talks. The "
                                 "Soviet Government of the day agreed.\n" + BODY)
    assert _count(tei, "count(//tei:orgName[.='Government of India'])") == 1
    assert _count(tei, "count(//tei:orgName[contains(., 'Soviet')])") == 0

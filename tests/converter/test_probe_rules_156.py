"""Rules of probe14 for its layouts 156-161 (issue #10), on texts other than the fixtures,
each with the case where the same signs mean something else."""

from __future__ import annotations

from pathlib import Path

import pytest
from test_probe_rules_080 import converted
from test_probe_rules_080 import count as _count

from toolkit.encoding import forms, structure as cue
from toolkit.encoding.blocks import SourceBlock


# -- marks: the US `LIMITED OFFICIAL USE` (157), a mark in full-width brackets (160) -----------------
@pytest.mark.parametrize(("text", "kind"), [
    ("LIMITED OFFICIAL USE", "classification"),
    ("Limited Official Use Only", "classification"),
    ("【Top Secret】", "classification"),
    ("【極秘】", None),  # a mark in the original's script is not read (no word list for it)
    ("〔Confidential〕", "classification"),
    ("【On the Question of Claims】", None),  # a title in the brackets, no mark
    ("【Top Secret", None),  # unpaired: no frame
    ("limited official use of the port", None),
])
def test_mark_kinds(text: str, kind: str | None) -> None:
    assert cue.mark_type(text) == kind


def test_limited_official_use_at_the_top_is_the_classification(tmp_path: Path) -> None:
    tei, _ = converted(tmp_path, "LIMITED OFFICIAL USE\nSUBJECT: FISHING RIGHTS\n"
                                 "1. THE MINISTRY HANDED US A NOTE TODAY.\n"
                                 "2. WE RECOMMEND THAT THE DEPARTMENT ACCEPT.\n")
    assert _count(tei, "count(//tei:body//tei:fw[@type='classification']"
                       "[.='LIMITED OFFICIAL USE'])") == 1
    assert _count(tei, "count(//tei:body//tei:head[.='LIMITED OFFICIAL USE'])") == 0


def test_a_full_width_framed_mark_keeps_its_brackets_and_the_title_under_it(tmp_path: Path) -> None:
    tei, _ = converted(tmp_path, "【Secret】\nRecord of the Meeting between the Minister and the "
                                 "Ambassador\nThe Minister opened the talks at ten.\n"
                                 "The Ambassador answered that his government agreed.\n")
    assert _count(tei, "count(//tei:body//tei:fw[@type='classification'][.='【Secret】'])") == 1
    assert _count(tei, "count(//tei:body//tei:head[starts-with(.,'Record of the Meeting')])") == 1


def test_a_framed_title_is_no_mark(tmp_path: Path) -> None:
    tei, _ = converted(tmp_path, "【On the Question of Claims】\nThe Minister opened the talks.\n"
                                 "The Ambassador answered that his government agreed.\n")
    assert _count(tei, "count(//tei:body//tei:fw)") == 0


@pytest.mark.parametrize(("text", "title"), [
    ("Record of the Meeting between Minister Ōhira and Ambassador Kim", True),
    ("Record of a Meeting with the Ambassador", True),
    ("Record of the meeting was kept by the embassy.", False),  # a sentence
])
def test_record_of_the_meeting_is_a_title(text: str, title: bool) -> None:
    assert cue.title_like(text) is title


# -- `Compiled by ..., 20 September 1958` is no place and date (158) --------------------------------
@pytest.mark.parametrize(("text", "dated"), [
    ("Compiled by the First Asian Department, 20 September 1958", False),
    ("Prepared BY THE EMBASSY, 3 May 1960", False),
    ("Grimsby, 3 May 1960", True),  # `by` inside a word
    ("Sofia, 7 March 1968", True),
])
def test_a_maker_is_no_place(text: str, dated: bool) -> None:
    assert (cue.place_date(text) is not None) is dated


def test_the_compilers_line_closing_a_chronology_names_no_place(tmp_path: Path) -> None:
    tei, _ = converted(tmp_path, "CHRONOLOGY\n3 May 1960 - The talks open.\n"
                                 "4 May 1960 - The talks close.\n"
                                 "Compiled by the Second Department, 6 May 1960.\n")
    assert _count(tei, "count(//tei:body//tei:placeName[contains(.,'Compiled')])") == 0
    assert _count(tei, "count(//tei:body//tei:date[@when='1960-05-06'])") == 1


# -- a form's fields (159) ---------------------------------------------------------------------
def test_a_cards_fields_are_memo_fields_not_a_dialogue(tmp_path: Path) -> None:
    tei, _ = converted(tmp_path, "PERSONAL FILE\nName: KOVÁCS, Anna\nBorn: 4 June 1930, Pécs\n"
                                 "Place of work: Ministry of Trade\nEducation: university of "
                                 "economics\nLanguages: French (good)\n"
                                 "Budapest, 2 March 1964\n")
    assert _count(tei, "count(//tei:body//tei:opener/tei:seg[@type='memo-field']"
                       "[tei:label[.='Place of work:']])") == 1
    assert _count(tei, "count(//tei:body//tei:opener/tei:seg[@type='memo-field'])") == 5
    assert _count(tei, "count(//tei:body//tei:sp)") == 0
    assert _count(tei, "count(//tei:body//tei:seg//tei:date[@when='1930-06-04'])") == 1


@pytest.mark.parametrize("body", [
    # a dialogue: the speakers' names capitalised, labels that come back
    "Zhou Enlai: We agree with the proposal of the comrades.\nKim Il Sung: Then we shall sign "
    "it tomorrow.\nZhou Enlai: The experts will meet first.\nKim Il Sung: That is good.\n",
    # only two fields of a form's kind in a row: too few to read a form
    "Date of birth: 4 June 1930\nPlace of work: the ministry\nThe report on her work follows "
    "below in full.\nShe has worked in the ministry since 1955.\n",
])
def test_no_form_where_the_lines_are_speeches_or_too_few(tmp_path: Path, body: str) -> None:
    tei, _ = converted(tmp_path, body)
    assert _count(tei, "count(//tei:body//tei:seg[@type='memo-field'][tei:label["
                       "starts-with(.,'Zhou') or starts-with(.,'Date of') or "
                       "starts-with(.,'Place of')]])") == 0


def test_the_form_goes_on_under_a_line_of_its_own() -> None:
    units = ["Name: A. B.", "Born: 1921", "Party member since: 1945", "Positions held:",
             "1946-1949     secretary", "Languages: Russian", "Name: again"]
    blocks = [SourceBlock(text, ((0, n),)) for n, text in enumerate(units, start=1)]
    assert forms.field_units(blocks) == {0, 1, 2, 5}  # `Name:` twice: the second is no field


# -- a career in two columns, the years opening each row (159) ---------------------------------------
@pytest.mark.parametrize(("lines", "rows"), [
    (["1946-1949     secretary of the district committee", "1949-1956     official of the ministry",
      "1957-         deputy head of department"], 3),
    (["1946 – 1949\tsecretary", "1950\tofficial", "1951-1960\tcounsellor"], 3),
    (["1946-1949     secretary", "1949-1956     official"], 0),  # two rows: too few
    # two fields of other kinds: an office and a date, two signers side by side
    (["Head of Section 4     Berlin, 12 March 1994", "For the GDR     For the USSR",
      "W. Ulbricht     N. Khrushchev"], 0),
    (["1946-1949     secretary", "Kovács     Berlin, 3 May 1962", "1957-     deputy head"], 0),
])
def test_two_columns_are_a_table_only_with_years_opening_each_row(lines: list[str],
                                                                    rows: int) -> None:
    from toolkit.encoding import layouts
    units = [SourceBlock(text, ((0, n),)) for n, text in enumerate(lines, start=1)]
    assert layouts.table_rows(units, 0) == rows


# -- a date line left in the original language (156), by the lead ------------------------------------
@pytest.mark.parametrize(("text", "when"), [
    ("den 12. März 1965", "1965-03-12"), ("12. Juli 1965", "1965-07-12"),
    ("dnia 2 marca 1965 r.", "1965-03-02"), ("2 października 1970", "1970-10-02"),
    ("dne 12. března 1965", "1965-03-12"), ("1965. március 12.", "1965-03-12"),
    ("le 3 mars 1962", "1962-03-03"), ("12 de março de 1965", "1965-03-12"),
    ("21 aprile 1964", "1964-04-21")])
def test_a_date_in_the_original_language_is_dated(text: str, when: str) -> None:
    from toolkit.encoding import dates
    found = dates.parse_date(text)
    assert found is not None and found.when == when


# a month's name alone or with a year only is another word in English text (`Mars`, `Mai`); a
# day the month has not; a word that is no month
@pytest.mark.parametrize("text", ["Mars 1965", "mars", "Mai 1965", "31. Februar 1965", "12 Marsh 1965",
                                  "12 März", "the 12 März 1965", "12 marca 1965 roku roku"])
def test_no_foreign_date_without_its_day_and_year(text: str) -> None:
    from toolkit.encoding import dates
    assert dates.parse_date(text) is None


def test_the_body_over_an_office_beside_its_german_dateline_is_the_byline(tmp_path: Path) -> None:
    tei, _ = converted(tmp_path, "Ministerium für Außenhandel\n"
                                 "Der Leiter der Abteilung       Leipzig, den 3. Mai 1966\n"
                                 "Dear Comrade Director,\n"
                                 "The samples arrived on 2 May and were passed on.\n"
                                 "We shall write again after the fair.\n")
    # the body and the office under it: one byline over two lines (struct15)
    assert _count(tei, "count(//tei:body//tei:opener/tei:byline[starts-with(.,'Ministerium "
                       "für Außenhandel')][tei:lb][contains(.,'Der Leiter der Abteilung')])") == 1
    assert _count(tei, "count(//tei:body//tei:opener/tei:byline)") == 1
    assert _count(tei, "count(//tei:body//tei:opener/tei:dateline"
                       "[tei:placeName='Leipzig'][tei:date/@when='1966-05-03'])") == 1
    assert _count(tei, "count(//tei:body//tei:p[contains(.,'Ministerium')])") == 0


@pytest.mark.parametrize("first", [
    "The delegation left on Monday.",  # a sentence
    "Received: 4 copies",  # a field, figures
])
def test_no_byline_from_a_sentence_over_the_office_line(tmp_path: Path, first: str) -> None:
    tei, _ = converted(tmp_path, f"{first}\nDer Leiter der Abteilung       Leipzig, den 3. Mai 1966\n"
                                 "The samples arrived on 2 May and were passed on.\n"
                                 "We shall write again after the fair.\n")
    assert _count(tei, "count(//tei:body//tei:byline[contains(.,'" + first[:8] + "')])") == 0

"""Rules of probe8 for its layouts 126-131 (issue #10), on texts other than the fixtures,
each with the case where the same signs mean something else."""

from __future__ import annotations

from pathlib import Path

import pytest
from test_probe_rules_080 import NS, converted
from test_probe_rules_080 import count as _count

from toolkit.encoding import structure as cue


# -- marks and numbers ---------------------------------------------------------------------------
@pytest.mark.parametrize("text", ["Streng geheim!", "GEHEIM", "Vertraulich", "VS-Vertraulich",
                                  "Nur für den Dienstgebrauch", "Geheime Verschlusssache"])
def test_german_classifications_are_classification_marks(text: str) -> None:
    assert cue.mark_type(text) == "classification"


@pytest.mark.parametrize("text", ["Streng geheim ist das nicht.", "Geheimdienst",
                                  "Vertraulichkeit der Gespräche"])
def test_german_words_that_are_no_mark(text: str) -> None:
    assert cue.mark_type(text) is None


@pytest.mark.parametrize("text", ["Special No. 842", "Nr. 412/75", "special no. 3"])
def test_special_and_german_numbers_are_number_marks(text: str) -> None:
    assert cue.mark_type(text) == "number"


@pytest.mark.parametrize("text", ["Special envoy No. 1", "Special attention", "Nr. of copies"])
def test_other_lines_with_special_or_nr_are_no_number_mark(text: str) -> None:
    assert cue.mark_type(text) is None


def test_a_document_kind_with_a_german_number_is_a_title() -> None:
    assert cue.title_like("Information Nr. 18/62")
    assert cue.title_like("Report Nr. 7 on the harvest")
    assert not cue.title_like("Information. Nr. 7 is missing")


# -- the end: hand-signed marks, the place and date above the signature, the box -----------------
@pytest.mark.parametrize(("text", "name"), [("Kovács Imre s.k.", "Kovács Imre"),
                                            ("L. Szabó, s. k.", "L. Szabó")])
def test_s_k_after_a_name_is_the_hand_signed_mark(text: str, name: str) -> None:
    found = cue.hand_signed(text)
    assert found is not None and found[0] == name


@pytest.mark.parametrize("text", ["They asked for s.k.", "s.k."])
def test_s_k_without_a_name_before_it_is_no_signature(text: str) -> None:
    assert cue.hand_signed(text) is None


def test_place_and_date_above_the_signature_are_the_closer_s(tmp_path: Path) -> None:
    tei, _ = converted(tmp_path, "The talks went well.\nThe minister will come in May.\n"
                                 "Budapest, 3 May 1962\nKovács Imre s.k.\nFirst Secretary\n")
    assert _count(tei, "count(//tei:closer[tei:dateline[tei:placeName[.='Budapest']]"
                       "[tei:date[@when='1962-05-03']]][tei:signed[tei:persName[.='Kovács Imre']]"
                       "[tei:roleName[.='First Secretary']][contains(.,'s.k.')]])") == 1
    assert _count(tei, "count(//tei:body//tei:p)") == 2
    # the source's order: the dateline stands before the signature, as written
    assert tei.xpath("local-name(//tei:closer/*[1])", namespaces=NS) == "dateline"


def test_a_place_and_date_line_with_no_signature_under_it_stays_where_it_stands(
        tmp_path: Path) -> None:
    tei, _ = converted(tmp_path, "The talks went well.\nBudapest, 3 May 1962\n"
                                 "The minister will come in May and stay for a week.\n")
    assert _count(tei, "count(//tei:closer)") == 0
    assert _count(tei, "count(//tei:body//tei:p)") == 3


def test_a_distribution_box_without_a_signature_is_the_distribution(tmp_path: Path) -> None:
    tei, _ = converted(tmp_path, "The harvest will be late.\nThe district asks for machines.\n"
                                 "Verteiler:\n1. Ex.   Cde. W. Ulbricht\n2. Ex.   Cde. H. Matern\n"
                                 "3. Ex.   Abt. XX\n")
    assert _count(tei, "count(//tei:note[@type='distribution']/tei:list[tei:head[.='Verteiler:']]"
                       "/tei:item)") == 3
    assert _count(tei, "count(//tei:body//tei:p[not(ancestor::tei:note)])") == 2


def test_a_label_over_sentences_at_the_end_is_no_box(tmp_path: Path) -> None:
    tei, _ = converted(tmp_path, "The harvest will be late.\nDistribution:\n"
                                 "The machines will go to the northern districts first.\n"
                                 "The rest will follow in the spring.\n")
    assert _count(tei, "count(//tei:note[@type='distribution'])") == 0
    assert _count(tei, "count(//tei:body//tei:p)") == 4


# -- notes signed under a rule -----------------------------------------------------------------
def test_signed_notes_under_a_rule_are_the_rule_s_notes(tmp_path: Path) -> None:
    tei, _ = converted(tmp_path, "The envoy* met the minister.\nThe plan** was agreed.\n"
                                 "Head of the mission\nK. Berger\n-----\n* Of the GDR.\n"
                                 "** For 1963.\n")
    assert _count(tei, "count(//tei:p[contains(.,'envoy')]/tei:note[@n='*'][contains(.,'Of the GDR')])"
                  ) == 1
    assert _count(tei, "count(//tei:p[contains(.,'plan')]/tei:note[@n='**'][contains(.,'1963')])") == 1
    assert _count(tei, "count(//tei:closer/tei:signed[tei:persName[.='K. Berger']])") == 1
    assert _count(tei, "count(//tei:fw[@type='notes'])") == 1
    assert _count(tei, "count(//tei:body//tei:p[not(ancestor::tei:note)])") == 2


def test_asterisks_under_a_rule_that_nothing_refers_to_stay_the_text(tmp_path: Path) -> None:
    tei, _ = converted(tmp_path, "The envoy met the minister.\nThe plan was agreed.\n-----\n"
                                 "* the first point of the agenda\n* the second point\n")
    assert _count(tei, "count(//tei:note[@place='foot'])") == 0


# -- the top: an office over two lines, a letterhead, a field's value over lines -----------------
def test_an_office_over_two_lines_beside_the_date_and_a_mark_under_it(tmp_path: Path) -> None:
    tei, _ = converted(tmp_path, "Ministerium des Innern                 Berlin, 3 May 1962\n"
                                 "Hauptabteilung Kriminalpolizei\n"
                                 "                                       Geheim\n"
                                 "The district reports three cases.\nAll were settled.\n")
    assert _count(tei, "count(//tei:opener/tei:byline[contains(.,'Ministerium des Innern')]"
                       "[contains(.,'Hauptabteilung')][tei:lb])") == 1
    assert _count(tei, "count(//tei:opener/tei:dateline/tei:date[@when='1962-05-03'])") == 1
    assert _count(tei, "count(//tei:fw[@type='classification'][.='Geheim'])") == 1
    assert _count(tei, "count(//tei:body//tei:p)") == 2


def test_a_sentence_under_an_office_beside_its_date_is_the_text(tmp_path: Path) -> None:
    tei, _ = converted(tmp_path, "Ministry of the Interior                Berlin, 3 May 1962\n"
                                 "The district reports three cases.\nAll were settled.\n")
    assert _count(tei, "count(//tei:opener/tei:byline[.='Ministry of the Interior'])") == 1
    assert _count(tei, "count(//tei:body//tei:p)") == 2


def test_a_letterhead_of_two_lines_above_the_place_and_date(tmp_path: Path) -> None:
    tei, _ = converted(tmp_path, "People's Republic of Bulgaria\nEmbassy in Havana\n"
                                 "                                  Havana, 3 May 1962\n"
                                 "Dear Comrade Minister,\nThe talks went well.\n")
    assert _count(tei, "count(//tei:opener/tei:byline[contains(.,'Bulgaria')]"
                       "[contains(.,'Embassy in Havana')][tei:lb])") == 1
    assert _count(tei, "count(//tei:opener/tei:dateline/tei:date[@when='1962-05-03'])") == 1
    assert _count(tei, "count(//tei:opener/tei:salute)") == 1
    assert _count(tei, "count(//tei:body//tei:p)") == 1


def test_a_title_over_two_lines_above_a_place_and_date_is_no_letterhead(tmp_path: Path) -> None:
    tei, _ = converted(tmp_path, "Record of Conversation\nwith Comrade N. Petrov\n"
                                 "Moscow, 3 May 1962\nThe talks went well.\nThey ended at noon.\n")
    assert _count(tei, "count(//tei:byline)") == 0
    assert _count(tei, "count(//tei:head[contains(.,'Record of Conversation')])") == 1


def test_a_field_s_value_goes_on_in_lines_indented_to_it(tmp_path: Path) -> None:
    tei, _ = converted(tmp_path, "MINUTES\nPresent:   Cde. A. Lukanov     Cde. B. Bonev\n"
                                 "           Cde. C. Dimov       Cde. D. Enev\n"
                                 "The meeting was opened at noon.\nIt closed at five.\n")
    assert _count(tei, "count(//tei:seg[@type='memo-field'][tei:label[.='Present:']]"
                       "[contains(.,'Dimov')][tei:lb])") == 1
    assert _count(tei, "count(//tei:body//tei:p)") == 2


def test_a_line_indented_otherwise_under_a_field_is_no_part_of_it(tmp_path: Path) -> None:
    tei, _ = converted(tmp_path, "MINUTES\nPresent:   Cde. A. Lukanov, Cde. B. Bonev\n"
                                 "    The meeting was opened at noon by Cde. Lukanov.\n"
                                 "It closed at five.\n")
    assert _count(tei, "count(//tei:seg[@type='memo-field'][contains(.,'opened')])") == 0
    assert _count(tei, "count(//tei:body//tei:p)") == 2

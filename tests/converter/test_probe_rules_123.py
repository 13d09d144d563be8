"""Rules of probe7 for its own layouts 123-125 (issue #10), on texts other than the fixtures,
each with the case where the same signs mean something else."""

from __future__ import annotations

from pathlib import Path

import pytest
from test_probe_rules_080 import NS, converted
from test_probe_rules_080 import count as _count

from toolkit.encoding import structure as cue
from toolkit.encoding.blocks import split_blocks


@pytest.mark.parametrize("text", ["COPY", "Copy", "True copy", "Copy No. 4", "Copy Nº 2 of 5"])
def test_copy_alone_or_numbered_is_a_copy_mark(text: str) -> None:
    assert cue.mark_type(text) == "copy"


@pytest.mark.parametrize("text", ["Copyright", "Copy to file", "Copy the letter."])
def test_other_lines_on_copies_are_no_copy_mark(text: str) -> None:
    assert cue.mark_type(text) is None


def test_copy_at_the_top_is_a_mark_not_a_title(tmp_path: Path) -> None:
    tei, _ = converted(tmp_path, "COPY\nMEMORANDUM\nThe minister arrived on Monday.\n"
                                 "He left on Friday.\n")
    assert _count(tei, "count(//tei:body//tei:fw[@type='copy'][.='COPY'])") == 1
    assert _count(tei, "count(//tei:body//tei:head[.='MEMORANDUM'])") == 1


def test_memo_fields_side_by_side_are_a_field_each(tmp_path: Path) -> None:
    tei, _ = converted(tmp_path, "Ciphered Telegram\nPriority: Urgent        Classification: Top secret\n"
                                 "The delegation will arrive on Monday by train.\nPlease meet it.\n")
    fields = tei.xpath("//tei:opener/tei:seg[@type='memo-field']/@subtype", namespaces=NS)
    assert fields == ["priority", "classification"]
    assert _count(tei, "count(//tei:body//tei:head[.='Ciphered Telegram'])") == 1


def test_a_field_beside_words_that_are_no_field_stays_one_field(tmp_path: Path) -> None:
    tei, _ = converted(tmp_path, "MEMORANDUM\nSubject: the visit        (draft)\n"
                                 "The delegation will arrive on Monday by train.\nPlease meet it.\n")
    assert _count(tei, "count(//tei:opener/tei:seg[@type='memo-field'])") == 1


@pytest.mark.parametrize("title", ["Outgoing Telegram", "Incoming telegram No. 45"])
def test_a_telegram_s_direction_is_part_of_its_title(title: str) -> None:
    assert cue.title_like(title)


def test_a_body_that_signs_with_a_date_under_it_closes_the_text(tmp_path: Path) -> None:
    tei, _ = converted(tmp_path, "The talks will begin on Monday.\nPlease send instructions.\n"
                                 "Ministry of Foreign Affairs of the CSSR\n3 May 1962\n"
                                 "Addressees: Cde. Novotný, Cde. David\n")
    assert _count(tei, "count(//tei:closer[tei:signed/tei:orgName[.='Ministry of Foreign Affairs "
                       "of the CSSR']][tei:dateline/tei:date[@when='1962-05-03']])") == 1
    assert _count(tei, "count(//tei:body//tei:note[@type='distribution'][contains(.,'Novotný')])") == 1
    assert _count(tei, "count(//tei:body//tei:persName[contains(.,'Ministry')])") == 0


def test_a_date_line_alone_at_the_end_without_a_signer_stays_a_line_of_the_text(
        tmp_path: Path) -> None:
    tei, _ = converted(tmp_path, "The talks will begin on Monday and will last a week.\n"
                                 "Please send instructions before the talks begin.\n3 May 1962\n")
    assert _count(tei, "count(//tei:body//tei:closer)") == 0


@pytest.mark.parametrize(("line", "name", "mark"), [
    ("J. Novák, v.r.", "J. Novák", ", v.r."), ("Antonín Novotný m.p.", "Antonín Novotný", " m.p."),
    ("W. Gomułka (w.r.)", "W. Gomułka", " (w.r.)"), ("K. Schmidt e.h.", "K. Schmidt", " e.h.")])
def test_a_hand_signed_mark_follows_the_name(line: str, name: str, mark: str) -> None:
    assert cue.hand_signed(line) == (name, mark)


@pytest.mark.parametrize("line", ["and so it was signed, v.r.", "v.r.", "On 3 May, m.p."])
def test_other_lines_ending_so_are_no_hand_signed_name(line: str) -> None:
    assert cue.hand_signed(line) is None


def test_a_hand_signed_name_over_its_office_is_one_signed(tmp_path: Path) -> None:
    tei, _ = converted(tmp_path, "The talks will begin on Monday.\nPlease send instructions.\n"
                                 "          A. Dubček m.p.\n          First Secretary\n")
    assert _count(tei, "count(//tei:closer/tei:signed[tei:persName[.='A. Dubček']]"
                       "[tei:roleName[.='First Secretary']][contains(.,'m.p.')])") == 1


WRAPPED = ("The minister received the delegation at noon and said that the talks\n"
           "would begin on Monday, after the arrival of the experts from Brno and\n"
           "from Bratislava, who would bring the figures of the new plan with them.\n\n")


def test_two_lines_the_first_as_wide_as_the_wraps_are_one_paragraph() -> None:
    text = WRAPPED + ("The delegation asked whether the experts would stay for the whole week.\n"
                      "The minister said that they would.\n")
    blocks = split_blocks(text)
    assert [len(b) for b in blocks] == [3, 2]


def test_two_lines_the_first_short_are_two_paragraphs() -> None:
    text = WRAPPED + "The delegation thanked him.\nThe minister said that they would.\n"
    assert [len(b) for b in split_blocks(text)] == [3, 1, 1]


def test_without_wrapped_paragraphs_two_long_lines_stay_two() -> None:
    text = ("The delegation asked whether the experts would stay for the whole week.\n"
            "The minister said that they would, and that the figures were ready now.\n")
    assert [len(b) for b in split_blocks(text)] == [1, 1]

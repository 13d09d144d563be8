"""Rules found by the lead's probe of 2026-12-02 (layouts 080-086), each at its edges: where the rule
must hold and where the same signs mean something else."""

from __future__ import annotations

from pathlib import Path

import pytest
from lxml import etree
from test_convert_cli import report, run

from toolkit.encoding import dates
from toolkit.encoding import structure as cue
from toolkit.encoding.layouts import speaker

NS = {"tei": "http://www.tei-c.org/ns/1.0"}


def count(tei: object, xpath: str) -> float:
    """An XPath count() over a converted document, checked to be a number."""
    result = tei.xpath(xpath, namespaces=NS)  # type: ignore[attr-defined]
    assert isinstance(result, float)
    return result


def converted(tmp_path: Path, body: str) -> tuple[etree._ElementTree, str]:
    source = tmp_path / "wilson-900001.txt"
    source.write_text(report(body), encoding="utf-8")
    result = run(str(source), "-o", str(tmp_path / "out"), "-j", "1")
    assert result.returncode == 0, result.stderr
    return etree.parse(str(tmp_path / "out" / "900001.xml")), result.stderr


@pytest.mark.parametrize(("text", "when"), [
    ("5 June", "1965-06-05"), ("June 5th", "1965-06-05"), ("8.VI.", "1965-06-08"),
    ("8.VI", "1965-06-08"), ("31 December", "1964-12-31")])
def test_a_day_and_month_take_the_nearest_year(text: str, when: str) -> None:
    found = dates.day_and_month(text, "1965-01-08")
    assert found is not None and found.when == when and found.cert == "medium"


@pytest.mark.parametrize("text", ["June 1965", "5 June 1965", "the 5th", "8.XIII.", "Monday"])
def test_other_lines_are_no_day_and_month(text: str) -> None:
    assert dates.day_and_month(text, "1965-01-08") is None


def test_without_a_document_date_a_day_and_month_is_no_date_line() -> None:
    assert cue.date_line("Monday, 5 June") is None
    assert cue.date_line("Monday, 5 June", "1972") is not None


@pytest.mark.parametrize(("text", "expected"), [
    ("Question 1: What is it?", True), ("Answer: it is so", True),
    ("Article 3: the state shall act", False), ("Item 2: the plan is late", False),
    ("Section 4: the budget is set", False)])
def test_only_questions_and_answers_speak_under_a_number(text: str, expected: bool) -> None:
    assert (speaker(text) is not None) is expected


@pytest.mark.parametrize(("text", "n"), [("PARA 3. Text", "3"), ("Para. 12 Text", "12"),
                                         ("Ad 2. Text", "2"), ("(iv) text", "iv"), ("2. Text", "2")])
def test_point_numbers(text: str, n: str) -> None:
    match = cue.POINT.match(text)
    assert match is not None and cue.point_number(match.group("label")) == n


@pytest.mark.parametrize(("text", "expected"), [
    ("END OF MESSAGE", True), ("ENDS", True), ("End of text.", True), ("[End of document]", True),
    ("End of the talks", False), ("ENDING", False), ("Endre Sik", False)])
def test_end_marks(text: str, expected: bool) -> None:
    assert (cue.END_MARK.match(text) is not None) is expected


def test_notes_under_a_rule_before_the_signature_leave_the_signature(tmp_path: Path) -> None:
    tree, _ = converted(tmp_path, "We met in Vienna.(1) The talks went well.\n"
                        "We agreed to meet again.\n______\n(1) In the old palace.\n"
                        "Head of the Fourth Department\nK. Schulze\n")
    notes = tree.xpath("//tei:text//tei:note[@place='foot']", namespaces=NS)
    assert len(notes) == 1 and "Schulze" not in "".join(notes[0].itertext())
    assert tree.xpath("string(//tei:closer/tei:signed/tei:persName)", namespaces=NS) == "K. Schulze"


def test_a_parenthesised_figure_without_a_note_text_stays_text(tmp_path: Path) -> None:
    tree, _ = converted(tmp_path, "The plan has three aims:(1) trade, (2) credit and (3) aid.\n"
                        "The minister agreed.\n")
    assert not tree.xpath("//tei:text//tei:note", namespaces=NS)
    assert "aims:(1) trade, (2) credit" in "".join(tree.xpath("//tei:body//text()", namespaces=NS))


def test_a_closing_salutation_mid_text_without_a_new_date_splits_nothing(tmp_path: Path) -> None:
    tree, _ = converted(tmp_path, "He ended his toast with the words:\nWith comradely greetings\n"
                        "N. Khrushchev\nThen the delegation left for the airport.\n"
                        "The talks will go on in May.\n")
    assert not tree.xpath("//tei:div[@type='letter']", namespaces=NS)


def test_marks_apart_by_a_comma_only_when_every_part_is_a_mark() -> None:
    from toolkit.encoding.blocks import SourceBlock
    found = cue.marks(SourceBlock("TOP SECRET, Copy No. 3", ((0, 1),)))
    assert found is not None and [k for _, k in found] == ["classification", "copy"]
    assert cue.marks(SourceBlock("SECRET, as agreed with Moscow", ((0, 1),))) is None

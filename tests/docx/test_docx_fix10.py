"""fix10's body rules (issue #10) on Word files: the DOCX reader shares the text reader's body
rules, so a decision's label, a recorder's signature, a mark inside the opener, a table of
contents and a field-separated distribution list come out of a Word file as they do out of
a text export (the texts are the rule tests' of tests/converter/test_fix10_rules.py)."""

from __future__ import annotations

from pathlib import Path

from docx_fixtures import assert_valid, context, metadata_paragraphs_docx
from lxml import etree

from toolkit.convert import convert_bytes
from toolkit.readers import ReadContext
from toolkit.tei import NS

__all__ = ["context"]  # the fixture, imported for pytest


def _tree(tmp_path: Path, context: ReadContext, tei_all: etree.RelaxNG,
          lines: list[str]) -> etree._ElementTree:
    path = metadata_paragraphs_docx(tmp_path / "fix10.docx", lines)
    tree = convert_bytes(path.read_bytes(), str(path), context).tree
    assert_valid(tei_all, tree)
    return tree


def _count(tree: etree._ElementTree, xpath: str) -> int:
    return len(tree.xpath(xpath, namespaces=NS))


def test_minutes_decision_and_recorder(tmp_path: Path, context: ReadContext,
                                       tei_all: etree.RelaxNG) -> None:
    tree = _tree(tmp_path, context, tei_all, [
        "Tagesordnung:", "1. The plan for 1964", "2. The visit to Warsaw", "Zu 1.", "Decision:",
        "The plan is approved as submitted.", "Zu 2.",
        "Resolved: The delegation leaves in May.",
        "(Recorded by Li Wei; not checked by the speakers)"])
    assert _count(tree, "//tei:div[@type='item']/tei:p[tei:label='Decision:'][tei:lb]") == 1
    assert _count(tree, "//tei:div[@type='item']/tei:p[tei:label='Resolved:']") == 1
    assert _count(tree, "//tei:closer/tei:signed/tei:persName[.='Li Wei']") == 1


def test_a_mark_stays_in_the_opener_and_contents_are_a_toc(tmp_path: Path, context: ReadContext,
                                                           tei_all: etree.RelaxNG) -> None:
    tree = _tree(tmp_path, context, tei_all, [
        "Ministry of Foreign Affairs", "Ref. No. 024.117/74", "Prague, 5 March 1974",
        "REPORT", "Contents:", "I. Economic situation", "II. The party",
        "I. Economic situation", "The economy grew faster in 1973 than the plan foresaw.",
        "II. The party", "The party held its congress in December.", "J. Novák"])
    assert _count(tree, "//tei:body//tei:opener") == 1
    assert _count(tree, "//tei:opener/tei:fw[@type='number']") == 1
    assert _count(tree, "//tei:list[@type='toc']/tei:item") == 2


def test_a_field_separated_distribution_list(tmp_path: Path, context: ReadContext,
                                             tei_all: etree.RelaxNG) -> None:
    tree = _tree(tmp_path, context, tei_all, [
        "The delegation will leave on Monday.", "The embassy will prepare the programme.",
        "J. Novák", "Four copies printed", "1      Cde. Hager", "2      Cde. Axen"])
    assert _count(tree, "//tei:note[@type='distribution']/tei:list[tei:head]/tei:item[@n]") == 2

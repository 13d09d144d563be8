"""The structure stage is shared: a report with marks, a title, an opener, sections, a list,
a stamp and a closer, typed into Word one paragraph per line, converts to the same `text` as
its text export (whether that export puts blank lines between its paragraphs or not)."""

from __future__ import annotations

from pathlib import Path

import pytest
from docx_fixtures import REPORTS, assert_valid, context, report_docx
from lxml import etree

from toolkit.convert import convert_bytes
from toolkit.readers import ReadContext

__all__ = ["context"]  # the fixture, imported for pytest

BODY = """TOP SECRET
Copy Nº 2
M e m o r a n d u m
Head of Section 4      Berlin, 12 March 1994
Subject: the visit of the trade delegation
[MFA stamp: Ministry of Foreign Affairs      Incoming Nº 0571
received 3 May 1958                  Encl.: 2]
1. Economic relations
The delegation arrived on Monday and was received at the ministry.
Four copies printed
1 - Cde. Kim Il Sung
2 - to file
2. Cultural relations
An exhibition will open in May.
HEAD OF SECTION 4 [signature] /N. Dvořák/
"""


def _text(tree: etree._ElementTree) -> bytes:
    node = tree.find("{http://www.tei-c.org/ns/1.0}text")
    assert node is not None
    return etree.tostring(node)


@pytest.mark.parametrize("blank_lines", [True, False])
def test_word_and_text_export_share_the_structure(blank_lines: bool, tmp_path: Path,
                                                  context: ReadContext,
                                                  tei_all: etree.RelaxNG) -> None:
    template = (REPORTS / "wilson-117009-de-letter.txt").read_text(encoding="utf-8")
    head = template[:template.index("Translation - English")] + "Translation - English\n\n"
    body = BODY.replace("\n", "\n\n") if blank_lines else BODY
    source = tmp_path / "wilson-117009-de-letter.txt"
    source.write_text(head + body, encoding="utf-8")
    spaced = tmp_path / "spaced.txt"  # Word gets one paragraph per source line
    spaced.write_text(head + BODY.replace("\n", "\n\n"), encoding="utf-8")
    document = report_docx(spaced, tmp_path / "wilson-117009-de-letter.docx")
    from_word = convert_bytes(document.read_bytes(), str(document), context)
    from_text = convert_bytes(source.read_bytes(), str(source), context)
    assert _text(from_word.tree) == _text(from_text.tree)
    assert_valid(tei_all, from_word.tree)
    div = from_text.tree.find(".//{*}body/{*}div")
    assert div is not None
    assert [etree.QName(c).localname for c in div] == [
        "fw", "fw", "head", "opener", "note", "div", "div", "closer"]

"""A Word paragraph that ends inside a sentence, the next one going on in lower case: in a
text export that cut is a page break's, in a Word file it is not (Word writes its page
breaks): a translator's stray Enter. One paragraph, the break kept as lb, a review entry;
where the Word file has a page break, the same cut is a pb, as before."""

from __future__ import annotations

from pathlib import Path

import docx
from docx.enum.text import WD_BREAK
from docx_fixtures import assert_valid, context, metadata_paragraphs
from lxml import etree

from toolkit.convert import convert_bytes
from toolkit.errors import Severity
from toolkit.projection import project
from toolkit.readers import Conversion, ReadContext
from toolkit.tei import NS

__all__ = ["context"]  # the fixture, imported for pytest

HALF = "On 3 October the ambassador told us that the delegation"
REST = "had returned from Moscow with new instructions."
NEXT = "The meeting ended at noon."


def _convert(tmp_path: Path, context: ReadContext, break_kind: str,
             second: str = REST) -> Conversion:
    """Three body paragraphs; between the first two nothing (a stray Enter), a page break
    run ending the first ('run'), or 'page break before' on the second ('before')."""
    document = docx.Document()
    metadata_paragraphs(document)
    first = document.add_paragraph(HALF)
    if break_kind == "run":
        first.add_run().add_break(WD_BREAK.PAGE)
    following = document.add_paragraph(second)
    if break_kind == "before":
        following.paragraph_format.page_break_before = True
    document.add_paragraph(NEXT)
    path = tmp_path / f"{break_kind}.docx"
    document.save(str(path))
    return convert_bytes(path.read_bytes(), str(path), context)


def _body_ps(conversion: Conversion) -> list[etree._Element]:
    return list(conversion.tree.xpath("//tei:body//tei:p", namespaces=NS))


def _joins(conversion: Conversion) -> list[str]:
    return [d.message for d in conversion.diagnostics
            if d.severity == Severity.REVIEW and "stray" in d.message]


def test_stray_enter_is_one_paragraph_with_lb_and_a_review_entry(
        tmp_path: Path, context: ReadContext, tei_all: etree.RelaxNG) -> None:
    conversion = _convert(tmp_path, context, "none")
    assert_valid(tei_all, conversion.tree)
    ps = _body_ps(conversion)
    assert len(ps) == 2
    joined = ps[0]
    assert joined.xpath(".//tei:pb", namespaces=NS) == []
    assert conversion.tree.xpath("//tei:body//tei:pb", namespaces=NS) == []
    lb = joined.find("tei:lb", NS)
    assert lb is not None and (lb.tail or "").startswith("had returned")
    assert " ".join("".join(joined.itertext()).split()) == f"{HALF} {REST}"
    entries = [d for d in conversion.diagnostics
               if d.severity == Severity.REVIEW and "stray" in d.message]
    assert len(entries) == 1
    # the paragraph that goes on is the entry's line (the reader counts Word's paragraphs,
    # the metadata block's included): the one holding REST
    assert entries[0].rule == "structure" and entries[0].line is not None
    assert entries[0].line > 1 and f"paragraph {entries[0].line} " in entries[0].message
    assert conversion.stats.get("page_breaks", 0) == 0
    assert conversion.stats.get("stray_paragraph_breaks") == 1
    # the projection gives the Word file's paragraph break back, as a break, not a page
    projected = project(conversion.tree)
    assert "\f" not in projected
    assert f"{HALF}\n" in projected and f"\n{REST}" in projected

def test_a_page_break_run_in_word_is_still_a_pb(tmp_path: Path, context: ReadContext) -> None:
    for kind in ("run", "before"):
        conversion = _convert(tmp_path, context, kind)
        ps = _body_ps(conversion)
        assert len(ps) == 2, kind
        pb = ps[0].find("tei:pb", NS)
        assert pb is not None and (pb.tail or "").lstrip().startswith("had returned"), kind
        assert ps[0].find("tei:lb", NS) is None, kind
        assert _joins(conversion) == [], kind


def test_a_new_sentence_after_enter_is_a_paragraph_of_its_own(
        tmp_path: Path, context: ReadContext) -> None:
    conversion = _convert(tmp_path, context, "none", second="He had returned from Moscow.")
    ps = _body_ps(conversion)
    assert len(ps) == 3
    assert conversion.tree.xpath("//tei:body//tei:lb | //tei:body//tei:pb", namespaces=NS) == []
    assert _joins(conversion) == []

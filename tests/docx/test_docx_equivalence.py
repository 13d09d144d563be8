"""A report typed into Word converts to the same TEI as its text export.

Every fixture report and the sample are rendered as a translator's Word file (bold date,
title and labels; Markdown emphasis as bold and italic runs; hard line breaks as Word line
breaks), and the DOCX reader must give the text reader's `text` element exactly and the same
teiHeader except for the name and format of the source.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from docx_fixtures import REPORTS, SAMPLE, TEXT_FORMAT, assert_valid, context, report_docx
from lxml import etree

from toolkit.convert import convert_bytes
from toolkit.output import serialize
from toolkit.projection import project
from toolkit.readers import ReadContext
from toolkit.readers.docx import SOURCE_FORMAT
from toolkit.tei import NS

__all__ = ["context"]  # the fixture, imported for pytest
SOURCES = sorted(REPORTS.glob("*.txt")) + [SAMPLE]


def _text(tree: etree._ElementTree) -> bytes:
    node = tree.find("{http://www.tei-c.org/ns/1.0}text")
    assert node is not None
    return etree.tostring(node)


def _header(tree: etree._ElementTree, source: Path) -> str:
    node = tree.find("{http://www.tei-c.org/ns/1.0}teiHeader")
    assert node is not None
    for extra in node.xpath("//tei:interpretation/tei:p[starts-with(., 'From the Word')]",
                            namespaces=NS):
        extra.getparent().remove(extra)  # the DOCX reader's own conventions, declared
    text = etree.tostring(node, encoding="unicode")
    return text.replace(f"{source.stem}.docx", source.name).replace(SOURCE_FORMAT, TEXT_FORMAT)


@pytest.mark.parametrize("source", SOURCES, ids=lambda p: p.stem)
def test_docx_gives_the_text_readers_tei(source: Path, tmp_path: Path, context: ReadContext,
                                         tei_all: etree.RelaxNG) -> None:
    document = report_docx(source, tmp_path / f"{source.stem}.docx")
    from_word = convert_bytes(document.read_bytes(), str(document), context)
    from_text = convert_bytes(source.read_bytes(), str(source), context)

    assert from_word.number == from_text.number
    assert _text(from_word.tree) == _text(from_text.tree)
    assert _header(from_word.tree, source) == _header(from_text.tree, source)
    assert project(from_word.tree) == project(from_text.tree)
    assert project(etree.fromstring(serialize(from_word.tree))) == project(from_text.tree)
    assert_valid(tei_all, from_word.tree)
    # The header says where the TEI came from: the Word file, not a text export.
    change = from_word.tree.findtext(".//{*}revisionDesc/{*}change") or ""
    assert f"{source.stem}.docx ({SOURCE_FORMAT})" in change


def test_the_word_file_really_carries_the_formatting(tmp_path: Path) -> None:
    """The equivalence above is not vacuous: the labels are bold runs, not typed asterisks."""
    import docx

    document = docx.Document(str(report_docx(SAMPLE, tmp_path / "sample.docx")))
    labels = [p for p in document.paragraphs if p.text == "Citation:"]
    assert labels and all(run.bold for run in labels[0].runs)
    assert not any("**" in p.text for p in document.paragraphs)

"""A distribution list or a `Present:` list typed as a two-column Word table (number, name)
is a list, each row an item with its number as @n; a table with anything else stays a table."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

import docx
from docx_fixtures import assert_valid, context, metadata_paragraphs
from lxml import etree

from toolkit.convert import convert_bytes
from toolkit.projection import project
from toolkit.readers import Conversion, ReadContext
from toolkit.tei import NS

__all__ = ["context"]  # the fixture, imported for pytest


def _convert(tmp_path: Path, context: ReadContext, rows: Sequence[tuple[str, str]]) -> Conversion:
    document = docx.Document()
    metadata_paragraphs(document)
    document.add_paragraph("The delegation arrived on Monday.")
    document.add_paragraph("Four copies printed")
    table = document.add_table(rows=len(rows), cols=2)
    for index, (number, name) in enumerate(rows):
        table.cell(index, 0).text = number
        table.cell(index, 1).text = name
    path = tmp_path / "list.docx"
    document.save(str(path))
    return convert_bytes(path.read_bytes(), str(path), context)


def test_number_and_name_columns_are_a_list(tmp_path: Path, context: ReadContext,
                                            tei_all: etree.RelaxNG) -> None:
    conversion = _convert(tmp_path, context, [("1", "Cde. Kim Il Sung"), ("2.", "Cde. Pak Song Chol"),
                                              ("3", "to file")])
    assert_valid(tei_all, conversion.tree)
    tree = conversion.tree
    assert tree.xpath("//tei:body//tei:table", namespaces=NS) == []
    items = tree.xpath("//tei:body//tei:list/tei:item", namespaces=NS)
    assert [i.get("n") for i in items] == ["1", "2", "3"]
    # the number is kept as the item's text, as the text export's `1 - Cde. ...`
    assert [" ".join("".join(i.itertext()).split()) for i in items] == \
        ["1 Cde. Kim Il Sung", "2. Cde. Pak Song Chol", "3 to file"]
    assert items[0].find("tei:persName", NS) is not None
    # the line announcing it is the list's head, as the text export's `Four copies printed`
    assert tree.xpath("//tei:body//tei:list/tei:head/text()", namespaces=NS) == ["Four copies printed"]
    assert tree.xpath("//tei:body//tei:p[.='Four copies printed']", namespaces=NS) == []
    for word in ("Four copies printed", "Kim Il Sung", "Pak Song Chol", "to file"):
        assert word in project(tree)


def test_a_table_of_figures_stays_a_table(tmp_path: Path, context: ReadContext) -> None:
    conversion = _convert(tmp_path, context, [("1959", "1200"), ("1960", "1350")])
    assert len(conversion.tree.xpath("//tei:body//tei:table/tei:row", namespaces=NS)) == 2
    assert conversion.tree.xpath("//tei:body//tei:list", namespaces=NS) == []


def test_three_columns_stay_a_table(tmp_path: Path, context: ReadContext) -> None:
    document = docx.Document()
    metadata_paragraphs(document)
    table = document.add_table(rows=2, cols=3)
    for index in range(2):
        table.cell(index, 0).text = str(index + 1)
        table.cell(index, 1).text = "Cde. Kim Il Sung"
        table.cell(index, 2).text = "Pyongyang"
    path = tmp_path / "three.docx"
    document.save(str(path))
    conversion = convert_bytes(path.read_bytes(), str(path), context)
    assert conversion.tree.xpath("//tei:body//tei:list", namespaces=NS) == []
    assert len(conversion.tree.xpath("//tei:body//tei:table/tei:row", namespaces=NS)) == 2


def test_a_sentence_before_the_table_stays_a_paragraph(tmp_path: Path, context: ReadContext) -> None:
    document = docx.Document()
    metadata_paragraphs(document)
    document.add_paragraph("The delegation met the following comrades of the district committee.")
    table = document.add_table(rows=2, cols=2)
    for index, name in enumerate(("Cde. Kim Il Sung", "Cde. Pak Song Chol")):
        table.cell(index, 0).text = str(index + 1)
        table.cell(index, 1).text = name
    path = tmp_path / "sentence.docx"
    document.save(str(path))
    tree = convert_bytes(path.read_bytes(), str(path), context).tree
    assert tree.xpath("//tei:body//tei:list/tei:head", namespaces=NS) == []
    assert len(tree.xpath("//tei:body//tei:list/tei:item", namespaces=NS)) == 2
    assert len(tree.xpath("//tei:body//tei:p[starts-with(., 'The delegation met')]",
                          namespaces=NS)) == 1

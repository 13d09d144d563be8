"""What has no TEI mapping is kept as text and reported (with its paragraph), never dropped
silently; formatting without meaning (fonts, colours, sizes) is dropped on purpose."""

from __future__ import annotations

from pathlib import Path

import docx
from docx.shared import Pt, RGBColor
from docx_fixtures import CT_MAIN, add_parts, assert_valid, context, metadata_paragraphs, \
    placeholder, wml
from lxml import etree

from toolkit.convert import convert_bytes
from toolkit.projection import normalise, project
from toolkit.readers import ReadContext
from toolkit.tei import NS

__all__ = ["context"]  # the fixture, imported for pytest

M = "http://schemas.openxmlformats.org/officeDocument/2006/math"
WP = "http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing"


def build(path: Path) -> Path:
    document = docx.Document()
    metadata_paragraphs(document, "900004")
    paragraph = document.add_paragraph("The formula ")
    paragraph.add_run("@@MATH@@")
    paragraph.add_run(" was written in the margin")
    paragraph.add_run("@@FN@@")
    paragraph.add_run(" next to ")
    paragraph.add_run("@@LINK@@")
    paragraph.add_run(".")
    paragraph = document.add_paragraph("A stamp")
    paragraph.add_run("@@IMAGE@@")
    coloured = paragraph.add_run(" in red ink, large")
    coloured.font.color.rgb = RGBColor(0xFF, 0, 0)
    coloured.font.size = Pt(18)
    coloured.font.name = "Courier New"
    paragraph.add_run(" was approved.")
    document.add_paragraph("Kovács")
    document.save(str(path))
    add_parts(
        path, {"word/footnotes.xml": wml(
            '<w:footnote w:id="1"><w:p><w:r><w:t>Written by hand.</w:t></w:r></w:p>'
            '</w:footnote>', "footnotes")},
        [("rIdF", "footnotes", "footnotes.xml")],
        [("word/footnotes.xml", CT_MAIN + ".footnotes+xml")],
        [(placeholder("@@MATH@@"), f'<m:oMath xmlns:m="{M}"><m:r><m:t>E=mc2</m:t></m:r></m:oMath>'),
         (placeholder("@@FN@@"), '<w:r><w:footnoteReference w:customMarkFollows="1" w:id="1"/>'
                                 '<w:t>*</w:t></w:r>'),
         (placeholder("@@LINK@@"), '<w:hyperlink w:anchor="_Toc1"><w:r><w:t>the first point'
                                   '</w:t></w:r></w:hyperlink>'),
         (placeholder("@@IMAGE@@"), f'<w:r><w:drawing><wp:inline xmlns:wp="{WP}"><wp:docPr '
                                    'id="1" name="Picture 1" descr="stamp"/></wp:inline>'
                                    '</w:drawing></w:r>')])
    return path


def test_unmapped_content_is_kept_as_text_and_reported(tmp_path: Path, context: ReadContext,
                                                        tei_all: etree.RelaxNG) -> None:
    path = build(tmp_path / "unmapped-900004.docx")
    conversion = convert_bytes(path.read_bytes(), str(path), context)
    assert_valid(tei_all, conversion.tree)
    warnings = {(d.line, d.message) for d in conversion.diagnostics}
    assert (11, "an equation is kept as its plain text") in warnings
    assert (11, "a link to a place inside the Word file is kept as text") in warnings
    assert any(line == 12 and "image or drawing is not converted" in message
               for line, message in warnings)
    assert normalise(project(conversion.tree)) == normalise(
        "The formula E=mc2 was written in the margin[*] next to the first point.\n\n"
        "A stamp in red ink, large was approved.\n\nKovács\n\n[*] Written by hand.\n")
    # The author's own footnote mark is the note's label.
    assert conversion.tree.xpath("string(//tei:note[@place='foot']/@n)", namespaces=NS) == "*"
    # Colour, size and font have no TEI meaning: no hi, no rendition, nothing.
    body = conversion.tree.find(".//tei:body", NS)
    assert body is not None
    assert body.xpath("count(.//tei:hi)", namespaces=NS) == 0
    assert b"Courier" not in etree.tostring(conversion.tree)

"""Two rules the held-out layouts in Word taught the reader (test_docx_layouts.py), each on a
file small enough to read: several tabs at Word's default stops part two fields, one tab
does not; a custom note mark is the note's n, whether Word writes it (`customMarkFollows`)
or LibreOffice does (an automatic reference followed by the mark, the mark again in the
note), and is not repeated in the note's text."""

from __future__ import annotations

from pathlib import Path

import docx
from docx_fixtures import CT_MAIN, add_parts, context, metadata_paragraphs, placeholder, wml
from lxml import etree

from toolkit.convert import convert_bytes
from toolkit.readers import ReadContext
from toolkit.tei import NS

__all__ = ["context"]  # the fixture, imported for pytest
SUP = '<w:rPr><w:vertAlign w:val="superscript"/></w:rPr>'


def _convert(path: Path, context: ReadContext) -> etree._ElementTree:
    return convert_bytes(path.read_bytes(), str(path), context).tree


def test_tabs_at_default_stops(tmp_path: Path, context: ReadContext) -> None:
    document = docx.Document()
    metadata_paragraphs(document)
    document.add_paragraph("Head of Section 4\t\tBerlin, 12 March 1962")
    document.add_paragraph("Subject:\tTransit fees")
    document.add_paragraph("The counsellor called on me.")
    document.add_paragraph("Weber")
    document.save(str(tmp_path / "tabs.docx"))
    tree = _convert(tmp_path / "tabs.docx", context)
    opener = tree.xpath("//tei:body//tei:opener", namespaces=NS)
    assert opener and opener[0].findtext("tei:byline", namespaces=NS) == "Head of Section 4"
    assert tree.xpath("//tei:opener/tei:dateline/tei:date/@when", namespaces=NS) == [
        "1962-03-12"]
    # one tab aligns a label's value: one field, its tab a space
    subject = tree.xpath("//tei:body//*[starts-with(., 'Subject:')]", namespaces=NS)
    assert subject and " ".join(subject[0].xpath("string()").split()) == "Subject: Transit fees"


def _notes_docx(path: Path, references: list[str], bodies: list[str]) -> Path:
    """Two footnotes with the mark `1a` and `*`, the references and note openings given."""
    document = docx.Document()
    metadata_paragraphs(document)
    document.add_paragraph("The line was postponed.").add_run("@@R1@@")
    paragraph = document.add_paragraph("The 4")
    paragraph.add_run("@@R2@@")
    paragraph.add_run(" plenum met.")
    document.add_paragraph("Luvsan")
    document.save(str(path))
    notes = "".join(f'<w:footnote w:id="{i}"><w:p>{body}<w:r><w:t xml:space="preserve"> Note '
                    f'{i}.</w:t></w:r></w:p></w:footnote>' for i, body in enumerate(bodies, 1))
    add_parts(path, {"word/footnotes.xml": wml(notes, "footnotes")},
              [("rIdF", "footnotes", "footnotes.xml")],
              [("word/footnotes.xml", CT_MAIN + ".footnotes+xml")],
              [(placeholder(f"@@R{i}@@"), ref) for i, ref in enumerate(references, 1)])
    return path


def _notes(tree: etree._ElementTree) -> list[tuple[str | None, str]]:
    return [(n.get("n"), " ".join(n.xpath("string()").split()))
            for n in tree.xpath("//tei:body//tei:note", namespaces=NS)]


def test_custom_marks_as_word_writes_them(tmp_path: Path, context: ReadContext) -> None:
    path = _notes_docx(tmp_path / "word.docx", [
        f'<w:r>{SUP}<w:footnoteReference w:customMarkFollows="1" w:id="1"/></w:r>'
        f'<w:r>{SUP}<w:t>1a</w:t></w:r>',
        f'<w:r>{SUP}<w:footnoteReference w:customMarkFollows="1" w:id="2"/></w:r>'
        f'<w:r>{SUP}<w:t>*</w:t></w:r>'],
        [f"<w:r>{SUP}<w:t>1a</w:t></w:r>", f"<w:r>{SUP}<w:t>*</w:t></w:r>"])
    assert _notes(_convert(path, context)) == [("1a", "Note 1."), ("*", "Note 2.")]


def test_custom_marks_as_libreoffice_writes_them(tmp_path: Path, context: ReadContext) -> None:
    path = _notes_docx(tmp_path / "lo.docx", [
        f'<w:r>{SUP}<w:footnoteReference w:id="1"/></w:r><w:r>{SUP}<w:t>1a</w:t></w:r>',
        f'<w:r>{SUP}<w:footnoteReference w:id="2"/></w:r><w:r>{SUP}<w:t>*</w:t></w:r>'],
        [f"<w:r>{SUP}<w:footnoteRef/></w:r><w:r>{SUP}<w:t>1a</w:t></w:r>",
         f"<w:r>{SUP}<w:footnoteRef/></w:r><w:r>{SUP}<w:t>*</w:t></w:r>"])
    tree = _convert(path, context)
    assert _notes(tree) == [("1a", "Note 1."), ("*", "Note 2.")]
    # the typed mark is gone from the text; the note stands where it was
    outside = tree.xpath("//tei:body/tei:div/tei:p[2]//text()[not(ancestor::tei:note)]",
                         namespaces=NS)
    assert "".join(outside) == "The 4 plenum met."
    assert tree.xpath("//tei:body/tei:div/tei:p[2]/tei:note[@n='*']/preceding-sibling::"
                      "node()[1][self::text()]", namespaces=NS) == ["The 4"]


def test_superscript_after_an_automatic_reference_that_the_note_does_not_open_with(
        tmp_path: Path, context: ReadContext) -> None:
    """`4<ref>th`: a superscript after a reference is a mark only when the note repeats it."""
    path = _notes_docx(tmp_path / "th.docx", [
        f'<w:r>{SUP}<w:footnoteReference w:id="1"/></w:r>',
        f'<w:r>{SUP}<w:footnoteReference w:id="2"/></w:r><w:r>{SUP}<w:t>th</w:t></w:r>'],
        [f"<w:r>{SUP}<w:footnoteRef/></w:r>", f"<w:r>{SUP}<w:footnoteRef/></w:r>"])
    tree = _convert(path, context)
    assert _notes(tree) == [("1", "Note 1."), ("2", "Note 2.")]
    assert tree.xpath("//tei:body//tei:hi[@rend='superscript'][.='th']", namespaces=NS)


def _bordered(paragraph: "docx.text.paragraph.Paragraph") -> None:
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn
    borders = OxmlElement("w:pBdr")
    bottom = OxmlElement("w:bottom")
    bottom.set(qn("w:val"), "single")
    borders.append(bottom)
    paragraph._p.get_or_add_pPr().append(borders)


def test_a_drawn_rule_introduces_notes_and_is_no_text(tmp_path: Path,
                                                      context: ReadContext) -> None:
    """An empty paragraph with a border is the text export's rule line: `1. text` under it
    are notes; a rule with no notes under it is a drawn line and leaves no text."""
    for notes in (True, False):
        document = docx.Document()
        metadata_paragraphs(document)
        paragraph = document.add_paragraph("The figure was doubled.")
        paragraph.add_run("1").font.superscript = True
        document.add_paragraph("Siedlecki")
        _bordered(document.add_paragraph())
        document.add_paragraph("1. About forty." if notes else "Copy to the file.")
        document.save(str(tmp_path / "rule.docx"))
        tree = _convert(tmp_path / "rule.docx", context)
        text = tree.xpath("string(//tei:body)", namespaces=NS)
        assert "___" not in text
        found = tree.xpath("//tei:body//tei:note[@place='foot'][contains(., 'About forty')]",
                           namespaces=NS)
        assert bool(found) is notes


def test_a_number_typed_in_a_word_heading(tmp_path: Path, context: ReadContext) -> None:
    """`2. Economic relations` in Heading 1 opens div n=2, as the text reader's typed number;
    a heading that opens with a day is no section number."""
    document = docx.Document()
    metadata_paragraphs(document)
    document.add_paragraph("The talks were held in Sofia.")
    document.add_heading("2. Economic relations", level=1)
    document.add_paragraph("Deliveries were late.")
    document.add_heading("12 March 1962", level=1)
    document.add_paragraph("The delegation left.")
    document.save(str(tmp_path / "headings.docx"))
    tree = _convert(tmp_path / "headings.docx", context)
    assert tree.xpath("//tei:div[@n='2']/tei:head/tei:label/text()", namespaces=NS) == ["2."]
    assert tree.xpath("normalize-space(//tei:div[@n='2']/tei:head)", namespaces=NS) == \
        "2. Economic relations"
    assert tree.xpath("count(//tei:div[@n='12'])", namespaces=NS) == 0

"""docx15: a frame or text box beside the text is the margin's note (a stamp's words a stamp),
and Word's language marks (w:lang) are xml:lang where they say something of the words; each
with the inputs it must not fire on (a drop cap, a frame across the page, a box in the line;
a keyboard's language on the whole document, a Russian mark on Latin letters, en-GB in an
English text)."""

from __future__ import annotations

from pathlib import Path

from docx_fixtures import assert_valid, context
from heldout14_docs import B, metadata, p, package, part, r
from lxml import etree

from toolkit.convert import convert_bytes
from toolkit.output import serialize
from toolkit.readers import ReadContext
from toolkit.tei import NS

__all__ = ["context"]  # the fixture, imported for pytest

FRAME = ('<w:framePr w:w="{w}" w:hSpace="180" w:wrap="{wrap}" w:vAnchor="text" '
         'w:hAnchor="page" w:x="400" w:y="1"{extra}/>')


def _tree(path: Path, context: ReadContext, tei_all: etree.RelaxNG | None = None
          ) -> etree._Element:
    conversion = convert_bytes(path.read_bytes(), str(path), context)
    assert not [d for d in conversion.diagnostics if d.rule == "lost-text"]
    tree = etree.fromstring(serialize(conversion.tree))
    if tei_all is not None:
        assert_valid(tei_all, etree.ElementTree(tree))
    return tree


def _doc(path: Path, *paragraphs: str, parts: dict[str, str] | None = None,
         rels: list[tuple[str, str, str, bool]] | None = None, styles: str = "") -> Path:
    body = metadata("915900", "Report on the Talks", "May 4, 1958", "Russian")
    body += p("The delegation arrived in Moscow on 3 May 1958 and was received at once.")
    body += "".join(paragraphs)
    body += p("The talks went on for two days.")
    return package(path, body, parts, rels, styles=styles)


def _count(tree: etree._Element, xpath: str) -> int:
    return int(tree.xpath(f"count({xpath})", namespaces=NS))


def _box(inner: str, anchor: bool = True, width: int = 1800000, wrap: str = "wrapSquare"
         ) -> str:
    """A DrawingML text box, floating (anchored beside the text) or in the line."""
    if anchor:
        frame = ('<wp:anchor distT="0" distB="0" distL="0" distR="0" simplePos="0" '
                 'relativeHeight="1" behindDoc="0" locked="0" layoutInCell="1" '
                 'allowOverlap="1"><wp:simplePos x="0" y="0"/><wp:positionH '
                 'relativeFrom="margin"><wp:align>right</wp:align></wp:positionH>'
                 '<wp:positionV relativeFrom="paragraph"><wp:posOffset>0</wp:posOffset>'
                 f'</wp:positionV><wp:extent cx="{width}" cy="600000"/><wp:{wrap} '
                 + ('wrapText="bothSides"' if wrap == "wrapSquare" else "") + '/>')
        close = "</wp:anchor>"
    else:
        frame, close = f'<wp:inline><wp:extent cx="{width}" cy="600000"/>', "</wp:inline>"
    return ('<w:r><w:drawing>' + frame + '<wp:docPr id="1" name="Text Box 1"/><a:graphic>'
            '<a:graphicData uri="http://schemas.microsoft.com/office/word/2010/'
            'wordprocessingShape"><wps:wsp><wps:txbx><w:txbxContent>' + inner
            + '</w:txbxContent></wps:txbx><wps:bodyPr/></wps:wsp></a:graphicData></a:graphic>'
            + close + '</w:drawing></w:r>')


# -- margins ---------------------------------------------------------------------------------
def test_a_narrow_frame_is_a_marginal_note_a_stamps_words_a_stamp(
        tmp_path: Path, context: ReadContext, tei_all: etree.RelaxNG) -> None:
    frame = FRAME.format(w=1800, wrap="around", extra="")
    tree = _tree(_doc(tmp_path / "a.docx", p("Seen by the Minister", ppr=frame),
                      p(_box(p("Received 5 May 1958") + p("No. 0571")),
                        "Both sides spoke of trade.")), context, tei_all)
    note = "//tei:body//tei:note[@type='marginalia'][@place='margin']"
    assert _count(tree, f"{note}[normalize-space(.)='Seen by the Minister']") == 1
    assert _count(tree, "//tei:body//tei:p[contains(., 'Seen by')]") == 0
    stamp = "//tei:body//tei:note[@type='stamp'][@place='margin']/tei:stamp"
    assert _count(tree, f"{stamp}[contains(., 'Received 5 May 1958')]") == 1
    assert _count(tree, f"{stamp}[contains(., 'No. 0571')]") == 1
    assert _count(tree, "//tei:body//tei:p[normalize-space(.)='Both sides spoke of trade.']") == 1


def test_a_drop_cap_a_frame_across_the_page_and_a_box_in_the_line_are_no_margin(
        tmp_path: Path, context: ReadContext, tei_all: etree.RelaxNG) -> None:
    drop = FRAME.format(w=400, wrap="around", extra=' w:dropCap="drop" w:lines="3"')
    wide = FRAME.format(w=9000, wrap="around", extra="")
    apart = FRAME.format(w=1800, wrap="notBeside", extra="")
    tree = _tree(_doc(tmp_path / "b.docx", p("Framed across the page for emphasis.", ppr=wide),
                      p("Framed above the text, nothing beside it.", ppr=apart),
                      p(_box(p("Figure one shows the harbour."), anchor=False),
                        "The harbour was full."),
                      p(_box(p("A wide box of two columns of text."), width=5400000),
                        "The second day began.")), context, tei_all)
    assert _count(tree, "//tei:body//tei:note[@place='margin']") == 0
    for words in ("Framed across the page for emphasis.", "Framed above the text, nothing "
                  "beside it.", "Figure one shows the harbour.",
                  "A wide box of two columns of text."):
        assert _count(tree, f"//tei:body//tei:p[normalize-space(.)='{words}']") == 1, words
    assert drop  # a drop cap's letter is the word's: built in test_drop_cap_stays_in_its_word


def test_drop_cap_stays_in_its_word(tmp_path: Path, context: ReadContext) -> None:
    drop = FRAME.format(w=400, wrap="around", extra=' w:dropCap="drop" w:lines="3"')
    tree = _tree(_doc(tmp_path / "c.docx", p("T", ppr=drop), p("he meeting was short.")),
                 context)
    assert _count(tree, "//tei:body//tei:note[@place='margin']") == 0


def test_a_classification_mark_in_a_box_stays_a_mark(tmp_path: Path,
                                                      context: ReadContext) -> None:
    body = metadata("915901", "Report on the Talks", "May 4, 1958", "Russian")
    body += p(_box(p(r("TOP SECRET", B))), "Report on the Talks", style="Heading1")
    body += p("The delegation arrived in Moscow on 3 May 1958.")
    tree = _tree(package(tmp_path / "d.docx", body), context)
    assert _count(tree, "//tei:body//tei:fw[@type='classification'][.='TOP SECRET']") == 1
    assert _count(tree, "//tei:body//tei:note[@place='margin']") == 0


# -- languages -------------------------------------------------------------------------------
RU = '<w:lang w:val="ru-RU"/>'
DE = '<w:lang w:val="de-DE"/>'


def test_a_run_in_another_language_is_foreign_a_whole_paragraph_its_xml_lang(
        tmp_path: Path, context: ReadContext, tei_all: etree.RelaxNG) -> None:
    notes = part("footnotes", '<w:footnote w:id="1">' + p(
        '<w:r><w:footnoteRef/></w:r>', " Russian: ", r("Правда", RU), ".") + "</w:footnote>")
    tree = _tree(_doc(tmp_path / "e.docx",
                      p("The paper called it ", r("Ostpolitik", DE), " in German.",
                        '<w:r><w:footnoteReference w:id="1"/></w:r>'),
                      p(r("Совершенно секретно", RU)),
                      p("He quoted ", r("«Мир и дружба»", RU), " twice."),
                      parts={"word/footnotes.xml": notes},
                      rels=[("rIdF", "footnotes", "footnotes.xml", False)]), context, tei_all)
    assert _count(tree, "//tei:body//tei:p/tei:foreign[@xml:lang='de'][.='Ostpolitik']") == 1
    assert _count(tree, "//tei:body//tei:p[@xml:lang='ru'][.='Совершенно секретно']") == 1
    assert _count(tree, "//tei:body//tei:foreign[@xml:lang='ru'][.='«Мир и дружба»']") == 1
    assert _count(tree, "//tei:note[@place='foot']//tei:foreign[@xml:lang='ru'][.='Правда']") == 1
    assert _count(tree, "//tei:body//tei:p[@xml:lang='ru'][contains(., 'twice')]") == 0


def test_a_keyboards_language_a_mark_on_the_wrong_script_and_a_regional_english_are_not_kept(
        tmp_path: Path, context: ReadContext, tei_all: etree.RelaxNG) -> None:
    hungarian = '<w:lang w:val="hu-HU"/>'
    body = metadata("915902", "Report on the Talks", "May 4, 1958", "Hungarian")
    body += p(r("The delegation arrived in Budapest on 3 May 1958.", hungarian))
    body += p(r("The talks were held in the Parliament.", hungarian))
    body += p(r("Both sides spoke of trade and of ", hungarian), r("Comecon", RU),
              r(" matters.", hungarian))
    body += p(r("The British side, in ", hungarian), r("colour", '<w:lang w:val="en-GB"/>'),
              r(", agreed.", hungarian))
    body += p(r("The minister said that the talks had been useful.", DE))  # a German keyboard
    tree = _tree(package(tmp_path / "f.docx", body), context, tei_all)
    assert _count(tree, "//tei:body//tei:foreign") == 0
    assert _count(tree, "//tei:body//*[@xml:lang]") == 0


def test_a_document_default_language_other_than_english_is_the_documents(
        tmp_path: Path, context: ReadContext) -> None:
    """Word's defaults (docDefaults) say de-DE; the few runs marked en-US are English too."""
    styles = ('<w:style w:type="paragraph" w:styleId="German"><w:name w:val="German Body"/>'
              '<w:rPr><w:lang w:val="de-DE"/></w:rPr></w:style>')
    body = metadata("915903", "Report on the Talks", "May 4, 1958", "German")
    body += p("The delegation arrived in Berlin on 3 May 1958.", style="German")
    body += p("The talks were held at the ministry.", style="German")
    body += p(r("Both sides agreed.", '<w:lang w:val="en-US"/>'), style="German")
    tree = _tree(package(tmp_path / "g.docx", body, styles=styles), context)
    assert _count(tree, "//tei:body//*[@xml:lang]") == 0

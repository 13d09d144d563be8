"""Word files as translators really send them (issue #10): what the probe of invented files
found wrong, each case built in code (python-docx body, hand-written OOXML in place of
placeholder runs) and checked for its TEI, its warnings and its validity."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

import docx
from docx_fixtures import add_parts, assert_valid, context, metadata_paragraphs, placeholder
from lxml import etree

from toolkit.convert import convert_bytes
from toolkit.readers import Conversion, ReadContext
from toolkit.tei import NS

__all__ = ["context"]  # the fixture, imported for pytest

MC = "http://schemas.openxmlformats.org/markup-compatibility/2006"
WPS = "http://schemas.microsoft.com/office/word/2010/wordprocessingShape"
V = "urn:schemas-microsoft-com:vml"


def convert(path: Path, body: Sequence[str], edits: Sequence[tuple[str, str]],
            context: ReadContext, external: Sequence[tuple[str, str, str]] = (),
            parts: dict[str, str] | None = None,
            relationships: Sequence[tuple[str, str, str]] = ()) -> Conversion:
    """A report whose body paragraphs are `body`; @@TOKEN@@ paragraphs are replaced by XML."""
    document = docx.Document()
    metadata_paragraphs(document, "900010")
    for text in body:
        document.add_paragraph(text)
    document.save(str(path))
    add_parts(path, parts or {}, relationships, [],
              [(f"<w:p>{placeholder(old)}</w:p>", new) for old, new in edits], external)
    return convert_bytes(path.read_bytes(), str(path), context)


def body_of(conversion: Conversion) -> etree._Element:
    body = conversion.tree.find(".//tei:body/tei:div", NS)
    assert body is not None
    return body


def texts(element: etree._Element, path: str) -> list[str]:
    return [" ".join("".join(e.itertext()).split()) for e in element.iterfind(path, NS)]


def messages(conversion: Conversion) -> list[tuple[int | None, str]]:
    return [(d.line, d.message) for d in conversion.diagnostics]


def run(text: str) -> str:
    return f'<w:r><w:t xml:space="preserve">{text}</w:t></w:r>'


def field(instruction: str, result: str) -> str:
    return (f'<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText '
            f'xml:space="preserve"> {instruction} </w:instrText></w:r><w:r><w:fldChar '
            f'w:fldCharType="separate"/></w:r>{result}<w:r><w:fldChar w:fldCharType="end"/>'
            '</w:r>')


def test_links_that_could_run_code_never_reach_the_tei(tmp_path: Path, context: ReadContext,
                                                      tei_all: etree.RelaxNG) -> None:
    links = ('<w:p>' + run("See ") + '<w:hyperlink r:id="rIdJ">' + run("click here") +
             '</w:hyperlink>' + run(", ") + field('HYPERLINK "data:text/html,&lt;b&gt;"',
                                                  run("the data")) + run(", ") +
             '<w:fldSimple w:instr=" HYPERLINK &quot;JavaScript:alert(3)&quot; ">' +
             run("the simple one") + '</w:fldSimple>' + run(" and ") +
             '<w:hyperlink r:id="rIdH">' + run("the archive") + '</w:hyperlink>' +
             run(", ") + '<w:hyperlink r:id="rIdS">' + run("the spaced one") + '</w:hyperlink>' +
             run(".") + '</w:p>')
    conversion = convert(tmp_path / "links.docx", ["@@LINKS@@", "Kovács"],
                         [("@@LINKS@@", links)], context,
                         external=[("rIdJ", "hyperlink", "javascript:alert(1)"),
                                   ("rIdH", "hyperlink", "https://example.org/a%20b"),
                                   ("rIdS", "hyperlink", " jav\tascript:alert(5)")])
    assert_valid(tei_all, conversion.tree)
    body = body_of(conversion)
    assert [r.get("target") for r in body.iter(f"{{{NS['tei']}}}ref")] == \
        ["https://example.org/a%20b"]
    assert texts(body, "tei:p")[0] == \
        "See click here, the data, the simple one and the archive, the spaced one."
    dropped = [m for line, m in messages(conversion) if line == 11 and "link is dropped" in m]
    assert len(dropped) == 4
    assert b"javascript" not in etree.tostring(conversion.tree).lower()


def text_box(words: str) -> str:
    """A Word 2010 text box: the shape as mc:Choice, the VML copy as mc:Fallback."""
    content = f"<w:txbxContent><w:p>{run(words)}</w:p></w:txbxContent>"
    return (f'<w:r><mc:AlternateContent xmlns:mc="{MC}"><mc:Choice Requires="wps"><w:drawing>'
            f'<wps:wsp xmlns:wps="{WPS}"><wps:txbx>{content}</wps:txbx></wps:wsp></w:drawing>'
            f'</mc:Choice><mc:Fallback><w:pict><v:shape xmlns:v="{V}"><v:textbox>{content}'
            '</v:textbox></v:shape></w:pict></mc:Fallback></mc:AlternateContent></w:r>')


def test_a_text_box_is_a_paragraph_of_its_own_read_once(tmp_path: Path, context: ReadContext,
                                                        tei_all: etree.RelaxNG) -> None:
    stamped = "<w:p>" + text_box("STRICTLY SECRET") + run("The memo begins here.") + "</w:p>"
    conversion = convert(tmp_path / "box.docx", ["@@BOX@@", "It ends here.", "Kovács"],
                         [("@@BOX@@", stamped)], context)
    assert_valid(tei_all, conversion.tree)
    body = body_of(conversion)
    # Before: "STRICTLY SECRETThe memo begins here." in one paragraph.
    assert texts(body, "tei:fw") == ["STRICTLY SECRET"]
    assert texts(body, "tei:p") == ["The memo begins here.", "It ends here."]
    assert "".join(body.itertext()).count("STRICTLY SECRET") == 1
    assert any(line == 11 and "text box" in m for line, m in messages(conversion))


def test_the_page_break_of_an_empty_paragraph_is_kept(tmp_path: Path, context: ReadContext,
                                                      tei_all: etree.RelaxNG) -> None:
    conversion = convert(tmp_path / "page.docx",
                         ["The first page ends here.", "@@PAGE@@", "The second page.", "Kovács"],
                         [("@@PAGE@@", '<w:p><w:r><w:br w:type="page"/></w:r></w:p>')], context)
    assert_valid(tei_all, conversion.tree)
    second = body_of(conversion).findall("tei:p", NS)[1]
    assert second[0].tag == f"{{{NS['tei']}}}pb" and second[0].tail == "The second page."
    assert second.text is None or not second.text.strip()


TOC = ('<w:p><w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText xml:space="preserve"'
       '> TOC \\o "1-3" \\h </w:instrText></w:r><w:r><w:fldChar w:fldCharType="separate"/></w:r>'
       '<w:hyperlink w:anchor="_Toc1">' + run("Trade") + '<w:r><w:tab/></w:r>' + run("1") +
       '</w:hyperlink></w:p><w:p><w:hyperlink w:anchor="_Toc2">' + run("Grain") +
       '<w:r><w:tab/></w:r>' + run("2") + '</w:hyperlink></w:p>')
TOC_END = '<w:p><w:r><w:fldChar w:fldCharType="end"/></w:r></w:p>'


def test_words_table_of_contents_is_not_text(tmp_path: Path, context: ReadContext,
                                             tei_all: etree.RelaxNG) -> None:
    conversion = convert(tmp_path / "toc.docx", ["@@TOC@@", "On trade and grain.", "Kovács"],
                         [("@@TOC@@", TOC + TOC_END)], context)
    assert_valid(tei_all, conversion.tree)
    # Before: "Trade 1" and "Grain 2" were paragraphs of the translation.
    assert texts(body_of(conversion), "tei:p") == ["On trade and grain."]
    assert any("TOC field" in m for _, m in messages(conversion))
    assert not any("place inside the Word file" in m for _, m in messages(conversion))


def test_a_table_of_contents_that_never_closes_keeps_its_text(
        tmp_path: Path, context: ReadContext) -> None:
    conversion = convert(tmp_path / "toc-open.docx", ["@@TOC@@", "On trade and grain.", "Kovács"],
                         [("@@TOC@@", TOC)], context)
    assert texts(body_of(conversion), "tei:p")[:3] == ["Trade 1", "Grain 2", "On trade and grain."]


def test_a_field_code_that_never_ends_does_not_swallow_the_next_paragraph(
        tmp_path: Path, context: ReadContext) -> None:
    broken = ('<w:p>' + run("Printed on ") + '<w:r><w:fldChar w:fldCharType="begin"/></w:r>'
              '<w:r><w:instrText> DATE </w:instrText></w:r></w:p>')
    conversion = convert(tmp_path / "field.docx", ["@@F@@", "The next paragraph.", "Kovács"],
                         [("@@F@@", broken)], context)
    assert texts(body_of(conversion), "tei:p")[:2] == ["Printed on", "The next paragraph."]
    assert (11, "a Word field is not closed in its paragraph; its code is dropped") in \
        messages(conversion)


HEADER = ('<w:p>' + run("Ministry of Foreign Trade, page ") +
          '<w:fldSimple w:instr=" PAGE "><w:r><w:t>1</w:t></w:r></w:fldSimple></w:p>')
FOOTER = ('<w:p>' + run("Page ") + field("PAGE", run("1")) + run(" of ") +
          field("NUMPAGES", run("3")) + '</w:p><w:p>' + run("Translated by T. Person") + '</w:p>')


def test_headers_and_footers_are_kept_once_as_forme_work(tmp_path: Path, context: ReadContext,
                                                         tei_all: etree.RelaxNG) -> None:
    conversion = convert(
        tmp_path / "running.docx", ["The text.", "Kovács"], [], context,
        parts={"word/header1.xml": HEADER.join(_part("hdr")),
               "word/header2.xml": HEADER.join(_part("hdr")),  # a second section's copy
               "word/footer1.xml": FOOTER.join(_part("ftr"))},
        relationships=[("rIdH1", "header", "header1.xml"), ("rIdH2", "header", "header2.xml"),
                       ("rIdF1", "footer", "footer1.xml")])
    assert_valid(tei_all, conversion.tree)
    div = body_of(conversion)
    fws = [(f.get("type"), f.get("place"), f.text) for f in div.iterfind("tei:fw", NS)]
    # Before: the header and footer were lost without a word. Page numbers are Word's.
    assert fws == [("header", "top", "Ministry of Foreign Trade, page"),
                   ("footer", "bottom", "Translated by T. Person")]
    assert div[0].tag == f"{{{NS['tei']}}}fw" and div[-1].tag == f"{{{NS['tei']}}}fw"
    assert sum("forme work" in m for _, m in messages(conversion)) == 2


def _part(root: str) -> tuple[str, str]:
    w = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
    return f'<w:{root} xmlns:w="{w}">', f"</w:{root}>"


NUMBERING = ('<w:numbering xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">'
             '<w:abstractNum w:abstractNumId="7"><w:lvl w:ilvl="0"><w:numFmt w:val="bullet"/>'
             '<w:lvlText w:val="•"/></w:lvl><w:lvl w:ilvl="1"><w:numFmt w:val="bullet"/>'
             '<w:lvlText w:val="o"/></w:lvl></w:abstractNum><w:num w:numId="7">'
             '<w:abstractNumId w:val="7"/></w:num></w:numbering>')


def bullet(text: str, level: int) -> str:
    return (f'<w:p><w:pPr><w:numPr><w:ilvl w:val="{level}"/><w:numId w:val="7"/></w:numPr>'
            f'</w:pPr>{run(text)}</w:p>')


def test_a_nested_bullet_is_a_list_inside_its_item(tmp_path: Path, context: ReadContext,
                                                   tei_all: etree.RelaxNG) -> None:
    items = bullet("grain", 0) + bullet("wheat", 1) + bullet("rye", 1) + bullet("machines", 0)
    conversion = convert(tmp_path / "nested.docx", ["He listed:", "@@L@@", "Kovács"],
                         [("@@L@@", items)], context,
                         parts={"word/numbering.xml": NUMBERING},
                         relationships=[("rIdN", "numbering", "numbering.xml")])
    assert_valid(tei_all, conversion.tree)
    outer = body_of(conversion).find("tei:list", NS)
    assert outer is not None
    # Before: one flat list of four items, the indentation lost.
    assert [i.text for i in outer.findall("tei:item", NS)] == ["grain", "machines"]
    assert texts(outer, "tei:item[1]/tei:list/tei:item") == ["wheat", "rye"]


BR = "<w:r><w:br/></w:r>"


def test_soft_line_breaks_end_paragraphs_where_the_text_export_would(
        tmp_path: Path, context: ReadContext, tei_all: etree.RelaxNG) -> None:
    tab = "<w:r><w:tab/></w:r>"
    memo = ("<w:p>" + run("TO:") + tab + run("Comrade Ivanov") + BR + run("FROM:") + tab +
            run("Trade Mission") + BR + run("DATE:") + tab + run("3 March 1962") + "</w:p>")
    prose = ("<w:p>" + run("The attaché came at ten.") + BR + BR +
             '<w:r><w:rPr><w:i/></w:rPr><w:t xml:space="preserve">He spoke</w:t></w:r>' + BR +
             '<w:r><w:rPr><w:i/></w:rPr><w:t xml:space="preserve">about grain.</w:t></w:r>' +
             BR + BR + run("He left at noon.") + "</w:p>")
    conversion = convert(tmp_path / "soft.docx", ["@@MEMO@@", "@@PROSE@@", "Ivanov"],
                         [("@@MEMO@@", memo), ("@@PROSE@@", prose)], context)
    assert_valid(tei_all, conversion.tree)
    div = body_of(conversion)
    # Before: one memo field holding FROM and DATE after line breaks, one paragraph of three.
    assert [s.get("subtype") for s in div.iterfind("tei:opener/tei:seg", NS)] == \
        ["to", "from", "date"]
    paragraphs = div.findall("tei:p", NS)
    assert [[t for t in p.itertext() if t] for p in paragraphs] == [
        ["The attaché came at ten."], ["He spoke", "about grain."], ["He left at noon."]]
    # one break alone is a line of the same paragraph; the italic runs over it
    assert [e.tag.split("}")[1] for e in paragraphs[1].iter()] == ["p", "hi", "lb"]


def test_symbol_font_characters_are_the_glyphs_word_shows(
        tmp_path: Path, context: ReadContext, tei_all: etree.RelaxNG) -> None:
    def sym(font: str, code: str) -> str:
        return f'<w:r><w:sym w:font="{font}" w:char="{code}"/></w:r>'
    symbols = ("<w:p>" + run("Checked ") + sym("Wingdings", "F0FC") + run(", Moscow ") +
               sym("Symbol", "F0AE") + run(" Beijing, angle ") + sym("Symbol", "F061") +
               run(", odd ") + sym("Webdings", "F061") + run(".") + "</w:p>")
    conversion = convert(tmp_path / "sym.docx", ["@@S@@", "Kovács"], [("@@S@@", symbols)],
                         context)
    assert_valid(tei_all, conversion.tree)
    # Before: "Checked ü, Moscow ® Beijing, angle a".
    assert texts(body_of(conversion), "tei:p")[0] == "Checked ✔, Moscow → Beijing, angle α, odd a."
    assert [m for _, m in messages(conversion) if "font character" in m] == [
        "a Webdings font character is kept as the character of its code, which may not be the "
        "glyph Word shows"]

"""docx14's reader fixes, each with the input it must not fire on: numbers of a list style
(numStyleLink) and legal numbering (isLgl), a soft line break between two short lines (a
signature's name over its role), the page break before a heading put before its head."""

from __future__ import annotations

from pathlib import Path

from docx_fixtures import context
from heldout14_docs import metadata, num, p, package, part
from lxml import etree

from toolkit.convert import convert_bytes
from toolkit.output import serialize
from toolkit.projection import project
from toolkit.readers import ReadContext
from toolkit.tei import NS

__all__ = ["context"]  # the fixture, imported for pytest

LVL = ('<w:lvl w:ilvl="{0}"><w:start w:val="1"/><w:numFmt w:val="{1}"/>{3}'
       '<w:lvlText w:val="{2}"/></w:lvl>')


def _tree(path: Path, context: ReadContext) -> etree._Element:
    conversion = convert_bytes(path.read_bytes(), str(path), context)
    assert not [d for d in conversion.diagnostics if d.rule == "lost-text"]
    return etree.fromstring(serialize(conversion.tree))


def _text(tree: etree._Element) -> str:
    return " ".join(project(etree.ElementTree(tree)).split())


def _listed(path: Path, link: str, legal: bool) -> Path:
    numbering = part("numbering", (
        f'<w:abstractNum w:abstractNumId="1"><w:styleLink w:val="Sections"/>'
        + LVL.format(0, "upperRoman", "%1.", "")
        + LVL.format(1, "decimal", "%1.%2", "<w:isLgl/>" if legal else "") + "</w:abstractNum>"
        f'<w:abstractNum w:abstractNumId="2"><w:numStyleLink w:val="{link}"/></w:abstractNum>'
        '<w:num w:numId="1"><w:abstractNumId w:val="1"/></w:num>'
        '<w:num w:numId="2"><w:abstractNumId w:val="2"/></w:num>'))
    body = metadata("914101", "Report", "July 20, 1963", "Polish")
    body += p("The report has two parts.") + p("Internal situation", ppr=num(2))
    body += p("The situation was calm.", ppr=num(2, 1)) + p("Foreign policy", ppr=num(2))
    body += p("Relations were good.", ppr=num(2, 1)) + p("The end of the report.")
    return package(path, body, {"word/numbering.xml": numbering},
                   [("rIdN", "numbering", "numbering.xml", False)])


def test_a_list_using_a_list_style_has_its_numbers(tmp_path: Path,
                                                   context: ReadContext) -> None:
    text = _text(_tree(_listed(tmp_path / "a-914101.docx", "Sections", True), context))
    assert "I. Internal situation" in text and "1.1 The situation was calm." in text
    assert "II. Foreign policy" in text and "2.1 Relations were good." in text


def test_without_is_lgl_the_levels_above_keep_their_format(tmp_path: Path,
                                                         context: ReadContext) -> None:
    text = _text(_tree(_listed(tmp_path / "b-914101.docx", "Sections", False), context))
    assert "I.1 The situation was calm." in text and "II.1 Relations were good." in text


def test_a_link_to_no_list_style_gives_no_number(tmp_path: Path,
                                                 context: ReadContext) -> None:
    text = _text(_tree(_listed(tmp_path / "c-914101.docx", "Missing", True), context))
    assert "Internal situation" in text and "I. Internal" not in text


def _ending(path: Path, last: str) -> Path:
    body = metadata("914102", "Report", "April 12, 1962", "Hungarian")
    body += p("The delegation will leave for Prague on 15 April.") + p(last)
    return package(path, body)


def test_a_soft_break_between_a_name_and_its_role_parts_them(tmp_path: Path,
                                                             context: ReadContext) -> None:
    tree = _tree(_ending(tmp_path / "a-914102.docx", "Károly Fendler\nAmbassador"), context)
    signed = tree.findall(".//tei:closer/tei:signed", NS)
    assert len(signed) == 1
    assert [e.text for e in signed[0].iter(f"{{{NS['tei']}}}persName")] == ["Károly Fendler"]
    assert "Ambassador" in "".join(signed[0].itertext())


def test_a_soft_break_inside_a_sentence_stays_a_line_of_its_paragraph(
        tmp_path: Path, context: ReadContext) -> None:
    for last in ("He met the Minister of\nForeign Affairs on Monday.",
                 "We are, Comrade Ambassador,\nYours sincerely",
                 "The talks were long and the results were poor.\nThe delegation left."):
        tree = _tree(_ending(tmp_path / "b-914102.docx", last), context)
        found = [q for q in tree.iterfind(".//tei:body//tei:p", NS)
                 if q.find("tei:lb", NS) is not None]
        assert len(found) == 1, last


def _pages(path: Path, before: bool) -> Path:
    body = metadata("914103", "Report", "April 12, 1962", "Hungarian")
    body += p("Report", style="Heading1") + p("The first day was quiet.")
    body += p("The second day", style="Heading2", ppr="<w:pageBreakBefore/>" if before else "")
    body += p("The talks went on.")
    return package(path, body)


def test_the_page_break_before_a_heading_stands_before_its_head(
        tmp_path: Path, context: ReadContext) -> None:
    tree = _tree(_pages(tmp_path / "a-914103.docx", True), context)
    div = tree.find(".//tei:div[tei:head='The second day']", NS)
    assert div is not None and [etree.QName(c).localname for c in div][:2] == ["pb", "head"]
    assert len(tree.findall(".//tei:body//tei:pb", NS)) == 1


def test_a_heading_without_a_page_break_has_no_pb(tmp_path: Path,
                                                  context: ReadContext) -> None:
    tree = _tree(_pages(tmp_path / "b-914103.docx", False), context)
    assert tree.findall(".//tei:body//tei:pb", NS) == []


def _labels(path: Path, bold_label: bool) -> Path:
    body = metadata("914104", "Report on the Harvest", "June 2, 1960", "Russian", tabs=True)
    if not bold_label:  # the labels typed plain: the plain-text copy's fallback, reported
        body = body.replace("<w:rPr><w:b/></w:rPr><w:t xml:space=\"preserve\">Citation:",
                            "<w:t xml:space=\"preserve\">Citation:")
    body += p("The harvest was good.") + p("A. Lavrentev")
    return package(path, body)


def test_a_bold_label_and_its_value_after_a_tab_are_a_metadata_field(
        tmp_path: Path, context: ReadContext) -> None:
    for bold in (True, False):
        path = _labels(tmp_path / f"{bold}-914104.docx", bold)
        conversion = convert_bytes(path.read_bytes(), str(path), context)
        tree = etree.fromstring(serialize(conversion.tree))
        assert tree.xpath("//tei:langUsage/tei:language[@ident='ru']", namespaces=NS)
        assert tree.xpath("//tei:profileDesc/tei:abstract[contains(.,'invented')]",
                          namespaces=NS)
        said = [d.message for d in conversion.diagnostics if "not in bold" in d.message]
        assert bool(said) is not bold, said


def _table(path: Path, rows: list[list[str]], title: bool) -> Path:
    def cell(text: str, span: int = 1) -> str:
        grid = f'<w:tcPr><w:gridSpan w:val="{span}"/></w:tcPr>' if span > 1 else ""
        return f"<w:tc>{grid}{p(text)}</w:tc>"

    made = [cell("MEMORANDUM", 2)] if title else []
    made += ["".join(cell(x) for x in row) for row in rows]
    body = metadata("914105", "Memorandum", "April 12, 1962", "Hungarian")
    body += ('<w:tbl><w:tblPr><w:tblW w:w="0" w:type="auto"/></w:tblPr><w:tblGrid>'
             '<w:gridCol w:w="2000"/><w:gridCol w:w="7000"/></w:tblGrid>'
             + "".join(f"<w:tr>{row}</w:tr>" for row in made) + "</w:tbl>")
    body += p("The delegation will leave for Prague on 15 April.") + p("A. Lavrentev")
    return package(path, body)


def test_a_memo_header_laid_out_as_a_table_is_the_memos_fields(
        tmp_path: Path, context: ReadContext) -> None:
    rows = [["TO:", "The Minister"], ["FROM:", "Embassy in Pyongyang"],
            ["Subject:", "Trade delegation"]]
    tree = _tree(_table(tmp_path / "a-914105.docx", rows, True), context)
    assert tree.findall(".//tei:body//tei:table", NS) == []
    fields = tree.findall(".//tei:body//tei:opener/tei:seg[@type='memo-field']", NS)
    assert [f.get("subtype") for f in fields] == ["to", "from", "subject"]
    assert tree.find(".//tei:body//tei:head", NS) is not None


def test_a_table_of_figures_or_of_three_columns_stays_a_table(
        tmp_path: Path, context: ReadContext) -> None:
    for name, rows in (("b", [["Year", "Tons"], ["1959", "1200"], ["1960", "1300"]]),
                       ("c", [["TO:", "The Minister"], ["1959", "1200"], ["FROM:", "Embassy"]]),
                       ("d", [["TO:", "The Minister"]])):
        tree = _tree(_table(tmp_path / f"{name}-914105.docx", rows, False), context)
        assert len(tree.findall(".//tei:body//tei:table", NS)) == 1, name

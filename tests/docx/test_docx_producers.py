"""Eleven Word files in shapes no other fixture has (issue #10), each made by a real producer as
a user would make it: LibreOffice from flat ODT or HTML (`producer_sources.py`), python-docx,
or Word's own Strict Open XML written from python-docx's parts. Each is converted as a user
converts it and its TEI checked against what the document says, and against tei_all."""

from __future__ import annotations

import base64
import subprocess
import sys
import zipfile
from pathlib import Path

import docx
import pytest
from docx.enum.section import WD_SECTION
from docx.enum.style import WD_STYLE_TYPE
from docx.enum.text import WD_TAB_ALIGNMENT
from docx.shared import Inches
from docx_fixtures import ROOT, add_parts, assert_valid, context, libreoffice, \
    metadata_paragraphs, rewrite
from lxml import etree
from producer_sources import CHANGES_AND_COMMENTS, HEADINGS_AND_NOTES, NUMBERING, \
    SECTIONS_AND_FIELDS, TABLE_AND_LINKS_HTML, TYPED_LAYOUT, images, png

from toolkit.convert import convert_bytes
from toolkit.readers import Conversion, ReadContext
from toolkit.tei import NS

__all__ = ["context"]  # the fixture, imported for pytest

T = f"{{{NS['tei']}}}"
XML_ID = "{http://www.w3.org/XML/1998/namespace}id"
SOURCES = {"headings-notes.fodt": HEADINGS_AND_NOTES, "table-links.html": TABLE_AND_LINKS_HTML,
           "numbering.fodt": NUMBERING, "changes-comments.fodt": CHANGES_AND_COMMENTS,
           "typed-layout.fodt": TYPED_LAYOUT, "sections-fields.fodt": SECTIONS_AND_FIELDS,
           "images.fodt": images(base64.b64encode(png()).decode())}


@pytest.fixture(scope="module")
def made_by_libreoffice(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """Every source through LibreOffice in one run (one start-up, its own profile)."""
    office = libreoffice()
    if office is None:
        pytest.fail("LibreOffice (Debian package libreoffice-writer-nogui) is not installed: "
                    "`make test` installs the system packages")
    folder = tmp_path_factory.mktemp("producers")
    paths = []
    for name, text in SOURCES.items():
        paths.append(folder / name)
        paths[-1].write_text(text, encoding="utf-8")
    subprocess.run([office, f"-env:UserInstallation=file://{folder / 'lo-profile'}",
                    "--headless", "--norestore", "--convert-to", "docx:MS Word 2007 XML",
                    "--outdir", str(folder), *map(str, paths)],
                   check=True, capture_output=True, timeout=300)
    made = {name.split(".")[0]: folder / (name.split(".")[0] + ".docx") for name in SOURCES}
    assert all(path.exists() for path in made.values()), sorted(folder.iterdir())
    return made


def convert(path: Path, context: ReadContext, tei_all: etree.RelaxNG) -> Conversion:
    conversion = convert_bytes(path.read_bytes(), str(path), context)
    assert_valid(tei_all, conversion.tree)
    return conversion


def body_of(conversion: Conversion) -> etree._Element:
    body = conversion.tree.find(".//tei:body/tei:div", NS)
    assert body is not None
    return body


def text(element: etree._Element) -> str:
    return " ".join("".join(element.itertext()).split())


def warnings(conversion: Conversion) -> list[tuple[int | None, str]]:
    return [(d.line, d.message) for d in conversion.diagnostics if d.severity.value == "warning"]


def shape(element: etree._Element) -> str:
    """The element's markup without the TEI namespace, for comparing small fragments."""
    return etree.tostring(element, encoding="unicode", with_tail=False).replace(
        f' xmlns="{NS["tei"]}"', "")


# 1 ---------------------------------------------------------------------------------------
def test_numbered_german_headings_are_numbered_divisions_and_notes_keep_their_markup(
        made_by_libreoffice: dict[str, Path], context: ReadContext,
        tei_all: etree.RelaxNG) -> None:
    body = body_of(convert(made_by_libreoffice["headings-notes"], context, tei_all))
    # Before: "1. Economic relations" headed the whole text and "2. Cultural relations" was
    # a division inside it; the numbers were text in the heads.
    outline = [(d.get("n"), len(d.xpath("ancestor::tei:div", namespaces=NS)),
                d.xpath("normalize-space(tei:head)", namespaces=NS))
               for d in body.iterdescendants(f"{T}div")]
    assert outline == [("1", 1, "1. Economic relations"), ("1.1", 2, "1.1. Machinery"),
                       ("1.2", 2, "1.2. Grain"), ("2", 1, "2. Cultural relations")]
    assert body.xpath("string(tei:div[@n='2']/tei:head/tei:label)", namespaces=NS) == "2."
    notes = body.findall(".//tei:note", NS)
    assert [(n.get("place"), n.get("n")) for n in notes] == [("foot", "1"), ("end", "i"),
                                                             ("foot", "2")]
    assert shape(notes[0]) == (
        '<note place="foot" n="1">See the <hi rend="bold">annual report</hi> of the '
        '<hi rend="italic">Ministry</hi>, <ref target="https://example.org/report">online</ref>.'
        '<lb/>A second paragraph of the note.</note>')


# 2 ---------------------------------------------------------------------------------------
def test_an_html_table_with_merged_header_cells_and_pasted_links(
        made_by_libreoffice: dict[str, Path], context: ReadContext,
        tei_all: etree.RelaxNG) -> None:
    conversion = convert(made_by_libreoffice["table-links"], context, tei_all)
    body = body_of(conversion)
    table = body.find("tei:table", NS)
    assert table is not None
    rows = [(r.get("role"), [(text(c), c.get("rows"), c.get("cols")) for c in r])
            for r in table.findall("tei:row", NS)]
    assert rows == [
        ("label", [("Good", "2", None), ("Tons", None, "2")]),
        ("label", [("1962", None, None), ("1963", None, None)]),
        (None, [("Coal", None, None), ("1,200", None, None), ("1,500", None, None)]),
        (None, [("Grain", None, None), ("not stated", None, "2")]),
        (None, [("Steel", "2", None), ("300", None, None), ("350", None, None)]),
        (None, [("40", None, None), ("45", None, None)])]
    # Only http(s), mailto and relative links survive. LibreOffice makes the translator's
    # file:///C:/... link relative ("../../../C:/Users/..."): before, that became a ref.
    links = [(r.get("target"), text(r)) for r in body.iter(f"{T}ref")]
    assert links == [("https://example.org/a", "the archive"),
                     ("../documents/900103.html", "the next document"),
                     ("mailto:archive@example.org", "the archivist")]
    assert text(body.findall("tei:p", NS)[-1]).startswith(
        "See the archive, the FTP copy, the local copy, the next document")
    found = [m for _, m in warnings(conversion)]
    assert any("'ftp://example.org/file' is not a web or mail address" in m for m in found)
    assert any("points to a file on the translator's computer" in m for m in found)


# 3 ---------------------------------------------------------------------------------------
def test_heading_styles_named_in_other_languages_and_a_section_break(
        tmp_path: Path, context: ReadContext, tei_all: etree.RelaxNG) -> None:
    """python-docx writes custom styles by name only, as a German or French template has
    them: 'Überschrift 1', 'Titre 2', with no outline level."""
    document = docx.Document()
    metadata_paragraphs(document, "900103")
    for name in ("Überschrift 1", "Titre 2"):
        document.styles.add_style(name, WD_STYLE_TYPE.PARAGRAPH).font.bold = True
    document.add_paragraph("Bericht über die Reise", style="Überschrift 1")
    document.add_paragraph("The delegation left on Monday.")
    document.add_paragraph("Le retour", style="Titre 2")
    document.add_paragraph("It came back by air and the")
    document.add_section(WD_SECTION.NEW_PAGE)
    document.add_paragraph("report ends here.")
    document.add_section(WD_SECTION.CONTINUOUS)
    document.add_paragraph("Kovács")
    path = tmp_path / "styles-900103.docx"
    document.save(str(path))
    body = body_of(convert(path, context, tei_all))
    # Before: both heads were plain paragraphs (the names were not read as headings) and
    # the section break to a new page left no trace.
    assert text(body.find("tei:head", NS)) == "Bericht über die Reise"  # type: ignore[arg-type]
    section = body.find("tei:div", NS)
    assert section is not None and text(section.find("tei:head", NS)) == "Le retour"  # type: ignore[arg-type]
    joined = section.find("tei:p", NS)
    assert joined is not None and shape(joined) == \
        "<p>It came back by air and the <pb/>report ends here.</p>"
    assert len(body.findall(".//tei:pb", NS)) == 1  # the continuous section has none


# 4 ---------------------------------------------------------------------------------------
def test_multi_level_numbering_that_restarts(made_by_libreoffice: dict[str, Path],
                                             context: ReadContext,
                                             tei_all: etree.RelaxNG) -> None:
    body = body_of(convert(made_by_libreoffice["numbering"], context, tei_all))
    points = [(p.get("n"), text(p)) for p in body.findall("tei:p", NS)]
    # Before: the restarted list counted 1, 1 (LibreOffice restarts with one num and goes on
    # with another of the same abstract list), and "for power stations," was joined to the
    # next item as if a page had cut the sentence.
    assert points[-2:] == [("1", "1. Coal can be delivered from May."),
                           ("2", "2. Payment is agreed.")]
    assert ("i", "i. for power stations,") in points
    assert not body.findall(".//tei:pb", NS)
    assert [n for n, _ in points[1:5]] == ["1", "a", "b", "i"]


# 5 ---------------------------------------------------------------------------------------
def test_changes_by_two_people_and_a_comment_over_two_paragraphs(
        made_by_libreoffice: dict[str, Path], context: ReadContext,
        tei_all: etree.RelaxNG) -> None:
    conversion = convert(made_by_libreoffice["changes-comments"], context, tei_all)
    tree, body = conversion.tree, body_of(conversion)
    people = {p.get(XML_ID): p.text for p in tree.xpath(
        "//tei:titleStmt/tei:respStmt/tei:persName[@xml:id]", namespaces=NS)}
    assert sorted(people.values()) == ["Anna Editor", "Béla Reviewer"]
    by = {v: f"#{k}" for k, v in people.items()}
    paragraphs = body.findall("tei:p", NS)
    assert [(e.tag.replace(T, ""), text(e), e.get("resp")) for e in paragraphs[0]
            if e.tag in (f"{T}add", f"{T}del")] == [
        ("del", "urgently", by["Béla Reviewer"]), ("add", "with the minister", by["Anna Editor"])]
    assert shape(paragraphs[1]).startswith("<p><add ") and \
        text(paragraphs[1]) == "This paragraph was added by the reviewer."
    anchor = paragraphs[2].find("tei:anchor", NS)
    ranged, reply = paragraphs[3].findall("tei:note[@type='comment']", NS)
    assert anchor is not None and ranged.get("target") == \
        "#" + anchor.get(XML_ID, "")
    assert reply.get("target") is None and reply.get("resp") == by["Béla Reviewer"]
    assert shape(reply).endswith('Source: the <hi rend="italic">diary</hi>.<lb/>Second '
                                 "paragraph of the comment.</note>")
    whens = tree.xpath("//tei:revisionDesc/tei:change[@xml:id]/@when", namespaces=NS)
    assert len(whens) == 3


# 6 ---------------------------------------------------------------------------------------
def test_a_right_tab_dateline_letter_spacing_small_caps_and_typed_note_numbers(
        made_by_libreoffice: dict[str, Path], context: ReadContext,
        tei_all: etree.RelaxNG) -> None:
    body = body_of(convert(made_by_libreoffice["typed-layout"], context, tei_all))
    opener = body.find("tei:opener", NS)
    # Before: the tab was one space and "Head of Section 4 Berlin" one place name. The tab
    # between the two fields is a space of one character (the fields' one line, issue #10).
    assert opener is not None and [text(e) for e in opener if e.tag != f"{T}space"] == \
        ["Head of Section 4", "Berlin, 12 March 1962"]
    assert [e.get("quantity") for e in opener if e.tag == f"{T}space"] == ["1"]
    assert opener.xpath("string(tei:dateline/tei:date/@when)", namespaces=NS) == "1962-03-12"
    head = body.find("tei:head", NS)
    # Before: the letter-spacing was lost; the text reader's M e m o r a n d u m is such a head.
    assert head is not None and head.get("rend") == "letter-spaced" and text(head) == "Memorandum"
    assert [text(e) for e in body.iter(f"{T}hi") if e.get("rend") == "smallcaps"] == \
        ["Ulbricht", "Comecon"]
    # Before: superscript 1 and 2 stayed hi in the text, their note texts paragraphs after
    # the signature.
    notes = body.findall(".//tei:p/tei:note", NS)
    assert [(n.get("n"), n.get("rend"), text(n)) for n in notes] == [
        ("1", "superscript", "¹ The meeting of 6-7 June 1962."),
        ("2", "superscript", "² The treaty of friendship.")]
    assert not [e for e in body.iter(f"{T}hi") if e.get("rend") == "superscript"]
    assert body[-1].tag == f"{T}closer"


def test_tabs_to_a_right_stop_part_fields_and_are_spaces_in_the_tei(
        tmp_path: Path, context: ReadContext, tei_all: etree.RelaxNG) -> None:
    """python-docx's tab stops, as a memo template sets them on every paragraph."""
    document = docx.Document()
    metadata_paragraphs(document, "900111")
    for line in ("TO:\tComrade Ivanov", "1.\tDeliveries of coal were late.",
                 "The minister said\tthat the talks had ended.", "Kovács"):
        document.add_paragraph(line).paragraph_format.tab_stops.add_tab_stop(
            Inches(6), WD_TAB_ALIGNMENT.RIGHT)
    path = tmp_path / "tabs-900111.docx"
    document.save(str(path))
    conversion = convert(path, context, tei_all)
    body = body_of(conversion)
    assert body.xpath("string(tei:opener/tei:seg[@subtype='to'])", namespaces=NS) == \
        "TO: Comrade Ivanov"
    assert [(p.get("n"), text(p)) for p in body.findall("tei:p", NS)] == [
        ("1", "1. Deliveries of coal were late."),
        (None, "The minister said that the talks had ended.")]
    assert "\t" not in etree.tostring(body, encoding="unicode")


# 7 ---------------------------------------------------------------------------------------
def test_table_of_contents_fields_sections_page_breaks_and_running_heads(
        made_by_libreoffice: dict[str, Path], context: ReadContext,
        tei_all: etree.RelaxNG) -> None:
    conversion = convert(made_by_libreoffice["sections-fields"], context, tei_all)
    body = body_of(conversion)
    # Before: the TOC's title "Contents" was a paragraph of the translation.
    assert "Contents" not in text(body)
    # Before: LibreOffice's "page break before" (a break at the end of the heading before)
    # was a pb inside that heading.
    second = body.find("tei:div", NS)
    assert second is not None and shape(second.find("tei:head", NS)) == "<head>The return</head>"  # type: ignore[arg-type]
    assert shape(second.find("tei:p", NS)) == "<p><pb/>The return was by air.</p>"  # type: ignore[arg-type]
    assert len(body.findall(".//tei:pb", NS)) == 1  # the two-column section starts no page
    found = warnings(conversion)
    assert any(m.startswith("Word's DATE field is kept as the result Word last showed")
               for _, m in found)
    # Before: the warnings did not say where in the file the header and footer are.
    assert (None, "the Word file's header 'Ministry of Foreign Affairs of the GDR' "
            "(word/header1.xml, paragraph 1) is kept once as forme work (fw) at the start of "
            "the text") in found
    assert any("'Translated for the archive' (word/footer1.xml, paragraph 2)" in m
               for _, m in found)


# 8 ---------------------------------------------------------------------------------------
def test_images_are_reported_with_their_description_and_their_text_kept(
        made_by_libreoffice: dict[str, Path], context: ReadContext,
        tei_all: etree.RelaxNG) -> None:
    conversion = convert(made_by_libreoffice["images"], context, tei_all)
    assert [text(p) for p in body_of(conversion).findall("tei:p", NS)] == \
        ["The stamp of the ministry: was on the first page.", "A photograph without description."]
    assert warnings(conversion) == [
        (9, "an image or drawing is not converted (TEI keeps no picture from a Word file): "
            "'Round stamp of the Ministry of Foreign Affairs'"),
        (10, "an image or drawing is not converted (TEI keeps no picture from a Word file)")]


# 9 ---------------------------------------------------------------------------------------
TRANSITIONAL_TO_STRICT = [
    (b"http://schemas.openxmlformats.org/wordprocessingml/2006/main",
     b"http://purl.oclc.org/ooxml/wordprocessingml/main"),
    (b"http://schemas.openxmlformats.org/officeDocument/2006/relationships",
     b"http://purl.oclc.org/ooxml/officeDocument/relationships"),
    (b"http://schemas.openxmlformats.org/drawingml/2006/",
     b"http://purl.oclc.org/ooxml/drawingml/"),
]


def strict(source: Path, target: Path) -> Path:
    """The package as Word saves it as "Strict Open XML Document": the same parts in the
    Strict namespaces, relationship types included, and w:conformance="strict"."""
    with zipfile.ZipFile(source) as package:
        members = {i.filename: package.read(i) for i in package.infolist()}
    for name, data in members.items():
        if name.endswith((".xml", ".rels")):
            for old, new in TRANSITIONAL_TO_STRICT:
                data = data.replace(old, new)
            members[name] = data.replace(b"<w:document ", b'<w:document w:conformance="strict" ')
    rewrite(target, members)
    return target


def test_a_strict_open_xml_document_reads_as_the_transitional_one(
        tmp_path: Path, context: ReadContext, tei_all: etree.RelaxNG) -> None:
    document = docx.Document()
    metadata_paragraphs(document, "900109")
    document.add_heading("The talks", level=1)
    paragraph = document.add_paragraph("Comrade Moskovsky said ")
    paragraph.add_run("nothing").italic = True
    paragraph.add_run("@@FN@@")
    paragraph.add_run(" of the talks.")
    document.add_paragraph("Kovács")
    transitional = tmp_path / "transitional.docx"
    document.save(str(transitional))
    w = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
    add_parts(transitional, {"word/footnotes.xml": (
        f'<w:footnotes xmlns:w="{w}"><w:footnote w:id="1"><w:p><w:r><w:footnoteRef/></w:r>'
        '<w:r><w:t xml:space="preserve"> In Pyongyang.</w:t></w:r></w:p></w:footnote>'
        "</w:footnotes>")}, [("rIdF", "footnotes", "footnotes.xml")], [],
        [("<w:r><w:t>@@FN@@</w:t></w:r>",
          '<w:r><w:footnoteReference w:id="1"/></w:r>')])
    made = strict(transitional, tmp_path / "strict-900109.docx")
    assert b"purl.oclc.org/ooxml/wordprocessingml/main" in zipfile.ZipFile(made).read(
        "word/document.xml")
    expected = convert(transitional, context, tei_all)
    conversion = convert(made, context, tei_all)  # before: refused
    assert shape(body_of(conversion)) == shape(body_of(expected))
    assert body_of(conversion).xpath("string(.//tei:note)", namespaces=NS) == "In Pyongyang."


# 10 --------------------------------------------------------------------------------------
def test_a_macro_document_converts_and_other_files_named_doc_are_refused_clearly(
        tmp_path: Path, made_by_libreoffice: dict[str, Path]) -> None:
    """A .docm (macros never run), a DOCX a user renamed .doc, and what Word and LibreOffice
    also save as .doc: the old binary format, RTF, a web page. One run, as a user batches."""
    good = made_by_libreoffice["headings-notes"]
    docm = tmp_path / "macros-900101.docm"
    docm.write_bytes(good.read_bytes())
    add_parts(docm, {"word/vbaProject.bin": "not run"},
              [("rIdV", "vbaProject", "vbaProject.bin")], [])
    renamed = tmp_path / "renamed-900104.doc"
    renamed.write_bytes(made_by_libreoffice["numbering"].read_bytes())
    office = libreoffice()
    assert office is not None
    source = made_by_libreoffice["numbering"].with_name("numbering.fodt")
    refused = {}
    for kind, target in (("doc", "doc:MS Word 97"), ("rtf", "rtf"), ("html", "html")):
        out = tmp_path / kind
        subprocess.run([office, f"-env:UserInstallation=file://{tmp_path / 'lo-profile'}",
                        "--headless", "--norestore", "--convert-to", target, "--outdir",
                        str(out), str(source)], check=True, capture_output=True, timeout=300)
        written = next(out.iterdir())
        refused[kind] = written.rename(tmp_path / f"saved-as-{kind}.doc")
    result = subprocess.run(
        [sys.executable, "-m", "toolkit", "convert", str(docm), str(renamed), *map(str, (
            refused[k] for k in sorted(refused))), "-o", str(tmp_path / "tei"), "-j", "1",
         "--registers", str(ROOT / "tei" / "registers")],
        capture_output=True, text=True, cwd=ROOT, timeout=300)
    assert result.returncode == 1 and "Traceback" not in result.stderr, result.stderr
    assert "converted 2 of 5 files, 3 failed" in result.stdout
    assert sorted(p.name for p in (tmp_path / "tei").iterdir()) == ["900101.xml", "900104.xml"]
    stderr = result.stderr
    assert f"{docm}: warning: the Word file holds macros (word/vbaProject.bin); they are " \
        "ignored and never run, only the text is read" in stderr
    assert f"{renamed}: warning: the file is named .doc but is a DOCX" in stderr
    for kind, message in (("doc", "this is an old binary Word file"), ("rtf", "this is an RTF file"),
                          ("html", "this is a web page")):
        assert f"{refused[kind]}: error: {message}" in stderr, stderr

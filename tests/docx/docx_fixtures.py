"""DOCX fixtures made by the tests: python-docx for bodies, hand-written OOXML for the rest.

python-docx writes paragraphs, runs and tables; it has no API for footnotes, comments with
ranges, or tracked changes, so `add_parts` writes those parts and their relationships into
the zip the way Word does.
"""

from __future__ import annotations

import re
import shutil
import subprocess
import zipfile
from collections.abc import Sequence
from datetime import date
from io import BytesIO
from pathlib import Path

import docx
import pytest
from docx.document import Document
from docx.enum.text import WD_BREAK
from docx.text.paragraph import Paragraph
from lxml import etree

from toolkit.convert import ConvertOptions, make_context
from toolkit.encoding.structure import STAMP, continues
from toolkit.readers import ReadContext

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
CT_MAIN = "application/vnd.openxmlformats-officedocument.wordprocessingml"


INLINE = re.compile(r"\*\*(?=\S)(.+?)(?<=\S)\*\*|(?<![*\w])\*(?=\S)([^*]+?)(?<=\S)\*(?![*\w])")


def _runs(paragraph: Paragraph, text: str, bold: bool) -> None:
    """Markdown **bold** and *italic* of the text export as Word's formatted runs."""
    position = 0
    for match in INLINE.finditer(text):
        if match.start() > position:
            paragraph.add_run(text[position:match.start()]).bold = bold or None
        run = paragraph.add_run(match.group(1) or match.group(2))
        run.bold = bold or match.group(1) is not None or None
        run.italic = match.group(2) is not None or None
        position = match.end()
    if position < len(text):
        paragraph.add_run(text[position:]).bold = bold or None


def _lines_paragraph(document: Document, lines: Sequence[str], bold: bool) -> Paragraph:
    """One paragraph from Markdown lines: a line ending in two spaces is a hard line break."""
    paragraph = document.add_paragraph()
    for index, line in enumerate(lines):
        text = line.rstrip()
        hard = line.endswith("  ") and index < len(lines) - 1
        _runs(paragraph, text if hard or index == len(lines) - 1 else text + " ", bold)
        if hard:
            paragraph.add_run().add_break()
    return paragraph


def report_docx(source: Path, target: Path) -> Path:
    """A WCDA text export rendered as a translator's Word file: bold lines, plain paragraphs."""
    document = docx.Document()
    text = source.read_text(encoding="utf-8")
    blocks = re.split(r"\n\s*\n", text.strip("\n"))
    previous: Paragraph | None = None
    for index, block in enumerate(blocks):
        lines = block.split("\n")
        joined = "\n".join(lines).strip()
        if previous is not None and not STAMP.match(blocks[index - 1].lstrip()) and \
                continues(blocks[index - 1], block, blocks[index + 1:index + 9]):
            # the export's paragraph cut inside a sentence is a page's end: in the Word
            # file the page break is typed (a bare Enter there is a stray one, no pb)
            previous.add_run().add_break(WD_BREAK.PAGE)
        if joined.startswith("**") and joined.endswith("**"):
            lines[0] = lines[0].lstrip()[2:]
            lines[-1] = lines[-1].rstrip()[:-2]
            previous = _lines_paragraph(document, lines, bold=True)
        else:
            previous = _lines_paragraph(document, lines, bold=False)
    document.save(str(target))
    return target


METADATA = [
    ("January 8, 1965", True),
    ("Report on a Conversation with Comrade Kosygin", True),
    ("Citation:", True),
    ('"Report on a Conversation with Comrade Kosygin", January 8, 1965, Wilson Center Digital '
     "Archive, National Archives of Hungary (MOL), XIX-J-1-j Korea, 1965, 73. doboz. Translated "
     "for CWIHP by Balázs Szalontai. https://digitalarchive.wilsoncenter.org/document/900001",
     False),
    ("Summary:", True),
    ("A short report used to test the Word reader.", False),
    ("Original Language:", True),
    ("Hungarian", False),
    ("Contents:", True),
    ("Translation - English", False),
]


def metadata_paragraphs(document: Document, number: str = "900001") -> None:
    for text, bold in METADATA:
        paragraph = document.add_paragraph()
        paragraph.add_run(text.replace("900001", number)).bold = bold or None


def add_parts(path: Path, parts: dict[str, str], relationships: Sequence[tuple[str, str, str]],
              content_types: Sequence[tuple[str, str]],
              document_edits: Sequence[tuple[str, str]] = (),
              external: Sequence[tuple[str, str, str]] = ()) -> None:
    """Add parts to a DOCX: (id, type, target) relationships of the main document, content
    type overrides (part name, type), (old, new) text edits of document.xml, and external
    relationships (id, type, URI) with TargetMode="External"."""
    with zipfile.ZipFile(path) as source:
        members = {info.filename: source.read(info) for info in source.infolist()}
    rels = members["word/_rels/document.xml.rels"].decode("utf-8")
    extra = "".join(f'<Relationship Id="{i}" Type="{REL}/{t}" Target="{target}"/>'
                    for i, t, target in relationships)
    extra += "".join(f'<Relationship Id="{i}" Type="{REL}/{t}" Target="{target}" '
                     'TargetMode="External"/>' for i, t, target in external)
    members["word/_rels/document.xml.rels"] = rels.replace(
        "</Relationships>", extra + "</Relationships>").encode("utf-8")
    types = members["[Content_Types].xml"].decode("utf-8")
    overrides = "".join(f'<Override PartName="/{name}" ContentType="{kind}"/>'
                        for name, kind in content_types)
    members["[Content_Types].xml"] = types.replace("</Types>", overrides + "</Types>").encode()
    for name, xml in parts.items():
        members[name] = xml.encode("utf-8")
    document = members["word/document.xml"].decode("utf-8")
    for old, new in document_edits:
        assert old in document, old
        document = document.replace(old, new, 1)
    members["word/document.xml"] = document.encode("utf-8")
    rewrite(path, members)


def rewrite(path: Path, members: dict[str, bytes]) -> None:
    buffer = BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as target:
        for name, data in members.items():
            target.writestr(name, data)
    path.write_bytes(buffer.getvalue())


def wml(body: str, root: str) -> str:
    return (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
            f'<w:{root} xmlns:w="{W}" xmlns:r="{REL}">{body}</w:{root}>')


def libreoffice() -> str | None:
    return shutil.which("soffice") or shutil.which("libreoffice")


def libreoffice_convert(source: Path, outdir: Path) -> Path:
    """Let LibreOffice write the DOCX, as a real producer does (own profile, no network)."""
    office = libreoffice()
    assert office is not None
    profile = outdir / "lo-profile"
    subprocess.run([office, f"-env:UserInstallation=file://{profile}", "--headless",
                    "--norestore", "--convert-to", "docx:MS Word 2007 XML", "--outdir",
                    str(outdir), str(source)], check=True, capture_output=True, timeout=180)
    target = outdir / (source.stem + ".docx")
    assert target.exists(), f"LibreOffice wrote no {target}"
    return target


def placeholder(token: str) -> str:
    """The run python-docx writes for `paragraph.add_run(token)`: replaced by hand-written XML."""
    return f"<w:r><w:t>{token}</w:t></w:r>"


FOOTNOTES = wml(
    '<w:footnote w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p></w:footnote>'
    '<w:footnote w:id="1"><w:p><w:r><w:footnoteRef/></w:r><w:r><w:t xml:space="preserve"> '
    'Moskovsky was ambassador to </w:t></w:r><w:r><w:rPr><w:i/></w:rPr><w:t>Pyongyang</w:t>'
    '</w:r><w:r><w:t>.</w:t></w:r></w:p></w:footnote>', "footnotes")
ENDNOTES = wml(
    '<w:endnote w:id="1"><w:p><w:r><w:endnoteRef/></w:r><w:r><w:t xml:space="preserve"> See '
    'the Hungarian original.</w:t></w:r></w:p></w:endnote>', "endnotes")
COMMENTS = wml(
    '<w:comment w:id="0" w:author="Anna Editor" w:date="2024-03-01T10:00:00Z" w:initials="AE">'
    '<w:p><w:r><w:annotationRef/></w:r><w:r><w:t>Check this against the original.</w:t></w:r>'
    '</w:p></w:comment>', "comments")


def rich_docx(path: Path) -> Path:
    """A report with everything Word carries: python-docx body, hand-written notes,
    comments and tracked changes put in place of placeholder runs."""
    from docx.enum.text import WD_BREAK

    d = docx.Document()
    metadata_paragraphs(d)
    d.add_heading("Conversation with the ambassador", level=1)
    p = d.add_paragraph("In mid-December ")
    p.add_run("[Soviet Ambassador] Comrade Moskovsky").bold = True
    p.add_run(" returned from ")
    p.add_run("Moscow").italic = True
    p.add_run(", and told me")
    p.add_run("@@FN1@@")
    p.add_run(" the following about the ")
    p.add_run("negotiations").underline = True
    p.add_run(" of the 4")
    p.add_run("th").font.superscript = True
    p.add_run(" plenum.")
    p = d.add_paragraph("Kim Il raised ")
    p.add_run("@@CS@@")
    p.add_run("the issue of certain injuries")
    p.add_run("@@CE@@")
    p.add_run(", which were ")
    p.add_run("@@DEL@@")
    p.add_run("@@INS@@")
    p.add_run(" the following")
    p.add_run("@@EN1@@")
    p.add_run(":")
    d.add_paragraph("The Korean leaders were distrustful of the CPSU.", style="List Number")
    d.add_paragraph("Kim Il also found injurious the events of 1956.", style="List Number")
    d.add_paragraph("an army of 700,000", style="List Bullet")
    d.add_paragraph("a police force of 200,000", style="List Bullet")
    t = d.add_table(rows=2, cols=2)
    for (row, col), value in {(0, 0): "Item", (0, 1): "Amount", (1, 0): "Aircraft",
                              (1, 1): "[...] units"}.items():
        t.cell(row, col).text = value
    d.add_paragraph().add_run("Pyongyang").italic = True  # a paragraph of one formatted name
    p = d.add_paragraph("Khrushchev had had big-power ambitions, he wanted")
    p.add_run().add_break(WD_BREAK.PAGE)
    p.add_run("to force his will upon the smaller parties, see ")
    p.add_run("@@LINK@@")
    p.add_run(".")
    p = d.add_paragraph("First line")
    p.add_run().add_break()
    p.add_run("second line.")
    d.add_paragraph("József")
    d.add_paragraph("Kovács")
    d.save(str(path))
    add_parts(
        path, {"word/footnotes.xml": FOOTNOTES, "word/endnotes.xml": ENDNOTES,
               "word/comments.xml": COMMENTS},
        [("rIdF", "footnotes", "footnotes.xml"), ("rIdE", "endnotes", "endnotes.xml"),
         ("rIdC", "comments", "comments.xml")],
        [("word/footnotes.xml", CT_MAIN + ".footnotes+xml"),
         ("word/endnotes.xml", CT_MAIN + ".endnotes+xml"),
         ("word/comments.xml", CT_MAIN + ".comments+xml")],
        [(placeholder("@@FN1@@"), '<w:r><w:rPr><w:vertAlign w:val="superscript"/></w:rPr>'
                                  '<w:footnoteReference w:id="1"/></w:r>'),
         (placeholder("@@EN1@@"), '<w:r><w:rPr><w:vertAlign w:val="superscript"/></w:rPr>'
                                  '<w:endnoteReference w:id="1"/></w:r>'),
         (placeholder("@@CS@@"), '<w:commentRangeStart w:id="0"/>'),
         (placeholder("@@CE@@"), '<w:commentRangeEnd w:id="0"/><w:r><w:commentReference '
                                 'w:id="0"/></w:r>'),
         (placeholder("@@DEL@@"), '<w:del w:id="11" w:author="Anna Editor" '
                                  'w:date="2024-03-02T09:30:00Z"><w:r><w:delText>these'
                                  '</w:delText></w:r></w:del>'),
         (placeholder("@@INS@@"), '<w:ins w:id="12" w:author="Balázs Szalontai" '
                                  'w:date="2024-03-03T08:00:00Z"><w:r><w:t>as follows,</w:t>'
                                  '</w:r></w:ins>'),
         (placeholder("@@LINK@@"), '<w:hyperlink r:id="rIdL"><w:r><w:t>the archive</w:t></w:r>'
                                   '</w:hyperlink>')],
        external=[("rIdL", "hyperlink", "https://digitalarchive.wilsoncenter.org/")])
    return path


ROOT = Path(__file__).resolve().parents[2]
REPORTS = ROOT / "tests" / "fixtures" / "reports"
SAMPLE = ROOT / "sources" / "wilson-116488.txt"
TEXT_FORMAT = "Wilson Center Digital Archive text export"


@pytest.fixture()
def context() -> ReadContext:
    """Documents written to tei/, so refs read 'registers/...' as in the edition."""
    return make_context(ConvertOptions(ROOT / "tei", ROOT / "tei" / "registers", date(2026, 1, 1)))


def assert_valid(schema: etree.RelaxNG, tree: etree._ElementTree) -> None:
    if not schema.validate(tree):
        errors = "\n".join(f"{e.line}: {e.message}" for e in list(schema.error_log)[:20])
        raise AssertionError(f"not valid against tei_all:\n{errors}")


def metadata_table_docx(path: Path, body: Sequence[str]) -> Path:
    """The metadata block as a two-column table (date and title rows too), then the body."""
    document = docx.Document()
    rows = [("Date", METADATA[0][0]), ("Title", METADATA[1][0])]
    rows += [(METADATA[i][0], METADATA[i + 1][0]) for i in range(2, len(METADATA), 2)]
    table = document.add_table(rows=len(rows), cols=2)
    for index, (label, value) in enumerate(rows):
        table.cell(index, 0).text = label
        table.cell(index, 1).text = value
    for text in body:
        document.add_paragraph(text)
    document.save(str(path))
    return path


def metadata_paragraphs_docx(path: Path, body: Sequence[str]) -> Path:
    document = docx.Document()
    metadata_paragraphs(document)
    for text in body:
        document.add_paragraph(text)
    document.save(str(path))
    return path


# A report as LibreOffice users write it (flat ODT): LibreOffice itself then writes the DOCX,
# with its own numbering, footnote, comment and tracked-change markup.
LIBREOFFICE_REPORT = """<?xml version="1.0" encoding="UTF-8"?>
<office:document xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0"
  xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0"
  xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"
  xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0"
  xmlns:fo="urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0"
  xmlns:dc="http://purl.org/dc/elements/1.1/"
  xmlns:xlink="http://www.w3.org/1999/xlink"
  office:version="1.3" office:mimetype="application/vnd.oasis.opendocument.text">
 <office:automatic-styles>
  <style:style style:name="B" style:family="text"><style:text-properties fo:font-weight="bold"/></style:style>
  <style:style style:name="I" style:family="text"><style:text-properties fo:font-style="italic"/></style:style>
  <style:style style:name="PB" style:family="paragraph"><style:text-properties fo:font-weight="bold"/></style:style>
  <text:list-style style:name="LN">
   <text:list-level-style-number text:level="1" style:num-suffix=")" style:num-format="1"/>
  </text:list-style>
  <text:list-style style:name="LB">
   <text:list-level-style-bullet text:level="1" text:bullet-char="•"/>
  </text:list-style>
 </office:automatic-styles>
 <office:body>
  <office:text>
   <text:tracked-changes>
    <text:changed-region text:id="ct1">
     <text:insertion><office:change-info><dc:creator>Anna Editor</dc:creator><dc:date>2024-05-06T07:08:09</dc:date></office:change-info></text:insertion>
    </text:changed-region>
    <text:changed-region text:id="ct2">
     <text:deletion><office:change-info><dc:creator>Anna Editor</dc:creator><dc:date>2024-05-06T07:09:00</dc:date></office:change-info><text:p>very </text:p></text:deletion>
    </text:changed-region>
   </text:tracked-changes>
   <text:p text:style-name="PB">October 4, 1960</text:p>
   <text:p text:style-name="PB">Note on a Conversation with the Soviet Ambassador</text:p>
   <text:p text:style-name="PB">Citation:</text:p>
   <text:p>"Note on a Conversation with the Soviet Ambassador", October 4, 1960, Wilson Center Digital Archive, Political Archive of the Foreign Office (PA AA), MfAA A 7137. Translated by Bernd Schaefer. https://digitalarchive.wilsoncenter.org/document/900002</text:p>
   <text:p text:style-name="PB">Original Language:</text:p>
   <text:p>German</text:p>
   <text:p text:style-name="PB">Contents:</text:p>
   <text:p>Translation - English</text:p>
   <text:p>On 3 October <text:span text:style-name="B">Comrade Moskovsky</text:span> told us<text:note text:id="ftn1" text:note-class="footnote"><text:note-citation>1</text:note-citation><text:note-body><text:p>The conversation took place in <text:span text:style-name="I">Pyongyang</text:span>.</text:p></text:note-body></text:note> that the <office:annotation><dc:creator>Anna Editor</dc:creator><dc:date>2024-05-06T07:10:00</dc:date><text:p>Which delegation?</text:p></office:annotation>delegation<office:annotation-end/> had been <text:change text:change-id="ct2"/><text:change-start text:change-id="ct1"/>rather <text:change-end text:change-id="ct1"/>successful [in Moscow].</text:p>
   <text:list text:style-name="LN">
    <text:list-item><text:p>The first point of the conversation.</text:p></text:list-item>
    <text:list-item><text:p>The second point of the conversation.</text:p></text:list-item>
   </text:list>
   <text:list text:style-name="LB">
    <text:list-item><text:p>one bullet</text:p></text:list-item>
    <text:list-item><text:p>another bullet</text:p></text:list-item>
   </text:list>
   <table:table table:name="T1">
    <table:table-column table:number-columns-repeated="2"/>
    <table:table-row><table:table-cell office:value-type="string"><text:p>Year</text:p></table:table-cell><table:table-cell office:value-type="string"><text:p>Tons</text:p></table:table-cell></table:table-row>
    <table:table-row><table:table-cell office:value-type="string"><text:p>1959</text:p></table:table-cell><table:table-cell office:value-type="string"><text:p>[...]</text:p></table:table-cell></table:table-row>
   </table:table>
   <text:p>See <text:a xlink:type="simple" xlink:href="https://digitalarchive.wilsoncenter.org/">the archive</text:a> for the<text:line-break/>original.</text:p>
   <text:p>Schneidewind</text:p>
  </office:text>
 </office:body>
</office:document>
"""

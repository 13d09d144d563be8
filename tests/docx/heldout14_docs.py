"""Issue #10's sixth held-out batch (docx14): six Word files typed the way translators type
reports, in WordprocessingML written by hand, features the other DOCX tests do not build.

Each builder writes a whole package (python-docx's template for the styles and settings, the
document, numbering, notes, comments, headers and footers by hand) and its expectations, the
XPath checks of `heldout14/<name>.expect.json`, were written by hand from what the TEI must
hold, before the reader was changed for them.
"""

from __future__ import annotations

import zipfile
from collections.abc import Callable
from pathlib import Path
from xml.sax.saxutils import escape

import docx
from docx_fixtures import CT_MAIN, REL, W, rewrite

HERE = Path(__file__).resolve().parent / "heldout14"
NSDECL = f'xmlns:w="{W}" xmlns:r="{REL}"'
WPS = ('xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing" '
       'xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" '
       'xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape" '
       'xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" '
       'xmlns:v="urn:schemas-microsoft-com:vml"')


def r(text: str, rpr: str = "") -> str:
    """A run; a tab is Word's w:tab, a newline a soft line break (Shift+Enter)."""
    out = []
    for index, line in enumerate(text.split("\n")):
        if index:
            out.append("<w:br/>")
        for number, piece in enumerate(line.split("\t")):
            if number:
                out.append("<w:tab/>")
            if piece:
                out.append(f'<w:t xml:space="preserve">{escape(piece)}</w:t>')
    return f"<w:r>{f'<w:rPr>{rpr}</w:rPr>' if rpr else ''}{''.join(out)}</w:r>"


def p(*runs: str, style: str = "", ppr: str = "") -> str:
    """A paragraph of runs (plain strings are plain runs)."""
    props = (f'<w:pStyle w:val="{style}"/>' if style else "") + ppr
    body = "".join(x if x.startswith("<") else r(x) for x in runs)
    return f"<w:p>{f'<w:pPr>{props}</w:pPr>' if props else ''}{body}</w:p>"


def num(num_id: int, level: int = 0) -> str:
    return f'<w:numPr><w:ilvl w:val="{level}"/><w:numId w:val="{num_id}"/></w:numPr>'


B = "<w:b/>"


def metadata(number: str, title: str, date: str, language: str, tabs: bool = False) -> str:
    """The archive's metadata block: bold labels over their values, or (tabs) each label and
    its value on one line, a tab between them, as a translator retypes it."""
    fields = [("Citation:", f'"{title}", {date}, Wilson Center Digital Archive, State Archive '
               f"of the Russian Federation (GARF), fond 5446, opis 1, delo 12. Translated by "
               f"Anna Berg. https://digitalarchive.wilsoncenter.org/document/{number}"),
              ("Summary:", "A report invented to test the Word reader."),
              ("Original Language:", language), ("Contents:", "Translation - English")]
    out = p(r(date, B)) + p(r(title, B))
    for label, value in fields:
        out += p(r(label, B), r("\t" + value)) if tabs else p(r(label, B)) + p(value)
    return out


def package(path: Path, body: str, parts: dict[str, str] | None = None,
            rels: list[tuple[str, str, str, bool]] | None = None, sect: str = "",
            styles: str = "") -> Path:
    """A whole DOCX: python-docx's template, this body, these parts and relationships
    (id, type, target, external); `styles` are added to the template's."""
    docx.Document().save(str(path))
    with zipfile.ZipFile(path) as source:
        members = {info.filename: source.read(info) for info in source.infolist()}
    kinds = {"footnotes": "footnotes", "endnotes": "endnotes", "comments": "comments",
             "numbering": "numbering", "header": "header", "footer": "footer"}
    extra_rels = ""
    overrides = ""
    for rel_id, kind, target, external in rels or []:
        mode = ' TargetMode="External"' if external else ""
        extra_rels += f'<Relationship Id="{rel_id}" Type="{REL}/{kind}" Target="{target}"{mode}/>'
        if not external and kind in kinds:
            overrides += (f'<Override PartName="/word/{target}" '
                          f'ContentType="{CT_MAIN}.{kinds[kind]}+xml"/>')
    name = "word/_rels/document.xml.rels"
    members[name] = members[name].replace(b"</Relationships>",
                                          extra_rels.encode() + b"</Relationships>")
    name = "[Content_Types].xml"
    members[name] = members[name].replace(b"</Types>", overrides.encode() + b"</Types>")
    if styles:
        members["word/styles.xml"] = members["word/styles.xml"].replace(
            b"</w:styles>", styles.encode() + b"</w:styles>")
    for part, xml in (parts or {}).items():
        members[part] = xml.encode("utf-8")
    members["word/document.xml"] = (
        f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document {NSDECL} {WPS}>'
        f"<w:body>{body}<w:sectPr>{sect}</w:sectPr></w:body></w:document>").encode("utf-8")
    rewrite(path, members)
    return path


def part(root: str, body: str) -> str:
    return (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
            f"<w:{root} {NSDECL}>{body}</w:{root}>")


def _lvl(level: int, fmt: str, text: str, start: int = 1, extra: str = "") -> str:
    return (f'<w:lvl w:ilvl="{level}"><w:start w:val="{start}"/><w:numFmt w:val="{fmt}"/>'
            f'{extra}<w:lvlText w:val="{text}"/><w:pPr><w:ind w:left="{360 * (level + 1)}" '
            f'w:hanging="360"/></w:pPr></w:lvl>')


# 1. Word's automatic numbering: numbered sections (Heading 1 linked to a multilevel list),
# lettered sub-points restarted in each section, a roman list, the title in the Title style.
def numbered_sections(path: Path) -> Path:
    numbering = part("numbering", (
        '<w:abstractNum w:abstractNumId="0"><w:multiLevelType w:val="multilevel"/>'
        + _lvl(0, "decimal", "%1.", extra='<w:pStyle w:val="Heading1"/>')
        + _lvl(1, "decimal", "%1.%2.", extra='<w:pStyle w:val="Heading2"/>')
        + '</w:abstractNum>'
        '<w:abstractNum w:abstractNumId="1"><w:multiLevelType w:val="hybridMultilevel"/>'
        + _lvl(0, "lowerLetter", "%1)") + _lvl(1, "lowerRoman", "(%2)") + '</w:abstractNum>'
        '<w:abstractNum w:abstractNumId="2">' + _lvl(0, "upperRoman", "%1.") + '</w:abstractNum>'
        '<w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>'
        '<w:num w:numId="2"><w:abstractNumId w:val="1"/></w:num>'
        '<w:num w:numId="3"><w:abstractNumId w:val="1"/><w:lvlOverride w:ilvl="0">'
        '<w:startOverride w:val="1"/></w:lvlOverride></w:num>'
        '<w:num w:numId="4"><w:abstractNumId w:val="2"/></w:num>'))
    heading = '<w:numPr><w:numId w:val="1"/></w:numPr>'
    styles = ''  # Heading 1 carries its list by the paragraph's own numPr, as Word writes it
    body = metadata("914001", "Report on the Economic Negotiations", "March 3, 1971", "Russian")
    body += p("Report on the Economic Negotiations", style="Title")
    body += p("The delegation arrived in Moscow on 1 March 1971 and held three meetings.")
    body += p("Trade", style="Heading1", ppr=heading)
    body += p("The Soviet side proposed the following:")
    body += p("an increase of deliveries of oil;", ppr=num(2))
    body += p("a new price for cotton;", ppr=num(2))
    body += p("of the first grade,", ppr=num(2, 1))
    body += p("of the second grade;", ppr=num(2, 1))
    body += p("a credit of 40 million roubles.", ppr=num(2))
    body += p("Credits", style="Heading1", ppr=heading)
    body += p("The Hungarian side asked for:")
    body += p("a longer term of repayment;", ppr=num(3))
    body += p("a lower rate of interest.", ppr=num(3))
    body += p("Terms of repayment", style="Heading2",
              ppr='<w:numPr><w:ilvl w:val="1"/><w:numId w:val="1"/></w:numPr>')
    body += p("The talks will go on in Budapest. Three questions stay open:")
    body += p("the price of oil;", ppr=num(4))
    body += p("the credit;", ppr=num(4))
    body += p("the delivery dates.", ppr=num(4))
    body += p("Budapest, 5 March 1971")
    return package(path, body, {"word/numbering.xml": numbering},
                   [("rIdN", "numbering", "numbering.xml", False)], styles=styles)


# 2. A memo header laid out as a borderless table with a merged title row; the signature's
# name and role apart by a soft line break.
def memo_table(path: Path) -> Path:
    def cell(text: str, span: int = 1, bold: bool = False) -> str:
        grid = f'<w:tcPr><w:gridSpan w:val="{span}"/></w:tcPr>' if span > 1 else ""
        return f"<w:tc>{grid}{p(r(text, B if bold else ''))}</w:tc>"

    rows = [cell("MEMORANDUM OF CONVERSATION", 2, bold=True)]
    rows += [cell(label, bold=True) + cell(value) for label, value in (
        ("TO:", "The Minister of Foreign Affairs"), ("FROM:", "Embassy in Pyongyang"),
        ("SUBJECT:", "Visit of the Korean trade delegation"), ("DATE:", "12 April 1962"))]
    borders = "".join(f'<w:{side} w:val="nil"/>' for side in
                      ("top", "left", "bottom", "right", "insideH", "insideV"))
    table = (f'<w:tbl><w:tblPr><w:tblW w:w="0" w:type="auto"/><w:tblBorders>{borders}'
             '</w:tblBorders></w:tblPr><w:tblGrid><w:gridCol w:w="2000"/>'
             '<w:gridCol w:w="7000"/></w:tblGrid>'
             + "".join(f"<w:tr>{row}</w:tr>" for row in rows) + "</w:tbl>")
    body = metadata("914002", "Memorandum of Conversation on the Korean Trade Delegation",
                    "April 12, 1962", "Hungarian")
    body += table
    body += p("On 11 April the head of the Korean trade delegation, Comrade Ri Ju-yon, visited "
              "the Embassy. He said that the negotiations in Budapest had been successful.")
    body += p("The delegation will leave for Prague on 15 April.")
    body += p("Károly Fendler\nAmbassador")
    return package(path, body)


# 3. Notes and marks: endnotes, a footnote of two paragraphs, an editor's comment, small caps,
# a strikethrough (a deletion in the original), double underline, a page break before a
# paragraph, a section with a running head and a page-number footer, links (http, javascript:).
def notes_and_marks(path: Path) -> Path:
    footnotes = part("footnotes", (
        '<w:footnote w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p>'
        '</w:footnote><w:footnote w:type="continuationSeparator" w:id="0"><w:p><w:r>'
        '<w:continuationSeparator/></w:r></w:p></w:footnote>'
        '<w:footnote w:id="1">'
        + p('<w:r><w:rPr><w:rStyle w:val="FootnoteReference"/></w:rPr><w:footnoteRef/></w:r>',
            " The plenum met from 5 to 7 December.")
        + p("The minutes of the plenum have not been found.") + '</w:footnote>'))
    endnotes = part("endnotes", (
        '<w:endnote w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p>'
        '</w:endnote><w:endnote w:type="continuationSeparator" w:id="0"><w:p><w:r>'
        '<w:continuationSeparator/></w:r></w:p></w:endnote>'
        '<w:endnote w:id="1">' + p('<w:r><w:endnoteRef/></w:r>', " Handwritten in the margin.")
        + '</w:endnote><w:endnote w:id="2">'
        + p('<w:r><w:endnoteRef/></w:r>', " The figure is illegible in the copy.")
        + '</w:endnote>'))
    comments = part("comments", (
        '<w:comment w:id="7" w:author="Editor Kovacs" w:date="2024-01-02T10:00:00Z" '
        'w:initials="EK">' + p('<w:r><w:annotationRef/></w:r>', "Compare the Russian text.")
        + '</w:comment>'))
    header = part("hdr", p("Strictly confidential", style="Header"))
    header = header.replace("w:hdr", "w:hdr")
    footer = part("ftr", p(
        '<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText xml:space="preserve">'
        ' PAGE </w:instrText></w:r><w:r><w:fldChar w:fldCharType="separate"/></w:r>'
        '<w:r><w:t>1</w:t></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r>', style="Footer"))
    endref = '<w:r><w:rPr><w:vertAlign w:val="superscript"/></w:rPr><w:endnoteReference w:id="{}"/></w:r>'
    body = metadata("914003", "Information on the Plenum", "December 10, 1958", "Russian")
    body += p("Information on the Plenum", style="Heading1")
    body += p("The plenum", '<w:r><w:rPr><w:vertAlign w:val="superscript"/></w:rPr>'
              '<w:footnoteReference w:id="1"/></w:r>',
              " was opened by Comrade ", r("Khrushchev", "<w:smallCaps/>"),
              ". He spoke about ", '<w:commentRangeStart w:id="7"/>',
              "the agricultural plan", '<w:commentRangeEnd w:id="7"/>',
              '<w:r><w:commentReference w:id="7"/></w:r>',
              " and said that the harvest had been ", r("poor", "<w:strike/>"), " ",
              r("excellent", '<w:u w:val="double"/>'), ".", endref.format(1))
    body += p("The plenum approved a plan of 147", endref.format(2),
              " million tons of grain.")
    body += p("The second day", style="Heading2", ppr="<w:pageBreakBefore/>")
    body += p("The full text is in the ",
              '<w:hyperlink r:id="rIdH1"><w:r><w:rStyle w:val="Hyperlink"/>'
              '<w:t>archive\'s catalogue</w:t></w:r></w:hyperlink>',
              " and in ",
              '<w:hyperlink r:id="rIdH2"><w:r><w:t>the copy on file</w:t></w:r></w:hyperlink>',
              ".")
    body += p("The delegation returned to Budapest on 9 December.")
    sect = ('<w:headerReference w:type="default" r:id="rIdHd"/>'
            '<w:footerReference w:type="default" r:id="rIdFt"/>'
            '<w:pgSz w:w="11906" w:h="16838"/>')
    middle = ('<w:p><w:pPr><w:sectPr><w:type w:val="nextPage"/><w:pgSz w:w="11906" '
              'w:h="16838"/></w:sectPr></w:pPr></w:p>')
    body = body.replace(p("The delegation returned to Budapest on 9 December."),
                        middle + p("The delegation returned to Budapest on 9 December."))
    return package(path, body, {"word/footnotes.xml": footnotes, "word/endnotes.xml": endnotes,
                                "word/comments.xml": comments, "word/header1.xml": header,
                                "word/footer1.xml": footer},
                   [("rIdF", "footnotes", "footnotes.xml", False),
                    ("rIdE", "endnotes", "endnotes.xml", False),
                    ("rIdC", "comments", "comments.xml", False),
                    ("rIdHd", "header", "header1.xml", False),
                    ("rIdFt", "footer", "footer1.xml", False),
                    ("rIdH1", "hyperlink", "https://digitalarchive.wilsoncenter.org/", True),
                    ("rIdH2", "hyperlink", "javascript:alert(document.cookie)", True)],
                   sect=sect)


# 4. A stamp in a text box, a marginal note in a frame (framePr), the metadata block with a
# tab between each label and its value.
def stamp_and_frame(path: Path) -> Path:
    box = ('<w:r><mc:AlternateContent><mc:Choice Requires="wps"><w:drawing><wp:anchor '
           'distT="0" distB="0" distL="0" distR="0" simplePos="0" relativeHeight="1" '
           'behindDoc="0" locked="0" layoutInCell="1" allowOverlap="1"><wp:simplePos x="0" '
           'y="0"/><wp:positionH relativeFrom="column"><wp:posOffset>0</wp:posOffset>'
           '</wp:positionH><wp:positionV relativeFrom="paragraph"><wp:posOffset>0'
           '</wp:posOffset></wp:positionV><wp:extent cx="1800000" cy="600000"/><wp:wrapSquare '
           'wrapText="bothSides"/><wp:docPr id="1" name="Text Box 1"/><a:graphic><a:graphicData '
           'uri="http://schemas.microsoft.com/office/word/2010/wordprocessingShape"><wps:wsp>'
           '<wps:txbx><w:txbxContent>' + p(r("SECRET", B)) + p("Copy No. 3")
           + '</w:txbxContent></wps:txbx><wps:bodyPr/></wps:wsp></a:graphicData></a:graphic>'
           '</wp:anchor></w:drawing></mc:Choice><mc:Fallback><w:pict><v:shape><v:textbox>'
           '<w:txbxContent>' + p(r("SECRET", B)) + p("Copy No. 3")
           + '</w:txbxContent></v:textbox></v:shape></w:pict></mc:Fallback>'
           '</mc:AlternateContent></w:r>')
    frame = ('<w:framePr w:w="1800" w:hSpace="180" w:wrap="around" w:vAnchor="text" '
             'w:hAnchor="page" w:x="400" w:y="1"/>')
    body = metadata("914004", "Record of a Conversation with the Chinese Ambassador",
                    "June 2, 1960", "Russian", tabs=True)
    body += p(box, "Record of a Conversation with the Chinese Ambassador", style="Heading1")
    body += p("On 1 June I received the Chinese Ambassador at his request.")
    body += p("Seen by Gromyko", ppr=frame)
    body += p("The Ambassador said that the Chinese government wanted to discuss the border "
              "question once more.")
    body += p("I replied that the Soviet position had not changed.")
    body += p("A. Lavrentev")
    return package(path, body)


# 5. A document typed in two languages (w:lang), Cyrillic and Korean names.
def two_languages(path: Path) -> Path:
    ru = '<w:lang w:val="ru-RU"/>'
    ko = '<w:lang w:val="ko-KR" w:eastAsia="ko-KR"/><w:rFonts w:eastAsia="Malgun Gothic"/>'
    body = metadata("914005", "Conversation with Kim Il Sung", "September 9, 1956", "Russian")
    body += p("Conversation with Kim Il Sung", style="Heading1")
    body += p("Kim Il Sung (", r("김일성", ko), ") received the Soviet Ambassador ",
              r("В. И. Иванов", ru), " on 8 September 1956.")
    body += p(r("Совершенно секретно", ru))
    body += p("The Ambassador handed over the letter of the Central Committee, entitled ",
              r("«О положении в Корейской партии труда»", ru), ".")
    body += p("Kim Il Sung said that the ", r("조선로동당", ko),
              " would study the letter.")
    body += p(r("Посол СССР в КНДР", ru) + "<w:r><w:br/></w:r>" + r("В. Иванов", ru))
    return package(path, body)


# 6. Numbering as a list style defines it (numStyleLink / styleLink), legal numbering (isLgl),
# a number followed by nothing or a space (w:suff), a heading numbered through its style.
def list_style_numbering(path: Path) -> Path:
    numbering = part("numbering", (
        '<w:abstractNum w:abstractNumId="10"><w:multiLevelType w:val="multilevel"/>'
        '<w:styleLink w:val="ReportSections"/>'
        + _lvl(0, "upperRoman", "%1.", extra='<w:pStyle w:val="Heading1"/>')
        + _lvl(1, "decimal", "%1.%2", extra='<w:isLgl/><w:suff w:val="space"/>')
        + '</w:abstractNum>'
        '<w:abstractNum w:abstractNumId="11"><w:multiLevelType w:val="multilevel"/>'
        '<w:numStyleLink w:val="ReportSections"/></w:abstractNum>'
        '<w:num w:numId="5"><w:abstractNumId w:val="10"/></w:num>'
        '<w:num w:numId="6"><w:abstractNumId w:val="11"/></w:num>'))
    styles = ('<w:style w:type="numbering" w:styleId="ReportSections"><w:name w:val="Report '
              'Sections"/><w:pPr><w:numPr><w:numId w:val="5"/></w:numPr></w:pPr></w:style>'
              '<w:style w:type="paragraph" w:styleId="SectionHeading"><w:name w:val="Section '
              'Heading"/><w:basedOn w:val="Heading1"/><w:pPr><w:numPr><w:numId w:val="6"/>'
              '</w:numPr><w:outlineLvl w:val="0"/></w:pPr></w:style>')
    body = metadata("914006", "Report of the Embassy for the First Half of 1963",
                    "July 20, 1963", "Polish")
    body += p("Report of the Embassy for the First Half of 1963", style="Title")
    body += p("Internal situation", style="SectionHeading")
    body += p("The internal situation was calm.", ppr=num(6, 1))
    body += p("The harvest was better than in 1962.", ppr=num(6, 1))
    body += p("Foreign policy", style="SectionHeading")
    body += p("Relations with China grew worse.", ppr=num(6, 1))
    body += p("Relations with Poland were good.", ppr=num(6, 1))
    body += p("Warsaw, 20 July 1963")
    return package(path, body, {"word/numbering.xml": numbering},
                   [("rIdN", "numbering", "numbering.xml", False)], styles=styles)


BUILDERS: dict[str, Callable[[Path], Path]] = {
    "numbered-sections": numbered_sections, "memo-table": memo_table,
    "notes-and-marks": notes_and_marks, "stamp-and-frame": stamp_and_frame,
    "two-languages": two_languages, "list-style-numbering": list_style_numbering}

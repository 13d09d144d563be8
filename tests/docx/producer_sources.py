"""Reports invented for issue #10 in shapes no other fixture has, written as their producers'
own sources: flat ODT and HTML that LibreOffice turns into DOCX at test time
(`test_docx_producers.py`), so the reader meets LibreOffice's markup, not ours."""

from __future__ import annotations

import struct
import zlib

NAMESPACES = (
    'xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
    'xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0" '
    'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" '
    'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" '
    'xmlns:draw="urn:oasis:names:tc:opendocument:xmlns:drawing:1.0" '
    'xmlns:svg="urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0" '
    'xmlns:fo="urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0" '
    'xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:xlink="http://www.w3.org/1999/xlink"')


def metadata(number: str, title: str, date: str = "March 12, 1962",
             language: str = "German") -> list[tuple[str, bool]]:
    """The export's metadata block as (paragraph, bold) pairs: eight paragraphs."""
    return [(date, True), (title, True), ("Citation:", True),
            (f'"{title}", {date}, Wilson Center Digital Archive, Political Archive of the Foreign '
             "Office (PA AA), MfAA A 7137. Translated by Bernd Schaefer. "
             f"https://digitalarchive.wilsoncenter.org/document/{number}", False),
            ("Original Language:", True), (language, False), ("Contents:", True),
            ("Translation - English", False)]


def flat_odt(body: str, number: str, title: str, styles: str = "", automatic: str = "",
             master: str = "", language: str = "German") -> str:
    bold_style = ' text:style-name="PB"'
    opening = "".join(f'<text:p{bold_style if bold else ""}>{text}</text:p>'
                      for text, bold in metadata(number, title, language=language))
    return f"""<?xml version="1.0" encoding="UTF-8"?>
<office:document {NAMESPACES} office:version="1.3"
  office:mimetype="application/vnd.oasis.opendocument.text">
 <office:styles>{styles}</office:styles>
 <office:automatic-styles>
  <style:style style:name="PB" style:family="paragraph"><style:text-properties fo:font-weight="bold"/></style:style>
  <style:style style:name="B" style:family="text"><style:text-properties fo:font-weight="bold"/></style:style>
  <style:style style:name="I" style:family="text"><style:text-properties fo:font-style="italic"/></style:style>
  <style:page-layout style:name="pm1"/>
  {automatic}
 </office:automatic-styles>
 <office:master-styles><style:master-page style:name="Standard" style:page-layout-name="pm1">{master}</style:master-page></office:master-styles>
 <office:body><office:text>{opening}
{body}
 </office:text></office:body>
</office:document>
"""


# 1. Headings in styles with German names and outline numbering (1., 1.1.); footnotes and an
# endnote with formatting, a link and two paragraphs inside.
HEADINGS_AND_NOTES = flat_odt("""
   <text:h text:style-name="Überschrift_20_1" text:outline-level="1">Economic relations</text:h>
   <text:p>Trade with the GDR grew by a third<text:note text:id="ftn1" text:note-class="footnote"><text:note-citation>1</text:note-citation><text:note-body><text:p>See the <text:span text:style-name="B">annual report</text:span> of the <text:span text:style-name="I">Ministry</text:span>, <text:a xlink:type="simple" xlink:href="https://example.org/report">online</text:a>.</text:p><text:p>A second paragraph of the note.</text:p></text:note-body></text:note> in 1961.</text:p>
   <text:h text:style-name="Überschrift_20_2" text:outline-level="2">Machinery</text:h>
   <text:p>Deliveries of machine tools were late.<text:note text:id="edn1" text:note-class="endnote"><text:note-citation>i</text:note-citation><text:note-body><text:p>Figures from the <text:span text:style-name="I">Statistical Yearbook</text:span>.</text:p></text:note-body></text:note></text:p>
   <text:h text:style-name="Überschrift_20_2" text:outline-level="2">Grain</text:h>
   <text:p>Grain deliveries were on time.<text:note text:id="ftn2" text:note-class="footnote"><text:note-citation>2</text:note-citation><text:note-body><text:p>Only wheat.</text:p></text:note-body></text:note></text:p>
   <text:h text:style-name="Überschrift_20_1" text:outline-level="1">Cultural relations</text:h>
   <text:p>Exchanges of students continued.</text:p>
   <text:p>Schneidewind</text:p>""", "900101", "Memorandum on Economic and Cultural Relations",
    styles="""
  <style:style style:name="Überschrift_20_1" style:display-name="Überschrift 1" style:family="paragraph" style:default-outline-level="1"><style:text-properties fo:font-size="16pt" fo:font-weight="bold"/></style:style>
  <style:style style:name="Überschrift_20_2" style:display-name="Überschrift 2" style:family="paragraph" style:default-outline-level="2"><style:text-properties fo:font-size="13pt" fo:font-weight="bold"/></style:style>
  <text:outline-style style:name="Outline">
   <text:outline-level-style text:level="1" style:num-format="1" style:num-suffix="."/>
   <text:outline-level-style text:level="2" style:num-format="1" style:num-suffix="." text:display-levels="2"/>
  </text:outline-style>""")

# 2. A web page (LibreOffice's HTML import): a table with two header rows and merged cells,
# links of every kind a translator pastes.
TABLE_AND_LINKS_HTML = "".join(
    f"<p>{f'<b>{text}</b>' if bold else text}</p>\n" for text, bold in
    metadata("900102", "Note on Deliveries to the GDR", "May 5, 1963")).join((
        '<!DOCTYPE html>\n<html><head><meta charset="utf-8"><title>Note</title></head><body>\n',
        """<p>The deliveries of 1962 and 1963 were as follows:</p>
<table border="1">
<thead><tr><th rowspan="2">Good</th><th colspan="2">Tons</th></tr>
<tr><th>1962</th><th>1963</th></tr></thead>
<tbody>
<tr><td>Coal</td><td>1,200</td><td>1,500</td></tr>
<tr><td>Grain</td><td colspan="2">[not stated]</td></tr>
<tr><td rowspan="2">Steel</td><td>300</td><td>350</td></tr>
<tr><td>40</td><td>45</td></tr>
</tbody></table>
<p>See <a href="https://example.org/a">the archive</a>, <a href="ftp://example.org/file">the FTP copy</a>, <a href="file:///C:/Users/anna/report.doc">the local copy</a>, <a href="../documents/900103.html">the next document</a>, <a href="mailto:archive@example.org">the archivist</a> and <a href="#top">the top</a>.</p>
<p>Schneidewind</p>
</body></html>
"""))

# 4. Automatic numbering over three levels (1., a), i.), and a second list that restarts at 1.
NUMBERING = flat_odt("""
   <text:p>The delegation raised the following points:</text:p>
   <text:list text:style-name="L1">
    <text:list-item><text:p>Deliveries of coal.</text:p>
     <text:list><text:list-item><text:p>hard coal from Silesia;</text:p></text:list-item>
      <text:list-item><text:p>brown coal from Lusatia;</text:p>
       <text:list><text:list-item><text:p>for power stations,</text:p></text:list-item><text:list-item><text:p>for households.</text:p></text:list-item></text:list>
      </text:list-item></text:list>
    </text:list-item>
    <text:list-item><text:p>Payment in transferable roubles.</text:p></text:list-item>
   </text:list>
   <text:p>The Polish side answered:</text:p>
   <text:list text:style-name="L1" text:continue-numbering="false">
    <text:list-item><text:p>Coal can be delivered from May.</text:p></text:list-item>
    <text:list-item><text:p>Payment is agreed.</text:p></text:list-item>
   </text:list>
   <text:p>Kowalski</text:p>""", "900104", "Note on Talks with the Polish Trade Delegation",
    automatic="""
  <text:list-style style:name="L1">
   <text:list-level-style-number text:level="1" style:num-format="1" style:num-suffix="."/>
   <text:list-level-style-number text:level="2" style:num-format="a" style:num-suffix=")"/>
   <text:list-level-style-number text:level="3" style:num-format="i" style:num-suffix="."/>
  </text:list-style>""", language="Polish")

# 5. Tracked changes by two people (a deletion, an insertion, a whole inserted paragraph, a
# format change); a comment over two paragraphs and one without a range, of two paragraphs.
CHANGES_AND_COMMENTS = flat_odt("""
   <text:tracked-changes>
    <text:changed-region text:id="c1"><text:insertion><office:change-info><dc:creator>Anna Editor</dc:creator><dc:date>2024-05-06T07:08:09</dc:date></office:change-info></text:insertion></text:changed-region>
    <text:changed-region text:id="c2"><text:deletion><office:change-info><dc:creator>Béla Reviewer</dc:creator><dc:date>2024-06-01T10:00:00</dc:date></office:change-info><text:p>urgently </text:p></text:deletion></text:changed-region>
    <text:changed-region text:id="c3"><text:insertion><office:change-info><dc:creator>Béla Reviewer</dc:creator><dc:date>2024-06-01T10:05:00</dc:date></office:change-info></text:insertion></text:changed-region>
    <text:changed-region text:id="c4"><text:format-change><office:change-info><dc:creator>Anna Editor</dc:creator><dc:date>2024-05-07T08:00:00</dc:date></office:change-info></text:format-change></text:changed-region>
   </text:tracked-changes>
   <text:p>The ambassador asked <text:change text:change-id="c2"/>for a meeting<text:change-start text:change-id="c1"/> with the minister<text:change-end text:change-id="c1"/>.</text:p>
   <text:p><text:change-start text:change-id="c3"/>This paragraph was added by the reviewer.<text:change-end text:change-id="c3"/></text:p>
   <text:p>He <office:annotation office:name="a1"><dc:creator>Anna Editor</dc:creator><dc:date>2024-05-06T07:10:00</dc:date><text:p>Both paragraphs are doubtful.</text:p></office:annotation>repeated the request.</text:p>
   <text:p>The minister refused<office:annotation-end office:name="a1"/>.<office:annotation><dc:creator>Béla Reviewer</dc:creator><dc:date>2024-06-02T09:00:00</dc:date><text:p>Source: the <text:span text:style-name="I">diary</text:span>.</text:p><text:p>Second paragraph of the comment.</text:p></office:annotation></text:p>
   <text:p><text:change-start text:change-id="c4"/><text:span text:style-name="B">Important</text:span><text:change-end text:change-id="c4"/>: a reply is expected.</text:p>
   <text:p>Schneidewind</text:p>""", "900105", "Note on the Ambassador's Request")

# 6. A dateline at a right tab stop, a letter-spaced title, small caps, note numbers typed
# as superscript figures with their texts under a rule after the signature.
TYPED_LAYOUT = flat_odt("""
   <text:p text:style-name="TAB">Head of Section 4<text:tab/>Berlin, 12 March 1962</text:p>
   <text:p><text:span text:style-name="LS">Memorandum</text:span></text:p>
   <text:p>Comrade <text:span text:style-name="SC">Ulbricht</text:span> spoke of the <text:span text:style-name="SC">Comecon</text:span> meeting in Moscow<text:span text:style-name="SUP">1</text:span> and of the treaty.<text:span text:style-name="SUP">2</text:span></text:p>
   <text:p>The delegation left on 14 March.</text:p>
   <text:p>Schneidewind</text:p>
   <text:p text:style-name="RULE"/>
   <text:p><text:span text:style-name="SUP">1</text:span> The meeting of 6-7 June 1962.</text:p>
   <text:p><text:span text:style-name="SUP">2</text:span> The treaty of friendship.</text:p>""",
    "900106", "Memorandum on the Comecon Meeting", automatic="""
  <style:style style:name="SC" style:family="text"><style:text-properties fo:font-variant="small-caps"/></style:style>
  <style:style style:name="LS" style:family="text"><style:text-properties fo:letter-spacing="0.2cm" fo:font-weight="bold"/></style:style>
  <style:style style:name="SUP" style:family="text"><style:text-properties style:text-position="super 58%"/></style:style>
  <style:style style:name="TAB" style:family="paragraph"><style:paragraph-properties><style:tab-stops><style:tab-stop style:position="16cm" style:type="right"/></style:tab-stops></style:paragraph-properties></style:style>
  <style:style style:name="RULE" style:family="paragraph"><style:paragraph-properties fo:border-bottom="0.5pt solid #000000"/></style:style>""")

# 7. A table of contents with its title, fields (date, page number, page count), a section
# in two columns, a page break before a paragraph, a header and a footer on every page.
SECTIONS_AND_FIELDS = flat_odt("""
   <text:table-of-content text:name="TOC1">
    <text:table-of-content-source text:outline-level="3"/>
    <text:index-body>
     <text:index-title text:name="T"><text:p>Contents</text:p></text:index-title>
     <text:p>The journey<text:tab/>1</text:p>
     <text:p>The return<text:tab/>2</text:p>
    </text:index-body>
   </text:table-of-content>
   <text:h text:style-name="Heading_20_1" text:outline-level="1">The journey</text:h>
   <text:p>Printed on <text:date text:date-value="1962-03-12">12/03/1962</text:date>, page <text:page-number text:select-page="current">1</text:page-number> of <text:page-count>2</text:page-count>.</text:p>
   <text:section text:name="S1" text:style-name="Sect1">
    <text:p>The delegation travelled by train.</text:p>
    <text:p>It arrived on Monday.</text:p>
   </text:section>
   <text:h text:style-name="Heading_20_1" text:outline-level="1">The return</text:h>
   <text:p text:style-name="PBR">The return was by air.</text:p>
   <text:p>Schneidewind</text:p>""", "900107", "Report on the Journey of the Delegation",
    styles='<style:style style:name="Heading_20_1" style:display-name="Heading 1" '
           'style:family="paragraph" style:default-outline-level="1"/>',
    automatic="""
  <style:style style:name="PBR" style:family="paragraph"><style:paragraph-properties fo:break-before="page"/></style:style>
  <style:style style:name="Sect1" style:family="section"><style:section-properties><style:columns fo:column-count="2"/></style:section-properties></style:style>""",
    master="""<style:header><text:p>Ministry of Foreign Affairs of the GDR</text:p></style:header>
   <style:footer><text:p>Page <text:page-number text:select-page="current">1</text:page-number></text:p><text:p>Translated for the archive</text:p></style:footer>""")


def png() -> bytes:
    """A one-pixel PNG, as small as a real image can be."""
    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + \
            struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", 1, 1, 8, 2, 0, 0, 0)) +
            chunk(b"IDAT", zlib.compress(b"\x00\xff\x00\x00")) + chunk(b"IEND", b""))


def images(encoded_png: str) -> str:
    """8. An image in the line with a title and a description, and one anchored without."""
    return flat_odt(f"""
   <text:p>The stamp of the ministry:<draw:frame draw:name="Img1" text:anchor-type="as-char" svg:width="2cm" svg:height="2cm"><draw:image><office:binary-data>{encoded_png}</office:binary-data></draw:image><svg:title>Stamp</svg:title><svg:desc>Round stamp of the Ministry of Foreign Affairs</svg:desc></draw:frame> was on the first page.</text:p>
   <text:p><draw:frame draw:name="Img2" text:anchor-type="paragraph" svg:width="2cm" svg:height="2cm"><draw:image><office:binary-data>{encoded_png}</office:binary-data></draw:image></draw:frame>A photograph without description.</text:p>
   <text:p>Schneidewind</text:p>""", "900108", "Note on the Stamp")

"""Issue #10's seventh held-out batch (docx15): five Word files made the ways translators make
them that the other DOCX tests do not build: a Google Docs export, tracked changes left in,
content controls and fields, tabs as the columns of a participants' table with a
right-to-left paragraph and a cross-reference to a footnote, notes typed by hand at the end.

The builders write WordprocessingML by hand over python-docx's template (`heldout14_docs`'s
`package`); the expectations (`heldout15/<name>.expect.json`) were written by hand from what
the TEI must hold, before the reader was changed for them.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from heldout14_docs import B, metadata, p, package, part, r

HERE = Path(__file__).resolve().parent / "heldout15"
SUP = '<w:vertAlign w:val="superscript"/>'


def g(text: str, extra: str = "") -> str:
    """A run as Google Docs writes it: its font named on every run, toggles written out."""
    fonts = ('<w:rFonts w:ascii="Times New Roman" w:cs="Times New Roman" '
             'w:eastAsia="Times New Roman" w:hAnsi="Times New Roman"/>')
    return r(text, fonts + extra + '<w:sz w:val="24"/><w:szCs w:val="24"/><w:rtl w:val="0"/>')


def gp(*runs: str, style: str = "", ppr: str = "") -> str:
    """A Google Docs paragraph: spacing and keep-lines on every one, a bookmark at headings."""
    props = '<w:spacing w:after="0" w:before="0" w:line="276" w:lineRule="auto"/>' + ppr
    mark = ('<w:bookmarkStart w:colFirst="0" w:colLast="0" w:name="_gjdgxs" w:id="0"/>'
            '<w:bookmarkEnd w:id="0"/>') if style.startswith("Heading") else ""
    return p(mark, *runs, style=style, ppr=props)


# 1. A Google Docs export: Title and Subtitle styles, runs cut inside words with a font on
# each, bold written as w:b w:val="1", bullets drawn by a numbering of ● (numFmt bullet),
# empty paragraphs between paragraphs, a link underlined by hand.
def google_docs(path: Path) -> Path:
    bold = '<w:b w:val="1"/>'
    numbering = part("numbering", (
        '<w:abstractNum w:abstractNumId="1"><w:lvl w:ilvl="0"><w:start w:val="1"/>'
        '<w:numFmt w:val="bullet"/><w:lvlText w:val="●"/><w:lvlJc w:val="left"/><w:pPr>'
        '<w:ind w:left="720" w:hanging="360"/></w:pPr><w:rPr><w:u w:val="none"/></w:rPr>'
        '</w:lvl><w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="bullet"/>'
        '<w:lvlText w:val="○"/><w:pPr><w:ind w:left="1440" w:hanging="360"/></w:pPr>'
        '</w:lvl></w:abstractNum><w:num w:numId="1"><w:abstractNumId w:val="1"/></w:num>'))
    bullet = '<w:numPr><w:ilvl w:val="0"/><w:numId w:val="1"/></w:numPr>'
    link_rpr = '<w:color w:val="1155cc"/><w:u w:val="single"/>'
    number = "915001"
    body = gp(g("March 16, 1962", bold))
    body += gp(g("Report on the Visit of the Hungarian Party Delegation", bold))
    body += gp(g("Cit", bold), g("ation:", bold))
    body += gp(g('"Report on the Visit of the Hungarian Party Delegation", March 16, 1962, '
                 "Wilson Center Digital Archive, National Archives of Hungary (MOL), XIX-J-1-j "
                 "Korea, 1962, 11. doboz. Translated by Balázs Szalontai. "
                 f"https://digitalarchive.wilsoncenter.org/document/{number}"))
    body += gp(g("Summary:", bold)) + gp(g("A report invented to test the Word reader."))
    body += gp(g("Original Language:", bold)) + gp(g("Hungarian"))
    body += gp(g("Contents:", bold)) + gp(g("Translation - English"))
    body += gp(g("Report on the Visit of the Hungarian Party Delegation"), style="Title")
    body += gp(g("Record of the Second Session"), style="Subtitle")
    body += gp()
    body += gp(g("1. Opening of the session"), style="Heading2")
    body += gp(g("The dele"), g("gation of the Hungarian Socialist Workers' Party arrived in "
                                "Pyongyang on 12 March 1962. The newspaper "),
               g("Rodong Sinmun", '<w:i w:val="1"/>'), g(" wrote about the visit on its "
                                                        "first page."))
    body += gp()
    body += gp(g("The Korean side raised three questions:"))
    body += gp(g("the deliveries of machine tools;"), ppr=bullet)
    body += gp(g("the training of engineers;"), ppr=bullet)
    body += gp(g("the exchange of students."), ppr=bullet)
    body += gp()
    body += gp(g("The full record is in the "),
               '<w:hyperlink r:id="rIdG1">' + g("archive's catalogue", link_rpr)
               + '</w:hyperlink>', g("."))
    body += gp(g("Imre Horváth"))
    body += gp(g("Ambassador"))
    return package(path, body, {"word/numbering.xml": numbering},
                   [("rIdN", "numbering", "numbering.xml", False),
                    ("rIdG1", "hyperlink", "https://digitalarchive.wilsoncenter.org/", True)])


def _change(kind: str, key: int, author: str, when: str, inner: str) -> str:
    return f'<w:{kind} w:id="{key}" w:author="{author}" w:date="{when}">{inner}</w:{kind}>'


def _deleted(text: str) -> str:
    return f'<w:r><w:delText xml:space="preserve">{text}</w:delText></w:r>'


# 2. Tracked changes left in by the translator and a reviser: insertions and deletions inside
# sentences, a name corrected, a paragraph deleted with its mark, a paragraph inserted, a
# sentence moved, a formatting change (no change of words), a deletion in a footnote.
def tracked_changes(path: Path) -> Path:
    anna, when = "Anna Berg", "2023-05-02T09:15:00Z"
    rev, later = "Reviser Tóth", "2023-05-04T16:40:00Z"
    footnotes = part("footnotes", (
        '<w:footnote w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p>'
        '</w:footnote><w:footnote w:type="continuationSeparator" w:id="0"><w:p><w:r>'
        '<w:continuationSeparator/></w:r></w:p></w:footnote><w:footnote w:id="1">'
        + p('<w:r><w:footnoteRef/></w:r>', " The minutes were ",
            _change("del", 40, anna, when, _deleted("never ")), "found in 1990.")
        + '</w:footnote>'))
    body = metadata("915002", "Record of a Conversation with A. N. Kosygin", "January 8, 1965",
                    "Hungarian")
    body += p("On 7 January I was received by Comrade ",
              _change("del", 11, anna, when, _deleted("Kosigin")),
              _change("ins", 12, anna, when, r("Kosygin")),
              ", Chairman of the Council of Ministers.",
              '<w:r><w:footnoteReference w:id="1"/></w:r>')
    body += p("He said that the Soviet side was ",
              _change("del", 13, anna, when, _deleted("very ")),
              "satisfied with the ", _change("ins", 14, rev, later, r("economic ")),
              "relations.")
    body += ('<w:p><w:pPr><w:rPr>' + _change("del", 15, anna, when, "") + '</w:rPr></w:pPr>'
             + _change("del", 16, anna, when, _deleted("This paragraph was struck out by the "
                                                       "translator."))
             + '</w:p>')
    body += ('<w:p><w:pPr><w:rPr>' + _change("ins", 17, rev, later, "") + '</w:rPr></w:pPr>'
             + _change("ins", 18, rev, later, r("The reviser added this paragraph."))
             + '</w:p>')
    body += p("He stressed the ", '<w:r><w:rPr><w:b/><w:rPrChange w:id="19" w:author="Anna '
              'Berg" w:date="2023-05-02T09:15:00Z"><w:rPr/></w:rPrChange></w:rPr><w:t>'
              'importance</w:t></w:r>', " of the talks.",
              '<w:moveFromRangeStart w:id="20" w:author="Anna Berg" '
              'w:date="2023-05-02T09:15:00Z" w:name="move1"/>',
              _change("moveFrom", 21, anna, when, _deleted(" The weather was cold.")),
              '<w:moveFromRangeEnd w:id="20"/>')
    body += p("We parted at noon.",
              '<w:moveToRangeStart w:id="22" w:author="Anna Berg" '
              'w:date="2023-05-02T09:15:00Z" w:name="move1"/>',
              _change("moveTo", 23, anna, when, r(" The weather was cold.")),
              '<w:moveToRangeEnd w:id="22"/>')
    body += p("Ambassador József Kovács")
    return package(path, body, {"word/footnotes.xml": footnotes},
                   [("rIdF", "footnotes", "footnotes.xml", False)])


def _sdt(inner: str, props: str = "", block: bool = False) -> str:
    del block  # the same markup at either level: only what it holds differs
    return f"<w:sdt><w:sdtPr>{props}</w:sdtPr><w:sdtContent>{inner}</w:sdtContent></w:sdt>"


def _field(code: str, result: str, rpr: str = "") -> str:
    run = lambda x: f"<w:r>{f'<w:rPr>{rpr}</w:rPr>' if rpr else ''}{x}</w:r>"  # noqa: E731
    return (run('<w:fldChar w:fldCharType="begin"/>')
            + run(f'<w:instrText xml:space="preserve"> {code} </w:instrText>')
            + run('<w:fldChar w:fldCharType="separate"/>')
            + run(f'<w:t xml:space="preserve">{result}</w:t>')
            + run('<w:fldChar w:fldCharType="end"/>'))


# 3. A template's content controls: the metadata block in a block-level control, its values
# in inline ones; a control still showing its placeholder; a drop-down classification; a
# check box; fields (DATE, REF to a bookmarked heading, PAGE in the footer); w:sym symbols.
def controls_and_fields(path: Path) -> Path:
    placeholder = ('<w:sdt><w:sdtPr><w:alias w:val="Interpreter"/><w:tag w:val="interp"/>'
                   '<w:showingPlcHdr/><w:text/></w:sdtPr><w:sdtContent><w:r><w:rPr>'
                   '<w:rStyle w:val="PlaceholderText"/></w:rPr><w:t>Click or tap here to enter '
                   'text.</w:t></w:r></w:sdtContent></w:sdt>')
    choose = ('<w:alias w:val="Classification"/><w:dropDownList><w:listItem w:displayText='
              '"Secret" w:value="S"/><w:listItem w:displayText="Top Secret" w:value="TS"/>'
              '</w:dropDownList>')
    box = ('<w14:checkbox xmlns:w14="http://schemas.microsoft.com/office/word/2010/wordml">'
           '<w14:checked w14:val="1"/></w14:checkbox>')
    inline = lambda text, alias: _sdt(r(text), f'<w:alias w:val="{alias}"/><w:text/>')  # noqa
    number = "915003"
    fields = [("Citation:", inline(f'"Memorandum on the Trade Talks", May 20, 1966, Wilson '
                                    "Center Digital Archive, Political Archive of the Federal "
                                    "Foreign Office (PA AA), MfAA C 1234/70. Translated by "
                                    "Bernd Schaefer. https://digitalarchive.wilsoncenter.org/"
                                    f"document/{number}", "Citation")),
              ("Summary:", inline("A report invented to test the Word reader.", "Summary")),
              ("Original Language:", inline("German", "Language")),
              ("Contents:", inline("Translation - English", "Contents"))]
    meta = p(r("May 20, 1966", B)) + p(r("Memorandum on the Trade Talks", B))
    for label, value in fields:
        meta += p(r(label, B)) + p(value)
    body = _sdt(meta, '<w:alias w:val="Metadata"/><w:tag w:val="meta"/>', block=True)
    body += p(_sdt(r("Top Secret", B), choose))
    body += p("Memorandum on the Trade Talks", style="Heading1")
    body += p(r("Interpreter: "), placeholder)
    body += p("The talks took place in Berlin on 18 and 19 May 1966.")
    body += ('<w:p><w:pPr><w:pStyle w:val="Heading2"/></w:pPr><w:bookmarkStart w:id="5" '
             'w:name="_Ref1001"/><w:r><w:t>2. Trade</w:t></w:r><w:bookmarkEnd w:id="5"/></w:p>')
    body += p("The increase of ", '<w:r><w:rPr><w:rFonts w:ascii="Symbol" w:hAnsi="Symbol"/>'
              '</w:rPr><w:sym w:font="Symbol" w:char="F061"/></w:r>',
              " (the growth rate) was discussed; see section ",
              _field(r"REF _Ref1001 \r \h", "2"), " below.")
    body += p(_sdt(r("☒", '<w:rFonts w:ascii="MS Gothic" w:hAnsi="MS Gothic"/>'), box),
              " Copy sent to the Ministry of Foreign Trade")
    body += p('<w:r><w:sym w:font="Wingdings" w:char="F0FC"/></w:r>',
              " Agreed by both delegations.")
    body += p("This copy was printed on ", _field(r'DATE \@ "d MMMM yyyy"', "3 June 2024"),
              ".")
    body += p("Heinz Müller")
    footer = part("ftr", p("Page ", _field("PAGE", "1"), style="Footer"))
    sect = '<w:footerReference w:type="default" r:id="rIdFt"/>'
    return package(path, body, {"word/footer1.xml": footer},
                   [("rIdFt", "footer", "footer1.xml", False)], sect=sect)


# 4. A participants' table typed with tabs at left tab stops (name, office, delegation), a
# right-to-left paragraph in Arabic, a cross-reference (NOTEREF) to a bookmarked footnote.
def participants_and_rtl(path: Path) -> Path:
    stops = ('<w:tabs><w:tab w:val="left" w:pos="3000"/><w:tab w:val="left" w:pos="6500"/>'
             '</w:tabs>')
    rows = [("Name", "Office", "Delegation"),
            ("Mahmoud Riad", "Minister of Foreign Affairs", "UAR"),
            ("Andrei Gromyko", "Minister of Foreign Affairs", "USSR"),
            ("Vladimir Vinogradov", "Ambassador", "USSR")]
    footnotes = part("footnotes", (
        '<w:footnote w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p>'
        '</w:footnote><w:footnote w:type="continuationSeparator" w:id="0"><w:p><w:r>'
        '<w:continuationSeparator/></w:r></w:p></w:footnote><w:footnote w:id="1">'
        + p('<w:r><w:footnoteRef/></w:r>', " The communiqué was published on 23 June.")
        + '</w:footnote>'))
    arabic = '<w:rtl/><w:lang w:val="en-US" w:bidi="ar-EG"/>'
    body = metadata("915004", "Record of the Talks with the UAR Delegation", "June 22, 1967",
                    "Russian")
    body += p("Record of the Talks with the UAR Delegation", style="Heading1")
    body += p("Participants:")
    for index, row in enumerate(rows):
        body += p(r("\t".join(row), B if index == 0 else ""), ppr=stops)
    body += p("The talks opened with a statement of the UAR side",
              '<w:bookmarkStart w:id="9" w:name="_Ref2001"/><w:r><w:rPr>'
              '<w:rStyle w:val="FootnoteReference"/></w:rPr><w:footnoteReference w:id="1"/>'
              '</w:r><w:bookmarkEnd w:id="9"/>', ". Riad read the communiqué aloud.")
    body += p(r("نحن نطالب بانسحاب القوات الإسرائيلية", arabic), ppr="<w:bidi/>")
    body += p("Gromyko replied that the Soviet Union supported this demand (see note ",
              _field(r"NOTEREF _Ref2001 \h", "1", '<w:vertAlign w:val="superscript"/>'),
              ").")
    body += p("V. Vinogradov")
    return package(path, body, {"word/footnotes.xml": footnotes},
                   [("rIdF", "footnotes", "footnotes.xml", False)])


# 5. Notes typed by hand at the end after a line of underscores: superscript figures in the
# text, the notes opening with the same figure; a [3] typed in brackets, its note too.
def typed_notes(path: Path) -> Path:
    body = metadata("915005", "Information on the Meeting of the Political Bureau",
                    "April 2, 1962", "Bulgarian")
    body += p("Information on the Meeting of the Political Bureau", style="Heading1")
    body += p("The Political Bureau met on 30 March 1962", r("1", SUP),
              " and discussed the report of the delegation to Moscow.")
    body += p("Comrade Zhivkov spoke about the harvest", r("2", SUP),
              " and about the plan for 1963 [3].")
    body += p("The Political Bureau approved the report.")
    body += p("Sofia, 2 April 1962")
    body += p("_______________")
    body += p(r("1", SUP), " The minutes of this meeting are in fond 1B, opis 6.")
    body += p(r("2", SUP), " The harvest of 1961 was poor in the south.")
    body += p("[3] The plan was adopted in December 1962.")
    return package(path, body)


BUILDERS: dict[str, Callable[[Path], Path]] = {
    "google-docs": google_docs, "tracked-changes": tracked_changes,
    "controls-and-fields": controls_and_fields, "participants-and-rtl": participants_and_rtl,
    "typed-notes": typed_notes}

"""The held-out text layouts of issue #10 (tests/converter/layouts/) typed into Word, as a
translator would, from a small description of how they typed each one.

A description says how the fields of a line are apart (a tab to a right tab stop, several tabs
at Word's default stops, or the spaces as typed), whether the notes at the end are real Word
footnotes at their references, which body lines are bold, whether the metadata block is a
two-column table, and whether the hard-wrapped lines of a block are one Word paragraph (Word
wraps). `build` writes the DOCX with python-docx (and the footnotes part by hand) and returns,
with it, where each source line went, so a check written for a source line (a warning at line
37) can be looked up in the Word file (its paragraph number) or known to be gone (a note text
moved into a footnote).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from xml.sax.saxutils import escape

import docx
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_TAB_ALIGNMENT
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm
from docx.text.paragraph import Paragraph
from docx_fixtures import CT_MAIN, W, add_parts, placeholder, wml
from lxml import etree

ROOT = Path(__file__).resolve().parents[2]
LAYOUTS = ROOT / "tests" / "converter" / "layouts"
FIELDS = re.compile(r"(?<=\S)[ \u00a0]{3,}(?=\S)")
NOTE_TEXT = re.compile(r"^\s*(?:\[(\w{1,3})\]|(\*{1,3}))\s+(\S.*)$")
NOTE_REF = re.compile(r"\[(\w{1,3})\]|(?<=\S)(\*{1,3})(?!\*)")
RULE = re.compile(r"^\s*_{5,}\s*$")


def _key(match: re.Match[str]) -> str:
    return match.group(1) or match.group(2)


@dataclass(frozen=True)
class WordLayout:
    stem: str  # the layout's number: "001"
    # "right-tab" | "tabs" (default stops) | "spaces" (as typed) | "nbsp" (no-break spaces)
    fields: str = "right-tab"
    footnotes: bool = False  # `[1]` ... `[1] text` at the end as Word footnotes
    endnotes: bool = False  # the same notes as Word endnotes (word/endnotes.xml) instead
    bold: tuple[str, ...] = ()  # body lines (their text, stripped) set bold
    metadata_table: bool = False
    # a block of long hard-wrapped lines: "soft" its lines apart by soft line breaks
    # (Shift+Enter), "join" one paragraph that Word wraps itself; "" a paragraph per line
    wrapped: str = ""
    variant: str = ""  # a second Word file of the same layout, typed otherwise
    # (pattern, Word style) for body lines: "Heading 1" keeps the typed number, "List
    # Number" gives it automatically (the typed `1. ` is not typed: Word's AutoFormat)
    styles: tuple[tuple[str, str], ...] = ()
    bold_labels: str = ""  # a pattern: the start of a line set bold (a speaker `Name:`)
    superscript: bool = False  # typed `¹` as a superscript `1`, as Word's button makes it
    rule: bool = False  # a line of underscores as a paragraph border, as Word draws a rule
    # characters of the export that Word draws itself and the file has not (typed bullets
    # turned into Word's list): left out of the words and lines the projection must give
    drawn: str = ""
    # checks Word cannot carry, by key ("assertions:3", "lines", "warnings:1"), with why
    excluded: dict[str, str] = field(default_factory=dict)

    @property
    def name(self) -> str:
        return f"{self.stem}-{self.variant}" if self.variant else self.stem

    @property
    def source(self) -> Path:
        return next(LAYOUTS.glob(f"{self.stem}-*.txt"))


@dataclass
class Built:
    path: Path
    paragraph_of: dict[int, int]  # source line -> Word paragraph number (1-based)
    continued: set[int]  # source lines that continue the Word paragraph before them
    in_footnote: set[int]  # source lines that became a footnote's text


def _metadata(lines: list[str]) -> list[tuple[int, list[str], bool]]:
    """The metadata block's blank-line blocks: (first line number, lines, bold)."""
    blocks: list[tuple[int, list[str], bool]] = []
    current: list[str] = []
    start = 0
    for number, line in enumerate(lines + [""], start=1):
        if line.strip():
            if not current:
                start = number
            current.append(line)
            continue
        if current:
            joined = " ".join(current).strip()
            bold = joined.startswith("**") and joined.endswith("**")
            text = joined[2:-2] if bold else joined
            text = re.sub(r"<(https?://[^>]+)>", r"\1", text)
            blocks.append((start, [text], bold))
            current = []
    return blocks


def _footnotes(body: list[tuple[int, str]]) -> tuple[dict[str, tuple[int, str]], set[str]]:
    """The note texts at the end that have a reference in the text: mark -> (line, text),
    and the marks referred to."""
    texts: dict[str, tuple[int, str]] = {}
    tail = True
    for number, line in reversed(body):
        match = NOTE_TEXT.match(line)
        if match and tail:
            texts[_key(match)] = (number, match.group(3))
        elif line.strip():
            tail = False
    refs = {_key(m) for n, line in body if n not in {v[0] for v in texts.values()}
            for m in NOTE_REF.finditer(line)}
    return {k: v for k, v in texts.items() if k in refs}, refs


def build(layout: WordLayout, target: Path) -> Built:
    lines = layout.source.read_text(encoding="utf-8").split("\n")
    contents = next(i for i, line in enumerate(lines) if line.strip() == "**Contents:**")
    value = next(i for i in range(contents + 1, len(lines)) if lines[i].strip())
    document = docx.Document()
    count = 0
    meta = _metadata(lines[:value + 1])
    if layout.metadata_table:
        pairs: list[tuple[str, str]] = [("Date", meta[0][1][0]), ("Title", meta[1][1][0])]
        rest = meta[2:]
        pairs += [(rest[i][1][0].rstrip(":"), rest[i + 1][1][0]) for i in range(0, len(rest), 2)]
        table = document.add_table(rows=len(pairs), cols=2)
        for row, (label, text) in enumerate(pairs):
            table.cell(row, 0).text = label
            table.cell(row, 1).text = text
        count += 2 * len(pairs)
    else:
        for _, texts, bold in meta:
            document.add_paragraph().add_run(texts[0]).bold = bold or None
            count += 1

    body = [(n + 1, lines[n]) for n in range(value + 1, len(lines))]
    notes, _ = _footnotes(body) if layout.footnotes else ({}, set())
    note_lines = {number for number, _ in notes.values()}
    # numbered in the order of their references, and written in that order, as Word does
    # (LibreOffice pairs a reference with the note at its position, not by its id)
    order = [_key(m) for n, line in body if n not in note_lines
             for m in NOTE_REF.finditer(line) if _key(m) in notes]
    # the rule over the notes moved into footnotes: Word draws its own separator
    first_note = min(note_lines, default=0)
    note_lines |= {n for n, line in body if n == first_note - 1 and RULE.match(line)}
    ids = {mark: index for index, mark in enumerate(dict.fromkeys(order), start=1)}
    paragraph_of: dict[int, int] = {}
    bullets = ""  # the numId of Word's bulleted list, once made
    continued: set[int] = set()
    edits: list[tuple[str, str]] = []
    previous: str = ""
    paragraph = None
    for number, line in body:
        if number in note_lines:
            continue
        if not line.strip(" \u00a0\t"):
            previous, paragraph = "", None
            continue
        if layout.wrapped and paragraph is not None and len(previous) > 60:
            if layout.wrapped == "soft":
                paragraph.add_run().add_break()
            else:
                paragraph.add_run(" ")
                continued.add(number)
        else:
            paragraph = document.add_paragraph()
            count += 1
            if line.strip() in layout.bold:
                paragraph.add_run(line.strip()).bold = True
                paragraph_of[number] = count
                previous = line
                continue
            text = line.rstrip()
            style = next((name for pattern, name in layout.styles
                          if re.search(pattern, text.strip())), None)
            if style is not None:
                style, _, level = style.partition("/")  # "Bullets/1": Tab pressed once
                if style == "Bullets":
                    bullets = bullets or _bullets(document)
                    _list_level(paragraph, bullets, int(level or 0))
                else:
                    paragraph.style = document.styles[style]
                if style.startswith("List Number"):
                    text = re.sub(r"^\s*\d+[.)]\s*", "", text)
                if style.startswith("List Bullet") or style == "Bullets":
                    text = re.sub(r"^\s*[-•–]\s*", "", text)
            if layout.rule and re.fullmatch(r"\s*_{5,}\s*", text):
                _border(paragraph)
                paragraph_of[number] = count
                continue
            if layout.fields != "spaces":
                text = text.strip(" \u00a0")
                if len(line) - len(line.lstrip(" \u00a0")) >= 20:  # pushed to the right margin
                    paragraph.alignment = WD_ALIGN_PARAGRAPH.RIGHT
                if layout.fields == "right-tab" and FIELDS.search(text):
                    paragraph.paragraph_format.tab_stops.add_tab_stop(
                        Cm(16), WD_TAB_ALIGNMENT.RIGHT)
                    text = FIELDS.sub("\t", text)
                elif layout.fields == "nbsp":  # Ctrl+Shift+Space, as Word users keep a gap
                    text = FIELDS.sub(lambda m: "\u00a0" * len(m.group()), text)
                elif layout.fields == "tabs":
                    text = FIELDS.sub(lambda m: "\t" * max(1, len(m.group()) // 8), text)
            line = text
        paragraph_of[number] = count
        previous = line
        position = 0
        for match in NOTE_REF.finditer(line) if notes else ():
            if _key(match) not in notes:
                continue
            paragraph.add_run(line[position:match.start()])
            key = _key(match)
            token = f"@@FN{ids[key]}@@"
            paragraph.add_run(token)
            custom = not key.isdigit() or any(not m.isdigit() for m in notes)
            mark = (f'<w:footnoteReference w:customMarkFollows="1" w:id="{ids[key]}"/>'
                    f'</w:r><w:r><w:rPr><w:vertAlign w:val="superscript"/></w:rPr>'
                    f'<w:t>{key}</w:t>') if custom else \
                f'<w:footnoteReference w:id="{ids[key]}"/>'
            edits.append((placeholder(token), '<w:r><w:rPr><w:vertAlign w:val="superscript"/>'
                          f'</w:rPr>{mark}</w:r>'))
            position = match.end()
        rest = line[position:]
        label = re.match(layout.bold_labels, rest) if layout.bold_labels and not position \
            else None
        if label is not None and label.group():
            paragraph.add_run(label.group()).bold = True
            rest = rest[label.end():]
        for piece in re.split(r"([⁰¹²³⁴⁵⁶⁷⁸⁹]+)", rest) if layout.superscript else [rest]:
            if piece and re.fullmatch(r"[⁰¹²³⁴⁵⁶⁷⁸⁹]+", piece):
                paragraph.add_run(piece.translate(PLAIN)).font.superscript = True
            elif piece:
                paragraph.add_run(piece)
    document.save(str(target))
    if notes and layout.endnotes:  # the same part, as endnotes: Word's names for it
        _add_notes(target, notes, ids, edits, "endnote")
    elif notes:
        _add_notes(target, notes, ids, edits, "footnote")
    return Built(target, paragraph_of, continued, note_lines)


def _add_notes(target: Path, notes: dict[str, tuple[int, str]], ids: dict[str, int],
               edits: list[tuple[str, str]], kind: str) -> None:
    """The notes part (footnotes.xml or endnotes.xml) and the references' runs."""
    if kind == "endnote":
        edits = [(a, b.replace("w:footnoteReference", "w:endnoteReference")) for a, b in edits]
    parts = "".join(
        f'<w:footnote w:id="{ids[mark]}"><w:p><w:r><w:rPr><w:vertAlign '
        'w:val="superscript"/></w:rPr>'
        + ('<w:footnoteRef/>' if mark.isdigit() and all(m.isdigit() for m in notes)
           else f'<w:t>{escape(mark)}</w:t>')
        + f'</w:r><w:r><w:t xml:space="preserve"> {escape(text)}</w:t></w:r></w:p>'
        '</w:footnote>' for mark, (_, text) in sorted(notes.items(), key=lambda i: ids[i[0]]))
    separator = ('<w:footnote w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r>'
                 '</w:p></w:footnote>')
    if kind == "endnote":
        parts = parts.replace("w:footnote", "w:endnote")  # w:footnoteRef too
        separator = separator.replace("w:footnote", "w:endnote")
    add_parts(target, {f"word/{kind}s.xml": wml(separator + parts, f"{kind}s")},
              [("rIdF", f"{kind}s", f"{kind}s.xml")],
              [(f"word/{kind}s.xml", CT_MAIN + f".{kind}s+xml")], edits)


PLAIN = str.maketrans("⁰¹²³⁴⁵⁶⁷⁸⁹", "0123456789")


BULLETS = "".join(
    f'<w:lvl w:ilvl="{level}"><w:start w:val="1"/><w:numFmt w:val="bullet"/>'
    f'<w:lvlText w:val="{char}"/><w:lvlJc w:val="left"/><w:pPr><w:ind w:left="{720 * (level + 1)}"'
    ' w:hanging="360"/></w:pPr></w:lvl>' for level, char in enumerate("•o▪"))


def _bullets(document: object) -> str:
    """Word's own bulleted list (Home > Bullets): one list of three levels, as Word's
    default is; python-docx's template has single-level list styles only."""
    numbering = document.part.numbering_part.element  # type: ignore[attr-defined]
    namespace = f'xmlns:w="{W}"'
    numbering.insert(0, etree.fromstring(
        f'<w:abstractNum {namespace} w:abstractNumId="90"><w:multiLevelType '
        f'w:val="hybridMultilevel"/>{BULLETS}</w:abstractNum>'))
    numbering.append(etree.fromstring(
        f'<w:num {namespace} w:numId="90"><w:abstractNumId w:val="90"/></w:num>'))
    return "90"


def _list_level(paragraph: Paragraph, num_id: str, level: int) -> None:
    """A paragraph of Word's bulleted list at a level (Tab pressed `level` times)."""
    numbering = OxmlElement("w:numPr")
    for name, value in (("w:ilvl", str(level)), ("w:numId", num_id)):
        child = OxmlElement(name)
        child.set(qn("w:val"), value)
        numbering.append(child)
    paragraph._p.get_or_add_pPr().append(numbering)


def _border(paragraph: Paragraph) -> None:
    """A bottom border on an empty paragraph: the rule Word draws (Format > Borders)."""
    ppr = paragraph._p.get_or_add_pPr()
    borders = OxmlElement("w:pBdr")
    bottom = OxmlElement("w:bottom")
    for key, value in (("val", "single"), ("sz", "6"), ("space", "1"), ("color", "auto")):
        bottom.set(qn(f"w:{key}"), value)
    borders.append(bottom)
    ppr.append(borders)


LAYOUTS_IN_WORD: tuple[WordLayout, ...] = (
    WordLayout("001", bold=("M e m o r a n d u m",)),
    WordLayout("002", bold=("JOURNAL",)),
    WordLayout("005", metadata_table=True, bold=("RECORD OF CONVERSATION",)),
    WordLayout("009", footnotes=True),
    WordLayout("013"),
    WordLayout("032", fields="tabs", footnotes=True, bold=("M E M O R A N D U M",)),
    WordLayout("035", fields="spaces"),
    WordLayout("080", metadata_table=True, bold=("CIPHERED TELEGRAM No. 8812",)),
    WordLayout("126", fields="tabs"),
    WordLayout("001", variant="nbsp", fields="nbsp"),
    WordLayout("002", variant="styles", styles=((r"^JOURNAL$", "Title"),
               (r"^\d{1,2} May 1958$", "Heading 2"))),
    WordLayout("005", variant="headings", bold=("RECORD OF CONVERSATION",),
               styles=((r"^\d\. [A-Z]", "Heading 1"),)),
    WordLayout("007", superscript=True, rule=True, styles=((r"^\d\. [A-Z]", "List Number"),)),
    WordLayout("037", styles=((r"^\d\. (The|Deliveries)", "List Number"),)),
    WordLayout("037", variant="bold-speakers", bold_labels=r"^[A-Z]\. [A-Z][a-z]+:", excluded={
        "assertions:11": "Word's bold is kept: hi stands between speaker and the tagged name",
        "characters:1": "the projection writes Word's bold speaker as **T. Zhivkov:**"}),
    WordLayout("054", styles=((r"^- ", "Bullets/0"), (r"^• ", "Bullets/1")), drawn="•"),
    WordLayout("054", variant="list-styles", styles=((r"^- ", "List Bullet"),
               (r"^• ", "List Bullet 2")), drawn="•"),
    WordLayout("131", footnotes=True),
    # notes at the end typed as Word endnotes: place='end', else the footnotes' expectations
    WordLayout("009", variant="endnotes", footnotes=True, endnotes=True),
    WordLayout("014", fields="tabs"),
    WordLayout("130", fields="spaces", wrapped="soft"),
    WordLayout("130", wrapped="join", variant="wrapped-by-word", excluded={
        "assertions:5": "Word wraps the paragraph itself: the export's line ends are not typed",
        "assertions:6": "Word wraps the paragraph itself: the export's line ends are not typed"}),
)

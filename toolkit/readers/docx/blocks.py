"""What the Word reader reads a document into: paragraphs with their spans and markers, and
tables of them (kept apart from the walker in `model.py`, which builds them, so that the
reader and the rules that read them need not import the walker)."""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace


@dataclass(frozen=True)
class Span:
    start: int
    end: int
    kind: str  # hi | add | del | ref | lang | margin
    value: str  # the rend, the revision key, the link target, the language (w:lang)


@dataclass(frozen=True)
class Marker:
    offset: int
    kind: str  # footnote | endnote | comment | comment-start
    key: str  # the note's or comment's id in the package
    mark: str | None = None  # a custom footnote mark typed by the author


@dataclass
class Paragraph:
    text: str
    number: int  # paragraph count in the document: the "line" of diagnostics
    spans: list[Span] = field(default_factory=list)
    markers: list[Marker] = field(default_factory=list)
    bold: bool = False  # all its text shows bold (a label or a title line)
    heading: int | None = None  # outline level, 1 for the top
    label: str | None = None  # the list number Word draws before it ("1)")
    bullet: bool = False
    generated: bool = False  # a table of contents Word made: dropped once its field closes
    depth: int = 0  # the list level Word indents it to (ilvl), 0 for the outermost
    indent: int | None = None  # a list paragraph's left indentation (twips), when known
    titled: bool = False  # in Word's Title style: the document's title line
    subtitle: bool = False  # in Word's Subtitle style: a further line of the title
    left_stops: bool = False  # it sets tab stops of its own at the left (columns)
    tabs: tuple[int, ...] = ()  # offsets of its tabs to default or left stops
    page_before: bool = False  # a page break before it (its own, or at the end of the last)
    rule: bool = False  # no text, a top or bottom border: the rule Word draws over notes
    margin: int = 0  # the frame or text box beside the text it is in (1, 2 ...): a marginal note


@dataclass
class Cell:
    paragraphs: list[Paragraph]
    cols: int = 1
    rows: int = 1


@dataclass
class Table:
    rows: list[list[Cell]]
    number: int
    header_rows: int = 0


@dataclass(frozen=True)
class Revision:
    author: str
    date: str


@dataclass(frozen=True)
class Comment:
    author: str
    date: str
    paragraphs: tuple[Paragraph, ...]


Block = Paragraph | Table


MEMO_LABEL = re.compile(r"[^\W\d_][\w .'/&-]{0,30}:")  # `TO:`, `Subject:`, `Ref. No.:`


def memo_rows(block: Block) -> list[Paragraph] | None:
    """A memo header laid out as a table (often borderless): rows of a label ending in a
    colon and its value, and rows of one cell across the table (`MEMORANDUM`), at least two
    labelled rows. Its rows are the text export's lines (`TO: Name`), so the shared stages
    read them as the memo's fields, not a table; any other table stays one (None)."""
    if not isinstance(block, Table) or not block.rows:
        return None
    width = max(sum(c.cols for c in row) for row in block.rows)
    out: list[Paragraph] = []
    labelled = 0
    for row in block.rows:
        filled = [c for c in row if any(p.text.strip() for p in c.paragraphs)]
        if len(row) == 1 and row[0].cols == width and len(filled) == 1 and \
                len(filled[0].paragraphs) == 1:
            out.append(filled[0].paragraphs[0])
            continue
        if len(row) != 2 or len(filled) != 2 or len(row[0].paragraphs) != 1 or \
                not MEMO_LABEL.fullmatch(row[0].paragraphs[0].text.strip()):
            return None
        pieces = [row[0].paragraphs[0]] + [p for p in row[1].paragraphs if p.text.strip()]
        out.append(_joined(pieces))
        labelled += 1
    return out if labelled >= 2 else None


def _joined(pieces: list[Paragraph]) -> Paragraph:
    """Paragraphs as one line, a space between them, their spans and markers shifted."""
    text = ""
    spans: list[Span] = []
    markers: list[Marker] = []
    for piece in pieces:
        if text:
            text += " "
        base = len(text)
        text += piece.text
        spans += [replace(s, start=s.start + base, end=s.end + base) for s in piece.spans]
        markers += [replace(m, offset=m.offset + base) for m in piece.markers]
    return replace(pieces[0], text=text, spans=spans, markers=markers, bold=False)

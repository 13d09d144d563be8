"""What the Word reader reads a document into: paragraphs with their spans and markers, and
tables of them (kept apart from the walker in `model.py`, which builds them, so that the
reader and the rules that read them need not import the walker)."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class Span:
    start: int
    end: int
    kind: str  # hi | add | del | ref
    value: str  # the rend, the revision key, the link target


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
    page_before: bool = False  # a page break before it (its own, or at the end of the last)
    rule: bool = False  # no text, a top or bottom border: the rule Word draws over notes


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

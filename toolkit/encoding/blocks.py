"""Source text into blocks: the paragraphs of a report, each with its line numbers.

Exports lay paragraphs out in three ways, often mixed in one file: blank lines between
paragraphs (the sample), one paragraph per line with no blank lines (most real exports), and
hard-wrapped paragraphs (lines of similar width cut inside sentences). A group of lines
between blank lines is read line by line unless it looks hard-wrapped; lines of only spaces
or no-break spaces are blank. The decision follows the lines' shape, not a document type, so
a file may hold both (a wrapped summary, a body of one-line paragraphs).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from toolkit.encoding import preamble
from toolkit.errors import Diagnostic, review

# Marks inside a block's text, the same as toolkit.encoding.brackets' (which turns them into
# pb and lb): where a page break cut a paragraph, and a Markdown hard line break.
PAGE_BREAK = "\x0c"
LINE_BREAK = "\x0b"

Block = list[tuple[int, str]]  # (line number, line)

# What ends a paragraph's last line: a sentence, a closing quote, bracket or parenthesis.
SENTENCE_END = re.compile(r"[.!?:;\"”’)\]…]\s*$")
BLANK = re.compile(r"^[\s\u200b\ufeff]*$")  # str.isspace() covers the no-break space
# A line that opens a structure of its own: a numbered point or list item, a memo field,
# a note text, a bullet. It never continues a wrapped paragraph.
STRUCTURAL = re.compile(r"^(?:\(?\d{1,3}[.)]|\(?[a-z]\)|\(?[ivx]{1,4}[.)]\s|[IVX]{1,4}\.\s|\d{1,2}\s*[-–—]\s|[-–—•▪*·]\s|"
                        r"\[\d{1,3}[a-z]?\]|[¹²³⁴⁵⁶⁷⁸⁹⁰]|[A-Z][\w.]{0,14}:\s|\*\*)")
# `ROLE [signature] /A. NAME/` or `/A. NAME/`: a signature line, which no wrapped paragraph
# ends on, even where the line above it is as wide as the wraps and ends a sentence
SIGNED_LINE = re.compile(r"^(?:[^\[\]/]{0,100}?\[[^\[\]]*\]\s*)?/[^/\[\]]{2,60}/\s*$")
WRAP_MAX = 100  # wider lines are whole paragraphs: no export wraps beyond this
# ... unless words are cut at the lines' ends (`inter-` / `national`): an OCR'd page's wraps,
# as wide as its type area (probe13, 155); two cuts at least, a line up to this wide
WRAP_CUT_MAX = 140
WRAP_CUTS = 2
# `Embassy of the FPRY in Moscow - page 2`: the running head a typescript repeats on each
# page with the page's number; the page turns there (`toolkit.encoding.layouts.page_marker`)
HEADED_PAGE = re.compile(r"^(?P<head>[^\W\d_][^.!?:;\[\]]{2,70}?)\s+[-–—|]\s+(?:page|p\.)\s*"
                         r"(?P<n>\d{1,4})$", re.I)
WRAP_MIN = 50   # narrower blocks are lists of short lines (signatures, marks, fields) or a
#                 title block (JOURNAL / of Ambassador X / for the period ...), not wrapped prose


@dataclass(frozen=True)
class SourceBlock:
    """One paragraph of the source; `lines` maps offsets in `text` to source line numbers."""

    text: str
    lines: tuple[tuple[int, int], ...]
    # The reader knows this block starts anew (a table or list stands before it in a Word
    # file): it is never rejoined to the block before it as a page-break continuation.
    separate: bool = False

    @property
    def line(self) -> int:
        return self.lines[0][1]

    def tail(self, offset: int) -> SourceBlock:
        """The block from `offset` on, its line map shifted to match."""
        return SourceBlock(self.text[offset:], tuple((max(0, p - offset), n) for p, n in self.lines))

    def part(self, start: int, end: int) -> SourceBlock:
        """The block's text from `start` to `end` (a field of a line), lines shifted."""
        return SourceBlock(self.text[start:end],
                           tuple((max(0, p - start), n) for p, n in self.lines if p < end)
                           or ((0, self.line),))


def split_blocks(text: str, path: str = "", diagnostics: list[Diagnostic] | None = None
                 ) -> list[Block]:
    """The source's paragraphs as groups of lines. Blank lines (also lines of only spaces or
    no-break spaces) always separate; inside a group, every line is a paragraph of its own
    unless the group reads as hard-wrapped lines of one paragraph (see `_wrapped`)."""
    groups: list[Block] = []
    current: Block = []
    page = ""  # a form feed on a line of its own: the page break opens the next line
    for number, line in enumerate(text.split("\n"), start=1):
        # a line opening with a character BLANK does not admit is not blank: no match
        if not line or (line[0].isspace() or line[0] in "\u200b\ufeff") and BLANK.match(line):
            page = PAGE_BREAK if PAGE_BREAK in line else page
            if current:
                groups.append(current)
                current = []
        else:
            current.append((number, page + line.lstrip() if page else line))
            page = ""
    if current:
        groups.append(current)
    # Two lines alone are too few to tell a wrap from two paragraphs: they follow the
    # document, read as wrapped only where longer groups of it are.
    wrapped = [g for g in groups if len(g) > 2 and _wrapped([line.strip() for _, line in g])]
    wrapping = bool(wrapped)
    # the width the document wraps at: a two-line group whose first line is that wide is a
    # paragraph wrapped where a sentence happened to end (`... were safe.` / `I promised ...`)
    width = max((len(line.strip()) for g in wrapped for _, line in g), default=0)
    blocks: list[Block] = []
    for group in groups:
        if len(group) == 2 and width and _full_width(group, width):
            if diagnostics is not None:
                diagnostics.append(review(
                    "structure", f"lines {group[0][0]}-{group[1][0]} read as one hard-wrapped "
                    "paragraph (its first line as wide as the document's wraps)", path, group[0][0]))
            blocks.append(group)
            continue
        blocks.extend(_paragraphs(group, wrapping, path, diagnostics))
    return blocks


def _full_width(group: Block, width: int) -> bool:
    """Two lines between blank lines, the first as wide as the document's wraps (0.9 of it),
    the second opening no structure: one wrapped paragraph, whatever the first ends on."""
    first, second = (line.strip() for _, line in group)
    return WRAP_MIN <= len(first) <= WRAP_MAX and len(first) >= 0.9 * width \
        and not STRUCTURAL.match(second) and not SIGNED_LINE.match(second) \
        and not first.startswith("**") \
        and "   " not in first and "   " not in second and not group[1][1][:1].isspace()


def _paragraphs(group: Block, wrapping: bool, path: str, diagnostics: list[Diagnostic] | None
                ) -> list[Block]:
    if len(group) == 1:
        return [group]
    texts = [line.strip() for _, line in group]
    if (len(group) > 2 or wrapping) and _wrapped(texts):
        width = max(len(t) for t in texts)
        out: list[Block] = [[group[0]]]
        for i in range(1, len(group)):
            previous, line = texts[i - 1], texts[i]
            # a short line ending a sentence ends a paragraph inside the wrapped group
            # (or, indented, starts one)
            ends = SENTENCE_END.search(previous) and \
                (len(previous) < 0.8 * width or group[i][1][:1].isspace())
            # a line much shorter than the wrap that is cut nowhere (no hyphen, comma or
            # word no sentence ends on) is a line of its own: a date line, a mark
            short = len(previous) < 0.6 * width and not previous.endswith(("-", ",")) \
                and previous.rsplit(None, 1)[-1].lower() not in _FUNCTION_WORDS
            if ends or short or STRUCTURAL.match(line) or SIGNED_LINE.match(line) \
                    or HEADED_PAGE.match(line) or HEADED_PAGE.match(previous):
                out.append([group[i]])
            else:
                out[-1].append(group[i])
        if diagnostics is not None:
            for block in out:
                if len(block) > 1:
                    diagnostics.append(review(
                        "structure", f"lines {block[0][0]}-{block[-1][0]} read as one "
                        "hard-wrapped paragraph", path, block[0][0]))
        return out
    out = []
    # words cut at the lines' ends, twice or more: the group's wraps may be wider than most
    most = WRAP_CUT_MAX if sum(1 for a, b in zip(texts, texts[1:])
                               if _WORD_CUT.search(a, max(0, len(a) - 3))
                               and b[:1].islower()) >= WRAP_CUTS else WRAP_MAX
    for number, line in group:
        # a bold span open on a line continues on the next (a Markdown title over two lines);
        # a line of prose cut inside a sentence goes on on the next (a wrap among one-line
        # paragraphs: the group as a whole is not wrapped)
        if out and (_open_bold(out[-1]) or _cut(out[-1][-1][1].strip(), line.strip(),
                                                 out[-2][-1][1].strip() if len(out) > 1 else "",
                                                 most)):
            out[-1].append((number, line))
        else:
            out.append([(number, line)])
    if diagnostics is not None:
        for block in out:
            if len(block) > 1 and not _open_bold(block[:1]):
                diagnostics.append(review(
                    "structure", f"lines {block[0][0]}-{block[-1][0]} read as one "
                    "hard-wrapped paragraph", path, block[0][0]))
    return out


# Words a sentence does not end on: a line ending on one is cut inside its sentence, even
# when the next line opens with a capital (`... lorries for the` / `Soviet Union be ...`).
_FUNCTION_WORDS = frozenset(
    "the a an of and or to in on for with by at from that as into than which who whose "
    "his her its their our this these those between about under over upon".split())
_WORD_CUT = re.compile(r"[^\W\d_]-$")  # a word cut by a hyphen at the line's end
# (searched from 3 before the end: a match is a letter and a hyphen before the end or a final
# newline, and a pattern opening with a class tries every position: ~50 us a line of 120)


def _cut(previous: str, line: str, before: str = "", most: int = WRAP_MAX) -> bool:
    """Whether `line` goes on with `previous`, a line of prose as wide as an export wraps,
    cut inside a sentence: it ends on no sentence end but on a comma, a hyphen, a lower-case
    word before a lower-case line, or a word no sentence ends on. Lines opening a structure,
    Markdown, columns and lines in capitals (titles, marks, telegrams) never join; nor do
    lines of a paragraph wider than a wrap (`line` or the line `before`, cut from it): that
    cut is a page break's (the body stage's `pb`)."""
    if not WRAP_MIN <= len(previous) <= most or not line or SENTENCE_END.search(previous) \
            or len(line) > most or (len(before) > most and not SENTENCE_END.search(before)) \
            or HEADED_PAGE.match(line) or HEADED_PAGE.match(previous) \
            or preamble.starts_anew(previous, line) \
            or STRUCTURAL.match(line) or SIGNED_LINE.match(line) or previous.startswith("**") \
            or "   " in previous \
            or previous.upper() == previous:
        return False
    last = previous.rsplit(None, 1)[-1]
    return previous.endswith((",", "-")) or last in _FUNCTION_WORDS or \
        (line[0].islower() and last[-1:].isalpha())


def _open_bold(block: Block) -> bool:
    """A block opening with `**` whose bold span is not closed yet."""
    first = block[0][1].lstrip()
    # `** text` (a note text's sign, a space after it) opens no bold span: Markdown's opens
    # before a word
    return first.startswith("**") and first[2:3].strip() != "" and \
        sum(line.count("**") for _, line in block) % 2 == 1


def _wrapped(texts: list[str]) -> bool:
    """Hard-wrapped lines of one paragraph: lines no wider than an export wraps, most of them
    near the widest, and cut inside sentences (the next line goes on in lower case)."""
    width = max(len(t) for t in texts)
    if width > WRAP_MAX or width < WRAP_MIN or any(t.startswith("**") or "   " in t for t in texts):
        return False  # too wide or too narrow, Markdown, or columns (runs of spaces)
    body = texts[:-1]
    full = sum(1 for t in body if len(t) >= 0.6 * width)
    # cut inside a sentence: the next line in lower case, or the line ending on a comma, a
    # hyphen or a word no sentence ends on (`... in Kandahar and in` / `Herat. Comrade ...`)
    cut = sum(1 for a, b in zip(texts, texts[1:])
              if not SENTENCE_END.search(a) and not STRUCTURAL.match(b)
              and (b[:1].islower() or a.endswith((",", "-"))
                   or a.rsplit(None, 1)[-1] in _FUNCTION_WORDS))
    return full >= 0.75 * len(body) and cut >= max(1, 0.5 * len(body))


def line_widths(block: SourceBlock) -> list[int]:
    """The widths of a block's source lines (its text cut at its line offsets)."""
    starts = [p for p, _ in block.lines] + [len(block.text)]
    return [len(block.text[a:b].strip()) for a, b in zip(starts, starts[1:])]


def block_text(block: Block) -> str:
    return " ".join(" ".join(line.split()) for _, line in block)


def source_block(block: Block) -> SourceBlock:
    """Join a block's lines: a Markdown hard break (two trailing spaces) becomes a line break.
    (A trailing backslash, Markdown's other hard break, is kept as text: the export does not
    use it, and a backslash in a translation must not vanish.)"""
    parts: list[str] = []
    lines: list[tuple[int, int]] = []
    offset = 0
    # the lines of a wrapped paragraph are the source's: line breaks (no space before one
    # inside a word cut by a hyphen); a bold title over two lines is one line of text
    bold = _open_bold(block[:1])
    for i, (number, line) in enumerate(block):
        if i:
            previous = block[i - 1][1]
            if previous.endswith("  "):
                glue = LINE_BREAK  # a Markdown hard break
            elif bold:
                glue = " "
            else:
                glue = LINE_BREAK if _WORD_CUT.search(cut := previous.rstrip(), max(0, len(cut) - 3)) and \
                    line.lstrip()[:1].isalpha() else " " + LINE_BREAK
            parts.append(glue)
            offset += len(glue)
        text = line.rstrip()
        lines.append((offset, number))
        parts.append(text)
        offset += len(text)
    return SourceBlock("".join(parts), tuple(lines))


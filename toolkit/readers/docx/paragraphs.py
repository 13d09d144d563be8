"""Operations on the reader's paragraphs before they are encoded: soft line breaks that end a
paragraph, custom note marks, a note's own mark, a cut start, a drawn number made text. Each
returns new paragraphs with their spans and markers moved, never edits one in place (a
table's cells excepted, which `typed_marks` rewrites)."""

from __future__ import annotations

import dataclasses
import re

from toolkit.encoding.blocks import STRUCTURAL
from toolkit.encoding.brackets import LINE_BREAK, PAGE_BREAK
from toolkit.readers.docx.blocks import Block, Paragraph, Table
from toolkit.readers.docx.model import SUPERSCRIPT_DIGITS

SOFT_BREAKS = re.compile(f"{LINE_BREAK}[{LINE_BREAK} \t\u00a0]*")  # never a page break


SHORT_LINE = 40  # a name, a role, an office: never a line of prose cut by Shift+Enter


def lines_apart(before: str, rest: str) -> bool:
    """One soft break between two short lines of a paragraph of short lines (a signature's
    name over its role, `Károly Fendler` / `Ambassador`): the text export's lines, which its
    block stage keeps apart, since neither goes on with the other's sentence. A line ending
    on a comma, a hyphen or a sentence's end, or one going on in lower case, stays a line of
    the same paragraph (`He spoke` / `about grain.`)."""
    previous = before.split(LINE_BREAK)[-1].strip()
    line = rest.split(LINE_BREAK)[0].strip()
    lines = [x.strip() for x in (before + LINE_BREAK + rest).split(LINE_BREAK)]
    return all(0 < len(x) <= SHORT_LINE for x in lines) and line[:1].isupper() and \
        not previous.endswith((",", "-", ".", ";", ":")) and not any(
            x.endswith((".", "!", "?")) and len(x.split()) > 3 for x in lines)


def split(paragraph: Paragraph) -> list[Paragraph]:
    """A paragraph cut where its soft line breaks (Shift+Enter) end a paragraph in the text
    export: two in a row (a blank line), or one before a line that opens a structure of its
    own (`TO:`, `2.`, a bullet: `toolkit.encoding.blocks.STRUCTURAL`). Spans are cut at the
    cuts; a point in the breaks stays at the end of the piece before them."""
    text = paragraph.text
    cuts: list[tuple[int, int]] = []
    for match in SOFT_BREAKS.finditer(text):
        rest = text[match.end():]
        if text[:match.start()].strip() and rest.strip() and \
                (match.group().count(LINE_BREAK) > 1 or STRUCTURAL.match(rest)
                 or lines_apart(text[:match.start()], rest)):
            cuts.append((match.start(), match.end()))
    if not cuts:
        return [paragraph]
    bounds = [(0, cuts[0][0])] + [(cuts[i][1], cuts[i + 1][0]) for i in range(len(cuts) - 1)]
    bounds.append((cuts[-1][1], len(text)))
    pieces: list[Paragraph] = []
    for index, (start, end) in enumerate(bounds):
        following = bounds[index + 1][0] if index + 1 < len(bounds) else len(text) + 1
        spans = [dataclasses.replace(s, start=max(s.start, start) - start,
                                     end=min(s.end, end) - start)
                 for s in paragraph.spans if max(s.start, start) < min(s.end, end)]
        markers = [dataclasses.replace(m, offset=min(m.offset, end) - start)
                   for m in paragraph.markers if start <= m.offset < following]
        pieces.append(dataclasses.replace(paragraph, text=text[start:end], spans=spans,
                                          markers=markers, label=None if index else
                                          paragraph.label))
    return pieces


def typed_marks(block: Block, notes: dict[str, dict[str, list[Paragraph]]]) -> Block:
    """LibreOffice writes Word's custom note mark (`1a`, `*`) as an automatic reference
    followed by the mark in superscript, and the same mark after the note's own number:
    Word would show both. Where the superscript after a reference is what its note opens
    with, it is the note's mark, as `customMarkFollows` says it, not a word of the text."""
    if isinstance(block, Table):
        for row in block.rows:
            for cell in row:
                cell.paragraphs = [typed_marks_in(p, notes) for p in cell.paragraphs]
        return block
    return typed_marks_in(block, notes)


def typed_marks_in(paragraph: Paragraph,
                    notes: dict[str, dict[str, list[Paragraph]]]) -> Paragraph:
    for index in range(len(paragraph.markers)):
        marker = paragraph.markers[index]  # read again: a mark cut before moves it
        body = notes.get(marker.kind, {}).get(marker.key)
        if marker.mark is not None or not body:
            continue
        text, at = paragraph.text, marker.offset
        match = re.match(r"[⁰¹²³⁴⁵⁶⁷⁸⁹]+|\w{1,3}|\*{1,3}|[†‡§]", text[at:])
        if match is None or not body[0].text.lstrip().startswith(match.group()):
            continue
        end = at + len(match.group())
        raised = match.group()[0] in "⁰¹²³⁴⁵⁶⁷⁸⁹" or any(
            s.kind == "hi" and s.value == "superscript" and s.start <= at and s.end >= end
            for s in paragraph.spans)
        if not raised or (end < len(text) and text[end].isalnum()):
            continue
        cut = end - at
        spans = [dataclasses.replace(s, start=s.start if s.start <= at else
                                     max(s.start - cut, at),
                                     end=s.end if s.end <= at else max(s.end - cut, at))
                 for s in paragraph.spans]
        markers = [dataclasses.replace(m, offset=m.offset - cut if m.offset >= end else m.offset)
                   for m in paragraph.markers]
        mark = match.group().translate(PLAIN_DIGITS)
        markers[index] = dataclasses.replace(marker, mark=mark)
        paragraph = dataclasses.replace(paragraph, text=text[:at] + text[end:],
                                        spans=[s for s in spans if s.end > s.start],
                                        markers=markers)
    return paragraph


PLAIN_DIGITS = str.maketrans("⁰¹²³⁴⁵⁶⁷⁸⁹", "0123456789")


def without_own_mark(paragraphs: list[Paragraph], mark: str | None) -> list[Paragraph]:
    """A footnote with a custom mark (Word's "Custom mark": `1a`, `*`) repeats the mark as
    text at the start of its own text, where an automatic number is a `footnoteRef` that
    gives no text: the mark is the note's n, not a word of it."""
    if not mark or not paragraphs:
        return paragraphs
    first = paragraphs[0]
    text = first.text
    start = len(text) - len(text.lstrip())
    found = next((m for m in (mark, mark.translate(SUPERSCRIPT_DIGITS))
                  if text.startswith(m, start)), None)
    if found is None:
        return paragraphs
    return [drop_start(first, start + len(found)), *paragraphs[1:]]


def drop_start(paragraph: Paragraph, cut: int) -> Paragraph:
    """The paragraph without its first `cut` characters, spans and markers moved with it."""
    spans = [dataclasses.replace(s, start=max(s.start - cut, 0), end=s.end - cut)
             for s in paragraph.spans if s.end > cut]
    markers = [dataclasses.replace(m, offset=max(m.offset - cut, 0)) for m in paragraph.markers]
    return dataclasses.replace(paragraph, text=paragraph.text[cut:], spans=spans,
                               markers=markers)


def labelled(paragraph: Paragraph) -> Paragraph:
    """The paragraph with the number Word draws before it as text ("1.2 Introduction")."""
    shift = len(paragraph.label or "") + 1
    return dataclasses.replace(
        paragraph, text=f"{paragraph.label} {paragraph.text}", label=None,
        spans=[dataclasses.replace(s, start=s.start + shift, end=s.end + shift)
               for s in paragraph.spans],
        markers=[dataclasses.replace(m, offset=m.offset + shift) for m in paragraph.markers])


def has_text(block: Block) -> bool:
    if isinstance(block, Paragraph):
        return bool(block.text.strip())
    return any(p.text.strip() for row in block.rows for cell in row for p in cell.paragraphs)


def plain(text: str) -> str:
    return text.replace(PAGE_BREAK, "\n").replace(LINE_BREAK, "\n")


"""A two-column block at the top of a document, read column by column (issue #10).

Typescripts set the sender or the title on the left and the marks or the place and date on the
right, over two lines or more: `From the journal of      TOP SECRET` / `P. A. YUDIN      Copy
No. 3`, or `Embassy of the ...      Addis Ababa, 4 April 1977` / `in Addis Ababa`. Read line by
line, each line is half a title and half a mark, or an office cut from its second line by a
date. Read column by column (as a reader does), the left column is one title or one office
over several lines and the right column's pieces are marks or a place-and-date line. This
stage, on the source's lines before the page-break joins, rewrites such a block as its left
column (lines kept apart by line breaks) followed by the right column's pieces, so that the
structure stage sees a title and its marks, or an office beside its place and date (the
fields line it already reads as `byline` + `dateline`). A single line of two fields is left
alone: the structure stage reads it as it stands.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from lxml import etree

from toolkit.encoding import structure as cue
from toolkit.encoding.blocks import LINE_BREAK, SENTENCE_END, SourceBlock
from toolkit.tei import Inline, el

if TYPE_CHECKING:
    from toolkit.encoding.body import BodyEncoder

TOP_LINES = 4     # a column block starts among the first lines of the text
MOST_LINES = 6    # and is no longer than a letterhead
LEFT_WIDTH = 80   # a left column's line is a title's or an office's, not a paragraph
RIGHT_SLACK = 4   # a right column's piece alone on its line may stand a little left of it


def _right(text: str) -> bool:
    """A right column's piece: a mark, a place-and-date line, a date."""
    return bool(cue.mark_type(text) or cue.place_date(text) or cue.date_line(text))


def _indent(block: SourceBlock) -> int:
    text = block.text.expandtabs(8)
    return len(text) - len(text.lstrip())


def top_columns(encoder: BodyEncoder, blocks: list[SourceBlock]) -> list[SourceBlock]:
    """`blocks` with the first two-column block (two lines or more) rewritten column by
    column: its left column one block, then the right column's pieces (a place-and-date piece
    kept on the left column's block as its second field, so that it stays a fields line)."""
    for start in range(min(TOP_LINES, len(blocks))):
        first = blocks[start]
        parts = cue.fields(first)
        if len(first.lines) > 1 or len(parts) != 2 or not _right(parts[1].text.strip()) \
                or _right(parts[0].text.strip()) or len(parts[0].text.strip()) > LEFT_WIDTH:
            continue
        run = list(cue.FIELD_RUN.finditer(first.text))[-1]
        column = len(first.text[:run.end()].expandtabs(8))  # where the right column begins
        left, right = [parts[0]], [parts[1]]
        end = start + 1
        while end < len(blocks) and end - start < MOST_LINES and len(blocks[end].lines) == 1:
            block = blocks[end]
            pieces = cue.fields(block)
            text = block.text.strip()
            if len(pieces) == 2 and _right(pieces[1].text.strip()) \
                    and not _right(pieces[0].text.strip()) \
                    and len(pieces[0].text.strip()) <= LEFT_WIDTH:
                left.append(pieces[0])
                right.append(pieces[1])
            elif len(pieces) == 1 and _indent(block) < column and len(text) <= LEFT_WIDTH \
                    and not _right(text) and (cue.title_continues(text, left[-1].text.strip())
                                              or (len(right) == 1 and _office_goes_on(left, text))):
                left.append(block)  # `in Addis Ababa` under the office: its second line
            elif len(pieces) == 1 and _indent(block) >= column - RIGHT_SLACK and _right(text):
                right.append(block)  # `Streng geheim!` alone under the date: the right column's
            else:
                break
            end += 1
        if end - start < 2:
            continue
        encoder.decided(f"lines {first.line}-{blocks[end - 1].line} read as two columns: the "
                        "left one first, then the right one's pieces", first.line)
        return blocks[:start] + _rewritten(left, right) + blocks[end:]
    return blocks


def labelled_fields(encoder: BodyEncoder, div: etree._Element, parts: list[SourceBlock]) -> bool:
    """A line of two or more fields side by side, each a memo field (`Classification: Secret
    Urgency: Immediate`): a memo field of the opener each, in the order they stand."""
    if len(parts) < 2 or not all(cue.MEMO_FIELD.match(p.text.strip()) for p in parts):
        return False
    for part in parts:
        encoder._opener(div, part)
    return True


def _office_goes_on(left: list[SourceBlock], text: str) -> bool:
    """A line under an office at the top that goes on naming it (`Ministerium für
    Staatssicherheit` / `Zentrale Auswertungs- und Informationsgruppe`, the ministry and its
    department): short, capitalised, no sentence, figure, field, salutation or title. Only
    right under the office's first line, before the right column has more than its first
    piece (the paragraphs begin below the block)."""
    words = text.split()
    first = left[0].text.strip()
    return len(left) == 1 and 0 < len(words) <= 8 and text[:1].isupper() \
        and not cue.heading_like(first) and not cue.title_like(first) \
        and not SENTENCE_END.search(text) and not any(c.isdigit() for c in text) \
        and ":" not in text and "[" not in text and not cue.OPENING_SALUTE.match(text) \
        and not cue.heading_like(text) and not cue.title_like(text) \
        and not cue.letter_spaced(text) and not cue.ADDRESSEE.match(text) \
        and sum(w[:1].isupper() for w in words) * 2 >= len(words)


def _rewritten(left: list[SourceBlock], right: list[SourceBlock]) -> list[SourceBlock]:
    text = ""
    lines: list[tuple[int, int]] = []
    for piece in left:
        if text:
            text += LINE_BREAK
        lines.append((len(text), piece.line))
        text += piece.text.strip()
    dated = [p for p in right if not cue.mark_type(p.text.strip())]
    if len(dated) == 1 and right[0] is dated[0]:
        # the office beside its place and date: one fields line (byline + dateline), the
        # marks under the date after it, in their order
        glue = "   "
        lines.append((len(text) + len(glue), dated[0].line))
        return [SourceBlock(text + glue + dated[0].text.strip(), tuple(lines))] + [
            SourceBlock(p.text.strip(), ((0, p.line),)) for p in right[1:]]
    out = [SourceBlock(text, tuple(lines))]
    for piece in right:
        out.append(SourceBlock(piece.text.strip(), ((0, piece.line),)))
    return out


# -- the sender's lines above an indented place and date ---------------------------------------
SENDER_LINES = (2, 3)  # a state and its ministry, an embassy and its section


def _sender_line(text: str) -> bool:
    """A letterhead's line naming the sender (`Democratic Republic of Vietnam`, `Ministry of
    Foreign Affairs`): capitalised words and connectors, short, no figure, sentence, field,
    title or line in capitals (a title's)."""
    words = text.split()
    return 0 < len(words) <= 8 and len(text) <= LEFT_WIDTH and cue.name_like(
        " ".join(w for w in words if w.lower() not in cue.CONNECTORS)) \
        and not any(c.isdigit() or c in ":[]()" for c in text) \
        and not SENTENCE_END.search(text) and not cue.heading_like(text) \
        and not cue.title_like(text) and not cue.mark_type(text) \
        and not cue.letter_spaced(text) and not cue.OPENING_SALUTE.match(text) \
        and not cue.ADDRESSEE.match(text) and not cue.place_date(text)


def sender_lines(encoder: BodyEncoder, blocks: list[SourceBlock]) -> list[SourceBlock]:
    """`blocks` with a letterhead of two or three lines at the very top (after marks only),
    or of one line that is an office (`Embassy of the GDR in the PRC`),
    each on a line of its own, followed by a place-and-date line (set to the right or not),
    rewritten as one fields line: the sender over its lines, then the place and date (the
    structure stage reads it as `byline` + `dateline`, as an office beside its date)."""
    start = 0
    while start < min(TOP_LINES, len(blocks)) and cue.mark_type(blocks[start].text.strip()):
        start += 1
    for count in (1, *SENDER_LINES):
        end = start + count
        if end >= len(blocks) or not all(
                len(b.lines) == 1 and len(cue.fields(b)) == 1 and _sender_line(b.text.strip())
                for b in blocks[start:end]):
            continue
        if count == 1 and not cue.org_line(blocks[start].text.strip()):
            continue  # one line alone: an office by its first word (`Embassy of the GDR in ...`)
        dated = blocks[end]
        if len(dated.lines) != 1 or not cue.place_date(dated.text.strip()) \
                or end + 1 < len(blocks) and _sender_line(blocks[end + 1].text.strip()) \
                and len(blocks[end + 1].lines) == 1 and count < SENDER_LINES[-1]:
            continue
        encoder.decided(f"lines {blocks[start].line}-{blocks[end - 1].line} taken as the "
                        "sender's letterhead beside the place and date under it", dated.line)
        return blocks[:start] + _rewritten(blocks[start:end], [dated]) + blocks[end + 1:]
    return blocks


# -- a field's value going on in lines under it -----------------------------------------------
FIELD_TOP = 12  # fields stand in a document's first lines
VALUE_SLACK = 1  # a continuation line stands where the value began, give or take a space


def field_lines(blocks: list[SourceBlock]) -> list[SourceBlock]:
    """`blocks` with a memo field's value going on in the lines under it, each indented to
    where the value begins (`Present:  CDE. A   CDE. B` / `          CDE. C   CDE. D`), joined
    to the field as line breaks: one field, its lines kept."""
    out: list[SourceBlock] = []
    index = 0
    while index < len(blocks):
        block = blocks[index]
        index += 1
        text = block.text.strip()
        found = cue.MEMO_FIELD.match(text) if index <= FIELD_TOP and len(block.lines) == 1 \
            else None
        if found is None:
            out.append(block)
            continue
        plain = block.text.expandtabs(8)
        lead = len(plain) - len(plain.lstrip())
        rest = plain[lead + found.end():]
        column = lead + found.end() + len(rest) - len(rest.lstrip())
        while index < len(blocks) and len(blocks[index].lines) == 1 \
                and abs(_indent(blocks[index]) - column) <= VALUE_SLACK \
                and _indent(blocks[index]) > lead \
                and not cue.MEMO_FIELD.match(blocks[index].text.strip()):
            more = blocks[index]
            glue = block.text.rstrip() + LINE_BREAK
            block = SourceBlock(glue + more.text.lstrip(),
                                block.lines + tuple((len(glue) + p, n) for p, n in more.lines))
            index += 1
        out.append(block)
    return out


def each_line(encoder: BodyEncoder, block: SourceBlock) -> list[Inline]:
    """A block of lines that are each a name (a byline over its lines: a state, then its
    ministry) as inline TEI line by line, apart by `lb`: no name runs across a line break."""
    content: list[Inline] = []
    start = 0
    for piece in block.text.split(LINE_BREAK):
        if start:
            content.append(el("lb"))
        part = block.part(start, start + len(piece))
        if piece.strip():
            lead = len(piece) - len(piece.lstrip())
            content.extend(encoder._inline(part.tail(lead), piece.strip()))
        start += len(piece) + 1
    return content


def office_alone(div: etree._Element, text: str) -> bool:
    """`EMBASSY OF THE SOCIALIST FEDERAL REPUBLIC OF YUGOSLAVIA` in capitals on the first line
    (nothing but marks above it): the sender's office, a byline, not the title, although it is
    in capitals as titles are. A line in capitals that names a kind of document (`NOTE
    VERBALE`, `REPORT`) stays a title."""
    if any(not str(child.tag).endswith("}fw") for child in div):
        return False
    return cue.org_line(text) and not cue.title_like(text) and not cue.mark_type(text)

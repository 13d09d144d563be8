"""Lines of a document's top that the head and opener rules did not know (issue #10).

- A letterhead in capitals over the letter's place-and-date line (`REPÚBLICA DE CUBA` /
  `MINISTERIO DE RELACIONES EXTERIORES` / `La Habana, 14 de marzo de 1963`, a salutation
  below): who writes, not the text's title, so the opener's `byline`, its lines kept as `lb`.
  Capitals alone would make them heads; what tells a letterhead is the dateline right under
  it and a letter's salutation a few lines on, and no document kind (`NOTE`, `RECORD OF
  CONVERSATION`, the second letter's `REPLY`) among its lines, each of two words at least.
- The participants of a record of speech on a line of their own, apart by slashes
  (`Ambassador Volkov/Secretary Harmon` under `TELCON`): who speaks, the opener's `byline`.
  Only in a division of speeches, and only names and offices (capitalised words, no figure,
  no sentence): `and/or` or `Yes/No` in a sentence is no such line.
- The time of a call or meeting alone under the opener's dateline (`6:40 p.m.`, `18.40
  hrs`): a further line (`lb`) of that dateline, as the year's name is (`formal.year_name`).
  Elsewhere a time alone stays a paragraph.
- The first line, an institution's name in mixed case in any language (`A Magyar
  Népköztársaság Külügyminisztériuma`), over marks or fields and then the place-and-date
  line: who issues the text, the opener's `byline`. Not its words (the office-word lists are
  English and German) but its place tells it: first, with only marks, numbers and fields
  between it and the dateline. A title, a mark, a field or a sentence is never one.
- A translator's or editor's note alone on the first line, in brackets (`[Translator's note:
  ...]`): the `note` between the blocks, where it stands (TEI: model.global), so that the
  head and opener under it are still the division's top, as they would be without it. (A
  stamp or a handwritten addition there keeps its own rule.)
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from lxml import etree

from toolkit.encoding import layouts, structure as cue
from toolkit.encoding.blocks import LINE_BREAK, SourceBlock
from toolkit.tei import Inline, el, sub

if TYPE_CHECKING:
    from toolkit.encoding.body import BodyEncoder

LETTERHEAD_MOST = 3  # lines of a letterhead: a state, a ministry, a department
SALUTE_WITHIN = 8  # lines from the dateline to the salutation: an address of up to six lines


def top_line(encoder: BodyEncoder, div: etree._Element, units: list[SourceBlock], index: int,
             speeches: bool) -> int:
    """The unit at `index` (and those after it) in the division's top taken by a rule of this
    module: how many units, or 0."""
    unit = units[index]
    if top_note(encoder, div, unit):
        return 1
    taken = letterhead(encoder, div, units, index)
    if taken:
        return taken
    if issuer(encoder, div, units, index):
        return 1
    return int(participants(encoder, div, unit, speeches) or time_line(encoder, div, unit))


def _is_divtop(div: etree._Element) -> bool:
    """Whether the division holds nothing yet but marks (`fw`, `space`)."""
    return all(str(child.tag).rsplit("}", 1)[-1] in ("fw", "space") for child in div)


def letterhead(encoder: BodyEncoder, div: etree._Element, units: list[SourceBlock],
               index: int) -> int:
    """The letterhead at `index` as the opener's byline: the lines it took, or 0."""
    if not _is_divtop(div):
        return 0
    size = 0
    while size < LETTERHEAD_MOST and index + size < len(units) \
            and cue.heading_like(units[index + size].text.strip()):
        size += 1
    if not size or index + size >= len(units):
        return 0
    lines = units[index:index + size]
    if any(cue.TITLE.match(u.text.strip()) or cue.mark_type(u.text.strip())
           or layouts.REPLY_HEAD.match(u.text.strip()) or len(u.text.split()) < 2
           or LINE_BREAK in u.text for u in lines):
        return 0  # a document's kind, a classification, `REPLY`: a title, a mark
    if cue.place_date(units[index + size].text.strip()) is None:
        return 0
    below = units[index + size + 1:index + size + 1 + SALUTE_WITHIN]
    if not any(cue.OPENING_SALUTE.match(u.text.strip()) for u in below):
        return 0  # no letter: capitals over a date are the title of a record
    content: list[Inline] = []
    for unit in lines:
        content += [*encoder._inline(unit, unit.text.strip()), el("lb")]
    sub(encoder._current_opener(div), "byline", content[:-1])
    encoder.decided(f"{size} line(s) in capitals over the letter's place and date taken as "
                    "its letterhead (byline)", lines[0].line)
    return size


_PARTY = r"[^\W\d_][\w.'’-]*(?:\s+(?:[^\W\d_][\w.'’-]*))*"
PARTICIPANTS = re.compile(rf"^{_PARTY}(?:\s?/\s?{_PARTY}){{1,3}}$")
_PARTY_WORDS = 5  # `Deputy Foreign Minister Kuznetsov`: an office and a name


def participants(encoder: BodyEncoder, div: etree._Element, unit: SourceBlock,
                 speeches: bool) -> bool:
    """`Ambassador Volkov/Secretary Harmon` in the top of a record of speech: a byline."""
    text = unit.text.strip()
    if not speeches or len(text) > 120 or not PARTICIPANTS.match(text):
        return False
    parties = [p.strip() for p in text.split("/")]
    if any(len(p.split()) > _PARTY_WORDS or not all(w[:1].isupper() for w in p.split())
           for p in parties):
        return False  # capitalised words only: offices and names, not `he said yes/no`
    sub(encoder._current_opener(div), "byline", encoder._inline(unit, text))
    encoder.decided(f"{text!r} in the top of a record of speech taken as its participants "
                    "(byline)", unit.line)
    return True


CLOCK_TIME = re.compile(r"^(?:at\s+)?(?:[01]?\d|2[0-3])[:.][0-5]\d(?:\s*(?:[ap]\.\s?m\.|[ap]m|"
                        r"hrs?\.?|hours|h)(?!\w)\.?)?$", re.I)


def time_line(encoder: BodyEncoder, div: etree._Element, unit: SourceBlock) -> bool:
    """A time alone right under the opener's dateline, added to it as a line."""
    text = unit.text.strip()
    opener = div[-1] if len(div) else None
    if not CLOCK_TIME.match(text) or opener is None or not str(opener.tag).endswith("}opener") \
            or not len(opener) or not str(opener[-1].tag).endswith("}dateline"):
        return False
    add_line(opener[-1], encoder._inline(unit, text))
    encoder.decided(f"{text!r} under the date taken as the time, a line of the dateline", unit.line)
    return True


def add_line(dateline: etree._Element, content: list[Inline]) -> None:
    """`content` after an `lb` at the end of `dateline`."""
    lb = etree.SubElement(dateline, dateline.tag.replace("dateline", "lb"))
    lb.tail = None
    for item in content:
        if isinstance(item, str):
            last = dateline[-1]
            last.tail = (last.tail or "") + item
        else:
            dateline.append(item)


_REFERENCE = re.compile(r"\[\d{1,3}[a-z]?\]")


def top_note(encoder: BodyEncoder, div: etree._Element, unit: SourceBlock) -> bool:
    """A bracketed note alone on the first line of the division: the note, not a paragraph."""
    text = unit.text.strip()
    if len(div) or not (text.startswith("[") and text.endswith("]")) \
            or not cue.one_bracket(text) or _REFERENCE.fullmatch(text):
        return False  # `[1]` alone: a footnote's reference (its note is made once, by the p)
    content = encoder._inline(unit, text)
    notes = [x for x in content if not isinstance(x, str)]
    if len(notes) != 1 or any(isinstance(x, str) and x.strip() for x in content) \
            or not str(notes[0].tag).endswith("}note") \
            or notes[0].get("type") not in ("translator", "editorial"):
        return False  # (a stamp, a handwritten addition: kept where they stand, as before)
    div.append(notes[0])
    return True


ISSUER_WORDS = 8  # an institution's name: `A Magyar Népköztársaság Külügyminisztériuma`
_BESIDE = re.compile(r"\S(?:\s{3,}|\t)\S")  # two columns apart by a run of spaces or a tab
ISSUER_GAP = 3  # marks and fields between it and the dateline: a classification, a number


def issuer(encoder: BodyEncoder, div: etree._Element, units: list[SourceBlock], index: int) -> bool:
    """The division's first line as its issuer's byline, when marks and fields alone stand
    between it and the place-and-date line (see the module's docstring)."""
    if len(div) or index + 1 >= len(units):
        return False
    text = units[index].text.strip()
    words = text.split()
    lower = [w for w in words if not w[:1].isupper()]
    if not 2 <= len(words) <= ISSUER_WORDS or len(text) > 80 or LINE_BREAK in text \
            or not words[0][:1].isupper() or 3 * len(lower) > len(words) \
            or any(c.isdigit() for c in text) or text[-1] in ".!?:;," or "[" in text \
            or cue.heading_like(text) or cue.TITLE.match(text) or cue.mark_type(text) \
            or cue.MEMO_FIELD.match(text) or cue.place_date(text) or cue.date_line(text):
        return False
    for below in units[index + 1:index + 2 + ISSUER_GAP]:
        line = below.text.strip()
        if cue.place_date(line):
            if _BESIDE.search(line):
                return False  # an office beside its date: the byline's second line (struct15)
            break
        if not (cue.marks(below) or cue.MEMO_FIELD.match(line)):
            return False
    else:
        return False
    sub(encoder._current_opener(div), "byline", encoder._inline(units[index], text))
    encoder.decided(f"{text!r}, first over marks and the place and date, taken as the issuer "
                    "(byline)", units[index].line)
    return True

"""A record's maker and day on a line under its title, and a log's time stamps (probe14, 161).

A log, a record or a chronology names under its title who kept or drafted it and on which
day: `Duty officer, Operations Centre, 28 October 1962`, `（Prepared by the Northeast Asia
Division, 6 November 1962）`. Read as a place and date it has no place, so it was a paragraph
of the text: it is the statement of who made the document, its `byline` in the opener, the
day dated inside it (TEI 4.2.2: a byline holds phrases, a date among them; no `dateline` is
made, for the line names no place and stays the one line it was).

Each line of a log opens with the time of its entry, `09:05 - Call from ...`: the entry is a
paragraph, as a chronology's dated event is (158), and its time stamp a `time` with the time
of day in `@when` (TEI 3.6.4; `hh:mm:ss`, no day: the log's day is its byline's, and an entry
after midnight would be the next one's). No list is made: the entries are the running record
itself, not an enumeration inside a paragraph, and a time is never a point's number.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from lxml import etree

from toolkit.encoding import dates, layouts
from toolkit.encoding.blocks import LINE_BREAK, SENTENCE_END, SourceBlock
from toolkit.encoding.bracket_kinds import ORG_WORDS
from toolkit.encoding.brackets import ROLE_WORDS
from toolkit.tei import Inline, el, sub, tei

if TYPE_CHECKING:
    from toolkit.encoding.body import BodyEncoder

MADE_BY = re.compile(r"^(?:Prepared|Compiled|Drafted|Written|Recorded|Kept|Issued|Typed)"
                     r"\s+(?:up\s+)?by\s+\S", re.I)
_FRAMES = {"(": ")", "（": "）"}
_YEAR = re.compile(r"\d{4}")
MOST_PIECES = 3  # `Duty officer, Operations Centre`: an office and its body, at most three


def _maker_piece(encoder: BodyEncoder, piece: str) -> bool:
    """A part of the maker's name: an office (`Duty officer`), a body (`Operations Centre`)."""
    words = piece.split()
    if not words or len(words) > 8 or not piece[:1].isupper() or any(c.isdigit() for c in piece) \
            or ":" in piece or "[" in piece or SENTENCE_END.search(piece):
        return False
    return any(ROLE_WORDS.fullmatch(w) or ORG_WORDS.fullmatch(w) for w in words) \
        or layouts.whole_name(encoder, piece, "org", 80) is not None


def maker(encoder: BodyEncoder, text: str) -> bool:
    """`Duty officer, Operations Centre, 28 October 1962`, `(Prepared by the ... Division, 6
    November 1962)`: who made the document, a comma, and a whole date with its year."""
    if LINE_BREAK in text or len(text) > 120:
        return False
    inner = text[1:-1].strip() if text[:1] in _FRAMES and text.endswith(_FRAMES[text[:1]]) \
        else text
    made, comma, day = inner.rstrip(".").rpartition(",")
    iso = dates.parse_date(day.strip()) if comma and _YEAR.search(day) else None
    if iso is None or not iso.when or len(iso.when) != 10:
        return False  # a whole day: `October 1962` dates no record
    pieces = [p.strip() for p in made.split(",")]
    if MADE_BY.match(pieces[0]):
        return len(made) <= 90 and not any(c.isdigit() for c in made) and "[" not in made
    return len(pieces) <= MOST_PIECES and all(_maker_piece(encoder, p) for p in pieces)


def maker_line(encoder: BodyEncoder, div: etree._Element, unit: SourceBlock) -> bool:
    """At the top, the maker's line: the opener's byline, its date dated."""
    text = unit.text.strip()
    if not maker(encoder, text):
        return False
    sub(encoder._current_opener(div), "byline", encoder._inline(unit, text))
    encoder.decided(f"{text!r} taken as the byline of who made the document, and its day",
                    unit.line)
    return True


# `09:05 -`, `14.30 –`, `9:05 hrs -` opening a line: the entry's time (a dash after it, so
# that `1.30` of a numbered text is none)
TIME_STAMP = re.compile(r"^(?P<time>(?P<h>[01]?\d|2[0-3])(?P<sep>[:.h])(?P<m>[0-5]\d)"
                        r"(?: ?(?:hrs?\.?|h))?)(?= *[-–—] )")


def stamp_times(div: etree._Element) -> int:
    """Each paragraph that opens with a time stamp: the stamp as `time[@when]`. Two at least
    in the division (a log), or one written `hh:mm`; the count made."""
    found = [(p, m) for p in div.iter(tei("p")) if p.get("n") is None
             and (m := TIME_STAMP.match(p.text or "")) is not None]
    if len(found) < 2 and not (found and found[0][1].group("sep") == ":"):
        return 0
    for p, match in found:
        time = el("time", match.group("time"),
                  when=f"{int(match.group('h')):02d}:{match.group('m')}:00")
        time.tail = (p.text or "")[match.end():]
        p.text = None
        p.insert(0, time)
    return len(found)


# `(10:30 a.m.–12:15 p.m., 1 August 1964)`, `10.30-12.15 hrs`: a span of the day's hours,
# perhaps the day after it, alone on a line under a record's title
_CLOCK = r"(?:[01]?\d|2[0-3])[:.][0-5]\d(?:\s?[ap]\.\s?m\.|\s?hrs?\.?|\s?h)?"
TIME_SPAN = re.compile(r"^\(?(?P<span>(?P<start>" + _CLOCK + r")\s*[-–—]\s*(?P<end>" + _CLOCK
                       + r"))(?P<rest>(?:,\s*[^()]{4,40})?)\)?\.?$", re.I)


def _clock(text: str) -> str:
    """`12:15 p.m.` -> `12:15:00`: the time of day as xsd:time."""
    hours, minutes = re.split(r"[:.]", text[:5].strip(), maxsplit=1)
    hour, minute = int(hours), int(minutes[:2])
    if re.search(r"p\.\s?m", text, re.I) and hour < 12:
        hour += 12
    elif re.search(r"a\.\s?m", text, re.I) and hour == 12:
        hour = 0
    return f"{hour:02d}:{minute:02d}:00"


def time_span_line(encoder: BodyEncoder, div: etree._Element, unit: SourceBlock) -> bool:
    """At the top, a line that is a span of hours (and perhaps the day): when the talks were
    held, the opener's `dateline` (165's conversation), each end of the span a `time[@when]`,
    the day dated inside it by the date stage; no paragraph."""
    text = unit.text.strip()
    found = TIME_SPAN.match(text)
    if found is None or LINE_BREAK in text or (found.group("rest") and not _YEAR.search(
            found.group("rest"))):
        return False
    content = encoder._inline(unit, text)
    pieces: list[Inline]
    if sum(1 for piece in content if isinstance(piece, etree._Element)
           and etree.QName(piece).localname == "time") == 2:
        pieces = content  # the inline stage's cued times (`times.py`) marked both ends
    else:
        first = content[0] if content and isinstance(content[0], str) else ""
        at = first.find(found.group("span"))
        if at < 0:
            return False
        # each end its own `time[@when]` (the project schema's `time` has `@when` alone)
        start, end = found.group("start"), found.group("end")
        between = found.group("span")[len(start):len(found.group("span")) - len(end)]
        pieces = [first[:at], el("time", start, when=_clock(start)), between,
                  el("time", end, when=_clock(end)), first[at + len(found.group("span")):],
                  *content[1:]]
    sub(encoder._current_opener(div), "dateline", [p for p in pieces if not isinstance(p, str) or p])
    encoder.decided(f"{text!r} taken as the hours of the record, its dateline", unit.line)
    return True

"""The forms of real exports that the layouts of `benchmarks/synthetic.py` learned last (issue #10,
layouts 090-095 and 120-121): hard-wrapped paragraphs with cut words, notes under signs
(`*`, `†`, `‡`, `§`), page numbers inside a sentence, a closing place-and-date line, two
signatures side by side, a `P.S.`, nested and roman points, and the omissions whose extent has a
half or that say in a sentence what is illegible. Kept apart from the generator so that it stays
readable; each function takes the layouter's generator, so a report stays the same per seed.
"""

from __future__ import annotations

import random
import re

# `*` and `†` and their doubles; `**` is left out (the sample's bold), so is `***`
SIGNS = ("*", "†", "‡", "§", "††", "‡‡", "§§")
PARTIES = ("Ministry of Foreign Affairs", "Ministry of Foreign Trade", "Academy of Sciences",
           "State Planning Commission", "Ministry of Culture")
POSTSCRIPTS = ("The signed copies will follow by courier.",
               "The annexes are sent separately in two copies.",
               "The embassy asks to be told of the date of the next session.")
# the brackets of item 1 of gen7: a half in the extent, illegible said in a sentence, `Stamp:`
OMISSIONS = (("[1 1/2 lines not declassified]", "redacted", "1.5", "line"),
             ("[one and a half pages withheld]", "redacted", "1.5", "page"),
             ("[half a page not declassified]", "redacted", "0.5", "page"),
             ("[2½ lines redacted]", "redacted", "2.5", "line"),
             ("[The rest of the paragraph is illegible in the copy.]", "illegible", None, None),
             ("[Remainder of page illegible]", "illegible", None, None),
             ("[two words illegible]", "illegible", "2", "word"))
STAMP_PREFIXED = "[Stamp: Secretariat, Incoming Nº {n}, {date}]"
POINTS_LEAD = "The embassy proposes the following measures:"
POINT_GROUPS = (("In the field of trade:", ("to raise the exchange of machinery;",
                                            "to open a trade mission;",
                                            "to settle the clearing balance;")),
                ("In the field of culture:", ("to exchange two exhibitions a year;",
                                              "to invite a theatre company;")))
RISKS_LEAD = "The embassy sees the following risks:"
RISKS = ("the prices may rise;", "the deliveries may be late;", "the credit may not be granted.")
_SPACE_OUTSIDE = re.compile(r" (?![^\[]*\])")  # a space not inside a bracket


def wrap(rng: random.Random, paragraph: str) -> str:
    """A prose paragraph hard-wrapped as a typewriter does, at 62-78 columns, never inside a
    bracket; now and then a long word is cut with a hyphen at a line's end (`negoti-` /
    `ations`). A page-break cut (a blank line) stays where it is, each piece wrapped alone."""
    width = rng.randint(62, 78)
    return "\n\n".join(_wrap_piece(rng, piece, width) for piece in paragraph.split("\n\n"))


def _wrap_piece(rng: random.Random, text: str, width: int) -> str:
    words = _SPACE_OUTSIDE.split(text)
    lines: list[str] = []
    line = ""
    for word in words:
        if not line:
            line = word
        elif len(line) + 1 + len(word) <= width:
            line += " " + word
        else:
            room = width - len(line) - 2  # a space and the hyphen
            if room >= 3 and re.fullmatch(r"[a-z]{8,}", word) and len(word) - room >= 3 \
                    and rng.random() < 0.5:
                lines.append(f"{line} {word[:room]}-")
                line = word[room:]
            else:
                lines.append(line)
                line = word
    lines.append(line)
    return "\n".join(lines)


def sign_references(text: str, count: int, is_note_line: re.Pattern[str]) -> str:
    """`[n]` in the text as its sign right after the word (`Vienna.†`), never in the texts."""
    lines = text.split("\n")
    for index, line in enumerate(lines):
        if is_note_line.match(line.strip()):
            continue
        lines[index] = re.sub(r"\s?\[(\d{1,3})\]",
                              lambda m: SIGNS[int(m.group(1)) - 1] if int(m.group(1)) <= count
                              else m.group(0), line)
    return "\n".join(lines)


def page_number(rng: random.Random, paragraph: str, number: int) -> str | None:
    """A page number between two words of a sentence: in the line (`the - 3 - delegation`)
    or on a line of its own; the second half begins with a small letter (a capital there is
    a sentence or a name, which the converter reads as a new paragraph: see
    tests/converter/test_probe6_rules.py). None when the paragraph has no such place."""
    places = [m.start() for m in re.finditer(r"(?<=[a-z]) (?=[a-z]{3,} )", paragraph)
              if "[" not in paragraph[max(0, m.start() - 60):m.start() + 60]
              and "\n" not in paragraph[max(0, m.start() - 30):m.start() + 30]]
    if not places:
        return None
    at = rng.choice(places)
    sign = rng.choice(("-", "–"))
    marker = f"{sign} {number} {sign}"
    glue = f" {marker} " if rng.random() < 0.5 else f"\n{marker}\n"
    return paragraph[:at] + glue + paragraph[at + 1:]


def columns(rng: random.Random, names: list[str]) -> list[str]:
    """Two signatures side by side: `For the X      For the Y` / the names under them."""
    left, right = rng.sample(PARTIES, 2)
    lead = rng.choice(("For the", "On behalf of the"))
    top = f"{lead} {left}"
    gap = " " * rng.randint(4, 12)
    width = len(top) + len(gap)
    return [f"{top}{gap}{lead} {right}", names[0].ljust(width) + names[1]]


def points(rng: random.Random) -> list[str]:
    """Numbered points with lettered points under them (two or more each: one alone ending in
    a full stop is read as a point of its own), then a roman list under a lead line."""
    lines = [POINTS_LEAD]
    for number, (title, items) in enumerate(POINT_GROUPS, start=1):
        lines.append(f"{number}. {title}")
        count = rng.randint(2, len(items))
        lines += [f"{chr(96 + i)}) {item}" for i, item in enumerate(items[:count], start=1)]
    lines.append(RISKS_LEAD)
    lines += [f"{roman}. {risk}" for roman, risk in zip(("i", "ii", "iii"), RISKS)]
    return lines

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
from typing import Any

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
PAGE_MARKER = re.compile(r"(?:^|\s)([-–]) (\d{1,4}) \1(?=\s|$)", re.M)  # `- 3 -`, `– 4 –`
_SPACE_OUTSIDE = re.compile(r" (?![^\[]*\])")  # a space not inside a bracket


# The documented rule a wrap among one-line paragraphs is read by (schemas/README.md, "hard-
# wrapped lines"): a line of 50-100 characters that ends inside a sentence (a comma, a hyphen,
# a word no sentence ends on, or a lower-case word before a lower-case line) goes on on the
# next, unless the next opens a structure. The generator wraps only where the rule says so.
_SENTENCE_END = re.compile(r"[.!?:;\"”’)\]…]\s*$")
_STRUCTURAL = re.compile(r"^(?:\(?\d{1,3}[.)]|\(?[a-z]\)|\(?[ivx]{1,4}[.)]\s|[IVX]{1,4}\.\s|"
                         r"\d{1,2}\s*[-–—]\s|[-–—•▪*·]\s|\[\d{1,3}[a-z]?\]|[¹²³⁴⁵⁶⁷⁸⁹⁰]|"
                         r"[A-Z][\w.]{0,14}:\s|\*\*)")
_FUNCTION_WORDS = frozenset(
    "the a an of and or to in on for with by at from that as into than which who whose "
    "his her its their our this these those between about under over upon".split())


def goes_on(line: str, following: str) -> bool:
    """Whether `following` continues `line` by the documented rule of a hard wrap."""
    if not 50 <= len(line) <= 100 or _SENTENCE_END.search(line) or _STRUCTURAL.match(following) \
            or "   " in line or line.upper() == line:
        return False
    last = line.rsplit(None, 1)[-1]
    return line.endswith((",", "-")) or last in _FUNCTION_WORDS or \
        (following[:1].islower() and last[-1:].isalpha())


def wrap(rng: random.Random, paragraph: str) -> str:
    """A prose paragraph hard-wrapped as a typewriter does, at 62-78 columns, never inside a
    bracket; now and then a long word is cut with a hyphen at a line's end (`negoti-` /
    `ations`). Each line ends where the rule of a wrap reads it as going on (`goes_on`): a
    line end the rule would read as the paragraph's is moved a word or two back; a paragraph
    that cannot be wrapped so, or that a page break cuts, is left on one line."""
    if "\n" in paragraph:
        return paragraph
    for _ in range(4):  # a few widths: one of them usually wraps by the rule
        lines = _wrap_piece(rng, paragraph, rng.randint(62, 78))
        if lines:
            return "\n".join(lines)
    return paragraph


def _wrap_piece(rng: random.Random, text: str, width: int) -> list[str]:
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
    for index in range(len(lines) - 1):  # move words back until the rule reads a wrap
        for _ in range(3):
            if goes_on(lines[index], lines[index + 1]):
                break
            head, _, last = lines[index].rpartition(" ")
            if not head or last.endswith("-"):
                return []
            lines[index], lines[index + 1] = head, f"{last} {lines[index + 1]}"
        else:
            return []
        if len(lines[index + 1]) > 100:
            return []
    return lines if len(lines) > 1 else []


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


CAPITALS = ("Prague", "Warsaw", "Berlin", "Budapest", "Sofia", "Moscow", "Hanoi")


class Forms:
    """The layouter's part that lays these forms out (mixed into `synthetic._Layouter`, whose
    `layout`, `report`, `_prose` and `_date` it uses)."""

    layout: Any
    report: Any

    def _prose(self, paragraphs: list[str]) -> list[int]:
        raise NotImplementedError

    def _date(self, day: int | None = None) -> str:
        raise NotImplementedError

    def _own(self, feature: str) -> random.Random:
        """A generator of the feature's own: turning one feature on changes nothing else of
        the report (the property tests compare a report with and without it)."""
        return random.Random(f"{feature}:{self.report.number}")

    def _omissions(self, paragraphs: list[str]) -> list[str]:
        """An omission with a half or an illegible sentence inside a paragraph, and a stamp
        with its `Stamp:` prefix between paragraphs."""
        if not self.layout.omissions:
            return paragraphs
        rng, out = self._own("omissions"), list(paragraphs)
        prose = self._prose(out)
        for index in rng.sample(prose, min(len(prose), rng.randint(1, 2))):
            out[index] += " " + rng.choice(OMISSIONS)[0]
        stamp = STAMP_PREFIXED.format(n=rng.randint(100, 999), date=self._date())
        out.insert(rng.randint(0, len(out)), stamp)
        return out

    def _lines(self, paragraphs: list[str]) -> list[str]:
        """Hard wraps, page numbers inside sentences and points, as the layout says."""
        out = list(paragraphs)
        if self.layout.page_numbers:
            rng = self._own("page-numbers")
            number = 2
            for index in sorted(rng.sample(self._prose(out), min(2, len(self._prose(out))))):
                laid = page_number(rng, out[index], number)
                if laid is not None:
                    out[index], number = laid, number + 1
        if self.layout.wraps:
            rng = self._own("wraps")
            for index in self._prose(out):
                if len(out[index]) > 160 and not re.match(r"\d|\(", out[index]) \
                        and not PAGE_MARKER.search(out[index]) and rng.random() < 0.6:
                    out[index] = wrap(rng, out[index])
        if self.layout.points and not self.layout.sections and out:
            rng = self._own("points")
            out.insert(rng.randint(1, len(out)), "\n".join(points(rng)))
        return out

    def _closing(self, signature: list[str]) -> list[str]:
        """Two signatures side by side instead of the one, a place-and-date line, a P.S."""
        rng, lines = self._own("closing"), list(signature)
        if self.layout.closing == "columns":
            names = [f"{n.split()[0][0]}. {n.split(' ', 1)[1]}"
                     for n, _ in rng.sample(self.report.invented, 2)]
            lines = columns(rng, names)
        if self.layout.closing in ("dateline", "columns"):
            lines.append(f"{rng.choice(CAPITALS)}, {self._date()}")
        if self.layout.postscript:
            lines.append("P.S. " + rng.choice(POSTSCRIPTS))
        return lines


"""Where a place's name starts when the words before it belong to it (`South Korea`,
`Republic of China`): apart from `toolkit.names.cues`, which uses it (and re-exports it), to
keep that module within its size."""

from __future__ import annotations

import re

PLACE_PREFIX = re.compile(
    r"(?:(?:South|North|East|West|Southern|Northern|Eastern|Western|Central|Outer|Inner|Upper|"
    r"Lower|Greater)\s(?=[A-Z])|(?:(?:People's|People’s|Democratic|Socialist|Federal|Islamic|Arab|United|"
    r"Popular)\s){0,2}(?:Republic|Kingdom|Federation|Province|Region|Gulf|Sea|Bay|Strait|City|"
    r"Port|Isle|Island)\sof\s(?:the\s)?)$")


_PREFIX_WORDS = frozenset("South North East West Southern Northern Eastern Western Central Outer "
                          "Inner Upper Lower Greater of the".split())


_COMPASS = _PREFIX_WORDS - {"of", "the"}
_PREFIX_HEADS = ("Republic", "Kingdom", "Federation", "Province", "Region", "Gulf", "Sea", "Bay",
                 "Strait", "City", "Port", "Isle", "Island")


def _may_prefix(window: str) -> bool:
    """Whether PLACE_PREFIX can match at the end of `window` (the text before a place),
    tested without its search (which tries every position of the window): its first form
    needs a capital after the end, which no window has, so a match ends with `HEAD of ` or
    `HEAD of the ` (single white-space characters apart, which `split` also splits at)."""
    words = window[-40:].split()
    if words[-1:] == ["the"]:
        del words[-1]
    return len(words) >= 2 and words[-1] == "of" and words[-2].endswith(_PREFIX_HEADS)


def extend_place(text: str, start: int) -> int:
    """Where a place name really starts when the words before it are part of it
    (`South Korea`, `Republic of China`, `Eastern Europe`): the new start, or `start`."""
    if start < 3 or text[start - 1] != " ":
        return start
    previous = text[text.rfind(" ", 0, start - 1) + 1:start - 1]
    if previous == "New":
        return start - 4  # `New York`, `New Delhi`: a gazetteer's `York` is another place
    if previous in _COMPASS:
        return start - len(previous) - 1  # `Southern Africa`, `West Berlin`, `Inner Mongolia`
    if previous not in _PREFIX_WORDS:
        return start
    if not _may_prefix(text[max(0, start - 60):start]):
        return start
    match = PLACE_PREFIX.search(text[max(0, start - 60):start])
    if match is None:
        return start
    return start - (len(match.group()))

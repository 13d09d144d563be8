"""Clock times inside running text (`at 15:00`, `3 p.m.`, `0530 hrs`, `from 10:00 to 12:30`),
as TEI `time` with @when (or @from/@to) in xsd:time form, `hh:mm:ss`.

A figure with a dot or a colon is as often an amount, a ratio or a page as a time
(`15.00 roubles`, `at 15.00 per cent`, `3:1`), so a time needs a cue that says it is one: a
preposition of time before a `hh:mm` (`at`, `until`, `by`...), `from ... to` around two, or a
suffix after it (`hrs`, `h`, `a.m.`, `p.m.`). A bare `15.00`, even after `at`, stays text.
A time stamp opening a log's entry (`09:05 - Call from...`) is the logs stage's, not this one's.
"""

from __future__ import annotations

import re

from toolkit.tei import Inline, el

_H = r"(?:[01]?\d|2[0-3])"
_M = r"[0-5]\d"
_SUFFIX = r"\s?(?:hrs\b\.?|hours\b|h\b)"
_MERIDIEM = r"\s?(?:[ap]\.\s?m\.|[ap]m\b|[AP]\.\s?M\.|[AP]M\b)"
_CUE = "".join(f"(?<=\\b{word} )" + "|" for word in (
    "at", "At", "AT", "until", "Until", "till", "by", "before", "after", "around", "about")).rstrip("|")


def _clock(name: str, dotted: bool) -> str:
    """`hh:mm` (`hh.mm` and `hhmm` too where `dotted`), then an optional 24-hour suffix."""
    sep = r"[:.]" if dotted else ":"
    form = f"(?P<{name}_h>{_H}){sep}(?P<{name}_m>{_M})"
    if dotted:
        form = f"(?:{form}|(?P<{name}_h4>[01]\\d|2[0-3])(?P<{name}_m4>{_M}))"
    return form + f"(?P<{name}_s>{_SUFFIX})?"


def _meridiem(name: str) -> str:
    """`3 p.m.`, `10.30 a.m.`, `7:45 PM`: a 12-hour time, its suffix the cue."""
    return (f"(?P<{name}_h12>1[0-2]|0?[1-9])(?:[:.](?P<{name}_m12>{_M}))?"
            f"(?P<{name}_ap>{_MERIDIEM})")


_RANGE_DASH = r"\s*(?:-|–|—|to|until|till)\s*"
_FORMS = (
    # from 10:00 to 12:30, from 9 a.m. to 5 p.m., from 10.00 to 12.30 hrs: `from` stays outside
    ("span", r"(?:(?<=\bfrom )|(?<=\bFrom ))" + "".join(
        f"(?P<{n}>{_meridiem(n)}|{_clock(n, True)})" + (_RANGE_DASH if n == "a" else "")
        for n in "ab")),
    ("meridiem", _meridiem("c")),                               # 3 p.m., 10.30 a.m.
    ("suffixed", _clock("d", True).replace(f"(?P<d_s>{_SUFFIX})?", f"(?P<d_s>{_SUFFIX})")),
    ("cued", "(?:" + _CUE + ")" + _clock("e", False)),          # at 15:00
)
TIME_PHRASE = re.compile(r"(?<![\w.,:/-])(?:" + "|".join(
    f"(?P<{name}>{pattern})" for name, pattern in _FORMS) + r")(?![\w:]|\.\d|\s*[-–—]\s)")
# every form holds a figure and a colon, a dot or a suffix's letter right after one
_GATE = re.compile(r"\d(?:[:.]\d|\s?[aphAPH])")


def may_hold_time(text: str) -> bool:
    """False when `text` surely holds no time phrase (one cheap search)."""
    return _GATE.search(text) is not None


def _value(groups: dict[str, str | None], name: str) -> str | None:
    """The `hh:mm:ss` of the clock named `name` in a match's groups, or None if not one."""
    twelve = groups.get(f"{name}_h12")
    if twelve is not None:
        hour = int(twelve) % 12 + (12 if (groups.get(f"{name}_ap") or "").strip()[:1] in "pP"
                                  else 0)
        return f"{hour:02d}:{groups.get(f'{name}_m12') or '00'}:00"
    hour_text = groups.get(f"{name}_h") or groups.get(f"{name}_h4")
    minute = groups.get(f"{name}_m") or groups.get(f"{name}_m4")
    if hour_text is None or minute is None:
        return None
    return f"{int(hour_text):02d}:{minute}:00"


def tag_times(text: str, stats: dict[str, int] | None = None) -> list[Inline]:
    """`text` with its cued clock times as time elements (strings between them kept)."""
    out: list[Inline] = []
    position = 0
    for found in TIME_PHRASE.finditer(text):
        groups = found.groupdict()
        form = found.lastgroup
        before = text[position:found.start()]
        if form == "span":  # two times, each its own element (the words between them text)
            begins, ends = _value(groups, "a"), _value(groups, "b")
            # `from 10.00 to 12.30` is time only with a colon or a suffix saying so
            if begins is None or ends is None or not (
                    ":" in found.group() or any(groups.get(k) for k in ("a_s", "b_s", "a_ap", "b_ap"))):
                continue
            first, second = found.end("a") - found.start(), found.start("b") - found.start()
            out.extend([before, el("time", found.group()[:first], when=begins),
                        found.group()[first:second], el("time", found.group()[second:], when=ends)])
        else:
            value = _value(groups, {"meridiem": "c", "suffixed": "d", "cued": "e"}.get(form or "", ""))
            if value is None:
                continue
            out.extend([before, el("time", found.group(), when=value)])
        if stats is not None:
            stats["times"] = stats.get("times", 0) + 1
        position = found.end()
    out.append(text[position:])
    return [item for item in out if not isinstance(item, str) or item]

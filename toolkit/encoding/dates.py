"""Dates as archives write them, turned into ISO values for TEI's @when/@from/@to."""

from __future__ import annotations

import re
from dataclasses import dataclass

MONTHS = {name: i for i, name in enumerate(
    ["january", "february", "march", "april", "may", "june", "july", "august",
     "september", "october", "november", "december"], start=1)}
MONTHS.update({name[:3]: i for name, i in list(MONTHS.items())})
MONTHS["sept"] = 9

_MONTH = r"(?P<{0}>[A-Za-z]{{3,9}})\.?"
_PATTERNS = [
    # January 8, 1965 / Jan. 8 1965
    re.compile(r"^" + _MONTH.format("m") + r"\s+(?P<d>\d{1,2})(?:st|nd|rd|th)?,?\s+(?P<y>\d{4})$"),
    # 8 January 1965 / 8th January, 1965
    re.compile(r"^(?P<d>\d{1,2})(?:st|nd|rd|th)?\.?\s+" + _MONTH.format("m") + r",?\s+(?P<y>\d{4})$"),
    # January 1965
    re.compile(r"^" + _MONTH.format("m") + r",?\s+(?P<y>\d{4})$"),
    # 1965-01-08 / 1965-01 / 1965
    re.compile(r"^(?P<y>\d{4})(?:-(?P<mn>\d{2})(?:-(?P<d>\d{2}))?)?$"),
    # 08.01.1965 (European order)
    re.compile(r"^(?P<d>\d{1,2})\.\s?(?P<mn>\d{1,2})\.\s?(?P<y>\d{4})\.?$"),
]


@dataclass(frozen=True)
class IsoDate:
    """@when for a single date, or @from/@to for a range."""

    when: str | None = None
    from_: str | None = None
    to: str | None = None

    def attributes(self) -> dict[str, str]:
        if self.when:
            return {"when": self.when}
        attrs: dict[str, str] = {}
        if self.from_:
            attrs["from"] = self.from_
        if self.to:
            attrs["to"] = self.to
        return attrs


def _single(text: str) -> str | None:
    text = text.strip().strip(".").strip()
    text = re.sub(r"^(?:c\.|ca\.|circa)\s*", "", text, flags=re.IGNORECASE)
    for pattern in _PATTERNS:
        match = pattern.match(text)
        if not match:
            continue
        parts = match.groupdict()
        year = int(parts["y"])
        month: int | None
        if parts.get("m"):
            month = MONTHS.get(parts["m"].lower())
            if month is None:
                return None
        elif parts.get("mn"):
            month = int(parts["mn"])
        else:
            month = None
        day = int(parts["d"]) if parts.get("d") else None
        if month is not None and not 1 <= month <= 12:
            return None
        if day is not None and not 1 <= day <= _days_in(year, month or 1):
            return None
        if month is None:
            return f"{year:04d}"
        if day is None:
            return f"{year:04d}-{month:02d}"
        return f"{year:04d}-{month:02d}-{day:02d}"
    return None


def _days_in(year: int, month: int) -> int:
    if month == 2:
        return 29 if year % 4 == 0 and (year % 100 != 0 or year % 400 == 0) else 28
    return 30 if month in (4, 6, 9, 11) else 31


def parse_date(text: str) -> IsoDate | None:
    """Parse a date or a range ('March 3, 1965 - March 5, 1965'); None if not a date."""
    single = _single(text)
    if single:
        return IsoDate(when=single)
    parts = re.split(r"\s+(?:-|–|—|to)\s+", text.strip())
    if len(parts) == 2:
        start, end = _single(parts[0]), _single(parts[1])
        if start and end and start <= end:
            return IsoDate(from_=start, to=end)
    return None


DATE_IN_TEXT = re.compile(
    r"(?:\b\d{1,2}(?:st|nd|rd|th)?\.?\s+(?:January|February|March|April|May|June|July|August|"
    r"September|October|November|December),?\s+\d{4}\b"
    r"|\b(?:January|February|March|April|May|June|July|August|September|October|November|"
    r"December)\s+\d{1,2}(?:st|nd|rd|th)?,?\s+\d{4}\b)"
)

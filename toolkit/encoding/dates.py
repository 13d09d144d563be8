"""Dates as archives write them, turned into ISO values for TEI's @when/@from/@to."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass

from toolkit.tei import Inline, el

MONTHS = {name: i for i, name in enumerate(
    ["january", "february", "march", "april", "may", "june", "july", "august",
     "september", "october", "november", "december"], start=1)}
MONTHS.update({name[:3]: i for name, i in list(MONTHS.items())})
MONTHS["sept"] = 9
# a Spanish date line kept as written in a translation (`La Habana, 14 de marzo de 1963`):
# the full names only, no abbreviation (`mar`, `dic` would read English words)
MONTHS.update({name: i for i, name in enumerate(
    ["enero", "febrero", "marzo", "abril", "mayo", "junio", "julio", "agosto", "septiembre",
     "octubre", "noviembre", "diciembre"], start=1)})
MONTHS["setiembre"] = 9

# A date line left in the original language in a translation (`Berlin, den 12. März 1965`,
# `Warszawa, dnia 2 marca 1965 r.`, `Budapest, 1965. március 12.`): German, Polish and Czech
# (their genitives), French, Italian, Portuguese and Hungarian month names, full names only and
# only with a day and a year (`mars`, `Mai`, `maja` alone are other words in English text).
FOREIGN_MONTHS = {name: i for names in (
    ("januar", "februar", "märz", "april", "mai", "juni", "juli", "august", "september",
     "oktober", "november", "dezember"),
    ("stycznia", "lutego", "marca", "kwietnia", "maja", "czerwca", "lipca", "sierpnia",
     "września", "października", "listopada", "grudnia"),
    ("ledna", "února", "března", "dubna", "května", "června", "července", "srpna", "září",
     "října", "listopadu", "prosince"),
    ("janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre",
     "octobre", "novembre", "décembre"),
    ("gennaio", "febbraio", "marzo", "aprile", "maggio", "giugno", "luglio", "agosto",
     "settembre", "ottobre", "novembre", "dicembre"),
    ("janeiro", "fevereiro", "março", "abril", "maio", "junho", "julho", "agosto", "setembro",
     "outubro", "novembro", "dezembro"),
    ("január", "február", "március", "április", "május", "június", "július", "augusztus",
     "szeptember", "október", "november", "december"),
) for i, name in enumerate(names, start=1)}
FOREIGN_MONTHS["maerz"] = 3
_FOREIGN_MONTH = r"(?P<m>[^\W\d_]{3,12})"
_FOREIGN_PATTERNS = [
    # (den|dnia|dne|le|il) 12. März 1965 (r.): the article and the year's abbreviation as written
    re.compile(r"^(?:(?:den|dnia|dne|am|le|il)\s+)?(?P<d>\d{1,2})\.?\s+" + _FOREIGN_MONTH
               + r"\s+(?P<y>\d{4})(?:\s*(?:r|roku))?$", re.I),
    # 12 de março de 1965 (Portuguese, as the Spanish form)
    re.compile(r"^(?P<d>\d{1,2})\s+de\s+" + _FOREIGN_MONTH + r"\s+de\s+(?P<y>\d{4})$", re.I),
    # 1965. március 12. (Hungarian: the year first)
    re.compile(r"^(?P<y>\d{4})\.\s+" + _FOREIGN_MONTH + r"\s+(?P<d>\d{1,2})$", re.I),
]

_MONTH = r"(?P<{0}>[A-Za-z]{{3,10}})\.?"
_PATTERNS = [
    # January 8, 1965 / Jan. 8 1965
    re.compile(r"^" + _MONTH.format("m") + r"\s+(?P<d>\d{1,2})(?:st|nd|rd|th)?,?\s+(?P<y>\d{4})$"),
    # 8 January 1965 / 8th January, 1965
    re.compile(r"^(?P<d>\d{1,2})(?:st|nd|rd|th)?\.?\s+" + _MONTH.format("m") + r",?\s+(?P<y>\d{4})$"),
    # 14 de marzo de 1963 (Spanish)
    re.compile(r"^(?P<d>\d{1,2})\s+de\s+" + _MONTH.format("m") + r"\s+de(?:l)?\s+(?P<y>\d{4})$"),
    # January 1965
    re.compile(r"^" + _MONTH.format("m") + r",?\s+(?P<y>\d{4})$"),
    # 1965-01-08 / 1965-01 / 1965
    re.compile(r"^(?P<y>\d{4})(?:-(?P<mn>\d{2})(?:-(?P<d>\d{2}))?)?$"),
    # 08.01.1965 (European order)
    re.compile(r"^(?P<d>\d{1,2})\.\s?(?P<mn>\d{1,2})\.\s?(?P<y>\d{4})\.?$"),
    # 1965.01.08, 1965/01/08 (year first: East Asian and archival usage)
    re.compile(r"^(?P<y>\d{4})[./]\s?(?P<mn>\d{1,2})[./]\s?(?P<d>\d{1,2})\.?$"),
    # 8.I.1965, 8-I-1965, 8 I 1965 (the month in Roman numerals)
    re.compile(r"^(?P<d>\d{1,2})[.\s-]\s?(?P<rm>[IVX]{1,4})[.\s-]\s?(?P<y>\d{4})\.?$"),
]


@dataclass(frozen=True)
class IsoDate:
    """@when for a single date, @from/@to for a range, @notBefore/@notAfter for a span the
    date lies somewhere in ('mid-December', 'early 1960s'); @cert when the year was inferred."""

    when: str | None = None
    from_: str | None = None
    to: str | None = None
    not_before: str | None = None
    not_after: str | None = None
    cert: str | None = None

    def attributes(self) -> dict[str, str]:
        attrs: dict[str, str] = {}
        if self.when:
            attrs["when"] = self.when
        else:
            for name, value in (("from", self.from_), ("to", self.to),
                                ("notBefore", self.not_before), ("notAfter", self.not_after)):
                if value:
                    attrs[name] = value
        if self.cert:
            attrs["cert"] = self.cert
        return attrs


_CIRCA = re.compile(r"^(?:c\.|ca\.|circa)\s*", re.IGNORECASE)


def _single(text: str) -> str | None:
    text = text.strip().strip(".").strip()
    text = _CIRCA.sub("", text)
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
                return _foreign(text)
        elif parts.get("mn"):
            month = int(parts["mn"])
        elif parts.get("rm"):
            month = ROMAN_MONTHS.get(parts["rm"])
            if month is None:
                return None
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
    return _foreign(text)


def _foreign(text: str) -> str | None:
    """A day, a month's name in another language and a year (FOREIGN_MONTHS), as ISO."""
    for pattern in _FOREIGN_PATTERNS:
        match = pattern.match(text)
        if match is None:
            continue
        month = FOREIGN_MONTHS.get(match.group("m").lower())
        year, day = int(match.group("y")), int(match.group("d"))
        if month is None or not 1 <= day <= _days_in(year, month):
            return None
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
    # a date the running text knows, written alone: `early 1972`, `3/VI/71`, `mid-May 1958`
    phrase = DATE_PHRASE.fullmatch(text.strip().rstrip("."))
    resolved = _resolve(phrase.lastgroup or "", phrase.groupdict(), None) if phrase else None
    return resolved[0] if resolved else None


# A date line that says the document has no date: converted undated (no @when), never refused.
UNDATED = re.compile(r"^\[?(?:undated|not dated|no date|date unknown|n\.\s?d\.|s\.\s?d\.|"
                     r"without date)\]?\.?$", re.I)


def undated(text: str) -> bool:
    """Whether a date line says the document is undated (`Undated`, `n.d.`, `[no date]`)."""
    return bool(UNDATED.match(text.strip()))


# A closing date of a telegram or a signature: `14.V.58`, `14.5.1958` (day, month in figures
# or Roman numerals, year in two or four figures).
SHORT_NUMERIC = re.compile(r"^(?P<d>\d{1,2})\.\s?(?P<m>[IVX]{1,4}|\d{1,2})\.\s?(?P<y>\d{4}|\d{2})\.?$")
ROMAN_MONTHS = {r: i for i, r in enumerate(
    ["I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII"], start=1)}


def short_numeric(text: str, document_date: str | None) -> tuple[IsoDate, bool] | None:
    """`14.V.58` as a date, and whether its century was inferred: a two-digit year takes the
    century that puts it nearest the document's date (without one it is no date). An
    inferred year more than ten years from the document's is marked cert='medium'."""
    match = SHORT_NUMERIC.match(text.strip())
    if not match:
        return None
    month_text = match.group("m")
    month = ROMAN_MONTHS.get(month_text) if month_text.isalpha() else int(month_text)
    year_text = match.group("y")
    if month is None:
        return None
    if len(year_text) == 4:
        iso = _iso(int(year_text), month, int(match.group("d")))
        return (IsoDate(when=iso), False) if iso else None
    known = re.match(r"\d{4}", document_date or "")
    if not known:
        return None
    reference = int(known.group())
    year = min((c * 100 + int(year_text) for c in (reference // 100 - 1, reference // 100,
                                                    reference // 100 + 1)),
               key=lambda y: abs(y - reference))
    iso = _iso(year, month, int(match.group("d")))
    if not iso:
        return None
    return IsoDate(when=iso, cert="medium" if abs(year - reference) > 10 else None), True


DATE_IN_TEXT = re.compile(
    r"(?:\b\d{1,2}(?:st|nd|rd|th)?\.?\s+(?:January|February|March|April|May|June|July|August|"
    r"September|October|November|December),?\s+\d{4}\b"
    r"|\b(?:January|February|March|April|May|June|July|August|September|October|November|"
    r"December)\s+\d{1,2}(?:st|nd|rd|th)?,?\s+\d{4}\b)"
)


# -- dates in running text ------------------------------------------------------------------
# Conservative: a date needs a month name with a day or a year, a qualified year or decade
# ('early 1965', 'the 1960s'), or a full numeric date (3.6.1971, 1971-06-03). Bare years,
# numbers and slashed dates (6/3/1971: which order?) are never tagged: a false date is worse
# than a missing one. A day and month without a year take the year from the document's date
# (the nearest such day to it) with cert="medium", and are listed for review.

# (also in capitals: a telegram's text, `ON THE 3RD OF JUNE`, `IN EARLY JULY`)
_MONTH_NAMES = (r"(?:January|February|March|April|May|June|July|August|September|October|"
                r"November|December|Jan\.|Feb\.|Mar\.|Apr\.|Jun\.|Jul\.|Aug\.|Sept?\.|Oct\.|"
                r"Nov\.|Dec\.|JANUARY|FEBRUARY|MARCH|APRIL|MAY|JUNE|JULY|AUGUST|SEPTEMBER|"
                r"OCTOBER|NOVEMBER|DECEMBER)")
_D = r"(?:3[01]|[12]\d|0?[1-9])(?:st|nd|rd|th|ST|ND|RD|TH)?(?!\d)"
_Y = r"(?:1[5-9]|20)\d\d(?!\d)"
_Q = r"(?:early|mid|late|Early|Mid|Late|EARLY|MID|LATE|(?:the\s+)?(?:beginning|middle|end)\s+of)"
_DASH = r"\s*(?:-|–|—|to|until|till)\s*"


def _named(name: str, pattern: str) -> str:
    """Give a pattern's placeholders {m} {d} {y} {q} group names unique to it."""
    return f"(?P<{name}>" + pattern.format(
        m=f"(?P<{name}_m>{_MONTH_NAMES})", m2=f"(?P<{name}_m2>{_MONTH_NAMES})",
        d=f"(?P<{name}_d>{_D})", d2=f"(?P<{name}_d2>{_D})",
        y=f"(?P<{name}_y>{_Y})", y2=f"(?P<{name}_y2>{_Y})", q=f"(?P<{name}_q>{_Q})") + ")"


# `Nov` without its dot is a month only with a day and a year (`9 Nov 1961`): alone it is a word
_UNDOTTED = r"(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)(?![\w.])"
# meteorological seasons of the northern hemisphere; winter straddles two years: not dated
SEASONS = {"spring": (3, 5), "summer": (6, 8), "autumn": (9, 11), "fall": (9, 11)}
# (`fall` only as `fall of 1968`: `prices fall 1968...` is no date)
_SEASON = (r"(?:[Ss]pring|[Ss]ummer|[Aa]utumn|SPRING|SUMMER|AUTUMN)(?:\s+(?:of|OF))?"
           r"|(?:[Ff]all|FALL)\s+(?:of|OF)")
_BETWEEN = r"(?<=between )|(?<=Between )|(?<=BETWEEN )"

# a month's name of FOREIGN_MONTHS as written in running text (`März`, `marca`): its first
# letter in either case; longest names first (`marca` before `mar...`: none is a prefix match)
# (with Spanish: `14 de marzo de 1963`, whose names MONTHS holds for date lines)
_TEXT_FOREIGN_MONTHS = {**FOREIGN_MONTHS, **{name: MONTHS[name] for name in (
    "enero", "febrero", "marzo", "abril", "mayo", "junio", "julio", "agosto", "septiembre",
    "setiembre", "octubre", "noviembre", "diciembre")}}
_FOREIGN_NAMES = "|".join(f"[{n[0].upper()}{n[0]}]{n[1:]}" for n in
                          sorted(_TEXT_FOREIGN_MONTHS, key=len, reverse=True))

_FORMS = [
    # between 3 and 5 May 1971, between May 3 and 5, 1971: the date lies in the span, the
    # word `between` stays outside the element (notBefore/notAfter, not a period)
    ("bdays", r"(?:" + _BETWEEN + r"){d}\s+(?:and|AND)\s+{d2}\s+{m}(?:,?\s+{y})?"),
    ("bmdays", r"(?:" + _BETWEEN + r"){m}\s+{d}\s+(?:and|AND)\s+{d2}(?:,?\s+{y})?"),
    ("byears", r"(?:" + _BETWEEN + r"){y}\s+(?:and|AND)\s+{y2}"),  # between 1968 and 1971
    ("fyears", r"(?:(?<=from )|(?<=From )|(?<=FROM )){y}" + _DASH + r"{y2}"),  # from 1968 to 1971
    ("dand", r"{d}\s+(?:and|AND|&)\s+{d2}\s+{m}(?:,?\s+{y})?"),              # 30 and 31 October
    ("months", r"{m}" + _DASH + r"{m2},?\s+{y}"),                              # May-June 1971
    ("dmya", r"{d}\s+(?P<dmya_ma>" + _UNDOTTED + r"),?\s+{y}"),                # 9 Nov 1961
    ("season", r"(?:(?:early|late|Early|Late|EARLY|LATE)\s+)?(?P<season_s>" + _SEASON
               + r")\s+{y}"),                                  # spring 1968
    ("span", r"{d}\s+{m}(?:,?\s+{y})?" + _DASH + r"{d2}\s+{m2},?\s+{y2}"),  # 14 May - 3 June 1958
    # the night of 4/5 May (1965): two days running, a slash between them
    ("nights", r"{d}/{d2}\s+{m}(?:,?\s+{y})?"),
    ("days", r"{d}" + _DASH + r"{d2}\s+{m}(?:,?\s+{y})?"),                    # 14-16 May 1958
    ("mdays", r"{m}\s+{d}\s*(?:-|–|—)\s*{d2}(?:,?\s+{y})?"),                  # May 14-16, 1958
    ("dmy", r"{d}\.?\s+(?:(?:of|OF)\s+)?{m}(?:,?\s+{y})?"),                          # 14 May 1958, 14 May
    ("mdy", r"{m}\s+{d}(?:,?\s+{y})?"),                                       # May 14, 1958
    # a date left in the original's language (`am 12. März 1965`, `dnia 2 marca 1965 r.`,
    # `3 de março de 1965`, `1965. március 12.`): only with a day and a year, as a dateline's (FOREIGN_MONTHS); the
    # article stays outside, `r.` (Polish `roku`) inside
    ("foreign", r"{d}(?:\.?\s+|\s+de\s+)(?P<foreign_m>" + _FOREIGN_NAMES
                + r")(?:\s+|\s+de\s+){y}(?:\s+r\.|\s+roku\b)?"),
    ("hungarian", r"{y}\.\s+(?P<hungarian_m>" + _FOREIGN_NAMES + r")\s+{d}\."),
    # the 5th inst., the 28th ult., the 2nd prox.: a day of the document's month, the one
    # before it or the one after it (the commercial and diplomatic letter's abbreviations)
    ("relative", r"{d}\s+(?P<relative_r>inst|ult|prox|instant|ultimo|proximo)\b\.?"),
    ("qm", r"{q}[-\s]{m}(?:,?\s+{y})?"),                                      # mid-December
    ("my", r"{m},?\s+{y}"),                                                   # May 1958
    ("decade", r"(?:{q}[-\s])?(?P<decade_y>(?:1[5-9]|20)\d0)s\b"),            # early 1960s
    ("qy", r"{q}[-\s]{y}"),                                                   # early 1965
    ("numeric", r"(?P<numeric_d>3[01]|[12]\d|0?[1-9])\.\s?(?P<numeric_mn>1[0-2]|0?[1-9])\.\s?{y}"),
    ("iso", r"(?P<iso_y>(?:1[5-9]|20)\d\d)-(?P<iso_mn>1[0-2]|0[1-9])(?:-(?P<iso_d>3[01]|[12]\d|0[1-9]))?"),
    # 3/VI/71, 14.V.1958, 8-I-65: the month in Roman numerals tells the order; a year in two
    # figures is of the 1900s (the archives' century)
    ("roman", r"(?P<roman_d>3[01]|[12]\d|0?[1-9])(?P<roman_s>[./-])\s?(?P<roman_rm>XI{{0,2}}|I[XV]|VI{{0,3}}|I{{1,3}})"
              r"(?P=roman_s)\s?(?P<roman_y>(?:1[5-9]|20)\d\d|\d\d)(?!\d)"),
    # `on 5.VI.` without its year (a journal's and a telegram's day): the document's year, as
    # `5 June`; only after a preposition of time (`chapter 5.V.` is a section's number)
    ("romand", r"(?:" + "|".join(f"(?<={w} )" for w in (
        "on", "On", "ON", "of", "since", "until", "till", "from", "to", "by", "dated", "before",
        "after")) + r")(?P<romand_d>3[01]|[12]\d|0?[1-9])\.\s?(?P<romand_rm>XI{{0,2}}|I[XV]|VI{{0,3}}|I{{1,3}})"
               r"\.(?!\s?\d)"),
]
DATE_PHRASE = re.compile(r"(?<![\w.,/-])(?:" + "|".join(
    _named(name, pattern) for name, pattern in _FORMS)
    + r")(?![\w/-]|\.\d)")


# a day and a month closing a text (`the letter of 3 May `, `on May 3 `): a year supplied in
# brackets after them completes the date (`3 May [1965]`)
_DAY_MONTH_END = re.compile(rf"(?<![\w.,/-])(?:(?P<d>{_D})\.?\s+(?:of\s+)?(?P<m>{_MONTH_NAMES})"
                            rf"|(?P<m2>{_MONTH_NAMES})\s+(?P<d2>{_D}))\s+$")
SUPPLIED_YEAR = re.compile(rf"^{_Y}$")


def day_month_before(text: str, year: int) -> tuple[int, str] | None:
    """Where a day and a month without a year start at the end of `text`, and the ISO date
    they make with `year` (a year the translator supplied right after them)."""
    found = _DAY_MONTH_END.search(text[-40:])
    if found is None:
        return None
    month = _month(found.group("m") or found.group("m2") or "")
    when = _iso(year, month, _day(found.group("d") or found.group("d2") or "0")) if month else None
    return (len(text) - len(text[-40:]) + found.start(), when) if when else None


_DAY_ROMAN_MONTH = re.compile(r"^(?P<d>3[01]|[12]\d|0?[1-9])\.\s?(?P<m>[IVX]{1,4})\.?$")


def day_and_month(text: str, document_date: str | None) -> IsoDate | None:
    """A line that is a day and a month without a year (`5 June`, `June 5th`, `8.VI.`), as a
    journal's entries head its days: the year nearest the document's date, cert='medium'.
    None for any other text, and without a document date."""
    if document_date is None or len(text) > 30:
        return None
    roman = _DAY_ROMAN_MONTH.match(text.strip())
    if roman:
        month = ROMAN_MONTHS.get(roman.group("m"))
        day = int(roman.group("d"))
    else:
        found = DATE_PHRASE.fullmatch(text.strip().rstrip("."))
        form = next((f for f in ("dmy", "mdy") if found and found.group(f)), None)
        if found is None or form is None or found.group(f"{form}_y"):
            return None
        month = _month(found.group(f"{form}_m"))
        day = _day(found.group(f"{form}_d"))
    if month is None:
        return None
    year = _nearest_year(month, day, document_date)
    iso = _iso(year, month, day) if year is not None else None
    return IsoDate(when=iso, cert="medium") if iso else None


def _month(name: str) -> int | None:
    return MONTHS.get(name.rstrip(".").lower())


def _day(text: str) -> int:
    return int(re.match(r"\d+", text).group())  # type: ignore[union-attr]


def _iso(year: int, month: int, day: int | None = None) -> str | None:
    if not 1 <= month <= 12:
        return None
    if day is None:
        return f"{year:04d}-{month:02d}"
    if not 1 <= day <= _days_in(year, month):
        return None
    return f"{year:04d}-{month:02d}-{day:02d}"


def _relative(day: int, word: str, document_date: str | None) -> tuple[IsoDate, str | None] | None:
    """`the 5th inst.` (`in`: this month), `ult.` (`ul`: the month before), `prox.` (the
    month after): the day of a month the document's date gives; without one, no date."""
    known = re.match(r"(\d{4})-(\d{2})", document_date or "")
    if known is None:
        return None
    year, month = int(known.group(1)), int(known.group(2)) + {"in": 0, "ul": -1, "pr": 1}[word]
    year, month = (year - 1, 12) if month == 0 else (year + 1, 1) if month == 13 else (year, month)
    when = _iso(year, month, day)
    return (IsoDate(when=when, cert="medium"), f"{year:04d}-{month:02d}") if when else None


def _part(qualifier: str) -> str:
    lower = qualifier.lower()
    return "early" if "early" in lower or "beginning" in lower else \
        "late" if "late" in lower or "end" in lower else "mid"


def _month_span(year: int, month: int, qualifier: str) -> tuple[str, str]:
    first, last = {"early": (1, 10), "mid": (11, 20)}.get(_part(qualifier), (21, _days_in(year, month)))
    return f"{year:04d}-{month:02d}-{first:02d}", f"{year:04d}-{month:02d}-{last:02d}"


PAST_SLACK = 31  # how much farther (in days) the earlier of two candidate days may be


def _nearest_year(month: int, day: int, document_date: str) -> int | None:
    """The year that puts (month, day) nearest to the document's date."""
    match = re.match(r"(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?", document_date)
    if not match:
        return None
    year = int(match.group(1))
    ref = (int(match.group(2) or 6), int(match.group(3) or 15))
    if not match.group(2):
        return year  # only the year is known: it is the year
    def offset(y: int) -> int:  # days (of 31-day months) after the document's date
        return (y - year) * 372 + (month - ref[0]) * 31 + (day - ref[1])
    best = min((year - 1, year, year + 1), key=lambda y: abs(offset(y)))
    # a report tells what happened: half a year either side (`12 January` in a report of 15
    # July), the earlier day, unless the later is nearer by more than a month (probe13, 152)
    if offset(best) > 0 and abs(offset(best - 1)) - offset(best) <= PAST_SLACK:
        return best - 1
    return best


def _resolve(form: str, g: dict[str, str | None], document_date: str | None
             ) -> tuple[IsoDate, str | None] | None:
    """The ISO value of a matched phrase and, if its year was inferred, that year's note."""
    def get(key: str) -> str | None:
        return g.get(f"{form}_{key}")

    year_text = get("y")
    year = int(year_text) if year_text else None
    inferred: str | None = None
    if form == "iso":
        figures = get("d")
        when = _iso(int(get("y") or 0), int(get("mn") or 0), int(figures) if figures else None)
        return (IsoDate(when=when), None) if when else None
    if form == "roman":
        written = get("y") or "0"
        when = _iso(int(written) + (1900 if len(written) == 2 else 0), ROMAN_MONTHS[get("rm") or "I"],
                    int(get("d") or 0))
        return (IsoDate(when=when), None) if when else None
    if form == "romand":
        roman, day = ROMAN_MONTHS[get("rm") or "I"], int(get("d") or 0)
        found = _nearest_year(roman, day, document_date) if document_date else None
        when = _iso(found, roman, day) if found is not None else None
        return (IsoDate(when=when, cert="medium"), str(found)) if when else None
    if form == "numeric":
        when = _iso(int(get("y") or 0), int(get("mn") or 0), int(get("d") or 0))
        return (IsoDate(when=when), None) if when else None
    if form == "decade":
        start = int(get("y") or 0)
        qualifier = get("q")
        first, last = (start, start + 9) if not qualifier else {
            "early": (start, start + 3), "mid": (start + 4, start + 6)}.get(
            _part(qualifier), (start + 7, start + 9))
        return IsoDate(not_before=f"{first:04d}", not_after=f"{last:04d}"), None
    if form == "qy":
        assert year is not None
        months = {"early": (1, 4), "mid": (5, 8)}.get(_part(get("q") or ""), (9, 12))
        return IsoDate(not_before=f"{year:04d}-{months[0]:02d}",
                       not_after=f"{year:04d}-{months[1]:02d}"), None
    if form == "season":
        assert year is not None
        first, last = SEASONS[(get("s") or "").split()[0].lower()]
        return IsoDate(not_before=f"{year:04d}-{first:02d}", not_after=f"{year:04d}-{last:02d}"), None
    if form in ("byears", "fyears"):
        assert year is not None
        end = int(get("y2") or 0)
        if end <= year:
            return None
        if form == "byears":
            return IsoDate(not_before=f"{year:04d}", not_after=f"{end:04d}"), None
        return IsoDate(from_=f"{year:04d}", to=f"{end:04d}"), None
    if form in ("foreign", "hungarian"):
        when = _iso(year or 0, _TEXT_FOREIGN_MONTHS.get((get("m") or "").lower(), 0),
                    _day(get("d") or "0"))
        return (IsoDate(when=when), None) if when else None
    if form == "relative":
        return _relative(_day(get("d") or "0"), (get("r") or "")[:2], document_date)
    if form == "dmya":
        when = _iso(year or 0, _month(get("ma") or "") or 0, _day(get("d") or "0"))
        return (IsoDate(when=when), None) if when else None
    month = _month(get("m") or "")
    if month is None:
        return None
    if form == "months":
        assert year is not None
        later = _month(get("m2") or "")
        if later is None or later <= month:
            return None
        return IsoDate(from_=f"{year:04d}-{month:02d}", to=f"{year:04d}-{later:02d}"), None
    if form == "my":
        assert year is not None
        when = _iso(year, month)
        return (IsoDate(when=when), None) if when else None
    day = _day(get("d") or "15") if form != "qm" else 15
    if year is None:
        if document_date is None:
            return None
        year = _nearest_year(month, day, document_date)
        if year is None:
            return None
        inferred = str(year)
    cert = "medium" if inferred else None
    if form == "qm":
        low, high = _month_span(year, month, get("q") or "")
        return IsoDate(not_before=low, not_after=high, cert=cert), inferred
    if form in ("dmy", "mdy"):
        when = _iso(year, month, day)
        return (IsoDate(when=when, cert=cert), inferred) if when else None
    if form == "dand":  # two dates: the span's bounds (tag_dates writes one element each)
        one, other = _iso(year, month, day), _iso(year, month, _day(get("d2") or "0"))
        if one and other and one < other:
            return IsoDate(not_before=one, not_after=other, cert=cert), inferred
        return None
    if form in ("days", "mdays", "bdays", "bmdays", "nights"):
        begins, ends = _iso(year, month, day), _iso(year, month, _day(get("d2") or "0"))
        if form == "nights" and _day(get("d2") or "0") != day + 1:
            return None  # `3/7 May`: no night, perhaps no date
        if begins and ends and begins < ends:
            if form.startswith("b"):  # between: somewhere in the span
                return IsoDate(not_before=begins, not_after=ends, cert=cert), inferred
            return IsoDate(from_=begins, to=ends, cert=cert), inferred
        return None
    if form == "span":
        month2 = _month(get("m2") or "")
        year2 = int(get("y2") or 0)
        start_year = year if year_text else year2
        if month2 is None:
            return None
        begins = _iso(start_year, month, day)
        ends = _iso(year2, month2, _day(get("d2") or "0"))
        if begins and ends and begins < ends:
            return IsoDate(from_=begins, to=ends), None
    return None


# A date phrase holds a figure or a part-of word: text with neither (most of it) is not
# searched (a plain character search and substring tests cost little; the phrase search does).
_DIGIT = re.compile(r"\d")
_ASCII_DIGIT = re.compile(r"[0-9]")  # the same in ASCII text, and cheaper than \d (Unicode)
_PARTS = ("mid", "Mid", "early", "Early", "late", "Late", "beginning", "middle", "end of", "MID",
          "EARLY", "LATE")


_FIGURES = re.compile(r"\d\d*")  # `\d+`, written so that the engine skips to a figure (10x)
_WORD_START = re.compile(r"(?<!\w)\w")


def _starts(text: str) -> list[int]:
    """Where a date phrase may start: every phrase holds a figure, with at most three words
    before it (a month, 'mid-', 'the beginning of'), or a part-of word ('mid-December')."""
    starts: set[int] = set()
    for figure in _FIGURES.finditer(text):
        at = figure.start()
        starts.add(at)
        low = max(0, at - 32)
        starts.update(w.start() for w in _WORD_START.finditer(text, low, at))
    for part in _PARTS:
        at = text.find(part)
        while at >= 0:
            starts.add(at)
            at = text.find(part, at + 1)
    return sorted(starts)


_MONTH_STEMS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
                "JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP", "OCT", "NOV", "DEC")
_NUMERIC = re.compile(r"\d[./-]\s?[\dIVX]|\d0s")  # 3.6.1971, 1971-06-03, 3/VI/71, 1960s
_MONTH_STEM = re.compile("|".join(_MONTH_STEMS))
_STEM_OR_FIGURE = re.compile("|".join(_MONTH_STEMS + tuple("0123456789")))  # literals: skipped to


# a day, a word and a year (or a year, a word and a day): the shape of a date whose month is
# not English (`12. März 1965`, `1965. március 12.`), looked for only where nothing else cues
_FOREIGN_SHAPE = re.compile(r"\d(?:\.?\s+|\s+de\s+)[^\W\d_]{3,12}(?:\s+|\s+de\s+)\d{4}"
                            r"|\d{4}\.\s+[^\W\d_]{3,12}\s+\d")

# what a phrase without a month or a numeric form holds besides its figure
_CUES = ("id-", "id ", "arly", "ate", "ID", "ARLY", "ATE", "pring", "ummer", "utumn", "all of",
         "etween", "rom ", "PRING", "UMMER", "UTUMN", "ALL OF", "ETWEEN", "ROM ", " inst",
         " ult", " prox")


def may_hold_date(text: str) -> bool:
    """False when `text` surely holds no date phrase: every phrase names a month, or is
    numeric (3.6.1971, 1960s), or qualifies a year (early 1965). Substring tests are cheap;
    the phrase search is not."""
    # one scan for a month's stem or an ASCII figure, whichever comes first (not a scan for
    # each): most texts hold neither
    found = _STEM_OR_FIGURE.search(text)
    if found is None:  # no month; a figure only outside ASCII (\d: Unicode figures)
        if text.isascii() or _DIGIT.search(text) is None:
            return False
    elif not found.group().isdigit() or _MONTH_STEM.search(text, found.end()) is not None:
        return True  # a month's stem, before or after the first figure
    return _NUMERIC.search(text) is not None or any(cue in text for cue in _CUES) \
        or _FOREIGN_SHAPE.search(text) is not None


# The characters a DATE_PHRASE match opens with: a figure, a month's first letter (`Jan.`,
# `MAY`), a season's (`spring`, `Autumn`), a qualifier's (`early`, `Mid`, `LATE`, `the
# beginning of`, `end of`). A start on another word (`The`, `with`: most of the words before a
# figure) fails anyway, after 2-5 us of the pattern's alternatives.
_PHRASE_FIRST = frozenset("0123456789" "JFMASOND" "EL" "emltbsaf")
# ... and the words a letter opens it with: a month's stem, a qualifier (`early`, `the
# beginning of`), a season. Half the starts tried are other words (`as`, `since`, `Secret`):
# a `startswith` of a few words each, not the pattern's 20 forms.
_PHRASE_WORDS = (*_MONTH_STEMS, "early", "Early", "EARLY", "mid", "Mid", "MID", "late", "Late",
                 "LATE", "the", "beginning", "middle", "end", "spring", "Spring", "SPRING",
                 "summer", "Summer", "SUMMER", "autumn", "Autumn", "AUTUMN", "fall", "Fall", "FALL")
_WORDS_BY_FIRST = {first: tuple(w for w in _PHRASE_WORDS if w[0] == first)
                   for first in _PHRASE_FIRST if not first.isdigit()}


def _phrases(text: str) -> Iterator[re.Match[str]]:
    """DATE_PHRASE's leftmost, non-overlapping matches (as finditer), tried only where a date
    can start: a regex tried at every position of every string is what would cost."""
    if not may_hold_date(text):
        return
    position = 0
    for start in _starts(text):
        if start < position or text[start] not in _PHRASE_FIRST:
            continue
        words = _WORDS_BY_FIRST.get(text[start])
        if words is not None and not text.startswith(words, start):
            continue
        found = DATE_PHRASE.match(text, start)
        if found is not None:
            yield found
            position = found.end()


def tag_dates(text: str, document_date: str | None, on_inferred: Callable[[int, str], None],
              stats: dict[str, int] | None = None) -> list[Inline]:
    """`text` with its dates as date elements; `on_inferred(offset, message)` is told of each
    date whose year came from the document's date."""
    out: list[Inline] = []
    position = 0
    for found in _phrases(text):
        form = found.lastgroup
        if form is None:
            continue
        resolved = _resolve(form, found.groupdict(), document_date)
        if resolved is None:
            continue
        iso, inferred = resolved
        phrase = found.group()
        if inferred:
            on_inferred(found.start(), f"{phrase!r} gives no "
                        f"{'month' if form == 'relative' else 'year'}: dated {inferred} from the "
                        f"document's date ({document_date}), cert medium")
        if found.start() > position:
            out.append(text[position:found.start()])
        if form == "dand":  # `30 and 31 October`: each day its own date
            first = found.group("dand_d")
            second = _plus_when(iso, "not_after")
            out.extend([el("date", first, **_plus_when(iso, "not_before")),
                        phrase[len(first):found.start("dand_d2") - found.start()],
                        el("date", phrase[found.start("dand_d2") - found.start():], **second)])
            if stats is not None:
                stats["dates"] = stats.get("dates", 0) + 1
        else:
            out.append(el("date", phrase, **iso.attributes()))
        if stats is not None:
            stats["dates"] = stats.get("dates", 0) + 1
        position = found.end()
    if position < len(text):
        out.append(text[position:])
    return out


def _plus_when(iso: IsoDate, bound: str) -> dict[str, str]:
    """The attributes of one bound of `iso` as a single date."""
    return IsoDate(when=getattr(iso, bound), cert=iso.cert).attributes()

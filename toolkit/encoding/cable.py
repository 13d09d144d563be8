"""An American cable's own lines (issue #10, layout 138): its routing block and its drafting data.

State Department telegrams, as the archives release them, open with the precedence and the
date-time group (`O 042218Z MAR 74`: immediate, the 4th at 22:18 GMT, March 1974), then `FM`
the sender and `TO`/`INFO` the addressees, in capitals. They are the telegram's dateline and
its routing fields, never its title (they are capitals, as a title is) nor paragraphs: the
group is `opener/dateline` with `date/@when` to the minute in UTC, `FM`/`TO`/`INFO` are memo
fields (`seg[@type='memo-field']`, the label as written). `TO` is taken so only under an `FM`
line or the group (`TO THE CC CPSU` alone is an addressee). After the signature, the drafting
data (`Drafted by:`, `Cleared by:`, `Approved by:`) is closing matter: memo fields in the closer.
"""

from __future__ import annotations

import calendar
import re
from typing import TYPE_CHECKING

from lxml import etree

from toolkit.encoding import structure as cue
from toolkit.encoding.blocks import SourceBlock
from toolkit.tei import el, sub

if TYPE_CHECKING:
    from toolkit.encoding.body import BodyEncoder

_MONTHS = ("JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP", "OCT", "NOV", "DEC")
DATE_TIME_GROUP = re.compile(
    r"^(?P<lead>(?:[OPRZ]{1,2}|FLASH|IMMEDIATE|PRIORITY|ROUTINE|NIACT IMMEDIATE)\s+)?"
    r"(?P<group>(?P<day>\d{2})(?P<hour>[01]\d|2[0-3])(?P<minute>[0-5]\d)Z\s+"
    r"(?P<month>" + "|".join(_MONTHS) + r")\s+(?P<year>\d{2}|\d{4}))$")
ROUTING_FIELD = re.compile(r"^(?P<label>FM|TO|INFO)\s+(?=[A-Z])[A-Z0-9 /.,&'-]{2,80}$")
DRAFTING = re.compile(r"^(?:Drafted|Cleared|Approved|Typed|Prepared)\s+by\s*:\s*\S", re.I)
_SUBTYPES = {"FM": "from", "TO": "to", "INFO": "info"}


def group_date(found: re.Match[str]) -> str | None:
    """The group's moment as xs:dateTime in UTC; None for a day the month has not."""
    year = int(found.group("year"))
    year += 1900 if year < 100 and year >= 40 else 2000 if year < 100 else 0
    month, day = _MONTHS.index(found.group("month")) + 1, int(found.group("day"))
    if not 1 <= day <= calendar.monthrange(year, month)[1]:
        return None
    return (f"{year:04d}-{month:02d}-{day:02d}T{found.group('hour')}:"
            f"{found.group('minute')}:00Z")


def cable_line(encoder: BodyEncoder, div: etree._Element, unit: SourceBlock) -> bool:
    """The date-time group as the opener's dateline, an `FM` line (or `TO`/`INFO` under the
    routing block) as a memo field; False for any other line."""
    text = unit.text.strip()
    found = DATE_TIME_GROUP.match(text)
    when = group_date(found) if found else None
    if found and when:
        sub(encoder._current_opener(div), "dateline",
            [found.group("lead") or "", el("date", found.group("group"), when=when)])
        encoder._count("dates")
        encoder.decided(f"{text!r} taken as the cable's date-time group", unit.line)
        return True
    field = ROUTING_FIELD.match(text)
    if field is None:
        return False
    label = field.group("label")
    opener = div[-1] if len(div) and str(div[-1].tag).endswith("}opener") else None
    routed = opener is not None and len(opener) and (
        str(opener[-1].tag).endswith("}dateline") or opener[-1].get("subtype") in _SUBTYPES.values())
    if label != "FM" and not routed:
        return False
    start = len(unit.text) - len(unit.text.lstrip())
    value = unit.tail(start + field.end("label"))
    sub(encoder._current_opener(div), "seg",
        [el("label", label), *encoder._inline(value, value.text.rstrip())],
        type="memo-field", subtype=_SUBTYPES[label])
    return True


def drafting(blocks: list[SourceBlock]) -> list[SourceBlock]:
    """The drafting lines at the end, right under a signature line: taken off `blocks`."""
    start = len(blocks)
    while start > 2 and len(blocks) - start < 6 and DRAFTING.match(blocks[start - 1].text.strip()):
        start -= 1
    if start == len(blocks) or not cue.signature_like(blocks[start - 1].text.strip()):
        return []
    taken = blocks[start:]
    del blocks[start:]
    return taken


def drafting_fields(encoder: BodyEncoder, div: etree._Element, lines: list[SourceBlock]) -> None:
    """The drafting lines as memo fields ending the closer (one of their own without one)."""
    if not lines:
        return
    last = div[-1] if len(div) else None
    closer = last if last is not None and str(last.tag).endswith("}closer") else sub(div, "closer")
    for unit in lines:
        text = unit.text.strip()
        found = cue.MEMO_FIELD.match(text)
        assert found is not None
        start = len(unit.text) - len(unit.text.lstrip())
        value = unit.tail(start + found.end())
        sub(closer, "seg", [el("label", found.group()), *encoder._inline(value, value.text.rstrip())],
            type="memo-field", subtype=cue.field_name(found.group("label")).replace(" ", "-"))
        encoder.decided(f"{text[:30]!r} after the signature taken as the cable's drafting data",
                        unit.line)

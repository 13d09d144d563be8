"""A telegram's routing line written as one sentence (issue #10, layout 133).

Polish, Czechoslovak and Hungarian cipher telegrams give where the telegram came from and
when it was sent and received on one line under the title: `from Hanoi, sent 12.02.1965 at
22:30, received 13.02.1965 at 06:15`. It is the telegram's dateline (where and when it was
written and sent), not the title's second line and not a paragraph: `opener/dateline` with the
place as `placeName` and each stated moment as `date/@when` (with the time when given), the
words between kept as written. A line of telegram fields apart by runs of spaces (`From HAVANA
   Sent ...`) is `layouts.telegram_fields`; this rule is for the one-sentence form only.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from lxml import etree

from toolkit.encoding import dates, structure as cue
from toolkit.encoding.blocks import SourceBlock
from toolkit.tei import Inline, el, sub

if TYPE_CHECKING:
    from toolkit.encoding.body import BodyEncoder

def _moment(encoder: BodyEncoder, found: re.Match[str]) -> etree._Element | None:
    text = found.group("date")
    full = cue.date_line(text)
    short = None if full else dates.short_numeric(text, encoder.document_date)
    iso = full or (short[0] if short else None)
    if iso is None:
        return None
    attributes = iso.attributes()
    clock = found.group("time")
    if clock and iso.when and len(iso.when) == 10:
        hours, minutes = re.split(r"[:.]", clock)
        attributes["when"] = f"{iso.when}T{int(hours):02d}:{minutes}:00"
    encoder._count("dates")
    return el("date", found.group()[found.start("date") - found.start():], **attributes)


def routing(encoder: BodyEncoder, div: etree._Element, unit: SourceBlock) -> bool:
    """The routing line as the opener's dateline; False for any other line."""
    text = unit.text.strip()
    if not cue.routing_line(text):
        return False
    found = cue.ROUTING.match(text)
    assert found is not None
    lead = len(unit.text) - len(unit.text.lstrip())
    place = found.group("place")
    entry = encoder.tagger.lookup(place)
    content: list[Inline] = [text[:found.start("place")],
                             encoder.tagger.mention(entry, place) if entry else el("placeName", place)]
    at = found.end("place")
    for moment in cue.MOMENT.finditer(text, found.end()):
        made = _moment(encoder, moment)
        if made is None:
            continue
        before = unit.part(lead + at, lead + moment.start("date"))
        content.extend([before.text] if not before.text.strip() or "[" not in before.text
                       else encoder._inline(before, before.text))
        content.append(made)
        at = moment.end()
    rest = unit.tail(lead + at)
    content.extend(encoder._inline(rest, rest.text.rstrip()) if rest.text.strip() else [rest.text.rstrip()])
    sub(encoder._current_opener(div), "dateline", [c for c in content if not isinstance(c, str) or c])
    encoder.decided(f"{text[:40]!r} taken as the telegram's routing line (its dateline)", unit.line)
    return True

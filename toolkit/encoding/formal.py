"""Formal letters and stenograms (issue #10): shapes of the top and the end that the opener
and closer rules did not know.

- A dateline stacked over lines at the top (`British Embassy,` / `Warsaw.` / `22 March
  1968.`): two to four short lines, each but the last ending in a comma or a full stop, the
  last a date: one `dateline`, the lines kept as `lb` (the names in it tagged, the date with
  its ISO value).
- The year's name in quotes under the date (`La Habana, 14 de marzo de 1963` / `"Año de la
  Organización"`, as Cuban offices date their letters): a further line (`lb`) of that
  dateline, as an era's year is part of the date it names.
- A closing formula over two lines above the signature (`I have the honour to be, Sir,` /
  `Your obedient Servant,`): one `salute` of the closer, its lines as `lb`.
- The session's opening and closing in a record of speeches, a stenogram (`The meeting began
  at 10:00 hours.`, `The session was closed at 12.30.`): what happened in the room, not what
  was said: a `stage` where it stands (outside the speeches). In minutes without speeches
  it is the minutes' own narration, a `p`. (The project schema has no `time`, and its
  `@when` takes no time without a date: the time stays text.)
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from lxml import etree

from toolkit.encoding import structure as cue, top_lines
from toolkit.encoding.blocks import SourceBlock
from toolkit.tei import Inline, el, sub

if TYPE_CHECKING:
    from toolkit.encoding.body import BodyEncoder

STACK_MOST = 4  # an office, its town, the date: short lines, a full stop or comma closing each
_STACK_LINE = re.compile(r"^[^\d\[\]():;]{2,40}[,.]$")
CLOSING_LEAD = re.compile(r"^(?:I have the hono(?:u)?r to (?:be|remain)|I (?:am|remain)|"
                          r"(?:Believe|Accept),? (?:me|Sir)\b)[^.]{0,60},$", re.I)
SESSION = re.compile(r"^The (?:meeting|session|sitting|conference|talks?|conversation|plenary)"
                     r"\s+(?:was\s+)?(?:began|begins|opened|started|ended|ends|closed|"
                     r"adjourned|finished|resumed|suspended)\b[^\[\]]{0,60}[.]?$", re.I)


def stacked_dateline(encoder: BodyEncoder, div: etree._Element, units: list[SourceBlock],
                     index: int) -> int:
    """The dateline stacked over lines at `index` in the top: the lines it took, or 0."""
    for size in range(2, STACK_MOST + 1):
        lines = units[index:index + size]
        if len(lines) < size or any(not _STACK_LINE.match(u.text.strip()) for u in lines[:-1]):
            return 0
        last = lines[-1].text.strip()
        iso = cue.date_line(last, encoder.document_date) if last[-1:] in ",." else None
        if iso is None or cue.date_line(lines[0].text.strip()):
            continue
        content: list[Inline] = []
        for unit in lines[:-1]:
            content += [*encoder._inline(unit, unit.text.strip()), el("lb")]
        date_text = last.rstrip(".,")
        content += [el("date", date_text, **iso.attributes()), last[len(date_text):]]
        sub(encoder._current_opener(div), "dateline", content)
        encoder.decided(f"{size} lines at the top ending in {last!r} taken as one dateline",
                        lines[0].line)
        return size
    return 0


YEAR_NAME = re.compile(r'^["“«][^"“”«»\[\]]{3,60}["”»]$')


def year_name(encoder: BodyEncoder, div: etree._Element, unit: SourceBlock) -> bool:
    """A quoted line right under the opener's dateline, added to it; False otherwise."""
    text = unit.text.strip()
    opener = div[-1] if len(div) else None
    if not YEAR_NAME.match(text) or opener is None or not str(opener.tag).endswith("}opener") \
            or not len(opener) or not str(opener[-1].tag).endswith("}dateline"):
        return False
    top_lines.add_line(opener[-1], encoder._inline(unit, text))
    encoder.decided(f"{text!r} under the date taken as the year's name, a line of the dateline",
                    unit.line)
    return True


def closing_salute(encoder: BodyEncoder, blocks: list[SourceBlock], salute: SourceBlock
                   ) -> SourceBlock:
    """The closer's salute with the formula's line above it, when there is one (taken off
    the end of `blocks`)."""
    if len(blocks) > 1 and CLOSING_LEAD.match(blocks[-1].text.strip()):
        return encoder._title_line(blocks.pop(), salute)
    return salute


def session_line(encoder: BodyEncoder, div: etree._Element, unit: SourceBlock) -> bool:
    """`The meeting began at 10:00 hours.` as a `stage` with its `time`; False otherwise."""
    text = unit.text.strip()
    if not SESSION.match(text):
        return False
    sub(div, "stage", encoder._inline(unit, text))
    encoder.decided(f"{text[:40]!r} taken as the session's opening or closing (stage)", unit.line)
    return True

"""Minutes' own lines (issue #10, layout 139): the issuing body over two lines, and the
sections that take up the agenda's items one by one.

A party's or a government's minutes (SED Politburo `Protokoll Nr. 12/63`, a council's record)
open with the body over its organ (`Socialist Unity Party of Germany` / `Central Committee`),
list the agenda (`Tagesordnung:`, `Agenda:`) and then take each item up under a line of its own:
`Re 1.`, `Zu 1.`, `Ad 1.`, `Item 1`, `Point 2:`. That line alone opens the item's section,
`div[@n]` with the line as its `head`, and what follows (the rapporteur, the `Beschluß:`,
the decision's text) belongs to it up to the next such line. The agenda's own entries
(`1. Report on ...`) open no section: they are the list under the label. The organ under the
body continues the byline (a `lb` between), as the office over two lines does.

An item's decision is announced by its word (`Beschluß:`, `Decision:`, `Resolved:`,
`Decided:`): the word is the `label` of the decision's paragraph, on the line of its text or
alone above it (then a `lb` between, the source's two lines). A label over numbered points
(`Resolved:` / `1. ...`) announces a list and is left to the list rules.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from lxml import etree

from toolkit.encoding import layouts, structure as cue
from toolkit.encoding.blocks import LINE_BREAK, SourceBlock
from toolkit.tei import el, sub

if TYPE_CHECKING:
    from toolkit.encoding.body import BodyEncoder

DECISION = re.compile(r"^(?:Beschlu(?:ß|ss)|Beschlossen|Decisions?|Resolved|Resolutions?|Decided|"
                      r"Agreed|Usnesení|Határozat|Postanowiono|Rešenie|Решение|Постановили)\s*:",
                      re.I)
ITEM_LINE = re.compile(r"^(?:Re|Zu|Ad|Item|Point|Punkt|On item|To item)\s+(?P<n>\d{1,2})\s*[.:)]?$",
                       re.I)


def item_number(text: str) -> str | None:
    """`Re 1.`, `Zu 2`, `Item 3:` alone on a line: the agenda item's number."""
    found = ITEM_LINE.match(text)
    return found.group("n") if found else None


def item_section(encoder: BodyEncoder, div: etree._Element, unit: SourceBlock,
                 number: str) -> etree._Element:
    """The item's section with its line as the head."""
    section = sub(div, "div", n=number, type="item")
    sub(section, "head", encoder._inline(unit, unit.text.strip()))
    encoder.decided(f"{unit.text.strip()!r} taken as the section on agenda item {number}",
                    unit.line)
    encoder._count("sections")
    return section


def organ_line(encoder: BodyEncoder, div: etree._Element, unit: SourceBlock) -> bool:
    """An institution's name alone right under the byline at the top (and nothing else in the
    opener yet): the byline's next line. False for any other line."""
    opener = div[-1] if len(div) and str(div[-1].tag).endswith("}opener") else None
    if opener is None or len(opener) != 1 or not str(opener[0].tag).endswith("}byline"):
        return False
    text = unit.text.strip()
    organ = layouts.whole_name(encoder, text, "org", 100)
    if organ is None:
        return False
    byline = opener[0]
    byline.append(el("lb"))
    byline.append(organ)
    return True


def decision(encoder: BodyEncoder, div: etree._Element, units: list[SourceBlock],
             index: int) -> int:
    """`Resolved: The deliveries ...`, or `Beschluß:` alone over the decision's text: one `p`
    with the word as its `label`. The units taken (1 or 2), or 0."""
    unit = units[index]
    text = unit.text.strip()
    found = DECISION.match(text)
    if found is None or LINE_BREAK in text:
        return 0
    label = found.group()
    if text[found.end():].strip():
        encoder._paragraph_with(div, unit, label)
        return 1
    following = units[index + 1].text.strip() if index + 1 < len(units) else ""
    if not following or DECISION.match(following) or item_number(following) \
            or cue.POINT.match(following) or cue.LIST_ITEM.match(following) \
            or cue.section_heading(following):
        return 0  # alone at the end, over points or over the next section: as written
    joined = encoder._title_line(unit, units[index + 1])
    encoder._paragraph_with(div, joined, label)
    encoder.decided(f"{label!r} taken as the label of the decision under it", unit.line)
    return 2

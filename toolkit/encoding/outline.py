"""A report's points four levels deep: `I.` / `A.` / `1.` / `a)` (probe13, layout 152).

A plan or a report of an embassy orders its matter by roman numerals, capital letters under
them and figures under those, each a heading on a line of its own (`I. POLITICAL WORK` /
`A. Relations with the party leadership` / `1. Meetings at the Central Committee`), lettered
points `a)` under the last. Two rules were missing. A numbered heading right above another
was read as a point of an enumeration (`1.` over `2.` is one), so `I.` and `A.` were
paragraphs; a heading of another kind under it is its first subsection. And every section
was a division of the text itself: the kinds, in the order the text first uses them, are
levels, and each division goes inside the last one of a higher level (`B.` after `2.` closes
the figures and is `A.`'s sibling under `I.`; `II.` closes them all). A text with one kind of
heading is left as it was.
"""

from __future__ import annotations

import re

from lxml import etree

from toolkit.encoding import structure as cue

_ROMAN = re.compile(r"^[IVX]{1,5}$")


def kind(number: str) -> str:
    """'roman', 'letter' or 'figure' for a section's number (`I` is read as roman)."""
    if number.isdigit():
        return "figure"
    return "roman" if _ROMAN.match(number) else "letter"


def subheading(text: str, following: str, lettered: int) -> bool:
    """`following` is a section heading of another kind than `text`'s: `text` heads a section
    whose first subsection it opens (lettered headings only where the text has two)."""
    above, below = cue.section_heading(text), cue.section_heading(following)
    if above is None or below is None:
        return False
    if lettered < 2 and kind(below) == "letter":
        return False
    return kind(above) != kind(below)


def _local(node: etree._Element) -> str:
    return etree.QName(node).localname if isinstance(node.tag, str) else ""


def nest(div: etree._Element) -> int:
    """The numbered divisions directly in `div` put inside one another by the level of their
    number's kind; the number of divisions moved."""
    sections = [c for c in div if _local(c) == "div" and c.get("n") and not c.get("type")]
    order: list[str] = []
    for section in sections:
        found = kind(section.get("n", ""))
        if found not in order:
            order.append(found)
    if len(order) < 2:
        return 0
    moved = 0
    open_: list[tuple[int, etree._Element]] = []
    for section in sections:
        level = order.index(kind(section.get("n", "")))
        while open_ and open_[-1][0] >= level:
            open_.pop()
        if open_:
            holder = open_[-1][1]
            # the section's own content stays in it; it is moved as a whole, after the
            # holder's last child (a holder's closing matter stands after its sections)
            holder.append(section)
            moved += 1
        open_.append((level, section))
    return moved

"""Two lists side by side: the delegations of a protocol (probe13, layout 150).

A protocol of talks lists who took part for each side in two columns, each under its side's
heading (`For the Czechoslovak side:      For the Polish side:` over `Cde. J. Marek,
Minister      Cde. S. Wierzbicki, Minister` ...). Read line by line, each row was a paragraph
holding a member of each delegation, and the words came out row by row. The columns are
the lists: each a `list` with its heading as `head` and one `item` a row, read column by
column (the left list, then the right, `@rend="columns"`), as the projection gives them. A
line ending with a colon right above (`Taking part in the talks:`) heads the two: an outer
`list` of one `item` per side. The cue is the first row: two fields apart by a run of
spaces, each a heading ending with a colon; the lists go on while rows have two fields.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from lxml import etree

from toolkit.encoding import structure as cue
from toolkit.encoding.blocks import SENTENCE_END, SourceBlock
from toolkit.tei import sub

if TYPE_CHECKING:
    from toolkit.encoding.body import BodyEncoder

HEADING_MAX = 60   # a side's heading is a short line
INTRO_MAX = 80     # and so is the line that introduces the two
ROWS_MAX = 40      # a delegation is no longer than this


def _headings(unit: SourceBlock) -> list[SourceBlock] | None:
    parts = cue.fields(unit)
    if len(parts) != 2 or len(unit.lines) != 1:
        return None
    texts = [p.text.strip() for p in parts]
    return parts if all(t.endswith(":") and len(t) <= HEADING_MAX and "[" not in t
                        for t in texts) else None


def _intro(unit: SourceBlock) -> bool:
    text = unit.text.strip()
    return text.endswith(":") and len(text) <= INTRO_MAX and len(cue.fields(unit)) == 1 \
        and len(unit.lines) == 1 and not cue.MEMO_FIELD.match(text)


def side_lists(encoder: BodyEncoder, div: etree._Element, units: list[SourceBlock],
               index: int) -> int:
    """The two lists from `units[index]` on (an introducing line, perhaps, then the two
    headings and the rows), encoded in `div`; how many units they took (0: none here)."""
    start = index + 1 if _intro(units[index]) and index + 1 < len(units) else index
    headings = _headings(units[start])
    if headings is None:
        return 0
    rows: list[list[SourceBlock]] = []
    for unit in units[start + 1:start + 1 + ROWS_MAX]:
        parts = cue.fields(unit)
        if len(parts) != 2 or len(unit.lines) != 1 \
                or any(SENTENCE_END.search(p.text.strip()) and not p.text.strip().endswith(".")
                       for p in parts):
            break
        rows.append(parts)
    if not rows:
        return 0
    holder = div
    if start > index:
        outer = sub(div, "list", type="sides")
        sub(outer, "head", encoder._inline(units[index], units[index].text.strip()))
    for column in (0, 1):
        if start > index:
            holder = sub(outer, "item")
        side = sub(holder, "list", rend="columns")
        sub(side, "head", encoder._inline(headings[column], headings[column].text.strip()))
        for row in rows:
            sub(side, "item", encoder._inline(row[column], row[column].text.strip()))
    encoder.decided(f"lines {units[start].line}-{rows and units[start + len(rows)].line} read "
                    "as two lists side by side, column by column", units[start].line)
    encoder._count("lists")
    return start - index + 1 + len(rows)

"""Lists of a report's body: enumerations of points (`1.` / `a)` / `i.`, nested as
list/item/list), list lines (`1 - Cde. Name`, `- item`) under a line announcing them,
memo fields after the header's first line, and the distribution list after a signature.
Moved out of `toolkit.encoding.body`, which calls these on its encoder, so that both stay
under the project's module size (issue #10).
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from lxml import etree

from toolkit.encoding import closing, layouts, structure as cue
from toolkit.encoding.blocks import SENTENCE_END, SourceBlock
from toolkit.tei import el, sub

if TYPE_CHECKING:
    from toolkit.encoding.body import BodyEncoder

# the announcing line names what it enumerates (`... go through the agenda point by point:`,
# `the following questions:`): its points are items, even ending with a full stop
_ENUMERATION = re.compile(r"\b(?:agenda|items|point by point|questions|topics|issues)\b", re.I)
LIST_ITEM_MAX = 160  # a longer point is a paragraph of its own (a report's numbered points)


def points(units: list[SourceBlock], start: int, kind: str, outer: tuple[str, ...],
           nested: dict[int, int]) -> int:
    """The end of a run of short points of `kind` from `start`. Points of another kind under
    an item, the list's own kind going on after them (`b) ...` / `i. ...` / `ii. ...` /
    `c) ...`), are a list in that item (recorded in `nested`), to any depth: `1.` / `a)` /
    `i.`. An item ending in a colon announces them (one point, or the list's last item's,
    with no point of another kind after them); else two or more, the list going on after."""
    end = start
    while end < len(units) and len(units[end].text) <= LIST_ITEM_MAX:
        found = cue.point_kind(units[end].text.strip())
        if found == kind:
            end += 1
            continue
        if end == start or found is None or found in outer:
            break
        under_nested: dict[int, int] = {}
        under = points(units, end, found, (*outer, kind), under_nested)
        after = cue.point_kind(units[under].text.strip()) if under < len(units) else None
        opens = units[end - 1].text.rstrip().endswith(":") and after in (kind, None, *outer)
        if under == end or (not opens and (under - end < 2 or after != kind)):
            break
        nested[end - 1] = under
        nested.update(under_nested)
        end = under
    return end


def distribution(blocks: list[SourceBlock]) -> list[SourceBlock]:
    """A distribution list after the signature (`Four copies printed` / `1 - Cde. ...`):
    two or more list lines at the end, perhaps under a line announcing them, right after
    a signature line or its closing dateline; taken off the end of `blocks`."""
    start = len(blocks)
    while start > 0 and cue.LIST_ITEM.match(blocks[start - 1].text.strip()):
        start -= 1
    if len(blocks) - start < 2:
        return []
    announced = blocks[start - 1].text.strip() if start else ""
    if announced and len(announced) <= 60 and cue.LIST_HEAD.search(announced):
        start -= 1
    signed = start  # the end of the signature: the closing dateline may stand under it
    if start > 2 and (cue.place_date(blocks[start - 1].text.strip())
                      or cue.date_line(blocks[start - 1].text.strip())):
        signed -= 1
    if start < 2 or not (cue.signature_like(blocks[signed - 1].text.strip())
                         or closing.two_columns(blocks[:signed])):  # two side by side
        return []
    taken = blocks[start:]
    del blocks[start:]
    return taken


def after_postscript(postscript: list[SourceBlock]) -> list[SourceBlock]:
    """A distribution list under a postscript (`P.S. ...` / `Four copies printed` / `1 - ...`):
    two or more list lines at its end under a line announcing them, taken off the postscript:
    the document's distribution, not the postscript's text (list lines under no such line
    stay the postscript's)."""
    start = len(postscript)
    while start > 2 and cue.LIST_ITEM.match(postscript[start - 1].text.strip()):
        start -= 1
    head = postscript[start - 1].text.strip() if start > 1 else ""
    if len(postscript) - start < 2 or len(head) > 60 or not cue.LIST_HEAD.search(head):
        return []
    taken = postscript[start - 1:]
    del postscript[start - 1:]
    return taken


def block_list(encoder: BodyEncoder, div: etree._Element, units: list[SourceBlock],
               index: int) -> int:
    """A run of two or more items (`1 - Cde. Name`, `- item`), perhaps under a short line
    that announces it (`Four copies printed`): a `list`. The units taken, or 0."""
    start = index
    head = None
    text = units[index].text.strip()
    if not cue.LIST_ITEM.match(text) and not cue.POINT.match(text) and len(text) <= 60 \
            and cue.LIST_HEAD.search(text):
        head = units[index]
        start += 1
    end = start
    while end < len(units) and cue.LIST_ITEM.match(units[end].text.strip()):
        end += 1
    # Short points of one kind on consecutive lines after a line ending in a colon
    # ('Agenda:', '... proposes the following:') enumerate what it announces: a list.
    # Points with prose between them, or of a paragraph's length, are numbered paragraphs.
    announced = head is not None or (start > 0 and units[start - 1].text.rstrip().endswith(":"))
    kind = cue.point_kind(units[start].text.strip()) if start < len(units) and announced \
        and end == start else None
    nested: dict[int, int] = {}  # an item's index: the end of the points under it
    if kind:
        end = cue.contents_end(units, start, points(units, start, kind, (), nested))
        # ... and it is an enumeration when a label announces it ('Agenda:') or its items
        # run on with ';' or ',' (after 'The minister said:', '1) Trade would grow.' and
        # '2) ...' are numbered statements); the last item of each list may end with '.'
        named = (head is not None and len(head.text.split()) <= 2) \
            or bool(_ENUMERATION.search(units[start - 1].text[-100:]))
        last = {end - 1} | {under - 1 for under in nested.values()}
        if not named and any(units[at].text.rstrip().endswith((".", "!", "?"))
                             for at in range(start, end) if at not in last):
            end = start
    if end - start < 2:
        return 0
    made = sub(div, "list")
    if head is not None:
        sub(made, "head", encoder._inline(head, head.text.strip()))
    if head is not None or kind:
        encoder.decided(f"{units[start - 1].text.strip()[:60]!r} and the {end - start} lines "
                    "after it taken as a list", units[start - 1].line)
    if kind:
        _items(encoder, made, units, start, end, nested)
    for unit in units[start:end] if not kind else []:
        label = cue.LIST_ITEM.match(unit.text.strip())
        assert label
        number = re.sub(r"\D", "", label.group("label"))
        item = sub(layouts.list_level(made, units[start], unit), "item",
                   encoder._inline(unit, unit.text.strip()))
        if number:
            item.set("n", number)
    if head is not None and contents(head.text.strip(), units, start, end):
        made.set("type", "toc")
        encoder.decided(f"the list under {head.text.strip()!r} taken as the table of contents",
                        head.line)
    encoder._count("lists")
    return end - index


# `Contents:`, `Table of contents`, `Inhalt:`, `Obsah:`, `Spis treści`, `Sommaire`
_CONTENTS = re.compile(r"^(?:(?:Table of )?Contents|Inhalt|Inhaltsverzeichnis|Obsah|Spis treści|"
                       r"Sommaire|Table des matières|Содержание|Оглавление)\s*:?$", re.I)
_UNAMBIGUOUS = re.compile(r"^(?:Table of contents|Inhaltsverzeichnis|Table des matières|"
                          r"Оглавление)\s*:?$", re.I)


def contents(head: str, units: list[SourceBlock], start: int, end: int) -> bool:
    """A list announced as the text's contents whose entries the text repeats further on as
    its headings (two at least, or all of a shorter list): a table of contents (TEI
    `list[@type='toc']`). `Table of contents` says so alone; `Contents:` over entries no
    heading repeats is a list of what something holds (a parcel, a file)."""
    if not _CONTENTS.match(head):
        return False
    if _UNAMBIGUOUS.match(head):
        return True
    later = {" ".join(u.text.split()).lower() for u in units[end:]}
    entries = [" ".join(u.text.split()).lower() for u in units[start:end]]
    repeated = sum(1 for e in entries if e in later)
    return repeated >= min(2, len(entries))


def _items(encoder: BodyEncoder, made: etree._Element, units: list[SourceBlock], start: int,
           end: int, nested: dict[int, int]) -> None:
    """The points from `start` to `end` as items of `made`, the points under an item
    (`nested`, any depth) a list in that item."""
    at = start
    while at < end:
        unit = units[at]
        point = cue.POINT.match(unit.text.strip())
        assert point
        item = sub(made, "item", encoder._labelled(unit, point.group("label")),
                   n=cue.point_number(point.group("label")))
        at += 1
        if at - 1 in nested:
            encoder.decided(f"the points under {point.group('label')!r} taken as a list "
                            "in its item", unit.line)
            _items(encoder, sub(item, "list"), units, at, nested[at - 1], nested)
            at = nested[at - 1]


def late_fields(encoder: BodyEncoder, div: etree._Element, units: list[SourceBlock],
                index: int) -> int:
    """Memo fields (`Subject:`, `To:`) among the header lines but after a line that is
    no opener's (an office line in mixed case): header fields still, never paragraphs. An
    opener stands only before the first block, so they are a `list[@type='memo-fields']`,
    each field an item with its label. The units taken, or 0."""
    if index > 8 or any(len(u.text) > 60 and SENTENCE_END.search(u.text)
                        for u in units[:index]):
        return 0  # after a sentence of the text, 'Subject:' opens a paragraph
    end = index
    while end < len(units) and end <= index + 8 and cue.MEMO_FIELD.match(units[end].text.strip()):
        end += 1
    if end == index:
        return 0
    made = sub(div, "list", type="memo-fields")
    for unit in units[index:end]:
        found = cue.MEMO_FIELD.match(unit.text.strip())
        assert found
        start = len(unit.text) - len(unit.text.lstrip())
        value = unit.tail(start + found.end())
        content = layouts.listed_persons(encoder, found.group("label"),
                                         encoder._inline(value, value.text.rstrip()), unit.line)
        sub(made, "item", [el("label", found.group()), *content],
            n=ncname(cue.field_name(found.group("label"))))
    encoder.decided(f"{units[index].text.strip()[:40]!r} after the first paragraph taken as "
                    "a memo field", units[index].line)
    encoder._count("lists")
    return end - index


def ncname(text: str) -> str:
    return re.sub(r"[^\w.-]", "-", text).strip("-") or "field"

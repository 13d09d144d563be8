"""Headings, bulleted lists and tables: the blocks of a Word file that the text export's
stages never see, laid into the encoded body at their place (`inline.insert_block`). The
inline content of each (a head's words, an item's, a cell's) is encoded by the reader's
`inline` and `paragraphs`, which this module is given."""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Callable, Sequence

from lxml import etree

from toolkit.readers.docx.blocks import Block, Paragraph, Table
from toolkit.readers.docx.inline import Node, insert_block
from toolkit.readers.docx.paragraphs import drop_start
from toolkit.readers.docx.tidy import HEADING, TABLE_LIST
from toolkit.tei import NS, Inline, el, sub, tei

# a section number typed at the start of a Word heading: `2.`, `2.1`, `3)`, `IV.`
TYPED_NUMBER = re.compile(r"^\s*(\d{1,2}(?:\.\d{1,2})+\.?|\d{1,2}[.)]|[IVX]{1,5}\.)"
                          r"[ \t\u00a0]+(?=\S)")


class Structures:
    """Makes the TEI of the blocks outside the flow; `lay` puts them in the encoded tree."""

    def __init__(self, inline: Callable[[Paragraph], list[Inline]],
                 paragraphs: Callable[[Sequence[Paragraph]], list[Inline]],
                 count: Callable[[str], None]) -> None:
        self._inline = inline
        self._paragraphs = paragraphs
        self.count = count

    def lay(self, tree: Node, structures: list[tuple[int, Block]]) -> None:
        """Each block at its offset in the flow; consecutive bulleted paragraphs one list."""
        current: etree._Element | None = None
        indents: list[int] = []  # the indentation of each open level of the current list
        for position, block in structures:
            if isinstance(block, Table):
                current = None
                made = self._numbered_list(block) if _numbered_names(block) else \
                    self._table(block)
            elif block.heading is not None:
                current = None
                made = self._head(block)
            else:
                if current is not None and current.get(HEADING + "-at") == str(position):
                    self._item(current, _nested(block, indents))
                    continue
                indents = []
                made = current = el("list", rend="bulleted")
                self._item(current, _nested(block, indents))
                current.set(HEADING + "-at", str(position))
                self.count("lists")
            insert_block(tree, position, Node.of(made, position))
        for node in tree.children:
            if isinstance(node, Node) and node.frozen is not None:
                if HEADING + "-at" in node.frozen.attrib:
                    del node.frozen.attrib[HEADING + "-at"]

    def _head(self, block: Paragraph) -> etree._Element:
        """A Word heading; its automatic number ("2.", "1.2") is the label and the n of the
        division it opens, as the text reader encodes a typed `2. Economic relations`; a
        number typed at the start of the heading is read the same way."""
        label = block.label
        typed = TYPED_NUMBER.match(block.text) if not label else None
        if typed is not None:  # typed in the heading: as the text reader's typed number
            label, block = typed.group(1), drop_start(block, typed.end())
        if not label or not re.search(r"\w", label):
            made = el("head", self._inline(block))
        else:
            block = dataclasses.replace(block, label=None)
            made = el("head", [el("label", label), " ", *self._inline(block)])
            made.set(HEADING + "-n", label.strip().rstrip(".)").strip() or label.strip())
        made.set(HEADING, str(block.heading))
        if block.page_before:
            made.set(HEADING + "-pb", "")  # `tidy.sections` puts the pb before the head
        return made

    def _item(self, bulleted: etree._Element, block: Paragraph) -> None:
        """An item in the list of its level: a deeper level is a list inside the item
        before it, as Word indents it."""
        target = bulleted
        for _ in range(block.depth):
            items = target.findall("tei:item", NS)
            if not items:
                break
            last = items[-1]
            inner = last[-1] if len(last) and last[-1].tag == tei("list") else None
            target = inner if inner is not None else sub(last, "list", rend="bulleted")
        sub(target, "item", self._inline(block))

    def _numbered_list(self, table: Table) -> etree._Element:
        """A distribution or `Present:` list typed as a table: an item a row, the number
        its n and, as the text export's `1 - Cde. ...`, its first words."""
        self.count("lists")
        made = el("list")
        made.set(TABLE_LIST, "1")  # its announcing line, read as a p, becomes its head (tidy)
        for row in table.rows:
            label = "".join(p.text for p in row[0].paragraphs).strip()  # its characters
            name = self._paragraphs([p for p in row[1].paragraphs if p.text.strip()])
            sub(made, "item", [label, " ", *name], n=label.rstrip(".)"))
        return made

    def _table(self, table: Table) -> etree._Element:
        self.count("tables")
        made = el("table", rows=str(len(table.rows)),
                  cols=str(max((sum(c.cols for c in row) for row in table.rows), default=0)))
        for index, row in enumerate(table.rows):
            attrs = {"role": "label"} if index < table.header_rows else {}
            row_el = sub(made, "row", **attrs)
            for cell in row:
                cell_attrs = {}
                if cell.cols > 1:
                    cell_attrs["cols"] = str(cell.cols)
                if cell.rows > 1:
                    cell_attrs["rows"] = str(cell.rows)
                paragraphs = [p for p in cell.paragraphs if p.text.strip() or p.markers]
                if len(paragraphs) <= 1:
                    sub(row_el, "cell", self._paragraphs(paragraphs), **cell_attrs)
                else:
                    cell_el = sub(row_el, "cell", **cell_attrs)
                    for paragraph in paragraphs:
                        sub(cell_el, "p", self._inline(paragraph))
        return made


LIST_NUMBER = re.compile(r"^\s*(\d{1,2})[.)]?\s*$")


def _numbered_names(table: Table) -> bool:
    """Two columns, the first the numbers 1, 2, 3 ... (`1`, `1.`, `1)`), the second words in
    one paragraph each: a list typed into a table (a table of figures counts no such way)."""
    if len(table.rows) < 2 or table.header_rows:
        return False
    for index, row in enumerate(table.rows, 1):
        if len(row) != 2 or any(c.cols != 1 or c.rows != 1 for c in row):
            return False
        number = LIST_NUMBER.match("".join(p.text for p in row[0].paragraphs))
        names = [p for p in row[1].paragraphs if p.text.strip()]
        if number is None or int(number.group(1)) != index or len(names) != 1 or \
                row[0].paragraphs[0].markers or not re.search(r"[^\W\d_]", names[0].text):
            return False
    return True


def _nested(block: Paragraph, indents: list[int]) -> Paragraph:
    """The item's depth in its list as Word indents it: deeper than the item before it is
    a level down, whether Word says so by `ilvl` or by a list style of its own indented
    further (List Bullet 2); without an indentation, the `ilvl`."""
    if block.indent is None:
        return block
    while indents and block.indent < indents[-1]:
        indents.pop()
    if not indents or block.indent > indents[-1]:
        indents.append(block.indent)
    return dataclasses.replace(block, depth=max(block.depth, len(indents) - 1))


__all__ = ["Structures", "TYPED_NUMBER"]

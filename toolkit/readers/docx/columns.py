"""A table typed with tabs: consecutive paragraphs that set left tab stops of their own, each
cut by the same number of tabs (two or more) into fields that all hold words, are the rows of
a table (a participants' list: name, office, delegation), as the text export's lines of three
columns or more apart by runs of spaces are. A bold first row over rows that are not is the
table's labels. One tab a line (`TO:<tab>Name`), a single line, tabs at Word's default stops,
or a field left empty keep the paragraphs.
"""

from __future__ import annotations

import dataclasses

from toolkit.encoding.brackets import LINE_BREAK, PAGE_BREAK
from toolkit.readers.docx.blocks import Block, Cell, Paragraph, Table


def _fields(block: Block) -> int:
    """How many tabs cut the paragraph into fields of a typed table's row; 0 for none."""
    if not isinstance(block, Paragraph) or not block.left_stops or len(block.tabs) < 2 or \
            block.heading is not None or block.bullet or block.label or block.margin or \
            LINE_BREAK in block.text or PAGE_BREAK in block.text:
        return 0
    tabs = sorted(block.tabs)
    if any(b - a < 2 for a, b in zip(tabs, tabs[1:])) or tabs[-1] >= len(block.text):
        return 0  # tabs in a row push a field across the page: not one column each
    if any(not piece.text.strip() for piece in _cells(block)):
        return 0
    return len(tabs)


def _piece(paragraph: Paragraph, start: int, end: int, last: bool) -> Paragraph:
    spans = [dataclasses.replace(s, start=max(s.start, start) - start,
                                 end=min(s.end, end) - start)
             for s in paragraph.spans if max(s.start, start) < min(s.end, end)]
    markers = [dataclasses.replace(m, offset=m.offset - start) for m in paragraph.markers
               if start <= m.offset < end or last and m.offset == end]
    return dataclasses.replace(paragraph, text=paragraph.text[start:end], spans=spans,
                               markers=markers, tabs=(), left_stops=False)


def _cells(paragraph: Paragraph) -> list[Paragraph]:
    bounds = [-1, *sorted(paragraph.tabs), len(paragraph.text)]
    return [_piece(paragraph, a + 1, b, b == len(paragraph.text))
            for a, b in zip(bounds, bounds[1:])]


def tab_tables(blocks: list[Block]) -> list[Block]:
    """The blocks with each run of typed table rows made one table."""
    out: list[Block] = []
    run: list[Paragraph] = []

    def flush() -> None:
        if len(run) >= 2:
            header = run[0].bold and not all(p.bold for p in run[1:])
            rows = [[Cell([cell]) for cell in _cells(p)] for p in run]
            out.append(Table(rows, run[0].number, 1 if header else 0))
        else:
            out.extend(run)
        run.clear()

    for block in blocks:
        count = _fields(block)
        if count and run and count != len(run[0].tabs):
            flush()
        if count and isinstance(block, Paragraph):
            run.append(block)
            continue
        flush()
        out.append(block)
    flush()
    return out


__all__ = ["tab_tables"]

"""The metadata block of a Word file (bold date and title, bold `Label:` paragraphs, or a
two-column table at the top), rendered as the text export's lines and parsed by the text
reader's own parser, so a Word file and its export give the same teiHeader."""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Callable
from pathlib import Path

from toolkit.encoding.blocks import Block as TextBlock
from toolkit.encoding.header import Field, Metadata
from toolkit.errors import Diagnostic, InputError
from toolkit.readers.base import ReadContext
from toolkit.readers.docx.blocks import Block, Paragraph, Table
from toolkit.readers.docx.paragraphs import has_text, plain
from toolkit.readers.wcda_text import PLAIN_LABEL, parse_metadata_block

SOURCE_FORMAT = "Word document"


def read_metadata(blocks: list[Block], path: str, context: ReadContext,
                  diagnostics: list[Diagnostic], warn: Callable[[str, int | None], None],
                  ) -> tuple[Metadata, list[Block], Field | None]:
    """Render the opening of the document as the text export would, and parse that."""
    text_blocks: list[TextBlock] = []
    where: dict[int, int] = {}  # paragraph number -> index of its block
    unused: list[int] = []  # tables of the opening that give no metadata field
    for index, block in enumerate(blocks):
        if isinstance(block, Table):
            fields = table_fields(block)
            if not fields and has_text(block):
                unused.append(index)
            text_blocks.extend(fields)
            for row in block.rows:
                for cell in row:
                    for paragraph in cell.paragraphs:
                        where[paragraph.number] = index
            where.setdefault(block.number, index)
            continue
        where[block.number] = index
        lines = plain(block.text).split("\n")
        if not block.text.strip():
            continue
        field = PLAIN_LABEL.match(block.text) if not block.bold else None
        if field and field.group("value") and any(
                sp.kind == "hi" and sp.value == "bold" and sp.start <= field.start("label")
                and sp.end >= block.text.index(":", field.end("label")) for sp in block.spans):
            # `Original Language:<tab>Russian`, the bold label and its value on one
            # line: the text export's label line over its value
            text_blocks.append([(block.number, f"**{field.group('label')}:**")])
            text_blocks.append([(block.number, plain(field.group("value")))])
            continue
        if block.bold or block.heading is not None:
            lines[0] = "**" + lines[0].lstrip()
            lines[-1] = lines[-1].rstrip() + "**"
        text_blocks.append([(block.number, line) for line in lines])
    try:
        meta, body_blocks, contents = parse_metadata_block(text_blocks, path,
                                                           diagnostics,
                                                           context.authority)
    except InputError as error:
        # The shared parser speaks of the text export's Markdown; in Word, bold is bold.
        found = error.diagnostic
        raise InputError(found.message.replace("**", ""), found.path, found.line,
                         found.column) from None
    meta = dataclasses.replace(meta, source_name=Path(path).name,
                               source_format=SOURCE_FORMAT)
    if not body_blocks:
        raise InputError("the report has no text after its metadata block", path,
                         text_blocks[-1][-1][0] if text_blocks else 1)
    first = where[body_blocks[0][0][0]]
    for block in blocks[:first]:
        for marker in block.markers if isinstance(block, Paragraph) else ():
            if marker.kind != "comment-start":
                warn(f"a {marker.kind} in the metadata block has no place in the "
                          "teiHeader; dropped", block.number)
    # a table among the metadata that is no metadata table (one column, say, between
    # Contents: and its value) would vanish with the opening: it goes to the text
    kept: list[Block] = []
    for index in unused:
        if index < first:
            table = blocks[index]
            warn("a table inside the metadata block is not a metadata table (two "
                      "columns, label and value); kept at the start of the text", table.number)
            kept.append(table)
    return meta, kept + blocks[first:], contents



def table_fields(table: Table) -> list[TextBlock]:
    """A two-column metadata table as the text export's bold heads and labelled fields."""
    heads: list[TextBlock] = []
    fields: list[TextBlock] = []
    for row in table.rows:
        if len(row) < 2:
            continue
        label = " ".join(plain(p.text) for p in row[0].paragraphs).strip().rstrip(":").strip()
        values = [p for cell in row[1:] for p in cell.paragraphs if p.text.strip()]
        number = row[0].paragraphs[0].number if row[0].paragraphs else table.number
        if not label:
            continue
        if label.lower() in ("date", "title"):
            value = " ".join(plain(p.text) for p in values)
            heads.append([(number, f"**{' '.join(value.split())}**")])
            continue
        fields.append([(number, f"**{label}:**")])
        fields.extend([(p.number, plain(p.text).replace("\n", " "))] for p in values)
    heads.sort(key=lambda b: 0 if re.search(r"\d{4}", b[0][1]) else 1)
    return heads + fields



__all__ = ["SOURCE_FORMAT", "read_metadata", "table_fields"]

"""Reader for the Wilson Center Digital Archive's text (Markdown-like) export.

The format: a date line and a title in bold, then `**Label:**` fields (Citation, Summary,
Credits, Original Language, Contents, and others), then the body after the Contents value.
This module only finds those pieces and their line numbers; what they become is decided in
`toolkit.encoding`.
"""

from __future__ import annotations

import re
from pathlib import Path

from lxml import etree

from toolkit.encoding import dates
from toolkit.encoding.blocks import Block, block_text, source_block, split_blocks
from toolkit.encoding.body import BodyEncoder
from toolkit.encoding.citations import declare_citations
from toolkit.encoding.header import CONTENTS_ITEM, Field, Metadata, build_header, text_kind
from toolkit.errors import Diagnostic, InputError, Severity
from toolkit.readers.base import Conversion, ReadContext
from toolkit.safe_xml import check_xml_characters, decode_utf8
from toolkit.tei import el, sub

BOLD = re.compile(r"^\*\*(?P<content>.+?)\*\*\s*$", re.DOTALL)


class WcdaTextReader:
    name = "wcda-text"
    extensions: tuple[str, ...] = (".txt", ".md", ".markdown")
    description = "Wilson Center Digital Archive text/Markdown export"

    def read(self, data: bytes, path: str, context: ReadContext) -> Conversion:
        text = decode_utf8(data, path).replace("\r\n", "\n").replace("\r", "\n")
        if not text.strip():
            raise InputError("the file is empty", path, 1)
        check_xml_characters(text, path)
        diagnostics: list[Diagnostic] = []
        names_before = context.tagger.count
        blocks = split_blocks(text, path, diagnostics)
        meta, body_blocks, contents = parse_metadata_block(blocks, path, diagnostics)
        if not body_blocks:
            raise InputError("the report has no text after its metadata block", path,
                             blocks[-1][-1][0])

        header = build_header(meta, context.tagger, path, diagnostics, context.document_id,
                              context.change_date)
        div_type, lang = contents_language(contents, meta, path, diagnostics)
        when = dates.parse_date(meta.date)
        body_encoder = BodyEncoder(context.tagger, path, diagnostics,
                                   document_date=when.when if when else None)
        div = body_encoder.encode([source_block(b) for b in body_blocks], div_type)

        root = el("TEI", xml_lang="en")
        root.append(header.header)
        text_el = sub(root, "text", xml_lang=lang)
        body = sub(text_el, "body")
        body.append(div)
        if body_encoder.back:
            sub(text_el, "back").extend(body_encoder.back)
        declare_citations(root)
        stats = dict(body_encoder.stats)
        stats["names"] = context.tagger.count - names_before
        return Conversion(etree.ElementTree(root), header.number, tuple(diagnostics), stats)


# -- the metadata block (shared: the DOCX reader renders its opening as this format) ------------
def parse_metadata_block(blocks: list[Block], path: str, diagnostics: list[Diagnostic]
                         ) -> tuple[Metadata, list[Block], Field | None]:
    """The date, title and fields before the body; the body's blocks; the Contents field.
    Missing or garbled pieces are InputErrors naming the line; oddities are warnings."""
    index = 0
    heads: list[Block] = []
    while index < len(blocks):
        match = BOLD.match("\n".join(line for _, line in blocks[index]).strip())
        if not match or match.group("content").rstrip().endswith(":"):
            break
        heads.append(blocks[index])
        index += 1
    if not heads:
        first = blocks[0][0][0]
        raise InputError("no metadata block: the report should open with its date and title "
                         "in bold (**January 8, 1965**)", path, first)
    date_text = title_text = None
    date_line = title_line = heads[0][0][0]
    title_parts: list[str] = []
    for block in heads:
        content = BOLD.match("\n".join(line for _, line in block).strip())
        assert content
        value = " ".join(content.group("content").split())
        if not value:
            continue  # "** **": nothing to keep, and an empty title is no title
        if date_text is None and (dates.parse_date(value) or dates.undated(value)):
            date_text, date_line = value, block[0][0]
        else:
            if not title_parts:
                title_line = block[0][0]
            title_parts.append(value)
    if title_parts:
        title_text = " ".join(title_parts)
    if date_text is None:
        date_text, date_line, title_parts = undated_date_line(heads, title_parts, path,
                                                              diagnostics)
    if title_text is None:
        raise InputError("the metadata block has no title (a bold line after the date)",
                         path, date_line)

    fields: list[Field] = []
    label: str | None = None
    label_line = 0
    values: list[Block] = []
    body: list[Block] = []
    contents: Field | None = None
    while index < len(blocks):
        block = blocks[index]
        match = BOLD.match("\n".join(line for _, line in block).strip())
        if match and match.group("content").rstrip().endswith(":"):
            if label is not None:
                fields.append(Field(label, tuple(block_text(b) for b in values), label_line))
            label = match.group("content").rstrip()[:-1].strip()
            label_line = block[0][0]
            values = []
            index += 1
            if label.lower() == "contents":
                items: list[Block] = []
                while index < len(blocks) and CONTENTS_ITEM.match(block_text(blocks[index])):
                    items.append(blocks[index])
                    index += 1
                contents = Field(label, tuple(block_text(b) for b in items), label_line)
                fields.append(contents)
                label = None
                body = blocks[index:]
                break
            continue
        if label is None:
            raise InputError("unexpected text in the metadata block (expected a bold "
                             "**Label:** line)", path, block[0][0])
        values.append(block)
        index += 1
    else:
        if label is not None and values:
            # No Contents field: the last field's first paragraph is its value.
            fields.append(Field(label, (block_text(values[0]),), label_line))
            body = values[1:]
            diagnostics.append(Diagnostic(
                Severity.WARNING, "no **Contents:** field; the text is taken to start after "
                f"the first paragraph of **{label}:**", path, label_line))
    if not fields:
        raise InputError("the metadata block has no fields (**Citation:**, **Summary:** ...)",
                         path, title_line)
    for item in fields:
        if not item.paragraphs and item is not contents:
            diagnostics.append(Diagnostic(Severity.WARNING, f"field {item.label!r} is empty",
                                          path, item.line))
    meta = Metadata(title_text, title_line, date_text, date_line, tuple(fields),
                    Path(path).name, "Wilson Center Digital Archive text export")
    return meta, body, contents

def undated_date_line(heads: list[Block], title_parts: list[str], path: str,
                      diagnostics: list[Diagnostic]) -> tuple[str, int, list[str]]:
    """No bold line reads as a date. A first line of a form the dates stage does not know,
    before the title, is the date line, kept as written (the header warns that it has no
    @when); with the title alone the document is undated. Never a refusal: a report is
    converted whatever its date says (issue #10)."""
    line = heads[0][0][0]
    if len(title_parts) > 1:
        return title_parts[0], line, title_parts[1:]
    diagnostics.append(Diagnostic(Severity.WARNING, "the metadata block has no date line (a "
                                  "bold date such as **January 8, 1965**); the document is "
                                  "taken as undated", path, line))
    return "", line, title_parts


def contents_language(contents: Field | None, meta: Metadata, path: str,
                      diagnostics: list[Diagnostic]) -> tuple[str, str]:
    """The body's div type and language from the Contents field ("Translation - English") and
    the Original Language (an English original is not a translation); what was decided by a
    fallback is reported here, once per document."""
    div_type, lang, found = text_kind(meta, path)
    diagnostics.extend(found)
    return div_type, lang

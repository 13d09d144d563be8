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

from toolkit.encoding import dates, kept
from toolkit.encoding.blocks import Block, block_text, source_block, split_blocks
from toolkit.encoding.body import BodyEncoder
from toolkit.encoding.citations import declare_citations
from toolkit.encoding.header import CONTENTS_ITEM, Field, Metadata, build_header, text_kind
from toolkit.errors import Diagnostic, InputError, Severity, review
from toolkit.readers.base import Conversion, ReadContext
from toolkit.safe_xml import check_xml_characters, decode_utf8
from toolkit.tei import el, sub

BOLD = re.compile(r"^\*\*(?P<content>.+?)\*\*\s*$", re.DOTALL)
# The export's field labels. Without its bold (a copy of the page as plain text, a Word file
# typed by hand) a line that is one of these, alone or before its value, is still the label.
LABELS = ("Citation", "Summary", "Credits", "Original Language", "Contents", "Record ID",
          "Original Archive", "Associated People & Organizations", "Associated Places",
          "Associated Topics", "Keywords")
PLAIN_LABEL = re.compile(r"^\s*(?P<label>" + "|".join(re.escape(label) for label in LABELS)
                         + r")\s*:\s*(?P<value>.*?)\s*$", re.I)
HEAD_LINES = 4  # at most so many blocks (date, a title over three lines) before the first label


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
        meta, body_blocks, contents = parse_metadata_block(blocks, path, diagnostics,
                                                           context.authority)
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
        diagnostics.extend(kept.lost_words(body_blocks, text_el, path))
        stats = dict(body_encoder.stats)
        stats["names"] = context.tagger.count - names_before
        return Conversion(etree.ElementTree(root), header.number, tuple(diagnostics), stats)


# -- the metadata block (shared: the DOCX reader renders its opening as this format) ------------
def parse_metadata_block(blocks: list[Block], path: str, diagnostics: list[Diagnostic],
                         authority: str | None = None
                         ) -> tuple[Metadata, list[Block], Field | None]:
    """The date, title and fields before the body; the body's blocks; the Contents field.
    Missing or garbled pieces are InputErrors naming the line; oddities are warnings. A text
    with no metadata block at all is converted as it stands when `authority` (who makes it
    available) is given: see `headerless`."""
    blocks = plain_labels(blocks, path, diagnostics)
    index = 0
    heads: list[Block] = []
    while index < len(blocks):
        match = BOLD.match("\n".join(line for _, line in blocks[index]).strip())
        if not match or match.group("content").rstrip().endswith(":"):
            break
        heads.append(blocks[index])
        index += 1
    if not heads and authority is not None:
        return headerless(blocks, path, diagnostics, authority), blocks, None
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

# What a document calls itself in its first lines: the title of a text without a metadata block.
DOCUMENT_KIND = re.compile(
    r"^\s*(?:(?:top\s+)?secret\s+|urgent\s+|confidential\s+)*(?:(?:brief|short|informal|"
    r"draft|official)\s+)?(?:note|notes|report|memorandum|memo|record|minutes|telegram|cable|"
    r"cipher(?:ed)? telegram|letter|protocol|information|conversation|transcript|journal|diary|"
    r"decree|resolution|statement|speech|instruction|directive|communiqu[eé]|summary|"
    r"proposal|message|circular|aide[- ]m[eé]moire|verbal note|note verbale)\b", re.I)
TITLE_MAX = 200
HEADLESS_FORMAT = "plain text without the archive's metadata block"


def headerless(blocks: list[Block], path: str, diagnostics: list[Diagnostic],
               authority: str) -> Metadata:
    """The metadata of a text with no metadata block (a translator's plain text or Word
    file): its title is the first line that names the kind of document (`Note on a
    conversation ...`), else its first short line, else the file's name; its date the first
    date written out in its opening or closing lines. Nothing is taken out of the text: the
    header holds copies. Each choice is a review entry; the document is not refused."""
    opening = blocks[:8]
    lines = [(n, " ".join(line.split())) for block in opening if len(block) == 1
             for n, line in block]
    title = next(((n, t) for n, t in lines if len(t) <= TITLE_MAX and DOCUMENT_KIND.match(t)),
                 None) or next(((n, t) for n, t in lines if len(t) <= 120
                                and not t.endswith((".", ",", ";")) and not dates.parse_date(t)),
                               None)
    title_line, title_text = title or (blocks[0][0][0], f"Untitled: {Path(path).name}")
    date_text, date_line = "", title_line
    candidates = [(title_line, title_text)] + [
        (n, line) for block in blocks[:10] + blocks[-6:] for n, line in block]
    for number, line in candidates:
        found = dates.DATE_IN_TEXT.search(line)
        if found and dates.parse_date(found.group(0)):
            date_text, date_line = found.group(0), number
            break
    said = f"the title from line {title_line}" if title else "the file name as its title"
    when = f"the date {date_text!r} from line {date_line}" if date_text else "no date (undated)"
    diagnostics.append(review(
        "header", f"no metadata block (the archive's date, title and Citation:, Summary: ... "
        f"fields): converted as a plain text with {said} and {when}; the header names no "
        "archive, translator or source citation", path, blocks[0][0][0]))
    return Metadata(title_text, title_line, date_text, date_line, (), Path(path).name,
                    HEADLESS_FORMAT, authority)


def plain_labels(blocks: list[Block], path: str, diagnostics: list[Diagnostic]) -> list[Block]:
    """The metadata block as the parser reads it, bold: a plain-text copy of the export (no
    `**`) has its date and title as the lines before the first label and its labels as lines
    `Citation:` or `Original Language: Hungarian`. Only the export's own labels count, and
    only up to the Contents field's items, so no line of the body is ever read as a field;
    a bold block is left as it is. The change is a review entry: the block was read by its
    labels, not by its markup."""
    first = next((i for i, b in enumerate(blocks[:HEAD_LINES + 1])
                  if len(b) == 1 and PLAIN_LABEL.match(b[0][1])), None)
    if first is None:  # the bold form (or no metadata block): labels only where bold is lost
        if not blocks or not BOLD.match("\n".join(line for _, line in blocks[0]).strip()):
            return blocks
        first = 0
    end = next((i for i, b in enumerate(blocks) if i >= first and _contents_label(b)), None)
    if end is None:  # no Contents: the body's start is unknown, only the first label is read
        end = first
    out: list[Block] = []
    changed = 0
    for block in blocks[:first]:  # the date and the title
        text = "\n".join(line for _, line in block).strip()
        if BOLD.match(text) or not text:
            out.append(block)
        else:
            out.append(_bolded(block))
            changed += 1
    index = first
    while index <= end:
        block = blocks[index]
        index += 1
        match = PLAIN_LABEL.match(block[0][1]) if len(block) == 1 else None
        if match is None:
            out.append(block)
            continue
        number = block[0][0]
        out.append([(number, f"**{match.group('label')}:**")])
        if match.group("value"):
            out.append([(number, match.group("value"))])
        changed += 1
    out.extend(blocks[index:])
    if changed:
        diagnostics.append(review(
            "header", f"the metadata block is not in bold (a plain-text copy of the export): "
            f"{changed} line(s) read as its date, title and labels", path, blocks[0][0][0]))
    return out


def _contents_label(block: Block) -> bool:
    """A Contents label, bold or plain: the last field of the metadata block."""
    if len(block) != 1:
        return False
    text = block[0][1].strip()
    bold = BOLD.match(text)
    match = PLAIN_LABEL.match(bold.group("content") if bold else text)
    return match is not None and match.group("label").lower() == "contents"


def _bolded(block: Block) -> Block:
    lines = list(block)
    lines[0] = (lines[0][0], "**" + lines[0][1].lstrip())
    lines[-1] = (lines[-1][0], lines[-1][1].rstrip() + "**")
    return lines


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

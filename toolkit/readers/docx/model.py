"""WordprocessingML read into plain paragraphs that remember what Word put on their text
(the walker; the paragraphs and tables it builds are `blocks.py`, the running heads
`running.py`).

Each paragraph becomes a string (what the encoder's rules read) with spans (formatting,
tracked changes, hyperlinks) and markers (footnote, endnote and comment references) at
offsets in that string. Styles are resolved so that a paragraph's boldness and heading level
are those Word shows (`styles.py`); an automatic "1)" is text like a typed one.
Formatting with no TEI meaning (fonts, colours, sizes, spacing) is not read at all.
"""

from __future__ import annotations

import copy
import dataclasses
import re
from collections.abc import Callable
from dataclasses import dataclass, field

from lxml import etree

from toolkit.encoding.brackets import LINE_BREAK, PAGE_BREAK
from toolkit.readers.docx.blocks import Block, Cell, Comment, Marker, Paragraph, Revision, Span, \
    Table
from toolkit.readers.docx.languages import choose
from toolkit.readers.docx.margins import drawing_beside, frame_beside
from toolkit.readers.docx.package import R_NS, W_NS, Package, w
from toolkit.readers.docx.styles import Lang, Numbering, Props, Styles, field_tabs, \
    format_number, left_stops, merge_lang, num_pr, on_attr, run_lang, run_props
from toolkit.readers.docx.symbols import symbol_char
from toolkit.urls import safe_url

MC_NS = "http://schemas.openxmlformats.org/markup-compatibility/2006"
M_NS = "http://schemas.openxmlformats.org/officeDocument/2006/math"
HI_PROPERTIES = ("bold", "italic", "underline", "superscript", "subscript", "strikethrough",
                 "smallcaps", "letter-spaced")
SUPERSCRIPT_DIGITS = str.maketrans("0123456789", "⁰¹²³⁴⁵⁶⁷⁸⁹")
# fields whose result Word recomputes when it opens or prints the file: not the document's words
VOLATILE_FIELDS = {"DATE", "TIME", "PAGE", "NUMPAGES", "SECTIONPAGES", "PRINTDATE", "SAVEDATE",
                   "EDITTIME", "FILENAME", "USERNAME"}
DRIVE_PATH = re.compile(r"(?:^|[/\\])[A-Za-z]:[/\\]|\\")  # C:/..., a Windows path
SKIPPED = {"pPr", "rPr", "bookmarkStart", "bookmarkEnd", "proofErr", "permStart", "permEnd",
           "lastRenderedPageBreak", "commentRangeEnd", "sectPr", "tblPr", "tblGrid", "trPr",
           "tcPr", "moveFromRangeStart", "moveFromRangeEnd", "moveToRangeStart",
           "moveToRangeEnd", "customXmlInsRangeStart", "customXmlInsRangeEnd",
           "customXmlDelRangeStart", "customXmlDelRangeEnd", "rPrChange", "pPrChange",
           "annotationRef", "footnoteRef", "endnoteRef", "separator", "continuationSeparator",
           "noProof", "tblPrEx", "sdtPr", "sdtEndPr"}
TRANSPARENT = {"smartTag", "customXml", "sdt", "sdtContent", "dir", "bdo"}


@dataclass
class _Field:
    paragraph: int  # where it began: a field's result may run over several paragraphs
    instruction: str = ""
    in_result: bool = False
    start: int = 0

    @property
    def generated(self) -> bool:
        """A table of contents or an index: Word's copy of the document's own words."""
        return self.instruction.split()[:1] in (["TOC"], ["INDEX"])


class _ParagraphBuilder:
    def __init__(self, number: int, fields: list[_Field]) -> None:
        self.parts: list[str] = []
        self.length = 0
        self.number = number
        self.spans: list[Span] = []
        self.markers: list[Marker] = []
        self.open: dict[str, int] = {}
        self.all_bold = True
        self.any_text = False
        self.fields = fields  # the walker's: open fields carry over to the next paragraph
        self.custom_mark: Marker | None = None
        self.in_link = False  # a link's underline is how Word draws links, not emphasis
        self.field_tabs = False  # its tabs go to right or centre stops: they separate fields
        self.tabs: list[int] = []  # offsets of the tabs read as spaces (default or left stops)
        self.generated: bool | None = None  # all its words are a table of contents's
        self.style_lang: Lang = (None, None, None)  # w:lang of the defaults and its style
        self.lang: tuple[str, int, int] | None = None  # the open language: start, end

    def language(self, value: str | None, text: str) -> None:
        """Runs in one language (w:lang) as one span; text without letters (spaces,
        figures, punctuation) neither opens nor closes one."""
        if not re.search(r"[^\W\d_]", text):
            return
        if self.lang is not None and self.lang[0] != value:
            self.spans.append(Span(self.lang[1], self.lang[2], "lang", self.lang[0]))
            self.lang = None
        if value is not None:
            start = self.lang[1] if self.lang is not None else self.length
            self.lang = (value, start, self.length + len(text))

    def add(self, text: str, marked: Props, bold: bool, neutral: bool = False,
            lang: str | None = None) -> None:
        """Append text; `neutral` text (a break) neither opens nor closes formatting."""
        if not text:
            return
        if any(f.in_result is False for f in self.fields):
            return  # a field instruction, not text
        if not neutral:
            self.language(lang, text)
        generated = any(f.generated for f in self.fields)
        for prop in () if neutral else HI_PROPERTIES:
            if marked.get(prop) and prop not in self.open:
                self.open[prop] = self.length
            elif not marked.get(prop) and prop in self.open:
                self.close(prop)
        if re.search(r"\w", text):  # a colon or space outside the bold does not count
            self.any_text = True
            self.all_bold = self.all_bold and bold
            self.generated = (generated if self.generated is None else
                              self.generated and generated)
        self.parts.append(text)
        self.length += len(text)

    def close(self, prop: str) -> None:
        start = self.open.pop(prop)
        self.spans.append(Span(start, self.length, "hi", prop))

    def finish(self) -> Paragraph:
        for prop in list(self.open):
            self.close(prop)
        self.language(None, "x")
        text = _tab_runs("".join(self.parts), self.tabs)
        spans = [s for s in (_trim(text, s) for s in self.spans) if s is not None]
        return Paragraph(text, self.number, spans, self.markers,
                         self.any_text and self.all_bold, generated=bool(self.generated))


def _bordered(ppr: etree._Element | None) -> bool:
    """A top or bottom border on the paragraph (Format > Borders, or Word's AutoFormat of a
    typed `___` line): on an empty paragraph, a horizontal rule."""
    borders = ppr.find(w("pBdr")) if ppr is not None else None
    return borders is not None and any(
        (edge.get(w("val")) or "none") not in ("none", "nil")
        for edge in (borders.find(w("top")), borders.find(w("bottom"))) if edge is not None)


def _tab_runs(text: str, tabs: list[int]) -> str:
    """Two or more tabs in a row at default or left stops push what follows across the
    page (`Office<tab><tab><tab>Berlin, 9 May 1958`): they separate two fields, as a run of
    spaces does; a single one aligns a label's value (`TO:<tab>Name`) and is a space."""
    chars = list(text)
    at = set(tabs)
    for offset in tabs:
        if offset + 1 in at or offset - 1 in at:
            chars[offset] = "\t"
    return "".join(chars)


def _trim(text: str, span: Span) -> Span | None:
    """Formatting of the spaces around a word has no meaning; a span of only spaces none."""
    start, end = span.start, span.end
    if span.kind == "hi":
        while start < end and text[start].isspace():
            start += 1
        while end > start and text[end - 1].isspace():
            end -= 1
    return Span(start, end, span.kind, span.value) if end > start else None


Warn = Callable[[str, int], None]


class DocumentWalker:
    """Reads the body, notes and comments of a package into paragraphs and tables."""

    def __init__(self, package: Package, links: dict[str, str], warn: Warn) -> None:
        self.package = package
        self.links = links
        self.warn = warn
        part = package.document_part
        self.styles = Styles(_optional(package, part, "styles"))
        self.numbering = Numbering(_optional(package, part, "numbering"))
        self.revisions: dict[str, Revision] = {}
        self.count = 0
        self.warned: set[str] = set()
        self.part_links = links
        self.note_formats: dict[str, tuple[str, int]] = {}
        self.fields: list[_Field] = []  # complex fields open at this point of the part
        self.boxes: list[Block] = []  # text boxes of the paragraph being read
        self.alternate: etree._Element | None = None  # the mc:AlternateContent being read
        self.frames = 0  # frames and text boxes beside the text met so far
        self.last_frame: tuple[tuple[tuple[str, str], ...], int] | None = None
        self.page_pending = False  # the last paragraph ended with a page break
        self.section_starts: list[bool] = []  # whether each next section starts a new page

    # -- blocks ------------------------------------------------------------------------------
    def body(self) -> list[Block]:
        root = self.package.part(self.package.document_part)
        assert root is not None
        body = root.find(w("body"))
        if body is None:
            return []
        sections = [s for s in body.iter(w("sectPr")) if s.getparent() is None or
                    s.getparent().tag != w("sectPrChange")]  # type: ignore[union-attr]
        self.section_starts = [_new_page(s) for s in sections[1:]]
        return self.part_blocks(body)

    def part_blocks(self, container: etree._Element) -> list[Block]:
        """The blocks of a part (the body, a note, a comment), without Word's table of
        contents, which only repeats the headings; kept if its field never closes."""
        self.fields.clear()
        self.page_pending = False
        blocks = self.blocks(container)
        unclosed = bool(self.fields)
        self.fields.clear()
        if unclosed:
            for block in blocks:
                if isinstance(block, Paragraph):
                    block.generated = False
            return blocks
        return [b for b in blocks if not (isinstance(b, Paragraph) and b.generated)]

    def blocks(self, container: etree._Element) -> list[Block]:
        out: list[Block] = []
        for child in container:
            if not isinstance(child.tag, str):
                continue
            name = etree.QName(child).localname
            if child.tag == w("p"):
                saved, self.boxes = self.boxes, []
                paragraph = self.paragraph(child)
                out.extend(self.boxes)
                self.boxes = saved
                out.append(paragraph)
            elif child.tag == w("tbl"):
                out.append(self.table(child))
            elif name == "sdt" and _gallery(child).startswith("Table of Contents"):
                self._once("generated", "Word's table of contents is not converted: the "
                           "headings it repeats are", self.count + 1)
            elif name == "sdt" and self._placeholder(child, self.count + 1):
                continue
            elif name in TRANSPARENT:
                out.extend(self.blocks(child))
            elif name in SKIPPED:
                continue
            else:
                self._unknown(child, self.count + 1)
                text = _text(child).strip()
                if text:
                    self.count += 1
                    out.append(Paragraph(text, self.count))
        return out

    def table(self, node: etree._Element) -> Table:
        rows: list[list[Cell]] = []
        first = self.count + 1
        header_rows = 0
        pending: dict[int, Cell] = {}  # grid column -> the cell a vertical merge continues
        for tr in node.iter(w("tr")):
            if tr.getparent() is not node and not _own_row(tr, node):
                continue
            trpr = tr.find(w("trPr"))
            if trpr is not None and trpr.find(w("tblHeader")) is not None and len(rows) == header_rows:
                header_rows += 1
            row: list[Cell] = []
            column = 0
            for tc in tr.findall(w("tc")):
                tcpr = tc.find(w("tcPr"))
                span_node = tcpr.find(w("gridSpan")) if tcpr is not None else None
                cols = int(span_node.get(w("val")) or 1) if span_node is not None and \
                    (span_node.get(w("val")) or "").isdigit() else 1
                merge = tcpr.find(w("vMerge")) if tcpr is not None else None
                blocks = self.blocks(tc)
                paragraphs = self._flatten(blocks)
                if merge is not None and (merge.get(w("val")) or "continue") == "continue" \
                        and column in pending:
                    pending[column].rows += 1
                    pending[column].paragraphs.extend(p for p in paragraphs if p.text.strip())
                else:
                    cell = Cell(paragraphs, cols)
                    row.append(cell)
                    if merge is not None:
                        pending[column] = cell
                    else:
                        pending.pop(column, None)
                column += cols
            rows.append(row)
        return Table(rows, first, header_rows)

    def _flatten(self, blocks: list[Block]) -> list[Paragraph]:
        out: list[Paragraph] = []
        for block in blocks:
            if isinstance(block, Paragraph):
                out.append(block)
            else:
                self.warn("a table inside a table cell is flattened into the cell's paragraphs",
                          block.number)
                for row in block.rows:
                    for cell in row:
                        out.extend(cell.paragraphs)
        return out

    # -- a paragraph --------------------------------------------------------------------------
    def paragraph(self, node: etree._Element) -> Paragraph:
        self.count += 1
        builder = _ParagraphBuilder(self.count, self.fields)
        ppr = node.find(w("pPr"))
        style_node = ppr.find(w("pStyle")) if ppr is not None else None
        style = style_node.get(w("val")) if style_node is not None else self.styles.default_paragraph
        paragraph_props = {**self.styles.defaults, **self.styles.props(style)}
        builder.field_tabs = field_tabs(ppr) or self.styles.field_tabs(style)
        builder.style_lang = merge_lang(self.styles.default_lang, self.styles.lang(style))
        self._content(node, builder, paragraph_props)
        if any(not f.in_result for f in self.fields):  # an instruction never ends a paragraph
            self.warn("a Word field is not closed in its paragraph; its code is dropped",
                      self.count)
            self.fields[:] = [f for f in self.fields if f.in_result]
        paragraph = builder.finish()
        paragraph.left_stops = left_stops(ppr)
        paragraph.tabs = tuple(builder.tabs)
        paragraph.rule = not paragraph.text.strip() and _bordered(ppr)
        self._frame(paragraph, ppr.find(w("framePr")) if ppr is not None else None)
        self._page_breaks(paragraph, ppr)
        outline = ppr.find(w("outlineLvl")) if ppr is not None else None
        level = int(outline.get(w("val")) or 9) if outline is not None and \
            (outline.get(w("val")) or "").isdigit() else self.styles.outline(style)
        paragraph.heading = level + 1 if level is not None and level < 9 else None
        paragraph.titled = any(s.name.lower() == "title" for s in self.styles.chain(style)) \
            and outline is None
        paragraph.subtitle = any(s.name.lower() == "subtitle" for s in self.styles.chain(style))
        numbering = num_pr(ppr) or self.styles.numbering(style)
        if numbering is not None and paragraph.text.strip():
            paragraph.label, paragraph.bullet = self.numbering.label(*numbering)
            paragraph.depth = numbering[1]
            direct = ppr.find(w("ind")) if ppr is not None else None
            left = (direct.get(w("left")) or direct.get(w("start")) or "") \
                if direct is not None else ""
            paragraph.indent = int(left) if left.lstrip("-").isdigit() else \
                self.numbering.indent(*numbering)
        return paragraph

    def _frame(self, paragraph: Paragraph, frame: etree._Element | None) -> None:
        """A paragraph in a frame beside the text; consecutive paragraphs with the same
        frame properties are one frame, as Word draws them."""
        if not frame_beside(frame):
            self.last_frame = None
            return
        assert frame is not None
        key = tuple(sorted((str(k), str(v)) for k, v in frame.attrib.items()))
        if self.last_frame is None or self.last_frame[0] != key:
            self.frames += 1
            self.last_frame = (key, self.frames)
        paragraph.margin = self.last_frame[1]

    def _page_breaks(self, paragraph: Paragraph, ppr: etree._Element | None) -> None:
        """A page break that ends a paragraph (LibreOffice writes 'page break before' so),
        Word's 'page break before' and a section break to a new page belong before the
        paragraph the new page begins with. A section's properties stand in its last paragraph
        and say how that section starts: the next one's say whether a page ends here."""
        before = ppr.find(w("pageBreakBefore")) if ppr is not None else None
        paragraph.page_before = self.page_pending or (before is not None and
                                                      on_attr(before.get(w("val")) or "1"))
        text = paragraph.text.rstrip(" \t")
        ends = text.endswith(PAGE_BREAK)
        section = ppr.find(w("sectPr")) if ppr is not None else None
        self.page_pending = ends or section is not None and bool(self.section_starts) and \
            self.section_starts.pop(0)
        if ends:
            paragraph.text = text[:-1]
            end = len(paragraph.text)
            paragraph.spans = [dataclasses.replace(s, end=min(s.end, end))
                               for s in paragraph.spans if s.start < end]
            paragraph.markers = [dataclasses.replace(m, offset=min(m.offset, end))
                                 for m in paragraph.markers]

    def _content(self, node: etree._Element, builder: _ParagraphBuilder, base: Props,
                 ) -> None:
        for child in node:
            if not isinstance(child.tag, str):
                continue
            qname = etree.QName(child)
            name = qname.localname
            if qname.namespace == MC_NS:
                self._alternate(child, builder, base)
                continue
            if qname.namespace == M_NS:
                self._math(child, builder, base)
                continue
            if name == "r":
                self._run(child, builder, base)
            elif name == "hyperlink":
                start = builder.length
                builder.in_link = True
                self._content(child, builder, base)
                builder.in_link = False
                rel = child.get(f"{{{R_NS}}}id")
                target = self.part_links.get(rel or "")
                if target:
                    self._link(target, start, builder)
                elif child.get(w("anchor")) and not any(f.generated for f in builder.fields):
                    self._once("internal-link", "a link to a place inside the Word file is kept "
                               "as text", builder.number)
            elif name in ("ins", "moveTo", "del", "moveFrom"):
                start = builder.length
                self._content(child, builder, base)
                key = self._revision(child)
                kind = "add" if name in ("ins", "moveTo") else "del"
                if builder.length > start:
                    builder.spans.append(Span(start, builder.length, kind, key))
            elif name == "fldSimple":
                start = builder.length
                self._content(child, builder, base)
                self._field_link(child.get(w("instr")) or "", start, builder)
            elif name == "commentRangeStart":
                builder.markers.append(Marker(builder.length, "comment-start",
                                              child.get(w("id")) or ""))
            elif name == "sdt" and self._placeholder(child, builder.number):
                continue
            elif name in TRANSPARENT:
                self._content(child, builder, base)
            elif name in SKIPPED:
                continue
            else:
                self._unknown(child, builder.number)
                builder.add(_text(child), {}, False)

    def _run(self, run: etree._Element, builder: _ParagraphBuilder, base: Props) -> None:
        rpr = run.find(w("rPr"))
        style_node = rpr.find(w("rStyle")) if rpr is not None else None
        char_style = self.styles.props(style_node.get(w("val")) if style_node is not None else None)
        direct = run_props(rpr)
        marked = {**char_style, **direct}
        lang = merge_lang(builder.style_lang,
                          self.styles.lang(style_node.get(w("val")) if style_node is not None
                                           else None), run_lang(rpr))
        if builder.in_link or builder.fields:
            marked.pop("underline", None)
        bold = {**base, **marked}.get("bold", False)
        for child in run:
            if not isinstance(child.tag, str):
                continue
            qname = etree.QName(child)
            name = qname.localname
            if qname.namespace == MC_NS:
                self._alternate(child, builder, base)
                continue
            if name in ("t", "delText"):
                text = child.text or ""
                if builder.custom_mark is not None:
                    marker = builder.custom_mark
                    builder.markers.append(Marker(marker.offset, marker.kind, marker.key, text))
                    builder.custom_mark = None
                    continue
                if marked.get("superscript") and re.fullmatch(r"\s*\d{1,3}\s*", text):
                    # a note number typed by hand: as the text export has it, so the shared
                    # note rules find it and its text at the end of the document
                    text = text.translate(SUPERSCRIPT_DIGITS)
                    marked = {**marked, "superscript": False}
                builder.add(text, marked, bold, lang=choose(lang, text))
            elif name in ("tab", "ptab"):
                aligned = name == "ptab" and child.get(w("alignment")) in ("right", "center")
                before = builder.length
                builder.add("\t" if builder.field_tabs or aligned else " ", marked, bold)
                if not (builder.field_tabs or aligned) and builder.length > before:
                    builder.tabs.append(before)
            elif name == "br":
                kind = child.get(w("type"))
                builder.add(PAGE_BREAK if kind == "page" else " " if kind == "column"
                            else LINE_BREAK, {}, bold, neutral=True)
            elif name == "cr":
                builder.add(LINE_BREAK, {}, bold, neutral=True)
            elif name == "noBreakHyphen":
                builder.add("-", marked, bold)
            elif name == "softHyphen":
                continue
            elif name == "sym":
                font = child.get(w("font")) or ""
                char, known = symbol_char(font, child.get(w("char")) or "")
                if not known:
                    self._once(f"sym-{font}", f"a {font or 'symbol'} font character is kept as "
                               "the character of its code, which may not be the glyph Word "
                               "shows", builder.number)
                builder.add(char, marked, bold, lang=choose(lang, char))
            elif name in ("footnoteReference", "endnoteReference", "commentReference"):
                kind = name.replace("Reference", "")
                marker = Marker(builder.length, kind, child.get(w("id")) or "")
                if on_attr(child.get(w("customMarkFollows"))):
                    builder.custom_mark = marker
                else:
                    builder.markers.append(marker)
            elif name == "fldChar":
                self._field_char(child, builder)
            elif name == "instrText":
                if builder.fields:
                    builder.fields[-1].instruction += child.text or ""
            elif name in ("drawing", "pict", "object"):
                self._drawing(child, builder, base)
            elif name in SKIPPED or name == "rStyle":
                continue
            else:
                self._unknown(child, builder.number)
                builder.add(_text(child), marked, bold)

    def _field_char(self, node: etree._Element, builder: _ParagraphBuilder) -> None:
        kind = node.get(w("fldCharType"))
        if kind == "begin":
            builder.fields.append(_Field(builder.number))
        elif kind == "separate" and builder.fields:
            field = builder.fields[-1]
            field.in_result = True
            field.start = builder.length if field.paragraph == builder.number else 0
            if field.generated:
                self._once("generated", f"Word's {field.instruction.split()[0]} field (a table "
                           "of contents or index made from the document's headings) is not "
                           "converted: the headings it repeats are", builder.number)
        elif kind == "end" and builder.fields:
            done = builder.fields.pop()
            if done.in_result and done.paragraph == builder.number:
                self._field_link(done.instruction, done.start, builder)

    def _field_link(self, instruction: str, start: int, builder: _ParagraphBuilder) -> None:
        code = (instruction.split() or [""])[0].upper()
        if code in VOLATILE_FIELDS and builder.length > start and \
                not any(f.generated for f in builder.fields):
            shown = "".join(builder.parts)[start - builder.length:] if start < builder.length \
                else ""
            self._once(f"field-{code}", f"Word's {code} field is kept as the result Word last "
                       f"showed ({' '.join(shown.split())!r}); Word recomputes it when it opens "
                       "or prints the file, so it is no statement of the document", builder.number)
        match = re.match(r'\s*HYPERLINK\s+"([^"]+)"', instruction)
        if match:
            self._link(match.group(1), start, builder)

    def _link(self, target: str, start: int, builder: _ParagraphBuilder) -> None:
        """A link over the text since `start`, if its address may be one (toolkit.urls):
        a javascript: or data: address in a Word file is an attack on the edition's readers."""
        if builder.length <= start:
            return
        url = safe_url(target)
        if url is not None and DRIVE_PATH.search(url):
            self.warn(f"a link to {' '.join(target.split())[:80]!r} points to a file on the "
                      "translator's computer; its text is kept, the link is dropped",
                      builder.number)
            return
        if url is None or re.search(r"\s", url):  # a space: no address, and no one pointer
            shown = " ".join(target.split())[:80]
            self.warn(f"a link to {shown!r} is not a web or mail address (one that could run "
                      "code in a reader's browser, or a malformed one); its text is kept, the "
                      "link is dropped", builder.number)
            return
        builder.spans.append(Span(start, builder.length, "ref", url))

    def _alternate(self, node: etree._Element, builder: _ParagraphBuilder, base: Props) -> None:
        """mc:AlternateContent: the Fallback is what a consumer without extensions shows."""
        fallback = node.find(f"{{{MC_NS}}}Fallback")
        chosen = fallback if fallback is not None else node.find(f"{{{MC_NS}}}Choice")
        if chosen is None:
            return
        saved, self.alternate = self.alternate, node  # its Choice may say where a box stands
        if any(child.tag == w("r") for child in chosen):
            self._content(chosen, builder, base)
        else:
            run = etree.Element(w("r"))
            run.extend(copy.deepcopy(child) for child in chosen if isinstance(child.tag, str))
            self._run(run, builder, base)
        self.alternate = saved

    def _drawing(self, node: etree._Element, builder: _ParagraphBuilder, base: Props) -> None:
        """A text box's paragraphs are paragraphs of their own, read before the one that
        anchors the box (a stamp, a heading in a frame): never run into its sentence."""
        boxes = [box for box in node.iter(w("txbxContent")) if _outermost(box, node)]
        saved, self.boxes = self.boxes, []
        made = [block for box in boxes for block in self.blocks(box)]
        if drawing_beside(node) or self.alternate is not None and drawing_beside(self.alternate):
            self.frames += 1
            for block in made:
                if isinstance(block, Paragraph):
                    block.margin = self.frames
        self.boxes = saved + made
        if any(_has_words(block) for block in made):
            self.warn("the text of a text box or shape is kept as paragraphs before the "
                      "paragraph it is anchored in", builder.number)
        else:
            described = [d.get("descr") or d.get("title") or "" for d in node.iter()
                         if isinstance(d.tag, str) and etree.QName(d).localname == "docPr"]
            about = "; ".join(d for d in described if d.strip())
            self.warn("an image or drawing is not converted (TEI keeps no picture from a "
                      f"Word file){f': {about!r}' if about else ''}", builder.number)

    def _math(self, node: etree._Element, builder: _ParagraphBuilder, base: Props) -> None:
        self.warn("an equation is kept as its plain text", builder.number)
        builder.add("".join(t.text or "" for t in node.iter(f"{{{M_NS}}}t")), {}, False)

    def _revision(self, node: etree._Element) -> str:
        author = node.get(w("author")) or "unknown"
        when = node.get(w("date")) or ""
        key = f"{author}\x00{when}"
        self.revisions.setdefault(key, Revision(author, when))
        return key

    def _placeholder(self, sdt: etree._Element, number: int) -> bool:
        """A content control still showing its placeholder (`Click or tap here to enter
        text.`): the template's prompt, no words of the document; dropped, reported."""
        if sdt.find(f"{w('sdtPr')}/{w('showingPlcHdr')}") is None:
            return False
        content = sdt.find(w("sdtContent"))
        shown = " ".join(_text(content if content is not None else sdt).split())[:60]
        self.warn(f"a content control left empty shows its placeholder ({shown!r}): the "
                  "template's prompt is not converted", number)
        return True

    def _unknown(self, node: etree._Element, number: int) -> None:
        name = etree.QName(node).localname
        self._once(f"unknown-{name}", f"Word element w:{name} has no TEI mapping; its text is "
                   "kept as text", number)

    def _once(self, key: str, message: str, number: int) -> None:
        if key not in self.warned:
            self.warned.add(key)
            self.warn(message, number)

    # -- notes and comments -----------------------------------------------------------------
    def note_format(self, kind: str) -> tuple[str, int]:
        """How Word numbers footnotes or endnotes: (number format, first number).

        The document's section properties win over the settings; Word's defaults are 1, 2, 3
        for footnotes and i, ii, iii for endnotes."""
        if kind in self.note_formats:
            return self.note_formats[kind]
        fmt, start = ("decimal" if kind == "footnote" else "lowerRoman"), 1
        document = self.package.part(self.package.document_part)
        settings = _optional(self.package, self.package.document_part, "settings")
        for root in (settings, document):
            for properties in root.iter(w(f"{kind}Pr")) if root is not None else ():
                fmt_node, start_node = properties.find(w("numFmt")), properties.find(w("numStart"))
                if fmt_node is not None and fmt_node.get(w("val")):
                    fmt = fmt_node.get(w("val")) or fmt
                if start_node is not None and (start_node.get(w("val")) or "").isdigit():
                    start = int(start_node.get(w("val")) or 1)
        self.note_formats[kind] = fmt, start
        return fmt, start

    def note_label(self, kind: str, number: int) -> str:
        fmt, start = self.note_format(kind)
        return format_number(start + number - 1, fmt)

    def notes(self, kind: str) -> dict[str, list[Paragraph]]:
        root = _optional(self.package, self.package.document_part, f"{kind}s")
        out: dict[str, list[Paragraph]] = {}
        if root is None:
            return out
        self.part_links = self.package.check_external(self._part(f"{kind}s"))
        for note in root.findall(w(kind)):
            if note.get(w("type")) in ("separator", "continuationSeparator", "continuationNotice"):
                continue
            saved = self.count
            out[note.get(w("id")) or ""] = self._flatten(self.part_blocks(note))
            self.count = saved
        self.part_links = self.links
        return out

    def comments(self) -> dict[str, Comment]:
        root = _optional(self.package, self.package.document_part, "comments")
        out: dict[str, Comment] = {}
        if root is None:
            return out
        self.part_links = self.package.check_external(self._part("comments"))
        for node in root.findall(w("comment")):
            saved = self.count
            paragraphs = self._flatten(self.part_blocks(node))
            self.count = saved
            out[node.get(w("id")) or ""] = Comment(node.get(w("author")) or "unknown",
                                                   node.get(w("date")) or "", tuple(paragraphs))
        self.part_links = self.links
        return out

    def _part(self, kind: str) -> str:
        return self.package.related_part(self.package.document_part, kind) or ""


def _new_page(section: etree._Element) -> bool:
    """Whether a section starts on a new page (Word's default, nextPage, or an odd or even one)."""
    kind = section.find(w("type"))
    return (kind.get(w("val")) if kind is not None else "nextPage") not in ("continuous",
                                                                             "nextColumn")


def _gallery(sdt: etree._Element) -> str:
    """The building-block gallery of a content control ("Table of Contents" for Word's)."""
    found = sdt.find(f"{w('sdtPr')}/{w('docPartObj')}/{w('docPartGallery')}")
    return (found.get(w("val")) or "") if found is not None else ""


def _optional(package: Package, source: str, kind: str) -> etree._Element | None:
    name = package.related_part(source, kind)
    return package.part(name) if name else None


def _own_row(tr: etree._Element, table: etree._Element) -> bool:
    """Whether a row belongs to this table and not to a table nested in one of its cells."""
    parent = tr.getparent()
    while parent is not None and parent.tag != w("tbl"):
        parent = parent.getparent()
    return parent is table


def _outermost(box: etree._Element, top: etree._Element) -> bool:
    """Whether a text box is not inside another box under `top` (that one reads it)."""
    for ancestor in box.iterancestors():
        if ancestor is top:
            return True
        if ancestor.tag == w("txbxContent"):
            return False
    return True


def _has_words(block: Block) -> bool:
    if isinstance(block, Paragraph):
        return bool(block.text.strip())
    return any(p.text.strip() for row in block.rows for cell in row for p in cell.paragraphs)


def _text(node: etree._Element) -> str:
    return "".join(str(t) for t in node.itertext())

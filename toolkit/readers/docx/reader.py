"""Reader for translators' Word files (.docx): the same TEI as the text export, and more.

The metadata block (bold date and title, bold `Label:` paragraphs or a two-column table) is
handed to the text reader's own metadata parser and to `build_header` (`metadata.py`); the
body paragraphs go through the shared `BodyEncoder`, so brackets, names, points and closers
follow exactly the text export's rules. What only Word carries (formatting, tracked changes,
hyperlinks, footnotes, endnotes, comments: `annotations.py`; headings, bulleted lists,
tables: `structures.py`) is laid onto that result by `inline`, and the people who made
changes or comments are declared in the header.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Sequence

from lxml import etree

from toolkit.encoding import structure as cue
from toolkit.encoding import kept
from toolkit.encoding.blocks import SourceBlock
from toolkit.encoding.body import BodyEncoder
from toolkit.encoding.brackets import LINE_BREAK, PAGE_BREAK, InlineEncoder, locator
from toolkit.encoding.citations import declare_citations
from toolkit.encoding.dates import parse_date
from toolkit.encoding.header import build_header
from toolkit.errors import Diagnostic, InputError, Severity, review
from toolkit.readers.base import Conversion, ReadContext
from toolkit.readers.docx.annotations import Annotations, substitutions
from toolkit.readers.docx.blocks import Block, Paragraph, Span, Table, memo_rows
from toolkit.readers.docx import languages, margins
from toolkit.readers.docx.columns import tab_tables
from toolkit.readers.docx.inline import BlockIndex, Node, align, children_of, insert, \
    keep_mixed, to_element, wrap
from toolkit.readers.docx.metadata import SOURCE_FORMAT, read_metadata
from toolkit.readers.docx.model import DocumentWalker
from toolkit.readers.docx.package import Package
from toolkit.readers.docx.paragraphs import has_text, labelled, plain, split, typed_marks
from toolkit.readers.docx.running import running_heads
from toolkit.readers.docx.structures import Structures
from toolkit.readers.docx.tidy import RULE_LINE, drop_rules, letter_spacing, sections, \
    table_list_heads, tabs_as_spaces
from toolkit.readers.wcda_text import contents_language
from toolkit.tei import Inline, el, sub, tei

SPAN_ORDER = {"margin": 0, "lang": 0, "ref": 0, "add": 1, "del": 1, "hi": 2}

class DocxReader:
    name = "docx"
    extensions: tuple[str, ...] = (".docx", ".docm", ".doc")  # a .doc is often a DOCX
    description = "Word document (Office Open XML)"

    def read(self, data: bytes, path: str, context: ReadContext) -> Conversion:
        return _Conversion(data, path, context).run()


class _Conversion:
    def __init__(self, data: bytes, path: str, context: ReadContext) -> None:
        self.path = path
        self.context = context
        self.diagnostics: list[Diagnostic] = []
        self.stats: dict[str, int] = {}
        self.back: list[etree._Element] = []  # attachments after the signature (BodyEncoder)
        package = Package(data, path)
        for source in package.sources():  # headers and footers too, though not converted
            if source != package.document_part:
                package.check_external(source)
        links = package.check_external(package.document_part)
        self.walker = DocumentWalker(package, links, self.warn)
        self.blocks = self.walker.body()
        self.footnotes = self.walker.notes("footnote")
        self.endnotes = self.walker.notes("endnote")
        self.blocks = [typed_marks(b, {"footnote": self.footnotes, "endnote": self.endnotes})
                       for b in self.blocks]
        self.comments = self.walker.comments()
        for notice in package.notices:
            self.warn(notice, None)
        self.notes = Annotations(self.walker, self.footnotes, self.endnotes, self.comments,
                                 self._paragraphs, self.warn, self.count)
        self.structures = Structures(self._inline, self._paragraphs, self.count)

    def warn(self, message: str, line: int | None) -> None:
        self.diagnostics.append(Diagnostic(Severity.WARNING, message, self.path, line))

    def count(self, key: str) -> None:
        self.stats[key] = self.stats.get(key, 0) + 1

    # -- the whole document ----------------------------------------------------------------
    def run(self) -> Conversion:
        if not any(has_text(b) for b in self.blocks):
            raise InputError("the Word document has no text", self.path, 1)
        meta, body, contents = read_metadata(self.blocks, self.path, self.context,
                                             self.diagnostics, self.warn)
        names_before = self.context.tagger.count
        header = build_header(meta, self.context.tagger, self.path, self.diagnostics,
                              self.context.document_id, self.context.change_date)
        div_type, lang = contents_language(contents, meta, self.path, self.diagnostics)
        languages.settle(self._all_paragraphs(body), lang)
        body = tab_tables(body)
        # the document's date, for dates in the text that give no year (as the text reader)
        when = header.iso_date.when if header.iso_date else None
        div = self._body(body, div_type, when)
        self._left_in(div)
        self._running(div)
        tabs_as_spaces(div)

        root = el("TEI", xml_lang="en")
        root.append(header.header)
        text_el = sub(root, "text", xml_lang=lang)
        sub(text_el, "body").append(div)
        if self.back:
            sub(text_el, "back").extend(self.back)
        self.notes.declare(header.header)
        declare_citations(root)
        self.diagnostics.extend(kept.lost_words(self._source_lines(body), text_el, self.path))
        self.stats["names"] = self.context.tagger.count - names_before
        return Conversion(etree.ElementTree(root), header.number, tuple(self.diagnostics),
                          self.stats)

    def _source_lines(self, body: list[Block]) -> list[list[tuple[int, str]]]:
        """The body's paragraphs, its tables' cells, notes and comments as numbered lines, for
        the conversion's last check (`kept`): the words Word shows that the TEI must keep. A
        table of contents Word generated is left out, as the conversion leaves it."""
        return [[(p.number, line) for line in plain(p.text).split("\n")]
                for p in self._all_paragraphs(body) if not p.generated and p.text.strip()]

    def _all_paragraphs(self, body: list[Block]) -> list[Paragraph]:
        """The body's paragraphs (its tables' cells too), its notes' and its comments'."""
        paragraphs: list[Paragraph] = []
        for block in body:
            if isinstance(block, Table):
                paragraphs.extend(p for row in block.rows for cell in row for p in cell.paragraphs)
            else:
                paragraphs.append(block)
        for notes in (self.footnotes, self.endnotes):
            paragraphs.extend(p for note in notes.values() for p in note)
        paragraphs.extend(p for comment in self.comments.values() for p in comment.paragraphs)
        return paragraphs

    # -- the body ------------------------------------------------------------------------------
    def _body(self, blocks: list[Block], div_type: str,
              document_date: str | None = None) -> etree._Element:
        flow: list[SourceBlock] = []
        placed: list[tuple[Paragraph, int]] = []  # a flow paragraph and its offset in `source`
        structures: list[tuple[int, Block]] = []
        offset = 0
        page = ""  # the page break of a paragraph without text, carried to the next one
        numbered = False  # the last paragraph had an automatic number: a list item
        rules = 0  # empty paragraphs with a border, read as the text export's rule line
        apart = False  # a heading read as a line of the flow: never joined to the one before
        rows: list[Block] = []  # a memo header laid out as a table: its rows are lines
        stamp_box = 0  # the text box or frame of a stamp being read
        title = False  # the last paragraph with text was in Word's Title style
        for block in blocks:
            rows.extend(memo_rows(block) or [block])
        blocks = rows
        for at, block in enumerate(blocks):
            if isinstance(block, Paragraph) and block.page_before:
                page = PAGE_BREAK
            if isinstance(block, Paragraph) and block.heading is not None and (
                    block.titled or parse_date(plain(block.text).strip()) is not None):
                # a date set as a heading opens a journal's entry (a dateline, as the text
                # export's date line); Word's Title style is the title line, which the
                # shared stages read with the lines of its title block: lines of their own
                block = dataclasses.replace(block, heading=None, label=None)
                apart = True
            if isinstance(block, Paragraph) and block.heading is None and not block.bullet:
                if block.rule:  # the text export's rule line, so notes under it are found
                    rules += 1
                    flow.append(SourceBlock(RULE_LINE, ((0, block.number),), True))
                    offset += len(RULE_LINE) + 1
                if not block.text.strip():
                    if any(m.kind != "comment-start" for m in block.markers):
                        self.warn("a note or comment in a paragraph without text is dropped",
                                  block.number)
                    if PAGE_BREAK in block.text:
                        page = PAGE_BREAK
                    continue
                prefix = page + (f"{block.label} " if block.label else "")
                page = ""
                # Word's paragraphs of a numbered list are never a sentence a page cut
                separate = bool(structures) and structures[-1][0] == offset or \
                    numbered or block.label is not None or apart or bool(block.margin)
                numbered, apart = block.label is not None, bool(block.margin)
                if block.margin:  # a box beside the text: its words marked, read apart
                    block = dataclasses.replace(block, spans=[
                        Span(0, len(block.text), "margin", str(block.margin)), *block.spans])
                pieces = split(block)
                # a stamp's box: its paragraphs the stamp's lines (`Received ...` / `No. 5`)
                same_box = bool(block.margin) and block.margin == stamp_box
                stamp_box = block.margin if same_box or block.margin and \
                    margins.stamp_words(block.text) else 0
                # Word's Subtitle right under the Title: a further line of the title
                title_goes_on = block.subtitle and title
                title = block.titled or title_goes_on
                if flow and not prefix and (same_box or title_goes_on or not separate and self.
                                            _stray_enter(flow[-1], pieces[0],
                                                         blocks[at + 1:at + 9])):
                    # the sentence goes on: one paragraph, Word's paragraph break an lb
                    last = flow[-1]
                    # (a space before it, the words either side being two words; none
                    # between the lines of a stamp, as the stages join them)
                    glue = LINE_BREAK if cue.STAMP.match(last.text.lstrip()) else " " + LINE_BREAK
                    flow[-1] = SourceBlock(last.text + glue + pieces[0].text,
                                           last.lines + ((len(last.text) + len(glue),
                                                          block.number),), last.separate)
                    placed.append((pieces[0], offset + len(glue) - 1))
                    offset += len(pieces[0].text) + len(glue)
                    pieces = pieces[1:]
                for piece in pieces:
                    # the stages never rejoin a Word paragraph across an invented page
                    # break: Word writes its page breaks, and one is here (`prefix`) or not
                    separate = separate or PAGE_BREAK not in prefix
                    flow.append(SourceBlock(prefix + piece.text, ((0, block.number),), separate))
                    placed.append((piece, offset + len(prefix)))
                    offset += len(flow[-1].text) + 1
                    prefix, separate = "", False
            elif has_text(block):
                if page and isinstance(block, Paragraph) and block.heading is not None:
                    # the page begins with the heading: its pb stands before the head
                    block, page = dataclasses.replace(block, page_before=True), ""
                structures.append((offset, block))
                numbered = False
        source = "\n".join(b.text for b in flow)
        encoder = BodyEncoder(self.context.tagger, self.path, self.diagnostics,
                              document_date=document_date, wraps=False)
        div = encoder.encode(flow, div_type)
        self.back = encoder.back
        for key, value in encoder.stats.items():
            self.stats[key] = self.stats.get(key, 0) + value
        tree = align(div, source)
        index = BlockIndex(tree)
        for paragraph, base in placed:
            self._lay(index.view(base, base + len(paragraph.text)), paragraph, base, tree)
        self.structures.lay(tree, structures)
        result = to_element(tree)
        if rules and not any(p.text.strip() == RULE_LINE for p, _ in placed):
            drop_rules(result)
        margins.settle(result)
        substitutions(result)
        languages.lift(result)
        letter_spacing(result)
        table_list_heads(result)
        sections(result)
        etree.cleanup_namespaces(result)
        keep_mixed(result)
        return result

    def _left_in(self, div: etree._Element) -> None:
        """Tracked changes a translator left in the file are kept (add, del), but the text
        read with them is not the accepted text: say so. (Comments, kept whole as notes and
        declared in the header, need no warning.)"""
        found = {kind: sum(1 for _ in div.iter(tei(kind))) for kind in ("add", "del")}
        if found["add"] or found["del"]:
            self.warn(f"{found['add']} tracked insertion(s) and {found['del']} tracked "
                      "deletion(s) were neither accepted nor rejected in the Word file: both "
                      "readings are kept (add, del); the plain text holds the deleted words too, "
                      "but for a word replaced at once (subst), which it gives as replaced",
                      None)

    def _stray_enter(self, last: SourceBlock, piece: Paragraph, ahead: list[Block]) -> bool:
        """Whether a Word paragraph goes on with the sentence (or open bracket) of the one
        before, by the text export's page-cut rule: with no page break in the Word file
        there, the break is a translator's stray Enter, put on the review list."""
        texts = [b.text for b in ahead if isinstance(b, Paragraph)]
        if not cue.continues(last.text, piece.text, texts if "[" in last.text else []):
            return False
        if cue.STAMP.match(last.text.lstrip()):
            return True  # a stamp laid out over lines: its lines, as in the text export
        self.diagnostics.append(review(
            "structure", f"paragraph {piece.number} goes on with the sentence of the paragraph "
            "before and no page break stands between them (a stray Enter): read as one "
            "paragraph, the break kept as lb", self.path, piece.number))
        self.count("stray_paragraph_breaks")
        return True

    def _lay(self, tree: Node, paragraph: Paragraph, base: int,
             whole: Node | None = None) -> None:
        """Wrap a paragraph's spans and insert its markers in the encoded tree (or in the
        view of it that holds the paragraph; `whole` is the tree the view comes from)."""
        for span in sorted(paragraph.spans, key=lambda s: (s.start - s.end, SPAN_ORDER[s.kind])):
            wrap(tree, base + span.start, base + span.end, self._maker(span, paragraph.number))
        for marker in paragraph.markers:
            made = self.notes.marker(marker.kind, marker.key, marker.mark, paragraph.number)
            if made is not None:
                offset = base + marker.offset
                if not insert(tree, offset, Node.of(made, offset)) and whole is not None:
                    insert(whole, offset, Node.of(made, offset))

    def _maker(self, span: Span, line: int) -> Callable[[], etree._Element]:
        if span.kind == "hi":
            self.count("formatting")
            return lambda: el("hi", rend=span.value)
        if span.kind == "ref":
            self.count("links")
            return lambda: el("ref", target=span.value)
        if span.kind == "lang":
            self.count("languages")
            return lambda: el("foreign", xml_lang=span.value)
        if span.kind == "margin":
            return lambda: el("seg", **{margins.MARGIN: span.value})
        return self.notes.change_maker(span.kind, span.value)

    def _inline(self, paragraph: Paragraph) -> list[Inline]:
        """A paragraph outside the flow (note, comment, head, item, cell), fully encoded."""
        if paragraph.label:
            paragraph = labelled(paragraph)
        encoder = InlineEncoder(paragraph.text, self.context.tagger, {},
                                locator([(0, paragraph.number)]), self.path, self.diagnostics,
                                self.stats)
        holder = el("p", encoder.encode())
        tree = align(holder, paragraph.text)
        self._lay(tree, paragraph, 0)
        content = children_of(tree)
        for item in content:
            if not isinstance(item, str):
                keep_mixed(item)
        return content

    def _paragraphs(self, paragraphs: Sequence[Paragraph]) -> list[Inline]:
        """Several paragraphs as one run of inline content, separated by line breaks."""
        out: list[Inline] = []
        for paragraph in paragraphs:
            if not paragraph.text.strip() and not paragraph.markers:
                continue
            if out:
                out.append(el("lb"))
            out.extend(self._inline(paragraph))
        if out and isinstance(out[0], str):
            out[0] = out[0].lstrip()  # the space Word puts after a note's own number
        return out

    def _running(self, div: etree._Element) -> None:
        """Word's headers (footers) as fw at the start (end) of the text, where the text
        export's running heads are: repeated on every page in Word, kept once here."""
        for head in running_heads(self.walker.package):
            kind = head.kind
            self.warn(f"the Word file's {kind} {head.text!r} ({head.part}, paragraph "
                      f"{head.paragraph}) is kept once as forme work (fw) at the "
                      f"{'start' if kind == 'header' else 'end'} of the text", None)
            made = el("fw", head.text, type=kind, place="top" if kind == "header" else "bottom")
            if kind == "header":
                div.insert(0, made)
            else:
                div.append(made)


__all__ = ["DocxReader", "SOURCE_FORMAT"]

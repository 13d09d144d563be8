"""Reader for translators' Word files (.docx): the same TEI as the text export, and more.

The metadata block (bold date and title, bold `Label:` paragraphs or a two-column table) is
handed to the text reader's own metadata parser and to `build_header`; the body paragraphs
go through the shared `BodyEncoder`, so brackets, names, points and closers follow exactly the
text export's rules. What only Word carries (formatting, tracked changes, hyperlinks,
footnotes, endnotes, comments, headings, bulleted lists, tables) is laid onto that result by
`inline`, and the people who made changes or comments are declared in the header.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Callable
from pathlib import Path

from lxml import etree

from toolkit.encoding.blocks import Block as TextBlock
from toolkit.encoding.blocks import STRUCTURAL, SourceBlock
from toolkit.encoding import structure as cue
from toolkit.encoding import kept
from toolkit.encoding.body import BodyEncoder
from toolkit.encoding.brackets import LINE_BREAK, PAGE_BREAK, InlineEncoder, locator
from toolkit.encoding.citations import declare_citations
from toolkit.encoding.dates import parse_date
from toolkit.encoding.header import Field, Metadata, build_header
from toolkit.errors import Diagnostic, InputError, Severity, review
from toolkit.readers.base import Conversion, ReadContext
from toolkit.readers.docx.inline import BlockIndex, Node, align, children_of, insert, \
    insert_block, keep_mixed, to_element, wrap
from toolkit.readers.docx.blocks import Block, Comment, Paragraph, Span, Table, memo_rows
from toolkit.readers.docx.model import SUPERSCRIPT_DIGITS, DocumentWalker
from toolkit.readers.docx.package import Package
from toolkit.readers.docx.running import running_heads
from toolkit.readers.docx.tidy import HEADING, RULE_LINE, TABLE_LIST, drop_rules, letter_spacing, \
    sections, table_list_heads, tabs_as_spaces
from toolkit.readers.wcda_text import PLAIN_LABEL, contents_language, parse_metadata_block
from toolkit.tei import NS, Inline, el, sub, tei

SOURCE_FORMAT = "Word document"
WORD_CONVENTIONS = (
    "From the Word document: formatting with a meaning is hi with rend (bold, italic, "
    "underline, superscript, subscript, strikethrough, smallcaps); fonts, colours, sizes and "
    "spacing are not kept, except a head set letter-spaced (rend='letter-spaced'); note "
    "numbers typed as superscript figures are read as the text export's superscript figures. Word footnotes and endnotes are note place='foot' or 'end' at their "
    "reference; comments are note type='comment' at the end of the commented passage, with resp "
    "pointing to their author and target to an anchor at its start; tracked insertions and "
    "deletions are add and del, with resp pointing to their author and change to a change in "
    "the revisionDesc that gives author and date. Headings are head and open nested div "
    "(a numbered heading, or one opening with a typed number, a div with n, its number "
    "the head's label), but a heading that is a date, and the Title style, are lines of "
    "the text read by the text export's rules (an entry's dateline, a title block); an "
    "empty paragraph with a border is a rule, as the text export's "
    "typed rule over the notes, and leaves no text; "
    "bulleted lists are list, a deeper level (by ilvl or indentation) a list inside its "
    "item; tables are table, but a two-column table numbering names 1, 2, 3 is a list; "
    "automatic list numbers are text, as typed ones, counted as Word counts them. Page "
    "breaks, a page break before a paragraph and a section starting on a new page are pb "
    "at the start of the paragraph the page begins with; a paragraph that goes on with the "
    "sentence of the one before, with no page break between them, is one paragraph, the "
    "break an lb; a tab to a right or centre tab stop "
    "separates fields, as a run of spaces does, and so do two or more tabs in a row at "
    "other stops; a custom note mark (also as LibreOffice writes it, after an automatic "
    "number) is the note's n. Text boxes are paragraphs of their own "
    "before the paragraph that anchors them; headers and footers are fw type='header' at the "
    "start and type='footer' at the end of the text, once, without page numbers; Word's table "
    "of contents is not converted; field results Word recomputes (DATE, PAGE) are kept as "
    "text and reported. Two soft line breaks, or one before a line that opens a "
    "structure of its own, end a paragraph, as in the text export. Links other than http, "
    "https, mailto and relative ones, and links to files on the translator's disk, keep "
    "their text only. Strict Open XML is read as the transitional vocabulary it mirrors.")
# a section number typed at the start of a Word heading: `2.`, `2.1`, `3)`, `IV.`
TYPED_NUMBER = re.compile(r"^\s*(\d{1,2}(?:\.\d{1,2})+\.?|\d{1,2}[.)]|[IVX]{1,5}\.)"
                          r"[ \t\u00a0]+(?=\S)")
SPAN_ORDER = {"ref": 0, "add": 1, "del": 1, "hi": 2}
DATE_TIME = re.compile(r"^(\d{4}-\d{2}-\d{2})(?:T(\d{2}:\d{2})(:\d{2}(?:\.\d+)?)?"
                       r"(Z|[+-]\d{2}:\d{2})?)?$")


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
        self.blocks = [_typed_marks(b, {"footnote": self.footnotes, "endnote": self.endnotes})
                       for b in self.blocks]
        self.comments = self.walker.comments()
        for notice in package.notices:
            self.warn(notice, None)
        self.people: dict[str, str] = {}  # author name -> xml:id of the header persName
        self.changes: dict[str, str] = {}  # revision key -> xml:id of its change
        self.note_numbers = {"footnote": 0, "endnote": 0}
        self.anchored: set[str] = set()  # comments whose range start has been placed

    def warn(self, message: str, line: int | None) -> None:
        self.diagnostics.append(Diagnostic(Severity.WARNING, message, self.path, line))

    def count(self, key: str) -> None:
        self.stats[key] = self.stats.get(key, 0) + 1

    # -- the whole document ----------------------------------------------------------------
    def run(self) -> Conversion:
        if not any(_has_text(b) for b in self.blocks):
            raise InputError("the Word document has no text", self.path, 1)
        meta, body, contents = self._metadata()
        names_before = self.context.tagger.count
        header = build_header(meta, self.context.tagger, self.path, self.diagnostics,
                              self.context.document_id, self.context.change_date)
        div_type, lang = contents_language(contents, meta, self.path, self.diagnostics)
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
        self._declare(header.header)
        declare_citations(root)
        self.diagnostics.extend(kept.lost_words(self._source_lines(body), text_el, self.path))
        self.stats["names"] = self.context.tagger.count - names_before
        return Conversion(etree.ElementTree(root), header.number, tuple(self.diagnostics),
                          self.stats)

    def _source_lines(self, body: list[Block]) -> list[list[tuple[int, str]]]:
        """The body's paragraphs, its tables' cells, notes and comments as numbered lines, for
        the conversion's last check (`kept`): the words Word shows that the TEI must keep. A
        table of contents Word generated is left out, as the conversion leaves it."""
        paragraphs: list[Paragraph] = []
        for block in body:
            if isinstance(block, Table):
                paragraphs.extend(p for row in block.rows for cell in row for p in cell.paragraphs)
            else:
                paragraphs.append(block)
        for notes in (self.footnotes, self.endnotes):
            paragraphs.extend(p for note in notes.values() for p in note)
        paragraphs.extend(p for comment in self.comments.values() for p in comment.paragraphs)
        return [[(p.number, line) for line in _plain(p.text).split("\n")]
                for p in paragraphs if not p.generated and p.text.strip()]

    # -- the metadata block ----------------------------------------------------------------
    def _metadata(self) -> tuple[Metadata, list[Block], Field | None]:
        """Render the opening of the document as the text export would, and parse that."""
        text_blocks: list[TextBlock] = []
        where: dict[int, int] = {}  # paragraph number -> index of its block
        unused: list[int] = []  # tables of the opening that give no metadata field
        for index, block in enumerate(self.blocks):
            if isinstance(block, Table):
                fields = self._table_fields(block)
                if not fields and _has_text(block):
                    unused.append(index)
                text_blocks.extend(fields)
                for row in block.rows:
                    for cell in row:
                        for paragraph in cell.paragraphs:
                            where[paragraph.number] = index
                where.setdefault(block.number, index)
                continue
            where[block.number] = index
            lines = _plain(block.text).split("\n")
            if not block.text.strip():
                continue
            field = PLAIN_LABEL.match(block.text) if not block.bold else None
            if field and field.group("value") and any(
                    sp.kind == "hi" and sp.value == "bold" and sp.start <= field.start("label")
                    and sp.end >= block.text.index(":", field.end("label")) for sp in block.spans):
                # `Original Language:<tab>Russian`, the bold label and its value on one
                # line: the text export's label line over its value
                text_blocks.append([(block.number, f"**{field.group('label')}:**")])
                text_blocks.append([(block.number, _plain(field.group("value")))])
                continue
            if block.bold or block.heading is not None:
                lines[0] = "**" + lines[0].lstrip()
                lines[-1] = lines[-1].rstrip() + "**"
            text_blocks.append([(block.number, line) for line in lines])
        try:
            meta, body_blocks, contents = parse_metadata_block(text_blocks, self.path,
                                                               self.diagnostics,
                                                               self.context.authority)
        except InputError as error:
            # The shared parser speaks of the text export's Markdown; in Word, bold is bold.
            found = error.diagnostic
            raise InputError(found.message.replace("**", ""), found.path, found.line,
                             found.column) from None
        meta = dataclasses.replace(meta, source_name=Path(self.path).name,
                                   source_format=SOURCE_FORMAT)
        if not body_blocks:
            raise InputError("the report has no text after its metadata block", self.path,
                             text_blocks[-1][-1][0] if text_blocks else 1)
        first = where[body_blocks[0][0][0]]
        for block in self.blocks[:first]:
            for marker in block.markers if isinstance(block, Paragraph) else ():
                if marker.kind != "comment-start":
                    self.warn(f"a {marker.kind} in the metadata block has no place in the "
                              "teiHeader; dropped", block.number)
        # a table among the metadata that is no metadata table (one column, say, between
        # Contents: and its value) would vanish with the opening: it goes to the text
        kept: list[Block] = []
        for index in unused:
            if index < first:
                table = self.blocks[index]
                self.warn("a table inside the metadata block is not a metadata table (two "
                          "columns, label and value); kept at the start of the text", table.number)
                kept.append(table)
        return meta, kept + self.blocks[first:], contents

    def _table_fields(self, table: Table) -> list[TextBlock]:
        """A two-column metadata table as the text export's bold heads and labelled fields."""
        heads: list[TextBlock] = []
        fields: list[TextBlock] = []
        for row in table.rows:
            if len(row) < 2:
                continue
            label = " ".join(_plain(p.text) for p in row[0].paragraphs).strip().rstrip(":").strip()
            values = [p for cell in row[1:] for p in cell.paragraphs if p.text.strip()]
            number = row[0].paragraphs[0].number if row[0].paragraphs else table.number
            if not label:
                continue
            if label.lower() in ("date", "title"):
                value = " ".join(_plain(p.text) for p in values)
                heads.append([(number, f"**{' '.join(value.split())}**")])
                continue
            fields.append([(number, f"**{label}:**")])
            fields.extend([(p.number, _plain(p.text).replace("\n", " "))] for p in values)
        heads.sort(key=lambda b: 0 if re.search(r"\d{4}", b[0][1]) else 1)
        return heads + fields

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
        for block in blocks:
            rows.extend(memo_rows(block) or [block])
        blocks = rows
        for at, block in enumerate(blocks):
            if isinstance(block, Paragraph) and block.page_before:
                page = PAGE_BREAK
            if isinstance(block, Paragraph) and block.heading is not None and (
                    block.titled or parse_date(_plain(block.text).strip()) is not None):
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
                    numbered or block.label is not None or apart
                numbered, apart = block.label is not None, False
                pieces = _split(block)
                if flow and not separate and not prefix and \
                        self._stray_enter(flow[-1], pieces[0], blocks[at + 1:at + 9]):
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
            elif _has_text(block):
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
        self._structures(tree, structures)
        result = to_element(tree)
        if rules and not any(p.text.strip() == RULE_LINE for p, _ in placed):
            drop_rules(result)
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
                      "readings are kept (add, del); the plain text holds the deleted words too",
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
            made = self._marker(marker.kind, marker.key, marker.mark, paragraph.number)
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
        change = self._change(span.value)
        self.count("changes")
        return lambda: el(span.kind, change=f"#{change}",
                          resp=f"#{self._person(self.walker.revisions[span.value].author)}")

    def _inline(self, paragraph: Paragraph) -> list[Inline]:
        """A paragraph outside the flow (note, comment, head, item, cell), fully encoded."""
        if paragraph.label:
            paragraph = _labelled(paragraph)
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

    def _paragraphs(self, paragraphs: list[Paragraph] | tuple[Paragraph, ...]) -> list[Inline]:
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

    # -- notes, comments, changes ---------------------------------------------------------
    def _marker(self, kind: str, key: str, mark: str | None, line: int) -> etree._Element | None:
        if kind in ("footnote", "endnote"):
            notes = self.footnotes if kind == "footnote" else self.endnotes
            if key not in notes:
                self.warn(f"a {kind} reference points to no {kind} (id {key}); dropped", line)
                return None
            self.note_numbers[kind] += 1
            self.count("notes")
            number = mark or self.walker.note_label(kind, self.note_numbers[kind])
            return el("note", self._paragraphs(_without_own_mark(notes[key], mark)),
                      place="foot" if kind == "footnote" else "end", n=number)
        if kind == "comment-start":
            if key not in self.comments or key in self.anchored:
                return None
            self.anchored.add(key)
            return el("anchor", xml_id=_comment_anchor(key))
        comment: Comment | None = self.comments.get(key)
        if comment is None:
            self.warn(f"a comment reference points to no comment (id {key}); dropped", line)
            return None
        self.count("comments")
        attrs = {"type": "comment", "resp": f"#{self._person(comment.author)}"}
        if self._has_anchor(key):
            attrs["target"] = f"#{_comment_anchor(key)}"
        when = _when(comment.date)
        content: list[Inline] = [el("date", when=when)] if when else []
        return el("note", content + self._paragraphs(comment.paragraphs), **attrs)

    def _has_anchor(self, key: str) -> bool:
        return key in self.anchored

    def _person(self, author: str) -> str:
        if author not in self.people:
            self.people[author] = f"docx-person-{len(self.people) + 1}"
        return self.people[author]

    def _change(self, key: str) -> str:
        if key not in self.changes:
            self.changes[key] = f"docx-change-{len(self.changes) + 1}"
            self._person(self.walker.revisions[key].author)
        return self.changes[key]

    def _declare(self, header: etree._Element) -> None:
        """How Word's markup was encoded; the authors of changes and comments, and each
        revision, in the teiHeader."""
        interpretation = header.find("tei:encodingDesc/tei:editorialDecl/tei:interpretation", NS)
        if interpretation is not None:
            sub(interpretation, "p", WORD_CONVENTIONS)
        if self.people:
            title_stmt = header.find("tei:fileDesc/tei:titleStmt", NS)
            assert title_stmt is not None
            resp = sub(title_stmt, "respStmt")
            sub(resp, "resp", "tracked changes and comments in the Word file")
            for author, xml_id in self.people.items():
                sub(resp, "persName", author, xml_id=xml_id)
        if self.changes:
            revision = header.find("tei:revisionDesc", NS)
            assert revision is not None
            for key, xml_id in self.changes.items():
                found = self.walker.revisions[key]
                attrs = {"xml_id": xml_id, "who": f"#{self.people[found.author]}"}
                when = _when(found.date)
                if when:
                    attrs["when"] = when
                sub(revision, "change", f"Tracked changes by {found.author} in the Word file "
                    "(encoded as add and del).", **attrs)

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

    # -- headings, bulleted lists, tables -------------------------------------------------
    def _structures(self, tree: Node, structures: list[tuple[int, Block]]) -> None:
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
            label, block = typed.group(1), _drop_start(block, typed.end())
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


SOFT_BREAKS = re.compile(f"{LINE_BREAK}[{LINE_BREAK} \t\u00a0]*")  # never a page break


SHORT_LINE = 40  # a name, a role, an office: never a line of prose cut by Shift+Enter


def _lines_apart(before: str, rest: str) -> bool:
    """One soft break between two short lines of a paragraph of short lines (a signature's
    name over its role, `Károly Fendler` / `Ambassador`): the text export's lines, which its
    block stage keeps apart, since neither goes on with the other's sentence. A line ending
    on a comma, a hyphen or a sentence's end, or one going on in lower case, stays a line of
    the same paragraph (`He spoke` / `about grain.`)."""
    previous = before.split(LINE_BREAK)[-1].strip()
    line = rest.split(LINE_BREAK)[0].strip()
    lines = [x.strip() for x in (before + LINE_BREAK + rest).split(LINE_BREAK)]
    return all(0 < len(x) <= SHORT_LINE for x in lines) and line[:1].isupper() and \
        not previous.endswith((",", "-", ".", ";", ":")) and not any(
            x.endswith((".", "!", "?")) and len(x.split()) > 3 for x in lines)


def _split(paragraph: Paragraph) -> list[Paragraph]:
    """A paragraph cut where its soft line breaks (Shift+Enter) end a paragraph in the text
    export: two in a row (a blank line), or one before a line that opens a structure of its
    own (`TO:`, `2.`, a bullet: `toolkit.encoding.blocks.STRUCTURAL`). Spans are cut at the
    cuts; a point in the breaks stays at the end of the piece before them."""
    text = paragraph.text
    cuts: list[tuple[int, int]] = []
    for match in SOFT_BREAKS.finditer(text):
        rest = text[match.end():]
        if text[:match.start()].strip() and rest.strip() and \
                (match.group().count(LINE_BREAK) > 1 or STRUCTURAL.match(rest)
                 or _lines_apart(text[:match.start()], rest)):
            cuts.append((match.start(), match.end()))
    if not cuts:
        return [paragraph]
    bounds = [(0, cuts[0][0])] + [(cuts[i][1], cuts[i + 1][0]) for i in range(len(cuts) - 1)]
    bounds.append((cuts[-1][1], len(text)))
    pieces: list[Paragraph] = []
    for index, (start, end) in enumerate(bounds):
        following = bounds[index + 1][0] if index + 1 < len(bounds) else len(text) + 1
        spans = [dataclasses.replace(s, start=max(s.start, start) - start,
                                     end=min(s.end, end) - start)
                 for s in paragraph.spans if max(s.start, start) < min(s.end, end)]
        markers = [dataclasses.replace(m, offset=min(m.offset, end) - start)
                   for m in paragraph.markers if start <= m.offset < following]
        pieces.append(dataclasses.replace(paragraph, text=text[start:end], spans=spans,
                                          markers=markers, label=None if index else
                                          paragraph.label))
    return pieces


def _typed_marks(block: Block, notes: dict[str, dict[str, list[Paragraph]]]) -> Block:
    """LibreOffice writes Word's custom note mark (`1a`, `*`) as an automatic reference
    followed by the mark in superscript, and the same mark after the note's own number:
    Word would show both. Where the superscript after a reference is what its note opens
    with, it is the note's mark, as `customMarkFollows` says it, not a word of the text."""
    if isinstance(block, Table):
        for row in block.rows:
            for cell in row:
                cell.paragraphs = [_typed_marks_in(p, notes) for p in cell.paragraphs]
        return block
    return _typed_marks_in(block, notes)


def _typed_marks_in(paragraph: Paragraph,
                    notes: dict[str, dict[str, list[Paragraph]]]) -> Paragraph:
    for index in range(len(paragraph.markers)):
        marker = paragraph.markers[index]  # read again: a mark cut before moves it
        body = notes.get(marker.kind, {}).get(marker.key)
        if marker.mark is not None or not body:
            continue
        text, at = paragraph.text, marker.offset
        match = re.match(r"[⁰¹²³⁴⁵⁶⁷⁸⁹]+|\w{1,3}|\*{1,3}|[†‡§]", text[at:])
        if match is None or not body[0].text.lstrip().startswith(match.group()):
            continue
        end = at + len(match.group())
        raised = match.group()[0] in "⁰¹²³⁴⁵⁶⁷⁸⁹" or any(
            s.kind == "hi" and s.value == "superscript" and s.start <= at and s.end >= end
            for s in paragraph.spans)
        if not raised or (end < len(text) and text[end].isalnum()):
            continue
        cut = end - at
        spans = [dataclasses.replace(s, start=s.start if s.start <= at else
                                     max(s.start - cut, at),
                                     end=s.end if s.end <= at else max(s.end - cut, at))
                 for s in paragraph.spans]
        markers = [dataclasses.replace(m, offset=m.offset - cut if m.offset >= end else m.offset)
                   for m in paragraph.markers]
        mark = match.group().translate(PLAIN_DIGITS)
        markers[index] = dataclasses.replace(marker, mark=mark)
        paragraph = dataclasses.replace(paragraph, text=text[:at] + text[end:],
                                        spans=[s for s in spans if s.end > s.start],
                                        markers=markers)
    return paragraph


PLAIN_DIGITS = str.maketrans("⁰¹²³⁴⁵⁶⁷⁸⁹", "0123456789")


def _without_own_mark(paragraphs: list[Paragraph], mark: str | None) -> list[Paragraph]:
    """A footnote with a custom mark (Word's "Custom mark": `1a`, `*`) repeats the mark as
    text at the start of its own text, where an automatic number is a `footnoteRef` that
    gives no text: the mark is the note's n, not a word of it."""
    if not mark or not paragraphs:
        return paragraphs
    first = paragraphs[0]
    text = first.text
    start = len(text) - len(text.lstrip())
    found = next((m for m in (mark, mark.translate(SUPERSCRIPT_DIGITS))
                  if text.startswith(m, start)), None)
    if found is None:
        return paragraphs
    return [_drop_start(first, start + len(found)), *paragraphs[1:]]


def _drop_start(paragraph: Paragraph, cut: int) -> Paragraph:
    """The paragraph without its first `cut` characters, spans and markers moved with it."""
    spans = [dataclasses.replace(s, start=max(s.start - cut, 0), end=s.end - cut)
             for s in paragraph.spans if s.end > cut]
    markers = [dataclasses.replace(m, offset=max(m.offset - cut, 0)) for m in paragraph.markers]
    return dataclasses.replace(paragraph, text=paragraph.text[cut:], spans=spans,
                               markers=markers)


def _labelled(paragraph: Paragraph) -> Paragraph:
    """The paragraph with the number Word draws before it as text ("1.2 Introduction")."""
    shift = len(paragraph.label or "") + 1
    return dataclasses.replace(
        paragraph, text=f"{paragraph.label} {paragraph.text}", label=None,
        spans=[dataclasses.replace(s, start=s.start + shift, end=s.end + shift)
               for s in paragraph.spans],
        markers=[dataclasses.replace(m, offset=m.offset + shift) for m in paragraph.markers])


def _has_text(block: Block) -> bool:
    if isinstance(block, Paragraph):
        return bool(block.text.strip())
    return any(p.text.strip() for row in block.rows for cell in row for p in cell.paragraphs)


def _plain(text: str) -> str:
    return text.replace(PAGE_BREAK, "\n").replace(LINE_BREAK, "\n")


def _comment_anchor(key: str) -> str:
    return f"docx-comment-{re.sub(r'[^A-Za-z0-9_.-]', '-', key)}"


def _when(value: str) -> str | None:
    """A Word date as xs:date or xs:dateTime, or None when it is not one."""
    match = DATE_TIME.match(value.strip())
    if not match:
        return None
    day, minutes, seconds, zone = match.groups()
    if minutes is None:
        return day
    return f"{day}T{minutes}{seconds or ':00'}{zone or ''}"


__all__ = ["DocxReader"]

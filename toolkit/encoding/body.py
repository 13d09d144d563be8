"""The body of a report as TEI: the stages after the reader, on its source blocks.

The blocks (`toolkit.encoding.blocks`) go through the note texts at the end
(`toolkit.encoding.notes`), attachments, postscript and signature off the end, page-break joins,
then the structure (`toolkit.encoding.structure` names what each block is: marks, heads,
opener, sections, journal entries, lists, stamps), and each block's text through the inline
encoder (brackets, names, dates). Output is a TEI `div`, plus `back` divisions for
attachments that follow the signature. Whatever the formats of its reader, a body is encoded
here, so the text export and Word files share every rule.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import PurePath

from lxml import etree

from toolkit.encoding import (annexes, cable, closing, columns, dates, delegations, formal, forms,
                               hands, inline_lists, layouts, lists, logs, memo_end, minutes, offices,
                               openers, outline, quoted, routing, stenogram, structure as cue, tails,
                               top_lines, underline)
from toolkit.encoding.blocks import (LINE_BREAK, PAGE_BREAK, WRAP_MAX, SourceBlock,
                                     line_widths)
from toolkit.encoding.lines import (WORD_CUT, hanging, headed_pages, inline_pages, join_page,
                                    page_numbers, turned_pages, word_breaks)
from toolkit.encoding.bracket_kinds import PAREN_OMISSION
from toolkit.encoding.brackets import ELLIPSIS, InlineEncoder, locator
from toolkit.encoding.names import DocumentNames, NameTagger
from toolkit.encoding.notes import NoteText, SectionNotes, collect, section_notes
from toolkit.errors import Diagnostic, Severity, review
from toolkit.encoding.spacing import keep_inline_spacing
from toolkit.tei import Inline, el, sub, tei

__all__ = ["BodyEncoder", "SourceBlock", "keep_inline_spacing"]


_YEAR = re.compile(r"\d{4}")  # a date line with its year


@dataclass
class BodyEncoder:
    tagger: NameTagger
    path: str
    diagnostics: list[Diagnostic] = field(default_factory=list)
    stats: dict[str, int] = field(default_factory=dict)
    # xml:id prefix for a footnote referenced more than once (later references point to it);
    # by default the source file's name, so that ids stay unique across an edition
    note_id_prefix: str = ""
    # the blocks are lines of a text file, which a hard wrap may cut (a Word file's blocks
    # are paragraphs: a sentence cut between two is a page break's)
    wraps: bool = True
    # the document's own date (ISO), for dates in the text that give no year
    document_date: str | None = None
    # attachments after the signature: divisions of the text's back (set by encode)
    back: list[etree._Element] = field(default_factory=list)
    # the persons the document has named by a cue, for its later bare mentions of them
    names_seen: DocumentNames = field(default_factory=DocumentNames)
    _notes: dict[str, Callable[[], list[Inline]]] = field(default_factory=dict)
    _used: set[str] = field(default_factory=set)
    _parenthesised: frozenset[str] = frozenset()  # note texts written `(1) text`
    _made_notes: dict[str, etree._Element] = field(default_factory=dict)
    issuer: etree._Element | None = None  # the issuing body's byline over an office (offices)
    # page markers after the text and its signature (above the note texts): put after them
    _end_pages: list[SourceBlock] = field(default_factory=list)
    # note texts printed after a section: (first line, last line, makers, notes made, used)
    _scopes: list[tuple[int, int, dict[str, Callable[[], list[Inline]]],
                        dict[str, etree._Element], set[str]]] = field(default_factory=list)

    def __post_init__(self) -> None:
        if not self.note_id_prefix:
            stem = re.sub(r"[^\w.-]", "-", PurePath(self.path).stem) or "doc"
            self.note_id_prefix = ("" if stem[0].isalpha() or stem[0] == "_" else "d") + stem + "-fn"

    def warn(self, message: str, line: int, column: int | None = None) -> None:
        self.diagnostics.append(Diagnostic(Severity.WARNING, message, self.path, line, column))

    def decided(self, message: str, line: int) -> None:
        """A structure taken on a weaker cue: an entry of the review list."""
        self.diagnostics.append(review("structure", message, self.path, line))

    def encode(self, blocks: list[SourceBlock], div_type: str) -> etree._Element:
        blocks = [b for b in blocks if b.text.strip()]
        trailing = self._trailing(blocks)
        sections = section_notes(blocks)
        notes = collect(blocks, cue.bound_to_previous)
        trailing = self._trailing(blocks, pages=True) + trailing
        office_tail = tails.archival_tail(blocks)  # `Executor: ...`, `Printed 2 copies`
        reference = memo_end.reference_line(blocks)
        foot = memo_end.foot_address(blocks)  # `To` / `The Secretary,` / ... under the signature
        if foot and not cue.signature_like(blocks[-1].text.strip()):
            blocks.extend(foot)  # not under a signature: the lines stay where they stand
            foot = []
        drafted = cable.drafting(blocks)  # `Drafted by:`, `Cleared by:` under the signature
        attachments = self._attachments(blocks)
        postscript = self._postscript(blocks)
        distribution = lists.distribution(blocks) or memo_end.copies(blocks) \
            or layouts.distribution_line(blocks)
        end_mark = layouts.end_mark(blocks)
        note_end = memo_end.note_end(blocks)  # a note verbale's compliments, unsigned
        kept, count = blocks[-1:], len(blocks)
        place_date = closing.place_date_line(self, blocks) if note_end is None else None
        signature = closing.signature(self, blocks) if note_end is None else []
        if place_date is not None and not signature and (
                distribution or place_date.text.strip() != kept[0].text.strip()):
            # no signature above it: the line stays where it stands, a paragraph (an unsigned
            # text's own last line, `Sofia, 7 March 1968`, is its closer's dateline: below)
            blocks[count - 1:] = kept
            place_date = None
        if distribution and not signature:
            blocks.extend(distribution)  # a list at the end, not one after a signature
            distribution = []
        distribution = distribution or memo_end.distribution_box(blocks)  # signed or not
        # a distribution list under the postscript: the document's, after the postscript
        listed = lists.after_postscript(postscript) if signature and not distribution else []
        salute = blocks.pop() if signature and len(blocks) > 1 and \
            cue.CLOSING_SALUTE.match(blocks[-1].text.strip()) else None
        if salute is not None:  # `I have the honour to be, Sir,` over `Your obedient Servant,`
            salute = formal.closing_salute(self, blocks, salute)
        self._notes = {key: self._note_maker(note) for key, note in notes.texts.items()}
        self._parenthesised = frozenset(
            "(" + k if n.label.startswith("(") else k + ")" for k, n in notes.texts.items()
            if n.label.startswith("(") or n.label.endswith(")")) | frozenset(
            " (" + k for k in notes.texts if notes.spaced)  # `Vienna (1)`: notes.Notes.spaced
        self._used = set()
        self._scopes = [(s.start, s.end, {k: self._note_maker(n) for k, n in s.notes.texts.items()},
                         {}, set()) for s in sections]

        top = el("div", type=div_type)
        blocks = columns.field_lines(columns.sender_lines(self, columns.top_columns(self, blocks)))
        div = layouts.letters(self, top, blocks)  # the last letter's, or the text's own division
        self._structure(div, quoted.join(self._join(blocks)))  # `BEGIN TEXT:` ... `END TEXT.`
        quoted.mark(div)
        logs.stamp_times(div)  # `09:05 - ...`: a log's entries
        outline.nest(div)  # `I.` / `A.` / `1.`: each level's sections inside the one above
        # `[End of document]` under the signature: the trailer after the closing matter
        last = end_mark is not None and bool(signature) and end_mark.line > signature[-1].line
        if end_mark is not None and not last:
            sub(div, "trailer", tails.end_mark(self, end_mark))
        if signature and div.find("{*}p") is None and div.find(".//{*}div") is None \
                and div.find("{*}sp") is None:
            # A closer needs text before it (TEI); a document of header lines and a
            # signature keeps the signature lines as paragraphs.
            for block in ([salute] if salute else []) + signature + foot:
                self._paragraph(div, block)
        elif signature:
            closing.closer(self, div, signature, salute, place_date)
            if foot:
                memo_end.foot_address_lines(self, div.findall("{*}closer")[-1], foot)
        elif note_end is not None:
            memo_end.note_closer(self, div, note_end)
        elif place_date is not None:
            closing.unsigned_dateline(self, div, place_date)
        if distribution:
            # After the closer a division holds only notes and forme work (TEI's divBottom
            # and model.global): the distribution list is a note of its type holding the list.
            holder = sub(div, "note", type="distribution") if div.find("{*}closer") is not None \
                or memo_end.BOX_LABEL.match(distribution[0].text.strip()) else div
            layouts.distribution_note(self, holder, self._join(distribution))
        tails.tail(self, div, office_tail)
        cable.drafting_fields(self, div, drafted)
        if reference is not None:
            memo_end.reference(self, div, reference)
        if postscript:
            self._count("postscripts")
            closing.postscript(self, sub(div, "postscript"), self._join(postscript))
        if listed and div.find("{*}closer") is not None:
            layouts.distribution_note(self, sub(div, "note", type="distribution"),
                                      self._join(listed))
        elif listed:  # no closer (a signature with no text above it): the postscript's text
            self._structure(div.findall("{*}postscript")[-1], self._join(listed), top=False)
        if end_mark is not None and last:
            sub(div, "trailer", tails.end_mark(self, end_mark))
        for page in self._end_pages:
            layouts.page_break(self, div, page)
        self._end_pages = []
        self.back.extend(attachments)
        end = self.back[-1] if self.back else div
        notes_line = min((n.line for n in [*notes.texts.values(), *notes.repeated]), default=None)
        # a fragment above the rule or Notes line stands before it (the source's order)
        ruled = notes.separators[0].line if notes.separators else None
        for block in [b for b in trailing if ruled is not None and b.line < ruled]:
            self._residue(end, block, notes_line)
        for separator in notes.separators:
            sub(end, "fw", self._inline(separator, separator.text.strip(), notes=False), type="notes")
        for section, (_, _, _, made, used) in zip(sections, self._scopes):
            for made_note in made.values():
                made_note.set("place", "end")  # printed at the end of its section (TEI: place end)
            for key, note in section.notes.texts.items():
                if key not in used:
                    self.warn(f"footnote {note.label} is never referenced in the text; kept at "
                              "the end", note.line)
                    sub(end, "note", self._note_maker(note)(), place="foot", n=key)
            for note in section.notes.repeated:
                self.warn(f"footnote {note.label} is given twice; the second text is kept at "
                          "the end as a note referenced nowhere", note.line)
                sub(end, "note", self._note_maker(note)(), place="foot", n=note.key)
        for key, note in notes.texts.items():
            if key not in self._used:
                self.warn(f"footnote {note.label} is never referenced in the text; kept at the end",
                          note.line)
                sub(end, "note", self._notes[key](), place="foot", n=key)
                self._count("notes")
        for note in notes.repeated:
            self.warn(f"footnote {note.label} is given twice; the second text is kept at the end "
                      "as a note referenced nowhere", note.line)
            sub(end, "note", self._note_maker(note)(), place="foot", n=note.key)
            self._count("notes")
        for block in [b for b in trailing if ruled is None or b.line > ruled]:
            self._residue(end, block, notes_line)
        for part in [top, *self.back]:
            openers.join_openers(part)  # a mark among the opener's lines stays in it
            stenogram.parenthesised_events(part)  # `(Applause)` after a sentence of a speech
            inline_lists.inline_lists(part)  # `...: (a) ...; (b) ...` in one paragraph
            keep_inline_spacing(part)
            word_breaks(part)
            page_numbers(part)
            headed_pages(part)
            turned_pages(part)
        return top

    def _residue(self, end: etree._Element, block: SourceBlock, notes_line: int | None) -> None:
        """A fragment after the text: an omission mark as its gap, else fw (with a warning)."""
        if ELLIPSIS.match(block.text.strip()[1:-1]):
            end.extend(x for x in self._inline(block, block.text.strip()) if not isinstance(x, str))
            return
        self.warn(f"unclassified fragment {block.text.strip()!r} after the text; kept as <fw>",
                  block.line)
        # Below the footnote texts, a fragment stood at the foot of the page.
        below = notes_line is not None and block.line > notes_line
        sub(end, "fw", block.text.strip(), type="footer" if below else "residue")
        self._count("residue")

    def _count(self, key: str) -> None:
        self.stats[key] = self.stats.get(key, 0) + 1

    def _inline(self, block: SourceBlock, text: str | None = None, notes: bool = True) -> list[Inline]:
        """Inline TEI for a block's text; footnote references resolve unless `notes` is false
        (in a footnote's own text)."""
        # a block of a section whose note texts follow it refers to those
        scope = next((s for s in self._scopes if s[0] <= block.line < s[1]), None) \
            if notes and self._scopes else None
        makers, made, used = (scope[2], scope[3], scope[4]) if scope else \
            (self._notes, self._made_notes, self._used)
        encoder = InlineEncoder(block.text if text is None else text, self.tagger,
                                makers if notes else {},
                                locator(list(block.lines)), self.path, self.diagnostics, self.stats,
                                made_notes=made, note_id_prefix=self.note_id_prefix,
                                parenthesised=self._parenthesised if notes else frozenset(),
                                document_date=self.document_date, names_seen=self.names_seen)
        content = encoder.encode()
        used |= encoder.used_footnotes
        return content

    def _note_maker(self, note: NoteText) -> Callable[[], list[Inline]]:
        """The note's content; a text labelled otherwise than `[1]` (`¹ text`, `1. text`,
        `^1^ text`) keeps its label as written, so that the projection gives it back."""
        def make() -> list[Inline]:
            content = self._inline(note.text, note.text.text.rstrip(), notes=False)
            if note.label.startswith("["):
                return content
            return [el("label", note.label), " " if note.spaced else "", *content]
        return make

    # -- the end of the document: residue, attachments, postscript, signature ---------------
    def _trailing(self, blocks: list[SourceBlock], pages: bool = False) -> list[SourceBlock]:
        """Stray fragments and omission marks after the text (and after its signature),
        taken off the end of `blocks`. With `pages` (the text before its note texts), a page
        marker there begins the page the notes stand on: kept for the end of the division,
        after the signature (at the very end, after the notes, it was the page's footer)."""
        trailing: list[SourceBlock] = []
        while len(blocks) > 1 and not cue.bound_to_previous(blocks):
            text = blocks[-1].text.strip()
            if pages and layouts.page_marker(text):
                self._end_pages.insert(0, blocks.pop())  # the page the notes stand on
                continue
            if (len(text) <= 2 or _RESIDUE.fullmatch(text)) \
                    and not ELLIPSIS.match(text.strip("[]")):
                trailing.insert(0, blocks.pop())
            elif text.startswith("[") and text.endswith("]") and \
                    ELLIPSIS.match(text[1:-1]) and cue.signature_like(blocks[-2].text.strip()):
                trailing.insert(0, blocks.pop())
            else:
                break
        return trailing

    def _attachments(self, blocks: list[SourceBlock]) -> list[etree._Element]:
        """An `Attachment`/`Enclosure` line after the signature and what follows it: each a
        `div[@type='attachment']` of the back, headed by that line (before the signature, the
        section is a division of the text, see `_structure`)."""
        starts = [i for i, b in enumerate(blocks) if i > 1 and cue.ATTACHMENT.match(b.text.strip())
                  and len(b.text) <= 100 and any(cue.signature_like(x.text.strip())
                                                 for x in blocks[max(0, i - 3):i])]
        if not starts:
            return []
        starts = sorted({*starts, *annexes.later_starts(blocks, starts[0])})
        made: list[etree._Element] = []
        for start, end in zip(starts, starts[1:] + [len(blocks)]):
            head = blocks[start]
            part = el("div", type=annexes.part_type(head.text.strip()))
            sub(part, "head", self._inline(head, head.text.strip()))
            self.decided(f"{head.text.strip()!r} and what follows taken as an attachment", head.line)
            titled = annexes.title(blocks, start, end)  # `Annex 1` over its own title
            if titled:
                sub(part, "head", self._inline(blocks[start + 1], blocks[start + 1].text.strip()))
            self._structure(part, self._join(blocks[start + 1 + titled:end]), top=False)
            made.append(part)
            self._count("attachments")
        del blocks[starts[0]:]
        return made

    def _postscript(self, blocks: list[SourceBlock]) -> list[SourceBlock]:
        for index in range(len(blocks) - 1, max(0, len(blocks) - 8), -1):
            if cue.POSTSCRIPT.match(blocks[index].text.strip()) and index > 0:
                found = blocks[index:]
                del blocks[index:]
                return found
        return []

    # -- paragraphs and the structure between them ------------------------------------------
    def _join(self, blocks: list[SourceBlock]) -> list[SourceBlock]:
        """Rejoin paragraphs a page break cut inside a sentence or inside a bracket; a stamp
        laid out over several lines is one block, its lines kept as line breaks."""
        units: list[SourceBlock] = []
        blocks = [inline_pages(b) for b in blocks]
        skip = False
        for index, block in enumerate(blocks):
            if skip:
                skip = False
                continue
            following = blocks[index + 1] if index + 1 < len(blocks) else None
            if units and following is not None and layouts.page_marker(block.text.strip()) \
                    and not block.text.strip().startswith("[") \
                    and cue.cut_before_page(units[-1].text, following.text):
                # a page number between the halves of a sentence: the page turned there
                units[-1] = join_page(units[-1], block, following)
                self._count("page_breaks")
                skip = True
                continue
            # the blocks ahead matter only to a bracket open in the block before
            ahead = [b.text for b in blocks[index + 1:index + 9]] \
                if units and "[" in units[-1].text else []
            hangs = bool(units) and self.wraps and not block.separate and hanging(units[-1], block)
            if units and not block.separate and not layouts.page_marker(units[-1].text.strip()) \
                    and (hangs or cue.continues(units[-1].text, block.text, ahead)):
                # (a page's number never goes on with a line: `Page 3 of 4` / `in the autumn`)
                last = units[-1]
                stamp = cue.STAMP.match(last.text.lstrip()) is not None
                # the next line of the source, after a line no wider than an export wraps
                # or indented under the text after its entry's label, goes on with a wrap,
                # not a page break (a cut across a blank line is one)
                wrap = hangs or self.wraps and block.line == last.lines[-1][1] + 1 and \
                    max(line_widths(last) + line_widths(block)[:1]) <= WRAP_MAX
                # (a word cut by the wrap, `corre-` / `spondence`, takes no space: lb break="no")
                cut = wrap and WORD_CUT.search(last.text.rstrip()) is not None \
                    and block.text.lstrip()[:1].isalpha()
                glue = last.text.rstrip() + (LINE_BREAK if stamp or cut else " " + LINE_BREAK
                                             if wrap else " " + PAGE_BREAK)
                lines = last.lines + tuple((len(glue) + p, n) for p, n in block.lines)
                units[-1] = SourceBlock(glue + block.text.lstrip(), lines)
                self._count("lines" if stamp or wrap else "page_breaks")
            else:
                units.append(block)
        return units

    def _structure(self, div: etree._Element, units: list[SourceBlock], top: bool = True) -> None:
        """The blocks of a division: marks, heads and the opener at its top, then paragraphs,
        lists and stamps, numbered sections and journal entries as divisions of their own."""
        container = div
        units = underline.merge(self, units)  # a heading and the line of `=` or `-` under it
        entries = self._entry_dates(units)
        fields = forms.field_units(units)  # a card's `Born:` lines: no dialogue
        speeches = layouts.speeches(units) - fields
        parts = layouts.part_headings(units)
        running = layouts.running_lines(units)
        # 'A. Economic relations' is a section when another lettered heading stands beside
        # it; alone, 'K. Brenner' is an initial and a name
        lettered = sum(1 for u in units[:200] if not (cue.section_heading(u.text.strip())
                                                       or "1").isdigit())
        index = 0
        while index < len(units):
            unit = units[index]
            text = unit.text.strip()
            following = units[index + 1].text.strip() if index + 1 < len(units) else ""
            index += 1
            taken = top_lines.top_line(self, container, units, index - 1, bool(speeches)) \
                if top else 0
            if taken:  # a letterhead, the participants, a time, a note above the head
                index += taken - 1
                continue
            if underline.underlined(text):
                container, top = underline.heading(self, div, unit), True
                continue
            if top and self._heading_cue(text, following):
                while index < len(units) and index not in entries and \
                        cue.title_continues(units[index].text.strip(), unit.text):
                    unit = self._title_line(unit, units[index])
                    index += 1
                text = unit.text.strip()
                following = units[index].text.strip() if index < len(units) else ""
            if layouts.page_marker(text):
                layouts.page_break(self, container, unit)
                continue
            if index - 1 in running:
                layouts.running_line(self, container, unit, running[index - 1])
                continue
            if index - 1 in parts:
                container = layouts.part(self, div, unit)
                top = True
                continue
            if speeches and formal.session_line(self, container, unit):
                top = False  # `The meeting began at 10:00 hours.`: a stage ends the top (TEI)
                continue
            if top and formal.year_name(self, container, unit):
                continue
            stacked = formal.stacked_dateline(self, container, units, index - 1) if top else 0
            if stacked:
                index += stacked - 1
                continue
            rows = delegations.side_lists(self, container, units, index - 1) \
                or layouts.runs(self, container, units, index - 1)  # a table, a quoted letter
            if rows:
                index += rows - 1
                top = False
                continue
            if index - 1 in entries:
                container = sub(div, "div", type="entry")
                self._dateline(container, unit, text)
                self._count("entries")
                top = True
                continue
            noted = hands.top_note(self, container, unit) if top else None
            if noted is not None:  # a resolution written across the top: the top goes on
                top = noted
                continue
            taken = forms.encode(self, container, units, index - 1, fields, top)
            if taken or (top and self._top(container, unit, text, following)):
                index += max(taken - 1, 0)
                continue
            if index <= 5 and self._marks(container, unit):
                continue  # a mark after a stamp or a gap at the top stays where it stands
            if cue.STAMP.match(text) and cue.one_bracket(text):
                self._stamp(container, unit, text)
                continue
            if tails.attachment_mention(text, following) and not top:
                tails.mention(self, container, unit)
                continue
            if not top and following and cue.ATTACHMENT.match(text) and len(text) <= 100 \
                    and not entries:
                container = sub(div, "div", type="attachment")
                sub(container, "head", self._inline(unit, text))
                self.decided(f"{text!r} and what follows taken as an attachment", unit.line)
                self._count("attachments")
                top = True
                continue
            item = minutes.item_number(text)
            if item and following:  # `Re 1.`: the minutes take up agenda item 1
                container, top = minutes.item_section(self, div, unit, item), True
                continue
            number = cue.section_heading(text)
            if number and not number.isdigit() and lettered < 2:
                number = None
            if number and following and not entries and (
                    (not cue.section_heading(following) and cue.may_head(text, following))
                    or outline.subheading(text, following, lettered)):
                container = sub(div, "div", n=number)
                label = cue.SECTION.match(text)
                assert label
                sub(container, "head", self._labelled(unit, label.group("label")))
                self.decided(f"{text!r} taken as the heading of section {number}", unit.line)
                self._count("sections")
                top = True
                continue
            taken = (stenogram.fields_after_opening(self, container, units, index - 1)
                     or lists.late_fields(self, container, units, index - 1)) if not top else 0
            taken = taken or self._list(container, units, index - 1)
            if taken:
                index += taken - 1
                top = False
                continue
            top = False
            if index - 1 in speeches:
                layouts.speech(self, container, unit)
                continue
            if speeches and (layouts.remark(self, container, unit, index in speeches)
                             or layouts.continues_speech(self, container, unit)):
                continue
            taken = minutes.decision(self, container, units, index - 1)  # `Beschluß:`
            if taken:
                index += taken - 1
                continue
            self._paragraph(container, unit)

    @staticmethod
    def _heading_cue(text: str, following: str) -> bool:
        """A title at the top (capitals, letter-spaced, a document kind): lines after it may
        go on with it."""
        return not cue.mark_type(text) and (
            cue.letter_spaced(text) or (cue.heading_like(text) and not cue.POINT.match(text))
            or (cue.title_like(text) and bool(following)))

    def _title_line(self, head: SourceBlock, more: SourceBlock) -> SourceBlock:
        """A title's next line joined to it as a line break (a join across a page break
        there was a title's line, not a break)."""
        glue = head.text.rstrip() + LINE_BREAK
        text = glue + more.text.lstrip()
        lines = list(head.lines + tuple((len(glue) + p, n) for p, n in more.lines))
        while PAGE_BREAK in text:  # the join's ' \f' becomes a line break: offsets move by one
            at = text.index(PAGE_BREAK)
            self.stats["page_breaks"] = self.stats.get("page_breaks", 0) - 1
            cut = 1 if at and text[at - 1] == " " else 0
            text = text[:at - cut] + LINE_BREAK + text[at + 1:]
            lines = [(p - cut if p > at else p, n) for p, n in lines]
        return SourceBlock(text, tuple(lines))

    def _place_line(self, text: str) -> etree._Element | None:
        """A line that is only a place ('Beijing' over a journal's entries): its placeName."""
        if len(text.split()) > 4:
            return None
        return layouts.whole_name(self, text, "place", 40)

    def _top(self, div: etree._Element, unit: SourceBlock, text: str, following: str) -> bool:
        """Before a division's first paragraph: marks, heads, the opener. (A title's first
        line tells a title: its next lines, in `text` after a line break, go on with it.)"""
        if self._marks(div, unit):
            return True
        first = text.split(LINE_BREAK, 1)[0].rstrip()
        parts = cue.fields(unit)
        if len(parts) > 1 and (self._fields_line(div, unit, parts)
                               or layouts.telegram_fields(self, div, parts)
                               or columns.labelled_fields(self, div, parts)):
            return True
        if routing.routing(self, div, unit) or cable.cable_line(self, div, unit):
            return True  # `from Hanoi, sent ...`, `O 042218Z MAR 74`: the telegram's dateline
        if cue.letter_spaced(first):
            sub(div, "head", self._inline(unit, text), rend="letter-spaced")
            self._count("heads")
            return True
        if cue.ADDRESSEE.match(first) and self._opener(div, unit):
            return True  # `TO COMRADE NAM IL`: a telegram's addressee, not its title
        if cue.MEMO_FIELD.match(first) and self._opener(div, unit):
            return True  # `FROM: PRAGUE` in capitals: a field, not a title
        if offices.byline_goes_on(self, div, unit) or offices.office_under_office(self, div, unit):
            return True  # `OF THE COUNCIL OF MINISTERS` under `COMMITTEE FOR STATE SECURITY`
        if offices.organ_addressee(self, div, unit, following):
            return True  # `CC CPSU` over the title
        if cue.heading_like(first) and not cue.POINT.match(first) \
                and not columns.office_alone(div, first):
            sub(div, "head", self._inline(unit, text))
            self._count("heads")
            return True
        if (cue.title_like(first) or cue.subject_title(first, following)) and following:
            sub(div, "head", self._inline(unit, text))
            self.decided(f"{text!r} taken as the document's title", unit.line)
            self._count("heads")
            return True
        return logs.time_span_line(self, div, unit) or self._opener(div, unit) \
            or offices.over_office_dateline(self, div, unit, following) \
            or logs.maker_line(self, div, unit)

    def _marks(self, div: etree._Element, unit: SourceBlock) -> bool:
        """A line of classification or copy marks (one, or several apart by runs of spaces):
        each an `fw` of its type, where it stands."""
        found = cue.marks(unit)
        if found is None:
            return False
        runs = _runs(unit, len(found)) or _runs(unit, len(found), _AFTER_COMMA)
        for index, (part, kind) in enumerate(found):
            if index and runs:
                sub(div, "space", quantity=str(len(runs[index - 1])), unit="char",
                    dim="horizontal")
            sub(div, "fw", self._inline(part, part.text.strip()), type=kind)
            self._count("marks")
        return True

    def _fields_line(self, div: etree._Element, unit: SourceBlock,
                     parts: list[SourceBlock]) -> bool:
        """A line of fields apart by runs of spaces: an office and a place-and-date line
        (`byline`, `dateline`), or marks beside them; each run a `space` between them, so
        that the line projects as the one line it was."""
        found = [cue.place_date(p.text.strip()) or cue.date_line(p.text.strip()) for p in parts]
        if sum(1 for f in found if f) != 1:
            return False
        opener = self._current_opener(div)
        runs = _runs(unit, len(parts))
        for index, (part, dated) in enumerate(zip(parts, found)):
            if index and runs:
                sub(opener, "space", quantity=str(len(runs[index - 1])), unit="char",
                    dim="horizontal")
            text = part.text.strip()
            if dated:
                self._dateline(opener, part, text)
            elif cue.mark_type(text):
                sub(opener, "fw", self._inline(part, text), type=cue.mark_type(text) or "")
            else:  # (an office over its lines: a name per line, see columns.each_line)
                content = columns.each_line(self, part) if LINE_BREAK in text \
                    else self._inline(part, text)
                if not (index == 0 and offices.under_issuer(self, opener, content)):
                    sub(opener, "byline", content)
        return True

    def _current_opener(self, div: etree._Element) -> etree._Element:
        # the last opener, if it is the division's last element (a mark between ends it)
        opener = div[-1] if len(div) and div[-1].tag.endswith("}opener") else None
        return opener if opener is not None else sub(div, "opener")

    def _opener(self, div: etree._Element, unit: SourceBlock) -> bool:
        """Memorandum fields, the place-and-date line, an addressee and a salutation before
        the first paragraph: the document's opener."""
        text = unit.text.strip()
        if layouts.address_line(text):
            layouts.address(self, div, unit)
            return True
        addressed = layouts.addressed(div)
        if addressed is not None and cue.address_continues(text):
            # `To the First Secretary ...` / `Comrade N. S. Khrushchev` / `Moscow`: one address
            sub(addressed, "addrLine", self._inline(unit, text))
            return True
        if minutes.organ_line(self, div, unit):
            return True  # `Central Committee` under `Socialist Unity Party of Germany`
        if all(str(child.tag).endswith("}fw") for child in div):
            office = layouts.whole_name(self, text, "org", 100)
            if office is not None:
                # `Embassy of the ... Republic` alone at the very top: who issues the text
                sub(self._current_opener(div), "byline", [office])
                return True
            if cue.org_line(text):  # `Embassy of the FPRY in Moscow`: an office by its word
                sub(self._current_opener(div), "byline", self._inline(unit, text))
                return True
        field_match = cue.MEMO_FIELD.match(text) if not layouts.speaker(text) else None
        dated = cue.place_date(text) or cue.date_line(text)
        salute = cue.OPENING_SALUTE.match(text) and "[" not in text
        addressee = cue.ADDRESSEE.match(text) and not field_match
        place = None if field_match or dated or salute or addressee else self._place_line(text)
        if not field_match and not dated and not salute and not addressee and place is None:
            return False
        opener = self._current_opener(div)
        if place is not None:
            sub(opener, "dateline", [place])
            return True
        start = len(unit.text) - len(unit.text.lstrip())
        if field_match:
            label = cue.field_name(field_match.group("label"))
            value = unit.tail(start + field_match.end())
            content = layouts.posted_places(self, label, layouts.listed_persons(
                self, label, self._inline(value, value.text.rstrip()), unit.line), unit.line)
            sub(opener, "seg", [el("label", field_match.group()), *content],
                type="memo-field", subtype=lists.ncname(label))
        elif salute:
            sub(opener, "salute", self._inline(unit, text))
        elif addressee:
            sub(sub(opener, "address"), "addrLine", self._inline(unit, text))
        else:
            self._dateline(opener, unit, text)
        return True

    def _dateline(self, parent: etree._Element, unit: SourceBlock, text: str) -> None:
        """`Place, 12 March 1994` or a bare date as a dateline, the date with its ISO value."""
        # (`May 14, 1973` is a date alone, not the place `May 14` and the year)
        found = cue.place_date(text) if cue.date_line(text) is None else None
        if found:
            match, iso = found
            place = match.group("place")
            entry = self.tagger.lookup(place)
            place_el = self.tagger.mention(entry, place) if entry else el("placeName", place)
            rest = text[match.end("place"):match.start("date")]
            date_el = el("date", match.group("date"), **iso.attributes())
            sub(parent, "dateline", [place_el, rest, date_el, text[match.end("date"):]])
            return
        bare = cue.date_line(text, self.document_date)
        assert bare is not None
        date_text = text.rstrip(".") if _YEAR.search(text) else text
        sub(parent, "dateline", [el("date", date_text, **bare.attributes()), text[len(date_text):]])

    def _entry_dates(self, units: list[SourceBlock]) -> set[int]:
        """Indexes of the date lines that open a journal's entries: two or more lines that
        are only a date (or a place and a date), each followed by text."""
        found = [i for i, u in enumerate(units[:-1])
                 if len(u.text) <= 60 and (cue.date_line(u.text.strip(), self.document_date) or
                                           (i > 2 and cue.place_date(u.text.strip())))]
        # a date line right above another is no entry's: the period under a title ('June
        # 1972' over 'Monday, 5 June'), which the opener keeps
        found = [i for i in found if i + 1 not in found]
        # nor is a date line right above a title (`13 March 1959` over `JOURNAL`): the
        # document's own date, in its top (the opener's dateline)
        found = [i for i in found if not self._heading_cue(
            units[i + 1].text.strip(), units[i + 2].text.strip() if i + 2 < len(units) else "")]
        if len(found) < 2:
            return set()
        for i in found:
            if not _YEAR.search(units[i].text):
                self.diagnostics.append(review(
                    "date", f"the entry's date {units[i].text.strip()!r} gives no year: dated "
                    f"from the document's date ({self.document_date}), cert medium", self.path,
                    units[i].line))
        self.decided(f"the text split into {len(found)} journal entries at its date lines",
                     units[found[0]].line)
        return set(found)

    def _list(self, div: etree._Element, units: list[SourceBlock], index: int) -> int:
        """A list at `index` (`toolkit.encoding.lists`); also called by the layouts' rules."""
        return lists.block_list(self, div, units, index)

    def _stamp(self, div: etree._Element, unit: SourceBlock, text: str) -> None:
        """A stamp described in brackets, on its own (perhaps over several lines, in two
        columns): `note[@type='stamp']` holding `stamp`, its lines as `lb`, no page break."""
        start = unit.text.index("[")
        inner = unit.part(start + 1, start + len(text) - 1)
        # the translator's description before the colon (`stamp:`, `MFA stamp:`) is the
        # note's text, not the stamp's words, as for a stamp inside a paragraph
        described = _STAMP_DESCRIPTION.match(inner.text)
        lead: list[Inline] = []
        if described:
            lead = [described.group()]
            inner = inner.tail(described.end())
        sub(div, "note", [*lead, el("stamp", self._inline(inner, inner.text))], type="stamp")
        self._count("stamps")

    def _paragraph(self, div: etree._Element, unit: SourceBlock) -> None:
        text = unit.text.strip()
        if (text.startswith("[") and text.endswith("]") and ELLIPSIS.match(text[1:-1])) \
                or PAREN_OMISSION.fullmatch(text):
            div.extend(x for x in self._inline(unit, text) if not isinstance(x, str))
            return
        point = cue.POINT.match(text)
        self._count("paragraphs")
        content = self._labelled(unit, point.group("label") if point else None)
        if point and content and not isinstance(content[0], str):
            self._count("points")
            sub(div, "p", content, n=cue.point_number(point.group("label")))
            return
        sub(div, "p", content)

    def _paragraph_with(self, div: etree._Element, unit: SourceBlock, label: str) -> None:
        """A paragraph opened by a word of its own kind (`Resolved:`) as its `label`."""
        self._count("paragraphs")
        sub(div, "p", self._labelled(unit, label))

    def _labelled(self, unit: SourceBlock, label: str | None) -> list[Inline]:
        """A block's content, its opening number (`1)`, `2.`, `I.`) as a `label`; the label
        is not given to the inline stages (the names stage read 'I. Political' as a name)."""
        lead = len(unit.text) - len(unit.text.lstrip())
        if label and unit.text.startswith(label, lead):
            rest = unit.tail(lead + len(label))
            return [el("label", label), *self._inline(rest, rest.text.rstrip())]
        content = self._inline(unit, unit.text.rstrip())
        if content and isinstance(content[0], str):
            content[0] = content[0].lstrip()
        first = content[0] if content else ""
        if label and isinstance(first, str) and first.startswith(label):
            content[0] = first[len(label):]
            content.insert(0, el("label", label))
        return content


_STAMP_DESCRIPTION = re.compile(r"^[\w'’. -]{0,40}\b(?:stamp|seal)(?:ed)?\s*:\s*", re.I)
_RESIDUE = re.compile(r"[-–—\d\s.]+")


def _runs(unit: SourceBlock, fields: int, between: re.Pattern[str] = cue.FIELD_RUN) -> list[str]:
    """The white space between a line's `fields`: its runs of spaces (`structure.fields`),
    or with `_AFTER_COMMA` the spaces after its commas (`TOP SECRET, Copy No. 3`); none when
    the line was not split there, or the unit is more than one source line."""
    text = unit.text
    if LINE_BREAK in text or len({n for _, n in unit.lines}) > 1:
        return []  # fields of two columns over several lines (`columns`): no one line to keep
    runs = [m.group(m.lastindex or 0)
            for m in between.finditer(text, len(text) - len(text.lstrip()))]
    return runs if len(runs) == fields - 1 else []


_AFTER_COMMA = re.compile(r",(\s+)")  # marks apart by commas: the comma stays the mark's

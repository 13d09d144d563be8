"""Linking the names of TEI documents to the registers, in place.

Two kinds of edit, both as text, so that every other byte (every hand edit, indentation,
entities, comments) stays as it was and running it again changes nothing:

- a name element without @ref (persName, placeName, orgName) whose text is a form of exactly
  one register entry of its kind, as the converter's tagger decides it (NameTagger.lookup:
  folded, in a case that fits), gets `ref="prefix:id"`;
- a register form met as plain text in the document's `text` is wrapped in the entry's name
  element with its @ref: only the start and end tags are inserted. The converter's tagger
  reads each block (paragraph, head, item, note...) whole, so the longest name wins as in
  conversion (`South Korea` is not linked as `Korea`); a name is wrapped only where its words
  are plain text of one element, never across elements, never inside the header, an existing
  name, a gap, an abbreviation or expansion, a foreign word, a stamp, forme work...

A form two entries share is reported, not linked. The listPrefixDef gains a prefix it lacked.
"""

from __future__ import annotations

import bisect
import os
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from lxml import etree

from toolkit.encoding.names import NameTagger, Span
from toolkit.errors import InputError
from toolkit.names import xmltext
from toolkit.registers import MATCH_PATTERN, Registers, load_registers, prefix_for, prefix_table
from toolkit.safe_xml import parse_xml_file
from toolkit.tei import TEI_NS

KIND_OF = {"persName": "person", "placeName": "place", "orgName": "org"}
# elements inside a line of text: their words belong to the block around them
INLINE = frozenset("""hi supplied persName placeName orgName name rs roleName forename surname
addName genName nameLink geogName choice orig reg abbr expan ex unclear sic corr foreign term
date time num measure ref ptr pb lb cb gap add del seg q quote said emph title idno mentioned
soCalled distinct c w pc damage surplus space milestone anchor metamark bibl biblScope
pubPlace publisher label desc""".split())
# elements whose words are never linked: names already, omissions, abbreviations and their
# expansions (a name there would split a word or a choice), other languages, quoted titles
# and terms, dates and numbers, struck or uncertain readings
EXCLUDED = frozenset("""persName placeName orgName name rs roleName forename surname addName
genName nameLink geogName gap abbr expan ex choice foreign sic corr unclear del term date time
num measure idno ref ptr title code formula desc""".split())
# parts of a document never searched: the header and other non-text parts, forme work
# (classification marks, running heads), stamps
SKIPPED = frozenset("teiHeader standOff facsimile sourceDoc fw stamp".split())
SKIPPED_NOTES = frozenset({"stamp"})
SEPARATOR = "\n\n"


@dataclass
class Linked:
    path: Path
    names: list[tuple[int | None, str, str]] = field(default_factory=list)  # (line, text, ref)
    wrapped: list[tuple[int, str, str]] = field(default_factory=list)  # plain text now a name
    ambiguous: list[tuple[int, str, tuple[str, ...]]] = field(default_factory=list)  # not linked

    @property
    def changed(self) -> bool:
        return bool(self.names or self.wrapped)


@dataclass
class _Segment:
    """A run of character data inside a block's text, at `at` in the block's text."""

    run: xmltext.Run
    at: int
    eligible: bool
    parent: xmltext.Element


def _skipped(element: xmltext.Element) -> bool:
    return element.local in SKIPPED or (
        element.local == "note" and element.attrs.get("type") in SKIPPED_NOTES)


def _blocks(root: xmltext.Element) -> Iterator[tuple[str, list[_Segment]]]:
    """(text, segments) of each block of the document's `text`: an element that is not
    inline (p, head, item, note...), its inline children's words included, its nested
    blocks standing as separators."""
    pending: list[tuple[xmltext.Element, bool]] = [(root, False)]
    while pending:
        element, in_text = pending.pop()
        if _skipped(element):
            continue
        in_text = in_text or element.local == "text"
        if not in_text:
            pending.extend((c, False) for c in reversed(element.children)
                           if isinstance(c, xmltext.Element))
            continue
        parts: list[str] = []
        segments: list[_Segment] = []
        nested: list[xmltext.Element] = []
        length = 0

        def visit(node: xmltext.Element, eligible: bool) -> None:
            nonlocal length
            for child in node.children:
                if isinstance(child, xmltext.Run):
                    segments.append(_Segment(child, length, eligible and not child.cdata, node))
                    piece = child.text
                elif _skipped(child) or child.local not in INLINE:
                    if not _skipped(child):
                        nested.append(child)
                    piece = SEPARATOR
                elif not child.children:
                    piece = " "  # pb, lb, gap: words do not run on across them
                else:
                    visit(child, eligible and child.local not in EXCLUDED)
                    continue
                parts.append(piece)
                length += len(piece)

        visit(element, element.local not in EXCLUDED)
        if segments:
            yield "".join(parts), segments
        pending.extend((c, True) for c in reversed(nested))


def link_file(path: Path, registers: Registers, tagger: NameTagger,
              wrapper: NameTagger | None = None) -> Linked:
    """Link one document; the file is rewritten only when something was linked. `wrapper`
    (the converter's full tagger) finds register forms in plain text; without it only
    existing name elements are linked."""
    result = Linked(path)
    root = parse_xml_file(path).getroot()  # well-formed and safe before it is read as text
    raw = path.read_text(encoding="utf-8")
    document = xmltext.read(raw, str(path))
    newlines = [i for i, c in enumerate(raw) if c == "\n"]

    def line(offset: int) -> int:
        return bisect.bisect_left(newlines, offset) + 1

    edits: list[tuple[int, int, str]] = []  # (offset, order at one offset, text)
    used: set[str] = set()
    for element in document.iter():
        if element.local not in KIND_OF or "ref" in element.attrs:
            continue
        text = element.text()
        entry = tagger.lookup(text)
        if entry is None or entry.kind != KIND_OF[element.local] or tagger.generic(entry, text):
            continue  # (a generic form, `Council of Ministers`, is the editor's to link)
        ref = registers.ref(entry)
        used.add(prefix_for(entry.file))
        edits.append((element.start + 1 + len(element.name), 0, f' ref="{ref}"'))
        result.names.append((line(element.start), text, ref))
    if wrapper is not None:
        for text, segments in _blocks(document):
            spans, shared = wrapper.spans(text), wrapper.ambiguous(text)
            for start, end, entry_ref, prefix_file, where in _wrappable(spans, shared, segments, registers):
                tag = wrapper_tag(entry_ref[0], where)
                edits.append((where.run.start_of(start - where.at), 1, f'<{tag} ref="{entry_ref[1]}">'))
                edits.append((where.run.end_of(end - 1 - where.at), 0, f"</{tag}>"))
                used.add(prefix_file)
                result.wrapped.append((line(where.run.start_of(start - where.at)), text[start:end],
                                       entry_ref[1]))
            for start, end, ids, where in _ambiguous(spans, shared, segments):
                result.ambiguous.append((line(where.run.start_of(start - where.at)), text[start:end], ids))
    if not edits:
        return result
    declared = prefix_table(root)
    missing = [p for p in sorted(used) if p not in declared]
    if missing:
        position, addition = _declaration(raw, document, missing, registers, path.parent, path)
        edits.append((position, 0, addition))
    # in file order (at one offset an end tag before a start tag), pieces joined once
    pieces: list[str] = []
    position = 0
    for offset, _, addition in sorted(edits, key=lambda e: (e[0], e[1])):
        pieces += [raw[position:offset], addition]
        position = offset
    raw = "".join(pieces) + raw[position:]
    try:
        linked = etree.fromstring(raw.encode("utf-8"))
    except etree.XMLSyntaxError as error:  # pragma: no cover - a defect of this module
        raise InputError(f"linking would make the document ill-formed ({error}); not linked",
                         str(path), 1) from error
    names = [f"{{{TEI_NS}}}{t}" for t in KIND_OF]
    if sum(1 for _ in linked.iter(*names)) != sum(1 for _ in root.iter(*names)) + len(result.wrapped):
        raise InputError("the document's names are not in the TEI namespace as its text is; not "
                         "linked", str(path), 1)
    tmp = path.with_suffix(path.suffix + ".tmp")
    tmp.write_text(raw, encoding="utf-8")
    tmp.replace(path)
    return result


def wrapper_tag(tag: str, where: _Segment) -> str:
    """The name element's tag with the prefix its parent is written with (`tei:persName`)."""
    prefix = where.parent.prefix
    return f"{prefix}:{tag}" if prefix else tag


def _inside(segments: list[_Segment], starts: list[int], start: int, end: int) -> _Segment | None:
    """The eligible segment holding all of [start, end), if there is one (`starts`: the
    segments' offsets, for a binary search)."""
    index = bisect.bisect_right(starts, start) - 1
    segment = segments[index] if index >= 0 else None
    if segment is None or not segment.eligible or end > segment.at + len(segment.run.text):
        return None
    return segment


def _wrappable(spans: list[Span], shared: list[tuple[int, int, tuple[str, ...]]],
               segments: list[_Segment], registers: Registers,
               ) -> Iterator[tuple[int, int, tuple[str, str], str, _Segment]]:
    """Register names of a block (as the tagger chose them, in order) that stand as plain
    text of one element and are not part of a form two entries share."""
    starts = [s.at for s in segments]
    ordered = sorted(shared)
    next_shared, reach = 0, -1  # the furthest end of the shared forms started so far
    for span in spans:
        while next_shared < len(ordered) and ordered[next_shared][0] <= span.start:
            reach = max(reach, ordered[next_shared][1])
            next_shared += 1
        if span.entry is None or reach >= span.end:
            continue  # (a register span is never itself a shared form: those link to nothing)
        where = _inside(segments, starts, span.start, span.end)
        if where is not None:
            yield (span.start, span.end, (span.entry.mention_tag, registers.ref(span.entry)),
                   prefix_for(span.entry.file), where)


def _ambiguous(spans: list[Span], shared: list[tuple[int, int, tuple[str, ...]]],
               segments: list[_Segment]) -> Iterator[tuple[int, int, tuple[str, ...], _Segment]]:
    """Shared forms standing as plain text, not inside a longer name the tagger chose."""
    starts = [s.at for s in segments]
    span_starts = [s.start for s in spans]  # chosen spans do not overlap: one can hold it
    for start, end, ids in shared:
        index = bisect.bisect_right(span_starts, start) - 1
        if index >= 0 and spans[index].end >= end and spans[index].end - spans[index].start > end - start:
            continue
        where = _inside(segments, starts, start, end)
        if where is not None:
            yield start, end, ids, where


def _declaration(raw: str, document: xmltext.Element, prefixes: list[str], registers: Registers,
                 folder: Path, path: Path) -> tuple[int, str]:
    """Where and what to insert to declare `prefixes`: in the listPrefixDef, else a new one in
    the encodingDesc, else a new encodingDesc after the fileDesc; tags written with the
    document's own namespace prefix, indented as the header is."""
    files = {prefix_for(e.file): e.file for e in registers.entries}
    ns = f"{document.prefix}:" if document.prefix else ""

    def indent(element: xmltext.Element) -> str:
        line = raw[raw.rfind("\n", 0, element.start) + 1:element.start]
        return line if not line.strip() else ""

    def defs(at: str) -> str:
        return "".join(
            f'\n{at}<{ns}prefixDef ident="{p}" matchPattern="{MATCH_PATTERN}" replacementPattern="'
            f'{Path(os.path.relpath(files[p].resolve(), folder.resolve())).as_posix()}#$1"/>'
            for p in prefixes)

    header = document.child("teiHeader")
    encoding = header.child("encodingDesc") if header is not None else None
    declared = encoding.child("listPrefixDef") if encoding is not None else None
    if declared is not None and declared.close > declared.start:
        line_start = raw.rfind("\n", 0, declared.close)
        position = line_start if not raw[line_start + 1:declared.close].strip() else declared.close
        return position, defs(indent(declared) + "  ")
    if encoding is not None and encoding.close > encoding.start:
        at = indent(encoding) + "  "
        return raw.rfind("\n", 0, encoding.close), \
            f"\n{at}<{ns}listPrefixDef>{defs(at + '  ')}\n{at}</{ns}listPrefixDef>"
    description = header.child("fileDesc") if header is not None else None
    if description is None:
        raise InputError("the document has no teiHeader/fileDesc to declare its pointers after",
                         str(path), 1)
    at = indent(description)
    after = raw.index(">", description.close) + 1
    return after, (f"\n{at}<{ns}encodingDesc>\n{at}  <{ns}listPrefixDef>{defs(at + '    ')}\n{at}  "
                   f"</{ns}listPrefixDef>\n{at}</{ns}encodingDesc>")


def link_edition(edition: Path, registers_dir: Path | None = None) -> list[Linked]:
    registers_dir = registers_dir or edition / "registers"
    registers = load_registers(registers_dir)
    tagger = NameTagger(registers, edition, gazetteer=False, use_cues=False)
    wrapper = NameTagger(registers, edition)  # the converter's: registers, cues, gazetteer
    return [link_file(path, registers, tagger, wrapper)
            for path in sorted(edition.glob("*.xml")) if path.is_file()]

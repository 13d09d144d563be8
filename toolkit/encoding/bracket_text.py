"""The text between a paragraph's brackets: page and line breaks, Markdown emphasis, notes in
parentheses, note references (superscript, caret, sign), `(...)` omissions, then times,
dates and names, in that order, each stage on the strings the one before left.

These stages never classify a bracket (InlineEncoder in toolkit.encoding.brackets does): they
are what it hands the text between brackets, and each bracket's words, to (InlineText._finish).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field

from lxml import etree

from toolkit.encoding import dates, times
from toolkit.encoding.bracket_kinds import EMPHASIS, PAREN_NOTE, PAREN_OMISSION
from toolkit.encoding.bracket_parse import cut, offset_of
from toolkit.encoding.names import DocumentNames, NameTagger
from toolkit.encoding.notes import REFERENCE, note_key
from toolkit.errors import Diagnostic, Severity, review
from toolkit.tei import XML_ID, Inline, el

PAGE_BREAK = "\x0c"  # marks where a paragraph of the source was cut by a page break
LINE_BREAK = "\x0b"  # a Markdown hard line break inside a paragraph
BREAKS = re.compile(f"[{PAGE_BREAK}{LINE_BREAK}]")
UNIT_BEFORE = re.compile(r"(?<![\w])(?:k?m|cm|mm|ft|sq|in)$")  # km², m³: powers, not notes


@dataclass
class InlineText:
    """One paragraph's encoding state, and the stages for the text around its brackets."""

    text: str
    tagger: NameTagger
    footnotes: Mapping[str, Callable[[], list[Inline]]]
    locate: Callable[[int], tuple[int, int]]
    path: str
    diagnostics: list[Diagnostic]
    stats: dict[str, int]
    used_footnotes: set[str] = field(default_factory=set)
    parenthesised: frozenset[str] = frozenset()  # note texts written `(1) text`, `1) text`:
    #                                                '(1', '1)' (their keys in that form)
    made_notes: dict[str, etree._Element] = field(default_factory=dict)  # shared by a document
    note_id_prefix: str = "fn"
    document_date: str | None = None  # ISO date of the document, for dates without a year
    names_seen: DocumentNames | None = None  # the persons the document named so far
    _dates: bool = True  # the paragraph may hold a date (the dates stage runs)
    _references: bool = True  # ... a superscript or caret note reference
    _times: bool = True  # ... a clock time (the times stage runs)

    def _count(self, key: str) -> None:
        self.stats[key] = self.stats.get(key, 0) + 1

    def _review(self, kind: str, message: str, offset: int, warning: bool = False) -> None:
        line, column = self.locate(offset)
        if warning:
            self.diagnostics.append(Diagnostic(Severity.WARNING, message, self.path, line, column))
        self.diagnostics.append(review(kind, message, self.path, line, column))

    def _paren_notes(self, text: str) -> list[Inline]:
        """`(Translator's note: ...)` inside a sentence: the translator's (or the editor's)
        note, its parentheses kept (rend parentheses: the projection gives them back), its
        label no name; any other parenthesis is the text's."""
        out: list[Inline] = []
        position = 0
        for found in PAREN_NOTE.finditer(text):
            out.append(cut(text, position, found.start()))
            self._count("notes")
            kind = "translator" if found.group("translator") or found.group("by_translator") \
                else "editorial"
            label = cut(text, found.start("label"), found.end("label"))
            out.append(el("note", [label, *self._finish([cut(text, found.end("label"),
                                                              found.end("words"))])],
                          type=kind, place="inline", rend="parentheses"))
            position = found.end()
        out.append(cut(text, position))
        return [item for item in out if not isinstance(item, str) or item]

    def _finish(self, items: list[Inline], names: bool = True) -> list[Inline]:
        """Page and line breaks, Markdown emphasis, then (unless `names` is false: a foreign
        term) note references, names and dates in the remaining strings."""
        out: list[Inline] = []
        for item in items:
            if not isinstance(item, str):
                out.append(item)
                continue
            base = offset_of(item)
            if PAGE_BREAK not in item and LINE_BREAK not in item:  # most strings: no search
                if not item:
                    continue
                if names and "*" not in item and not self._references:
                    # no emphasis, no superscript reference: straight to names and dates
                    # (what _emphasis and _phrases would do, without their calls and lists)
                    out.extend(self._names_and_dates(item[0:], base))
                else:
                    out.extend(self._emphasis(item[0:], base, names))
                continue
            position = 0
            # a name a hard wrap cuts is one name, its lb inside (toolkit.encoding.names)
            for start, end, name in self.tagger.across_breaks(
                    item, LINE_BREAK, self._name_review(base or 0), self.names_seen) if names and (
                        LINE_BREAK in item) else ():
                out.extend(self._broken(item[position:start], _plus(base, position), names))
                out.append(name)
                position = end
            out.extend(self._broken(item[position:], _plus(base, position), names))
        return out

    def _broken(self, item: str, base: int | None, names: bool) -> list[Inline]:
        """A string's page and line breaks as pb and lb, the text between them encoded."""
        out: list[Inline] = []
        position = 0
        for found in BREAKS.finditer(item):
            if found.start() > position:
                out.extend(self._emphasis(item[position:found.start()], _plus(base, position),
                                          names))
            out.append(el("pb") if found.group() == PAGE_BREAK else el("lb"))
            position = found.end()
        if position < len(item):
            out.extend(self._emphasis(item[position:], _plus(base, position), names))
        return out

    def _emphasis(self, text: str, at: int | None, names: bool = True) -> list[Inline]:
        """Markdown bold and italics as hi."""
        if "*" not in text:  # both forms need an asterisk
            return self._phrases(text, at, names)
        out: list[Inline] = []
        position = 0
        for match in EMPHASIS.finditer(text):
            out.extend(self._phrases(text[position:match.start()], _plus(at, position), names))
            bold = match.group(1) is not None
            group = 1 if bold else 2
            inner = self._phrases(match.group(group), _plus(at, match.start(group)), names)
            out.append(el("hi", inner, rend="bold" if bold else "italic"))
            position = match.end()
        out.extend(self._phrases(text[position:], None if at is None else at + position, names))
        return out

    def _phrases(self, text: str, at: int | None, names: bool) -> list[Inline]:
        """Superscript note references (¹, ^1^), then names, then dates."""
        if not names:
            return [text] if text else []
        out: list[Inline] = []
        position = 0
        # superscript figures are not ASCII: most strings need no search
        searched = self._references and ("^" in text or not text.isascii() or "*" in text
                                         or ")" in text)
        for match in REFERENCE.finditer(text) if searched else ():
            reference = self._superscript_reference(match, text, _plus(at, match.start()))
            if reference is None:
                continue
            out.extend(self._names_and_dates(text[position:match.start()], _plus(at, position)))
            out.append(reference)
            position = match.end()
        out.extend(self._names_and_dates(text[position:], None if at is None else at + position))
        return out

    def _names_and_dates(self, text: str, at: int | None) -> list[Inline]:
        if not text:
            return []
        if "(" in text and PAREN_OMISSION.search(text):
            return self._omissions(text, at)
        if self._times and times.may_hold_time(text):
            return self._times_first(text, at)
        return self._dates_and_names(text, at)

    def _times_first(self, text: str, at: int | None) -> list[Inline]:
        """Clock times (toolkit.encoding.times), then dates and names in the text between."""
        return _between(times.tag_times(text, self.stats), at, self._dates_and_names)

    def _dates_and_names(self, text: str, at: int | None) -> list[Inline]:
        if not text:
            return []
        if not self._dates or not dates.may_hold_date(text):
            return self.tagger.tag(text, self._name_review(at or 0), self.names_seen)
        # Dates first, names in the text between them: a date's words are never a name
        # (`3/VI/71`: the names stage would read the Roman month `VI` as a person).
        def names(between: str, where: int | None) -> list[Inline]:
            return self.tagger.tag(between, self._name_review(where or 0),
                                   self.names_seen) if between else []
        return _between(dates.tag_dates(text, self.document_date, self._date_review(at or 0),
                                        self.stats), at, names)

    def _omissions(self, text: str, at: int | None) -> list[Inline]:
        """`(...)` as gap[@reason='omitted'], its form in @rend (the projection gives it back);
        the text around it through names and dates."""
        out: list[Inline] = []
        position = 0
        for found in PAREN_OMISSION.finditer(text):
            out.extend(self._names_and_dates(text[position:found.start()], _plus(at, position)))
            out.append(el("gap", reason="omitted", rend=found.group()))
            self._count("gaps")
            position = found.end()
        out.extend(self._names_and_dates(text[position:], _plus(at, position)))
        return out

    def _name_review(self, start: int) -> Callable[[int, str], None]:
        def note(offset: int, message: str) -> None:
            self._review("name", message, start + offset)
        return note

    def _date_review(self, start: int) -> Callable[[int, str], None]:
        def note(offset: int, message: str) -> None:
            self._review("date", message, start + offset)
        return note

    # -- footnote references ----------------------------------------------------------------
    def _footnote(self, label: str, rend: str | None = None) -> Inline | None:
        """The note a reference names (by note_key), or a ptr to it when referenced before."""
        key = note_key(label)
        found = key if key in self.footnotes else label if label in self.footnotes else None
        if found is None:
            return None
        first = self.made_notes.get(found)
        if first is not None:  # the note was referenced before: point to it
            first.set(XML_ID, first.get(XML_ID) or f"{self.note_id_prefix}{_id_part(key)}")
            pointer = el("ptr", target="#" + first.get(XML_ID, ""), n=label)
            if rend:
                pointer.set("rend", rend)
            return pointer
        self._count("notes")
        self.used_footnotes.add(found)
        attributes = {"place": "foot", "n": label, **({"rend": rend} if rend else {})}
        note = self.made_notes[found] = el("note", self.footnotes[found](), **attributes)
        return note

    def _superscript_reference(self, match: re.Match[str], text: str, at: int | None) -> Inline | None:
        caret = match.group("caret")
        if match.group("mark") is not None:  # `*`, `†`: a reference only to a note text of it
            mark = match.group("mark")
            return self._footnote(mark, "symbol") if mark in self.footnotes else None
        if match.group("paren") is not None:  # `(1)`: only to a note text `(1) text`
            label = match.group("paren")
            return self._footnote(label, "parenthesised") \
                if "(" + label.lower() in self.parenthesised else None
        if match.group("spaced") is not None:  # `Vienna (1)`: only to the texts so referred to
            label = match.group("spaced")
            return self._footnote(label, "parenthesised") \
                if " (" + label in self.parenthesised else None
        if match.group("closing") is not None:  # `1)`: only to a note text `1) text`
            label = match.group("closing")
            return self._footnote(label, "parenthesis-after") \
                if label.lower() + ")" in self.parenthesised else None
        label = caret if caret is not None else match.group("sup").translate(SUPERSCRIPT_DIGITS)
        if caret is None and match.group("sup") in "²³" and UNIT_BEFORE.search(text[:match.start()]):
            return None
        reference = self._footnote(label, "caret" if caret is not None else "superscript")
        if reference is None:
            self._review("note", f"{match.group()!r} looks like a footnote reference but no note "
                         "text was found; kept as text", at or 0, warning=True)
        return reference


SUPERSCRIPT_DIGITS = str.maketrans("⁰¹²³⁴⁵⁶⁷⁸⁹", "0123456789")


# a note's sign as a part of an xml:id (an NCName): `*` -> `star`, `††` -> `dagger2`
_SIGN_NAMES = {"*": "star", "†": "dagger", "‡": "ddagger", "§": "sect", "¶": "para", "#": "hash"}
_SIGN_RUN = re.compile(r"([^\w.-])\1*")


def _id_part(key: str) -> str:
    """`key` fit for an xml:id: a run of a sign is its name and, when doubled, its count; a
    sign named nowhere is its code point (a reference given twice is a ptr to the note's id)."""
    def name(run: re.Match[str]) -> str:
        sign, count = run.group(1), len(run.group(0))
        base = _SIGN_NAMES.get(sign, f"u{ord(sign):x}")
        return base + (str(count) if count > 1 else "")
    return _SIGN_RUN.sub(name, key)


def _between(items: Iterable[Inline], at: int | None,
             inner: Callable[[str, int | None], list[Inline]]) -> list[Inline]:
    """A stage's elements as they are, the text between them through `inner` with its offset
    in the source line (for review entries): how times, dates and names nest."""
    out: list[Inline] = []
    position = 0
    for item in items:
        if isinstance(item, str):
            out.extend(inner(item, _plus(at, position)))
            position += len(item)
        else:
            out.append(item)
            position += len(item.text or "")
    return out


def _plus(base: int | None, offset: int) -> int | None:
    return None if base is None else base + offset

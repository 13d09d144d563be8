"""Square brackets of a translation, parsed (with nesting) and classified into TEI.

Translators use one sign, `[...]`, for many editorial acts. Each bracket is classified by its
content and its neighbours: an omission (gap), a supplied identification or clarification, an
original-language term (foreign), a variant spelling of the name before it (choice/orig/reg),
[sic], an expansion inside a word (expan/ex), a footnote reference, a description of the source
(note), a Markdown link. The brackets themselves are never stored: the stylesheets and the
plain-text projection regenerate them from the elements.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field

from toolkit.encoding import languages
from toolkit.encoding.names import NameTagger
from toolkit.errors import Diagnostic, InputError, Severity
from lxml import etree

from toolkit.tei import XML_ID, Inline, el

PAGE_BREAK = "\x0c"  # marks where a paragraph of the source was cut by a page break
LINE_BREAK = "\x0b"  # a Markdown hard line break inside a paragraph

ELLIPSIS = re.compile(r"^\s*(?:\.{2,}|…+\.*|\.\s\.\s\.|…\s?\.|\.…)\s*$")
ILLEGIBLE = re.compile(r"^(?:\w+\s)?(?:words?\s)?(?:illegible|unreadable|indecipherable)(?:\s[\w ]+)?$", re.I)
EXTENT = re.compile(r"^(?P<q>one|two|three|four|five|six|seven|eight|nine|ten|\d{1,3})\s+"
                    r"(?P<u>word|line|letter|character|page)s?\b", re.I)
NUMBER_WORDS = {w: i for i, w in enumerate(
    "one two three four five six seven eight nine ten".split(), start=1)}
OMITTED_ITEM = re.compile(r"^(?:signature|illegible signature|initials|stamp|seal|date stamp)$", re.I)
SOURCE_NOTE = re.compile(
    r"^(?:hand-?written|in handwriting|handwriting|typewritten|type-written|marginal(?:ia| note)?|"
    r"margin note|in the (?:left |right |upper |lower |top |bottom )?margin|stamp(?:ed)?\b|"
    r"note\b|translator'?s note|editor'?s note|emphasis|underlined|underlining|"
    r"crossed out|struck through|deleted|in the original|original\b|annotation|illegible)",
    re.I,
)
ROLE_WORDS = re.compile(
    r"\b(?:ambassador|minister|chairman|chairwoman|secretary|president|premier|marshal|general|"
    r"deputy|head|leader|director|counsel+or|attach[eé]|consul|commander|officer|member|chief|"
    r"envoy|charg[eé]|advis[eo]r|correspondent|interpreter|vice|first|second|third|colonel|"
    r"admiral|prime|foreign|party|comrade)\b",
    re.I,
)
FOOTNOTE_REF = re.compile(r"^\d{1,3}$")
ACRONYM = re.compile(r"^[A-Z][A-Z&]{1,7}$")
PERSON_CONTEXT = re.compile(r"(?:\b(?:Comrades?|Mr|Mrs|Ms|Dr|Messrs|Mme|Herr|Frau|Tovarishch)\.?|"
                            + r"(?<![\w-])(?:[Aa]mbassador|[Mm]inister|[Cc]hairman|[Ss]ecretary|"
                            + r"[Pp]remier|[Gg]eneral|[Mm]arshal|[Pp]resident))\s+$")
STOP_WORDS = {"of", "the", "and", "for", "in", "on", "de", "des", "der", "du", "la", "of the"}
MARKDOWN_LINK_TAIL = re.compile(r"^\((https?://[^\s)]+)\)")
BREAKS = re.compile(f"([{PAGE_BREAK}{LINE_BREAK}])")
EMPHASIS = re.compile(r"\*\*(?=\S)(.+?)(?<=\S)\*\*|(?<![*\w])\*(?=\S)([^*]+?)(?<=\S)\*(?![*\w])")
SQUARE = re.compile(r"[\[\]]")


@dataclass
class Bracket:
    start: int
    end: int = -1
    children: list[str | Bracket] = field(default_factory=list)

    def raw(self, text: str) -> str:
        return text[self.start + 1:self.end - 1]

    def plain(self) -> bool:
        return all(isinstance(child, str) for child in self.children)


def parse_brackets(text: str, locate: Callable[[int], tuple[int, int]], path: str) -> list[str | Bracket]:
    """Split text into strings and (nested) brackets; unbalanced brackets are input errors."""
    root: list[str | Bracket] = []
    stack: list[Bracket] = []
    buffer_start = 0

    def target() -> list[str | Bracket]:
        return stack[-1].children if stack else root

    for found in SQUARE.finditer(text):
        index, char = found.start(), found.group()
        if char == "[":
            if index > buffer_start:
                target().append(text[buffer_start:index])
            bracket = Bracket(index)
            target().append(bracket)
            stack.append(bracket)
            buffer_start = index + 1
        elif char == "]":
            if not stack:
                line, column = locate(index)
                raise InputError("unbalanced bracket: ']' without a matching '['", path, line, column)
            if index > buffer_start:
                target().append(text[buffer_start:index])
            stack.pop().end = index + 1
            buffer_start = index + 1
    if stack:
        line, column = locate(stack[0].start)
        raise InputError("unbalanced bracket: '[' is never closed", path, line, column)
    if buffer_start < len(text):
        root.append(text[buffer_start:])
    return root


def _initials(phrase: str) -> str:
    """Initials of the capitalised words: 'Union of Soviet Socialist Republics' -> 'USSR'."""
    words = re.findall(r"[\w'’]+", phrase)
    if not words or any(w.lower() not in STOP_WORDS and not w[:1].isupper() for w in words):
        return ""
    return "".join(w[0] for w in words if w.lower() not in STOP_WORDS)


def _letters(text: str) -> str:
    return "".join(ch for ch in text.lower() if ch.isalpha())


@dataclass
class InlineEncoder:
    """Turns one paragraph's text into TEI inline content."""

    text: str
    tagger: NameTagger
    footnotes: Mapping[str, Callable[[], list[Inline]]]
    locate: Callable[[int], tuple[int, int]]
    path: str
    diagnostics: list[Diagnostic]
    stats: dict[str, int]
    used_footnotes: set[str] = field(default_factory=set)
    made_notes: dict[str, etree._Element] = field(default_factory=dict)  # shared by a document
    note_id_prefix: str = "fn"
    document_date: str | None = None  # ISO date of the document, for dates without a year
    _identified: bool = False  # the bracket follows a supplied identification
    _after: list[Inline] = field(default_factory=list)  # to stand right after the element

    def encode(self) -> list[Inline]:
        return self._sequence(parse_brackets(self.text, self.locate, self.path))

    def _count(self, key: str) -> None:
        self.stats[key] = self.stats.get(key, 0) + 1

    # -- a sequence of strings and brackets -------------------------------------------
    def _sequence(self, nodes: list[str | Bracket]) -> list[Inline]:
        out: list[Inline] = []
        attach_to: Inline | None = None  # an <expan> still collecting the rest of its word
        skip_link_tail = 0
        for index, node in enumerate(nodes):
            if isinstance(node, str):
                if skip_link_tail:
                    node = node[skip_link_tail:]
                    skip_link_tail = 0
                if attach_to is not None and not isinstance(attach_to, str):
                    word = re.match(r"\w+", node)
                    if word:
                        _append_text(attach_to, word.group())
                        node = node[word.end():]
                    attach_to = None
                out.append(node)
                continue
            attach_to = None  # a bracket ends the word an expansion was collecting
            before = out[-1] if out and isinstance(out[-1], str) else ""
            following = nodes[index + 1] if index + 1 < len(nodes) else ""
            after = following if isinstance(following, str) else ""
            link = MARKDOWN_LINK_TAIL.match(after) if node.plain() else None
            if link:
                self._count("links")
                out.append(el("ref", self._strings(node.children), target=link.group(1)))
                skip_link_tail = link.end()
                continue
            previous = out[-2] if len(out) >= 2 and isinstance(out[-1], str) else (
                out[-1] if out and not isinstance(out[-1], str) else None)
            self._identified = previous is not None and not isinstance(previous, str) and \
                previous.get("reason") == "identification"
            element, consumed = self._classify(node, before, after)
            if consumed:
                out[-1] = before[: len(before) - consumed]
            out.append(element)
            out.extend(self._after)
            self._after = []
            if not isinstance(element, str) and element.tag.endswith("}expan"):
                attach_to = element
        return self._finish(out)

    def _strings(self, children: list[str | Bracket]) -> list[Inline]:
        return self._sequence(children)

    def _finish(self, items: list[Inline], names: bool = True) -> list[Inline]:
        """Tag names (unless `names` is false), page and line breaks, and Markdown emphasis
        in the remaining strings."""
        out: list[Inline] = []
        for item in items:
            if not isinstance(item, str):
                out.append(item)
                continue
            for part in BREAKS.split(item):
                if part == PAGE_BREAK:
                    out.append(el("pb"))
                elif part == LINE_BREAK:
                    out.append(el("lb"))
                elif part:
                    out.extend(self._emphasis(part, names))
        return out

    def _emphasis(self, text: str, names: bool = True) -> list[Inline]:
        """Markdown bold and italics as hi; names are tagged unless the text is a foreign term."""
        tag: Callable[[str], list[Inline]] = self.tagger.tag if names else (lambda t: [t])
        out: list[Inline] = []
        position = 0
        for match in EMPHASIS.finditer(text):
            out.extend(tag(text[position:match.start()]))
            bold = match.group(1) is not None
            inner = match.group(1) if bold else match.group(2)
            out.append(el("hi", tag(inner), rend="bold" if bold else "italic"))
            position = match.end()
        out.extend(tag(text[position:]))
        return out

    # -- one bracket ----------------------------------------------------------------------
    def _classify(self, bracket: Bracket, before: str, after: str) -> tuple[Inline, int]:
        """The element for a bracket and how many characters it takes from the text before."""
        raw = bracket.raw(self.text)
        # A page break cuts the bracket's words, not its meaning: it is classified on its
        # content without the break, which is kept as pb (see _with_breaks and _gap_broken).
        content = " ".join(raw.replace(PAGE_BREAK, " ").split()) if PAGE_BREAK in raw \
            else raw.strip()
        whole = bracket.plain()
        # one unbroken run: the kinds that hold a single word or a fixed sign need it
        plain = whole and PAGE_BREAK not in raw and LINE_BREAK not in raw
        # no line break: the kinds that can keep a page break (in or after the element)
        one_line = whole and LINE_BREAK not in raw

        if plain and ELLIPSIS.match(raw):
            self._count("gaps")
            attrs = {} if raw == "..." else {"rend": raw.strip()}
            return el("gap", reason="omitted", **attrs), 0
        if plain and content.lower() == "sic":
            self._count("sic")
            word = re.search(r"(\w[\w'’.-]*)\s$", before)
            if word:
                return el("sic", word.group(1)), len(word.group(0))
            return el("sic"), 0
        if plain and FOOTNOTE_REF.match(content) and content in self.footnotes:
            first = self.made_notes.get(content)
            if first is not None:  # the note was referenced before: point to it
                first.set(XML_ID, first.get(XML_ID) or f"{self.note_id_prefix}{content}")
                return el("ptr", target="#" + first.get(XML_ID, ""), n=content), 0
            self._count("notes")
            self.used_footnotes.add(content)
            note = self.made_notes[content] = el("note", self.footnotes[content](), place="foot", n=content)
            return note, 0
        if one_line and ILLEGIBLE.match(content):
            self._count("gaps")
            extent = EXTENT.match(content)
            size: dict[str, str] = {}
            if extent:
                quantity = extent.group("q").lower()
                size = {"quantity": str(NUMBER_WORDS.get(quantity, quantity)),
                        "unit": extent.group("u").lower()}
            return self._gap_broken(raw, content, reason="illegible", **size), 0
        if one_line and OMITTED_ITEM.match(content):
            self._count("gaps")
            return self._gap_broken(raw, content, reason="omitted"), 0
        if plain and re.fullmatch(r"[^\W\d_]+", content) and (
                re.search(r"[^\W\d_]$", before) or re.match(r"[^\W\d_]", after)):
            return self._expansion(content, before)
        if SOURCE_NOTE.match(content):
            self._count("notes")
            place = "margin" if "margin" in content.lower() else "inline"
            kind = ("marginalia" if place == "margin" else
                    "translator" if content.lower().startswith("translator") else "editorial")
            return el("note", self._strings(bracket.children), type=kind, place=place), 0
        if whole:
            prefixed = languages.split_language_prefix(raw)
            if prefixed:
                label, term, tag = prefixed
                self._count("supplied")
                lead = raw[: raw.index(label) + len(label)]
                middle = raw[len(lead): raw.index(term, len(lead))]
                code = tag.split("-")[0]
                terms: list[Inline] = self._finish([lead + middle], names=False)
                for part in languages.split_terms(term):
                    if part.strip(" ,;/" + PAGE_BREAK + LINE_BREAK):
                        terms.append(el("foreign", self._finish([part], names=False),
                                        xml_lang=languages.tag_for(code, part)))
                    else:
                        terms.extend(self._finish([part], names=False))
                return el("supplied", terms, reason="original-term"), 0
        if one_line:
            acronym = self._acronym(content, before, raw)
            if acronym is not None:
                return acronym
            variant = self._variant(content, before, raw)
            if variant is not None:
                return variant
        self._count("supplied")
        inner = self._strings(bracket.children)
        if self._identifies(content, after):
            return el("supplied", inner, reason="identification"), 0
        if plain and FOOTNOTE_REF.match(content):
            line, column = self.locate(bracket.start)
            self.diagnostics.append(Diagnostic(
                Severity.WARNING, f"[{content}] looks like a footnote reference but no note "
                "text was found; encoded as supplied text", self.path, line, column))
        return el("supplied", inner, reason="clarification"), 0

    def _gap_broken(self, raw: str, content: str, **attributes: str) -> Inline:
        """A gap with its description; a gap cannot hold a pb (nor can its desc), so a page
        break inside the bracket stands right after the gap, and the desc keeps a newline
        where the page turned: white space to TEI, the break's place to the projection."""
        if PAGE_BREAK not in raw:
            return el("gap", [el("desc", content)], **attributes)
        parts = [" ".join(part.split()) for part in raw.split(PAGE_BREAK)]
        self._after = [el("pb") for _ in parts[1:]]
        return el("gap", [el("desc", "\n".join(p for p in parts if p))], **attributes)

    def _with_breaks(self, content: str, raw: str) -> list[Inline]:
        """A bracket's words for an element that can hold pb: the page breaks kept."""
        if PAGE_BREAK not in raw:
            return [content]
        parts = [" ".join(part.split()) for part in raw.split(PAGE_BREAK)]
        return self._finish([f" {PAGE_BREAK}".join(parts).strip()], names=False)

    def _expansion(self, content: str, before: str) -> tuple[Inline, int]:
        self._count("expansions")
        stem = re.search(r"\w+$", before)
        head = stem.group() if stem else ""
        return el("expan", [head, el("ex", content)]), len(head)

    def _identifies(self, content: str, after: str) -> bool:
        if not content[:1].isupper() or not after[:1].isspace():
            return False
        rest = after.lstrip()
        if self.tagger.starts_with_name(rest):
            return True
        return bool(ROLE_WORDS.search(content)) and rest[:1].isupper()

    def _variant(self, content: str, before: str, raw: str) -> tuple[Inline, int] | None:
        """`Kim Chang-man [Kim Chang Man]`: the bracket respells the words before it."""
        if not content[:1].isupper() or not before.endswith(" ") or before.endswith("  "):
            return None
        words = content.split()
        tail = before[:-1]
        best: tuple[float, str] | None = None  # the closest run of words before the bracket
        for count in range(max(1, len(words) - 1), len(words) + 2):
            match = re.search(r"(?:^|(?<=\s))((?:[\w'’.-]+\s){%d}[\w'’.-]+)$" % (count - 1), tail)
            if not match or not match.group(1)[:1].isupper():
                continue
            candidate = match.group(1)
            ratio = difflib.SequenceMatcher(None, _letters(candidate), _letters(content)).ratio()
            known = self.tagger.lookup(candidate)
            if known is not None and known == self.tagger.lookup(content):
                ratio = 2.0  # two spellings of one register entry
            if ratio >= 0.75 and (best is None or ratio >= best[0]):
                best = (ratio, candidate)
        if best is None:
            return None
        original = best[1]
        self._count("variants")
        choice = el("choice", [el("orig", original), el("reg", self._with_breaks(content, raw))])
        entry = self.tagger.lookup(content) or self.tagger.lookup(original)
        if entry:
            return self.tagger.mention(entry, [choice]), len(original) + 1
        prefix = tail[: len(tail) - len(original)]
        person = PERSON_CONTEXT.search(prefix) or (not prefix.strip() and self._identified)
        return el("persName" if person else "name", [choice]), len(original) + 1

    def _acronym(self, content: str, before: str, raw: str) -> tuple[Inline, int] | None:
        """`PUWP [Polish United Workers' Party]` and `German Democratic Republic [GDR]`:
        an abbreviation and its expansion, in either order, as choice/abbr/expan."""
        if not before.endswith(" ") or before.endswith("  "):
            return None
        tail = before[:-1]
        if ACRONYM.match(content):
            words = tail.split(" ")
            for count in range(len(content), min(len(words), len(content) + 4) + 1):
                phrase = " ".join(words[-count:])
                if _initials(phrase) == content.replace("&", "") and phrase[:1].isupper():
                    node = el("choice", [el("expan", phrase), el("abbr", content)])
                    return self._org(node, phrase, content), len(phrase) + 1
            return None
        short = re.search(r"(?<![\w-])([A-Z][A-Z&]{1,7})$", tail)
        if short and _initials(content) == short.group(1).replace("&", ""):
            node = el("choice", [el("abbr", short.group(1)), el("expan", self._with_breaks(content, raw))])
            return self._org(node, content, short.group(1)), len(short.group(1)) + 1
        return None

    def _org(self, node: etree._Element, *forms: str) -> Inline:
        self._count("abbreviations")
        for form in forms:
            entry = self.tagger.lookup(form)
            if entry:
                return self.tagger.mention(entry, [node])
        return node


def _append_text(node: Inline, text: str) -> None:
    assert not isinstance(node, str)
    if len(node):
        last = node[-1]
        last.tail = (last.tail or "") + text
    else:
        node.text = (node.text or "") + text


def locator(line_starts: list[tuple[int, int]]) -> Callable[[int], tuple[int, int]]:
    """Map an offset in a paragraph's text to (line, column) in the source file."""
    def locate(offset: int) -> tuple[int, int]:
        line, start = line_starts[0][1], line_starts[0][0]
        for position, number in line_starts:
            if position <= offset:
                start, line = position, number
        return line, offset - start + 1
    return locate


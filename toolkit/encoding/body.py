"""The body of a report: paragraphs, numbered points, page-break joins, memo headers,
the closer with its signature, footnotes, and residue that fits nowhere.

Input is a list of source blocks (paragraphs with their line numbers), whatever format they
came from; output is a TEI `div`.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import PurePath

from lxml import etree

from toolkit.encoding import dates
from toolkit.encoding.brackets import ELLIPSIS, PAGE_BREAK, ROLE_WORDS, InlineEncoder, locator
from toolkit.encoding.names import NameTagger
from toolkit.errors import Diagnostic, Severity
from toolkit.tei import Inline, el, sub


@dataclass(frozen=True)
class SourceBlock:
    """One paragraph of the source; `lines` maps offsets in `text` to source line numbers."""

    text: str
    lines: tuple[tuple[int, int], ...]
    # The reader knows this block starts anew (a table or list stands before it in a Word
    # file): it is never rejoined to the block before it as a page-break continuation.
    separate: bool = False

    @property
    def line(self) -> int:
        return self.lines[0][1]

    def tail(self, offset: int) -> SourceBlock:
        """The block from `offset` on, its line map shifted to match."""
        return SourceBlock(self.text[offset:], tuple((max(0, p - offset), n) for p, n in self.lines))


POINT = re.compile(r"^(?P<label>\(?(?:\d{1,3}|[a-z]|[ivx]{1,4})\)|(?:\d{1,3}|[a-z]|[IVX]{1,4})\.)\s+(?=\S)")
FOOTNOTE = re.compile(r"^\[(?P<n>\d{1,3})\]\s+(?P<text>\S.*)$", re.DOTALL)
MEMO_FIELD = re.compile(
    r"^(?P<label>From|To|Subject|Re|Date|Copy|Copies|Cc|Ref\.?|Reference|Number|No\.|"
    r"Classification|Attachment|Enclosure)\s*:(?=\s*\S)", re.I)
OPENING_SALUTE = re.compile(r"^(?:(?:My )?Dear|Esteemed|Respected|Highly (?:esteemed|respected)|"
                            r"Honou?red)\b[^.]{0,100}[!,:]$")
CLOSING_SALUTE = re.compile(r"^(?:With (?:\w+ ){0,2}(?:greetings|regards|respect|salutations)|"
                            r"(?:Yours|Sincerely|Respectfully|Faithfully|Cordially)\b[^.]{0,40}|"
                            r"Best (?:regards|wishes))[,.!]?$", re.I)
ADDRESSEE = re.compile(r"^To (?:the |Comrade |Mr\.? |Mrs\.? )[^.!?]{3,200}$")
PLACE_DATE = re.compile(r"^(?P<place>[A-Z][\w'’. -]{1,40}),\s+(?P<date>[^,]{4,30}?)\.?$")
SENTENCE_END = re.compile(r"[.!?:;\"”’)\]…]\s*$")


@dataclass
class BodyEncoder:
    tagger: NameTagger
    path: str
    diagnostics: list[Diagnostic] = field(default_factory=list)
    stats: dict[str, int] = field(default_factory=dict)
    # footnote texts by number, and the numbers referenced so far (set by encode)
    # xml:id prefix for a footnote referenced more than once (later references point to it);
    # by default the source file's name, so that ids stay unique across an edition
    note_id_prefix: str = ""
    # the document's own date (ISO), for dates in the text that give no year
    document_date: str | None = None
    _notes: dict[str, Callable[[], list[Inline]]] = field(default_factory=dict)
    _used: set[str] = field(default_factory=set)
    _made_notes: dict[str, etree._Element] = field(default_factory=dict)
    _repeated: list[tuple[str, SourceBlock]] = field(default_factory=list)

    def __post_init__(self) -> None:
        if not self.note_id_prefix:
            stem = re.sub(r"[^\w.-]", "-", PurePath(self.path).stem) or "doc"
            self.note_id_prefix = ("" if stem[0].isalpha() or stem[0] == "_" else "d") + stem + "-fn"

    def warn(self, message: str, line: int, column: int | None = None) -> None:
        self.diagnostics.append(Diagnostic(Severity.WARNING, message, self.path, line, column))

    def encode(self, blocks: list[SourceBlock], div_type: str) -> etree._Element:
        blocks = [b for b in blocks if b.text.strip()]
        trailing, footnotes = self._tail(blocks)
        signature = self._signature(blocks)
        salute = blocks.pop() if signature and len(blocks) > 1 and \
            CLOSING_SALUTE.match(blocks[-1].text.strip()) else None
        units = self._join(blocks)
        self._notes = {n: self._footnote_maker(block) for n, block in footnotes.items()}
        self._used = set()

        div = el("div", type=div_type)
        in_opener = True
        for unit in units:
            in_opener = in_opener and self._opener(div, unit)
            if not in_opener:
                self._paragraph(div, unit)
        if signature and div.find("{*}p") is None:
            # A closer needs text before it (TEI); a document of header lines and a
            # signature keeps the signature lines as paragraphs.
            for block in ([salute] if salute else []) + signature:
                self._paragraph(div, block)
        elif signature:
            self._closer(div, signature, salute)
        for number, block in footnotes.items():
            if number not in self._used:
                self.warn(f"footnote [{number}] is never referenced in the text; kept at the end",
                          block.line)
                sub(div, "note", self._notes[number](), place="foot", n=number)
                self._count("notes")
        for number, block in self._repeated:
            sub(div, "note", self._footnote_maker(block)(), place="foot", n=number)
            self._count("notes")
        notes_line = min((b.line for b in [*footnotes.values(), *(b for _, b in self._repeated)]),
                         default=None)
        for block in trailing:
            if ELLIPSIS.match(block.text.strip()[1:-1]):
                div.extend(x for x in self._inline(block, block.text.strip()) if not isinstance(x, str))
                continue
            self.warn(f"unclassified fragment {block.text.strip()!r} after the text; kept as <fw>",
                      block.line)
            # Below the footnote texts, a fragment stood at the foot of the page.
            below = notes_line is not None and block.line > notes_line
            sub(div, "fw", block.text.strip(), type="footer" if below else "residue")
            self._count("residue")
        keep_inline_spacing(div)
        return div

    def _count(self, key: str) -> None:
        self.stats[key] = self.stats.get(key, 0) + 1

    def _inline(self, block: SourceBlock, text: str | None = None, notes: bool = True) -> list[Inline]:
        """Inline TEI for a block's text; footnote references resolve unless `notes` is false
        (in a footnote's own text)."""
        encoder = InlineEncoder(block.text if text is None else text, self.tagger,
                                self._notes if notes else {},
                                locator(list(block.lines)), self.path, self.diagnostics, self.stats,
                                made_notes=self._made_notes, note_id_prefix=self.note_id_prefix,
                                document_date=self.document_date)
        content = encoder.encode()
        self._used |= encoder.used_footnotes
        return content

    def _footnote_maker(self, block: SourceBlock) -> Callable[[], list[Inline]]:
        match = FOOTNOTE.match(block.text.strip())
        assert match
        shifted = block.tail(len(block.text) - len(block.text.lstrip()) + match.start("text"))
        return lambda: self._inline(shifted, notes=False)

    # -- the end of the document: residue, footnotes, signature ----------------------------
    def _tail(self, blocks: list[SourceBlock]) -> tuple[list[SourceBlock], dict[str, SourceBlock]]:
        """Footnote texts, stray fragments and omission marks after the text (and after its
        signature, which may stand before them), taken off the end of `blocks`."""
        trailing: list[SourceBlock] = []
        notes: list[SourceBlock] = []
        while blocks and not _bound_to_previous(blocks):
            text = blocks[-1].text.strip()
            if FOOTNOTE.match(text) and len(blocks) > 1:
                notes.insert(0, blocks.pop())
            elif len(blocks) > 1 and (len(text) <= 2 or re.fullmatch(r"[-–—\d\s.]+", text)) \
                    and not ELLIPSIS.match(text.strip("[]")):
                trailing.insert(0, blocks.pop())
            elif len(blocks) > 1 and text.startswith("[") and text.endswith("]") and \
                    ELLIPSIS.match(text[1:-1]) and _signature_like(blocks[-2].text.strip()):
                trailing.insert(0, blocks.pop())
            else:
                break
        footnotes: dict[str, SourceBlock] = {}
        for block in notes:
            match = FOOTNOTE.match(block.text.strip())
            assert match
            if match.group("n") in footnotes:  # a number given twice: keep the text, apart
                self.warn(f"footnote [{match.group('n')}] is given twice; the second text is kept "
                          "at the end as a note referenced nowhere", block.line)
                self._repeated.append((match.group("n"), block))
            else:
                footnotes[match.group("n")] = block
        return trailing, footnotes

    def _signature(self, blocks: list[SourceBlock]) -> list[SourceBlock]:
        lines: list[SourceBlock] = []
        while len(blocks) > 1 and len(lines) < 5 and _signature_like(blocks[-1].text.strip()) \
                and (not _bound_to_previous(blocks) or _role_under_name(blocks)):
            lines.insert(0, blocks.pop())
        if lines and not any(_name_like(b.text.strip()) or "[" in b.text for b in lines):
            blocks.extend(lines)
            return []
        return lines

    def _closer(self, div: etree._Element, lines: list[SourceBlock],
                salute: SourceBlock | None) -> None:
        self._count("closers")
        signed: list[Inline] = []
        name_parts: list[SourceBlock] = []

        def flush() -> None:
            if not name_parts:
                return
            if signed:
                signed.append(el("lb"))
            joined = " ".join(b.text.strip() for b in name_parts)
            entry = self.tagger.lookup(joined)
            content: list[Inline] = []
            for i, block in enumerate(name_parts):
                if i:
                    content.append(el("lb"))
                content.append(block.text.strip())
            signed.append(self.tagger.mention(entry, content) if entry
                          else el("persName", content))
            name_parts.clear()

        for block in lines:
            text = block.text.strip()
            role = re.fullmatch(r"\((?P<role>[^()]+)\)", text)
            split = _role_split(text)
            if role or text[:1].islower() or split:
                flush()
                if signed:
                    signed.append(el("lb"))
                if role:
                    signed.extend(["(", el("roleName", role.group("role")), ")"])
                elif split:
                    office, name = split
                    signed.append(el("roleName", office))
                    if name:
                        entry = self.tagger.lookup(name)
                        signed.extend([" ", self.tagger.mention(entry, name) if entry
                                       else el("persName", name)])
                else:
                    signed.append(el("roleName", text))
            elif "[" in text:
                flush()
                if signed:
                    signed.append(el("lb"))
                signed.extend(self._inline(block, text))
            else:
                name_parts.append(block)
        flush()
        closer = sub(div, "closer")
        if salute is not None:
            sub(closer, "salute", self._inline(salute, salute.text.strip()))
        sub(closer, "signed", signed)

    # -- paragraphs ------------------------------------------------------------------------------
    def _join(self, blocks: list[SourceBlock]) -> list[SourceBlock]:
        """Rejoin paragraphs a page break cut inside a sentence or inside a bracket."""
        units: list[SourceBlock] = []
        for block in blocks:
            if units and not block.separate and _continues(units[-1].text, block.text):
                last = units[-1]
                glue = last.text.rstrip() + " " + PAGE_BREAK
                lines = last.lines + tuple((len(glue) + p, n) for p, n in block.lines)
                units[-1] = SourceBlock(glue + block.text.lstrip(), lines)
                self._count("page_breaks")
            else:
                units.append(block)
        return units

    def _opener(self, div: etree._Element, unit: SourceBlock) -> bool:
        """Headings, memorandum fields, the place-and-date line, an addressee and a salutation
        before the first paragraph: the document's head and opener."""
        text = unit.text.strip()
        if _heading_like(text):
            sub(div, "head", self._inline(unit, text))
            return True
        opener = div.find("{*}opener")
        field_match = MEMO_FIELD.match(text)
        place_date = PLACE_DATE.match(text)
        iso = dates.parse_date(place_date.group("date")) if place_date else None
        salute = OPENING_SALUTE.match(text) and "[" not in text
        addressee = ADDRESSEE.match(text) and not field_match
        if not field_match and not (place_date and iso) and not salute and not addressee:
            return False
        if opener is None or (len(div) and div[-1] is not opener):
            opener = sub(div, "opener")
        start = len(unit.text) - len(unit.text.lstrip())
        if field_match:
            label = field_match.group("label").rstrip(".").lower()
            value = unit.tail(start + field_match.end())
            sub(opener, "seg", [el("label", field_match.group()), *self._inline(value, value.text.rstrip())],
                type="memo-field", subtype=_ncname(label))
        elif salute:
            sub(opener, "salute", self._inline(unit, text))
        elif addressee:
            sub(sub(opener, "address"), "addrLine", self._inline(unit, text))
        elif place_date and iso:
            place = place_date.group("place")
            entry = self.tagger.lookup(place)
            place_el = self.tagger.mention(entry, place) if entry else el("placeName", place)
            rest = text[place_date.end("place"):place_date.start("date")]
            date_el = el("date", place_date.group("date"), **iso.attributes())
            sub(opener, "dateline", [place_el, rest, date_el, text[place_date.end("date"):]])
        return True

    def _paragraph(self, div: etree._Element, unit: SourceBlock) -> None:
        text = unit.text.strip()
        if text.startswith("[") and text.endswith("]") and ELLIPSIS.match(text[1:-1]):
            div.extend(x for x in self._inline(unit, text) if not isinstance(x, str))
            return
        point = POINT.match(text)
        content = self._inline(unit, unit.text.rstrip())
        if content and isinstance(content[0], str):
            content[0] = content[0].lstrip()
        self._count("paragraphs")
        if point:
            label = point.group("label")
            first = content[0] if content else ""
            if isinstance(first, str) and first.startswith(label):
                self._count("points")
                content[0] = first[len(label):]
                sub(div, "p", [el("label", label), *content], n=label.strip("().").strip())
                return
        sub(div, "p", content)


CONTAINERS = {"div", "opener", "closer", "address", "choice"}


def keep_inline_spacing(div: etree._Element) -> None:
    """Pretty-printing indents an element that has no text of its own, which inside running
    text adds spaces ('[ Kim Chang Man ]' for a supplied holding only a name); an empty text
    node tells lxml the element is mixed content and keeps it on one line."""
    for node in div.iter():
        if node is not div and isinstance(node.tag, str) and node.text is None and len(node) \
                and etree.QName(node).localname not in CONTAINERS:
            node.text = ""


def _ncname(text: str) -> str:
    return re.sub(r"[^\w.-]", "-", text).strip("-") or "field"


def _continues(previous: str, following: str) -> bool:
    prev, nxt = previous.rstrip(), following.lstrip()
    if prev.count("[") > prev.count("]"):
        return True
    if not nxt or not prev or POINT.match(nxt) or MEMO_FIELD.match(prev.lstrip()) \
            or _heading_like(prev.strip()):
        return False
    return not SENTENCE_END.search(prev) and (prev[-1].isalnum() or prev[-1] in ",-–") \
        and nxt[0].islower()


def _bound_to_previous(blocks: list[SourceBlock]) -> bool:
    """Whether the last block continues the one before it (a page break inside a bracket or a
    sentence): then it is no signature line, footnote or stray fragment of its own."""
    if len(blocks) < 2:
        return False
    depth = 0
    for block in blocks[:-1]:
        depth = max(0, depth + block.text.count("[") - block.text.count("]"))
    return depth > 0 or _continues(blocks[-2].text, blocks[-1].text)


def _role_under_name(blocks: list[SourceBlock]) -> bool:
    """A bare office ('ambassador') under a signature's name line ('Dvořák'): it reads like
    a sentence cut by a page break, but it is the signature's last line."""
    words = blocks[-1].text.split()
    previous = blocks[-2].text.strip()
    return bool(words) and all(ROLE_WORDS.fullmatch(w) or w.lower() in ("of", "the", "and")
                               for w in words) \
        and _name_like(previous) and _signature_like(previous) \
        and sum(b.text.count("[") - b.text.count("]") for b in blocks) == 0


def _heading_like(text: str) -> bool:
    if text.startswith("[") or len(text.split(None, 10)) > 10:
        return False  # checked first: most paragraphs are long
    letters = [c for c in text if c.isalpha()]
    return len(letters) >= 3 and all(c.isupper() for c in letters)


def _role_split(text: str) -> tuple[str, str] | None:
    """'Second Secretary' -> ('Second Secretary', ''), 'Ambassador Moravec' -> ('Ambassador',
    'Moravec'); None when the line is not an office (a name, or something else)."""
    words = text.split()
    if not words or not ROLE_WORDS.fullmatch(words[0]):
        return None
    if all(ROLE_WORDS.fullmatch(w) or w.lower() in ("of", "the", "to", "for", "in", "and")
           for w in words) or any(w.lower() in ("of", "the", "to", "for", "in") for w in words):
        return text, ""
    count = 0
    while count < len(words) and ROLE_WORDS.fullmatch(words[count]):
        count += 1
    rest = words[count:]
    if all(w[:1].isupper() for w in rest):
        return " ".join(words[:count]), " ".join(rest)
    return None


def _name_like(text: str) -> bool:
    words = text.split()
    return bool(words) and all(w[:1].isupper() for w in words)


def _signature_like(text: str) -> bool:
    if re.fullmatch(r"\([^()\d]{1,100}\)", text):
        return True  # an office under the name: "(ambassador)", "(First Secretary of the CC)"
    if not text or len(text) > 60 or len(text.split()) > 5 or re.search(r"\d", text):
        return False
    if re.fullmatch(r"\[[^\[\]]*(?:signature|signed|initials)[^\[\]]*\]", text, re.I):
        return True
    if SENTENCE_END.search(text) and not re.search(r"\b[A-Z]\.$", text):
        return False
    return _name_like(text) or bool(re.fullmatch(r"[a-z][\w' -]*", text))

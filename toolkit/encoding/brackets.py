"""Square brackets of a translation, classified into TEI, then names and dates in what is left.

Translators use one sign, `[...]`, for many editorial acts. Each bracket is classified by its
content and its neighbours: an omission (gap reason omitted), a redaction (gap reason
redacted), an illegible passage, a supplied identification or clarification, an
original-language term (foreign), a variant spelling of the name before it (choice/orig/reg),
an abbreviation and its expansion (choice/abbr/expan), [sic], an uncertain reading (unclear),
an expansion inside a word (expan/ex), a footnote reference, a stamp (note type stamp), a
handwritten addition or another description of the source (note, add), a Markdown link. The
brackets themselves are never stored: the stylesheets and the plain-text projection
regenerate them from the elements. Unbalanced brackets are repaired (bracket_parse), never
refused. A bracket no cue classifies is supplied clarification, listed for review.

The texts between brackets then go through the stages of toolkit.encoding.bracket_text (breaks,
emphasis, note references, names and dates), whose InlineText this encoder extends.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

import difflib
from lxml import etree

from toolkit.encoding import dates, languages, times
from toolkit.encoding.bracket_kinds import (
    CROSSED_OUT, ELLIPSIS, FOOTNOTE_REF, HANDWRITTEN, MARKDOWN_LINK_TAIL, OMITTED_ITEM,
    NOTE_LABEL, PERSON_CONTEXT, REDACTION, ROLE_WORDS, SIC, SOURCE_NOTE, SHORT_FORM, ACRONYM, add_place,
    HAND_DESCRIBED, STRUCK,
    damaged, expands, extent, illegible, initials, is_short_form, left_out, letters, names_an_organisation,
    spoken_event, stamp_like, uncertain_reading)
from toolkit.encoding.bracket_parse import Bracket, Piece, cut, locator, parse_brackets
from toolkit.encoding.bracket_text import BREAKS, LINE_BREAK, PAGE_BREAK, InlineText
from toolkit.encoding.notes import note_key
from toolkit.tei import Inline, el

__all__ = ["ELLIPSIS", "LINE_BREAK", "PAGE_BREAK", "ROLE_WORDS", "Bracket", "InlineEncoder",
           "locator", "parse_brackets"]

STATE_WORDS = re.compile(r"\b(?:republic|kingdom|states|emirates|union of)\b", re.I)
_WORD = re.compile(r"\w+")
_WORD_BEFORE = re.compile(r"(\w[\w'’.-]*)\s$")
# a quoted word or phrase before the mark (`"Wein" [sic]`): sic holds it with its quotes
_QUOTED_BEFORE = re.compile(r"((?:\"[^\"\n]{1,60}\"|“[^“”\n]{1,60}”|„[^„“”\n]{1,60}[“”]|"
                            r"«[^«»\n]{1,60}»|‘[^‘’\n]{1,60}’)[.,;:!?]?)\s$")
# the same word at the end of the line (or page) before the mark: `were` / `[sic]`
_WORD_BEFORE_BREAK = re.compile(r"(\w[\w'’.-]*[ \t]*[\x0b\x0c])([ \t]*)$")
_QUERIED_WORD = re.compile(r"(\w[\w'’.-]*)(\s?)$")  # `Tumen [?]`, `Tumen[?]`
_LETTERS = re.compile(r"[^\W\d_]+")
_LETTER_END = re.compile(r"[^\W\d_]$")
_LETTER = re.compile(r"[^\W\d_]")
_STEM = re.compile(r"\w+$")


@dataclass
class InlineEncoder(InlineText):
    """Turns one paragraph's text into TEI inline content: its brackets classified here."""

    _identified: bool = False  # the bracket follows a supplied identification
    _after: list[Inline] = field(default_factory=list)  # to stand right after the element

    def encode(self) -> list[Inline]:
        first = len(self.diagnostics)
        self._dates = dates.may_hold_date(self.text)
        self._times = times.may_hold_time(self.text)
        self._references = "^" in self.text or not self.text.isascii() or (  # ¹ is not ASCII
            "*" in self.text and any(key.startswith("*") for key in self.footnotes)) or (
            ")" in self.text and bool(self.parenthesised))  # `(1)`, `1)` for such note texts
        nodes, repairs = parse_brackets(self.text)
        for repair in repairs:
            self._review("bracket-repaired", repair.message, repair.offset, warning=True)
        content = self._sequence(nodes)
        # brackets are classified before the text around them: report in source order
        self.diagnostics[first:] = sorted(self.diagnostics[first:],
                                          key=lambda d: (d.line or 0, d.column or 0))
        return content

    # -- a sequence of strings and brackets -------------------------------------------
    def _sequence(self, nodes: list[str | Bracket]) -> list[Inline]:
        out: list[Inline] = []
        attach_to: Inline | None = None  # an <expan> still collecting the rest of its word
        skip_link_tail = 0
        for index, node in enumerate(nodes):
            if isinstance(node, str):
                if skip_link_tail:
                    node = cut(node, skip_link_tail)
                    skip_link_tail = 0
                if attach_to is not None and not isinstance(attach_to, str):
                    word = _WORD.match(node)
                    if word:
                        _append_text(attach_to, word.group())
                        node = cut(node, word.end())
                    attach_to = None
                out.extend(self._paren_notes(node) if "(" in node else [node])
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
                out[-1] = cut(before, 0, len(before) - consumed)
            out.append(element)
            out.extend(self._after)
            self._after = []
            if not isinstance(element, str) and element.tag.endswith("}expan"):
                attach_to = element
        return self._finish(out)

    def _strings(self, children: list[str | Bracket]) -> list[Inline]:
        return self._sequence(children)

    def _labelled(self, children: list[str | Bracket]) -> list[Inline]:
        """A labelled note's words (`[T.N.: literally]`): its label is plain text, never a
        name (`T.N.` read as a person's initials), the words after it encoded."""
        first = children[0] if children and isinstance(children[0], str) else ""
        lead = len(first) - len(first.lstrip())
        label = NOTE_LABEL.match(first[lead:])
        if label is None:
            return self._strings(children)
        end = lead + label.end()
        if PAGE_BREAK in first[:end] or LINE_BREAK in first[:end]:  # a break inside the label:
            return self._strings(children)  # the breaks need _finish, so no plain label
        return [cut(first, 0, end), *self._strings([cut(first, end), *children[1:]])]

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
        # the omissions' words may wrap over lines too: classified on their words, the line
        # breaks kept after the gap (see _gap_broken)
        words, gap_line = content, one_line
        if whole and LINE_BREAK in raw:
            words, gap_line = " ".join(BREAKS.sub(" ", raw).split()), True

        if plain and not content:  # "[]", "[ ]": nothing to encode; the signs stay as text
            self._review("bracket-default", "an empty bracket is kept as text", bracket.start)
            return Piece(self.text[bracket.start:bracket.end], bracket.start), 0
        if plain and ELLIPSIS.match(raw):
            self._count("gaps")
            attrs = {} if raw == "..." else {"rend": raw.strip()}
            return el("gap", reason="omitted", **attrs), 0
        if plain and SIC.match(content):
            self._count("sic")
            form = {} if raw == "sic" else {"rend": raw}
            word = _WORD_BEFORE.search(before[-200:]) or _QUOTED_BEFORE.search(before[-200:])
            if word:
                return el("sic", word.group(1), **form), len(word.group(0))
            broken = _WORD_BEFORE_BREAK.search(before[-200:])
            if broken:  # `were` / `[sic]`: the word and the break after it (lb, pb) are sic
                start = len(before) - len(broken.group(0))
                reading = self._finish([cut(before, start, start + len(broken.group(1)))])
                return el("sic", reading, **form), len(broken.group(0))
            return el("sic", **form), 0
        if plain and self._dates and dates.SUPPLIED_YEAR.match(content):
            dated = dates.day_month_before(before, int(content))
            if dated is not None:  # `3 May [1965]`: the supplied year dates the day before it
                start, when = dated
                self._count("supplied")
                self._count("dates")
                return el("date", [str(before[start:]), el("supplied", content, reason="clarification")],
                          when=when), len(before) - start
        # `[a]`: a letter is a reference only to a note text `[a] text` (else an expansion...)
        if plain and (FOOTNOTE_REF.match(content) or (len(content) == 1 and content.islower())):
            note = self._footnote(content)
            if note is not None:
                return note, 0
        if gap_line and REDACTION.search(words) and len(words) <= 120:
            self._count("gaps")
            return self._gap_broken(raw, words, reason="redacted", **extent(words)), 0
        reason = left_out(words) if gap_line and len(words) <= 120 else None
        if reason is not None:
            self._count("gaps")
            if reason == "redacted":  # deleted by whom: the archive's redaction, likeliest
                self._review("bracket-redaction", f"[{_short(words)}] read as a redaction "
                             "(gap reason redacted)", bracket.start)
            return self._gap_broken(raw, words, reason=reason, **extent(words)), 0
        if gap_line and illegible(words):
            self._count("gaps")
            return self._gap_broken(raw, words, reason="illegible", **extent(words)), 0
        if gap_line and CROSSED_OUT.match(words):  # struck words not given: del holding the gap
            self._count("gaps")
            return el("del", [self._gap_broken(raw, words, reason="omitted", **extent(words))]), 0
        if gap_line and damaged(words) and not illegible(words):
            self._count("gaps")
            self._review("bracket-damage", f"[{_short(words)}] read as words lost to damage of "
                         "the source (gap reason damage)", bracket.start)
            return self._gap_broken(raw, words, reason="damage", **extent(words)), 0
        if gap_line and OMITTED_ITEM.match(words):
            self._count("gaps")
            return self._gap_broken(raw, words, reason="omitted"), 0
        if plain and raw == content:
            spoken = self._spoken(bracket, content)
            if spoken is not None:
                return spoken, 0
        if NOTE_LABEL.match(content):  # labelled a note: a query in it is the note's (`[Tr.: sic?]`)
            return self._source_note(bracket, content), 0
        uncertain = self._uncertain(bracket, content, before, plain)
        if uncertain is not None:
            return uncertain
        if stamp_like(content):
            return self._stamp(bracket), 0
        if plain and _LETTERS.fullmatch(content) and (
                _LETTER_END.search(before[-2:]) or _LETTER.match(after)):  # `$`: end, or before a final newline
            return self._expansion(content, before)
        if SOURCE_NOTE.match(content) or HAND_DESCRIBED.match(content):
            return self._source_note(bracket, content), 0
        if whole:
            prefixed = languages.split_language_prefix(raw)
            if prefixed:
                return self._original_term(raw, prefixed), 0
        if one_line:
            acronym = self._acronym(content, before, raw, after)
            if acronym is not None:
                return acronym
            variant = self._variant(content, before, raw)
            if variant is not None:
                return variant
        if plain and FOOTNOTE_REF.match(content) and self.footnotes:
            # The document has note texts, but none for this reference: the reference is
            # kept where it stands, as a note whose text the source does not give.
            self._review("note", f"[{content}] is a footnote reference with no note text; kept "
                         "as an empty note", bracket.start, warning=True)
            self._count("notes")
            return el("note", place="foot", n=note_key(content)), 0
        self._count("supplied")
        inner = self._strings(bracket.children)
        if self._identifies(content, after):
            return el("supplied", inner, reason="identification"), 0
        if plain and FOOTNOTE_REF.match(content):
            message = (f"[{content}] looks like a footnote reference but no note text was found; "
                       "encoded as supplied text")
            self._review("note", message, bracket.start, warning=True)
        else:
            self._review("bracket-default", f"[{_short(content)}] matched no rule: encoded as "
                         "supplied text (reason clarification)", bracket.start)
        return el("supplied", inner, reason="clarification"), 0

    def _uncertain(self, bracket: Bracket, content: str, before: str,
                   plain: bool) -> tuple[Inline, int] | None:
        """`word [?]`, `[word?]`, `[[N. N. Name?]]`: the translator's uncertain reading, as
        unclear (cert low); @rend records which of the three forms the source wrote, so the
        projection gives back its brackets and its question mark."""
        if plain and content == "?":
            word = _QUERIED_WORD.search(before[-200:])
            if not word:
                return None
            self._count("unclear")
            reading = self._finish([cut(before, len(before) - len(word.group(0)),
                                        len(before) - len(word.group(2)))])
            rend = "query-after" if word.group(2) else "query-attached"
            return el("unclear", reading, cert="low", rend=rend), len(word.group(0))
        inner: Bracket = bracket
        rend = "query"
        children = bracket.children
        if len(children) == 1 and isinstance(children[0], Bracket) and children[0].plain():
            inner, rend = children[0], "double-query"
        elif not plain:
            return None
        raw = inner.raw(self.text)
        if LINE_BREAK in raw or PAGE_BREAK in raw or not uncertain_reading(raw.strip()) \
                or raw != raw.strip():
            return None
        self._count("unclear")
        reading = self._finish([Piece(raw[:-1], inner.start + 1)])
        return el("unclear", reading, cert="low", rend=rend), 0

    def _spoken(self, bracket: Bracket, content: str) -> Inline | None:
        """`[laughs]`, `[Applause.]`, `[Zhou points at the map]`, `[pause]`, `[inaudible]`: an
        event of a spoken exchange, in the spoken module's elements (TEI 8.3.3), the
        bracket's words in desc (a pause's in @rend) so the projection gives them back; the
        same in a dialogue and in a speech transcript: the words say what happened."""
        kind = spoken_event(content)
        if kind is None:
            return None
        self._count("spoken")
        if kind == "kinesic" and not content[:1].islower():
            # a subject and a verb of gesture: the likeliest reading, not a certain one
            self._review("bracket-spoken", f"[{_short(content)}] read as a gesture (kinesic), "
                         "not supplied words", bracket.start)
        if kind == "pause":
            return el("pause", **({} if content == "pause" else {"rend": content}))
        if kind == "inaudible":
            self._count("gaps")
            return el("gap", [el("desc", content)], reason="inaudible", **extent(content))
        return el(kind, [el("desc", self._finish([Piece(content, bracket.start + 1)]))])

    def _stamp(self, bracket: Bracket) -> Inline:
        """`[MFA stamp: Incoming Nº 0571, 3 May 1958]`: the description, then the stamp's
        words in stamp; `[seal]` is the description alone."""
        self._count("stamps")
        description, words = self._split_at_colon(bracket.children)
        if not words:
            return el("note", self._strings(bracket.children), type="stamp", place="inline")
        stamp = el("stamp", self._strings(words))
        return el("note", [*self._finish(description), stamp], type="stamp", place="inline")

    def _source_note(self, bracket: Bracket, content: str) -> Inline:
        """A description of the source. A handwritten addition's own words (after the colon)
        are add, placed as the description says; the description is the translator's note."""
        self._count("notes")
        lower = content.lower()
        place = "margin" if "margin" in lower else "inline"
        handwritten = HANDWRITTEN.match(content) is not None or "by hand" in lower \
            or HAND_DESCRIBED.match(content) is not None
        label = NOTE_LABEL.match(content)
        translator = lower.startswith("translator") or bool(label and label.group("translator"))
        kind = ("marginalia" if place == "margin" else
                "translator" if translator else
                "handwritten" if handwritten else "editorial")
        if STRUCK.match(content):  # the struck words are the source's: del, the act the note's
            description, words = self._split_at_colon(bracket.children)
            if words:
                return el("note", [*self._finish(description), el("del", self._strings(words))],
                          type="handwritten" if handwritten else "editorial", place=place)
        if handwritten or place == "margin":
            description, words = self._split_at_colon(bracket.children)
            if words and not translator:
                where = add_place("".join(d for d in description if isinstance(d, str)))
                addition = el("add", self._strings(words), **({"place": where} if where else {}))
                return el("note", [*self._finish(description), addition], type=kind, place=place)
        return el("note", self._labelled(bracket.children), type=kind, place=place)

    @staticmethod
    def _split_at_colon(children: list[str | Bracket]) -> tuple[list[Inline], list[str | Bracket]]:
        """A description up to its colon (and the space after it), and the words it describes."""
        first = children[0] if children else ""
        if not isinstance(first, str):
            return [], []
        colon = first.find(":")
        if colon < 0:
            return [], []
        end = colon + 1 + (len(first[colon + 1:]) - len(first[colon + 1:].lstrip()))
        rest = cut(first, end)
        words: list[str | Bracket] = [rest] if rest else []
        words.extend(children[1:])
        if not "".join(w for w in words if isinstance(w, str)).strip() and not children[1:]:
            return [], []
        return [cut(first, 0, end)], words

    def _original_term(self, raw: str, prefixed: tuple[str, str, str]) -> Inline:
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
        return el("supplied", terms, reason="original-term")

    def _gap_broken(self, raw: str, content: str, **attributes: str) -> Inline:
        """A gap with its description; a gap cannot hold a pb or an lb (nor can its desc), so
        a break inside the bracket stands right after the gap, and the desc keeps a newline
        where the page turned or the line wrapped: white space to TEI, the break's place to
        the projection."""
        if not BREAKS.search(raw):
            return el("gap", [el("desc", content)], **attributes)
        parts = [" ".join(part.split()) for part in BREAKS.split(raw)]
        self._after = [el("pb") if sign == PAGE_BREAK else el("lb") for sign in BREAKS.findall(raw)]
        return el("gap", [el("desc", "\n".join(p for p in parts if p))], **attributes)

    def _with_breaks(self, content: str, raw: str) -> list[Inline]:
        """A bracket's words for an element that can hold pb: the page breaks kept."""
        if PAGE_BREAK not in raw:
            return [content]
        parts = [" ".join(part.split()) for part in raw.split(PAGE_BREAK)]
        return self._finish([f" {PAGE_BREAK}".join(parts).strip()], names=False)

    def _expansion(self, content: str, before: str) -> tuple[Inline, int]:
        self._count("expansions")
        stem = _STEM.search(before[-200:])
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
        tail = before[:-1][-300:]  # a name is short: a long text before costs no more
        best: tuple[float, str] | None = None  # the closest run of words before the bracket
        runs = _last_words(tail, len(words) + 1)
        target = letters(content)
        matcher: difflib.SequenceMatcher[str] | None = None  # its index of `target` made once
        for count in range(max(1, len(words) - 1), len(words) + 2):
            candidate = runs[count - 1] if count <= len(runs) else ""
            if not candidate[:1].isupper():
                continue
            known = self.tagger.lookup(candidate)
            if known is not None and known == self.tagger.lookup(content):
                ratio = 2.0  # two spellings of one register entry
            else:  # difflib's cheap upper bounds first: most runs are far from the bracket
                spelled = letters(candidate)
                total = len(spelled) + len(target)
                if total and 2 * min(len(spelled), len(target)) < 0.75 * total:
                    continue  # real_quick_ratio below 0.75, without a matcher
                if matcher is None:
                    matcher = difflib.SequenceMatcher(None, spelled, target)
                else:
                    matcher.set_seq1(spelled)
                ratio = 0.0 if matcher.real_quick_ratio() < 0.75 or matcher.quick_ratio() < 0.75 \
                    else matcher.ratio()
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

    def _acronym(self, content: str, before: str, raw: str, after: str) -> tuple[Inline, int] | None:
        """`PUWP [Polish United Workers' Party]`, `MfS [Ministry for State Security]` and
        `German Democratic Republic [GDR]`: an abbreviation and its expansion, in either
        order, as choice/abbr/expan (in orgName when the expansion names an organisation)."""
        if not before.endswith(" ") or before.endswith("  "):
            return None
        tail = before[:-1][-300:]
        if ACRONYM.match(content):
            words = tail.split(" ")
            for count in range(len(content), min(len(words), len(content) + 4) + 1):
                phrase = " ".join(words[-count:])
                if initials(phrase) == content.replace("&", "") and phrase[:1].isupper():
                    node = el("choice", [el("expan", phrase), el("abbr", content)])
                    return self._org(node, phrase, content), len(phrase) + 1
            return None
        # a short form ends the tail and has at most 12 characters: searched in its last 14
        # (the lookbehind still sees the character before)
        short = SHORT_FORM.search(tail, max(0, len(tail) - 14))
        if not short or not is_short_form(short.group(1)):
            return None
        abbreviation = short.group(1)
        exact = initials(content) == abbreviation.replace("&", "")
        loose = expands(abbreviation, content) or names_an_organisation(content)
        if not exact and (not loose or self._identifies(content, after)):
            return None
        node = el("choice", [el("abbr", abbreviation), el("expan", self._with_breaks(content, raw))])
        return self._org(node, content, abbreviation, acronym=exact and bool(ACRONYM.match(abbreviation))), \
            len(abbreviation) + 1

    def _org(self, node: etree._Element, *forms: str, acronym: bool = False) -> Inline:
        """The pair in the register's name element, or in orgName when the expansion names an
        organisation: by its head noun, or (`acronym`) as capitals the initials of its words
        spell ('CSTR [Central Statistical and Trade Registry]'), unless it names a state or
        the names stage reads it as a place or person."""
        self._count("abbreviations")
        for form in forms:
            entry = self.tagger.lookup(form)
            if entry:
                return self.tagger.mention(entry, [node])
        if names_an_organisation(forms[0]):
            return el("orgName", [node])
        if acronym and not STATE_WORDS.search(forms[0]) and not any(
                span.kind in ("place", "person") for span in self.tagger.spans(forms[0])):
            return el("orgName", [node])
        return node


_WORD_CHARS = re.compile(r"[\w'’.-]+")


def _last_words(tail: str, most: int) -> list[str]:
    r"""The runs of the last 1, 2, ... `most` words of `tail`: what
    `(?:^|(?<=\s))((?:[\w'’.-]+\s){N-1}[\w'’.-]+)$` finds for each N (words of those
    characters, one white-space character apart, the first at the start or after white space),
    in one walk back over the words instead of one search of the whole tail per N."""
    text = tail[:-1] if tail.endswith("\n") else tail  # `$` also matches before a final newline
    backwards = text[::-1]
    runs: list[str] = []
    position = 0
    while len(runs) < most:
        word = _WORD_CHARS.match(backwards, position)
        if word is None:
            break
        end = word.end()
        if end < len(backwards) and not backwards[end].isspace():
            break  # the word follows neither the start nor white space
        runs.append(text[len(text) - end:])
        position = end + 1  # over the one white-space character between two words
    return runs


def _short(text: str) -> str:
    return text if len(text) <= 60 else text[:57] + "..."


def _append_text(node: Inline, text: str) -> None:
    assert not isinstance(node, str)
    if len(node):
        last = node[-1]
        last.tail = (last.tail or "") + text
    else:
        node.text = (node.text or "") + text

"""A document's memory of the persons it has named by a strong cue (`DocumentNames`), so that
its later bare mentions of them are names too (split out of encoding/names.py)."""

from __future__ import annotations

import re

import ahocorasick

from toolkit.names import cues, leaders
from toolkit.names.cues import word_char as _word_char

INITIAL = re.compile(r"(?:[^\W\d_]\.\s?)+")

# rules that mark a person surely enough for the document's later bare mentions of the name
_REMEMBERED = frozenset({"title", "initials", "first-name", "patronymic", "korean", "chinese",
                         "vietnamese", "mongolian", "arabic", "leader", "figure"})
_EAST_ASIAN = frozenset({"korean", "chinese", "vietnamese", "mongolian"})


class DocumentNames:
    """The persons one document has named by a strong cue and no register holds, so that
    its later bare mentions of them are names too (`Maurer` after `Ion Gheorghe Maurer`,
    `According to Tsend` after `Counsellor Tsend`): the whole name, and the family name of a
    name written given name first. An East Asian name is remembered whole only (`Kim` alone
    names half the country). One per document (at most LIMIT names); its mentions are found
    by an Aho–Corasick automaton of the names, made again only when a name was added since
    the last search (a regular expression of them cost a compilation per new name: a few
    milliseconds, more than the rest of a report's tagging)."""

    LIMIT = 200  # bounded, so a long document stays linear

    def __init__(self) -> None:
        self.forms: set[str] = set()
        # entries the document named by a form of their own (`Soviet Council of Ministers`):
        # evidence for its later bare `Council of Ministers`
        self.linked: set[str] = set()
        self._automaton: ahocorasick.Automaton | None = None
        self._stale = False

    def remember(self, words: str, rule: str) -> None:
        if rule not in _REMEMBERED or words.isupper() or len(self.forms) >= self.LIMIT:
            return
        new = {words} if rule in _EAST_ASIAN else {words, _family_name(words)}
        tokens = words.split()
        if rule not in _EAST_ASIAN and len(tokens) >= 3 and tokens[0] not in cues.FIRST_NAMES \
                and not INITIAL.match(words) and not any(t in _PARTICLES for t in tokens):
            new.add(tokens[0])  # `Mengistu` after `Mengistu Haile Mariam`: a given and a father's name
        if len(tokens) == 3 and tokens[0] in cues.FIRST_NAMES and not any(t in _PARTICLES for t in tokens):
            new.add(" ".join(tokens[1:]))  # `Siad Barre` after `Mohamed Siad Barre`: longer than `Barre`
        family = _family_name(words).split()
        if len(family) == 2 and family[0] in _ROMANCE and len(tokens) == 3:
            new.add(family[1])  # `Spínola` after `António de Spínola`: Iberian usage drops the `de`
        if leaders.japanese(words):
            new.add(tokens[0])  # `Tanaka` after `Tanaka Kakuei`: the family name comes first
        new = {w for w in new if len(w) > 2 and _capitalised(w.split()[-1]) and w not in cues.NOT_NAMES}
        if not new <= self.forms:
            if self._automaton is None:
                self._automaton = ahocorasick.Automaton()
            for form in sorted(new - self.forms):
                self._automaton.add_word(form, len(form))
            self.forms |= new
            self._stale = True

    def find(self, text: str) -> list[tuple[int, int]] | tuple[()]:
        """(start, end) of each mention, as a regular expression of the forms, longest first,
        not after a word character, apostrophe, full stop or hyphen and not before a word
        character, apostrophe or hyphen (save a possessive: `Gromyko's`), would find them:
        left to right, not overlapping."""
        automaton = self._automaton
        if automaton is None:
            return ()
        if self._stale:
            automaton.make_automaton()
            self._stale = False
        length = len(text)
        found: list[tuple[int, int]] = []
        for last, size in automaton.iter(text):
            start, end = last + 1 - size, last + 1
            if start and (text[start - 1] in _BEFORE or _word_char(text[start - 1])):
                continue
            if end < length and (text[end] in _AFTER or _word_char(text[end])) and not (
                    text[end] in "'’" and text[end + 1:end + 2] == "s" and (
                        end + 2 == length or not _word_char(text[end + 2]))):
                continue
            found.append((start, -end))
        if not found:
            return ()
        found.sort()  # at each start the longest, then on after its end (as re.finditer)
        spans: list[tuple[int, int]] = []
        position = 0
        for start, end in found:
            if start >= position:
                spans.append((start, -end))
                position = -end
        return spans


_BEFORE, _AFTER = "'’.-", "'’-"


def _joined(text: str, mentions: list[tuple[int, int]] | tuple[()]) -> list[tuple[int, int]] | tuple[()]:
    """Mentions with two one-word mentions one space apart made one: the parts of a name
    written in the other order (`Kakuei Tanaka` after `Tanaka Kakuei`)."""
    if len(mentions) < 2:
        return mentions
    out: list[tuple[int, int]] = []
    for start, end in mentions:
        if out and start == out[-1][1] + 1 and text[start - 1] == " " and " " not in text[
                out[-1][0]:out[-1][1]] and " " not in text[start:end]:
            out[-1] = (out[-1][0], end)
        else:
            out.append((start, end))
    return out
_ARTICLE = re.compile(r"(?:a[lnrstdz]|el|ash|ud)-")


def _capitalised(word: str) -> bool:
    """Whether a name's last word is capitalised, after an Arabic article (`al-Assad`)."""
    article = _ARTICLE.match(word)
    return word[article.end() if article else 0:][:1].isupper()
_PARTICLES = frozenset(cues.PARTICLES.split("|"))
# the Portuguese and Spanish particles a later mention leaves out (not Dutch or German ones:
# `van der Stoel` keeps them); only a given name, the particle and one word, not `Martínez de Hoz`
# (a French `de Gaulle` is remembered bare too: no report writes `Gaulle` alone)
_ROMANCE = frozenset({"da", "do", "dos", "das", "del"}) | {"de"}


def _family_name(words: str) -> str:
    """The family name of a name written given name first, with its particles and without
    initials: `Max van der Stoel` -> `van der Stoel`, `Gromyko A. A.` -> `Gromyko`."""
    tokens = INITIAL.sub("", words).split()
    first = len(tokens) - 1
    while first > 1 and tokens[first - 1] in _PARTICLES:
        first -= 1
    return " ".join(tokens[first:])


# a capitalised word just before a remembered family name, one space between (`Ziaur Rahman`
# after `Mujibur Rahman`: another person of the family name); not after a sentence's end
_GIVEN_BEFORE = re.compile(r"(?<![\w'’.-])[A-Z][a-z]{2,}$")


def with_given_names(text: str, mentions: list[tuple[int, int]] | tuple[()], forms: set[str],
                     chosen: list[tuple[int, int]]) -> list[tuple[int, int]] | tuple[()]:
    """Mentions of a one-word family name with the given name written just before it: a
    person the document had not named, who shares the family name, is named whole. The word
    is no name (`Comrade`, `In`), nor a name the document gave, nor a sentence's first word
    (`Yesterday Rahman said`: a common word there is capitalised too), nor in a name found
    otherwise (`Thai Nguyen`, the province)."""
    if not mentions:
        return mentions
    out: list[tuple[int, int]] = []
    for start, end in mentions:
        if start > 3 and text[start - 1] == " " and " " not in text[start:end]:
            given = _GIVEN_BEFORE.search(text, max(0, start - 30), start - 1)
            if given is not None and given.group() not in cues.NOT_NAMES and given.group() not in forms \
                    and not _opens_sentence(text, given.start()) and not any(
                        a <= given.start() < b for a, b in chosen):
                start = given.start()
        out.append((start, end))
    return out


def _opens_sentence(text: str, start: int) -> bool:
    before = text[max(0, start - 4):start]
    if start == 0 or before.endswith("\n"):
        return True
    stripped = before.rstrip(" ")
    return not stripped or stripped[-1] in ".!?:\n"

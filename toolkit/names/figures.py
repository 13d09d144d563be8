"""Persons known by name alone: the period's widely known political figures of a curated list
(figures.txt beside this module, where it comes from is said at its head). Reports name them
without any cue (`Kreisky and Palme had written to Brandt`, `Arafat met Khaddam`), which no rule
of the text's shape can tell from a place or a word. Matched as whole capitalised words in one
Aho–Corasick pass (linear in the text); a family name alone only where the list allows it, and
not beside another capitalised name word (`Juan Castro` is someone else: the whole name is the
other cues' to find)."""

from __future__ import annotations

import unicodedata
from functools import lru_cache
from pathlib import Path

import ahocorasick

from toolkit.names.vocabulary import NOT_NAMES

_FILE = Path(__file__).with_name("figures.txt")
_BEFORE = "'’.-"
_COMMON = " etaoinsrhlcumfpgwybvk,."  # by frequency in English prose; `d` begins `de Gaulle`
_NEVER = "\uffff\uffff"  # a noncharacter, twice: no text holds it
_AFTER = "'’-"


class _Plain(dict[int, str]):
    """str.translate's table: a letter without its diacritics, its case kept (one character
    for one: the offsets stay), filled on first sight of each character."""

    def __missing__(self, code: int) -> str:
        char = chr(code)
        base = unicodedata.normalize("NFKD", char)[:1] if char.isalpha() else char
        plain = self[code] = base if base.isalpha() and base.isupper() == char.isupper() else char
        return plain


_PLAIN = _Plain()


def plain(text: str) -> str:
    """`text` without diacritics, case and length kept: the list's `Moise Tshombe` is the
    text's `Moïse Tshombe`, `Hissène Habré` its `Hissene Habre` (either may be written)."""
    return text if text.isascii() else text.translate(_PLAIN)


WHOLE, ALONE, BESIDE = 0, 1, 2


def _read(text: str) -> dict[str, int]:
    """form -> WHOLE (the whole name), ALONE (a family name alone, its neighbours then
    checked) or BESIDE (a family name that is also a word or a common surname, written `~Carter`:
    a person only beside another of the list, `Carter and Brzezinski`, `Brezhnev, Carter`)."""
    forms: dict[str, int] = {}
    for line in text.splitlines():
        line = line.split("#", 1)[0].strip()
        if not line:
            continue
        full, *alone = (" ".join(part.split()) for part in line.split("|"))
        forms[full] = WHOLE
        for form in alone:
            mode = BESIDE if form.startswith("~") else ALONE
            form = form.lstrip("~")
            forms.setdefault(form, mode)
            if form[:1].islower():  # `de Gaulle`, `De Gaulle` at a sentence's start
                forms.setdefault(form[:1].upper() + form[1:], mode)
    return forms


@lru_cache(maxsize=1)
def _automaton() -> ahocorasick.Automaton:
    """The list's forms, after a key of length 0 for each of the commonest characters of
    English prose that no form begins with: pyahocorasick looks a character up among a node's
    children one by one, in the order they were added, and the root's are the 28 first
    letters of the forms, so each lower-case letter and space of a text cost a vain scan of
    them all; added first, they are found at once (the keys, never in a text, match
    nothing: the same matches, 23 % less of the automaton's time)."""
    automaton = ahocorasick.Automaton()
    for char in _COMMON:
        automaton.add_word(char + _NEVER, (0, WHOLE))
    for form, alone in _read(_FILE.read_text(encoding="utf-8")).items():
        key = plain(form)
        if len(key) == len(form):  # (always: the fold keeps one character for one)
            automaton.add_word(key, (len(form), alone))
    automaton.make_automaton()
    return automaton


def forms() -> dict[str, int]:
    """The list's forms (for the tests)."""
    return _read(_FILE.read_text(encoding="utf-8"))


def _name_word(word: str) -> bool:
    return word[:1].isupper() and word.strip(".,;:") not in NOT_NAMES


def find(text: str) -> list[tuple[int, int]]:
    """(start, end) of the list's persons in `text`, left to right, the longest at a place."""
    found: dict[int, int] = {}
    beside: set[int] = set()  # where a BESIDE form starts
    size = len(text)
    text = plain(text)
    for last, (length, alone) in _automaton().iter(text):
        if not length:  # a key that orders the root's children (see _automaton)
            continue
        start, end = last + 1 - length, last + 1
        if start and (text[start - 1] in _BEFORE or text[start - 1].isalnum()):
            continue
        if end < size and (text[end].isalnum() or (text[end] in _AFTER and not (
                text[end] in "'’" and text[end + 1:end + 2] == "s" and not text[end + 2:end + 3].isalnum()))):
            continue
        if alone:
            before = text[max(0, start - 40):start]
            if before.endswith(" ") and before[:-1].rsplit(None, 1)[-1:] and _name_word(
                    before[:-1].rsplit(None, 1)[-1]) and not before[:-1].endswith((".", ",", ";", ":")):
                continue  # `Juan Castro`: another person's family name
            after = text[end:end + 40]
            if after.startswith(" ") and after[1:2].isupper() and _name_word(after[1:].split(None, 1)[0]):
                continue  # `Castro Ruz`, `Brandt Commission`: a longer name
        if found.get(start, 0) < end:
            found[start] = end
            if alone == BESIDE:
                beside.add(start)
            else:
                beside.discard(start)
    spans: list[tuple[int, int]] = []
    position = 0
    for start in sorted(found):
        if start >= position:
            spans.append((start, found[start]))
            position = found[start]
    if beside:
        spans = [span for index, span in enumerate(spans) if span[0] not in beside or _beside(
            text, spans, index, beside)]
    return spans


_JOINED = (" and ", ", ", ", and ", " or ")


def _beside(text: str, spans: list[tuple[int, int]], index: int, beside: set[int]) -> bool:
    """Whether the BESIDE form at `spans[index]` is joined by `and` or a comma to a name of
    the list that is no BESIDE form itself."""
    start, end = spans[index]
    if index and spans[index - 1][0] not in beside and text[spans[index - 1][1]:start] in _JOINED:
        return True
    return index + 1 < len(spans) and spans[index + 1][0] not in beside and text[end:spans[index + 1][0]] in _JOINED

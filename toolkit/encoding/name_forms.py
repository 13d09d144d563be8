"""The tagger's spans and the name forms it matches: a `Span` and its ranks, the Aho–Corasick
automaton of register and gazetteer forms over the folded text (`_Forms`) with its case and
whole-word tests, and the choice between overlapping spans (split out of encoding/names.py)."""

from __future__ import annotations

from collections.abc import Iterable
from functools import lru_cache
from typing import NamedTuple

import ahocorasick

from toolkit.names.fold import fold_form
from toolkit.registers import Entry

REGISTER, STRONG, GAZETTEER, SHAPE, WEAK = 0, 1, 2, 3, 4


class Span(NamedTuple):
    """A name found in a text. (A named tuple, not a frozen dataclass: a hundred and more
    are made per report, and a tuple costs a third as much.)"""

    start: int
    end: int
    kind: str
    entry: Entry | None
    rank: int
    rule: str = ""  # what found an unregistered name: a cue rule, or "gazetteer"


def _case_fits(written: str, form: str) -> bool:
    """Whether `written` (equal to `form` once folded) is the form in an admissible case:
    as in the register, all capitals (`/N. KOSYGIN/`), or with capitals where the form has
    them (`Kim Il-Sung` for `Kim Il-sung`); never lower case where the form is capitalised."""
    if written == form or (written.isupper() and sum(c.isalpha() for c in written) > 1):
        return True
    for have, want in zip(written.split(" "), form.split(" ")):
        if want[:1].isupper() and not have[:1].isupper():
            return False
        if len(want) > 1 and want.isupper() and not have.isupper():
            return False
    return True


def _boundary(folded: str, start: int, end: int) -> bool:
    before = folded[start - 1] if start else " "
    after = folded[end] if end < len(folded) else " "
    return not before.isalnum() and not after.isalnum() and after != "-"


class _Forms:
    """Name forms -> values, matched in folded text by one automaton."""

    def __init__(self, forms: Iterable[tuple[str, object]], *also: _Forms) -> None:
        self.by_key: dict[str, list[tuple[str, object]]] = {}
        self.capital: set[str] = set()  # keys whose every form starts with a capital
        for form, value in forms:
            key = fold_form(form)
            if key:
                self.by_key.setdefault(key, []).append((" ".join(form.split()), value))
        for other in also:  # one automaton for several sources: one pass over the text
            for key, values in other.by_key.items():
                self.by_key.setdefault(key, []).extend(values)
        self.capital = {key for key, forms in self.by_key.items()
                        if all(form[:1].isupper() for form, _ in forms)}
        self.automaton = ahocorasick.Automaton()
        for key, forms in self.by_key.items():  # what matches() needs, found with the key
            # and, when every form of the key is written alike (one form, or `Moscow` of a
            # register and of the gazetteer), that form with its first and last value: one
            # case test then stands for the test of each form (see candidates)
            alike = (forms[0][0], forms[0][1], forms[-1][1]) if all(
                form == forms[0][0] for form, _ in forms) else None
            self.automaton.add_word(key, (len(key), key in self.capital, forms, alike))
        if self.by_key:
            self.automaton.make_automaton()

    def matches(self, text: str, folded: str) -> Iterable[tuple[int, int, list[object]]]:
        """(start, end, values whose form fits the case written) of each whole-word match."""
        if not self.by_key:
            return
        for last, (size, capital, forms, _) in self.automaton.iter(folded):
            end = last + 1
            start = end - size
            if capital and not text[start].isupper():
                continue
            if not _whole_word(text, folded, start, end):
                continue
            written = text[start:end]
            if len(forms) == 1:  # most keys have one form: no list to filter
                form, value = forms[0]
                if written == form or _case_fits(written, form):
                    yield start, end, [value]
                continue
            values = [value for form, value in forms if _case_fits(written, form)]
            if values:
                yield start, end, values

    def candidates(self, text: str, folded: str) -> list[Span]:
        """The spans `matches` gives, made in the same pass: a register entry's (the first
        value that fits) and a gazetteer place's (when the last value is no entry), in the
        order of the matches. One loop and no generator, no list per match: the tagger's
        costliest step after the cues (a hundred matches a report)."""
        if not self.by_key:
            return []
        found: list[Span] = []
        for last, (size, capital, forms, alike) in self.automaton.iter(folded):
            end = last + 1
            start = end - size
            if capital and not text[start].isupper():
                continue
            if not _whole_word(text, folded, start, end):
                continue
            written = text[start:end]
            if alike is not None:  # every form written alike: they all fit, or none does
                form, first, final = alike
                if not (written == form or _case_fits(written, form)):
                    continue
            else:
                values = [value for form, value in forms if _case_fits(written, form)]
                if not values:
                    continue
                first, final = values[0], values[-1]
            if isinstance(first, Entry):
                found.append(Span(start, end, first.kind, first, REGISTER))
            if not isinstance(final, Entry):
                found.append(Span(start, end, "place", None, GAZETTEER, "gazetteer"))
        return found

    def get(self, phrase: str) -> list[object]:
        written = " ".join(phrase.split())
        return [value for form, value in self.by_key.get(fold_form(phrase), [])
                if _case_fits(written, form)]


def _whole_word(text: str, folded: str, start: int, end: int) -> bool:
    """A match of the automaton on `folded` that is a whole word (as _boundary) and no
    hyphenated name's end (`Rhine-Westphalia`)."""
    if start and (folded[start - 1].isalnum()
                  or (folded[start - 1] == "-" and _named_before(text, start - 1))):
        return False
    return end >= len(folded) or not (folded[end].isalnum() or folded[end] == "-")


def _named_before(text: str, hyphen: int) -> bool:
    """Whether the word before a hyphen is capitalised: `Rhine-Westphalia` is one name, its end
    no place alone; `pro-DRV` names the DRV."""
    begin = hyphen
    while begin and text[begin - 1].isalpha():
        begin -= 1
    return begin < hyphen and text[begin].isupper()


@lru_cache(maxsize=1)
def _gazetteer() -> _Forms:
    from toolkit.names.gazetteer import places
    return _Forms((written, place) for written, place in places().values())



def _choose(candidates: list[Span], length: int) -> list[Span]:
    """Longest first, then by rank; a span overlapping one already chosen is dropped."""
    if len(candidates) < 2:
        return list(candidates)  # a third of the texts: nothing to choose between
    taken = bytearray(length)
    chosen: list[Span] = []
    for span in sorted(candidates, key=lambda s: (s.start - s.end, s.rank, s.start)):
        if taken.find(1, span.start, span.end) != -1:
            continue
        taken[span.start:span.end] = b"\x01" * (span.end - span.start)
        chosen.append(span)
    chosen.sort(key=lambda s: s.start)
    return chosen

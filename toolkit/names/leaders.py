"""A person named after an organisation by `of` (`the Japanese Communist Party of Miyamoto
Kenji`, `the Hezb-i Islami of Gulbuddin Hekmatyar`, `the FDP of Hans-Dietrich Genscher`):
the party's leader, not the end of its name. An organisation's `of` tail names a state, a
place or a field (`of Foreign Trade`, `of the DPRK`, `of African Unity`); two or three
capitalised words without an article, none a common noun of a field, an institution's head or
a word that is no name, are a person's name. (Issue #11, gold reports 41-48.)

Also the shape of Japanese names written family name first (`Tanaka Kakuei`), so that a later
bare `Tanaka` is the person too.
"""

from __future__ import annotations

import re

from toolkit.names import cues
from toolkit.names.letters import L, U
from toolkit.names.vocabulary import _TITLE_FIRST, FIRST_NAMES

_NAME_WORD = rf"{U}{L}+(?:-{U}{L}+)?"
# `of` + two or three name words, at the end of an organisation's span (or just after it)
_TAIL = re.compile(rf"\sof\s(?P<n>{_NAME_WORD}(?:\s{_NAME_WORD}){{1,2}})$")
_AFTER = re.compile(rf"\sof\s(?P<n>{_NAME_WORD}(?:\s{_NAME_WORD}){{1,2}})(?![\w'’-])")
_HEADS = frozenset(re.sub(r"Organi\[sz\]ation", "Organisation|Organization",
                          cues.ORG_HEADS.replace("Archives?", "Archive|Archives")).split("|"))
# the endings of the nouns of fields and of abstract nouns (`Relations`, `Industry`,
# `Assistance`, `Planning`): a field's tail, no person's name
_FIELD = re.compile(r"(?:ion|ions|ment|ments|ity|ities|ence|ance|ure|ing|ship|ics|ry|gy|ism|cy|ies)$")
# fields in no such shape (`Public Health`, `Higher Education`: `Higher` an adjective)
_FIELD_WORDS = frozenset("""Health Labour Labor Justice Finance Transport Power Water Food Trade
Commerce Art Peace Youth Friendship Unity Energy Light Heavy Public Higher Social Economic
Political Military Cultural Scientific Technical Agricultural Industrial Medical Naval Air Land
Local Regional Municipal Provincial Federal Mutual General Special State Popular Revolutionary
Liberation Salvation Independence Reconstruction Reunification Propaganda Information Press
Radio Television Film Cinema Music Theatre Sport Sports Tourism Fisheries Forestry Geology
Mines Oil Gas Coal Steel Metal Machine Building Construction Railways Shipping Aviation Post
Posts Telecommunications Education Science Sciences Culture Affairs Relations""".split())


def _person_words(words: str) -> bool:
    """Whether two or three capitalised words can be a person's name, not a field or a place's
    adjective (see the module's docstring)."""
    if words.split(maxsplit=1)[0] in _TITLE_FIRST:
        return False  # `of Tun Abdul Razak`: the title's rule names the person after it
    for word in words.split():
        first = word.partition("-")[0]
        if (word in cues.NOT_NAMES or first in cues.NOT_NAMES or word in _HEADS or word in _FIELD_WORDS
                or _FIELD.search(word)):
            return False
    first, *_, last = words.split()
    # a plural is a field's (`of Sciences`), a person's family name seldom ends in -s; after a
    # usual first name it is one (`of Luís Carlos Prestes`)
    return first in FIRST_NAMES or not (last.endswith("s") and not last.endswith(("as", "is", "os", "us")))


def leader_inside(text: str, start: int, end: int) -> int | None:
    """Where the person at the end of an organisation's span `text[start:end]` starts, if the
    span ends with `of` and a person's name; None otherwise."""
    match = _TAIL.search(text, start, end)
    if match is None or match.start() == start or not _person_words(match.group("n")):
        return None
    return match.start("n")


def leader_after(text: str, end: int) -> tuple[int, int] | None:
    """The person named by `of` just after an organisation's span that ends at `end`."""
    match = _AFTER.match(text, end)
    if match is None or not _person_words(match.group("n")):
        return None
    return match.span("n")


# a syllable of Hepburn romanisation (ka, shi, tsu, kyo, n) and a Japanese name of such syllables
_KANA = r"(?:(?:sh|ch|ts|ky|gy|ny|hy|my|ry|by|py|[kgsztdnhbpmrfjwy])?[aeiou]|n(?![aeiouy]))"
_JAPANESE_WORD = re.compile(rf"(?:{_KANA}){{2,}}", re.IGNORECASE)


def japanese(words: str) -> bool:
    """Whether a name of two words is in the shape of a romanised Japanese name (each word of
    two syllables or more of romanisation: `Tanaka Kakuei`, `Miyamoto Kenji`)."""
    tokens = words.split()
    return len(tokens) == 2 and all(
        t[:1].isupper() and t[1:].islower() and _JAPANESE_WORD.fullmatch(t) is not None for t in tokens)

"""Text in capitals (telegrams, headings, typed signatures) as the name cues can read it.

The cues of `toolkit.names.cues` find names by their capital letters (`Comrade Gromyko`,
`Nam Il`, `said`); a telegram written in capitals (`TODAY I WAS RECEIVED BY COMRADE
GROMYKO`) gives them nothing to go by, so its names went untagged (issue #10). This module
gives the cues a copy in mixed case, of the same length (offsets hold): each word
capitalised, save the function words and speech verbs, which the cues expect in lower case.
The register forms are still matched on the text as written (they fit capitals already).
"""

from __future__ import annotations

import re

from toolkit.names.cues import FIRST_NAMES, SPEECH

# words the cues want in lower case: joints of organisations' and places' names, speech verbs
_LOWER = frozenset("""a an the of for with on and or to in at by from as is was were be been
has have had that this which who it he she they we i me my our you his her their its not but
also then again further finally will would shall should can could may might must do did does
about into onto over under through against between during without within upon after before
any all no very there here when where what if than so up out off only such other some
""".split()) | frozenset(re.sub(r"emphasi\[sz\]ed", "emphasised|emphasized", SPEECH).split("|"))
_WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)?")
_LETTER = re.compile(r"[^\W\d_]")
_ARTICLES = frozenset({"al", "el", "ad", "an", "ar", "as", "at", "az", "ash"})
_ARTICLE_NEXT = re.compile(r" (?:THE|A|AN|HIS|HER|ITS|THEIR) ")
_CAPITAL_BEFORE = re.compile(r"[^\W\d_]{2} $")


def shouting(text: str) -> bool:
    """Whether `text` is written in capitals: two words of two letters or more, and no
    lower-case letter at all (a mixed-case sentence with an acronym is not)."""
    if any(c.islower() for c in text):
        return False
    return sum(1 for w in _WORD.findall(text) if len(w) > 1) >= 2


def _past_tense(word: str) -> bool:
    """A verb in the past (`VISITED`, `ATTENDED`) is no name: in lower case, the cues see the
    names around it as apart (`COMRADE ZHIVKOV VISITED TITO`), not as one name of three
    words. (Save the first names that end so: `AHMED`.)"""
    return len(word) > 4 and word.endswith("ED") and word.capitalize() not in FIRST_NAMES


def readable(text: str) -> str:
    """`text` in mixed case for the cues: `TO COMRADE NAM IL` -> `to Comrade Nam Il`. Same
    length, character for character (a case mapping that would change the length, as `ß`
    does, leaves that word as written)."""
    def case(match: re.Match[str]) -> str:
        word = match.group()
        if len(word) == 1 and word != "I":
            return word  # an initial: `N. KUZNETSOV`
        lower = word.lower()
        after = match.string[match.end():match.end() + 8]
        mapped = lower if lower in _LOWER or _past_tense(word) or (
            # an Arabic article joined to a name (`ABD AL-FATTAH`): `al-Fattah`, as written in mixed case
            lower in _ARTICLES and after[:1] == "-") or (
            # a word between a capitalised word and an article is a verb (`GENERAL KENAN EVREN
            # HEADS THE COUNCIL`): names are not followed by `the`
            _ARTICLE_NEXT.match(after) and _CAPITAL_BEFORE.search(match.string, 0, match.start())
            and len(word) > 2) else word[:1] + word[1:].lower()
        return mapped if len(mapped) == len(word) else word
    return _WORD.sub(case, text)

"""The last check of a conversion: nothing of the source is lost (issue #10).

Every rule of the body stages keeps what it does not classify, and the round-trip tests hold
that on every fixture; a rule that drops a line on a layout nobody tested would still lose it
silently. So the text and DOCX readers compare the source body's words with the words of the TEI's
plain-text projection (`toolkit.projection`, the source regenerated from the encoding) and
warn, naming the line, when any is missing. The projection costs about as much as a tenth
of a conversion, so it runs only when a cheap count says it may be needed: the letters and
digits of the TEI's text fewer than the source's (the TEI drops only bracket words, `[sic]`,
and note numbers, and adds expansions, so a document with none of those never pays).
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from collections.abc import Iterable, Sequence

from lxml import etree

from toolkit.errors import Diagnostic, Severity
from toolkit.projection import project

_WORD = re.compile(r"\w+")
# The engine's cost is per match (a word, a run of spaces: a thousand a report), so the word
# characters are counted and the words split by byte tables instead: ASCII's non-word
# characters deleted (or made spaces) by `bytes.translate`; the other characters, few
# (typographic quotes, dashes, no-break spaces), taken out of the UTF-8 by deleting every
# ASCII byte, and tested one kind at a time.
_ASCII_NON_WORD = bytes(b for b in range(128) if not _WORD.match(chr(b)))
_ASCII_TO_SPACE = bytes.maketrans(_ASCII_NON_WORD, b" " * len(_ASCII_NON_WORD))
_ASCII = bytes(range(128))
_OTHER_NON_WORD = re.compile(r"[^\w\x00-\x7f]")

Line = tuple[int, str]


def tree_text(node: etree._Element) -> str:
    """`"".join(node.itertext())`, by lxml's text serialisation (its own tail left out)."""
    return etree.tostring(node, method="text", encoding="unicode", with_tail=False)


def _letters(texts: Iterable[str]) -> int:
    """The word characters of `texts` (the letters of their `_WORD` matches; joining adds
    none, splits none)."""
    kept = "".join(texts).encode("utf-8", "surrogatepass").translate(None, _ASCII_NON_WORD)
    if kept.isascii():
        return len(kept)
    others = kept.translate(None, _ASCII)  # the UTF-8 of the characters outside ASCII
    rest = others.decode("utf-8", "surrogatepass")
    return len(kept) - len(others) + len(rest) - len(_OTHER_NON_WORD.findall(rest))


def _words(text: str) -> list[str]:
    """`_WORD.findall(text)`: every non-word character made a space, then split (no white
    space is a word character, so the pieces are the runs of word characters)."""
    data = text.encode("utf-8", "surrogatepass")
    spaced = data.translate(_ASCII_TO_SPACE).decode("utf-8", "surrogatepass")
    if not spaced.isascii():
        for char in set(data.translate(None, _ASCII).decode("utf-8", "surrogatepass")):
            if not _WORD.match(char):
                spaced = spaced.replace(char, " ")
    return spaced.split()


def _second_part(char: str) -> bool:
    """Whether `char` may compose with the character before it or be reordered before it:
    a mark or a Hangul medial or final jamo (a composite's second part is always one of
    these: test_fast_paths13 checks it over every code point), or of a combining class."""
    return bool(unicodedata.combining(char)) or unicodedata.category(char)[0] == "M" \
        or "\u1161" <= char <= "\u1175" or "\u11a8" <= char <= "\u11c2"


def _char_fold(char: str) -> str | None:
    """What NFKC makes of `char` wherever it stands among such characters, or None when that
    may depend on its neighbours. A character whose decomposition begins with a starter no
    composition takes as its second part is normalized alone: that starter blocks the
    characters of its own decomposition from the one before, and composes with none."""
    if _second_part(unicodedata.normalize("NFKD", char)[:1] or char):
        return None
    return unicodedata.normalize("NFKC", char)


_CHAR_FOLDS: dict[str, str | None] = {}


def _folded(text: str) -> str:
    """`unicodedata.normalize("NFKC", text)`; when every character outside ASCII is one
    `_char_fold` knows (accented letters, quotes, dashes, `…`: all but marks and jamo), by
    replacing the few that change, not by normalizing the whole text (the engine decomposes
    and recomposes every character: a million instructions a report, for the `…` of most
    reports)."""
    if text.isascii():
        return text
    others = set(text.encode("utf-8", "surrogatepass").translate(None, _ASCII)
                 .decode("utf-8", "surrogatepass"))
    changes: list[tuple[str, str]] = []
    for char in others:
        try:
            folded = _CHAR_FOLDS[char]
        except KeyError:
            folded = _char_fold(char)
            if len(_CHAR_FOLDS) < 4096:  # bounded: a text of every script never fills memory
                _CHAR_FOLDS[char] = folded
        if folded is None:
            return unicodedata.normalize("NFKC", text)
        if folded != char:
            changes.append((char, folded))
    for char, folded in changes:
        text = text.replace(char, folded)
    return text


def lost_words(blocks: Sequence[Sequence[Line]], text: etree._Element, path: str
               ) -> list[Diagnostic]:
    """A warning per source line holding words the TEI's projection lacks (at most five)."""
    lines = [line for block in blocks for line in block]
    # the TEI's text by lxml's text serialisation, not `itertext()`: the same characters
    # (elements' text and tails, no comment's or PI's), without an element proxy per
    # string (3 against 110 µs a report; test_fast_paths14)
    if _letters([tree_text(text)]) >= _letters([line for _, line in lines]):
        return []
    # compatibility forms fold: a note's own mark typed `¹` is projected as `[1]`
    source_words = _words(_folded(" ".join(line for _, line in lines)))
    projected = _words(_folded(project(text)))
    if source_words == projected:  # the usual case, the same words in the same order: no
        return []  # word is missing, without counting them (two Counters and a difference)
    missing = Counter(source_words) - Counter(projected)
    if not missing:
        return []
    # A lost line holds many of the missing words; a common word of it (`by`) also stands
    # on other lines: the lines with the most missing words claim them first.
    ranked = sorted(lines, key=lambda item: -sum(1 for w in _WORD.findall(_folded(item[1]))
                                                 if missing[w]))
    claimed: list[tuple[int, list[str]]] = []
    for number, line in ranked:
        here = [word for word in _WORD.findall(_folded(line)) if missing[word] > 0]
        if not here:
            continue
        for word in here:
            missing[word] -= 1
        claimed.append((number, here))
        if len(claimed) == 5 or not +missing:
            break
    return [Diagnostic(Severity.WARNING, f"words of this line are not in the TEI "
                       f"({' '.join(here[:8])}): a rule of the converter dropped them; please "
                       "report it with the file", path, number, rule="lost-text")
            for number, here in sorted(claimed)]

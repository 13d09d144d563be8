"""Folding text for name matching, one character for one character.

Typographic apostrophes, quotes and hyphens, diacritics and case do not make two names
different. The fold keeps every offset (one output character per input character), so a
match found in the folded text is the same span in the original.
"""

from __future__ import annotations

import unicodedata
from functools import lru_cache

_SPECIAL = {
    "’": "'", "‘": "'", "ʼ": "'", "ʻ": "'", "`": "'", "´": "'", "′": "'",
    "“": '"', "”": '"', "„": '"', "«": '"', "»": '"',
    "‐": "-", "‑": "-", "‒": "-", "–": "-", "—": "-", "−": "-",
    "ß": "s", "ø": "o", "Ø": "o", "đ": "d", "Đ": "d", "ł": "l", "Ł": "l", "ı": "i",
    "æ": "a", "Æ": "a", "œ": "o", "Œ": "o",
}


_ASCII_SPACE = str.maketrans("\t\n\r\x0b\x0c", "     ")


@lru_cache(maxsize=8192)
def _fold_char(char: str) -> str:
    special = _SPECIAL.get(char)
    if special is not None:
        return special
    if char.isspace():
        return " "
    if char.isascii():
        return char.lower()
    base = unicodedata.normalize("NFKD", char)[:1] or char
    lower = base.lower()
    return lower[0] if lower else base


class _Table(dict[int, str]):
    """str.translate's table, filled on first sight of each character."""

    def __missing__(self, code: int) -> str:
        folded = self[code] = _fold_char(chr(code))
        return folded


_TABLE = _Table()


def fold(text: str) -> str:
    """`text` folded for matching; `len(fold(t)) == len(t)` always."""
    if text.isascii():
        return text.lower().translate(_ASCII_SPACE)
    return text.translate(_TABLE)


def fold_form(text: str) -> str:
    """A register's name form folded, its white space runs made single spaces."""
    return " ".join(fold(text).split())

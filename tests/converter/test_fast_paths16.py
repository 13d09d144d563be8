"""Fast paths of speed16 (issues #10, #11) against the formulations they replace.

Each shortcut must give what the slower code gave on any input, not only on the fixtures; a
later edit of either side that makes them disagree fails here.
"""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from toolkit.encoding.blocks import _WORD_CUT
from toolkit.encoding.lines import WORD_CUT
from toolkit.encoding.bracket_parse import SQUARE, square_offsets
from toolkit.names.shapes import _STREET_SUFFIX, _STREET_SUFFIX_FOLDED, has_street_suffix

# brackets dense among other characters, some outside ASCII
_BRACKETED = st.text(st.sampled_from("[]][a ’é\n") | st.characters(), max_size=60)


@settings(max_examples=400, deadline=None)
@given(_BRACKETED)
def test_square_offsets_are_the_pattern_s_matches(text: str) -> None:
    assert square_offsets(text) == [m.start() for m in SQUARE.finditer(text)]


def test_square_offsets_in_order_of_both_kinds() -> None:
    assert square_offsets("a]b[[c]") == [1, 3, 4, 6]
    assert square_offsets("") == [] and square_offsets("no brackets") == []


def test_every_character_the_street_pattern_pairs_with_a_letter_folds_to_it() -> None:
    """What makes `has_street_suffix`'s fold a sound filter: each character that
    IGNORECASE lets stand for a letter of the suffixes folds to that letter (ß: to ss)."""
    import re
    import sys
    letters = set("".join(_STREET_SUFFIX_FOLDED)) | {"ß"}
    patterns = {letter: re.compile(re.escape(letter), re.IGNORECASE) for letter in letters}
    # one class first (a million characters), each letter only for the few it lets through
    any_letter = re.compile("[" + "".join(sorted(letters)) + "]", re.IGNORECASE)
    for code in range(sys.maxunicode + 1):
        char = chr(code)
        if not any_letter.fullmatch(char):
            continue
        for letter, pattern in patterns.items():
            if pattern.fullmatch(char):
                assert char.casefold() == letter.casefold(), (hex(code), letter)


# street words, their cases and the characters IGNORECASE pairs with theirs (ſ, ẞ, K)
_STREETY = st.lists(st.sampled_from(["allee", "Straße", "STRASSE", "traſſe", "TRAẞE", "platz", "Gasse",
                                     "damm", "chaussee", "Ufer", "see", "Wannsee", "xsee", "ſee",
                                     " ", "-", "a", "é", "_", "\n", "ss", "ß"]), max_size=8).map("".join)


@settings(max_examples=400, deadline=None)
@given(_STREETY | st.text(max_size=30))
def test_has_street_suffix_is_the_pattern_s_search(text: str) -> None:
    assert has_street_suffix(text) == (_STREET_SUFFIX.search(text) is not None)


_LINES = st.text(st.sampled_from("a-é_1\n -–ß") | st.characters(), max_size=12)


@settings(max_examples=400, deadline=None)
@given(_LINES)
def test_word_cut_searched_near_the_end_is_the_whole_search(line: str) -> None:
    for pattern in (_WORD_CUT, WORD_CUT):  # blocks' and lines' copies
        whole = pattern.search(line)
        near = pattern.search(line, max(0, len(line) - 3))
        assert (whole and whole.span()) == (near and near.span())
    assert bool(_WORD_CUT.search("inter-\n", 4)) and not _WORD_CUT.search("inter-\n", 5)

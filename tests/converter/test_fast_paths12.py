"""Fast paths of speed12 (issue #10) against the formulations they replace, on generated input.

Each shortcut must give what the slower code gave on any input, not only on the fixtures; a
later edit of either side that makes them disagree fails here.
"""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from toolkit.encoding.kept import _letters

# Letters, digits, marks, the underscore, scripts outside ASCII, white space and punctuation.
_TEXT = st.text(alphabet=st.sampled_from(list("ab Z_9٣é\u0301ß漢\n\t.,-[]’'\u00a0\u200b")
                                         + ["\U0001d400"]), max_size=40)


def _letters_by_words(texts: list[str]) -> int:
    return sum(len(word) for text in texts for word in re.findall(r"\w+", text))


@settings(max_examples=3000, deadline=None)
@given(st.lists(_TEXT, max_size=6))
def test_letters_count_the_word_matches_characters(texts: list[str]) -> None:
    assert _letters(texts) == _letters_by_words(texts)


@settings(max_examples=500, deadline=None)
@given(st.lists(st.text(max_size=30), max_size=6))
def test_letters_on_any_unicode(texts: list[str]) -> None:
    assert _letters(iter(texts)) == _letters_by_words(texts)

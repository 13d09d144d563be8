"""Fast paths of speed12 (issue #10) against the formulations they replace, on generated input.

Each shortcut must give what the slower code gave on any input, not only on the fixtures; a
later edit of either side that makes them disagree fails here.
"""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from lxml import etree

from toolkit.encoding.kept import _letters, _words
from toolkit.tei import local_name

# Letters, digits, marks, the underscore, scripts outside ASCII, white space and punctuation.
_TEXT = st.text(alphabet=st.sampled_from(list("ab Z_9٣é\u0301ß漢\n\t.,-[]’'\u00a0\u200b")
                                         + ["\U0001d400"]), max_size=40)


def _letters_by_words(texts: list[str]) -> int:
    return sum(len(word) for text in texts for word in re.findall(r"\w+", text))


@settings(max_examples=3000, deadline=None)
@given(st.lists(_TEXT, max_size=6))
def test_letters_count_the_word_matches_characters(texts: list[str]) -> None:
    assert _letters(texts) == _letters_by_words(texts)


@settings(max_examples=1000, deadline=None)
@given(st.lists(st.text(max_size=30), max_size=6))
def test_letters_on_any_unicode(texts: list[str]) -> None:
    assert _letters(iter(texts)) == _letters_by_words(texts)


@settings(max_examples=3000, deadline=None)
@given(st.one_of(_TEXT, st.text(max_size=60),
                 st.text(alphabet=st.characters(min_codepoint=0xD800, max_codepoint=0xDFFF)
                         | st.sampled_from(list("a b\x1c\x85")), max_size=10)))
def test_words_are_the_word_matches(text: str) -> None:
    assert _words(text) == re.findall(r"\w+", text)
    assert _letters([text]) == _letters_by_words([text])


def test_no_character_is_both_a_word_character_and_white_space() -> None:
    """What `_words` relies on: `str.split` cuts at no word character."""
    word = re.compile(r"\w")
    both = [hex(c) for c in range(0x110000) if chr(c).isspace() and word.match(chr(c))]
    assert both == []
    assert "_" in "".join(_words("a_b c")) and _words("x\u00a0y\u2019z") == ["x", "y", "z"]


_NAME = st.from_regex(r"[A-Za-z_][A-Za-z0-9_.-]{0,6}", fullmatch=True)


@settings(max_examples=1000, deadline=None)
@given(_NAME, st.sampled_from(["", "{http://www.tei-c.org/ns/1.0}", "{urn:x}", "{urn:y}"]))
def test_local_name_remembered_is_the_qname_local_name(name: str, namespace: str) -> None:
    node = etree.Element(namespace + name)
    assert local_name(node) == etree.QName(node).localname == name
    assert local_name(node) == name  # asked again: from the memo


def test_local_name_of_a_comment_or_pi_is_refused_as_before() -> None:
    for node in (etree.Comment("c"), etree.ProcessingInstruction("p", "x"), etree.Entity("amp")):
        with pytest.raises(ValueError):
            local_name(node)
        with pytest.raises(ValueError):  # and again: nothing was remembered for it
            local_name(node)


def test_every_rule_of_visit_that_reads_the_parent_gets_it() -> None:
    """`_Projector.visit` looks the parent's name up only for `_READ_PARENT`: a rule added for
    another element that reads `parent_name` would see "" (a stage under a division lost its
    line break so, 146's `hours.Participating`, when probe12's rule met speed12's cut)."""
    import inspect
    import re as regex

    from toolkit import projection
    source = inspect.getsource(projection._Projector.visit)
    reading = set(regex.findall(r'name == "(\w+)"[^\n]*?parent_name', source))
    assert reading and reading <= projection._READ_PARENT, reading - projection._READ_PARENT

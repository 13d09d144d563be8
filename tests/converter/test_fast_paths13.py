"""Fast paths of speed13 (issues #10, #11) against the formulations they replace.

Each shortcut must give what the slower code gave on any input, not only on the fixtures; a
later edit of either side that makes them disagree fails here.
"""

from __future__ import annotations

import unicodedata

import ahocorasick
from hypothesis import given, settings
from hypothesis import strategies as st
from lxml import etree

from toolkit.encoding import inline_lists
from toolkit.encoding.kept import _char_fold, _folded
from toolkit.names import figures
from toolkit.tei import el, sub, tei


def _jamo_medial_or_final(char: str) -> bool:
    return "\u1161" <= char <= "\u1175" or "\u11a8" <= char <= "\u11c2"


def test_a_composite_s_second_part_is_a_mark_or_a_jamo() -> None:
    """What `_char_fold` relies on: a character neither a mark nor a Hangul medial or final
    jamo never composes with the character before it (Hangul's own composition, by
    arithmetic, takes a medial or final jamo as its second part)."""
    seconds = set()
    for code in range(0x110000):
        decomposition = unicodedata.decomposition(chr(code))
        if decomposition and not decomposition.startswith("<"):
            parts = decomposition.split()
            if len(parts) == 2:
                seconds.add(chr(int(parts[1], 16)))
    others = [hex(ord(c)) for c in seconds
              if unicodedata.category(c)[0] != "M" and not _jamo_medial_or_final(c)]
    assert others == []
    assert len(seconds) > 50  # the test reads the decompositions it means to


def test_every_known_character_folds_alone_between_letters() -> None:
    known = 0
    for code in range(0x80, 0x110000):
        char = chr(code)
        folded = _char_fold(char)
        if folded is None:
            continue
        known += 1
        for text in (f"a{char}b", f"e{char}", f"{char}{char}", f"\u1100{char}é{char}"):
            assert _folded(text) == unicodedata.normalize("NFKC", text), hex(code)
        assert unicodedata.normalize("NFKC", f"a{char}b") == f"a{folded}b", hex(code)
    assert known > 100_000


# ASCII, letters NFKC keeps, ones it folds to ASCII (`…`, no-break space, `¹`, `ﬁ`, full-width),
# ones it folds to more than ASCII, combining marks, Hangul syllables and jamo, a lone surrogate
_ALPHABET = list("ab e.Z9\n\t") + list("éñÆ’—…\u00a0¹ﬁＡ½ǆΩ\u2126\u0301\u0308\u0327한\u1100\u1161\u11a8"
                                      "\ufb2a\u0958ﾞ\ud800")


@settings(max_examples=5000, deadline=None)
@given(st.text(alphabet=st.sampled_from(_ALPHABET), max_size=30))
def test_folded_is_nfkc(text: str) -> None:
    assert _folded(text) == unicodedata.normalize("NFKC", text)


@settings(max_examples=1000, deadline=None)
@given(st.text(max_size=40))
def test_folded_is_nfkc_on_any_unicode(text: str) -> None:
    assert _folded(text) == unicodedata.normalize("NFKC", text)


def _plain_figures() -> ahocorasick.Automaton:
    plain = ahocorasick.Automaton()
    for form, alone in figures.forms().items():  # (the automaton holds them without diacritics)
        plain.add_word(figures.plain(form), (len(form), alone))
    plain.make_automaton()
    return plain


_PLAIN_FIGURES = _plain_figures()
_FIGURE_PIECES = sorted(figures.forms())[::7] + ["Castro", "de Gaulle", "Brandt"]
_PROSE = st.lists(st.sampled_from(_FIGURE_PIECES) | st.text(
    alphabet=st.sampled_from(list(" etaoinsrhdlcumfpgwybvk,.'’-ABCKMS\uffff")), max_size=8),
    max_size=12).map("".join)


@settings(max_examples=3000, deadline=None)
@given(_PROSE)
def test_figures_automaton_with_ordering_keys_matches_as_the_plain_one(text: str) -> None:
    """The keys that order the root's children (figures._automaton) change no match."""
    text = figures.plain(text)
    ordered = [(last, value) for last, value in figures._automaton().iter(text) if value[0]]
    assert ordered == list(_PLAIN_FIGURES.iter(text))


def test_figures_ordering_keys_match_nothing() -> None:
    assert figures.find("e\uffff\uffff \uffff\uffff, Brandt") == [(8, 14)]
    assert figures.find("the \uffff\uffff") == []


def _inline_lists_per_paragraph(part: etree._Element) -> None:
    """inline_lists without its guard over the whole part's text."""
    for paragraph in list(part.iter(tei("p"))):
        if paragraph.find(tei("list")) is None and "(" in etree.tostring(
                paragraph, method="text", encoding="unicode"):
            for _ in range(inline_lists.MOST):  # every enumeration of it (struct16)
                if not inline_lists._enumeration(paragraph):
                    break


_LIST_TEXT = st.lists(st.sampled_from(["(a) ", "(b) ", "(c)", "(1) ", "(2) ", "(ii) ", "(i) ", ": ",
                                       "said: (a) ", "; (b) ", ", and (c) ", ": (1) ", "; (2) ",
                                       "; ", ", and ", "x", "talks", ". The", "(", ")", " ", "\n"]),
                      max_size=14).map("".join)
_PARAGRAPH = st.tuples(_LIST_TEXT, st.lists(st.tuples(st.sampled_from(["name", "date", "hi"]),
                                                      _LIST_TEXT, _LIST_TEXT), max_size=3))


@settings(max_examples=3000, deadline=None)
@given(st.lists(_PARAGRAPH, min_size=1, max_size=4))
def test_inline_lists_guard_changes_nothing(paragraphs: list[tuple[str, list[tuple[str, str, str]]]]
                                            ) -> None:
    def part() -> etree._Element:
        div = el("div")
        for text, children in paragraphs:
            p = sub(div, "p")
            p.text = text
            for name, inner, tail in children:
                child = sub(p, name)
                child.text, child.tail = inner, tail
        return div
    fast, slow = part(), part()
    inline_lists.inline_lists(fast)
    _inline_lists_per_paragraph(slow)
    assert etree.tostring(fast) == etree.tostring(slow)


def test_inline_lists_still_finds_an_enumeration() -> None:
    div = el("div")
    p = sub(div, "p")
    p.text = "three decisions: (a) the delegation; (b) the talks; (c) the press. Then more."
    inline_lists.inline_lists(div)
    assert [item.get("n") for item in div.iter(tei("item"))] == ["a", "b", "c"]

"""The conversion's last check (toolkit.encoding.kept): source words the TEI's projection
lacks are a warning naming their line; a complete encoding gives none."""

from __future__ import annotations

from lxml import etree

from toolkit.encoding.kept import lost_words
from toolkit.errors import Severity

TEI = "http://www.tei-c.org/ns/1.0"


def text(body: str) -> etree._Element:
    return etree.fromstring(f'<text xmlns="{TEI}"><body><div>{body}</div></body></text>')


BLOCKS = [[(30, "Distribution:")], [(31, "1 - Cde. T. Zhivkov")], [(32, "Recorded by: G. Petrov")]]


def test_a_dropped_line_is_named() -> None:
    found = lost_words(BLOCKS, text("<p>Distribution:</p><p>1 - Cde. T. Zhivkov</p>"), "r.txt")
    assert [(d.severity, d.line, d.rule, d.path) for d in found] == \
        [(Severity.WARNING, 32, "lost-text", "r.txt")]
    assert "(Recorded by G Petrov)" in found[0].message


def test_a_common_word_is_claimed_by_the_lost_line() -> None:
    """`by` also stands on line 30: the line that lost all its words is the one named."""
    blocks = [[(30, "Drafted by the embassy")], [(32, "Recorded by: G. Petrov")]]
    found = lost_words(blocks, text("<p>Drafted by the embassy</p>"), "r.txt")
    assert [d.line for d in found] == [32]


def test_a_complete_encoding_gives_nothing() -> None:
    body = "<p>Distribution:</p><p>1 - Cde. T. Zhivkov</p><p>Recorded by: G. Petrov</p>"
    assert lost_words(BLOCKS, text(body), "r.txt") == []


def test_brackets_regenerated_by_the_projection_are_not_lost() -> None:
    """`[sic]` and a note's number are not in the TEI's text, but its projection gives them
    back: no warning."""
    blocks = [[(5, "the the [sic] delegation[1]")], [(7, "[1] Archive, f. 5.")]]
    body = ('<p>the <sic>the</sic> delegation<note place="foot" n="1">Archive, f. 5.</note></p>')
    assert lost_words(blocks, text(body), "r.txt") == []


def test_a_note_mark_typed_as_a_superscript_is_not_lost() -> None:
    """Word's note text opens with its mark as typed (`¹`); the TEI keeps it as `@n`, which
    the projection writes `[1]`: compatibility forms fold, no warning."""
    blocks = [[(5, "the delegation")], [(9, "¹ Archive, f. 5.")]]
    body = '<p>the delegation<note place="foot" n="1">Archive, f. 5.</note></p>'
    assert lost_words(blocks, text(body), "r.docx") == []

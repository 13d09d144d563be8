"""Fast paths of speed14 (issues #10, #11) against the formulations they replace.

Each shortcut must give what the slower code gave on any input, not only on the fixtures; a
later edit of either side that makes them disagree fails here.
"""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st
from lxml import etree

from toolkit.encoding.kept import lost_words, tree_text
from toolkit.tei import el, sub

# XML's characters (no control character, no surrogate), some outside ASCII
_TEXT = st.text(st.characters(blacklist_categories=("Cs", "Cc")) | st.sampled_from("\n\t ’…é"),
                max_size=8)
_KINDS = st.sampled_from(["element", "element", "comment", "pi"])


@st.composite
def _trees(draw: st.DrawFn, depth: int = 3) -> etree._Element:
    node = el("p")
    node.text = draw(_TEXT) or None
    for _ in range(draw(st.integers(0, 4))):
        kind = draw(_KINDS)
        if kind == "comment":
            child: etree._Element = etree.Comment(draw(_TEXT).replace("-", "") or "c")
            node.append(child)
        elif kind == "pi":
            child = etree.ProcessingInstruction("teikit", draw(_TEXT).replace("?>", "") or "x")
            node.append(child)
        elif depth:
            child = draw(_trees(depth - 1))
            node.append(child)
        else:
            child = sub(node, "hi", draw(_TEXT) or None)
        child.tail = draw(_TEXT) or None
    return node


@settings(max_examples=300, deadline=None)
@given(_trees(), _TEXT)
def test_tree_text_is_the_joined_itertext(tree: etree._Element, tail: str) -> None:
    """The lost-text check's letter count reads the TEI's text by lxml's text serialisation:
    the same string as `itertext()` joined (text and tails of elements, no comment's or PI's
    content, the node's own tail left out)."""
    tree.tail = tail or None
    assert tree_text(tree) == "".join(str(t) for t in tree.itertext())


def test_the_lost_text_check_still_fires() -> None:
    """A TEI text lacking a source line's words is still told apart (the count the new
    reading feeds is the trigger of the projection), and one holding them is not."""
    text = el("text")
    sub(sub(text, "body"), "p", "The delegation arrived in Hanoi.")
    kept = [[(3, "The delegation arrived in Hanoi.")]]
    assert lost_words(kept, text, "x.txt") == []
    lost = [[(3, "The delegation arrived in Hanoi."), (4, "Comrade Ivanov spoke at length.")]]
    [warning] = lost_words(lost, text, "x.txt")
    assert warning.line == 4 and "Ivanov" in warning.message

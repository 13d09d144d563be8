"""Ranges and points laid onto encoded TEI: split at element boundaries, never around a
choice's parts or between a div's blocks, and placed by source offset."""

from __future__ import annotations

from lxml import etree

from toolkit.readers.docx.inline import Node, align, insert, to_element, wrap
from toolkit.tei import el

SOURCE = "Kim Chang-man [Kim Chang Man] met [Soviet Ambassador] Moskovsky."


def encoded() -> etree._Element:
    """What the shared encoder gives for SOURCE (choice, supplied, persName)."""
    return el("p", [el("persName", [el("choice", [el("orig", "Kim Chang-man"),
                                                  el("reg", "Kim Chang Man")])], ref="#k"),
                    " met ", el("supplied", "Soviet Ambassador", reason="identification"), " ",
                    el("persName", "Moskovsky", ref="#m"), "."])


def bold() -> etree._Element:
    return el("hi", rend="bold")


def show(node: Node) -> str:
    text = etree.tostring(to_element(node), encoding="unicode")
    return text.replace(' xmlns="http://www.tei-c.org/ns/1.0"', "")


def test_a_range_across_a_choice_is_split_inside_its_parts() -> None:
    tree = align(encoded(), SOURCE)
    start = SOURCE.index("man [")
    wrap(tree, start, SOURCE.index(" Man]"), bold)
    assert show(tree) == (
        '<p><persName ref="#k"><choice><orig>Kim Chang-<hi rend="bold">man</hi></orig>'
        '<reg><hi rend="bold">Kim Chang</hi> Man</reg></choice></persName> met '
        '<supplied reason="identification">Soviet Ambassador</supplied> '
        '<persName ref="#m">Moskovsky</persName>.</p>')


def test_a_range_over_brackets_wraps_the_whole_element() -> None:
    tree = align(encoded(), SOURCE)
    wrap(tree, SOURCE.index("[Soviet"), SOURCE.index("."), bold)
    assert show(tree).endswith(
        ' met <hi rend="bold"><supplied reason="identification">Soviet Ambassador</supplied> '
        '<persName ref="#m">Moskovsky</persName></hi>.</p>')


def test_a_range_over_part_of_a_name_goes_inside_it() -> None:
    tree = align(encoded(), SOURCE)
    wrap(tree, SOURCE.index("kovsky"), SOURCE.index("."), bold)
    assert '<persName ref="#m">Mos<hi rend="bold">kovsky</hi></persName>.' in show(tree)


def test_points_are_inserted_at_their_offset_after_a_closed_element() -> None:
    tree = align(encoded(), SOURCE)
    offset = SOURCE.index(".")
    insert(tree, offset, Node.of(el("note", "n", place="foot", n="1"), offset))
    insert(tree, SOURCE.index("Kim Chang Man"), Node.of(el("anchor"), 0))
    text = show(tree)
    assert '<persName ref="#m">Moskovsky</persName><note place="foot" n="1">n</note>.' in text
    assert "<reg><anchor/>Kim Chang Man</reg>" in text


def test_a_range_never_wraps_blocks() -> None:
    div = el("div", [el("p", "One paragraph."), el("p", "Another one.")])
    source = "One paragraph.\nAnother one."
    tree = align(div, source)
    wrap(tree, 4, source.index("one."), bold)
    assert show(tree) == ('<div><p>One <hi rend="bold">paragraph.</hi></p>'
                          '<p><hi rend="bold">Another </hi>one.</p></div>')

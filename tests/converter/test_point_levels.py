"""Three levels of points (`1.` / `a)` / `i.`, issue #10): each level a list in the item
above it, as two levels are. Expectations written by hand before the converter ran."""

from __future__ import annotations

from converter_support import context
from lxml import etree
from test_reported_bugs import convert, div_of, round_trips, xpath

from toolkit.readers import ReadContext

__all__ = ["context"]  # the fixture, imported for pytest

THREE_LEVELS = ("The commission proposes the following:\n"
                "1. On the economy:\n"
                "a) to build two plants;\n"
                "b) to train the workers:\n"
                "i. in the plants,\n"
                "ii. abroad;\n"
                "c) to raise the wages.\n"
                "2. On the schools:\n"
                "a) to open ten schools;\n"
                "b) to print the books.\n"
                "The ministry will decide on each of these points in its next session.\n")


def _items(node: etree._Element) -> list[str | None]:
    return [i.get("n") for i in xpath(node, "tei:item")]


def test_three_levels_nest_as_list_item_list(context: ReadContext,
                                             tei_all: etree.RelaxNG) -> None:
    conversion, body = convert(THREE_LEVELS, context)
    div = div_of(conversion)
    top = xpath(div, "tei:list")
    assert len(top) == 1 and _items(top[0]) == ["1", "2"]
    first, second = xpath(top[0], "tei:item")
    assert [lab.text for lab in xpath(first, "tei:label")] == ["1."]
    assert _items(xpath(first, "tei:list")[0]) == ["a", "b", "c"]
    b = xpath(first, "tei:list/tei:item[@n='b']")[0]
    assert _items(xpath(b, "tei:list")[0]) == ["i", "ii"]
    assert _items(xpath(second, "tei:list")[0]) == ["a", "b"]
    # the line announcing them is the list's head (the conventions' rule for lists)
    assert [h.text for h in xpath(top[0], "tei:head")] == ["The commission proposes the following:"]
    assert [p.get("n") for p in xpath(div, "tei:p")] == [None]  # no point left a p
    round_trips(conversion, body, tei_all)


def test_third_level_last_in_its_item_before_the_next_first_level_point(
        context: ReadContext, tei_all: etree.RelaxNG) -> None:
    body = ("The commission proposes the following:\n"
            "1. On the economy:\n"
            "a) to build two plants;\n"
            "b) to train the workers:\n"
            "i. in the plants,\n"
            "ii. abroad;\n"
            "2. On the schools:\n"
            "a) to open ten schools;\n"
            "b) to print the books.\n"
            "The ministry will decide on each of these points in its next session.\n")
    conversion, body = convert(body, context)
    div = div_of(conversion)
    top = xpath(div, "tei:list")
    assert len(top) == 1 and _items(top[0]) == ["1", "2"]
    b = xpath(top[0], "tei:item[@n='1']/tei:list/tei:item[@n='b']")[0]
    assert _items(xpath(b, "tei:list")[0]) == ["i", "ii"]
    round_trips(conversion, body, tei_all)


def test_numbered_statements_stay_paragraphs(context: ReadContext,
                                            tei_all: etree.RelaxNG) -> None:
    # sentences, not an enumeration's items: points with prose are numbered paragraphs
    body = ("The minister said:\n"
            "1. Trade would grow in the next year.\n"
            "a) The plants would be built.\n"
            "b) The workers would be trained.\n"
            "2. The schools would open in the autumn.\n"
            "The talks ended at noon and the delegation left for the airport.\n")
    conversion, body = convert(body, context)
    div = div_of(conversion)
    assert not xpath(div, ".//tei:list/tei:item[@n='1']")
    round_trips(conversion, body, tei_all)

"""Reported converter bugs (issue #2), each pinned by the smallest report that showed it."""

from __future__ import annotations

from pathlib import Path

from converter_support import assert_valid, context
from lxml import etree

from toolkit.convert import convert_bytes
from toolkit.output import serialize
from toolkit.projection import normalise, project
from toolkit.readers import Conversion, ReadContext
from toolkit.tei import NS

__all__ = ["context"]  # the fixture, imported for pytest

HEAD = """**March 12, 1962**

**Report on a Conversation**

**Citation:**

"Report on a Conversation", March 12, 1962, Wilson Center Digital Archive, Archive of Foreign Policy of the Russian Federation (AVPRF), fond 0102, opis 18, delo 5, listy 41-44. {credit} <https://wilson-center.drivingcreative.com/document/118001>

**Summary:**

A conversation.

**Original Language:**

Russian

**Contents:**

Translation - English

"""
NIHT = "Translated for NKIDP by Gary Goldberg."


def convert(body: str, context: ReadContext, credit: str = NIHT) -> tuple[Conversion, str]:
    text = HEAD.format(credit=credit) + body
    return convert_bytes(text.encode(), "wilson-118001.txt", context), body


def div_of(conversion: Conversion) -> etree._Element:
    found = conversion.tree.find(".//tei:text/tei:body/tei:div", NS)
    assert found is not None
    return found


def xpath(node: etree._Element, query: str) -> list[etree._Element]:
    result = node.xpath(query, namespaces=NS)
    assert isinstance(result, list)
    return [r for r in result if isinstance(r, etree._Element)]


def round_trips(conversion: Conversion, body: str, tei_all: etree.RelaxNG) -> None:
    tree = etree.ElementTree(etree.fromstring(serialize(conversion.tree)))
    assert normalise(project(tree)) == normalise(body)
    assert_valid(tei_all, tree)


def test_variant_cut_by_a_page_break(context: ReadContext, tei_all: etree.RelaxNG) -> None:
    conversion, body = convert("The delegation of Kim Chang-man [Kim Chang\n\nMan] met them.\n",
                               context)
    div = div_of(conversion)
    (choice,) = xpath(div, ".//tei:choice")
    assert "".join(xpath(choice, "tei:orig")[0].itertext()) == "Kim Chang-man"
    (reg,) = xpath(choice, "tei:reg")
    assert xpath(reg, "tei:pb") and " ".join("".join(reg.itertext()).split()) == "Kim Chang Man"
    assert not xpath(div, ".//tei:supplied")
    round_trips(conversion, body, tei_all)


def test_illegible_cut_by_a_page_break(context: ReadContext, tei_all: etree.RelaxNG) -> None:
    conversion, body = convert("They agreed and [illegible\n\nword] it.\n", context)
    div = div_of(conversion)
    (gap,) = xpath(div, ".//tei:gap")
    assert gap.get("reason") == "illegible"
    assert not xpath(div, ".//tei:note")
    (pb,) = xpath(div, ".//tei:pb")
    assert pb.getprevious() is gap  # a gap holds no pb: it stands right after it
    round_trips(conversion, body, tei_all)


def test_signature_with_a_lowercase_role(context: ReadContext, tei_all: etree.RelaxNG) -> None:
    conversion, body = convert("We discussed the matter there.\n\nJaroslav\n\nDvořák\n\nambassador\n",
                               context)
    div = div_of(conversion)
    (signed,) = xpath(div, "tei:closer/tei:signed")
    (name,) = xpath(signed, ".//tei:persName")  # the name's two source lines, kept apart
    assert name.text == "Jaroslav" and [lb.tail for lb in xpath(name, "tei:lb")] == ["Dvořák"]
    assert [r.text for r in xpath(signed, "tei:roleName")] == ["ambassador"]
    assert [" ".join("".join(p.itertext()).split()) for p in xpath(div, "tei:p")] == [
        "We discussed the matter there."]
    round_trips(conversion, body, tei_all)


def test_sponsor_starting_with_the(context: ReadContext) -> None:
    credit = "Translated for the Cold War International History Project by Colin Jung."
    conversion, _ = convert("They met.\n", context, credit)
    assert not [d for d in conversion.diagnostics if "translator" in d.message]
    header = conversion.tree.getroot()[0]
    assert [" ".join("".join(e.itertext()).split()) for e in
            xpath(header, ".//tei:respStmt[tei:resp='translation from the original']/tei:persName")] == ["Colin Jung"]
    assert "Cold War International History Project" in [
        " ".join("".join(e.itertext()).split()) for e in xpath(header, ".//tei:sponsor")]


def test_variant_keeps_the_whole_name(context: ReadContext, tei_all: etree.RelaxNG) -> None:
    conversion, body = convert("He met Kim Il Sung [Kim Il-sung] there.\n", context)
    (orig,) = xpath(div_of(conversion), ".//tei:choice/tei:orig")
    assert orig.text == "Kim Il Sung"
    round_trips(conversion, body, tei_all)


def test_expansion_and_two_breaks_in_one_gap(context: ReadContext, tei_all: etree.RelaxNG) -> None:
    """The same rule for an abbreviation's bracketed expansion, and for a gap cut twice."""
    conversion, body = convert("The PUWP [Polish United\n\nWorkers' Party] and [two\n\nwords\n\n"
                               "illegible] there.\n", context)
    div = div_of(conversion)
    (expan,) = xpath(div, ".//tei:choice[tei:abbr='PUWP']/tei:expan")
    assert expan.text == "Polish United " and xpath(expan, "tei:pb")
    (gap,) = xpath(div, ".//tei:gap")
    assert (gap.get("reason"), gap.get("quantity"), gap.get("unit")) == ("illegible", "2", "word")
    assert len(xpath(div, ".//tei:gap/following-sibling::tei:pb")) == 2
    round_trips(conversion, body, tei_all)

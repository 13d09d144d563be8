"""Word's structure over the shared encoding, on generated and hand-made documents: headings
open nested divisions, and formatting runs of any shape over brackets and names land on
exactly the characters Word formatted, in tei_all-valid TEI."""

from __future__ import annotations

import io
from pathlib import Path

import docx
from docx_fixtures import assert_valid, context, metadata_paragraphs
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from lxml import etree

from toolkit.convert import convert_bytes
from toolkit.projection import project
from toolkit.readers import ReadContext
from toolkit.tei import NS

__all__ = ["context"]  # the fixture, imported for pytest


def convert_document(document: docx.document.Document, context: ReadContext
                     ) -> etree._ElementTree:
    buffer = io.BytesIO()
    document.save(buffer)
    return convert_bytes(buffer.getvalue(), "generated-900003.docx", context).tree


def test_headings_open_nested_divisions(context: ReadContext, tei_all: etree.RelaxNG) -> None:
    document = docx.Document()
    metadata_paragraphs(document, "900003")
    document.add_heading("Minutes of the meeting", level=1)
    document.add_paragraph("The meeting opened at ten o'clock.")
    document.add_heading("First item", level=2)
    document.add_paragraph("Comrade Kosygin spoke first.")
    document.add_heading("Second item", level=2)
    document.add_paragraph("Kim Il replied.")
    document.add_heading("Closing", level=1)
    document.add_paragraph("The meeting closed at noon.")
    tree = convert_document(document, context)
    assert_valid(tei_all, tree)
    div = tree.find(".//tei:body/tei:div", NS)
    assert div is not None
    outline = [(len(d.xpath("ancestor::tei:div", namespaces=NS)), d.findtext("tei:head", namespaces=NS))
               for d in div.iter("{http://www.tei-c.org/ns/1.0}div")]
    assert outline == [(0, "Minutes of the meeting"), (1, "First item"), (1, "Second item"),
                       (1, "Closing")]
    # The level-1 heading that opens the text heads the translation's div itself; the next
    # level-1 heading is a sibling division of the level-2 ones' parent, not inside them.
    assert div.findtext("tei:head", namespaces=NS) == "Minutes of the meeting"
    closing = tree.xpath("//tei:div[tei:head='Closing']", namespaces=NS)[0]
    assert closing.getparent() is div
    assert [d.findtext("tei:head", namespaces=NS) for d in div.findall("tei:div", NS)] == \
        ["First item", "Second item", "Closing"]


WORDS = ["the", "delegation", "said", "that", "Comrade", "Kosygin", "Kim Il Sung", "Moscow",
         "[the KWP leaders]", "[Soviet Ambassador] Comrade Moskovsky", "(pretensions)",
         "Kim Chang-man [Kim Chang Man]", "economic", "cooperation", "of", "Korea", "in"]
RUN = st.tuples(st.lists(st.sampled_from(WORDS), min_size=1, max_size=4), st.booleans(),
                st.booleans())


def _alnum(text: str) -> str:
    return "".join(c for c in text if c.isalnum())


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(paragraphs=st.lists(st.lists(RUN, min_size=1, max_size=6), min_size=1, max_size=3))
def test_formatting_lands_on_the_formatted_characters(paragraphs: list[list[tuple[list[str], bool, bool]]],
                                                      context: ReadContext,
                                                      tei_all: etree.RelaxNG) -> None:
    document = docx.Document()
    metadata_paragraphs(document, "900003")
    bold_source = ""
    italic_source = ""
    body_source = ""
    for runs in paragraphs:
        paragraph = document.add_paragraph("In the report ")
        body_source += "In the report "
        for words, bold, italic in runs:
            text = " ".join(words) + " "
            run = paragraph.add_run(text)
            run.bold, run.italic = bold or None, italic or None
            body_source += text
            bold_source += text if bold else ""
            italic_source += text if italic else ""
        paragraph.add_run("and so on.")
        body_source += "and so on."
    tree = convert_document(document, context)
    assert_valid(tei_all, tree)
    body = tree.find(".//tei:body", NS)
    assert body is not None

    def formatted(rend: str) -> str:
        nodes = body.xpath(f".//tei:hi[@rend='{rend}']", namespaces=NS)
        return "".join(_alnum("".join(str(t) for t in n.itertext())) for n in nodes
                       if not n.xpath("ancestor::tei:hi[@rend=$r]", r=rend, namespaces=NS))

    assert formatted("bold") == _alnum(bold_source)
    assert formatted("italic") == _alnum(italic_source)
    assert _alnum(project(tree)) == _alnum(body_source)


def test_a_list_between_paragraphs_is_no_page_break(context: ReadContext,
                                                    tei_all: etree.RelaxNG) -> None:
    """The text export's rule rejoins a sentence cut by a page break; in Word a list or a table
    between two paragraphs is structure, so the paragraphs around it stay apart."""
    document = docx.Document()
    metadata_paragraphs(document, "900003")
    document.add_paragraph("The forces of the DPRK included")
    document.add_paragraph("an army of 700,000", style="List Bullet")
    document.add_paragraph("and a police force of 200,000.")
    document.add_paragraph("They were a burden")
    document.add_paragraph("for the national economy.")
    tree = convert_document(document, context)
    assert_valid(tei_all, tree)
    div = tree.find(".//tei:body/tei:div", NS)
    assert div is not None
    assert [etree.QName(c).localname for c in div] == ["p", "list", "p", "p"]
    # Without anything between them, the cut sentence is rejoined; with no page break in the
    # Word file there, the break is a stray Enter: an lb, not an invented pb.
    assert div.findall(".//tei:pb", NS) == []
    assert len(div[-1].findall("tei:lb", NS)) == 1
    assert div[-1].xpath("string(.)") == "They were a burden for the national economy."

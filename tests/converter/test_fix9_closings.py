"""Closings with a distribution list that lost their closer (issue #10, found by
`check_synthetic.py --layout mix`: 10 of 565 generated closings with a distribution list,
seeds 0-1,949): a note text nothing refers to after the list (under a `Notes` line, or a sign's
note after a stray fragment), and a `ROLE [signature] /NAME/` line read as the last line of a
hard-wrapped paragraph. Expectations written by hand from the conventions, before the
converter was run on them; each with a counter-case."""

from __future__ import annotations

from converter_support import context
from lxml import etree
from test_reported_bugs import convert, div_of, round_trips, xpath

from toolkit.readers import ReadContext

__all__ = ["context"]  # the fixture, imported for pytest

PROSE = ("The delegation arrived in Prague on 5 April and was received by the minister.\n"
         "The talks went well and a protocol on the exchange of experts was signed.\n")
DISTRIBUTION = ("Three copies printed\n"
                "1 - Cde. R. Vasileva\n"
                "2 - Cde. O. Mrazek\n"
                "3 - to file\n")


def _closed(div: etree._Element, name: str) -> None:
    """The closer holds the signature, and the distribution list follows it as its note."""
    (closer,) = xpath(div, "tei:closer")
    assert name in "".join(closer.itertext())
    (holder,) = xpath(div, "tei:note[@type='distribution']")
    assert [i.get("n") for i in xpath(holder, "tei:list/tei:item")] == ["1", "2", "3"]
    assert xpath(holder, "tei:list/tei:head[.='Three copies printed']")
    assert not xpath(div, "tei:p[contains(., 'Weber') or contains(., 'to file')]")


def test_a_notes_line_after_the_distribution_heads_a_note_nothing_refers_to(
        context: ReadContext, tei_all: etree.RelaxNG) -> None:
    body = (PROSE + "K. Weber\nCounsellor of the Embassy\n" + DISTRIBUTION
            + "Notes\n1. A note the text never refers to.\n")
    conversion, body = convert(body, context)
    div = div_of(conversion)
    _closed(div, "K. Weber")
    assert [(f.get("type"), f.text) for f in xpath(div, "tei:fw")] == [("notes", "Notes")]
    (note,) = xpath(div, "tei:note[@place='foot']")
    assert note.get("n") == "1" and "never refers to" in "".join(note.itertext())
    assert any("footnote 1. is never referenced" in d.message for d in conversion.diagnostics)
    round_trips(conversion, body, tei_all)


def test_a_notes_line_after_a_paragraph_keeps_numbered_lines_nothing_refers_to(
        context: ReadContext, tei_all: etree.RelaxNG) -> None:
    # counter-case: under a paragraph (no signature, no list above it), `Notes` over numbered
    # lines nothing refers to is a heading of the text's own points, as before
    body = (PROSE + "Notes\n1. The talks were held in the ministry.\n"
            "2. The protocol was signed by both ministers.\n")
    conversion, body = convert(body, context)
    div = div_of(conversion)
    assert not xpath(div, ".//tei:note") and not xpath(div, "tei:fw[@type='notes']")
    assert "The protocol was signed" in "".join(div.itertext())
    round_trips(conversion, body, tei_all)


def test_a_signs_note_after_the_distribution_and_a_fragment_is_a_note(
        context: ReadContext, tei_all: etree.RelaxNG) -> None:
    body = (PROSE + "(Nagy)\nSofia, 28 May 1977\n" + DISTRIBUTION
            + "2\n* A note the text never refers to.\n")
    conversion, body = convert(body, context)
    div = div_of(conversion)
    _closed(div, "Nagy")
    assert xpath(div, "tei:closer/tei:dateline/tei:date[@when='1977-05-28']")
    assert [(f.get("type"), f.text) for f in xpath(div, "tei:fw")] == [("residue", "2")]
    (note,) = xpath(div, "tei:note[@place='foot']")
    assert note.get("n") == "*" and "never refers to" in "".join(note.itertext())
    assert any("footnote * is never referenced" in d.message for d in conversion.diagnostics)
    round_trips(conversion, body, tei_all)


def test_bullets_after_an_announcing_line_stay_the_texts(
        context: ReadContext, tei_all: etree.RelaxNG) -> None:
    # counter-case: `* item` at the very end under a line ending in a colon, nothing
    # referring to `*`: bullets of the text, not notes
    body = (PROSE + "The embassy proposes the following:\n"
            "* to raise the exchange of machinery.\n"
            "* to open a trade mission.\n")
    conversion, body = convert(body, context)
    div = div_of(conversion)
    assert not xpath(div, ".//tei:note")
    assert "to open a trade mission" in "".join(div.itertext())
    round_trips(conversion, body, tei_all)


WRAPPED = ("It is worth noting that Comrade Pak Chang-bok did not attend\n"
           "the meeting, although he had been invited. As a consequence of\n"
           "this decision, various military equipment of an adequate\n"
           "quantity was launched for Cuba. [half a page not declassified]\n")


def test_a_slashed_signature_under_a_wrapped_paragraph_is_the_signature(
        context: ReadContext, tei_all: etree.RelaxNG) -> None:
    # (a mixed layout: the wrapped paragraph and its signature between blank lines)
    body = ("The talks were held at the ministry.\n\n" + WRAPPED
            + "Head of Department [signature] /P. CHANG-BOK/\n\n"
            "Two copies printed\n1 - Far Eastern Department\n2 - to file\n")
    conversion, body = convert(body, context)
    div = div_of(conversion)
    (closer,) = xpath(div, "tei:closer")
    assert xpath(closer, ".//tei:persName[.='P. CHANG-BOK']")
    assert xpath(closer, ".//tei:roleName[contains(., 'Head of Department')]")
    paragraph = xpath(div, "tei:p")[-1]
    assert "Head of Department" not in "".join(paragraph.itertext())
    assert len(xpath(paragraph, "tei:lb")) == 3  # the paragraph's own four lines
    assert len(xpath(div, "tei:note[@type='distribution']/tei:list/tei:item")) == 2
    round_trips(conversion, body, tei_all)


def test_a_signature_bracket_inside_a_wrapped_sentence_stays_in_it(
        context: ReadContext, tei_all: etree.RelaxNG) -> None:
    # counter-case: `[signature]` inside the sentence (no /NAME/ ending the line) goes on
    body = ("The copy sent to the ministry bears the ambassador's mark [signature]\n"
            "and the stamp of the secretariat, which was added on the same day by\n"
            "the clerk on duty, who also entered the number in the register of the\n"
            "incoming documents.\n")
    conversion, body = convert(body, context)
    div = div_of(conversion)
    (paragraph,) = xpath(div, "tei:p")
    assert len(xpath(paragraph, "tei:lb")) == 3 and not xpath(div, "tei:closer")
    round_trips(conversion, body, tei_all)


def test_a_distribution_list_under_a_postscript_is_the_documents(
        context: ReadContext, tei_all: etree.RelaxNG) -> None:
    # `check_synthetic.py --layout mix --seed 8000`: 15 of 300 reports (every one with a P.S.
    # and a distribution list) had the list inside the postscript
    body = (PROSE + "K. Weber\nCounsellor of the Embassy\n"
            "P.S. The signed copies will follow by courier.\n" + DISTRIBUTION)
    conversion, body = convert(body, context)
    div = div_of(conversion)
    _closed(div, "K. Weber")
    (postscript,) = xpath(div, "tei:postscript")
    assert "courier" in "".join(postscript.itertext()) and not xpath(postscript, ".//tei:list")
    assert [etree.QName(c).localname for c in div][-3:] == ["closer", "postscript", "note"]
    round_trips(conversion, body, tei_all)


def test_a_postscripts_own_list_stays_in_it(
        context: ReadContext, tei_all: etree.RelaxNG) -> None:
    # counter-case: list lines under a postscript's sentence, no line announcing copies or a
    # distribution: the postscript's text
    body = (PROSE + "K. Weber\nCounsellor of the Embassy\n"
            "P.S. The embassy needs the following:\n"
            "1 - two interpreters\n2 - a car for the delegation\n")
    conversion, body = convert(body, context)
    div = div_of(conversion)
    assert not xpath(div, "tei:note[@type='distribution']")
    assert "a car for the delegation" in "".join(xpath(div, "tei:postscript")[0].itertext())
    round_trips(conversion, body, tei_all)

"""Fields of one line project as that line (issue #10: the projection gives back the source's
line structure). An office and its place-and-date line, or two marks, a run of spaces apart
on one line, are two elements of the TEI with a `space` between them that says how wide the
run was; the projection gives the one line back with its run. Expectations written by hand
before the converter was run on them; counter-cases: fields and marks on lines of their own."""

from __future__ import annotations

from converter_support import context
from lxml import etree
from test_reported_bugs import convert, div_of, round_trips, xpath

from toolkit.output import serialize
from toolkit.projection import project
from toolkit.readers import ReadContext

__all__ = ["context"]  # the fixture, imported for pytest

PROSE = "The delegation arrived on 5 April and was received by the minister on the next day.\n"


def _projected(conversion: object) -> list[str]:
    tree = etree.fromstring(serialize(conversion.tree))  # type: ignore[attr-defined]
    return [p.strip() for p in project(tree).split("\n\n") if p.strip()]


def test_an_office_and_its_dateline_on_one_line_project_as_that_line(
        context: ReadContext, tei_all: etree.RelaxNG) -> None:
    line = "Embassy of the GDR       Pyongyang, 4 May 1961"
    conversion, body = convert(line + "\n" + PROSE, context)
    div = div_of(conversion)
    (opener,) = xpath(div, "tei:opener")
    assert [etree.QName(c).localname for c in opener] == ["byline", "space", "dateline"]
    (space,) = xpath(opener, "tei:space")
    assert (space.get("quantity"), space.get("unit"), space.get("dim")) == ("7", "char",
                                                                            "horizontal")
    assert xpath(opener, "tei:dateline/tei:date[@when='1961-05-04']")
    assert _projected(conversion)[:2] == [line, PROSE.strip()]
    round_trips(conversion, body, tei_all)


def test_two_marks_on_one_line_project_as_that_line(
        context: ReadContext, tei_all: etree.RelaxNG) -> None:
    line = "TOP SECRET      Copy Nº 2"
    conversion, body = convert(line + "\n" + PROSE, context)
    div = div_of(conversion)
    assert [(f.get("type"), f.text) for f in xpath(div, "tei:fw")] == [
        ("classification", "TOP SECRET"), ("copy", "Copy Nº 2")]
    assert [s.get("quantity") for s in xpath(div, "tei:space")] == ["6"]
    assert _projected(conversion)[0] == line
    round_trips(conversion, body, tei_all)


def test_an_office_over_its_dateline_stays_two_lines(
        context: ReadContext, tei_all: etree.RelaxNG) -> None:
    # counter-case: the same fields on lines of their own: no space, two lines
    conversion, body = convert("Embassy of the GDR\nPyongyang, 4 May 1961\n" + PROSE, context)
    div = div_of(conversion)
    assert not xpath(div, ".//tei:space")
    assert _projected(conversion)[:2] == ["Embassy of the GDR", "Pyongyang, 4 May 1961"]
    round_trips(conversion, body, tei_all)


def test_marks_apart_by_a_comma_project_as_their_line(
        context: ReadContext, tei_all: etree.RelaxNG) -> None:
    # the comma stays the first mark's; the space after it is the one between the two
    conversion, body = convert("TOP SECRET, Copy No. 3\n" + PROSE, context)
    div = div_of(conversion)
    assert [f.text for f in xpath(div, "tei:fw")] == ["TOP SECRET,", "Copy No. 3"]
    assert [s.get("quantity") for s in xpath(div, "tei:space")] == ["1"]
    assert _projected(conversion)[0] == "TOP SECRET, Copy No. 3"
    round_trips(conversion, body, tei_all)


def test_marks_on_lines_of_their_own_stay_two_lines(
        context: ReadContext, tei_all: etree.RelaxNG) -> None:
    # counter-case: no space where the marks stood on lines of their own
    conversion, body = convert("TOP SECRET\nCopy No. 3\n" + PROSE, context)
    div = div_of(conversion)
    assert len(xpath(div, "tei:fw")) == 2 and not xpath(div, ".//tei:space")
    assert _projected(conversion)[:2] == ["TOP SECRET", "Copy No. 3"]
    round_trips(conversion, body, tei_all)


def test_a_name_and_its_closing_dateline_on_one_line_project_as_that_line(
        context: ReadContext, tei_all: etree.RelaxNG) -> None:
    line = "M. Novotny      Warsaw, 2 April 1962"
    conversion, body = convert(PROSE + "Counsellor\n" + line + "\n", context)
    div = div_of(conversion)
    (closer,) = xpath(div, "tei:closer")
    assert [etree.QName(c).localname for c in closer] == ["signed", "space", "dateline"]
    assert xpath(closer, "tei:space")[0].get("quantity") == "6"
    assert xpath(closer, "tei:signed/tei:persName[.='M. Novotny']")
    assert _projected(conversion)[-1] == line
    round_trips(conversion, body, tei_all)


def test_an_indented_closing_dateline_of_its_own_has_no_space(
        context: ReadContext, tei_all: etree.RelaxNG) -> None:
    # counter-case: the dateline on a line of its own, indented: its indent is no field's run
    conversion, body = convert(PROSE + "Counsellor\nM. Novotny\n      Warsaw, 2 April 1962\n",
                               context)
    div = div_of(conversion)
    (closer,) = xpath(div, "tei:closer")
    assert [etree.QName(c).localname for c in closer] == ["signed", "dateline"]
    assert _projected(conversion)[-2:] == ["M. Novotny", "Warsaw, 2 April 1962"]
    round_trips(conversion, body, tei_all)

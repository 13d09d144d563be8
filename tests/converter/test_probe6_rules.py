"""Rule tests for the layouts probe6 taught the converter (layouts 090-095), on texts of our own
that differ from those fixtures: hard wraps (lb, lb break="no"), notes under section signs, page
numbers inside a sentence, the closing dateline, two signatures side by side, the P.S. label,
roman and nested points, the stamp's prefix. Each text goes through the real converter and is
checked valid (project rules, tei_all) and projected back line by line (test_brackets.checked);
each rule has a case where the same signs mean something else."""

from __future__ import annotations

from pathlib import Path

import pytest
from converter_support import assert_valid
from lxml import etree
from test_brackets import checked, convert, ctx, edition, text, validator, xpath

from toolkit.errors import Severity
from toolkit.output import serialize
from toolkit.projection import project
from toolkit.readers import ReadContext
from toolkit.validation.runner import FileValidator

__all__ = ["ctx", "edition", "validator"]  # the fixtures, used by name

def tei(body: str, ctx: ReadContext, edition: Path, validator: FileValidator,
        tei_all: etree.RelaxNG) -> etree._Element:
    return checked(body, ctx, edition, validator, tei_all)[0]


def tei_and_projection(body: str, ctx: ReadContext, edition: Path, validator: FileValidator,
                       tei_all: etree.RelaxNG) -> tuple[etree._Element, str]:
    div, conversion = checked(body, ctx, edition, validator, tei_all)
    return div, project(etree.fromstring(serialize(conversion.tree)))


def valid_words(body: str, ctx: ReadContext, edition: Path, validator: FileValidator,
                tei_all: etree.RelaxNG) -> tuple[etree._Element, str]:
    """As `tei`, but the projection is compared by its words only: the text's div and the
    projection (for the rules whose projection splits a source line, reported as defects)."""
    conversion = convert(body, ctx)
    data = serialize(conversion.tree)
    path = edition / f"{conversion.number}.xml"
    path.write_bytes(data)
    assert [d.format() for d in validator.validate(path).diagnostics
            if d.severity is Severity.ERROR] == []
    written = etree.ElementTree(etree.fromstring(data))
    assert_valid(tei_all, written)
    projection = project(written)
    assert projection.split() == body.split()
    div = conversion.tree.find(".//{http://www.tei-c.org/ns/1.0}body/{http://www.tei-c.org/ns/1.0}div")
    assert div is not None
    return div, projection


def before_lb(node: etree._Element) -> str:
    """The words of `node` before its first lb (a signature's first row)."""
    parts = node.xpath("text()[following-sibling::tei:lb] | *[following-sibling::tei:lb]//text()",
                       namespaces={"tei": "http://www.tei-c.org/ns/1.0"})
    return " ".join("".join(str(p) for p in parts).split())


def shape(node: etree._Element) -> list[str]:
    """The element names of `node`'s children, without namespace: the structure asserted."""
    return [etree.QName(c).localname for c in node if isinstance(c.tag, str)]


# -- hard wraps ------------------------------------------------------------------------------

def test_a_wrapped_paragraph_keeps_its_lines_and_joins_a_cut_word(
        ctx: ReadContext, edition: Path, validator: FileValidator, tei_all: etree.RelaxNG) -> None:
    body = ("The minister received the delegation of the fraternal party in his office at\n"
            "the ministry and spoke for a long time about the corre-\n"
            "spondence between the committees.\n"
            "The talks lasted two hours.\n"
            "The delegation left the next day for the south of the country by the night train.\n")
    div = tei(body, ctx, edition, validator, tei_all)
    first, second, third = xpath(div, "tei:p")
    breaks = xpath(first, "tei:lb")
    assert len(breaks) == 2 and breaks[0].get("break") is None
    assert "corre-" in text(first) and text(second) == "The talks lasted two hours."
    assert text(third).startswith("The delegation left")


def test_a_cut_word_on_a_short_wrapped_line_is_lb_break_no(
        ctx: ReadContext, edition: Path, validator: FileValidator, tei_all: etree.RelaxNG) -> None:
    body = ("The minister received the delegation of the fraternal party in his office in the\n"
            "ministry and spoke at length of the corre-\n"
            "spondence between the two central committees.\n"
            "The talks lasted two hours.\n")
    div = tei(body, ctx, edition, validator, tei_all)
    assert [b.get("break") for b in xpath(div, "tei:p[1]/tei:lb")] == [None, "no"]
    assert "corre- " not in "".join(xpath(div, "tei:p[1]")[0].itertext())


def test_a_cut_word_in_a_wholly_wrapped_text_is_lb_break_no(
        ctx: ReadContext, edition: Path, validator: FileValidator, tei_all: etree.RelaxNG) -> None:
    body = ("The minister received the delegation of the\n"
            "fraternal party in his office and spoke of the corre-\n"
            "spondence between the two central committees.\n")
    div = tei(body, ctx, edition, validator, tei_all)
    (first,) = xpath(div, "tei:p")
    assert [b.get("break") for b in xpath(first, "tei:lb")] == [None, "no"]
    assert "the corre-" in text(first)


def test_a_dash_after_a_space_at_a_line_end_is_no_cut_word(
        ctx: ReadContext, edition: Path, validator: FileValidator, tei_all: etree.RelaxNG) -> None:
    body = ("The ambassador said that the credit -\n"
            "as both sides had agreed in the spring -\n"
            "would be paid in two parts.\n")
    div = tei(body, ctx, edition, validator, tei_all)
    (para,) = xpath(div, "tei:p")
    assert [b.get("break") for b in xpath(para, "tei:lb")] == [None, None]


def test_sentences_one_per_line_are_paragraphs_without_lb(
        ctx: ReadContext, edition: Path, validator: FileValidator, tei_all: etree.RelaxNG) -> None:
    body = ("The delegation arrived on Monday.\nThe talks began on Tuesday.\n"
            "They ended on Friday with a communiqué.\n")
    div = tei(body, ctx, edition, validator, tei_all)
    assert len(xpath(div, "tei:p")) == 3 and not xpath(div, ".//tei:lb")


# -- notes under section signs ------------------------------------------------------------------

def test_dagger_and_asterisk_notes_go_to_their_references(
        ctx: ReadContext, edition: Path, validator: FileValidator, tei_all: etree.RelaxNG) -> None:
    body = ("The plan was approved by the committee.‡\n"
            "The credit will be discussed in April.*\n"
            "The delegation will leave on Sunday.\n"
            "‡ At its session of 2 March.\n"
            "* The date is not yet fixed.\n")
    div = tei(body, ctx, edition, validator, tei_all)
    paras = xpath(div, "tei:p")
    assert len(paras) == 3  # the note texts are no paragraphs
    notes = [(n.get("n"), n.get("place"), n.get("rend"), text(n)) for n in xpath(div, ".//tei:note")]
    # at the end of the document, not of a section: footnotes (091's are place end)
    assert notes == [("‡", "foot", "symbol", "‡ At its session of 2 March."),
                     ("*", "foot", "symbol", "* The date is not yet fixed.")]
    assert [len(xpath(p, "tei:note")) for p in paras] == [1, 1, 0]


def test_sign_notes_project_in_the_source_order(
        ctx: ReadContext, edition: Path, validator: FileValidator, tei_all: etree.RelaxNG) -> None:
    body = ("The plan was approved by the committee.‡\n"
            "The credit will be discussed in April.*\n"
            "‡ At its session of 2 March.\n"
            "* The date is not yet fixed.\n")
    """Before, sorted by code point (`*` before `‡`); now in the order of their references."""
    _, projection = tei_and_projection(body, ctx, edition, validator, tei_all)
    assert projection.index("‡ At its") < projection.index("* The date")


def test_a_sign_referenced_twice_points_to_its_note_by_a_valid_id(
        ctx: ReadContext, edition: Path, validator: FileValidator, tei_all: etree.RelaxNG) -> None:
    """Found by the generator: the second `*` gave xml:id `...-fn*`, no NCName (a TEI file
    that no parser reads back); the sign is named in the id (`star`, `dagger2`)."""
    body = ("The plan was approved.* The credit was granted.††\n"
            "The talks on the plan went on.* The credit was paid.††\n"
            "* At the session of 2 March.\n"
            "†† In two parts.\n")
    div = tei(body, ctx, edition, validator, tei_all)
    ids = [n.get("{http://www.w3.org/XML/1998/namespace}id") for n in xpath(div, ".//tei:note")]
    assert [i.rsplit("-", 1)[-1] for i in ids] == ["fnstar", "fndagger2"]
    assert [p.get("target") for p in xpath(div, ".//tei:ptr")] == [f"#{i}" for i in ids]


def test_a_section_sign_of_a_law_is_no_note(
        ctx: ReadContext, edition: Path, validator: FileValidator, tei_all: etree.RelaxNG) -> None:
    body = ("Under § 4 of the treaty the parties consult each other.\n"
            "The embassy asks for instructions.\n")
    div = tei(body, ctx, edition, validator, tei_all)
    assert not xpath(div, ".//tei:note")
    assert "§ 4" in text(xpath(div, "tei:p")[0])


# -- page numbers inside a sentence -------------------------------------------------------------

def test_a_page_number_inside_a_line_is_pb_and_fw(
        ctx: ReadContext, edition: Path, validator: FileValidator, tei_all: etree.RelaxNG) -> None:
    body = ("The counsellor explained that the harvest had been poor and that the – 4 – "
            "deliveries of grain would be late.\nHe asked for patience.\n")
    div, _ = valid_words(body, ctx, edition, validator, tei_all)
    first = xpath(div, "tei:p")[0]
    (pb,) = xpath(first, "tei:pb")
    fw = pb.getnext()
    assert pb.get("n") == "4" and fw is not None and fw.get("type") == "pageNum"
    assert text(fw) == "– 4 –" and len(xpath(div, "tei:p")) == 2


def test_a_page_number_inside_a_line_projects_as_one_line(
        ctx: ReadContext, edition: Path, validator: FileValidator, tei_all: etree.RelaxNG) -> None:
    body = "The counsellor said that the – 4 – deliveries of grain would be late.\n"
    _, projection = valid_words(body, ctx, edition, validator, tei_all)
    assert [line for line in projection.splitlines() if line.strip()] == [body.strip()]


def test_a_page_number_on_its_own_line_inside_a_sentence_keeps_one_paragraph(
        ctx: ReadContext, edition: Path, validator: FileValidator, tei_all: etree.RelaxNG) -> None:
    body = ("The Polish side proposed to raise the quota of coal for the coming year, which the\n"
            "- 7 -\n"
            "representatives of the German side accepted after a short debate.\n"
            "The meeting closed at noon.\n")
    div = tei(body, ctx, edition, validator, tei_all)
    paras = xpath(div, "tei:p")
    assert len(paras) == 2
    (pb,) = xpath(paras[0], "tei:pb")
    assert pb.get("n") == "7" and "German side accepted" in text(paras[0])


def test_a_sentence_cut_after_an_article_continues_past_the_page_number(
        ctx: ReadContext, edition: Path, validator: FileValidator, tei_all: etree.RelaxNG) -> None:
    body = ("The Polish side proposed to raise the quota of coal for the coming year, which the\n"
            "- 7 -\n"
            "German side accepted after a short debate.\n"
            "The meeting closed at noon.\n")
    div = tei(body, ctx, edition, validator, tei_all)
    assert len(xpath(div, "tei:p")) == 2 and xpath(div, "tei:p[1]/tei:pb[@n='7']")


def test_numbers_between_dashes_after_a_digit_are_no_page(
        ctx: ReadContext, edition: Path, validator: FileValidator, tei_all: etree.RelaxNG) -> None:
    body = "The talks are planned for 5 - 6 - 7 May in Sofia.\n"
    div = tei(body, ctx, edition, validator, tei_all)
    assert not xpath(div, ".//tei:pb") and not xpath(div, ".//tei:fw")


# -- the closing dateline, two signatures, the P.S. ---------------------------------------------

def test_a_place_and_date_after_the_signature_is_the_closers_dateline(
        ctx: ReadContext, edition: Path, validator: FileValidator, tei_all: etree.RelaxNG) -> None:
    body = ("The embassy will report on the results.\n"
            "First Secretary\n"
            "J. Horak\n"
            "Prague, 14 March 1962\n")
    div = tei(body, ctx, edition, validator, tei_all)
    (closer,) = xpath(div, "tei:closer")
    assert shape(closer) == ["signed", "dateline"]
    (dateline,) = xpath(closer, "tei:dateline")
    assert text(xpath(dateline, "tei:placeName")[0]) == "Prague"
    assert xpath(dateline, "tei:date")[0].get("when") == "1962-03-14"


@pytest.mark.parametrize("gap", ["\t", "      "], ids=["a tab", "a run of spaces"])
def test_a_name_and_its_dateline_apart_on_one_line(
        gap: str, ctx: ReadContext, edition: Path, validator: FileValidator, tei_all: etree.RelaxNG) -> None:
    body = f"The embassy will report on the results.\nCounsellor\nM. Novotny{gap}Warsaw, 2 April 1962\n"
    # the run between them is the closer's space: the projection gives the one line back
    div, _ = valid_words(body, ctx, edition, validator, tei_all)
    (closer,) = xpath(div, "tei:closer")
    assert shape(closer) == ["signed", "space", "dateline"]
    assert xpath(closer, "tei:space")[0].get("quantity") == str(len(gap))
    assert text(xpath(closer, "tei:signed/tei:persName")[0]) == "M. Novotny"
    assert text(xpath(closer, "tei:dateline/tei:placeName")[0]) == "Warsaw"


def test_a_sentence_that_names_a_place_and_a_date_is_no_dateline(
        ctx: ReadContext, edition: Path, validator: FileValidator, tei_all: etree.RelaxNG) -> None:
    body = ("The talks were friendly.\n"
            "The delegation left Prague on 14 March 1962 for Moscow.\n")
    div = tei(body, ctx, edition, validator, tei_all)
    assert not xpath(div, ".//tei:closer") and len(xpath(div, "tei:p")) == 2


def test_two_signatures_side_by_side_are_two_signed_in_columns(
        ctx: ReadContext, edition: Path, validator: FileValidator, tei_all: etree.RelaxNG) -> None:
    body = ("The two ministries approved the plan of exchanges.\n"
            "On behalf of the Ministry of Culture        On behalf of the Ministry of Education\n"
            "J. Horak                                    P. Ivanov\n")
    div = tei(body, ctx, edition, validator, tei_all)
    signed = xpath(div, "tei:closer/tei:signed")
    assert [s.get("rend") for s in signed] == ["columns", "columns"]
    assert [text(xpath(s, "tei:persName")[0]) for s in signed] == ["J. Horak", "P. Ivanov"]
    assert [before_lb(s) for s in signed] == [
        "On behalf of the Ministry of Culture", "On behalf of the Ministry of Education"]


def test_a_postscript_after_the_signature_has_its_label(
        ctx: ReadContext, edition: Path, validator: FileValidator, tei_all: etree.RelaxNG) -> None:
    body = ("The embassy will report on the results.\n"
            "Ambassador\n"
            "V. Petrov\n"
            "P.S. The copies of the protocol follow by courier.\n")
    div = tei(body, ctx, edition, validator, tei_all)
    assert shape(div)[-2:] == ["closer", "postscript"]
    (label,) = xpath(div, "tei:postscript/tei:p/tei:label")
    assert text(label) == "P.S."
    assert text(xpath(div, "tei:postscript/tei:p")[0]) == \
        "P.S. The copies of the protocol follow by courier."


def test_a_ps_inside_a_sentence_is_no_postscript(
        ctx: ReadContext, edition: Path, validator: FileValidator, tei_all: etree.RelaxNG) -> None:
    body = ("The minister wrote the P.S. of the letter himself.\n"
            "The letter was sent on Monday.\n")
    div = tei(body, ctx, edition, validator, tei_all)
    assert not xpath(div, ".//tei:postscript") and len(xpath(div, "tei:p")) == 2


# -- points: numbered, lettered, roman, nested ------------------------------------------------

def test_lettered_points_nest_in_the_first_numbered_point(
        ctx: ReadContext, edition: Path, validator: FileValidator, tei_all: etree.RelaxNG) -> None:
    body = ("The commission recommends:\n"
            "1. On credits:\n"
            "a) to grant the credit in two parts;\n"
            "b) to defer the second part to 1963;\n"
            "2. On prices:\n"
            "a) to keep the prices of 1961;\n"
            "b) to raise them in 1963.\n"
            "The commission will report in May.\n")
    div = tei(body, ctx, edition, validator, tei_all)
    (outer,) = xpath(div, "tei:list[tei:head]")
    assert text(xpath(outer, "tei:head")[0]) == "The commission recommends:"
    assert [i.get("n") for i in xpath(outer, "tei:item")] == ["1", "2"]
    assert [i.get("n") for i in xpath(outer, "tei:item[@n='1']/tei:list/tei:item")] == ["a", "b"]
    assert text(xpath(div, "tei:p")[-1]) == "The commission will report in May."


NESTED = ("The commission recommends:\n"
          "1. On credits:\n"
          "a) to grant the credit in two parts;\n"
          "b) to defer the second part to 1963;\n"
          "2. On prices:\n"
          "a) to keep the prices of 1961{end}\n"
          "The commission will report in May.\n")


@pytest.mark.parametrize("body", [NESTED.format(end=";\nb) to raise them in 1963."),
                                  NESTED.format(end=".")], ids=["two", "one"])
def test_lettered_points_nest_in_the_second_numbered_point(
        body: str, ctx: ReadContext, edition: Path, validator: FileValidator,
        tei_all: etree.RelaxNG) -> None:
    div = tei(body, ctx, edition, validator, tei_all)
    assert xpath(div, ".//tei:item[@n='2']/tei:list/tei:item[@n='a']")
    assert not xpath(div, "tei:p[@n]")


def test_roman_points_in_lower_case_are_a_list(
        ctx: ReadContext, edition: Path, validator: FileValidator, tei_all: etree.RelaxNG) -> None:
    body = ("The delegation raised two questions:\n"
            "i. the date of the next session;\n"
            "ii. the exchange of students.\n"
            "Both were left open.\n")
    div = tei(body, ctx, edition, validator, tei_all)
    items = xpath(div, ".//tei:list/tei:item")
    assert [(i.get("n"), text(xpath(i, "tei:label")[0])) for i in items] == [("i", "i."),
                                                                           ("ii", "ii.")]


def test_roman_sections_in_capitals_are_divs_with_heads(
        ctx: ReadContext, edition: Path, validator: FileValidator, tei_all: etree.RelaxNG) -> None:
    body = ("I. Economic questions\n"
            "The trade balance is in deficit.\n"
            "II. Cultural questions\n"
            "The exhibition will open in June.\n")
    div = tei(body, ctx, edition, validator, tei_all)
    sections = xpath(div, "tei:div")
    assert [(s.get("n"), text(xpath(s, "tei:head")[0])) for s in sections] == [
        ("I", "I. Economic questions"), ("II", "II. Cultural questions")]


# -- the stamp's prefix ------------------------------------------------------------------------

def test_the_stamp_prefix_stays_outside_stamp(
        ctx: ReadContext, edition: Path, validator: FileValidator, tei_all: etree.RelaxNG) -> None:
    body = ("[Stamp: Secretariat of the Central Committee, Incoming No. 412, 5 March 1962]\n"
            "The embassy reports on the harvest.\n")
    div = tei(body, ctx, edition, validator, tei_all)
    (note,) = xpath(div, ".//tei:note[@type='stamp']")
    (stamp,) = xpath(note, "tei:stamp")
    assert (note.text or "") == "Stamp: "
    assert text(stamp) == "Secretariat of the Central Committee, Incoming No. 412, 5 March 1962"


def test_a_described_stamp_keeps_its_description_outside_and_a_seal_alone_has_no_stamp(
        ctx: ReadContext, edition: Path, validator: FileValidator, tei_all: etree.RelaxNG) -> None:
    body = ("The letter was received. [round stamp of the ministry: Secret] It was read "
            "[seal] at once.\n")
    div = tei(body, ctx, edition, validator, tei_all)
    notes = xpath(div, ".//tei:note[@type='stamp']")
    assert len(notes) == 2
    assert (notes[0].text or "").strip() == "round stamp of the ministry:"
    assert text(xpath(notes[0], "tei:stamp")[0]) == "Secret"
    assert not xpath(notes[1], "tei:stamp") and text(notes[1]) == "seal"


# -- found by the generator (benchmarks/synthetic_forms.py, test_layout_properties.py) ---------

def test_a_date_line_after_a_wrapped_paragraph_is_no_wrap(
        ctx: ReadContext, edition: Path, validator: FileValidator, tei_all: etree.RelaxNG) -> None:
    body = ("In the view of the ambassador, the province had been let down at the time\n"
            "of the crisis, and later the farmers were betrayed as well by the\n"
            "centre. The delegation then visited the works on 3 March.\n"
            "13 March 1962\n"
            "[MFA stamp: Incoming No. 95, 7 March 1962]\n")
    div = tei(body, ctx, edition, validator, tei_all)
    assert not xpath(div, ".//tei:p[tei:date[.='13 March 1962']][.//tei:stamp]")


@pytest.mark.parametrize("title", ["NOTE", "Note", "N o t e"])
def test_a_memo_titled_note_keeps_its_sections(
        title: str, ctx: ReadContext, edition: Path, validator: FileValidator,
        tei_all: etree.RelaxNG) -> None:
    # words only: the office and the dateline of one source line project as two (projection)
    body = ("Far Eastern Department                   Prague, 3 April 1962\n"
            f"{title}\n"
            "1. Economic relations\n"
            "The minister repudiated this charge, it was groundless.\n"
            "2. The border question\n"
            "He left the room.\n")
    div, _ = valid_words(body, ctx, edition, validator, tei_all)
    assert not xpath(div, ".//tei:note[@place='foot']")
    assert [h.get("n") for h in xpath(div, "tei:div")] == ["1", "2"]


def test_a_note_line_over_texts_the_body_refers_to_heads_the_notes(
        ctx: ReadContext, edition: Path, validator: FileValidator, tei_all: etree.RelaxNG) -> None:
    body = ("The minister repudiated this charge.(1)\nHe left the room.\nNOTE\n"
            "1. Federal Archive, R 12/345.\n")
    div = tei(body, ctx, edition, validator, tei_all)
    notes = xpath(div, ".//tei:note[@place='foot']")
    assert len(notes) == 1 and "Federal Archive" in text(notes[0])


def test_a_closing_dateline_before_a_distribution_list_stays_in_the_closer(
        ctx: ReadContext, edition: Path, validator: FileValidator, tei_all: etree.RelaxNG) -> None:
    body = ("The minister repudiated this charge.\nHe left the room.\nAmbassador\nJ. Novak\n"
            "Prague, 3 April 1962\nThree copies printed\n1 - Cde. P. Velinov\n"
            "2 - Cde. R. Vasileva\n3 - to file\n")
    div = tei(body, ctx, edition, validator, tei_all)
    assert xpath(div, "tei:closer/tei:dateline/tei:date[@when='1962-04-03']")
    assert xpath(div, "tei:closer/tei:signed/tei:persName[.='J. Novak']")
    assert len(xpath(div, "tei:note[@type='distribution']/tei:list/tei:item")) == 3


def test_a_dated_line_over_a_list_with_no_signature_is_no_closer(
        ctx: ReadContext, edition: Path, validator: FileValidator, tei_all: etree.RelaxNG) -> None:
    body = ("The minister repudiated this charge and spoke of the plan.\n"
            "The plan was agreed in Prague, 3 April 1962.\n"
            "1 - the first stage\n2 - the second stage\n")
    div = tei(body, ctx, edition, validator, tei_all)
    assert not xpath(div, ".//tei:closer") and not xpath(div, ".//tei:note[@type='distribution']")


def test_a_memo_titled_note_with_a_page_number_points_and_a_distribution(
        ctx: ReadContext, edition: Path, validator: FileValidator, tei_all: etree.RelaxNG) -> None:
    """An invented memo meeting this branch's rules at once (expectations written first)."""
    body = ("Embassy of the CSSR in Warsaw          Warsaw, 5 May 1962\n"
            "Note\n"
            "1. Trade\n"
            "The Polish side proposed to raise the quota of coal, which the\n"
            "- 2 -\n"
            "Soviet delegation had opposed earlier.\n"
            "2. Culture\n"
            "The exchange of the two countries will go on:\n"
            "a) two exhibitions a year;\n"
            "b) one theatre company.\n"
            "Counsellor\n"
            "M. Novotny      Warsaw, 5 May 1962\n"
            "Two copies printed\n"
            "1 - Cde. Horak\n"
            "2 - to file\n")
    div, _ = valid_words(body, ctx, edition, validator, tei_all)
    assert not xpath(div, ".//tei:note[@place='foot']")
    assert [d.get("n") for d in xpath(div, "tei:div")] == ["1", "2"]
    (trade,) = xpath(div, "tei:div[@n='1']/tei:p")
    assert xpath(trade, "tei:pb[@n='2']") and "Soviet delegation" in text(trade)
    assert [i.get("n") for i in xpath(div, ".//tei:list/tei:item")][:2] == ["a", "b"]
    assert text(xpath(div, ".//tei:closer/tei:signed/tei:persName")[0]) == "M. Novotny"
    assert text(xpath(div, ".//tei:closer/tei:dateline/tei:placeName")[0]) == "Warsaw"
    assert len(xpath(div, ".//tei:note[@type='distribution']//tei:item")) == 2


def test_a_notes_line_over_texts_referred_to_with_a_space_before_the_bracket(
        ctx: ReadContext, edition: Path, validator: FileValidator, tei_all: etree.RelaxNG) -> None:
    body = ("The delegation arrived in Vienna [1] on Monday.\nIt left on Friday.\nNotes\n"
            "1. Federal Archive, R 12/345.\n")
    div = tei(body, ctx, edition, validator, tei_all)
    assert len(xpath(div, ".//tei:note[@place='foot']")) == 1


def test_a_distribution_list_after_two_signatures_side_by_side_keeps_the_closer(
        ctx: ReadContext, edition: Path, validator: FileValidator, tei_all: etree.RelaxNG) -> None:
    body = ("The two ministries approved the plan of exchanges.\n"
            "On behalf of the Ministry of Culture        On behalf of the Ministry of Education\n"
            "J. Horak                                    P. Ivanov\n"
            "Prague, 3 April 1962\n"
            "Two copies printed\n1 - Cde. P. Velinov\n2 - to file\n")
    div = tei(body, ctx, edition, validator, tei_all)
    assert [s.get("rend") for s in xpath(div, "tei:closer/tei:signed")] == ["columns", "columns"]
    assert xpath(div, "tei:closer/tei:dateline/tei:date[@when='1962-04-03']")
    assert len(xpath(div, "tei:note[@type='distribution']/tei:list/tei:item")) == 2

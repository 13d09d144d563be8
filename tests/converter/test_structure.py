"""The block and structure stages on the layouts of real exports (invented reports, one per
layout): each converts, through the real converter, to the TEI the conventions give it, valid
against the project schema and tei_all, and its projection gives back its words and lines."""

from __future__ import annotations

import re

import pytest
from converter_support import SAMPLE, context
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from lxml import etree

from toolkit.convert import convert_bytes
from toolkit.encoding.notes import SUPERSCRIPTS
from toolkit.errors import Severity
from toolkit.output import serialize
from toolkit.projection import normalise, project
from toolkit.readers import Conversion, ReadContext
from toolkit.tei import NS
from toolkit.validation.registry import PROJECT_XSD

__all__ = ["context"]  # the fixture, imported for pytest

HEAD = """**May 14, 1958**

**Journal of the Embassy**

**Citation:**

"Journal of the Embassy", May 14, 1958, Wilson Center Digital Archive, National Archives of Hungary (MOL), XIX-J-1-j Korea, 1958, 2. doboz. Translated by Balázs Szalontai. <https://wilson-center.drivingcreative.com/document/700101>

**Original Language:**

Hungarian

**Contents:**

Translation - English

"""


@pytest.fixture(scope="module")
def project_schema() -> etree.XMLSchema:
    return etree.XMLSchema(etree.parse(str(PROJECT_XSD)))


def convert(body: str, context: ReadContext, tei_all: etree.RelaxNG,
            project_schema: etree.XMLSchema, exact: bool = True) -> tuple[etree._Element, Conversion]:
    """Convert a report with `body`; check validity and that the projection gives back the
    body's words and its lines (every source line a line of the projection; not `exact`:
    its paragraphs, for hard-wrapped lines). Superscript figures count as the figures."""
    conversion = convert_bytes((HEAD + body).encode("utf-8"), "wilson-700101.txt", context)
    written = etree.ElementTree(etree.fromstring(serialize(conversion.tree)))
    assert project_schema.validate(written), list(project_schema.error_log)[:5]
    assert tei_all.validate(written), list(tei_all.error_log)[:5]
    projected = project(written)
    assert words(projected.translate(SUPERSCRIPTS)) == words(body.translate(SUPERSCRIPTS))
    if exact:
        assert lines(body) <= set(lines(projected)) | fields_of(body)
    div = written.find(".//tei:body/tei:div", NS)
    assert div is not None
    return div, conversion


def words(text: str) -> list[str]:
    return re.findall(r"\w+", text)


def lines(text: str) -> set[str]:
    return {" ".join(line.split()) for line in text.split("\n") if line.strip()}


def fields_of(text: str) -> set[str]:
    """Source lines holding fields apart by runs of spaces (or a tab): they project a line per
    field."""
    return {" ".join(line.split()) for line in text.split("\n")
            if re.search(r"\S(?: {3,}| *\t\s*)\S", line)}


def xpath(node: etree._Element, query: str) -> list[etree._Element]:
    result = node.xpath(query, namespaces=NS)
    assert isinstance(result, list)
    return [r for r in result if isinstance(r, etree._Element)]


def text(node: etree._Element) -> str:
    return " ".join("".join(node.itertext()).split())


def names(div: etree._Element) -> list[str]:
    return [etree.QName(child).localname for child in div if isinstance(child.tag, str)]


def reviews(conversion: Conversion) -> list[str]:
    return [d.message for d in conversion.diagnostics
            if d.severity is Severity.REVIEW and d.rule == "structure"]


Check = tuple[ReadContext, etree.RelaxNG, etree.XMLSchema]


@pytest.fixture()
def check(context: ReadContext, tei_all: etree.RelaxNG, project_schema: etree.XMLSchema) -> Check:
    return context, tei_all, project_schema


LINE_PER_PARAGRAPH = """The ambassador received me at ten o'clock and spoke about the harvest.
\u00a0
He said the delegation would arrive in March.
   
The talks lasted two hours.
"""


def test_one_paragraph_per_line_and_blank_ish_lines(check: Check) -> None:
    div, _ = convert(LINE_PER_PARAGRAPH, *check)
    assert [text(p) for p in xpath(div, "tei:p")] == [
        "The ambassador received me at ten o'clock and spoke about the harvest.",
        "He said the delegation would arrive in March.", "The talks lasted two hours."]


def test_hard_wrapped_lines_are_one_paragraph_with_a_review(check: Check) -> None:
    body = ("The ambassador received me at ten o'clock and spoke at some length\n"
            "about the harvest of the cooperative farms, which in his view had\n"
            "been better than in the previous year despite the floods.\n\n"
            "Then he turned to the question of the delegation.\n")
    div, conversion = convert(body, *check, exact=False)
    assert len(xpath(div, "tei:p")) == 2 and not xpath(div, ".//tei:pb")
    assert any("hard-wrapped" in m for m in reviews(conversion))


def test_page_break_join_in_a_line_per_paragraph_export(check: Check) -> None:
    first = ("Comrade Kosygin said that at the time of the crisis the whole merchant fleet had "
             "been busy, and that they [the Korean")
    second = ("leaders] were uninformed of the costs of it for the Soviet Union, and that he "
              "wanted")
    third = "to force nothing upon them."
    opening = "The ambassador returned from Moscow on Monday and told me the following."
    div, conversion = convert("\n".join([opening, first, second, third]) + "\n", *check)
    p = xpath(div, "tei:p")[1]
    assert len(xpath(p, ".//tei:pb")) == 2 and len(xpath(div, "tei:p")) == 2
    assert normalise(project(conversion.tree)) == [opening, first, second, third]


MEMO = """TOP SECRET
Copy Nº 2
M e m o r a n d u m
Head of Section 4      Berlin, 12 March 1994
Subject: the visit of the trade delegation
To: Comrade Minister
The delegation arrived on Monday and was received at the ministry.
"""


def test_memorandum_top_marks_head_byline_dateline_fields(check: Check) -> None:
    div, _ = convert(MEMO, *check)
    assert names(div)[:4] == ["fw", "fw", "head", "opener"]
    assert [(f.get("type"), text(f)) for f in xpath(div, "tei:fw")] == [
        ("classification", "TOP SECRET"), ("copy", "Copy Nº 2")]
    (head,) = xpath(div, "tei:head")
    assert head.get("rend") == "letter-spaced" and text(head) == "M e m o r a n d u m"
    (opener,) = xpath(div, "tei:opener")
    assert text(opener.find("tei:byline", NS)) == "Head of Section 4"  # type: ignore[arg-type]
    (date,) = xpath(opener, "tei:dateline/tei:date")
    assert date.get("when") == "1994-03-12"
    assert text(xpath(opener, "tei:dateline/tei:placeName")[0]) == "Berlin"
    fields = xpath(opener, "tei:seg[@type='memo-field']")
    assert [f.get("subtype") for f in fields] == ["subject", "to"]
    assert not any(text(p).startswith(("Subject", "To:")) for p in xpath(div, ".//tei:p"))


def test_a_number_mark_and_a_title_in_capitals(check: Check) -> None:
    div, _ = convert("Nº 48\nRECORD OF CONVERSATION\nThe minister received the ambassador.\n",
                     *check)
    assert names(div) == ["fw", "head", "p"]
    assert xpath(div, "tei:fw")[0].get("type") == "number"


SECTIONS = """1. Economic relations
Trade grew by a tenth in the last year.
The plan for the next year is ready.
2. Cultural relations
An exhibition will open in May.
"""


def test_numbered_section_headings_open_divs(check: Check) -> None:
    div, conversion = convert(SECTIONS, *check)
    sections = xpath(div, "tei:div")
    assert [(s.get("n"), text(s.find("tei:head", NS)), len(xpath(s, "tei:p")))  # type: ignore[arg-type]
            for s in sections] == [("1", "1. Economic relations", 2), ("2", "2. Cultural relations", 1)]
    assert text(xpath(div, "tei:div/tei:head/tei:label")[0]) == "1."
    assert sum("heading of section" in m for m in reviews(conversion)) == 2


JOURNAL = """JOURNAL
Pyongyang
14 May 1958
The ambassador visited the ministry.
15 May 1958
Nothing of note happened.
The weather was fine.
"""


def test_journal_entries_open_with_their_date(check: Check) -> None:
    div, conversion = convert(JOURNAL, *check)
    entries = xpath(div, "tei:div[@type='entry']")
    assert [e.find("tei:dateline/tei:date", NS).get("when") for e in entries] == [  # type: ignore[union-attr]
        "1958-05-14", "1958-05-15"]
    assert [len(xpath(e, "tei:p")) for e in entries] == [1, 2]
    assert any("journal entries" in m for m in reviews(conversion))


DISTRIBUTION = """The report was sent to the ministry.
Four copies printed
1 - Cde. Kim Il Sung
2 - Cde. Moskovsky
3 - to file
"""


def test_distribution_list(check: Check) -> None:
    div, conversion = convert(DISTRIBUTION, *check)
    (made,) = xpath(div, "tei:list")
    assert text(made.find("tei:head", NS)) == "Four copies printed"  # type: ignore[arg-type]
    items = xpath(made, "tei:item")
    assert [(i.get("n"), text(i)) for i in items] == [
        ("1", "1 - Cde. Kim Il Sung"), ("2", "2 - Cde. Moskovsky"), ("3", "3 - to file")]
    assert xpath(items[0], "tei:persName[@ref]")
    assert any("as a list" in m for m in reviews(conversion))


@pytest.mark.parametrize("ending, role, name", [
    ("HEAD OF SECTION 4 [signature] /N. Dvořák/", "HEAD OF SECTION 4", "N. Dvořák"),
    ("N. Dvořák\nSecond Secretary", "Second Secretary", "N. Dvořák"),
    ("(N. Dvořák)", None, "N. Dvořák"),
])
def test_closer_forms(check: Check, ending: str, role: str | None, name: str) -> None:
    div, _ = convert("The talks lasted two hours.\n" + ending + "\n", *check)
    (signed,) = xpath(div, "tei:closer/tei:signed")
    assert [text(r) for r in xpath(signed, "tei:roleName")] == ([role] if role else [])
    assert [text(p) for p in xpath(signed, "tei:persName")] == [name]
    if "[signature]" in ending:
        assert xpath(signed, "tei:gap")


def test_postscript_after_the_signature(check: Check) -> None:
    div, _ = convert("The talks lasted two hours.\nJózsef\nKovács\nP.S. The film was sent too.\n",
                     *check)
    assert names(div) == ["p", "closer", "postscript"]
    assert text(xpath(div, "tei:postscript/tei:p")[0]) == "P.S. The film was sent too."


def test_attachment_after_the_signature_is_back_matter(check: Check) -> None:
    div, conversion = convert("The talks lasted two hours.\nKovács\nAttachment: list of the "
                              "delegation\nKim Il, head of the delegation.\n", *check)
    (attachment,) = xpath(conversion.tree.getroot(), "//tei:back/tei:div[@type='attachment']")
    assert text(attachment.find("tei:head", NS)).startswith("Attachment")  # type: ignore[arg-type]
    assert xpath(div, "tei:closer")


STAMP = """[MFA stamp: Ministry of Foreign Affairs      Incoming Nº 0571
received 3 May 1958                  Encl.: 2]
The ambassador sent the report by courier.
"""


def test_stamp_over_two_lines_in_two_columns(check: Check) -> None:
    div, conversion = convert(STAMP, *check)
    (note,) = xpath(div, "tei:note[@type='stamp']")
    (stamp,) = xpath(note, "tei:stamp")
    assert "Incoming Nº 0571" in text(stamp) and xpath(stamp, "tei:lb")
    assert not xpath(div, ".//tei:pb")
    assert normalise(project(conversion.tree))[:2] == [
        "[MFA stamp: Ministry of Foreign Affairs Incoming Nº 0571",
        "received 3 May 1958 Encl.: 2]"]


@pytest.mark.parametrize("notes", [
    "  [1]   Federal Archive, R 12/345, 6-7.",
    "[1] Federal Archive, R 12/345, 6-7.",
    "___\n1. Federal Archive, R 12/345, 6-7.",
    "Notes\n1. Federal Archive, R 12/345, 6-7.",
])
def test_note_texts_at_the_end(check: Check, notes: str) -> None:
    div, _ = convert("The files are kept in Vienna[1].\nThe talks lasted two hours.\n" + notes
                     + "\n", *check, exact=False)
    (note,) = xpath(div, ".//tei:p/tei:note[@place='foot']")
    labels = [text(label) for label in xpath(note, "tei:label")]
    assert note.get("n") == "1" and labels == ([] if notes.lstrip().startswith("[") else ["1."])
    assert text(note) == " ".join([*labels, "Federal Archive, R 12/345, 6-7."])


def test_superscript_note_text_is_collected(check: Check) -> None:
    div, conversion = convert("The files are kept in Vienna.\n¹ Federal Archive, R 12/345.\n",
                              *check, exact=False)
    # the reference form `¹` is the inline encoder's (another stage): the text is a note
    (note,) = xpath(div, "tei:note[@place='foot']")
    assert note.get("n") == "1"


def test_numbered_points_are_kept(check: Check) -> None:
    div, _ = convert("The minister said:\n1) Trade would grow.\n2) The exhibition would open.\n",
                     *check)
    assert [p.get("n") for p in xpath(div, "tei:p[tei:label]")] == ["1", "2"]


def test_sample_laid_out_one_paragraph_per_line_keeps_its_structure(context: ReadContext) -> None:
    source = SAMPLE.read_text(encoding="utf-8")
    head, marker, rest = source.partition("Translation - English\n")
    variant = head + marker + "\n".join(line for line in rest.split("\n") if line.strip()) + "\n"
    assert variant.count("\n\n") < source.count("\n\n") - 20  # the body lost its blank lines

    def shape(text: str) -> tuple[list[tuple[str, str | None, str | None]], list[str]]:
        tree = convert_bytes(text.encode("utf-8"), str(SAMPLE), context).tree
        body = tree.find(".//tei:text", NS)
        assert body is not None
        return ([(etree.QName(e).localname, e.get("n"), e.get("type"))
                 for e in body.iter() if isinstance(e.tag, str)],
                normalise(project(tree)))

    assert shape(variant) == shape(source)


def test_sample_with_no_blank_line_at_all_gives_the_same_tei(context: ReadContext) -> None:
    """Not only the body: a whole export laid out one paragraph per line (its metadata block
    too) converts to exactly the sample's TEI."""
    source = SAMPLE.read_text(encoding="utf-8")
    variant = "\n".join(line for line in source.split("\n") if line.strip()) + "\n"
    convert_one = lambda text: serialize(  # noqa: E731
        convert_bytes(text.encode("utf-8"), str(SAMPLE), context).tree)
    assert convert_one(variant) == convert_one(source)


def test_mixed_layout_blank_lines_and_lines(check: Check) -> None:
    body = ("The first paragraph stands alone.\n\n"
            "The second paragraph has a line of its own.\nSo has the third one.\n\n"
            "The fourth is alone again.\n")
    div, _ = convert(body, *check)
    assert len(xpath(div, "tei:p")) == 4


def test_a_dashed_rule_and_a_lettered_note_text(check: Check) -> None:
    div, conversion = convert("The files are kept in Vienna[1].\nThe talks lasted two hours.\n"
                              "---\n1. Federal Archive, R 12/345.\n[1a] A second copy in Bonn.\n",
                              *check, exact=False)
    # the text keeps its label as written ('1.'), so the projection gives it back
    assert text(xpath(div, ".//tei:p/tei:note[@place='foot']")[0]) == "1. Federal Archive, R 12/345."
    assert [text(f) for f in xpath(div, "tei:fw[@type='notes']")] == ["---"]
    # `[1a]` is a note text; until the inline stage resolves `[1a]` references it is kept at
    # the end with a warning, never lost
    (kept,) = xpath(div, "tei:note[@n='1a']")
    assert text(kept) == "A second copy in Bonn."
    assert any("[1a]" in d.message and d.severity is Severity.WARNING
               for d in conversion.diagnostics)


def test_a_mixed_case_title_is_a_head_with_a_review(check: Check) -> None:
    div, conversion = convert("Record of Conversation with the Ambassador\n"
                              "The ambassador came at ten.\n", *check)
    assert names(div) == ["head", "p"]
    assert any("title" in m for m in reviews(conversion))


@pytest.mark.parametrize("body, expected", [
    # a numbered point is a paragraph, not a section heading: it is long and goes on
    ("1. The Korean leaders were distrustful of the Soviet government, Kim Il said.\n"
     "The talks lasted two hours.\n", ["p", "p"]),
    # a stamp only named is an omitted item inside a paragraph, not a stamp note
    ("[stamp]\nThe talks lasted two hours.\n", ["p", "p"]),
    # one date line is no journal: the opener's dateline
    ("14 May 1958\nThe talks lasted two hours.\n", ["opener", "p"]),
    # a single dash line is no list
    ("The talks lasted two hours.\n- and then the film was shown.\nIt was long.\n",
     ["p", "p", "p"]),
])
def test_what_is_not_structure(check: Check, body: str, expected: list[str]) -> None:
    div, _ = convert(body, *check)
    assert names(div) == expected


WORDS = ("the delegation comrades talks question party embassy ministry report minister said "
         "that would and of in to was were had it they").split()
SENTENCE = st.lists(st.sampled_from(WORDS), min_size=3, max_size=40).map(
    lambda w: " ".join(w).capitalize() + ".")
PARAGRAPH = st.lists(SENTENCE, min_size=1, max_size=4).map(" ".join)


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(paragraphs=st.lists(PARAGRAPH, min_size=1, max_size=8))
def test_layouts_of_the_same_paragraphs_convert_alike(paragraphs: list[str],
                                                      context: ReadContext) -> None:
    """Blank lines between paragraphs or none: the same text element, the same projection,
    one projected line per paragraph."""
    def converted(body: str) -> etree._ElementTree:
        return convert_bytes((HEAD + body).encode("utf-8"), "wilson-700101.txt", context).tree

    spaced, lined = converted("\n\n".join(paragraphs) + "\n"), converted("\n".join(paragraphs) + "\n")
    assert etree.tostring(spaced.find(".//tei:text", NS)) == etree.tostring(lined.find(".//tei:text", NS))
    assert normalise(project(lined)) == [" ".join(p.split()) for p in paragraphs]


LATE_FIELDS = """MINISTRY OF FOREIGN AFFAIRS
Third European Department
Subject: the visit of the trade delegation
To: Comrade Minister
The delegation arrived on Monday and was received at the ministry.
Subject: this line is text, since the memo's text has begun.
"""


def test_memo_fields_after_an_office_line_stay_fields(check: Check) -> None:
    """An office line in mixed case under the issuing body is the byline's next line (struct16),
    so the fields under it are still the opener's memo fields, while a 'Subject:' after a
    sentence of the text is text."""
    div, conversion = convert(LATE_FIELDS, *check)
    (byline,) = xpath(div, "tei:opener/tei:byline")
    assert text(byline).endswith("Third European Department")
    fields = xpath(div, "tei:opener/tei:seg[@type='memo-field']")
    assert [(f.get("subtype"), text(f.find("tei:label", NS))) for f in fields] == [  # type: ignore[arg-type]
        ("subject", "Subject:"), ("to", "To:")]
    assert text(xpath(div, "tei:p")[-1]).startswith("Subject: this line is text")
    assert sum("taken as the office under the issuing body" in m for m in reviews(conversion)) == 1


def test_note_texts_project_with_their_labels_as_written(check: Check) -> None:
    body = ("The talks began in Vienna¹ and went on in Prague.²\n"
            "Notes\n1. A first note.\n2. A second note.\n")
    div, conversion = convert(body, *check)
    notes = xpath(div, ".//tei:note[@place='foot']")
    assert [(n.get("n"), text(n.find("tei:label", NS))) for n in notes] == [  # type: ignore[arg-type]
        ("1", "1."), ("2", "2.")]
    assert normalise(project(conversion.tree))[-2:] == ["1. A first note.", "2. A second note."]


CLOSINGS = [
    ("Ambassador of the USSR in the PRC\nP. Vetrov", ["roleName", "lb", "persName"]),
    ("K. Brenner\nAmbassador of the GDR", ["persName", "lb", "roleName"]),
    ("Ambassador: G. Stoyanov", ["roleName", "persName"]),
    ("[illegible] Kádas\nchargé d'affaires", ["gap", "persName", "lb", "roleName"]),
]


@pytest.mark.parametrize(("closing", "expected"), CLOSINGS)
def test_signature_forms(closing: str, expected: list[str], check: Check) -> None:
    div, _ = convert("The talks ended at noon and the delegation left for the airport.\n"
                     + closing + "\n", *check)
    (signed,) = xpath(div, "tei:closer/tei:signed")
    assert names(signed) == expected


def test_a_closing_date_beside_the_name_and_a_distribution_list(check: Check) -> None:
    body = ("The talks ended at noon and the delegation left for the airport.\n"
            "14.V.58    P. Vetrov\nThree copies printed\n1 - Cde. G. Stanchev\n2 - to file\n")
    div, conversion = convert(body, *check)
    (closer,) = xpath(div, "tei:closer")
    assert names(closer) == ["dateline", "signed"]
    assert xpath(closer, "tei:dateline/tei:date")[0].get("when") == "1958-05-14"
    assert any(d.rule == "date" and "two-digit year" in d.message for d in conversion.diagnostics)
    (note,) = xpath(div, "tei:note[@type='distribution']")
    assert names(div)[-2:] == ["closer", "note"] and len(xpath(note, "tei:list/tei:item")) == 2


def test_a_title_block_a_place_line_and_an_agenda(check: Check) -> None:
    body = ("MINUTES Nº 4\nof the meeting of the commission held on 22 January 1957\nBeijing\n"
            "Agenda:\n1. The delegation to Vienna.\n2. The trade union delegation.\n"
            "On the first point the instructions were adopted with amendments by the chairman.\n"
            "K. Brenner\n")
    div, _ = convert(body, *check)
    (head,) = xpath(div, "tei:head")
    assert head.text == "MINUTES Nº 4" and names(head)[0] == "lb"  # its lines, as lb
    assert "of the meeting" in text(head)
    assert text(xpath(div, "tei:opener/tei:dateline/tei:placeName")[0]) == "Beijing"
    (agenda,) = xpath(div, "tei:list")
    assert text(agenda.find("tei:head", NS)) == "Agenda:"  # type: ignore[arg-type]
    assert [i.get("n") for i in xpath(agenda, "tei:item")] == ["1", "2"]
    assert not xpath(div, "tei:div")  # 'K. Brenner' alone is no lettered section

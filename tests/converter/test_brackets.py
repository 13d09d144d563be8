"""Brackets, inline note references and dates on the archive's real variety (issue #10):
invented paragraphs through the real converter, checked against the project schema and
tei_all, with their warnings and review entries, and projected back to their source."""

from __future__ import annotations

import gc
import shutil
import time
from datetime import date
from pathlib import Path

import pytest
from converter_support import ROOT, assert_valid
from lxml import etree

from toolkit.convert import ConvertOptions, convert_bytes, make_context
from toolkit.encoding.bracket_parse import continues_bracket, locator, parse_brackets
from toolkit.encoding.brackets import InlineEncoder
from toolkit.errors import Diagnostic, Severity
from toolkit.output import serialize
from toolkit.projection import normalise, project
from toolkit.readers import Conversion, ReadContext
from toolkit.tei import NS, Inline
from toolkit.validation.runner import FileValidator, ValidateOptions

HEAD = """**March 12, 1962**

**Report on a Conversation**

**Citation:**

"Report on a Conversation", March 12, 1962, Wilson Center Digital Archive, Archive of Foreign Policy of the Russian Federation (AVPRF), fond 0102, opis 18, delo 5, listy 41-44. Translated for NKIDP by Gary Goldberg. <https://wilson-center.drivingcreative.com/document/118001>

**Summary:**

A conversation.

**Original Language:**

Russian

**Contents:**

Translation - English

"""
BODY_LINE = HEAD.count("\n") + 1  # the source line of the body's first line


@pytest.fixture(scope="module")
def edition(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """An output folder laid out as tei/ (registers beside the documents), so that the
    edition rules resolve the names' @ref."""
    folder = tmp_path_factory.mktemp("brackets") / "tei"
    shutil.copytree(ROOT / "tei" / "registers", folder / "registers")
    return folder


@pytest.fixture(scope="module")
def ctx(edition: Path) -> ReadContext:
    return make_context(ConvertOptions(edition, edition / "registers", date(2026, 11, 27)))


@pytest.fixture(scope="module")
def validator() -> FileValidator:
    return FileValidator(ValidateOptions(jobs=1, declared=False))


def convert(body: str, ctx: ReadContext) -> Conversion:
    return convert_bytes((HEAD + body).encode(), "wilson-118001.txt", ctx)


def checked(body: str, ctx: ReadContext, edition: Path, validator: FileValidator,
            tei_all: etree.RelaxNG) -> tuple[etree._Element, Conversion]:
    """Convert; the written file is valid (project schema and rules, tei_all) and projects
    back to the body; returns the text's div."""
    conversion = convert(body, ctx)
    data = serialize(conversion.tree)
    path = edition / f"{conversion.number}.xml"
    path.write_bytes(data)
    errors = [d.format() for d in validator.validate(path).diagnostics if d.severity is Severity.ERROR]
    assert errors == []
    written = etree.ElementTree(etree.fromstring(data))
    assert_valid(tei_all, written)
    assert normalise(project(written)) == normalise(body)
    div = conversion.tree.find(".//tei:text/tei:body/tei:div", NS)
    assert div is not None
    return div, conversion


def xpath(node: etree._Element, query: str) -> list[etree._Element]:
    found = node.xpath(query, namespaces=NS)
    assert isinstance(found, list)
    return [n for n in found if isinstance(n, etree._Element)]


def text(node: etree._Element) -> str:
    return " ".join("".join(str(t) for t in node.itertext()).split())


def reviews(conversion: Conversion, kind: str) -> list[Diagnostic]:
    return [d for d in conversion.diagnostics if d.severity is Severity.REVIEW and d.rule == kind]


def warnings(conversion: Conversion) -> list[Diagnostic]:
    return [d for d in conversion.diagnostics if d.severity is Severity.WARNING]


# -- unbalanced brackets: never refused --------------------------------------------------------

def test_a_stray_closing_bracket_is_kept_and_reported(ctx: ReadContext, edition: Path,
                                                      validator: FileValidator,
                                                      tei_all: etree.RelaxNG) -> None:
    body = "They met.\n\nThe delegation left] early and [the talks] ended.\n"
    div, conversion = checked(body, ctx, edition, validator, tei_all)
    assert "left] early" in text(div)
    assert [text(s) for s in xpath(div, ".//tei:supplied")] == ["the talks"]
    (warning,) = warnings(conversion)
    (entry,) = reviews(conversion, "bracket-repaired")
    column = "The delegation left]".index("]") + 1
    assert (warning.line, warning.column) == (entry.line, entry.column) == (BODY_LINE + 2, column)


def test_a_bracket_never_closed_is_kept_as_text(ctx: ReadContext, edition: Path,
                                                validator: FileValidator,
                                                tei_all: etree.RelaxNG) -> None:
    body = "They met.\n\nThe [Soviet side [Rus. sovetskaya storona] agreed at once.\n"
    div, conversion = checked(body, ctx, edition, validator, tei_all)
    assert text(xpath(div, "tei:p")[1]).startswith("The [Soviet side")
    (term,) = xpath(div, ".//tei:supplied[@reason='original-term']/tei:foreign")
    assert term.get("{http://www.w3.org/XML/1998/namespace}lang") == "ru-Latn"
    (entry,) = reviews(conversion, "bracket-repaired")
    assert (entry.line, entry.column) == (BODY_LINE + 2, 5) and "never closed" in entry.message


def test_a_stray_bracket_inside_a_marginal_note(ctx: ReadContext, edition: Path,
                                                validator: FileValidator,
                                                tei_all: etree.RelaxNG) -> None:
    """The refusal of issue #10: the '[' inside the quotation is the stray one; the note
    keeps its words and the bracket that closes it."""
    body = 'Noted.\n\n[handwritten in the left margin: "To Comrade Kosygin [for information"]\n'
    div, conversion = checked(body, ctx, edition, validator, tei_all)
    (note,) = xpath(div, ".//tei:note[@type='marginalia']")
    assert note.get("place") == "margin"
    (addition,) = xpath(note, "tei:add")
    assert addition.get("place") == "margin left"
    assert text(addition) == '"To Comrade Kosygin [for information"'
    assert xpath(addition, "tei:persName[@ref='per:kosygin']")
    assert len(reviews(conversion, "bracket-repaired")) == 1 and len(warnings(conversion)) == 1


def test_a_stray_bracket_inside_a_quoted_stamp(ctx: ReadContext, edition: Path,
                                               validator: FileValidator,
                                               tei_all: etree.RelaxNG) -> None:
    body = 'Received.\n\n[stamp: "Incoming] Nº 12"] and filed.\n'
    div, conversion = checked(body, ctx, edition, validator, tei_all)
    (stamp,) = xpath(div, ".//tei:note[@type='stamp']/tei:stamp")
    assert text(stamp) == '"Incoming] Nº 12"'
    (entry,) = reviews(conversion, "bracket-repaired")
    assert entry.column == len('[stamp: "Incoming]')


def test_only_brackets_unbalanced_every_way(ctx: ReadContext, edition: Path,
                                            validator: FileValidator,
                                            tei_all: etree.RelaxNG) -> None:
    body = "Start.\n\n]] [[x] ] [ [ ] [\n"
    div, conversion = checked(body, ctx, edition, validator, tei_all)
    assert len(reviews(conversion, "bracket-repaired")) == 4
    defaults = [e.message for e in reviews(conversion, "bracket-default")]
    assert defaults[-1] == "an empty bracket is kept as text" and len(defaults) == 3
    assert [text(s) for s in xpath(div, ".//tei:supplied/tei:supplied")] == ["x"]


def test_a_page_break_rejoins_only_a_bracket_it_cut() -> None:
    assert continues_bracket("the [KWP", "leaders] said")
    assert not continues_bracket("the [KWP leaders said", "that they agreed.")
    assert not continues_bracket("a [b] c", "d] e")


# -- redactions, uncertain readings, abbreviations ----------------------------------------------

def test_redactions_are_gaps_with_their_extent(ctx: ReadContext, edition: Path,
                                               validator: FileValidator,
                                               tei_all: etree.RelaxNG) -> None:
    body = ("[first two lines redacted] The talks [one page redacted] continued; [redacted] "
            "and [name redacted] said that [three paragraphs redacted] was [12 words redacted].\n")
    div, _ = checked(body, ctx, edition, validator, tei_all)
    gaps = xpath(div, ".//tei:gap")
    assert [(g.get("reason"), g.get("quantity"), g.get("unit"), text(g)) for g in gaps] == [
        ("redacted", "2", "line", "first two lines redacted"),
        ("redacted", "1", "page", "one page redacted"),
        ("redacted", None, None, "redacted"),
        ("redacted", None, None, "name redacted"),
        ("redacted", "3", "paragraph", "three paragraphs redacted"),
        ("redacted", "12", "word", "12 words redacted")]
    assert not xpath(div, ".//tei:supplied")


def test_redactions_and_omissions_in_other_words(ctx: ReadContext, edition: Path,
                                                validator: FileValidator,
                                                tei_all: etree.RelaxNG) -> None:
    """What is missing and the act that took it out (`[3 lines deleted]`, `[two paragraphs
    omitted]`) is a gap, not supplied words; a half is a quantity (`[half a page redacted]`
    was quantity 1). `[deleted]` alone describes the source (crossed out): a note."""
    body = ("A [half a page redacted] B [3 lines deleted] C [two paragraphs omitted] D "
            "[name deleted] E [one and a half pages redacted] F [passage omitted] G [deleted] H.\n")
    div, conversion = checked(body, ctx, edition, validator, tei_all)
    assert [(g.get("reason"), g.get("quantity"), g.get("unit"), text(g))
            for g in xpath(div, ".//tei:gap")] == [
        ("redacted", "0.5", "page", "half a page redacted"),
        ("redacted", "3", "line", "3 lines deleted"),
        ("omitted", "2", "paragraph", "two paragraphs omitted"),
        ("redacted", None, None, "name deleted"),
        ("redacted", "1.5", "page", "one and a half pages redacted"),
        ("omitted", None, None, "passage omitted")]
    assert not xpath(div, ".//tei:supplied")
    assert [text(n) for n in xpath(div, ".//tei:note")] == ["deleted"]
    # deleted by whom is not said: the redaction is the likeliest reading, listed for review
    assert [d.column for d in reviews(conversion, "bracket-redaction")] == [28, 75]


def test_uncertain_readings_keep_their_question_mark(ctx: ReadContext, edition: Path,
                                                     validator: FileValidator,
                                                     tei_all: etree.RelaxNG) -> None:
    body = ("He met [[N. N. Petrov?]], then [Kosygin?] and the Tumen [?] river, and asked "
            "[why did they come?] at once.\n")
    div, conversion = checked(body, ctx, edition, validator, tei_all)
    readings = xpath(div, ".//tei:unclear")
    assert [(u.get("cert"), u.get("rend"), text(u)) for u in readings] == [
        ("low", "double-query", "N. N. Petrov"), ("low", "query", "Kosygin"),
        ("low", "query-after", "Tumen")]
    assert xpath(readings[1], "tei:persName[@ref='per:kosygin']")
    assert not xpath(div, ".//tei:supplied/tei:supplied")
    (question,) = xpath(div, ".//tei:supplied")  # a question is the translator's words
    assert text(question) == "why did they come?"
    assert len(reviews(conversion, "bracket-default")) == 1


def test_abbreviations_and_their_expansions(ctx: ReadContext, edition: Path,
                                            validator: FileValidator,
                                            tei_all: etree.RelaxNG) -> None:
    body = ("The ABC [Agency for Broadcasting and Communication] and the MfS [Ministry for State "
            "Security] and the KGB [Committee for State Security] wrote to the F[oreign] "
            "M[inistry]; the USSR [Soviet Ambassador] Comrade Moskovsky and the "
            "KWP [Korean Workers' Party] agreed with Comrade KIM [Kim Il].\n")
    div, _ = checked(body, ctx, edition, validator, tei_all)
    choices = xpath(div, ".//tei:choice")
    pairs = [(text(c[0]), text(c[1]), etree.QName(c.getparent()).localname)
             for c in choices]
    assert pairs[:3] == [("ABC", "Agency for Broadcasting and Communication", "orgName"),
                         ("MfS", "Ministry for State Security", "orgName"),
                         ("KGB", "Committee for State Security", "orgName")]
    assert pairs[3][:2] == ("KWP", "Korean Workers' Party") and len(pairs) == 5
    assert pairs[4] == ("KIM", "Kim Il", "persName")  # a respelling, not an expansion
    assert [text(e) for e in xpath(div, ".//tei:expan[tei:ex]")] == ["Foreign", "Ministry"]
    assert [text(s) for s in xpath(div, ".//tei:supplied[@reason='identification']")] == [
        "Soviet Ambassador"]
    assert xpath(div, ".//tei:choice[tei:orig='KIM']/tei:reg")

# -- stamps and descriptions of the source ------------------------------------------------------

def test_stamps_handwriting_and_notes(ctx: ReadContext, edition: Path, validator: FileValidator,
                                      tei_all: etree.RelaxNG) -> None:
    body = ("[MFA stamp: Incoming Nº 0571, 3 May 1958] The letter [seal] was read; "
            '[handwritten: "Agreed. K."] It was received [sic!] and recieved [sic] '
            "[emphasis in the original] [illegible signature] [signature].\n")
    div, conversion = checked(body, ctx, edition, validator, tei_all)
    first, seal = xpath(div, ".//tei:note[@type='stamp']")
    described = "".join(first.itertext()).split("Incoming")[0]  # MFA is an orgName in it
    assert first.get("place") == "inline" and described == "MFA stamp: "
    (stamp,) = xpath(first, "tei:stamp")
    assert text(stamp) == "Incoming Nº 0571, 3 May 1958"
    assert xpath(stamp, "tei:date[@when='1958-05-03']")
    assert text(seal) == "seal" and not xpath(seal, "tei:stamp")
    (hand,) = xpath(div, ".//tei:note[@type='handwritten']")
    assert text(xpath(hand, "tei:add")[0]) == '"Agreed. K."'
    assert [(s.get("rend"), text(s)) for s in xpath(div, ".//tei:sic")] == [
        ("sic!", "received"), (None, "recieved")]
    assert [text(n) for n in xpath(div, ".//tei:note[@type='editorial']")] == [
        "emphasis in the original"]
    assert [(g.get("reason"), text(g)) for g in xpath(div, ".//tei:gap")] == [
        ("illegible", "illegible signature"), ("omitted", "signature")]
    assert not xpath(div, ".//tei:supplied") and not xpath(div, ".//tei:pb")
    assert not reviews(conversion, "bracket-default")


# -- note references -----------------------------------------------------------------------------

def test_note_references_in_every_form(ctx: ReadContext, edition: Path, validator: FileValidator,
                                       tei_all: etree.RelaxNG) -> None:
    body = ("The talks in Vienna¹ and Prague^2^ and Sofia[3], again in Vienna¹, over 10 km² "
            "and in Bonn⁴.\n\n[1] Federal Archive, R 12/345, 6-7.\n\n[2] Second note.\n\n"
            "[3] Third note.\n")
    div, conversion = checked(body, ctx, edition, validator, tei_all)
    notes = xpath(div, ".//tei:p/tei:note[@place='foot']")
    assert [(n.get("n"), n.get("rend"), text(n)) for n in notes] == [
        ("1", "superscript", "Federal Archive, R 12/345, 6-7."), ("2", "caret", "Second note."),
        ("3", None, "Third note.")]
    (pointer,) = xpath(div, ".//tei:ptr")
    assert pointer.get("rend") == "superscript" and pointer.get("target") == "#" + notes[0].get(
        "{http://www.w3.org/XML/1998/namespace}id", "")
    assert "km²" in text(div) and "Bonn⁴" in text(div)
    (warning,) = warnings(conversion)
    (entry,) = reviews(conversion, "note")
    assert (warning.line, warning.column) == (entry.line, entry.column) == (
        BODY_LINE, body.index("⁴") + 1)


def test_a_lettered_reference_finds_its_note(ctx: ReadContext) -> None:
    diagnostics: list[Diagnostic] = []
    encoder = InlineEncoder("As agreed[1a] and[2].", ctx.tagger, {"1a": lambda: ["A note."]},
                            locator([(0, 7)]), "x.txt", diagnostics, {})
    content = encoder.encode()
    note, missing = [c for c in content if not isinstance(c, str) and c.tag.endswith("note")]
    assert note.get("n") == "1a" and note.text == "A note." and encoder.used_footnotes == {"1a"}
    # [2] has no text (the document has note texts): kept where it stands, an empty note
    assert missing.get("n") == "2" and missing.get("place") == "foot" and missing.text is None \
        and len(missing) == 0
    assert "kept as an empty note" in diagnostics[0].message
    assert [(d.severity, d.rule, d.line, d.column) for d in diagnostics] == [
        (Severity.WARNING, None, 7, 18), (Severity.REVIEW, "note", 7, 18)]


# -- dates ---------------------------------------------------------------------------------------

def test_dates_in_running_text(ctx: ReadContext, edition: Path, validator: FileValidator,
                               tei_all: etree.RelaxNG) -> None:
    body = ("On 14 May 1958 and June 3, 1971 and 3.6.1971, from 14-16 May 1958 and "
            "10 May - 2 June 1959, in May 1960, the early 1960s and late 1965, he met them.\n\n"
            "In mid-December and on 20 January they talked again.\n\n"
            "An army of 700,000, in 1965, in 1958-1960, No. 12, 6/3/1971 and 31 February 1958.\n")
    div, conversion = checked(body, ctx, edition, validator, tei_all)
    found = [(text(d), dict(d.attrib)) for d in xpath(div, ".//tei:date")]
    assert found == [
        ("14 May 1958", {"when": "1958-05-14"}), ("June 3, 1971", {"when": "1971-06-03"}),
        ("3.6.1971", {"when": "1971-06-03"}),
        ("14-16 May 1958", {"from": "1958-05-14", "to": "1958-05-16"}),
        ("10 May - 2 June 1959", {"from": "1959-05-10", "to": "1959-06-02"}),
        ("May 1960", {"when": "1960-05"}),
        ("early 1960s", {"notBefore": "1960", "notAfter": "1963"}),
        ("late 1965", {"notBefore": "1965-09", "notAfter": "1965-12"}),
        # no year: the nearest to the document's date (12 March 1962)
        ("mid-December", {"notBefore": "1961-12-11", "notAfter": "1961-12-20", "cert": "medium"}),
        ("20 January", {"when": "1962-01-20", "cert": "medium"})]
    entries = reviews(conversion, "date")
    assert [(e.line, e.column) for e in entries] == [
        (BODY_LINE + 2, 4), (BODY_LINE + 2, "In mid-December and on 2".index("2") + 1)]
    assert "1961" in entries[0].message and "1962-03-12" in entries[0].message


def test_without_a_document_date_a_date_without_a_year_stays_text(ctx: ReadContext) -> None:
    encoder = InlineEncoder("On 14 May and on 2 June 1958.", ctx.tagger, {}, locator([(0, 1)]),
                            "x.txt", [], {})
    content = encoder.encode()
    dated = [c for c in content if not isinstance(c, str)]
    assert [(d.text, d.get("when")) for d in dated] == [("2 June 1958", "1958-06-02")]


# -- what is left to the default ----------------------------------------------------------------

def test_a_bracket_classified_by_default_is_listed_for_review(ctx: ReadContext, edition: Path,
                                                              validator: FileValidator,
                                                              tei_all: etree.RelaxNG) -> None:
    body = "He said it.\n\nThey [then] left for [the] Tonkin [Gulf] coast.\n"
    div, conversion = checked(body, ctx, edition, validator, tei_all)
    assert [s.get("reason") for s in xpath(div, ".//tei:supplied")] == ["clarification"] * 3
    assert [(e.line, e.column) for e in reviews(conversion, "bracket-default")] == [
        (BODY_LINE + 2, 6), (BODY_LINE + 2, 22), (BODY_LINE + 2, 35)]
    assert "[then]" in reviews(conversion, "bracket-default")[0].message


# -- linear time -----------------------------------------------------------------------------

def _encode_seconds(text: str, ctx: ReadContext) -> float:
    """CPU time of one encoding, with the cyclic garbage collector held off: its full passes
    fall at points that depend on what else the process allocated, and made the ratio of two
    runs on a loaded CI machine 10.4 for linear work. The algorithm's own cost is all timed."""
    gc.collect()
    gc.disable()
    try:
        started = time.process_time()
        encoder = InlineEncoder(text, ctx.tagger, {}, locator([(0, 1)]), "x.txt", [], {},
                                document_date="1965-01-08")
        content: list[Inline] = encoder.encode()
        elapsed = time.process_time() - started
    finally:
        gc.enable()
    assert content
    return elapsed


@pytest.mark.parametrize("unit", ["[...] ", "] ", "[ ", "[x [y] z] ", "Kosygin and 14 May 1958, ",
                                  "word¹ [1a] [a?] ", "**a ", "mid-May [sic] "])
def test_the_inline_stage_is_linear(unit: str, ctx: ReadContext) -> None:
    """200 KB of one construct in one paragraph takes seconds, and 4x the text about 4x the
    time (a generous bound, allowing for the allocator and the garbage collector: quadratic
    work would be 16x)."""
    small = unit * (50_000 // len(unit))
    large = unit * (200_000 // len(unit))
    _encode_seconds(small[:2000], ctx)  # warm up
    # the best of three runs each: a shared machine's noise only ever adds time
    one = max(min(_encode_seconds(small, ctx) for _ in range(3)), 0.01)
    four = min(_encode_seconds(large, ctx) for _ in range(3))
    assert four < 6.0
    assert four / one < 10.0, (one, four)  # linear is 4x, quadratic 16x


def test_parsing_a_megabyte_of_brackets_is_quick() -> None:
    text = "[...] " * 170_000 + "] " * 1000 + "[ " * 1000
    started = time.process_time()
    nodes, repairs = parse_brackets(text)
    assert time.process_time() - started < 10.0  # quadratic work took minutes
    assert len(repairs) == 2000 and len(nodes) > 170_000


# -- events of a spoken exchange (issue #10) ---------------------------------------------------

SPOKEN = [
    ("Zhou Enlai: Welcome. [laughs] You came far.", "vocal", "laughs"),
    ("Shehu: Thank you. [Applause.] Comrades.", "incident", "Applause."),
    ("Zhou Enlai: [Zhou points at the map] Here.", "kinesic", "Zhou points at the map"),
    ("Kapo: [both speak at once] We know.", "incident", "both speak at once"),
    ("Kapo: Yes. [Laughter in the hall.] Good.", "vocal", "Laughter in the hall."),
    ("The speaker said so. [Prolonged applause.]", "incident", "Prolonged applause."),
    ("Kapo: [He nods] Yes.", "kinesic", "He nods"),
    # events in sentences of their own (was supplied text): a mix is the general incident
    ("The speaker ended. [Ovation. All rise.]", "incident", "Ovation. All rise."),
    ("The hall waited. [All rise.]", "incident", "All rise."),
]


@pytest.mark.parametrize(("body", "element", "words"), SPOKEN)
def test_an_event_of_speech_is_not_supplied_text(body: str, element: str, words: str, ctx: ReadContext,
                                                 edition: Path, validator: FileValidator,
                                                 tei_all: etree.RelaxNG) -> None:
    div, _ = checked(body + "\n", ctx, edition, validator, tei_all)
    found = xpath(div, f".//tei:{element}")
    assert [text(e) for e in found] == [words]
    assert [e for e in found if xpath(e, "tei:desc")] == found
    assert xpath(div, ".//tei:supplied") == []


@pytest.mark.parametrize(("bracket", "rend"), [("[pause]", None), ("[long pause]", "long pause"),
                                               ("[Silence.]", "Silence.")])
def test_a_pause(bracket: str, rend: str | None, ctx: ReadContext, edition: Path,
                 validator: FileValidator, tei_all: etree.RelaxNG) -> None:
    div, _ = checked(f"Kapo: Well {bracket} we agree.\n", ctx, edition, validator, tei_all)
    pauses = xpath(div, ".//tei:pause")
    assert len(pauses) == 1 and pauses[0].get("rend") == rend


@pytest.mark.parametrize(("bracket", "quantity"), [("[inaudible]", None), ("[Unintelligible]", None),
                                                   ("[two words inaudible]", "2")])
def test_what_was_not_heard_is_a_gap(bracket: str, quantity: str | None, ctx: ReadContext,
                                     edition: Path, validator: FileValidator,
                                     tei_all: etree.RelaxNG) -> None:
    div, _ = checked(f"Kapo: But there {bracket} the Soviets moved.\n", ctx, edition, validator,
                     tei_all)
    gaps = xpath(div, ".//tei:gap[@reason='inaudible']")
    assert len(gaps) == 1 and gaps[0].get("quantity") == quantity


@pytest.mark.parametrize("body", ["He points out [the error] again.", "The report [shows] it.",
                                  "They [the Chinese side] laugh at it.", "[The Soviet side is missing]"])
def test_words_that_only_look_like_events_stay_supplied(body: str, ctx: ReadContext, edition: Path,
                                                        validator: FileValidator,
                                                        tei_all: etree.RelaxNG) -> None:
    div, _ = checked(body + "\n", ctx, edition, validator, tei_all)
    assert xpath(div, ".//tei:vocal | .//tei:kinesic | .//tei:incident | .//tei:pause | .//tei:gap") == []
    assert len(xpath(div, ".//tei:supplied")) == 1


def test_a_gesture_read_from_a_subject_is_listed_for_review(ctx: ReadContext) -> None:
    conversion = convert("Kapo: [Kim nods in agreement] Yes.\n", ctx)
    assert [d.line for d in reviews(conversion, "bracket-spoken")] == [BODY_LINE]


@pytest.mark.parametrize(("bracket", "quantity"), [("[page torn]", None), ("[text missing]", None),
                                                   ("[two lines missing]", "2")])
def test_words_lost_to_damage(bracket: str, quantity: str | None, ctx: ReadContext, edition: Path,
                              validator: FileValidator, tei_all: etree.RelaxNG) -> None:
    div, conversion = checked(f"The lower part {bracket} is lost.\n", ctx, edition, validator, tei_all)
    gaps = xpath(div, ".//tei:gap[@reason='damage']")
    assert len(gaps) == 1 and gaps[0].get("quantity") == quantity
    assert [d.line for d in reviews(conversion, "bracket-damage")] == [BODY_LINE]


def test_an_exclamation_mark_is_sic(ctx: ReadContext, edition: Path, validator: FileValidator,
                                    tei_all: etree.RelaxNG) -> None:
    div, _ = checked("The total was 300 [!] tanks.\n", ctx, edition, validator, tei_all)
    assert [(text(s), s.get("rend")) for s in xpath(div, ".//tei:sic")] == [("300", "!")]


def test_the_language_of_the_original_is_a_note_on_the_source(ctx: ReadContext, edition: Path,
                                                              validator: FileValidator,
                                                              tei_all: etree.RelaxNG) -> None:
    div, _ = checked('The word "détente" [in English in the original] was used.\n', ctx, edition,
                     validator, tei_all)
    assert [text(n) for n in xpath(div, ".//tei:note")] == ["in English in the original"]

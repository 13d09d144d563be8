"""Rules the held-out inline probe (inline-probe14) found missing, with their counter-cases."""

from __future__ import annotations

from pathlib import Path

import pytest
from lxml import etree
from test_brackets import checked, ctx, edition, reviews, text, validator, xpath  # noqa: F401

from toolkit.readers import ReadContext
from toolkit.validation.runner import FileValidator


@pytest.mark.parametrize(("bracket", "kind"), [
    ("[Tr.: the security ministry]", "translator"), ("[Transl. note: in German]", "translator"),
    ("[T.N.: literally]", "translator"), ("[Translators' note: so]", "translator"),
    ("[Anm. d. Ü.: wörtlich]", "translator"), ("[N.d.T.: así]", "translator"),
    ("[Ed.: the draft gives 400]", "editorial"), ("[Editor's comment: so]", "editorial"),
    ("[Anm. d. Red.: so]", "editorial"), ("[Tr.: which year?]", "translator")])
def test_a_labelled_note_is_the_translators_or_the_editors(
        bracket: str, kind: str, ctx: ReadContext, edition: Path,  # noqa: F811
        validator: FileValidator, tei_all: etree.RelaxNG) -> None:  # noqa: F811
    div, conversion = checked(f"He called it so {bracket} openly.\n", ctx, edition, validator, tei_all)
    (note,) = xpath(div, ".//tei:note")
    assert note.get("type") == kind and text(note) == bracket[1:-1]
    assert not xpath(div, ".//tei:supplied | .//tei:unclear")
    assert not reviews(conversion, "bracket-default")


@pytest.mark.parametrize("bracket", ["[Trade]", "[Ed.]", "[Editor Smith]", "[Transport Ministry]"])
def test_a_word_like_a_label_without_its_colon_is_no_note(
        bracket: str, ctx: ReadContext, edition: Path,  # noqa: F811
        validator: FileValidator, tei_all: etree.RelaxNG) -> None:  # noqa: F811
    div, conversion = checked(f"He called it so {bracket} openly.\n", ctx, edition, validator, tei_all)
    assert not xpath(div, ".//tei:note") and xpath(div, ".//tei:supplied")
    assert reviews(conversion, "bracket-default")  # the default stays listed for review


def test_a_note_text_over_two_lines_is_one_note(ctx: ReadContext, edition: Path,  # noqa: F811
                                                validator: FileValidator,  # noqa: F811
                                                tei_all: etree.RelaxNG) -> None:
    """Before: the wrapped line kept the note text from being found, both `[1]` supplied."""
    body = ("The talks in Vienna[1] and Prague[2] were long.\n\n[1] Federal Archive, R 12/345,\n"
            "folios 6-7, a copy.\n\n[2] Second note, and\nits second line.\n")
    div, conversion = checked(body, ctx, edition, validator, tei_all)
    notes = xpath(div, ".//tei:p/tei:note[@place='foot']")
    assert [(n.get("n"), text(n)) for n in notes] == [  # the lines apart by lb and a space
        ("1", "Federal Archive, R 12/345, folios 6-7, a copy."), ("2", "Second note, and its second line.")]
    assert [len(xpath(n, "tei:lb")) for n in notes] == [1, 1]
    assert not xpath(div, ".//tei:supplied") and not reviews(conversion, "note")


@pytest.mark.parametrize("body", [
    "He said [1] that the talks\nwere long.\n",  # the text's one paragraph, wrapped
    "The talks were long.\n\nHe quoted [1] what the minister\nhad said.\n",  # a reference, no note text
])
def test_a_wrapped_paragraph_opening_like_a_note_is_the_texts(
        body: str, ctx: ReadContext, edition: Path, validator: FileValidator,  # noqa: F811
        tei_all: etree.RelaxNG) -> None:  # noqa: F811
    div, _ = checked(body, ctx, edition, validator, tei_all)
    assert not xpath(div, ".//tei:note") and xpath(div, ".//tei:supplied")


@pytest.mark.parametrize(("body", "word", "breaks"), [
    ("The ambassador reported that the negotiations with the delegation were\n[sic] postponed "
     "until the spring, which the ministry had not expected at all.\n", "were", "lb"),
    ("He wrote that it was recieved\n\n[sic!] by the ministry.\n", "recieved", "pb"),
])
def test_a_sic_opening_a_line_marks_the_word_that_ended_the_line_before(
        body: str, word: str, breaks: str, ctx: ReadContext, edition: Path,  # noqa: F811
        validator: FileValidator, tei_all: etree.RelaxNG) -> None:  # noqa: F811
    """Before: one paragraph per line, and an empty `<sic/>` opening the second."""
    div, _ = checked(body, ctx, edition, validator, tei_all)
    (sic,) = xpath(div, ".//tei:sic")
    assert text(sic) == word and xpath(sic, f"tei:{breaks}")
    assert len(xpath(div, "tei:p")) == 1


@pytest.mark.parametrize("body", [
    "The talks ended.\n\n[Sicily] was taken next.\n",  # a word that opens like sic
    "The talks ended.\n\n[sic transit] was his motto.\n",
])
def test_a_line_opening_with_no_mark_starts_anew(body: str, ctx: ReadContext, edition: Path,  # noqa: F811
                                                 validator: FileValidator,  # noqa: F811
                                                 tei_all: etree.RelaxNG) -> None:
    div, _ = checked(body, ctx, edition, validator, tei_all)
    assert len(xpath(div, "tei:p")) == 2 and not xpath(div, ".//tei:sic")

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

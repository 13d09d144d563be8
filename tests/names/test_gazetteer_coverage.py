"""What the gazetteer adds beyond GeoNames' preferred names of large towns (issue #11, the
gaps 41-56 showed), through the real converter: the other spellings of towns and the
Vietnamese one-word forms behind a place context only, Chinese provinces without ISO's unit
word, the period's regions and border rivers, countries that are also words; and the other
spellings that are kept out (expectations written by hand before the converter ran)."""

from __future__ import annotations

import pytest

from names_support import names as tagged, sample_context
from toolkit.names import gazetteer
from toolkit.names.fold import fold_form
from toolkit.readers import ReadContext


@pytest.fixture(scope="module")
def context() -> ReadContext:
    return sample_context()


def names(context: ReadContext, body: str) -> list[tuple[str, str]]:
    return [(kind, text) for kind, text, _ in tagged(context, body)]


def test_other_spellings_and_one_word_forms_where_the_text_places_them(context: ReadContext) -> None:
    found = names(context, "The convoy stopped near Termez. The fighting went on near Kontum and "
                           "Ban Me Thuot, and the consul travelled to Umtali.\n")
    for town in ("Termez", "Kontum", "Ban Me Thuot", "Umtali"):
        assert ("placeName", town) in found
    # without the words that place it, a minor town's name is no place
    assert ("placeName", "Umtali") not in names(context, "Umtali is the name on the old maps.\n")


def test_provinces_regions_rivers_and_countries_that_are_words(context: ReadContext) -> None:
    found = names(context, "The governors of Liaoning and Sichuan spoke of the clashes on the "
                           "Ussuri and of the famine in Wollo. Turkey, Jordan and Oman voted "
                           "against.\n")
    for place in ("Liaoning", "Sichuan", "Ussuri", "Wollo", "Turkey", "Jordan", "Oman"):
        assert ("placeName", place) in found
    # a title before the word still makes a person of it
    found = names(context, "Mr. Jordan said that the President would decide.\n")
    assert ("persName", "Jordan") in found and ("placeName", "Jordan") not in found


def test_other_spellings_kept_out() -> None:
    towns = gazetteer.minor_towns()
    # GeoNames' other names of small towns that are no near spelling of them (Rolla's `Weber`,
    # Brighton's `Hughes`) and surname-shaped former names (Rybinsk's `Shcherbakov`) are not
    # towns; a large town's former or foreign name (Košice's `Kassa`) and a near spelling of a
    # small one (Zaxo's `Zakho`) are
    for word in ("Weber", "Hughes", "Freedom", "Shcherbakov", "Since"):
        assert fold_form(word) not in towns and fold_form(word) not in gazetteer.places()
    for town in ("Kassa", "Zakho", "Podujevo"):
        assert fold_form(town) in towns

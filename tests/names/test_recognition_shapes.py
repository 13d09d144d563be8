"""Name shapes the gold reports 25-32 brought in (issue #11), one rule each, on the real tagger
with the sample's registers and the shipped gazetteer."""

from __future__ import annotations

from tests.names.names_support import found
from toolkit.encoding.names import DocumentNames, NameTagger


def test_a_place_by_a_lower_case_noun(tagger: NameTagger) -> None:
    names = found(tagger, "The fighting in Quang Tri province went on, the town of Dong Ha was "
                          "bombed and the port of Assab was open again.")
    assert names == [("place", "Quang Tri"), ("place", "Dong Ha"), ("place", "Assab")]
    # a compass word before it is the name's, though it is no name alone
    assert found(tagger, "the cooperatives in the South Moravian region") == [
        ("place", "South Moravian")]


def test_a_compass_word_belongs_to_the_place(tagger: NameTagger) -> None:
    assert found(tagger, "He spoke about Southern Africa and West Berlin.") == [
        ("place", "Southern Africa"), ("place", "West Berlin")]


def test_a_street_is_a_place_and_ends_an_organisation(tagger: NameTagger) -> None:
    names = found(tagger, "I was received at the Foreign Office on the Adenauerallee and then "
                          "visited the offices in the Prinz-Georg-Straße.")
    assert names == [("org", "Foreign Office"), ("place", "Adenauerallee"),
                     ("place", "Prinz-Georg-Straße")]


def test_a_newspaper_by_the_word_before_it(tagger: NameTagger) -> None:
    names = found(tagger, "The Dutch newspaper De Waarheid and the newspaper Nodong Sinmun wrote.")
    assert ("org", "De Waarheid") in names and ("org", "Nodong Sinmun") in names


def test_a_long_acronym_only_in_running_text(tagger: NameTagger) -> None:
    assert found(tagger, "He said that FRELIMO supported the revolution.") == [("org", "FRELIMO")]
    assert found(tagger, "JOURNAL") == []  # a heading, no acronym


def test_organisations_by_their_mission_or_representation(tagger: NameTagger) -> None:
    assert found(tagger, "The staff of the Permanent Representation of the GDR will attend.") == [
        ("org", "Permanent Representation of the GDR")]


def test_arabic_names_and_monarchs(tagger: NameTagger) -> None:
    names = found(tagger, "The journalist Hassan ibn Youssef wrote that King Hassan II and "
                          "Major Berhanu Bayeh would come.")
    assert names == [("person", "Hassan ibn Youssef"), ("person", "Hassan II"),
                     ("person", "Berhanu Bayeh")]
    # `Sultan` is a given name as well as a title: it does not end the name
    assert found(tagger, "Sheikh Zayed bin Sultan al-Nahyan wrote.") == [
        ("person", "Zayed bin Sultan al-Nahyan")]


def test_a_later_mention_by_the_family_name_with_its_article(tagger: NameTagger) -> None:
    document = DocumentNames()
    found(tagger, "President Hafez al-Assad sent a letter.", document)
    assert found(tagger, "al-Assad's letter spoke of the talks.", document) == [
        ("person", "al-Assad")]


def test_a_telegram_in_capitals(tagger: NameTagger) -> None:
    names = found(tagger, "COMRADE ZHIVKOV VISITED KARDELJ ON 3 JUNE AND ASKED ABOUT THE POSITION "
                          "OF ROMANIA.")
    assert ("person", "ZHIVKOV") in names
    assert not [n for n in names if n[1] in ("ZHIVKOV VISITED KARDELJ", "ABOUT")], names


def test_a_postscript_is_no_initials(tagger: NameTagger) -> None:
    assert ("person", "P.S. Berg") not in found(tagger, "P.S. Berg asks about the catalogues.")
    assert found(tagger, "I met P. S. Berg.") == [("person", "P. S. Berg")]  # not at the start


def test_gazetteer_spellings(tagger: NameTagger) -> None:
    # GeoNames' `Namp’o` without its apostrophe; the period's name of Cambodia
    assert found(tagger, "The ship left Nampo for Kampuchea.") == [
        ("place", "Nampo"), ("place", "Kampuchea")]

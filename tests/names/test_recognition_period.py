"""Name shapes the gold reports 33-40 brought in (issue #11), one rule each, on the real tagger
with the sample's registers and the shipped gazetteer; the sentences are new (not the gold's)."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from lxml import etree

from tests.names.names_support import found
from toolkit.convert import ConvertOptions, convert_bytes, make_context
from toolkit.encoding.names import DocumentNames, NameTagger
from toolkit.tei import TEI_NS

ROOT = Path(__file__).resolve().parents[2]


def test_abbreviated_ranks_and_amharic_honorifics_are_titles(tagger: NameTagger) -> None:
    assert found(tagger, "Brig. Gen. Tafari Benti met Lt.-Col. Atnafu Abate and Ato Kebede Tessema.") == [
        ("person", "Tafari Benti"), ("person", "Atnafu Abate"), ("person", "Kebede Tessema")]
    assert found(tagger, "Col.-Gen. Horst Stechbarth") == [("person", "Horst Stechbarth")]
    assert found(tagger, "Maj. Gen.") == []  # a rank alone is no name


def test_a_name_over_a_hard_wrap_is_one_name_with_its_lb() -> None:
    """A paragraph wrapped at about 70 columns, the break inside a name: one persName,
    the lb inside it; a break between two other words stays outside every name."""
    body = ("On the same day the counsellor of the embassy, Comrade Dashiin\n"
            "Tserendorj, told us that the herdsmen wanted new wells and that the\n"
            "cooperatives of the region had asked the ministry for more lorries.\n")
    gold = (ROOT / "tests" / "names" / "gold" / "wilson-990001.txt").read_text(encoding="utf-8")
    header = gold[:gold.index("Translation - English") + len("Translation - English\n\n")]
    source = header + body
    options = ConvertOptions(ROOT / "tei", ROOT / "tei" / "registers", date(2026, 1, 1))
    tree = convert_bytes(source.encode(), "wrap.txt", make_context(options)).tree.getroot().find(
        f"{{{TEI_NS}}}text")
    assert tree is not None
    persons = list(tree.iter(f"{{{TEI_NS}}}persName"))
    assert ["".join(p.itertext()).split() for p in persons] == [["Dashiin", "Tserendorj"]]
    assert persons[0].find(f"{{{TEI_NS}}}lb") is not None
    assert len(list(tree.iter(f"{{{TEI_NS}}}lb"))) == 2
    assert etree.tostring(persons[0], encoding="unicode").count("lb") == 1


def test_a_town_below_the_main_list_only_where_the_text_places_it(tagger: NameTagger) -> None:
    # Massawa (some 23,000 inhabitants): a place after `in` or after a place and `and`
    assert found(tagger, "The ships were unloaded in Massawa.") == [("place", "Massawa")]
    assert found(tagger, "Asmara and Massawa were supplied by air.") == [
        ("place", "Asmara"), ("place", "Massawa")]
    # the same name without such words is not tagged (a town's name may be a surname)
    assert found(tagger, "Massawa was mentioned twice.") == []
    assert found(tagger, "The talk was held at Massawa's request.") == []


def test_regions_subdivisions_and_mongolian_spellings(tagger: NameTagger) -> None:
    assert found(tagger, "The workers of Upper Silesia and of Bohemia.") == [
        ("place", "Upper Silesia"), ("place", "Bohemia")]
    # ISO 3166-2 names (Quảng Ngãi), folded; GeoNames' Hövsgöl as English writes it
    assert found(tagger, "He came from Quang Ngai and went to Khövsgöl.") == [
        ("place", "Quang Ngai"), ("place", "Khövsgöl")]
    # a gazetteer name after a hyphen is part of another name, not a place alone
    assert found(tagger, "the Rhine-Westphalia plan") == []


def test_organisations_by_the_period_s_forms(tagger: NameTagger) -> None:
    assert found(tagger, "The Knesset and the Warsaw Treaty member states.") == [
        ("org", "Knesset"), ("org", "Warsaw Treaty")]
    assert found(tagger, "The Warsaw Treaty of 1955 was signed.") == [("place", "Warsaw")]
    assert found(tagger, "the Ministry of Science and Technology") == [
        ("org", "Ministry of Science and Technology")]
    assert found(tagger, "the Jamiat-i Islami of the north") == [("org", "Jamiat-i Islami")]
    assert found(tagger, "the Royal Government of Laos") == [("org", "Royal Government of Laos")]
    # an internal unit by its number is no organisation's name (the gold's convention)
    assert found(tagger, "a note of the Second Territorial Department") == []


def test_a_state_by_its_adjective_and_form(tagger: NameTagger) -> None:
    assert found(tagger, "the Bulgarian People's Republic and the Syrian Arab Republic") == [
        ("place", "Bulgarian People's Republic"), ("place", "Syrian Arab Republic")]


def test_persons_by_a_role_in_lower_case_or_an_office_after(tagger: NameTagger) -> None:
    assert found(tagger, "the Angolan journalist Manuel Rui Monteiro wrote") == [
        ("person", "Manuel Rui Monteiro")]
    assert found(tagger, "He met Zaid Rifai, head of the royal court, twice.") == [
        ("person", "Zaid Rifai")]
    # a place before the office stays a place
    assert found(tagger, "In Addis Ababa, the head of the mission said") == [("place", "Addis Ababa")]


def test_a_given_name_after_a_three_word_name(tagger: NameTagger) -> None:
    document = DocumentNames()
    found(tagger, "Comrade Teferi Bante Gebre arrived.", document)
    assert ("person", "Teferi") in found(tagger, "Teferi spoke first.", document)

"""Name shapes the gold reports 57-64 brought in (issue #11), one rule each with its
counter-cases, on the real tagger with the sample's registers and the shipped gazetteer."""

from __future__ import annotations

from tests.names.names_support import found
from toolkit.encoding.names import NameTagger


def test_an_organisation_known_by_one_word_speaks_as_an_organisation(tagger: NameTagger) -> None:
    assert found(tagger, "Fatah said in a statement that the talks had failed.") == [("org", "Fatah")]
    assert found(tagger, "The reports of Xinhua and the militias of the Phalange.") == [
        ("org", "Xinhua"), ("org", "Phalange")]
    # a people's adjective stays outside; an adjective of the name's own is inside
    assert found(tagger, "the Lebanese Phalange and a Rural Solidarity of their own") == [
        ("org", "Phalange"), ("org", "Rural Solidarity")]
    assert found(tagger, "the meeting of the Socialist International") == [("org", "Socialist International")]


def test_solidarity_the_noun_is_no_organisation(tagger: NameTagger) -> None:
    assert found(tagger, "Solidarity with the people of Vietnam was expressed.") == [("place", "Vietnam")]
    assert found(tagger, "the solidarity of the socialist countries") == []
    assert found(tagger, "Since then Solidarity has registered ten million members.") == [
        ("org", "Solidarity")]


def test_a_military_region_is_a_command(tagger: NameTagger) -> None:
    assert found(tagger, "units of the Kunming Military Region crossed the border") == [
        ("org", "Kunming Military Region")]
    # the head noun alone still makes a place
    assert found(tagger, "the farms of the Kunming Region") == [("place", "Kunming Region")]


def test_an_arabic_place_by_its_first_word(tagger: NameTagger) -> None:
    assert found(tagger, "the camps of Tel al-Zaatar and Jisr al-Basha were surrounded") == [
        ("place", "Tel al-Zaatar"), ("place", "Jisr al-Basha")]
    # an Arabic name with its article stays a person's
    assert found(tagger, "He met Murtada al-Hadithi in the evening.") == [("person", "Murtada al-Hadithi")]


def test_a_two_letter_initial_of_a_cyrillic_letter(tagger: NameTagger) -> None:
    assert found(tagger, "CDE. ZH. ZHIVKOV: The station shows what we can do.") == [("person", "ZH. ZHIVKOV")]
    assert found(tagger, "He met Zh. Zhivkov and Ch. Chervenkov.") == [
        ("person", "Zh. Zhivkov"), ("person", "Ch. Chervenkov")]
    # (no other pair of capitals with a full stop is an initial)
    assert found(tagger, "See the CC. resolution.") == []


def test_a_first_name_alone_is_no_person(tagger: NameTagger) -> None:
    # the word after the usual first name is a title that is also a surname: both are the name
    assert found(tagger, "the Prime Minister of Grenada, Maurice Bishop, was there") == [
        ("place", "Grenada"), ("person", "Maurice Bishop")]
    assert found(tagger, "the units of Ahmad Shah Massoud held the valley") == [
        ("person", "Ahmad Shah Massoud")]
    # the word after it is no name: nothing (it was `Henry` before)
    assert found(tagger, "when Henry Communist leaders met") == []


def test_an_elided_particle_is_part_of_the_name(tagger: NameTagger) -> None:
    assert found(tagger, "Foreign Minister Miguel d'Escoto Brockmann will travel.") == [
        ("person", "Miguel d'Escoto Brockmann")]


def test_a_portfolio_is_no_speaker_and_spoke_is_a_speech_verb(tagger: NameTagger) -> None:
    assert found(tagger, "The Minister of the Interior, Tomás Borge Martínez, told me so.") == [
        ("person", "Tomás Borge Martínez")]
    assert found(tagger, "Kardelj spoke about it last year.") == [("person", "Kardelj")]
    assert found(tagger, "The spokesman spoke about it.") == []


def test_heads_of_juntas_shipyards_newspapers_and_south_asian_parties(tagger: NameTagger) -> None:
    assert found(tagger, "the Government Junta of National Reconstruction spoke") == [
        ("org", "Government Junta of National Reconstruction")]
    assert found(tagger, "the strikes at the Lenin Shipyard ended") == [("org", "Lenin Shipyard")]
    assert found(tagger, "Helsingin Sanomat wrote that the Jatiya Samajtantrik Dal was banned") == [
        ("org", "Helsingin Sanomat"), ("org", "Jatiya Samajtantrik Dal")]
    # `General` before `Assembly` is no title; before a name it still is
    assert found(tagger, "Gromyko replied in the General Assembly that General Yepishev agreed") == [
        ("person", "Gromyko"), ("org", "General Assembly"), ("person", "Yepishev")]


def test_a_person_after_a_label_of_the_record(tagger: NameTagger) -> None:
    # the surname is a Hungarian place of the gazetteer (Békés): the label says it is a person
    assert found(tagger, "Interviewer: Csaba Bekes") == [("person", "Csaba Bekes")]
    assert found(tagger, "Recorded by: G. Petrov") == [("person", "G. Petrov")]
    # a place after another label stays a place
    assert found(tagger, "Place: Bekes") == [("place", "Bekes")]


def test_a_peoples_comrades_and_forces_are_no_names(tagger: NameTagger) -> None:
    # a telegram in capitals: the cues read it in mixed case
    assert found(tagger, "THE VIETNAMESE COMRADES EXPECT FURTHER RAIDS STOP") == []
    assert found(tagger, "A FIRST STAGE LIMITED TO US AND SOVIET FORCES.") == []
    # a plural title before names, and an organisation's own name of forces, still are
    assert found(tagger, "Comrades Szabó and Kiss met the Soviet Armed Forces delegation.") == [
        ("person", "Szabó"), ("person", "Kiss"), ("org", "Soviet Armed Forces")]


def test_a_role_after_a_possessive_or_a_high_commissioner_between_commas(tagger: NameTagger) -> None:
    assert found(tagger, "The party went underground, and its leader Moni Singh left.") == [
        ("person", "Moni Singh")]
    assert found(tagger, "the Indian high commissioner, Samar Sen, was told") == [("person", "Samar Sen")]
    # no name after the role: nothing
    assert found(tagger, "its leader and his deputy were arrested") == []


def test_a_mountain_pass_by_its_name(tagger: NameTagger) -> None:
    assert found(tagger, "the convoys on the road to the Salang pass were attacked") == [("place", "Salang")]
    # a pass that is a paper names no place
    assert found(tagger, "He gave me a pass for the visit.") == []

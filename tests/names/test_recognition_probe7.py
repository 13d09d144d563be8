"""Rules the gold reports 57-72 brought in (issue #11), each with its counter-cases, on the real
tagger with the sample's registers and the shipped gazetteer; the sentences are new (not the
gold's)."""

from __future__ import annotations

import pytest

from tests.names.names_support import found, names, sample_context
from toolkit.encoding.names import DocumentNames, NameTagger
from toolkit.names import figures
from toolkit.names.gazetteer import COMMON_WORDS
from toolkit.names.vocabulary import NOT_NAMES
from toolkit.readers import ReadContext


@pytest.fixture(scope="module")
def context() -> ReadContext:
    return sample_context()


def test_the_periods_figures_are_persons_without_a_cue(tagger: NameTagger) -> None:
    assert found(tagger, "Nyerere and Kaunda had written to Honecker about it.") == [
        ("person", "Nyerere"), ("person", "Kaunda"), ("person", "Honecker")]
    assert found(tagger, "Boumediene met Pompidou's envoy.") == [("person", "Boumediene"), ("person", "Pompidou")]
    # a family name beside another name word is someone else's, or a longer name's part
    assert ("person", "Castro") not in found(tagger, "Then Juan Castro came with Castro Ruz.")
    assert found(tagger, "the Brandt Commission") == [("org", "Brandt Commission")]
    assert found(tagger, "the dam at Lake Nasser") == [("place", "Lake Nasser")]
    # names the list keeps whole only: no `Smith`, `Begin`, `Moro` alone
    assert all(kind != "person" for kind, _ in found(tagger, "the timber that Smith sold. Begin with the Moro rebels."))
    assert [name for name in found(tagger, "the rebels of the Moro front; Ian Smith") if name[0] == "person"] == [
        ("person", "Ian Smith")]


def test_the_figures_list_names_no_common_word_alone() -> None:
    alone = [form for form, bare in figures.forms().items() if bare]
    assert len(alone) > 200
    for form in alone:
        assert form[:1].isupper() or form.startswith("de "), form
        assert form not in NOT_NAMES and form not in COMMON_WORDS, form


def test_religious_malay_and_peers_titles(tagger: NameTagger) -> None:
    assert found(tagger, "Ayatollah Taleghani calmed the crowd; Tunku Abdul Rahman flew home.") == [
        ("person", "Taleghani"), ("person", "Abdul Rahman")]
    assert found(tagger, "the Popular Front of Bishop Desmond Tutu") == [
        ("org", "Popular Front"), ("person", "Desmond Tutu")]
    # a title word that is a surname stays the surname after a first name
    assert found(tagger, "Maurice Bishop, the Prime Minister, came.") == [("person", "Maurice Bishop")]
    assert found(tagger, "The Cardinal and the Imam did not come.") == []


def test_a_first_name_and_up_to_three_name_words(tagger: NameTagger) -> None:
    assert found(tagger, "the minister, José Luis Rodríguez de la Fuente, said") == [
        ("person", "José Luis Rodríguez de la Fuente")]
    assert found(tagger, "Enrico Berlinguer Foundation") == [("org", "Enrico Berlinguer Foundation")]
    assert found(tagger, "the port of Santiago de Cuba") == [("place", "Santiago de Cuba")]


def test_portfolios_and_a_confederation_are_no_persons(tagger: NameTagger) -> None:
    assert found(tagger, "The Minister of Economy, Pedro Ruiz Gómez, announced the plan.") == [
        ("person", "Pedro Ruiz Gómez")]
    assert found(tagger, "The General Confederation of Labour struck.") == [
        ("org", "General Confederation of Labour")]
    assert found(tagger, "General Arturo Pérez said") == [("person", "Arturo Pérez")]


def test_a_town_before_and_and_a_place(tagger: NameTagger) -> None:
    assert found(tagger, "ships for Leningrad and Murmansk") == [("place", "Leningrad"), ("place", "Murmansk")]
    # a person the list or a cue names is no town, and only the whole run of capitals is tried
    assert found(tagger, "a letter for Kreisky and Murmansk") == [("person", "Kreisky"), ("place", "Murmansk")]
    assert found(tagger, "for President Carter and Moscow")[0] == ("person", "Carter")


def test_a_gazetteer_word_inside_a_longer_name_is_no_place(tagger: NameTagger) -> None:
    assert found(tagger, "the workers of Sesto San Giovanni voted") == []
    assert found(tagger, "In Hanoi Pham Van Dong received them.")[0] == ("place", "Hanoi")
    assert ("place", "Moscow") in found(tagger, "They met in the Moscow Kremlin.")


def test_fort_names_a_place(tagger: NameTagger) -> None:
    assert found(tagger, "the camps near Fort Jameson") == [("place", "Fort Jameson")]
    assert found(tagger, "the old fort above the river") == []


def test_acronyms_with_a_hyphen_and_before_a_comma(tagger: NameTagger) -> None:
    assert found(tagger, "the SWANU-PF of the south") == [("org", "SWANU-PF")]
    assert found(tagger, "the MPLA-Party of Labour said") == [("org", "MPLA-Party of Labour")]
    assert found(tagger, "the director of UNICEF, who came") == [("org", "UNICEF")]
    assert found(tagger, "JOURNAL\nof the embassy") == []


def test_organisations_known_by_their_one_name(tagger: NameTagger) -> None:
    assert found(tagger, "Confindustria and the Histadrut agreed; the Fedayin kept their arms.") == [
        ("org", "Confindustria"), ("org", "Histadrut"), ("org", "Fedayin")]
    assert found(tagger, "the vote of the Christian Democracy") == [("org", "Christian Democracy")]
    assert found(tagger, "a Christian democracy of the west") == []
    assert found(tagger, "the newspaper l'Humanité wrote") == [("org", "l'Humanité")]


def test_a_shared_family_names_other_person_is_named_whole(tagger: NameTagger) -> None:
    document = DocumentNames()
    found(tagger, "President Gamal Haddad was killed.", document)
    assert found(tagger, "Then Samir Haddad took over.", document) == [("person", "Samir Haddad")]
    assert found(tagger, "Yesterday Haddad said nothing; Comrade Haddad came.", document) == [
        ("person", "Haddad"), ("person", "Haddad")]


def test_a_fields_word_and_and_before_an_organisation(tagger: NameTagger) -> None:
    assert found(tagger, "the Food and Agriculture Organization met") == [
        ("org", "Food and Agriculture Organization")]
    assert found(tagger, "Cuba and Vietnam Workers' Party") == [("place", "Cuba"), ("org", "Vietnam Workers' Party")]


def test_a_town_alone_in_a_memos_post_field(context: ReadContext) -> None:
    body = ("TELEGRAM\nFrom: Dacca\nTo: Ministry of Foreign Affairs, Prague\n"
            "Subject: The coup\nThe army obeyed.\n")
    assert ("placeName", "Dacca", None) in names(context, body)
    # a person in the field stays a person; a field of another label is not read so
    body = "MEMORANDUM\nFrom: Second Secretary L. Tóth\nSubject: Dacca\nThe army obeyed.\n"
    found_names = names(context, body)
    assert ("persName", "L. Tóth", None) in found_names
    assert ("placeName", "Dacca", None) not in found_names


def test_a_name_opening_a_wrapped_line_is_read_with_the_line_before(tagger: NameTagger) -> None:
    mark = "\x0b"
    text = f"the results gave the{mark}SWANU-PF of the south a seat, and{mark}the votes"
    assert [(text[s:e], element.tag.split("}")[1]) for s, e, element in tagger.across_breaks(text, mark)] == [
        ("SWANU-PF", "orgName")]
    # a name inside a line is left to the line's tagging; a text without a break gives none
    assert tagger.across_breaks(f"the SWANU-PF of the south{mark}and more", mark) == []
    assert tagger.across_breaks("the SWANU-PF of the south", mark) == []

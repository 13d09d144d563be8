"""Rules the gold reports 81-88 brought in (issue #11), each with its counter-cases, on the real
tagger with the sample's registers and the shipped gazetteer; the sentences are new (not the
gold's)."""

from __future__ import annotations

from tests.names.names_support import found as found_in
from toolkit.encoding.names import DocumentNames, NameTagger
from toolkit.names import figures


def found(tagger: NameTagger, text: str) -> list[tuple[str, str]]:
    """As in a document: the text's own cues run (a DocumentNames)."""
    return found_in(tagger, text, DocumentNames())


def test_a_tab_parts_the_columns_of_a_table(tagger: NameTagger) -> None:
    assert found(tagger, "Rear Admiral R. Burke Holt\tUnited Nations Command\tmember") == [
        ("person", "R. Burke Holt"), ("org", "United Nations Command")]
    # without a tab nothing changes
    assert found(tagger, "Admiral Holt of the United Nations Command") == [
        ("person", "Holt"), ("org", "United Nations Command")]


def test_first_names_of_irish_british_yugoslav_indian_and_african_politicians(tagger: NameTagger) -> None:
    assert found(tagger, "Later Garret Quinlan met Savka Ilić, Jagjivan Desai and Obafemi Adeyemi.") == [
        ("person", "Garret Quinlan"), ("person", "Savka Ilić"), ("person", "Jagjivan Desai"),
        ("person", "Obafemi Adeyemi")]
    # a first name alone is still no name
    assert found(tagger, "Brian did not come.") == []


def test_a_first_name_ends_no_organisations_tail(tagger: NameTagger) -> None:
    assert found(tagger, "the Labour Party of Joe Dunne and Gerry Boyle") == [
        ("org", "Labour Party"), ("person", "Joe Dunne"), ("person", "Gerry Boyle")]
    # two abstract nouns still end the tail
    assert found(tagger, "the Ministry of Trade and Industry") == [("org", "Ministry of Trade and Industry")]


def test_a_partys_adjectives_before_and(tagger: NameTagger) -> None:
    assert found(tagger, "the Social Democratic and Liberal Party") == [("org", "Social Democratic and Liberal Party")]
    # a people's adjective before `and` is none
    assert found(tagger, "the Soviet and Hungarian Party") == [("org", "Hungarian Party")]


def test_figures_whatever_their_diacritics(tagger: NameTagger) -> None:
    assert ("Moise Tshombe", False) in figures.forms().items()
    assert found(tagger, "A letter from Moïse Tshombe; Houphouet-Boigny agreed.") == [
        ("person", "Moïse Tshombe"), ("person", "Houphouet-Boigny")]
    assert figures.plain("Habré, Kučan") == "Habre, Kucan"
    # the case is kept: a lower-case word is no figure
    assert found(tagger, "the habre of it") == []


def test_staff_senate_volunteers_and_express_as_heads(tagger: NameTagger) -> None:
    assert found(tagger, "the Chief of the General Staff of the Polish Army spoke") == [
        ("org", "General Staff of the Polish Army")]
    assert found(tagger, "the Italian Senate, the Irish Volunteers and the Daily Express") == [
        ("org", "Italian Senate"), ("org", "Irish Volunteers"), ("org", "Daily Express")]
    # `General` before `Staff` is no title; a chief of staff is an office, no name
    assert found(tagger, "His chief of staff came.") == []


def test_a_newspaper_named_after_its_city(tagger: NameTagger) -> None:
    assert found(tagger, "the Bangkok Post and the Toronto Star wrote about Bangkok") == [
        ("org", "Bangkok Post"), ("org", "Toronto Star"), ("place", "Bangkok")]
    # no place before it, or a post office: no newspaper
    assert found(tagger, "They shelled the Border Post.") == []
    assert found(tagger, "a Kabul Post box") == [("place", "Kabul")]


def test_french_heads_first_and_a_house_of_parliament(tagger: NameTagger) -> None:
    assert found(tagger, "the Parti Démocratique de Guinée and the Rassemblement Démocratique Africain") == [
        ("org", "Parti Démocratique de Guinée"), ("org", "Rassemblement Démocratique Africain")]
    assert found(tagger, "in the House of Lords Edward Short said") == [
        ("org", "House of Lords"), ("person", "Edward Short")]
    # a house without `of` and a name is none
    assert found(tagger, "the House rose; a house of cards") == []


def test_strips_corridors_and_grounds(tagger: NameTagger) -> None:
    assert found(tagger, "from the Wakhan Corridor to the Sirte Strip and the Maidan Grounds") == [
        ("place", "Wakhan Corridor"), ("place", "Sirte Strip"), ("place", "Maidan Grounds")]
    assert found(tagger, "a strip of land near the grounds") == []


def test_apostrophe_names(tagger: NameTagger) -> None:
    assert found(tagger, "Sean O'Casey met Terence O'Neill; O'Casey left.") == [
        ("person", "Sean O'Casey"), ("person", "Terence O'Neill"), ("person", "O'Casey")]


def test_long_acronyms_and_weapons(tagger: NameTagger) -> None:
    assert found(tagger, "the rebels of FROLINAT and of UNITA met") == [("org", "FROLINAT"), ("org", "UNITA")]
    # a weapon's type is no organisation; a heading in capitals none either
    assert found(tagger, "they sent SAM missiles and AWACS aircraft") == []
    assert found(tagger, "STRICTLY CONFIDENTIAL") == []


def test_no_place_after_operation(tagger: NameTagger) -> None:
    assert found(tagger, "Operation Manta began in Abéché.") == [("place", "Abéché")]


def test_towns_after_took_and_left_for(tagger: NameTagger) -> None:
    assert found(tagger, "The rebels took Kabalo and he left for Manono.") == [
        ("place", "Kabalo"), ("place", "Manono")]
    # a person after `took` is no town
    assert ("place", "Kabalo") not in found(tagger, "Kabalo took the floor.")


def test_rhodesia_and_more_one_word_bodies(tagger: NameTagger) -> None:
    assert found(tagger, "Rhodesia and Nyasaland; Caritas, Oxfam and Borba") == [
        ("place", "Rhodesia"), ("place", "Nyasaland"), ("org", "Caritas"), ("org", "Oxfam"), ("org", "Borba")]


def test_places_after_a_plural_noun_and_near(tagger: NameTagger) -> None:
    assert found(tagger, "in the districts of Tamale and Bolgatanga, and near Kpandu.") == [
        ("place", "Tamale"), ("place", "Bolgatanga"), ("place", "Kpandu")]
    # a possessive, a word that is no name, two capitalised words: none of this rule's
    assert found(tagger, "near Christmas; near Mr. Oduya") == [("person", "Oduya")]
    assert ("place", "Mboya") not in found(tagger, "the car waited near Mboya's house")


def test_a_family_name_that_is_a_word_beside_another_figure(tagger: NameTagger) -> None:
    assert found(tagger, "He said that Ford and Brezhnev had agreed; Wilson, Brandt and Kreisky too.") == [
        ("person", "Ford"), ("person", "Brezhnev"), ("person", "Wilson"), ("person", "Brandt"),
        ("person", "Kreisky")]
    # alone, or beside another such name, it is no person
    assert found(tagger, "the Ford plant and the Carter report; Carter and Ford") == []


def test_state_companies_known_by_one_word(tagger: NameTagger) -> None:
    assert found(tagger, "the mines of Gécamines and the gas of Sonatrach") == [
        ("org", "Gécamines"), ("org", "Sonatrach")]


def test_a_wings_adjective_before_an_acronym(tagger: NameTagger) -> None:
    assert found(tagger, "the Provisional IRA and the Official IRA") == [
        ("org", "Provisional IRA"), ("org", "Official IRA")]
    # a word that is never a name, or no `the` before the adjective: the acronym alone
    assert found(tagger, "the Soviet KGB; Unofficial NATO sources") == [("org", "KGB"), ("org", "NATO")]


def test_an_and_joined_organisation_after_a_later_mention(tagger: NameTagger) -> None:
    """The document's later mention of a person chooses the spans again: the organisation's
    joined modifiers stay (`Social Democratic and Labour Party` after `O'Brien` again)."""
    document = DocumentNames()
    tagger.spans("Conor Cruise O'Brien came.", document)
    text = "O'Brien left. The Social Democratic and Labour Party met."
    assert [text[s.start:s.end] for s in tagger.spans(text, document)] == [
        "O'Brien", "Social Democratic and Labour Party"]

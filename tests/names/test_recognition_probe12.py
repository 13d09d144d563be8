"""Rules the gold reports 73-80 brought in (issue #11), each with its counter-cases, on the real
tagger with the sample's registers and the shipped gazetteer; the sentences are new (not the
gold's)."""

from __future__ import annotations

from tests.names.names_support import found as found_in
from toolkit.encoding.names import DocumentNames, NameTagger


def found(tagger: NameTagger, text: str) -> list[tuple[str, str]]:
    """As in a document: the text's own cues run (a DocumentNames)."""
    return found_in(tagger, text, DocumentNames())


def test_first_names_of_greek_turkish_hungarian_and_sinhalese_politicians(tagger: NameTagger) -> None:
    assert found(tagger, "Later Andreas Papandreou met Turgut Özal and György Aczél.") == [
        ("person", "Andreas Papandreou"), ("person", "Turgut Özal"), ("person", "György Aczél")]
    # a later bare family name is the person's; a first name alone is no name
    assert found(tagger, "We met Dudley Perera at noon. Perera left. Andreas did not come.") == [
        ("person", "Dudley Perera"), ("person", "Perera")]
    # no person in the islands' or the hall's name (words left out of the list)
    assert ("person", "Solomon Islands") not in found(tagger, "the Solomon Islands and the Albert Hall")


def test_indochinas_movements_by_two_words(tagger: NameTagger) -> None:
    assert found(tagger, "Units of the Viet Minh and of the Khmer Issarak met the Pathet Lao.") == [
        ("org", "Viet Minh"), ("org", "Khmer Issarak"), ("org", "Pathet Lao")]
    assert found(tagger, "the Khmer Rouge of Khieu Samphan") == [("org", "Khmer Rouge"), ("person", "Khieu Samphan")]
    # the people's adjective alone is no organisation
    assert found(tagger, "The Khmer peasants and the Lao language.") == []


def test_one_word_agencies_parties_and_arab_newspapers(tagger: NameTagger) -> None:
    assert found(tagger, "Sinhua and Antara reported that al-Akhbar and the Kuomintang agreed.") == [
        ("org", "Sinhua"), ("org", "Antara"), ("org", "al-Akhbar"), ("org", "Kuomintang")]
    assert found(tagger, "the Akhbar of the day") == []


def test_english_newspapers_by_their_head_word(tagger: NameTagger) -> None:
    assert found(tagger, "It was printed by the Rand Daily Mail, the Financial Times and the China Daily.") == [
        ("org", "Rand Daily Mail"), ("org", "Financial Times"), ("org", "China Daily")]
    assert found(tagger, "the Kabul Times quoted the Moscow News and the Daily Telegraph.") == [
        ("org", "Kabul Times"), ("org", "Moscow News"), ("org", "Daily Telegraph")]
    # `Post` is no newspaper's head word: a border post is no organisation
    assert found(tagger, "They shelled the Border Post.") == []
    # a head word opening a sentence without a name before it is none
    assert found(tagger, "News of the defeat came late. Times were hard. Daily reports arrived.") == []


def test_south_asian_fronts_and_councils(tagger: NameTagger) -> None:
    assert found(tagger, "the Mahajana Eksath Peramuna and the Vishwa Hindu Parishad") == [
        ("org", "Mahajana Eksath Peramuna"), ("org", "Vishwa Hindu Parishad")]


def test_land_and_sea_forms_before_of(tagger: NameTagger) -> None:
    assert found(tagger, "The landing at the Bay of Pigs; tankers in the Strait of Hormuz and the Gulf of Aqaba.") == [
        ("place", "Bay of Pigs"), ("place", "Strait of Hormuz"), ("place", "Gulf of Aqaba")]
    # lower case, or no capitalised name after `of`, is no place
    assert found(tagger, "the plain of the river, the Valley of the shadow; a sea of troubles") == []


def test_an_initial_ends_an_organisations_tail(tagger: NameTagger) -> None:
    assert found(tagger, "the Socialist Party of K. R. Narayanan") == [
        ("org", "Socialist Party"), ("person", "K. R. Narayanan")]
    # an abbreviation with inner full stops still belongs to the tail (its last full stop, as before,
    # the sentence's)
    assert found(tagger, "the Communist Party of the U.S.A. met.") == [("org", "Communist Party of the U.S.A")]


def test_an_iberian_family_name_without_its_particle(tagger: NameTagger) -> None:
    assert found(tagger, "Admiral Américo de Tomás spoke. Tomás left.") == [
        ("person", "Américo de Tomás"), ("person", "Tomás")]
    # a Dutch particle stays, and a longer family name is not cut to its last word
    assert found(tagger, "Max van der Stoel spoke. Stoel was not named.") == [("person", "Max van der Stoel")]
    assert found(tagger, "José Martínez de Hoz spoke. Hoz left.") == [("person", "José Martínez de Hoz")]


def test_britain_and_the_period_islands(tagger: NameTagger) -> None:
    assert found(tagger, "Britain sent ships to Corsica, Crete and the Azores.") == [
        ("place", "Britain"), ("place", "Corsica"), ("place", "Crete"), ("place", "Azores")]
    assert found(tagger, "The British fleet and a Cretan village.") == []

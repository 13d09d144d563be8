"""Organisations and places whose shape the other cues misread (issue #11, gold reports 57-64),
each searched only when its word is in the text (the trigger pass of toolkit.names.cues):

- parties, movements, fronts, agencies and state companies known by one word (`Fatah`, `Phalange`,
  `Xinhua`, `Kuomintang`, `al-Ahram`, `Gécamines`, `Sonatrach`), or by a people's adjective and a noun (`Khmer Rouge`, `Pathet Lao`):
  no head noun, no acronym, and before `said` they looked like a person. A closed list, as the
  field's gazetteers of organisations are; a word that is also a common noun (`Solidarity`)
  is none before its complement (`Solidarity with Vietnam`); a capitalised adjective before
  it joins it (`Rural Solidarity`);
- a military region or district (`Shenyang Military Region`): a command, an organisation,
  not the place its head noun `Region` would make it;
- Arabic place names by their first word (`Tel al-Zaatar`, `Jisr al-Basha`, `Ras al-Khaimah`):
  the article after them made them a person's name.
"""

from __future__ import annotations

import re

from toolkit.names.letters import APOS, L, U

# one word each; the period's reports name them so (several spellings kept)
ONE_WORD_ORGS = frozenset("""
Fatah Fateh Saiqa Phalange Phalanges Kataeb Amal Hezbollah Hizbollah Hizbullah Murabitun Likud
Mapam Mapai Herut Tudeh Fedayeen Mojahedin Mujahedin Polisario Fretilin Derg Dergue Inkatha
Komeito Sohyo Solidarity Solidarność Solidarnosc Xinhua Tanjug Reuters Securitate Stasi
Fedayin Fedaiyan Confindustria Histadrut Intersindical Mossad
Tupamaros Montoneros Baath Ba'ath Ba’ath Comecon Otechestven Agerpres Interpress Novosti Kyodo
Kuomintang Hsinhua Sinhua Antara Bernama al-Ahram Al-Ahram al-Akhbar Al-Akhbar
Caritas Oxfam Misereor Borba Politika Vjesnik Izvestia Izvestiya Balubakat Abako Conakat
Gécamines Gecamines Sonatrach Aramco Pemex Petrobras Sonangol Codelco Sonarep
""".split())
# Indochina's movements by two words, the first a people's (`Khmer`, `Viet`, `Lao`) which alone
# is an adjective, no name: the pair is the movement's (a people's adjective and a noun)
TWO_WORD_ORGS = ("Khmer Rouge", "Khmer Rouges", "Khmer Serei", "Khmer Issarak", "Pathet Lao", "Lao Issara",
                 "Viet Minh", "Viet Cong", "Vietcong", "Vietminh")
# the English nouns among them: no organisation before their complement
_COMMON_NOUNS = frozenset({"Solidarity"})
_WORDS = "|".join(sorted((re.escape(w) for w in ONE_WORD_ORGS), key=len, reverse=True))
_PAIRS = "|".join(w.replace(" ", r"\s") for w in TWO_WORD_ORGS)
ONE_WORD_ORG = re.compile(rf"(?<![\w{APOS}.-])(?:{_PAIRS}|{_WORDS}|(?:Socialist|Communist|Liberal)\sInternational|"
                          # Italian parties by their English names (`the Christian Democracy`)
                          rf"(?:Christian|Proletarian)\sDemocracy)"
                          rf"(?![\w{APOS}-])")
# an adjective of the name's own before it (`Rural Solidarity`, `Revolutionary Fedayeen`)
_MODIFIER = re.compile(rf"(?<![\w{APOS}.-])(?P<mod>{U}{L}+(?:al|ar|ary|ive|ed|ist))\s$")
# the trigger pass's keys (a key of ` International` alone opened the search in most reports)
GATE_WORDS = (*ONE_WORD_ORGS, *TWO_WORD_ORGS, "Socialist International", "Communist International", "Liberal International",
              "Christian Democracy", "Proletarian Democracy")
_COMPLEMENT = re.compile(r"\s(?:with|of(?!\s(?:its|their|his|her|our)\sown\b)|for|among|between|towards|to|"
                         r"and\sfriendship)\b")
# a people's adjective before the word is no part of the name (`the Lebanese Phalange`)
_DEMONYM_LIKE = re.compile(rf"{U}{L}+(?:an|ian|ese|ish|ic|i)")

MILITARY_REGION = re.compile(
    rf"(?<![\w{APOS}.-])(?P<n>(?:{U}{L}+\s){{1,2}}Military\s(?:Region|District|Area|Command))(?![\w{APOS}-])")

# first words of Arabic place names (hill, bridge, spring, cape, monastery, well, valley,
# mountain, caravanserai, gate, village, house, palace, meadow)
ARABIC_PLACE_WORDS = frozenset("""Tel Tell Jisr Ain Ayn Ras Deir Dayr Bir Wadi Jebel Jabal Khan Bab
Kafr Beit Bayt Qasr Marj Majdal Nahr Sidi Hammam""".split())


def one_word_orgs(text: str, not_names: frozenset[str]) -> list[tuple[int, int]]:
    """The spans of the one-word organisations of `text` (with a capitalised word before
    joined when it is an adjective (`Rural`, `Revolutionary`, `United`: not `In Beirut Amal`),
    unless it is no name: `the Lebanese Phalange` is the Phalange)."""
    spans = []
    for match in ONE_WORD_ORG.finditer(text):
        start, end = match.span()
        if match.group() in _COMMON_NOUNS and _COMPLEMENT.match(text, end):
            continue
        before = _MODIFIER.search(text, max(0, start - 20), start) if start > 2 else None
        if before is not None:
            modifier = before.group("mod")
            opening = before.start() == 0 or text[before.start() - 2:before.start()] in (". ", ".\n")
            if not (modifier in not_names or _DEMONYM_LIKE.fullmatch(modifier) or opening):
                start = before.start()
        spans.append((start, end))
    return spans


def arabic_place(name: str) -> bool:
    """Whether an Arabic name's first word makes it a place (`Tel al-Zaatar`)."""
    return name.split(maxsplit=1)[0] in ARABIC_PLACE_WORDS

"""Cues whose word comes before the name (issue #11, gold reports 41-48), searched only when
their word is in the text (most texts have none):

- a place by a head noun written first (`Lake Baikal`, `Mount Kenya`, `Estadio Nacional`,
  `Playa Girón`): English and Spanish land forms and buildings;
- a Spanish or Portuguese organisation by its head noun written first (`Unidad Popular`,
  `Partido Socialista`, `Frente Amplio`, `Movimiento de Izquierda Revolucionaria`);
- an organisation after a lower-case noun of its kind (`the trade union federation Sohyo`,
  `the union Solidarity`), as `the newspaper X`, or before it (`the Khalq faction`);
- a newspaper by what is written in it (`wrote in Akahata`, `an article in Pravda`);
- a person between commas after an office (`the chairman of its presidium, Fuwa Tetsuzo,`).
  German one-word lakes (`Werbellinsee`) are cues.py's streets.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from toolkit.names.cues import NOT_NAMES, Cue
from toolkit.names.letters import APOS, L, U

_WORD = rf"{U}{L}+(?:-{U}{L}+)*"
_DE = r"(?:(?:de|del|de la|de los|de las|do|da|dos|das)\s)?"
_PLACE_FIRST = ("Lake", "Mount", "Cape", "Bad", "Camp", "Estadio", "Palacio", "Plaza", "Playa", "Puerto",
                "Cerro", "Bahía", "Río", "Isla", "Lago", "Praça", "Palácio")
_PLACE = re.compile(rf"(?<![\w{APOS}.-])(?P<n>(?:{'|'.join(_PLACE_FIRST)})\s{_DE}{_WORD}"
                    rf"(?:\s{_WORD})?)(?![\w{APOS}-])")
_ORG_FIRST = ("Unidad", "Partido", "Frente", "Movimiento", "Unión", "Confederación", "Juventud",
              "Ejército", "Fuerzas", "Partit", "Partito", "Movimento", "União", "Federación")
_ORG = re.compile(rf"(?<![\w{APOS}.-])(?P<n>(?:{'|'.join(_ORG_FIRST)})\s{_DE}{_WORD}"
                  rf"(?:\s{_DE}{_WORD}){{0,2}})(?![\w{APOS}-])")
_KIND_NOUNS = ("federation", "union", "faction", "organisation", "organization", "movement")
_KIND = re.compile(rf"\b(?:{'|'.join(_KIND_NOUNS)})\s(?P<n>{_WORD}(?:\s{_WORD})?)(?![\w{APOS}-])")
# a faction or wing by its name before the noun (`the Khalq faction`, `Khalq and Parcham factions`)
_FACTION = re.compile(rf"(?<![\w{APOS}.-])(?P<n>{_WORD})(?:\s(?:and|or)\s(?P<m>{_WORD}))?\s"
                      rf"(?:factions?|wings?)\b")
_WRITTEN_IN = re.compile(rf"\b(?:wrote|published|printed|article|editorial|commentary|appeared)"
                         rf"\s(?:an?\s[a-z]+\s)?in\s(?P<n>{_WORD}(?:\s{_WORD})?)(?![\w{APOS}-])")
_WRITTEN_WORDS = ("wrote in", "published in", "printed in", "article in", "editorial in",
                  "commentary in", "appeared in")


_OFFICES = ("chairman", "head", "leader", "secretary", "minister", "president", "director", "chief",
            "deputy", "commander", "ambassador", "envoy", "editor", "spokesman")
_OFFICE_COMMAS = re.compile(rf"\b(?:{'|'.join(_OFFICES)})\b[^,.;:\n]{{0,60}},\s(?P<n>{_WORD}(?:\s{_WORD}){{1,3}}),")


def extra_cues(text: str) -> Iterator[Cue]:
    """The cues of the module's docstring, in a fixed order."""
    if any(word + " " in text for word in _PLACE_FIRST):
        for match in _PLACE.finditer(text):
            yield Cue(*match.span("n"), "place", "place-head", 2)
    if any(word + " " in text for word in _ORG_FIRST):
        for match in _ORG.finditer(text):
            yield Cue(*match.span("n"), "org", "org-head", 2)
    if any(noun + " " in text for noun in _KIND_NOUNS):
        for match in _KIND.finditer(text):
            if not _no_name(match.group("n")):
                yield Cue(*match.span("n"), "org", "kind-noun", 2)
    if any(words in text for words in _WRITTEN_WORDS):
        for match in _WRITTEN_IN.finditer(text):
            if not _no_name(match.group("n")):
                yield Cue(*match.span("n"), "org", "written-in", 2)
    if ", " in text and any(office in text for office in _OFFICES):
        for match in _OFFICE_COMMAS.finditer(text):
            if not _no_name(match.group("n")):
                yield Cue(*match.span("n"), "person", "office-before", 2)
    if "faction" in text or " wing" in text:
        for match in _FACTION.finditer(text):
            for group in ("n", "m"):
                if match.group(group) and not _no_name(match.group(group)):
                    yield Cue(*match.span(group), "org", "kind-noun", 2)


def _no_name(words: str) -> bool:
    return any(word in NOT_NAMES for word in words.split())

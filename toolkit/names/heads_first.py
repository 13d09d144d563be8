"""Cues whose word comes before the name (issue #11, gold reports 41-48), searched only when
their word is in the text (most texts have none):

- a place by a head noun written first (`Lake Baikal`, `Mount Kenya`, `Estadio Nacional`,
  `Playa Girón`, `Plain of Jars`, `Gulf of Aqaba`): English and Spanish land forms and buildings;
- a Spanish, Portuguese or French organisation by its head noun written first (`Unidad Popular`,
  `Partido Socialista`, `Frente Amplio`, `Movimiento de Izquierda Revolucionaria`, `Armée
  Nationale Congolaise`), a parliament's `House of Commons`;
- an organisation after a lower-case noun of its kind (`the trade union federation Sohyo`,
  `the union Solidarity`), as `the newspaper X`, or before it (`the Khalq faction`);
- a newspaper by what is written in it (`wrote in Akahata`, `an article in Pravda`);
- a person between commas after an office of something (`the chairman of its presidium, Fuwa
  Tetsuzo,`).
  German one-word lakes (`Werbellinsee`) are cues.py's streets.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Set

from toolkit.names.letters import APOS, L, U

_WORD = rf"{U}{L}+(?:-{U}{L}+)*"
_DE = r"(?:(?:de|del|de la|de los|de las|do|da|dos|das|du|des)\s)?"
_PLACE_FIRST = ("Lake", "Mount", "Cape", "Fort", "Bad", "Camp", "Estadio", "Palacio", "Plaza", "Playa", "Puerto",
                "Cerro", "Bahía", "Río", "Isla", "Lago", "Praça", "Palácio", "Valle", "Sierra", "Parque",
                # land and sea forms before `of` (`Plain of Jars`, `Bay of Pigs`, `Strait of Hormuz`)
                "Plain of", "Valley of", "Gulf of", "Bay of", "Sea of", "Strait of", "Straits of", "Isle of")
_PLACE = re.compile(rf"(?<![\w{APOS}.-])(?P<n>(?:{'|'.join(_PLACE_FIRST)})\s{_DE}{_WORD}"
                    rf"(?:\s{_WORD})?)(?![\w{APOS}-])")
_ORG_FIRST = ("Unidad", "Partido", "Frente", "Movimiento", "Unión", "Confederación", "Juventud",
              "Ejército", "Fuerzas", "Partit", "Partito", "Movimento", "União", "Federación",
              # French heads (`Armée Nationale Congolaise`, `Mouvement National Congolais`,
              # `Parti Démocratique de Guinée`); a parliament's house (`House of Commons`)
              "Armée", "Mouvement", "Parti", "Rassemblement", "Conseil", "Comité", "Confédération",
              "Fédération",
              # Spanish and Portuguese bodies (`Consejo Nacional de Huelga`, `Universidad
              # Nacional Autónoma de México`)
              "Consejo", "Universidad", "Universidade", "Instituto", "Sindicato", "Asamblea",
              "Congreso", "Asociación",
              # Spanish fronts, companies and platforms (`Junta Democrática`, `Falange Socialista
              # Boliviana`, `Corporación Minera de Bolivia`, `Plataforma de Convergencia Democrática`)
              "Junta", "Falange", "Plataforma", "Alianza", "Coordinadora", "Corporación", "Compañía",
              "Empresa", "Comisiones", "Acción", "Izquierda")
_ORG = re.compile(rf"(?<![\w{APOS}.-])(?P<n>(?:{'|'.join(_ORG_FIRST)})\s{_DE}{_WORD}"
                  rf"(?:\s{_DE}{_WORD}){{0,2}})(?![\w{APOS}-])")
# a Spanish union's confederation (`Central Obrera Boliviana`, `Central Única de Trabajadores`):
# `Central` and two Spanish words, not `Central Asia` or `Central Intelligence Agency`
_CENTRAL = re.compile(rf"(?<![\w{APOS}.-])(?P<n>Central\s(?:{U}{L}+[ao]s?\s(?:de\s)?{U}{L}+[ao]s?|Única\s{_DE}{_WORD}))(?![\w{APOS}-])")
# a parliament's house by one word after `of` (`House of Commons`, `House of Representatives`)
_HOUSE = re.compile(rf"(?<![\w{APOS}.-])(?P<n>House\sof\s{_WORD})(?![\w{APOS}-])")
_KIND_NOUNS = ("federation", "union", "faction", "organisation", "organization", "movement")
# (the patterns below are matched where their word is, found by str.find: a search of the
# whole text from each capital cost more than the rest of this module)
_KIND = re.compile(rf"(?P<n>{_WORD}(?:\s{_WORD})?)(?![\w{APOS}-])")  # after `federation `
# a faction or wing by its name before the noun (`the Khalq faction`, `Khalq and Parcham factions`)
_FACTION = re.compile(rf"(?<![\w{APOS}.-])(?P<n>{_WORD})(?:\s(?:and|or)\s(?P<m>{_WORD}))?\s$")
_WRITTEN_IN = re.compile(rf"\b(?:wrote|published|printed|article|editorial|commentary|appeared)"
                         rf"\s(?:an?\s[a-z]+\s)?in\s(?P<n>{_WORD}(?:\s{_WORD})?)(?![\w{APOS}-])")
_WRITTEN_WORDS = ("wrote in", "published in", "printed in", "article in", "editorial in",
                  "commentary in", "appeared in")


_OFFICES = ("chairman", "head", "leader", "secretary", "minister", "president", "director", "chief",
            "deputy", "commander", "ambassador", "envoy", "editor", "spokesman", "governor", "mayor")
_OFFICE_COMMAS = re.compile(rf"[^,.;:\n]{{0,60}},\s(?P<n>{_WORD}(?:\s{_WORD}){{1,3}}),")  # after `head of `


def gate_words() -> Iterator[tuple[str, str]]:
    """(substring, gate): the words each cue needs, found by cues.py's trigger pass."""
    yield from ((word + " ", "place-first") for word in _PLACE_FIRST)
    yield from ((word + " ", "org-first") for word in (*_ORG_FIRST, "House of", "Central"))
    yield from ((noun, "kind-noun") for noun in _KIND_WORDS)
    yield from ((words, "written-in") for words in _WRITTEN_WORDS)
    yield from ((office, "office-commas") for office in _OFFICE_WORDS)
    yield from ((word, "faction") for word in _FACTION_WORDS)


Found = tuple[int, int, str, str, int]  # a cues.Cue's fields
_FACTION_WORDS = ("faction", " wing")
_KIND_WORDS = tuple(noun + " " for noun in _KIND_NOUNS)
_OFFICE_WORDS = tuple(office + " of " for office in _OFFICES)


def _after(text: str, words: tuple[str, ...]) -> Iterator[int]:
    """Where each of `words` ends in `text`, as a whole word at its start."""
    for word in words:
        position = text.find(word)
        while position != -1:
            if position == 0 or not (text[position - 1].isalnum() or text[position - 1] in APOS):
                yield position + len(word)
            position = text.find(word, position + 1)


def extra_cues(text: str, gates: Set[str], not_names: Set[str]) -> Iterator[Found]:
    """The cues of the module's docstring the text's `gates` open (see gate_words), in a
    fixed order; `not_names`, cues.NOT_NAMES."""
    if "place-first" in gates:
        for match in _PLACE.finditer(text):
            yield (*match.span("n"), "place", "place-head", 2)
    if "org-first" in gates:
        for match in _ORG.finditer(text):
            yield (*match.span("n"), "org", "org-head", 2)
        if "Central " in text:
            for match in _CENTRAL.finditer(text):
                yield (*match.span("n"), "org", "org-head", 2)
        if "House of " in text:
            for match in _HOUSE.finditer(text):
                yield (*match.span("n"), "org", "org-head", 2)
    if "kind-noun" in gates:
        for end in _after(text, _KIND_WORDS):
            kind = _KIND.match(text, end)
            if kind and not _no_name(kind.group("n"), not_names):
                yield (*kind.span("n"), "org", "kind-noun", 2)
    if "written-in" in gates:
        for match in _WRITTEN_IN.finditer(text):
            if not _no_name(match.group("n"), not_names):
                yield (*match.span("n"), "org", "written-in", 2)
    if "office-commas" in gates and ", " in text:
        for end in _after(text, _OFFICE_WORDS):
            office = _OFFICE_COMMAS.match(text, end)
            if office and not _no_name(office.group("n"), not_names):
                yield (*office.span("n"), "person", "office-before", 2)
    if "faction" in gates:
        for word in _FACTION_WORDS:
            start = text.find(word)
            while start != -1:
                if word[0] == " ":
                    start += 1
                after = text[start + 4:start + 8] if word[0] == " " else text[start + 7:start + 9]
                if not after[:1].isalpha() or after[:1] == "s" and not after[1:2].isalpha():
                    faction = _FACTION.search(text, max(0, start - 60), start)
                    for group in ("n", "m"):
                        if faction and faction.group(group) and not _no_name(faction.group(group), not_names):
                            yield (*faction.span(group), "org", "kind-noun", 2)
                start = text.find(word, start + 1)


def _no_name(words: str, not_names: Set[str]) -> bool:
    return any(word in not_names for word in words.split())

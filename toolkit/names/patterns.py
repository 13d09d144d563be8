"""The regular-expression building blocks of a name (a name word, initials, particles, an
organisation's modifiers and tail, titles in upper and lower case) and the `Cue` tuple: shared
by the rules tried at capitals (toolkit.names.cues) and the shapes searched through the whole
text (toolkit.names.shapes)."""

from __future__ import annotations

from typing import NamedTuple

from toolkit.names.letters import APOS, L, U
from toolkit.names.vocabulary import FIRST_NAMES, PARTICLES, TITLES

# (a capital, an apostrophe and a capital: `O'Brien`, `N'Djamena`, `D'Souza`)
_WORD = rf"{U}(?:[{APOS}]{U}{L}+|{L}*(?:[{APOS}]{L}*)?)(?:-{U}?{L}+)*"  # Kosygin, O'Brien, Il-sung, Seong-cheol
_CAPS = rf"{U}{{2,}}(?:-{U}{{2,}})*"                     # KUZNETSOV
# a Cyrillic letter romanised in two (`Zh. Zhivkov`, `CDE. ZH. ZHIVKOV`) is one initial
# (and a Hungarian letter written in two: `Gy. Horn`, `Sz. Nagy`, `Zs. Kovács`, `Cs. Tóth`)
DIGRAPHS = ("Zh", "Ch", "Sh", "Kh", "Ts", "Yu", "Ya", "Ye", "Gy", "Sz", "Zs", "Cs", "Ny", "Ty")
# (the second letter tested after the capital, by look-behind: an alternation of the pairs
# before `{U}` made every name pattern slower)
_SECOND = r"(?:(?<=[ZCSK])[hH]|(?<=[TZC])[sS]|(?<=Y)[uUaAeE]|(?<=[GNT])[yY]|(?<=S)[zZ])?"
_INITIALS = rf"(?:{U}\.-{U}\.\s?|{U}{_SECOND}\.\s?){{1,3}}"  # (or hyphened: `C.-H.`, `J.-P.`)                # A. A. / N.S. / Zh.
# an Arabic article joined to a name (`al-Hadithi`, `el-Sadat`)
_ARTICLE = rf"(?:a[lnrstdz]|el|ash|ud)-{_WORD}"
# a Romance particle joined by an apostrophe (`Miguel d'Escoto`, `Valéry Giscard d'Estaing`)
_ELIDED = rf"[dD][{APOS}]{_WORD}"
_NAMEWORD = rf"(?!{U}\.)(?:{_WORD}|{_CAPS}|{_ARTICLE}|{_ELIDED})"  # an initial is not a name word  # stop words are cut off afterwards (see _trim)


_JOINT = rf"\s(?:(?:{PARTICLES})\s){{0,2}}"
# initials after the family name, as Russian lists write them (`Gromyko A. A.`)
_INITIALS_AFTER = rf"(?:\s{U}{L}?\.(?:\s?{U}{L}?\.){{0,2}}(?![\w{APOS}-]))?"
_NAME = rf"(?:{_INITIALS}\s?)?{_NAMEWORD}(?:{_JOINT}{_NAMEWORD}){{0,3}}{_INITIALS_AFTER}"


_FIRST = "|".join(sorted(FIRST_NAMES, key=len, reverse=True))
# a romanised given name: a syllable or two (Il Sung, Zedong), or hyphenated (Seong-cheol, En-lai)
_SYLL = rf"{U}{L}{{0,7}}(?:[{APOS}]{L}{{1,5}})?"
_GIVEN = rf"(?:{_SYLL}-{L}{{1,7}}|{_SYLL}(?:\s{_SYLL}(?![\w{APOS}-]))?)"


_TITLE_WORDS = (r"(?:Comrades?|Ambassadors?|Ministers?|President|Premier|Chairman|Chairwoman|"
                r"Marshal|General(?!\s(?:Assembly|Confederation|Council|Federation|Union|Staff)\b)|Secretary|Deputy|"
                r"Director|Head|Leader|Chief|Commander|Envoy|Delegation|Member|Members|"
                # a religious or honorific title: a person follows, no more of an organisation's
                # name (`the Council of Bishop Abel Muzorewa`)
                r"Ayatollah|Archbishop|Bishop|Cardinal|Imam|Tunku|Tun|Lord|Sir|Thakin|Daw)\b")
# (`the` or `a` after the tail's preposition: `Movement for a United Europe`, no place inside)
# a word of an organisation's name: capitalised, not a sentence's opening function word, not a
# title, not a possessive (`the Soviet Union's Council`), save the usual `People's`, `Workers'`
# (an initial, a capital and a full stop before a space, is none: `the Party of N. M. Perera`);
# (its letters run as one class repeat with a full stop only inside: the same matches as
# `(?:[...]|\.(?=\w))*`, which tried the alternation at every character)
# (the runs possessive, `*+`: every use of a word is followed by white space, an inner full
# stop or `_END`, none of which takes a character of the run, so a character given back never
# made a match: the engine no longer retries each shorter run)
_ORG_MOD = (rf"(?!{U}\.\s)(?!(?:The|This|That|These|Those|In|On|At|By|For|From|With|And|But|As|If|When|After|"
            rf"Before|Then|Thereupon|Comrades?|Mr|Mrs|A|An|It|He|She|They|We|I)\b)(?!{_TITLE_WORDS})"
            rf"(?!(?!People|Women|Children|Men){U}[\w.&-]*[{APOS}]s\b){U}[\w{APOS}&-]*+(?:\.(?=\w)[\w{APOS}&-]*+)*")
# a German street's name in one word (`Adenauerallee`, `Prinz-Georg-Straße`): a place
_STREET_WORD = rf"{U}[\w-]*(?:[Aa]llee|[Ss]tra(?:ß|ss)e|[Pp]latz|[Gg]asse|[Dd]amm|[Cc]haussee|[Uu]fer|(?<=\w\w\w)see)"
# (a street is where an organisation is, not part of its name: `Foreign Office on the Adenauerallee`)
# two abstract nouns joined by `and` end a tail (`of Control and Supervision`, `of Trade and
# Industry`): a noun of such an ending is no person's or place's name
# (a usual first name is none: `the Party of John Hume and Gerry Fitt` names two persons)
_ABSTRACT = (rf"(?!(?:{_FIRST})\s){U}(?:{L}|-)+(?:ion|ions|ment|ity|ities|ence|ance|ure|ing|ship|ics|ry|gy|ism|cy)"
             # a conference's region after the two (`Security and Co-operation in Europe`)
             rf"(?:\sin\s{_WORD})?")
_ORG_TAIL = (rf"(?:\s(?:of|for|with|on)(?:\sthe|\sa(?=\s{U}))?(?:\s(?!{_STREET_WORD}(?![\w{APOS}-])){_ORG_MOD}){{1,4}}"
             rf"(?:\sand\s{_ABSTRACT}(?![\w{APOS}-]))?)")


class Cue(NamedTuple):
    """(A named tuple, not a frozen dataclass: made tens of times per report, a tuple costs
    a third as much.)"""

    start: int
    end: int
    kind: str  # person | place | org
    rule: str  # which cue found it (for the review list and proposals)
    strength: int  # 1 strong (title, initials), 2 a name's shape, 3 weak (a speech verb only)

_LOWER_TITLES = "|".join(t for t in TITLES.split("|") if t.startswith("["))
_UPPER_TITLES = TITLES.replace("[Aa]", "A").replace("[Mm]", "M").replace("[Pp]", "P").replace(
    "[Cc]", "C").replace("[Ss]", "S").replace("[Dd]", "D").replace("[Vv]", "V").replace(
    "[Ee]", "E").replace("[Ii]", "I")
_LOWER_TITLES = _LOWER_TITLES.replace("[Aa]", "a").replace("[Mm]", "m").replace("[Pp]", "p").replace(
    "[Cc]", "c").replace("[Ss]", "s").replace("[Dd]", "d").replace("[Vv]", "v").replace(
    "[Ee]", "e").replace("[Ii]", "i")
_END = rf"(?![\w{APOS}-])"


def word_char(char: str) -> bool:
    """`re`'s `\\w` for one character of a str."""
    return char.isalnum() or char == "_"

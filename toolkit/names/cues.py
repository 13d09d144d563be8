"""Names the registers do not hold, found by cues of the text itself.

Deterministic rules, no model: a title or honorific before a name (`Comrade Pak`,
`Ambassador Moskovsky`, `Cde. N. N. Name`), initials and a surname (`A. A. Gromyko`,
`/N. KUZNETSOV/`), Russian first name + patronymic + surname, East Asian names in their usual
romanised shapes (a family name of a closed list, then one or two given-name syllables:
`Kim Il Sung`, `Pak Seong-cheol`, `Mao Zedong`, `Chou En-lai`), a capitalised name before
`said`/`replied`..., and organisations by their head noun (`Ministry of Foreign Affairs`,
`Korean Workers' Party`, `Association for Trade with China`). Each rule gives spans and a
kind; which span wins where they overlap is decided by the tagger (longest first).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator

import ahocorasick

from toolkit.names.place_prefix import PLACE_PREFIX as PLACE_PREFIX  # (re-exported)
from toolkit.names.place_prefix import _PREFIX_WORDS as _PREFIX_WORDS
from toolkit.names.place_prefix import extend_place as extend_place

from toolkit.names.heads_first import extra_cues, gate_words
from toolkit.names.letters import _LOWER as _LOWER
from toolkit.names.letters import _UPPER as _UPPER
from toolkit.names.letters import APOS as APOS
from toolkit.names.letters import L as L
from toolkit.names.letters import U as U
from toolkit.names.letters import by_text_frequency
from toolkit.names.movements import MILITARY_REGION, arabic_place, one_word_orgs
# the lists, the pattern blocks and the whole-text shapes live in modules of their own
# (re-exported: callers read them as cues.NOT_NAMES, cues.Cue...)
from toolkit.names.vocabulary import (CHINESE as CHINESE, DEMONYMS as DEMONYMS, FIRST_NAMES as FIRST_NAMES,
                                      KOREAN as KOREAN, NOT_NAMES as NOT_NAMES, ORG_HEADS as ORG_HEADS,
                                      PARLIAMENTS as PARLIAMENTS, PARTICLES as PARTICLES, SPEECH as SPEECH,
                                      TITLES as TITLES, VIETNAMESE as VIETNAMESE,
                                      VIETNAMESE_NAMES as VIETNAMESE_NAMES, _ABBREVIATED_RANKS,
                                      _SURNAMES as _SURNAMES, _TITLE_FIRST)
from toolkit.names.patterns import (DIGRAPHS, _SECOND, _CAPS, _END, _FIRST, _GIVEN, _INITIALS, _JOINT, _LOWER_TITLES, _NAME,
                                    _NAMEWORD, _ORG_MOD, _ORG_TAIL, _SYLL, _UPPER_TITLES, _WORD, Cue as Cue,
                                    word_char as word_char)
from toolkit.names.shapes import (_ARABIC, _ARTICLE_AT, _GATED, _LOWER_HEAD_WORD, _LOWER_PLACE_HEAD,
                                  _LOWER_PLACE_PAIR, _MONGOLIAN, _NEWSPAPER, _ORDINAL_UNIT, _PATRONYMIC,
                                  _PLACE_HEAD_WORDS, _PLACE_NAME as _PLACE_NAME, _PLACE_OF, _PLACE_LIST_NEXT, _NEAR, _STREET,
                                  _TRIMMED, _acronyms, _gate_keys, _more_cues, has_street_suffix, PAPER_HEADS,
                                  _PAPER_LIST_NEXT,
                                  PLACE_HEADS as PLACE_HEADS, STATE_ACRONYMS as STATE_ACRONYMS)

# Rules tried only where a capitalised word starts (most of a text is not a name: matching
# only there keeps recognition fast), then rules searched through the whole text.
def _held(pattern: str) -> str:
    """`pattern` with its runs of lower-case letters possessive (`L*+`, `L++`): where what
    follows every run is white space, an apostrophe, a hyphen, a comma, a full stop or the
    end (`_END`, which refuses a letter), a letter given back never makes a match, and the
    engine no longer tries each shorter run before it fails (the same matches; not for the
    patronymic rule, whose endings are letters after a run)."""
    return pattern.replace(f"{L}*", f"{L}*+").replace(f"{L}+", f"{L}++")


_AT_CAPITALS: list[tuple[re.Pattern[str], str, str, int]] = [
    (re.compile(_held(rf"(?:{_UPPER_TITLES})\s(?P<n>{_NAME}){_END}")), "person", "title", 1),
    (re.compile(_held(rf"(?P<n>{_INITIALS}\s?(?:{_WORD}|{_CAPS})){_END}")), "person", "initials", 1),
    (re.compile(_held(rf"(?P<n>(?:{_FIRST})\s(?:{U}\.\s)?(?:(?:{PARTICLES})\s){{0,2}}{_NAMEWORD}"
                      rf"(?:{_JOINT}{_NAMEWORD}){{0,2}}){_END}")),  # (`José Alfredo Martínez de Hoz`)
     "person", "first-name", 1),
    (re.compile(rf"(?P<n>{_WORD}\s{_WORD}(?:ovich|evich|ich|ovna|evna|ichna)\s{_WORD}){_END}"),
     "person", "patronymic", 1),
    (re.compile(rf"(?P<n>(?:{KOREAN})\s{_GIVEN}){_END}"), "person", "korean", 2),
    (re.compile(rf"(?P<n>(?:{CHINESE})\s{_GIVEN}){_END}"), "person", "chinese", 2),
    (re.compile(rf"(?P<n>(?:{VIETNAMESE})\s{_SYLL}(?:\s{_SYLL}){{0,2}}){_END}"), "person", "vietnamese", 2),
    # (searched through a window: the lookahead of the letters a name opens with (a capital,
    # an article's `a`/`e`/`u`, an elision's `d`) fails at once where none starts; the aside
    # after a comma runs to the next `,.;:` or 60 characters and gives nothing back: what it
    # gives back is no comma)
    (re.compile(_held(rf"(?=[{_UPPER}aeud])(?<![\w{APOS}.-])(?P<n>{_NAME})(?:,\s[^,.;:]{{1,60}}+,|,)?\s(?:also\s|"
                      rf"then\s|again\s|further\s|finally\s|had\s)?(?:{SPEECH})\b")), "person", "speech-before", 3),
    (re.compile(rf"(?P<n>(?:{_ORG_MOD}\s){{1,5}}(?:{ORG_HEADS}){_ORG_TAIL}{{0,3}}"
                rf"|(?:{ORG_HEADS}){_ORG_TAIL}{{1,3}}){_END}"), "org", "org-head", 2),
]
_SIGNATURE = re.compile(rf"/(?P<n>(?:{_INITIALS}\s?)?{_CAPS}(?:\s{_CAPS}){{0,2}})/")


_TOKEN = re.compile(r"[^\s]+")
# rules whose name is the words before a verb keep the last run of name words; the others
# (a name after a title, a family name and given names) keep the first run
_TRAILING = {"speech-before", "lower-place-head"}


def _trim(text: str, start: int, end: int, rule: str) -> tuple[int, int] | None:
    """The span without the capitalised words that are not names (`Comrade`, `Soviet`,
    `Party`): the first (or last) run of name words, None if there is none (or if that run
    does not open, or close, the span)."""
    if rule in _TRAILING:
        begin = finish = -1
        for token in _TOKEN.finditer(text, start, end):
            if _not_a_name(token.group()):
                begin = -1
            else:
                if begin < 0:
                    begin = token.start()
                finish = token.end()
        if begin < 0 or finish != end:
            return None
    else:
        tokens = _TOKEN.finditer(text, start, end)
        first = next(tokens, None)
        if first is None or first.start() != start or _not_a_name(first.group()):
            return None
        begin, finish = start, first.end()
        for token in tokens:
            if _not_a_name(token.group()):
                break
            finish = token.end()
    if text[finish - 2:finish] in ("'s", "’s"):
        finish -= 2  # Moskovsky's successor: the name without the possessive
    if _INITIALS_ONLY.fullmatch(text, begin, finish):
        return None  # initials alone
    return begin, finish


_DEMONYM_BEFORE = re.compile(rf"(?:{'|'.join(sorted(DEMONYMS))})\s$")
# a title word that is also a surname, after a usual first name (and a name word after it)
_TITLE_SURNAME = re.compile(rf"\s(?:Bishop|King|Shah|Prince|Major|Pope)(?:\s(?!(?:of|the)\b){_NAMEWORD})?{_END}")
_INITIALS_ONLY = re.compile(rf"(?:\w{_SECOND}\.\s?)+")


def _not_a_name(token: str) -> bool:
    # an initial (`\w\.`) keeps its full stop; tested without a regex call: ~60 tokens a report
    initial = len(token) == 2 and token[1] == "." and word_char(token[0])
    word = token if initial else token.rstrip(".")
    return word in NOT_NAMES or word.partition("-")[0] in NOT_NAMES


_RULE = {rule: (pattern, kind, strength) for pattern, kind, rule, strength in _AT_CAPITALS}


# a plural title before a list of names (`Comrades Szabó, Nagy and Kiss`)
_PLURAL_TITLES = frozenset("Comrades Cdes Messrs Ambassadors Ministers Counsellors Counselors "
                           "Generals Secretaries".split())
# offices in the plural after `of`: the end of an institution's name (`Council of Ministers`,
# `Conference of Ambassadors`), never a title before a person's name
_OFFICES = frozenset("Ambassadors Ministers Counsellors Counselors Generals Secretaries".split())
# a name's particles before a capital (`van der Stoel`): a capital follows, as the rules need
_PARTICLE_NEXT = re.compile(rf"(?:(?:{PARTICLES})\s){{1,2}}{U}")
_PARTICLE_INITIALS = frozenset(p[0] for p in PARTICLES.split("|"))
_OF_BEFORE = re.compile(r"\bof\s(?:the\s)?$")
_NAME_AT = re.compile(rf"{_NAME}{_END}")
_LIST_NEXT = re.compile(r",\s(?:and\s)?|\sand\s")


def _listed(text: str, position: int) -> Iterator[tuple[int, int]]:
    """The names of a list that starts at `position`: `A, B, C and D`; it ends at the first
    item that is not a name alone."""
    for _ in range(20):
        match = _NAME_AT.match(text, position)
        trimmed = _trim(text, match.start(), match.end(), "title") if match else None
        if match is None or trimmed is None:
            return
        yield trimmed
        following = _LIST_NEXT.match(text, match.end())
        if trimmed[1] != match.end() or following is None:
            return
        position = following.end()
# lower-case titles (`the ambassador Ivanov`); not the abbreviations, which are never written so
_LOWER_TITLE_WORDS = frozenset(w.lower() for w in _TITLE_FIRST - _ABBREVIATED_RANKS - {"Ato"} if w.lower() not in (
    "general", "captain", "major", "mr", "mrs", "ms", "dr", "mme", "messrs", "cde", "cdes", "prof", "herr",
    "frau"))  # (`the major Powers`: an adjective)


# rules that do nothing unless a capital follows the word after one space
_CAPITAL_NEXT = frozenset({"title", "korean", "chinese", "vietnamese", "first-name", "lower-title"})
_RULE_ORDER = ("title", "lower-title", "korean", "chinese", "vietnamese", "speech", "head",
               "first-name", "initials")


_PLACE_HEAD_RULES = ("place-head",)  # a trigger's rules, told apart by identity
_NO_RULES: tuple[str, ...] = ()  # a gate's key only


def _trigger_automaton(gate_keys: dict[str, str]) -> ahocorasick.Automaton:
    """Words where a rule can start or that a rule needs, found in one pass of the text.
    A word's rules are tried in the order of _RULE_ORDER, whatever the string hash seed
    (`Kang` is a Korean and a Chinese family name: which rule names it must not vary from
    one run to the next). The same pass finds the keys of `gate_keys` (substrings, not
    whole words: see _gate_keys), each value's fifth field its gate (None for the others):
    two automata's passes cost twice as much as one."""
    keys: dict[str, set[str]] = {}
    for word in _TITLE_FIRST:
        keys.setdefault(word, set()).add("title")
    for word in _LOWER_TITLE_WORDS:
        keys.setdefault(word, set()).add("lower-title")
    for rule, names in _SURNAMES.items():
        for name in names:
            keys.setdefault(name, set()).add(rule)
    for verb in re.sub(r"emphasi\[sz\]ed", "emphasised|emphasized", SPEECH).split("|"):
        keys.setdefault(verb, set()).add("speech")
    for head in re.sub(r"Organi\[sz\]ation", "Organisation|Organization",
                       ORG_HEADS.replace("Archives?", "Archive|Archives")).split("|"):
        keys.setdefault(head, set()).add("head")
    for name in FIRST_NAMES:
        keys.setdefault(name, set()).add("first-name")
    for letter in _UPPER:
        if letter.isascii():  # the others: _RARE_INITIAL
            keys.setdefault(letter + ".", set()).add("initials")
    for digraph in DIGRAPHS:
        for form in (digraph, digraph.upper()):
            keys.setdefault(form + ".", set()).add("initials")
    words: list[tuple[str, tuple[int, tuple[str, ...], bool, bool, str | None]]] = []
    for key, rules in sorted(keys.items()):
        words.append((key, (len(key), tuple(sorted(rules, key=_RULE_ORDER.index)),
                            "initials" not in rules, all(rule in _CAPITAL_NEXT for rule in rules),
                            gate_keys.get(key))))  # (a parliament's name is both: `Sejm`)
    for head in _PLACE_HEAD_WORDS:  # found by the same pass, kept apart (see find_cues)
        assert head not in keys and head not in gate_keys, head
        words.append((head, (len(head), _PLACE_HEAD_RULES, True, False, None)))
    for key, gate in gate_keys.items():
        if key not in keys:
            words.append((key, (len(key), _NO_RULES, False, False, gate)))
    # added in the order of how often a text has their letters (lower case and space first):
    # a node's children are searched one by one in the order they were added, and in the
    # old order (capitals first) every lower-case letter of a text passed the root's 26
    # capitals before its own child (the pass: -30 %). What the pass finds, and in what
    # order, does not depend on the order of adding.
    automaton = ahocorasick.Automaton()
    for key, value in sorted(words, key=lambda word: by_text_frequency(word[0])):
        automaton.add_word(key, value)
    automaton.make_automaton()
    return automaton


# Initials in a capital outside ASCII (`Ž.`), found apart: as keys of the automaton they made
# its root node ~200 children long, and pyahocorasick searches a node's children one by one
# for each character of the text (the scan was 5x slower)
_RARE_INITIAL = re.compile("[" + "".join(c for c in _UPPER if not c.isascii()) + r"]\.")
_INITIAL_TRIGGER = (2, ("initials",), False, False, None)
_WORD_START = re.compile(rf"(?<![\w{APOS}.-]){U}")
_UPPER_CHAR = re.compile(U)
_LOWER_TITLE = re.compile(_held(rf"(?:{_LOWER_TITLES})\s(?P<n>{_NAME}){_END}"))
# What no organisation's name holds (its words are capitalised words of word characters,
# apostrophes, `&`, hyphens and inner full stops, or of/for/with/on/the, one white space
# between two): a name that reaches the head noun starts after the last of these before it,
# so the costly pattern is tried only there (the names found are the same)
_ORG_BLOCKER = re.compile(rf"[^\w{APOS}&.\s-]|\.(?!\w)|\s\s|(?<=\s)(?!{U}|(?:of|for|with|on|the)\s)\S")
# The last blocker before a head, in one match: `.*` runs to the end and backs off to the
# rightmost place a blocker starts, instead of listing every blocker of the 90 characters.
# (Where finditer would end its last blocker one character sooner, inside a run of white
# space that `\s\s` pairs, the capitals after it are the same: white space is none.)
_LAST_ORG_BLOCKER = re.compile(rf"(?s:.*)(?:{_ORG_BLOCKER.pattern})")
_SPEECH_AFTER = re.compile(_held(rf"(?:{SPEECH})\s(?P<n>{_NAME}){_END}"))


def find_cues(text: str) -> list[Cue]:
    """Every span a cue rule marks as a name (overlaps are the caller's). Each rule is tried
    only where it can match: after a title word, at initials or a family name of the lists,
    before or after a speech verb, around an organisation's head noun. One pass of an
    Aho–Corasick automaton finds those places, so recognition stays linear and costs little
    where there are no names. (The order of the spans is part of the result: at equal length
    and strength the tagger keeps the first.)"""
    found: list[tuple[re.Match[str], str, str, int]] = []
    seen: set[tuple[int, int]] = set()
    heads_done: set[int] = set()
    listed: list[Cue] = []
    size = len(text)
    gates: set[str] = set()  # the gates of _GATED the text opens
    offices: list[int] = []  # where an office after a name can start
    words: set[str] = set()  # the other gates: words find_cues' own searches need
    triggers: Iterable[tuple[int, tuple[int, tuple[str, ...], bool, bool, str | None]]] = _TRIGGERS.iter(text)
    if not text.isascii() and _RARE_INITIAL.search(text):  # in the automaton's order (by end)
        triggers = sorted([*triggers, *((m.end() - 1, _INITIAL_TRIGGER) for m in _RARE_INITIAL.finditer(text))],
                          key=_last)
    place_heads: list[tuple[int, int]] = []
    for last, (length, rules, whole_word, only_before_capital, gate) in triggers:
        start, end = last + 1 - length, last + 1
        if gate is not None:
            if gate == "office":
                offices.append(start)
            elif gate in _GATED:
                gates.add(gate)
            else:
                words.add(gate)
            if rules is _NO_RULES:
                continue
        if rules is _PLACE_HEAD_RULES:  # a place's head noun, as a whole word
            if not (start and word_char(text[start - 1])) and not (
                    end < size and (text[end] in "'’-" or word_char(text[end]))):
                place_heads.append((start, end))
            continue
        if start:
            previous = text[start - 1]
            if previous in "'’.-" or previous.isalnum():
                continue
        if whole_word and end < size:
            following = text[end]
            if following in "'’-" or following.isalnum():
                continue
        # a rule that starts a name at or after the word needs a capital after one space
        after = end + 1 if text[end:end + 1] == "." else end
        capital_next = text[after:after + 1] == " " and (text[after + 1:after + 2].isupper() or (
            text[after + 1:after + 2] in _PARTICLE_INITIALS and _PARTICLE_NEXT.match(text, after + 1) is not None))
        if only_before_capital and not capital_next:
            continue  # (every rule of the word needs it)
        for rule in rules:
            if rule in _NAME_AFTER:
                if rule == "title" and text[start:end] in _PLURAL_TITLES and _DEMONYM_BEFORE.search(
                        text, max(0, start - 20), start):
                    continue  # `THE VIETNAMESE COMRADES EXPECT`: a people's comrades, no title
                if rule == "title" and text[start:end] in _OFFICES and _OF_BEFORE.search(
                        text, max(0, start - 8), start):
                    continue  # `Council of Ministers DECREES`: an institution's name, no title
                if capital_next:
                    pattern, kind, strength = _RULE[rule]
                    match = pattern.match(text, start)
                    if match:
                        found.append((match, kind, rule, strength))
                    if rule == "title" and text[start:end] in _PLURAL_TITLES:
                        listed.extend(Cue(a, b, "person", "title", 1) for a, b in _listed(text, after + 1))
            elif rule == "initials":
                if text.startswith(_POSTSCRIPTS, start) and (start == 0 or text[start - 1] == "\n"):
                    continue  # `P.S. Berg asks`: a postscript, no initials
                match = _INITIALS_RULE.match(text, start)
                if match and not (text.startswith(".", match.end()) and word_char(text[match.end() - 1]) and (
                        match.end() < 2 or not word_char(text[match.end() - 2]))):
                    found.append((match, "person", "initials", 1))  # (not `U.S.`: initials alone)
            elif rule == "lower-title":
                match = _LOWER_TITLE.match(text, start) if capital_next else None
                if match:
                    found.append((match, "person", "title", 1))
            elif rule == "speech":
                capital = _UPPER_CHAR.search(text, max(0, start - 120), start)
                match = _SPEECH_BEFORE.search(text, capital.start(), end) if capital else None
                while match is not None and match.end() != end:
                    match = _SPEECH_BEFORE.search(text, match.start() + 1, end)
                if match:
                    found.append((match, "person", "speech-before", 3))
                spoken = _SPEECH_AFTER.match(text, start) if capital_next else None
                if spoken:
                    found.append((spoken, "person", "speech", 3))
            elif rule == "head" and start not in heads_done:
                heads_done.add(start)
                begin = max(0, start - 90)
                blocker = _LAST_ORG_BLOCKER.match(text, begin, start)
                if blocker is not None:
                    begin = blocker.end()  # no name running on to the head starts before
                for capital in _WORD_START.finditer(text, begin, start + 1):
                    match = _ORG_RULE.match(text, capital.start())
                    if match and match.end() > start and match.span() not in seen:
                        seen.add(match.span())
                        found.append((match, "org", "org-head", 2))
                        break
    if "patronymic" in words:
        for patronymic in _PATRONYMIC.finditer(text):
            match = _PATRONYMIC_RULE.match(text, patronymic.start())
            if match:
                found.append((match, "person", "patronymic", 1))
    # (each searched only when a word it needs is in the text, as the trigger pass found:
    # most texts have none of these words)
    if "place-of" in words:
        for match in _PLACE_OF.finditer(text):
            found.append((match, "place", "place-of", 2))
            item = _PLACE_LIST_NEXT.match(text, match.end()) if match.group("plural") else None
            for _ in range(10):  # `the districts of A, B and C`: each a place
                if item is None:
                    break
                found.append((item, "place", "place-of", 2))
                item = _PLACE_LIST_NEXT.match(text, item.end())
        if "near " in text:
            for match in _NEAR.finditer(text):
                found.append((match, "place", "place-of", 2))
    if "lower-head" in words and _LOWER_HEAD_WORD.search(text):
        for match in _LOWER_PLACE_HEAD.finditer(text):
            found.append((match, "place", "lower-place-head", 2))
        for match in _LOWER_PLACE_PAIR.finditer(text):
            found.append((match, "place", "lower-place-head", 2))
    if gates or offices:  # (most texts open none)
        found.extend(_more_cues(text, gates, offices))
    if "street" in words and has_street_suffix(text):
        for match in _STREET.finditer(text):
            found.append((match, "place", "place-head", 2))
    if "newspaper" in words:
        for match in _NEWSPAPER.finditer(text):
            found.append((match, "org", "newspaper", 2))
            item = _PAPER_LIST_NEXT.match(text, match.end()) if match.group("plural") else None
            for _ in range(6):  # `the newspapers A, B and C`: each a newspaper
                if item is None:
                    break
                found.append((item, "org", "newspaper", 2))
                item = _PAPER_LIST_NEXT.match(text, item.end())
    if "/" in text:
        for match in _SIGNATURE.finditer(text):
            found.append((match, "person", "signature", 1))
    if "arabic" in words or ("-" in text and _ARTICLE_AT.search(text)):
        for match in _ARABIC.finditer(text):
            if arabic_place(match.group("n")):  # `Tel al-Zaatar`: a place (movements.py)
                found.append((match, "place", "place-head", 2))
            else:
                found.append((match, "person", "arabic", 2))
    if "mongolian" in words:
        for match in _MONGOLIAN.finditer(text):
            found.append((match, "person", "mongolian", 2))
    # the place heads of the trigger pass, in their order (a search of their own, or a test
    # of each of their words first, cost more: most texts have none)
    if "military" in words:  # `Shenyang Military Region`: a command, no place
        for match in MILITARY_REGION.finditer(text):
            found.append((match, "org", "org-head", 2))
    for head_start, head_end in place_heads:
        if "military" in words and text.endswith("Military ", 0, head_start):
            continue
        for capital in _WORD_START.finditer(text, max(0, head_start - 60), head_start):
            match = _PLACE_NAME.match(text, capital.start())
            if match and match.end() == head_end:
                if text.startswith("State", head_start) and any(
                        word in NOT_NAMES for word in text[match.start("n"):head_start].split()):
                    continue  # `the Soviet State`, `Head of State`: no federal unit's name
                found.append((match, "place", "place-head", 2))
                break
    cues = listed
    if words and not words.isdisjoint(_EXTRA_GATES):
        cues.extend(Cue(*found) for found in extra_cues(text, words, NOT_NAMES))
    if "one-word" in words:
        cues.extend(Cue(start, end, "org", "one-word", 2) for start, end in one_word_orgs(text, NOT_NAMES))
    if not text.isupper():  # (a text in capitals is read by the cues in mixed case)
        cues.extend(_acronyms(text))
    for match, kind, rule, strength in found:
        start, end = match.span("n")
        if kind == "person" or rule in _TRIMMED:
            trimmed = _trim(text, start, end, rule)
            if trimmed is None:
                continue
            if rule == "newspaper" and all(word in PAPER_HEADS for word in text[trimmed[1]:end].split()):
                trimmed = trimmed[0], end  # `Philippines Free Press`: the head word is the title's
            elif rule == "newspaper" and text.startswith("!", end - 1):
                trimmed = trimmed[0], max(trimmed[1], end)  # (`Siempre!`)
            start, end = trimmed
            if rule == "first-name" and text.find(" ", start, end) == -1 and "\n" not in text[start:end]:
                # the first name alone: the word after it was no name, unless it is a title
                # that is also a surname (`Maurice Bishop`, `Ahmad Shah Massoud`)
                surname = _TITLE_SURNAME.match(text, end)
                if surname is None:
                    continue
                end = surname.end()
            if rule == "lower-place-head":
                start = extend_place(text, start)  # `South Moravian region`: the compass word's
        elif rule == "org-head" and text.endswith("Forces", start, end) and all(
                word in NOT_NAMES or len(word) <= 3 for word in text[start:end - 6].split()):
            continue  # `US AND SOVIET FORCES`: a people's forces, no organisation's name
        elif rule == "org-head" and text[start:start + 1] in "FSTE123456789" and _ORDINAL_UNIT.fullmatch(
                text, start, end):
            continue  # `Third Department`: a ministry's unit by its number, no name
        cues.append(Cue(start, end, kind, _RULE_NAME.get(rule, rule), strength))
    return cues


def _last(trigger: tuple[int, object]) -> int:
    return trigger[0]


# rules that match a name starting at their trigger word and need a capital after it
_NAME_AFTER = frozenset({"title", "korean", "chinese", "vietnamese", "first-name"})
_INITIALS_RULE = _RULE["initials"][0]
_SPEECH_BEFORE = _RULE["speech-before"][0]
_ORG_RULE = _RULE["org-head"][0]
_PATRONYMIC_RULE = _RULE["patronymic"][0]
_RULE_NAME = {"speech-before": "speech", "lower-place-head": "place-head"}
_POSTSCRIPTS = ("P.S.", "P.P.S.", "P. S.")


_TRIGGERS = _trigger_automaton(_gate_keys())
_EXTRA_GATES = frozenset(gate for _, gate in gate_words())

"""The names stage's fast paths find what the slower code they replaced found (issue #11,
speed): a document's later mentions by an automaton instead of a regular expression rebuilt
per name, initials in a capital outside ASCII outside the cue automaton, the second choice of
spans skipped when a mention changes nothing; and the cue rules' order no longer depends on
the string hash seed."""

from __future__ import annotations

import random
import re
import subprocess
import sys
from pathlib import Path

from toolkit.encoding.names import DocumentNames, NameTagger
from toolkit.names import cues
from toolkit.registers import load_registers

ROOT = Path(__file__).resolve().parents[2]


def _regex_find(forms: set[str], text: str) -> list[tuple[int, int]]:
    """The expression DocumentNames used to compile: forms longest first, not after a word
    character, apostrophe, full stop or hyphen, not before a word character, apostrophe or
    hyphen, save a possessive `'s` (issue #11: `Gromyko's deputy` names Gromyko)."""
    pattern = re.compile(rf"(?<![\w'’.-])(?:{'|'.join(map(re.escape, sorted(forms, key=len, reverse=True)))})"
                         rf"(?:(?![\w'’-])|(?=['’]s(?!\w)))")
    return [m.span() for m in pattern.finditer(text)]


def test_document_mentions_are_those_of_the_regular_expression() -> None:
    document = DocumentNames()
    for words, rule in (("Ion Gheorghe Maurer", "first-name"), ("Kim Il Sung", "korean"),
                        ("Counsellor Tsend", "title"), ("A. B. Tsendiin", "initials")):
        document.remember(words, rule)
    assert {"Maurer", "Kim Il Sung", "Tsend", "Tsendiin"} <= document.forms
    rng = random.Random(11)
    pieces = ["Maurer", "Tsend", "Tsendiin", "Kim Il Sung", "Kim Il", "Ion Gheorghe Maurer", " ",
              ", ", "-", "'", "’", ".", "_", "x", "s", "Ts", "end", "\n", "é"]
    texts = ["Maurer's Tsend-Tsendiin .Tsend _Maurer Maurer_ xMaurer Tsendx Tsend Tsendiin."]
    texts += ["".join(rng.choice(pieces) for _ in range(rng.randint(0, 30))) for _ in range(3000)]
    found_any = 0
    for text in texts:
        expected = _regex_find(document.forms, text)
        assert list(document.find(text)) == expected, text
        found_any += bool(expected)
    assert found_any > 500  # the comparison was not on texts without mentions


def test_a_name_added_later_is_found_at_the_next_search() -> None:
    document = DocumentNames()
    assert list(document.find("Maurer spoke.")) == []
    document.remember("Ion Gheorghe Maurer", "first-name")
    assert list(document.find("Maurer spoke.")) == [(0, 6)]
    document.remember("Counsellor Tsend", "title")
    assert list(document.find("Tsend and Maurer")) == [(0, 5), (10, 16)]


def test_initials_outside_ascii_are_cues_in_text_order() -> None:
    text = "Then Ž. Živković met A. Gromyko and Ö. Öztürk; É.Ä. Ärnö replied."
    found = [(text[c.start:c.end], c.rule) for c in cues.find_cues(text) if c.rule == "initials"]
    assert found == [("Ž. Živković", "initials"), ("A. Gromyko", "initials"),
                     ("Ö. Öztürk", "initials"), ("É.Ä. Ärnö", "initials")]
    assert not [c for c in cues.find_cues("Dvořák Ž.") if c.rule == "initials"]  # initials alone


def test_a_later_mention_still_outranks_a_weak_cue() -> None:
    """`Tsend said` after `Counsellor Tsend`: the speech verb alone is a weak cue, the
    document's earlier mention a stronger one; skipping the second choice must not keep the
    weak one."""
    tagger = NameTagger(load_registers(ROOT / "tei/registers"), ROOT / "tei", gazetteer=False)
    document = DocumentNames()
    first = tagger.spans("We met Counsellor Tsend.", document)
    assert [(s.rule, s.kind) for s in first] == [("title", "person")]
    later = tagger.spans("Then Tsend said no.", document)
    assert [(s.start, s.end, s.rule) for s in later] == [(5, 10, "document")]
    again = tagger.spans("Counsellor Tsend agreed.", document)
    assert [(s.start, s.end, s.rule) for s in again] == [(11, 16, "title")]


def test_cue_rules_do_not_depend_on_the_hash_seed() -> None:
    """`Kang` is a Korean and a Chinese family name; which rule names `Kang Yong-gon` used to
    change with PYTHONHASHSEED (a frozenset's order)."""
    code = ("from toolkit.names.cues import find_cues; "
            "print([(c.start, c.end, c.rule) for c in find_cues('Then Kang Yong-gon and Kang Song said so.')])")
    outputs = {subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True,
                              cwd=ROOT, env={"PYTHONHASHSEED": str(seed), "PYTHONPATH": str(ROOT)}).stdout
               for seed in range(6)}
    assert len(outputs) == 1
    assert "'korean'" in outputs.pop()


# -- issue #10/#11 speed, branch conv-speed: cue rules without their widest searches -------------
def _random_texts(pieces: list[str], count: int, seed: int) -> list[str]:
    rng = random.Random(seed)
    return ["".join(rng.choice(pieces) for _ in range(rng.randint(0, 14))) for _ in range(count)]


def test_place_heads_are_those_of_the_whole_word_search() -> None:
    """The place heads come from the trigger pass, not from a search of their own: the cues
    they give are those of `\\b(?:HEADS)(?![\\w'’-])` and the place-name rule before each."""
    search = re.compile(rf"\b(?:{cues.PLACE_HEADS})(?![\w'’-])")

    def expected(text: str) -> list[tuple[int, int]]:
        found = []
        for head in search.finditer(text):
            for capital in cues._WORD_START.finditer(text, max(0, head.start() - 60), head.start()):
                match = cues._PLACE_NAME.match(text, capital.start())
                if match and match.end() == head.end():
                    found.append(match.span("n"))
                    break
        return found

    pieces = ["South Pyongan ", "Province", "Region", "Oblast", "Krai", "Primorsky ", "Kangwon ",
              "County", "Governorate", "Territory", "the ", "of ", "x", "_", "-", "'", "’", ".",
              " ", ", ", "Mr. Kim ", "Party", "1", "é", "\n"]
    texts = _random_texts(pieces, 20_000, 7)
    texts += ["Primorsky Krai and South Pyongan Province", "xProvince", "Kangwon Province's",
              "Kangwon Province-level", "Kangwon Province_", "Kangwon Provinces", "Kangwon Krai."]
    checked = 0
    for text in texts:
        got = [(c.start, c.end) for c in cues.find_cues(text) if c.rule == "place-head"]
        assert got == expected(text), text
        checked += bool(got)
    assert checked > 500  # the texts do hold such names


def test_last_org_blocker_leaves_the_same_capitals_to_try() -> None:
    """The organisation rule starts after the last blocker before the head, now found by one
    match from the right: the capitals tried after it are those after finditer's last one."""
    pieces = list("aAbBoOfFtThHeE .,'’&-\t\n") + ["of ", "the ", "for ", "with ", "on ", "  ",
                                                "Ministry", "Mr.", "A.", "x_", "1", "É", "é"]
    for text in _random_texts(pieces, 50_000, 3):
        head = len(text)
        text += "Party"
        for begin in {0, max(0, head - 9), max(0, head - 2)}:
            last = begin
            for blocker in cues._ORG_BLOCKER.finditer(text, begin, head):
                last = blocker.end()
            match = cues._LAST_ORG_BLOCKER.match(text, begin, head)
            new = match.end() if match else begin
            assert [c.start() for c in cues._WORD_START.finditer(text, last, head + 1)] == \
                [c.start() for c in cues._WORD_START.finditer(text, new, head + 1)], text


def test_place_prefix_pretest_keeps_every_prefix() -> None:
    """extend_place tests the words before a place before PLACE_PREFIX's search: every
    prefix the search finds is still found, and a compass word just before the place is part
    of it (PLACE_PREFIX's compass form needs the capital after it, so its search on the text
    before the place never found one)."""
    pieces = ["Republic ", "People's ", "Democratic ", "Kingdom ", "Gulf ", "of ", "the ", "South ",
              "North ", "Eastern ", "Sea ", "Island ", "City ", "x", "Xof ", "of\u00a0", "the\t",
              " ", "  ", "-", ".", "Republic\nof "]

    def expected(text: str, start: int) -> int:
        if start < 3 or text[start - 1] != " ":
            return start
        previous = text[text.rfind(" ", 0, start - 1) + 1:start - 1]
        if previous not in cues._PREFIX_WORDS:
            return start
        if previous not in ("of", "the"):
            return start - len(previous) - 1  # a compass word: `Eastern Korea`, `Southern Africa`
        match = cues.PLACE_PREFIX.search(text[max(0, start - 60):start])
        return start if match is None else start - len(match.group())

    extended = 0
    for text in _random_texts(pieces, 50_000, 5):
        text += "Korea"
        start = len(text) - 5
        assert cues.extend_place(text, start) == expected(text, start), text
        extended += cues.extend_place(text, start) < start
    assert extended > 300  # the texts do hold such prefixes

"""The converter's fast paths give what the slower code they replace gave.

Speed work (issue #10) replaced a few computations by cheaper ones with the same result; each
is checked here against the original formulation on many generated inputs, so a later edit
of either side that makes them disagree fails.
"""

from __future__ import annotations

import random
import re
from pathlib import Path

from lxml import etree

from toolkit.encoding import bracket_kinds
from toolkit.encoding.bracket_kinds import (INAUDIBLE, PAUSE, SPOKEN_EVENTS, _SENTENCE_END,
                                            spoken_event)

from toolkit.encoding.bracket_parse import _signs, continues_bracket, pair_brackets
from toolkit.encoding.brackets import _last_words
from toolkit.tei import TEI_NS, el, sub

# The variant check's original search: the last N words before a bracket.
WORDS = r"(?:^|(?<=\s))((?:[\w'’.-]+\s){%d}[\w'’.-]+)$"


def test_last_words_are_the_runs_the_regex_finds() -> None:
    rnd = random.Random(10)
    alphabet = "ab C’'.-_\n\t 1é,(\u00a0\x0b\x0c"
    for _ in range(20_000):
        tail = "".join(rnd.choice(alphabet) for _ in range(rnd.randint(0, 14)))
        most = rnd.randint(1, 5)
        runs = _last_words(tail, most)
        for count in range(1, most + 1):
            found = re.search(WORDS % (count - 1), tail)
            expected = found.group(1) if found else ""
            assert (runs[count - 1] if count <= len(runs) else "") == expected, (tail, count)


def test_last_words_of_a_name_before_a_bracket() -> None:
    assert _last_words("talks with Kim Chang-man", 3) == ["Chang-man", "Kim Chang-man",
                                                         "with Kim Chang-man"]
    assert _last_words("(Kim  Chang-man", 3) == ["Chang-man"]  # two spaces end the run


def test_sign_counts_say_when_the_pairing_can_report_a_bracket() -> None:
    rnd = random.Random(11)
    for _ in range(20_000):
        text = "".join(rnd.choice('[]ab stamp"') for _ in range(rnd.randint(0, 20)))
        unclosed, stray = _signs(text)
        kinds = {repair.kind for repair in pair_brackets(text)[1]}
        assert unclosed or "unclosed" not in kinds, text
        assert stray or "stray" not in kinds, text


def test_a_bracket_cut_by_a_page_break_still_continues() -> None:
    assert continues_bracket("the talks [handwritten: see", "page 2] went on")
    assert not continues_bracket("the talks [closed] here", "page 2] went on")


def test_sub_under_a_tei_parent_and_under_another() -> None:
    div = el("div")
    sub(div, "p", ["a ", el("hi", "b"), " c"], n="1")
    assert etree.tostring(div) == (f'<div xmlns="{TEI_NS}"><p n="1">a <hi>b</hi> c</p></div>'
                                   ).encode()
    other = etree.Element("{urn:x}wrapper", nsmap={None: "urn:x"})  # type: ignore[dict-item]
    sub(other, "p", "text")
    assert etree.tostring(other) == (f'<wrapper xmlns="urn:x"><p xmlns="{TEI_NS}">text</p>'
                                     '</wrapper>').encode()


def _spoken_by_patterns(content: str) -> str | None:
    """spoken_event as it was before its keyword pass: the patterns alone."""
    if len(content) > 80:
        return None
    if PAUSE.match(content):
        return "pause"
    if INAUDIBLE.match(content):
        return "inaudible"
    for name, pattern in SPOKEN_EVENTS:
        if pattern.match(content):
            return name
    sentences = _SENTENCE_END.split(content)
    if len(sentences) < 2:
        return None
    kinds = {_spoken_by_patterns(sentence) for sentence in sentences}
    if None in kinds:
        return None
    return kinds.pop() if len(kinds) == 1 and kinds <= {"vocal", "incident", "kinesic"} \
        else "incident"


def test_spoken_event_keyword_pass_changes_no_reading() -> None:
    # every word of the event patterns' source, in three cases, among names and other words
    source = Path(bracket_kinds.__file__).read_text(encoding="utf-8")
    patterns = source[source.index("_SUBJECT = "):source.index("# A word (or stem) every")]
    vocabulary = sorted(set(re.findall(r"[A-Za-z'-]{2,}", patterns)) | {
        "Kim", "Il", "Sung", "Zhou", "Mao", "map", "table", "Comrade", "1959", "Laughter.",
        "Applause.", "rises.", "nods", "hands", "Kelvin", "Standing", "Committee"})
    rnd = random.Random(12)
    events = 0
    for _ in range(40_000):
        text = ""
        for _ in range(rnd.randint(1, 6)):
            word = rnd.choice(vocabulary)
            word = rnd.choice([word, word, word.capitalize(), word.upper()])
            text += word + rnd.choice([" ", " ", " ", ". ", "! ", ", "])
        text = text.strip() if rnd.random() < 0.8 else text
        expected = _spoken_by_patterns(text)
        events += expected is not None
        assert spoken_event(text) == expected, text
    assert events > 1000  # the inputs do reach every kind of event, not only the fast path
    for text in ("laughter", "Zhou points at the map", "Applause. All rise.", "pause",
                 "Kim Il Sung", "word inaudible", "LAUGHTER", "lachen ⟨laughs⟩"):
        assert spoken_event(text) == _spoken_by_patterns(text), text

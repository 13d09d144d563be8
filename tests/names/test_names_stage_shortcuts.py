"""The names stage's shortcuts of speed10 find what the code they replaced found (issue #11,
speed): the register and gazetteer candidates made in one loop instead of a generator of
value lists, the minor towns tried only after a gate whose next word opens one, and the
cue automaton's keys added in another order. Each is compared with the slow form
on generated texts; a shortcut that drops or adds a name fails."""

from __future__ import annotations

import random
from pathlib import Path
from typing import Any


from toolkit.encoding import name_towns, names
from toolkit.encoding.names import GAZETTEER, REGISTER, DocumentNames, NameTagger, Span
from toolkit.names.fold import fold
from toolkit.registers import Entry, load_registers

ROOT = Path(__file__).resolve().parents[2]


def _texts(seed: int, count: int, words: list[str]) -> list[str]:
    rng = random.Random(seed)
    joints = [" ", " ", " ", ", ", " and ", " in ", " near ", " to ", "-", "'s ", ". ", "\n"]
    out = []
    for _ in range(count):
        parts = []
        for _ in range(rng.randint(1, 12)):
            word = rng.choice(words)
            shape = rng.random()
            word = word.upper() if shape < 0.1 else word.lower() if shape < 0.2 else word
            parts += [word, rng.choice(joints)]
        out.append("".join(parts))
    return out


_PLACES = ["Moscow", "Hungary", "Korea", "North Korea", "Soviet Union", "Berlin", "Hanoi", "China",
           "Republic", "of", "the", "Cuba", "Massawa", "Asmara", "Assab", "Keren", "Nakfa", "Dong Ha",
           "Quang Tri", "town", "port", "freighter", "ship", "Playa Girón", "Łódź", "São Paulo",
           "Kosygin", "Gromyko", "Comrade", "met", "visited", "Rhine-Westphalia", "New", "York", "Lake"]


def _old_candidates(tagger: NameTagger, text: str) -> list[Span]:
    """The candidates as spans() made them before, from matches()."""
    out: list[Span] = []
    for start, end, values in tagger._matcher.matches(text, fold(text)):
        entry = values[0]
        if isinstance(entry, Entry):
            out.append(Span(start, end, entry.kind, entry, REGISTER))
        if not isinstance(values[-1], Entry):
            out.append(Span(start, end, "place", None, GAZETTEER, "gazetteer"))
    return out


def test_candidates_are_those_of_the_matches(tagger: NameTagger) -> None:
    register_forms = [name for entry in load_registers(ROOT / "tei" / "registers").entries for name in entry.names]
    texts = _texts(3, 3000, _PLACES + register_forms)
    found = 0
    for text in texts:
        expected = _old_candidates(tagger, text)
        assert tagger._matcher.candidates(text, fold(text)) == expected, text
        found += len(expected)
    assert found > 3000  # the comparison saw names, of both sources
    assert any(s.rank == REGISTER for t in texts[:300] for s in _old_candidates(tagger, t))


class _Everything(frozenset[str]):
    """A set that holds every word: the town shortcut switched off."""

    def __contains__(self, item: object) -> bool:
        return True


def _spans(tagger: NameTagger, texts: list[str]) -> list[list[Span]]:
    document = DocumentNames()
    return [tagger.spans(text, document) for text in texts]


def test_towns_as_without_the_shortcut(tagger: NameTagger, monkeypatch: Any) -> None:
    towns = sorted(names._minor_towns().values())
    rng = random.Random(5)
    words = _PLACES + rng.sample(towns, 200) + [t.split()[0] for t in rng.sample(towns, 50)]
    texts = _texts(7, 2500, words)
    fast = _spans(tagger, texts)
    monkeypatch.setattr(name_towns, "_minor_town_firsts", lambda: _Everything())
    slow = _spans(tagger, texts)
    assert fast == slow
    # the texts put minor towns after gates, and places after vessels' words
    assert sum(1 for spans in slow for s in spans if s.rule == "gazetteer" and s.kind == "place") > 1000


def test_a_minor_town_after_a_gate_is_still_found(tagger: NameTagger) -> None:
    town = next(name for key, name in sorted(names._minor_towns().items())
                if " " not in key and name.isalpha() and name[:1].isupper() and tagger.lookup(name) is None
                and not names._gazetteer().get(name))
    spans = tagger.spans(f"The delegation travelled to {town} by car.")
    assert [(s.kind, s.rule) for s in spans if s.start == 28] == [("place", "gazetteer")]


def test_the_trigger_pass_does_not_depend_on_the_order_keys_were_added() -> None:
    """The cue automaton's keys are added by text frequency (speed); added in the order of
    the keys (capitals first), it finds the same keys at the same places, in the same order."""
    import ahocorasick

    from toolkit.names import cues
    from toolkit.names.letters import by_text_frequency

    plain = ahocorasick.Automaton()
    for key, value in sorted(cues._TRIGGERS.items()):
        plain.add_word(key, value)
    plain.make_automaton()
    rng = random.Random(9)
    keys = [key for key, _ in cues._TRIGGERS.items()]
    pieces = [*rng.sample(keys, 300), " ", " ", ", ", "the ", "and ", "x", "é", "-", "."]
    texts = ["".join(rng.choice(pieces) for _ in range(rng.randint(0, 25))) for _ in range(3000)]
    hits = 0
    for text in texts:
        expected = list(plain.iter(text))
        assert list(cues._TRIGGERS.iter(text)) == expected, text
        hits += len(expected)
    assert hits > 20_000
    # and the order of adding is the one that makes the pass fast: lower case before capitals
    order = [key for key, _ in sorted(cues._TRIGGERS.items(), key=lambda kv: by_text_frequency(kv[0]))]
    assert order.index("said") < order.index("Comrade")

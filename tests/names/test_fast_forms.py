"""Fast forms of the names stage's searches give what the plain forms they replace gave."""

from __future__ import annotations

import random
import re

from toolkit.encoding.names import _TOWN_GATE

# the gate of _towns as it was written first: a word at every position, then the capital
_PLAIN_TOWN_GATE = re.compile(r"\b(?:[Ii]n|near|at|towards?|via|through|outside|around|from|by\sway\sof|"
                              r"(?:town|city|port|village|base|harbour|airfield|garrison)\sof)\s(?=[A-Z])")
_PIECES = ["in", "In", "within", "near", "at", "town", "of", "by", "way", "towards", "toward", "via",
           "from", "harbour", "garrison", "Xin", "é", "A", "Bat", "Ñ", "x", "_", "1", " ", " ", "\n",
           "\t", "\xa0", ",", "-", "'"]


def test_town_gate_ends_as_the_plain_pattern() -> None:
    rng = random.Random(7)
    texts = ["at Asmara and in Massawa", "within Eritrea", "by way of Assab", "In Keren,",
             "the town of\nAgordat", "from  Tessenei", "near_Barentu", "outside Ñ"]
    texts += ["".join(rng.choice(_PIECES) for _ in range(rng.randint(1, 14))) for _ in range(30000)]
    for text in texts:
        assert [m.end() for m in _TOWN_GATE.finditer(text)] == [
            m.end() for m in _PLAIN_TOWN_GATE.finditer(text)], repr(text)
    assert [m.end() for m in _TOWN_GATE.finditer("at Asmara and in Massawa")] == [3, 17]

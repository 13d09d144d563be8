"""The last check of a conversion: nothing of the source is lost (issue #10).

Every rule of the body stages keeps what it does not classify, and the round-trip tests hold
that on every fixture; a rule that drops a line on a layout nobody tested would still lose it
silently. So the text reader compares the source body's words with the words of the TEI's
plain-text projection (`toolkit.projection`, the source regenerated from the encoding) and
warns, naming the line, when any is missing. The projection costs about as much as a tenth
of a conversion, so it runs only when a cheap count says it may be needed: the letters and
digits of the TEI's text fewer than the source's (the TEI drops only bracket words, `[sic]`,
and note numbers, and adds expansions, so a document with none of those never pays).
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Sequence

from lxml import etree

from toolkit.errors import Diagnostic, Severity
from toolkit.projection import project

_WORD = re.compile(r"\w+")
_NON_WORD = re.compile(r"\W+")

Line = tuple[int, str]


def _letters(texts: Iterable[str]) -> int:
    """The word characters of `texts` (the letters of their `_WORD` matches): one pass of the
    engine over the joined text, not a Python step per word (joining adds none, splits none)."""
    return len(_NON_WORD.sub("", "".join(texts)))


def lost_words(blocks: Sequence[Sequence[Line]], text: etree._Element, path: str
               ) -> list[Diagnostic]:
    """A warning per source line holding words the TEI's projection lacks (at most five)."""
    lines = [line for block in blocks for line in block]
    if _letters(map(str, text.itertext())) >= _letters([line for _, line in lines]):
        return []
    missing = Counter(_WORD.findall(" ".join(line for _, line in lines))) \
        - Counter(_WORD.findall(project(text)))
    if not missing:
        return []
    # A lost line holds many of the missing words; a common word of it (`by`) also stands
    # on other lines: the lines with the most missing words claim them first.
    ranked = sorted(lines, key=lambda item: -sum(1 for w in _WORD.findall(item[1]) if missing[w]))
    claimed: list[tuple[int, list[str]]] = []
    for number, line in ranked:
        here = [word for word in _WORD.findall(line) if missing[word] > 0]
        if not here:
            continue
        for word in here:
            missing[word] -= 1
        claimed.append((number, here))
        if len(claimed) == 5 or not +missing:
            break
    return [Diagnostic(Severity.WARNING, f"words of this line are not in the TEI "
                       f"({' '.join(here[:8])}): a rule of the converter dropped them; please "
                       "report it with the file", path, number, rule="lost-text")
            for number, here in sorted(claimed)]

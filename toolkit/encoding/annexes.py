"""Annexes after the signature, each with its own title (issue #10, layout 141).

A report may end with parts after its signature: `Annex 1`, `Annex 2` (or `Appendix A`,
`Enclosure No. 2`), each a document of its own with its own title line under it. The first
such line stands right under the signature (`body._attachments` finds it); every later line of
the same word with a number or letter opens the next part, wherever it stands (the second annex
is far from the signature). Each part is a `div` of the back, typed by its word (`annex`,
`appendix`; `attachment` for the others, as before), its title line a second `head` (TEI allows
several); a title that announces a list (`List of persons met ...`) is that list's head.
"""

from __future__ import annotations

import re

from toolkit.encoding import structure as cue
from toolkit.encoding.blocks import SENTENCE_END, SourceBlock

NUMBERED_PART = re.compile(r"^(?P<word>Attachment|Enclosure|Annex|Appendix|Supplement)\s+"
                           r"(?:No\.?\s*|N[º°o]\.?\s*)?(?:\d{1,3}|[IVX]{1,4}|[A-Z])[:.]?$", re.I)
_TYPES = {"annex": "annex", "appendix": "appendix"}
TITLE_MOST = 100


def part_type(head: str) -> str:
    """The back division's @type: the part's own word for annexes and appendices."""
    word = head.split(None, 1)[0].lower() if head.split() else ""
    return _TYPES.get(word, "attachment")


def later_starts(blocks: list[SourceBlock], first: int) -> list[int]:
    """The parts after the first one at `first`: lines of its word with their own number."""
    found = NUMBERED_PART.match(blocks[first].text.strip())
    if found is None:
        return []
    word = found.group("word").lower()
    return [i for i in range(first + 1, len(blocks) - 1)
            if (later := NUMBERED_PART.match(blocks[i].text.strip()))
            and later.group("word").lower() == word]


def title(blocks: list[SourceBlock], start: int, end: int) -> bool:
    """The line under a part's head is its title: short, no sentence, text after it, and
    not a list's announcement (that is the list's head)."""
    if start + 2 > end:
        return False
    text = blocks[start + 1].text.strip()
    return len(text) <= TITLE_MOST and text[:1].isupper() and not SENTENCE_END.search(text) \
        and not cue.LIST_HEAD.search(text) and not cue.POINT.match(text) \
        and not cue.ATTACHMENT.match(text) and start + 2 < end

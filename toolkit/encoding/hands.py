"""A hand's note alone on a line at a division's top (probe13, layout 153).

A minister's resolution is written across the top of the first page, above the office and the
marks (`[Resolution in the upper left corner, handwritten: "To Cde. ... Prepare a reply."]`).
Read as the first paragraph, it ended the document's top: the ministry, the classification,
the place and date and the title under it all became paragraphs. The note describes the page,
not the text's first paragraph: it is a `note` directly in the division (`model.global`, allowed
before `head` and `opener`), where it stands, and the lines under it are still the top.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from lxml import etree

from toolkit.encoding import structure as cue
from toolkit.encoding.bracket_kinds import HAND_DESCRIBED, HANDWRITTEN
from toolkit.encoding.blocks import SourceBlock
from toolkit.tei import sub

if TYPE_CHECKING:
    from toolkit.encoding.body import BodyEncoder

_HAND_TYPES = frozenset({"handwritten", "marginalia"})


def _hand(content: str) -> bool:
    lower = content.lower()
    return bool(HANDWRITTEN.match(content) or HAND_DESCRIBED.match(content)) \
        or ("margin" in lower.split(":", 1)[0] and ":" in content)


def top_note(encoder: BodyEncoder, div: etree._Element, unit: SourceBlock) -> bool | None:
    """A line that is one bracket describing a hand's writing, at the top: its `note` in
    `div` (True: the top goes on); a paragraph when its encoding is no hand's note (False);
    None, nothing encoded, for any other line."""
    text = unit.text.strip()
    if not (text.startswith("[") and text.endswith("]") and cue.one_bracket(text)
            and _hand(text[1:-1])):
        return None
    content = encoder._inline(unit, text)
    elements = [c for c in content if not isinstance(c, str)]
    if len(elements) == 1 and not any(isinstance(c, str) and c.strip() for c in content) \
            and etree.QName(elements[0]).localname == "note" \
            and elements[0].get("type") in _HAND_TYPES:
        div.append(elements[0])
        return True
    sub(div, "p", content)
    return False

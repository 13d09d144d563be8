"""The office's tail under a signature (issue #10), as Soviet-bloc typescripts have it, and the
mention of an attachment that the export does not reproduce.

- Under the signature: the executor and his telephone (`Executor: Ivanov, tel. 2-34`), the
  copies printed and their addressees (`Printed 2 copies` / `1 - to the addressee`), the
  outgoing number (`No. 1234/gs`) and the date at the bottom left. These lines are the
  office's record of how the typescript was made and sent, not its text: each stays where it
  stands, after the closer, the executor a `note[@type='executor']` (names tagged), the copies
  a `note[@type='distribution']` holding the list, the number an `fw[@type='number']`, the
  date a `dateline` in a closer of its own (after the closer's notes, a division's bottom
  takes a dateline only in a closer). The tail is taken only when
  it holds an executor or a copies-printed line and a signature stands right above it, so a
  date or a number alone at the end keeps the rules it had.
- `Attachment: on 3 pages.` (`Enclosure: 2 sheets`), or any attachment line with nothing after
  it: the text says it has an attachment, which is not reproduced; a
  `note[@type='attachment']` where it stands, the text going on after it (the attachment
  division of `body._structure` is for an attachment whose text follows its line).
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from lxml import etree

from toolkit.encoding import layouts
from toolkit.encoding import structure as cue
from toolkit.encoding.blocks import SourceBlock
from toolkit.tei import Inline, sub

if TYPE_CHECKING:
    from toolkit.encoding.body import BodyEncoder

EXECUTOR = re.compile(r"^(?:Executor|Executed by|Exec\.|Ex\.|Isp\.|Ispolnitel'?|Performer|"
                      r"Typed by|Typist|Printed by|Otp\.)\s*[:.]?\s+\S.{0,80}$", re.I)
PHONE = re.compile(r"\btel\.?\s*\d[\d-]{1,12}\b", re.I)
PRINTED = re.compile(r"^(?:(?:printed|typed|made)\s+(?:in\s+)?\w{1,8}\s+cop(?:y|ies)|"
                     r"\w{1,8}\s+cop(?:y|ies)\s+(?:printed|typed|made))\.?$", re.I)
EXTENT = re.compile(r"^(?:on\s+)?(?:\d{1,3}|one|two|three|four|five|six|seven|eight|nine|ten)"
                    r"\s+(?:pages?|sheets?|pp\.|ll\.|leaves|copies)(?:,?\s+(?:top\s+)?secret)?"
                    r"\.?$|^(?:as\s+(?:stated|mentioned|indicated)|mentioned|the above)\.?$", re.I)
_ATTACHMENT_VALUE = re.compile(r"^(?:Attachments?|Enclosures?|Appendix|Supplement)\s*[:.]?\s*",
                               re.I)


def _kind(text: str) -> str | None:
    if EXECUTOR.match(text) or (PHONE.search(text) and len(text) <= 60):
        return "executor"
    if PRINTED.match(text):
        return "printed"
    if cue.LIST_ITEM.match(text):
        return "item"
    if cue.mark_type(text) == "number":
        return "number"
    if cue.date_line(text) and len(text) <= 40:
        return "date"
    return None


def archival_tail(blocks: list[SourceBlock]) -> list[SourceBlock]:
    """The tail under the signature, taken off the end of `blocks` (or [] when there is none)."""
    start = len(blocks)
    while start > 2 and _kind(blocks[start - 1].text.strip()):
        start -= 1
    kinds = [_kind(b.text.strip()) for b in blocks[start:]]
    if not {"executor", "printed"} & set(kinds):
        return []
    # a copies list stands under its head; an item after anything else is no tail's
    for before, kind in zip([None, *kinds], kinds):
        if kind == "item" and before not in ("printed", "item"):
            return []
    if not cue.signature_like(blocks[start - 1].text.strip()):
        return []
    taken = blocks[start:]
    del blocks[start:]
    return taken


def tail(encoder: BodyEncoder, div: etree._Element, units: list[SourceBlock]) -> None:
    """The tail's lines after the closer, in their order (see the module's docstring)."""
    index = 0
    while index < len(units):
        unit = units[index]
        text = unit.text.strip()
        kind = _kind(text)
        index += 1
        if kind == "printed":
            end = index
            while end < len(units) and _kind(units[end].text.strip()) == "item":
                end += 1
            layouts.distribution_note(encoder, sub(div, "note", type="distribution"),
                                      units[index - 1:end])
            index = end
        elif kind == "number":
            sub(div, "fw", encoder._inline(unit, text), type="number")
        elif kind == "date":  # (after the closer a division takes a dateline only in one)
            encoder._dateline(sub(div, "closer"), unit, text)
        else:
            sub(div, "note", encoder._inline(unit, text), type="executor")
        encoder.decided(f"{text[:40]!r} under the signature taken as the office's record of "
                        f"the typescript ({kind or 'executor'})", unit.line)


def attachment_mention(text: str, following: str) -> bool:
    """`Attachment: on 3 pages.`, or an attachment line that nothing follows."""
    if not cue.ATTACHMENT.match(text) or len(text) > 100:
        return False
    value = _ATTACHMENT_VALUE.sub("", text, count=1)
    return not following or bool(EXTENT.match(value))


def mention(encoder: BodyEncoder, div: etree._Element, unit: SourceBlock) -> None:
    text = unit.text.strip()
    sub(div, "note", encoder._inline(unit, text), type="attachment")
    encoder.decided(f"{text!r} taken as the mention of an attachment not reproduced", unit.line)


def end_mark(encoder: BodyEncoder, unit: SourceBlock) -> list[Inline]:
    """The trailer's content: `[End of document]` is the transcriber's end mark, its brackets
    kept as written (no `supplied`: nothing was added to the document); `END OF MESSAGE`
    the cable's own words, encoded inline."""
    text = unit.text.strip()
    if text.startswith("[") and text.endswith("]"):
        return [text]
    return encoder._inline(unit, text)

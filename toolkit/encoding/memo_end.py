"""The end of an office memorandum after its signature (issue #10): the copies list and the
typist's reference line.

- `cc: S/S` with the further addressees indented under it (`    INR - Mr. Hughes`): the
  distribution, as a list whose head is the label (`note[@type='distribution']/list`, as a
  distribution list after the signature); one line (`cc: A, B`) stays the distribution line.
- `HM:jr` (`HM/jr`) as the last line: the drafter's and the typist's initials, the office's
  reference for the typescript, not a name (never a signature) and not a paragraph. It stays
  where it stands, a line of the closing matter: `seg[@type='reference-initials']` in the
  closer (a closer of its own when the copies list stands between it and the signature, or
  when there is no signature).
- `Distribution:` (`Verteiler:`, `Copies:`) alone on its line at the very end, with two or more
  short lines under it (`1st copy   Cde. E. Honecker` / ... / `4th copy   HA XX`): the
  distribution box of a report that is not signed (an information report of a ministry):
  `note[@type='distribution']/list`, the label its head, an item per line.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from lxml import etree

from toolkit.encoding import structure as cue
from toolkit.encoding.blocks import SourceBlock
from toolkit.tei import sub, tei

if TYPE_CHECKING:
    from toolkit.encoding.body import BodyEncoder

# the drafter's initials in capitals, then the typist's in lower case (`HM:jr`, `RLS/mb`)
REFERENCE_INITIALS = re.compile(r"^[A-Z]{1,4}\s?[:/]\s?[a-z]{1,4}(?:[:/][a-z]{1,4})?$")
# `cc:`, `bcc:`, `Copies to:` opening the copies list
COPIES_LABEL = re.compile(r"^(?P<label>b?cc|copies to|copy to)\s*:\s*(?=\S)", re.I)
LIST_LINE = 80  # a copies list's line is an addressee, not a paragraph


def reference_line(blocks: list[SourceBlock]) -> SourceBlock | None:
    """The typist's reference line as the last block, taken off the end of `blocks`."""
    if len(blocks) > 1 and REFERENCE_INITIALS.fullmatch(blocks[-1].text.strip()):
        return blocks.pop()
    return None


def copies(blocks: list[SourceBlock]) -> list[SourceBlock]:
    """`cc: A` and the addressees indented under it, at the end right after a signature
    line: taken off the end of `blocks` (the body encodes them as the distribution)."""
    for start in range(len(blocks) - 2, max(1, len(blocks) - 10), -1):
        if not COPIES_LABEL.match(blocks[start].text.strip()):
            continue
        under = blocks[start + 1:]
        if all(b.text[:1].isspace() and len(b.text.strip()) <= LIST_LINE for b in under) \
                and cue.signature_like(blocks[start - 1].text.strip()):
            taken = blocks[start:]
            del blocks[start:]
            return taken
        return []
    return []


def copies_list(encoder: BodyEncoder, holder: etree._Element, units: list[SourceBlock]) -> bool:
    """The copies list: `list` with the label as its `head` and an item per addressee (the
    first one is the rest of the label's line). False when `units` is no copies list."""
    first = units[0]
    found = COPIES_LABEL.match(first.text.strip())
    if found is None or len(units) < 2:
        return False
    made = sub(holder, "list")
    lead = len(first.text) - len(first.text.lstrip())
    label = found.group().rstrip()
    sub(made, "head", label)
    rest = first.tail(lead + found.end())
    sub(made, "item", encoder._inline(rest, rest.text.strip()))
    for unit in units[1:]:
        sub(made, "item", encoder._inline(unit, unit.text.strip()))
    encoder.decided(f"{label!r} and the {len(units) - 1} lines indented under it taken as the "
                    "copies list", first.line)
    encoder._count("lists")
    return True


def reference(encoder: BodyEncoder, div: etree._Element, unit: SourceBlock) -> None:
    """The reference line in the closer, which it ends; a closer of its own after a copies
    list (a division holds nothing but notes and forme work between closers) or without a
    signature (it is still closing matter); a paragraph when no text stands before it (a
    closer needs some)."""
    last = div[-1] if len(div) else None
    if last is None or (last.tag != tei("closer") and div.find(".//" + tei("p")) is None):
        encoder._paragraph(div, unit)
        return
    closer = last if last is not None and last.tag == tei("closer") else sub(div, "closer")
    sub(closer, "seg", unit.text.strip(), type="reference-initials")
    encoder.decided(f"{unit.text.strip()!r} at the end taken as the typist's reference "
                    "initials", unit.line)


# `Distribution:`, `Verteiler:`, `Copies:` alone on its line: a distribution box's label
BOX_LABEL = re.compile(r"^(?:distribution(?: list)?|distributed to|verteiler|copies|addressees|"
                       r"recipients|sent to)\s*:$", re.I)
BOX_LINES = 12  # a box lists a few copies; more lines under a label are the text's


def distribution_box(blocks: list[SourceBlock]) -> list[SourceBlock]:
    """The distribution box at the very end, with or without a signature above it: the
    label alone on its line and two or more short lines under it, none a sentence; taken
    off the end of `blocks`."""
    for start in range(len(blocks) - 3, max(0, len(blocks) - BOX_LINES - 2), -1):
        if not BOX_LABEL.match(blocks[start].text.strip()):
            continue
        under = blocks[start + 1:]
        if start > 0 and all(len(b.text.strip()) <= LIST_LINE and len(b.lines) == 1
                             and not _SENTENCE.search(b.text.strip()) for b in under):
            taken = blocks[start:]
            del blocks[start:]
            return taken
        return []
    return []


_SENTENCE = re.compile(r"[a-z]{2,}[.!?]$")  # a line ending a sentence: the text, no box


def box_list(encoder: BodyEncoder, holder: etree._Element, units: list[SourceBlock]) -> bool:
    """The distribution box: `list` with the label as its `head`, an item per line."""
    if len(units) < 3 or not BOX_LABEL.match(units[0].text.strip()):
        return False
    made = sub(holder, "list")
    sub(made, "head", units[0].text.strip())
    for unit in units[1:]:
        sub(made, "item", encoder._inline(unit, unit.text.strip()))
    encoder.decided(f"{units[0].text.strip()!r} and the {len(units) - 1} lines under it at the "
                    "end taken as the distribution", units[0].line)
    encoder._count("lists")
    return True

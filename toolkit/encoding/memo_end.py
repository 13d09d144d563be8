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
- a note verbale's end, unsigned: its formula of compliments (`... avails itself of this
  opportunity to renew ... the assurances of its highest consideration.`), then perhaps the
  place and date and the addressee: the note's `closer` (the formula its `salute`, `dateline`,
  `address` with an `addrLine` a line); no `signed` is made.
- under a signature, `To` alone (or `To:`) over the addressee's lines (`The Secretary,` /
  `Ministry of Home Affairs,` / `New Delhi.`): the addressee at the foot, as Indian and British
  office memoranda place it; an `address` of the closer, a line an `addrLine`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

from lxml import etree

from toolkit.encoding import structure as cue
from toolkit.encoding.blocks import SENTENCE_END, SourceBlock
from toolkit.tei import sub, tei

if TYPE_CHECKING:
    from toolkit.encoding.body import BodyEncoder

# the drafter's initials in capitals, then the typist's in lower case (`HM:jr`, `RLS/mb`);
# Latin letters with diacritics too (`JD/vš`, `ŁK/ab`): Czech, Polish, Hungarian typists'
_LATIN = [chr(c) for c in range(0x00C0, 0x0250)]
_UPPER = "A-Z" + "".join(c for c in _LATIN if c.isupper())
_LOWER = "a-z" + "".join(c for c in _LATIN if c.islower())
REFERENCE_INITIALS = re.compile(rf"^[{_UPPER}]{{1,4}}\s?[:/]\s?[{_LOWER}]{{1,4}}"
                                rf"(?:[:/][{_LOWER}]{{1,4}})?$")
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


# -- the end of an unsigned diplomatic note (issue #10, layout 134) --------------------------------
# A note verbale is written in the third person and not signed: it ends with the formula of
# compliments (`The Embassy ... avails itself of this opportunity to renew to the Ministry the
# assurances of its highest consideration.`), then perhaps the place and date, then perhaps the
# addressee (`To the Ministry of Foreign Affairs` / `of the ... Republic` / `Prague`). That end is
# the note's `closer`: the formula its `salute` (a closing formula, as `With socialist greetings`
# is a letter's), the place and date its `dateline`, the addressee its `address` (one `addrLine`
# a line). No `signed` is made, and the addressee's last line (a place) is no signer's name.
#
# The formula is the anchor: without it a place and date or an address at the end keeps the
# rules of the other stages (a paragraph, or the signature's place and date).
COMPLIMENTS = re.compile(
    r"\b(?:avails?\s+(?:itself|themselves|myself|ourselves)\s+of\s+(?:this|the\s+present)\s+"
    r"opportunity|(?:renews?|renew)\b[^.]{0,120}\bassurances?\s+of\s+(?:its|their|my|our)\s+"
    r"(?:highest|high|most\s+distinguished|distinguished)\s+(?:consideration|esteem))", re.I)
ADDRESS_LINES = 5  # an addressee at the foot: the office, its state, the town


@dataclass
class NoteEnd:
    salute: SourceBlock
    place_date: SourceBlock | None
    address: list[SourceBlock]


def _address_line(text: str) -> bool:
    """A line under the addressee: a name or town (`Prague`), or the office's name going on
    (`of the Czechoslovak Socialist Republic`, a connector first)."""
    if cue.address_continues(text):
        return True
    words = text.split()
    return bool(words) and words[0] in cue.CONNECTORS and len(words) <= 8 and len(text) <= 80 \
        and not SENTENCE_END.search(text) and ":" not in text


def _address(blocks: list[SourceBlock]) -> int:
    """How many lines at the end are an addressee (`To the ...` and the lines under it)."""
    for size in range(min(ADDRESS_LINES, len(blocks) - 1), 0, -1):
        lines = [b.text.strip() for b in blocks[-size:]]
        if cue.ADDRESSEE.match(lines[0]) and all(_address_line(t) for t in lines[1:]):
            return size
    return 0


def note_end(blocks: list[SourceBlock]) -> NoteEnd | None:
    """The note's formula of compliments and what follows it, taken off the end of `blocks`;
    None (blocks untouched) where the text does not end so."""
    at = len(blocks) - _address(blocks)
    place_date = at - 1 if at > 1 and cue.place_date(blocks[at - 1].text.strip()) else None
    formula = (place_date if place_date is not None else at) - 1
    if formula < 1 or not COMPLIMENTS.search(blocks[formula].text):
        return None
    end = NoteEnd(blocks[formula], blocks[place_date] if place_date is not None else None,
                  blocks[at:])
    del blocks[formula:]
    return end


def note_closer(encoder: BodyEncoder, div: etree._Element, end: NoteEnd) -> None:
    """The note's closer: the formula as salute, the dateline, the address."""
    encoder._count("closers")
    made = sub(div, "closer")
    sub(made, "salute", encoder._inline(end.salute, end.salute.text.strip()))
    if end.place_date is not None:
        encoder._dateline(made, end.place_date, end.place_date.text.strip())
    if end.address:
        address = sub(made, "address")
        for block in end.address:
            sub(address, "addrLine", encoder._inline(block, block.text.strip()))
    encoder.decided(f"the formula of compliments {end.salute.text.strip()[:40]!r} and the lines "
                    "after it taken as the unsigned note's closer", end.salute.line)



FOOT_TO = re.compile(r"^To:?$")


def _foot_line(text: str) -> bool:
    """An addressee's line at the foot: short, capitalised, no field or sentence (a comma or
    the full stop after the town may end it)."""
    words = text.split()
    return 0 < len(words) <= 8 and len(text) <= 80 and text[:1].isupper() and ":" not in text \
        and "[" not in text and not SENTENCE_END.search(text.rstrip(".,"))


def foot_address(blocks: list[SourceBlock]) -> list[SourceBlock]:
    """`To` alone and the addressee's lines under it at the very end, right under a signature
    line: taken off the end of `blocks` (the closer holds them); none where the end is not so."""
    for start in range(len(blocks) - 2, max(1, len(blocks) - ADDRESS_LINES - 2), -1):
        if not FOOT_TO.match(blocks[start].text.strip()):
            continue
        if all(_foot_line(b.text.strip()) for b in blocks[start + 1:]) \
                and cue.signature_like(blocks[start - 1].text.strip()):
            taken = blocks[start:]
            del blocks[start:]
            return taken
    return []


def foot_address_lines(encoder: BodyEncoder, closer: etree._Element,
                       lines: list[SourceBlock]) -> None:
    """The addressee at the foot as the closer's `address`, a line an `addrLine`."""
    address = sub(closer, "address")
    for block in lines:
        sub(address, "addrLine", encoder._inline(block, block.text.strip()))
    encoder.decided("the lines under `To` after the signature taken as the addressee",
                    lines[0].line)

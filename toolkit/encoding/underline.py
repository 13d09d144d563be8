"""Headings underlined by a line of `=` or `-` (issue #10, layout 140).

Typed reports (and exports made from them) mark a heading by a line of `=`, `-`, `_` or `~`
under it, about as long as the heading. The line under it says the line above is a heading,
whatever its wording: the first such heading before any paragraph is the document's `head`,
every later one opens a division (`div[@n]` when it is numbered, `2. POLITICAL SITUATION`)
with its `head`. The underline is kept in the head after a line break, as written, so that
nothing of the source is lost and the projection gives its line back. A rule line that
underlines nothing (much longer or shorter than the line above, or under a sentence) is left
to the other rules (a notes separator, a paragraph).
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from lxml import etree

from toolkit.encoding import structure as cue
from toolkit.encoding.blocks import LINE_BREAK, SENTENCE_END, SourceBlock
from toolkit.tei import sub

if TYPE_CHECKING:
    from toolkit.encoding.body import BodyEncoder

RULE = re.compile(r"^(?:={3,}|-{3,}|_{3,}|~{3,})$")
HEADING_MOST = 80  # a heading is a short line


def _heading_over(head: str, rule: str) -> bool:
    """`head` is underlined by `rule`: a short line with no sentence's end, the rule about as
    long (within a third of the heading's length, at least three characters)."""
    return bool(head) and len(head) <= HEADING_MOST and not RULE.match(head) \
        and not (SENTENCE_END.search(head) and not cue.SECTION.match(head)) \
        and abs(len(rule) - len(head)) <= max(3, len(head) // 3)


def merge(encoder: BodyEncoder, units: list[SourceBlock]) -> list[SourceBlock]:
    """Each heading and the rule under it joined as one block (a line break between)."""
    merged: list[SourceBlock] = []
    for unit in units:
        rule = unit.text.strip()
        if merged and RULE.match(rule) and LINE_BREAK not in merged[-1].text \
                and _heading_over(merged[-1].text.strip(), rule):
            merged[-1] = encoder._title_line(merged[-1], unit)
            continue
        merged.append(unit)
    return merged


def underlined(text: str) -> bool:
    """A block that `merge` made: a heading and its underline."""
    head, _, rule = text.partition(LINE_BREAK)
    return bool(rule) and LINE_BREAK not in rule and bool(RULE.match(rule.strip())) \
        and _heading_over(head.strip(), rule.strip())


def heading(encoder: BodyEncoder, div: etree._Element, unit: SourceBlock) -> etree._Element:
    """The document's head (nothing but marks and heads above it) or a division's; the
    element that holds what follows."""
    text = unit.text.strip()
    first = text.partition(LINE_BREAK)[0].strip()
    plain = all(str(child.tag).endswith(("}fw", "}head", "}opener")) for child in div)
    if plain and div.find("{*}head") is None:
        sub(div, "head", encoder._inline(unit, text))
        encoder._count("heads")
        return div
    label = cue.SECTION.match(first)
    number = label.group("n") if label else None
    section = sub(div, "div", n=number) if number else sub(div, "div")
    sub(section, "head", encoder._labelled(unit, label.group("label") if label else None))
    encoder.decided(f"{first!r} (underlined) taken as a section heading", unit.line)
    encoder._count("sections")
    return section

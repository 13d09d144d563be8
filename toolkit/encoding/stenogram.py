"""Stenograms and other records of speech (issue #10): the fields under the session's opening
and the events the record notes in parentheses inside a speech.

- Memo fields right after the session's opening stage (`The meeting began at 10:00 hours.` /
  `Participating: Comrades ...`): still the record's fields, never paragraphs; an opener may
  not follow a `stage` (TEI), so they are `seg[@type='memo-field']` with their `label` (as in
  an opener) in a `stage` of their own, one field a line (`lb` between): who is in the room,
  as a play's stage direction names those on stage.
- An event the stenographer notes in parentheses inside a speech, between its sentences or
  after its last one (`... the coming months. (Applause)`, `... we approve the report.
  (Everybody agrees)`): what happened in the room, not the translator's words, so an
  `incident` (a sound of the speakers, `(Laughter)`, a `vocal`; a gesture a `kinesic`) with
  the words as its `desc` and `rend='parentheses'` (the stylesheets and the projection give the
  parentheses back, as they give brackets back for `[Applause.]`). Only in a `sp`, only after a
  sentence's end (`.`, `!`, `?`), only a short phrase opening with a capital and holding no
  figure: a parenthesis inside a sentence (`the credits (Kosygin's)`), a number `(2)`, an
  omission `(...)` and any parenthesis outside a speech stay text, the translator's
  parentheses of the conventions.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from lxml import etree

from toolkit.encoding import layouts, lists, structure as cue
from toolkit.encoding.blocks import SourceBlock
from toolkit.encoding.bracket_kinds import spoken_event
from toolkit.tei import el, sub, tei

if TYPE_CHECKING:
    from toolkit.encoding.body import BodyEncoder

FIELDS_MOST = 8  # fields under the opening: who takes part, who chairs, who records


def fields_after_opening(encoder: BodyEncoder, div: etree._Element, units: list[SourceBlock],
                         index: int) -> int:
    """The memo fields at `index` right under the session's opening stage: the units taken,
    or 0."""
    last = div[-1] if len(div) else None
    if last is None or last.tag != tei("stage"):
        return 0
    end = index
    while end < len(units) and end < index + FIELDS_MOST \
            and cue.MEMO_FIELD.match(units[end].text.strip()) \
            and not layouts.speaker(units[end].text.strip()):
        end += 1
    if end == index:
        return 0
    made = sub(div, "stage")
    for unit in units[index:end]:
        found = cue.MEMO_FIELD.match(unit.text.strip())
        assert found
        start = len(unit.text) - len(unit.text.lstrip())
        value = unit.tail(start + found.end())
        label = cue.field_name(found.group("label"))
        content = layouts.listed_persons(encoder, found.group("label"),
                                         encoder._inline(value, value.text.rstrip()), unit.line)
        if len(made):
            sub(made, "lb")
        sub(made, "seg", [el("label", found.group()), *content], type="memo-field",
            subtype=lists.ncname(label))
    encoder.decided(f"{units[index].text.strip()[:40]!r} under the session's opening taken as "
                    "a memo field", units[index].line)
    return end - index


# ` (Applause)` after a sentence's end, then the paragraph's end or the next sentence
EVENT = re.compile(r"(?<=[.!?…])(?P<space>\s+)\((?P<event>[^\W\d_][^()\d\[\]]{1,58}?)\)"
                   r"(?=\s*$|\s+[^\W\d_])")
EVENT_WORDS = 6  # `The delegates rise and applaud`: longer is a sentence of the record


def parenthesised_events(part: etree._Element) -> None:
    """The parenthesised events in the speeches' paragraphs of `part`, as `incident`s."""
    for said in part.iter(tei("sp")):
        for paragraph in said.iterfind(tei("p")):
            _events(paragraph)


def _events(paragraph: etree._Element) -> None:
    # the paragraph's own text nodes: its text and each child's tail (a name stays whole)
    holders: list[tuple[etree._Element, bool]] = [(paragraph, True)] + \
        [(child, False) for child in paragraph]
    for holder, is_text in holders:
        text = (holder.text if is_text else holder.tail) or ""
        if "(" not in text:
            continue
        pieces: list[object] = []
        at = 0
        for found in EVENT.finditer(text):
            event = found.group("event").strip()
            if not event[:1].isupper() or len(event.split()) > EVENT_WORDS:
                continue
            kind = spoken_event(event)
            name = kind if kind in ("vocal", "kinesic") else "incident"
            pieces.append(text[at:found.start()] + found.group("space"))
            pieces.append(el(name, [el("desc", event)], rend="parentheses"))
            at = found.end()
        if not pieces:
            continue
        pieces.append(text[at:])
        _replace(paragraph, holder, is_text, pieces)


def _replace(paragraph: etree._Element, holder: etree._Element, is_text: bool,
             pieces: list[object]) -> None:
    """`pieces` (strings and elements) in place of the holder's text or tail."""
    first = pieces[0]
    assert isinstance(first, str)
    if is_text:
        paragraph.text = first
        position = 0
    else:
        holder.tail = first
        position = paragraph.index(holder) + 1
    last: etree._Element | None = None
    for piece in pieces[1:]:
        if isinstance(piece, str):
            assert last is not None
            last.tail = (last.tail or "") + piece
        else:
            assert isinstance(piece, etree._Element)
            paragraph.insert(position, piece)
            position += 1
            last = piece

"""A letter quoted in full inside a report (issue #10, layout 137).

Reports give the text of a letter or telegram they received "in full": an indented block of
lines under the paragraph that announces it, with the letter's own letterhead, dateline,
addressee, salutation, closing salutation and signature. It is a text inside the text, TEI's
`floatingText` (Guidelines 4.3.2) with its own `body`: the letter's opener and closer are
its own, and the report goes on after it with its own paragraphs and its own signature.

The rule needs both the indentation and the letter's parts: three lines or more, each
indented at least QUOTE_INDENT columns deeper than the line before the block, holding a
dateline or a salutation and ending in a closing salutation or a signature line. An indented
block without them (a quoted passage, a list) keeps the other rules. A block indented by two
or three columns only (QUOTE_INDENT_LEAST) is a letter on stronger evidence: a salutation
opens it, a paragraph of prose is in it, and the report's own text goes on after it (an
indented place, date and signature at the end are the report's own closing, not a letter).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from lxml import etree

from toolkit.encoding import structure as cue
from toolkit.encoding.blocks import SourceBlock
from toolkit.tei import sub

if TYPE_CHECKING:
    from toolkit.encoding.body import BodyEncoder

QUOTE_INDENT = 4  # deeper than the report's own lines by a tab's width at least
QUOTE_INDENT_LEAST = 2  # a shallower indent: a letter with all its parts, the report after it
QUOTE_LINES = 3   # a dateline or salutation, a paragraph, a signature


def _indent(unit: SourceBlock) -> int:
    return len(unit.text.expandtabs(4)) - len(unit.text.expandtabs(4).lstrip())


def quoted_letter(units: list[SourceBlock], index: int) -> int:
    """How many units from `index` on are a letter quoted in full (see the module), or 0."""
    if index == 0 or _indent(units[index]) < _indent(units[index - 1]) + QUOTE_INDENT_LEAST:
        return 0
    shallow = _indent(units[index]) < _indent(units[index - 1]) + QUOTE_INDENT
    deep = _indent(units[index - 1]) + (QUOTE_INDENT_LEAST if shallow else QUOTE_INDENT)
    end = index
    while end < len(units) and _indent(units[end]) >= deep:
        end += 1
    texts = [u.text.strip() for u in units[index:end]]
    if len(texts) < QUOTE_LINES:
        return 0
    opened = any(cue.place_date(t) or cue.date_line(t) or cue.OPENING_SALUTE.match(t)
                 for t in texts[:-1])
    closed = any(cue.CLOSING_SALUTE.match(t) for t in texts[1:]) or cue.signature_like(texts[-1])
    if shallow and not (end < len(units) and any(cue.OPENING_SALUTE.match(t) for t in texts)
                        and any(len(t.split()) >= 8 and t.endswith((".", "!", "?"))
                                for t in texts)):
        return 0
    return end - index if opened and closed else 0


def floating_text(encoder: BodyEncoder, div: etree._Element, units: list[SourceBlock]) -> None:
    """The quoted letter as `floatingText[@type='letter']/body`, its lines read as a letter
    of their own: opener, paragraphs, closing salutation and signature."""
    from toolkit.encoding import closing  # closing reads the layouts this module is read from

    inner = [u.tail(len(u.text) - len(u.text.lstrip())) for u in units]
    signature = closing.signature(encoder, inner)
    salute = inner.pop() if signature and len(inner) > 1 and \
        cue.CLOSING_SALUTE.match(inner[-1].text.strip()) else None
    body = sub(sub(div, "floatingText", type="letter"), "body")
    encoder._structure(body, inner)
    if signature:
        closing.closer(encoder, body, signature, salute)
    encoder.decided(f"lines {units[0].line}-{units[-1].line}, indented, taken as a letter quoted "
                    "in full (floatingText)", units[0].line)
    encoder._count("letters")

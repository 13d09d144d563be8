"""An office named over two lines, the second going on with a connecting word (probe13, 154);
the issuing body's line over an office and its place and date (156).

A Soviet ministry or committee heads its reports in capitals over two lines (`COMMITTEE FOR
STATE SECURITY` / `OF THE COUNCIL OF MINISTERS OF THE USSR`) and signs with its chairman's
office broken the same way (`Chairman of the Committee` / `for State Security` / `ANDROPOV`).
Read line by line, the second line was a title in capitals (a `head`) at the top and, under
the text, a sentence's fragment that stopped the signature: the office is one, its line break
an `lb` in the one `byline` or `roleName`. The cue is the connecting word opening the second
line (`of`, `for`, `and`, `attached to`): a name's or a title's line does not begin with one.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from lxml import etree

from toolkit.encoding import structure as cue
from toolkit.encoding.blocks import LINE_BREAK, SENTENCE_END, SourceBlock
from toolkit.tei import Inline, el, sub

if TYPE_CHECKING:
    from toolkit.encoding.body import BodyEncoder

GOES_ON = re.compile(r"^(?:of|for|and|attached\s+to|under|at|in|to)\s+\S", re.I)
MOST_WORDS = 10


def _continuation(text: str) -> bool:
    return bool(GOES_ON.match(text)) and len(text.split()) <= MOST_WORDS \
        and not SENTENCE_END.search(text) and "[" not in text and ":" not in text \
        and not any(c.isdigit() for c in text)


def byline_goes_on(encoder: BodyEncoder, div: etree._Element, unit: SourceBlock) -> bool:
    """At the top, a line in capitals opening with a connecting word right under a byline
    (the opener is the division's last element and the byline its last child): the office's
    second line, joined to the byline with an `lb`."""
    text = unit.text.strip()
    if not (len(div) and etree.QName(div[-1]).localname == "opener" and len(div[-1])
            and etree.QName(div[-1][-1]).localname == "byline"):
        return False
    if not (_continuation(text) and cue.heading_like(text)):
        return False
    append_line(div[-1][-1], encoder._inline(unit, text))
    encoder.decided(f"{text!r} taken as the second line of the office above it", unit.line)
    return True


def _top_byline(div: etree._Element) -> etree._Element | None:
    """The byline of an opener that holds only bylines, with nothing but marks above it."""
    if not len(div) or etree.QName(div[-1]).localname != "opener" or not len(div[-1]):
        return None
    if any(etree.QName(c).localname != "fw" for c in list(div)[:-1]) \
            or any(etree.QName(c).localname != "byline" for c in div[-1]):
        return None
    return div[-1][-1]


def office_under_office(encoder: BodyEncoder, div: etree._Element, unit: SourceBlock) -> bool:
    """An institution's line right under the issuing body's byline at the top (`USSR MINISTRY
    OF FOREIGN AFFAIRS` / `DEPARTMENT OF SOUTHEAST ASIA`, `Government of India` / `Ministry of
    External Affairs`): the office within the body, the byline's next line (147, 164), not a
    title in capitals. A document's kind (`INFORMATION`, `REPORT`) is no office."""
    text = unit.text.strip()
    byline = _top_byline(div)
    if byline is None or LINE_BREAK in text or not cue.org_line(text) or cue.title_like(text) \
            or cue.mark_type(text):
        return False
    append_line(byline, encoder._inline(unit, text))
    encoder.decided(f"{text!r} taken as the office under the issuing body above it", unit.line)
    return True


# `CC CPSU`, `CC SED`, `MFA DRV`: an organ named by its abbreviations alone
_ORGAN_ABBREVIATIONS = re.compile(r"^(?:[A-Z]{2,6}\s){1,2}[A-Z]{2,6}$")


def organ_addressee(encoder: BodyEncoder, div: etree._Element, unit: SourceBlock,
                    following: str) -> bool:
    """`CC CPSU` alone at the top, under the marks or the opener and over the title (154): the
    organ the report is addressed to, an `address` of the opener, not a head; a line of
    abbreviations names no document's kind."""
    text = unit.text.strip()
    if not _ORGAN_ABBREVIATIONS.match(text) or not following or cue.mark_type(text) \
            or cue.title_like(text) or cue.mark_type(following):
        return False
    if any(etree.QName(c).localname not in ("fw", "opener") for c in div):
        return False
    address = sub(encoder._current_opener(div), "address")
    sub(address, "addrLine", encoder._inline(unit, text))
    encoder.decided(f"{text!r} taken as the addressee (an organ's abbreviations)", unit.line)
    return True


def append_line(byline: etree._Element, content: list[Inline]) -> None:
    """A further line of an office: an `lb`, then the line's text and elements."""
    byline.append(el("lb"))
    for item in content:
        if isinstance(item, str):
            if len(byline):
                byline[-1].tail = (byline[-1].tail or "") + item
            else:
                byline.text = (byline.text or "") + item
        else:
            byline.append(item)


def role_goes_on(blocks: list[SourceBlock]) -> bool:
    """The last block opens with a connecting word and the one above it is an office
    (`Chairman of the Committee` / `for State Security`): one office over two lines."""
    return len(blocks) > 2 and _continuation(blocks[-1].text.strip()) \
        and len(blocks[-1].lines) == 1 and cue.office_line(blocks[-2].text.strip())


def joined(above: SourceBlock, below: SourceBlock) -> SourceBlock:
    """The two lines of an office as one block, the break between them a line break."""
    glue = above.text.rstrip() + LINE_BREAK
    lead = len(below.text) - len(below.text.lstrip())
    return SourceBlock(glue + below.text.strip(), tuple(above.lines) + tuple(
        (len(glue) + max(0, p - lead), n) for p, n in below.lines))


def with_breaks(text: str) -> list[str | etree._Element]:
    """An office's text with an `lb` where its lines broke."""
    out: list[str | etree._Element] = []
    for index, piece in enumerate(text.split(LINE_BREAK)):
        if index:
            out.append(el("lb"))
        out.append(piece.strip())
    return out


def over_office_dateline(encoder: BodyEncoder, div: etree._Element, unit: SourceBlock,
                         following: str) -> bool:
    """At the very top, a short line right over a line of an office and a place and date apart
    by a run of spaces (`Ministerium für Auswärtige Angelegenheiten` / `Der Stellvertreter des
    Ministers      Berlin, den 12. März 1965`): the issuing body, a byline of the opener the
    office and the dateline join, whatever its words (an office left in its own language
    holds no office word the other rules know). The office beside the dateline is the line
    under it in the same byline (`under_issuer`): one statement of who writes, over two lines,
    as an office over two lines beside its dateline is (126)."""
    text = unit.text.strip()
    if LINE_BREAK in text or any(etree.QName(child).localname != "fw" for child in div):
        return False
    if len(text.split()) > MOST_WORDS or SENTENCE_END.search(text) or ":" in text \
            or "[" in text or any(c.isdigit() for c in text) or not text[:1].isupper():
        return False
    parts = cue.FIELD_RUN.split(following.strip())
    if len(parts) != 2 or cue.place_date(parts[1]) is None \
            or cue.place_date(parts[0]) or cue.date_line(parts[0]):
        return False
    encoder.issuer = sub(encoder._current_opener(div), "byline", encoder._inline(unit, text))
    encoder.decided(f"{text!r} taken as the issuing body over the office and its dateline",
                    unit.line)
    return True


def under_issuer(encoder: BodyEncoder, opener: etree._Element, content: list[Inline]) -> bool:
    """The office beside the dateline right under the issuing body's line (the opener's last
    child, made by `over_office_dateline`): its second line, an `lb` in its byline."""
    if not len(opener) or opener[-1] is not encoder.issuer:
        return False
    append_line(opener[-1], content)
    encoder.issuer = None
    return True

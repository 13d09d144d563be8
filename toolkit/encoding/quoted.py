"""A message quoted inside a telegram between its markers (`BEGIN TEXT: ... END TEXT.`,
`BEGIN QUOTE ... END QUOTE`, `QUOTE ... UNQUOTE`): one `quote` (probe14, 157).

A cable that transmits another government's note, a speech or a press release writes its text
between markers, often over several lines of the export, each a line of its own. Read line by
line, the quoted lines were paragraphs of the telegram, a quoted line opening with a figure
one of its numbered points, and `END TEXT.` alone among the last lines the document's end
mark. The lines from the opening marker to the closing one are one block (their breaks kept
as `lb`: every line stays a line), and the words between the markers a `quote` inside it
(TEI 3.3.3: a quotation from another text); the markers are the telegram's own words and stay
outside it, as written. A marker that is never closed quotes nothing.
"""

from __future__ import annotations

import re

from lxml import etree

from toolkit.encoding.blocks import LINE_BREAK, SourceBlock
from toolkit.tei import el, tei

# the opening and the closing marker of one pair; `QUOTE`/`UNQUOTE` only in capitals (in
# running text `quote` is a verb)
_PAIRS = (
    (re.compile(r"\bBEGIN\s+(?:(?:INFORMAL|UNOFFICIAL|OFFICIAL|UNCLASSIFIED)\s+)?(?:TEXT|QUOTE)\b"
                r"[:.]?\s*", re.I),
     re.compile(r"\s*\bEND\s+(?:OF\s+)?(?:TEXT|QUOTE)\b", re.I)),
    (re.compile(r"(?<![\w-])QUOTE\b[:.]?\s*"), re.compile(r"\s*(?<![\w-])UNQUOTE\b")),
)
MOST_LINES = 40  # a quoted message longer than this is no longer read as one block


def _may_open(text: str) -> bool:
    """Whether an opening marker can be in `text`: `QUOTE` as written, or `BEGIN` in any case
    (what re.I lets match its letters upper-cases to `BEGIN`, its `I` also to `İ`). Most texts
    have neither, and these tests cost a fraction of the markers' searches (speed17)."""
    if "QUOTE" in text:
        return True
    upper = text.upper()
    return "BEGIN" in upper or "BEG\u0130N" in upper


def _open(text: str) -> int | None:
    """The pair a marker in `text` opens and leaves unclosed (its index), if any."""
    if not _may_open(text):
        return None
    for number, (begin, end) in enumerate(_PAIRS):
        opened = None
        for found in begin.finditer(text):
            opened = found
        if opened is not None and not end.search(text, opened.end()):
            return number
    return None


def join(units: list[SourceBlock]) -> list[SourceBlock]:
    """The blocks from one whose opening marker is left open to the one that closes it, as
    one block with a line break where each line ended."""
    out: list[SourceBlock] = []
    index = 0
    while index < len(units):
        unit = units[index]
        pair = _open(unit.text)
        close = next((at for at in range(index + 1, min(len(units), index + MOST_LINES))
                      if _PAIRS[pair][1].search(units[at].text)), None) if pair is not None else None
        if close is None:
            out.append(unit)
            index += 1
            continue
        text, lines = unit.text.rstrip(), list(unit.lines)
        for below in units[index + 1:close + 1]:
            glue = text + LINE_BREAK
            lead = len(below.text) - len(below.text.lstrip())
            lines += [(len(glue) + max(0, p - lead), n) for p, n in below.lines]
            text = glue + below.text.strip()
        out.append(SourceBlock(text, tuple(lines)))
        index = close + 1
    return out


def closes(blocks: list[SourceBlock], index: int) -> bool:
    """Block `index` closes a marker opened in a block above it (`END TEXT.` alone under
    `BEGIN TEXT: ...`): the quotation's end, not the document's end mark."""
    for above in range(index - 1, max(-1, index - MOST_LINES), -1):
        pair = _open(blocks[above].text)
        if pair is not None:
            return bool(_PAIRS[pair][1].match(blocks[index].text.strip()))
    return False


def _slots(block: etree._Element) -> list[tuple[etree._Element, bool]]:
    """The text slots of a block's own content: its text, then each child's tail."""
    return [(block, True)] + [(child, False) for child in block]


def _get(slot: tuple[etree._Element, bool]) -> str:
    return (slot[0].text if slot[1] else slot[0].tail) or ""


def _set(slot: tuple[etree._Element, bool], value: str) -> None:
    if slot[1]:
        slot[0].text = value or None
    else:
        slot[0].tail = value or None


def mark(div: etree._Element) -> int:
    """Each paragraph's words between a pair of markers as a `quote` (the markers outside);
    markers inside another element (a name, a note) are left as they are. The count made."""
    made = 0
    if not _may_open(etree.tostring(div, method="text", encoding="unicode", with_tail=False)):
        return 0  # (every block's text is a part of the division's)
    for block in list(div.iter(tei("p"))):
        while _quote(block):
            made += 1
    return made


_NAMES = frozenset({"persName", "orgName", "placeName", "name"})
_MARKER_WORD = re.compile(r"(?:BEGIN|END)\s+(?:TEXT|QUOTE)|QUOTE|UNQUOTE", re.I)


def _unname_markers(block: etree._Element) -> None:
    """A name that is only a marker (`SAID QUOTE`: a title's cue before it) is no name: its
    words go back into the text, so that the pair can be found."""
    for child in list(block):
        if etree.QName(child).localname in _NAMES and not len(child) \
                and _MARKER_WORD.fullmatch((child.text or "").strip()):
            words = (child.text or "") + (child.tail or "")
            previous = child.getprevious()
            if previous is None:
                block.text = (block.text or "") + words
            else:
                previous.tail = (previous.tail or "") + words
            block.remove(child)


def _quote(block: etree._Element) -> bool:
    whole = str(block.xpath("string()"))
    if any(begin.search(whole) and end.search(whole) for begin, end in _PAIRS):
        _unname_markers(block)
    slots = _slots(block)
    for begin, end in _PAIRS:
        for first, slot in enumerate(slots):
            text = _get(slot)
            for opened in begin.finditer(text):
                following = block[first] if first < len(block) else None
                if opened.end() == len(text) and following is not None \
                        and etree.QName(following).localname == "quote":
                    continue  # quoted already
                for last in range(first, len(slots)):
                    closed = end.search(_get(slots[last]), opened.end() if last == first else 0)
                    if closed is not None:
                        _wrap(block, slots, first, opened.end(), last, closed.start())
                        return True
    return False


def _wrap(block: etree._Element, slots: list[tuple[etree._Element, bool]], first: int,
          start: int, last: int, stop: int) -> None:
    """Move the content from `start` of slot `first` to `stop` of slot `last` into a quote."""
    head, tail_text = _get(slots[first]), _get(slots[last])
    quote = el("quote")
    if first == last:
        quote.text, after = head[start:stop], head[stop:]
    else:
        quote.text, after = head[start:], tail_text[stop:]
        moved = [child for child, _ in slots[first + 1:last + 1]]
        for child in moved:
            quote.append(child)
        moved[-1].tail = tail_text[:stop] or None
    _set(slots[first], head[:start])
    position = 0 if slots[first][1] else block.index(slots[first][0]) + 1
    block.insert(position, quote)
    quote.tail = after or None

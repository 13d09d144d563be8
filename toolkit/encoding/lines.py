"""Lines of the source inside a paragraph: words cut by a hyphen at a line's end, and the
typescript's page numbers (`- 2 -`) standing inside a sentence.

The block stage keeps a hard-wrapped paragraph's lines as line breaks (`lb`); a line that
ends inside a word (`negoti-` / `ations`) is `lb break="no"`, the hyphen kept as written.
A page number between the halves of a sentence, in the line (`the - 2 - delegation`) or on
a line of its own, is the page break where it stands (`pb n` and the number as `fw`), the
paragraph not split: the page turned there, the paragraph did not end (issue #10).
"""

from __future__ import annotations

import re

from lxml import etree

from toolkit.encoding import structure as cue
from toolkit.encoding.blocks import HEADED_PAGE, LINE_BREAK, PAGE_BREAK, SourceBlock
from toolkit.tei import el

TEI = "{http://www.tei-c.org/ns/1.0}"
WORD_CUT = re.compile(r"[^\W\d_]-$")  # a word cut by a hyphen at the line's end
# `- 2 -` between two words of a sentence (a letter before it and after it)
_INLINE_PAGE = re.compile(r" (?<=[^\W\d_,;] )(?=[-–—]\s?\d{1,4}\s?[-–—] [^\W\d_])")  # the space first: skipped to
_MARKER = re.compile(r"^(?P<marker>[-–—]\s?(?P<n>\d{1,4})\s?[-–—])(?P<space>\s*)")


def inline_pages(block: SourceBlock) -> SourceBlock:
    """The block with a page break before each page number inside a sentence: the space
    before the number becomes the break (offsets unchanged, so warnings keep their column);
    `page_numbers` gives the space back and makes the number forme work."""
    if "- " not in block.text and "– " not in block.text and "— " not in block.text:
        return block
    text = _INLINE_PAGE.sub(PAGE_BREAK, block.text)
    return block if text == block.text else SourceBlock(text, block.lines, block.separate)


def join_page(last: SourceBlock, marker: SourceBlock, following: SourceBlock) -> SourceBlock:
    """`last`, a page number on a line of its own, and `following`, the rest of its sentence:
    one block, the page break and the number where the page turned."""
    glue = last.text.rstrip() + " " + PAGE_BREAK
    lines = last.lines + tuple((len(glue) + p, n) for p, n in marker.lines)
    glue += marker.text.strip() + " "
    lines += tuple((len(glue) + p, n) for p, n in following.lines)
    return SourceBlock(glue + following.text.lstrip(), lines)


def page_numbers(root: etree._Element) -> None:
    """Each `pb` right before a page number (`- 2 -`) takes its number as `@n`, and the
    number becomes `fw type="pageNum"` after it, as a page marker between paragraphs does.
    A number that stood inside its line (`inline_pages` left no space before the break; a
    number on a line of its own has one) is `fw place="inline"`: the source's line goes on
    past it, and the projection gives back one line, not three."""
    for pb in list(root.iter(TEI + "pb")):
        found = _MARKER.match(pb.tail or "")
        if found is None or pb.get("n") is not None:
            continue
        pb.set("n", found.group("n"))
        fw = el("fw", found.group("marker"), type="pageNum")
        fw.tail = " " + (pb.tail or "")[found.end():]
        pb.tail = None
        pb.addnext(fw)
        before = pb.getprevious()
        parent = pb.getparent()
        holder, attribute = (before, "tail") if before is not None else (parent, "text")
        if holder is not None and not (getattr(holder, attribute) or "").endswith(" "):
            fw.set("place", "inline")
            setattr(holder, attribute, (getattr(holder, attribute) or "") + " ")


# a running head with its page number at the start of what follows a page break
_HEADED_START = re.compile(HEADED_PAGE.pattern.rstrip("$") + r"(?=\s|$)", re.I)


def headed_pages(root: etree._Element) -> None:
    """Each `pb` right before a running head with its page number (`Embassy of the FPRY in
    Moscow - page 3`, on a line of its own between the halves of a sentence: see `join_page`)
    takes that number as `@n`, and the head's words (names tagged inside) become
    `fw type="header"` after it. A head cut inside an element is left as it is."""
    for pb in list(root.iter(TEI + "pb")):
        if pb.get("n") is not None:
            continue
        siblings = []
        flat = pb.tail or ""
        for sibling in pb.itersiblings():
            if len(flat) > 120:
                break
            siblings.append(sibling)
            flat += "".join(str(t) for t in sibling.itertext()) + (sibling.tail or "")
        found = _HEADED_START.match(flat)
        if found is None:
            continue
        end = found.end()
        fw = el("fw", type="header")
        head = pb.tail or ""
        if end <= len(head):
            fw.text, rest = head[:end], head[end:]
        else:
            fw.text, at, rest = head, len(head), ""
            for sibling in siblings:
                inner = len("".join(str(t) for t in sibling.itertext()))
                if at + inner > end:
                    break  # the head ends inside an element: left as it is
                fw.append(sibling)  # (moves it: its tail goes with it)
                at += inner
                tail = sibling.tail or ""
                if at + len(tail) >= end:
                    sibling.tail, rest = tail[:end - at], tail[end - at:]
                    break
                at += len(tail)
            else:
                continue
        pb.set("n", found.group("n"))
        pb.tail = None
        fw.tail = rest
        pb.addnext(fw)


def word_breaks(root: etree._Element) -> None:
    """`lb break="no"` on each line break inside a word: right after a letter and a hyphen
    with no space (the hyphen stays as written: `negoti-<lb break="no"/>ations`), so that
    a reader or an index joins the word (TEI 3.11.3, att.breaking)."""
    for lb in root.iter(TEI + "lb"):
        before = lb.getprevious()
        parent = lb.getparent()
        text = (before.tail if before is not None else parent.text if parent is not None
                else "") or ""
        # (searched from 3 before the end, where any match starts: the class-first
        # pattern tried at every position of a long text is what would cost)
        if WORD_CUT.search(text, max(0, len(text) - 3)) and (lb.tail or "")[:1].isalpha():
            lb.set("break", "no")


# what opens an entry whose next lines hang under its text: a time stamp (`10:32 -`), a
# point's number or letter (`3.`, `(b)`), a dash or a bullet
_HANGING_LABEL = re.compile(r"^ *(?:(?:[01]?\d|2[0-3])[:.h][0-5]\d(?: ?(?:hrs?\.?|h))? *[-–—:]?"
                            r"|\(?(?:\d{1,3}|[a-zA-Z]|[ivx]{1,4})[.)]|[-–—•▪·*]) +(?=\S)")


def hanging(last: SourceBlock, block: SourceBlock) -> bool:
    """`10:32 - Call from ...` / `        broadcast and ...`: the next line of the source,
    indented to the column where the text after the entry's label begins (a hanging indent),
    goes on with the entry, a wrap however wide the line (not a page break: a page turned
    between the two lines would not keep the indent)."""
    if block.line != last.lines[-1][1] + 1 or not block.text.startswith("  ") \
            or _HANGING_LABEL.match(block.text.lstrip()):
        return False  # (a label of its own opens an item nested under the entry)
    label = _HANGING_LABEL.match(last.text.split(LINE_BREAK, 1)[0])
    indent = len(block.text) - len(block.text.lstrip(" "))
    return label is not None and indent == label.end()


def _flat(element: etree._Element) -> str:
    return "".join(str(t) for t in element.itertext())


def turned_pages(root: etree._Element) -> None:
    """A paragraph cut by a page turn with forme work between its halves (`...should be
    finished` / a running footer / `Page 3 of 4` / `in the autumn, ...`): one paragraph, the
    page break and the forme work where the page turned. The page's lines are blocks of their
    own (a running line and the number, two lines, are no page number inside a sentence for
    `join_page`); what tells the cut is the sentence, as there (`structure.cut_before_page`)."""
    for p in list(root.iter(TEI + "p")):
        parent = p.getparent()
        if parent is None or len(p) and p[-1].tag == TEI + "pb":
            continue
        between: list[etree._Element] = []
        after = p.getnext()
        while after is not None and after.tag in (TEI + "fw", TEI + "pb") and not after.tail:
            between.append(after)
            after = after.getnext()
        if after is None or after.tag != TEI + "p" or after.get("n") is not None \
                or not any(b.tag == TEI + "pb" for b in between) \
                or not cue.cut_before_page(_flat(p), _flat(after)):
            continue
        last = p[-1] if len(p) else None
        if last is not None:
            last.tail = (last.tail or "").rstrip() + " "
        else:
            p.text = (p.text or "").rstrip() + " "
        for moved in between:
            p.append(moved)
        between[-1].tail = " " + (after.text or "").lstrip()
        for child in list(after):
            p.append(child)
        parent.remove(after)

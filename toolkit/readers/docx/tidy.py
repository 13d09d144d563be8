"""The DOCX reader's last touches on the encoded tree: Word's rules dropped, headings made
into nested divisions, tabs and letter-spacing as the edition's schema has them. Apart from
reader.py so that module stays under the size the project keeps."""

from __future__ import annotations

from lxml import etree

from toolkit.encoding import structure as cue
from toolkit.tei import tei

RULE_LINE = "_ _ _ _ _"  # the rule Word draws, typed as a notes rule (spaced: no heading's underline)
HEADING = "{https://teikit.org/ns}heading"  # a temporary mark on heads made from Word headings
TABLE_LIST = "{https://teikit.org/ns}table-list"  # a temporary mark on lists read from tables


def drop_rules(div: etree._Element) -> None:
    """A Word rule is a drawn line, not text: once the shared stages have read the notes
    under it, its stand-in goes (the text export's typed rule is kept as `fw`, or `p`)."""
    for found in list(div.iter(tei("p"), tei("fw"))):
        parent = found.getparent()
        if len(found) == 0 and (found.text or "").strip() == RULE_LINE and parent is not None:
            parent.remove(found)


def sections(div: etree._Element) -> None:
    """Heads made from Word headings open nested divisions, by outline level. A first
    heading before any text heads the whole text (a title), unless Word numbers it: "1."
    opens the first of numbered divisions, with their n, as the text reader's do."""
    children = list(div)
    stack: list[tuple[etree._Element, int]] = [(div, 0)]
    for index, child in enumerate(children):
        level_text = child.get(HEADING) if child.tag == tei("head") else None
        if level_text is None:
            if stack[-1][0] is not div:
                stack[-1][0].append(child)
            continue
        del child.attrib[HEADING]
        page = child.get(HEADING + "-pb") is not None
        if page:
            del child.attrib[HEADING + "-pb"]
        number = child.get(HEADING + "-n")
        if number is not None:
            del child.attrib[HEADING + "-n"]
        level = int(level_text)
        if index == 0 and number is None:
            stack[0] = (div, level)
            if page:
                child.addprevious(etree.Element(tei("pb")))
            continue
        while len(stack) > 1 and stack[-1][1] >= level:
            stack.pop()
        section = etree.SubElement(stack[-1][0], tei("div"))
        if number is not None:
            section.set("n", number)
        if page:  # the page Word begins with the heading (pageBreakBefore, a page break)
            etree.SubElement(section, tei("pb"))
        section.append(child)
        stack.append((section, level))


def tabs_as_spaces(div: etree._Element) -> None:
    """A tab to a right stop has told the shared stages where two fields part; in the TEI,
    as every other tab, it is a space."""
    for node in div.iter():
        if node.text and "\t" in node.text:
            node.text = node.text.replace("\t", " ")
        if node.tail and "\t" in node.tail:
            node.tail = node.tail.replace("\t", " ")


def letter_spacing(div: etree._Element) -> None:
    """Letter-spaced words have no hi rend of their own in the edition's schema: a head
    set letter-spaced says so in its rend, as the text reader's `M e m o r a n d u m`
    does; elsewhere the spacing is a display form, like a font, and is not kept."""
    for hi in list(div.iter(tei("hi"))):
        if hi.get("rend") != "letter-spaced":
            continue
        parent = hi.getparent()
        assert parent is not None
        if parent.tag == tei("head") and not (parent.text or "").strip() and len(parent) == 1 \
                and not (hi.tail or "").strip():
            parent.set("rend", " ".join(filter(None, [parent.get("rend"), "letter-spaced"])))
        unwrap(hi)


def unwrap(element: etree._Element) -> None:
    """Replace an element by its content (text, children, tail kept in place)."""
    parent = element.getparent()
    assert parent is not None
    index = parent.index(element)
    children, text, tail = list(element), element.text or "", element.tail or ""
    previous = parent[index - 1] if index else None
    if previous is None:
        parent.text = (parent.text or "") + text
    else:
        previous.tail = (previous.tail or "") + text
    parent.remove(element)
    for offset, child in enumerate(children):
        parent.insert(index + offset, child)
    last = children[-1] if children else previous
    if last is None:
        parent.text = (parent.text or "") + tail
    else:
        last.tail = (last.tail or "") + tail


def table_list_heads(div: etree._Element) -> None:
    """A list read from a Word table (`_numbered_list`) under the short line that announces
    it (`Four copies printed`, `Distribution:`): that line is the list's `head`, as the text
    export's `Four copies printed` over `1 - Cde. ...` is. The encoder read the line before
    the table was known, as a paragraph of its own."""
    for made in list(div.iter(tei("list"))):
        if made.get(TABLE_LIST) is None:
            continue
        del made.attrib[TABLE_LIST]
        before = made.getprevious()
        if before is None or before.tag != tei("p") or (before.tail or "").strip():
            continue
        text = "".join(str(t) for t in before.itertext()).strip()
        if not text or len(text) > 60 or cue.LIST_HEAD.search(text) is None \
                or cue.POINT.match(text):
            continue
        head = etree.Element(tei("head"))
        head.text = before.text
        head.extend(list(before))
        made.insert(0, head)
        parent = before.getparent()
        assert parent is not None
        parent.remove(before)

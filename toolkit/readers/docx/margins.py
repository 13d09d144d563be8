"""Frames and text boxes beside the text: a translator's way to set a marginal note (`Seen by
Gromyko` written in the margin of the original) or a stamp apart from the lines it stands by.

The walker marks the paragraphs of a narrow frame (`w:framePr`) or floating text box as
`margin`; the reader reads them as paragraphs of their own, so the shared stages still find
a classification mark or a stamp's bracket in them, and only a paragraph they left a plain
`p` becomes `note[@type='marginalia'][@place='margin']`, or `note[@type='stamp']
[@place='margin']` holding `stamp` when its words are a stamp's (`Received ...`,
`Incoming No. ...`, `Stamp: ...`).
"""

from __future__ import annotations

import re

from lxml import etree

from toolkit.encoding.bracket_kinds import STAMP
from toolkit.readers.docx.languages import text_of, unwrap
from toolkit.tei import tei

MARGIN = "{https://teikit.org/ns}margin"  # a temporary mark on the words of a marginal box
NARROW_TWIPS = 4320  # 3 inches: a column beside the text, not a block across the page
NARROW_EMU = 2743200  # the same width in the EMU of DrawingML
NARROW_POINTS = 216.0
WP = "http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing"
# the words a received-stamp opens with, in the languages of the archives' registries
RECEIVED = re.compile(
    r"^(?:received|incoming|registered|entered|eingegangen|eingang|erhalten|reçu|arrivée|"
    r"enregistré|ricevuto|protocollo|recibido|entrada|получено|входящий|вх\.|wpłynęło|"
    r"došlo|érkezett|iktatva)\b", re.I)


def frame_beside(frame: etree._Element | None) -> bool:
    """A frame set beside the text: not a drop cap, not one the text may not flow beside,
    and narrower than a column of three inches (a frame without a width fits its words)."""
    if frame is None:
        return False
    w_ns = etree.QName(frame).namespace
    drop, wrap, width = (frame.get(f"{{{w_ns}}}{name}") or "" for name in ("dropCap", "wrap", "w"))
    if drop not in ("", "none") or wrap == "notBeside":
        return False
    return not width.isdigit() or int(width) < NARROW_TWIPS


def drawing_beside(node: etree._Element) -> bool:
    """A floating text box (DrawingML's `wp:anchor`, VML's absolute position) narrower than
    three inches, with text allowed beside it; one in the line (`wp:inline`) is not."""
    for anchor in node.iter(f"{{{WP}}}anchor"):
        extent = anchor.find(f"{{{WP}}}extent")
        width = extent.get("cx") if extent is not None else None
        if anchor.find(f"{{{WP}}}wrapTopAndBottom") is not None:
            return False
        return width is None or not width.isdigit() or int(width) < NARROW_EMU
    for shape in node.iter():
        style = shape.get("style") if isinstance(shape.tag, str) else None
        if not style or "position:absolute" not in style.replace(" ", ""):
            continue
        if any(isinstance(x.tag, str) and etree.QName(x).localname == "wrap" and
               x.get("type") == "topAndBottom" for x in shape.iter()):
            return False
        found = re.search(r"width:\s*([\d.]+)(pt|in|cm|mm|px)?", style)
        if found is None:
            return True
        factor = {"in": 72.0, "cm": 28.35, "mm": 2.835, "px": 0.75}.get(found.group(2) or "pt",
                                                                          1.0)
        return float(found.group(1)) * factor < NARROW_POINTS
    return False


def stamp_words(text: str) -> bool:
    """Whether a marginal box holds a stamp's words rather than a note."""
    text = " ".join(text.split())
    return bool(STAMP.match(text) or RECEIVED.match(text))


def settle(root: etree._Element) -> None:
    """Each marked box paragraph the shared stages left a `p` becomes the margin's note, the
    paragraphs of one box one note (lines apart by `lb`); the marks go wherever else the
    words ended (a classification mark, a stamp's note)."""
    made: list[tuple[etree._Element, str]] = []
    for mark in list(root.iter(tei("seg"))):
        if mark.get(MARGIN) is None or mark.getparent() is None:
            continue
        group = mark.get(MARGIN) or ""
        holder = next((a for a in mark.iterancestors() if a.tag == tei("p")), None)
        marks = [m for m in (holder.iter(tei("seg")) if holder is not None else ())
                 if m.get(MARGIN) is not None]
        words = text_of(holder).split() if holder is not None else []
        if holder is not None and not holder.attrib and \
                words == " ".join(text_of(m) for m in marks).split():
            for found in marks:
                unwrap(found)
            holder.tag = tei("note")
            if made and made[-1][1] == group and made[-1][0].getnext() is holder:
                _join(made[-1][0], holder)
            else:
                made.append((holder, group))
        elif mark.getparent() is not None:
            unwrap(mark)
    for note, _ in made:
        if stamp_words(text_of(note)):
            note.set("type", "stamp")
            stamp = etree.SubElement(note, tei("stamp"))
            stamp.text, note.text = note.text, None
            for child in list(note)[:-1]:
                stamp.append(child)
        else:
            note.set("type", "marginalia")
        note.set("place", "margin")


def _join(note: etree._Element, following: etree._Element) -> None:
    """The next paragraph of the same box as a further line of its note."""
    line = etree.SubElement(note, tei("lb"))
    line.tail = following.text
    for child in list(following):
        note.append(child)
    parent = following.getparent()
    assert parent is not None
    note.tail = following.tail
    parent.remove(following)


__all__ = ["MARGIN", "drawing_beside", "frame_beside", "settle", "stamp_words"]

"""Mapping imported markup onto the edition's customisation (schemas/teikit.xsd) where TEI allows it.

The customisation narrows TEI (closed `hi/@rend`, `note/@type` and `note/@place` lists, no
`@rend` on `p`, no `gloss`, `label` only inside items...). What has an equivalent there is
rewritten to it; what is only presentation is dropped; every change is a line in the loss
report, with the value that was there. The closed value lists are read from the project XSD,
so when the customisation admits a value, imports keep it. What the customisation cannot hold
without losing text is left as valid TEI and shows up in `teikit validate`.

A gap without @reason (FRUS gives only its extent, @quantity and @unit) gets the edition's
reason "omitted": in the Guidelines' sense of gap, material left out of the transcription,
here by the source edition, which does not say why; the loss report says it was supplied.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from lxml import etree

from toolkit.readers.tei_import.loss import LossReport
from toolkit.readers.tei_import.normalise import unwrap
from toolkit.resources import schemas_dir
from toolkit.tei import XML_ID, el, local_name, tei

PROJECT_XSD = schemas_dir() / "teikit.xsd"
XS = "http://www.w3.org/2001/XMLSchema"
HI_SYNONYMS = {"strong": "bold", "b": "bold", "bold": "bold", "i": "italic", "italic": "italic",
               "italics": "italic", "u": "underline", "underline": "underline", "sup": "superscript",
               "superscript": "superscript", "sub": "subscript", "subscript": "subscript",
               "smallcaps": "smallcaps", "small-caps": "smallcaps", "sc": "smallcaps"}
NAME_TAGS = ("persName", "placeName", "orgName", "name")


@lru_cache(maxsize=1)
def _enumerations(path: Path = PROJECT_XSD) -> dict[str, frozenset[str]]:
    """simpleType name -> its enumerated values, from the project XSD (empty if it is missing)."""
    if not path.is_file():
        return {}
    root = etree.parse(str(path)).getroot()
    return {str(t.get("name")): frozenset(str(e.get("value")) for e in t.iter(f"{{{XS}}}enumeration"))
            for t in root.iter(f"{{{XS}}}simpleType") if t.get("name")}


def allowed(type_name: str, fallback: set[str]) -> frozenset[str]:
    return _enumerations().get(type_name, frozenset(fallback))


def conform(div: etree._Element, report: LossReport, page_images: bool = False) -> None:
    """Rewrite the text of an imported document (its body div) towards the customisation.

    `page_images`: keep `pb/@facs` pointing to an image file (a generic source that ships its
    facsimile); FRUS's @facs name page scans of the volume, which the edition does not hold.
    """
    hi_values = allowed("hiRend", {"bold", "italic", "underline", "superscript"})
    note_types = allowed("noteType", {"credits", "metadata-field", "marginalia", "translator", "editorial"})
    note_places = allowed("notePlace", {"foot", "end", "margin", "inline"})
    name_types = allowed("nameType", {"variant"})
    for node in list(div.iter(tei("hi"))):
        _hi(node, hi_values, report)
    for node in list(div.iter(tei("gloss"))):
        _gloss(node, report)
    for node in div.iter(tei("gap")):
        _gap(node, allowed("gapReason", {"omitted", "illegible"}), report)
    for node in list(div.iter(*(tei(t) for t in NAME_TAGS))):
        value = node.get("type")
        if value is not None and value not in name_types:
            if value in ("from", "to"):
                report.add(node, "mapped", f"@type {value!r} (sender or recipient) became "
                           f"seg[@type='correspondent'][@subtype='{value}'] around the name", "type")
                del node.attrib["type"]
                wrapper = el("seg", type="correspondent", subtype=value)
                node.addprevious(wrapper)
                wrapper.tail, node.tail = node.tail, None
                wrapper.append(node)
            else:
                report.add(node, "dropped", f"@type {value!r} is not a name type of the edition", "type")
                del node.attrib["type"]
    for node in list(div.iter(tei("note"))):
        _note(node, note_types, note_places, report)
    for node in list(div.iter(tei("p"), tei("quote"))):
        if node.get("rend") is not None:
            report.add(node, "dropped", f"presentation @rend {node.get('rend')!r} (the edition does not "
                       "record how the source set its paragraphs and quotations: alignment, indentation)", "rend")
            del node.attrib["rend"]
    for node in div.iter():
        for attribute in ("rendition", "style"):
            if isinstance(node.tag, str) and node.get(attribute) is not None:
                report.add(node, "dropped", f"presentation @{attribute} {node.get(attribute)!r} (the edition "
                           "records no layout of the source edition)", attribute)
                del node.attrib[attribute]
    for node in list(div.iter(tei("list"))):
        _labels(node, report)
    for node in div.iter(tei("pb")):
        facs = node.get("facs")
        if facs is not None and not facs.startswith("#") and not page_images:
            report.add(node, "dropped", f"@facs {facs!r} names a page image of the source edition, which "
                       "the edition does not hold", "facs")
            del node.attrib["facs"]
    for node in div.iter(tei("div"), tei("date")):
        for attribute in ("subtype", "calendar"):
            if node.get(attribute) is not None and not (attribute == "calendar" and local_name(node) != "date"):
                report.add(node, "dropped", f"@{attribute} {node.get(attribute)!r} is not recorded by the "
                           "edition" + (" (Gregorian dates are the default)" if attribute == "calendar" else ""),
                           attribute)
                del node.attrib[attribute]


def _hi(node: etree._Element, allowed: frozenset[str], report: LossReport) -> None:
    rend = node.get("rend") or ""
    tokens = [HI_SYNONYMS.get(token, token) for token in rend.split()]
    kept = [token for token in tokens if token in allowed]
    if kept and kept[0] == rend:
        return
    if kept:
        report.add(node, "mapped", f"@rend {rend!r} became {kept[0]!r}", "rend")
        node.set("rend", kept[0])
        return
    report.add(node, "dropped", f"rendering {rend!r} is not one the edition records; the highlighting "
               "was removed, its text kept")
    unwrap(node)


# the Guidelines' suggested gap reasons that mean "left out by the editors" in the edition's list
GAP_OMITTED = {"editorial", "irrelevant", "sampling"}


def _gap(node: etree._Element, reasons: frozenset[str], report: LossReport) -> None:
    reason = node.get("reason")
    if reason is None:
        report.add(node, "mapped", "the gap gives no @reason (only its extent); @reason 'omitted' supplied: "
                   "material the source edition left out of its transcription without saying why", "reason")
        node.set("reason", "omitted")
    elif reason not in reasons and reason in GAP_OMITTED and "omitted" in reasons:
        report.add(node, "mapped", f"@reason {reason!r} became 'omitted' (left out by the editors)", "reason")
        node.set("reason", "omitted")


def _gloss(node: etree._Element, report: LossReport) -> None:
    target = node.get("target")
    if target and "#" in target and "://" not in target:
        report.add(node, "mapped", f"gloss pointing to the term {target!r} became name[@ref] "
                   "(the abbreviation named, its definition in the register of terms)")
        node.tag = tei("name")
        del node.attrib["target"]
        node.set("ref", target)
        return
    subtype = node.get("type")
    report.add(node, "mapped", "gloss became seg[@type='gloss']" + (f" with @subtype {subtype!r}" if subtype else ""))
    node.tag = tei("seg")
    for attribute in list(node.attrib):
        if attribute != XML_ID and not str(attribute).startswith("{"):
            del node.attrib[attribute]
    node.set("type", "gloss")
    if subtype:
        node.set("subtype", subtype)


def _note(node: etree._Element, types: frozenset[str], places: frozenset[str], report: LossReport) -> None:
    rend = node.get("rend")
    if rend is not None:
        if rend in places and node.get("place") is None:
            report.add(node, "mapped", f"@rend {rend!r} became @place {rend!r}", "rend")
            node.set("place", rend)
        else:
            report.add(node, "dropped", f"presentation @rend {rend!r} of a note", "rend")
        del node.attrib["rend"]
    note_type = node.get("type")
    if note_type is not None and note_type not in types:
        if note_type == "source" and "editorial" in types:
            report.add(node, "mapped", "@type 'source' became 'editorial' (the source note of the archive's "
                       "editors; its text is also the header's bibl[@type='source'])", "type")
            node.set("type", "editorial")
        else:
            report.add(node, "dropped", f"@type {note_type!r} is not a note type of the edition", "type")
            del node.attrib["type"]


def _labels(list_el: etree._Element, report: LossReport) -> None:
    """list/label + item pairs (glossary-style lists) become items that begin with their label."""
    for label in [c for c in list_el if isinstance(c.tag, str) and local_name(c) == "label"]:
        item = next((s for s in label.itersiblings() if isinstance(s.tag, str)), None)
        if item is None or local_name(item) != "item":
            continue
        report.add(label, "restructured", "a list's label moved into the item it labels")
        label.tail = None  # white space between label and item (a list holds no text)
        list_el.remove(label)
        label.tail = " " + (item.text or "").lstrip()
        item.text = None
        item.insert(0, label)


__all__ = ["allowed", "conform"]

"""Transcriptional markup and letter metadata of generic TEI, onto the edition's closed lists.

The customisation admits what a diplomatic transcription records (add/@place, del/@rend,
unclear/@reason and @agent, damage, subst, surplus, space, handShift with the header's
handNotes, facsimile surfaces and zones, correspDesc) with closed value lists made of the
Guidelines' suggested values (schemas/teikit.xsd). Here, an archive's synonyms are mapped onto
those values; a value with no equivalent is removed and reported with what it was. The lists
are read from the project XSD, so a value the customisation admits later is kept.
"""

from __future__ import annotations

from lxml import etree

from toolkit.readers.tei_import.conform import allowed
from toolkit.readers.tei_import.loss import LossReport
from toolkit.readers.tei_import.normalise import text_of
from toolkit.tei import NS, el, local_name, tei

# synonyms archives write -> the edition's value (TEI's suggested values are kept as they are)
ADD_PLACE = {"supralinear": "above", "over": "above", "interlinear": "above", "infralinear": "below",
             "under": "below", "marginal": "margin", "margin-left": "left", "margin-right": "right",
             "leftmargin": "left", "rightmargin": "right", "foot": "bottom", "head": "top"}
DEL_REND = {"strikethrough": "overstrike", "strike": "overstrike", "struck": "overstrike",
            "line-through": "overstrike", "strikeout": "overstrike", "crossed": "overstrike",
            "crossedout": "overstrike", "crossed-out": "overstrike", "erased": "erasure",
            "overwrite": "overwritten", "expunction": "subpunction", "brackets": "bracketed"}
UNCLEAR_REASON = {"damaged": "damage", "faint": "faded", "illegible_hand": "eccentric_ductus"}
AGENT = {"blot": "ink", "stain": "water", "burn": "fire", "torn": "tear", "holes": "hole"}
SPACE_UNIT = {"chars": "char", "characters": "char", "letters": "char", "words": "word",
              "lines": "line", "pages": "page"}
GAP_REASON = {"damaged": "damage", "lost": "damage", "cancelled": "omitted", "deleted": "omitted"}
CORRESP_PARTS = {"persName", "orgName", "placeName", "name", "date"}
PROFILE_ORDER = ("abstract", "creation", "langUsage", "correspDesc")
# the attributes the customisation gives each transcriptional element (besides xml:id, xml:lang, n)
ATTRIBUTES = {"add": {"place", "hand"}, "del": {"rend", "hand"}, "unclear": {"reason", "agent", "cert"},
              "damage": {"agent"}, "surplus": {"reason"}, "secl": set(), "subst": {"hand"},
              "space": {"quantity", "unit", "dim"}, "gap": {"reason", "quantity", "unit", "rend"}, "handShift": {"new"}, "pb": {"facs"}, "lb": {"facs"},
              "surface": {"ulx", "uly", "lrx", "lry"}, "zone": {"ulx", "uly", "lrx", "lry"},
              "graphic": {"url", "mimeType"}}
GLOBAL = {"{http://www.w3.org/XML/1998/namespace}id", "{http://www.w3.org/XML/1998/namespace}lang", "n"}


def _tokens(node: etree._Element, attribute: str, synonyms: dict[str, str], values: frozenset[str],
            report: LossReport, single: bool = False) -> None:
    """Map the tokens of an attribute onto a closed list; remove it when none maps (reported)."""
    value = node.get(attribute)
    if value is None or not values:
        return
    mapped = [synonyms.get(token.lower(), token) for token in value.split()]
    kept = list(dict.fromkeys(token for token in mapped if token in values))[: 1 if single else None]
    if " ".join(kept) == value:
        return
    if kept:
        report.add(node, "mapped", f"@{attribute} {value!r} became {' '.join(kept)!r} "
                   "(the edition's value list)", attribute)
        node.set(attribute, " ".join(kept))
        return
    report.add(node, "dropped", f"@{attribute} {value!r} is not one of the edition's values "
               f"({', '.join(sorted(values))}); removed, the text is kept", attribute)
    del node.attrib[attribute]


def conform_transcription(text: etree._Element, report: LossReport) -> None:
    """Closed value lists of the transcriptional elements under `text`."""
    for node in text.iter(tei("add")):
        _tokens(node, "place", ADD_PLACE, allowed("addPlace", set()), report)
    for node in text.iter(tei("del")):
        _tokens(node, "rend", DEL_REND, allowed("delRend", set()), report, single=True)
    for node in text.iter(tei("unclear")):
        _agent_from_reason(node, report)
        _tokens(node, "reason", UNCLEAR_REASON, allowed("unclearReason", set()), report)
        _tokens(node, "cert", {}, allowed("certainty", set()), report, single=True)
    for node in text.iter(tei("unclear"), tei("damage")):
        _tokens(node, "agent", AGENT, allowed("damageAgent", set()), report, single=True)
    for node in text.iter(tei("surplus")):
        _tokens(node, "reason", {}, allowed("surplusReason", set()), report, single=True)
    for node in text.iter(tei("space"), tei("gap")):
        _tokens(node, "unit", SPACE_UNIT, allowed("gapUnit", set()), report, single=True)
        if node.get("extent") is not None and local_name(node) == "space":
            report.add(node, "dropped", f"@extent {node.get('extent')!r} (free text); the edition records "
                       "a space's extent as @quantity and @unit", "extent")
            del node.attrib["extent"]
    for node in text.iter(tei("gap")):
        reason = node.get("reason")
        if reason is not None and reason.lower() in GAP_REASON and reason not in allowed("gapReason", set()):
            report.add(node, "mapped", f"@reason {reason!r} became {GAP_REASON[reason.lower()]!r}", "reason")
            node.set("reason", GAP_REASON[reason.lower()])
    for node in text.iter(*(tei(name) for name in ATTRIBUTES)):
        for attribute in [str(a) for a in node.attrib if a not in GLOBAL and a not in ATTRIBUTES[local_name(node)]]:
            if attribute in ("width", "height", "scale", "points") or (attribute, local_name(node)) == ("extent", "space"):
                continue  # explained below
            report.add(node, "dropped", f"@{attribute} {node.get(attribute)!r} is not recorded by the edition "
                       f"on {local_name(node)} (it keeps {', '.join(sorted(ATTRIBUTES[local_name(node)])) or 'none'})",
                       attribute)
            del node.attrib[attribute]
    for node in text.iter(tei("graphic")):
        for attribute in ("width", "height", "scale"):
            if node.get(attribute) is not None:
                report.add(node, "dropped", f"@{attribute} {node.get(attribute)!r}: the image's own size "
                           "is read from the image", attribute)
                del node.attrib[attribute]
    for node in text.iter(tei("zone")):
        if node.get("points") is not None:
            report.add(node, "dropped", f"@points {node.get('points')!r} (a polygon); the edition keeps "
                       "a zone's bounding rectangle (@ulx, @uly, @lrx, @lry)", "points")
            del node.attrib["points"]


def _agent_from_reason(node: etree._Element, report: LossReport) -> None:
    """`unclear reason="ink blot"`: a reason that names what damaged the text is its @agent."""
    reason, agents, reasons = node.get("reason"), allowed("damageAgent", set()), allowed("unclearReason", set())
    if reason is None or node.get("agent") is not None:
        return
    tokens = [token.lower() for token in reason.split()]
    found = [AGENT.get(token, token) for token in tokens if AGENT.get(token, token) in agents]
    if not found or any(UNCLEAR_REASON.get(token, token) in reasons for token in tokens):
        return
    report.add(node, "mapped", f"@reason {reason!r} names what damaged the text: it became "
               f"@agent {found[0]!r}", "reason")
    node.set("agent", found[0])
    del node.attrib["reason"]


def conform_top_divs(body: etree._Element, report: LossReport) -> None:
    """The text's own divisions say what the document is (the edition: a transcription)."""
    types = allowed("divType", {"translation", "transcription"})
    for div in body.iterfind("tei:div", NS):
        value = div.get("type")
        if value not in types:
            report.add(div, "mapped", (f"@type {value!r}" if value else "no @type") + " of the text's division "
                       "became 'transcription' (the edition's kind of text for a source edition's TEI)", "type")
            div.set("type", "transcription")


def conform_profile(header: etree._Element, report: LossReport) -> None:
    """correspDesc as the edition keeps it; profileDesc parts in the edition's order."""
    profile = header.find("tei:profileDesc", NS)
    if profile is None:
        return
    actions = allowed("correspActionType", set())
    for corresp in profile.iterfind("tei:correspDesc", NS):
        for child in [c for c in corresp if isinstance(c.tag, str)]:
            if local_name(child) != "correspAction":
                what = "links to earlier or later letters of the source edition, which this edition does " \
                    "not hold" if local_name(child) == "correspContext" else "not part of the edition's correspDesc"
                report.add(child, "dropped", f"{what}: {text_of(child)!r}")
                _remove(child)
                continue
            _tokens(child, "type", {}, actions, report, single=True)
            for part in [c for c in child if isinstance(c.tag, str) and local_name(c) not in CORRESP_PARTS]:
                report.add(part, "dropped", "not a name, place or date of the correspondence action: "
                           f"{text_of(part)!r}")
                _remove(part)
    parts = [c for c in profile if isinstance(c.tag, str)]
    if _ordered(parts) != parts:
        report.add(profile, "restructured", "the profile's parts were put in the edition's order "
                   f"({', '.join(PROFILE_ORDER)}); TEI gives that order no meaning")
    for corresp in profile.iterfind("tei:correspDesc", NS):
        _created_from_sending(profile, corresp, report)
    parts = [c for c in profile if isinstance(c.tag, str)]
    tails = [c.tail for c in parts]
    for child in parts:
        profile.remove(child)
    for child, tail in zip(_ordered(parts), tails):
        child.tail = tail
        profile.append(child)


def _ordered(parts: list[etree._Element]) -> list[etree._Element]:
    return sorted(parts, key=lambda c: PROFILE_ORDER.index(local_name(c))
                  if local_name(c) in PROFILE_ORDER else len(PROFILE_ORDER))


def _created_from_sending(profile: etree._Element, corresp: etree._Element, report: LossReport) -> None:
    """A letter dated only in its correspDesc is dated in the header as the edition's documents are."""
    if profile.find("tei:creation", NS) is not None:
        return
    sent = corresp.find("tei:correspAction[@type='sent']/tei:date", NS)
    if sent is None or not any(sent.get(a) for a in ("when", "from", "to", "notBefore", "notAfter")):
        return
    date = el("date", "".join(str(t) for t in sent.itertext()) or None,
              **{a: str(sent.get(a)) for a in ("when", "from", "to", "notBefore", "notAfter") if sent.get(a)})
    creation = el("creation")
    creation.append(date)
    profile.append(creation)
    report.add(sent, "mapped", "the date of sending also dates the document (profileDesc/creation/date)")


def _remove(node: etree._Element) -> None:
    parent = node.getparent()
    assert parent is not None
    previous = node.getprevious()
    if node.tail and node.tail.strip():
        if previous is not None:
            previous.tail = (previous.tail or "") + node.tail
        else:
            parent.text = (parent.text or "") + node.tail
    parent.remove(node)


__all__ = ["conform_profile", "conform_top_divs", "conform_transcription"]

"""Dublin Core (oai_dc) records of the edition's documents, for OAI-PMH and `teikit export --to dc`."""

from __future__ import annotations

from pathlib import Path

from lxml import etree

from toolkit.exchange.edition import Edition
from toolkit.tei import NS
from toolkit.urls import DANGEROUS, is_safe_url, url_scheme

OAI_DC_NS = "http://www.openarchives.org/OAI/2.0/oai_dc/"
DC_NS = "http://purl.org/dc/elements/1.1/"
XSI_NS = "http://www.w3.org/2001/XMLSchema-instance"
OAI_DC_SCHEMA = "http://www.openarchives.org/OAI/2.0/oai_dc.xsd"


def _text(node: etree._Element | None) -> str:
    return " ".join("".join(str(t) for t in node.itertext()).split()) if node is not None else ""


def _shown_identifier(idno: etree._Element) -> bool:
    """An identifier a harvester may turn into a link passes the URL rule (toolkit/urls.py):
    a URI-typed idno must be http(s), mailto or relative; no idno may be javascript: and the like."""
    text = _text(idno)
    scheme = url_scheme(text)
    if str(idno.get("type", "")).lower() in ("uri", "url"):
        return is_safe_url(text)
    return scheme not in DANGEROUS


def dc_record(tree: etree._ElementTree, edition: Edition | None = None, base_dir: str | None = None) -> etree._Element:
    """The oai_dc:dc element for one TEI document (values taken from its header and its names)."""
    root = tree.getroot()
    record = etree.Element(f"{{{OAI_DC_NS}}}dc", nsmap={"oai_dc": OAI_DC_NS, "dc": DC_NS, "xsi": XSI_NS})
    record.set(f"{{{XSI_NS}}}schemaLocation", f"{OAI_DC_NS} {OAI_DC_SCHEMA}")

    def add(name: str, value: str, **attrs: str) -> None:
        value = " ".join(value.split())
        if value:
            node = etree.SubElement(record, f"{{{DC_NS}}}{name}")
            node.text = value
            for key, attr_value in attrs.items():
                node.set(key, attr_value)

    header = root.find("tei:teiHeader", NS)
    assert header is not None
    for title in header.iterfind("tei:fileDesc/tei:titleStmt/tei:title", NS):
        add("title", _text(title))
    for author in header.iterfind("tei:fileDesc/tei:titleStmt/tei:author", NS):
        add("creator", _text(author))
    for resp in header.iterfind("tei:fileDesc/tei:titleStmt/tei:respStmt", NS):
        for name in resp:
            if isinstance(name.tag, str) and etree.QName(name).localname in ("persName", "orgName"):
                add("contributor", f"{_text(name)} ({_text(resp.find('tei:resp', NS))})")
    for node in header.iterfind("tei:fileDesc/tei:titleStmt/tei:sponsor", NS):
        add("contributor", _text(node))
    for node in header.iterfind("tei:fileDesc/tei:publicationStmt/tei:distributor", NS):
        add("publisher", _text(node))
    for node in header.iterfind("tei:fileDesc/tei:publicationStmt/tei:publisher", NS):
        add("publisher", _text(node))
    for abstract in header.iterfind("tei:profileDesc/tei:abstract", NS):
        add("description", _text(abstract))
    date = header.find("tei:profileDesc/tei:creation/tei:date", NS)
    if date is not None:
        add("date", date.get("when") or "/".join(v for v in (date.get("notBefore"), date.get("notAfter")) if v)
            or _text(date))
    add("type", "Text")
    add("format", "application/tei+xml")
    for idno in header.iterfind("tei:fileDesc/tei:publicationStmt/tei:idno", NS):
        if _shown_identifier(idno):
            add("identifier", _text(idno))
    for bibl in header.iterfind("tei:fileDesc/tei:sourceDesc/tei:bibl", NS):
        add("source", _text(bibl))
    for language in header.iterfind("tei:profileDesc/tei:langUsage/tei:language", NS):
        add("language", str(language.get("ident") or _text(language)))
    subjects: dict[str, str] = {}
    body = root.find("tei:text", NS)
    if edition is not None and body is not None and base_dir is not None:
        for node in body.iter():
            ref = node.get("ref") if isinstance(node.tag, str) else None
            if not ref:
                continue
            found = edition.entry_for(Path(base_dir), ref)
            if found is None:
                continue
            entry = found[1]
            label = next((_text(c) for c in entry if isinstance(c.tag, str) and etree.QName(c).localname
                          in ("persName", "placeName", "orgName", "term")), "")
            kind = "coverage" if etree.QName(entry).localname == "place" else "subject"
            if label and label not in subjects:
                subjects[label] = kind
    for wanted in ("subject", "coverage"):
        for label, kind in subjects.items():
            if kind == wanted:
                add(kind, label)
    return record

"""The teiHeader of an imported document, in the shape of the edition's converted documents.

Converted reports carry title, funder/sponsors, respStmt, publicationStmt with the archive's
idno and URI, a citation bibl, encodingDesc (appInfo, editorialDecl), profileDesc (creation
date, langUsage) and a revisionDesc change; imports fill the same slots from what the source
archive gives, so that builders and validators treat both alike.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from lxml import etree

from toolkit import __version__
from toolkit.tei import el, sub


@dataclass(frozen=True)
class HeaderInfo:
    title: str
    number: str
    idno_type: str
    distributor: str
    citation: etree._Element  # bibl[@type='citation']
    source_name: str
    source_format: str
    change_date: date
    uri: str | None = None
    source_notes: tuple[str, ...] = ()
    creation: etree._Element | None = None  # a date element
    languages: tuple[tuple[str, str], ...] = (("en", "English"),)
    editorial: tuple[tuple[str, str], ...] = ()  # (editorialDecl child, statement)
    notes: tuple[tuple[str, str], ...] = field(default_factory=tuple)  # (type, text) for notesStmt
    editors: tuple[str, ...] = ()  # the source edition's editors


def build_header(info: HeaderInfo) -> etree._Element:
    header = el("teiHeader")
    file_desc = sub(header, "fileDesc")
    title_stmt = sub(file_desc, "titleStmt")
    sub(title_stmt, "title", info.title, type="main")
    for editor in info.editors:
        sub(title_stmt, "editor", editor)
    resp = sub(title_stmt, "respStmt")
    sub(resp, "resp", "TEI import and normalisation")
    sub(resp, "name", f"teikit {__version__}")
    publication = sub(file_desc, "publicationStmt")
    sub(publication, "distributor", info.distributor)
    sub(publication, "idno", info.number, type=info.idno_type)
    if info.uri:
        sub(publication, "idno", info.uri, type="URI")
    if info.notes:
        notes = sub(file_desc, "notesStmt")
        for note_type, text in info.notes:
            sub(notes, "note", text, type=note_type)
    source = sub(file_desc, "sourceDesc")
    source.append(info.citation)
    for text in info.source_notes:
        sub(source, "bibl", text, type="source")
    encoding = sub(header, "encodingDesc")
    app = sub(sub(encoding, "appInfo"), "application", ident="teikit", version=__version__)
    sub(app, "label", "teikit")
    if info.editorial:
        decl = sub(encoding, "editorialDecl")
        for tag, statement in info.editorial:
            sub(sub(decl, tag), "p", statement)
    profile = sub(header, "profileDesc")
    if info.creation is not None:
        sub(profile, "creation").append(info.creation)
    usage = sub(profile, "langUsage")
    for ident, name in info.languages:
        sub(usage, "language", name, ident=ident)
    revision = sub(header, "revisionDesc")
    sub(revision, "change", f"Imported from {info.source_name} ({info.source_format}) by teikit {__version__}.",
        when=info.change_date.isoformat())
    return header

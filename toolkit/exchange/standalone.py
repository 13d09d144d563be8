"""Self-contained documents for another archive, and the edition as one teiCorpus.

A standalone document carries the register entries it points to in its own `standOff`, and its
`@ref`/`@target` values point there (`#kosygin`) instead of into the edition's register files.
The teiCorpus carries the edition header, every register entry in its `standOff` and every
document, with pointers rewritten the same way. `teikit import` reads both back.
"""

from __future__ import annotations

from copy import deepcopy
from datetime import date
from pathlib import Path

from lxml import etree

from toolkit import __version__
from toolkit.config import EditionConfig
from toolkit.exchange.edition import ENTRY_LISTS, POINTER_ATTRIBUTES, Edition
from toolkit.tei import TEI_NS, XML_ID, el, local_name, sub
from toolkit.registers import PREFIXED


def _list_for(stand_off: etree._Element, entry: etree._Element) -> etree._Element:
    tag = ENTRY_LISTS[local_name(entry)]
    for existing in stand_off:
        if isinstance(existing.tag, str) and local_name(existing) == tag:
            return existing
    return sub(stand_off, tag, **({"type": "terms"} if tag == "list" else {}))


class _Embedder:
    """Gives each embedded entry one id, unique in the target file; rewrites pointers to it."""

    def __init__(self, edition: Edition, taken: set[str]) -> None:
        self.edition = edition
        self.taken = set(taken)
        self.ids: dict[tuple[Path, str], str] = {}
        self.entries: list[tuple[str, etree._Element]] = []
        self.unresolved: list[tuple[int | None, str]] = []  # (line, value) of pointers to no entry

    def id_for(self, key: tuple[Path, str], entry: etree._Element) -> str:
        if key not in self.ids:
            xml_id = key[1]
            if xml_id in self.taken:
                xml_id = f"{key[0].stem}-{key[1]}"
            suffix = 2
            while xml_id in self.taken:
                xml_id = f"{key[0].stem}-{key[1]}-{suffix}"
                suffix += 1
            self.taken.add(xml_id)
            self.ids[key] = xml_id
            self.entries.append((xml_id, entry))
        return self.ids[key]

    def rewrite(self, root: etree._Element, document_dir: Path) -> None:
        for node in root.iter():
            if not isinstance(node.tag, str):
                continue
            for attribute in POINTER_ATTRIBUTES:
                value = node.get(attribute)
                if value is None:
                    continue
                found = self.edition.entry_for(document_dir, value)
                if found is not None:
                    node.set(attribute, f"#{self.id_for(*found)}")
                elif (".xml#" in value and "://" not in value) or _prefixed(value, self.edition):
                    line = node.sourceline if isinstance(node.sourceline, int) else None
                    self.unresolved.append((line, value))

    def stand_off(self) -> etree._Element:
        stand_off = el("standOff")
        for xml_id, entry in self.entries:
            copy = deepcopy(entry)
            copy.tail = None
            copy.set(XML_ID, xml_id)
            _list_for(stand_off, entry).append(copy)
        stand_off.text = "\n    "
        for index, list_el in enumerate(stand_off):
            list_el.text = "\n      "
            for position, child in enumerate(list_el):
                child.tail = "\n      " if position < len(list_el) - 1 else "\n    "
            list_el.tail = "\n    " if index < len(stand_off) - 1 else "\n  "
        return stand_off


def _prefixed(value: str, edition: Edition) -> bool:
    """A `per:kosygin` pointer with a prefix of the edition's registers."""
    found = PREFIXED.match(value)
    return found is not None and found.group("prefix") in edition.prefixes()


def _ids_in(root: etree._Element) -> set[str]:
    return {str(n.get(XML_ID)) for n in root.iter() if isinstance(n.tag, str) and n.get(XML_ID)}


def standalone(edition: Edition, number: str) -> etree._Element:
    """One document with the register entries it uses embedded; valid TEI on its own."""
    return standalone_checked(edition, number)[0]


def standalone_checked(edition: Edition, number: str) -> tuple[etree._Element, list[tuple[int | None, str]]]:
    """The standalone document, and the (line, value) of pointers that name no register entry."""
    document = edition.documents[number]
    root = deepcopy(document.tree().getroot())
    embedder = _Embedder(edition, _ids_in(root))
    embedder.rewrite(root, document.path.parent)
    if embedder.entries:
        stand_off = embedder.stand_off()
        header = root.find(f"{{{TEI_NS}}}teiHeader")
        assert header is not None
        stand_off.tail = header.tail
        header.addnext(stand_off)
    return root, embedder.unresolved


def corpus(edition: Edition, change_date: date, config: EditionConfig | None = None) -> etree._Element:
    """The whole edition as one teiCorpus: header (from teikit.toml), registers (standOff),
    every document."""
    config = config or EditionConfig(title=edition.directory.resolve().name)
    root = el("teiCorpus", xml_lang=config.languages[0])
    header = sub(root, "teiHeader")
    file_desc = sub(header, "fileDesc")
    title_stmt = sub(file_desc, "titleStmt")
    sub(title_stmt, "title", f"{config.title}: the edition as one teiCorpus", type="main")
    if config.subtitle:
        sub(title_stmt, "title", config.subtitle, type="sub")
    for funder in config.funders:
        sub(title_stmt, "funder", funder)
    for editor in config.editors:
        named = sub(title_stmt, "respStmt")
        sub(named, "resp", editor.role)
        sub(named, "name", editor.name)
    resp = sub(title_stmt, "respStmt")
    sub(resp, "resp", "export")
    sub(resp, "name", f"teikit {__version__}")
    publication = sub(file_desc, "publicationStmt")
    sub(publication, "publisher", config.publisher or f"teikit {__version__}")
    sub(publication, "date", change_date.isoformat(), when=change_date.isoformat())
    availability = sub(publication, "availability")
    if config.licence.name:
        licence = sub(availability, "p", f"Licence: {config.licence.name}")
        if config.licence.url:
            licence.text = f"Licence: {config.licence.name}, "
            sub(licence, "ref", config.licence.url, target=config.licence.url)
    availability.append(el("p", f"{len(edition.documents)} documents with the edition's "
        "register entries in the standOff; pointers into the register files are rewritten to it."))
    sub(sub(file_desc, "sourceDesc"), "p", "Born-digital export of the edition folder "
        f"{edition.directory.resolve().name}; each document keeps its own header and sources.")
    documents = []
    taken: set[str] = set()
    for document in edition.documents.values():
        tree = deepcopy(document.tree().getroot())
        documents.append((document, tree))
        taken |= _ids_in(tree)
    embedder = _Embedder(edition, taken)
    # every register entry goes in, whether or not a document points to it yet
    for key, entry in edition.entries().items():
        embedder.id_for(key, entry)
    for document, tree in documents:
        embedder.rewrite(tree, document.path.parent)
    if embedder.entries:
        root.append(embedder.stand_off())
    for _document, tree in documents:
        root.append(tree)
    return root

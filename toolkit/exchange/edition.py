"""An edition folder as the exchange formats and the server see it: documents and registers.

Documents are the TEI files directly in the folder (named by document number); registers are
the TEI files in `registers/`. A document's `@ref`/`@target` values such as `per:kosygin` name
the entry of the register file with that prefix (toolkit.registers); values such as
`registers/persons.xml#kosygin` are resolved against the document's own folder.
"""

from __future__ import annotations

import hashlib
import os
import re
from dataclasses import dataclass, field
from datetime import datetime, timezone
from pathlib import Path

from lxml import etree

from toolkit.errors import InputError
from toolkit.registers import PREFIXED, prefix_for
from toolkit.safe_xml import parse_xml_file
from toolkit.tei import NS, TEI_NS, XML_ID, local_name

# register entry element -> list element of a standOff
ENTRY_LISTS = {"person": "listPerson", "personGrp": "listPerson", "place": "listPlace", "org": "listOrg",
               "item": "list"}
POINTER_ATTRIBUTES = ("ref", "target", "corresp")


@dataclass(frozen=True)
class Document:
    number: str
    path: Path

    def tree(self) -> etree._ElementTree:
        return parse_xml_file(self.path)

    @property
    def modified(self) -> datetime:
        return datetime.fromtimestamp(os.stat(self.path).st_mtime, timezone.utc).replace(microsecond=0)


@dataclass
class Edition:
    directory: Path
    registers_dir: Path
    documents: dict[str, Document] = field(default_factory=dict)
    _entries: dict[tuple[Path, str], etree._Element] | None = None

    def entries(self) -> dict[tuple[Path, str], etree._Element]:
        """Every register entry with an xml:id, keyed by (resolved register file, id)."""
        if self._entries is None:
            found: dict[tuple[Path, str], etree._Element] = {}
            if self.registers_dir.is_dir():
                for path in sorted(self.registers_dir.glob("*.xml")):
                    root = parse_xml_file(path).getroot()
                    for node in root.iter():
                        if (isinstance(node.tag, str) and node.get(XML_ID) and local_name(node) in ENTRY_LISTS
                                and etree.QName(node).namespace == TEI_NS):
                            if local_name(node) == "item" and node.getparent() is not None \
                                    and node.getparent().get("type") != "terms":  # type: ignore[union-attr]
                                continue
                            found[(path.resolve(), str(node.get(XML_ID)))] = node
            self._entries = found
        return self._entries

    def entry_for(self, document_dir: Path, value: str) -> tuple[tuple[Path, str], etree._Element] | None:
        prefixed = PREFIXED.match(value)
        if prefixed is not None:  # per:kosygin: the edition's register file with that prefix
            register = self.prefixes().get(prefixed.group("prefix"))
            if register is None:
                return None
            key = (register, prefixed.group("rest"))
            entry = self.entries().get(key)
            return (key, entry) if entry is not None else None
        file_part, hash_, xml_id = value.partition("#")
        if not hash_ or not file_part or ":" in file_part:
            return None
        key = ((document_dir / file_part).resolve(), xml_id)
        entry = self.entries().get(key)
        return (key, entry) if entry is not None else None

    def prefixes(self) -> dict[str, Path]:
        """The pointer prefix of each register file (`per` -> registers/persons.xml)."""
        if not self.registers_dir.is_dir():
            return {}
        return {prefix_for(path): path.resolve() for path in sorted(self.registers_dir.glob("*.xml"))}

    def digest(self) -> str:
        """Changes when any document or register changes (for caches and resumption tokens)."""
        hasher = hashlib.sha256()
        for document in self.documents.values():
            stat = os.stat(document.path)
            hasher.update(f"{document.number}:{stat.st_mtime_ns}:{stat.st_size};".encode())
        return hasher.hexdigest()[:16]


_NUMBER = re.compile(r"^[A-Za-z0-9._-]+$")


def load_edition(directory: Path, registers_dir: Path | None = None) -> Edition:
    """The documents of an edition folder: every TEI file (root TEI) directly inside it."""
    if not directory.is_dir():
        raise InputError("no such edition folder", str(directory))
    edition = Edition(directory, registers_dir or directory / "registers")
    for path in sorted(directory.glob("*.xml")):
        if not _NUMBER.match(path.stem):
            continue
        with open(path, "rb") as handle:
            head = handle.read(2048)
        if b"<TEI" not in head:
            continue
        edition.documents[path.stem] = Document(path.stem, path)
    return edition


def archive_of(tree: etree._ElementTree) -> tuple[str, str]:
    """(set spec, set name) of the archive a document comes from, for OAI-PMH sets."""
    root = tree.getroot()
    idno = root.find("tei:teiHeader/tei:fileDesc/tei:publicationStmt/tei:idno[@type]", NS)
    spec = re.sub(r"[^a-z0-9_.!~*'()-]+", "-", str(idno.get("type")).lower()) if idno is not None else "edition"
    name = root.findtext("tei:teiHeader/tei:fileDesc/tei:publicationStmt/tei:distributor", namespaces=NS) \
        or root.findtext("tei:teiHeader/tei:fileDesc/tei:publicationStmt/tei:publisher", namespaces=NS) or spec
    return spec, " ".join(name.split())

"""The edition's registers of persons, places and organisations (TEI listPerson/listPlace/listOrg).

Registers are ordinary TEI files under the edition's `registers/` folder; every name form in an
entry (the preferred one and its variants) is a spelling the converter recognises.

A document points to an entry with a private URI (`per:kosygin`, `plc:moscow`, `org:cpsu`), one
prefix per register file, declared in the document's `listPrefixDef` (the Guidelines' way):
the pointer is the same wherever the document is written, and only the declaration says where
the register file lies.
"""

from __future__ import annotations

import os
import re
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

from lxml import etree

from toolkit.safe_xml import parse_xml_file
from toolkit.tei import NS, XML_ID, local_name

#: the register files' prefixes; any other register file is named by its own file name
PREFIXES = {"persons": "per", "places": "plc", "organisations": "org"}
MATCH_PATTERN = "(.+)"
PREFIXED = re.compile(r"^(?P<prefix>[a-z][a-z0-9+.\-]*):(?P<rest>[^/#\s][^#\s]*)$")


def prefix_for(path: Path) -> str:
    """The URI prefix of a register file: `per` for persons.xml, else the file name folded to
    what a TEI prefix may be (`imported-person`)."""
    stem = path.stem
    if stem in PREFIXES:
        return PREFIXES[stem]
    folded = re.sub(r"[^a-z0-9+.\-]", "-", stem.lower()).strip("-.+") or "register"
    return folded if folded[0].isalpha() else "r" + folded


def prefix_table(root: etree._Element) -> dict[str, tuple[str, str]]:
    """A document's declared prefixes: ident -> (matchPattern, replacementPattern)."""
    return {str(node.get("ident")): (str(node.get("matchPattern")), str(node.get("replacementPattern")))
            for node in root.iterfind(".//tei:teiHeader/tei:encodingDesc/tei:listPrefixDef/tei:prefixDef", NS)
            if node.get("ident") and node.get("matchPattern") is not None
            and node.get("replacementPattern") is not None}


def expand_ref(token: str, table: Mapping[str, tuple[str, str]]) -> str:
    """`per:kosygin` -> `registers/persons.xml#kosygin` by the document's prefixDef (TEI: the
    part after the colon matched by matchPattern, $1... substituted in replacementPattern);
    any other value unchanged."""
    found = PREFIXED.match(token)
    if found is None or found.group("prefix") not in table:
        return token
    match, replacement = table[found.group("prefix")]
    try:
        whole = re.fullmatch(match, found.group("rest"))
    except re.error:
        return token
    if whole is None:
        return token
    groups = [whole.group(0), *(g or "" for g in whole.groups())]
    return re.sub(r"\$(\d)", lambda m: groups[int(m.group(1))] if int(m.group(1)) < len(groups) else "",
                  replacement)

# entry element -> (name element, TEI element used for a mention in running text)
KINDS = {"person": "persName", "place": "placeName", "org": "orgName"}


@dataclass(frozen=True)
class Entry:
    xml_id: str
    kind: str  # person | place | org
    names: tuple[str, ...]  # preferred name first
    file: Path

    @property
    def mention_tag(self) -> str:
        return KINDS[self.kind]

    @property
    def label(self) -> str:
        return self.names[0]


@dataclass(frozen=True)
class Registers:
    directory: Path
    entries: tuple[Entry, ...]

    def by_id(self) -> dict[str, Entry]:
        return {entry.xml_id: entry for entry in self.entries}

    def ref(self, entry: Entry, document_dir: Path | None = None) -> str:
        """The entry's pointer, `prefix:id`: the same whatever folder the document is in."""
        return f"{prefix_for(entry.file)}:{entry.xml_id}"

    def path_ref(self, entry: Entry, document_dir: Path) -> str:
        """The entry as a URI relative to the document's folder (`registers/persons.xml#id`),
        for documents that declare no prefixes (imports from other archives)."""
        relative = os.path.relpath(entry.file.resolve(), document_dir.resolve())
        return f"{Path(relative).as_posix()}#{entry.xml_id}"

    def prefix_defs(self, document_dir: Path) -> list[tuple[str, str]]:
        """(ident, replacementPattern) of each register file with entries, the file given
        relative to the folder the document is written to."""
        found: dict[str, str] = {}
        for entry in self.entries:
            ident = prefix_for(entry.file)
            if ident not in found:
                relative = os.path.relpath(entry.file.resolve(), document_dir.resolve())
                found[ident] = f"{Path(relative).as_posix()}#$1"
        return sorted(found.items())


def load_registers(directory: Path) -> Registers:
    """Read every register file in `directory`; a missing folder means empty registers."""
    entries: list[Entry] = []
    if directory.is_dir():
        for path in sorted(directory.glob("*.xml")):
            root = parse_xml_file(path).getroot()
            for kind, name_tag in KINDS.items():
                for node in root.iterfind(f".//tei:{kind}", NS):
                    xml_id = node.get(XML_ID)
                    names = tuple(" ".join("".join(str(t) for t in n.itertext()).split())
                                  for n in node if local_name(n) == name_tag)
                    if xml_id and names:
                        entries.append(Entry(xml_id, kind, names, path))
    return Registers(directory, tuple(entries))

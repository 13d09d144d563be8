"""The edition's registers of persons, places and organisations (TEI listPerson/listPlace/listOrg).

Registers are ordinary TEI files under the edition's `registers/` folder; every name form in an
entry (the preferred one and its variants) is a spelling the converter recognises.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

from toolkit.safe_xml import parse_xml_file
from toolkit.tei import NS, XML_ID, local_name

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

    def ref(self, entry: Entry, document_dir: Path) -> str:
        """A URI reference to the entry, relative to the folder the document is written to."""
        relative = os.path.relpath(entry.file.resolve(), document_dir.resolve())
        return f"{Path(relative).as_posix()}#{entry.xml_id}"


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

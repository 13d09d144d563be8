"""Carrying the persons, places, organisations and terms of imported TEI into the edition's registers.

An imported document points at entries of its own archive (FRUS `persName/@corresp="#p_GWQ1"`,
`gloss/@target="#t_NSC1"`, a standOff `listPerson`...). Each such entry becomes an entry of the
output edition's registers: an existing entry is reused when it has the same xml:id and the
same preferred name; otherwise the entry is added to `registers/imported-{kind}.xml` under an id
that cannot clash. The main process merges and writes those files once per import run, so
parallel workers never write them.
"""

from __future__ import annotations

import os
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from lxml import etree

from toolkit.errors import Diagnostic, Severity, ToolkitError
from toolkit.output import serialize, write_atomic
from toolkit.registers import Registers
from toolkit.safe_xml import parse_xml_file
from toolkit.tei import NS, XML_ID, el, local_name, sub

# entry kind -> (file name, list element, entry element, name element)
KINDS: dict[str, tuple[str, str, str, str]] = {
    "person": ("imported-persons.xml", "listPerson", "person", "persName"),
    "place": ("imported-places.xml", "listPlace", "place", "placeName"),
    "org": ("imported-organisations.xml", "listOrg", "org", "orgName"),
    "term": ("imported-terms.xml", "list", "item", "term"),
}
KIND_OF_ENTRY = {"person": "person", "place": "place", "org": "org"}
TITLES = {"person": "Register of persons (imported)", "place": "Register of places (imported)",
          "org": "Register of organisations (imported)", "term": "Register of terms and abbreviations (imported)"}


@dataclass(frozen=True)
class NewEntry:
    """An entry an import adds to `registers/imported-*.xml` (serialised: workers send it back)."""

    kind: str
    xml_id: str
    xml: bytes


def preferred_name(entry: etree._Element, kind: str) -> str:
    name_tag = KINDS[kind][3]
    for child in entry:
        if isinstance(child.tag, str) and local_name(child) == name_tag:
            return " ".join("".join(str(t) for t in child.itertext()).split())
    return ""


def _imported_ids(registers_dir: Path) -> dict[str, set[str]]:
    """Ids already in the imported register files (terms are not in toolkit.registers)."""
    found: dict[str, set[str]] = {}
    for kind, (file_name, _list, entry_tag, _name) in KINDS.items():
        path = registers_dir / file_name
        ids: set[str] = set()
        if path.exists():
            try:
                root = parse_xml_file(path).getroot()
            except ToolkitError:
                root = None
            if root is not None:
                ids = {str(n.get(XML_ID)) for n in root.iterfind(f".//tei:{entry_tag}", NS) if n.get(XML_ID)}
        found[kind] = ids
    return found


class EntryLinker:
    """Decides, for each entry a source points to, the `@ref` the imported document gets."""

    def __init__(self, registers: Registers, registers_dir: Path, output_dir: Path) -> None:
        self.registers = registers
        self.by_id = registers.by_id()
        self.registers_dir = registers_dir
        self.output_dir = output_dir
        self.imported = _imported_ids(registers_dir)

    def file_ref(self, kind: str) -> str:
        relative = os.path.relpath((self.registers_dir / KINDS[kind][0]).resolve(), self.output_dir.resolve())
        return Path(relative).as_posix()

    def link(self, kind: str, entry: etree._Element, wanted_id: str, fallback_id: str) -> tuple[str, NewEntry | None]:
        """The ref for `entry`, and the new register entry to write if it is not there yet."""
        name = preferred_name(entry, kind)
        existing = self.by_id.get(wanted_id)
        if (existing is not None and KIND_OF_ENTRY.get(kind) == existing.kind
                and existing.label == name and not existing.file.name.startswith("imported-")):
            return self.registers.path_ref(existing, self.output_dir), None
        xml_id = wanted_id
        taken = existing is not None and not existing.file.name.startswith("imported-")
        if taken or (kind == "term" and wanted_id in self.by_id):
            xml_id = fallback_id
        copy = etree.fromstring(etree.tostring(entry, with_tail=False))  # text after the entry is not its
        etree.cleanup_namespaces(copy)
        copy.set(XML_ID, xml_id)
        return f"{self.file_ref(kind)}#{xml_id}", NewEntry(kind, xml_id, etree.tostring(copy))


def _register_file(kind: str) -> etree._Element:
    root = el("TEI", xml_lang="en")
    header = sub(root, "teiHeader")
    file_desc = sub(header, "fileDesc")
    sub(sub(file_desc, "titleStmt"), "title", TITLES[kind])
    sub(sub(file_desc, "publicationStmt"), "p",
        "Entries carried over by teikit import from the registers and name lists of other archives' TEI.")
    sub(sub(file_desc, "sourceDesc"), "p", "Each entry records the archive and identifier it came from in idno.")
    stand_off = sub(root, "standOff")
    list_el = sub(stand_off, KINDS[kind][1])
    if kind == "term":
        list_el.set("type", "terms")
    return root


def write_registers(registers_dir: Path, entries: Iterable[NewEntry]) -> tuple[list[Path], list[Diagnostic]]:
    """Merge new entries into `imported-*.xml` (the latest import of an id wins); atomic writes."""
    by_kind: dict[str, dict[str, bytes]] = {}
    for entry in entries:
        by_kind.setdefault(entry.kind, {})[entry.xml_id] = entry.xml
    written: list[Path] = []
    problems: list[Diagnostic] = []
    for kind, new in by_kind.items():
        path = registers_dir / KINDS[kind][0]
        root: etree._Element | None = None
        if path.exists():
            try:
                root = parse_xml_file(path).getroot()
            except ToolkitError as error:
                problems.append(error.diagnostic)
                continue
        if root is None:
            root = _register_file(kind)
        list_el = root.find(f".//tei:{KINDS[kind][1]}", NS)
        if list_el is None:
            problems.append(Diagnostic(Severity.ERROR, f"no {KINDS[kind][1]} in the register; not updated", str(path)))
            continue
        current = {str(n.get(XML_ID)): n for n in list_el if isinstance(n.tag, str) and n.get(XML_ID)}
        for xml_id, data in sorted(new.items()):
            node = etree.fromstring(data)
            if xml_id in current:
                old = current[xml_id]
                node.tail = old.tail
                list_el.replace(old, node)
            else:
                list_el.append(node)
        _reindent(list_el)
        write_atomic(path, serialize(root))
        written.append(path)
    return written, problems


def _reindent(list_el: etree._Element) -> None:
    """Indent the entries of a list (their own content and white space are left alone)."""
    depth = len(list(list_el.iterancestors()))
    inner = "\n" + "  " * (depth + 1)
    list_el.text = inner
    children = list(list_el)
    for index, child in enumerate(children):
        child.tail = inner if index < len(children) - 1 else "\n" + "  " * depth

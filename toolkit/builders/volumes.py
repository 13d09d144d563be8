"""The print edition split into volumes by the configuration, as printed editions are (#13).

`[print] volume_by` = "auto", the default (one volume while the edition has at most
`volume_size` documents, else as "count": at 10,000 documents one volume's PDF stage peaked at
2 GB and took 20 s of a one-document rebuild, volumes of 1,000 a tenth of it, issue #13),
"none" (one volume, edition.pdf, whatever the size), "count" (`volume_size` documents a
volume in volume order: edition-1.pdf, edition-2.pdf ...), "year" (a volume per year of the
documents' dates, undated ones last: edition-1961.pdf, edition-undated.pdf) or "collection"
(a volume per collection, edition-<name>.pdf). A document's collection is what its header
holds: `msIdentifier/collection`, else the series (`seriesStmt/title`), else the archive
(`msIdentifier/repository` or `institution`), which is what the converter writes for the
archive's exports; a document with none of them goes to a last volume "Other documents".

Each volume is a whole book, made from its own documents only: the documents are grouped
into volumes first (`plan_volumes`, from each print XML's <doc when> and <meta> read with
lxml: `volume_entry`, in the volume stage's order), then the volume stage runs over each
volume's documents alone and its <volume> gets its number and name (`volume_of`, printed on
its title page: "Volume 2: 1961–1962"), so that no process holds the edition's volume XML:
the parent's memory is one volume's. An index entry's label from the documents' forms (a name
no register entry has) is the commonest form in that volume. The assembler typesets and
merges each on its own, with its own parts and page numbers from 1. File names are stable:
by year or collection they do not move when another volume is added; by count they are the
volume's number, which is what a reader of a numbered series expects.
"""

from __future__ import annotations

import copy
import hashlib
import json
import re
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import partial
from pathlib import Path

from lxml import etree

from toolkit.output import write_atomic
from toolkit.safe_xml import parse_xml

VOLUMES_JSON = "volumes.json"  # in build/pdf: the volumes' files and names, for the web edition
SINGLE = "edition.pdf"
OTHER = "Other documents"
UNDATED = "Undated documents"


@dataclass(frozen=True)
class Volume:
    """One volume: its file (in build/pdf), number, name and its <volume> XML."""

    file: str
    number: int
    name: str  # '' for the single volume
    xml: str


@dataclass(frozen=True)
class Planned:
    """A volume before its XML is made: its file, number, name and documents' ids in order."""

    file: str
    number: int
    name: str
    ids: tuple[str, ...]


@dataclass(frozen=True)
class Entry:
    """What the grouping needs of a document: its id, date (`when`) and collection."""

    id: str
    when: str
    collection: str


def volume_entry(print_xml: Path) -> Entry:
    """A document's <doc id when> and collection from its print XML, read up to its <meta>
    (which comes first) and no further: the grouping holds three strings per document."""
    doc: etree._Element | None = None
    for event, element in etree.iterparse(str(print_xml), events=("start", "end"), huge_tree=True):
        if event == "start" and doc is None:
            doc = element
        elif event == "end" and element.tag == "meta" and element.getparent() is doc:
            break
    assert doc is not None
    return Entry(doc.get("id", ""), doc.get("when", ""), collection_of(doc))


def volume_order(entries: Iterable[Entry]) -> list[Entry]:
    """The volume stage's order (pdf-volume.xsl): dated before undated, then by `when`, then
    by id, each compared by code point as Saxon's default collation does."""
    return sorted(entries, key=lambda e: (e.when == "", e.when, e.id))


def resolved(volume_by: str, volume_size: int, count: int) -> str:
    """The split "auto" stands for at `count` documents: "none" up to `volume_size`, else
    "count"; any other value as it is."""
    if volume_by == "auto":
        return "none" if count <= volume_size else "count"
    return volume_by


def auto_notice(volume_by: str, volume_size: int, count: int) -> str:
    """The build's one line when "auto" split the edition ('' otherwise): what it did and how
    to choose another split, since the user asked for none."""
    if resolved(volume_by, volume_size, count) != "count" or volume_by == "count":
        return ""
    volumes = -(-count // volume_size)
    return (f"{count} documents, more than [print] volume_size = {volume_size}: the print edition "
            f"is split into {volumes} volumes (edition-1.pdf to edition-{volumes}.pdf); "
            f'set [print] volume_by = "none" for one volume, "year" or "collection" for another split')


def plan_volumes(entries: Sequence[Entry], volume_by: str, volume_size: int) -> list[Planned]:
    """The configured volumes of documents already in volume order (`volume_order`)."""
    volume_by = resolved(volume_by, volume_size, len(entries))
    if volume_by == "none":
        return [Planned(SINGLE, 1, "", tuple(e.id for e in entries))]
    groups: list[tuple[str, str, list[Entry]]] = []  # (file stem, name, documents)
    if volume_by == "count":
        for number, start in enumerate(range(0, len(entries), volume_size), start=1):
            chunk = list(entries[start:start + volume_size])
            groups.append((str(number), _span(e.when for e in chunk) or UNDATED, chunk))
    elif volume_by == "year":
        by_year: dict[str, list[Entry]] = {}
        for entry in entries:  # volume order is date order, undated last: so are the years
            by_year.setdefault(_year(entry.when) or "undated", []).append(entry)
        groups = [(year, UNDATED if year == "undated" else year, group) for year, group in by_year.items()]
    else:
        by_name: dict[str, list[Entry]] = {}
        for entry in entries:
            by_name.setdefault(entry.collection, []).append(entry)
        names = sorted((n for n in by_name if n), key=lambda n: (n.casefold(), n)) + ([""] if "" in by_name else [])
        stems: set[str] = set()
        for name in names:
            stem = base = _slug(name) if name else "other"
            suffix = 2
            while stem in stems:  # two names of one slug: numbered in name order
                stem, suffix = f"{base}-{suffix}", suffix + 1
            stems.add(stem)
            groups.append((stem, name or OTHER, by_name[name]))
    return [Planned(f"edition-{stem}.pdf", number, name, tuple(e.id for e in group))
            for number, (stem, name, group) in enumerate(groups, start=1)]


def volume_of(volume_xml: str, planned: Planned) -> str:
    """The volume stage's XML over one volume's documents as that volume's <volume> (its
    number, name, count and years); the single volume's as it is."""
    if planned.file == SINGLE:
        return volume_xml
    root = etree.fromstring(volume_xml.encode("utf-8"), etree.XMLParser(huge_tree=True))
    return _volume(root, planned.number, planned.name, [d for d in root if d.tag == "doc"])


def split_volumes(volume_xml: str, volume_by: str, volume_size: int) -> list[Volume]:
    """The edition's volume XML as the configured volumes, each a <volume> of its own (the
    grouping of `plan_volumes` on a volume XML at hand; the build runs the volume stage per
    volume instead)."""
    root = etree.fromstring(volume_xml.encode("utf-8"), etree.XMLParser(huge_tree=True))
    docs = {d.get("id", ""): d for d in root if d.tag == "doc"}
    if resolved(volume_by, volume_size, len(docs)) == "none":
        return [Volume(SINGLE, 1, "", volume_xml)]
    entries = [Entry(i, d.get("when", ""), collection_of(d)) for i, d in docs.items()]
    return [Volume(p.file, p.number, p.name, _volume(root, p.number, p.name, [docs[i] for i in p.ids]))
            for p in plan_volumes(entries, volume_by, volume_size)]


def collection_of(doc: etree._Element) -> str:
    """The collection a document's print XML names (pdf-meta.xsl: <collection>, else <archive>)."""
    meta = doc.find("meta")
    if meta is None:
        return ""
    for tag in ("collection", "archive"):
        text = " ".join((meta.findtext(tag) or "").split())
        if text:
            return text
    return ""


def write_list(out_dir: Path, volumes: Sequence[Volume | Planned]) -> None:
    """build/pdf/volumes.json: [{file, number, name}] in order, which the web edition links."""
    data = [{"file": v.file, "number": v.number, "name": v.name} for v in volumes]
    write_atomic(out_dir / VOLUMES_JSON, json.dumps(data, ensure_ascii=False, indent=1).encode("utf-8"))


def read_list(out_dir: Path) -> list[dict[str, object]]:
    """The volumes of the last print build ([] when there is none or it is unreadable)."""
    try:
        data = json.loads((out_dir / VOLUMES_JSON).read_text("utf-8"))
    except (FileNotFoundError, ValueError):
        return []
    return data if isinstance(data, list) else []


def _volume(root: etree._Element, number: int, name: str, docs: list[etree._Element]) -> str:
    """The edition's <volume> with only these documents and the index entries they name."""
    volume = etree.Element("volume", {str(k): str(v) for k, v in root.attrib.items()})
    volume.set("count", str(len(docs)))
    volume.set("volume", str(number))
    volume.set("volume-name", name)
    years = [y for y in (_year(d.get("when", "")) for d in docs) if y]
    for attribute in ("from", "to"):
        if attribute in volume.attrib:
            del volume.attrib[attribute]
    if years:
        volume.set("from", min(years))
        volume.set("to", max(years))
    keys = {n.get("key", "") for d in docs for n in d.iter("name")} - {""}
    for child in root:
        if child.tag in ("edition", "front"):
            volume.append(_copy(child))
    volume.extend(docs)  # moved, not copied: the edition's tree is not used again
    for index in (c for c in root if c.tag == "index"):
        entries = [e for e in index if e.get("key") in keys]
        if entries:
            kept = etree.SubElement(volume, "index", {str(k): str(v) for k, v in index.attrib.items()})
            kept.extend(_copy(e) for e in entries)
    return etree.tostring(volume, encoding="unicode")


def _copy(element: etree._Element) -> etree._Element:
    return copy.deepcopy(element)


def _year(when: str) -> str:
    return when[:4] if re.match(r"\d{4}", when) else ""


def _span(whens: Iterable[str]) -> str:
    years = [y for y in (_year(w) for w in whens) if y]
    if not years:
        return ""
    return min(years) if min(years) == max(years) else f"{min(years)}–{max(years)}"


def _slug(name: str) -> str:
    """A file name's part: ASCII letters and digits, lower case, joined by hyphens."""
    ascii_name = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", ascii_name.lower()).strip("-")[:60].strip("-") or "collection"


STAGE_XML = "volume.xml"  # in a volume's parts folder: the volume stage's last output for it
STAGE_KEY = "volume.key"
ASSEMBLED = "assembled.key"  # the stage key the volume's PDF was last assembled from


def stage_keys(volumes: Sequence[Planned], common: str, print_xml: Path) -> list[str]:
    """Each volume's key for the volume stage's output and the PDF assembled from it:
    `common` (the stylesheets and templates, fonts, configuration, registers and the code that
    writes the stage's input), the volume's file, number and name, and the ids and content
    (file index digests) of its documents' print XML, in volume order."""
    from toolkit import filestate
    keys = []
    for volume in volumes:
        # the number and name too: printed on its title page, and by year or collection the
        # number moves when a volume comes before it
        digest = hashlib.sha256(f"{common}\0{volume.file}\0{volume.number}\0{volume.name}".encode())
        for identifier in volume.ids:
            digest.update(f"\0{identifier}\0{filestate.sha256(print_xml / f'{identifier}.xml')}".encode())
        keys.append(digest.hexdigest())
    return keys


def stage_current(folder: Path, key: str) -> bool:
    """Whether the volume stage's XML kept for this volume (`keep_stage`) has this key: a
    one-document change then runs the stage over its own volume only (about 0.8 s of CPU a
    volume of 1,000 documents), not over every volume."""
    try:
        return (folder / STAGE_KEY).read_text("utf-8") == key and (folder / STAGE_XML).is_file()
    except (FileNotFoundError, UnicodeDecodeError):
        return False


def keep_stage(folder: Path, key: str, xml: str) -> None:
    """The stage's XML, then its key (a build stopped between the two leaves no key)."""
    (folder / STAGE_KEY).unlink(missing_ok=True)
    (folder / ASSEMBLED).unlink(missing_ok=True)
    write_atomic(folder / STAGE_XML, xml.encode("utf-8"))
    write_atomic(folder / STAGE_KEY, key.encode("utf-8"))


def assembled(folder: Path, key: str, target: Path) -> bool:
    """Whether the volume's PDF was assembled from this stage key: the key covers everything
    its parts, matter and merge read (the stamp, the registers, its documents' print XML),
    so that volume is left as it is, its parts not even written again (at 10,000 documents a
    one-document change parsed all 10,000 print XML files for the unchanged volumes' parts)."""
    try:
        return target.is_file() and (folder / ASSEMBLED).read_text("utf-8") == key
    except (FileNotFoundError, UnicodeDecodeError):
        return False


def mark_assembled(folder: Path, key: str) -> None:
    write_atomic(folder / ASSEMBLED, key.encode("utf-8"))


_TEI = "{http://www.tei-c.org/ns/1.0}"
#: what pdf-volume.xsl's key 'tk:entry' indexes, and the names tk:entry-label reads of an entry
_ENTRIES = tuple(f"{_TEI}{n}" for n in ("person", "personGrp", "place", "org"))
_NAMES = frozenset(f"{_TEI}{n}" for n in ("persName", "placeName", "orgName", "name"))


def register_facts(registers: Sequence[Path], root: Path) -> str:
    """What the volume stage reads of the registers, as one digest: each register's name and,
    for every entry in order, its element, id and name children (an index entry's label is
    the entry's first name, pdf-volume.xsl `tk:entry-label`; the abbreviations of the front
    matter are the organisations' names, frontmatter.py). A note, a date, a place's
    coordinates are not in it: edited, they leave every volume as it is. (The documents' print
    XML reads no register at all: PdfBuilder.register_keys.) Each register's part is kept in
    the file index by content, so a build that changed no register parses none."""
    from toolkit import filestate
    from toolkit.builders.base import edition_name
    digest = hashlib.sha256()
    for path in registers:
        names = filestate.fact(path, "pdf-entry-names", partial(_entry_names, path=str(path)))
        digest.update(f"{edition_name(path, root)}\0{names}\n".encode())
    return digest.hexdigest()


def _entry_names(data: bytes, path: str) -> str:
    """The digest of a register's entries' elements, ids and name children, in order."""
    digest = hashlib.sha256()
    for entry in parse_xml(data, path).getroot().iter(*_ENTRIES):
        digest.update(f"\0{entry.tag}\0{entry.get('{http://www.w3.org/XML/1998/namespace}id', '')}\0".encode())
        for child in entry:
            if child.tag in _NAMES:
                digest.update(etree.tostring(child, with_tail=False))
    return digest.hexdigest()

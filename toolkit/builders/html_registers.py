"""The web edition's register pages without reading the whole edition (issue #13).

A register page (`persons.html`) lists every entry with the first `register_page_size`
documents naming it; an entry named in more has further pages (`persons-ID-N.html`). These
used to be made by one transform over every document's record (120 MB at 10,000
documents), whenever one mention changed. Now:

- which document is on which of an entry's pages is decided here (`layouts`: date, then
  the edition's order, as the stylesheet sorted them), from what the build keeps of each
  document (`html_state.Contribution`: its date and, per entry, a digest of its mentions);
- a rebuild makes only the pages whose documents or mentions changed (`plan`): for an
  edit beside a name, the one page of that entry listing the document;
- the records of the documents on those pages are read once, and each one's mentions of
  each entry to make go to that entry's spool (`Spool`, on disk: bounded memory in a full
  build too); the entries' pages are made by `registers.xsl` in batches of bounded size;
- an entry's first page is its article on the register page: kept as a fragment
  (`.html-records/entries/KIND/ID.xml`), and a register page is made again, from the
  fragments of its entries, only when one of them changed.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from lxml import etree

from toolkit.builders.html_state import RECORD_SUFFIX, Contribution, split_record
from toolkit.errors import ToolkitError
from toolkit.frontmatter import TK_NS as TK
from toolkit.tei import TEI_NS, XML_NS

_PARSER = etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=True)
_ENTRIES = ("person", "personGrp", "place", "org")
_KINDS = {"person": "persons", "personGrp": "persons", "place": "places", "org": "organisations"}
_TYPE_KINDS = {"person": "persons", "persname": "persons", "place": "places", "placename": "places",
               "org": "organisations", "organisation": "organisations",
               "organization": "organisations", "orgname": "organisations"}
#: the record's attributes a register page prints beside a document's mentions
HEADING = ("id", "title", "date", "date-label")
#: mentions (bytes) in one transform of entry pages: bounds its memory
BATCH_BYTES = 16 * 2**20


def entry_kind(element: etree._Element) -> str:
    """tk:entry-kind: a TEI element by its name, another by its @type, else persons."""
    name = etree.QName(element)
    if name.namespace == TEI_NS:
        return _KINDS[name.localname]
    return _TYPE_KINDS.get((element.get("type") or "").lower(), "persons")


def entry_digests(data: bytes, path: str = "register") -> dict[str, Any]:
    """A register as the edition pages take it (a filestate fact, JSON): `entries`, xml:id ->
    [kind, digest of the element] of each TEI entry, and `skeleton`, the digest of the file
    with every outermost entry emptied to its tag and xml:id. An edit inside entries leaves
    the skeleton alone: only those entries' pages and their registers' pages are made again;
    any other edit (an entry added, removed or moved, the header) changes the skeleton, and
    every edition page is made again."""
    from toolkit.safe_xml import parse_xml
    root = parse_xml(data, path).getroot()
    tags = tuple(f"{{{TEI_NS}}}{name}" for name in _ENTRIES)
    entries: dict[str, list[str]] = {}
    outermost = []
    for element in root.iter(*tags):
        identifier = element.get(f"{{{XML_NS}}}id")
        if identifier is None:
            continue  # no page of its own: it stays in the skeleton
        digest = hashlib.sha256(etree.tostring(element, with_tail=False)).hexdigest()[:24]
        entries.setdefault(identifier, [entry_kind(element), digest])
        ancestor = element.getparent()
        while ancestor is not None and not (ancestor.tag in tags and ancestor.get(f"{{{XML_NS}}}id")):
            ancestor = ancestor.getparent()
        if ancestor is None:
            outermost.append(element)
    for element in outermost:
        tail, identifier = element.tail, element.get(f"{{{XML_NS}}}id")
        element.clear()
        element.set(f"{{{XML_NS}}}id", str(identifier))
        element.tail = tail
    skeleton = hashlib.sha256(etree.tostring(root)).hexdigest()
    return {"skeleton": skeleton, "entries": entries}


def register_state(paths: Sequence[Path], root: Path) -> tuple[str, dict[str, str]]:
    """The registers' skeleton digest (names and skeletons, `entry_digests`) and each entry
    id's digest (of every entry of that id, in the registers' order), from the file index."""
    import functools

    from toolkit import filestate
    from toolkit.builders.base import edition_name
    skeletons = hashlib.sha256()
    entries: dict[str, str] = {}
    for path in paths:
        fact = filestate.fact(path, "html-entry-digests", functools.partial(entry_digests, path=str(path)))
        skeletons.update(f"{edition_name(path, root)}\0{fact['skeleton']}\n".encode())
        for identifier, (kind, digest) in fact["entries"].items():
            entries[identifier] = hashlib.sha256(
                f"{entries.get(identifier, '')}{kind}:{digest}".encode()).hexdigest()[:24]
    return skeletons.hexdigest(), entries


def register_entries(registers: etree._Element, any_namespace: bool = False) -> Iterator[tuple[str, str]]:
    """(kind, id) of each register entry with an xml:id, in document order: TEI's person,
    personGrp, place and org (the register pages), or of any namespace (the counts the
    navigation shows)."""
    namespace = "*" if any_namespace else TEI_NS
    for element in registers.iter(*(f"{{{namespace}}}{name}" for name in _ENTRIES)):
        identifier = element.get(f"{{{XML_NS}}}id")
        if identifier is not None:
            yield entry_kind(element), identifier


def layouts(ids: Sequence[str], current: Mapping[str, Contribution], size: int) -> dict[str, list[list[str]]]:
    """Each named entry's documents by page: in date order (undated last), ties in the
    edition's order, `size` to a page (the stylesheet's former tk:mention-docs)."""
    named: dict[str, list[str]] = {}
    for identifier in ids:
        for entry in current[identifier].mentions:
            named.setdefault(entry, []).append(identifier)
    size = max(size, 1)
    result = {}
    for entry, documents in named.items():
        documents.sort(key=lambda d: current[d].date or "9999")  # stable: the edition's order
        result[entry] = [documents[i:i + size] for i in range(0, len(documents), size)]
    return result


@dataclass
class Work:
    """What a build makes of the registers: per (kind, entry) the pages to make (1 is the
    article), and the further pages no longer wanted."""

    pages: dict[tuple[str, str], list[int]] = field(default_factory=dict)
    stale: set[str] = field(default_factory=set)  # KIND-ID-N.html

    def documents(self, layout: Mapping[str, list[list[str]]]) -> dict[str, dict[str, int]]:
        """Per document, the entries to make whose pages list it, with that page."""
        wanted: dict[str, dict[str, int]] = {}
        for (_kind, entry), numbers in self.pages.items():
            pages = layout.get(entry, [])
            for number in numbers:
                for identifier in pages[number - 1] if number <= len(pages) else ():
                    wanted.setdefault(identifier, {})[entry] = number
        return wanted


def plan(entries: Iterable[tuple[str, str]], changed: Iterable[str] | None,
         old: Mapping[str, list[list[str]]], new: Mapping[str, list[list[str]]],
         before: Mapping[str, Contribution], after: Mapping[str, Contribution],
         fragments: Path, edited: Iterable[str] = ()) -> Work:
    """The pages to make: every page of every entry (`changed` None: a full build), or, of
    the entries whose mentions changed, the pages whose documents changed (another count of
    documents changes every page's navigation), every page of an entry `edited` in its
    register (each prints its label), and any article whose fragment is missing."""
    work = Work()
    remade = None if changed is None else set(changed)
    whole = set(edited)
    for kind, entry in entries:
        pages, last = new.get(entry, [[]]), old.get(entry, [[]])
        wanted: list[int] = []
        if remade is None or entry in whole or (entry in remade and sum(map(len, pages)) != sum(map(len, last))):
            wanted = list(range(1, len(pages) + 1))
        elif entry in remade:
            for number, documents in enumerate(pages, start=1):
                if (number > len(last) or documents != last[number - 1] or any(
                        _mentions(before, d, entry) != _mentions(after, d, entry) for d in documents)):
                    wanted.append(number)
        if 1 not in wanted and not (fragments / kind / f"{entry}.xml").is_file():
            wanted.insert(0, 1)
        if wanted:
            work.pages[kind, entry] = wanted
        work.stale.update(f"{kind}-{entry}-{n}.html" for n in range(len(pages) + 1, len(last) + 1))
    return work


def _mentions(contributions: Mapping[str, Contribution], identifier: str, entry: str) -> str | None:
    contribution = contributions.get(identifier)
    return None if contribution is None else contribution.mentions.get(entry)


class Spool:
    """Each entry's mentions in the documents of its pages to make, as `tk:doc` blocks in
    the edition's order, gathered in memory and appended to one file per entry when they
    grow (so that a full build holds a bounded share of the edition's mentions)."""

    def __init__(self, folder: Path, limit: int | None = None) -> None:
        self.folder, self.limit = folder, BATCH_BYTES if limit is None else limit
        self.sizes: dict[str, int] = {}
        self._pending: dict[str, list[bytes]] = {}
        self._held = 0
        folder.mkdir(parents=True, exist_ok=True)

    def add(self, entry: str, block: bytes) -> None:
        self._pending.setdefault(entry, []).append(block)
        self.sizes[entry] = self.sizes.get(entry, 0) + len(block)
        self._held += len(block)
        if self._held > self.limit:
            self.flush()

    def flush(self) -> None:
        for entry, blocks in self._pending.items():
            with open(self._path(entry), "ab") as out:
                out.write(b"".join(blocks))
        self._pending, self._held = {}, 0

    def read(self, entry: str) -> bytes:
        path = self._path(entry)
        return path.read_bytes() if path.is_file() else b""

    def _path(self, entry: str) -> Path:
        return self.folder / f"{entry}.xml"  # an xml:id: a file name


def scan(records: Path, ids: Sequence[str], wanted: Mapping[str, Mapping[str, int]],
         spool: Spool | None, listing: bool) -> bytes | None:
    """One pass over the records of `ids` that are needed: each document's mentions of the
    entries `wanted` names for it go to the spool, with the page that lists them; with
    `listing`, every record without its mentions (what the index pages show), as one
    `tk:edition` document."""
    docs = [b'<tk:edition xmlns:tk="https://teikit.org/ns">'] if listing else []
    for identifier in ids:
        entries = wanted.get(identifier, {}) if spool is not None else {}
        if not entries and not listing:
            continue
        path = records / f"{identifier}{RECORD_SUFFIX}"
        try:  # the record alone, cut out of the document's private file (its search page)
            root = etree.fromstring(split_record(path.read_bytes(), str(path))[0], _PARSER)
        except (OSError, etree.XMLSyntaxError) as error:  # a private file, damaged by hand
            raise ToolkitError(f"cannot read the page record {path}: {error}; build again with "
                               "--force", str(path)) from None
        grouped: dict[str, list[etree._Element]] = {}
        for mention in root.findall(f"{{{TK}}}mention"):
            if mention.get("entry", "") in entries:
                grouped.setdefault(mention.get("entry", ""), []).append(mention)
            if listing:
                root.remove(mention)
        for entry, mentions in grouped.items():
            assert spool is not None
            block = etree.Element(f"{{{TK}}}doc", {name: root.get(name, "") for name in HEADING},
                                  nsmap={"tk": TK})
            block.set("page", str(entries[entry]))
            block.extend(mentions)
            spool.add(entry, etree.tostring(block, encoding="utf-8"))
        if listing:
            docs.append(etree.tostring(root, encoding="utf-8"))
    if spool is not None:
        spool.flush()
    return b"".join([*docs, b"</tk:edition>"]) if listing else None


def batches(work: Work, layout: Mapping[str, list[list[str]]], spool: Spool) -> Iterator[bytes]:
    """The `tk:entries` documents for registers.xsl: the entries to make with their spooled
    mentions, as many to a document as fit in `spool.limit` bytes (one entry at least)."""
    parts: list[bytes] = []
    held = 0
    for (kind, entry), numbers in sorted(work.pages.items()):
        total = sum(map(len, layout.get(entry, [])))
        head = etree.Element(f"{{{TK}}}entry", {"id": entry, "kind": kind, "total": str(total),
                                                "make": " ".join(map(str, numbers))}, nsmap={"tk": TK})
        opening = etree.tostring(head, encoding="utf-8").removesuffix(b"/>") + b">"
        size = spool.sizes.get(entry, 0)
        if parts and held + size > spool.limit:
            yield _entries(parts)
            parts, held = [], 0
        parts.append(opening + spool.read(entry) + b"</tk:entry>")
        held += size
    if parts:
        yield _entries(parts)


def _entries(parts: list[bytes]) -> bytes:
    return b"".join([b'<tk:entries xmlns:tk="https://teikit.org/ns">', *parts, b"</tk:entries>"])


def fragments(folder: Path, kind: str, entries: Iterable[tuple[str, str]]) -> bytes:
    """A register's page input: the kept article of each of its entries."""
    parts = [f'<tk:fragments xmlns:tk="https://teikit.org/ns" kind="{kind}">'.encode()]
    for entry_kind_, entry in entries:
        if entry_kind_ == kind:
            path = folder / kind / f"{entry}.xml"
            data = path.read_bytes()
            parts.append(data[data.index(b"?>") + 2:] if data.startswith(b"<?xml") else data)
    parts.append(b"</tk:fragments>")
    return b"".join(parts)

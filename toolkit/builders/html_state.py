"""Which of the web edition's edition-wide pages a build must make again (issue #13).

The index, timeline, register pages and search index each show many documents, so a change
to one document used to remake all of them. Instead, what each document contributes to them
is kept between builds in `.html-records/edition-state.json`, keyed by the content hash of
the document's record and search page (`Contribution`): the fields the index shows (its
listing) and, per register entry it names, a digest of those mentions together with the
document's title and dates, which the register pages print beside them. Comparing the last
build's state with this one's (`plan`) gives:

- index pages, `documents.json`, timeline and about page (it counts the documents): made
  again when a listed field of a document changed, or a document came or went;
- an entry's pages (its article on the register page, its further pages `KIND-ID-N.html`):
  when that entry's mentions changed in some document, only the pages listing a changed
  document (all of them when the count of documents naming it changed), each made from the
  records of its own documents (`html_registers`); a register's page when an article changed;
- the search index: in shards (`shard_of`), each Pagefind index of a fixed bucket of
  documents by a hash of their id, indexed again when one of its search pages changed;
- an entry edited inside its register (a note, a name, coordinates; `registers`, each
  entry's digest): all that entry's pages and its register's page;
- everything, search and abbreviations pages included: when what every page depends on
  changed (stylesheets, the registers' skeleton and abbreviations, configuration: `shared`),
  with --force, or when there is no state or a page it lists is missing (a first build,
  pages removed by hand).

A page made again is the page a full build makes: the same stylesheet runs on the same
records (or, for register pages, on the same mentions of them) and only chooses which of its
result documents to write.
"""

from __future__ import annotations

import hashlib
import json
import os
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path

from lxml import etree

from toolkit.errors import ToolkitError
from toolkit.output import write_atomic

STATE_NAME = "edition-state.json"
_VERSION = 4  # 2: each contribution has its date (register pages: html_registers); 3: registers;
# 4: the record inside the search page (one file per document, its stat two numbers)
_TK = "{https://teikit.org/ns}"
#: the record's attributes that the index, timeline and about pages show
LISTED = ("id", "title", "date", "date-label", "archive", "lang", "lang-name")
#: documents per search shard, about: the shard count doubles as the edition grows past it
SHARD_SIZE = 500


_PARSER = etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=True)
#: the record's element in a document's private file (the stylesheet writes it: its text
#: and attributes are escaped, so the tag cannot occur anywhere else in the file)
_RECORD_START, _RECORD_END = b"<tk:doc ", b"</tk:doc>"
#: a document's private file under `.html-records/`: its search page with its record in it
RECORD_SUFFIX = ".html"


def split_record(data: bytes, path: str = "record") -> tuple[bytes, bytes]:
    """A document's private file as (its record, its search page without the record): the
    record is parsed alone (a few KB, not the page's text), the search page is what
    Pagefind indexes (the record is outside its `data-pagefind-body`)."""
    start = data.find(_RECORD_START)
    end = data.find(_RECORD_END, start)
    if start < 0 or end < 0:
        raise ToolkitError(f"cannot read the page record {path}: it holds no record; build "
                           "again with --force", path)
    end += len(_RECORD_END)
    return data[start:end], data[:start] + data[end:]


def _digest(*parts: str) -> str:
    return hashlib.sha256("\0".join(parts).encode("utf-8")).hexdigest()[:24]


def _stat(path: Path) -> list[int]:
    status = path.stat()
    return [status.st_size, status.st_mtime_ns]


@dataclass(frozen=True)
class Contribution:
    """What one document gives the edition-wide pages, read from its record and search page
    (one file, `records/ID.html`)."""

    stat: tuple[int, ...]  # size and mtime of the document's private file when read: unchanged?
    record: str  # content hash of the record
    search: str  # content hash of the search page
    listing: str  # digest of the listed fields
    mentions: Mapping[str, str] = field(default_factory=dict)  # entry id -> digest
    date: str = ""  # the record's date: where the document stands in an entry's pages

    @classmethod
    def read(cls, path: Path) -> Contribution:
        """From a document's private file (`records/ID.html`: its search page with its record
        in it, `split_record`)."""
        stat = tuple(_stat(path))
        data = path.read_bytes()
        record, search = split_record(data, str(path))
        root = etree.fromstring(record, _PARSER)
        abstract = root.find(f"{_TK}abstract")
        listed = [root.get(name, "") for name in LISTED]
        listing = _digest(*listed, "" if abstract is None else abstract.text or "")
        # what a register page prints of the document beside each of its mentions
        heading = "\0".join((root.get("id", ""), root.get("title", ""), root.get("date", ""),
                             root.get("date-label", "")))
        grouped: dict[str, hashlib._Hash] = {}
        for mention in root.iter(f"{_TK}mention"):
            entry = mention.get("entry", "")
            if entry not in grouped:
                grouped[entry] = hashlib.sha256(heading.encode("utf-8"))
            grouped[entry].update(etree.tostring(mention, encoding="utf-8", with_tail=False))
        mentions = {entry: digest.hexdigest()[:24] for entry, digest in sorted(grouped.items())}
        # the search page's digest leaves the record out: a context changed re-indexes nothing
        return cls(stat, hashlib.sha256(record).hexdigest(), hashlib.sha256(search).hexdigest(),
                   listing, mentions, root.get("date", ""))

    def to_json(self) -> dict[str, object]:
        return {"stat": list(self.stat), "record": self.record, "search": self.search,
                "listing": self.listing, "mentions": dict(self.mentions), "date": self.date}

    @classmethod
    def from_json(cls, data: Mapping[str, object]) -> Contribution:
        stat, mentions = data["stat"], data["mentions"]
        assert isinstance(stat, list) and isinstance(mentions, dict)
        return cls(tuple(int(s) for s in stat), str(data["record"]), str(data["search"]),
                   str(data["listing"]), {str(k): str(v) for k, v in mentions.items()},
                   str(data["date"]))


@dataclass
class EditionState:
    """The last build's contributions, the index order it made and the pages it left."""

    shared: str
    documents: dict[str, Contribution]  # in the edition's order (an entry's pages are in it)
    order: list[tuple[str, str, str]] = field(default_factory=list)  # sequence: id, title, date
    pages: list[str] = field(default_factory=list)  # the edition pages in the site
    shards: dict[str, str] = field(default_factory=dict)  # search shard -> digest of its pages
    registers: dict[str, str] = field(default_factory=dict)  # entry id -> digest (html_registers)

    @classmethod
    def load(cls, path: Path) -> EditionState | None:
        try:
            data = json.loads(path.read_text("utf-8"))
            if data.get("version") != _VERSION:
                return None
            return cls(str(data["shared"]),
                       {k: Contribution.from_json(v) for k, v in data["documents"].items()},
                       [(str(a), str(b), str(c)) for a, b, c in data["order"]],
                       [str(p) for p in data["pages"]], {str(k): str(v) for k, v in data["shards"].items()},
                       {str(k): str(v) for k, v in data["registers"].items()})
        except (OSError, ValueError, KeyError, TypeError, AssertionError):
            return None  # no state, or one this version does not read: a full build

    def save(self, path: Path) -> None:
        data = {"version": _VERSION, "shared": self.shared, "order": self.order,
                "pages": sorted(self.pages), "shards": self.shards, "registers": self.registers,
                "documents": {k: v.to_json() for k, v in self.documents.items()}}
        write_atomic(path, json.dumps(data, ensure_ascii=False, separators=(",", ":")).encode("utf-8"))


def contributions(ids: list[str], records: Path, previous: EditionState | None,
                  rebuilt: set[str]) -> dict[str, Contribution]:
    """Each document's contribution: the last build's where its private file (search page
    and record) was not rewritten since (same size and time, and not rendered in this build)."""
    known = previous.documents if previous is not None else {}
    result = {}
    folder = os.fspath(records)
    for identifier in ids:
        old = known.get(identifier)
        if old is not None and identifier not in rebuilt:
            try:  # strings, not Paths: 10,000 unchanged documents in a one-document rebuild
                one = os.stat(f"{folder}/{identifier}{RECORD_SUFFIX}")
                if (one.st_size, one.st_mtime_ns) == old.stat:
                    result[identifier] = old
                    continue
            except OSError:
                pass
        result[identifier] = Contribution.read(records / f"{identifier}{RECORD_SUFFIX}")
    return result


@dataclass(frozen=True)
class Plan:
    """The edition pages a build makes: all of them, or the index group and some entries'."""

    full: bool
    index: bool
    entries: frozenset[str]  # entries whose register pages are made again (when not full)
    edited: frozenset[str] = frozenset()  # of those, entries edited in their register: all their pages

    @property
    def anything(self) -> bool:
        return self.full or self.index or bool(self.entries)


def plan(previous: EditionState | None, shared: str, current: Mapping[str, Contribution],
         site: Path, force: bool, registers: Mapping[str, str] | None = None) -> Plan:
    """`shared` holds the registers' skeleton (html_registers.register_state); `registers`,
    each entry's digest: an entry edited inside (a note, a name) remakes its own pages and
    its register's page, no other edition page."""
    if (force or previous is None or previous.shared != shared or not previous.order
            or not all((site / page).is_file() for page in previous.pages)):
        return Plan(True, True, frozenset())
    old = previous.documents
    index = ({k: v.listing for k, v in old.items()} != {k: v.listing for k, v in current.items()})
    entries: set[str] = set()
    for identifier in old.keys() | current.keys():
        before = old[identifier].mentions if identifier in old else {}
        after = current[identifier].mentions if identifier in current else {}
        if before != after:
            entries.update(e for e in before.keys() | after.keys() if before.get(e) != after.get(e))
    known = previous.registers
    edited = {e for e in (registers or {}).keys() | known.keys() if (registers or {}).get(e) != known.get(e)}
    return Plan(False, index, frozenset(entries | edited), frozenset(edited))


def shard_count(documents: int) -> int:
    """A power of two, so that the buckets of an edition stay put until it doubles."""
    count = 1
    while count * SHARD_SIZE < documents:
        count *= 2
    return count


def shard_of(identifier: str, count: int) -> str:
    """The search shard of a document: a fixed bucket by a hash of its id (stable across
    builds and machines, unlike Python's hash())."""
    number = int.from_bytes(hashlib.sha256(identifier.encode("utf-8")).digest()[:4], "big")
    return str(number % count)


def shards(current: Mapping[str, Contribution], salt: str) -> dict[str, tuple[str, list[str]]]:
    """Each non-empty shard's digest (its documents' search pages, and `salt`: what shapes
    every index) and its documents."""
    count = shard_count(len(current))
    members: dict[str, list[str]] = {}
    for identifier in sorted(current):
        members.setdefault(shard_of(identifier, count), []).append(identifier)
    return {name: (_digest(salt, str(count), *(f"{i}={current[i].search}" for i in ids)), ids)
            for name, ids in sorted(members.items(), key=lambda item: int(item[0]))}


def environment_stamp() -> str:
    """The Pagefind version: its index format shapes every shard."""
    from importlib.metadata import PackageNotFoundError, version
    try:
        return version("pagefind")
    except PackageNotFoundError:
        return ""

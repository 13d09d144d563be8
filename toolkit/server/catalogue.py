"""What the server knows about the edition folder, refreshed from the files on each request.

Scanning is a directory listing and a `stat` per file; a document is parsed again only when
its modification time or size changed, so edits show up at once without a restart.
"""

from __future__ import annotations

import os
import threading
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path

from lxml import etree

from toolkit.errors import ToolkitError
from toolkit.exchange.edition import Edition, archive_of, load_edition
from toolkit.tei import NS


@dataclass(frozen=True)
class Item:
    number: str
    path: Path
    datestamp: datetime  # UTC, whole seconds: the file's modification time
    set_spec: str
    set_name: str
    title: str
    tree: etree._ElementTree


class Catalogue:
    def __init__(self, directory: Path, registers_dir: Path | None = None) -> None:
        self.directory = directory
        self.registers_dir = registers_dir
        self._cache: dict[Path, tuple[tuple[int, int], Item]] = {}
        self._lock = threading.Lock()
        self._edition: tuple[object, Edition] | None = None

    def edition(self) -> Edition:
        """The edition, reused while no document or register file changed (registers parse once)."""
        edition = load_edition(self.directory, self.registers_dir)
        registers = edition.registers_dir
        key = (edition.digest(), tuple((p.name, p.stat().st_mtime_ns) for p in sorted(registers.glob("*.xml")))
               if registers.is_dir() else ())
        with self._lock:
            if self._edition is None or self._edition[0] != key:
                self._edition = (key, edition)
            return self._edition[1]

    def items(self) -> list[Item]:
        """Every readable document, sorted by number (a stable order for paging)."""
        edition = self.edition()
        found: list[Item] = []
        with self._lock:
            for number, document in sorted(edition.documents.items()):
                try:
                    stat = os.stat(document.path)
                except FileNotFoundError:
                    continue
                key = (stat.st_mtime_ns, stat.st_size)
                cached = self._cache.get(document.path)
                if cached is None or cached[0] != key:
                    try:
                        tree = document.tree()
                    except ToolkitError:
                        continue
                    spec, name = archive_of(tree)
                    title = " ".join("".join(str(t) for t in node.itertext()).split()) if (
                        node := tree.find(".//tei:titleStmt/tei:title", NS)) is not None else number
                    stamp = datetime.fromtimestamp(stat.st_mtime, timezone.utc).replace(microsecond=0)
                    cached = (key, Item(number, document.path, stamp, spec, name, title, tree))
                    self._cache[document.path] = cached
                found.append(cached[1])
        return found

    def get(self, number: str) -> Item | None:
        return next((item for item in self.items() if item.number == number), None)

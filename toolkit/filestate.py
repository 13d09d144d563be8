"""What a file holds, known without reading it again: its SHA-256 and facts derived from its
bytes, trusted while its stat is unchanged, as git's index does (issue #13).

A no-op `teikit build` of 10,000 documents read and hashed every document once per builder,
once more for the validation cache, and parsed each for the publishability check: 14.7 s of
CPU for nothing. Now the first reader of a file records its stat, its hash and what was
derived from its bytes (the schemas it declares, its graphic URLs, whether a page can set
it); later readers in the same process, and later runs when the index is kept on disk (the
build keeps it in its output folder, `teikit validate` in its cache folder), reuse the record.

The rule: a record is trusted when the file's path, size, mtime_ns, ctime_ns, inode and
device all equal the recorded ones. Any write moves mtime and ctime (ctime cannot be set by
a user: `touch -d` that restores an mtime still moves it), a replacement by rename changes the
inode, and a change of size is seen whatever the timestamps say. A file whose mtime or
ctime is too recent when it is read is not recorded ("racy", as git calls it: its next change
could fall into the same timestamp tick); it is read again each time until it is older. Too
recent is 2 s where timestamps are whole seconds (FAT keeps 2 s, ext3 and HFS+ 1 s), 100 ms
where they have a fraction (ext4, XFS, btrfs, tmpfs: the tick is a kernel jiffy, 1-10 ms).
The limits: a change that keeps all six (the clock set back, a filesystem that does not keep
ctime, a disk image edited below the filesystem, a network filesystem whose server clock runs
behind ours by more than the window and whose tick is coarse) is not seen until `--force`
(which the build answers by discarding the index). Content hashes stay the
authority: everything downstream (the builders' manifests, the validation cache) compares
hashes; the index only saves recomputing them.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

from toolkit.output import write_atomic

VERSION = 1
RACY_NS = 2_000_000_000  # a filesystem with whole-second timestamps (FAT: 2 s)
RACY_FINE_NS = 100_000_000  # one with sub-second ones: its tick is a kernel jiffy (1-10 ms)
MAX_IN_MEMORY = 200_000
STREAMED = 16 * 1024 * 1024  # a larger file is hashed in blocks, not held in memory

Stat = tuple[int, int, int, int, int]


def _stat_key(stat: os.stat_result) -> Stat | None:
    """size, mtime_ns, ctime_ns, inode, device; None for a racy file."""
    newest = max(stat.st_mtime_ns, stat.st_ctime_ns)
    coarse = stat.st_mtime_ns % 1_000_000_000 == 0 and stat.st_ctime_ns % 1_000_000_000 == 0
    if time.time_ns() - newest < (RACY_NS if coarse else RACY_FINE_NS):
        return None
    return (stat.st_size, stat.st_mtime_ns, stat.st_ctime_ns, stat.st_ino, stat.st_dev)


_ABSOLUTE: dict[str, str] = {}


def absolute(file: Path) -> str:
    """The file's absolute, normalised path, the index's key. An absolute path's is kept (it
    does not depend on the working folder): every document is asked for by each reader of a
    build, some 17 times, and `os.path.abspath` was a third of a one-document rebuild's
    index look-ups at 10,000 documents."""
    name = os.fspath(file)
    key = _ABSOLUTE.get(name)
    if key is None:
        key = os.path.abspath(name)
        if os.path.isabs(name):
            if len(_ABSOLUTE) > MAX_IN_MEMORY:
                _ABSOLUTE.clear()
            _ABSOLUTE[name] = key
    return key


class FileIndex:
    """path -> [stat, sha256, {fact: value}]; kept in `path` when given (JSON)."""

    def __init__(self, path: Path | None = None) -> None:
        self.path = path
        self._records: dict[str, list[Any]] = {}
        self._kept: dict[str, list[Any]] = {}  # read from disk, not yet asked for in this run
        self._dirty = False
        self.reads = 0  # files read (not answered from a record): what the tests count
        if path is not None:
            try:
                data = json.loads(path.read_text("utf-8"))
                if data.get("version") == VERSION and isinstance(data.get("files"), dict):
                    self._kept = {k: v for k, v in data["files"].items()
                                  if isinstance(v, list) and len(v) == 3 and isinstance(v[0], list)
                                  and isinstance(v[1], str) and isinstance(v[2], dict)}
            except (OSError, ValueError, AttributeError):
                pass  # a damaged index is never trusted: every file is read again

    def sha256(self, file: Path) -> str:
        """The SHA-256 of the file's bytes (OSError if it cannot be read)."""
        return str(self._record(file)[0][1])

    def fact(self, file: Path, name: str, derive: Callable[[bytes], Any]) -> Any:
        """`derive(bytes)` for the file's current content, computed once per content.
        The value must be JSON (it is kept with the record)."""
        record, data = self._record(file)
        facts: dict[str, Any] = record[2]
        if name not in facts:
            if data is None:
                data = self._read(file)
                if hashlib.sha256(data).hexdigest() != record[1]:  # changed since its stat
                    self._records.pop(absolute(file), None)
                    return self.fact(file, name, derive)
            facts[name] = derive(data)
            self._dirty = self._dirty or record[0] is not None
        return facts[name]

    def _record(self, file: Path) -> tuple[list[Any], bytes | None]:
        key = absolute(file)
        found = os.stat(key)
        stat = _stat_key(found)
        record = self._records.get(key)
        if record is None and key in self._kept:
            record = self._kept.pop(key)
            record[0] = tuple(record[0])
            self._records[key] = record
        if record is not None and stat is not None and record[0] == stat:
            return record, None
        data: bytes | None = None
        if found.st_size > STREAMED:
            self.reads += 1
            with file.open("rb") as handle:
                digest = hashlib.file_digest(handle, "sha256").hexdigest()
        else:
            data = self._read(file)
            digest = hashlib.sha256(data).hexdigest()
        facts = record[2] if record is not None and record[1] == digest else {}
        record = [stat, digest, facts]
        if self.path is None and len(self._records) > MAX_IN_MEMORY:
            self._records.clear()  # a long-lived process (the server) keeps a bounded index
        self._records[key] = record
        self._dirty = True
        return record, data

    def _read(self, file: Path) -> bytes:
        self.reads += 1
        with file.open("rb") as handle:
            return handle.read()

    def discard(self) -> None:
        """Forget this run's records (the kept file stays as it was): a refused build
        changes nothing in its output folder, its file index included."""
        self.path = None

    def save(self) -> None:
        """Keep the records of the files asked for in this run (others left the edition);
        racy ones are left out. Nothing is written when nothing changed."""
        if self.path is None or not (self._dirty or self._kept):
            return
        files = {k: [list(v[0]), v[1], v[2]] for k, v in self._records.items() if v[0] is not None}
        try:
            write_atomic(self.path, json.dumps({"version": VERSION, "files": files},
                                               separators=(",", ":")).encode())
        except OSError:
            pass  # an index that cannot be written only costs the next run time
        self._kept = {}
        self._dirty = False


_CURRENT = FileIndex()


def current() -> FileIndex:
    """The index of this process: in memory, or the kept one of a running build/validate."""
    return _CURRENT


@contextlib.contextmanager
def kept(path: Path | None) -> Iterator[FileIndex]:
    """Use the index kept in `path` for the duration, saved at the end of a run that went
    through (after an error it stays as it was, as every other file of the output folder);
    None keeps the in-memory index of the process."""
    global _CURRENT
    if path is None:
        yield _CURRENT
        return
    previous, _CURRENT = _CURRENT, FileIndex(path)
    try:
        yield _CURRENT
    except BaseException:
        _CURRENT.discard()  # a refused or interrupted run leaves the kept index as it was
        raise
    finally:
        _CURRENT.save()
        _CURRENT = previous


def sha256(file: Path) -> str:
    return current().sha256(file)


def fact(file: Path, name: str, derive: Callable[[bytes], Any]) -> Any:
    return current().fact(file, name, derive)

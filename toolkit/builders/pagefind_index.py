"""Checks and one repair of Pagefind's output before it is published.

`check_index`: Pagefind exits 0 on a full disk after writing zero-byte files; the index is
published only if its entry file, each language's metadata and every file are non-empty and
it counts every page.

`reproducible_index`: Pagefind lists the filters of a language's metadata, and the values of
each filter, in hash-map order, which changes from run to run, and names each file by its
hash, so two builds of the same input differed. Both lists (CBOR arrays of [name, file] and
[value, pages] pairs, looked up by name and value) are sorted and the files renamed by their
content hash; pages and words are not touched (the builder runs Pagefind on one thread so
that pages are numbered in a fixed order).

`drop_interfaces`: Pagefind writes its ready-made search interfaces into every index; the
site has its own (assets/search.js), and the edition's index is in shards, each of which
would carry 400 KB of them.
"""

from __future__ import annotations

import gzip
import hashlib
import json
import shutil
import zlib
from pathlib import Path
from typing import Any

from toolkit.errors import ToolkitError

_SIGNATURE = b"pagefind_dcd"


def _incomplete(path: Path, why: str) -> ToolkitError:
    return ToolkitError(f"Pagefind wrote an incomplete search index ({path.name} {why}); is the "
                        "disk full? The published index is unchanged", str(path))


#: free space below which a file Pagefind wrote may have been cut short without a word
LOW_SPACE = 1024 * 1024


def check_index(folder: Path, pages: int) -> None:
    if shutil.disk_usage(folder).free < LOW_SPACE:
        # Pagefind exits 0 when a write fails for lack of space; a file cut short (its JS,
        # say) is not always visible, so an index made on a full disk is not trusted
        raise ToolkitError(f"cannot write {folder}: the disk is full (under "
                           f"{LOW_SPACE // 1024} KB free after Pagefind ran); the published "
                           "search index is unchanged", str(folder))
    entry = folder / "pagefind-entry.json"
    for required in (entry, folder / "pagefind.js"):
        if not required.is_file() or required.stat().st_size == 0:
            raise _incomplete(required, "is missing or empty")
    for path in folder.rglob("*"):
        if path.is_file() and path.stat().st_size == 0:
            raise _incomplete(path, "is empty")
        if path.suffix.startswith(".pf_") or path.suffix == ".pagefind":
            try:  # the index files are gzip streams: one cut short does not decompress
                gzip.decompress(path.read_bytes())
            except (OSError, EOFError, zlib.error):
                raise _incomplete(path, "is cut short") from None
    try:
        languages = json.loads(entry.read_text("utf-8"))["languages"]
    except (ValueError, KeyError, TypeError):
        raise _incomplete(entry, "is not Pagefind's entry file") from None
    counted = 0
    for language in languages.values():
        meta = folder / f"pagefind.{language['hash']}.pf_meta"
        if not meta.is_file():
            raise _incomplete(meta, "is missing")
        counted += int(language.get("page_count", 0))
    if counted != pages:
        raise _incomplete(entry, f"counts {counted} pages of {pages}")


# -- a CBOR subset: what Pagefind's metadata uses (unsigned ints, strings, arrays, maps) ----------

def _decode(data: bytes, at: int) -> tuple[Any, int]:
    head = data[at]
    major, info = head >> 5, head & 31
    at += 1
    if info < 24:
        value = info
    elif info in (24, 25, 26, 27):
        width = 1 << (info - 24)
        value = int.from_bytes(data[at:at + width], "big")
        at += width
    else:
        raise ValueError("indefinite lengths are not used by Pagefind")
    if major == 0:
        return value, at
    if major in (2, 3):
        raw = data[at:at + value]
        return (raw if major == 2 else raw.decode("utf-8")), at + value
    if major == 4:
        items = []
        for _ in range(value):
            item, at = _decode(data, at)
            items.append(item)
        return items, at
    if major == 5:
        pairs = []
        for _ in range(value):
            key, at = _decode(data, at)
            item, at = _decode(data, at)
            pairs.append((key, item))
        return ("map", pairs), at
    raise ValueError(f"CBOR major type {major} is not expected in Pagefind's metadata")


def _head(major: int, value: int) -> bytes:
    if value < 24:
        return bytes([major << 5 | value])
    for info, width in ((24, 1), (25, 2), (26, 4), (27, 8)):
        if value < 1 << (8 * width):
            return bytes([major << 5 | info]) + value.to_bytes(width, "big")
    raise ValueError("integer too large")


def _encode(value: Any) -> bytes:
    if isinstance(value, bool) or value is None:
        raise ValueError("unexpected CBOR value")
    if isinstance(value, int):
        return _head(0, value)
    if isinstance(value, bytes):
        return _head(2, len(value)) + value
    if isinstance(value, str):
        raw = value.encode("utf-8")
        return _head(3, len(raw)) + raw
    if isinstance(value, tuple) and value[0] == "map":
        return _head(5, len(value[1])) + b"".join(_encode(k) + _encode(v) for k, v in value[1])
    if isinstance(value, list):
        return _head(4, len(value)) + b"".join(_encode(v) for v in value)
    raise ValueError("unexpected CBOR value")


def _sorted_filter(directory: Path, code: str, name: str) -> tuple[Path, str, bytes]:
    """One filter file's [value, pages] entries sorted by value: (file, new name, content)."""
    path = directory / f"{name}.pf_filter"
    raw = gzip.decompress(path.read_bytes())
    if not raw.startswith(_SIGNATURE):
        raise ValueError("not a Pagefind filter")
    body, end = _decode(raw, len(_SIGNATURE))
    if end != len(raw) or not (isinstance(body, list) and len(body) == 2 and isinstance(body[1], list)):
        raise ValueError("unknown filter layout")
    body[1] = sorted(body[1], key=lambda entry: str(entry[0]))
    fixed = _SIGNATURE + _encode(body)
    return path, f"{code}_{hashlib.sha256(fixed).hexdigest()[:7]}", fixed


def reproducible_index(folder: Path) -> None:
    entry = folder / "pagefind-entry.json"
    data = json.loads(entry.read_text("utf-8"))
    changed = False
    for code, language in data["languages"].items():
        meta = folder / f"pagefind.{language['hash']}.pf_meta"
        raw = gzip.decompress(meta.read_bytes())
        if not raw.startswith(_SIGNATURE):
            continue
        try:
            body, end = _decode(raw, len(_SIGNATURE))
            if end != len(raw) or _encode(body) != raw[len(_SIGNATURE):]:
                continue  # not the layout this knows: left as Pagefind wrote it
            filters = body[3]
            if not (isinstance(filters, list) and all(isinstance(f, list) and f and isinstance(f[0], str)
                                                      for f in filters)):
                continue
            # each filter's values are in hash-map order too; nothing is written before all
            # of them are understood, so the index is never left half renamed
            renamed = [_sorted_filter(folder / "filter", code, str(pair[1])) for pair in filters]
            for pair, (_path, new_name, _content) in zip(filters, renamed):
                pair[1] = new_name
            body[3] = sorted(filters, key=lambda f: f[0])
            fixed = _SIGNATURE + _encode(body)
        except (ValueError, IndexError, TypeError, OSError):
            continue
        for path, new_name, content in renamed:
            path.unlink()
            (path.parent / f"{new_name}.pf_filter").write_bytes(gzip.compress(content, mtime=0))
        name = f"{code}_{hashlib.sha256(fixed).hexdigest()[:10]}"
        meta.unlink()
        (folder / f"pagefind.{name}.pf_meta").write_bytes(gzip.compress(fixed, mtime=0))
        language["hash"] = name
        changed = True
    if changed:
        entry.write_text(json.dumps(data, ensure_ascii=False, separators=(",", ":")), "utf-8")


#: Pagefind's own search interfaces and highlighter, which the site does not load
_INTERFACES = ("pagefind-ui.js", "pagefind-ui.css", "pagefind-component-ui.js",
               "pagefind-component-ui.css", "pagefind-modular-ui.js", "pagefind-modular-ui.css",
               "pagefind-highlight.js")


def drop_interfaces(folder: Path) -> None:
    for name in _INTERFACES:
        (folder / name).unlink(missing_ok=True)

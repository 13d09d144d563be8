"""What an EPUB chapter takes from the registers, as a key per document (issue #13).

A chapter uses the registers for one thing: each name whose entry exists links to
`KIND.xhtml#ID` (epub-text.xsl, `tk:entry` and `tk:entry-kind`). Keyed on the registers'
bytes, a note or a spelling edited in one entry made every chapter again (10,000 transforms
for a line). The key of a chapter is instead, for every id its names could point to, that
id's register kind or its absence: an edit that changes no entry's id or kind rebuilds no
chapter (the book's register pages are still made again: the edition-wide key has the bytes),
and an entry added, removed or moved to another register rebuilds the chapters that name it.

The ids a document could point to are over-counted, never missed: every token of every
`@ref`, `@corresp` and `@key` in its bytes, whole, after its first `#` and after its first `:`
(tk:ref-id takes one of those three). Scanned from bytes once per content (toolkit.filestate),
so a no-op reads no document.
"""

from __future__ import annotations

import hashlib
import html
import json
import re
from collections.abc import Sequence
from functools import partial
from pathlib import Path

from toolkit import filestate
from toolkit.builders.base import Document
from toolkit.safe_xml import parse_xml

TEI = "{http://www.tei-c.org/ns/1.0}"
XML_ID = "{http://www.w3.org/XML/1998/namespace}id"
#: the elements functions.xsl's key 'tk:entry' indexes, with the kind tk:register-kind gives them
_KINDS = {f"{TEI}person": "persons", f"{TEI}personGrp": "persons", f"{TEI}place": "places",
          f"{TEI}org": "organisations"}
_ITEM_KINDS = {"person": "persons", "persname": "persons", "place": "places",
               "placename": "places", "org": "organisations", "organisation": "organisations",
               "organization": "organisations", "orgname": "organisations"}
# a pointer attribute, with or without a prefix (a scan of bytes: the build does not parse)
_SPACE = re.compile(r"[ \t\r\n]+")  # XPath tokenize()'s separators, not Unicode's
_POINTER = re.compile(rb"""[\s:](?:ref|corresp|key)\s*=\s*(?:"([^"]*)"|'([^']*)')""")


def entry_kinds(data: bytes, path: str = "register") -> dict[str, str]:
    """xml:id -> register kind of each entry of one register, the first of an id winning (as
    `key('tk:entry', $id)[1]` does in document order)."""
    kinds: dict[str, str] = {}
    for element in parse_xml(data, path).getroot().iter(*_KINDS, f"{TEI}item"):
        ident = element.get(XML_ID)
        if ident is None:
            continue
        if element.tag == f"{TEI}item":
            kind = _ITEM_KINDS.get((element.get("type") or "").lower(), "persons")
        else:
            kind = _KINDS[str(element.tag)]
        kinds.setdefault(ident, kind)
    return kinds


def pointed_ids(data: bytes) -> list[str]:
    """Every id a name of the document could point to (a superset), sorted."""
    ids: set[str] = set()
    for match in _POINTER.finditer(data):
        value = html.unescape((match.group(1) or match.group(2) or b"").decode("utf-8", "replace"))
        for token in _SPACE.split(value):
            if not token:
                continue
            ids.add(token)
            for sign in "#:":
                if sign in token:
                    ids.add(token.split(sign, 1)[1])
    return sorted(ids)


def chapter_keys(registers: Sequence[Path], documents: Sequence[Document]) -> dict[str, str]:
    """document id -> digest of what its chapter takes from the registers. The registers are
    read in the order EpubBuilder joins them (sorted paths), so the first entry of an id is
    the one its chapter links."""
    table: dict[str, str] = {}
    for path in registers:
        kinds: dict[str, str] = filestate.fact(path, "epub-entry-kinds", partial(entry_kinds, path=str(path)))
        for ident, kind in kinds.items():
            table.setdefault(ident, kind)
    keys: dict[str, str] = {}
    for document in documents:
        ids = filestate.fact(document.path, "pointed-ids", pointed_ids)
        used = [[ident, table.get(ident)] for ident in ids]
        keys[document.id] = hashlib.sha256(json.dumps(used).encode()).hexdigest()
    return keys


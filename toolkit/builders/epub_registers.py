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
from collections.abc import Mapping, Sequence
from functools import partial
from pathlib import Path
from typing import Any

from lxml import etree

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
        if ident is not None:
            kinds.setdefault(ident, _kind(element))
    return kinds


def _kind(element: etree._Element) -> str:
    """tk:entry-kind of an entry element."""
    if element.tag == f"{TEI}item":
        return _ITEM_KINDS.get((element.get("type") or "").lower(), "persons")
    return _KINDS[str(element.tag)]


_LABELS = tuple(f"{TEI}{n}" for n in ("persName", "placeName", "orgName", "name", "geogName", "label"))


def entry_pages(data: bytes, path: str = "register") -> dict[str, list[str]]:
    """xml:id -> [kind, label digest] of each entry, for the web's document pages: besides
    the link, a page's search page shows a person's tk:entry-label. The digest is of the
    element that label is the string of (its first name without @type, else its first name,
    else the entry itself), serialised: it moves whenever the label could."""
    pages: dict[str, list[str]] = {}
    for element in parse_xml(data, path).getroot().iter(*_KINDS, f"{TEI}item"):
        ident = element.get(XML_ID)
        if ident is None or ident in pages:
            continue
        names = [child for child in element if child.tag in _LABELS]
        shown = next((n for n in names if n.get("type") is None), names[0] if names else element)
        label = hashlib.sha256(etree.tostring(shown, with_tail=False)).hexdigest()[:16]
        pages[ident] = [_kind(element), label]
    return pages


def pointer_tokens(data: bytes) -> str:
    """The tokens of every pointer attribute of the document, distinct, space-separated: what
    the file index keeps per document (one string, not a list of every form of each id: at
    10,000 documents the list was 7 of the index's 11 MB, loaded and saved by every build)."""
    tokens: set[str] = set()
    for match in _POINTER.finditer(data):
        value = html.unescape((match.group(1) or match.group(2) or b"").decode("utf-8", "replace"))
        tokens.update(token for token in _SPACE.split(value) if token)
    return " ".join(sorted(tokens))


def pointed_ids(tokens: str) -> list[str]:
    """Every id a name of the document could point to (a superset), sorted: each token whole,
    after its first `#` and after its first `:`."""
    ids: set[str] = set()
    for token in tokens.split(" ") if tokens else ():
        ids.add(token)
        for sign in "#:":
            if sign in token:
                ids.add(token.split(sign, 1)[1])
    return sorted(ids)


def chapter_keys(registers: Sequence[Path], documents: Sequence[Document]) -> dict[str, str]:
    """document id -> digest of what its chapter takes from the registers. The registers are
    read in the order EpubBuilder joins them (sorted paths), so the first entry of an id is
    the one its chapter links."""
    table: dict[str, Any] = {}
    for path in registers:
        kinds: dict[str, str] = filestate.fact(path, "epub-entry-kinds", partial(entry_kinds, path=str(path)))
        for ident, kind in kinds.items():
            table.setdefault(ident, kind)
    return document_keys(table, documents)


def document_keys(table: Mapping[str, Any], documents: Sequence[Document], shared: str = "") -> dict[str, str]:
    """document id -> digest of `shared` and of the table's value (or None) for every id the
    document could point to."""
    keys: dict[str, str] = {}
    for document in documents:
        ids = pointed_ids(filestate.fact(document.path, "pointer-tokens", pointer_tokens))
        used = [[ident, table.get(ident)] for ident in ids]
        keys[document.id] = hashlib.sha256((shared + json.dumps(used)).encode()).hexdigest()
    return keys


"""Parsing XML that may be hostile, and reading text that may not be UTF-8.

Parsers never fetch anything: no DTD loading, no network, no entity expansion. A document
that declares entities or points its DOCTYPE elsewhere is refused outright, so entity
bombs and external-entity tricks fail with a message instead of consuming memory.
"""

from __future__ import annotations

import os
import re
from typing import Any
from pathlib import Path

from lxml import etree

from toolkit.errors import InputError

MAX_BYTES = 64 * 1024 * 1024


def _parser() -> etree.XMLParser:
    return etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False,
                           dtd_validation=False, huge_tree=False, remove_blank_text=False)


def read_bytes(path: Path, limit: int = MAX_BYTES) -> bytes:
    if path.is_dir():
        raise InputError("is a directory, expected a file", str(path))
    try:
        size = os.stat(path).st_size
        if size > limit:
            raise InputError(f"file is {size} bytes, over the limit of {limit}", str(path))
        return path.read_bytes()
    except FileNotFoundError:
        raise InputError("no such file", str(path)) from None
    except PermissionError:
        raise InputError("permission denied", str(path)) from None
    except IsADirectoryError:
        raise InputError("is a directory, expected a file", str(path)) from None


def decode_utf8(data: bytes, path: str) -> str:
    """Strict UTF-8 (a BOM is allowed); the error names the line and column of the bad byte."""
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise InputError("the file is UTF-16 (it starts with a UTF-16 byte order mark); "
                         "save it as UTF-8", path, 1, 1)
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        before = data[: exc.start]
        line = before.count(b"\n") + 1
        column = exc.start - (before.rfind(b"\n") + 1) + 1
        raise InputError(f"not valid UTF-8: byte 0x{data[exc.start]:02x} cannot be decoded "
                         "(save the file as UTF-8)", path, line, column) from None


# Characters XML 1.0 cannot hold. Vertical tab and form feed are left to the readers, which
# take them for the line and page breaks they are.
_NOT_XML = re.compile("[\x00-\x08\x0e-\x1f\ufffe\uffff]")


def check_xml_characters(text: str, path: str) -> None:
    """Refuse text holding a character no XML document may contain, naming where it is."""
    bad = _NOT_XML.search(text)
    if bad:
        line = text.count("\n", 0, bad.start()) + 1
        column = bad.start() - (text.rfind("\n", 0, bad.start()) + 1) + 1
        raise InputError(f"character U+{ord(bad.group()):04X} cannot be written to XML; "
                         "remove it from the source", path, line, column)


def parse_xml(data: bytes, path: str) -> etree._ElementTree:
    """Parse bytes as XML, refusing DTD tricks; errors carry file, line and column."""
    head = data[:4096].lstrip()
    try:
        root = etree.fromstring(data, _parser(), base_url=path or "")
    except etree.XMLSyntaxError as exc:
        line, column = exc.position if exc.position else (exc.lineno, None)
        message = exc.msg or str(exc)
        # libxml2 appends its own "(file, line N)"; ours is in the prefix.
        message = message.split(", line ")[0] if message.endswith(")") and ", line " in message else message
        raise InputError(f"not well-formed XML: {message}", path, line, column) from None
    tree = root.getroottree()
    docinfo: Any = tree.docinfo  # lxml-stubs lack system_url and the DTD iterators
    dtd = docinfo.internalDTD
    if dtd is not None and (list(dtd.iterentities()) or list(dtd.iterelements())):
        raise InputError("the DOCTYPE declares entities or elements; refused "
                         "(entity expansion and external entities are never processed)",
                         path, 1)
    if docinfo.system_url or docinfo.public_id:
        raise InputError(f"the DOCTYPE points to an external DTD ({docinfo.system_url or docinfo.public_id}); "
                         "refused, nothing is fetched", path, 1)
    if b"<!ENTITY" in head:
        raise InputError("the document declares entities; refused", path, 1)
    return tree


def parse_xml_file(path: Path) -> etree._ElementTree:
    return parse_xml(read_bytes(path), str(path))

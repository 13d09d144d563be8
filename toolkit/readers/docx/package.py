"""Opening a Word file (an OOXML package) without trusting it.

A .docx is a zip of XML parts tied together by relationship files. Everything here refuses
early and says why: a file that is not a zip, an encrypted (password-protected) document, a
zip bomb (declared sizes and compression ratios are checked before anything is inflated, and
inflation stops at the declared size), a package without a main document, external content
that a consumer would have to fetch. Every part is parsed with `toolkit.safe_xml.parse_xml`.
"""

from __future__ import annotations

import io
import posixpath
import zipfile
import zlib
from dataclasses import dataclass

from lxml import etree

from toolkit.errors import InputError
from toolkit.safe_xml import parse_xml

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
R_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
PR_NS = "http://schemas.openxmlformats.org/package/2006/relationships"
STRICT_W_NS = "http://purl.oclc.org/ooxml/wordprocessingml/main"
# Strict Open XML (ISO/IEC 29500 Strict, Word's "Strict Open XML Document") is the same
# vocabulary in other namespaces: its parts are read as the transitional ones they mirror.
STRICT = {
    STRICT_W_NS: W_NS,
    "http://purl.oclc.org/ooxml/officeDocument/relationships":
        "http://schemas.openxmlformats.org/officeDocument/2006/relationships",
    "http://purl.oclc.org/ooxml/officeDocument/math":
        "http://schemas.openxmlformats.org/officeDocument/2006/math",
    "http://purl.oclc.org/ooxml/drawingml/main":
        "http://schemas.openxmlformats.org/drawingml/2006/main",
    "http://purl.oclc.org/ooxml/drawingml/wordprocessingDrawing":
        "http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing",
    "http://purl.oclc.org/ooxml/drawingml/picture":
        "http://schemas.openxmlformats.org/drawingml/2006/picture",
}
MACRO_TYPES = ("vbaProject", "vbaData", "keyMapCustomizations")
REL_TYPE = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/"
OFFICE_DOCUMENT = REL_TYPE + "officeDocument"

OLE_SIGNATURE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
ENCRYPTED_PACKAGE = "EncryptedPackage".encode("utf-16-le")


@dataclass(frozen=True)
class PackageLimits:
    """Bounds that a translator's Word file never reaches and a zip bomb always does."""

    max_members: int = 2000
    max_member_bytes: int = 64 * 1024 * 1024
    max_total_bytes: int = 256 * 1024 * 1024
    max_ratio: int = 200  # uncompressed / compressed, for members over `ratio_floor` bytes
    ratio_floor: int = 1024 * 1024


@dataclass(frozen=True)
class Relationship:
    id: str
    type: str  # the last segment of the relationship type URI: "footnotes", "hyperlink" ...
    target: str  # a part name inside the package, or the external URI as written
    external: bool


# External targets that are only addresses, never content to load: a hyperlink is kept as
# TEI ref; a linked template only styles the document in Word and is ignored (and reported).
HARMLESS_EXTERNAL = {"hyperlink"}
IGNORED_EXTERNAL = {"attachedTemplate"}


def w(tag: str) -> str:
    return f"{{{W_NS}}}{tag}"


class Package:
    """The parts of a Word document, read on demand, each checked and parsed once."""

    def __init__(self, data: bytes, path: str, limits: PackageLimits = PackageLimits()) -> None:
        self.path = path
        self.limits = limits
        self.notices: list[str] = []  # things reported but not refused
        if data.startswith(OLE_SIGNATURE):
            if ENCRYPTED_PACKAGE in data:
                raise InputError("the Word file is password-protected (encrypted); save an "
                                 "unprotected copy and convert that", path)
            raise InputError("this is an old binary Word file (.doc, OLE compound file), not a "
                             "DOCX; save it as .docx first", path)
        _other_format(data, path)
        if not data.startswith(b"PK"):
            raise InputError("not a DOCX file: a DOCX is a zip archive and this file is not one",
                             path)
        try:
            self._zip = zipfile.ZipFile(io.BytesIO(data))
            infos = self._zip.infolist()
        except (zipfile.BadZipFile, zipfile.LargeZipFile, EOFError, ValueError) as exc:
            raise InputError(f"not a DOCX file: the zip archive is damaged ({exc})", path) from None
        self._check_members(infos)
        self._members = {info.filename: info for info in infos}
        self._parsed: dict[str, etree._Element] = {}
        self.document_part = self._main_part()
        root = self.part(self.document_part)
        if root is None or etree.QName(root).namespace != W_NS:
            raise InputError(f"{self.document_part} is not a WordprocessingML document", path)
        macros = [r.target for r in self.relationships(self.document_part)
                  if r.type in MACRO_TYPES and not r.external]
        if macros:
            self.notices.append(f"the Word file holds macros ({', '.join(macros)}); they are "
                                "ignored and never run, only the text is read")
        if path.lower().endswith(".doc"):
            self.notices.append("the file is named .doc but is a DOCX (Office Open XML); read "
                                "as one")

    # -- checks ----------------------------------------------------------------------------
    def _check_members(self, infos: list[zipfile.ZipInfo]) -> None:
        limits = self.limits
        if len(infos) > limits.max_members:
            raise InputError(f"the DOCX holds {len(infos)} zip members, over the limit of "
                             f"{limits.max_members}; refused as a possible zip bomb", self.path)
        names = [info.filename for info in infos]
        if len(set(names)) != len(names):
            twice = sorted({n for n in names if names.count(n) > 1})
            raise InputError(f"the zip archive holds {', '.join(twice)} more than once; "
                             "refused (readers could disagree on which copy is the document)",
                             self.path)
        total = 0
        for info in infos:
            if info.flag_bits & 0x1:
                raise InputError(f"zip member {info.filename} is encrypted; password-protected "
                                 "files cannot be converted", self.path)
            total += info.file_size
            if info.file_size > limits.max_member_bytes:
                raise InputError(f"zip member {info.filename} declares {info.file_size} bytes "
                                 f"uncompressed, over the limit of {limits.max_member_bytes}; "
                                 "refused as a possible zip bomb", self.path)
            ratio = info.file_size / max(info.compress_size, 1)
            if info.file_size > limits.ratio_floor and ratio > limits.max_ratio:
                raise InputError(f"zip member {info.filename} is compressed {ratio:.0f}:1, over "
                                 f"the limit of {limits.max_ratio}:1; refused as a zip bomb",
                                 self.path)
        if total > limits.max_total_bytes:
            raise InputError(f"the DOCX declares {total} bytes uncompressed in all, over the "
                             f"limit of {limits.max_total_bytes}; refused as a possible zip bomb",
                             self.path)

    def _main_part(self) -> str:
        for rel in self.relationships(""):
            if rel.type == "officeDocument" and not rel.external and rel.target in self._members:
                return rel.target
        if "word/document.xml" in self._members:
            return "word/document.xml"
        raise InputError("not a Word document: the zip archive has no word/document.xml", self.path)

    # -- reading ---------------------------------------------------------------------------
    def read(self, name: str) -> bytes | None:
        """A member's bytes, inflated no further than its declared size."""
        info = self._members.get(name)
        if info is None:
            return None
        try:
            with self._zip.open(info) as handle:
                data = handle.read(info.file_size + 1)
        except zlib.error as exc:  # a corrupt deflate stream: zipfile lets zlib's error through
            raise InputError(f"zip member {name} cannot be read: its compressed data is damaged "
                             f"({exc})", self.path) from None
        except (zipfile.BadZipFile, EOFError, OSError, ValueError,
                NotImplementedError, RuntimeError) as exc:
            raise InputError(f"zip member {name} cannot be read ({exc})", self.path) from None
        if len(data) > info.file_size:
            raise InputError(f"zip member {name} inflates beyond its declared size; refused as "
                             "a zip bomb", self.path)
        return data

    def part(self, name: str) -> etree._Element | None:
        if name not in self._parsed:
            data = self.read(name)
            if data is None:
                return None
            root = parse_xml(data, f"{self.path}!{name}").getroot()
            self._parsed[name] = _transitional(root)
        return self._parsed[name]

    def relationships(self, source: str) -> list[Relationship]:
        """Relationships of a part ('' for the package); external ones are never followed."""
        folder, base = posixpath.split(source)
        rels_name = posixpath.join(folder, "_rels", f"{base}.rels")
        root = self.part(rels_name)
        if root is None:
            return []
        found: list[Relationship] = []
        for node in root.iter(f"{{{PR_NS}}}Relationship"):
            kind = (node.get("Type") or "").rsplit("/", 1)[-1]
            target = node.get("Target") or ""
            external = node.get("TargetMode") == "External"
            if not external:
                target = posixpath.normpath(posixpath.join(folder, target)).lstrip("/") \
                    if not target.startswith("/") else target.lstrip("/")
            found.append(Relationship(node.get("Id") or "", kind, target, external))
        return found

    def related_part(self, source: str, kind: str) -> str | None:
        """The part a source part points to with a relationship of this kind."""
        for rel in self.relationships(source):
            if rel.type == kind and not rel.external:
                return rel.target
        return None

    def sources(self) -> list[str]:
        """Every part that has relationships ('' for the package itself)."""
        found: list[str] = []
        for name in self._members:
            folder, base = posixpath.split(name)
            if posixpath.basename(folder) == "_rels" and base.endswith(".rels"):
                found.append(posixpath.join(posixpath.dirname(folder), base[:-5]))
        return found

    def check_external(self, source: str) -> dict[str, str]:
        """Refuse external content a part depends on; return its hyperlink targets by id."""
        links: dict[str, str] = {}
        for rel in self.relationships(source):
            if not rel.external:
                continue
            if rel.type in HARMLESS_EXTERNAL:
                links[rel.id] = rel.target
            elif rel.type in IGNORED_EXTERNAL:
                self.notices.append(f"{source} links to an external {rel.type} ({rel.target}); "
                                    "ignored, nothing was fetched")
            else:
                raise InputError(f"{source} depends on external content ({rel.type}: "
                                 f"{rel.target}); such files are refused and nothing is fetched",
                                 self.path)
        return links


def _transitional(root: etree._Element) -> etree._Element:
    """A Strict Open XML part with the transitional namespaces it mirrors; others as they are."""
    if not any(ns in STRICT for ns in (root.nsmap or {}).values()):
        return root
    for node in root.iter():
        if not isinstance(node.tag, str):
            continue
        qname = etree.QName(node)
        if qname.namespace in STRICT:
            node.tag = f"{{{STRICT[qname.namespace]}}}{qname.localname}"
        for name in [n for n in node.attrib if str(n).startswith("{")]:
            attr = etree.QName(name)
            if attr.namespace in STRICT:
                value = node.attrib.pop(name)
                node.set(f"{{{STRICT[attr.namespace]}}}{attr.localname}", value)
    return root


def _other_format(data: bytes, path: str) -> None:
    """Formats Word also saves under a Word name (.doc): refused, saying what they are."""
    start = data[:4096].lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    if start.startswith(b"{\\rtf"):
        raise InputError("this is an RTF file (Rich Text Format), not a DOCX; open it in Word "
                         "or LibreOffice and save it as .docx", path)
    if start.startswith(b"mime-version:") or b"<html" in start[:2048] or \
            start.startswith(b"<!doctype html"):
        raise InputError("this is a web page (HTML or MHT, which Word saves under .doc too), "
                         "not a DOCX; open it in Word or LibreOffice and save it as .docx", path)
    if start.startswith(b"<?xml") and b"schemas.microsoft.com/office/word/2003/wordml" in start:
        raise InputError("this is a Word 2003 XML document, not a DOCX; open it in Word or "
                         "LibreOffice and save it as .docx", path)

"""The EPUB 3 of the volume: `<output>/epub/<edition>.epub`, for readers who read on e-readers.

XSLT 3.0 (saxonche) makes every page: xslt/epub/epub-document.xsl one XHTML chapter per
document (footnotes as EPUB 3 footnotes, names linked to the registers), cached in
`epub/chapters/` so that a rebuild transforms only the documents that changed; then
xslt/epub/epub-edition.xsl the title page, front matter, registers, navigation and package
document from the chapters' facts and teikit.toml. The builder only zips: `mimetype` first and
stored, every entry with one fixed timestamp and in a fixed order, so that the same edition
gives the same bytes. A rebuild compresses only what changed: every other entry is copied,
compressed, from the previous book (`.book.json` names each entry's SHA-256), and the edition
stage reads each chapter's facts (head meta, title, name links) kept in that description
while the chapter is unchanged, never the 10,000 chapters themselves. The edition stage runs
only when what its pages are made from changed (`.book.json` keeps the key: stylesheets,
configuration, registers, front matter, every chapter's facts); a word edited in one chapter
changes none of that, and the pages are copied from the previous book. A copy goes to
`<output>/html/epub/`, so that the web edition can link it when `html/` is served alone (as
the PDFs are mirrored).
"""

from __future__ import annotations

import hashlib
import io
import json
import os
import re
import shutil
import struct
import unicodedata
import uuid
import zipfile
import zlib
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, ClassVar

from lxml import etree
# saxonche ships no type hints.
from saxonche import PySaxonApiError, PySaxonProcessor, PyXdmNode, PyXsltExecutable  # type: ignore[import-not-found]

from toolkit import filestate
from toolkit.builders.base import BuildConfig, Document, Edition, file_hash
from toolkit.builders.epub_registers import chapter_keys
from toolkit.builders.safety import staging_dir
from toolkit.errors import InputError, ToolkitError
from toolkit.frontmatter import TK_NS, front_matter
from toolkit.output import link_atomic, write_atomic
from toolkit.resources import xslt_dir
from toolkit.safe_xml import decode_utf8, parse_xml, read_bytes
from toolkit.tei import TEI_NS

XSLT = xslt_dir()
EPUB_XSLT = XSLT / "epub"
DOCUMENT_STAGE = EPUB_XSLT / "epub-document.xsl"
EDITION_STAGE = EPUB_XSLT / "epub-edition.xsl"
STYLESHEET = EPUB_XSLT / "epub.css"
CHAPTERS = "chapters"
ROOT = "EPUB"  # the folder of the book's files inside the zip
BOOK_INDEX = ".book.json"  # the SHA-256 of the book and of each of its entries
XHTML = "http://www.w3.org/1999/xhtml"

#: one timestamp for every entry (the earliest a zip can say): the bytes never carry the clock
_ZIP_TIME = (1980, 1, 1, 0, 0, 0)
_CONTAINER = (b'<?xml version="1.0" encoding="UTF-8"?>\n'
              b'<container version="1.0" xmlns="urn:oasis:names:tc:opendocument:xmlns:container">'
              b'<rootfiles><rootfile full-path="' + ROOT.encode() + b'/package.opf" '
              b'media-type="application/oebps-package+xml"/></rootfiles></container>\n')
_DECLARATION = re.compile(r"^\s*<\?xml[^>]*\?>\s*")


def epub_name(config: BuildConfig) -> str:
    """The book's file name, from the edition's title: `teikit-sample-edition.epub`."""
    ascii_title = unicodedata.normalize("NFKD", config.title).encode("ascii", "ignore").decode()
    slug = re.sub(r"[^a-z0-9]+", "-", ascii_title.lower()).strip("-")[:80].strip("-")
    return f"{slug or 'edition'}.epub"


def chapter_name(document_id: str) -> str:
    """A document's file in the book: `doc-<id>.xhtml` (never one of the edition's pages);
    an id that is not a plain file name is hashed."""
    if re.fullmatch(r"[A-Za-z0-9][A-Za-z0-9._-]{0,100}", document_id):
        return f"doc-{document_id}.xhtml"
    return f"doc-{hashlib.sha256(document_id.encode()).hexdigest()[:16]}.xhtml"


def book_identifier(config: BuildConfig) -> str:
    """A stable dc:identifier: a name-based UUID of the web edition's address (or the title)."""
    return "urn:uuid:" + str(uuid.uuid5(uuid.NAMESPACE_URL, config.url or f"teikit:{config.title}"))


class EpubBuilder:
    """`teikit build --only epub`: the volume as one EPUB 3 under `<output>/epub/`."""

    name: ClassVar[str] = "epub"
    PREPARES_ITSELF: ClassVar[bool] = True  # write_one and the edition stage prepare themselves

    def __init__(self, config: BuildConfig) -> None:
        self.config = config
        self.out_dir = config.output_dir / "epub"
        self.chapters = self.out_dir / CHAPTERS
        self._processor: PySaxonProcessor | None = None
        self._document: PyXsltExecutable | None = None
        self._registers: PyXdmNode | None = None
        self.pages_made = False  # whether the last `finish` ran the edition stage (tests read it)

    # -- the lifecycle ---------------------------------------------------------------------
    def inputs(self) -> Sequence[Path]:
        own = [Path(__file__), Path(__file__).parents[1] / "frontmatter.py"]
        own += sorted(p for p in (XSLT / "common").rglob("*") if p.is_file())
        own += sorted(p for p in EPUB_XSLT.rglob("*") if p.is_file())
        return own

    def environment(self) -> str:
        return ""  # nothing installed shapes the book: the reader's device sets its fonts

    def register_keys(self, documents: Sequence[Document]) -> dict[str, str]:
        """What each chapter takes from the registers (base.RegisterScoped): a note edited in
        an entry rebuilds no chapter, only the book's register pages."""
        return chapter_keys(sorted(self.config.registers_dir.glob("*.xml")), documents)

    def prepare(self) -> None:
        """Compile the chapter stage and read the registers, once per process."""
        if self._document is not None:
            return
        self._processor = PySaxonProcessor(license=False)
        self._registers = self._load_registers()
        self._document = self._compile(DOCUMENT_STAGE)
        self._set(self._document, "edition-title", self.config.title)
        self._document.set_parameter("registers", self._registers)
        self._set(self._document, "date-format", self.config.edition.date_format or "day-month-year")

    def write_one(self, document: Document) -> list[Path]:
        self.prepare()
        assert self._processor is not None and self._document is not None
        path = str(document.path)
        data = read_bytes(document.path)
        root = parse_xml(data, path).getroot()  # refuses DTD tricks before Saxon sees the bytes
        if root.tag != f"{{{TEI_NS}}}TEI":
            raise InputError(f"not a TEI document: the root element is <{root.tag}>, expected "
                             "<TEI> in the TEI namespace", path, 1)
        stage = self._document
        self._set(stage, "document-id", document.id)
        url = self.config.url
        self._set(stage, "edition-url", f"{url.rstrip('/')}/{document.id}.html" if url else "")
        try:
            node = self._processor.parse_xml(xml_text=decode_utf8(data, path))
            chapter = stage.transform_to_string(xdm_node=node)
        except PySaxonApiError as error:
            raise InputError(f"the EPUB stylesheet failed: {_message(error)}", path) from None
        if not chapter:
            raise InputError("the EPUB stylesheet produced nothing", path)
        target = self.chapters / chapter_name(document.id)
        write_atomic(target, chapter.encode("utf-8"))
        return [target]

    def finish(self, edition: Edition, rebuilt: Sequence[Document]) -> list[Path]:
        """The edition-wide pages, then the zip, then its copy in the web edition. Saxon is
        started only when a chapter or the edition's pages are to be made (PREPARES_ITSELF)."""
        wanted = {chapter_name(d.id): d for d in edition.documents}
        for stale in self.chapters.glob("*.xhtml") if self.chapters.is_dir() else ():
            if stale.name not in wanted:
                stale.unlink()
        for name, document in wanted.items():  # a chapter removed by hand since the last build
            if not (self.chapters / name).is_file():
                self.write_one(document)
        book = self.out_dir / epub_name(self.config)
        if not edition.documents:  # no book without documents, as no print volume
            for old in [*self.out_dir.glob("*.epub"),
                        *(self.config.output_dir / "html" / "epub").glob("*.epub")]:
                old.unlink()
            return []
        index = self.out_dir / BOOK_INDEX
        described = described_book(index)
        hashes = {f"{ROOT}/{name}": filestate.sha256(self.chapters / name) for name in sorted(wanted)}
        facts = {name: self._facts(name, hashes[f"{ROOT}/{name}"], described) for name in sorted(wanted)}
        kept = kept_entries(book, described)
        head = self._source_head()
        key = self._pages_key(head, facts)
        # --force makes them again whatever the key says (Saxon itself is not in the key)
        pages = None if self.config.force else self._kept_pages(key, described, kept)
        self.pages_made = pages is None
        if pages is None:  # a fact of a chapter, the configuration or the registers changed
            made = self._edition_pages(facts, head)
            pages = {f"{ROOT}/{name}": hashlib.sha256(data).hexdigest() for name, data in made.items()}
            made[STYLESHEET.name] = STYLESHEET.read_bytes()
        else:
            made = {STYLESHEET.name: STYLESHEET.read_bytes()}
        data_of = {f"{ROOT}/{name}": data for name, data in made.items()}
        hashes.update(pages)
        hashes[f"{ROOT}/{STYLESHEET.name}"] = hashlib.sha256(made[STYLESHEET.name]).hexdigest()
        entries = {}
        for name, digest in hashes.items():
            if name in kept and kept[name][0] == digest:
                entries[name] = kept[name][1]  # compressed for the previous book: copied
            else:
                data = data_of[name] if name in data_of else (self.chapters / name.split("/", 1)[1]).read_bytes()
                entries[name] = deflate(data)
        del kept
        for old in self.out_dir.glob("*.epub"):  # the edition was renamed
            if old != book:
                old.unlink()
        data = zip_entries(entries)
        index.unlink(missing_ok=True)  # the book and its description are replaced together
        write_atomic(book, data)
        write_atomic(index, json.dumps({"version": 1, "book": hashlib.sha256(data).hexdigest(),
                                        "entries": hashes, "facts": facts, "pages": sorted(pages),
                                        "pages-key": key}, sort_keys=True).encode())
        return [book, *self._mirror(book)]

    def _pages_key(self, head: etree._Element, facts: dict[str, dict[str, Any]]) -> str:
        """What the edition's pages are made from: the edition stage's stylesheets and the
        configuration (the builder's inputs), the registers, the source's head (configuration's
        facts, front matter) and every chapter's facts. The same key, the same pages."""
        registers = sorted(self.config.registers_dir.glob("*.xml"))
        digest = hashlib.sha256()
        for part in (file_hash(*self.inputs()), file_hash(*registers, root=self.config.root),
                     self.config.fingerprint(), etree.tostring(head, encoding="unicode"),
                     json.dumps(facts, sort_keys=True)):
            digest.update(hashlib.sha256(part.encode()).digest())
        return digest.hexdigest()

    @staticmethod
    def _kept_pages(key: str, described: dict[str, Any], kept: dict[str, tuple[str, Entry]]
                    ) -> dict[str, str] | None:
        """The previous book's edition pages (name -> SHA-256) when they were made from what
        they would be made from now and the previous book holds them all, else None. A word
        edited in one chapter changes none of its facts: at 10,000 documents the edition
        stage (every chapter's facts through Saxon) was most of a one-document rebuild."""
        names = described.get("pages")
        if described.get("pages-key") != key or not isinstance(names, list) or not names:
            return None
        entries = described["entries"]
        if not all(isinstance(n, str) and n in kept and kept[n][0] == entries.get(n) for n in names):
            return None
        return {n: entries[n] for n in names}

    def _facts(self, name: str, digest: str, described: dict[str, Any]) -> dict[str, Any]:
        """A chapter's facts: kept in the book's description while the chapter's SHA-256 is the
        one described, else read from the chapter (one that was just written)."""
        kept = described.get("facts", {}).get(name) if described.get("entries", {}).get(
            f"{ROOT}/{name}") == digest else None
        if isinstance(kept, dict) and isinstance(kept.get("title"), str) and \
                isinstance(kept.get("meta"), list) and isinstance(kept.get("names"), list):
            return kept
        return chapter_facts((self.chapters / name).read_bytes())

    # -- the edition's pages -------------------------------------------------------------------
    def _edition_pages(self, chapters: dict[str, dict[str, Any]],
                       head: etree._Element | None = None) -> dict[str, bytes]:
        """The edition stage's pages from the chapters' facts (`head`: the source's head, made
        here when not given)."""
        self.prepare()
        assert self._processor is not None
        stage = self._compile(EDITION_STAGE)
        stage.set_parameter("registers", self._registers)
        self._set(stage, "date-format", self.config.edition.date_format or "day-month-year")
        source = etree.tostring(self._source(self._source_head() if head is None else head, chapters),
                                encoding="unicode")
        # Saxon writes the pages with their own serialization (no indentation that would put
        # spaces into the text) to a staging folder outside the published ones.
        area = staging_dir(self.config.output_dir) / "epub-pages"
        shutil.rmtree(area, ignore_errors=True)
        area.mkdir(parents=True)
        stage.set_base_output_uri(area.as_uri() + "/")
        try:
            node = self._processor.parse_xml(xml_text=source)
            stage.transform_to_string(xdm_node=node)
        except PySaxonApiError as error:
            full = "Failure writing" in str(error) and shutil.disk_usage(area).free < 1024 * 1024
            shutil.rmtree(area, ignore_errors=True)
            if full:  # Saxon's words for a write that failed, as the web edition's pages
                raise ToolkitError(f"cannot write {area}: the disk is full; the published "
                                   "book is unchanged", str(area)) from None
            raise ToolkitError(f"the EPUB edition stylesheet failed: {_message(error)}",
                               str(EDITION_STAGE)) from None
        pages: dict[str, bytes] = {}
        for path in sorted(area.iterdir()):
            data = path.read_bytes()
            try:  # nothing malformed is published
                etree.fromstring(data)
            except etree.XMLSyntaxError as error:
                raise ToolkitError(f"the EPUB page {path.name} is not well-formed: {error}",
                                   str(EDITION_STAGE)) from None
            pages[path.name] = data
        shutil.rmtree(area, ignore_errors=True)
        if "package.opf" not in pages or "nav.xhtml" not in pages:
            raise ToolkitError("the EPUB edition stylesheet wrote no package or navigation",
                               str(EDITION_STAGE))
        return pages

    def _source(self, head: etree._Element, chapters: dict[str, dict[str, Any]]) -> etree._Element:
        """`<tk:epub>`: the head (`_source_head`) and the chapters."""
        tk = f"{{{TK_NS}}}"
        root = head
        for name, facts in sorted(chapters.items()):
            chapter = etree.SubElement(root, f"{tk}chapter", name=name, title=facts["title"])
            for key, content in facts["meta"]:
                etree.SubElement(chapter, f"{tk}meta", name=key, content=content)
            for href in facts["names"]:
                etree.SubElement(chapter, f"{tk}name", href=href)
        return root

    def _source_head(self) -> etree._Element:
        """`<tk:epub>` without its chapters: the configuration's facts and the front matter."""
        config = self.config.edition
        tk = f"{{{TK_NS}}}"
        root = etree.Element(f"{tk}epub", nsmap={"tk": TK_NS})
        for key, value in (("title", self.config.title), ("subtitle", config.subtitle),
                           ("publisher", config.publisher), ("year", str(config.year or "")),
                           ("url", self.config.url), ("identifier", book_identifier(self.config))):
            root.set(key, value)
        for editor in config.editors:
            node = etree.SubElement(root, f"{tk}editor", role=editor.role,
                                    affiliation=editor.affiliation)
            node.text = editor.name
        if config.licence.name:
            etree.SubElement(root, f"{tk}licence", url=config.licence.url).text = config.licence.name
        for funder in config.funders:
            etree.SubElement(root, f"{tk}funder").text = funder
        for language in config.languages:
            etree.SubElement(root, f"{tk}language").text = language
        root.append(front_matter(config, self.config.registers_dir))
        return root

    def _mirror(self, book: Path) -> list[Path]:
        """The book in the web edition (`html/epub/`), hard-linked (a copy where that fails)."""
        folder = self.config.output_dir / "html" / "epub"
        folder.mkdir(parents=True, exist_ok=True)
        target = folder / book.name
        for old in folder.glob("*.epub"):
            if old.name != book.name:
                old.unlink()
        if target.exists() and os.path.samefile(target, book):
            return []
        link_atomic(book, target)
        return [target]

    # -- helpers -----------------------------------------------------------------------------
    def _compile(self, path: Path) -> PyXsltExecutable:
        assert self._processor is not None
        try:
            return self._processor.new_xslt30_processor().compile_stylesheet(stylesheet_file=str(path))
        except PySaxonApiError as error:
            raise ToolkitError(f"the EPUB stylesheet does not compile: {_message(error)}", str(path)) from None

    def _set(self, stage: PyXsltExecutable, name: str, value: str) -> None:
        assert self._processor is not None
        stage.set_parameter(name, self._processor.make_string_value(value))

    def _load_registers(self) -> PyXdmNode:
        """The registers as one document, `<tk:registers>` holding each register's TEI."""
        assert self._processor is not None
        parts = [f'<tk:registers xmlns:tk="{TK_NS}">']
        for path in sorted(self.config.registers_dir.glob("*.xml")):
            data = read_bytes(path)
            parse_xml(data, str(path))  # refuses DTD tricks before Saxon reads the file
            parts.append(_DECLARATION.sub("", decode_utf8(data, str(path))))
        parts.append("</tk:registers>")
        return self._processor.parse_xml(xml_text="".join(parts))


@dataclass(frozen=True)
class Entry:
    """One file of the book as the zip holds it: CRC-32, size, and its bytes compressed (raw
    DEFLATE at level 9, as zipfile writes them), or as they are for a stored entry."""

    crc: int
    size: int
    data: bytes


def deflate(data: bytes) -> Entry:
    compressor = zlib.compressobj(9, zlib.DEFLATED, -15)
    return Entry(zlib.crc32(data), len(data), compressor.compress(data) + compressor.flush())


def zip_book(files: dict[str, bytes]) -> bytes:
    """The EPUB container (OCF) of these files, each compressed here (see `zip_entries`)."""
    return zip_entries({name: deflate(data) for name, data in files.items()})


def zip_entries(entries: dict[str, Entry]) -> bytes:
    """The EPUB container (OCF): `mimetype` first and stored, META-INF/container.xml, then the
    book's entries by name, deflated, all with one fixed timestamp and the attributes of a
    Unix file: the same files, the same bytes. Written here, not by zipfile, so that an entry
    compressed for the previous book is copied as it is (zipfile compresses every entry)."""
    mimetype = b"application/epub+zip"
    items = [("mimetype", Entry(zlib.crc32(mimetype), len(mimetype), mimetype), 0),
             ("META-INF/container.xml", deflate(_CONTAINER), zlib.DEFLATED)]
    items += [(name, entries[name], zlib.DEFLATED) for name in sorted(entries)]
    year, month, day, hour, minute, second = _ZIP_TIME
    date, clock = (year - 1980) << 9 | month << 5 | day, hour << 11 | minute << 5 | second // 2
    body, directory = bytearray(), bytearray()
    for name, entry, method in items:
        try:
            encoded, flags = name.encode("ascii"), 0
        except UnicodeEncodeError:
            encoded, flags = name.encode("utf-8"), 0x800
        common = (flags, method, clock, date, entry.crc, len(entry.data), entry.size, len(encoded))
        directory += struct.pack("<4s4B4HL2L5H2L", b"PK\x01\x02", 20, 3, 20, 0, *common, 0, 0, 0, 0,
                                 0o644 << 16, len(body))
        directory += encoded
        body += struct.pack("<4s2B4HL2L2H", b"PK\x03\x04", 20, 0, *common, 0) + encoded + entry.data
    count = len(items)
    end = struct.pack("<4s4H2LH", b"PK\x05\x06", 0, 0, count, count, len(directory), len(body), 0)
    return bytes(body + directory + end)


def described_book(index: Path) -> dict[str, Any]:
    """The previous book's description (`.book.json`): its SHA-256, each entry's SHA-256, each
    chapter's facts; {} when there is none or it is damaged."""
    try:
        described = json.loads(index.read_text("utf-8"))
    except (OSError, ValueError):
        return {}
    if not isinstance(described, dict) or described.get("version") != 1 or \
            not isinstance(described.get("entries"), dict) or not isinstance(described.get("facts"), dict):
        return {}
    return described


def kept_entries(book: Path, described: dict[str, Any]) -> dict[str, tuple[str, Entry]]:
    """name -> (SHA-256 of its bytes, its entry) for every entry of the previous book, when
    the book is the one described (its own SHA-256); {} otherwise (no book, another book, a
    damaged one: then everything is compressed again)."""
    try:
        if not described or described.get("book") != filestate.sha256(book):
            return {}
        hashes: dict[str, str] = described["entries"]
        data = book.read_bytes()
        kept = {}
        with zipfile.ZipFile(io.BytesIO(data)) as old:
            for info in old.infolist():
                if info.filename not in hashes or info.compress_type != zipfile.ZIP_DEFLATED:
                    continue
                start = info.header_offset
                name_length, extra_length = struct.unpack_from("<2H", data, start + 26)
                start += 30 + name_length + extra_length
                kept[info.filename] = (hashes[info.filename], Entry(
                    info.CRC, info.file_size, data[start:start + info.compress_size]))
        return kept
    except (OSError, ValueError, KeyError, TypeError, AttributeError, struct.error, zipfile.BadZipFile):
        return {}


def chapter_facts(data: bytes) -> dict[str, Any]:
    """What the edition stage needs of a chapter (epub-common.xsl): the meta of its head (name,
    content), its title, the distinct targets of its name links, in document order."""
    root = etree.fromstring(data, etree.XMLParser(resolve_entities=False, no_network=True))
    head = root.find(f"{{{XHTML}}}head")
    meta = [] if head is None else [[str(m.get("name")), str(m.get("content", ""))]
                                    for m in head.findall(f"{{{XHTML}}}meta") if m.get("name") is not None]
    title = None if head is None else head.find(f"{{{XHTML}}}title")
    names = [str(a.get("href")) for a in root.iter(f"{{{XHTML}}}a")
             if a.get("class") == "name" and a.get("href") is not None]
    return {"meta": meta, "title": "" if title is None else "".join(str(t) for t in title.itertext()),
            "names": list(dict.fromkeys(names))}


def _message(error: Exception) -> str:
    return " ".join(str(error).split())[:500]

"""The EPUB 3 of the volume: `<output>/epub/<edition>.epub`, for readers who read on e-readers.

XSLT 3.0 (saxonche) makes every page: xslt/epub/epub-document.xsl one XHTML chapter per
document (footnotes as EPUB 3 footnotes, names linked to the registers), cached in
`epub/chapters/` so that a rebuild transforms only the documents that changed; then
xslt/epub/epub-edition.xsl the title page, front matter, registers, navigation and package
document from the chapters and teikit.toml. The builder only zips: `mimetype` first and
stored, every entry with one fixed timestamp and in a fixed order, so that the same edition
gives the same bytes. A copy goes to `<output>/html/epub/`, so that the web edition can link
it when `html/` is served alone (as the PDFs are mirrored).
"""

from __future__ import annotations

import hashlib
import io
import os
import re
import shutil
import unicodedata
import uuid
import zipfile
from collections.abc import Sequence
from pathlib import Path
from typing import ClassVar

from lxml import etree
# saxonche ships no type hints.
from saxonche import PySaxonApiError, PySaxonProcessor, PyXdmNode, PyXsltExecutable  # type: ignore[import-not-found]

from toolkit.builders.base import BuildConfig, Document, Edition
from toolkit.builders.safety import staging_dir
from toolkit.errors import InputError, ToolkitError
from toolkit.frontmatter import TK_NS, front_matter
from toolkit.output import write_atomic
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

    def __init__(self, config: BuildConfig) -> None:
        self.config = config
        self.out_dir = config.output_dir / "epub"
        self.chapters = self.out_dir / CHAPTERS
        self._processor: PySaxonProcessor | None = None
        self._document: PyXsltExecutable | None = None
        self._registers: PyXdmNode | None = None

    # -- the lifecycle ---------------------------------------------------------------------
    def inputs(self) -> Sequence[Path]:
        own = [Path(__file__), Path(__file__).parents[1] / "frontmatter.py"]
        own += sorted(p for p in (XSLT / "common").rglob("*") if p.is_file())
        own += sorted(p for p in EPUB_XSLT.rglob("*") if p.is_file())
        return own

    def environment(self) -> str:
        return ""  # nothing installed shapes the book: the reader's device sets its fonts

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
        """The edition-wide pages, then the zip, then its copy in the web edition."""
        self.prepare()
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
        files = {f"{ROOT}/{name}": (self.chapters / name).read_bytes() for name in sorted(wanted)}
        files.update({f"{ROOT}/{name}": data for name, data in self._edition_pages(wanted).items()})
        files[f"{ROOT}/epub.css"] = STYLESHEET.read_bytes()
        for old in self.out_dir.glob("*.epub"):  # the edition was renamed
            if old != book:
                old.unlink()
        write_atomic(book, zip_book(files))
        return [book, *self._mirror(book)]

    # -- the edition's pages -------------------------------------------------------------------
    def _edition_pages(self, chapters: dict[str, Document]) -> dict[str, bytes]:
        assert self._processor is not None
        stage = self._compile(EDITION_STAGE)
        stage.set_parameter("registers", self._registers)
        self._set(stage, "date-format", self.config.edition.date_format or "day-month-year")
        source = etree.tostring(self._source(chapters), encoding="unicode")
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
            shutil.rmtree(area, ignore_errors=True)
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

    def _source(self, chapters: dict[str, Document]) -> etree._Element:
        """`<tk:epub>`: the configuration's facts, the front matter and the chapters."""
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
        for name in sorted(chapters):
            etree.SubElement(root, f"{tk}chapter", name=name,
                             href=(self.chapters / name).resolve().as_uri())
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
        temporary = folder / f".{book.name}.tmp"
        temporary.unlink(missing_ok=True)
        try:
            os.link(book, temporary)
        except OSError:
            shutil.copyfile(book, temporary)
        os.replace(temporary, target)
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


def zip_book(files: dict[str, bytes]) -> bytes:
    """The EPUB container (OCF): `mimetype` first and stored, META-INF/container.xml, then the
    book's files by name, all deflated with one fixed timestamp: the same files, the same bytes."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as book:
        entries = [("mimetype", b"application/epub+zip", zipfile.ZIP_STORED),
                   ("META-INF/container.xml", _CONTAINER, zipfile.ZIP_DEFLATED)]
        entries += [(name, files[name], zipfile.ZIP_DEFLATED) for name in sorted(files)]
        for name, data, method in entries:
            info = zipfile.ZipInfo(name, date_time=_ZIP_TIME)
            info.compress_type = method
            info.external_attr = 0o644 << 16
            info.create_system = 3  # unix: the same bytes on every machine
            book.writestr(info, data, compress_type=method, compresslevel=9 if method else None)
    return buffer.getvalue()


def _message(error: Exception) -> str:
    return " ".join(str(error).split())[:500]

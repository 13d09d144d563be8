"""The print edition: one PDF per document and one volume, from TEI through XSLT and Typst.

XSLT 3.0 (saxonche) makes the editorial decisions and writes a small "print XML" per document
(xslt/pdf/pdf-*.xsl); a Typst template (xslt/pdf/typst/) reads that XML as data and typesets
it, so no text is ever spliced into Typst source and nothing needs escaping. Typst compiles
in-process, once-loaded fonts and template reused for every document of a worker.

Output is PDF/A-3b and PDF/UA-1 (tagged), with the TEI source attached to each document's
PDF. PDF/A forbids glyphs no font has; Typst then names the text, and the builder prints
those characters as framed code points (U+XXXX) and warns, naming the document.
"""

from __future__ import annotations

import errno
import hashlib
import json
import multiprocessing
import os
import re
import shutil
import sys
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, ClassVar

import typst
from lxml import etree
# saxonche ships no type hints.
from saxonche import PySaxonApiError, PySaxonProcessor, PyXsltExecutable  # type: ignore[import-not-found]

from toolkit.builders.base import BuildConfig, Document, Edition
from toolkit.builders.images import local_images, mark_images, publish_images
from toolkit.builders.images import referenced_digests, remove_unreferenced
from toolkit.builders.safety import die_with_parent
from toolkit.builders.thumbnails import mark_thumbnails, scan_only
from toolkit.errors import Diagnostic, InputError, Severity, ToolkitError, UsageError
from toolkit.output import write_atomic
from toolkit.resources import xslt_dir
from toolkit.safe_xml import decode_utf8, parse_xml, parse_xml_file, read_bytes
from toolkit.tei import TEI_NS

if TYPE_CHECKING:
    from typst import PDFStandard  # declared in typst's stubs only

    from toolkit.builders.volume import VolumeAssembler

XSLT_DIR = xslt_dir() / "pdf"
TYPST_DIR = XSLT_DIR / "typst"
DOCUMENT_STAGE = XSLT_DIR / "pdf-document.xsl"
VOLUME_STAGE = XSLT_DIR / "pdf-volume.xsl"
DOCUMENT_TEMPLATE = TYPST_DIR / "document.typ"
VOLUME_TEMPLATE = TYPST_DIR / "volume.typ"  # the volume's front and back matter
PART_TEMPLATE = TYPST_DIR / "volume-part.typ"  # a part of the volume's documents

# Debian's Noto fonts (fonts-noto-core, fonts-noto-cjk), used when present, after the
# configured folders.
SYSTEM_FONT_DIRS = (Path("/usr/share/fonts/truetype/noto"), Path("/usr/share/fonts/opentype/noto"))
FONT_SUFFIXES = (".ttf", ".otf", ".ttc", ".otc")  # what Typst loads from a font folder

# PDF/A-3 admits the attached TEI source; PDF/UA-1 asks Typst for a tagged, accessible PDF.
PDF_STANDARDS: list[PDFStandard] = ["a-3b", "ua-1"]
# The volume is merged from parts, whose structure trees are not merged: untagged PDF/A-3b.
VOLUME_STANDARDS: list[PDFStandard] = ["a-3b"]

VOLUME_NAME = "edition.pdf"
PRINT_XML_DIR = "print-xml"  # the per-document print XML, kept so the volume need not redo it
PRINT_ROOT = "print-root"  # Typst's root: the templates and the documents' images
STAGE_DIR = ".volume-stage"  # under volume-parts: each volume's XML, from the volume stage to the parent
INPUTS_DIR = "inputs"  # under the print root: a folder per process, the document being typeset

_UNDISPLAYABLE = re.compile(r'the text `"((?:[^"\\]|\\.)*)"` could not be displayed')
_MAX_RETRIES = 32


def edition_url(config: BuildConfig, document_id: str) -> str:
    """Where the web edition publishes a document (printed in the colophon); '' without a base URL."""
    if not config.url:
        return ""
    return f"{config.url.rstrip('/')}/{document_id}.html"  # the HTML builder's page


def _typst_string(literal: str) -> str:
    """Undo Typst's escaping of a string in a diagnostic (\\u{378}, \\", \\\\, \\n)."""
    def unescape(match: re.Match[str]) -> str:
        code = match.group(1)
        if code is not None:
            return chr(int(code, 16))
        return {"n": "\n", "t": "\t", "r": "\r"}.get(match.group(2), match.group(2))
    return re.sub(r"\\u\{([0-9a-fA-F]+)\}|\\(.)", unescape, literal)


def mark_missing(print_xml: str, characters: set[str]) -> str:
    """Replace each character no font covers by <missing cp char/>, drawn as a framed code point."""
    root = etree.fromstring(print_xml.encode("utf-8"))
    pattern = re.compile("|".join(re.escape(c) for c in sorted(characters)))

    def pieces(text: str) -> tuple[str, list[etree._Element]]:
        parts = pattern.split(text)
        found = pattern.findall(text)
        nodes = []
        for char, after in zip(found, parts[1:]):
            node = etree.Element("missing", cp=f"{ord(char):04X}", char=char)
            node.tail = after
            nodes.append(node)
        return parts[0], nodes

    for element in list(root.iter()):
        if element.tag != "missing" and element.text and pattern.search(element.text):
            element.text, nodes = pieces(element.text)
            for index, node in enumerate(nodes):
                element.insert(index, node)
        if element.tail and pattern.search(element.tail):
            parent = element.getparent()
            if parent is not None:
                element.tail, nodes = pieces(element.tail)
                position = parent.index(element) + 1
                for offset, node in enumerate(nodes):
                    parent.insert(position + offset, node)
    return etree.tostring(root, encoding="unicode")


def _merge_died(inputs: Sequence[Path], out: Path) -> Exception:
    """qpdf aborts its process (C++ `terminate`) when a write fails, so a full disk reaches
    the parent only as a dead worker: its temporary file is removed here and the failure is
    named as the disk it was, judged by the free space left against what the merge writes."""
    for stale in out.parent.glob(f".{out.name}.*.tmp"):
        stale.unlink(missing_ok=True)
    needed = sum(p.stat().st_size for p in inputs if p.exists())
    if shutil.disk_usage(out.parent).free < needed:
        return OSError(errno.ENOSPC, os.strerror(errno.ENOSPC), str(out))
    return ToolkitError("the process merging the volume ended abruptly", str(out))


class PdfBuilder:
    """build/pdf/<id>.pdf for every document, then build/pdf/edition.pdf for the volume."""

    name: ClassVar[str] = "pdf"
    #: finish prepares what it uses (print_xml starts Saxon; the parts are typeset in their
    #: own processes): run_builder need not start Saxon in the parent before it
    PREPARES_ITSELF: ClassVar[bool] = True
    #: a document's print XML is ~5 ms of Saxon, a worker's start-up ~0.2 s of CPU (Python,
    #: the imports, Saxon and the stylesheet): 100 documents take no worker, 1,000 take two
    DOCUMENTS_PER_WORKER: ClassVar[int] = 100

    def __init__(self, config: BuildConfig) -> None:
        self.config = config
        self.out_dir = config.output_dir / "pdf"
        self.diagnostics: list[Diagnostic] = []
        self._processor: PySaxonProcessor | None = None
        self._document_stage: PyXsltExecutable | None = None
        self._volume_stage: PyXsltExecutable | None = None
        self._compiler: typst.Compiler | None = None
        self.parts_typeset = 0  # volume parts compiled by the last finish() (others were cached)
        self.matter_typeset = 0  # compiles of the matter by the last finish() (0: cached)
        self.volumes_merged = 0  # volumes merged by the last finish() (the others were current)
        self.volumes_staged = 0  # volumes the last finish() ran the volume stage over (others: kept)
        self.volumes_assembled = 0  # volumes whose parts and matter the last finish() looked at
        self.documents_cut = 0  # documents' PDFs cut from their parts by the last finish()
        self.part_compiles = 0  # compiles of parts by the last finish() (a wrong guess: two a part)
        self.document_paths: dict[str, str] = {}  # id -> TEI path: a part's warnings name them
        self.echo = True  # warnings printed as they come (a part's process leaves it to the parent)

    def inputs(self) -> Sequence[Path]:
        return sorted([*XSLT_DIR.glob("*.xsl"), *TYPST_DIR.glob("*.typ")])

    def register_keys(self, documents: Sequence[Document]) -> dict[str, str]:
        """What each document's print XML takes from the registers (base.RegisterScoped):
        nothing. pdf-text.xsl writes a name's index key from its own @ref and the document's
        prefixDef, never looking the entry up; the entries' labels are the volume stage's
        (keyed on them in `_stage_common`). So a register edit writes no document's print
        XML again, and its documents' PDFs, cut from parts made of those, stay as they are
        (tests/scale/test_pdf_register_key.py checks the print XML against registers emptied)."""
        return {document.id: "" for document in documents}

    def font_dirs(self) -> list[str]:
        """The configured font folders (each must exist), then Debian's Noto folders if present."""
        for folder in self.config.font_dirs:
            if not folder.is_dir():
                raise UsageError(f"font folder {folder} does not exist (--font-dir)")
        return [str(d) for d in (*self.config.font_dirs, *SYSTEM_FONT_DIRS) if d.is_dir()]

    def environment(self) -> str:
        """The fonts Typst will find: each font file under the font folders, by its path,
        size and modification time (a stat per file, not a read: the Noto folders hold
        hundreds of MB); a font inside the edition's folder by its name there and content
        (its digest cached by stat, filestate), so that a moved or re-cloned edition, whose
        files have new times, rebuilds nothing. Installing, removing or updating a font
        rebuilds the print edition."""
        from toolkit import filestate
        root = os.path.join(os.path.abspath(self.config.root), "")
        digest = hashlib.sha256()
        for folder in self.font_dirs():
            for path in sorted(Path(folder).rglob("*")):
                if path.suffix.lower() in FONT_SUFFIXES and path.is_file():
                    absolute = os.path.abspath(path)
                    if absolute.startswith(root):  # inside the edition: by name there and content
                        digest.update(f"{absolute[len(root):]}\0{filestate.sha256(path)}\n".encode())
                        continue
                    stat = path.stat()
                    digest.update(f"{path}\0{stat.st_size}\0{stat.st_mtime_ns}\n".encode())
        return digest.hexdigest()

    def prepare(self) -> None:
        """Compile the document stage, once per process (the volume's stage is compiled when
        the volume is made; Typst is loaded where something is typeset: the parts' processes)."""
        if self._document_stage is not None:
            return
        self._processor = PySaxonProcessor(license=False)
        self._document_stage = self._compile(DOCUMENT_STAGE)

    def _typst(self) -> typst.Compiler:
        """Typst with the fonts loaded, once per process, rooted at the print root."""
        if self._compiler is None:
            self._compiler = typst.Compiler(root=str(self._print_root()), font_paths=self.font_dirs(),
                                            ignore_system_fonts=True)
        return self._compiler

    def _compile(self, stylesheet: Path) -> PyXsltExecutable:
        assert self._processor is not None
        try:
            return self._processor.new_xslt30_processor().compile_stylesheet(stylesheet_file=str(stylesheet))
        except PySaxonApiError as exc:
            raise ToolkitError(f"the print stylesheets do not compile: {exc}", str(XSLT_DIR)) from None

    def _print_root(self) -> Path:
        """Typst reads only files under its root: the templates are copied, beside the
        documents' images (toolkit/builders/images.py), into OUTPUT/pdf/print-root/, which
        persists like print-xml/ so the volume finds the images of documents not rebuilt."""
        root = self.out_dir / PRINT_ROOT
        for template in TYPST_DIR.glob("*.typ"):
            data = template.read_bytes()
            target = root / template.name
            if not target.is_file() or target.read_bytes() != data:
                write_atomic(target, data)
        return root

    # -- one document ---------------------------------------------------------------------
    def print_xml(self, document: Document) -> tuple[str, str]:
        """The document's print XML (stage pdf-document.xsl) and its TEI text."""
        self.prepare()
        assert self._processor is not None and self._document_stage is not None
        path = str(document.path)
        data = read_bytes(document.path)
        tree = parse_xml(data, path)  # refuses DTD tricks before Saxon sees the bytes
        if tree.getroot().tag != f"{{{TEI_NS}}}TEI":
            raise InputError(f"not a TEI document: the root element is <{tree.getroot().tag}>, "
                             "expected <TEI> in the TEI namespace", path, 1)
        tei = decode_utf8(data, path)
        images, warnings = local_images(tree.getroot(), document.path, self.config.source_dir.parent)
        if self.config.edition.print.facsimile_thumbnails:  # the appendix of page thumbnails
            warnings += mark_thumbnails(tree.getroot(), images, self.out_dir / PRINT_ROOT, document.path)
        for warning in warnings:
            self.diagnostics.append(warning)
            print(warning.format(), file=sys.stderr)
        mark_images(tree.getroot(), images)  # for Saxon only: the PDF attaches the TEI as it is
        scans = scan_only(tree.getroot(), images)  # full-size scans: Typst reads only thumbnails
        publish_images([i for i in images if i.url not in scans], self.out_dir / PRINT_ROOT)
        stage = self._document_stage
        stage.set_parameter("document-id", self._processor.make_string_value(document.id))
        stage.set_parameter("edition-url",
                            self._processor.make_string_value(edition_url(self.config, document.id)))
        stage.set_parameter("edition-title", self._processor.make_string_value(self.config.title))
        # the web's default too when not configured: a page and its PDF give a date alike
        stage.set_parameter("date-format", self._processor.make_string_value(
            self.config.edition.date_format or "day-month-year"))
        try:
            node = self._processor.parse_xml(xml_text=etree.tostring(tree, encoding="unicode") if images else tei)
            result = stage.transform_to_string(xdm_node=node)
        except PySaxonApiError as exc:
            raise InputError(f"the print stylesheet failed: {exc}", path) from None
        if not result:
            raise InputError("the print stylesheet produced nothing", path)
        return result, tei

    def write_one(self, document: Document) -> list[Path]:
        """The document's print XML only: the document is typeset once, in its volume part,
        and its own PDF is cut from the part's pages by `finish` (offprints.py)."""
        print_xml, _ = self.print_xml(document)
        write_atomic(self.out_dir / PRINT_XML_DIR / f"{document.id}.xml", print_xml.encode("utf-8"))
        return []

    def write_alone(self, document: Document) -> bytes:
        """The document typeset alone (document.typ), with its own folios "1 / N": what each
        document's PDF was before it was cut from its part; kept for pdf_speed.py's
        comparison and for a reader of the template."""
        print_xml, tei = self.print_xml(document)
        return self.typeset(DOCUMENT_TEMPLATE, print_xml, str(document.path),
                            {"tei": tei, "tei-name": document.path.name})

    # -- typesetting ------------------------------------------------------------------------
    def typeset(self, template: Path, data: str, source: str,
                extra: dict[str, str] | None = None, *, tagged: bool = True) -> bytes:
        """Compile a template over print XML; characters no font has are marked and reported.
        Untagged (`tagged=False`): PDF/A-3b only, for the volume's matter."""
        self._typst()
        try:
            return self._typeset(template, data, source, extra or {}, tagged)
        finally:  # the document's input files are scratch: none outlives its compile
            shutil.rmtree(self._inputs_folder(), ignore_errors=True)

    def _typeset(self, template: Path, data: str, source: str, extra: dict[str, str],
                 tagged: bool) -> bytes:
        assert self._compiler is not None
        missing: set[str] = set()
        for _ in range(_MAX_RETRIES):
            try:
                pdf, warnings = self._compiler.compile_with_warnings(
                    input=str(self.out_dir / PRINT_ROOT / template.name),
                    sys_inputs=self._sys_inputs(template, data, extra),
                    pdf_standards=PDF_STANDARDS if tagged else VOLUME_STANDARDS, pdf_tags=tagged)
            except typst.TypstError as exc:
                match = _UNDISPLAYABLE.search(str(exc))
                found = {c for c in _typst_string(match.group(1)) if not c.isspace()} if match else set()
                if not found - missing:
                    raise ToolkitError(f"Typst could not typeset {template.name}: "
                                       f"{' '.join(str(exc).split())}", source) from None
                missing |= found
                data = mark_missing(data, missing)
                continue
            for char in sorted(missing):
                for where in self._holding(data, char, source):
                    self._warn(f"no configured font has a glyph for U+{ord(char):04X} {char!r}; "
                               f"printed as its code point", where, "pdf-missing-glyph")
            for warning in warnings:
                self._warn(f"Typst: {warning}", source, "pdf-typst")
            assert isinstance(pdf, bytes)
            return pdf
        raise ToolkitError(f"too many characters without a font (over {_MAX_RETRIES} runs)", source)

    def _holding(self, data: str, char: str, source: str) -> list[str]:
        """Where a character no font has is: in a volume part, the TEI of each of its
        documents holding it (a part typesets many), else `source`."""
        if not self.document_paths or "<volume" not in data[:200]:
            return [source]
        root = etree.fromstring(data.encode("utf-8"), etree.XMLParser(huge_tree=True))
        found = [self.document_paths.get(str(doc.get("id")), source) for doc in root.iter("doc")
                 if any(char in text or char == node.get("char")
                        for node in doc.iter() for text in (node.text or "", node.tail or ""))]
        return found or [source]

    def _sys_inputs(self, template: Path, data: str, extra: dict[str, str]) -> dict[str, str]:
        """What a compile reads. A document's print XML, TEI and TEI file name go into files
        of a folder of this process under the print root, and sys.inputs names only the
        folder: sys.inputs is part of the key of everything Typst memoises, so when it is the
        same for every document the evaluated lib.typ and the template's calls carry over from
        one document to the next (Typst re-reads a file whose content changed). Measured: 8 %
        of a document's compile. A volume part's XML and first page go there too, so that
        the part typeset again from another first page reuses its layout (parts.py); the
        matter takes its data in sys.inputs."""
        if template == DOCUMENT_TEMPLATE and set(extra) == {"tei", "tei-name"}:
            files = {"data.xml": data, "tei.xml": extra["tei"], "tei-name": extra["tei-name"]}
        elif template == PART_TEMPLATE and set(extra) == {"first"}:
            files = {"data.xml": data, "first": extra["first"]}
        else:
            return {"data": data, **extra}
        folder = self._inputs_folder()
        folder.mkdir(parents=True, exist_ok=True)
        for name, text in files.items():
            (folder / name).write_bytes(text.encode("utf-8"))
        return {"inputs": f"/{INPUTS_DIR}/{folder.name}"}

    def _inputs_folder(self) -> Path:
        return self.out_dir / PRINT_ROOT / INPUTS_DIR / str(os.getpid())

    def _warn(self, message: str, path: str, rule: str) -> None:
        diagnostic = Diagnostic(Severity.WARNING, message, path, rule=rule)
        self.diagnostics.append(diagnostic)
        if self.echo:
            print(diagnostic.format(), file=sys.stderr)

    # -- the volume -------------------------------------------------------------------------
    def volume_xml(self, edition: Edition) -> str:
        """The volume's XML (stage pdf-volume.xsl) over the outline of every document's cached
        print XML (toolkit/builders/volume.py: `outline`), read one at a time: the volume
        stage holds the metadata and keyed names of the edition, not its text. The parts
        load their documents again (`load_doc`)."""
        from toolkit.builders.volume import outline
        from toolkit.frontmatter import front_matter  # the volume's only (Markdown): not in workers
        self.prepare()
        if self._volume_stage is None:  # compiled on first use: the documents' workers never need it
            self._volume_stage = self._compile(VOLUME_STAGE)
        assert self._processor is not None
        sources = etree.Element("sources")
        sources.append(self.front_matter())
        sources.append(front_matter(self.config.edition, self.config.registers_dir))
        for document in edition.documents:
            cache = self.out_dir / PRINT_XML_DIR / f"{document.id}.xml"
            if not cache.is_file():
                write_atomic(cache, self.print_xml(document)[0].encode("utf-8"))
            sources.append(outline(self.load_doc(document.id)))
        for register in edition.registers():
            parse_xml_file(register)  # refuses DTD tricks before Saxon reads the file
            etree.SubElement(sources, "register", href=register.resolve().as_uri())
        stage = self._volume_stage
        stage.set_parameter("edition-title", self._processor.make_string_value(self.config.title))
        stage.set_parameter("edition-url", self._processor.make_string_value(self.config.url))
        try:
            node = self._processor.parse_xml(xml_text=etree.tostring(sources, encoding="unicode"))
            result = stage.transform_to_string(xdm_node=node)
        except PySaxonApiError as exc:
            raise ToolkitError(f"the volume stylesheet failed: {exc}", str(VOLUME_STAGE)) from None
        return result or ""

    def load_doc(self, document_id: str) -> etree._Element:
        """A document's <doc> from its cached print XML (written by this build's stage)."""
        path = self.out_dir / PRINT_XML_DIR / f"{document_id}.xml"
        return etree.parse(str(path), etree.XMLParser(huge_tree=True)).getroot()

    def front_matter(self) -> etree._Element:
        """The title page's facts from teikit.toml, as data for volume.typ: <edition subtitle
        publisher year> with <editor role>, <licence url> and <funder> children."""
        config = self.config.edition
        front = etree.Element("edition")
        for name, value in (("subtitle", config.subtitle), ("publisher", config.publisher),
                            ("year", str(config.year or ""))):
            if value:
                front.set(name, value)
        for editor in config.editors:
            node = etree.SubElement(front, "editor", role=editor.role)
            node.text = editor.name
            if editor.affiliation:
                node.set("affiliation", editor.affiliation)
        if config.licence.name:
            licence = etree.SubElement(front, "licence")
            licence.text = config.licence.name
            if config.licence.url:
                licence.set("url", config.licence.url)
        for funder in config.funders:
            etree.SubElement(front, "funder").text = funder
        return front

    def finish(self, edition: Edition, rebuilt: Sequence[Document]) -> list[Path]:
        # Imported here, not at the top: a worker that writes documents never needs the web
        # builder or pikepdf, and importing them cost each worker most of its start-up.
        from toolkit.builders.html import site_pdfs
        from toolkit.builders.parts import PartProcesses
        from toolkit.builders.volume import PARTS_DIR, VolumeAssembler, merge_volume
        from toolkit.builders.volumes import STAGE_XML, assembled, auto_notice, keep_stage, mark_assembled
        from toolkit.builders.volumes import plan_volumes
        from toolkit.builders.volumes import stage_current, stage_keys
        from toolkit.builders.volumes import volume_entry, volume_of, volume_order, write_list
        from toolkit import filestate
        self._remove_stale({d.id for d in edition.documents})
        # every document is typeset by now: an inputs folder left is a worker's that was killed
        shutil.rmtree(self.out_dir / PRINT_ROOT / INPUTS_DIR, ignore_errors=True)
        remove_unreferenced(self.out_dir / PRINT_ROOT, referenced_digests(  # images, thumbnails
            (d.path for d in edition.documents), self.config.source_dir.parent))
        settings = self.config.edition.print
        if not edition.documents:
            self._remove_volumes(set())
            return site_pdfs(self.config.output_dir)
        for document in edition.documents:  # a cache removed since: its worker wrote it
            cache = self.out_dir / PRINT_XML_DIR / f"{document.id}.xml"
            if not cache.is_file():
                write_atomic(cache, self.print_xml(document)[0].encode("utf-8"))
        self.parts_typeset = self.matter_typeset = self.volumes_merged = self.volumes_staged = 0
        self.volumes_assembled = 0
        # Typst keeps what it memoised for the life of the process (about 2 MB per document
        # typeset, measured): each part is typeset in a process of its own, which returns
        # that memory when it ends, so the volume's peak is one part's, not the edition's.
        with ProcessPoolExecutor(1, mp_context=multiprocessing.get_context("spawn"),
                                 max_tasks_per_child=1, initializer=die_with_parent,
                                 initargs=(os.getpid(),)) as pool:
            cut: list[Path] = []
            paths = {d.id: str(d.path) for d in edition.documents}
            def typeset(template: Path, data: str, extra: dict[str, str],
                        source: str) -> tuple[bytes, object]:
                # the matter too: its contents and index are the volume's, and Typst's
                # memory for them stayed with the parent (846 MB at 3,000 with it there)
                result = pool.submit(_typeset_part, self.config, template, data, extra, source,
                                     paths).result()
                if isinstance(result, Diagnostic):
                    raise ToolkitError(result.message, result.path, result.line, result.column, result.rule)
                pdf, report, warnings = result
                self.diagnostics.extend(warnings)  # printed by the child; counted here
                return pdf, report
            def merge(matter: Path, front: int, parts: Sequence[Path], out: Path) -> None:
                # in a process of its own too: what qpdf and Python allocated for the merge
                # goes back when it ends, not kept by the parent for the rest of the build
                try:
                    pool.submit(merge_volume, matter, front, parts, out).result()
                except BrokenProcessPool:
                    raise _merge_died([matter, *parts], out) from None
            # the volumes grouped first from each print XML's <doc> and <meta> (three strings
            # a document), then the volume stage over each volume's documents alone, in a
            # process of its own (Saxon's heap, not given back, is one volume's): the
            # parent holds one volume's XML at a time, not the edition's (pdf7: ~2 GB at 10,000)
            entries = volume_order(volume_entry(self.out_dir / PRINT_XML_DIR / f"{d.id}.xml")
                                   for d in edition.documents)
            volumes = plan_volumes(entries, settings.volume_by, settings.volume_size)
            notice = auto_notice(settings.volume_by, settings.volume_size, len(entries))
            if notice:  # "auto" split it: the user asked for no split, so they are told
                print(f"pdf: {notice}")
            del entries
            by_id = {d.id: d for d in edition.documents}
            stamp = self._volume_stamp()
            folders = [self.out_dir / PARTS_DIR if len(volumes) == 1 and v.file == VOLUME_NAME
                       else self.out_dir / PARTS_DIR / v.file.removesuffix(".pdf") for v in volumes]
            keys = stage_keys(volumes, self._stage_common(stamp, edition), self.out_dir / PRINT_XML_DIR)
            todo = [n for n, (f, k) in enumerate(zip(folders, keys)) if not stage_current(f, k)]
            staged: list[Path] | Diagnostic = []
            if todo:  # only the volumes whose documents (or anything shared) changed
                staged = pool.submit(_volume_xmls, self.config, [[by_id[i] for i in volumes[n].ids] for n in todo],
                                     self.out_dir / PARTS_DIR / STAGE_DIR).result()
            if isinstance(staged, Diagnostic):
                raise ToolkitError(staged.message, staged.path, staged.line, staged.column, staged.rule)
            made = dict(zip(todo, staged))
            self.volumes_staged = len(todo)
            # the parts over -j processes (parts.py), the same bytes as typeset in turn
            self._print_root()  # the templates in place before the parts' processes read them
            places = PartProcesses(self.config, min(self.config.jobs, os.cpu_count() or 1),
                                   str(self.config.source_dir), paths)
            for number, (volume, folder, key) in enumerate(zip(volumes, folders, keys)):
                # each its own parts, matter and page numbers; one assembled from these very
                # inputs is left alone, if its documents' own PDFs (cut from its parts, the TEI
                # attached) are there and from the same TEI
                whole = hashlib.sha256(key.encode())
                for identifier in volume.ids:
                    whole.update(filestate.sha256(by_id[identifier].path).encode())
                done = whole.hexdigest()
                if number not in made and assembled(folder, done, self.out_dir / volume.file) \
                        and all((self.out_dir / f"{i}.pdf").is_file() for i in volume.ids):
                    continue
                if number in made:
                    stage_xml = made[number].read_text("utf-8")
                    made[number].unlink()
                    keep_stage(folder, key, stage_xml)
                else:
                    stage_xml = (folder / STAGE_XML).read_text("utf-8")
                xml = volume_of(stage_xml, volume)
                del stage_xml
                assembler = VolumeAssembler(folder, stamp, typeset, places.place, PART_TEMPLATE,
                                            VOLUME_TEMPLATE, merge)
                assembler.assemble(xml, settings.part_size, str(self.config.source_dir),
                                   self.out_dir / volume.file, self.load_doc)
                del xml
                cut += self._cut(assembler, folder, edition)
                self.parts_typeset += assembler.typeset_parts
                self.matter_typeset += assembler.typeset_matter
                self.volumes_merged += assembler.merged
                mark_assembled(folder, done)
                self.volumes_assembled += 1
            self.diagnostics.extend(places.diagnostics)  # printed as each part was placed
            self.part_compiles = places.compiles
        write_list(self.out_dir, volumes)
        # those of another split go once these are written: a failed build leaves the last ones
        self._remove_volumes({v.file for v in volumes})
        targets = [self.out_dir / v.file for v in volumes]
        self.documents_cut = len(cut)
        return [*cut, *targets, *site_pdfs(self.config.output_dir)]  # the web edition links them

    def _cut(self, assembler: VolumeAssembler, folder: Path, edition: Edition) -> list[Path]:
        """Each document's own PDF cut from its part (offprints.py) when its part was typeset
        again, its TEI changed or its PDF is missing; `cuts.json` keeps what each was cut from."""
        from toolkit import filestate
        from toolkit.builders.offprints import Offprint, cut_key, cut_part
        paths = {d.id: d.path for d in edition.documents}
        record = folder / "cuts.json"
        try:
            previous: dict[str, str] = json.loads(record.read_text("utf-8"))
        except (FileNotFoundError, ValueError):
            previous = {}
        keys: dict[str, str] = {}
        written: list[Path] = []
        cuts: list[tuple[Path, list[Offprint]]] = []
        first = assembler.front + 1
        for part in assembler.parts:
            starts = sorted(part.starts.items(), key=lambda item: item[1])
            todo = []
            for number, (doc, page) in enumerate(starts):
                end = starts[number + 1][1] - 1 if number + 1 < len(starts) else part.pages
                offprint = Offprint(doc, page - 1, end, first + page - 1, (part.docs or {}).get(doc, {}),
                                    paths[doc], self.out_dir / f"{doc}.pdf")
                keys[doc] = cut_key(part.key, offprint, filestate.sha256(paths[doc]))
                if previous.get(doc) != keys[doc] or not offprint.target.is_file():
                    todo.append(offprint)
            if todo:
                cuts.append((part.pdf, todo))
                written += [o.target for o in todo]
            first += part.pages
        jobs = min(self.config.jobs, os.cpu_count() or 1, len(cuts))
        if jobs > 1:  # parts over -j processes (6 ms a document); one part's (a rebuild) here
            with ProcessPoolExecutor(jobs, mp_context=multiprocessing.get_context("spawn"),
                                     initializer=die_with_parent, initargs=(os.getpid(),)) as pool:
                for _ in pool.map(cut_part, *zip(*cuts)):
                    pass
        else:
            for pdf, todo in cuts:
                cut_part(pdf, todo)
        if keys != previous:
            write_atomic(record, json.dumps(keys, sort_keys=True).encode())
        return written

    def _stage_common(self, stamp: str, edition: Edition) -> str:
        """What the volume stage's output depends on besides its documents' print XML: the
        parts' stamp (stylesheets, fonts, configuration with its about texts), what it reads
        of the registers (the entries' names: labels, abbreviations; volumes.register_facts)
        and the code that makes the stage's input."""
        from toolkit.builders.base import file_hash
        from toolkit.builders.volumes import register_facts
        code = [Path(__file__).with_name(n) for n in ("volume.py", "volumes.py")]
        code.append(Path(__file__).parents[1] / "frontmatter.py")
        return "\0".join([stamp, register_facts(edition.registers(), self.config.root), file_hash(*code)])

    def _volume_stamp(self) -> str:
        """What shapes every part besides its documents: templates, fonts, configuration."""
        digest = hashlib.sha256()
        for path in self.inputs():
            digest.update(path.name.encode() + b"\0" + path.read_bytes())
        digest.update(self.environment().encode())
        digest.update(self.config.fingerprint().encode())
        return digest.hexdigest()

    def _typeset_reporting(self, template: Path, data: str, extra: dict[str, str],
                           source: str) -> tuple[bytes, object]:
        """Typeset a part or the matter, then query what it reports (<tk-part>, <tk-back>)."""
        # a part tagged (PDF/UA-1), since its documents' own PDFs are cut from it; the matter not
        compiler = self._typst()
        label = "<tk-part>" if template == PART_TEMPLATE else "<tk-back>"
        try:  # the query compiles again (memoised): a part's input files are still there
            pdf = self._typeset(template, data, source, extra, template == PART_TEMPLATE)
            report = json.loads(compiler.query(label, field="value", one=True, format="json"))
        except (typst.TypstError, ValueError) as exc:
            raise ToolkitError(f"{template.name} reported nothing ({label}): {exc}", source) from None
        finally:
            shutil.rmtree(self._inputs_folder(), ignore_errors=True)
        return pdf, report

    def _remove_volumes(self, keep: set[str]) -> None:
        """The volumes of another split ([print] volume_by changed, a year or collection gone),
        their parts and matter, and the list of volumes when there is none: edition.pdf when
        the volumes are split, edition-*.pdf when they are not."""
        from toolkit.builders.volume import PARTS_DIR
        from toolkit.builders.volumes import VOLUMES_JSON
        for path in [self.out_dir / VOLUME_NAME, *self.out_dir.glob("edition-*.pdf")]:
            if path.name not in keep:
                path.unlink(missing_ok=True)
        parts = self.out_dir / PARTS_DIR
        for folder in parts.iterdir() if parts.is_dir() else ():
            if folder.is_dir() and f"{folder.name}.pdf" not in keep:
                shutil.rmtree(folder, ignore_errors=True)
        if VOLUME_NAME not in keep:  # the single volume's parts lie in volume-parts/ itself
            for path in parts.glob("*.*") if parts.is_dir() else ():
                path.unlink()
        if not keep:
            (self.out_dir / VOLUMES_JSON).unlink(missing_ok=True)

    def _remove_stale(self, ids: set[str]) -> None:
        """The PDF and print XML of a document that left the edition go with it."""
        cache = self.out_dir / PRINT_XML_DIR
        for print_xml in cache.glob("*.xml") if cache.is_dir() else ():
            if print_xml.stem not in ids:
                (self.out_dir / f"{print_xml.stem}.pdf").unlink(missing_ok=True)
                print_xml.unlink()


def _typeset_part(config: BuildConfig, template: Path, data: str, extra: dict[str, str],
                  source: str, paths: dict[str, str] | None = None
                  ) -> tuple[bytes, object, list[Diagnostic]] | Diagnostic:
    """Runs in a process of its own: one part of the volume or its matter (fonts loaded, no
    stylesheets); its warnings are printed by the child (stderr is the parent's) and returned,
    so that the build's summary counts them. A ToolkitError comes back as its Diagnostic
    (pickling an exception would lose its place)."""
    builder = PdfBuilder(config)
    builder.document_paths = paths or {}
    try:
        # the print root, as the parent's compiler: the templates and the documents' images
        builder._compiler = typst.Compiler(root=str(builder._print_root()), font_paths=builder.font_dirs(),
                                           ignore_system_fonts=True)
        pdf, report = builder._typeset_reporting(template, data, extra, source)
        return pdf, report, builder.diagnostics
    except ToolkitError as error:
        return error.diagnostic


def _volume_xmls(config: BuildConfig, volumes: list[list[Document]], folder: Path) -> list[Path] | Diagnostic:
    """Runs in a process of its own: the volume stage over each volume's documents' outlines
    in turn, each written to FOLDER/N.xml for the parent to read one at a time (returned, the
    volumes' XML would all be in the parent at once). Saxon's heap, reused from one volume to
    the next, is the largest volume's and goes back when the process ends. A ToolkitError
    comes back as its Diagnostic."""
    builder = PdfBuilder(config)
    shutil.rmtree(folder, ignore_errors=True)  # a killed build's
    written = []
    try:
        for number, documents in enumerate(volumes, start=1):
            path = folder / f"{number}.xml"
            write_atomic(path, builder.volume_xml(Edition(config, documents)).encode("utf-8"))
            written.append(path)
        return written
    except ToolkitError as error:
        return error.diagnostic

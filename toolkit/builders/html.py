"""The web edition: TEI to a static HTML site with XSLT 3.0 (Saxon), searchable with Pagefind.

Per document (in worker processes): `xslt/html/document.xsl` writes `html/ID.html` and, as
secondary results, a small page of its text for the search index with, at its end, a small
XML record (metadata and register mentions), one private file `.html-records/ID.html`
(`html_state.split_record` parts them), and its citation as CSL-JSON,
BibTeX and RIS (`html/cite/ID.*`); the TEI source is copied to `html/tei/ID.xml` for
download. Paragraph ids are the DTS references, computed here with the DTS server's code
(`citation_refs`). Once per build, `finish` runs `xslt/html/edition.xsl` on the records for
the index, timeline, search, about and abbreviations pages and, from the mentions on the
pages to make (`html_registers`), the register pages, fills in each
document page's previous/next links (`_link_sequence`), copies the static assets
(`xslt/html/assets/`) and builds the Pagefind index. Records are what make incremental builds cheap: the edition pages are
rebuilt from them without re-reading unchanged documents, and only the pages a change touches
(`html_state`: what each document contributes, kept between builds); the search index is in
shards, each re-indexed only when one of its documents changed (`_search_index`).
"""

from __future__ import annotations

import contextlib
import functools
import hashlib
import html
import json
import os
import re
import shutil
import subprocess
import tempfile
from concurrent.futures import ThreadPoolExecutor
from collections.abc import Iterator, Mapping, Sequence
from pathlib import Path
from typing import Any, ClassVar
from urllib.parse import quote_from_bytes

from lxml import etree
from saxonche import (  # type: ignore[import-not-found]
    PySaxonApiError, PySaxonProcessor, PyXdmNode, PyXsltExecutable,
)

from toolkit.builders import html_registers, html_state
from toolkit import filestate
from toolkit.builders.base import BuildConfig, Document, Edition, file_hash
from toolkit.builders.epub_registers import document_keys, entry_pages
from toolkit.builders.html_context import mention_contexts
from toolkit.builders.html_pdfs import site_pdfs as site_pdfs  # pdf.py mirrors its PDFs too
from toolkit.builders.html_state import RECORD_SUFFIX, STATE_NAME, Contribution, EditionState, contributions
from toolkit.builders.epub import epub_name
from toolkit.builders.pagefind_index import check_index, drop_interfaces, reproducible_index
from toolkit.builders.images import local_images, mark_images, publish_images
from toolkit.builders.images import referenced_digests, remove_unreferenced
from toolkit.builders.thumbnails import scan_only
from toolkit.builders.images import report as report_images
from toolkit.builders.safety import staging_dir
from toolkit.errors import InputError, ToolkitError
from toolkit.facsimile import web as facsimile
from toolkit.frontmatter import abbreviations, front_matter
from toolkit.output import write_atomic
from toolkit.resources import xslt_dir
from toolkit.server.citations import schemes
from toolkit.safe_xml import parse_xml, read_bytes
from toolkit.tei import TEI_NS

XSLT = xslt_dir()
HTML_XSLT = XSLT / "html"
ASSETS = HTML_XSLT / "assets"
REGISTER_NAMES = ("persons", "places", "organisations")
_XML_DECLARATION = re.compile(rb"^\s*<\?xml[^>]*\?>\s*")
_PRIVATE_FILES = (".manifest-", ".html-records")
#: the edition pages made with the index (besides its further pages, index-N.html)
_INDEX_GROUP = ("index.html", "timeline.html", "about.html", "documents.json")
#: the citation files written beside each page, as cite/ID.SUFFIX
CITATION_FORMATS = ("json", "bib", "ris")
#: the previous/next links of a document page, filled in once every record is known
_SEQUENCE = re.compile(r'(<nav class="tk-sequence"[^>]*>)(.*?)(</nav>)', re.DOTALL)


@functools.cache
def processor() -> PySaxonProcessor:
    """One Saxon processor per process (SaxonC keeps one VM per process anyway)."""
    return PySaxonProcessor(license=False)


def _text(value: object) -> str:
    """A text result document's characters (str() would serialise it as XML: &amp;, &#xD;)."""
    head = getattr(value, "head", None)
    return str(head.string_value) if head is not None else str(value)


def _message(error: Exception) -> str:
    return " ".join(str(error).split())[:500]


@contextlib.contextmanager
def _saxon_quiet() -> Iterator[None]:
    """Saxon's native code prints a stack of templates to stderr on a dynamic error; the
    user gets the error as one line from us instead (no tracebacks, ever)."""
    saved = os.dup(2)
    devnull = os.open(os.devnull, os.O_WRONLY)
    try:
        os.dup2(devnull, 2)
        yield
    finally:
        os.dup2(saved, 2)
        os.close(saved)
        os.close(devnull)


class HtmlBuilder:
    """`teikit build --only html`: the web edition under `<output>/html/`."""

    name: ClassVar[str] = "html"

    def __init__(self, config: BuildConfig) -> None:
        self.config = config
        self.site = config.output_dir / "html"
        self.records = config.output_dir / ".html-records"
        self._document: PyXsltExecutable | None = None
        self._records_uri = ""  # self.records as a file: URI (prepare)
        self._edition: PyXsltExecutable | None = None
        self._registers: PyXdmNode | None = None
        self._front: PyXdmNode | None = None
        self._entry_list: list[tuple[str, str]] | None = None
        self._order: list[tuple[str, str, str]] = []  # (id, title, date) in date order
        self.pages_made: list[str] = []  # the edition pages the last finish made (written or not)

    # -- the lifecycle ---------------------------------------------------------------------
    def inputs(self) -> Sequence[Path]:
        own = [Path(__file__), Path(__file__).with_name("html_context.py"),
               Path(__file__).parents[1] / "frontmatter.py"]
        own += sorted(p for p in (XSLT / "common").rglob("*") if p.is_file())
        own += sorted(p for p in HTML_XSLT.rglob("*") if p.is_file())
        return own

    def environment(self) -> str:
        return ""  # pages depend on nothing installed but the stylesheets (inputs)

    def register_keys(self, documents: Sequence[Document]) -> dict[str, str]:
        """What each document's page takes from the registers (base.RegisterScoped): the kind
        and label of each entry its names could point to (links, the search page's person
        filter), and for every page which registers have entries and whether there are
        abbreviations (the navigation). A note edited in an entry then remakes the register pages alone:
        every page of the edition before (24 s of CPU at 1,000 documents)."""
        table: dict[str, Any] = {}
        sizes = {"persons": 0, "places": 0, "organisations": 0}
        for path in self._register_paths():
            for ident, entry in filestate.fact(path, "html-entry-pages",
                                               functools.partial(entry_pages, path=str(path))).items():
                table.setdefault(ident, entry)
            for kind, count in filestate.fact(path, "html-register-sizes", register_sizes).items():
                sizes[kind] += count
        organisations = self.config.registers_dir / "organisations.xml"
        abbreviated = organisations.is_file() and bool(filestate.fact(
            organisations, "has-abbreviations", functools.partial(_has_abbreviations, organisations)))
        # the navigation lists a register when it has entries: an entry added changes no page
        shown = sorted(kind for kind, count in sizes.items() if count)
        return document_keys(table, documents, json.dumps([shown, abbreviated]))

    def edition_stamp(self) -> str:
        """The EPUB's presence and the print volumes, which the edition pages link (base.
        RegisterScoped): an EPUB or PDF built after the site (`--only html`, then the others)
        left the about and index pages without them until a document changed, whose rebuild
        then made every edition page (50 s at 10,000)."""
        book = self.site / "epub" / epub_name(self.config)
        return json.dumps([book.is_file(), self._pdf_volumes()])

    def prepare(self) -> None:
        """Compile the document stylesheet and parse the registers, once per process."""
        self._registers = self._load_registers()
        # The front matter print and EPUB read too (toolkit.frontmatter): the about texts as
        # TEI and the abbreviations, so that the web has no rule of its own for either.
        front = front_matter(self.config.edition, self.config.registers_dir)
        self._front = processor().parse_xml(xml_text=etree.tostring(front, encoding="unicode"))
        self._document = self._configure(self._compile(HTML_XSLT / "document.xsl"))
        self._records_uri = self.records.absolute().as_uri()
        # The record (in the search page) and the citations are small: captured in memory.
        self._document.set_capture_result_documents(True, False)
        # counted once here, not on every page (page.xsl's tk:register-size)
        self._document.set_parameter("register-sizes", processor().make_string_value(
            json.dumps(register_sizes(self._registers_xml()), sort_keys=True)))

    def _configure(self, executable: PyXsltExecutable) -> PyXsltExecutable:
        proc = processor()
        executable.set_parameter("edition-title", proc.make_string_value(self.config.title))
        executable.set_parameter("base-url", proc.make_string_value(self.config.url))
        executable.set_parameter("date-format",
                                 proc.make_string_value(self.config.edition.date_format or "day-month-year"))
        executable.set_parameter("registers", self._registers)
        executable.set_parameter("front", self._front)
        executable.set_parameter("edition", proc.make_string_value(edition_json(self.config)))
        # The print edition's PDFs are mirrored into the site as pdf/ID.pdf and pdf/edition.pdf
        # (site_pdfs); the pages link them relatively, so the links hold on disk and when the
        # site folder alone is served.
        executable.set_parameter("pdf", proc.make_boolean_value(True))
        # split into volumes ([print] volume_by): the print build, which runs first, lists them
        executable.set_parameter("pdf-volumes", proc.make_string_value(self._pdf_volumes()))
        return executable

    def write_one(self, document: Document) -> list[Path]:
        assert self._document is not None, "prepare() was not called"
        data = read_bytes(document.path)
        root = parse_xml(data, str(document.path)).getroot()  # refuses DTD tricks first
        if root.tag != f"{{{TEI_NS}}}TEI":
            raise InputError(f"not a TEI document: the root element is {root.tag!r}, expected "
                             f"TEI in the namespace {TEI_NS}", str(document.path), 1)
        images, warnings = local_images(root, document.path, self.config.source_dir.parent)
        report_images(warnings)
        mark_images(root, images)  # for Saxon only: the published TEI is the document as it is
        proc = processor()
        try:
            text = etree.tostring(root.getroottree(), encoding="unicode") if images else data.decode("utf-8")
            node = proc.parse_xml(xml_text=text)
            ident = document.id
            self._document.set_parameter("doc-id", proc.make_string_value(ident))
            self._document.set_parameter("citations", proc.make_string_value(citation_refs(root)))
            self._document.set_parameter("contexts", proc.make_string_value(mention_contexts(root)))
            # the scanned original as static IIIF (tiles cached by content), and its pages
            pages, scans = facsimile.publish_document(root, document, self.config, self.site)
            self._document.set_parameter("facsimile-pages", proc.make_string_value(pages))
            # Path.as_uri's own quoting, of the folder once (prepare) and of the id here
            self._document.set_base_output_uri(f"{self._records_uri}/{quote_from_bytes(os.fsencode(ident + '-'))}")
            with _saxon_quiet():
                page = self._document.transform_to_string(xdm_node=node)
            results = self._document.get_result_documents() or {}
        except (PySaxonApiError, UnicodeDecodeError) as error:
            raise InputError(f"cannot render {document.path} as HTML: {_message(error)}",
                             str(document.path)) from None
        record = next((str(v) for k, v in results.items() if k.endswith("record.html")), None)
        # text results: their string value (str() would serialise them as XML, escaping & and <)
        citations = {suffix: next((_text(v) for k, v in results.items()
                                   if k.endswith(f"cite.{suffix}")), None)
                     for suffix in CITATION_FORMATS}
        if page is None or record is None or None in citations.values():
            raise InputError(f"the HTML stylesheet produced no page for {document.path}",
                             str(document.path))
        # string paths, each written once: pathlib's joins were ~0.1 ms of a page (web16)
        site = str(self.site)
        outputs = [(f"{site}/{ident}.html", page.encode("utf-8")), (f"{site}/tei/{ident}.xml", data),
                   # the search page with the record in it: one new file, not two (a new
                   # file's inode is most of a small write's cost: 53 of 82 us, web15)
                   (f"{self.records}/{ident}{RECORD_SUFFIX}", record.encode("utf-8"))]
        outputs += [(f"{site}/cite/{ident}.{suffix}", body.encode("utf-8"))
                    for suffix, body in citations.items() if body is not None]
        for target, body in outputs:
            write_atomic(target, body)
        facsimile_only = scan_only(root, images)  # scans: shown as their IIIF tiles, not copied
        written = [Path(target) for target, _body in outputs[:3]]
        written += [*scans, *publish_images([i for i in images if i.url not in facsimile_only], self.site)]
        return written + [Path(target) for target, _body in outputs[3:]]

    def finish(self, edition: Edition, rebuilt: Sequence[Document]) -> list[Path]:
        """Edition pages, assets and the search index, from the records of every document."""
        assert self._registers is not None, "prepare() was not called"
        written: list[Path] = []
        rebuilt_ids = {d.id for d in rebuilt}
        present = self._present()
        for document in edition.documents:  # outputs removed by hand since the last build
            if document.id not in rebuilt_ids and not self._complete(document, present):
                written.extend(self.write_one(document))
                rebuilt_ids.add(document.id)
        self._remove_stale({d.id for d in edition.documents})
        remove_unreferenced(self.site, referenced_digests(  # images no document shows any more
            (d.path for d in edition.documents), self.config.source_dir.parent))
        # A new edition (teikit init) has no documents yet: its pages are made all the same.
        for folder in (self.site, self.records):
            folder.mkdir(parents=True, exist_ok=True)
        # what each document gives the edition pages, against the last build's (html_state)
        state_path = self.records / STATE_NAME
        previous = EditionState.load(state_path)
        ids = [d.id for d in edition.documents]
        current = contributions(ids, self.records, previous, rebuilt_ids)
        skeleton, registers = html_registers.register_state(self._register_paths(), self.config.root)
        shared = self._shared(skeleton)
        plan = html_state.plan(previous, shared, current, self.site, self.config.force, registers)
        state = EditionState(shared, current, previous.order if previous and not plan.index else [],
                             registers=registers)
        with ThreadPoolExecutor(1) as pool:
            # Pagefind indexes in its own process while Saxon makes the edition pages here.
            search = pool.submit(self._search_index, current, None if plan.full else previous, state)
            pages, made = self._edition_pages(edition, plan, previous, current)
            written.extend(pages)
            state.pages = made
            if plan.index or plan.full:
                state.order = self._order
            written.extend(self._link_sequence(state.order, rebuilt_ids))
            written.extend(self._copy_assets())
            written.extend(search.result())
        state.save(state_path)
        written.extend(site_pdfs(self.config.output_dir))  # PDFs built before this site
        _make_readable(self.site, None if plan.full else written)
        return written

    def _shared(self, skeleton: str) -> str:
        """What every edition page depends on: the builder's files, the registers' skeleton
        (what is outside their entries: `html_registers.entry_digests`) and the abbreviations
        (the abbreviations page lists them from the organisations' names), the configuration,
        whether the site has the EPUB (the about page links it), Pagefind."""
        book = self.site / "epub" / epub_name(self.config)
        organisations = self.config.registers_dir / "organisations.xml"
        listed = filestate.fact(organisations, "abbreviations", functools.partial(
            _abbreviations, organisations)) if organisations.is_file() else []
        return hashlib.sha256("\0".join([
            file_hash(*self.inputs()), skeleton, json.dumps(listed),
            self.config.fingerprint(), str(book.is_file()), html_state.environment_stamp(),
            self._pdf_volumes(),  # the about and index pages link the print volumes
        ]).encode()).hexdigest()

    # -- helpers -----------------------------------------------------------------------------
    def _pdf_volumes(self) -> str:
        """build/pdf/volumes.json as the edition pages' `pdf-volumes` ('[]': one edition.pdf)."""
        from toolkit.builders.volumes import read_list
        return json.dumps(read_list(self.config.output_dir / "pdf"), ensure_ascii=False)

    def _compile(self, path: Path) -> PyXsltExecutable:
        compiler = processor().new_xslt30_processor()
        try:
            return compiler.compile_stylesheet(stylesheet_file=str(path))
        except PySaxonApiError as error:
            raise ToolkitError(f"stylesheet does not compile: {_message(error)}", str(path)) from None

    def _load_registers(self) -> PyXdmNode:
        """The registers as one document: `<tk:registers>` holding each register's TEI."""
        return processor().parse_xml(xml_text=self._registers_xml().decode("utf-8"))

    def _register_paths(self) -> list[Path]:
        """The register files in the order the registers document joins them (the first entry
        of an id is the one key() finds)."""
        folder = self.config.registers_dir
        named = [folder / f"{name}.xml" for name in REGISTER_NAMES if (folder / f"{name}.xml").exists()]
        return named + [p for p in sorted(folder.glob("*.xml")) if p.stem not in REGISTER_NAMES]

    def _registers_xml(self) -> bytes:
        parts = [b'<tk:registers xmlns:tk="https://teikit.org/ns">']
        for path in self._register_paths():
            data = read_bytes(path)
            parse_xml(data, str(path))
            parts.append(_XML_DECLARATION.sub(b"", data))
        parts.append(b"</tk:registers>")
        return b"".join(parts)

    def _outputs(self, identifier: str) -> list[Path]:
        """Every file a document's rendering writes (its record last)."""
        return [self.site / f"{identifier}.html", self.site / "tei" / f"{identifier}.xml",
                *(self.site / "cite" / f"{identifier}.{suffix}" for suffix in CITATION_FORMATS),
                self.records / f"{identifier}{RECORD_SUFFIX}"]

    def _present(self) -> list[tuple[frozenset[str], str]]:
        """The files of each folder a document's outputs go to, one listing per folder (a
        stat of its 8 outputs per unchanged document was 0.7 s of a one-document rebuild at
        1,000 documents), with the pattern of an output's name in it (`_complete`)."""
        present: dict[Path, frozenset[str]] = {}
        wanted = []
        for path in self._outputs("\0"):
            if path.parent not in present:
                try:
                    with os.scandir(path.parent) as entries:  # is_file: a dangling link is no output
                        present[path.parent] = frozenset(e.name for e in entries if e.is_file())
                except (FileNotFoundError, NotADirectoryError):
                    present[path.parent] = frozenset()
            wanted.append((present[path.parent], path.name))
        return wanted

    @staticmethod
    def _complete(document: Document, present: Sequence[tuple[frozenset[str], str]]) -> bool:
        """Every output of the document is in its folder's listing; names, not Paths: the 8
        Paths per unchanged document were 0.5 s of a one-document rebuild at 1,000."""
        identifier = document.id
        return all(name.replace("\0", identifier) in names for names, name in present)

    def _remove_stale(self, ids: set[str]) -> None:
        """Pages of documents that left the edition go with them; the private files of the
        layout before web15 (a record `ID.xml` and a search page `search/ID.html`) go."""
        if not self.records.is_dir():
            return
        for record in self.records.glob(f"*{RECORD_SUFFIX}"):
            if record.stem not in ids:
                for path in self._outputs(record.stem):
                    path.unlink(missing_ok=True)
                facsimile.remove(self.site, record.stem)
        for old in self.records.glob("*.xml"):  # a record of the older layout
            if old.stem not in ids:  # its document left the edition too
                for path in self._outputs(old.stem):
                    path.unlink(missing_ok=True)
                facsimile.remove(self.site, old.stem)
            old.unlink()
        shutil.rmtree(self.records / "search", ignore_errors=True)

    def _edition_pages(self, edition: Edition, plan: html_state.Plan, previous: EditionState | None,
                       current: Mapping[str, Contribution]) -> tuple[list[Path], list[str]]:
        """The edition pages the plan asks for, and the names of all edition pages now in
        the site (those made, and the last build's that were not to be made again).

        Three kinds of transform of `edition.xsl`, none over the whole edition's mentions:
        the index group over every record without its mentions; each register entry's pages
        to make over the mentions on them, in batches of bounded size; a register's page
        over its entries' kept articles (`html_registers`)."""
        kept = [] if plan.full or previous is None else previous.pages
        if not plan.anything:
            return [], kept
        ids = [d.id for d in edition.documents]
        entries = self._entries()
        size = self.config.edition.web.register_page_size
        layout = html_registers.layouts(ids, current, size)
        before = {} if plan.full or previous is None else previous.documents
        last = html_registers.layouts(list(before), before, size) if before else {}
        fragments = self.records / "entries"
        work = html_registers.plan(entries, None if plan.full else plan.entries, last, layout,
                                   before, current, fragments, plan.edited)
        executable = self._edition_executable()
        area = staging_dir(self.config.output_dir)
        area.mkdir(parents=True, exist_ok=True)
        staging = Path(tempfile.mkdtemp(prefix="pages-", dir=area))
        try:
            spool = html_registers.Spool(staging / "spool")
            listing = html_registers.scan(self.records, ids, work.documents(layout), spool,
                                          plan.full or plan.index)
            if listing is not None:
                executable.set_parameter("make-index", processor().make_boolean_value(True))
                executable.set_parameter("make-static", processor().make_boolean_value(plan.full))
                self._transform(executable, listing, staging)
            for batch in html_registers.batches(work, layout, spool):
                self._transform(executable, batch, staging)
            # a register's page reads its entries themselves too (sort keys, the places' map)
            kinds = set(REGISTER_NAMES) if plan.full else {k for k, e in entries if e in plan.edited}
            for kind, entry in work.pages:
                made_fragment = staging / kind / f"{entry}.xml"
                if made_fragment.is_file():
                    kept_fragment = fragments / kind / made_fragment.name
                    if not (kept_fragment.is_file() and _same_bytes(made_fragment, kept_fragment)):
                        kept_fragment.parent.mkdir(parents=True, exist_ok=True)
                        os.replace(made_fragment, kept_fragment)
                        kinds.add(kind)
            if plan.full:  # the articles of entries no longer in the registers
                wanted = {f"{kind}/{entry}.xml" for kind, entry in entries}
                for old in fragments.glob("*/*.xml"):
                    if f"{old.parent.name}/{old.name}" not in wanted:
                        old.unlink()
            for kind in sorted(kinds):
                self._transform(executable, html_registers.fragments(fragments, kind, entries), staging)
            written = []
            made = set()
            for page in [*sorted(staging.glob("*.html")), *staging.glob("documents.json")]:
                target = self.site / page.name
                made.add(page.name)
                if target.is_file() and _same_bytes(page, target):
                    continue  # made again the same: the published file is left alone
                os.replace(page, target)
                written.append(target)
            self.pages_made = sorted(made)  # tests read it: which edition pages this build made
            ids_set = set(ids)
            if plan.full or plan.index:
                order = etree.parse(str(staging / "sequence.xml")).getroot()
                self._order = [(d.get("id", ""), d.get("title", ""), d.get("date-label", "")) for d in order]
                self._remove_stale_index_pages(made, ids_set)
            if plan.full:
                removed = self._remove_stale_register_pages(made, ids_set)
            else:
                removed = {name for name in work.stale if name not in made}
                for name in removed:
                    (self.site / name).unlink(missing_ok=True)
            if plan.index:  # the index group was made whole: what it did not make is gone
                removed |= {n for n in kept if n.startswith("index-") or n in _INDEX_GROUP}
            return written, sorted(made | {n for n in kept if n not in removed})
        finally:
            shutil.rmtree(staging, ignore_errors=True)

    def _entries(self) -> list[tuple[str, str]]:
        """(kind, id) of each register entry that has a page, once per process."""
        if self._entry_list is None:
            root = etree.fromstring(self._registers_xml(), etree.XMLParser(resolve_entities=False, no_network=True))
            self._entry_list = list(html_registers.register_entries(root))
        return self._entry_list

    def _edition_executable(self) -> PyXsltExecutable:
        """`edition.xsl`, compiled when a page is to be made (only the process that finishes)."""
        if self._edition is None:
            self._edition = self._configure(self._compile(HTML_XSLT / "edition.xsl"))
            self._edition.set_parameter("register-page-size", processor().make_integer_value(
                self.config.edition.web.register_page_size))  # long registers in pages (#13)
            self._edition.set_parameter("index-page-size", processor().make_integer_value(
                self.config.edition.web.index_page_size))  # a large index in pages (#13)
        # The EPUB builder runs first in a full build and puts the book in html/epub/.
        book = Path("epub") / epub_name(self.config)
        self._edition.set_parameter("epub", processor().make_string_value(
            book.as_posix() if (self.site / book).is_file() else ""))
        return self._edition

    def _transform(self, executable: PyXsltExecutable, source: bytes, staging: Path) -> None:
        """One transform of `edition.xsl`; Saxon writes its pages into `staging` itself,
        so that its HTML5 serialiser applies."""
        proc = processor()
        try:
            node = proc.parse_xml(xml_text=source.decode("utf-8"))
            executable.set_base_output_uri(staging.as_uri() + "/edition")
            with _saxon_quiet():
                executable.transform_to_string(xdm_node=node)
        except PySaxonApiError as error:
            if "Failure writing" in str(error):  # Saxon's words for a write that failed
                full = shutil.disk_usage(staging).free < 1024 * 1024
                raise ToolkitError(f"cannot write {staging}: {'the disk is full' if full else _message(error)}; "
                                   "the published pages are unchanged", str(staging)) from None
            raise ToolkitError(f"cannot build the edition pages: {_message(error)}",
                               str(HTML_XSLT / "edition.xsl")) from None

    def _link_sequence(self, order: list[tuple[str, str, str]], rendered: set[str]) -> list[Path]:
        """Previous and next in date order, written into each document page's `nav.tk-sequence`
        (empty when the page was just rendered). The links last written are kept in the
        records (sequence.json), so that only pages just rendered or whose neighbours changed
        are read and rewritten: a build that adds one document touches three pages."""
        state = self.records / "sequence.json"
        try:
            kept = json.loads(state.read_text("utf-8"))
        except (OSError, ValueError):
            kept = {}
        kept = kept if isinstance(kept, dict) else {}
        # the links follow from the order alone: when it is the one they were made from, only
        # the pages just rendered need theirs (no string made per document: 10,000 of them)
        stamp = hashlib.sha256(json.dumps(order, ensure_ascii=False).encode("utf-8")).hexdigest()
        kept_links = kept.get("links")
        previous: dict[str, str] = kept_links if isinstance(kept_links, dict) else {}
        if previous and kept.get("order") == stamp:
            order_ids = {identifier for identifier, _title, _date in order}
            return self._write_links({i: previous[i] for i in sorted(rendered)
                                      if i in order_ids and i in previous})
        current: dict[str, str] = {}
        changed: dict[str, str] = {}
        for index, (identifier, _title, _date) in enumerate(order):
            content = current[identifier] = sequence_nav(order, index)
            if identifier in rendered or previous.get(identifier) != content:
                changed[identifier] = content
        written = self._write_links(changed)
        if current != previous or kept.get("order") != stamp:
            write_atomic(state, json.dumps({"order": stamp, "links": current}, ensure_ascii=False,
                                           sort_keys=True).encode("utf-8"))
        return written

    def _write_links(self, links: Mapping[str, str]) -> list[Path]:
        """Each page's previous/next links (document id -> the nav's content) put in it."""
        written = []
        for identifier, content in links.items():
            path = self.site / f"{identifier}.html"
            try:
                page = path.read_text("utf-8")
            except OSError:
                continue
            linked = _SEQUENCE.sub(lambda m: m.group(1) + content + m.group(3), page, count=1)
            if linked != page:
                write_atomic(path, linked.encode("utf-8"))
                written.append(path)
        return written

    def _remove_stale_register_pages(self, made: set[str], ids: set[str]) -> set[str]:
        """A register's further pages (KIND-ID-N.html) that a full build did not make; their
        names."""
        removed = set()
        for kind in REGISTER_NAMES:
            for page in self.site.glob(f"{kind}-*-*.html"):
                if page.name in made or page.stem in ids or not page.stem.rsplit("-", 1)[1].isdigit():
                    continue
                page.unlink()
                removed.add(page.name)
        return removed

    def _remove_stale_index_pages(self, made: set[str], ids: set[str]) -> None:
        """Pages of the index (index-N.html) and documents.json that this build did not make
        again: the edition shrank, or fell below [web] index_page_size."""
        for page in self.site.glob("index-*.html"):
            if page.name not in made and page.stem not in ids and page.stem[len("index-"):].isdigit():
                page.unlink()
        if "documents.json" not in made:
            (self.site / "documents.json").unlink(missing_ok=True)

    def _copy_assets(self) -> list[Path]:
        """The static assets; a file already there with the same bytes is left alone."""
        written = []
        for source in sorted(ASSETS.rglob("*")):
            if source.is_file():
                target = self.site / "assets" / source.relative_to(ASSETS)
                data = source.read_bytes()
                if not (target.is_file() and target.read_bytes() == data):
                    write_atomic(target, data)
                    written.append(target)
        return written + facsimile.copy_viewer(self.site)

    def _search_index(self, current: Mapping[str, Contribution], previous: EditionState | None,
                      state: EditionState) -> list[Path]:
        """Pagefind's index in shards (`html_state.shards`): one index per fixed bucket of
        documents, `pagefind/N/`, made again only when one of its search pages changed and
        swapped in alone; `pagefind/shards.json` lists them and the search page merges them
        (Pagefind's `mergeIndex`), so that one changed document re-indexes a few hundred
        pages, not the edition.

        A shard indexes the small search pages of the records (same file names, so the same
        URLs as the document pages), not the full pages: half the work for the same words. The
        record at the end of each is outside its `data-pagefind-body`: not indexed."""
        target = self.site / "pagefind"
        wanted = html_state.shards(current, html_state.environment_stamp())
        state.shards = {name: digest for name, (digest, _ids) in wanted.items()}
        if not wanted:
            shutil.rmtree(target, ignore_errors=True)  # no documents: nothing to index (Pagefind refuses)
            return []
        listing = target / "shards.json"
        last = previous.shards if previous is not None and listing.is_file() else {}
        # staged outside the published site (an interrupted build leaves nothing in it), on
        # the same file system, so that each swap is two renames
        area = staging_dir(self.config.output_dir)
        area.mkdir(parents=True, exist_ok=True)
        written = []
        for name, (digest, ids) in wanted.items():
            if last.get(name) == digest and (target / name / "pagefind-entry.json").is_file():
                continue
            staging = Path(tempfile.mkdtemp(prefix="pagefind-", dir=area))
            retired = area / f"{staging.name}-previous"
            try:
                pages, index = staging / "pages", staging / "index"
                pages.mkdir()
                for identifier in ids:
                    _link(self.records / f"{identifier}{RECORD_SUFFIX}", pages / f"{identifier}.html")
                _pagefind(pages, index)
                check_index(index, len(ids))
                reproducible_index(index)
                drop_interfaces(index)
                target.mkdir(parents=True, exist_ok=True)
                shard = target / name
                if shard.exists():
                    shard.rename(retired)
                index.rename(shard)
                written.append(shard)
            finally:
                for leftover in (staging, retired):
                    if leftover.exists():
                        shutil.rmtree(leftover, ignore_errors=True)
        names = json.dumps(list(wanted)).encode("utf-8")
        if not (listing.is_file() and listing.read_bytes() == names):
            write_atomic(listing, names)  # last: it names only shards in place
            written.append(listing)
        for stale in target.iterdir():  # shards no longer wanted, an index of the older layout
            if stale.name not in wanted and stale != listing:
                if stale.is_dir():
                    shutil.rmtree(stale, ignore_errors=True)
                else:
                    stale.unlink()
        return written


def _same_bytes(one: Path, other: Path) -> bool:
    return one.stat().st_size == other.stat().st_size and one.read_bytes() == other.read_bytes()


def _link(source: Path, target: Path) -> None:
    """A hard link (no copy), or a copy where the file system has none."""
    try:
        os.link(source, target)
    except OSError:
        shutil.copyfile(source, target)


def sequence_nav(order: Sequence[tuple[str, str, str]], index: int) -> str:
    """The previous/next links of the `index`th document of `order` (id, title, date label)."""
    links = []
    for rel, label, neighbour in (("prev", "Previous", order[index - 1] if index else None),
                                  ("next", "Next", order[index + 1] if index + 1 < len(order) else None)):
        if neighbour is not None:
            other, title, date = (html.escape(part, quote=True) for part in neighbour)
            links.append(f'<a class="tk-{rel}" rel="{rel}" href="{other}.html">'
                         f'<span class="tk-sequence-label">{label}</span> '
                         f'<span class="tk-sequence-title">{title}</span>'
                         + (f' <span class="tk-sequence-date">{date}</span>' if date else "")
                         + "</a>")
    return "".join(links)


def edition_json(config: BuildConfig) -> str:
    """What teikit.toml says of the edition, for the pages (citation, about page) as JSON."""
    edition = config.edition
    return json.dumps({
        "title": config.title, "subtitle": edition.subtitle,
        "editors": [{"name": e.name, "role": e.role, "affiliation": e.affiliation} for e in edition.editors],
        "publisher": edition.publisher, "year": str(edition.year or ""),
        "licence": {"name": edition.licence.name, "url": edition.licence.url},
        "funders": list(edition.funders), "languages": list(edition.languages),
        "citation_style": edition.citation_style,
    }, ensure_ascii=False)


def citation_refs(root: etree._Element) -> str:
    """The DTS reference of each citable element of the default citation tree, as JSON keyed by
    the element's ordinal in document order (1 = the root; what the stylesheet's tk:element
    accumulator counts). The DTS server's own code computes them, so that a page's `#3` is
    DTS `ref=3` whatever the document declares (refsDecl) or, without a declaration, derives."""
    trees = schemes(etree.ElementTree(root))
    if not trees:
        return "{}"
    units = trees[0].units
    if not units:
        return "{}"
    # the ordinals of the units' elements alone, not a table of every element (a third of
    # this function's time, web16); the units hold their elements, so each proxy's id() is
    # the one iter() yields. In the units' order, as before (a declared tree may not follow
    # the document's).
    wanted = {id(unit.element) for unit in units}
    ordinal = {id(element): number for number, element in enumerate(root.iter(etree.Element), start=1)
               if id(element) in wanted}
    refs = {str(ordinal[id(unit.element)]): unit.identifier for unit in units if id(unit.element) in ordinal}
    return json.dumps(refs, ensure_ascii=False)


def _abbreviations(register: Path, _data: bytes) -> list[list[str]]:
    return [list(found) for found in abbreviations(register)]


def _has_abbreviations(register: Path, _data: bytes) -> bool:
    return bool(abbreviations(register))


def register_sizes(registers: bytes) -> dict[str, int]:
    """How many entries each register has, as page.xsl's tk:register-size counts them: the
    person, personGrp, place and org elements of any namespace with an xml:id, by
    tk:entry-kind (a TEI element by its name, another by its @type, else persons). Counted
    once per process: in the stylesheet it was a walk of the registers on every page."""
    sizes = {"persons": 0, "places": 0, "organisations": 0}
    root = etree.fromstring(registers, etree.XMLParser(resolve_entities=False, no_network=True))
    for kind, _entry in html_registers.register_entries(root, any_namespace=True):
        sizes[kind] += 1
    return sizes


def _make_readable(site: Path, written: Sequence[Path] | None = None) -> None:
    """Temporary files and folders are created private (0600, 0700); a web server must be able
    to read the site, so they get the permissions the umask gives new ones. The whole site,
    or (an incremental build: a walk of every file would grow with the edition) the site
    folder and what this build wrote, each folder written with all it holds."""
    umask = os.umask(0)
    os.umask(umask)
    mode, folder_mode = 0o666 & ~umask, 0o777 & ~umask

    def fix(path: str, wanted: int) -> None:
        if os.stat(path).st_mode & 0o777 != wanted:
            os.chmod(path, wanted)

    if written is None:
        tops = [site]
    else:
        fix(str(site), folder_mode)
        tops = [p for p in written if p.is_relative_to(site)]
    for top in tops:
        if not top.is_dir():
            if top.is_file():
                fix(str(top), mode)
            continue
        for folder, _, files in os.walk(top):
            fix(folder, folder_mode)
            for name in files:
                fix(os.path.join(folder, name), mode)


def _pagefind(pages: Path, output: Path) -> None:
    """Pagefind's indexer, the binary the `pagefind[bin]` package ships, run once.

    Its command line rather than the package's asyncio API: on 1,000 documents the API
    takes twice the time (every file goes through its JSON protocol)."""
    from pagefind.service import get_executable

    executable = get_executable()
    if executable is None:
        raise ToolkitError("Pagefind's indexer is missing: install the pagefind[bin] package")
    # One index for the whole edition, whatever each page's lang: the search page must find
    # every document, and Pagefind otherwise splits its index by language.
    command = [str(executable), "--site", str(pages), "--output-path", str(output),
               "--glob", "*.html", "--force-language", "en", "--silent"]
    # One indexing thread: with several, pages are numbered in the order threads finish, so
    # two builds of the same input gave different indexes (issue 14). The pages are small.
    environment = {**os.environ, "RAYON_NUM_THREADS": "1"}
    result = subprocess.run(command, capture_output=True, text=True, check=False, env=environment)
    if result.returncode != 0:
        detail = " ".join((result.stderr or result.stdout).split())[:500]
        raise ToolkitError(f"Pagefind could not build the search index: {detail}", str(pages))

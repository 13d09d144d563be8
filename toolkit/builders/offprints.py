"""Each document's own PDF cut from its typeset volume part, as an offprint (issue #13).

A document used to be typeset twice: alone (document.typ) and again inside its volume part.
Now it is typeset once, in its part (volume-part.typ, tagged PDF/A-3b + PDF/UA-1), and its own
PDF is that part's pages from its first to its last: the volume's folios and running heads,
the part's font subsets (each page's resources name only the fonts it uses, so a document
keeps only those), its own metadata (from the part's report), its own bookmarks (the part's
that point into its pages), the TEI source attached, and the part's structure tree pruned to
its pages: the document's top-level structure elements (a document starts on a new page, so
none spans two), the parent tree's entries of its pages and annotations, the ids of its
elements. Its PDF/A-3b and PDF/UA-1 identification is the part's, which Typst wrote for the
same pages and structure.
"""

from __future__ import annotations

import hashlib
import io
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

import pikepdf

from toolkit.output import write_atomic

ObjGen = tuple[int, int]


@dataclass(frozen=True)
class Offprint:
    """One document of a part: its pages in the part (0-based, `last` excluded), the volume's
    page number of its first page, its metadata as the part reports it, its TEI source."""

    id: str
    first: int
    last: int
    folio: int
    meta: dict[str, object]
    tei: Path
    target: Path


def cut_key(part_key: str, offprint: Offprint, tei_digest: str) -> str:
    """What a document's PDF is made of: its part's typesetting, its pages and its TEI."""
    return hashlib.sha256("\0".join([part_key, offprint.id, str(offprint.first), str(offprint.last),
                                     str(offprint.folio), tei_digest]).encode()).hexdigest()


def pdf_date(dates: Iterable[str]) -> str:
    """The first of these strings that is an ISO date (YYYY[-MM[-DD]]) as an XMP date; else
    2000-01-01, never the clock (document.typ's rule: the same input, the same bytes)."""
    for value in dates:
        parts = value.split("-") if len(value) >= 4 else []
        if parts and all(p.isdigit() for p in parts[:3]):
            numbers = [int(p) for p in parts[:3]] + [1, 1]
            return f"{numbers[0]:04d}-{numbers[1]:02d}-{numbers[2]:02d}T00:00:00Z"
    return "2000-01-01T00:00:00Z"


def cut_part(part_pdf: Path, offprints: Sequence[Offprint]) -> None:
    """Write each offprint's PDF from the part's pages (the part is opened once)."""
    with pikepdf.open(part_pdf) as source:
        pages = list(source.pages)
        where = {page.obj.objgen: number for number, page in enumerate(pages)}
        tree = _Structure(source, where)
        with source.open_outline() as outline:  # read once a part: loading it is 90 % of a cut
            bookmarks = list(outline.root)
        for offprint in offprints:
            data = _cut(source, pages, tree, bookmarks, offprint)
            write_atomic(offprint.target, data)


class _Structure:
    """The part's structure tree: its Document element's children, each with the page where
    its content begins (an element with no content goes with the one before it)."""

    def __init__(self, source: pikepdf.Pdf, where: dict[ObjGen, int]) -> None:
        root = source.Root.get("/StructTreeRoot")
        self.root = root if isinstance(root, pikepdf.Dictionary) else None
        self.document: pikepdf.Dictionary | None = None
        self.children: list[tuple[int, pikepdf.Object]] = []
        self.parents: dict[int, pikepdf.Object] = {}
        self.ids: list[tuple[str, pikepdf.Object]] = []
        if self.root is None:
            return
        top = self.root.get("/K")
        if isinstance(top, pikepdf.Array) and len(top) == 1:
            top = top[0]
        if not isinstance(top, pikepdf.Dictionary):
            raise ValueError("the part's structure tree has no single Document element")
        self.document = top
        kids = top.get("/K")
        items = list(kids) if isinstance(kids, pikepdf.Array) else [kids] if kids is not None else []
        page = 0
        for item in items:
            found = _first_page(item, where, None)
            page = found if found is not None else page
            self.children.append((page, item))
        if "/ParentTree" in self.root:
            self.parents = {int(k): v for k, v in pikepdf.NumberTree(self.root.ParentTree).items()}
        if "/IDTree" in self.root:
            self.ids = [(str(k), v) for k, v in pikepdf.NameTree(self.root.IDTree).items()]

    def pruned(self, source: pikepdf.Pdf, pages: Sequence[pikepdf.Page],
               first: int, last: int) -> pikepdf.Object | None:
        """A StructTreeRoot (an object of the part, to be copied) holding only the elements
        of pages first..last-1; the kept elements' parent becomes its new Document element."""
        if self.root is None or self.document is None:
            return None
        kept = [item for page, item in self.children if first <= page < last]
        document = source.make_indirect(pikepdf.Dictionary(
            {k: v for k, v in self.document.items() if k not in ("/K", "/P")}))
        document.K = pikepdf.Array(kept)
        for item in kept:
            if isinstance(item, pikepdf.Dictionary):
                item.P = document
        numbers: list[pikepdf.Object] = []
        keys: set[int] = set()
        for page in pages[first:last]:
            if "/StructParents" in page.obj:
                keys.add(int(page.obj.StructParents))
            for annotation in page.obj.get("/Annots", pikepdf.Array()):
                if "/StructParent" in annotation:
                    keys.add(int(annotation.StructParent))
        for key in sorted(keys):
            if key in self.parents:
                numbers.extend([pikepdf.Object.parse(str(key).encode()), self.parents[key]])
        root = source.make_indirect(pikepdf.Dictionary(
            {k: v for k, v in self.root.items() if k not in ("/K", "/ParentTree", "/IDTree")}))
        root.K = document
        root.ParentTree = source.make_indirect(pikepdf.Dictionary(Nums=pikepdf.Array(numbers)))
        document.P = root
        if self.ids:
            inside = _elements(kept)
            names: list[pikepdf.Object] = []
            for name, element in self.ids:
                if element.objgen in inside:
                    names.extend([pikepdf.String(name), element])
            root.IDTree = source.make_indirect(pikepdf.Dictionary(Names=pikepdf.Array(names)))
        return root


def _first_page(item: pikepdf.Object, where: dict[ObjGen, int], inherited: int | None) -> int | None:
    """The page of an element's first content (its /Pg, a marked-content or object
    reference's /Pg, else its first child's), as an index of the part's pages."""
    if not isinstance(item, pikepdf.Dictionary):
        return inherited  # an MCID: on the page of its element
    page = item.get("/Pg")
    own = where.get(page.objgen) if isinstance(page, pikepdf.Dictionary) else None
    own = own if own is not None else inherited
    if item.get("/Type") in (pikepdf.Name.MCR, pikepdf.Name.OBJR):
        return own
    kids = item.get("/K")
    for kid in (kids if isinstance(kids, pikepdf.Array) else [kids] if kids is not None else []):
        found = _first_page(kid, where, own)
        if found is not None:
            return found
    return own if kids is None else None


def _elements(items: Iterable[pikepdf.Object]) -> set[ObjGen]:
    """The structure elements under these (themselves included), by object number."""
    seen: set[ObjGen] = set()
    stack = [i for i in items if isinstance(i, pikepdf.Dictionary)]
    while stack:
        element = stack.pop()
        if element.is_indirect:
            if element.objgen in seen:
                continue
            seen.add(element.objgen)
        kids = element.get("/K")
        for kid in (kids if isinstance(kids, pikepdf.Array) else [kids] if kids is not None else []):
            if isinstance(kid, pikepdf.Dictionary) and kid.get("/Type") not in (pikepdf.Name.MCR, pikepdf.Name.OBJR):
                stack.append(kid)
    return seen


def _cut(source: pikepdf.Pdf, pages: Sequence[pikepdf.Page], tree: _Structure,
         bookmarks: Sequence[pikepdf.OutlineItem], offprint: Offprint) -> bytes:
    out = pikepdf.new()
    copied = [out.copy_foreign(page.obj) for page in pages[offprint.first:offprint.last]]
    kids = out.make_indirect(pikepdf.Dictionary(Type=pikepdf.Name.Pages, Kids=pikepdf.Array(copied),
                                                Count=len(copied)))
    for page in copied:
        page.Parent = kids
    out.Root.Pages = kids
    structure = tree.pruned(source, pages, offprint.first, offprint.last)
    if structure is not None:
        out.Root.StructTreeRoot = out.copy_foreign(structure)
    for key in ("/MarkInfo", "/ViewerPreferences", "/OutputIntents", "/Metadata"):
        if key in source.Root:
            value = source.Root[key]
            if not value.is_indirect:
                value = source.make_indirect(value)
            out.Root[key] = out.copy_foreign(value)
    meta = offprint.meta
    out.Root.Lang = pikepdf.String(str(meta.get("lang") or "en"))
    # the volume's folios: a viewer numbers the pages as they are printed
    out.Root.PageLabels = pikepdf.Dictionary(Nums=pikepdf.Array(
        [0, pikepdf.Dictionary(S=pikepdf.Name.D, St=offprint.folio)]))
    if "/Info" in source.trailer:
        out.trailer.Info = out.copy_foreign(source.trailer.Info)
    date = pdf_date(str(d) for d in _list(meta.get("dates")))
    _metadata(out, meta, date)
    _outline(bookmarks, out, where={p.obj.objgen: n for n, p in enumerate(pages)
                                 if offprint.first <= n < offprint.last}, copied=copied,
             first=offprint.first)
    _attach(out, offprint.tei, date)
    buffer = io.BytesIO()
    out.save(buffer, deterministic_id=True, min_version=source.pdf_version,
             object_stream_mode=pikepdf.ObjectStreamMode.generate)
    return buffer.getvalue()


def _list(value: object) -> list[object]:
    return list(value) if isinstance(value, (list, tuple)) else []


def _metadata(out: pikepdf.Pdf, meta: dict[str, object], date: str) -> None:
    """The document's title, authors, description, keywords and date in the XMP (the part's,
    with its PDF/A and PDF/UA identification) and in /Info, which PDF/A wants to agree."""
    with out.open_metadata(set_pikepdf_as_editor=False, update_docinfo=True) as xmp:
        xmp["dc:title"] = str(meta.get("title") or "")
        authors = [str(a) for a in _list(meta.get("authors"))]
        if authors:
            xmp["dc:creator"] = authors
        description = str(meta.get("description") or "")
        if description:
            xmp["dc:description"] = description
        xmp["pdf:Keywords"] = ", ".join(str(k) for k in _list(meta.get("keywords")))
        xmp["dc:language"] = [str(meta.get("lang") or "en")]
        xmp["xmp:CreateDate"] = date
        xmp["xmp:ModifyDate"] = date
        if "xmpMM:History" in xmp:  # the part's saves, not this document's
            del xmp["xmpMM:History"]


def _outline(bookmarks: Sequence[pikepdf.OutlineItem], out: pikepdf.Pdf, where: dict[ObjGen, int],
             copied: Sequence[pikepdf.Object], first: int) -> None:
    """The part's bookmarks that point into these pages (the document's title, its
    sections), pointing at the copied pages."""
    def moved(item: pikepdf.OutlineItem) -> pikepdf.OutlineItem | None:
        dest = item.destination
        if not (isinstance(dest, pikepdf.Array) and len(dest) > 0 and isinstance(dest[0], pikepdf.Dictionary)):
            return None
        number = where.get(dest[0].objgen)
        if number is None:
            return None
        copy = pikepdf.OutlineItem(item.title, pikepdf.Array([copied[number - first], *list(dest)[1:]]))
        copy.is_closed = item.is_closed
        copy.children.extend(c for c in (moved(child) for child in item.children) if c is not None)
        return copy

    items = [m for m in (moved(item) for item in bookmarks) if m is not None]
    with out.open_outline() as target:
        target.root.extend(items)


def _attach(out: pikepdf.Pdf, tei: Path, date: str) -> None:
    """The TEI source attached (PDF/A-3: an associated file of the document, /AF)."""
    stamp = "D:" + date[:10].replace("-", "") + "000000Z"
    spec = pikepdf.AttachedFileSpec(out, tei.read_bytes(), description="TEI P5 source of this document",
                                    filename=tei.name, mime_type="application/tei+xml",
                                    mod_date=stamp, relationship=pikepdf.Name.Source)
    out.attachments[tei.name] = spec
    out.Root.AF = pikepdf.Array([out.Root.Names.EmbeddedFiles.Names[1]])

"""The print volume typeset in parts and assembled (issue #13).

One Typst compile of the whole edition grows by megabytes per document and re-typesets
everything for any change. Instead the volume's documents (in volume order) are cut into parts
of `[print] part_size` documents; each part is one compile of volume-part.typ that reports where
its documents start and which pages name each index key. The front matter (title page,
contents) and back matter (index) are one compile of volume.typ given those page numbers, and
pikepdf merges front, parts and back into the volume (edition.pdf, or each volume of a split:
toolkit/builders/volumes.py).

Two passes settle the numbers: the matter is typeset first with the previous build's numbers
(or none) to learn how many pages the front takes; parts are typeset from the page after it;
then the matter again with the parts' numbers. Should the front's length change on the second
pass (a contents page more), the parts are placed again from the new first page (at most a few
rounds). The parts are placed by `place` (parts.py: over -j processes, each part from
its real first page in the end, so the bytes are those of parts typeset in turn). Each part's PDF and report are cached under build/pdf/volume-parts/ by the hash of its
print XML, its first page number, the templates and the fonts; the matter's PDF likewise by
the hash of its XML and the page numbers it prints. A one-document change re-typesets its part,
only those later parts whose first page moved, and the matter only if a number or a document's
metadata changed (an edit of the text seldom moves a page: then the matter is not typeset).

The merged file keeps the front matter's PDF/A-3b identification and XMP metadata. The parts
are compiled tagged (PDF/UA-1), since each document's own PDF is cut from its part with the
structure tree pruned to its pages (offprints.py); the merged volume is untagged: its pages'
/StructParents are dropped, since structure trees are not merged.
"""

from __future__ import annotations

import contextlib
import copy
import hashlib
import json
import os
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pikepdf
from lxml import etree

from toolkit.errors import ToolkitError
from toolkit.output import write_atomic

PARTS_DIR = "volume-parts"
_MAX_ROUNDS = 4

#: compiles a template over data with extra sys.inputs; returns the PDF and the queried report
Typeset = Callable[[Path, str, dict[str, str], str], tuple[bytes, object]]
#: writes the volume from the matter's PDF, its front's page count and the parts' PDFs
Merge = Callable[[Path, int, Sequence[Path], Path], None]
#: the volume's parts placed from the page after the front matter (its page count given), each
#: from the cache or typeset: parts.py's `PartProcesses.place`
Place = Callable[["VolumeAssembler", Sequence["PartXml"], int], list["Part"]]
#: a document's whole <doc> by its id (its cached print XML): the volume XML holds outlines
Load = Callable[[str], etree._Element]

_STRING = etree.XPath("string()")  # an element's string value, as the volume stage reads it


@dataclass(frozen=True)
class Part:
    """A typeset part: its PDF, page count, the part-relative pages it reports, its key
    (what it was typeset from) and its documents' metadata (their own PDFs are cut from it)."""

    pdf: Path
    pages: int
    starts: dict[str, int]  # document id -> page in the part (1-based)
    index: dict[str, list[int]]  # index key -> pages in the part
    key: str = ""
    docs: dict[str, dict[str, object]] | None = None  # document id -> metadata (volume-part.typ)


@dataclass(frozen=True)
class PartXml:
    """A part's XML as written to disk, and the hash of the stamp and that XML (the part's
    cache key lacks only its first page)."""

    path: Path
    prefix: hashlib._Hash


def outline(doc: etree._Element) -> etree._Element:
    """What the volume stage and the split need of a document's print XML, and no more: its
    attributes, <meta> (the contents print it) and a flat <name kind key>string value</name>
    per keyed name of its text (the index's entries and labels). The volume XML holds these
    outlines, not the documents (25 MB at 3,000: its parent grew with the edition); each
    part's documents are read again from their print XML when the part is written."""
    reduced = etree.Element(doc.tag, {str(k): str(v) for k, v in doc.attrib.items()})
    reduced.text = doc.text  # with the metas and their tails: the matter's <doc> exactly
    rest: list[etree._Element] = []
    for child in doc:
        if child.tag == "meta":
            reduced.append(copy.deepcopy(child))
        elif isinstance(child.tag, str):
            rest.append(child)
    for child in rest:  # after the metas: removed again (with their tails) for the matter
        for name in child.iter("name"):
            if name.get("key"):
                kept = {k: str(name.get(k)) for k in ("kind", "key") if name.get(k) is not None}
                flat = etree.SubElement(reduced, "name", kept)
                flat.text = str(_STRING(name))
    return reduced


def split_volume(volume_xml: str, part_size: int,
                 load: Load | None = None) -> tuple[bytes, Iterator[bytes]]:
    """The matter's XML (every <doc> reduced to its <meta>, which is all the contents need)
    and one <volume> per part holding that part's documents, in volume order. With `load`
    the volume holds outlines and each part's documents are loaded as that part is made."""
    root = etree.fromstring(volume_xml.encode("utf-8"), etree.XMLParser(huge_tree=True))
    attrib = {str(k): str(v) for k, v in root.attrib.items()}
    docs = [d for d in root if d.tag == "doc"]
    chunks = [docs[start:start + part_size] for start in range(0, len(docs), part_size)]

    def part(members: Iterable[etree._Element]) -> bytes:
        element = etree.Element("volume", attrib)
        element.extend(members)
        return etree.tostring(element, encoding="utf-8")

    if load is None:
        made = [part(etree.fromstring(etree.tostring(d)) for d in chunk) for chunk in chunks]
        parts: Iterator[bytes] = iter(made)
    else:
        ids = [[d.get("id", "") for d in chunk] for chunk in chunks]
        parts = (part(load(i) for i in chunk) for chunk in ids)
    for doc in docs:
        for child in list(doc):
            if child.tag != "meta":
                doc.remove(child)
    return etree.tostring(root, encoding="utf-8"), parts


class VolumeAssembler:
    """Typesets the parts (cached) and the matter, and merges them into one PDF."""

    def __init__(self, parts_dir: Path, stamp: str, typeset: Typeset, place: Place,
                 part_template: Path, matter_template: Path, merge: Merge | None = None) -> None:
        self.dir = parts_dir  # the parts, matter and page numbers of this volume
        self.stamp = stamp  # templates + fonts + configuration: part of every part's key
        self.typeset = typeset  # the matter
        self.place = place  # the parts, in order, typeset where not cached
        self._metas: dict[int, dict[str, Any]] = {}  # part number -> its part-NNNN.json
        self.part_template = part_template
        self.matter_template = matter_template
        self.typeset_parts = 0  # parts compiled by this build (the rest came from the cache)
        self.typeset_matter = 0  # compiles of the matter by this build (0: the last build's served)
        self.merged = 0  # 1 when this build merged the volume (0: the one there was current)
        self.parts: list[Part] = []  # the volume's parts, as merged (the documents are cut from them)
        self.front = 0  # the front matter's page count: the parts' first page is front + 1
        self.merge: Merge = merge if merge is not None else merge_volume  # the builder: in a process of its own

    def cached(self, number: int, data: PartXml, first: int) -> Part | None:
        """Part `number` as the cache holds it when it was typeset from this XML at this first
        page; else None."""
        key = self._key(data, first)
        meta = self._meta(number)
        pdf_path = self.dir / f"part-{number:04d}.pdf"
        try:
            if meta.get("key") == key and pdf_path.is_file():
                return Part(pdf_path, meta["pages"], meta["starts"], meta["index"], key, meta["docs"])
        except KeyError:
            pass
        return None

    def previous_pages(self, number: int) -> int | None:
        """The page count part `number` had when last typeset, whatever from: a part's pages do
        not depend on its first page (only its folios do), so it guesses where the next begins."""
        pages = self._meta(number).get("pages")
        return pages if isinstance(pages, int) else None

    def store(self, number: int, data: PartXml, first: int, pdf: bytes, pages: int,
              report: object) -> Part:
        """Part `number` typeset from this XML at this first page, written into the cache."""
        if not isinstance(report, dict):
            raise ToolkitError("the volume part reported no page numbers", str(self.part_template))
        key = self._key(data, first)
        pdf_path = self.dir / f"part-{number:04d}.pdf"
        meta_path = self.dir / f"part-{number:04d}.json"
        write_atomic(pdf_path, pdf)
        meta = {"key": key, "pages": pages, "starts": report.get("starts", {}),
                "index": report.get("index", {}), "docs": report.get("docs", {})}
        write_atomic(meta_path, json.dumps(meta, sort_keys=True).encode())
        self._metas[number] = meta
        self.typeset_parts += 1
        return Part(pdf_path, pages, meta["starts"], meta["index"], key, meta["docs"])

    def _key(self, data: PartXml, first: int) -> str:
        digest = data.prefix.copy()  # sha256(stamp, data, first), data read only to typeset
        digest.update(str(first).encode())
        return digest.hexdigest()

    def _meta(self, number: int) -> dict[str, Any]:
        """part-NNNN.json as last written (read once a build: the placing asks again)."""
        if number not in self._metas:
            try:
                found = json.loads((self.dir / f"part-{number:04d}.json").read_text("utf-8"))
            except (FileNotFoundError, ValueError):
                found = {}
            self._metas[number] = found if isinstance(found, dict) else {}
        return self._metas[number]

    def _written(self, parts: Iterator[bytes]) -> list[PartXml]:
        """Each part's XML written to part-NNNN.xml as it is made (not rewritten when it is
        the same), so that only one part's documents are held at a time."""
        written = []
        for number, data in enumerate(parts, start=1):
            path = self.dir / f"part-{number:04d}.xml"
            try:
                same = path.stat().st_size == len(data) and path.read_bytes() == data
            except FileNotFoundError:
                same = False
            if not same:
                write_atomic(path, data)
            written.append(PartXml(path, hashlib.sha256(b"\0".join([self.stamp.encode(), data, b""]))))
        return written

    def assemble(self, volume_xml: str, part_size: int, source: str, target: Path,
                 load: Load | None = None) -> None:
        """Typeset what changed and write the volume to `target` (replaced whole, at the end).
        With `load`, `volume_xml` holds outlines of the documents (see `outline`)."""
        matter_xml, made = split_volume(volume_xml, part_size, load)
        del volume_xml
        parts_xml = self._written(made)
        matter_data = matter_xml.decode("utf-8")
        numbers: dict[str, object] = self._previous_numbers()
        front = -1
        for _ in range(_MAX_ROUNDS):
            matter, back_at = self.matter(matter_data, numbers, source)
            if back_at - 1 == front:
                break  # the front matter kept its length: the numbers printed are right
            front = back_at - 1
            parts, numbers = self._place(parts_xml, front, source)
        else:
            raise ToolkitError(f"the volume's page numbers did not settle in {_MAX_ROUNDS} rounds", source)
        self._remove_stale(len(parts_xml))
        self.parts, self.front = parts, front
        write_atomic(self.dir / "numbers.json", json.dumps(numbers, sort_keys=True).encode())
        # the merge is skipped when its inputs are those of the volume there (the keys of the
        # matter and parts name their content): one volume of several changes, one is merged
        digest = hashlib.sha256(str(front).encode())
        for meta in [self.dir / "matter.json", *(p.pdf.with_suffix(".json") for p in parts)]:
            digest.update(b"\0" + meta.read_bytes())
        merged, key = self.dir / "merged.json", digest.hexdigest()
        with contextlib.suppress(FileNotFoundError, ValueError):
            if target.is_file() and json.loads(merged.read_text("utf-8")).get("key") == key:
                return
        merged.unlink(missing_ok=True)
        self.merge(matter, front, [p.pdf for p in parts], target)
        write_atomic(merged, json.dumps({"key": key, "target": target.name}).encode())
        self.merged += 1

    def matter(self, data: str, numbers: dict[str, object], source: str) -> tuple[Path, int]:
        """The front and back matter typeset with these page numbers (cached: the last one
        typeset, by its XML, the numbers and the stamp) and the page where the back begins."""
        pages = json.dumps(numbers, sort_keys=True)
        key = hashlib.sha256(b"\0".join([self.stamp.encode(), data.encode(), pages.encode()])).hexdigest()
        pdf_path, meta_path = self.dir / "matter.pdf", self.dir / "matter.json"
        try:
            meta = json.loads(meta_path.read_text("utf-8"))
            if meta.get("key") == key and isinstance(meta.get("back"), int) and pdf_path.is_file():
                return pdf_path, meta["back"]
        except (FileNotFoundError, ValueError):
            pass
        pdf, back_at = self.typeset(self.matter_template, data, {"pages": pages}, source)
        if not isinstance(back_at, int):
            raise ToolkitError("the volume's matter reported no back matter", str(self.matter_template))
        write_atomic(pdf_path, pdf)
        write_atomic(meta_path, json.dumps({"key": key, "back": back_at}).encode())
        self.typeset_matter += 1
        return pdf_path, back_at

    def _place(self, parts_xml: list[PartXml], front: int,
               source: str) -> tuple[list[Part], dict[str, object]]:
        """Typeset (or reuse) every part from the page after the front matter (`place`:
        parts.py, over parallel processes); the volume's page numbers of each document start
        and each index key."""
        parts = self.place(self, parts_xml, front)
        first = front + 1
        starts: dict[str, int] = {}
        index: dict[str, list[int]] = {}
        for part in parts:
            for doc, page in part.starts.items():
                starts[doc] = page + first - 1
            for key, pages in part.index.items():
                index.setdefault(key, []).extend(p + first - 1 for p in pages)
            first += part.pages
        return parts, {"starts": starts, "index": index, "back": first}

    def _previous_numbers(self) -> dict[str, object]:
        try:
            found = json.loads((self.dir / "numbers.json").read_text("utf-8"))
            return found if isinstance(found, dict) else {}
        except (FileNotFoundError, ValueError):
            return {}

    def _remove_stale(self, count: int) -> None:
        for path in self.dir.glob("part-*.*") if self.dir.is_dir() else ():
            number = path.stem.removeprefix("part-")
            if not number.isdigit() or int(number) > count:
                path.unlink()


def merge_volume(matter: Path, front: int, parts: Sequence[Path], target: Path) -> None:
    """Front matter, the parts, back matter, written by qpdf (pikepdf) to a temporary file
    beside `target` and renamed over it: never a half-written volume. Page streams are copied
    from the part files when the volume is written, not held in memory (pypdf's writer held
    the whole volume: 5.7 GB at 10,000 documents). The bookmarks of every file are rebuilt
    over the merged pages in page order; the matter's metadata (XMP, /Info, language, output
    intent, named destinations) is the volume's."""
    tmp = target.parent / f".{target.name}.{os.getpid()}.tmp"
    target.parent.mkdir(parents=True, exist_ok=True)
    try:
        with contextlib.ExitStack() as stack:
            volume = _Merged(stack.enter_context(pikepdf.new()))
            source = stack.enter_context(pikepdf.open(matter))
            count = len(source.pages)
            if not 0 <= front <= count:
                raise ToolkitError(f"the volume's matter has {count} pages, not {front} before its back",
                                   str(matter))
            volume.append(source, range(front))
            for path in parts:
                volume.append(stack.enter_context(pikepdf.open(path)), None)
            volume.append(source, range(front, count))
            out = volume.finish()
            for key in ("/Metadata", "/OutputIntents", "/Lang", "/ViewerPreferences", "/Names"):
                if key in source.Root:
                    out.Root[key] = _copy(out, source, source.Root[key])
            if "/Info" in source.trailer:  # /Info exactly the matter's (PDF/A: it must agree with the XMP)
                out.trailer.Info = _copy(out, source, source.trailer.Info)
            out.save(tmp, deterministic_id=True, preserve_pdfa=True,
                     object_stream_mode=pikepdf.ObjectStreamMode.generate)
        os.replace(tmp, target)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise


class _Merged:
    """The volume being merged: its pages in order and its bookmarks. The page tree is made
    here, not by appending to `Pdf.pages`: pikepdf's page list copies qpdf's list of all pages
    on each insert and index, which made the merge quadratic (97 s of CPU at 10,000 documents
    in parts of 100, against 8.9 s at 3,000)."""

    def __init__(self, out: pikepdf.Pdf) -> None:
        self.out = out
        self.pages: list[pikepdf.Object] = []  # the copied page dictionaries
        self.bookmarks: list[tuple[int, int, pikepdf.OutlineItem]] = []  # (page, order, item)

    def append(self, source: pikepdf.Pdf, pages: range | None) -> None:
        """Copy `pages` of `source` (all: None) to the end, with the source's top-level
        bookmarks that point into them (and their children). qpdf copies a page without its
        /Parent, and a page met again (a link's destination) as the same copy."""
        where: dict[tuple[int, int], int] = {}
        for number, page in enumerate(source.pages):
            if pages is None or number in pages:
                where[page.obj.objgen] = len(self.pages)
                copied = self.out.copy_foreign(page.obj)
                # the parts are tagged (their documents' PDFs are cut from them), the volume
                # is not: no page or annotation keys into a structure tree it does not have
                if "/StructParents" in copied:
                    del copied.StructParents
                for annotation in copied.get("/Annots", pikepdf.Array()):
                    if "/StructParent" in annotation:
                        del annotation.StructParent
                self.pages.append(copied)
        with source.open_outline() as outline:
            for item in outline.root:
                at = _page_of(item, where)
                if at is not None:
                    self.bookmarks.append((at, len(self.bookmarks), self._moved(item, where)))

    def _moved(self, item: pikepdf.OutlineItem, where: dict[tuple[int, int], int]) -> pikepdf.OutlineItem:
        """A copy of a bookmark and its children pointing at the merged pages."""
        page = _page_of(item, where)
        destination: pikepdf.Array | None = None
        if page is not None:
            assert isinstance(item.destination, pikepdf.Array)
            # the page, then the view (/XYZ left top zoom): names and numbers, nothing to copy
            destination = pikepdf.Array([self.pages[page], *list(item.destination)[1:]])
        moved = pikepdf.OutlineItem(item.title, destination)
        moved.children.extend(self._moved(child, where) for child in item.children)
        return moved

    def finish(self) -> pikepdf.Pdf:
        """The page tree (one node: every page its kid) and the bookmarks in page order."""
        tree = self.out.make_indirect(pikepdf.Dictionary(
            Type=pikepdf.Name.Pages, Kids=pikepdf.Array(self.pages), Count=len(self.pages)))
        for page in self.pages:
            page.Parent = tree
        self.out.Root.Pages = tree
        with self.out.open_outline() as outline:
            outline.root.extend(item for _, _, item in sorted(self.bookmarks, key=lambda b: b[:2]))
        return self.out


def _copy(out: pikepdf.Pdf, source: pikepdf.Pdf, value: pikepdf.Object) -> pikepdf.Object:
    """`value` of `source` as an object of `out` (qpdf copies only indirect objects: a direct
    dictionary or array is made indirect in the source first; a name or string is a value)."""
    if isinstance(value, (pikepdf.Dictionary, pikepdf.Array, pikepdf.Stream)):
        if not value.is_indirect:
            value = source.make_indirect(value)
        return out.copy_foreign(value)
    return value


def _page_of(item: pikepdf.OutlineItem, where: dict[tuple[int, int], int]) -> int | None:
    """The merged page an item points to (an explicit destination [page /XYZ ...], as
    Typst writes them); None when it points to a page not copied (or nowhere)."""
    dest = item.destination
    if isinstance(dest, pikepdf.Array) and len(dest) > 0 and isinstance(dest[0], pikepdf.Dictionary):
        return where.get(dest[0].objgen)
    return None

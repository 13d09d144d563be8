"""The print volume typeset in parts and assembled (issue #13).

One Typst compile of the whole edition grows by megabytes per document and re-typesets
everything for any change. Instead the volume's documents (in volume order) are cut into parts
of `[print] part_size` documents; each part is one compile of volume-part.typ that reports where
its documents start and which pages name each index key. The front matter (title page,
contents) and back matter (index) are one compile of volume.typ given those page numbers, and
pypdf merges front, parts and back into edition.pdf.

Two passes settle the numbers: the matter is typeset first with the previous build's numbers
(or none) to learn how many pages the front takes; parts are typeset from the page after it;
then the matter again with the parts' numbers. Should the front's length change on the second
pass (a contents page more), the parts are placed again from the new first page (at most a few
rounds). Each part's PDF and report are cached under build/pdf/volume-parts/ by the hash of its
print XML, its first page number, the templates and the fonts; the matter's PDF likewise by
the hash of its XML and the page numbers it prints. A one-document change re-typesets its part,
only those later parts whose first page moved, and the matter only if a number or a document's
metadata changed (an edit of the text seldom moves a page: then the matter is not typeset).

The merged file keeps the front matter's PDF/A-3b identification and XMP metadata. The parts
are compiled without tags: tagged structure trees cannot be merged by pypdf, and a merged file
with dangling structure references would be neither PDF/UA nor clean PDF/A. Per-document PDFs
stay PDF/UA-1.
"""

from __future__ import annotations

import hashlib
import io
import json
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from lxml import etree
from pypdf import PdfReader, PdfWriter
from pypdf.generic import DictionaryObject, NameObject

from toolkit.errors import ToolkitError
from toolkit.output import write_atomic

PARTS_DIR = "volume-parts"
_MAX_ROUNDS = 4

#: compiles a template over data with extra sys.inputs; returns the PDF and the queried report
Typeset = Callable[[Path, str, dict[str, str], str], tuple[bytes, object]]


@dataclass(frozen=True)
class Part:
    """A typeset part: its PDF, page count, and the part-relative pages it reports."""

    pdf: Path
    pages: int
    starts: dict[str, int]  # document id -> page in the part (1-based)
    index: dict[str, list[int]]  # index key -> pages in the part


def split_volume(volume_xml: str, part_size: int) -> tuple[bytes, list[bytes]]:
    """The matter's XML (every <doc> reduced to its <meta>, which is all the contents need)
    and one <volume> per part holding that part's documents, in volume order."""
    root = etree.fromstring(volume_xml.encode("utf-8"), etree.XMLParser(huge_tree=True))
    docs = [d for d in root if d.tag == "doc"]
    parts = []
    for start in range(0, len(docs), part_size):
        part = etree.Element("volume", {str(k): str(v) for k, v in root.attrib.items()})
        part.extend(etree.fromstring(etree.tostring(d)) for d in docs[start:start + part_size])
        parts.append(etree.tostring(part, encoding="utf-8"))
    for doc in docs:
        for child in list(doc):
            if child.tag != "meta":
                doc.remove(child)
    return etree.tostring(root, encoding="utf-8"), parts


class VolumeAssembler:
    """Typesets the parts (cached) and the matter, and merges them into one PDF."""

    def __init__(self, out_dir: Path, stamp: str, typeset: Typeset,
                 part_template: Path, matter_template: Path) -> None:
        self.dir = out_dir / PARTS_DIR
        self.stamp = stamp  # templates + fonts + configuration: part of every part's key
        self.typeset = typeset
        self.part_template = part_template
        self.matter_template = matter_template
        self.typeset_parts = 0  # parts compiled by this build (the rest came from the cache)
        self.typeset_matter = 0  # compiles of the matter by this build (0: the last build's served)

    def part(self, number: int, data: bytes, first: int, source: str) -> Part:
        key = hashlib.sha256(b"\0".join([self.stamp.encode(), data, str(first).encode()])).hexdigest()
        pdf_path = self.dir / f"part-{number:04d}.pdf"
        meta_path = self.dir / f"part-{number:04d}.json"
        try:
            meta = json.loads(meta_path.read_text("utf-8"))
            if meta.get("key") == key and pdf_path.is_file():
                return Part(pdf_path, meta["pages"], meta["starts"], meta["index"])
        except (FileNotFoundError, ValueError, KeyError):
            pass
        pdf, report = self.typeset(self.part_template, data.decode("utf-8"), {"first": str(first)}, source)
        if not isinstance(report, dict):
            raise ToolkitError("the volume part reported no page numbers", str(self.part_template))
        pages = len(PdfReader(io.BytesIO(pdf)).pages)
        write_atomic(pdf_path, pdf)
        meta = {"key": key, "pages": pages, "starts": report.get("starts", {}),
                "index": report.get("index", {})}
        write_atomic(meta_path, json.dumps(meta, sort_keys=True).encode())
        self.typeset_parts += 1
        return Part(pdf_path, pages, meta["starts"], meta["index"])

    def assemble(self, volume_xml: str, part_size: int, source: str) -> bytes:
        matter_xml, parts_xml = split_volume(volume_xml, part_size)
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
        write_atomic(self.dir / "numbers.json", json.dumps(numbers, sort_keys=True).encode())
        return merge(matter, front, [p.pdf for p in parts])

    def matter(self, data: str, numbers: dict[str, object], source: str) -> tuple[bytes, int]:
        """The front and back matter typeset with these page numbers (cached: the last one
        typeset, by its XML, the numbers and the stamp) and the page where the back begins."""
        pages = json.dumps(numbers, sort_keys=True)
        key = hashlib.sha256(b"\0".join([self.stamp.encode(), data.encode(), pages.encode()])).hexdigest()
        pdf_path, meta_path = self.dir / "matter.pdf", self.dir / "matter.json"
        try:
            meta = json.loads(meta_path.read_text("utf-8"))
            if meta.get("key") == key and isinstance(meta.get("back"), int) and pdf_path.is_file():
                return pdf_path.read_bytes(), meta["back"]
        except (FileNotFoundError, ValueError):
            pass
        pdf, back_at = self.typeset(self.matter_template, data, {"pages": pages}, source)
        if not isinstance(back_at, int):
            raise ToolkitError("the volume's matter reported no back matter", str(self.matter_template))
        write_atomic(pdf_path, pdf)
        write_atomic(meta_path, json.dumps({"key": key, "back": back_at}).encode())
        self.typeset_matter += 1
        return pdf, back_at

    def _place(self, parts_xml: list[bytes], front: int,
               source: str) -> tuple[list[Part], dict[str, object]]:
        """Typeset (or reuse) every part from the page after the front matter; the volume's
        page numbers of each document start and each index key."""
        first = front + 1
        parts: list[Part] = []
        starts: dict[str, int] = {}
        index: dict[str, list[int]] = {}
        for number, data in enumerate(parts_xml, start=1):
            part = self.part(number, data, first, source)
            for doc, page in part.starts.items():
                starts[doc] = page + first - 1
            for key, pages in part.index.items():
                index.setdefault(key, []).extend(p + first - 1 for p in pages)
            parts.append(part)
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


def merge(matter: bytes, front: int, parts: list[Path]) -> bytes:
    """Front matter, the parts, back matter, as one PDF with every outline (bookmarks) in page
    order and the matter's document metadata (XMP, /Info, language, output intent)."""
    reader = PdfReader(io.BytesIO(matter))
    writer = PdfWriter()
    writer.append(reader, pages=(0, front))
    for path in parts:
        writer.append(path)
    writer.append(reader, pages=(front, len(reader.pages)))
    catalog = reader.trailer["/Root"].get_object()
    assert isinstance(catalog, DictionaryObject)
    for key in ("/Metadata", "/OutputIntents", "/Lang", "/ViewerPreferences"):
        if key in catalog:
            writer.root_object[NameObject(key)] = catalog[key].clone(writer)
    # /Info exactly the matter's (PDF/A: it must agree with the XMP, which names no pypdf)
    writer.metadata = dict(reader.metadata or {})
    writer.compress_identical_objects(remove_duplicates=True, remove_unreferenced=True)
    output = io.BytesIO()
    writer.write(output)
    return output.getvalue()

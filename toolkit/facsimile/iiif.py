"""Static IIIF for the web edition: Image API 3.0 level 0 tiles and a Presentation 3.0 manifest.

No image server: every URL a level 0 client may ask for is a file. Per page, the tile pyramid
(`{region}/{size}/0/default.jpg`, 512 px tiles, scale factors 1, 2, 4... down to one tile) and
every listed full-image size are made once per image content (SHA-256) in a cache under the
build folder, pages in parallel worker processes, then linked into the site; `info.json` and the manifest are small and written per build, since
they name the site's URL.

A document's pages are its `facsimile/surface` elements that hold a `graphic` (or the
`facsimile`'s own graphics), in document order: page k is `iiif/ID/k/`, canvas k of the
manifest; `pb/@facs` points at its surface, and the first page is the one before the first pb.
Only local images are published: a remote URL is never fetched.
"""

from __future__ import annotations

import hashlib
import io
import json
import math
import multiprocessing
import os
import re
import shutil
import tempfile
import warnings
from collections.abc import Sequence
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import unquote, urlsplit

from lxml import etree
from PIL import Image

from toolkit.config import EditionConfig
from toolkit.errors import InputError
from toolkit.facsimile.rasterise import MAX_PIXELS  # noqa: F401  (sets Pillow's bomb limit)
from toolkit.output import write_atomic
from toolkit.tei import TEI_NS

NS = {"tei": TEI_NS}
XML_ID = "{http://www.w3.org/XML/1998/namespace}id"
TILE = 512
QUALITY = 85
IMAGE_CONTEXT = "http://iiif.io/api/image/3/context.json"
PRESENTATION_CONTEXT = "http://iiif.io/api/presentation/3/context.json"
# Without a base_url (teikit.toml), ids assume the site served as README.md says
# (`python3 -m http.server -d build/html`); the edition's own viewer resolves URLs relatively.
FALLBACK_BASE = "http://localhost:8000/"


@dataclass(frozen=True)
class Page:
    """One page of a document's facsimile."""

    number: int  # 1-based: iiif/ID/number/, the manifest's canvas number
    surface: str | None  # the surface's xml:id, which pb/@facs points at
    url: str  # graphic/@url as written
    image: Path | None  # the local file, None when remote or missing
    label: str
    line: int | None = None  # of the graphic, for messages


def pages_of(root: etree._Element, document: Path) -> list[Page]:
    """The document's facsimile pages, in order, with their local image files."""
    pages: list[Page] = []
    for facsimile in root.iterfind("tei:facsimile", NS):
        for part in facsimile:
            if part.tag == f"{{{TEI_NS}}}surface":
                graphic = part.find("tei:graphic", NS)
                surface = part.get(XML_ID)
                label = part.get("n") or str(len(pages) + 1)
            elif part.tag == f"{{{TEI_NS}}}graphic":
                graphic, surface, label = part, part.get(XML_ID), str(len(pages) + 1)
            else:
                continue
            if graphic is None or not graphic.get("url"):
                continue
            url = graphic.get("url", "")
            pages.append(Page(len(pages) + 1, surface, url, local_image(url, document), label,
                              _line(graphic)))
    return pages


def _line(node: etree._Element) -> int | None:
    line = node.sourceline
    return line if isinstance(line, int) else None


def local_image(url: str, document: Path) -> Path | None:
    """The file a relative `@url` names beside the document; None for any other URL (a
    remote image is listed, never fetched), a file that is not there, or one outside the
    edition (the folder above the document's): a document cannot publish any image on disk."""
    parts = urlsplit(url)
    if parts.scheme or parts.netloc or parts.path.startswith("/") or not parts.path:
        return None
    folder = document.parent.resolve()
    path = (folder / unquote(parts.path)).resolve()
    return path if path.is_file() and path.is_relative_to(folder.parent) else None


# -- the tile pyramid ---------------------------------------------------------------------------

def scale_factors(width: int, height: int) -> list[int]:
    """1, 2, 4... until the whole image fits in one tile."""
    factors = [1]
    while max(math.ceil(width / factors[-1]), math.ceil(height / factors[-1])) > TILE:
        factors.append(factors[-1] * 2)
    return factors


def plan(width: int, height: int) -> list[tuple[str, int, tuple[int, int, int, int]]]:
    """Every `{region}/{size}/0/default.jpg` a level 0 client derives from the info.json, with
    the scale factor and the box in that level's image it is cut from: each tile at each scale
    factor (named as OpenSeadragon and the Image API's canonical form name them: `full` for the
    whole region, `max` for the full size) and each listed size."""
    items: list[tuple[str, int, tuple[int, int, int, int]]] = []
    for factor in scale_factors(width, height):
        level_w, level_h = math.ceil(width / factor), math.ceil(height / factor)
        whole = (0, 0, level_w, level_h)
        items.append((f"full/{level_w},{level_h}/0/default.jpg", factor, whole))  # `sizes`
        if factor == 1:
            items.append(("full/max/0/default.jpg", factor, whole))
        if level_w < TILE and level_h < TILE:
            continue  # one tile: the size above is it
        span = TILE * factor
        for y in range(0, height, span):
            for x in range(0, width, span):
                w, h = min(span, width - x), min(span, height - y)
                region = "full" if (x, y, w, h) == (0, 0, width, height) else f"{x},{y},{w},{h}"
                size_w, size_h = math.ceil(w / factor), math.ceil(h / factor)
                size = "max" if (size_w, size_h) == (width, height) else f"{size_w},{size_h}"
                left, top = x // factor, y // factor
                items.append((f"{region}/{size}/0/default.jpg", factor,
                              (left, top, left + size_w, top + size_h)))
    unique: dict[str, tuple[str, int, tuple[int, int, int, int]]] = {}
    for item in items:
        unique.setdefault(item[0], item)
    return list(unique.values())


def image_paths(width: int, height: int) -> list[str]:
    return [path for path, _, _ in plan(width, height)]


def _render(source: Path, target: Path) -> tuple[int, int]:
    """The pyramid of one image into `target` (a fresh folder)."""
    with Image.open(source) as opened:
        image = opened.convert("RGB")
    width, height = image.size
    levels: dict[int, Image.Image] = {1: image}
    for factor in scale_factors(width, height)[1:]:  # each level from the one above: cheap
        levels[factor] = levels[factor // 2].resize(
            (math.ceil(width / factor), math.ceil(height / factor)), Image.Resampling.LANCZOS)
    written: dict[tuple[int, tuple[int, int, int, int]], Path] = {}  # full/max is full/W,H
    for path, factor, box in plan(width, height):
        out = target / path
        out.parent.mkdir(parents=True, exist_ok=True)
        if (factor, box) in written:
            try:
                os.link(written[factor, box], out)  # the same image under its other name
            except OSError:
                shutil.copyfile(written[factor, box], out)
            continue
        level = levels[factor]
        tile = level if box == (0, 0, level.width, level.height) else level.crop(box)
        buffer = io.BytesIO()
        tile.save(buffer, "JPEG", quality=QUALITY)
        out.write_bytes(buffer.getvalue())
        written[factor, box] = out
    (target / "size").write_text(f"{width} {height}\n", "ascii")
    return width, height


def content_hash(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def _cache_folder(cache: Path, digest: str) -> Path:
    return cache / f"{digest}-{TILE}-{QUALITY}"


def _make_pyramid(job: tuple[Path, Path]) -> str | None:
    """Render one image's pyramid into its cache folder (in a worker process, or here); the
    reason it cannot, for an image that is not one (errors cross process boundaries as text)."""
    source, folder = job
    if (folder / "size").is_file():
        return None
    folder.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=".tiles-", dir=folder.parent))
    try:
        try:
            with warnings.catch_warnings():
                warnings.simplefilter("error", Image.DecompressionBombWarning)
                _render(source, staging)
        except (Image.DecompressionBombError, Image.DecompressionBombWarning):
            return f"the image claims more than {Image.MAX_IMAGE_PIXELS} pixels; refused"
        except (OSError, SyntaxError, ValueError) as error:  # Pillow's words for bad image data
            return f"not an image Pillow can read: {error}"
        try:
            os.rename(staging, folder)  # atomic; another worker may have won the race
        except OSError:
            if not (folder / "size").is_file():
                raise
        return None
    finally:
        shutil.rmtree(staging, ignore_errors=True)


def cached_pyramids(sources: Sequence[Path], cache: Path, jobs: int,
                    document: Path | None = None, pages: Sequence[Page] = ()) -> list[tuple[Path, int, int]]:
    """The tiles of each image's content, each made at most once: `cache/<sha256>-.../`.
    Missing pyramids are made in parallel worker processes (Pillow's resampling and JPEG
    encoding are CPU work; processes, not threads, so that the GIL never serialises them),
    spawned, not forked: the build's workers hold a Saxon VM a fork must not copy."""
    folders = [_cache_folder(cache, content_hash(source)) for source in sources]
    missing = list(dict.fromkeys((s, f) for s, f in zip(sources, folders) if not (f / "size").is_file()))
    workers = min(jobs, len(missing))
    if workers > 1 and len(missing) >= 4:
        from toolkit.builders.safety import die_with_parent

        with ProcessPoolExecutor(workers, mp_context=multiprocessing.get_context("spawn"),
                                 initializer=die_with_parent, initargs=(os.getpid(),)) as pool:
            errors = list(pool.map(_make_pyramid, missing, chunksize=max(1, len(missing) // (workers * 4))))
    else:
        errors = [_make_pyramid(job) for job in missing]
    for (source, _), error in zip(missing, errors):
        if error is not None:
            page = next((p for p in pages if p.image == source), None)
            raise InputError(f"page image {page.url if page else source}: {error}",
                             str(document or source), page.line if page else None)
    result = []
    for folder in folders:
        width, height = map(int, (folder / "size").read_text("ascii").split())
        result.append((folder, width, height))
    return result


def _link_tree(source: Path, target: Path) -> None:
    """The cached tiles into the site: hard links (no copy), a copy where there are none."""
    for directory, _, files in os.walk(source):
        relative = Path(directory).relative_to(source)
        (target / relative).mkdir(parents=True, exist_ok=True)
        for name in files:
            if name == "size":
                continue
            src, dst = Path(directory) / name, target / relative / name
            if dst.exists():
                if os.path.samefile(src, dst):
                    continue
                dst.unlink()
            try:
                os.link(src, dst)
            except OSError:
                shutil.copyfile(src, dst)


def info_json(service: str, width: int, height: int) -> dict[str, object]:
    factors = scale_factors(width, height)
    return {
        "@context": IMAGE_CONTEXT,
        "id": service,
        "type": "ImageService3",
        "protocol": "http://iiif.io/api/image",
        "profile": "level0",
        "width": width,
        "height": height,
        "sizes": [{"width": math.ceil(width / f), "height": math.ceil(height / f)}
                  for f in reversed(factors)],
        "tiles": [{"width": TILE, "height": TILE, "scaleFactors": factors}],
        "extraFormats": [],
        "preferredFormats": ["jpg"],
    }


# -- the document ---------------------------------------------------------------------------------

@dataclass(frozen=True)
class Published:
    pages: tuple[Page, ...]  # the pages published (local images)
    missing: tuple[Page, ...]  # remote or missing images: listed, never fetched
    written: tuple[Path, ...]


def publish(root: etree._Element, document: Path, doc_id: str, site: Path, cache: Path,
            edition: EditionConfig, base_url: str = "", jobs: int | None = None) -> Published:
    """Tiles, info.json per page and the manifest, under `site/iiif/<doc_id>/`."""
    pages = pages_of(root, document)
    local = [p for p in pages if p.image is not None]
    missing = tuple(p for p in pages if p.image is None)
    folder = site / "iiif" / doc_id
    if not local:
        shutil.rmtree(folder, ignore_errors=True)
        return Published((), missing, ())
    base = (base_url or FALLBACK_BASE).rstrip("/") + "/"
    pyramids = cached_pyramids([p.image for p in local if p.image is not None], cache,
                               jobs or os.cpu_count() or 1, document, local)
    written: list[Path] = []
    keep = set()
    sizes: dict[int, tuple[int, int]] = {}
    for page, (tiles, width, height) in zip(local, pyramids):
        target = folder / str(page.number)
        keep.add(str(page.number))
        stamp = target / ".pyramid"  # which cached pyramid the page's files are
        if target.is_dir() and not (stamp.is_file() and stamp.read_text("ascii") == tiles.name):
            shutil.rmtree(target)  # another image: none of its tiles may stay
        _link_tree(tiles, target)
        write_atomic(stamp, tiles.name.encode("ascii"))
        service = f"{base}iiif/{doc_id}/{page.number}"
        info = target / "info.json"
        write_atomic(info, json.dumps(info_json(service, width, height), indent=1).encode())
        written.append(info)
        sizes[page.number] = (width, height)
    for stale in folder.iterdir():
        if stale.is_dir() and stale.name not in keep:
            shutil.rmtree(stale)
    manifest = folder / "manifest.json"
    data = manifest_json(root, doc_id, local, sizes, edition, base)
    write_atomic(manifest, json.dumps(data, indent=1, ensure_ascii=False).encode("utf-8"))
    written.append(manifest)
    return Published(tuple(local), missing, tuple(written))


# Presentation 3.0 `rights`: a Creative Commons or RightsStatements.org URI as those define it
# (http://, which the official JSON Schema checks); any other licence is named only in
# `requiredStatement`.
_RIGHTS = re.compile(r"^https?://(creativecommons\.org/(?:licenses|publicdomain)/|rightsstatements\.org/vocab/)(.*)$")


def rights_uri(url: str) -> str | None:
    """The licence's canonical `rights` URI, None when it is not one `rights` may hold."""
    found = _RIGHTS.match(url.strip())
    return f"http://{found.group(1)}{found.group(2)}" if found else None


def label_language(tag: str | None) -> str:
    """A language map key for the document's xml:lang: the tag when it is letters and hyphens
    (what the official schema admits), else its primary subtag, else 'none'."""
    tag = (tag or "").strip()
    if re.fullmatch(r"[A-Za-z][A-Za-z-]*", tag):
        return tag
    primary = tag.split("-")[0]
    return primary if re.fullmatch(r"[A-Za-z]{2,8}", primary) else "none"


def _text(root: etree._Element, path: str) -> str:
    found = root.xpath(f"string({path})", namespaces=NS)
    return " ".join(str(found).split())


def manifest_json(root: etree._Element, doc_id: str, pages: Sequence[Page],
                  sizes: dict[int, tuple[int, int]], edition: EditionConfig, base: str) -> dict[str, object]:
    """A Presentation 3.0 manifest: a canvas per page, in the order of the page breaks."""
    language = label_language(root.get("{http://www.w3.org/XML/1998/namespace}lang") or "en")
    title = _text(root, "tei:teiHeader/tei:fileDesc/tei:titleStmt/tei:title[1]") or doc_id
    prefix = f"{base}iiif/{doc_id}"

    def pair(label: str, value: str) -> dict[str, object]:
        return {"label": {"en": [label]}, "value": {"none": [value]}}

    metadata = [pair("Identifier", doc_id)]
    date = _text(root, "(tei:teiHeader/tei:profileDesc/tei:creation/tei:date)[1]")
    if date:
        metadata.append(pair("Date", date))
    repository = _text(root, "(tei:teiHeader/tei:fileDesc/tei:sourceDesc//tei:msIdentifier/tei:repository)[1]")
    if repository:
        metadata.append(pair("Repository", repository))
    shelfmark = _text(root, "(tei:teiHeader/tei:fileDesc/tei:sourceDesc//tei:msIdentifier/tei:idno)[1]")
    if shelfmark:
        metadata.append(pair("Shelfmark", shelfmark))
    metadata.append(pair("Edition", edition.title))
    canvases = []
    for page in pages:
        width, height = sizes[page.number]
        canvas = f"{prefix}/canvas/{page.number}"
        service = f"{prefix}/{page.number}"
        canvases.append({
            "id": canvas, "type": "Canvas", "label": {"none": [f"p. {page.label}"]},
            "width": width, "height": height,
            "thumbnail": [{"id": f"{service}/full/{math.ceil(width / scale_factors(width, height)[-1])},"
                                 f"{math.ceil(height / scale_factors(width, height)[-1])}/0/default.jpg",
                           "type": "Image", "format": "image/jpeg"}],
            "items": [{
                "id": f"{canvas}/page", "type": "AnnotationPage",
                "items": [{
                    "id": f"{canvas}/page/image", "type": "Annotation", "motivation": "painting",
                    "target": canvas,
                    "body": {"id": f"{service}/full/max/0/default.jpg", "type": "Image",
                             "format": "image/jpeg", "width": width, "height": height,
                             "service": [{"id": service, "type": "ImageService3", "profile": "level0"}]},
                }],
            }],
        })
    manifest: dict[str, object] = {
        "@context": PRESENTATION_CONTEXT,
        "id": f"{prefix}/manifest.json",
        "type": "Manifest",
        "label": {language: [title]},
        "metadata": metadata,
        "summary": {"en": [f"The scanned original of document {doc_id}, {len(pages)} "
                           f"page{'s' if len(pages) != 1 else ''}, beside its edition in {edition.title}."]},
        "homepage": [{"id": f"{base}{doc_id}.html", "type": "Text", "label": {language: [title]},
                      "format": "text/html"}],
        "rendering": [
            {"id": f"{base}pdf/{doc_id}.pdf", "type": "Text", "label": {"en": ["The print edition (PDF)"]},
             "format": "application/pdf"},
            {"id": f"{base}tei/{doc_id}.xml", "type": "Dataset", "label": {"en": ["The TEI P5 source"]},
             "format": "application/tei+xml"},
        ],
        "items": canvases,
    }
    rights = rights_uri(edition.licence.url)
    if rights is not None:
        manifest["rights"] = rights
    if edition.licence.name or edition.publisher:
        statement = ", ".join(part for part in (edition.licence.name, edition.publisher) if part)
        manifest["requiredStatement"] = pair("Licence of the edition", statement)
    if edition.publisher:
        manifest["provider"] = [{"id": f"{base}index.html", "type": "Agent",
                                 "label": {"en": [edition.publisher]},
                                 "homepage": [{"id": f"{base}index.html", "type": "Text",
                                               "label": {"en": [edition.title]}, "format": "text/html"}]}]
    return manifest

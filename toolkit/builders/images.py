"""A document's local images (graphic/@url), published under content-hashed names.

Imported documents keep their figures as `<graphic url="images/fig1.png"/>`, relative to the
document file. The builders show such an image only when it is a file inside the edition
folder (never outside it by `..` or a symlink, never fetched from anywhere), of a format
both editions can draw (PNG, JPEG, SVG without scripts or external references), and only the
files a document refers to. Each is published as `images/<sha256>.<ext>`: the name changes
with the content, so a page never shows a stale copy and two documents sharing an image
share the file. Anything else keeps the builders' [image] placeholder, with a warning naming
the file and line. Shared by the web and print builders (and meant for scans too).
"""

from __future__ import annotations

import hashlib
import html
import re
import sys
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import unquote, urlsplit

from lxml import etree

from toolkit import filestate
from toolkit.errors import Diagnostic, Severity
from toolkit.output import write_atomic
from toolkit.tei import TEI_NS

#: the attribute the builders' stylesheets read: the published name, relative to the pages
SRC = "{https://teikit.org/ns}src"
IMAGE_DIR = "images"
THUMB_DIR = "thumbs"  # the print root's page thumbnails (toolkit.builders.thumbnails)
MAX_BYTES = 50 * 1024 * 1024  # a figure, not an archive: larger files keep the placeholder
_SVG_NS = "http://www.w3.org/2000/svg"
_XLINK_HREF = "{http://www.w3.org/1999/xlink}href"


@dataclass(frozen=True)
class LocalImage:
    url: str  # as the document writes it
    name: str  # images/<sha256>.<ext>, relative to the pages and to the print root
    data: bytes


def image_kind(data: bytes) -> str | None:
    """png, jpg or svg by the file's content (its name may say anything); None otherwise."""
    if data.startswith(b"\x89PNG\r\n\x1a\n"):
        return "png"
    if data.startswith(b"\xff\xd8\xff"):
        return "jpg"
    head = data[:2048].lstrip(b"\xef\xbb\xbf \t\r\n")
    if head.startswith((b"<?xml", b"<svg", b"<!--")) and b"<svg" in head:
        return "svg" if _safe_svg(data) else None
    return None


def _safe_svg(data: bytes) -> bool:
    """An SVG that can do nothing when opened on its own: no script, no event handler, no
    foreignObject, no reference to anything outside itself (it is served from the site)."""
    try:
        parser = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False, huge_tree=False)
        root = etree.fromstring(data, parser)
    except etree.XMLSyntaxError:
        return False
    if root.tag != f"{{{_SVG_NS}}}svg" or root.getroottree().docinfo.internalDTD is not None:
        return False
    for node in root.iter(etree.Element):
        local = etree.QName(node).localname.lower()
        if local in ("script", "foreignobject", "iframe", "embed", "object") or \
                etree.QName(node).namespace not in (_SVG_NS, None):
            return False
        for key, raw in node.attrib.items():
            name, value = str(key), str(raw)
            attribute = etree.QName(name).localname.lower()
            if attribute.startswith("on"):
                return False
            if (name == _XLINK_HREF or attribute == "href") and not value.strip().startswith("#"):
                return False
            if "url(" in value and not re.fullmatch(r"[^()]*url\(\s*#[^)]*\)[^()]*", value):
                return False
    return True


def local_images(root: etree._Element, document: Path, edition: Path) -> tuple[list[LocalImage], list[Diagnostic]]:
    """The images `root` (the TEI of `document`) shows, and a warning for each it cannot."""
    found: dict[str, LocalImage] = {}
    warnings: list[Diagnostic] = []
    boundary: Path | None = None  # resolved at the first local image: most documents have none
    for graphic in root.iter(f"{{{TEI_NS}}}graphic"):
        url = (graphic.get("url") or "").strip()
        if not url or url in found:
            continue
        parts = urlsplit(url)
        if parts.scheme or parts.netloc or url.startswith(("/", "\\")):
            continue  # remote or absolute: never fetched, the placeholder says an image is there
        line = graphic.sourceline if isinstance(graphic.sourceline, int) else None

        def warn(why: str) -> None:
            warnings.append(Diagnostic(Severity.WARNING, f"image {url!r} {why}; shown as a placeholder",
                                       str(document), line, None, "build-image"))
        try:
            path = (document.parent / unquote(parts.path)).resolve()
        except (OSError, RuntimeError):
            warn("cannot be resolved")
            continue
        boundary = boundary or edition.resolve()
        if not path.is_relative_to(boundary):
            warn(f"is outside the edition folder {edition}")
            continue
        if not path.is_file():
            warn("is not a file of the edition")
            continue
        if path.stat().st_size > MAX_BYTES:
            warn(f"is larger than {MAX_BYTES // (1024 * 1024)} MB")
            continue
        data = path.read_bytes()
        kind = image_kind(data)
        if kind is None:
            warn("is not a PNG, JPEG or self-contained SVG (no scripts, no external references)")
            continue
        name = f"{IMAGE_DIR}/{hashlib.sha256(data).hexdigest()}.{kind}"
        found[url] = LocalImage(url, name, data)
    return list(found.values()), warnings


def mark_images(root: etree._Element, images: list[LocalImage]) -> None:
    """Give each graphic whose image is published its name (SRC), for the stylesheets."""
    names = {image.url: image.name for image in images}
    for graphic in root.iter(f"{{{TEI_NS}}}graphic"):
        name = names.get((graphic.get("url") or "").strip())
        if name is not None:
            graphic.set(SRC, name)


def publish_images(images: list[LocalImage], folder: Path) -> list[Path]:
    """Write the images under `folder` (the name is the content: an existing file is kept)."""
    written = []
    for image in images:
        target = folder / image.name
        if not target.is_file() or target.stat().st_size != len(image.data):
            write_atomic(target, image.data)
        written.append(target)
    return written


def report(warnings: list[Diagnostic]) -> None:
    for warning in warnings:
        print(warning.format(), file=sys.stderr)


# -- images in the build's content hash, and files no document refers to ------------------------

# graphic/@url read from the document's bytes, not a parse: run over every document on every
# build (the build hashes bytes, never parses, to tell which documents changed); linear, as
# a tag's scan stops at the next < or >
_GRAPHIC_URL = re.compile(rb"""<(?:[A-Za-z_][\w.-]*:)?graphic\b[^<>]*?\burl\s*=\s*(?:"([^"]*)"|'([^']*)')""")


def _urls_of(data: bytes) -> list[str]:
    return [] if b"graphic" not in data else [
        html.unescape((match.group(1) or match.group(2) or b"").decode("utf-8", "replace")).strip()
        for match in _GRAPHIC_URL.finditer(data)]


def _graphic_urls(document: Path) -> list[str]:
    """The graphic/@url values of the document's bytes, scanned once per content (the html,
    pdf and epub builds of one `teikit build` each ask, and the next build again)."""
    return list(filestate.fact(document, "graphic-urls", _urls_of))


def referenced_files(document: Path, edition: Path) -> list[tuple[str, Path | None]]:
    """Each relative graphic/@url of `document` with the edition file it names (None when there
    is none), by the rules local_images() applies; remote and absolute URLs are left out."""
    urls = _graphic_urls(document)
    if not urls:
        return []
    boundary = edition.resolve()
    found: dict[str, Path | None] = {}
    for url in urls:
        parts = urlsplit(url)
        if not url or url in found or parts.scheme or parts.netloc or url.startswith(("/", "\\")):
            continue
        try:
            path: Path | None = (document.parent / unquote(parts.path)).resolve()
        except (OSError, RuntimeError):
            path = None
        if path is not None and not (path.is_relative_to(boundary) and path.is_file()):
            path = None
        found[url] = path
    return list(found.items())


def images_hash(document: Path, edition: Path) -> str:
    """The content of the local images `document` shows, for the build's per-document hash: a
    changed image (or one that appears where the page had a placeholder) rebuilds the
    document's page and PDF though its TEI is unchanged. '' for a document without images."""
    files = referenced_files(document, edition)
    if not files:
        return ""
    text = "\0".join(f"{url}\0{filestate.sha256(path) if path else '-'}" for url, path in files)
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def referenced_digests(documents: Iterable[Path], edition: Path) -> set[str]:
    """The SHA-256 of every local image the edition's documents refer to now."""
    return {filestate.sha256(path) for document in documents
            for _, path in referenced_files(document, edition) if path is not None}


def remove_unreferenced(root: Path, digests: set[str]) -> list[Path]:
    """Published images (`images/<sha256>.<ext>`) and their thumbnails (`thumbs/<sha256>-W.jpg`)
    under `root` that no document refers to any more (it left the edition, or changed its
    image): removed, so the site and the print root hold only what the edition shows."""
    removed = []
    for folder in (root / IMAGE_DIR, root / THUMB_DIR):
        if not folder.is_dir():
            continue
        for path in folder.iterdir():
            digest = path.name.split(".", 1)[0].split("-", 1)[0]
            if path.is_file() and re.fullmatch(r"[0-9a-f]{64}", digest) and digest not in digests:
                path.unlink()
                removed.append(path)
    return removed

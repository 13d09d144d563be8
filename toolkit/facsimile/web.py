"""The web builder's side of the facsimile: publish a document's scan as static IIIF, tell the
page stylesheet which pages it has, and ship the viewer (OpenSeadragon, from npm, copied into
the site: no CDN)."""

from __future__ import annotations

import shutil
from pathlib import Path

from lxml import etree

from toolkit.builders.base import BuildConfig, Document
from toolkit.facsimile.iiif import publish
from toolkit.output import write_atomic

_REPOSITORY = Path(__file__).resolve().parents[2]
VIEWER_FILES = ("openseadragon.min.js", "LICENSE.txt")


def publish_document(root: etree._Element, document: Document, config: BuildConfig,
                     site: Path) -> tuple[str, list[Path]]:
    """The page numbers published (`"1 2 3"`, '' without a local facsimile) and the files."""
    published = publish(root, document.path, document.id, site, config.output_dir / ".iiif-cache",
                        config.edition, config.url)
    return " ".join(str(page.number) for page in published.pages), list(published.written)


def remove(site: Path, doc_id: str) -> None:
    """A document that left the edition takes its IIIF with it."""
    shutil.rmtree(site / "iiif" / doc_id, ignore_errors=True)


def viewer_source() -> Path | None:
    """OpenSeadragon as npm installed it (`npm install`, package.json), or None."""
    npm = _REPOSITORY / "node_modules" / "openseadragon"
    if (npm / "build" / "openseadragon" / VIEWER_FILES[0]).is_file():
        return npm
    shipped = Path(__file__).resolve().parents[1] / "data" / "openseadragon"  # a wheel (setup.py)
    return shipped if (shipped / VIEWER_FILES[0]).is_file() else None


def copy_viewer(site: Path) -> list[Path]:
    """`assets/openseadragon/`; without it the pages show each scan page as a plain image."""
    source = viewer_source()
    if source is None:
        return []
    written = []
    for name in VIEWER_FILES:
        target = site / "assets" / "openseadragon" / name
        file = source / name
        if not file.is_file():  # npm's layout: the script under build/, the licence at the top
            file = source / "build" / "openseadragon" / name
        if not file.is_file():
            continue
        data = file.read_bytes()
        if not (target.is_file() and target.read_bytes() == data):
            write_atomic(target, data)
        written.append(target)
    return written

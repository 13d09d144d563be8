"""Page thumbnails of a document's scan for the print edition's "Facsimile" appendix.

A scan page is about 1275 x 1650 px (150 dpi); twenty of them would make a document's PDF
several MB. The appendix shows each page small, so each is reduced once to a JPEG THUMB_WIDTH
px wide, named by the scan's content (`thumbs/<sha256>-<width>.jpg` under the print root): a
rebuild or a second document with the same scan reuses the file, a changed scan gets a new one.
Only local images that local_images() accepted are read; nothing is fetched.
"""

from __future__ import annotations

import hashlib
import io
import warnings

from pathlib import Path

from lxml import etree
from PIL import Image

from toolkit.builders.images import THUMB_DIR, LocalImage
from toolkit.errors import Diagnostic, Severity
from toolkit.output import write_atomic
from toolkit.tei import TEI_NS

#: the attribute pdf-document.xsl reads: the thumbnail's name, relative to the print root
THUMB = "{https://teikit.org/ns}thumb"
THUMB_WIDTH = 300  # px: a grid of three per row on A4 at about 160 dpi
QUALITY = 70


def scan_only(root: etree._Element, images: list[LocalImage]) -> set[str]:
    """The urls only the facsimile uses: the print edition needs their thumbnails, not them."""
    facsimile = f"{{{TEI_NS}}}facsimile"
    in_text = {(g.get("url") or "").strip() for g in root.iter(f"{{{TEI_NS}}}graphic")
               if not any(a.tag == facsimile for a in g.iterancestors())}
    return {image.url for image in images} - in_text


def thumbnail(image: LocalImage, folder: Path) -> str | None:
    """The thumbnail's name under `folder`, made if missing; None if Pillow cannot read it."""
    if image.name.endswith(".svg"):
        return None
    name = f"{THUMB_DIR}/{hashlib.sha256(image.data).hexdigest()}-{THUMB_WIDTH}.jpg"
    target = folder / name
    if target.is_file():
        return name
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            with Image.open(io.BytesIO(image.data)) as opened:
                # a JPEG decodes at 1/2, 1/4 or 1/8 of its size, still at least the thumbnail's
                opened.draft("RGB", (THUMB_WIDTH, max(1, THUMB_WIDTH * opened.height // max(1, opened.width))))
                small = opened.convert("RGB")
        small.thumbnail((THUMB_WIDTH, THUMB_WIDTH * 4), Image.Resampling.LANCZOS)
        out = io.BytesIO()
        small.save(out, "JPEG", quality=QUALITY, optimize=True)
    except (OSError, ValueError, Image.DecompressionBombError, Image.DecompressionBombWarning):
        return None
    write_atomic(target, out.getvalue())
    return name


def mark_thumbnails(root: etree._Element, images: list[LocalImage], folder: Path,
                    document: Path) -> list[Diagnostic]:
    """Give each facsimile graphic with a readable local image its thumbnail's name (THUMB);
    a warning, naming file and line, for each page whose image cannot be reduced."""
    by_url = {image.url: image for image in images}
    made: dict[str, str | None] = {}
    problems: list[Diagnostic] = []
    for graphic in root.iterfind(f"{{{TEI_NS}}}facsimile//{{{TEI_NS}}}graphic"):
        url = (graphic.get("url") or "").strip()
        image = by_url.get(url)
        if image is None:
            continue  # remote, missing or refused: local_images() has warned
        if url not in made:
            made[url] = thumbnail(image, folder)
        name = made[url]
        if name is None:
            line = graphic.sourceline if isinstance(graphic.sourceline, int) else None
            problems.append(Diagnostic(Severity.WARNING, f"scan {url!r} cannot be read as an image; "
                                       "left out of the facsimile appendix", str(document), line,
                                       None, "build-image"))
            continue
        graphic.set(THUMB, name)
    return problems

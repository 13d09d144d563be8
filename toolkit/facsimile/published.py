"""Image URLs for the exchange formats: where the web edition published each local image.

A document names its images relative to its own file (`../facsimiles/116488/page-001-....jpg`,
`images/fig1.png`). Served by DTS or harvested over OAI-PMH, the document is no longer beside
them, so where the edition has a published address (`base_url` in teikit.toml) each such
`graphic/@url` becomes the absolute URL of the file the web build wrote for it:

- a facsimile page (a local image `pages_of` finds): its IIIF full image,
  `BASE/iiif/ID/N/full/max/0/default.jpg` (the build tiles every such page, TIFF included);
- any graphic of the text the builders publish (`toolkit.builders.images`):
  `BASE/images/<sha256>.<ext>`.

Remote and absolute URLs, fragments and images the build does not publish (missing, outside the
edition, of another format) are left as written: no URL is invented, and no filesystem path
ever reaches the output. Without a base_url every URL stays relative to the TEI file.
"""

from __future__ import annotations

import hashlib
from pathlib import Path
from urllib.parse import quote, urlsplit

from lxml import etree

from toolkit import filestate
from toolkit.builders.images import IMAGE_DIR, MAX_BYTES, image_kind
from toolkit.facsimile.iiif import local_image, pages_of
from toolkit.tei import TEI_NS

def published_name(path: Path) -> str | None:
    """`images/<sha256>.<ext>` as the builders publish the file, None when they do not. A DTS
    or OAI answer rewrites on every request: the name is a fact of the file's content
    (toolkit/filestate.py), so an unchanged file is read once."""
    if path.stat().st_size > MAX_BYTES:
        return None
    name: str | None = filestate.fact(path, "published-image", _published)
    return name


def _published(data: bytes) -> str | None:
    kind = image_kind(data)
    return f"{IMAGE_DIR}/{hashlib.sha256(data).hexdigest()}.{kind}" if kind else None


def resolve_image_urls(root: etree._Element, document: Path, doc_id: str, base_url: str) -> int:
    """Rewrite, in place, the relative `graphic/@url`s of `root` (the TEI of `document`, or a
    copy of it) to their published URLs under `base_url`; the number rewritten. Nothing is
    changed without a base_url."""
    if not base_url.startswith(("http://", "https://")):
        return 0
    base = base_url.rstrip("/") + "/"
    pages = {page.url: page.number for page in pages_of(root, document) if page.image is not None}
    facsimile = f"{{{TEI_NS}}}facsimile"
    graphics = [(g, any(a.tag == facsimile for a in g.iterancestors()))
                for g in root.iter(f"{{{TEI_NS}}}graphic")]
    in_text = {(g.get("url") or "").strip() for g, in_facsimile in graphics if not in_facsimile}
    changed = 0
    for graphic, in_facsimile in graphics:
        raw = graphic.get("url") or ""
        url = raw.strip()
        parts = urlsplit(url)
        if not parts.path or parts.scheme or parts.netloc or url.startswith(("/", "\\")):
            continue  # remote, absolute or a bare fragment: as written
        if in_facsimile and raw in pages:
            published = f"{base}iiif/{quote(doc_id, safe='')}/{pages[raw]}/full/max/0/default.jpg"
        elif url not in in_text:
            continue  # a facsimile's other image: the build publishes only its pages (tiles)
        else:
            path = local_image(url, document)
            name = published_name(path) if path is not None else None
            if name is None:
                continue  # not published by the build: no URL is invented
            published = base + name
        graphic.set("url", published)
        changed += 1
    return changed

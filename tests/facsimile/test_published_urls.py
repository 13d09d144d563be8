"""Image URLs in the exchange formats (DTS, OAI-PMH): each local image a document names relative
to its file becomes the URL of the file the web build published for it, under base_url; the
build is real, and every URL given out is checked to be a file of the built site."""

from __future__ import annotations

import hashlib
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from lxml import etree
from PIL import Image

from toolkit.builders.base import BuildConfig, run_builder
from toolkit.builders.html import HtmlBuilder
from toolkit.cli import main
from toolkit.config import config_for
from toolkit.facsimile.published import resolve_image_urls

from .scans import SAMPLE, make_edition, scan_pdf

TEI = "http://www.tei-c.org/ns/1.0"
BASE = "https://edition.example.org/"
FIGURES = ['../figures/map.png', '../figures/missing.png', 'https://example.org/remote.png',
           '../../outside.png', '#local']


@pytest.fixture(scope="module")
def edition(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("published")
    folder = make_edition(root / "edition")
    document = folder / "tei" / f"{SAMPLE}.xml"
    assert main(["facsimile", str(document), str(scan_pdf(root / "scan.pdf", 3))]) == 0
    (folder / "figures").mkdir()
    Image.new("RGB", (120, 80), (20, 90, 160)).save(folder / "figures" / "map.png")
    Image.new("RGB", (120, 80), (90, 20, 160)).save(folder / "figures" / "verso.png")
    Image.new("RGB", (10, 10)).save(root / "outside.png")
    figures = "".join(f'<figure><graphic url="{url}"/></figure>' for url in FIGURES)
    text = document.read_text("utf-8")  # a second image of the first page: not published
    text = text.replace("</surface>", '<graphic url="../figures/verso.png"/></surface>', 1)
    header, body = text.split("<body", 1)
    document.write_text(header + "<body" + body.replace("</p>", figures + "</p>", 1), "utf-8")
    config = BuildConfig(source_dir=folder / "tei", output_dir=folder / "build",
                         edition=config_for(folder / "tei"), base_url=BASE)
    run_builder(HtmlBuilder, config)
    return folder


def urls(root: etree._Element) -> list[str]:
    return [str(g.get("url")) for g in root.iter(f"{{{TEI}}}graphic")]


def test_published_images_get_their_urls_in_the_built_site(edition: Path) -> None:
    document = edition / "tei" / f"{SAMPLE}.xml"
    root = etree.parse(str(document)).getroot()
    assert resolve_image_urls(root, document, SAMPLE, BASE) == 4  # three pages and the map
    resolved = urls(root)
    figures = [u for u in resolved[4:] if not u.startswith(f"{BASE}iiif/")]
    assert [u for u in resolved if u.startswith(f"{BASE}iiif/")] == \
        [f"{BASE}iiif/{SAMPLE}/{n}/full/max/0/default.jpg" for n in (1, 2, 3)]
    assert resolved[1] == "../figures/verso.png"  # in the facsimile, not a page: as written
    assert figures[0].startswith(f"{BASE}images/") and figures[0].endswith(".png")
    # not published by the build: as written (no URL invented, no path of this machine)
    assert figures[1:] == FIGURES[1:]
    for url in resolved:
        if url.startswith(BASE):
            site_file = edition / "build" / "html" / urlsplit(url).path.lstrip("/")
            assert site_file.is_file(), url
    assert str(edition) not in etree.tostring(root, encoding="unicode")


def test_scans_are_published_as_iiif_only_figures_under_images(edition: Path) -> None:
    """The page shows a scan through its tiles: a copy of each scan under images/ would double
    the site's size for nothing."""
    published = sorted(p.name for p in (edition / "build" / "html" / "images").iterdir())
    digest = hashlib.sha256((edition / "figures" / "map.png").read_bytes()).hexdigest()
    assert published == [f"{digest}.png"]


def test_without_a_base_url_every_url_stays_relative_to_the_tei_file(edition: Path) -> None:
    document = edition / "tei" / f"{SAMPLE}.xml"
    root = etree.parse(str(document)).getroot()
    before = urls(root)
    assert resolve_image_urls(root, document, SAMPLE, "") == 0
    assert urls(root) == before and before[0].startswith(f"../facsimiles/{SAMPLE}/")

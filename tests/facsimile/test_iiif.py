"""Static IIIF in the web build: Image API 3.0 level 0 tiles and a Presentation 3.0 manifest.

The manifest is checked by iiif-prezi3's models (generated from the IIIF Presentation 3 JSON
Schema; no copy of the schema file itself ships on PyPI) and, since those models are lenient
in places, by the spec's MUSTs written out here, including what the official JSON Schema (of
the IIIF presentation-validator, run on these manifests outside the repository) checks beyond
them: `rights` a Creative Commons or RightsStatements.org URI in its http:// form, language
map keys of letters and hyphens, every id an http(s) URI. Tiles: every URL a level 0 client derives
from each info.json (computed here as OpenSeadragon does, not with the builder's code) is a
file of the stated size, for every canvas at every scale factor and listed size."""

from __future__ import annotations

import json
import math
import re
import shutil
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import pytest
from iiif_prezi3 import Manifest
from lxml import etree, html
from PIL import Image

from toolkit.builders.base import BuildConfig, run_builder
from toolkit.builders.html import HtmlBuilder
from toolkit.cli import main
from toolkit.config import config_for

from .scans import SAMPLE, make_edition, scan_pdf

TEI = {"tei": "http://www.tei-c.org/ns/1.0"}
BASE = "https://edition.example.org/"


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("iiif")
    edition = make_edition(root / "edition")
    assert main(["facsimile", str(edition / "tei" / f"{SAMPLE}.xml"),
                 str(scan_pdf(root / "scan.pdf", 3))]) == 0
    build(edition)
    return edition


def build(edition: Path, force: bool = False) -> None:
    config = BuildConfig(source_dir=edition / "tei", output_dir=edition / "build", jobs=1,
                         edition=config_for(edition / "tei"), base_url=BASE, force=force)
    run_builder(HtmlBuilder, config)


def manifest_of(edition: Path) -> dict[str, Any]:
    data: dict[str, Any] = json.loads((edition / "build" / "html" / "iiif" / SAMPLE / "manifest.json").read_text("utf-8"))
    return data


def site_path(edition: Path, url: str) -> Path:
    """The file a URL of the published site names (ids are under base_url)."""
    assert url.startswith(BASE), url
    return edition / "build" / "html" / urlsplit(url).path.lstrip("/")


LANGUAGE_KEY = re.compile(r"^[a-zA-Z-][a-zA-Z-]*$|^none$")  # as the official schema has it
RIGHTS = re.compile(r"^http://(creativecommons\.org/(licenses|publicdomain)/|rightsstatements\.org/vocab/)")


def language_map(value: Any) -> bool:
    return isinstance(value, dict) and bool(value) and all(
        isinstance(k, str) and LANGUAGE_KEY.match(k) and isinstance(v, list) and v
        and all(isinstance(s, str) for s in v) for k, v in value.items())


def ids_of(value: Any) -> list[str]:
    """Every `id` anywhere in the manifest."""
    if isinstance(value, dict):
        return [v for k, v in value.items() if k == "id"] + [i for v in value.values() for i in ids_of(v)]
    if isinstance(value, list):
        return [i for v in value for i in ids_of(v)]
    return []


def test_the_manifest_validates_against_the_presentation_3_models(built: Path) -> None:
    data = manifest_of(built)
    Manifest(**data)  # raises pydantic's ValidationError on a schema violation
    broken = {**data, "items": "not a list"}
    with pytest.raises(ValueError):
        Manifest(**broken)


def test_the_manifest_meets_the_musts_of_presentation_3(built: Path) -> None:
    data = manifest_of(built)
    assert data["@context"] == "http://iiif.io/api/presentation/3/context.json"
    assert data["type"] == "Manifest" and data["id"] == f"{BASE}iiif/{SAMPLE}/manifest.json"
    assert language_map(data["label"])  # MUST have a label with at least one entry
    assert all(language_map(m["label"]) and language_map(m["value"]) for m in data["metadata"])
    assert isinstance(data["items"], list) and data["items"]  # MUST have at least one Canvas
    ids = [data["id"]]
    for canvas in data["items"]:
        assert canvas["type"] == "Canvas" and canvas["id"].startswith(BASE)
        assert isinstance(canvas["width"], int) and isinstance(canvas["height"], int)  # both or neither
        assert canvas["width"] > 0 and canvas["height"] > 0
        ids.append(canvas["id"])
        for annotation_page in canvas["items"]:
            assert annotation_page["type"] == "AnnotationPage"
            ids.append(annotation_page["id"])
            for annotation in annotation_page["items"]:
                assert annotation["type"] == "Annotation" and annotation["motivation"] == "painting"
                assert annotation["target"] == canvas["id"]  # painted onto its own canvas
                ids.append(annotation["id"])
                body = annotation["body"]
                assert body["type"] == "Image" and body["format"] == "image/jpeg"
                assert (body["width"], body["height"]) == (canvas["width"], canvas["height"])
                assert site_path(built, body["id"]).is_file()
                service = body["service"][0]
                assert service["type"] == "ImageService3" and service["profile"] == "level0"
                assert site_path(built, service["id"] + "/info.json").is_file()
    assert len(ids) == len(set(ids))  # ids of resources are unique
    for link in data["rendering"] + data["homepage"]:
        assert {"id", "type", "label", "format"} <= set(link) and language_map(link["label"])
    assert {r["format"]: r["id"] for r in data["rendering"]} == {
        "application/pdf": f"{BASE}pdf/{SAMPLE}.pdf", "application/tei+xml": f"{BASE}tei/{SAMPLE}.xml"}
    assert site_path(built, f"{BASE}tei/{SAMPLE}.xml").is_file()
    assert all(isinstance(i, str) and i.startswith(("http://", "https://")) for i in ids_of(data))
    assert RIGHTS.match(data["rights"])  # MUST be a CC or RightsStatements.org URI, as they spell it


def test_label_metadata_and_rights_come_from_the_document_and_teikit_toml(built: Path) -> None:
    data = manifest_of(built)
    assert data["label"] == {"en": ["Report, Embassy of Hungary in North Korea to the Hungarian Foreign Ministry"]}
    # teikit.toml says https://creativecommons.org/...; `rights` takes Creative Commons' own URI
    assert data["rights"] == "http://creativecommons.org/licenses/by/4.0/"
    assert "CC BY 4.0" in data["requiredStatement"]["value"]["none"][0]
    fields = {m["label"]["en"][0]: m["value"]["none"][0] for m in data["metadata"]}
    assert fields["Identifier"] == SAMPLE and fields["Date"] == "January 8, 1965"


def test_canvases_follow_the_page_breaks(built: Path) -> None:
    data = manifest_of(built)
    tree = etree.parse(str(built / "tei" / f"{SAMPLE}.xml"))
    surfaces = [s.get("{http://www.w3.org/XML/1998/namespace}id") for s in tree.iterfind("tei:facsimile/tei:surface", TEI)]
    assert [c["id"] for c in data["items"]] == [f"{BASE}iiif/{SAMPLE}/canvas/{n}" for n in (1, 2, 3)]
    # pb k opens canvas k+1, in the page as in the manifest
    pointers = [pb.get("facs") for pb in tree.iterfind(".//tei:text//tei:pb", TEI)]
    assert [surfaces.index(p.lstrip("#")) + 1 for p in pointers] == [2, 3]
    page = html.fromstring((built / "build" / "html" / f"{SAMPLE}.html").read_bytes())
    # the first page has no pb: its marker opens the text
    assert [b.get("data-facs-page") for b in page.xpath("//button[@class='tk-facs-open']")] == ["1", "2", "3"]
    assert page.xpath("//aside[@id='tk-facsimile']/@data-manifest") == [f"iiif/{SAMPLE}/manifest.json"]


def osd_urls(info: dict[str, Any]) -> list[tuple[str, int, int]]:
    """What a level 0 client asks for, derived from info.json alone (OpenSeadragon 6's IIIF
    tile source): every tile at each scale factor, and each listed size."""
    width, height = info["width"], info["height"]
    tile = info["tiles"][0]["width"]
    urls = [(f"full/{s['width']},{s['height']}/0/default.jpg", s["width"], s["height"]) for s in info["sizes"]]
    for factor in info["tiles"][0]["scaleFactors"]:
        level_w, level_h = math.ceil(width / factor), math.ceil(height / factor)
        if level_w < tile and level_h < tile:
            size = "max" if (level_w, level_h) == (width, height) else f"{level_w},{level_h}"
            urls.append((f"full/{size}/0/default.jpg", level_w, level_h))
            continue
        span = tile * factor
        for row in range(math.ceil(level_h / tile)):
            for col in range(math.ceil(level_w / tile)):
                x, y = col * span, row * span
                w, h = min(span, width - x), min(span, height - y)
                region = "full" if (x, y, w, h) == (0, 0, width, height) else f"{x},{y},{w},{h}"
                size_w, size_h = min(tile, level_w - col * tile), min(tile, level_h - row * tile)
                size = "max" if (size_w, size_h) == (width, height) else f"{size_w},{size_h}"
                urls.append((f"{region}/{size}/0/default.jpg", size_w, size_h))
    return urls


def test_every_tile_the_info_json_implies_exists_for_every_canvas_at_every_scale(built: Path) -> None:
    data = manifest_of(built)
    checked = 0
    for canvas in data["items"]:
        service = canvas["items"][0]["items"][0]["body"]["service"][0]["id"]
        info = json.loads(site_path(built, service + "/info.json").read_text("utf-8"))
        assert info["@context"] == "http://iiif.io/api/image/3/context.json"
        assert (info["type"], info["protocol"], info["profile"]) == ("ImageService3", "http://iiif.io/api/image", "level0")
        assert info["id"] == service and (info["width"], info["height"]) == (canvas["width"], canvas["height"])
        factors = info["tiles"][0]["scaleFactors"]
        assert factors == [2 ** n for n in range(len(factors))] and len(factors) >= 3
        assert len(info["sizes"]) == len(factors)
        for path, width, height in osd_urls(info):
            file = site_path(built, f"{service}/{path}")
            assert file.is_file(), file
            with Image.open(file) as tile:
                assert tile.format == "JPEG" and tile.size == (width, height), path
            checked += 1
    assert checked == 3 * (3 + 12 + 4 + 1)  # sizes, then 12 + 4 + 1 tiles at scale factors 1, 2, 4


def test_tiles_are_built_once_per_image_content(built: Path, tmp_path: Path) -> None:
    cache = built / "build" / ".iiif-cache"
    entries = sorted(p.name for p in cache.iterdir() if not p.name.startswith("."))
    assert len(entries) == 3
    stamps = {p: p.stat().st_mtime_ns for p in cache.rglob("*.jpg")}
    # a second document with the same scan, and a forced rebuild: no tile is made again
    second = built / "tei" / "116489.xml"
    shutil.copy(built / "tei" / f"{SAMPLE}.xml", second)
    second.write_text(second.read_text("utf-8").replace("facs-116488-", "facs-116489-")
                      .replace("<idno type=\"WCDA\">116488", "<idno type=\"WCDA\">116489"), "utf-8")
    try:
        build(built, force=True)
        assert sorted(p.name for p in cache.iterdir() if not p.name.startswith(".")) == entries
        assert {p: p.stat().st_mtime_ns for p in cache.rglob("*.jpg")} == stamps
        published = built / "build" / "html" / "iiif" / "116489" / "2" / "full" / "max" / "0" / "default.jpg"
        assert published.is_file() and published.stat().st_ino == \
            (built / "build" / "html" / "iiif" / SAMPLE / "2" / "full" / "max" / "0" / "default.jpg").stat().st_ino
    finally:
        second.unlink()
        build(built)
    assert not (built / "build" / "html" / "iiif" / "116489").exists()  # left with its document


def test_a_bad_page_image_is_an_error_naming_the_document_and_line(tmp_path: Path,
                                                                   capsys: pytest.CaptureFixture[str]) -> None:
    edition = make_edition(tmp_path / "edition")
    document = edition / "tei" / f"{SAMPLE}.xml"
    assert main(["facsimile", str(document), str(scan_pdf(tmp_path / "scan.pdf", 3))]) == 0
    second = next((edition / "facsimiles" / SAMPLE).glob("page-002-*.jpg"))
    second.write_bytes(b"\xff\xd8\xff broken")
    assert main(["build", str(edition / "tei"), "-o", str(edition / "build"), "--only", "html"]) == 1
    err = capsys.readouterr().err
    line = next(n for n, text in enumerate(document.read_text("utf-8").splitlines(), 1) if second.name in text)
    assert f"{document}:{line}: error: page image ../facsimiles/{SAMPLE}/{second.name}: not an image" in err
    assert "Traceback" not in err and not (edition / "build" / "html" / f"{SAMPLE}.html").exists()


def test_a_document_cannot_publish_an_image_outside_its_edition(tmp_path: Path) -> None:
    from toolkit.facsimile.iiif import local_image

    edition = make_edition(tmp_path / "edition")
    outside = tmp_path / "private.png"
    outside.write_bytes(b"x")
    inside = edition / "facsimiles" / "p.png"
    inside.parent.mkdir()
    inside.write_bytes(b"x")
    document = edition / "tei" / f"{SAMPLE}.xml"
    assert local_image("../facsimiles/p.png", document) == inside.resolve()
    assert local_image("../../private.png", document) is None
    assert local_image(str(outside), document) is None and local_image(f"file://{outside}", document) is None
    assert local_image("https://example.org/p.png", document) is None


def test_a_page_whose_image_changed_keeps_none_of_the_old_tiles(tmp_path: Path) -> None:
    from toolkit.config import EditionConfig
    from toolkit.facsimile.iiif import image_paths, publish

    (tmp_path / "tei").mkdir()
    document = tmp_path / "tei" / "d1.xml"
    document.write_text(f'<TEI xmlns="{TEI["tei"]}"><teiHeader/><facsimile><surface xml:id="s1">'
                        '<graphic url="p.png"/></surface></facsimile><text/></TEI>', "utf-8")
    site, cache = tmp_path / "site", tmp_path / "cache"
    for size in ((1500, 1100), (700, 900)):
        Image.new("RGB", size, (200, 190, 170)).save(tmp_path / "tei" / "p.png")
        root = etree.parse(str(document)).getroot()
        assert len(publish(root, document, "d1", site, cache, EditionConfig(), BASE, jobs=1).pages) == 1
        files = {p.relative_to(site / "iiif" / "d1" / "1").as_posix()
                 for p in (site / "iiif" / "d1" / "1").rglob("*") if p.is_file()}
        assert files == {*image_paths(*size), "info.json", ".pyramid"}


def test_rights_holds_only_a_licence_uri_the_spec_admits_and_languages_are_map_keys() -> None:
    from toolkit.config import EditionConfig, Licence
    from toolkit.facsimile.iiif import Page, manifest_json

    root = etree.fromstring(f'<TEI xmlns="{TEI["tei"]}" xml:lang="de-1996"><teiHeader><fileDesc><titleStmt>'
                            '<title>Bericht</title></titleStmt></fileDesc></teiHeader></TEI>')
    pages = [Page(1, "s1", "p.png", None, "1")]

    def manifest(url: str) -> dict[str, Any]:
        edition = EditionConfig(licence=Licence("Some licence", url))
        return manifest_json(root, "d1", pages, {1: (600, 800)}, edition, BASE)

    assert manifest("https://rightsstatements.org/vocab/InC/1.0/")["rights"] == \
        "http://rightsstatements.org/vocab/InC/1.0/"
    assert manifest("http://creativecommons.org/publicdomain/zero/1.0/")["rights"] == \
        "http://creativecommons.org/publicdomain/zero/1.0/"
    other = manifest("https://example.org/our-licence")
    assert "rights" not in other  # not a URI `rights` may hold: the licence is still stated
    assert "Some licence" in other["requiredStatement"]["value"]["none"][0]
    assert other["label"] == {"de": ["Bericht"]}  # xml:lang de-1996: the primary subtag

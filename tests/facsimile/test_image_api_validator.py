"""The static tiles, checked by the IIIF Image API validator (PyPI's iiif-validator, the code of
iiif.io's own validator): the web build's `html/` folder served over a real local HTTP server,
every level 0 test of Image API 3.0 run against each page's service.

The validator's colour test (`id_squares`) reads its reference image: 1000 x 1000 px, a 10 x 10
grid of flat squares whose colours it knows. That image is drawn here from the validator's own
table and recorded as a page of the sample report, beside two ordinary scanned pages."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from iiif_validator.validator import ImageAPI, ValidationInfo
from iiif_validator.validator import TestSuite as Suite  # not collected by pytest as a test class
from PIL import Image, ImageDraw

from toolkit.builders.base import BuildConfig, run_builder
from toolkit.builders.html import HtmlBuilder
from toolkit.cli import main
from toolkit.config import config_for

from browsing import serve

from .scans import SAMPLE, make_edition, page_image

VERSION = "3.0"


def reference_image(path: Path) -> Path:
    """The validator's test image: square (x, y) at x*100, y*100 in colour colorInfo[x][y]."""
    colours = ValidationInfo().colorInfo
    image = Image.new("RGB", (1000, 1000), (0, 0, 0))
    draw = ImageDraw.Draw(image)
    for x in range(10):
        for y in range(10):
            draw.rectangle((x * 100 + 4, y * 100 + 4, x * 100 + 95, y * 100 + 95), fill=colours[x][y])
    image.save(path)
    return path


def level0_tests() -> list[str]:
    tests = Suite(ValidationInfo()).list_tests(VERSION)
    return sorted(name for name, info in tests.items() if info["level"] == 0)


def run(name: str, server: str, prefix: str, identifier: str) -> ImageAPI:
    result = ImageAPI(identifier, server, prefix, "http", "", VERSION, debug=False)
    Suite(ValidationInfo()).run_test(name, result)
    return result


@pytest.fixture(scope="module")
def served(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[str, Path]]:
    root = tmp_path_factory.mktemp("validator")
    edition = make_edition(root / "edition")
    pages = [reference_image(root / "p1.png")]
    for number in (2, 3):
        page_image(number).save(root / f"p{number}.png")
        pages.append(root / f"p{number}.png")
    assert main(["facsimile", str(edition / "tei" / f"{SAMPLE}.xml"), *map(str, pages)]) == 0
    site = edition / "build" / "html"
    site.mkdir(parents=True)
    with serve(site) as url:
        # info.json ids are absolute, under base_url: the server's address, as for a published site
        config = BuildConfig(source_dir=edition / "tei", output_dir=edition / "build",
                             edition=config_for(edition / "tei"), base_url=url)
        run_builder(HtmlBuilder, config)
        yield url, site


def test_the_validator_has_level_0_tests_for_image_api_3() -> None:
    assert level0_tests() == ["format_jpg", "id_basic", "id_squares", "info_json", "size_nofull"]


@pytest.mark.parametrize("page", ["1", "2", "3"])
def test_every_level_0_test_passes_for_every_page(served: tuple[str, Path], page: str) -> None:
    url, _ = served
    server = urlsplit(url).netloc
    failures = {}
    for name in level0_tests():
        if name == "id_squares" and page != "1":
            continue  # compares colours with the reference image: only page 1 is that image
        result = run(name, server, f"iiif/{SAMPLE}", page)
        if result.exception is not None:
            failures[name] = str(result.exception)
        else:
            assert result.tests, name  # the test checked something
    assert failures == {}


def test_the_validator_fails_a_service_that_is_wrong(served: tuple[str, Path]) -> None:
    """The checks can fail: an info.json whose id is not where it is served, a page that is
    not the reference image, a page that is not there."""
    url, site = served
    server = urlsplit(url).netloc
    info = site / "iiif" / SAMPLE / "3" / "info.json"
    original = info.read_bytes()
    try:
        info.write_text(json.dumps({**json.loads(original), "id": f"{url}elsewhere"}), "utf-8")
        assert run("info_json", server, f"iiif/{SAMPLE}", "3").exception is not None
    finally:
        info.write_bytes(original)
    assert run("id_squares", server, f"iiif/{SAMPLE}", "2").exception is not None
    missing = run("id_basic", server, f"iiif/{SAMPLE}", "9")
    assert missing.exception is not None or missing.last_status == 404

"""The document page with its scan, in a real browser (Debian's chromium through Playwright, the
site on a local HTTP server): the page-break markers open their pages in OpenSeadragon, the
viewer follows the reading position, it works from the keyboard, and axe finds no serious
violations. Screenshots land in build/screenshots/ for a person to look at."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from playwright.sync_api import Browser, Page

from toolkit.builders.base import BuildConfig, run_builder
from toolkit.builders.html import HtmlBuilder
from toolkit.cli import main
from toolkit.config import config_for

from browsing import SCREENSHOTS, chromium, serious_violations, serve

from .scans import ROOT, SAMPLE, make_edition, scan_pdf

@pytest.fixture(scope="module")
def base_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    root = tmp_path_factory.mktemp("viewer")
    edition = make_edition(root / "edition")
    assert main(["facsimile", str(edition / "tei" / f"{SAMPLE}.xml"), str(scan_pdf(root / "scan.pdf", 3))]) == 0
    config = BuildConfig(source_dir=edition / "tei", output_dir=edition / "build",
                         edition=config_for(edition / "tei"))
    run_builder(HtmlBuilder, config)
    site = edition / "build" / "html"
    with serve(site) as url:
        yield url


@pytest.fixture(scope="module")
def browser() -> Iterator[Browser]:
    with chromium() as launched:
        yield launched


def open_page(browser: Browser, base_url: str, width: int = 1400, height: int = 900) -> Page:
    page = browser.new_context(viewport={"width": width, "height": height}).new_page()
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.goto(f"{base_url}{SAMPLE}.html")
    page.wait_for_function("document.querySelector('.tk-facs-view canvas') !== null", timeout=20000)
    assert errors == []
    return page


def shown(page: Page) -> dict[str, Any]:
    """The page OpenSeadragon shows, once its tiles are all drawn."""
    page.wait_for_function("""() => { const v = window.tkFacsimileViewer; const item = v && v.world.getItemAt(0);
        return item && item.getFullyLoaded() && item.source.id.endsWith('/' + (v.currentPage() + 1)); }""",
                       timeout=20000)
    result: dict[str, Any] = page.evaluate("""() => { const v = window.tkFacsimileViewer;
        return {index: v.currentPage(), source: v.world.getItemAt(0).source.id,
                panel: document.getElementById('tk-facsimile').dataset.page,
                status: document.querySelector('.tk-facs-status').textContent}; }""")
    return result


def shoot(page: Page, name: str) -> None:
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SCREENSHOTS / f"{name}.png"))


def test_activating_the_second_page_break_marker_shows_page_2(browser: Browser, base_url: str) -> None:
    page = open_page(browser, base_url)
    first = shown(page)
    assert first["index"] == 0 and first["source"].endswith(f"iiif/{SAMPLE}/1")
    markers = page.locator(".tk-facs-open")
    assert markers.count() == 3  # page 1 opens the text; pages 2 and 3 start at the two pb
    markers.nth(1).focus()  # from the keyboard
    page.keyboard.press("Enter")
    now = shown(page)
    assert now["index"] == 1 and now["source"].endswith(f"iiif/{SAMPLE}/2")
    assert now["panel"] == "2" and now["status"] == "page 2 of 3"
    assert page.get_by_role("button", name="p.\u00a02 of the scan: show it").count() == 1  # labelled
    page.locator(".tk-facsimile").scroll_into_view_if_needed()
    shoot(page, "facsimile-page-2")
    # the panel's own controls, by keyboard as well
    page.get_by_role("button", name="Next page").focus()
    page.keyboard.press("Enter")
    assert shown(page)["index"] == 2
    page.get_by_role("button", name="Previous page").click()
    assert shown(page)["index"] == 1


def test_the_viewer_follows_the_reading_position(browser: Browser, base_url: str) -> None:
    page = open_page(browser, base_url, height=700)
    assert shown(page)["index"] == 0
    # the reader scrolls (the wheel) until the third page's marker is near the top: page 3
    page.mouse.move(300, 400)
    offset = page.evaluate("document.querySelectorAll('.tk-facs-open')[2].getBoundingClientRect().top - 40")
    page.mouse.wheel(0, offset)
    page.wait_for_function("document.getElementById('tk-facsimile').dataset.page === '3'", timeout=10000)
    assert shown(page)["index"] == 2
    # and back to the top: page 1
    page.mouse.wheel(0, -5000)
    page.wait_for_function("document.getElementById('tk-facsimile').dataset.page === '1'", timeout=10000)
    # with "follow the text" off, scrolling leaves the page alone
    page.get_by_label("follow the text").uncheck()
    page.mouse.wheel(0, 3000)
    page.wait_for_timeout(300)
    assert page.evaluate("document.getElementById('tk-facsimile').dataset.page") == "1"


def test_side_by_side_on_wide_screens_and_stacked_on_narrow_ones(browser: Browser, base_url: str) -> None:
    wide = open_page(browser, base_url)
    text = wide.locator(".tk-text-section").bounding_box()
    viewer = wide.locator(".tk-facsimile").bounding_box()
    assert text and viewer and viewer["x"] >= text["x"] + text["width"]  # beside the text
    narrow = open_page(browser, base_url, width=420, height=800)
    text = narrow.locator(".tk-text-section").bounding_box()
    viewer = narrow.locator(".tk-facsimile").bounding_box()
    assert text and viewer and viewer["y"] + viewer["height"] <= text["y"] + 1  # above the text
    assert viewer["width"] <= 420
    narrow.locator(".tk-facsimile").scroll_into_view_if_needed()
    shoot(narrow, "facsimile-narrow")


def test_axe_finds_no_serious_violations_on_the_page_with_the_viewer(browser: Browser, base_url: str) -> None:
    page = open_page(browser, base_url)
    shown(page)
    serious = serious_violations(page)
    assert not serious, serious

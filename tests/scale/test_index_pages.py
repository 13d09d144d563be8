"""The index of documents at scale (issue #13): an edition of more than `[web] index_page_size`
documents lists them in static pages (index.html, index-2.html ...) and writes documents.json,
every document for the script's filters. Real converter, Saxon and HTML builder on 30
synthetic documents with pages of 10."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from lxml import html

from benchmarks.edition import converted_edition
from browsing import chromium, serve
from toolkit.builders import BuildConfig, run_builder
from toolkit.builders.html import HtmlBuilder
from toolkit.config import ConfigError, EditionConfig, WebSettings, load_config

SIZE = 10
COUNT = 30


def listed(page: Path) -> list[str]:
    """The documents a page of the index lists, in its order."""
    rows = html.parse(str(page)).xpath('//table[@id="documents"]/tbody/tr')
    return [row.xpath("td[2]/a/@href")[0].removesuffix(".html") for row in rows]


def config(source: Path, output: Path, size: int = SIZE) -> BuildConfig:
    return BuildConfig(source_dir=source, output_dir=output, jobs=1,
                       edition=EditionConfig(web=WebSettings(index_page_size=size)))


@pytest.fixture(scope="module")
def source(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return converted_edition(tmp_path_factory.mktemp("index"), COUNT, size=1500, jobs=1)


@pytest.fixture(scope="module")
def site(source: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    built = config(source, tmp_path_factory.mktemp("paged"))
    run_builder(HtmlBuilder, built)
    return built.output_dir / "html"


def test_pages_of_the_index_list_every_document_once_and_none_over_the_size(site: Path, source: Path) -> None:
    pages = [site / "index.html", site / "index-2.html", site / "index-3.html"]
    assert all(p.is_file() for p in pages) and not (site / "index-4.html").exists()
    lists = [listed(p) for p in pages]
    assert [len(ids) for ids in lists] == [SIZE, SIZE, SIZE]
    everything = [i for ids in lists for i in ids]
    assert sorted(everything) == sorted(p.stem for p in source.glob("*.xml"))
    # the pages continue each other in the index's (date) order
    dates = [html.parse(str(p)).xpath('//tbody/tr/@data-date') for p in pages]
    flat = [d for page in dates for d in page if d]
    assert flat == sorted(flat)


def test_each_page_links_the_others_without_javascript(site: Path) -> None:
    for n, name in enumerate(["index.html", "index-2.html", "index-3.html"], start=1):
        tree = html.parse(str(site / name))
        nav = tree.xpath('//nav[@class="tk-index-pages"]')[0]
        links = nav.xpath(".//a/@href")
        assert sorted(links) == sorted({"index.html", "index-2.html", "index-3.html"} - {name})
        assert nav.xpath('.//span[@aria-current="page"]/text()') == [str(n)]
        assert f"Documents {(n - 1) * SIZE + 1}–{n * SIZE} of {COUNT}" in nav.text_content()
        table = tree.xpath('//table[@id="documents"]')[0]
        assert (table.get("data-json"), table.get("data-page"), table.get("data-page-size")) == (
            "documents.json", str(n), str(SIZE))
        # the filters count every document of the edition, not those of the page
        options = tree.xpath('//select[@id="filter-lang"]/option[@value != ""]/text()')
        assert sum(int(o.rsplit("(", 1)[1].rstrip(")")) for o in options) == COUNT


def test_documents_json_holds_every_document_in_the_index_order(site: Path) -> None:
    documents = json.loads((site / "documents.json").read_text("utf-8"))
    ordered = [i for name in ("index.html", "index-2.html", "index-3.html") for i in listed(site / name)]
    assert [d["id"] for d in documents] == ordered
    first = html.parse(str(site / "index.html")).xpath('//tbody/tr')[0]
    assert documents[0]["title"] == first.xpath("td[2]/a/text()")[0]
    assert documents[0]["date"] == first.get("data-date")
    assert documents[0]["archive"] == first.get("data-archive") != ""
    assert documents[0]["language"] == first.get("data-lang") != ""
    assert documents[0]["language_name"] == first.xpath("td[4]/text()")[0]
    assert all(set(d) == {"id", "title", "date", "date_label", "archive", "language", "language_name"}
               for d in documents)


def test_below_the_size_the_index_is_one_page_as_before(source: Path, tmp_path: Path) -> None:
    built = config(source, tmp_path / "out", size=COUNT)
    run_builder(HtmlBuilder, built)
    site = built.output_dir / "html"
    assert len(listed(site / "index.html")) == COUNT
    assert not (site / "documents.json").exists() and not list(site.glob("index-*.html"))
    page = (site / "index.html").read_text("utf-8")
    assert "tk-index-pages" not in page and "data-json" not in page


def test_pages_no_longer_needed_are_removed(source: Path, tmp_path: Path) -> None:
    smaller = tmp_path / "tei"
    shutil.copytree(source, smaller)
    built = config(smaller, tmp_path / "out")
    run_builder(HtmlBuilder, built)
    site = built.output_dir / "html"
    assert (site / "index-3.html").exists()
    for path in sorted(smaller.glob("*.xml"))[:15]:  # 15 documents leave: two pages remain
        path.unlink()
    run_builder(HtmlBuilder, built)
    assert (site / "index-2.html").exists() and not (site / "index-3.html").exists()
    assert len(json.loads((site / "documents.json").read_text("utf-8"))) == 15
    for path in sorted(smaller.glob("*.xml"))[:6]:  # 9 left: one page, no JSON
        path.unlink()
    run_builder(HtmlBuilder, built)
    assert not list(site.glob("index-*.html")) and not (site / "documents.json").exists()
    assert len(listed(site / "index.html")) == 9


@pytest.mark.parametrize(("value", "words"), [("0", "1 or more"), ('"ten"', "whole number")])
def test_a_bad_index_page_size_names_the_key_and_its_line(tmp_path: Path, value: str, words: str) -> None:
    path = tmp_path / "teikit.toml"
    path.write_text(f'title = "T"\n\n[web]\nregister_page_size = 5\nindex_page_size = {value}\n', "utf-8")
    with pytest.raises(ConfigError) as error:
        load_config(path)
    message = str(error.value)
    assert "index_page_size" in message and words in message
    assert error.value.diagnostic.line == 5


def test_the_index_page_size_is_read(tmp_path: Path) -> None:
    path = tmp_path / "teikit.toml"
    path.write_text('title = "T"\n[web]\nindex_page_size = 250\n', "utf-8")
    web = load_config(path).web
    assert (web.index_page_size, web.register_page_size) == (250, WebSettings.register_page_size)


# ---------------------------------------------------------------------- in a real browser

def test_the_script_filters_and_sorts_every_document_from_the_json(site: Path) -> None:
    """Chromium through Playwright on the served site: a filter on page 2 finds the matching
    documents of every page, and a sort by title orders the whole edition across pages."""
    documents = json.loads((site / "documents.json").read_text("utf-8"))
    languages = [d["language"] for d in documents]
    language = max(sorted(set(languages)), key=languages.count)
    wanted = sorted(d["id"] for d in documents if d["language"] == language)
    with serve(site) as url, chromium() as browser:
        page = browser.new_page()
        page.goto(f"{url}index-2.html")
        shown = page.locator("#shown")
        shown.filter(has_text=f"{COUNT} of {COUNT} documents").wait_for()
        rows = page.locator("#documents tbody tr")

        def ids() -> list[str]:
            return [h.removesuffix(".html") for h in rows.locator("td:nth-child(2) a").evaluate_all(
                "links => links.map(a => a.getAttribute('href'))")]

        assert ids() == listed(site / "index-2.html")  # as built until the reader acts
        page.get_by_label("Original language").select_option(language)
        assert shown.inner_text() == f"{len(wanted)} of {COUNT} documents shown"
        assert sorted(ids()) == wanted  # from every page, not only this one's rows
        assert set(rows.evaluate_all("rs => rs.map(r => r.dataset.lang)")) == {language}
        page.get_by_label("Original language").select_option("")
        page.get_by_role("button", name="Title").click()
        seen: list[str] = []
        titles: list[str] = []
        for n in range(1, COUNT // SIZE + 1):
            if n > 1:
                page.locator("#index-pages button", has_text=str(n)).click()
            assert page.locator('#index-pages [aria-current="page"]').inner_text() == str(n)
            assert rows.count() == SIZE
            seen += ids()
            titles += rows.locator("td:nth-child(2) a").all_inner_texts()
        assert sorted(seen) == sorted(d["id"] for d in documents)
        assert page.evaluate("ts => ts.every((t, i) => i === 0 || ts[i - 1].toLowerCase()"
                             ".localeCompare(t.toLowerCase()) <= 0)", titles)

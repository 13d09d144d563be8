"""Register pages that stay usable (issue #13): an entry lists its first N documents on the
register page and links pages of the others, so that no page grows with the corpus. Real
Saxon and the real HTML builder; N is made 1 (teikit.toml [web] register_page_size) so that
the sample edition's four documents need a second page."""

from __future__ import annotations

import re
import sys
from pathlib import Path

import pytest
from lxml import html

from toolkit.builders import BuildConfig, run_builder
from toolkit.builders.html import HtmlBuilder
from toolkit.config import EditionConfig, WebSettings

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "print"))
from print_support import FIXTURES, make_edition  # noqa: E402


def documents_named(page: Path, entry: str) -> list[str]:
    """The documents a page lists under an entry (its article on the register page, the
    whole list on a further page)."""
    tree = html.parse(str(page))
    scope = tree.xpath(f'//article[@id="{entry}"]') or tree.xpath("//main")
    return [a.get("href").removesuffix(".html") for a in scope[0].xpath('.//a[@class="tk-mention-doc"]')]


@pytest.fixture(scope="module")
def sites(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    base = tmp_path_factory.mktemp("registers")
    source = make_edition(base / "tei", *sorted(FIXTURES.glob("*.xml")))
    whole = BuildConfig(source_dir=source, output_dir=base / "whole", jobs=1)
    paged = BuildConfig(source_dir=source, output_dir=base / "paged", jobs=1,
                        edition=EditionConfig(web=WebSettings(register_page_size=1)))
    run_builder(HtmlBuilder, whole)
    run_builder(HtmlBuilder, paged)
    return whole.output_dir / "html", paged.output_dir / "html"


def test_an_entry_named_in_two_documents_gets_a_second_page(sites: tuple[Path, Path]) -> None:
    whole, paged = sites
    everywhere = documents_named(whole / "persons.html", "moskovsky")
    assert len(everywhere) == 2  # 116488 and 900001 name him
    assert not (whole / "persons-moskovsky-2.html").exists()
    first = documents_named(paged / "persons.html", "moskovsky")
    second = documents_named(paged / "persons-moskovsky-2.html", "moskovsky")
    assert first + second == everywhere  # the same documents, in the same (date) order
    assert not (paged / "persons-moskovsky-3.html").exists()


def test_pages_link_each_other_and_the_entry_keeps_its_anchor(sites: tuple[Path, Path]) -> None:
    _, paged = sites
    register = html.parse(str(paged / "persons.html"))
    nav = register.xpath('//article[@id="moskovsky"]//nav[@class="tk-mention-pages"]')
    assert nav and [a.get("href") for a in nav[0].iter("a")] == ["persons-moskovsky-2.html"]
    assert "Documents 1–1 of 2" in nav[0].text_content()
    second = html.parse(str(paged / "persons-moskovsky-2.html"))
    hrefs = [a.get("href") for a in second.xpath('//nav[@class="tk-mention-pages"]//a')]
    assert hrefs == ["persons.html#moskovsky"]
    assert second.xpath('//h1/a/@href') == ["persons.html#moskovsky"]
    # a document's link to the entry still lands on the register page's article
    page = (paged / "116488.html").read_text("utf-8")
    assert 'href="persons.html#moskovsky"' in page


def test_an_entry_named_once_has_no_pages(sites: tuple[Path, Path]) -> None:
    _, paged = sites
    register = html.parse(str(paged / "persons.html"))
    for article in register.xpath('//article[@class="tk-entry"]'):
        count = len(article.xpath('.//a[@class="tk-mention-doc"]'))
        assert count <= 1
        if not article.xpath('.//nav[@class="tk-mention-pages"]'):
            assert not list(paged.glob(f"persons-{article.get('id')}-*.html"))


def test_pages_no_longer_needed_are_removed(tmp_path: Path) -> None:
    source = make_edition(tmp_path / "tei", *sorted(FIXTURES.glob("*.xml")))
    paged = BuildConfig(source_dir=source, output_dir=tmp_path / "out", jobs=1,
                        edition=EditionConfig(web=WebSettings(register_page_size=1)))
    run_builder(HtmlBuilder, paged)
    site = paged.output_dir / "html"
    assert (site / "persons-moskovsky-2.html").exists()
    (source / "900001.xml").unlink()  # the memorandum also names Moskovsky
    run_builder(HtmlBuilder, paged)
    assert not (site / "persons-moskovsky-2.html").exists()
    assert not [p for p in site.glob("persons-moskovsky-*.html") if re.search(r"-\d+$", p.stem)]

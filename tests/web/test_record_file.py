"""One private file per document (web15): the search page Pagefind indexes with the record the
edition pages read at its end, `.html-records/ID.html`, instead of a record `ID.xml` and a
search page `search/ID.html` (a new file's inode is most of a small write's cost). What each
reader takes from it, that Pagefind indexes none of the record, that a build folder of the
older layout is taken over, and that every link of a page leads to a file of the site."""

from __future__ import annotations

import gzip
import json
import re
from pathlib import Path
from urllib.parse import unquote, urlsplit

import pytest
from lxml import etree, html

from toolkit.builders.html_state import Contribution, split_record
from toolkit.errors import ToolkitError
from web.support import FIXTURE_ID, SAMPLE_ID, build, make_source, page

TK = "{https://teikit.org/ns}"


def test_each_document_has_one_private_file_with_its_record_after_the_indexed_text(site: Path) -> None:
    records = site.parent / ".html-records"
    assert sorted(p.name for p in records.glob("*.html")) == [f"{SAMPLE_ID}.html", f"{FIXTURE_ID}.html"]
    assert not list(records.glob("*.xml")) and not (records / "search").exists()
    data = (records / f"{SAMPLE_ID}.html").read_bytes()
    record, search = split_record(data)
    root = etree.fromstring(record)
    assert root.tag == f"{TK}doc" and root.get("id") == SAMPLE_ID
    assert len(root.findall(f"{TK}mention")) > 100
    # the record is outside the main that Pagefind indexes, the search page is whole without it
    tree = html.fromstring(data)
    assert not tree.xpath("//main//*[local-name()='tk:doc' or local-name()='doc']")
    assert html.fromstring(search).xpath("//main[@data-pagefind-body]")
    assert b"<tk:doc " not in search and b"</tk:doc>" not in search


def test_pagefind_indexes_the_search_page_and_none_of_the_record(site: Path) -> None:
    """The record repeats every name and the abstract: indexed, each would count twice."""
    main = html.fromstring((site.parent / ".html-records" / f"{SAMPLE_ID}.html").read_bytes()).xpath("//main")[0]
    words = " ".join(main.text_content().split())
    for fragment in (site / "pagefind").glob("*/fragment/*.pf_fragment"):
        data = gzip.decompress(fragment.read_bytes())
        found = json.loads(data.removeprefix(b"pagefind_dcd"))
        if found["url"] == f"/{SAMPLE_ID}.html":
            break
    else:
        raise AssertionError("the sample is not in the search index")
    assert found["content"].count("Kosygin") == words.count("Kosygin") > 0
    assert found["content"].count("Vasily Moskovsky") == words.count("Vasily Moskovsky") == 1


def test_a_text_that_spells_the_record_tag_does_not_cut_the_file_there(tmp_path: Path) -> None:
    """Counter-case: the words `<tk:doc x>` and `</tk:doc>` in a document (escaped in the
    search page) are not the record's element."""
    source = make_source(tmp_path / "tei")
    fixture = source / f"{FIXTURE_ID}.xml"
    text = fixture.read_text("utf-8")
    assert "first item" in text
    fixture.write_text(text.replace("first item", "first &lt;tk:doc id=\"x\"&gt; item &lt;/tk:doc&gt;"), "utf-8")
    build(source, tmp_path / "build")
    data = (tmp_path / "build" / ".html-records" / f"{FIXTURE_ID}.html").read_bytes()
    record, search = split_record(data)
    assert etree.fromstring(record).get("id") == FIXTURE_ID
    assert "&lt;tk:doc id=" in search.decode("utf-8")
    assert "<tk:doc" in " ".join(page(tmp_path / "build" / "html", f"{FIXTURE_ID}.html").text_content().split())


def test_a_file_without_its_record_is_reported_not_misread(tmp_path: Path) -> None:
    damaged = tmp_path / "900009.html"
    damaged.write_bytes(b"<html><body><main data-pagefind-body=''><p>x</p></main></body></html>")
    with pytest.raises(ToolkitError, match="holds no record"):
        Contribution.read(damaged)


def test_a_build_folder_of_the_older_layout_is_taken_over(tmp_path: Path) -> None:
    """Records `ID.xml` and search pages `search/ID.html` (before web15), no file of the new
    layout: the next build renders the documents again, removes the old files and its site
    is a fresh build's; a record of a document no longer in the edition takes its pages."""
    source = make_source(tmp_path / "tei")
    out = tmp_path / "build"
    build(source, out)
    records = out / ".html-records"
    for identifier in (SAMPLE_ID, FIXTURE_ID):
        data = (records / f"{identifier}.html").read_bytes()
        record, search = split_record(data)
        (records / f"{identifier}.xml").write_bytes(record)
        (records / "search").mkdir(exist_ok=True)
        (records / "search" / f"{identifier}.html").write_bytes(search)
        (records / f"{identifier}.html").unlink()
    (records / "900077.xml").write_bytes(record)  # a document removed since
    for name in ("900077.html", "tei/900077.xml", "cite/900077.bib"):
        (out / "html" / name).write_bytes(b"old")
    state = records / "edition-state.json"
    old = json.loads(state.read_text("utf-8"))
    old["version"] = 3
    state.write_text(json.dumps(old), "utf-8")
    manifest = out / ".manifest-html.json"  # the toolkit of the older layout built it
    entries = json.loads(manifest.read_text("utf-8"))
    entries["*"] = "an older toolkit"
    manifest.write_text(json.dumps(entries), "utf-8")
    build(source, out)
    assert sorted(p.name for p in records.iterdir() if p.is_file() and not p.name.endswith(".json")) == \
        [f"{SAMPLE_ID}.html", f"{FIXTURE_ID}.html"]
    assert not (records / "search").exists()
    assert not any((out / "html" / name).exists() for name in ("900077.html", "tei/900077.xml", "cite/900077.bib"))
    fresh = tmp_path / "fresh"
    build(make_source(tmp_path / "tei-fresh"), fresh)
    assert _files(out / "html") == _files(fresh / "html")


def _files(site: Path) -> dict[str, bytes]:
    return {str(p.relative_to(site)): p.read_bytes() for p in sorted(site.rglob("*")) if p.is_file()}


_LINK = re.compile(r"^(?:[a-z][a-z0-9+.-]*:|//)", re.IGNORECASE)


def test_every_link_of_every_page_leads_to_a_file_of_the_site(site: Path) -> None:
    """Each relative href and src of the document and edition pages (downloads, citation
    files, assets, registers, search) is a file of the site; the print edition's PDFs, which
    the print build mirrors into pdf/ (a build with --only html has none), are the only
    exception, and fragments name an id of their page."""
    pages = sorted(site.glob("*.html"))
    assert len(pages) >= 8
    followed: set[str] = set()
    missing = []
    ids: dict[Path, set[str]] = {}
    for path in pages:
        tree = html.fromstring(path.read_bytes())
        for link in tree.xpath("//@href | //@src"):
            target, fragment = urlsplit(str(link)).path, urlsplit(str(link)).fragment
            if _LINK.match(str(link)):
                continue  # an absolute URL: the archive's, an authority file's
            resolved = (path.parent / unquote(target)) if target else path
            if target.startswith("pdf/"):
                continue
            followed.add(str(resolved.relative_to(site)))
            if not resolved.is_file():
                missing.append((path.name, str(link)))
            elif fragment and resolved.suffix == ".html":
                if resolved not in ids:
                    ids[resolved] = {str(i) for i in html.fromstring(resolved.read_bytes()).xpath("//@id")}
                if unquote(fragment) not in ids[resolved]:
                    missing.append((path.name, str(link)))
    assert not missing, missing[:20]
    for name in (f"cite/{SAMPLE_ID}.json", f"cite/{SAMPLE_ID}.bib", f"cite/{SAMPLE_ID}.ris",
                 f"tei/{SAMPLE_ID}.xml", "assets/edition.css", "search.html", "persons.html"):
        assert name in followed, name

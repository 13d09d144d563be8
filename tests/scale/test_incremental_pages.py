"""Incremental edition pages and search index (issue #13, item 2): a rebuild after a change
rewrites only the pages that change touches, and ends in the site a full build of the changed
edition makes, byte for byte. Real converter, Saxon, Pagefind and HTML builder on 20
synthetic documents, with index pages of 8, register pages of 2 documents and search shards
of 6 documents (so 4 shards), so that every kind of page is split."""

from __future__ import annotations

import json
import os
import re
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from lxml import html

from benchmarks.edition import converted_edition
from browsing import chromium, serve
from toolkit.builders import BuildConfig, BuildReport, run_builder
from toolkit.builders import html_registers, html_state
from toolkit.builders.html import HtmlBuilder
from toolkit.config import EditionConfig, WebSettings

COUNT = 20
SETTINGS = EditionConfig(web=WebSettings(index_page_size=8, register_page_size=2))
SHARDS = 4
CITATIONS = ("json", "bib", "ris")


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return converted_edition(tmp_path_factory.mktemp("incremental"), COUNT, size=1500, jobs=1)


@pytest.fixture(autouse=True)
def small_shards(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """Shards of 6 documents: 20 documents in 4 (the count is a power of two)."""
    monkeypatch.setattr(html_state, "SHARD_SIZE", 6)
    assert html_state.shard_count(COUNT) == SHARDS
    yield


@pytest.fixture
def source(corpus: Path, tmp_path: Path) -> Path:
    return Path(shutil.copytree(corpus, tmp_path / "tei"))


def build(source: Path, output: Path) -> BuildReport:
    return run_builder(HtmlBuilder, BuildConfig(source_dir=source, output_dir=output,
                                                edition=SETTINGS, jobs=1))


def snapshot(site: Path) -> dict[str, tuple[int, int]]:
    """Every file of the site with its inode and time: a file written again (atomically,
    a new inode) or touched shows in either."""
    return {p.relative_to(site).as_posix(): (p.stat().st_ino, p.stat().st_mtime_ns)
            for p in site.rglob("*") if p.is_file()}


def rewritten(before: dict[str, tuple[int, int]], after: dict[str, tuple[int, int]]) -> set[str]:
    return {name for name, stamp in after.items() if before.get(name) != stamp}


def assert_as_a_full_build(source: Path, site: Path, scratch: Path) -> None:
    """The incrementally built site equals a fresh full build of the same edition, file for
    file and byte for byte."""
    build(source, scratch)
    fresh = scratch / "html"
    ours = sorted(p.relative_to(site).as_posix() for p in site.rglob("*") if p.is_file())
    theirs = sorted(p.relative_to(fresh).as_posix() for p in fresh.rglob("*") if p.is_file())
    assert ours == theirs
    differ = [name for name in ours if (site / name).read_bytes() != (fresh / name).read_bytes()]
    assert differ == []


def document_files(identifier: str) -> set[str]:
    return {f"{identifier}.html", f"tei/{identifier}.xml", *(f"cite/{identifier}.{s}" for s in CITATIONS)}


def shard_files(names: set[str], shard: str) -> set[str]:
    return {n for n in names if n.startswith(f"pagefind/{shard}/")}


def middle(source: Path) -> str:
    return sorted(p.stem for p in source.glob("*.xml"))[COUNT // 2]


def edit(path: Path, old: str, new: str, count: int = 1) -> None:
    text = path.read_text("utf-8")
    assert old in text, old
    path.write_text(text.replace(old, new, count), "utf-8")


def add_paragraph(path: Path, text: str) -> None:
    """A paragraph after the text's first one (not the header's)."""
    content = path.read_text("utf-8")
    at = content.index("</p>", content.index("<body")) + len("</p>")
    path.write_text(content[:at] + f"<p>{text}</p>" + content[at:], "utf-8")


def test_a_new_paragraph_rewrites_its_document_and_its_search_shard_only(source: Path, tmp_path: Path) -> None:
    output = tmp_path / "build"
    build(source, output)
    site = output / "html"
    before = snapshot(site)
    assert json.loads((site / "pagefind" / "shards.json").read_text("utf-8")) == ["0", "1", "2", "3"]
    changed = middle(source)
    # a paragraph of its own: no mention's context changes, no listed field, only the text
    add_paragraph(source / f"{changed}.xml", "An editor's added paragraph about lighthouses.")
    report = build(source, output)
    assert report.rebuilt == (changed,)
    files = rewritten(before, snapshot(site))
    shard = html_state.shard_of(changed, SHARDS)
    assert shard_files(files, shard), "its shard is indexed again"
    assert files - shard_files(files, shard) == document_files(changed)
    for name in files:  # what it wrote is readable by a web server, as a full build's is
        assert (site / name).stat().st_mode & 0o004 and (site / name).parent.stat().st_mode & 0o001
    assert_as_a_full_build(source, site, tmp_path / "full")
    # nothing changed: nothing written
    settled = snapshot(site)
    assert build(source, output).written == ()
    assert snapshot(site) == settled


def test_a_changed_title_remakes_the_pages_that_list_the_document(source: Path, tmp_path: Path) -> None:
    output = tmp_path / "build"
    build(source, output)
    site = output / "html"
    before = snapshot(site)
    changed = middle(source)
    path = source / f"{changed}.xml"
    title = re.search(r'<title type="main">([^<]+)</title>', path.read_text("utf-8"))
    assert title is not None
    edit(path, title.group(0), '<title type="main">A Retitled Report</title>')
    build(source, output)
    files = rewritten(before, snapshot(site))
    shard = html_state.shard_of(changed, SHARDS)
    pages = {n for n in files if "/" not in n}
    # the index page that lists it, the list of all documents, the timeline, its neighbours'
    # previous/next links and the register pages that list it under its names
    assert "documents.json" in files and "timeline.html" in files
    listing = [n for n in pages if n.startswith("index")]
    assert listing and all(f'href="{changed}.html"' in (site / n).read_text("utf-8") for n in listing)
    others = {n for n in pages if re.fullmatch(r"\d+\.html", n)} - {f"{changed}.html"}
    assert 1 <= len(others) <= 4  # its neighbours (the old and new ones, had it moved)
    assert {"search.html", "abbreviations.html", "about.html"}.isdisjoint(files)  # nothing of theirs changed
    assert {n for n in files if n.startswith("pagefind/")} == shard_files(files, shard)
    assert_as_a_full_build(source, site, tmp_path / "full")


def _named_in(source: Path) -> dict[str, list[str]]:
    """The documents that name each person entry (by its ref)."""
    named: dict[str, list[str]] = {}
    for path in sorted(source.glob("*.xml")):
        for entry in sorted(set(re.findall(r'<persName ref="per:([^"]+)"', path.read_text("utf-8")))):
            named.setdefault(entry, []).append(path.stem)
    return named


def test_a_name_given_to_another_entry_remakes_both_entries_pages(source: Path, tmp_path: Path) -> None:
    named = _named_in(source)
    # an entry named in an odd number of documents: one fewer takes its last page away
    odd = sorted(e for e, docs in named.items() if len(docs) >= 3 and len(docs) % 2 == 1)
    assert odd, named
    entry = odd[0]
    other = next(e for e in sorted(named) if e != entry)
    pages = (len(named[entry]) + 1) // 2
    output = tmp_path / "build"
    build(source, output)
    site = output / "html"
    assert (site / f"persons-{entry}-{pages}.html").is_file()
    before = snapshot(site)
    document = named[entry][-1]
    edit(source / f"{document}.xml", f'ref="per:{entry}"', f'ref="per:{other}"', count=-1)
    build(source, output)
    after = snapshot(site)
    files = rewritten(before, after)
    assert not (site / f"persons-{entry}-{pages}.html").exists(), "its last page is gone"
    assert "persons.html" in files
    assert {"places.html", "organisations.html", "index.html", "timeline.html"}.isdisjoint(files)
    register = html.parse(str(site / "persons.html"))
    listed = register.xpath(f'//article[@id="{entry}"]//a[@class="tk-mention-doc"]/@href')
    assert f"{document}.html" not in listed
    assert_as_a_full_build(source, site, tmp_path / "full")


def test_an_entry_renamed_in_the_register_remakes_everything_as_a_full_build(source: Path, tmp_path: Path) -> None:
    output = tmp_path / "build"
    build(source, output)
    site = output / "html"
    before = snapshot(site)
    register = source / "registers" / "persons.xml"
    edit(register, "<forename>Nikita</forename> <surname>Khrushchev</surname>",
         "<forename>Nikita S.</forename> <surname>Khrushchev</surname>")
    report = build(source, output)
    # a page takes a person's label from the register (the search page's filter): the pages
    # that could name Khrushchev are rendered again, no other (HtmlBuilder.register_keys)
    naming = sorted(p.stem for p in source.glob("*.xml") if "khrushchev" in p.read_text("utf-8"))
    assert 0 < len(naming) < COUNT
    assert sorted(report.rebuilt) == naming
    assert "Nikita S. Khrushchev" in (site / "persons.html").read_text("utf-8")
    assert "persons.html" in rewritten(before, snapshot(site))
    assert_as_a_full_build(source, site, tmp_path / "full")


def test_a_document_removed_then_another_added(source: Path, tmp_path: Path) -> None:
    output = tmp_path / "build"
    build(source, output)
    site = output / "html"
    gone = middle(source)
    kept = (source / f"{gone}.xml").read_bytes()
    (source / f"{gone}.xml").unlink()
    build(source, output)
    assert not any((site / name).exists() for name in document_files(gone))
    assert f'href="{gone}.html"' not in (site / "index.html").read_text("utf-8") + \
        (site / "documents.json").read_text("utf-8")
    assert_as_a_full_build(source, site, tmp_path / "full-removed")
    before = snapshot(site)
    (source / "699999.xml").write_bytes(kept)
    build(source, output)
    files = rewritten(before, snapshot(site))
    assert document_files("699999") <= files
    assert shard_files(files, html_state.shard_of("699999", SHARDS))
    assert_as_a_full_build(source, site, tmp_path / "full-added")


def test_search_merges_every_shard(source: Path, tmp_path: Path) -> None:
    """Chromium through Playwright: a word of documents in different shards finds each of
    them, and the filters count the documents of every shard."""
    output = tmp_path / "build"
    build(source, output)
    site = output / "html"
    pages = {p.stem: p.read_text("utf-8") for p in (output / ".html-records").glob("*.html")}
    word = "lighthouses"
    holders = sorted(pages)[::5]  # four documents, in more than one shard
    for identifier in holders:
        add_paragraph(source / f"{identifier}.xml", f"A note on {word}.")
    build(source, output)
    assert len({html_state.shard_of(i, SHARDS) for i in holders}) > 1
    titles = {i: html.fromstring(pages[i]).findtext(".//title") or "" for i in holders}
    years = [m for page in pages.values() for m in re.findall(r'data-pagefind-filter="year\[content\]" content="(\d{4})"', page)]
    with serve(site) as url, chromium() as browser:
        page = browser.new_page()
        page.goto(f"{url}search.html?q={word}")
        page.locator("#search-status").filter(has_text=f"{len(holders)} documents found").wait_for(timeout=20000)
        found = page.locator(".tk-result-link").evaluate_all("links => links.map(a => a.getAttribute('href'))")
        assert sorted(h.rsplit("/", 1)[-1].removesuffix(".html") for h in found) == holders
        assert sorted(page.locator(".tk-result-link").all_inner_texts()) == sorted(titles.values())
        options = page.locator("#filter-year option").all_inner_texts()[1:]
        counted = sum(int(o.rsplit("(", 1)[1].rstrip(")")) for o in options)  # "1965 (3)"
        assert counted == len(years)


def _corrupt(path: Path) -> None:
    """The record in a document's private file blanked, same size and time: the build takes
    the record for the one it read last time, and fails if it reads it (no record). Its
    search page around it stays whole: Pagefind reads every search page of a shard it
    indexes again, which is no read of the record."""
    status = path.stat()
    data = path.read_bytes()
    record, _search = html_state.split_record(data)
    at = data.index(record)
    path.write_bytes(data[:at] + b" " * len(record) + data[at + len(record):])
    os.utime(path, ns=(status.st_atime_ns, status.st_mtime_ns))


def _in_text(path: Path, entry: str) -> bool:
    text = path.read_text("utf-8")
    return f'<persName ref="per:{entry}"' in text[text.index("<body"):]


def _beside(path: Path, entry: str) -> None:
    """A word before the text's first name of `entry`: that mention's context changes."""
    text = path.read_text("utf-8")
    at = text.index(f'<persName ref="per:{entry}"', text.index("<body"))
    path.write_text(text[:at] + "Edited " + text[at:], "utf-8")


def _state(output: Path) -> html_state.EditionState:
    state = html_state.EditionState.load(output / ".html-records" / html_state.STATE_NAME)
    assert state is not None
    return state


def test_an_edit_beside_a_name_reads_only_the_records_on_the_pages_it_makes(source: Path, tmp_path: Path) -> None:
    """A one-document rebuild must not grow with the edition: of the records, it reads those
    of the documents on the register pages it makes, not every record (as the register pages
    were made before: 120 MB of records at 10,000 documents). The other records are made
    unreadable, and the build is the same."""
    original = Path(shutil.copytree(source, tmp_path / "original"))
    first = tmp_path / "first"
    build(source, first)
    before = _state(first)
    layout = html_registers.layouts(list(before.documents), before.documents, 2)
    # a document on a further page of an entry (not on the register page), named in its text
    entry, document = next((e, d) for e, _docs in sorted(_named_in(source).items())
                           for page in layout[e][1:] for d in page if _in_text(source / f"{d}.xml", e))
    pages = layout[entry]
    # the edit once, to learn which entries' mentions it changes and so which records it needs
    _beside(source / f"{document}.xml", entry)
    build(source, first)
    after = _state(first)
    changed = {e for e in after.documents[document].mentions
               if after.documents[document].mentions[e] != before.documents[document].mentions.get(e)}
    assert entry in changed
    layout = html_registers.layouts(list(after.documents), after.documents, 2)
    needed = {d for e in changed for page in layout[e] if document in page for d in page}
    # the same edit again, on a build whose other records cannot be read
    output = tmp_path / "build"
    build(original, output)
    site = output / "html"
    unreadable = sorted(set(before.documents) - needed)
    assert len(unreadable) >= COUNT // 2, "the test tells a bounded read from a whole one"
    for identifier in unreadable:
        _corrupt(output / ".html-records" / f"{identifier}.html")
    stamps = snapshot(site)
    _beside(original / f"{document}.xml", entry)
    report = build(original, output)
    assert report.rebuilt == (document,)
    files = rewritten(stamps, snapshot(site))
    page = pages.index(next(p for p in pages if document in p)) + 1
    assert f"persons-{entry}-{page}.html" in files, "the page that lists it is made again"
    assert "persons.html" not in files and "index.html" not in files
    assert_as_a_full_build(original, site, tmp_path / "full")


def test_register_pages_in_batches_of_one_entry_are_those_of_one_batch(
        source: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A full build makes the entries' pages in transforms of bounded size (their mentions
    spooled to disk): with a bound of one byte, one entry to a transform and every mention
    written out at once, the site is the same."""
    default = html_registers.BATCH_BYTES
    monkeypatch.setattr(html_registers, "BATCH_BYTES", 1)
    output = tmp_path / "build"
    build(source, output)
    monkeypatch.setattr(html_registers, "BATCH_BYTES", default)
    assert_as_a_full_build(source, output / "html", tmp_path / "full")


def test_a_missing_article_is_made_again_with_its_register_page(source: Path, tmp_path: Path) -> None:
    """An entry's article is kept as a fragment between builds; one removed by hand is made
    again the next time its register page is, from the records of its first page."""
    output = tmp_path / "build"
    build(source, output)
    fragments = sorted((output / ".html-records" / "entries" / "persons").glob("*.xml"))
    named = _named_in(source)
    lost = next(f for f in fragments if f.stem in named)
    lost.unlink()
    other, document = next((e, d) for e in sorted(named) if e != lost.stem
                           for d in named[e] if _in_text(source / f"{d}.xml", e))
    _beside(source / f"{document}.xml", other)
    build(source, output)
    assert lost.is_file()
    assert_as_a_full_build(source, output / "html", tmp_path / "full")

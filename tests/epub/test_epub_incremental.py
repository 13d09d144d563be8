"""The EPUB rebuilt after a change (issue #13): one chapter transformed, the edition's pages made
again, every other entry copied compressed from the previous book, and the result byte for
byte the book a full build makes, and clean under epubcheck. Real Saxon, real epubcheck."""

from __future__ import annotations

import io
import re
import shutil
import zipfile
from pathlib import Path

import pytest

from test_epub import epubcheck, make_source
from toolkit.builders import BuildConfig, run_builder
from toolkit.builders.base import Edition
from toolkit.builders.epub import _CONTAINER, BOOK_INDEX, EpubBuilder, chapter_name, deflate, described_book, epub_name, \
    kept_entries, zip_book, zip_entries

CHANGED = "900099.xml"  # the sample with script URLs: its date and names are the sample's


def full(config: BuildConfig, where: Path) -> bytes:
    """The book of a build from scratch of the same source into another folder."""
    fresh = BuildConfig(source_dir=config.source_dir, output_dir=where, edition=config.edition, jobs=1)
    run_builder(EpubBuilder, fresh)
    return (where / "epub" / epub_name(fresh)).read_bytes()


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> BuildConfig:
    config = make_source(tmp_path_factory.mktemp("incremental"))
    run_builder(EpubBuilder, config)
    return config


def test_a_changed_document_rebuilds_its_chapter_and_equals_a_full_build(
        built: BuildConfig, tmp_path: Path) -> None:
    book = built.output_dir / "epub" / epub_name(built)
    before = book.read_bytes()
    document = built.source_dir / CHANGED
    text = document.read_text("utf-8")
    # a word, the date and a name change: the list of documents, the navigation, the
    # package's order and the persons register all change with the chapter
    assert 'ref="per:kosygin"' in text and 'when="1965-01-08"' in text
    text = text.replace('ref="per:kosygin"', 'ref="per:khrushchev"', 1)
    text = text.replace('when="1965-01-08"', 'when="1955-01-08"').replace("<p>", "<p>Edited. ", 1)
    document.write_text(text, "utf-8")
    report = run_builder(EpubBuilder, built)
    assert report.rebuilt == (Path(CHANGED).stem,)
    after = book.read_bytes()
    assert after != before
    assert after == full(built, tmp_path / "full")
    result = epubcheck(book)
    assert result.returncode == 0 and "No errors or warnings detected" in result.stdout, \
        result.stdout + result.stderr
    # entries that did not change were copied from the previous book, compressed as they were
    with zipfile.ZipFile(io.BytesIO(before)) as old, zipfile.ZipFile(book) as new:
        same = [n for n in new.namelist() if n in old.namelist() and old.read(n) == new.read(n)]
        assert len(same) > len(new.namelist()) // 2
        for name in same:
            assert old.getinfo(name).compress_size == new.getinfo(name).compress_size


def test_a_damaged_or_foreign_previous_book_is_not_trusted(built: BuildConfig, tmp_path: Path) -> None:
    book = built.output_dir / "epub" / epub_name(built)
    index = built.output_dir / "epub" / BOOK_INDEX
    assert kept_entries(book, described_book(index))  # the book the index describes: its entries are kept
    shutil.copy(book, tmp_path / "kept.epub")
    data = bytearray(book.read_bytes())
    middle = len(data) // 2
    data[middle:middle + 16] = b"\0" * 16  # damaged inside a compressed entry
    book.write_bytes(bytes(data))
    assert kept_entries(book, described_book(index)) == {}  # not the book described: nothing is copied from it
    run_builder(EpubBuilder, BuildConfig(source_dir=built.source_dir, output_dir=built.output_dir,
                                         edition=built.edition, jobs=1, force=True))
    assert book.read_bytes() == full(built, tmp_path / "full")
    index.write_text("{not json", "utf-8")
    assert described_book(index) == {} and kept_entries(book, described_book(index)) == {}


def test_the_zip_writer_makes_the_bytes_zipfile_made() -> None:
    """The container is written by hand so that kept entries are copied; its bytes are those
    the earlier zipfile writer gave (the same book as before this change)."""
    files = {"EPUB/a.xhtml": b"<html/>" * 100, "EPUB/b.css": b"body {}", "EPUB/\u00e9.xhtml": b"x"}
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as book:
        entries = [("mimetype", b"application/epub+zip", zipfile.ZIP_STORED),
                   ("META-INF/container.xml", _CONTAINER, zipfile.ZIP_DEFLATED)]
        entries += [(name, files[name], zipfile.ZIP_DEFLATED) for name in sorted(files)]
        for name, data, method in entries:
            info = zipfile.ZipInfo(name, date_time=(1980, 1, 1, 0, 0, 0))
            info.compress_type = method
            info.external_attr = 0o644 << 16
            info.create_system = 3
            book.writestr(info, data, compress_type=method, compresslevel=9 if method else None)
    assert zip_book(files) == buffer.getvalue()
    assert zip_entries({name: deflate(data) for name, data in files.items()}) == buffer.getvalue()



def test_an_edit_that_changes_no_chapter_fact_keeps_the_edition_pages(tmp_path: Path) -> None:
    """A word edited in a chapter's text changes none of the facts the edition's pages are made
    from (title, head meta, name links): the edition stage does not run, its pages are copied
    from the previous book, and the book is still the one a full build makes. A changed date
    (a fact: the list of documents, the navigation and the package's order) makes them again."""
    config = make_source(tmp_path / "edition")
    run_builder(EpubBuilder, config)
    book = config.output_dir / "epub" / epub_name(config)
    document = config.source_dir / "116488.xml"
    text = document.read_text("utf-8")
    body = text.index("<body")
    at = text.index(">", text.index("<p", body)) + 1
    document.write_text(text[:at] + "Edited " + text[at:], "utf-8")
    builder = EpubBuilder(config)
    edition = Edition.load(config)
    changed = [d for d in edition.documents if d.path == document]
    builder.write_one(changed[0])
    builder.finish(edition, changed)
    assert builder.pages_made is False
    with zipfile.ZipFile(book) as new:
        assert b"Edited " in new.read("EPUB/" + chapter_name("116488"))
    assert book.read_bytes() == full(config, tmp_path / "full-word")
    # a fact changes: the pages are made again, and are again those of a full build
    text = document.read_text("utf-8")
    dates = re.findall(r'when="(\d{4})-', text)
    assert dates
    document.write_text(text.replace(f'when="{dates[0]}-', f'when="{int(dates[0]) - 7}-'), "utf-8")
    builder.write_one(changed[0])
    builder.finish(edition, changed)
    assert builder.pages_made is True
    assert book.read_bytes() == full(config, tmp_path / "full-date")
    # and nothing changed at all: kept again
    builder.finish(edition, [])
    assert builder.pages_made is False
    assert book.read_bytes() == full(config, tmp_path / "full-same")
    # --force makes them again (the same bytes)
    forced = EpubBuilder(BuildConfig(source_dir=config.source_dir, output_dir=config.output_dir,
                                     edition=config.edition, jobs=1, force=True))
    forced.finish(edition, [])
    assert forced.pages_made is True
    assert book.read_bytes() == full(config, tmp_path / "full-same")

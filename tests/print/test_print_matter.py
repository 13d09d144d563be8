"""The volume's matter (title page, contents, index) is typeset again only when what it prints
changed (issue #13: a one-document rebuild re-typesets only what that document touches).

An edit of a document's text that moves no page leaves the contents and the index as they were:
the last build's matter serves, and the volume is byte for byte the one a build from scratch
makes. A changed title is in the contents: the matter is typeset again. Real Saxon, Typst, pypdf.
"""

from __future__ import annotations

import os
from dataclasses import replace
from pathlib import Path

from pypdf import PdfReader

from toolkit.builders import BuildConfig, run_builder
from toolkit.builders.pdf import PdfBuilder
from toolkit.builders.volume import PARTS_DIR
from toolkit.config import EditionConfig, PrintSettings

from print_support import FIXTURES, make_edition, page_texts


def stamp(path: Path) -> tuple[int, int]:
    """Inode and modification time: write_atomic replaces a file, so both change on a write."""
    found = os.stat(path)
    return found.st_ino, found.st_mtime_ns


def test_the_matter_is_typeset_again_only_when_what_it_prints_changed(tmp_path: Path) -> None:
    source = make_edition(tmp_path / "tei", *sorted(FIXTURES.glob("*.xml")))
    config = BuildConfig(source_dir=source, output_dir=tmp_path / "build", jobs=1,
                         edition=EditionConfig(print=PrintSettings(part_size=2)))
    run_builder(PdfBuilder, config)
    matter = config.output_dir / "pdf" / PARTS_DIR / "matter.pdf"
    volume = config.output_dir / "pdf" / "edition.pdf"
    typeset = stamp(matter)

    memo = source / "900001.xml"
    memo.write_text(memo.read_text("utf-8").replace("FIRSTNOTE", "FIRSTNOTE EDITEDWORD", 1), "utf-8")
    run_builder(PdfBuilder, config)
    assert stamp(matter) == typeset, "a word added to the text typeset the matter again"
    assert any("EDITEDWORD" in page for page in page_texts(PdfReader(volume)))
    fresh = replace(config, output_dir=tmp_path / "fresh")
    run_builder(PdfBuilder, fresh)
    assert volume.read_bytes() == (fresh.output_dir / "pdf" / "edition.pdf").read_bytes()

    memo.write_text(memo.read_text("utf-8").replace(
        "Memorandum on a Conversation", "Memorandum on a Talk", 1), "utf-8")
    run_builder(PdfBuilder, config)
    assert stamp(matter) != typeset, "a changed title left the contents as they were"
    listing = next(page for page in page_texts(PdfReader(volume)) if page.lstrip().startswith("List of documents"))
    assert "Memorandum on a Talk" in " ".join(listing.split())


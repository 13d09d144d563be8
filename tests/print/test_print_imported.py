"""FRUS documents imported by `teikit import` in print: blocks inside paragraphs and signatories in lists
are printed, not dropped (Typst ignores a block inside a paragraph: the text stage must split it off),
and notes that bring their own brackets are not bracketed twice."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from print_support import page_texts, stream
from pypdf import PdfReader

from toolkit.builders import BuildConfig, run_builder
from toolkit.builders.pdf import PdfBuilder
from toolkit.cli import main

# ../shared beside the repository: the only material outside it a test may read
FRUS_VOLUME = Path(__file__).resolve().parents[2].parent / "shared" / "frus" / "frus1894Nicaragua.xml"
# FRUS d2: the enclosure's paragraph quotes the cipher dispatch as a block of four paragraphs
BEFORE_QUOTE = "the commander in chief of the North Atlantic Station:"
QUOTED = ("January 27, 1894.", "Stanton, Port au Prince:",
          "The United States consular agent reports Honduras invading at Cape Gracias á Dios, Nicaragua.",
          "Subsequent movements left to your discretion.", "Herbert.")
AFTER_QUOTE = "Very respectfully, etc."
# FRUS d10: the treaty's signatories are a list inside closer/signed
SIGNATORIES = ("C. A. Lacayo.", "H. Howe.", "H. F. Bingham.", "Correct translation:")


def test_imported_frus_documents_print_their_block_quotes_and_signatories(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    if not FRUS_VOLUME.exists():
        pytest.skip("the FRUS sample volume is not on this machine")
    imported = tmp_path / "imported"
    assert main(["import", str(FRUS_VOLUME), "-o", str(imported), "-j", "1"]) == 0
    edition = tmp_path / "tei"
    edition.mkdir()
    for number in ("d2", "d10"):
        shutil.copy(imported / f"frus1894Nicaragua-{number}.xml", edition)
    capsys.readouterr()
    run_builder(PdfBuilder, BuildConfig(source_dir=edition, output_dir=tmp_path / "build", jobs=1))
    err = capsys.readouterr().err
    assert "pdf-typst" not in err, err

    def text(number: str) -> str:
        return stream("\n".join(page_texts(PdfReader(tmp_path / "build" / "pdf" / f"frus1894Nicaragua-{number}.pdf"))))

    d2 = text("d2")
    # FRUS's own brackets around a note on the source are not doubled
    assert stream("[Inclosure in No. 2.]") in d2 and "[[" not in d2
    position = 0
    for passage in (BEFORE_QUOTE, *QUOTED, AFTER_QUOTE):
        found = d2.find(stream(passage), position)
        assert found >= 0, f"missing or out of order in the PDF of d2: {passage!r}"
        position = found + len(stream(passage))
    d10 = text("d10")
    position = 0
    for passage in SIGNATORIES:
        found = d10.find(stream(passage), position)
        assert found >= 0, f"missing or out of order in the PDF of d10: {passage!r}"
        position = found + len(stream(passage))

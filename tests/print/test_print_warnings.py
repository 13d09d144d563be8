"""Typst warns of nothing when the print edition is built: a warning means something of the
text was dropped or misplaced (a byline's paragraph inside the opener's lines was "par may not
occur inside of a paragraph and was ignored"). Converted layouts with bylines and datelines in
their openers, the sample and the print fixtures, documents and volume. Real converter, Saxon
and Typst; the warnings read where a user reads them, on stderr."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from print_support import FIXTURES, make_edition

from toolkit.builders import BuildConfig, run_builder
from toolkit.builders.base import Edition
from toolkit.builders.pdf import PdfBuilder
from toolkit.cli import main

LAYOUTS = Path(__file__).resolve().parents[1] / "converter" / "layouts"
# openers holding a byline (an office, a department) beside a dateline
LAYOUT_FILES = ("001-memo-byline-dateline.txt", "029-classification-office-ref.txt",
                "032-all-in-one.txt", "086-embassy-report-roman-sections.txt")


def test_the_print_build_gives_no_typst_warning(tmp_path: Path, capfd: pytest.CaptureFixture[str]) -> None:
    tei = make_edition(tmp_path / "tei", *sorted(FIXTURES.glob("*.xml")))
    converted = tmp_path / "converted"
    for layout in LAYOUT_FILES:
        assert main(["convert", str(LAYOUTS / layout), "-o", str(converted)]) == 0
    for document in converted.glob("*.xml"):
        shutil.copy(document, tei)
    capfd.readouterr()  # the converter's review notes are not the build's
    report = run_builder(PdfBuilder, BuildConfig(source_dir=tei, output_dir=tmp_path / "build", jobs=1))
    assert len(report.rebuilt) == 4 + 4
    assert (tmp_path / "build" / "pdf" / "edition.pdf").is_file()
    err = capfd.readouterr().err
    assert "Typst" not in err, err


def test_a_warning_of_the_volume_matter_is_counted_by_the_builder(tmp_path: Path) -> None:
    """The volume's contents and index are typeset in a process of their own: a warning there
    (a title's glyph no font has, U+0378 being unassigned) is printed by that process and must
    still reach the builder's diagnostics, as the documents' own warnings do."""
    tei = make_edition(tmp_path / "tei", FIXTURES / "900003.xml")
    source = (tei / "900003.xml").read_text("utf-8")
    (tei / "900003.xml").write_text(source.replace("Jelentés:", "Jelentés A\u0378B:", 1), "utf-8")
    config = BuildConfig(source_dir=tei, output_dir=tmp_path / "build", jobs=1)
    builder = PdfBuilder(config)
    edition = Edition.load(config)
    builder.prepare()
    for document in edition.documents:
        builder.write_one(document)
    documents_only = len(builder.diagnostics)
    builder.finish(edition, list(edition.documents))
    matter = [d for d in builder.diagnostics[documents_only:] if d.rule == "pdf-missing-glyph"]
    assert matter and all("U+0378" in d.message for d in matter)

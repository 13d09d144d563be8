"""The print edition built once per test process from the sample and the print fixtures.

The edition: the committed sample (tei/116488.xml), three hand-written fixtures under
tests/print/fixtures (900001 footnotes on several pages, 900002 hostile text, 900003 non-Latin
scripts), and the sample's registers. Real Saxon, real Typst, real fonts; no mocks.

A module with its own name, not a conftest.py: several test folders import helpers with
`from conftest import ...`, and a second conftest module would shadow theirs.
"""

from __future__ import annotations

import re
import shutil
import subprocess
from dataclasses import dataclass
from pathlib import Path

import pytest
from pypdf import PdfReader

from toolkit.builders import BuildConfig, run_builder
from toolkit.builders.base import BuildReport
from toolkit.builders.pdf import PdfBuilder

ROOT = Path(__file__).resolve().parents[2]
FIXTURES = Path(__file__).resolve().parent / "fixtures"
SCREENSHOTS = ROOT / "build" / "screenshots"


class Recording(PdfBuilder):
    """The PDF builder, keeping the instance of the last build (its counters, its stages)."""

    last: PdfBuilder | None = None

    def __init__(self, config: BuildConfig) -> None:
        super().__init__(config)
        Recording.last = self


@dataclass(frozen=True)
class PrintEdition:
    source: Path
    out: Path
    report: BuildReport

    def pdf(self, name: str) -> Path:
        return self.out / "pdf" / f"{name}.pdf"

    def reader(self, name: str) -> PdfReader:
        return PdfReader(self.pdf(name))


def make_edition(target: Path, *extra: Path) -> Path:
    """A TEI folder with the sample, the given documents and the sample's registers."""
    target.mkdir(parents=True, exist_ok=True)
    shutil.copy(ROOT / "tei" / "116488.xml", target)
    for path in extra:
        shutil.copy(path, target)
    shutil.copytree(ROOT / "tei" / "registers", target / "registers", dirs_exist_ok=True)
    return target


_BUILT: PrintEdition | None = None


def built_edition(tmp_path_factory: pytest.TempPathFactory) -> PrintEdition:
    """Build once per process; each test module's `print_edition` fixture returns this."""
    global _BUILT
    if _BUILT is None:
        base = tmp_path_factory.mktemp("print")
        source = make_edition(base / "tei", *sorted(FIXTURES.glob("*.xml")))
        out = base / "build"
        report = run_builder(PdfBuilder, BuildConfig(source_dir=source, output_dir=out, jobs=2))
        _BUILT = PrintEdition(source, out, report)
        render_screenshots(_BUILT)
    return _BUILT


def render_screenshots(edition: PrintEdition) -> None:
    """Pages as PNG (pdftoppm -r 60) under build/screenshots/, for a person to look at."""
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    for name in ("116488", "900001", "900002", "900003", "edition"):
        for old in SCREENSHOTS.glob(f"pdf-{name}-*.png"):
            old.unlink()
        subprocess.run(["pdftoppm", "-r", "60", "-png", str(edition.pdf(name)),
                        str(SCREENSHOTS / f"pdf-{name}")], check=True)


def stream(text: str) -> str:
    """Letters, digits and the editorial brackets only: what survives line breaking.

    Hyphenation, line ends, the grey page-break bar and spacing differ between the plain-text
    projection and the PDF's text layer; the words and brackets, in order, must not.
    """
    return re.sub(r"[^\w\[\]…]", "", text.replace("[...]", "[…]"))


def page_texts(reader: PdfReader) -> list[str]:
    return [page.extract_text() or "" for page in reader.pages]


def body_stream(reader: PdfReader, running_head: str) -> str:
    """The document's text layer without running heads and folios, as a stream. A document's
    own PDF is cut from its volume part: its folios are the volume's, which its page labels
    give; the volume's pages are labelled by their number."""
    pages = page_texts(reader)
    labels = reader.page_labels
    kept = []
    for number, text in enumerate(pages, start=1):
        lines = text.splitlines()
        lines = [line for line in lines if line.strip() != labels[number - 1]]
        if number > 1 and lines and lines[0].startswith(running_head):
            lines = lines[1:]
        kept.append("\n".join(lines))
    return stream("\n".join(kept))

"""Helpers of the web edition's tests: the edition they build and how they read pages."""

from __future__ import annotations

import shutil
from pathlib import Path

from lxml import html

from toolkit.builders.base import BuildConfig, BuildReport, run_builder
from toolkit.builders.html import HtmlBuilder

ROOT = Path(__file__).resolve().parents[2]
FIXTURES = Path(__file__).resolve().parent / "fixtures"
SAMPLE_ID = "116488"
FIXTURE_ID = "900001"


def make_source(folder: Path) -> Path:
    """A TEI folder with the sample, the every-markup fixture and the edition's registers."""
    folder.mkdir(parents=True, exist_ok=True)
    shutil.copy(ROOT / "tei" / f"{SAMPLE_ID}.xml", folder)
    shutil.copy(FIXTURES / f"{FIXTURE_ID}.xml", folder)
    shutil.copytree(ROOT / "tei" / "registers", folder / "registers", dirs_exist_ok=True)
    return folder


def build(source: Path, output: Path, jobs: int = 1, force: bool = False) -> BuildReport:
    config = BuildConfig(source_dir=source, output_dir=output, jobs=jobs, force=force,
                         edition_title="teikit sample edition")
    return run_builder(HtmlBuilder, config)


def page(site: Path, name: str) -> html.HtmlElement:
    return html.fromstring((site / name).read_bytes())

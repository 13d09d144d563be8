"""Fixtures of the validation tests: editions of valid documents to validate and to mutate.

`converted_edition` is made by the real converter from the sample source, the fixture reports
of tests/fixtures/reports and a few synthetic reports, beside a copy of tei/registers;
`fixture_edition` is the hand-written document that uses every construct the schema admits.
"""

from __future__ import annotations

import shutil
import sys
from datetime import date
from pathlib import Path

import pytest

from toolkit.convert import ConvertOptions, convert_files
from toolkit.validation.runner import FileValidator, ValidateOptions

ROOT = Path(__file__).resolve().parents[2]
HERE = Path(__file__).resolve().parent
FIXTURES = HERE / "fixtures"
REPORTS = ROOT / "tests" / "fixtures" / "reports"
SYNTHETIC = 12


def _sources(tmp: Path) -> list[Path]:
    sources = [ROOT / "sources" / "wilson-116488.txt", *sorted(REPORTS.glob("*.txt"))]
    try:
        sys.path.insert(0, str(ROOT))
        from benchmarks.synthetic import write_corpus
    except ImportError:
        return sources
    finally:
        sys.path.remove(str(ROOT))
    return sources + write_corpus(tmp / "synthetic", SYNTHETIC, size=4000, seed=11)


@pytest.fixture(scope="session")
def converted_edition(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A folder of converted documents with the edition's registers, as `tei/` is laid out."""
    base = tmp_path_factory.mktemp("converted")
    edition = base / "tei"
    shutil.copytree(ROOT / "tei" / "registers", edition / "registers")
    options = ConvertOptions(edition, edition / "registers", date(2026, 11, 27), jobs=1)
    failures = [r.error for r in convert_files(_sources(base), options) if r.error is not None]
    assert not failures, failures
    return edition


@pytest.fixture(scope="session")
def fixture_edition() -> Path:
    return FIXTURES / "edition"


@pytest.fixture(scope="session")
def validator() -> FileValidator:
    """The project's schemas and rules, compiled once for the session (thorough: both engines)."""
    return FileValidator(ValidateOptions(jobs=1, thorough=False))

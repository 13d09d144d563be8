"""Shared by the converter's tests: the conversion context, tei_all checks, and what a
report's body is in its source (the text after the Contents field's value).

The round-trip tests compare the converter's plain-text projection with `source_body`, so it
is written independently of the reader (which finds the body its own way).
"""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path

import pytest
from lxml import etree

from toolkit.convert import ConvertOptions, make_context
from toolkit.readers import ReadContext

CONTENTS_VALUE = re.compile(r"^(?:Translation|Transcript|Transcription|Original(?: Scan)?)(?:\s*-\s*[A-Za-z ]+)?$")


def source_body(text: str) -> str:
    lines = text.replace("\r\n", "\n").split("\n")
    index = next(i for i, line in enumerate(lines) if line.strip() == "**Contents:**") + 1
    while index < len(lines) and (not lines[index].strip() or CONTENTS_VALUE.match(lines[index].strip())):
        index += 1
    return "\n".join(lines[index:])


ROOT = Path(__file__).resolve().parents[2]
REPORTS = ROOT / "tests" / "fixtures" / "reports"
SAMPLE = ROOT / "sources" / "wilson-116488.txt"
CHANGE_DATE = date(2026, 11, 27)


@pytest.fixture(scope="session")
def context() -> ReadContext:
    """Registers from tei/registers, documents written to tei/: refs read 'registers/...'."""
    return make_context(ConvertOptions(ROOT / "tei", ROOT / "tei" / "registers", CHANGE_DATE))


def assert_valid(schema: etree.RelaxNG, tree: etree._ElementTree) -> None:
    """tei_all validity, with the schema's first messages on failure."""
    if not schema.validate(tree):
        errors = "\n".join(f"{e.line}: {e.message}" for e in list(schema.error_log)[:20])
        raise AssertionError(f"not valid against tei_all:\n{errors}")

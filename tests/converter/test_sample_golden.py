"""The sample report's TEI, as a reviewed golden file, and the committed edition file.

Both are the bytes `teikit convert sources/wilson-116488.txt -o tei` would write (refs
"per:kosygin" declared as registers/persons.xml, schema PIs "../schemas/..."), made by the converter's per-file step without
touching tei/. tei/116488.xml is the edition's source of truth and must stay what the
converter produces: the only allowed difference is the date of the revisionDesc change.
"""

from __future__ import annotations

import re

import pytest
from converter_support import CHANGE_DATE, ROOT, SAMPLE, assert_valid
from lxml import etree
from pytest_regressions.file_regression import FileRegressionFixture

from toolkit.convert import ConvertOptions, _convert_one, make_context

CHANGE = re.compile(rb'(<change when=")\d{4}-\d{2}-\d{2}(")')


@pytest.fixture(scope="module")
def sample_tei() -> bytes:
    options = ConvertOptions(ROOT / "tei", ROOT / "tei" / "registers", CHANGE_DATE)
    result = _convert_one(SAMPLE.relative_to(ROOT), make_context(options), options)
    assert result.error is None and result.output == ROOT / "tei" / "116488.xml"
    return result.data


def test_sample_golden(sample_tei: bytes, file_regression: FileRegressionFixture,
                       tei_all: etree.RelaxNG) -> None:
    assert_valid(tei_all, etree.ElementTree(etree.fromstring(sample_tei)))
    assert b'ref="per:kosygin"' in sample_tei and b'replacementPattern="registers/persons.xml#$1"' in sample_tei
    file_regression.check(sample_tei.decode("utf-8"), extension=".xml", encoding="utf-8")


def test_committed_edition_is_the_converters_output(sample_tei: bytes) -> None:
    committed = (ROOT / "tei" / "116488.xml").read_bytes()
    assert CHANGE.search(committed), "the committed file has no dated revisionDesc change"
    assert CHANGE.sub(rb"\1DATE\2", committed) == CHANGE.sub(rb"\1DATE\2", sample_tei), (
        "tei/116488.xml differs from the converter's output: regenerate it with "
        "`teikit convert sources/wilson-116488.txt -o tei --change-date YYYY-MM-DD`")


def test_the_change_date_is_the_only_freedom(sample_tei: bytes) -> None:
    """The committed-file check above must fail on any other difference."""
    tampered = sample_tei.replace(b"<p>", b"<p> ", 1)
    assert CHANGE.sub(rb"\1DATE\2", tampered) != CHANGE.sub(rb"\1DATE\2", sample_tei)
    redated = CHANGE.sub(rb"\g<1>1999-01-01\2", sample_tei)
    assert redated != sample_tei
    assert CHANGE.sub(rb"\1DATE\2", redated) == CHANGE.sub(rb"\1DATE\2", sample_tei)

"""The second held-out inline probe (inline-probe15/cases.yaml): the variety of brackets, notes
and dates of translated archival reports, each in a minimal report, checked by XPath written
from the conventions before the converter was looked at. Every case is also valid (project schema,
tei_all) and projects back to its source; a case the converter does not meet yet is an
xfail (strict: meeting it turns the test red until the list is brought up to date)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from inline_probe import failures, load_cases, params
from lxml import etree
from test_brackets import convert, ctx, edition, validator  # noqa: F401  (module fixtures)

from toolkit.readers import ReadContext
from toolkit.validation.runner import FileValidator

CASES = load_cases("inline-probe15")
# first measurement (before any rule changed for them): see inline-probe15/README.md
NOT_MET: set[str] = set()


@pytest.mark.parametrize("case", params(CASES, NOT_MET))
def test_probe_case(case: dict[str, Any], ctx: ReadContext, edition: Path,  # noqa: F811
                    validator: FileValidator, tei_all: etree.RelaxNG) -> None:  # noqa: F811
    body = case["source"] + "\n"
    assert failures(case, convert(body, ctx), body, edition, validator, tei_all) == []


def test_the_probe_is_large_enough() -> None:
    assert len(CASES) >= 40 and len({c["id"] for c in CASES}) == len(CASES)

"""The third held-out inline probe (inline-probe16/cases.yaml): the variety of brackets, notes
and dates of translated archival reports, each in a minimal report, checked by XPath written
from the conventions before the converter was looked at. Every case is also valid (project schema,
tei_all) and projects back to its source; a case the converter does not meet yet is an
xfail (strict: meeting it turns the test red until the list is brought up to date)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml
from converter_support import assert_valid
from lxml import etree
from test_brackets import convert, ctx, edition, validator  # noqa: F401  (module fixtures)

from toolkit.errors import Severity
from toolkit.output import serialize
from toolkit.projection import normalise, project
from toolkit.readers import ReadContext
from toolkit.tei import NS
from toolkit.validation.runner import FileValidator

CASES: list[dict[str, Any]] = yaml.safe_load(
    (Path(__file__).parent / "inline-probe16" / "cases.yaml").read_text(encoding="utf-8"))
# first measurement (before any rule changed for them): see inline-probe16/README.md
NOT_MET: set[str] = set()


def failures(case: dict[str, Any], ctx: ReadContext, edition: Path,  # noqa: F811
             validator: FileValidator, tei_all: etree.RelaxNG) -> list[str]:  # noqa: F811
    """What of the case the converter's output does not meet, in words."""
    body = case["source"] + "\n"
    conversion = convert(body, ctx)
    data = serialize(conversion.tree)
    path = edition / f"{conversion.number}.xml"
    path.write_bytes(data)
    found = [d.format() for d in validator.validate(path).diagnostics if d.severity is Severity.ERROR]
    written = etree.ElementTree(etree.fromstring(data))
    try:
        assert_valid(tei_all, written)
    except AssertionError as error:
        found.append(str(error))
    projected = normalise(project(written))
    if projected != normalise(body):
        found.append(f"projection: {projected!r}")
    div = conversion.tree.find(".//tei:text/tei:body/tei:div", NS)
    assert div is not None
    found += [f"check: {query}" for query in case.get("check", []) if not div.xpath(query, namespaces=NS)]
    severities = [(d.severity, d.rule) for d in conversion.diagnostics]
    if case.get("warn") and not any(s is Severity.WARNING for s, _ in severities):
        found.append("no warning")
    found += [f"no review entry {kind}" for kind in case.get("review", [])
              if (Severity.REVIEW, kind) not in severities]
    if found:
        found.append(etree.tostring(div, encoding="unicode"))
    return found


@pytest.mark.parametrize("case", [pytest.param(c, id=c["id"], marks=[pytest.mark.xfail(strict=True)]
                                               if c["id"] in NOT_MET else []) for c in CASES])
def test_probe_case(case: dict[str, Any], ctx: ReadContext, edition: Path,  # noqa: F811
                    validator: FileValidator, tei_all: etree.RelaxNG) -> None:  # noqa: F811
    assert failures(case, ctx, edition, validator, tei_all) == []


def test_the_probe_is_large_enough() -> None:
    assert len(CASES) >= 24 and len({c["id"] for c in CASES}) == len(CASES)

"""What the held-out inline probes (inline-probe14 ... 17) share: their cases from a folder's
cases.yaml, and one judgement of a converted case (validity against the project schema and
tei_all, the projection back to the body, the case's XPath checks, warnings and review
entries), so that a new probe writes only its cases and the way its report is built."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml
from converter_support import assert_valid
from lxml import etree

from toolkit.errors import Severity
from toolkit.output import serialize
from toolkit.projection import normalise, project
from toolkit.readers import Conversion
from toolkit.tei import NS
from toolkit.validation.runner import FileValidator


def load_cases(folder: str) -> list[dict[str, Any]]:
    """The cases of `tests/converter/FOLDER/cases.yaml`."""
    cases: list[dict[str, Any]] = yaml.safe_load(
        (Path(__file__).parent / folder / "cases.yaml").read_text(encoding="utf-8"))
    return cases


def params(cases: list[dict[str, Any]], not_met: set[str]) -> list[Any]:
    """One pytest parameter a case; a case not met yet a strict xfail."""
    return [pytest.param(c, id=c["id"], marks=[pytest.mark.xfail(strict=True)]
                         if c["id"] in not_met else []) for c in cases]


def failures(case: dict[str, Any], conversion: Conversion, body: str, edition: Path,
             validator: FileValidator, tei_all: etree.RelaxNG, *,
             empty_header: bool = False) -> list[str]:
    """What of the case the converter's output does not meet, in words (`empty_header`: also
    every childless, empty, attribute-less element of the header)."""
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
    root = conversion.tree.getroot()
    header = root.find("tei:teiHeader", NS)
    div = root.find("tei:text/tei:body/tei:div", NS)
    assert header is not None and div is not None
    if empty_header:
        found += [f"empty header element {etree.QName(n).localname}" for n in header.iter()
                  if isinstance(n.tag, str) and not len(n) and not (n.text or "").strip()
                  and not n.attrib]
    found += [f"check: {query}" for query in case.get("check", []) if not div.xpath(query, namespaces=NS)]
    found += [f"header: {query}" for query in case.get("header", [])
              if not root.xpath(query, namespaces=NS)]
    severities = [(d.severity, d.rule) for d in conversion.diagnostics]
    if case.get("warn") and not any(s is Severity.WARNING for s, _ in severities):
        found.append("no warning")
    found += [f"no review entry {kind}" for kind in case.get("review", [])
              if (Severity.REVIEW, kind) not in severities]
    if found:
        shown = header if "header" in case else div
        found.append(etree.tostring(shown, encoding="unicode"))
    return found

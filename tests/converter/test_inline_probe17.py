"""The fourth held-out inline probe (inline-probe17/cases.yaml): brackets (inside quotations,
notes and note texts, stamps without words, unclosed ones), dates (ranges, nights, month spans,
no year) and the header's citation phrasings, each in a minimal report, checked by XPath written
from the conventions before the converter was looked at. Every case is also valid (project
schema, tei_all), projects back to its source and holds no empty header element; a case the
converter does not meet yet is an xfail (strict: meeting it turns the test red until the list
is brought up to date)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml
from converter_support import assert_valid
from lxml import etree
from test_brackets import ctx, edition, validator  # noqa: F401  (module fixtures)

from toolkit.convert import convert_bytes
from toolkit.errors import Severity
from toolkit.output import serialize
from toolkit.projection import normalise, project
from toolkit.readers import ReadContext
from toolkit.tei import NS
from toolkit.validation.runner import FileValidator

CASES: list[dict[str, Any]] = yaml.safe_load(
    (Path(__file__).parent / "inline-probe17" / "cases.yaml").read_text(encoding="utf-8"))
# first measurement (before any rule changed for them): see inline-probe17/README.md
NOT_MET: set[str] = set()

CITATION = "Archive of Foreign Policy of the Russian Federation (AVPRF), fond 0102, opis 18, " \
    "delo 5, listy 41-44. Translated for NKIDP by Gary Goldberg."
BODY = "The delegation arrived on Monday."


def report(case: dict[str, Any]) -> tuple[str, str]:
    """The export of a case (its metadata block, then its body) and its body."""
    citation = (f'"Report on a Conversation", March 12, 1962, Wilson Center Digital Archive, '
                f'{case.get("citation", CITATION)} '
                f"<https://wilson-center.drivingcreative.com/document/118017>")
    body = case.get("source", BODY) + "\n"
    head = "\n\n".join([
        "**March 12, 1962**", "**Report on a Conversation**", "**Citation:**", citation,
        "**Summary:**", "A conversation.", "**Original Language:**", case.get("original", "Russian"),
        "**Contents:**", case.get("contents", "Translation - English")])
    return head + "\n\n" + body, body


def failures(case: dict[str, Any], ctx: ReadContext, edition: Path,  # noqa: F811
             validator: FileValidator, tei_all: etree.RelaxNG) -> list[str]:  # noqa: F811
    """What of the case the converter's output does not meet, in words."""
    text, body = report(case)
    conversion = convert_bytes(text.encode(), "wilson-118017.txt", ctx)
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


@pytest.mark.parametrize("case", [pytest.param(c, id=c["id"], marks=[pytest.mark.xfail(strict=True)]
                                               if c["id"] in NOT_MET else []) for c in CASES])
def test_probe_case(case: dict[str, Any], ctx: ReadContext, edition: Path,  # noqa: F811
                    validator: FileValidator, tei_all: etree.RelaxNG) -> None:  # noqa: F811
    assert failures(case, ctx, edition, validator, tei_all) == []


def test_the_probe_is_large_enough() -> None:
    assert len(CASES) >= 40 and len({c["id"] for c in CASES}) == len(CASES)

"""The project schema: it compiles in both XSD engines, every document the toolkit writes or
keeps is valid against it and against tei_all, and it is a subset of tei_all: wherever the
XSD admits an element, tei_all admits it too."""

from __future__ import annotations

import copy
from pathlib import Path

import xmlschema
from teitest import ROOT
from lxml import etree

from toolkit.validation.registry import PROJECT_SCH, PROJECT_XSD

TEI_NS = "http://www.tei-c.org/ns/1.0"
XML_ID = "{http://www.w3.org/XML/1998/namespace}id"


def _tei_all_errors(schema: etree.RelaxNG, path: Path) -> list[str]:
    tree = etree.parse(str(path))
    if schema.validate(tree):
        return []
    return [f"{path.name}:{e.line}: {e.message}" for e in list(schema.error_log)[:5]]


def test_the_xsd_compiles_in_both_engines_and_the_rules_in_isoschematron() -> None:
    xmlschema.XMLSchema10(str(PROJECT_XSD))
    etree.XMLSchema(etree.parse(str(PROJECT_XSD)))
    from lxml.isoschematron import Schematron
    rules = Schematron(etree.parse(str(PROJECT_SCH)))
    assert rules is not None
    ids = etree.parse(str(PROJECT_SCH)).xpath(
        "//s:assert/@id | //s:report/@id", namespaces={"s": "http://purl.oclc.org/dsdl/schematron"})
    assert isinstance(ids, list) and len(ids) == len(set(map(str, ids))) >= 20
    readme = (ROOT / "schemas" / "README.md").read_text(encoding="utf-8")
    for rule in map(str, ids):
        assert f"`{rule}`" in readme, f"{rule} is not documented in schemas/README.md"


def test_every_document_is_valid_against_tei_all(tei_all: etree.RelaxNG, converted_edition: Path,
                                                 fixture_edition: Path) -> None:
    paths = [*sorted((ROOT / "tei").rglob("*.xml")), *sorted(converted_edition.rglob("*.xml")),
             *sorted(fixture_edition.rglob("*.xml"))]
    assert len(paths) >= 20
    problems = [p for path in paths for p in _tei_all_errors(tei_all, path)]
    assert problems == []


def test_wherever_the_xsd_admits_an_element_tei_all_does_too(tei_all: etree.RelaxNG,
                                                             fixture_edition: Path) -> None:
    """Insert a sample of every element at the start and end of every context of the
    kitchen-sink document and a register; each insertion the XSD accepts must be tei_all-valid."""
    xsd = etree.XMLSchema(etree.parse(str(PROJECT_XSD)))
    documents = [etree.parse(str(fixture_edition / "900001.xml")),
                 etree.parse(str(fixture_edition / "registers" / "organisations.xml")),
                 etree.parse(str(fixture_edition / "registers" / "persons.xml"))]
    donors: dict[str, etree._Element] = {}
    for tree in documents:
        for element in tree.getroot().iter(f"{{{TEI_NS}}}*"):
            donors.setdefault(etree.QName(element).localname, element)
    assert len(donors) >= 90
    accepted = 0
    problems: list[str] = []
    for tree in documents:
        assert xsd.validate(tree) and tei_all.validate(tree)
        contexts: dict[tuple[str, str], etree._Element] = {}
        for element in tree.getroot().iter(f"{{{TEI_NS}}}*"):
            parent = element.getparent()
            key = (etree.QName(element).localname,
                   etree.QName(parent).localname if parent is not None else "")
            contexts.setdefault(key, element)
        for (name, parent_name), context in contexts.items():
            for donor_name, donor in donors.items():
                for at_end in (False, True):
                    sample = copy.deepcopy(donor)
                    sample.tail = None
                    for node in sample.iter():
                        if node.get(XML_ID):
                            node.set(XML_ID, f"inserted-{accepted}-{node.tag.__hash__() & 0xffff}")
                    context.insert(len(context) if at_end else 0, sample)
                    try:
                        if xsd.validate(tree):
                            accepted += 1
                            if not tei_all.validate(tree):
                                problems.append(f"<{donor_name}> in <{name}> (in <{parent_name}>): "
                                                f"{tei_all.error_log[0].message}")
                    finally:
                        context.remove(sample)
    assert accepted >= 500
    assert problems == [], "\n".join(problems[:30])

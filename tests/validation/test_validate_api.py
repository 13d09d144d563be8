"""The Python entry point other commands use, and the schema association the converter writes."""

from __future__ import annotations

import shutil
import types
from pathlib import Path

from lxml import etree

from toolkit.errors import Diagnostic, Severity
from toolkit.output import schema_dir_relative, serialize, with_schema_pis
from toolkit.validation import validate
from toolkit.validation.registry import PROJECT_SCH, PROJECT_XSD

ROOT = Path(__file__).resolve().parents[2]


def test_validate_is_a_lazy_stream_of_diagnostics(tmp_path: Path) -> None:
    stream = validate([ROOT / "tei"])
    assert isinstance(stream, types.GeneratorType)
    assert list(stream) == []
    copy = tmp_path / "tei"
    shutil.copytree(ROOT / "tei", copy)
    sample = copy / "116488.xml"
    sample.write_text(sample.read_text(encoding="utf-8").replace(
        '<gap reason="omitted"/>', '<gap reason="forgotten"/>', 1), encoding="utf-8")
    found = list(validate([copy]))
    assert found and all(isinstance(d, Diagnostic) for d in found)
    errors = [d for d in found if d.severity is Severity.ERROR]
    assert len(errors) == 1 and "forgotten" in errors[0].message
    assert errors[0].path == str(sample) and errors[0].rule and errors[0].rule.endswith("teikit.xsd")
    # the copy's xml-model PIs point to ../schemas, which is not beside it: noted, not fatal
    assert {d.rule for d in found if d.severity is Severity.WARNING} == {"tk-xml-model"}


def test_the_sample_declares_the_project_schemas_the_tei_way() -> None:
    tree = etree.parse(str(ROOT / "tei" / "116488.xml"))
    pis = [n for n in tree.getroot().itersiblings(preceding=True)
           if isinstance(n, etree._ProcessingInstruction) and n.target == "xml-model"]
    declared = {(pi.get("href"), pi.get("schematypens"), pi.get("type")) for pi in pis}
    assert declared == {("../schemas/teikit.xsd", "http://www.w3.org/2001/XMLSchema", "application/xml"),
                        ("../schemas/teikit.sch", "http://purl.oclc.org/dsdl/schematron",
                         "application/xml")}
    for href, _, _ in declared:
        assert (ROOT / "tei" / str(href)).resolve() in (PROJECT_XSD, PROJECT_SCH)


def test_schema_pis_point_back_from_any_output_folder_once(tmp_path: Path) -> None:
    assert schema_dir_relative(ROOT / "tei") == "../schemas"
    assert schema_dir_relative(ROOT / "build" / "tei") == "../../schemas"
    tree = etree.ElementTree(etree.fromstring(b'<TEI xmlns="http://www.tei-c.org/ns/1.0"/>'))
    with_schema_pis(with_schema_pis(tree, "../schemas"), "../schemas")
    text = serialize(tree).decode()
    assert text.count("<?xml-model") == 2
    assert text.index("teikit.xsd") < text.index("teikit.sch") < text.index("<TEI")

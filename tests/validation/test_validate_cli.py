"""`teikit validate` as users run it: output lines, order, exit codes, schemas named on the
command line or declared in xml-model PIs, and the JSON and JUnit formats checked against
their schemas (tests/validation/report.schema.json, tests/validation/junit.xsd)."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import sys
from pathlib import Path

import jsonschema
import pytest
from lxml import etree

ROOT = Path(__file__).resolve().parents[2]
HERE = Path(__file__).resolve().parent
LINE = re.compile(r"^(?P<file>[^:]+):(?P<line>\d+):(?P<column>\d+): (?P<severity>error|warning|info): "
                  r"(?P<message>.+) \[(?P<rule>[^\]]+)\]$")
SUMMARY = re.compile(r"^validated (?P<files>\d+) files? in [\d.]+ s: (?P<valid>\d+) valid, "
                     r"(?P<invalid>\d+) invalid; (?P<errors>\d+) errors?, (?P<warnings>\d+) warnings?$")


def teikit(*args: str | Path, cwd: Path = ROOT) -> subprocess.CompletedProcess[str]:
    result = subprocess.run([sys.executable, "-m", "toolkit", *map(str, args)], cwd=cwd,
                            capture_output=True, text=True, timeout=300)
    assert "Traceback" not in result.stderr + result.stdout
    return result


@pytest.fixture()
def edition(tmp_path: Path, fixture_edition: Path) -> Path:
    """A copy of the kitchen-sink edition (without its xml-model PIs, which point back here)."""
    target = tmp_path / "edition"
    shutil.copytree(fixture_edition, target)
    for path in target.rglob("*.xml"):
        text = path.read_text(encoding="utf-8")
        path.write_text(re.sub(r"<\?xml-model [^?]*\?>\n", "", text), encoding="utf-8")
    return target


def line_of(path: Path, needle: str) -> int:
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if needle in line:
            return number
    raise AssertionError(f"{needle!r} not in {path}")


def replace(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def test_the_committed_edition_is_valid() -> None:
    result = teikit("validate", "tei")
    assert result.returncode == 0, result.stdout
    summary = SUMMARY.match(result.stdout.strip().splitlines()[-1])
    assert summary and summary["invalid"] == "0" and summary["errors"] == "0"
    assert int(summary["files"]) >= 4  # the sample and its three registers


def test_problems_are_one_line_each_in_document_order(edition: Path) -> None:
    document = edition / "900001.xml"
    replace(document, '<gap reason="omitted"/> that', '<gap reason="lost"/> that')
    replace(document, '<supplied reason="clarification">', "<supplied>")
    replace(document, 'registers/persons.xml#kim-chang-man', 'registers/persons.xml#nobody')
    places = edition / "registers" / "places.xml"
    replace(places, "<placeName>Moscow</placeName>", "<placeName>Moscow</placeName>\n        <population/>")
    result = teikit("validate", edition)
    assert result.returncode == 1
    *lines, summary = result.stdout.strip().splitlines()
    parsed = [LINE.match(line) for line in lines]
    assert all(parsed), lines
    found = [(m["file"], int(m["line"]), int(m["column"]), m["rule"], m["message"]) for m in parsed if m]
    files = [f for f, *_ in found]
    assert files == sorted(files, key=lambda f: (f.count("/"), f))  # file order: as collected
    for name in set(files):
        numbers = [(line, column) for f, line, column, *_ in found if f == name]
        assert numbers == sorted(numbers)
    assert (str(document), line_of(document, 'reason="lost"')) in {(f, n) for f, n, *_ in found}
    by_rule = {rule: (f, n, message) for f, n, _, rule, message in found}
    assert by_rule["tk-supplied-reason"][1] == line_of(document, "<supplied>and the government")
    assert by_rule["tk-ref-resolves"][1] == line_of(document, "#nobody")
    assert "nobody" in by_rule["tk-ref-resolves"][2]
    gap = next(m for f, n, _, r, m in found if "lost" in m)
    assert "<gap>" in gap and "omitted" in gap and "illegible" in gap  # names element and choices
    population = next((f, n, m) for f, n, _, r, m in found if "population" in m)
    assert population[0] == str(places) and population[1] == line_of(places, "<population/>")
    assert "<population> is not allowed here in <place>" in population[2]
    counts = SUMMARY.match(summary)
    assert counts and counts["invalid"] == "2" and int(counts["errors"]) == len(found)


def test_usage_errors_exit_with_2(tmp_path: Path) -> None:
    missing = teikit("validate", tmp_path / "nothing-here")
    assert missing.returncode == 2 and "no such file or folder" in missing.stderr
    (tmp_path / "empty").mkdir()
    empty = teikit("validate", tmp_path / "empty")
    assert empty.returncode == 2 and "no *.xml files" in empty.stderr
    assert teikit("validate", "tei", "--format", "yaml").returncode == 2
    assert teikit("validate").returncode == 2
    unknown = tmp_path / "schema.txt"
    unknown.write_text("x")
    assert teikit("validate", "tei", "--schema", unknown).returncode == 2
    broken = tmp_path / "broken.xsd"
    broken.write_text('<xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema"><xs:element/></xs:schema>')
    result = teikit("validate", "tei", "--schema", broken)
    assert result.returncode == 2 and "broken.xsd" in result.stderr


def test_unreadable_files_are_reported_not_raised(tmp_path: Path) -> None:
    (tmp_path / "binary.xml").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00")
    (tmp_path / "empty.xml").write_bytes(b"")
    (tmp_path / "latin1.xml").write_bytes("<TEI xmlns='http://www.tei-c.org/ns/1.0'>é</TEI>".encode("latin-1"))
    (tmp_path / "cut.xml").write_text("<TEI xmlns='http://www.tei-c.org/ns/1.0'>\n  <teiHeader>\n")
    result = teikit("validate", tmp_path)
    assert result.returncode == 1
    lines = result.stdout.strip().splitlines()
    for name in ("binary.xml", "empty.xml", "latin1.xml", "cut.xml"):
        assert any(line.startswith(f"{tmp_path / name}:") and ": error: " in line for line in lines), name
    assert any(re.match(rf"{re.escape(str(tmp_path / 'cut.xml'))}:3:\d+: error: not well-formed", l)
               for l in lines)


def test_named_schemas_of_every_kind(edition: Path, tmp_path: Path) -> None:
    document = edition / "900001.xml"
    tei_all = ROOT / ".cache" / "tei_all.rng"
    if tei_all.exists():
        assert teikit("validate", document, "--schema", tei_all).returncode == 0
        replace(document, "<p>Further remarks.</p>", "<p>Further <pb/><foo>remarks</foo>.</p>")
        result = teikit("validate", document, "--schema", tei_all, "--no-project")
        assert result.returncode == 1
        assert any(line.endswith(f"[{Path('.cache/tei_all.rng')}]") or "tei_all.rng]" in line
                   for line in result.stdout.splitlines())
    rules = tmp_path / "mine.sch"
    rules.write_text("""<schema xmlns="http://purl.oclc.org/dsdl/schematron" queryBinding="xslt">
  <ns prefix="tei" uri="http://www.tei-c.org/ns/1.0"/>
  <pattern><rule context="tei:closer">
    <assert id="my-closer" role="warning" test="tei:dateline[tei:date/@when = '1900-01-01']">closer has no 1900 date</assert>
  </rule></pattern></schema>""")
    result = teikit("validate", edition / "900001.xml", "--schema", rules, "--no-project")
    assert result.returncode == 0  # a warning only
    (hit,) = [LINE.match(l) for l in result.stdout.splitlines() if "[my-closer]" in l]
    assert hit and int(hit["line"]) == line_of(document, "<closer>") and hit["severity"] == "warning"
    grammar = tmp_path / "other.xsd"
    grammar.write_text('<xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema" '
                       'targetNamespace="urn:other" elementFormDefault="qualified">'
                       '<xs:element name="other"/></xs:schema>')
    result = teikit("validate", edition / "registers" / "places.xml", "--schema", grammar)
    assert result.returncode == 1 and "other.xsd]" in result.stdout
    assertion = tmp_path / "assert11.xsd"  # XSD 1.1, which only xmlschema knows
    assertion.write_text(
        '<xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema" '
        'xmlns:vc="http://www.w3.org/2007/XMLSchema-versioning" vc:minVersion="1.1" '
        'xmlns:t="http://www.tei-c.org/ns/1.0" targetNamespace="http://www.tei-c.org/ns/1.0">'
        '<xs:element name="TEI"><xs:complexType><xs:sequence>'
        '<xs:any processContents="skip" maxOccurs="unbounded"/></xs:sequence>'
        '<xs:anyAttribute processContents="skip"/>'
        '<xs:assert test="not(t:standOff)"/></xs:complexType></xs:element></xs:schema>')
    result = teikit("validate", edition, "--schema", assertion, "--no-project")
    assert result.returncode == 1
    hits = [LINE.match(l) for l in result.stdout.splitlines() if "assert11.xsd]" in l]
    assert len(hits) == 3  # the three registers, not the document
    assert all(h and "registers" in h["file"] and "not(t:standOff)" in h["message"] for h in hits)


def test_declared_schemas_are_applied_and_remote_ones_never_fetched(edition: Path,
                                                                    tmp_path: Path) -> None:
    rules = edition / "local.sch"
    rules.write_text("""<schema xmlns="http://purl.oclc.org/dsdl/schematron">
  <ns prefix="tei" uri="http://www.tei-c.org/ns/1.0"/>
  <pattern><rule context="tei:fw"><report id="no-fw" test="true()">fw found</report></rule></pattern>
</schema>""")
    document = edition / "900001.xml"
    text = document.read_text(encoding="utf-8")
    pis = ('<?xml-model href="local.sch" schematypens="http://purl.oclc.org/dsdl/schematron"?>\n'
           '<?xml-model href="https://tei-c.org/release/xml/tei/custom/schema/relaxng/tei_all.rng" '
           'schematypens="http://relaxng.org/ns/structure/1.0"?>\n'
           '<?xml-model href="gone.rng" schematypens="http://relaxng.org/ns/structure/1.0"?>\n')
    document.write_text(text.replace("<TEI ", pis + "<TEI ", 1), encoding="utf-8")
    result = teikit("validate", document)
    assert result.returncode == 1
    lines = result.stdout.splitlines()
    assert any("fw found [no-fw]" in l and f":{line_of(document, '<fw ')}:" in l for l in lines)
    remote = [l for l in lines if "tei_all.rng" in l]
    assert remote and "never fetched" in remote[0] and ": warning: " in remote[0]
    assert any("gone.rng" in l and ": warning: " in l and "[tk-xml-model]" in l for l in lines)
    ignored = teikit("validate", document, "--no-declared")
    assert ignored.returncode == 0


def test_json_output_follows_its_schema(edition: Path) -> None:
    replace(edition / "900001.xml", '<div type="translation">', '<div type="letter">')
    result = teikit("validate", edition, "--format", "json")
    assert result.returncode == 1
    document = json.loads(result.stdout)
    jsonschema.validate(document, json.loads((HERE / "report.schema.json").read_text()))
    by_path = {f["path"]: f for f in document["files"]}
    bad = by_path[str(edition / "900001.xml")]
    assert not bad["valid"] and bad["errors"] == 1
    assert bad["diagnostics"][0]["rule"].endswith("teikit.xsd")
    assert document["summary"]["invalid"] == 1 and document["summary"]["files"] == 4


def test_junit_output_follows_the_jenkins_schema(edition: Path) -> None:
    schema = etree.XMLSchema(etree.parse(str(HERE / "junit.xsd")))
    replace(edition / "900001.xml", '<div type="translation">', '<div type="letter">')
    result = subprocess.run([sys.executable, "-m", "toolkit", "validate", str(edition), "--format",
                             "junit"], cwd=ROOT, capture_output=True, timeout=300)
    assert result.returncode == 1
    tree = etree.ElementTree(etree.fromstring(result.stdout))
    assert schema.validate(tree), schema.error_log
    root = tree.getroot()
    assert root.get("tests") == "4" and root.get("failures") == "1"
    failures = root.findall(".//testcase/failure")
    assert len(failures) == 1 and "letter" in (failures[0].text or "")
    valid = teikit("validate", "tei", "--format", "junit")
    assert valid.returncode == 0
    assert schema.validate(etree.ElementTree(etree.fromstring(valid.stdout.encode())))


def test_parallel_and_serial_runs_report_the_same(converted_edition: Path, tmp_path: Path) -> None:
    copy = tmp_path / "tei"
    shutil.copytree(converted_edition, copy)
    for path in sorted(copy.glob("6*.xml"))[:3]:
        replace(path, "<body>", "<body>stray")
    serial = teikit("validate", copy, "-j", "1")
    parallel = teikit("validate", copy, "-j", "2")
    assert serial.returncode == parallel.returncode == 1
    assert serial.stdout.splitlines()[:-1] == parallel.stdout.splitlines()[:-1]
    assert len(serial.stdout.splitlines()) == 4

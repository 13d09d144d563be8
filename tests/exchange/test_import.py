"""`teikit import`: FRUS volumes and generic TEI into an edition folder, with loss reports."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from lxml import etree

from teitest import ROOT, assert_tei_all
from toolkit.cli import main

FIXTURES = Path(__file__).parent / "fixtures"
# ../shared beside the repository: the only material outside it a test may read
FRUS_VOLUME = Path(__file__).resolve().parents[2].parent / "shared" / "frus" / "frus1894Nicaragua.xml"
TEI = "http://www.tei-c.org/ns/1.0"
FRUS = "http://history.state.gov/frus/ns/1.0"
NS = {"tei": TEI, "frus": FRUS}


def words(node: etree._Element) -> list[str]:
    return "".join(str(t) for t in node.itertext()).split()


def resolve(document: Path, ref: str) -> etree._Element:
    """The register entry a @ref points to (fails if the file or the id is missing)."""
    file_part, _, xml_id = ref.partition("#")
    register = etree.parse(str(document.parent / file_part))
    found = register.xpath("//*[@xml:id=$id]", id=xml_id)
    assert isinstance(found, list) and len(found) == 1, f"{ref} does not resolve from {document}"
    node = found[0]
    assert isinstance(node, etree._Element)
    return node


@pytest.fixture(scope="module")
def frus_edition(tmp_path_factory: pytest.TempPathFactory) -> Path:
    if not FRUS_VOLUME.exists():
        pytest.skip("the FRUS sample volume is not on this machine")
    out = tmp_path_factory.mktemp("frus")
    assert main(["import", str(FRUS_VOLUME), "-o", str(out), "--change-date", "2026-01-01", "-j", "1"]) == 0
    return out


def test_volume_splits_into_one_valid_document_per_div(frus_edition: Path, tei_all: etree.RelaxNG) -> None:
    source = etree.parse(str(FRUS_VOLUME))
    divs = source.xpath("//tei:body//tei:div[@type='document']", namespaces=NS)
    assert isinstance(divs, list) and len(divs) == 138
    outputs = sorted(frus_edition.glob("*.xml"))
    assert len(outputs) == 138
    for div in divs:
        assert isinstance(div, etree._Element)
        out = frus_edition / f"frus1894Nicaragua-{div.get('{http://www.w3.org/XML/1998/namespace}id')}.xml"
        tree = etree.parse(str(out))
        assert_tei_all(tei_all, tree)
        body = tree.find(".//tei:body/tei:div", NS)
        assert body is not None
        # nothing of the text is lost: the same words in the same order
        assert words(body) == words(div), out.name
        assert not tree.xpath("//*[namespace-uri() != $tei]", tei=TEI)
        assert (frus_edition / "loss" / f"{out.stem}.json").is_file()


def test_document_keeps_dateline_source_note_footnotes_and_links(frus_edition: Path) -> None:
    d2 = etree.parse(str(frus_edition / "frus1894Nicaragua-d2.xml"))
    assert d2.findtext(".//tei:titleStmt/tei:title[@type='main']", namespaces=NS) == "No. 2. Mr. Gresham to Mr. Baker."
    assert d2.find(".//tei:profileDesc/tei:creation/tei:date[@when='1894-02-01']", NS) is not None
    assert d2.find(".//tei:body/tei:div/tei:opener/tei:dateline/tei:date[@when='1894-02-01']", NS) is not None
    assert d2.findtext(".//tei:sourceDesc/tei:bibl[@type='citation']/tei:title", namespaces=NS) == \
        "No. 2. Mr. Gresham to Mr. Baker."
    assert d2.find(".//tei:body/tei:div[@type='transcription']", NS) is not None
    note = d2.find(".//tei:note[@xml:id='frus1894Nicaragua-d2fn1']", {**NS, "xml": "http://www.w3.org/XML/1998/namespace"})
    assert note is not None and note.get("n") == "1"
    ref = note.find("tei:ref", NS)
    assert ref is not None and ref.get("target") == "frus1894Nicaragua-d1.xml"
    assert (frus_edition / "frus1894Nicaragua-d1.xml").exists()
    attachment = d2.find(".//tei:div[@type='attachment']", NS)
    assert attachment is not None
    source_note = attachment.find("tei:note", NS)
    assert source_note is not None and source_note.text == "[Inclosure in No. 2.]"
    assert (source_note.get("type"), source_note.get("place")) == ("editorial", "inline")
    sender = d2.find(".//tei:head//tei:seg[@type='correspondent'][@subtype='from']/tei:persName", NS)
    assert sender is not None and sender.text == "Gresham"
    d1 = etree.parse(str(frus_edition / "frus1894Nicaragua-d1.xml"))
    assert d1.findtext(".//tei:sourceDesc/tei:bibl[@type='source']", namespaces=NS) == "[Telegram.]"
    assert d1.findtext(".//tei:publicationStmt/tei:idno[@type='URI']", namespaces=NS) == \
        "https://history.state.gov/historicaldocuments/frus1894Nicaragua/d1"


def test_loss_report_has_a_line_for_every_frus_element(frus_edition: Path) -> None:
    source = etree.parse(str(FRUS_VOLUME))
    attachments = len(list(source.iter(f"{{{FRUS}}}attachment")))
    lines = []
    for report in (frus_edition / "loss").glob("*.json"):
        if report.name.endswith(".volume.json"):
            continue
        data = json.loads(report.read_text(encoding="utf-8"))
        assert data["document"] == report.stem and data["source"] == FRUS_VOLUME.name
        for entry in data["entries"]:
            assert set(entry) == {"element", "path", "action", "detail", "line"}
            assert entry["path"].startswith("/TEI/")
            lines.append(entry)
    mapped = [e for e in lines if e["element"] == "frus:attachment" and e["action"] == "mapped"]
    assert len(mapped) == 138
    # the two others are in the message of the President (front matter), reported for the volume
    volume = json.loads((frus_edition / "loss" / "frus1894Nicaragua.volume.json").read_text(encoding="utf-8"))
    dropped = {e["path"] for e in volume["entries"] if e["action"] == "dropped"}
    front = source.xpath("//tei:front/*[not(self::tei:pb)]", namespaces=NS)
    assert isinstance(front, list) and len(dropped) >= len(front) and attachments == 140
    assert "/TEI/text[1]/front[1]/div[1]" in dropped
    # the path and line of each report line point at that element in the source
    sample = mapped[0]
    found = source.xpath(sample["path"].replace("/TEI", "/tei:TEI", 1).replace("/text", "/tei:text")
                         .replace("/body", "/tei:body").replace("/div", "/tei:div"), namespaces=NS)
    assert isinstance(found, list) and len(found) == 1 and isinstance(found[0], etree._Element)
    assert found[0].tag == f"{{{FRUS}}}attachment" and found[0].sourceline == sample["line"]


@pytest.fixture(scope="module")
def modern(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("modern")
    assert main(["import", str(FIXTURES / "frus-modern.xml"), "-o", str(out), "--change-date", "2026-01-01"]) == 0
    return out


def test_corresp_and_gloss_targets_become_register_entries(modern: Path, tei_all: etree.RelaxNG) -> None:
    d84 = modern / "frus1961-63v05-d84.xml"
    tree = etree.parse(str(d84))
    assert_tei_all(tei_all, tree)
    names = tree.findall(".//tei:body//tei:persName[@ref]", NS)
    assert [n.text for n in names] == ["Khrushchev", "President", "Lay"]
    khrushchev = resolve(d84, str(names[0].get("ref")))
    assert [n.text for n in khrushchev.findall("tei:persName", NS)] == ["Khrushchev, Nikita S.", "Nikita S. Khrushchev"]
    assert khrushchev.findtext("tei:note", namespaces=NS) == "Chairman of the Council of Ministers of the Soviet Union"
    lay = resolve(d84, str(names[2].get("ref")))
    assert lay.findall("tei:persName", NS)[1].text == "James S. Lay, Jr."
    terms = [n for n in tree.iterfind(".//tei:name[@ref]", NS) if "imported-terms" in str(n.get("ref"))]
    assert [resolve(d84, str(n.get("ref"))).findtext("tei:gloss", namespaces=NS) for n in terms] == \
        ["Executive Secretariat, Department of State", "National Security Council"]
    assert tree.find(".//tei:gloss", NS) is None
    for register in (modern / "registers").glob("*.xml"):
        assert_tei_all(tei_all, etree.parse(str(register)))
    # the unknown person key, the page outside the documents: removed, and reported
    report = json.loads((modern / "loss" / "frus1961-63v05-d84.json").read_text(encoding="utf-8"))
    unresolved = {e["detail"].split()[1] for e in report["entries"] if e["action"] == "unresolved"}
    assert unresolved == {"#p_XXX9", "#pg_ix"}
    assert tree.find(".//tei:ref[@target='frus1961-63v05-d85.xml']", NS) is not None
    assert tree.find(".//tei:div[@type='attachment']", NS) is not None
    assert tree.find(".//tei:profileDesc/tei:creation/tei:date[@when='1961-06-03']", NS) is not None
    assert [e.text for e in tree.findall(".//tei:titleStmt/tei:editor", NS)] == ["Charles S. Sampson", "John P. Glennon"]


def test_frus_dates_foreign_elements_and_translation(modern: Path, tei_all: etree.RelaxNG) -> None:
    d85 = etree.parse(str(modern / "frus1961-63v05-d85.xml"))
    assert_tei_all(tei_all, d85)
    date = d85.find(".//tei:creation/tei:date", NS)
    assert date is not None and (date.get("notBefore"), date.get("notAfter")) == ("1961-06-04", "1961-06-30")
    assert d85.findtext(".//tei:ab[@type='unknownThing']", namespaces=NS) == "Kept text."
    assert d85.find(".//tei:ref[@target='frus1961-63v05-d84.xml#frus1961-63v05-d84fn1']", NS) is not None
    report = json.loads((modern / "loss" / "frus1961-63v05-d85.json").read_text(encoding="utf-8"))
    elements = {e["element"] for e in report["entries"]}
    assert {"frus:unknownThing", "div/@frus:doc-dateTime-min", "div/@frus:doc-dateTime-max"} <= elements


def test_reimport_updates_registers_without_duplicates(tmp_path: Path) -> None:
    for _ in range(2):
        assert main(["import", str(FIXTURES / "frus-modern.xml"), "-o", str(tmp_path)]) == 0
    persons = etree.parse(str(tmp_path / "registers" / "imported-persons.xml"))
    assert len(persons.findall(".//tei:person", NS)) == 3


def test_generic_tei_is_normalised_and_names_carried_into_registers(tmp_path: Path, tei_all: etree.RelaxNG) -> None:
    shutil.copytree(ROOT / "tei" / "registers", tmp_path / "registers")
    assert main(["import", str(FIXTURES / "letter.xml"), "-o", str(tmp_path), "--change-date", "2026-01-01"]) == 0
    out = tmp_path / "weber-017.xml"
    tree = etree.parse(str(out))
    assert_tei_all(tei_all, tree)
    source = etree.parse(str(FIXTURES / "letter.xml"))
    assert words(tree.find(".//tei:body", NS)) == words(source.find(".//tei:body", NS))  # type: ignore[arg-type]
    for tag in ("choice", "sic", "corr", "del", "add", "unclear", "hi", "lb", "abbr", "expan"):
        assert tree.find(f".//tei:body//tei:{tag}", NS) is not None, tag
    assert tree.find(".//tei:facsimile/tei:surface[@xml:id='f1']", {**NS, "xml": "http://www.w3.org/XML/1998/namespace"}) is not None
    assert tree.find(".//tei:pb[@facs='#f1']", NS) is not None
    assert tree.find(".//tei:standOff", NS) is None
    refs = {str(n.get("ref")) for n in tree.iter(f"{{{TEI}}}persName", f"{{{TEI}}}placeName") if n.get("ref")}
    assert refs == {"registers/imported-persons.xml#anna", "registers/imported-persons.xml#carl",
                    "registers/imported-places.xml#vienna"}
    assert resolve(out, "registers/imported-places.xml#vienna").findtext("tei:placeName[@type='variant']", namespaces=NS) == "Wien"
    assert tree.find(".//tei:body/tei:div[@type='transcription']", NS) is not None
    assert tree.findtext(".//tei:seg[@type='marginal']", namespaces=NS) == "written sideways"
    assert tree.find(".//tei:floatingText[@type='enclosure']/tei:body/tei:p", NS) is not None
    changes = tree.findall(".//tei:revisionDesc/tei:change", NS)
    assert changes[-1].get("when") == "2026-01-01" and "letter.xml" in (changes[-1].text or "")
    report = json.loads((tmp_path / "loss" / "weber-017.json").read_text(encoding="utf-8"))
    by_element = {(e["element"], e["action"]) for e in report["entries"]}
    assert {("{https://example.org/ns/letters}marginal", "mapped"),
            ("{https://example.org/ns/letters}enclosure/@{https://example.org/ns/letters}kind", "dropped"),
            ("persName/@ref", "unresolved"), ("graphic/@url", "kept"), ("body", "restructured")} <= by_element


@pytest.mark.parametrize(("name", "message", "line"), [
    ("not-tei.xml", "not TEI: the root element is html", 2),
    ("malformed.xml", "not well-formed XML", 5),
    ("hostile.xml", "expanding the DOCTYPE's entities would make the document larger", 2),  # a bomb
    ("external-entity.xml", "points to an external DTD", 1),
])
def test_bad_input_is_refused_and_others_still_imported(tmp_path: Path, capsys: pytest.CaptureFixture[str],
                                                         name: str, message: str, line: int) -> None:
    bad = FIXTURES / name
    code = main(["import", str(bad), str(FIXTURES / "frus-modern.xml"), "-o", str(tmp_path), "-j", "2"])
    err = capsys.readouterr().err
    assert code == 1
    assert f"{bad}:{line}" in err and message in err
    assert "Traceback" not in err
    written = sorted(p.name for p in tmp_path.glob("*.xml"))
    assert written == ["frus1961-63v05-d84.xml", "frus1961-63v05-d85.xml"]
    assert sorted(p.name for p in (tmp_path / "loss").iterdir()) == [
        "frus1961-63v05-d84.json", "frus1961-63v05-d85.json", "frus1961-63v05.volume.json"]


def test_missing_file_and_usage(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["import", str(tmp_path / "nope.xml"), "-o", str(tmp_path / "out")]) == 1
    assert "no such file" in capsys.readouterr().err
    assert not (tmp_path / "out").exists()


def test_own_document_reimported_is_unchanged_but_for_the_import_change(tmp_path: Path) -> None:
    shutil.copytree(ROOT / "tei" / "registers", tmp_path / "registers")
    assert main(["import", str(ROOT / "tei" / "116488.xml"), "-o", str(tmp_path), "--change-date", "2026-01-01"]) == 0
    original = (ROOT / "tei" / "116488.xml").read_text(encoding="utf-8").splitlines()
    imported = (tmp_path / "116488.xml").read_text(encoding="utf-8").splitlines()
    # after the declaration and the two xml-model PIs, the only new line is the import's change
    assert imported[3:] == original[3:original.index("    </revisionDesc>")] + [
        '      <change when="2026-01-01">Imported from 116488.xml (TEI) by teikit 0.1.0.</change>'] + \
        original[original.index("    </revisionDesc>"):]
    # the edition's own schema association replaces the source's, and the report says so
    assert sum("xml-model" in line for line in imported[:4]) == 2
    report = json.loads((tmp_path / "loss" / "116488.json").read_text(encoding="utf-8"))
    assert {e["element"] for e in report["entries"]} == {"processing-instruction(xml-model)"}
    assert sorted(p.name for p in (tmp_path / "registers").iterdir()) == sorted(
        p.name for p in (ROOT / "tei" / "registers").iterdir())


def test_two_sources_with_the_same_document_number(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    copy = tmp_path / "copy-of-letter.xml"
    shutil.copy(FIXTURES / "letter.xml", copy)
    shutil.copy(FIXTURES / "persons-beside.xml", tmp_path)
    out = tmp_path / "out"
    assert main(["import", str(FIXTURES / "letter.xml"), str(copy), "-o", str(out), "-j", "1"]) == 1
    err = capsys.readouterr().err
    assert f"{copy}: error: document number weber-017 was already written from {FIXTURES / 'letter.xml'}" in err
    assert sorted(p.name for p in out.glob("*.xml")) == ["weber-017.xml"]


def test_xinclude_is_never_followed(tmp_path: Path, tei_all: etree.RelaxNG) -> None:
    assert main(["import", str(FIXTURES / "xinclude.xml"), "-o", str(tmp_path)]) == 0
    tree = etree.parse(str(tmp_path / "xinclude.xml"))
    assert_tei_all(tei_all, tree)
    assert [" ".join(words(p)) for p in tree.iterfind(".//tei:body//tei:p", NS)] == [
        "Before after.", "With a fallback."]
    assert "root:" not in (tmp_path / "xinclude.xml").read_text(encoding="utf-8")
    report = json.loads((tmp_path / "loss" / "xinclude.json").read_text(encoding="utf-8"))
    details = [e["detail"] for e in report["entries"] if e["element"] == "{http://www.w3.org/2001/XInclude}include"]
    assert len(details) == 2 and "'/etc/passwd' not processed" in details[0] and "fallback is kept" in details[1]


def test_imported_volume_validates_with_zero_errors_and_only_true_warnings(frus_edition: Path) -> None:
    from toolkit.errors import Severity
    from toolkit.validation import validate
    found = list(validate([frus_edition]))
    errors = [d.format() for d in found if d.severity is Severity.ERROR]
    assert errors == [], "\n".join(errors[:20])
    # the one document the volume does not date: its dateline gives only when it was received
    warnings = [(Path(str(d.path)).name, d.rule) for d in found if d.severity is Severity.WARNING]
    assert warnings == [("frus1894Nicaragua-d27.xml", "tk-date-present")]
    d27 = etree.parse(str(FRUS_VOLUME)).find(".//tei:div[@xml:id='d27']", {**NS, "xml": "http://www.w3.org/XML/1998/namespace"})
    assert d27 is not None and d27.get(f"{{{FRUS}}}doc-dateTime-min") is None
    assert d27.find(".//tei:dateline//tei:date", NS) is None


def test_gaps_get_a_reason_and_the_loss_report_says_so(frus_edition: Path) -> None:
    d38 = etree.parse(str(frus_edition / "frus1894Nicaragua-d38.xml"))
    gaps = d38.findall(".//tei:body//tei:gap", NS)
    assert [(g.get("reason"), g.get("quantity"), g.get("unit")) for g in gaps] == [
        ("omitted", "10", "word"), ("omitted", "1", "line"), ("omitted", "1", "line"), ("omitted", "1", "line")]
    report = json.loads((frus_edition / "loss" / "frus1894Nicaragua-d38.json").read_text(encoding="utf-8"))
    supplied = [e for e in report["entries"] if e["element"] == "gap/@reason"]
    assert len(supplied) == 4 and all("'omitted' supplied" in e["detail"] and e["line"] for e in supplied)


def test_small_capitals_are_kept(frus_edition: Path) -> None:
    source = etree.parse(str(FRUS_VOLUME))
    for number in ("d2", "d10", "d38"):
        div = source.find(f".//tei:div[@xml:id='{number}']", {**NS, "xml": "http://www.w3.org/XML/1998/namespace"})
        assert div is not None
        out = etree.parse(str(frus_edition / f"frus1894Nicaragua-{number}.xml"))
        wanted = [" ".join(words(h)) for h in div.iterfind(".//tei:hi[@rend='smallcaps']", NS)]
        assert wanted, number
        assert [" ".join(words(h)) for h in out.iterfind(".//tei:body//tei:hi[@rend='smallcaps']", NS)] == wanted
    report = (frus_edition / "loss" / "frus1894Nicaragua-d10.json").read_text(encoding="utf-8")
    assert "smallcaps" not in report


def test_modern_frus_volume_against_the_project_validator(modern: Path) -> None:
    from toolkit.errors import Severity
    from toolkit.validation import validate
    found = list(validate([modern]))
    # the one element of FRUS's namespace that has no TEI equivalent, kept as ab for a person to decide
    assert [(Path(str(d.path)).name, d.severity, d.message.split(" is ")[0]) for d in found] == [
        ("frus1961-63v05-d85.xml", Severity.ERROR, "<ab>")]
    d84 = etree.parse(str(modern / "frus1961-63v05-d84.xml"))
    created = d84.find(".//tei:creation/tei:date", NS)
    assert created is not None and dict(created.attrib) == {"when": "1961-06-03"}
    assert not d84.xpath("//@rendition")
    # the link into the front matter: its text kept, without a link
    main_text = d84.find(".//tei:div[@type='main']", NS)
    assert main_text is not None and "and page ix." in " ".join(words(main_text))
    assert d84.find(".//tei:ref[.='page ix']", NS) is None
    report = json.loads((modern / "loss" / "frus1961-63v05-d84.json").read_text(encoding="utf-8"))
    details = [(e["element"], e["action"]) for e in report["entries"]]
    assert ("dateline/@rendition", "dropped") in details and ("ref", "dropped") in details

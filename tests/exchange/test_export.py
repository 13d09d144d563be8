"""`teikit export`: teiCorpus, standalone documents, Dublin Core; and the round trip through import."""

from __future__ import annotations

import json
import shutil
from copy import deepcopy
from pathlib import Path

import pytest
from lxml import etree

from teitest import ROOT, assert_tei_all
from toolkit.cli import main

TEI = "http://www.tei-c.org/ns/1.0"
NS = {"tei": TEI, "xml": "http://www.w3.org/XML/1998/namespace"}
FIXTURES = Path(__file__).parent / "fixtures"
DC = {"oai_dc": "http://www.openarchives.org/OAI/2.0/oai_dc/", "dc": "http://purl.org/dc/elements/1.1/"}


def comparable(path: Path, drop_import_change: bool = False) -> bytes:
    """A document's canonical XML with indentation-only white space removed."""
    root = etree.parse(str(path)).getroot()
    if drop_import_change:
        changes = root.findall(".//tei:revisionDesc/tei:change", NS)
        assert changes and "Imported from" in "".join(changes[-1].itertext())
        changes[-1].getparent().remove(changes[-1])  # type: ignore[union-attr]
    for node in root.iter():
        if not isinstance(node.tag, str):
            continue
        if not (node.text or "").strip() and all(not (c.tail or "").strip() for c in node) and len(node):
            node.text = None
            for child in node:
                child.tail = None
    # the document element only: xml-model PIs associate an edition's own schemas, not content
    return etree.tostring(etree.ElementTree(deepcopy(root)), method="c14n2")


def export(fmt: str, edition: Path, out: Path) -> None:
    assert main(["export", "--to", fmt, str(edition), "-o", str(out), "--date", "2026-01-01"]) == 0


@pytest.fixture()
def edition(tmp_path: Path) -> Path:
    """The sample edition plus two imported FRUS documents (with persons and terms)."""
    folder = tmp_path / "edition"
    folder.mkdir()
    shutil.copy(ROOT / "tei" / "116488.xml", folder)
    shutil.copytree(ROOT / "tei" / "registers", folder / "registers")
    assert main(["import", str(FIXTURES / "frus-modern.xml"), "-o", str(folder), "--change-date", "2026-01-01"]) == 0
    shutil.rmtree(folder / "loss")
    return folder


def fresh_target(tmp_path: Path, edition: Path) -> Path:
    """An edition folder with the same registers the documents were exported from."""
    target = tmp_path / "reimported"
    shutil.copytree(edition / "registers", target / "registers")
    return target


def test_standalone_documents_embed_their_register_entries(edition: Path, tmp_path: Path,
                                                            tei_all: etree.RelaxNG) -> None:
    out = tmp_path / "standalone"
    export("standalone", edition, out)
    assert sorted(p.name for p in out.iterdir()) == ["116488.xml", "frus1961-63v05-d84.xml", "frus1961-63v05-d85.xml"]
    for path in out.iterdir():
        tree = etree.parse(str(path))
        assert_tei_all(tei_all, tree)
        ids = {str(n.get(f"{{{NS['xml']}}}id")) for n in tree.iter() if isinstance(n.tag, str) and n.get(f"{{{NS['xml']}}}id")}
        for node in tree.iter():
            for attribute in ("ref", "target"):
                value = node.get(attribute) if isinstance(node.tag, str) else None
                if value and "registers/" in value:
                    pytest.fail(f"{path.name}: {value} still points into the register files")
                if value and value.startswith("#"):
                    assert value[1:] in ids, f"{path.name}: {value} does not resolve"
    report = etree.parse(str(out / "116488.xml"))
    kosygin = report.find(".//tei:standOff/tei:listPerson/tei:person[@xml:id='kosygin']", NS)
    name = kosygin.find("tei:persName", NS) if kosygin is not None else None
    assert name is not None and " ".join("".join(name.itertext()).split()) == "Alexei Kosygin"
    assert report.find(".//tei:persName[@ref='#kosygin']", NS) is not None
    assert report.find(".//tei:standOff/tei:listOrg/tei:org[@xml:id='cwihp']", NS) is not None
    d84 = etree.parse(str(out / "frus1961-63v05-d84.xml"))
    assert d84.find(".//tei:standOff/tei:list[@type='terms']/tei:item/tei:term", NS) is not None


def test_round_trip_standalone_gives_the_same_documents(edition: Path, tmp_path: Path) -> None:
    out = tmp_path / "standalone"
    export("standalone", edition, out)
    target = fresh_target(tmp_path, edition)
    assert main(["import", *map(str, sorted(out.iterdir())), "-o", str(target)]) == 0
    for name in ("116488.xml", "frus1961-63v05-d84.xml", "frus1961-63v05-d85.xml"):
        assert comparable(target / name, drop_import_change=True) == comparable(edition / name), name
    # nothing new went into the registers: every entry was recognised
    assert sorted(p.name for p in (target / "registers").iterdir()) == sorted(p.name for p in (edition / "registers").iterdir())


def test_round_trip_tei_corpus_gives_the_same_documents(edition: Path, tmp_path: Path, tei_all: etree.RelaxNG) -> None:
    out = tmp_path / "corpus"
    export("tei-corpus", edition, out)
    corpus = etree.parse(str(out / "corpus.xml"))
    assert_tei_all(tei_all, corpus)
    assert corpus.getroot().tag == f"{{{TEI}}}teiCorpus"
    assert len(corpus.findall("tei:TEI", NS)) == 3
    registered = {str(n.get(f"{{{NS['xml']}}}id")) for n in corpus.find("tei:standOff", NS).iter()  # type: ignore[union-attr]
                  if isinstance(n.tag, str) and n.get(f"{{{NS['xml']}}}id")}
    assert {"kosygin", "moscow", "cpsu", "frus1961-63v05-p_KNS1", "frus1961-63v05-t_NSC1"} <= registered
    target = fresh_target(tmp_path, edition)
    assert main(["import", str(out / "corpus.xml"), "-o", str(target)]) == 0
    for name in ("116488.xml", "frus1961-63v05-d84.xml", "frus1961-63v05-d85.xml"):
        assert comparable(target / name, drop_import_change=True) == comparable(edition / name), name
    # the corpus's own header and the entries no document uses are reported, not silently dropped
    report = json.loads((target / "loss" / "corpus.corpus.json").read_text(encoding="utf-8"))
    assert report["entries"][0]["element"] == "teiHeader"
    unused = {e["detail"].split("'")[1] for e in report["entries"] if e["element"] in ("person", "place", "org", "item")}
    text = (out / "corpus.xml").read_text(encoding="utf-8")
    assert unused and all(f'"#{xml_id}"' not in text for xml_id in unused)
    assert {"frus1961-63v05-t_NSC1", "kosygin"}.isdisjoint(unused)


def test_dublin_core_records(edition: Path, tmp_path: Path) -> None:
    out = tmp_path / "dc"
    export("dc", edition, out)
    assert sorted(p.name for p in out.iterdir()) == ["116488.dc.xml", "frus1961-63v05-d84.dc.xml", "frus1961-63v05-d85.dc.xml"]
    record = etree.parse(str(out / "116488.dc.xml")).getroot()
    assert record.tag == f"{{{DC['oai_dc']}}}dc"
    assert record.findtext("dc:title", namespaces=DC) == "Report, Embassy of Hungary in North Korea to the Hungarian Foreign Ministry"
    assert record.findtext("dc:date", namespaces=DC) == "1965-01-08"
    assert [n.text for n in record.findall("dc:language", DC)] == ["hu", "en"]
    assert "https://wilson-center.drivingcreative.com/document/116488" in [n.text for n in record.findall("dc:identifier", DC)]
    assert "Alexei Kosygin" in [n.text for n in record.findall("dc:subject", DC)]
    assert "Moscow" in [n.text for n in record.findall("dc:coverage", DC)]
    d85 = etree.parse(str(out / "frus1961-63v05-d85.dc.xml")).getroot()
    assert d85.findtext("dc:date", namespaces=DC) == "1961-06-04/1961-06-30"
    assert d85.findtext("dc:publisher", namespaces=DC) == "Office of the Historian, U.S. Department of State"


def test_export_refuses_to_overwrite_the_edition(edition: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["export", "--to", "standalone", str(edition), "-o", str(edition)]) == 2
    assert "must not be the edition folder" in capsys.readouterr().err
    assert main(["export", "--to", "dc", str(edition / "missing"), "-o", str(edition / "x")]) == 1


def test_standalone_warns_about_pointers_to_missing_entries(edition: Path, tmp_path: Path,
                                                             capsys: pytest.CaptureFixture[str]) -> None:
    document = edition / "116488.xml"
    document.write_text(document.read_text(encoding="utf-8").replace(
        'ref="per:ivanov"', 'ref="registers/persons.xml#nobody"').replace(
        'ref="per:kosygin"', 'ref="per:nobody-either"', 1), encoding="utf-8")
    export("standalone", edition, tmp_path / "out")
    err = capsys.readouterr().err
    assert f"{document}:" in err and "registers/persons.xml#nobody names no entry of the registers" in err
    assert "per:nobody-either names no entry of the registers" in err  # a prefixed pointer too
    assert 'ref="registers/persons.xml#nobody"' in (tmp_path / "out" / "116488.xml").read_text(encoding="utf-8")

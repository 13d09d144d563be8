"""Curation end to end through the CLI: convert → propose → accept / merge / reject → link in
place (idempotent, diff-clean) → the edition validates."""

from __future__ import annotations

import difflib
import json
import shutil
from pathlib import Path

import pytest
from lxml import etree

from toolkit.cli import main

ROOT = Path(__file__).resolve().parents[2]
GOLD = Path(__file__).resolve().parent / "gold"


@pytest.fixture()
def edition(tmp_path: Path) -> Path:
    folder = tmp_path / "tei"
    folder.mkdir()
    shutil.copytree(ROOT / "tei" / "registers", folder / "registers")
    sources = [str(GOLD / f"wilson-9900{n}.txt") for n in ("01", "02", "10")]
    assert main(["convert", *sources, "-o", str(folder), "--registers", str(folder / "registers"),
                 "-j", "1"]) == 0
    return folder


def propose(edition: Path, capsys: pytest.CaptureFixture[str]) -> list[dict[str, object]]:
    capsys.readouterr()
    assert main(["registers", "propose", str(edition), "--format", "json"]) == 0
    result: list[dict[str, object]] = json.loads(capsys.readouterr().out)
    return result


def test_propose_accept_merge_reject_link(edition: Path, tmp_path: Path, tei_all: etree.RelaxNG,
                                          capsys: pytest.CaptureFixture[str]) -> None:
    proposals = {p["key"]: p for p in propose(edition, capsys)}
    seoul = proposals["seoul"]
    assert seoul["kind"] == "place" and seoul["count"] == 4 and seoul["geonames"] == "1835848"
    assert proposals["pak-seong-cheol"]["count"] == 3 and proposals["pak-seong-cheol"]["kind"] == "person"
    assert all(p["mentions"] for p in proposals.values())
    assert not any(n["id"] == "korea" for n in proposals["south-korea"]["near"])  # type: ignore[index, union-attr]

    page = tmp_path / "review.html"
    assert main(["registers", "propose", str(edition), "--html", str(page)]) == 0
    text = capsys.readouterr().out
    assert "seoul\tplace\tSeoul\t4 mentions, GeoNames 1835848" in text
    html = page.read_text(encoding="utf-8")
    assert "teikit registers accept seoul" in html and "<script" not in html and "http" not in html.split("<body>")[1].split("Wilson")[0]

    before = {p: p.read_text(encoding="utf-8") for p in edition.glob("*.xml")}
    assert main(["registers", "accept", "seoul", str(edition)]) == 0
    assert main(["registers", "accept", "pak-seong-cheol", str(edition)]) == 0
    assert main(["registers", "merge", "hao-deqing", str(edition), "--into", "peng-dehuai"]) == 0
    assert main(["registers", "reject", "tokyo", str(edition)]) == 0
    places = (edition / "registers" / "places.xml").read_text(encoding="utf-8")
    assert '<place xml:id="seoul">' in places and '<idno type="GeoNames">1835848</idno>' in places
    assert "<geo>37.56600 126.97840</geo>" in places
    for register in ("places.xml", "persons.xml"):  # the edited registers are still TEI
        assert tei_all.validate(etree.parse(str(edition / "registers" / register))), tei_all.error_log
    persons = (edition / "registers" / "persons.xml").read_text(encoding="utf-8")
    assert "<persName><surname>Pak</surname> <forename>Seong-cheol</forename></persName>" in persons
    assert '<persName type="variant">Hao Deqing</persName>' in persons
    keys = {p["key"] for p in propose(edition, capsys)}
    assert "tokyo" not in keys  # rejections are remembered

    # a hand edit in a document survives linking
    doc = edition / "990002.xml"
    doc.write_text(doc.read_text(encoding="utf-8").replace("Rodong Sinmun", "<hi rend=\"italic\">Rodong Sinmun</hi>"),
                   encoding="utf-8")
    before[doc] = doc.read_text(encoding="utf-8")
    capsys.readouterr()
    assert main(["registers", "link", str(edition)]) == 0
    report = capsys.readouterr().out
    assert "linked 'Seoul' -> plc:seoul" in report and "linked 'Pak Seong-cheol' -> per:pak-seong-cheol" in report
    for path, old in before.items():
        new = path.read_text(encoding="utf-8")
        changed = [line for line in difflib.ndiff(old.splitlines(), new.splitlines()) if line[:1] in "+-"]
        for line in changed:  # only start tags of names gained a ref; nothing else moved
            assert line[2:].replace(' ref="plc:seoul"', "").replace(' ref="per:pak-seong-cheol"', "") \
                .replace(' ref="per:peng-dehuai"', "") in old.splitlines(), line
    assert '<hi rend="italic">Rodong Sinmun</hi>' in doc.read_text(encoding="utf-8")
    linked = {p: p.read_bytes() for p in edition.glob("*.xml")}
    capsys.readouterr()
    assert main(["registers", "link", str(edition)]) == 0
    assert "linked names in 0 of 3 documents" in capsys.readouterr().out
    assert linked == {p: p.read_bytes() for p in edition.glob("*.xml")}  # idempotent
    assert main(["validate", str(edition)]) == 0


def test_unknown_keys_and_targets_are_clear_errors(edition: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["registers", "accept", "no-such-name", str(edition)]) == 1
    assert "no proposed entry 'no-such-name'" in capsys.readouterr().err
    assert main(["registers", "merge", "seoul", str(edition), "--into", "kosygin"]) == 1
    assert "is a place name; 'kosygin' is a person" in capsys.readouterr().err
    assert main(["registers", "propose", str(edition / "missing")]) == 1

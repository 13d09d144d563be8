"""Generic TEI (letters, a diplomatic transcription, a teiCorpus) imported: the output passes
`teikit validate` with zero errors, keeps the transcription, reports every value it changed,
and builds into the web and print editions with the transcribed text."""

from __future__ import annotations

import json
import re
from collections import Counter
from pathlib import Path

import pytest
from lxml import etree
from pypdf import PdfReader

from teitest import assert_tei_all
from toolkit.cli import main
from toolkit.errors import Severity
from toolkit.validation import validate

FIXTURES = Path(__file__).parent / "fixtures"
SOURCES = ("letter.xml", "draft-report.xml", "letter-facsimile.xml", "corpus.xml")
OUTPUTS = ("weber-017", "harbour-1872-05", "lind-0042", "council-1911-03-03", "council-1911-03-10")
TEI = "http://www.tei-c.org/ns/1.0"
NS = {"tei": TEI}


def words(node: etree._Element) -> list[str]:
    return "".join(str(t) for t in node.itertext()).split()


@pytest.fixture(scope="module")
def imported(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("generic") / "tei"
    assert main(["import", *(str(FIXTURES / s) for s in SOURCES), "-o", str(out),
                 "--change-date", "2026-01-01", "-j", "1"]) == 0
    return out


@pytest.fixture(scope="module")
def built(imported: Path) -> Path:
    out = imported.parent / "build"
    assert main(["build", str(imported), "-o", str(out), "-j", "1"]) == 0
    return out


def test_imported_generic_tei_validates_with_zero_errors(imported: Path, tei_all: etree.RelaxNG) -> None:
    assert sorted(p.stem for p in imported.glob("*.xml")) == sorted(OUTPUTS)
    found = list(validate([imported]))
    errors = [d.format() for d in found if d.severity is Severity.ERROR]
    assert errors == []
    # the one warning: letter.xml itself does not state the language of its metadata
    assert [(Path(str(d.path)).name, d.rule) for d in found] == [("weber-017.xml", "tk-root-lang")]
    for name in OUTPUTS:
        assert_tei_all(tei_all, etree.parse(str(imported / f"{name}.xml")))


def test_diplomatic_transcription_is_kept(imported: Path) -> None:
    source = etree.parse(str(FIXTURES / "draft-report.xml"))
    tree = etree.parse(str(imported / "harbour-1872-05.xml"))
    body = tree.find(".//tei:body", NS)
    assert body is not None and words(body) == words(source.find(".//tei:body", NS))  # type: ignore[arg-type]
    for tag in ("subst", "add", "del", "unclear", "damage", "gap", "surplus", "secl", "space", "handShift", "lb", "pb"):
        assert body.find(f".//tei:{tag}", NS) is not None, tag
    subst = body.find(".//tei:subst", NS)
    assert subst is not None and [(c.tag.split("}")[1], c.text, dict(c.attrib)) for c in subst] == [
        ("del", "four", {"rend": "overstrike"}), ("add", "five", {"place": "above"})]
    assert body.find(".//tei:add[@hand='#h2'][@place='above']", NS) is not None
    assert body.find(".//tei:handShift", NS).get("new") == "#h2"  # type: ignore[union-attr]
    assert [h.get("{http://www.w3.org/XML/1998/namespace}id")
            for h in tree.iterfind(".//tei:msDesc/tei:physDesc/tei:handDesc/tei:handNote", NS)] == ["h1", "h2"]
    assert [(g.get("reason"), g.get("unit")) for g in body.iter(f"{{{TEI}}}gap")] == [
        ("illegible", "char"), ("omitted", "word"), ("damage", "line")]
    assert dict(body.find(".//tei:space", NS).attrib) == {  # type: ignore[union-attr]
        "quantity": "5", "unit": "char", "dim": "horizontal"}
    zone = tree.find(".//tei:facsimile/tei:surface/tei:zone", NS)
    assert zone is not None and zone.get("points") is None and zone.get("lrx") == "1880"
    assert tree.find(".//tei:head/tei:lb[@facs='#p1-z1']", NS) is not None


def test_letter_keeps_its_correspondence_and_facsimile(imported: Path) -> None:
    tree = etree.parse(str(imported / "lind-0042.xml"))
    actions = tree.findall(".//tei:profileDesc/tei:correspDesc/tei:correspAction", NS)
    assert [a.get("type") for a in actions] == ["sent", "received"]
    assert actions[0].find("tei:persName", NS).get("ref") == "registers/imported-persons.xml#maria"  # type: ignore[union-attr]
    assert actions[1].find("tei:address", NS) is None and tree.find(".//tei:correspContext", NS) is None
    # dated in the header from the date of sending, in the edition's order of profileDesc parts
    profile = tree.find(".//tei:profileDesc", NS)
    assert profile is not None and [c.tag.split("}")[1] for c in profile] == ["creation", "langUsage", "correspDesc"]
    assert profile.find("tei:creation/tei:date", NS).get("when") == "1905-10-09"  # type: ignore[union-attr]
    assert [pb.get("facs") for pb in tree.iter(f"{{{TEI}}}pb")] == ["#s1", "#s2"]
    assert len(tree.findall(".//tei:facsimile/tei:surface", NS)) == 2
    assert tree.find(".//tei:hi[@rend='superscript']", NS) is not None


def test_every_changed_value_has_a_loss_report_line(imported: Path) -> None:
    """Nothing is dropped silently: each attribute of the source's text and facsimile that is not
    in the output with its value is named, at its source line, in the loss report."""
    for source_name, outputs in (("draft-report.xml", ["harbour-1872-05"]), ("letter-facsimile.xml", ["lind-0042"]),
                                 ("letter.xml", ["weber-017"]),
                                 ("corpus.xml", ["council-1911-03-03", "council-1911-03-10"])):
        source = etree.parse(str(FIXTURES / source_name))
        wanted = [(etree.QName(node).localname, str(name), value, node.sourceline)
                  for part in source.xpath("//tei:text | //tei:facsimile", namespaces=NS)
                  for node in part.iter(f"{{{TEI}}}*") for name, value in node.attrib.items()]
        have: Counter[tuple[str, str, str]] = Counter()
        reported: set[tuple[str, int | None]] = set()
        for stem in outputs:
            tree = etree.parse(str(imported / f"{stem}.xml"))
            for part in tree.xpath("//tei:text | //tei:facsimile", namespaces=NS):
                for node in part.iter(f"{{{TEI}}}*"):
                    have.update((etree.QName(node).localname, str(n), v) for n, v in node.attrib.items())
            report = json.loads((imported / "loss" / f"{stem}.json").read_text(encoding="utf-8"))
            reported |= {(e["element"], e["line"]) for e in report["entries"]}
        silent = []
        for element, name, value, line in wanted:
            if have[(element, name, value)]:
                have[(element, name, value)] -= 1
                continue
            label = f"{element}/@{re.sub(r'^{http://www.w3.org/XML/1998/namespace}', 'xml:', name)}"
            if (label, line) not in reported:
                silent.append(f"{source_name}:{line}: {label}={value!r}")
        assert silent == []


def test_loss_report_says_what_was_mapped_and_removed(imported: Path) -> None:
    report = json.loads((imported / "loss" / "harbour-1872-05.json").read_text(encoding="utf-8"))
    details = {(e["element"], e["action"]): e["detail"] for e in report["entries"]}
    assert "'supralinear' became 'above'" in details[("add/@place", "mapped")]
    assert "'smudged' is not one of the edition's values" in details[("unclear/@reason", "dropped")]
    assert "'lost' became 'damage'" in [e["detail"] for e in report["entries"] if e["element"] == "gap/@reason"][1]
    assert ("zone/@points", "dropped") in details and ("graphic/@width", "dropped") in details
    assert "'report'" in details[("div/@type", "mapped")]
    letter = json.loads((imported / "loss" / "lind-0042.json").read_text(encoding="utf-8"))
    dropped = {e["element"]: e["detail"] for e in letter["entries"] if e["action"] == "dropped"}
    assert "'previous letter'" in dropped["correspContext"] and "'Chicago, Ill.'" in dropped["address"]
    # a reason that names the cause of the damage becomes the agent
    weber = etree.parse(str(imported / "weber-017.xml"))
    assert [dict(u.attrib) for u in weber.iter(f"{{{TEI}}}unclear")] == [{"agent": "ink"}]


def test_imported_documents_build_into_web_and_print_editions(built: Path) -> None:
    for name in OUTPUTS:
        assert (built / "html" / f"{name}.html").is_file() and (built / "pdf" / f"{name}.pdf").is_file()
    page = etree.parse(str(built / "html" / "harbour-1872-05.html"), etree.HTMLParser())
    text = " ".join(words(page.getroot()))
    for phrase in ("great", "five", "warehouses", "second", "J. Harker", "on the fourth"):
        assert phrase in text, phrase
    # the deletion struck through (the editorial view), the surplus word between braces
    assert [" ".join(words(d)) for d in page.iter("del")][:1] == ["four"]
    surplus = page.xpath("//span[contains(concat(' ', @class, ' '), ' tk-surplus ')]")
    assert isinstance(surplus, list) and "".join(words(surplus[0])) == "{the}"  # type: ignore[arg-type]
    hand = page.xpath("//span[contains(concat(' ', @class, ' '), ' tk-handShift ')]/@data-tip")
    assert hand == ["Another hand from here: A clerk's corrections, in pencil."]
    pdf = " ".join(" ".join((p.extract_text() or "").split()) for p in PdfReader(built / "pdf" / "harbour-1872-05.pdf").pages)
    for phrase in ("GREAT FLOOD", "five feet above the {the} quay", "lower warehouses", "{on the fourth}", "Harker"):
        assert phrase in pdf, phrase
    letter = " ".join(" ".join((p.extract_text() or "").split()) for p in PdfReader(built / "pdf" / "lind-0042.pdf").pages)
    assert "frisk igen" in letter and "Skriv snart!" in letter
    minutes = etree.parse(str(built / "html" / "council-1911-03-03.html"), etree.HTMLParser())
    assert "⸢electric⸣ lamps of High Street be renewed" in " ".join(words(minutes.getroot()))

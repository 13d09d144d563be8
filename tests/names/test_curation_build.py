"""Issue #11 end to end, as an editor runs it: convert reports → `registers propose` →
accept / merge / reject → `registers link` across tei/ (existing names get @ref, plain-text
mentions are tagged) → the edition validates and builds, with the new entries on the web
register pages (with their passages and the map) and in the print volume's index."""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

import pytest
from lxml import html
from pypdf import PdfReader

from toolkit.cli import main

ROOT = Path(__file__).resolve().parents[2]
GOLD = Path(__file__).resolve().parent / "gold"
# a later report that names Counsellor Tsend by his name alone: no cue marks it, so the
# converter leaves it as text until the entry exists
LATER = (GOLD / "wilson-990013.txt").read_text(encoding="utf-8").split("Translation - English")[0] \
    .replace("990013", "990099").replace("Memorandum on a Conversation with the Mongolian Counsellor",
                                         "Note on the Mongolian Position") \
    + "Translation - English\n\nAccording to Tsend, the Mongolian side was satisfied with the talks in Seoul.\n"


def flat(text: str) -> str:
    return " ".join(text.split())


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    root = tmp_path_factory.mktemp("curation")
    edition = root / "tei"
    edition.mkdir()
    shutil.copytree(ROOT / "tei" / "registers", edition / "registers")
    later = root / "wilson-990099.txt"
    later.write_text(LATER, encoding="utf-8")
    sources = [str(GOLD / f"wilson-9900{n}.txt") for n in ("01", "02", "10", "13")] + [str(later)]
    assert main(["convert", *sources, "-o", str(edition), "--registers", str(edition / "registers"),
                 "-j", "1"]) == 0
    assert "Tsend</persName>" not in (edition / "990099.xml").read_text(encoding="utf-8")
    return edition, root


def test_propose_curate_link_validate_build(built: tuple[Path, Path],
                                           capsys: pytest.CaptureFixture[str]) -> None:
    edition, root = built
    capsys.readouterr()
    assert main(["registers", "propose", str(edition), "--format", "json"]) == 0
    proposals = {p["key"]: p for p in json.loads(capsys.readouterr().out)}
    assert {"tsend", "dorjiin-tsend", "seoul", "pak-seong-cheol", "tokyo"} <= set(proposals)
    for key in ("tsend", "seoul", "pak-seong-cheol"):
        assert main(["registers", "accept", key, str(edition)]) == 0
    assert main(["registers", "merge", "dorjiin-tsend", str(edition), "--into", "tsend"]) == 0
    assert main(["registers", "reject", "tokyo", str(edition)]) == 0
    capsys.readouterr()
    assert main(["registers", "link", str(edition)]) == 0
    report = capsys.readouterr().out
    later = edition / "990099.xml"
    # an existing name gets its @ref; a plain-text mention is tagged, both with file and line
    assert re.search(rf"{re.escape(str(edition / '990013.xml'))}:\d+: linked 'Dorjiin Tsend' -> per:tsend", report)
    assert re.search(rf"{re.escape(str(later))}:\d+: tagged 'Tsend' -> per:tsend", report)
    assert re.search(rf"{re.escape(str(later))}:\d+: linked 'Seoul' -> plc:seoul", report)
    assert '<persName ref="per:tsend">Tsend</persName>, the Mongolian side' in later.read_text(encoding="utf-8")
    assert main(["validate", str(edition)]) == 0

    out = root / "build"
    assert main(["build", str(edition), "-o", str(out), "-j", "1"]) == 0
    persons = html.fromstring((out / "html" / "persons.html").read_bytes())
    tsend = persons.xpath("//article[@id='tsend']")
    assert tsend, "the accepted person has no entry on the register page"
    passages = {a.get("href", "").split("#")[0] for a in tsend[0].xpath(".//a")}
    assert {"990013.html", "990099.html"} <= passages  # the linked name and the tagged one
    assert "Dorjiin Tsend" in flat(tsend[0].text_content())  # the merged variant
    pak = persons.xpath("//article[@id='pak-seong-cheol']")
    assert pak and pak[0].xpath(".//a[contains(@href, '990002.html')]")
    places = (out / "html" / "places.html").read_text(encoding="utf-8")
    assert 'id="seoul"' in places and '<a href="#seoul"><circle' in places  # on the offline map
    assert 'id="tokyo"' not in places  # rejected

    volume = PdfReader(out / "pdf" / "edition.pdf")
    pages = [page.extract_text() or "" for page in volume.pages]
    index = next(i for i, text in enumerate(pages) if flat(text).startswith("Index"))
    back = flat(" ".join(pages[index:]))
    # the new entries in the print index, persons by family name from the register's parts
    assert re.search(r"Pak, Seong-cheol, \d", back), back[:2000]
    assert re.search(r"Tsend, \d+, \d+", back), back[:2000]  # the two documents that name him
    assert re.search(r"Seoul, \d", back), back[:2000]
    assert back.index("Pak, Seong-cheol") < back.index("Tsend")

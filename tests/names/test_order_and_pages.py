"""The web edition from prefixed pointers: register pages list each entry's passages, persons
sorted by family name from the register's structure (Kim Il Sung under K, Kosygin under K)."""

from __future__ import annotations

import shutil
from pathlib import Path

from lxml import html

from toolkit.cli import main

ROOT = Path(__file__).resolve().parents[2]


def test_register_pages_resolve_prefixed_pointers_and_sort_by_surname(tmp_path: Path) -> None:
    source = tmp_path / "tei"
    shutil.copytree(ROOT / "tei", source)
    assert b'ref="per:kosygin"' in (source / "116488.xml").read_bytes()
    assert main(["build", str(source), "-o", str(tmp_path / "build"), "--only", "html"]) == 0
    persons = html.fromstring((tmp_path / "build" / "html" / "persons.html").read_bytes())
    order = [str(h.get("id")).removesuffix("-name") for h in persons.xpath("//article/h2")]
    assert order == ["ivanov", "khrushchev", "kim-chang-man", "kim-il", "kim-il-sung", "kosygin",
                     "kovacs-jozsef", "mikoyan", "moskovsky", "peng-dehuai", "szalontai"]
    kosygin = persons.xpath("//article[@id='kosygin']")[0]
    assert kosygin.xpath(".//a[contains(@href, '116488')]"), "the entry lists no passage"
    places = (tmp_path / "build" / "html" / "places.html").read_text(encoding="utf-8")
    svg = places.split('<figure class="tk-map">')[1].split("</figure>")[0]
    # the offline map: a dot per place with coordinates, linking to its entry; nothing fetched
    assert '<a href="#moscow"><circle class="tk-map-place" cx="37.61781" cy="-55.75204"' in svg
    assert '<a href="#pyongyang">' in svg and "#cuba" not in svg  # Cuba has no coordinates
    assert "http" not in svg.replace('xmlns="http://www.w3.org/2000/svg"', "")
    text = (tmp_path / "build" / "html" / "116488.html").read_text(encoding="utf-8")
    assert "per:kosygin" not in text.split("<body")[1]  # links go to the entry, not to the pointer

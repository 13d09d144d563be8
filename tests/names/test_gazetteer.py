"""The shipped gazetteer (package data, for speed) is exactly what the packages give, and a
file built from other package versions is never used."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from toolkit.names import gazetteer


def test_shipped_gazetteer_is_the_packages_gazetteer() -> None:
    built = gazetteer.build_places()
    shipped = gazetteer._shipped()
    assert shipped is not None, (
        "toolkit/names/places.json was built from other versions of "
        f"{', '.join(gazetteer.SOURCES)}: rewrite it with `python -m toolkit.names.gazetteer`")
    main, minor = shipped
    # the tagger's places in the built order, the minor towns' names, and with the towns
    # file every place of the built gazetteer with its Place
    assert list(main.items()) == [(k, v) for k, v in built.items() if not v[1].minor]
    assert minor == {k: written for k, (written, place) in built.items() if place.minor}
    assert gazetteer.all_places() == built
    assert len(gazetteer.places()) + len(gazetteer.minor_towns()) == len(built)
    key, town = next((k, v) for k, v in built.items() if v[1].minor and v[1].geonames)
    assert gazetteer.all_places()[key] == town and town[1].lat is not None  # id, coordinates


def test_a_file_of_other_package_versions_is_not_used(tmp_path: Path,
                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    stale = tmp_path / "places.json"
    gazetteer.write_shipped(stale)
    data = json.loads(stale.read_text(encoding="utf-8"))
    assert data["versions"] == gazetteer.source_versions()
    monkeypatch.setattr(gazetteer, "SHIPPED", stale)
    assert gazetteer._shipped() is not None
    data["versions"]["pycountry"] = "0.0.1"
    data["places"] = [["atlantis", "Atlantis", "Atlantis", None, None, None, None]]
    stale.write_text(json.dumps(data), encoding="utf-8")
    assert gazetteer._shipped() is None
    stale.write_text("{not json", encoding="utf-8")
    assert gazetteer._shipped() is None
    # a towns file of other versions: curation builds the gazetteer (no town without its Place)
    towns = tmp_path / "towns.json"
    monkeypatch.setattr(gazetteer, "SHIPPED_TOWNS", towns)
    assert gazetteer._shipped_towns() is not None
    towns.write_text(json.dumps(data), encoding="utf-8")
    assert gazetteer._shipped_towns() is None

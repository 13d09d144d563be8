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
    assert list(shipped.items()) == list(built.items())  # same places, same order
    assert gazetteer.all_places() == built
    # the tagger's part and the minor towns' names are the whole of it
    assert len(gazetteer.places()) + len(gazetteer.minor_towns()) == len(built)


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

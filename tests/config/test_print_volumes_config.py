"""[print] volume_by and volume_size (issue #13): read, defaulted and refused at their line."""

from __future__ import annotations

from pathlib import Path

import pytest

from toolkit.config import PrintSettings, load_config
from toolkit.errors import ToolkitError


def test_the_volumes_are_automatic_unless_configured(tmp_path: Path) -> None:
    path = tmp_path / "teikit.toml"
    path.write_text('title = "T"\n', "utf-8")
    settings = load_config(path).print
    assert (settings.volume_by, settings.volume_size) == ("auto", 1000) == (
        PrintSettings.volume_by, PrintSettings.volume_size)
    path.write_text('title = "T"\n[print]\nvolume_by = "none"\n', "utf-8")
    assert load_config(path).print.volume_by == "none"  # asked for: kept, not taken for auto
    path.write_text('title = "T"\n[print]\nvolume_by = "auto"\nvolume_size = 300\n', "utf-8")
    assert (load_config(path).print.volume_by, load_config(path).print.volume_size) == ("auto", 300)
    path.write_text('title = "T"\n[print]\nvolume_by = "count"\nvolume_size = 250\n', "utf-8")
    settings = load_config(path).print
    assert (settings.volume_by, settings.volume_size, settings.part_size) == ("count", 250, 100)
    path.write_text('title = "T"\n[print]\nvolume_by = "year"\n', "utf-8")
    assert load_config(path).print.volume_by == "year"


@pytest.mark.parametrize(("line", "words"), [
    ('volume_by = "decade"', "'decade' is not one of auto, none, year, collection, count"),
    ("volume_by = 2", "expected a string"),
    ('volume_by = "Auto"', "'Auto' is not one of auto"),
    ("volume_size = 0", "expected a whole number of documents, 1 or more"),
])
def test_a_bad_volume_setting_is_an_error_at_its_line(tmp_path: Path, line: str, words: str) -> None:
    path = tmp_path / "teikit.toml"
    path.write_text(f'title = "T"\n[print]\npart_size = 10\n{line}\n', "utf-8")
    with pytest.raises(ToolkitError) as error:
        load_config(path)
    assert words in error.value.diagnostic.message
    assert error.value.diagnostic.line == 4

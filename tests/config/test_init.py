"""`teikit init DIR`: a new edition that validates and builds at once, through the real CLI."""

from __future__ import annotations

import shutil
from pathlib import Path

from edition_cli import teikit
from teitest import ROOT
from toolkit.config import load_config


def test_init_then_validate_then_build(tmp_path: Path) -> None:
    created = teikit(["init", "letters", "--title", "Letters of Ada"], tmp_path)
    assert created.returncode == 0, created.stderr
    edition = tmp_path / "letters"
    assert load_config(edition / "teikit.toml").title == "Letters of Ada"
    for name in ("README.md", "about.md", "tei/registers/README.md", "sources"):
        assert (edition / name).exists(), name
    validated = teikit(["validate", "tei"], edition)
    assert validated.returncode == 0, validated.stdout + validated.stderr
    assert "0 errors" in validated.stdout
    built = teikit(["build", "tei", "-o", "build", "-j", "1"], edition)
    assert built.returncode == 0, built.stderr
    index = (edition / "build" / "html" / "index.html").read_text("utf-8")
    assert "Letters of Ada" in index
    # and it takes the archive's report the way the README says
    shutil.copy(ROOT / "sources" / "wilson-116488.txt", edition / "sources")
    converted = teikit(["convert", "sources/wilson-116488.txt", "-o", "tei"], edition)
    assert converted.returncode == 0, converted.stderr
    assert teikit(["validate", "tei"], edition).returncode == 0
    built = teikit(["build", "tei", "-o", "build", "--only", "html", "-j", "1"], edition)
    assert built.returncode == 0, built.stderr
    assert "116488.html" in (edition / "build" / "html" / "index.html").read_text("utf-8")


def test_init_never_writes_over_an_existing_folder(tmp_path: Path) -> None:
    (tmp_path / "taken").mkdir()
    (tmp_path / "taken" / "notes.txt").write_text("mine", "utf-8")
    result = teikit(["init", "taken"], tmp_path)
    assert result.returncode == 2
    assert "not an empty folder" in result.stderr
    assert [p.name for p in (tmp_path / "taken").iterdir()] == ["notes.txt"]


def test_the_title_defaults_to_the_folder_name_and_is_quoted_safely(tmp_path: Path) -> None:
    assert teikit(["init", "Ünterlagen"], tmp_path).returncode == 0
    assert load_config(tmp_path / "Ünterlagen" / "teikit.toml").title == "Ünterlagen"
    assert teikit(["init", "q", "--title", 'A "quoted" title \\ here'], tmp_path).returncode == 0
    assert load_config(tmp_path / "q" / "teikit.toml").title == 'A "quoted" title \\ here'

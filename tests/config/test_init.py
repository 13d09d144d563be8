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


KOSYGIN = """<?xml version="1.0" encoding="UTF-8"?>
<TEI xmlns="http://www.tei-c.org/ns/1.0" xml:lang="en">
  <teiHeader>
    <fileDesc>
      <titleStmt><title>Register of persons</title></titleStmt>
      <publicationStmt><p>Register of the edition.</p></publicationStmt>
      <sourceDesc><p>Compiled by the editors.</p></sourceDesc>
    </fileDesc>
  </teiHeader>
  <standOff>
    <listPerson>
      <person xml:id="premier"><persName>Alexei Kosygin</persName>
        <persName type="variant">Kosygin</persName></person>
    </listPerson>
  </standOff>
</TEI>
"""


def test_an_edition_made_elsewhere_is_whole_and_converted_into_from_any_folder(tmp_path: Path) -> None:
    """Converting into an edition from another folder (here the repository, which has
    registers of its own) tags names with the edition's registers and declares the
    edition's copy of the schema: no document points outside its edition."""
    assert teikit(["init", "ed"], tmp_path).returncode == 0
    edition = tmp_path / "ed"
    for name in ("teikit.xsd", "xml.xsd", "teikit.sch"):
        assert (edition / "schemas" / name).read_bytes() == (ROOT / "schemas" / name).read_bytes()
    (edition / "tei" / "registers" / "persons.xml").write_text(KOSYGIN, "utf-8")
    converted = teikit(["convert", "sources/wilson-116488.txt", "-o", str(edition / "tei")], ROOT)
    assert converted.returncode == 0, converted.stderr
    tei = (edition / "tei" / "116488.xml").read_text("utf-8")
    assert '<?xml-model href="../schemas/teikit.xsd"' in tei
    assert 'replacementPattern="registers/persons.xml#$1"' in tei and 'ref="per:premier"' in tei
    assert str(ROOT) not in tei and "../.." not in tei
    # the copy is the project schema: validated once, not twice (each error once)
    shutil.copytree(edition, tmp_path / "moved")
    (tmp_path / "moved" / "tei" / "116488.xml").write_text(
        tei.replace("<body>", "<body><bogus/>", 1), "utf-8")
    validated = teikit(["validate", "tei", "--no-cache"], tmp_path / "moved")
    assert validated.returncode == 1
    errors = [line for line in validated.stdout.splitlines() + validated.stderr.splitlines()
              if "error" in line and "bogus" in line]
    assert len(errors) == 1 and "1 error," in validated.stdout, validated.stdout + validated.stderr

"""The validation cache (issue #13): a no-op run validates nothing it validated before, and
every change that could alter a report (the document, a register, a schema) validates again.
Real schemas and validators; what was reused is seen in FileReport.cached."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from toolkit.validation import ValidateOptions, validate_files

ROOT = Path(__file__).resolve().parents[2]


def edition(tmp_path: Path) -> Path:
    """The sample, a copy with a reference to no register entry (an error), and the registers."""
    tei = tmp_path / "tei"
    tei.mkdir()
    shutil.copy(ROOT / "tei" / "116488.xml", tei)
    shutil.copytree(ROOT / "tei" / "registers", tei / "registers")
    text = (ROOT / "tei" / "116488.xml").read_text("utf-8")
    assert 'ref="per:kosygin"' in text
    (tei / "700001.xml").write_text(text.replace("<idno type=\"wcda\">116488</idno>", "<idno type=\"wcda\">700001</idno>")
                                    .replace('ref="per:kosygin"', 'ref="per:nobody"', 1), "utf-8")
    return tei


def run(tei: Path, cache: Path, **options: object) -> dict[str, tuple[bool, list[str]]]:
    """File name -> (reused from the cache, its diagnostics as printed)."""
    reports = validate_files([tei], ValidateOptions(jobs=1, cache=cache, **options))  # type: ignore[arg-type]
    return {Path(r.path).name: (r.cached, [d.format() for d in r.diagnostics]) for r in reports}


def test_nothing_is_validated_again_when_nothing_changed(tmp_path: Path) -> None:
    tei = edition(tmp_path)
    cache = tmp_path / "build" / ".validation-cache.json"
    first = run(tei, cache)
    assert not any(cached for cached, _ in first.values())
    assert any("per:nobody" in line for line in first["700001.xml"][1])  # the error is found
    second = run(tei, cache)
    assert all(cached for cached, _ in second.values()), second
    # ... and reported again, word for word: a cached error still stops a build
    assert {k: v[1] for k, v in second.items()} == {k: v[1] for k, v in first.items()}
    uncached = {Path(r.path).name: [d.format() for d in r.diagnostics]
                for r in validate_files([tei], ValidateOptions(jobs=1))}
    assert uncached == {k: v[1] for k, v in second.items()}


def test_a_changed_document_alone_is_validated_again(tmp_path: Path) -> None:
    tei = edition(tmp_path)
    cache = tmp_path / ".validation-cache.json"
    run(tei, cache)
    memo = tei / "700001.xml"
    memo.write_text(memo.read_text("utf-8").replace('ref="per:nobody"', 'ref="per:kosygin"'), "utf-8")
    again = run(tei, cache)
    assert again["700001.xml"][0] is False
    assert not any("per:nobody" in line for line in again["700001.xml"][1])
    assert all(cached for name, (cached, _) in again.items() if name != "700001.xml")


def test_a_changed_register_or_schema_validates_everything(tmp_path: Path) -> None:
    tei = edition(tmp_path)
    cache = tmp_path / ".validation-cache.json"
    rule = tmp_path / "extra.sch"
    rule.write_text('<schema xmlns="http://purl.oclc.org/dsdl/schematron">'
                    '<ns prefix="tei" uri="http://www.tei-c.org/ns/1.0"/><pattern><rule context="tei:TEI">'
                    '<assert test="1 = 1">never</assert></rule></pattern></schema>', "utf-8")
    run(tei, cache, schemas=(rule,))
    assert all(cached for cached, _ in run(tei, cache, schemas=(rule,)).values())
    persons = tei / "registers" / "persons.xml"
    persons.write_text(persons.read_text("utf-8").replace("</listPerson>",
                       '<person xml:id="nobody"><persName>Nobody</persName></person></listPerson>', 1), "utf-8")
    after_register = run(tei, cache, schemas=(rule,))
    assert not any(cached for cached, _ in after_register.values())
    assert not any("per:nobody" in line for line in after_register["700001.xml"][1])
    rule.write_text(rule.read_text("utf-8").replace('test="1 = 1"', 'test="false()"'), "utf-8")
    after_schema = run(tei, cache, schemas=(rule,))
    assert not any(cached for cached, _ in after_schema.values())
    assert any("never" in line for line in after_schema["116488.xml"][1])
    assert not any(cached for cached, _ in run(tei, cache).values())  # other options: other keys


def test_a_register_edit_that_keeps_its_entries_validates_the_register_alone(tmp_path: Path) -> None:
    """A document's report reads of a register only its xml:id -> element table: a note or a
    spelling edited validates the register again and no document (at 10,000 documents that
    was every file); a changed id validates every document, and finds what it breaks."""
    tei = edition(tmp_path)
    cache = tmp_path / ".validation-cache.json"
    run(tei, cache)
    persons = tei / "registers" / "persons.xml"
    text = persons.read_text("utf-8")
    assert "<note>Chairman of the Council" in text and '<person xml:id="kosygin">' in text
    persons.write_text(text.replace("<note>Chairman of the Council", "<note>Edited. Chairman of the Council"),
                       "utf-8")
    again = run(tei, cache)
    assert again["persons.xml"][0] is False  # the register itself is validated again
    assert all(cached for name, (cached, _) in again.items() if name != "persons.xml"), again
    uncached = {Path(r.path).name: [d.format() for d in r.diagnostics]
                for r in validate_files([tei], ValidateOptions(jobs=1))}
    assert {k: v[1] for k, v in again.items()} == uncached
    # an entry's id changed: every document is validated again, and a reference to it fails
    persons.write_text(persons.read_text("utf-8").replace('xml:id="kosygin"', 'xml:id="kosygin-a"'), "utf-8")
    renamed = run(tei, cache)
    assert not any(cached for cached, _ in renamed.values()), renamed
    assert any("per:kosygin" in line and "tk-ref-resolves" in line for line in renamed["116488.xml"][1])


def test_duplicate_ids_across_cached_files_are_still_found(tmp_path: Path) -> None:
    tei = edition(tmp_path)
    for name in ("116488.xml", "700001.xml"):
        path = tei / name
        path.write_text(path.read_text("utf-8").replace("<body>", '<body xml:id="twice">', 1), "utf-8")
    cache = tmp_path / ".validation-cache.json"
    first = run(tei, cache)
    second = run(tei, cache)
    assert all(cached for cached, _ in second.values())
    duplicates = [line for line in second["700001.xml"][1] if "tk-id-unique" in line]
    assert duplicates == [line for line in first["700001.xml"][1] if "tk-id-unique" in line]
    assert duplicates, "both files have xml:id='twice': the edition-wide check must say so"


def test_a_damaged_cache_is_ignored(tmp_path: Path) -> None:
    tei = edition(tmp_path)
    cache = tmp_path / ".validation-cache.json"
    cache.write_text('{"version": 1, "files": {"x": 1}', "utf-8")
    assert not any(cached for cached, _ in run(tei, cache).values())
    cache.write_text('[1, 2]', "utf-8")
    assert not any(cached for cached, _ in run(tei, cache).values())
    assert all(cached for cached, _ in run(tei, cache).values())


def test_a_noop_build_says_it_validated_nothing_again(tmp_path: Path) -> None:
    tei = tmp_path / "tei"
    tei.mkdir()
    shutil.copy(ROOT / "tei" / "116488.xml", tei)
    shutil.copytree(ROOT / "tei" / "registers", tei / "registers")
    command = [sys.executable, "-m", "toolkit", "build", str(tei), "-o", str(tmp_path / "build"),
               "--only", "html", "-j", "1"]
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    first = subprocess.run(command, capture_output=True, text=True, env=env, timeout=600)
    assert first.returncode == 0, first.stderr
    assert "not validated again" not in first.stdout
    second = subprocess.run(command, capture_output=True, text=True, env=env, timeout=600)
    assert second.returncode == 0, second.stderr
    assert "(4 unchanged, not validated again)" in second.stdout, second.stdout
    forced = subprocess.run([*command, "--force"], capture_output=True, text=True, env=env, timeout=600)
    assert "not validated again" not in forced.stdout



def test_a_cache_in_use_outlives_caches_made_since(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """`teikit validate` keeps MAX_CACHES caches and prunes the least recently *used*: a
    no-op run writes nothing, and pruning by last change dropped the cache of an edition
    validated again and again while other runs (tests, CI) made caches: at 10,000 documents,
    one changed document then validated every file."""
    from toolkit.cli import main
    from toolkit.commands import validate as command
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    monkeypatch.setattr(command, "MAX_CACHES", 2)
    folders = []
    for name in ("a", "b", "c"):
        (tmp_path / name).mkdir()
        shutil.copy(ROOT / "tei" / "116488.xml", tmp_path / name)
        folders.append(tmp_path / name)
    a, b, c = folders
    # named before any run (the lookup marks a cache as used)
    kept_a, kept_b = (command._cache_files([f], ValidateOptions(jobs=1))[0] for f in (a, b))
    # (1: the sample alone, without its registers, is not valid; its report is cached all the same)
    assert main(["validate", str(a), "-j", "1"]) in (0, 1)
    assert main(["validate", str(b), "-j", "1"]) in (0, 1)
    assert kept_a.stat().st_mtime_ns <= kept_b.stat().st_mtime_ns
    assert main(["validate", str(a), "-j", "1"]) in (0, 1)  # a no-op: a's results are not written
    assert main(["validate", str(c), "-j", "1"]) in (0, 1)  # one cache too many: the least used goes
    assert kept_a.is_file() and not kept_b.is_file()

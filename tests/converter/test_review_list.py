"""The review list through the real command line: every decision taken by a fallback or with
less than certainty is one `file:line: kind: what was decided` line on stderr, counted in the
summary lines, and the same per document in the JSON report (`--format json`, `--review`)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import jsonschema
from test_convert_cli import run
from test_identifiers import report, write

SCHEMA = json.loads((Path(__file__).parent / "convert-report.schema.json").read_text())
NO_ARCHIVE = report("https://digitalarchive.example.org/document/116101").replace(
    "Archive of the Ministry of Trade (AMT), fond 7", "fond 7")
SLUG = report("https://digitalarchive.example.org/document/talks-17")
PLAIN = report("https://digitalarchive.example.org/document/116102")
BAD = report("https://digitalarchive.example.org/document/116103").replace(
    "**Citation:**", "A stray line.\n\n**Citation:**")


def corpus(folder: Path) -> list[Path]:
    return [write(folder, "no-archive.txt", NO_ARCHIVE), write(folder, "slug.txt", SLUG),
            write(folder, "plain.txt", PLAIN), write(folder, "bad.txt", BAD)]


def line_of(text: str, needle: str) -> int:
    return text.split("\n").index(needle) + 1


def test_text_lists_each_decision_and_counts_them(tmp_path: Path) -> None:
    no_archive, slug, plain, bad = corpus(tmp_path)
    result = run(str(no_archive), str(slug), str(plain), str(bad), "-o", str(tmp_path / "out"),
                 "-j", "1")
    assert result.returncode == 1  # one bad file; the others are written
    citation = line_of(NO_ARCHIVE, "**Citation:**")
    assert (f"{no_archive}:{citation}: header: the Citation names no archive: the reference "
            "'fond 7, opis 3, delo 12' is the shelfmark, in the citation only (no msDesc)"
            ) in result.stderr.splitlines()
    assert (f"{slug}:{citation}: identifier: the document URL has no number; its slug 'talks-17' "
            "names the document (give a Record ID field or --id for a number)"
            ) in result.stderr.splitlines()
    lines = result.stdout.splitlines()
    assert any(line.startswith(f"{no_archive} -> ") and line.endswith("; 0 warnings, 1 to review")
               for line in lines)
    assert any(line.startswith(f"{plain} -> ") and line.endswith("; 0 warnings, 0 to review")
               for line in lines)
    assert lines[-1] == "converted 3 of 4 files, 1 failed; 0 warnings, 2 to review"
    assert f"{bad}:{line_of(BAD, 'A stray line.')}: error: unexpected text" in result.stderr


def check_report(report_: dict[str, Any], sources: list[Path], out: Path) -> None:
    jsonschema.validate(report_, SCHEMA)
    no_archive, slug, plain, bad = sources
    files = {entry["file"]: entry for entry in report_["files"]}
    assert list(files) == [str(s) for s in sources]  # input order
    citation = line_of(NO_ARCHIVE, "**Citation:**")
    assert files[str(no_archive)]["review"] == [{
        "line": citation, "column": None, "kind": "header",
        "message": "the Citation names no archive: the reference 'fond 7, opis 3, delo 12' is "
                   "the shelfmark, in the citation only (no msDesc)"}]
    assert files[str(no_archive)]["output"] == str(out / "116101.xml")
    assert files[str(slug)]["identifier"] == "talks-17"
    assert [r["kind"] for r in files[str(slug)]["review"]] == ["identifier"]
    assert files[str(plain)]["review"] == [] and files[str(plain)]["warnings"] == []
    assert files[str(bad)]["output"] is None and files[str(bad)]["identifier"] is None
    assert files[str(bad)]["error"]["line"] == line_of(BAD, "A stray line.")
    assert (report_["converted"], report_["failed"], report_["warnings"], report_["review"]) == (
        3, 1, 0, 2)


def test_format_json_is_one_report_on_stdout(tmp_path: Path) -> None:
    sources = corpus(tmp_path)
    out = tmp_path / "out"
    result = run(*map(str, sources), "-o", str(out), "--format", "json", "-j", "2")
    assert result.returncode == 1
    check_report(json.loads(result.stdout), sources, out)
    assert result.stderr == ""  # everything is in the report


def test_review_file_beside_the_text_output(tmp_path: Path) -> None:
    sources = corpus(tmp_path)
    out = tmp_path / "out"
    target = tmp_path / "review.json"
    result = run(*map(str, sources), "-o", str(out), "--review", str(target))
    assert result.returncode == 1
    check_report(json.loads(target.read_text(encoding="utf-8")), sources, out)
    assert "identifier: the document URL has no number" in result.stderr  # text as usual
    assert result.stdout.splitlines()[-1].startswith("converted 3 of 4 files")


def test_warnings_are_in_the_report_with_their_line(tmp_path: Path) -> None:
    text = PLAIN.replace("**Original Language:**", "**Credits:**\n\n**Original Language:**")
    source = write(tmp_path, "credits.txt", text)
    result = run(str(source), "-o", str(tmp_path / "out"), "--format", "json")
    assert result.returncode == 0
    report_ = json.loads(result.stdout)
    jsonschema.validate(report_, SCHEMA)
    (entry,) = report_["files"]
    assert entry["warnings"] == [{"line": line_of(text, "**Credits:**"), "column": None,
                                  "message": "field 'Credits' is empty"}]

"""Bad input through the real command line: a clear message naming the file and line, exit
code 1 (2 for usage errors), no traceback, no output written, existing outputs untouched."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest
from converter_support import ROOT

SENTINEL = b"<?xml version='1.0'?><TEI>an earlier, good conversion</TEI>\n"

HEAD = """

**January 8, 1965**

**Report on the Visit of a Delegation**

**Citation:**

"Report on the Visit of a Delegation", January 8, 1965, Wilson Center Digital Archive, National Archives of Hungary (MOL), XIX-J-1-j Korea, 1965, 1. doboz. Translated by Balázs Szalontai. <https://wilson-center.drivingcreative.com/document/{number}>

**Original Language:**

Hungarian

**Contents:**

Translation - English

"""


def report(body: str, number: str = "900001") -> str:
    return HEAD.format(number=number) + body


def line_of(text: str, needle: str) -> tuple[int, int]:
    """1-based line and column of the first occurrence of `needle`."""
    offset = text.index(needle)
    return text.count("\n", 0, offset) + 1, offset - (text.rfind("\n", 0, offset) + 1) + 1


def run(*args: str) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if k != "TEIKIT_DEBUG"}
    return subprocess.run([sys.executable, "-m", "toolkit", "convert", *args,
                           "--registers", str(ROOT / "tei" / "registers"), "--change-date",
                           "2026-11-27"], capture_output=True, text=True, cwd=ROOT, env=env,
                          timeout=120)


@dataclass(frozen=True)
class Bad:
    name: str
    data: bytes
    message: str
    line: int | None
    column: int | None = None


def _cases() -> list[Bad]:
    cases: list[Bad] = []
    text = report("A paragraph with a bad byte: X here.\n")
    line, column = line_of(text, "X here")
    cases.append(Bad("non-utf8", text.encode().replace(b"X here", b"\xe9 here"),
                     "not valid UTF-8: byte 0xe9", line, column))
    text = report("A paragraph with a control character: X here.\n")
    line, column = line_of(text, "X here")
    cases.append(Bad("control-character", text.replace("X here", "\x01 here").encode(),
                     "character U+0001 cannot be written to XML", line, column))
    cases.append(Bad("utf-16", report("Text.\n").encode("utf-16"), "the file is UTF-16", 1, 1))
    cases.append(Bad("empty", b"", "the file is empty", 1))
    cases.append(Bad("blank", b"\n\n  \n", "the file is empty", 1))
    text = report("Text.\n").replace("**Citation:**", "A stray line.\n\n**Citation:**")
    cases.append(Bad("garbled-metadata", text.encode(), "unexpected text in the metadata block",
                     line_of(text, "A stray line.")[0]))
    text = report("Text.\n").replace("**Report on the Visit of a Delegation**\n\n", "")
    cases.append(Bad("no-title", text.encode(), "no title", line_of(text, "**January")[0]))
    text = report("Text.\n").replace("**Citation:**", "**Summary:**")
    cases.append(Bad("no-citation", text.encode(), "no Citation field",
                     line_of(text, "**Report on")[0]))
    text = report("")
    cases.append(Bad("no-body", text.encode(), "no text after its metadata block",
                     line_of(text, "Translation - English")[0]))
    return cases


CASES = _cases()


def _unbalanced() -> list[Bad]:
    """Reports refused before issue #10 for one bracket: now converted, warned and reviewed."""
    cases: list[Bad] = []
    text = report("First paragraph.\n\nThe delegation arrived] on Monday.\n")
    line, column = line_of(text, "] on Monday")
    cases.append(Bad("close-without-open", text.encode(), "']' without a matching '['", line, column))
    text = report("First paragraph.\n\nThe delegation [of the\n\nparty arrived on Monday.\n\nLast.\n")
    line, column = line_of(text, "[of the")
    cases.append(Bad("open-never-closed", text.encode(), "'[' is never closed", line, column))
    text = report("The delegation [of the [party] arrived.\n")
    line, column = line_of(text, "[of the")
    cases.append(Bad("nested-never-closed", text.encode(), "'[' is never closed", line, column))
    return cases


@pytest.mark.parametrize("case", _unbalanced(), ids=lambda c: c.name)
def test_an_unbalanced_bracket_is_no_longer_refused(case: Bad, tmp_path: Path) -> None:
    source = tmp_path / "wilson-900001.txt"
    source.write_bytes(case.data)
    out = tmp_path / "out"
    result = run(str(source), "-o", str(out), "-j", "1")
    assert result.returncode == 0, result.stderr
    where = f"{source}:{case.line}:{case.column}: "
    assert f"{where}warning: unbalanced bracket: {case.message}" in result.stderr, result.stderr
    assert f"{where}bracket-repaired: " in result.stderr + result.stdout
    assert "converted 1 of 1 file" in result.stdout
    written = (out / "900001.xml").read_text(encoding="utf-8")
    assert ("arrived]" if "]'" in case.message else "[of the") in written


@pytest.mark.parametrize(("date_line", "when", "message"), [
    (None, None, "no date line"),
    ("**Undated**\n\n", None, "says the document is undated"),
    ("**n.d.**\n\n", None, "says the document is undated"),
    ("**1965.01.08**\n\n", "1965-01-08", None),
    ("**8.I.1965**\n\n", "1965-01-08", None),
    ("**8 January 1965**\n\n", "1965-01-08", None),
    ("**Early 1965**\n\n", None, None),  # a span (notBefore/notAfter), not @when
    ("**Winter 1965**\n\n", None, "not a recognised date"),  # spring is a span now; winter straddles two years
], ids=["none", "undated", "n.d.", "iso-dots", "roman-month", "day-month-year", "qualified-year",
        "unknown-form"])
def test_a_date_line_in_any_form_or_none_is_never_refused(
        date_line: str | None, when: str | None, message: str | None, tmp_path: Path) -> None:
    """Issue #10: a report whose date line is in another form, says it is undated, or is
    missing converts; the header's date has @when only when the line gives one, and a
    warning with the line says what was not dated."""
    text = report("Text.\n").replace("**January 8, 1965**\n\n", date_line or "")
    source = tmp_path / "wilson-900001.txt"
    source.write_text(text, encoding="utf-8")
    out = tmp_path / "out"
    result = run(str(source), "-o", str(out), "-j", "1")
    assert result.returncode == 0, result.stderr
    written = (out / "900001.xml").read_text(encoding="utf-8")
    assert "<title>Report on the Visit of a Delegation</title>" in written
    if when:
        assert f'<date when="{when}">' in written
    else:
        creation = re.search(r"<creation\b.*?(?:/>|</creation>)", written, re.DOTALL)
        assert creation is not None and "when=" not in creation.group()
    if message:
        assert f"{source}:{line_of(text, '**')[0]}: warning: " in result.stderr
        assert message in result.stderr
    else:
        assert "warning" not in result.stderr, result.stderr


@pytest.mark.parametrize("case", CASES, ids=lambda c: c.name)
def test_bad_report(case: Bad, tmp_path: Path) -> None:
    source = tmp_path / "wilson-900001.txt"
    source.write_bytes(case.data)
    out = tmp_path / "out"
    out.mkdir()
    (out / "900001.xml").write_bytes(SENTINEL)
    result = run(str(source), "-o", str(out), "-j", "1")
    assert result.returncode == 1, result.stderr
    where = f"{source}:{case.line}" + (f":{case.column}" if case.column else "") + ": error: "
    assert where in result.stderr, result.stderr
    assert case.message in result.stderr
    assert "Traceback" not in result.stderr + result.stdout
    assert "converted 0 of 1 file, 1 failed" in result.stdout
    assert sorted(p.name for p in out.iterdir()) == ["900001.xml"]  # nothing new, no temp file
    assert (out / "900001.xml").read_bytes() == SENTINEL


def test_cases_cover_a_valid_report(tmp_path: Path) -> None:
    """The bad cases are broken only where they say: the same report unbroken converts."""
    source = tmp_path / "wilson-900001.txt"
    source.write_text(report("The delegation [of the party] arrived on Monday.\n"), encoding="utf-8")
    out = tmp_path / "out"
    out.mkdir()
    (out / "900001.xml").write_bytes(SENTINEL)
    result = run(str(source), "-o", str(out))
    assert result.returncode == 0, result.stderr
    assert (out / "900001.xml").read_bytes() != SENTINEL
    assert b'<supplied reason="clarification">of the party</supplied>' in (out / "900001.xml").read_bytes()


def test_directory_given_as_a_file(tmp_path: Path) -> None:
    folder = tmp_path / "reports.txt"
    folder.mkdir()
    out = tmp_path / "out"
    result = run(str(folder), "-o", str(out))
    assert result.returncode == 1
    assert f"{folder}: error: is a directory, expected a file" in result.stderr
    assert "Traceback" not in result.stderr
    assert not out.exists() or not any(out.iterdir())


def test_missing_file(tmp_path: Path) -> None:
    result = run(str(tmp_path / "nowhere.txt"), "-o", str(tmp_path / "out"))
    assert result.returncode == 1
    assert f"{tmp_path / 'nowhere.txt'}: error: no such file" in result.stderr


def test_unknown_extension_is_a_usage_error(tmp_path: Path) -> None:
    source = tmp_path / "report.pdf"
    source.write_bytes(b"%PDF-1.7")
    good = tmp_path / "wilson-900001.txt"
    good.write_text(report("Text.\n"), encoding="utf-8")
    out = tmp_path / "out"
    result = run(str(good), str(source), "-o", str(out))
    assert result.returncode == 2
    assert f"{source}: error: no reader for files ending in '.pdf'" in result.stderr
    assert "Traceback" not in result.stderr
    assert not out.exists()


def test_output_folder_is_a_file(tmp_path: Path) -> None:
    good = tmp_path / "wilson-900001.txt"
    good.write_text(report("Text.\n"), encoding="utf-8")
    out = tmp_path / "out.xml"
    out.write_bytes(SENTINEL)
    result = run(str(good), "-o", str(out))
    assert result.returncode == 2
    assert f"{out}: error: the output exists and is not a folder" in result.stderr
    assert "Traceback" not in result.stderr
    assert out.read_bytes() == SENTINEL


def test_one_bad_file_among_good_ones(tmp_path: Path) -> None:
    sources = []
    for number, body in (("900001", "First good report.\n"),
                         ("900002", "A bad \x01 character.\n"),
                         ("900003", "Second good report.\n"),
                         ("900004", "A stray ] bracket.\n")):  # no longer refused (issue #10)
        path = tmp_path / f"wilson-{number}.txt"
        path.write_text(report(body, number), encoding="utf-8")
        sources.append(str(path))
    out = tmp_path / "out"
    result = run(*sources, "-o", str(out), "-j", "2")
    assert result.returncode == 1
    assert sorted(p.name for p in out.iterdir()) == ["900001.xml", "900003.xml", "900004.xml"]
    bad_line = report("A bad \x01 character.\n").split("\n").index("A bad \x01 character.") + 1
    assert f"{sources[1]}:{bad_line}:7: error: character U+0001" in result.stderr
    stray_line = report("A stray ] bracket.\n").split("\n").index("A stray ] bracket.") + 1
    assert f"{sources[3]}:{stray_line}:9: warning: unbalanced bracket" in result.stderr
    assert "converted 3 of 4 files, 1 failed" in result.stdout
    assert f"{sources[0]} -> {out / '900001.xml'}" in result.stdout
    assert "Traceback" not in result.stderr


def test_two_sources_with_one_document_number(tmp_path: Path) -> None:
    """Once refused ("already written"); now both are kept: the second under a distinct
    identifier, with a warning and a review entry, the archive's number still recorded."""
    first, second = tmp_path / "a.txt", tmp_path / "b.txt"
    first.write_text(report("The first text.\n"), encoding="utf-8")
    second.write_text(report("The second text.\n"), encoding="utf-8")
    out = tmp_path / "out"
    result = run(str(first), str(second), "-o", str(out), "-j", "2")
    assert result.returncode == 0, result.stderr
    assert (f"{second}: warning: document number 900001 was already written from {first}; "
            "this document is written as 900001-2.xml") in result.stderr
    assert f"{second}: identifier: identifier 900001-2 made unique" in result.stderr
    assert sorted(p.name for p in out.iterdir()) == ["900001-2.xml", "900001.xml"]
    assert b"The first text." in (out / "900001.xml").read_bytes()
    data = (out / "900001-2.xml").read_bytes()
    assert b"The second text." in data
    assert b'<idno type="local">900001-2</idno>' in data
    assert b'<idno type="WCDA">900001</idno>' in data
    assert "converted 2 of 2 files; 1 warning, 1 to review" in result.stdout

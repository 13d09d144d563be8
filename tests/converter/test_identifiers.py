"""Document identifiers through the real command line: a numeric URL segment is the number, a
slug is not (its trailing digits included), a Record ID field or --id gives one, a file name
is the last resort; a corpus never gets the same identifier twice without saying so."""

from __future__ import annotations

from pathlib import Path

from test_convert_cli import run

from toolkit.errors import Severity
from toolkit.validation import ValidateOptions, validate_files

CITATION = ('"Report on the Talks", May 14, 1958, Wilson Center Digital Archive, Archive of the '
            "Ministry of Trade (AMT), fond 7, opis 3, delo 12. Translated by Peter Hanley.{url}")


def report(url: str | None, body: str = "The delegation arrived on Monday.", fields: str = "") -> str:
    citation = CITATION.format(url=f" <{url}>" if url else "")
    return (f"**May 14, 1958**\n\n**Report on the Talks**\n\n**Citation:**\n\n{citation}\n\n"
            f"{fields}**Original Language:**\n\nRussian\n\n**Contents:**\n\n"
            f"Translation - English\n\n{body}\n")


def write(folder: Path, name: str, text: str) -> Path:
    path = folder / name
    path.write_text(text, encoding="utf-8")
    return path


def outputs(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir())


def citation_line(text: str) -> int:
    return text.split("\n").index("**Citation:**") + 1


def project_problems(folder: Path) -> list[str]:
    reports = validate_files([folder], ValidateOptions(jobs=1, declared=False))
    return [d.format() for r in reports for d in r.diagnostics
            if d.severity in (Severity.ERROR, Severity.WARNING)]


def test_numeric_segment_is_the_number(tmp_path: Path) -> None:
    out = tmp_path / "out"
    sources = [write(tmp_path, "a.txt", report("https://digitalarchive.example.org/document/116001")),
               write(tmp_path, "b.txt",
                     report("https://digitalarchive.example.org/document/116002/report-on-the-talks"))]
    result = run(*map(str, sources), "-o", str(out))
    assert result.returncode == 0, result.stderr
    assert outputs(out) == ["116001.xml", "116002.xml"]
    assert b'<idno type="WCDA">116002</idno>' in (out / "116002.xml").read_bytes()
    assert "identifier:" not in result.stderr


def test_slug_with_trailing_digits_is_not_a_number(tmp_path: Path) -> None:
    """Once this gave document number 17; and a slug URL with no digits in the file name was
    refused ("gives no document URL or number"). Now the slug names the document."""
    out = tmp_path / "out"
    text = report("https://digitalarchive.example.org/document/report-on-the-talks-17")
    source = write(tmp_path, "talks.txt", text)
    result = run(str(source), "-o", str(out))
    assert result.returncode == 0, result.stderr
    assert outputs(out) == ["report-on-the-talks-17.xml"]
    data = (out / "report-on-the-talks-17.xml").read_bytes()
    assert b'<idno type="slug">report-on-the-talks-17</idno>' in data  # a name, no number
    assert b'type="WCDA"' not in data
    assert (f"{source}:{citation_line(text)}: identifier: the document URL has no number; its "
            "slug 'report-on-the-talks-17' names the document") in result.stderr
    assert "; 0 warnings, 1 to review" in result.stdout
    assert project_problems(out) == []


def test_record_id_field_gives_the_number(tmp_path: Path) -> None:
    out = tmp_path / "out"
    text = report("https://digitalarchive.example.org/document/report-on-the-talks-17",
                  fields="**Record ID:**\n\n300017\n\n")
    result = run(str(write(tmp_path, "talks.txt", text)), "-o", str(out))
    assert result.returncode == 0, result.stderr
    assert outputs(out) == ["300017.xml"]
    data = (out / "300017.xml").read_bytes()
    assert b'<idno type="WCDA">300017</idno>' in data
    assert b"<label>Record ID</label>" in data  # the field itself is kept, too
    assert "identifier:" not in result.stderr
    assert project_problems(out) == []  # a slug URL is not compared with the number


def test_record_id_that_disagrees_with_the_url_is_warned(tmp_path: Path) -> None:
    out = tmp_path / "out"
    text = report("https://digitalarchive.example.org/document/300018",
                  fields="**Record ID:**\n\n300019\n\n")
    source = write(tmp_path, "talks.txt", text)
    result = run(str(source), "-o", str(out))
    assert result.returncode == 0
    assert outputs(out) == ["300018.xml"]
    line = text.split("\n").index("**Record ID:**") + 1
    assert (f"{source}:{line}: warning: the Record ID 300019 differs from the document number "
            "300018 of the URL") in result.stderr


def test_explicit_id(tmp_path: Path) -> None:
    out = tmp_path / "out"
    source = write(tmp_path, "talks.txt", report("https://digitalarchive.example.org/document/116003"))
    result = run(str(source), "-o", str(out), "--id", "talks-1958")
    assert result.returncode == 0, result.stderr
    assert outputs(out) == ["talks-1958.xml"]
    data = (out / "talks-1958.xml").read_bytes()
    assert b'<idno type="local">talks-1958</idno>\n        <idno type="WCDA">116003</idno>' in data
    assert project_problems(out) == []


def test_explicit_id_needs_one_source_and_a_safe_name(tmp_path: Path) -> None:
    out = tmp_path / "out"
    a = write(tmp_path, "a.txt", report("https://digitalarchive.example.org/document/116004"))
    b = write(tmp_path, "b.txt", report("https://digitalarchive.example.org/document/116005"))
    result = run(str(a), str(b), "-o", str(out), "--id", "x")
    assert result.returncode == 2
    assert "--id names one document: give exactly one SOURCE" in result.stderr
    for bad in ("../escape", "two words", ".hidden", ""):
        result = run(str(a), "-o", str(out), "--id", bad)
        assert result.returncode == 2, bad
        assert "an identifier holds only letters, digits" in result.stderr
    assert not out.exists()


def test_no_url_takes_the_file_name_for_review(tmp_path: Path) -> None:
    """Once refused when the file name had no digits; now the stem names it, for review."""
    out = tmp_path / "out"
    text = report(None)
    source = write(tmp_path, "Report on Talks (copy).txt", text)
    result = run(str(source), "-o", str(out))
    assert result.returncode == 0, result.stderr
    assert outputs(out) == ["Report-on-Talks-copy.xml"]
    assert b'<idno type="local">Report-on-Talks-copy</idno>' in (out / "Report-on-Talks-copy.xml").read_bytes()
    assert (f"{source}:{citation_line(text)}: identifier: the Citation gives no document URL or "
            "Record ID; the file name gives the identifier 'Report-on-Talks-copy'") in result.stderr
    assert project_problems(out) == []


def test_one_number_three_times_in_a_corpus(tmp_path: Path) -> None:
    out = tmp_path / "out"
    url = "https://digitalarchive.example.org/document/report-on-the-talks"
    sources = [write(tmp_path, f"{n}.txt", report(url, f"Text number {n}.")) for n in (1, 2, 3)]
    result = run(*map(str, sources), "-o", str(out), "-j", "2")
    assert result.returncode == 0, result.stderr
    assert outputs(out) == ["report-on-the-talks-2.xml", "report-on-the-talks-3.xml",
                            "report-on-the-talks.xml"]
    for n, name in ((1, "report-on-the-talks"), (2, "report-on-the-talks-2"),
                    (3, "report-on-the-talks-3")):
        assert f"Text number {n}.".encode() in (out / f"{name}.xml").read_bytes()
    assert result.stderr.count("was already written from") == 2
    assert "converted 3 of 3 files; 2 warnings, 5 to review" in result.stdout
    assert project_problems(out) == []  # file names, numbers and ids agree

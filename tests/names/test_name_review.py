"""Names tagged without a register entry are review entries with their line and column
(issue #11): an editor finds them in the review list (`--format json`, `--review FILE`) as
well as in `teikit registers propose`. Names the registers hold are not listed."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from toolkit.cli import main

ROOT = Path(__file__).resolve().parents[2]
GOLD = Path(__file__).resolve().parent / "gold"


def where(text: str, needle: str) -> tuple[int, int]:
    """(line, column), both from 1, of the first occurrence of `needle` in `text`."""
    for number, line in enumerate(text.split("\n"), 1):
        if needle in line:
            return number, line.index(needle) + 1
    raise AssertionError(needle)


def test_unregistered_names_are_reviewed_at_their_line(tmp_path: Path,
                                                       capsys: pytest.CaptureFixture[str]) -> None:
    source = GOLD / "wilson-990011.txt"
    text = source.read_text(encoding="utf-8")
    review_file = tmp_path / "review.json"
    assert main(["convert", str(source), "-o", str(tmp_path / "tei"), "--registers",
                 str(ROOT / "tei" / "registers"), "--review", str(review_file)]) == 0
    stderr = capsys.readouterr().err
    entries = json.loads(review_file.read_text(encoding="utf-8"))["files"][0]["review"]
    names = {(e["line"], e["column"]): e["message"] for e in entries if e["kind"] == "name"}
    # a person by a title (Comrade), a place by the gazetteer, an organisation by its head noun
    mendoza = where(text, "Raúl Mendoza")
    assert names[mendoza].startswith("'Raúl Mendoza' tagged as a person by a title before it;")
    assert names[where(text, "Havana")].startswith("'Havana' tagged as a place by the place gazetteer;")
    assert names[where(text, "Communist Party of Cuba")].startswith(
        "'Communist Party of Cuba' tagged as an organisation by an organisation's head noun;")
    # the same entries on stderr, as file:line:column: name: ...
    assert f"{source}:{mendoza[0]}:{mendoza[1]}: name: 'Raúl Mendoza' tagged as a person" in stderr
    # names the registers hold are linked, not reviewed
    messages = " ".join(names.values())
    assert "'Pyongyang'" not in messages and "'KWP'" not in messages
    assert len(names) == sum(1 for e in entries if e["kind"] == "name")

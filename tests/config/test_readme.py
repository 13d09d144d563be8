"""The README's examples work in a fresh clone: each `teikit` line of "Using it" is run, in
order, in a copy of what a clone holds (never reading anything outside it)."""

from __future__ import annotations

import re
import shlex
import shutil
from pathlib import Path

import httpx

from edition_cli import serving, teikit
from teitest import ROOT

CLONE = ("sources", "tei", "examples", "tests/exchange/fixtures", "teikit.toml", "about.md")


def readme_commands() -> list[list[str]]:
    text = (ROOT / "README.md").read_text("utf-8")
    section = text.split("## Using it", 1)[1]
    block = re.search(r"```sh\n(.*?)```", section, re.S)
    assert block is not None
    commands = []
    for line in block.group(1).splitlines():
        words = shlex.split(line, comments=True)
        if words:
            assert words[0] == ".venv/bin/teikit", line
            commands.append(words[1:])
    return commands


def test_every_readme_example_runs_from_a_clone(tmp_path: Path) -> None:
    clone = tmp_path / "teikit"
    for name in CLONE:
        if (ROOT / name).is_dir():
            shutil.copytree(ROOT / name, clone / name)
        else:
            (clone / name).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy(ROOT / name, clone / name)
    commands = readme_commands()
    assert {c[0] for c in commands} >= {"convert", "text", "validate", "build", "import", "export",
                                        "serve", "init"}
    for args in commands:
        if args[0] == "serve":
            with serving(args[1:], clone) as base:  # its own free port wins over --port 8000
                assert httpx.get(base + "/dts", timeout=30).status_code == 200
            continue
        result = teikit(args, clone)
        assert result.returncode == 0, f"teikit {shlex.join(args)}: {result.stdout}\n{result.stderr}"
    assert (clone / "build" / "html" / "index.html").is_file()
    assert (clone / "build" / "pdf" / "edition.pdf").is_file()
    assert (clone / "build" / "epub" / "teikit-sample-edition.epub").is_file()
    assert list((clone / "build" / "imported" / "loss").iterdir())
    assert (tmp_path / "my-edition" / "teikit.toml").is_file()

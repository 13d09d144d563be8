"""Helpers of the hardening suite: a small edition to attack, the CLI with its streams, and a
fingerprint of an output folder (to show that a refused command changed nothing)."""

from __future__ import annotations

import hashlib
import shutil
from dataclasses import dataclass
from pathlib import Path

import pytest

from teitest import ROOT
from toolkit.cli import main

SAMPLE = ROOT / "tei" / "116488.xml"
SAMPLE_URI = "https://wilson-center.drivingcreative.com/document/116488"


@dataclass(frozen=True)
class Run:
    code: int
    out: str
    err: str


def run(capsys: pytest.CaptureFixture[str], *args: str) -> Run:
    capsys.readouterr()
    code = main(list(args))
    captured = capsys.readouterr()
    return Run(code, captured.out, captured.err)


def edition(folder: Path, text: str | None = None) -> Path:
    """A TEI folder with the sample document (its text replaced if given) and the registers."""
    folder.mkdir(parents=True, exist_ok=True)
    shutil.copytree(ROOT / "tei" / "registers", folder / "registers", dirs_exist_ok=True)
    (folder / SAMPLE.name).write_text(text if text is not None else SAMPLE.read_text("utf-8"), "utf-8")
    return folder


def fingerprint(folder: Path) -> dict[str, str]:
    """Every file under the folder with the hash of its content."""
    return {str(p.relative_to(folder)): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(folder.rglob("*")) if p.is_file()}

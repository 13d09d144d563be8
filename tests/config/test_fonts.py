"""The fonts the print edition is set in are part of its build hash: a font installed (here
into a --font-dir folder) rebuilds the PDFs; nothing else changing, nothing is rebuilt."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from teitest import ROOT
from toolkit.builders.pdf import SYSTEM_FONT_DIRS
from toolkit.cli import main


def a_font() -> Path:
    for folder in SYSTEM_FONT_DIRS:
        for path in sorted(folder.glob("NotoSans*-Regular.ttf")):
            return path
    pytest.fail("no Noto font installed: run `make system` (system-packages.txt lists fonts-noto-core)")


def test_a_new_font_rebuilds_the_print_edition(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    source = tmp_path / "tei"
    source.mkdir()
    shutil.copy(ROOT / "tei" / "116488.xml", source)
    shutil.copytree(ROOT / "tei" / "registers", source / "registers")
    fonts = tmp_path / "fonts"
    fonts.mkdir()
    command = ["build", str(source), "-o", str(tmp_path / "build"), "--only", "pdf", "-j", "1",
               "--font-dir", str(fonts), "--no-validate"]
    assert main(command) == 0
    assert main(command) == 0
    assert "pdf: 0 rebuilt, 1 up to date" in capsys.readouterr().out
    shutil.copy(a_font(), fonts)
    assert main(command) == 0
    assert "pdf: 1 rebuilt, 0 up to date" in capsys.readouterr().out
    assert main(command) == 0
    assert "pdf: 0 rebuilt, 1 up to date" in capsys.readouterr().out

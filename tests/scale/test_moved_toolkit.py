"""A re-cloned or moved toolkit builds the same edition (issue #13): the builders' own files
(stylesheets, templates, modules) and the validator's schemas and code are hashed by their
names inside the toolkit's installation, not by absolute paths, so a build by a copy of the
toolkit elsewhere rebuilds and validates nothing; and fonts inside the edition's folder are
keyed by their name there and their content, so that a re-cloned edition (new file times,
new place) keeps the print edition's key."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest

from teitest import ROOT
from toolkit import filestate
from toolkit.builders import BuildConfig
from toolkit.builders.pdf import PdfBuilder
from toolkit.cli import main

FONT = Path("/usr/share/fonts/truetype/noto/NotoSansLycian-Regular.ttf")


def edition(folder: Path) -> Path:
    """The sample and a renumbered copy, with the registers."""
    tei = folder / "tei"
    tei.mkdir(parents=True)
    shutil.copytree(ROOT / "tei" / "registers", tei / "registers")
    text = re.sub(r"<\?xml-model [^?]*\?>\n", "", (ROOT / "tei" / "116488.xml").read_text("utf-8"))
    (tei / "116488.xml").write_text(text, "utf-8")
    (tei / "700001.xml").write_text(text.replace('<idno type="WCDA">116488</idno>',
                                                 '<idno type="WCDA">700001</idno>'), "utf-8")
    return tei


def test_a_copy_of_the_toolkit_elsewhere_rebuilds_and_validates_nothing(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    folder = tmp_path / "edition"
    edition(folder)
    args = ["build", str(folder / "tei"), "-o", str(folder / "build"), "--only", "html",
            "--only", "epub", "-j", "1"]
    assert main(args) == 0
    printed = capsys.readouterr().out
    assert "html: 2 rebuilt" in printed and "epub: 2 rebuilt" in printed
    clone = tmp_path / "elsewhere" / "teikit"  # what a fresh clone holds of the toolkit
    for name in ("toolkit", "xslt", "schemas"):
        shutil.copytree(ROOT / name, clone / name, ignore=shutil.ignore_patterns("__pycache__"))
    time.sleep(filestate.RACY_NS / 1e9 + 0.1)
    env = {**os.environ, "PYTHONPATH": str(clone)}
    done = subprocess.run([sys.executable, "-m", "toolkit", *args], cwd=tmp_path, env=env,
                          capture_output=True, text=True, check=False)
    assert done.returncode == 0, done.stderr
    assert str(clone) in subprocess.run(  # the copy ran, not this checkout
        [sys.executable, "-c", "import toolkit; print(toolkit.__file__)"], cwd=tmp_path, env=env,
        capture_output=True, text=True, check=True).stdout
    assert "not validated again" in done.stdout and " 0 unchanged" not in done.stdout
    assert "html: 0 rebuilt, 2 up to date, 0 files written" in done.stdout
    assert "epub: 0 rebuilt, 2 up to date, 0 files written" in done.stdout


@pytest.mark.skipif(not FONT.is_file(), reason="needs fonts-noto-core")
def test_a_font_inside_the_edition_keys_by_its_name_and_content(tmp_path: Path) -> None:
    def environment(root: Path) -> str:
        return PdfBuilder(BuildConfig(source_dir=root / "tei", output_dir=root / "build",
                                      font_dirs=(root / "fonts",))).environment()

    first = tmp_path / "first"
    (first / "tei").mkdir(parents=True)
    (first / "fonts").mkdir()
    shutil.copyfile(FONT, first / "fonts" / FONT.name)
    before = environment(first)
    moved = tmp_path / "clone" / "moved"
    shutil.copytree(first, moved)  # a clone: new place, new file times
    later = time.time() + 100
    os.utime(moved / "fonts" / FONT.name, (later, later))
    assert environment(moved) == before
    (moved / "fonts" / FONT.name).write_bytes(FONT.read_bytes() + b"\0")  # another font: another key
    assert environment(moved) != before


def test_a_moved_edition_typesets_nothing_again(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """The print edition of a moved edition folder (its build folder moved with it): no
    document's PDF, no part, no matter and no merge again (the volume's file is untouched)."""
    first = tmp_path / "first"
    edition(first)

    def build(folder: Path) -> str:
        capsys.readouterr()
        assert main(["build", str(folder / "tei"), "-o", str(folder / "build"), "--only", "pdf",
                     "-j", "1", "--no-validate"]) == 0
        return capsys.readouterr().out

    assert "pdf: 2 rebuilt" in build(first)
    volume = first / "build" / "pdf" / "edition.pdf"
    stamp = volume.stat().st_mtime_ns
    time.sleep(filestate.RACY_NS / 1e9 + 0.1)
    moved = tmp_path / "elsewhere" / "moved"
    moved.parent.mkdir()
    first.rename(moved)
    assert "pdf: 0 rebuilt, 2 up to date, 0 files written" in build(moved)
    assert (moved / "build" / "pdf" / "edition.pdf").stat().st_mtime_ns == stamp

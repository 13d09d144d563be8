"""A copied or moved edition is the same edition (issue #13): no hash of the builders'
manifests and no key of the validation cache holds an absolute path, so rebuilding the copy
(its build folder copied with it) rebuilds nothing and validates nothing again, and the
cached warnings name the copy's files, not the original's."""

from __future__ import annotations

import re
import shutil
import time
from pathlib import Path

import pytest

from teitest import ROOT
from toolkit import filestate
from toolkit.cli import main


def edition(folder: Path) -> Path:
    """The sample and two renumbered copies with the registers; one declares a schema that
    does not exist (a warning, cached with its file)."""
    tei = folder / "tei"
    tei.mkdir(parents=True)
    shutil.copytree(ROOT / "tei" / "registers", tei / "registers")
    text = re.sub(r"<\?xml-model [^?]*\?>\n", "", (ROOT / "tei" / "116488.xml").read_text("utf-8"))
    (tei / "116488.xml").write_text(text, "utf-8")
    for number in ("700001", "700002"):
        copy = text.replace('<idno type="WCDA">116488</idno>', f'<idno type="WCDA">{number}</idno>')
        if number == "700002":
            copy = copy.replace("<TEI", '<?xml-model href="missing.rng"?>\n<TEI', 1)
        (tei / f"{number}.xml").write_text(copy, "utf-8")
    return tei


def build(capsys: pytest.CaptureFixture[str], folder: Path) -> tuple[str, str]:
    capsys.readouterr()
    code = main(["build", str(folder / "tei"), "-o", str(folder / "build"), "--only", "html",
                 "--only", "epub", "-j", "1"])
    out = capsys.readouterr()
    assert code == 0, out.err
    return out.out, out.err


def test_a_copied_edition_rebuilds_and_validates_nothing(tmp_path: Path,
                                                          capsys: pytest.CaptureFixture[str]) -> None:
    first = tmp_path / "first"
    edition(first)
    printed, warned = build(capsys, first)
    assert "html: 3 rebuilt" in printed and "epub: 3 rebuilt" in printed
    assert "missing.rng" in warned and str(first / "tei" / "700002.xml") in warned
    time.sleep(filestate.RACY_NS / 1e9 + 0.1)
    moved = tmp_path / "elsewhere" / "moved"
    shutil.copytree(first, moved, symlinks=True)
    shutil.rmtree(first)  # moved, not copied: nothing of the old folder can be reused
    printed, warned = build(capsys, moved)
    assert "(6 unchanged, not validated again)" in printed  # 3 documents, 3 registers
    assert "html: 0 rebuilt, 3 up to date, 0 files written" in printed
    assert "epub: 0 rebuilt, 3 up to date, 0 files written" in printed
    # the cached warning is the copy's file's
    assert f"{moved / 'tei' / '700002.xml'}:" in warned and str(first) not in warned

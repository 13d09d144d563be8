"""`teikit text` on converted reports prints their source bodies (the round trip, end to end)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from converter_support import REPORTS, ROOT, SAMPLE, source_body

from toolkit.projection import normalise


def teikit(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "toolkit", *args], capture_output=True,
                          text=True, cwd=ROOT, timeout=120)


@pytest.fixture(scope="module")
def converted(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("tei")
    sources = [str(SAMPLE), *(str(p) for p in sorted(REPORTS.glob("*.txt")))]
    result = teikit("convert", *sources, "-o", str(out), "--registers",
                    str(ROOT / "tei" / "registers"), "--change-date", "2026-11-27")
    assert result.returncode == 0, result.stderr
    return out


@pytest.mark.parametrize("source", [SAMPLE, *sorted(REPORTS.glob("*.txt"))], ids=lambda p: p.stem)
def test_text_gives_back_the_source_body(source: Path, converted: Path) -> None:
    number = source.stem.split("-")[1]
    result = teikit("text", str(converted / f"{number}.xml"))
    assert result.returncode == 0, result.stderr
    assert normalise(result.stdout) == normalise(source_body(source.read_text(encoding="utf-8")))


def test_text_of_several_files_in_order(converted: Path) -> None:
    result = teikit("text", str(converted / "117002.xml"), str(converted / "116488.xml"))
    assert result.returncode == 0
    assert result.stdout.index("F[oreign] M[inistry]:") < result.stdout.index("In mid-December")


def test_text_of_a_file_that_is_not_xml(tmp_path: Path) -> None:
    bad = tmp_path / "report.xml"
    bad.write_text("<TEI><text>unclosed", encoding="utf-8")
    result = teikit("text", str(bad))
    assert result.returncode == 1
    assert f"{bad}:1:" in result.stderr and "not well-formed XML" in result.stderr
    assert "Traceback" not in result.stderr and result.stdout == ""

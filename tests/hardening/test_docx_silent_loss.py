"""Issue 14, item 4 (second half): a DOCX table between `Contents:` and its value must not
vanish. Every cell's text reaches the TEI, or a warning names the paragraph."""

from __future__ import annotations

import sys
from pathlib import Path

import docx
import pytest
from lxml import etree

from support import run
from teitest import ROOT

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "docx"))
from docx_fixtures import METADATA  # noqa: E402

TEI = {"tei": "http://www.tei-c.org/ns/1.0"}


@pytest.mark.parametrize("columns", [1, 2, 3])
def test_a_table_after_contents_is_kept(tmp_path: Path, columns: int, capsys: pytest.CaptureFixture[str]) -> None:
    document = docx.Document()
    for text, bold in METADATA[:-1]:  # up to the label "Contents:"
        document.add_paragraph().add_run(text).bold = bold or None
    table = document.add_table(rows=2, cols=columns)
    cells = [f"Cell{row}{column}" for row in range(2) for column in range(columns)]
    for index, text in enumerate(cells):
        table.cell(index // columns, index % columns).text = text
    document.add_paragraph().add_run(METADATA[-1][0])  # the value of Contents
    document.add_paragraph("In mid-December Comrade Moskovsky returned from Moscow.")
    source = tmp_path / "report-900001.docx"
    document.save(str(source))
    out = tmp_path / "tei"
    result = run(capsys, "convert", str(source), "-o", str(out), "--registers", str(ROOT / "tei" / "registers"))
    assert result.code == 0, result.err
    tree = etree.parse(str(out / "900001.xml"))
    text = " ".join(tree.xpath("//tei:text//text()", namespaces=TEI))
    missing = [c for c in cells if c not in text]
    warned = [line for line in result.err.splitlines() if f"{source}:" in line and ": warning: " in line]
    assert not missing or warned, (missing, result.err)
    assert "Moskovsky" in text

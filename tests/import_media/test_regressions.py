"""Issue 14, item 2 (second crash): an imported file with text after a register entry in its
standOff made `etree.tostring` carry the tail along, and import exited 3. Now the entry goes
into the registers, the stray text is a loss-report line naming it, and the output is valid."""

from __future__ import annotations

import json
from pathlib import Path

from lxml import etree

from teitest import assert_tei_all
from toolkit.cli import main

SOURCE = """<?xml version="1.0" encoding="UTF-8"?>
<TEI xmlns="http://www.tei-c.org/ns/1.0">
  <teiHeader><fileDesc><titleStmt><title>A letter</title></titleStmt>
    <publicationStmt><publisher>An archive</publisher><idno>letter-7</idno></publicationStmt>
    <sourceDesc><p>Autograph.</p></sourceDesc></fileDesc></teiHeader>
  <standOff>
    <listPerson>
      <person xml:id="anna"><persName>Anna Weber</persName></person> stray words after the entry
    </listPerson>
  </standOff>
  <text><body><p>Written by <persName ref="#anna">Anna</persName>.</p></body></text>
</TEI>
"""


def test_text_after_a_register_entry_is_reported_not_a_crash(tmp_path: Path, tei_all: etree.RelaxNG) -> None:
    source = tmp_path / "letter.xml"
    source.write_text(SOURCE, "utf-8")
    out = tmp_path / "tei"
    assert main(["import", str(source), "-o", str(out)]) == 0
    document = out / "letter-7.xml"
    assert_tei_all(tei_all, etree.parse(str(document)))
    assert b"stray words" not in document.read_bytes()
    loss = json.loads((out / "loss" / "letter-7.json").read_text("utf-8"))
    dropped = [e for e in loss["entries"] if e["action"] == "dropped" and "stray words after the entry" in e["detail"]]
    assert len(dropped) == 1 and dropped[0]["line"] == 8, loss["entries"]
    registers = b"".join(p.read_bytes() for p in (out / "registers").glob("*.xml"))
    assert b"Anna Weber" in registers and b"stray words" not in registers

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


SPACES = """<?xml version="1.0" encoding="UTF-8"?>
<TEI xmlns="http://www.tei-c.org/ns/1.0">
  <teiHeader><fileDesc><titleStmt><title>A note</title></titleStmt>
    <publicationStmt><publisher>An archive</publisher><idno>note-3</idno></publicationStmt>
    <sourceDesc>\u00a0<p>Autograph.</p></sourceDesc></fileDesc></teiHeader>
  <text><body>\u2003<p>Received.</p></body></text>
</TEI>
"""


def test_a_run_of_no_break_spaces_where_text_is_not_allowed_is_kept_not_refused(
        tmp_path: Path, tei_all: etree.RelaxNG) -> None:
    """A no-break space is text to XML though str.strip() drops it: the import used to leave it
    where TEI allows no text and then refuse the document ("cannot be made valid TEI")."""
    source = tmp_path / "note.xml"
    source.write_text(SPACES, "utf-8")
    out = tmp_path / "tei"
    assert main(["import", str(source), "-o", str(out)]) == 0
    document = etree.parse(str(out / "note-3.xml"))
    assert_tei_all(tei_all, document)
    ns = {"t": "http://www.tei-c.org/ns/1.0"}
    assert document.xpath("//t:sourceDesc/t:p[1]/text()", namespaces=ns) == ["\u00a0"]
    assert document.xpath("//t:body/t:p[1]/text()", namespaces=ns) == ["\u2003"]
    loss = json.loads((out / "loss" / "note-3.json").read_text("utf-8"))
    assert [(e["element"], e["action"], e["line"]) for e in loss["entries"]] == [
        ("sourceDesc", "restructured", 5), ("body", "restructured", 6)], loss["entries"]

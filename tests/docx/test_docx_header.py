"""The Word reader shares the text export's header rules (through parse_metadata_block and
build_header): citation roles, a repeated field kept and warned with its paragraph number,
an empty field left out, a slug URL as the identifier."""

from __future__ import annotations

from pathlib import Path

import docx
from docx_fixtures import assert_valid, context
from lxml import etree

from toolkit.convert import convert_bytes
from toolkit.errors import Severity
from toolkit.readers import ReadContext
from toolkit.tei import NS

__all__ = ["context"]

PARAGRAPHS = [
    ("May 14, 1958", True),
    ("Record of a Conversation with the Trade Delegation", True),
    ("Citation:", True),
    ('"Record of a Conversation with the Trade Delegation", May 14, 1958, Wilson Center Digital '
     "Archive, RGAE, f. 413, op. 13, d. 9021. Obtained and translated by Nadia Brenner. "
     "https://digitalarchive.example.org/document/record-of-a-conversation-12", False),
    ("Summary:", True),
    ("A conversation on trade.", False),
    ("Credits:", True),
    ("Summary:", True),
    ("A second summary, about prices.", False),
    ("Original Language:", True),
    ("Russian", False),
    ("Contents:", True),
    ("Translation - English", False),
    ("The delegation arrived on Monday.", False),
]


def test_word_file_header(tmp_path: Path, context: ReadContext, tei_all: etree.RelaxNG) -> None:
    document = docx.Document()
    for text, bold in PARAGRAPHS:
        document.add_paragraph().add_run(text).bold = bold or None
    path = tmp_path / "talks.docx"
    document.save(str(path))
    conversion = convert_bytes(path.read_bytes(), str(path), context)
    assert_valid(tei_all, conversion.tree)
    assert conversion.number == "record-of-a-conversation-12"
    header = conversion.tree.find("tei:teiHeader", NS)
    assert header is not None
    resps = [r.findtext("tei:resp", namespaces=NS)
             for r in header.iterfind("tei:fileDesc/tei:titleStmt/tei:respStmt", NS)]
    assert resps[:2] == ["obtaining the document", "translation from the original"]
    abstract = [" ".join("".join(p.itertext()).split())
                for p in header.iterfind("tei:profileDesc/tei:abstract/tei:p", NS)]
    assert abstract == ["A conversation on trade.", "A second summary, about prices."]
    assert header.find(".//tei:note[@type='credits']", NS) is None
    warnings = {(d.line, d.message.split(";")[0]) for d in conversion.diagnostics
                if d.severity is Severity.WARNING}
    # Word lines are paragraph numbers: the second Summary is paragraph 8, Credits paragraph 7
    assert (8, "field 'Summary' appears again (first at line 5)") in warnings
    assert (7, "field 'Credits' is empty") in warnings
    assert [d.rule for d in conversion.diagnostics if d.severity is Severity.REVIEW] == ["identifier"]

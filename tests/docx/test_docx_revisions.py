"""A translator's file with tracked changes and comments left in it: the TEI keeps both
readings (add, del) and the comments (note type=comment), and says in a warning that the
changes were left unresolved, since the text as read is not the translator's accepted text; a file without them says nothing."""

from __future__ import annotations

from pathlib import Path

import docx
from docx_fixtures import context, metadata_paragraphs, rich_docx

from toolkit.convert import convert_bytes
from toolkit.errors import Severity
from toolkit.readers import ReadContext
from toolkit.tei import NS

__all__ = ["context"]  # the fixture, imported for pytest


def test_changes_and_comments_left_in_the_file_are_kept_and_reported(
        tmp_path: Path, context: ReadContext) -> None:
    path = rich_docx(tmp_path / "rich.docx")
    conversion = convert_bytes(path.read_bytes(), str(path), context)
    tree = conversion.tree
    # the fixture has one tracked insertion ("as follows,"), one deletion ("these"), one comment
    assert [d.text for d in tree.xpath("//tei:body//tei:del", namespaces=NS)] == ["these"]
    assert [a.text for a in tree.xpath("//tei:body//tei:add", namespaces=NS)] == ["as follows,"]
    assert len(tree.xpath("//tei:body//tei:note[@type='comment']", namespaces=NS)) == 1
    warnings = [d.message for d in conversion.diagnostics if d.severity == Severity.WARNING]
    assert any("1 tracked insertion" in m and "1 tracked deletion" in m for m in warnings), warnings
    # the comment is kept whole as a note (declared in the header): no warning for it
    assert len(warnings) == 1, warnings


def test_a_clean_file_reports_no_changes(tmp_path: Path, context: ReadContext) -> None:
    document = docx.Document()
    metadata_paragraphs(document)
    document.add_paragraph("The delegation arrived on Monday.")
    path = tmp_path / "clean.docx"
    document.save(str(path))
    conversion = convert_bytes(path.read_bytes(), str(path), context)
    assert not any("tracked" in d.message or "comment" in d.message
                   for d in conversion.diagnostics)

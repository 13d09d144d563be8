"""What only Word carries, encoded: formatting, notes, comments, tracked changes, links,
headings, lists, tables, breaks; every pointer resolves, the TEI is valid, and the plain-text
projection is the document's text."""

from __future__ import annotations

from pathlib import Path

import pytest
from docx_fixtures import assert_valid, context, metadata_paragraphs_docx, \
    metadata_table_docx, rich_docx
from lxml import etree

from toolkit.convert import convert_bytes
from toolkit.errors import Severity
from toolkit.output import serialize
from toolkit.projection import normalise, project
from toolkit.readers import Conversion, ReadContext
from toolkit.tei import NS, XML_ID

__all__ = ["context"]  # the fixture, imported for pytest

# The document's text as Word shows it with all markup (deleted and inserted words both),
# in the text export's conventions: emphasis as Markdown, footnotes as [n] with their text at
# the end, other notes in brackets, a page break as a paragraph break, a link in Markdown.
RICH_TEXT = """\
Conversation with the ambassador

In mid-December **[Soviet Ambassador] Comrade Moskovsky** returned from *Moscow*, and told me[1] \
the following about the negotiations of the 4th plenum.

Kim Il raised the issue of certain injuries[Check this against the original.], which were \
theseas follows, the following[i]:

1. The Korean leaders were distrustful of the CPSU.

2. Kim Il also found injurious the events of 1956.

an army of 700,000

a police force of 200,000

Item	Amount

Aircraft	[...] units

*Pyongyang*

Khrushchev had had big-power ambitions, he wanted

to force his will upon the smaller parties, see \
[the archive](https://digitalarchive.wilsoncenter.org/).

First line
second line.

József

Kovács

[1] Moskovsky was ambassador to *Pyongyang*.

[i] See the Hungarian original.
"""


@pytest.fixture()
def rich(tmp_path: Path, context: ReadContext) -> Conversion:
    path = rich_docx(tmp_path / "rich-900001.docx")
    return convert_bytes(path.read_bytes(), str(path), context)


def one(tree: etree._ElementTree, xpath: str) -> etree._Element:
    found = tree.xpath(xpath, namespaces=NS)
    assert isinstance(found, list) and len(found) == 1, (xpath, found)
    node = found[0]
    assert isinstance(node, etree._Element)
    return node


def text(node: etree._Element) -> str:
    return "".join(str(t) for t in node.itertext())


def test_valid_and_projects_to_the_documents_text(rich: Conversion,
                                                  tei_all: etree.RelaxNG) -> None:
    assert_valid(tei_all, rich.tree)
    assert normalise(project(rich.tree)) == normalise(RICH_TEXT)
    # The file the converter writes (pretty-printed) projects to the same text.
    written = etree.fromstring(serialize(rich.tree))
    assert normalise(project(written)) == normalise(RICH_TEXT)
    assert rich.number == "900001"
    declared = rich.tree.xpath("string(//tei:editorialDecl/tei:interpretation/tei:p[last()])",
                               namespaces=NS)
    assert "tracked insertions and deletions are add and del" in declared
    # one decision to check (issue #10): "mid-December" dated from the document; one warning:
    # the tracked changes left unresolved (kept as add and del)
    assert [(d.severity, d.rule) for d in rich.diagnostics] == [
        (Severity.REVIEW, "date"), (Severity.WARNING, None)], \
        [d.format() for d in rich.diagnostics]


def test_formatting_becomes_hi_around_the_shared_encoding(rich: Conversion) -> None:
    tree = rich.tree
    bold = one(tree, "//tei:p/tei:hi[@rend='bold']")
    # The bracket and the name inside the bold run are still classified and tagged.
    assert [etree.QName(c).localname for c in bold] == ["supplied", "persName"]
    assert one(tree, "//tei:hi[@rend='bold']/tei:supplied").get("reason") == "identification"
    assert text(one(tree, "//tei:p[contains(., 'mid-December')]/tei:hi[@rend='italic']/tei:placeName")) == "Moscow"
    assert text(one(tree, "//tei:hi[@rend='underline']")) == "negotiations"
    assert text(one(tree, "//tei:hi[@rend='superscript']")) == "th"


def test_footnotes_and_endnotes_sit_at_their_anchor(rich: Conversion) -> None:
    foot = one(rich.tree, "//tei:note[@place='foot']")
    assert foot.get("n") == "1"
    previous = foot.getprevious()
    assert previous is not None and (previous.tail or "").endswith("and told me")
    assert text(one(rich.tree, "//tei:note[@place='foot']/tei:hi[@rend='italic']")) == "Pyongyang"
    end = one(rich.tree, "//tei:note[@place='end']")
    assert end.get("n") == "i"  # Word numbers endnotes i, ii, iii unless told otherwise
    assert text(end) == "See the Hungarian original."
    assert (end.tail or "").startswith(":")


def _target(tree: etree._ElementTree, pointer: str | None) -> etree._Element:
    assert pointer and pointer.startswith("#")
    return one(tree, f"//*[@xml:id='{pointer[1:]}']")


def test_comments_are_notes_with_their_author_and_span(rich: Conversion) -> None:
    tree = rich.tree
    comment = one(tree, "//tei:note[@type='comment']")
    assert text(comment) == "Check this against the original."
    author = _target(tree, comment.get("resp"))
    assert etree.QName(author).localname == "persName" and author.text == "Anna Editor"
    assert etree.QName(author.getparent()).localname == "respStmt"  # type: ignore[arg-type]
    assert one(tree, "//tei:note[@type='comment']/tei:date").get("when") == "2024-03-01T10:00:00Z"
    anchor = _target(tree, comment.get("target"))
    assert etree.QName(anchor).localname == "anchor"
    assert anchor.tail == "the issue of certain injuries"


def test_tracked_changes_are_add_and_del_with_author_and_date(rich: Conversion) -> None:
    tree = rich.tree
    deleted = one(tree, "//tei:del")
    added = one(tree, "//tei:add")
    assert (deleted.text, added.text) == ("these", "as follows,")
    for node, author, when in ((deleted, "Anna Editor", "2024-03-02T09:30:00Z"),
                               (added, "Balázs Szalontai", "2024-03-03T08:00:00Z")):
        change = _target(tree, node.get("change"))
        assert etree.QName(change).localname == "change"
        assert change.get("when") == when
        assert _target(tree, change.get("who")).text == author
        assert _target(tree, node.get("resp")).text == author


def test_structure_headings_lists_tables_breaks_links(rich: Conversion) -> None:
    tree = rich.tree
    div = one(tree, "//tei:body/tei:div")
    assert etree.QName(div[0]).localname == "head"
    assert text(div[0]) == "Conversation with the ambassador"
    points = tree.xpath("//tei:p[@n]", namespaces=NS)
    assert [(p.get("n"), p.findtext("tei:label", namespaces=NS)) for p in points] == \
        [("1", "1."), ("2", "2.")]
    assert [text(i) for i in tree.xpath("//tei:list[@rend='bulleted']/tei:item", namespaces=NS)] \
        == ["an army of 700,000", "a police force of 200,000"]
    rows = tree.xpath("//tei:table/tei:row", namespaces=NS)
    assert [[text(c) for c in row] for row in rows] == [["Item", "Amount"], ["Aircraft", " units"]]
    assert one(tree, "//tei:cell/tei:gap").get("reason") == "omitted"
    page = one(tree, "//tei:p/tei:pb")
    assert (page.tail or "").startswith("to force his will")
    assert one(tree, "//tei:p/tei:lb").tail == "second line."
    assert one(tree, "//tei:text//tei:ref").get("target") == "https://digitalarchive.wilsoncenter.org/"
    assert etree.QName(div[-1]).localname == "closer"


def test_every_pointer_resolves(rich: Conversion) -> None:
    tree = rich.tree
    ids = set(tree.xpath("//@xml:id", namespaces=NS))
    for attribute in ("resp", "change", "who", "target"):
        for value in tree.xpath(f"//@{attribute}", namespaces=NS):
            if str(value).startswith("#"):
                assert str(value)[1:] in ids, (attribute, value)
    assert all(not str(i).startswith("docx-") or i for i in ids)
    assert XML_ID


BODY = ["In mid-December Comrade Moskovsky returned from Moscow.", "József", "Kovács"]


def test_a_metadata_table_fills_the_header_as_paragraphs_do(tmp_path: Path,
                                                            context: ReadContext) -> None:
    as_table = metadata_table_docx(tmp_path / "table-900001.docx", BODY)
    as_paragraphs = metadata_paragraphs_docx(tmp_path / "table-900001-p.docx", BODY)
    a = convert_bytes(as_table.read_bytes(), str(as_table), context)
    b = convert_bytes(as_paragraphs.read_bytes(), str(as_paragraphs), context)
    header_a = etree.tostring(one(a.tree, "//tei:fileDesc"))
    header_b = etree.tostring(one(b.tree, "//tei:fileDesc"))
    assert header_a == header_b
    assert one(a.tree, "//tei:title[@type='main']").text == \
        "Report on a Conversation with Comrade Kosygin"
    assert etree.tostring(one(a.tree, "//tei:text")) == etree.tostring(one(b.tree, "//tei:text"))


def test_a_rich_word_file_is_valid_against_the_project_schema(rich: Conversion, tmp_path: Path) -> None:
    """Comments (note type='comment' with resp and target), tracked changes (add/del with
    change and resp) and struck-through runs are in the project schema, not only in tei_all:
    the converter never writes what its own validator refuses."""
    from toolkit.validation.runner import validate_files

    assert rich.tree.xpath("//tei:note[@type='comment'][@resp]", namespaces=NS)
    assert rich.tree.xpath("//tei:*[self::tei:add or self::tei:del][@change][@resp]", namespaces=NS)
    out = tmp_path / "tei"
    out.mkdir()
    (out / "900001.xml").write_bytes(serialize(rich.tree))
    reports = list(validate_files([out / "900001.xml"]))
    problems = [d for report in reports for d in report.diagnostics if d.severity == Severity.ERROR
                and not (d.rule or "").startswith("tk-ref")]  # registers are not beside it here
    assert reports and not problems, problems

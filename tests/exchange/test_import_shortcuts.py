"""The import's shortcuts for large inputs (issue 14) give what the full walks give.

Each shortcut answers in C what a Python walk of every element answered: what a source holds
(links, hands, foreign markup), the indentation of a container of 100,000 paragraphs, the
unwrapping of a run of 100,000 <lb/>. Each is checked here against the walk it stands for,
on inputs made to sit at its edges."""

from __future__ import annotations

import gc
from copy import deepcopy
from datetime import date
from pathlib import Path

import pytest
from lxml import etree

from toolkit.errors import InputError
from toolkit.readers.tei_import import ImportOptions, generic, import_bytes, make_context
from toolkit.readers.tei_import import document as imported_document
from toolkit.readers.tei_import.normalise import Holds, holds, unwrap
from toolkit.readers.tei_import.repair import _unwrap_all

TEI = "http://www.tei-c.org/ns/1.0"


def _document(source_desc: str, body: str, declarations: str = "") -> bytes:
    return (f'<TEI xmlns="{TEI}"{declarations}><teiHeader><fileDesc><titleStmt><title>T</title></titleStmt>'
            "<publicationStmt><publisher>An archive</publisher></publicationStmt>"
            f"<sourceDesc>{source_desc}</sourceDesc></fileDesc></teiHeader><text><body>{body}</body></text>"
            "</TEI>\n").encode()


# (what is in the body, links, hands, foreign): each True the walk would find something
HOLDINGS = [
    ("<p>Plain text.</p>", False, False, False),
    ("<p>A <pb facs='img/1.png'/>page.</p>", True, False, False),
    ("<p>A <figure><graphic url='http://example.org/a.png'/></figure>figure.</p>", True, False, False),
    ("<p>An <add hand='h1'>addition</add>.</p>", False, True, False),
    ("<p>A <handShift new='#h2'/>shift.</p>", False, True, False),
    ("<p>A <t:handShift xmlns:t='http://www.tei-c.org/ns/1.0' new='#h2'/>shift.</p>", False, True, True),
    ("<p>Text that reads hand=\"x\" and facs=\"y\": only a walk for nothing.</p>", True, True, False),
    ("<p>An <x:b xmlns:x='urn:x'>element</x:b> of another namespace.</p>", False, False, True),
    ("<p>An <b xmlns='urn:x'>element</b> in another default namespace.</p>", False, False, True),
    ("<p>An <b xmlns=''>element</b> in no namespace.</p>", False, False, True),
    ("<p xmlns:x='urn:x' x:a='1'>An attribute of another namespace.</p>", False, False, True),
    ("<p x:hand='h' xmlns:x='urn:x'>A hand of another namespace.</p>", False, False, True),
    ("<div1><p>A numbered division.</p></div1>", False, False, True),
    ("<p xml:lang='en' xml:id='p1'>XML's own attributes.</p>", False, False, False),
]


@pytest.mark.parametrize(("body", "links", "hands", "foreign"), HOLDINGS)
def test_holds_finds_what_each_walk_looks_for(body: str, links: bool, hands: bool, foreign: bool) -> None:
    found = holds(etree.fromstring(_document("<p>S</p>", body)))
    assert (found.links, found.hands, found.foreign) == (links, hands, foreign)


@pytest.mark.parametrize(("body", "links", "hands", "foreign"), HOLDINGS)
def test_import_with_holds_is_the_import_with_every_walk(
        body: str, links: bool, hands: bool, foreign: bool, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The same TEI and loss report as when every attempt walks its copy for all three."""
    data = _document("<p>S</p>" + "a line<lb/>" * 3, body)
    context = make_context(ImportOptions(tmp_path, tmp_path / "registers", date(2026, 1, 1)))
    _kind, shortcut, _reports = import_bytes(data, "source.xml", context)
    monkeypatch.setattr(generic, "holds", lambda source: Holds(True, True, True))
    _kind, walked, _reports = import_bytes(data, "source.xml", context)
    assert [(d.data, d.loss) for d in shortcut] == [(d.data, d.loss) for d in walked]
    assert len(shortcut) == 1 and (b"<handNote" in shortcut[0].data) == (hands and "reads" not in body)


def test_holds_of_a_document_in_a_corpus_counts_the_corpus_declarations() -> None:
    corpus = etree.fromstring(f'<teiCorpus xmlns="{TEI}" xmlns:x="urn:x"><teiHeader/>'.encode()
                              + _document("<p>S</p>", "<p>Plain.</p>") + b"</teiCorpus>")
    assert holds(corpus[1]).foreign  # the prefix is in scope: only the walk can tell it is unused


# containers whose indentation is set by etree.indent, or by the walk (comments, nested markup)
CONTAINERS = [
    "<p>A source.</p>" + "<p>a line</p>" * 50,
    "<p>A source.</p>\n   <p>a line</p>\t<p/>",
    "\u00a0<p>A source.</p>\u00a0<p>a line</p>\u2003",  # Unicode spaces: white space to str.strip()
    "<p>A source.</p><!-- a comment --><p>a line</p><?pi a?>",
    "<p>A <hi>source</hi>.</p><p>a line</p>",
    "<bibl>A <title>title</title></bibl><p><!-- x --></p>",
    "<p>A source.</p>text<p>a line</p>",
]


@pytest.mark.parametrize("content", CONTAINERS)
def test_indentation_shortcut_sets_what_the_walk_sets(content: str, monkeypatch: pytest.MonkeyPatch) -> None:
    root = etree.fromstring(_document(content, "<div><p>x</p></div>"))
    walked = deepcopy(root)
    imported_document._indent_structure(root)
    monkeypatch.setattr(imported_document, "_leaves_only", lambda node: False)
    imported_document._indent_structure(walked)
    assert etree.tostring(root) == etree.tostring(walked)
    if content.startswith("<p>A source.</p><p>"):
        assert b"</p>\n        <p>a line</p>\n      </sourceDesc>" in etree.tostring(root)


@pytest.mark.parametrize("content", [
    "<p>A</p>" + "t<lb/>" * 20 + "end",
    "<p>A</p>" + "<lb/>u" * 20 + "<bibl><lb/>kept</bibl>",  # an <lb/> outside the run: renamed first
    "<p>A</p>" + "<lb n='1'><!--c--></lb>v" * 5,
])
def test_run_stripped_by_name_is_the_run_unwrapped_one_by_one(content: str) -> None:
    root = etree.fromstring(_document(content, "<p>x</p>"))
    parent = root.find(f".//{{{TEI}}}sourceDesc")
    assert parent is not None
    one_by_one = deepcopy(root)
    other = one_by_one.find(f".//{{{TEI}}}sourceDesc")
    assert other is not None
    _unwrap_all(list(parent.iterchildren(f"{{{TEI}}}lb")), parent)
    for node in list(other.iterchildren(f"{{{TEI}}}lb")):
        unwrap(node)
    assert etree.tostring(root) == etree.tostring(one_by_one)
    assert (b"<lb/>kept" in etree.tostring(root)) == ("kept" in content)


def test_import_leaves_the_cycle_collector_as_it_found_it(tmp_path: Path) -> None:
    """Paused while a source is imported (its element proxies are no cycles), back after it,
    also when the source is refused; left off when the caller had it off."""
    context = make_context(ImportOptions(tmp_path, tmp_path / "registers", date(2026, 1, 1)))
    data = _document("<p>S</p>", "<p>Plain.</p>")
    assert gc.isenabled()
    assert len(import_bytes(data, "source.xml", context)[1]) == 1
    assert gc.isenabled()
    with pytest.raises(InputError, match="not well-formed"):
        import_bytes(data[:-20], "broken.xml", context)
    assert gc.isenabled()
    gc.disable()
    try:
        import_bytes(data, "source.xml", context)
        assert not gc.isenabled()
    finally:
        gc.enable()

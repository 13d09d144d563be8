"""A record's mention contexts as the builder computes them (toolkit.builders.html_context)
are the ones summary.xsl's own rule gives (tk:text-before/after, tk:tail/head)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from lxml import etree

from toolkit.builders import html as html_builder
from toolkit.builders.base import BuildConfig, Document
from toolkit.builders.html import HtmlBuilder
from toolkit.builders.html_context import head, mention_contexts, tail
from toolkit.builders.html_state import split_record
from web.support import FIXTURE_ID, FIXTURES, ROOT, SAMPLE_ID

P = 'registers/persons.xml#moskovsky'
# What the walk must get right: comments and processing instructions (string() is their
# content), tabs and line breaks, a no-break space (not XPath white space), a sic with its
# corr, an abbreviation with its expansion, a note, more than eight siblings each side, names
# nested in highlighting and in other names, a long run without spaces, non-ASCII text; names
# in an addressee's line and directly in an opener (no block of the list: the parent bounds it;
# an addrLine once failed the whole page).
TRICKY = f"""
<opener>To <persName ref="{P}">Direct</persName> here<address><addrLine>Comrade <persName ref="{P}">Addressed</persName> in Moscow</addrLine></address></opener>
<p>One <!-- a comment --> two<?pi its text?> <persName ref="{P}">Near</persName> three&#9;four&#10;five&#13;six
 <choice><sic>teh</sic><corr>the</corr></choice> <choice><abbr>Dept.</abbr><expan>Department</expan></choice>
 a b <hi>c</hi> d <hi>e</hi> f <hi>g</hi> h <hi>i</hi> j <hi>k <persName ref="{P}">Kay</persName> l</hi>
 m <hi>n</hi> o <hi>p</hi> q <hi>r</hi> s <hi>t</hi> u<note>not this</note> v&#160;&#160;w</p>
<p><persName ref="{P}">Alone</persName></p>
<p>{"x" * 70} <orgName ref="{P}">Org <persName ref="{P}">Inner</persName> name</orgName> {"y" * 70}</p>
<p>Žluťoučký kůň úpěl ďábelské ódy — Вот текст, ещё текст, и ещё немного текста здесь
 <placeName ref="{P}">Praha</placeName> και ελληνικά λόγια εδώ μετά το όνομα, ακόμα περισσότερα.  </p>
<p>  <persName ref="{P}">Spaced</persName>  </p>
"""


def _documents(tmp_path: Path) -> list[Path]:
    tricky = (FIXTURES / f"{FIXTURE_ID}.xml").read_text("utf-8").replace(
        "<body>", "<body>" + TRICKY, 1)
    path = tmp_path / "tei" / "900004.xml"
    path.parent.mkdir(parents=True)
    path.write_text(tricky, "utf-8")
    return [ROOT / "tei" / f"{SAMPLE_ID}.xml", FIXTURES / f"{FIXTURE_ID}.xml", path]


def _records(tmp_path: Path, name: str, documents: list[Path]) -> dict[str, bytes]:
    builder = HtmlBuilder(BuildConfig(source_dir=ROOT / "tei", output_dir=tmp_path / name))
    builder.prepare()
    for path in documents:
        builder.write_one(Document(path))
    return {p.stem: split_record(p.read_bytes())[0]  # the record, out of the search page
            for p in sorted((tmp_path / name / ".html-records").glob("*.html"))}


def test_the_builders_contexts_are_the_stylesheets(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    documents = _documents(tmp_path)
    prepared = _records(tmp_path, "prepared", documents)
    monkeypatch.setattr(html_builder, "mention_contexts", lambda root: "{}")  # the XSLT's rule
    computed = _records(tmp_path, "computed", documents)
    assert prepared == computed and len(prepared) == 3
    tricky = etree.fromstring(prepared["900004"])
    mentions = tricky.findall("{https://teikit.org/ns}mention")
    assert len(mentions) > 10 and any(m.get("before") and m.get("after") for m in mentions)
    around = {m.text: (m.get("before"), m.get("after")) for m in mentions}
    assert around["Addressed"] == ("Comrade ", " in Moscow") and around["Direct"][0] == "To "
    # the record reads the builder's map: a wrong one shows (else the test above proves nothing)
    monkeypatch.setattr(html_builder, "mention_contexts", lambda root: json.dumps(
        {k: ["B", "A"] for k in json.loads(mention_contexts(root))}))
    wrong = etree.fromstring(_records(tmp_path, "wrong", documents[2:])["900004"])
    assert {(m.get("before"), m.get("after")) for m in wrong.iter("{https://teikit.org/ns}mention")
            if m.get("where") == "text"} == {("B", "A")}


def test_tail_and_head_cut_at_words() -> None:
    words = "word " * 20
    assert tail(words) == "… " + "word " * 11 + "word "
    assert head(" " + words) == " " + " ".join(["word"] * 12) + " …"
    assert tail("\tshort\n") == "short " and head("\tshort\n") == " short"
    assert tail("   ") == "" and head("") == ""
    assert tail("a\u00a0 b") == "a\u00a0 b"  # a no-break space is not white space to XPath

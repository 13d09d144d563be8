"""The volume stage over documents' outlines (issue #13: memory bounded by a part, not the
edition): the matter and parts made from outlines and the print XML loaded again must be byte
for byte those made from the whole volume XML, on print XML with the awkward shapes written
by hand (text and tails around <meta>, a name inside a name, a name in <meta>, a comment)."""

from __future__ import annotations

from lxml import etree

from toolkit.builders.volume import outline, split_volume

DOCS = {
    "a": '<doc id="a" when="1961-01-02" lang="en">\n <meta><title>A <name kind="person" key="p#m">M</name>'
         '</title></meta> tail <!-- c --><p>Seen by <name kind="person" key="p#x">Dr. <hi>X</hi>'
         ' of <name kind="place" key="pl#y">Y</name></name> and <name kind="person">nobody</name>'
         '.</p><note>On <name key="p#z">Z</name></note></doc>',
    "b": '<doc id="b" when=""><meta><title>B</title></meta><p>none &amp; &lt;more&gt;</p></doc>',
    "c": '<doc id="c" when="1950"><meta/><meta><x>2</x></meta>\n<p>'
         '<name kind="org" key="o#q">Q\n  R</name></p></doc>',
}


def volume(docs: list[str]) -> str:
    return f'<volume title="T" count="{len(docs)}"><edition/><front/>{"".join(docs)}<index kind="person"/></volume>'


def test_outline_keeps_attributes_meta_and_each_keyed_name_flat() -> None:
    reduced = outline(etree.fromstring(DOCS["a"]))
    assert reduced.attrib == {"id": "a", "when": "1961-01-02", "lang": "en"}
    assert [c.tag for c in reduced] == ["meta", "name", "name", "name"]
    names = [(n.get("kind"), n.get("key"), n.text) for n in reduced if n.tag == "name"]
    assert names == [("person", "p#x", "Dr. X of Y"), ("place", "pl#y", "Y"), (None, "p#z", "Z")]
    assert reduced[0].tail == " tail " and reduced.text == "\n "


def test_parts_from_outlines_equal_parts_from_the_whole_volume() -> None:
    whole = volume(list(DOCS.values()))
    outlines = volume([etree.tostring(outline(etree.fromstring(d)), encoding="unicode") for d in DOCS.values()])
    loaded: list[str] = []

    def load(doc_id: str) -> etree._Element:
        loaded.append(doc_id)
        return etree.fromstring(DOCS[doc_id])

    matter, parts = split_volume(whole, 2)
    matter2, parts2 = split_volume(outlines, 2, load)
    assert matter2 == matter
    assert b"Dr. <hi>X</hi>" not in matter and b"<title>A <name" in matter
    assert loaded == []  # nothing loaded before a part is asked for
    first = next(parts2)
    assert loaded == ["a", "b"]
    assert [first, *parts2] == list(parts)
    assert loaded == ["a", "b", "c"]

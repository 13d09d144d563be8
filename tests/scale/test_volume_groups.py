"""The print volumes grouped before the volume stage runs, and the stage run per volume
(issue #13: the parent's memory one volume's, not the edition's). Real Saxon over print XML
written by hand; the expectations are written from the rule (pdf-volume.xsl's order: dated
first, then `when`, then id, by code point), not from a run."""

from __future__ import annotations

import re
from pathlib import Path

from toolkit.builders import BuildConfig
from toolkit.builders.base import Document, Edition
from toolkit.builders.pdf import PRINT_XML_DIR, PdfBuilder
from toolkit.builders.volumes import plan_volumes, split_volumes, volume_entry, volume_of, volume_order


def doc(id_: str, when: str, collection: str, *names: tuple[str, str]) -> str:
    """A document's print XML: <meta> first, then its text naming (key, form) pairs."""
    meta = f"<meta><title>{id_}</title>{f'<collection>{collection}</collection>' if collection else ''}</meta>"
    text = "".join(f'<name kind="person" key="{k}">{form}</name> ' for k, form in names)
    return f'<doc id="{id_}" when="{when}">{meta}<p>{text}</p></doc>'


DOCS = {  # the person q (no register entry) is "Quincy" in 1950, "Q." in 1961
    "a": doc("a", "1961-05-01", "Zeta", ("p#q", "Q."), ("p#x", "X")),
    "b": doc("b", "1950-01-01", "alpha", ("p#q", "Quincy")),
    "C": doc("C", "1961-05-01", "Alpha", ("p#q", "Q."), ("p#q", "Q.")),
    "d": doc("d", "", ""),
    "e": doc("e", "1950-01-01", "Zeta", ("p#q", "Quincy"), ("p#x", "X")),
}


def edition(tmp_path: Path) -> tuple[PdfBuilder, Edition]:
    (tmp_path / "tei" / "registers").mkdir(parents=True)
    config = BuildConfig(source_dir=tmp_path / "tei", output_dir=tmp_path / "build")
    cache = config.output_dir / "pdf" / PRINT_XML_DIR
    cache.mkdir(parents=True)
    for id_, xml in DOCS.items():
        (cache / f"{id_}.xml").write_text(xml, "utf-8")
    documents = [Document(config.source_dir / f"{i}.xml") for i in sorted(DOCS)]
    return PdfBuilder(config), Edition(config, documents)


def test_grouped_in_the_volume_stages_order_from_the_print_xml(tmp_path: Path) -> None:
    builder, whole = edition(tmp_path)
    entries = volume_order(volume_entry(builder.out_dir / PRINT_XML_DIR / f"{d.id}.xml")
                           for d in whole.documents)
    assert [e.id for e in entries] == ["b", "e", "C", "a", "d"]  # 'C' < 'a' by code point
    assert [e.collection for e in entries] == ["alpha", "Zeta", "Alpha", "Zeta", ""]
    # the same order the volume stage gives the edition
    assert re.findall(r'<doc id="([^"]+)"', builder.volume_xml(whole)) == ["b", "e", "C", "a", "d"]
    by_count = plan_volumes(entries, "count", 2)
    assert [(v.file, v.name, v.ids) for v in by_count] == [
        ("edition-1.pdf", "1950", ("b", "e")), ("edition-2.pdf", "1961", ("C", "a")),
        ("edition-3.pdf", "Undated documents", ("d",))]
    assert [v.file for v in plan_volumes(entries, "year", 0)] == [
        "edition-1950.pdf", "edition-1961.pdf", "edition-undated.pdf"]
    assert [(v.file, v.ids) for v in plan_volumes(entries, "collection", 0)] == [
        ("edition-alpha.pdf", ("C",)), ("edition-alpha-2.pdf", ("b",)),
        ("edition-zeta.pdf", ("e", "a")), ("edition-other.pdf", ("d",))]
    assert plan_volumes(entries, "none", 0)[0].ids == ("b", "e", "C", "a", "d")


def test_each_volume_is_made_from_its_own_documents(tmp_path: Path) -> None:
    builder, whole = edition(tmp_path)
    entries = volume_order(volume_entry(builder.out_dir / PRINT_XML_DIR / f"{d.id}.xml")
                           for d in whole.documents)
    planned = plan_volumes(entries, "count", 2)
    by_id = {d.id: d for d in whole.documents}
    made = [volume_of(builder.volume_xml(Edition(whole.config, [by_id[i] for i in v.ids])), v)
            for v in planned]
    cut = split_volumes(builder.volume_xml(whole), "count", 2)  # the edition's XML cut up
    assert [re.findall(r'<doc id="([^"]+)"', xml) for xml in made] == [["b", "e"], ["C", "a"], ["d"]]
    assert 'volume="2" volume-name="1961" from="1961" to="1961"' in made[1]
    assert made[2] == cut[2].xml and "<index" not in made[2]
    # an index label from the documents' forms is the commonest in the volume itself
    assert re.findall(r'<entry key="p#q">([^<]*)<', made[0]) == ["Quincy"]
    assert re.findall(r'<entry key="p#q">([^<]*)<', made[1]) == ["Q."]
    assert re.findall(r'<entry key="p#q">([^<]*)<', cut[0].xml) == ["Q."]  # the edition's: 4 of 6
    assert made[1] == cut[1].xml  # there the volume's commonest is the edition's

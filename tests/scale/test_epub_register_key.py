"""A register edit and the EPUB's chapters (issue #13): the chapters were keyed on the registers'
bytes, so a note edited in one entry transformed every chapter again. Each chapter is now keyed
on what it takes from the registers (the kind of each entry its names point to, or that there
is none): such an edit rebuilds no chapter, an id changed rebuilds the chapters that name it,
and either way the book is byte for byte the one a full build makes. Real Saxon."""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "epub"))

from test_epub import make_source  # noqa: E402
from toolkit.builders import BuildConfig, run_builder  # noqa: E402
from toolkit.builders.epub import EpubBuilder, epub_name  # noqa: E402
from toolkit.builders.epub_registers import entry_kinds, pointed_ids, pointer_tokens  # noqa: E402


def full(config: BuildConfig, where: Path) -> bytes:
    fresh = BuildConfig(source_dir=config.source_dir, output_dir=where, edition=config.edition, jobs=1)
    run_builder(EpubBuilder, fresh)
    return (where / "epub" / epub_name(fresh)).read_bytes()


def test_a_register_edit_rebuilds_only_the_chapters_it_changes(tmp_path: Path) -> None:
    config = make_source(tmp_path / "edition")
    first = run_builder(EpubBuilder, config)
    assert len(first.rebuilt) >= 4
    book = config.output_dir / "epub" / epub_name(config)
    register = config.registers_dir / "organisations.xml"
    text = register.read_text("utf-8")
    # a note edited: no id or kind changes, no chapter is transformed again; the book's
    # organisations page shows the new note
    old_note = "<note>The government of the Soviet Union.</note>"
    assert old_note in text
    register.write_text(text.replace(old_note, "<note>The Soviet government (edited).</note>"), "utf-8")
    report = run_builder(EpubBuilder, config)
    assert report.rebuilt == ()
    after = book.read_bytes()
    assert after == full(config, tmp_path / "full-note")
    # an entry's id changed: the chapters whose names point to the old or new id, only those
    naming = sorted(p.stem for p in config.source_dir.glob("*.xml")
                    if "org:cwihp" in p.read_text("utf-8") or "#cwihp" in p.read_text("utf-8"))
    assert naming and len(naming) < len(first.rebuilt)
    text = register.read_text("utf-8")
    register.write_text(text.replace('<org xml:id="cwihp">', '<org xml:id="cwihp-archive">'), "utf-8")
    report = run_builder(EpubBuilder, config)
    assert sorted(report.rebuilt) == naming
    assert book.read_bytes() == full(config, tmp_path / "full-id")
    # a no-op after it rebuilds nothing
    assert run_builder(EpubBuilder, config).rebuilt == ()


def test_the_ids_a_document_could_point_to_cover_every_form_of_pointer() -> None:
    data = (b'<TEI xmlns="http://www.tei-c.org/ns/1.0"><persName ref="per:kosygin other"/>'
            b"<placeName corresp='registers/places.xml#hanoi'/><rs tk:key=\"a&amp;b\"/>"
            b'<name\tref="plain"/><p>ref is not="a pointer"</p></TEI>')
    ids = pointed_ids(pointer_tokens(data))
    for wanted in ("per:kosygin", "kosygin", "other", "registers/places.xml#hanoi", "hanoi",
                   "a&b", "plain"):
        assert wanted in ids
    assert "a pointer" not in ids and "pointer" not in ids


def test_entry_kinds_follow_the_elements_and_the_item_types() -> None:
    data = (b'<TEI xmlns="http://www.tei-c.org/ns/1.0"><listPerson><person xml:id="a"/>'
            b'</listPerson><list><item xml:id="b" type="Place"/>'
            b'<item xml:id="c"/><item n="no-id"/></list><org xml:id="d"/></TEI>')
    assert entry_kinds(data) == {"a": "persons", "b": "places", "c": "persons", "d": "organisations"}

"""A register edit and the print edition (issue #13): the PDF builder keyed every document on
the registers' bytes, so a note edited in one entry wrote every document's print XML again
(6.7 s of CPU at 1,000 documents) and ran the volume stage over every volume. A document's
print XML reads no register (PdfBuilder.register_keys), and the volume stage reads only the
entries' names (volumes.register_facts): a note edit now touches nothing; a name the index
shows makes the volume stage and the matter again, no document, and the volume is that of a
full build. Real Saxon, Typst and pdftotext; the sample's registers.
"""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

from toolkit.builders import BuildConfig, run_builder
from toolkit.builders.base import Document
from toolkit.builders.pdf import PdfBuilder

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "print"))
from print_support import FIXTURES, Recording, make_edition  # noqa: E402

IDS = ("116488", "900001", "900002", "900003")


def build(config: BuildConfig) -> tuple[tuple[str, ...], PdfBuilder]:
    report = run_builder(Recording, config)
    assert Recording.last is not None
    return report.rebuilt, Recording.last


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text("utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), "utf-8")


def stamps(out: Path) -> dict[str, int]:
    return {p.name: p.stat().st_mtime_ns for p in [*out.glob("*.pdf"), *(out / "print-xml").glob("*.xml")]}


def test_the_print_xml_reads_no_register(tmp_path: Path) -> None:
    """What register_keys rests on: every document's print XML is the same bytes with the
    registers and with every entry removed from them."""
    source = make_edition(tmp_path / "tei", *sorted(FIXTURES.glob("*.xml")))
    with_entries = PdfBuilder(BuildConfig(source_dir=source, output_dir=tmp_path / "a"))
    before = {i: with_entries.print_xml(Document(source / f"{i}.xml"))[0] for i in IDS}
    assert any('key="persons#kosygin"' in xml for xml in before.values())  # names are keyed
    for register in (source / "registers").glob("*.xml"):
        text = register.read_text("utf-8")
        emptied = re.sub(r"<(person|place|org)\b.*?</\1>", "", text, flags=re.S)
        assert emptied != text
        register.write_text(emptied, "utf-8")
    without = PdfBuilder(BuildConfig(source_dir=source, output_dir=tmp_path / "b"))
    assert {i: without.print_xml(Document(source / f"{i}.xml"))[0] for i in IDS} == before


def test_a_note_touches_nothing_and_a_name_makes_the_index_alone(tmp_path: Path) -> None:
    source = make_edition(tmp_path / "tei", *sorted(FIXTURES.glob("*.xml")))
    config = BuildConfig(source_dir=source, output_dir=tmp_path / "build", jobs=1)
    out = config.output_dir / "pdf"
    rebuilt, _ = build(config)
    assert set(rebuilt) == set(IDS)
    kept = stamps(out)
    # a note: no document, no volume stage, no part, no matter, nothing written
    edit(source / "registers" / "persons.xml", "<note>Chairman of the Council of Ministers",
         "<note>Edited note. Chairman of the Council of Ministers")
    rebuilt, builder = build(config)
    assert rebuilt == ()
    assert (builder.volumes_staged, builder.parts_typeset, builder.matter_typeset,
            builder.volumes_merged, builder.documents_cut) == (0, 0, 0, 0, 0)
    assert stamps(out) == kept
    # the preferred name of an entry the index shows: the volume stage and the matter again
    # (the index's label), no document's print XML, part or PDF
    edit(source / "registers" / "persons.xml", "<forename>Alexei</forename> <surname>Kosygin</surname>",
         "<forename>Alexei</forename> <surname>Kossyguine</surname>")
    rebuilt, builder = build(config)
    assert rebuilt == ()
    assert (builder.volumes_staged, builder.parts_typeset, builder.documents_cut) == (1, 0, 0)
    assert builder.matter_typeset >= 1
    after = stamps(out)
    assert {name for name in kept if after[name] != kept[name]} == {"edition.pdf"}
    text = subprocess.run(["pdftotext", str(out / "edition.pdf"), "-"], check=True, capture_output=True,
                          text=True).stdout
    assert "Kossyguine, Alexei" in text
    # the volume of a full build from these registers
    fresh = BuildConfig(source_dir=source, output_dir=tmp_path / "fresh", jobs=1)
    build(fresh)
    assert (fresh.output_dir / "pdf" / "edition.pdf").read_bytes() == (out / "edition.pdf").read_bytes()

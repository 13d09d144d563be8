"""A register edit and the web edition's document pages (issue #13): each page was keyed on the
registers' bytes, so a note edited in one entry rendered every page again (24 s of CPU at
1,000 documents). A page is now keyed on what it takes from the registers: the kind and
label of each entry its names could point to, which registers have entries and whether there
are abbreviations (the navigation). Such an edit, or an entry added, renders no page and
remakes the register pages; a label edited renders the pages naming that entry; the site
equals a full build's each time. Real
Saxon and Pagefind."""

from __future__ import annotations

import filecmp
from pathlib import Path

from web.support import SAMPLE_ID, build, make_source


def same_site(one: Path, other: Path) -> list[str]:
    """The files that differ or exist on one side only, under html/."""
    diffs: list[str] = []

    def walk(cmp: filecmp.dircmp[str], at: str) -> None:
        diffs.extend(f"{at}{n}" for n in cmp.left_only + cmp.right_only + cmp.funny_files)
        _, mismatch, errors = filecmp.cmpfiles(cmp.left, cmp.right, cmp.common_files, shallow=False)
        diffs.extend(f"{at}{n}" for n in mismatch + errors)
        for name, sub in cmp.subdirs.items():
            walk(sub, f"{at}{name}/")

    walk(filecmp.dircmp(one, other), "")
    return diffs


def test_a_register_note_renders_no_page_and_a_label_the_pages_naming_it(tmp_path: Path) -> None:
    source = make_source(tmp_path / "tei")
    out = tmp_path / "build"
    first = build(source, out)
    assert len(first.rebuilt) == 2
    register = source / "registers" / "organisations.xml"
    text = register.read_text("utf-8")
    note = "<note>The government of the Soviet Union.</note>"
    assert note in text
    register.write_text(text.replace(note, "<note>The Soviet government (edited).</note>"), "utf-8")
    assert build(source, out).rebuilt == ()
    assert "(edited)" in (out / "html" / "organisations.html").read_text("utf-8") or any(
        "(edited)" in p.read_text("utf-8") for p in (out / "html").glob("organisations*.html"))
    assert same_site(out / "html", build_full(source, tmp_path / "full-note")) == []
    # a person's name edited: the label the search page's filter shows; the pages naming them
    persons = source / "registers" / "persons.xml"
    text = persons.read_text("utf-8")
    assert "Kosygin" in text
    persons.write_text(text.replace("Kosygin", "Kossygin", 1), "utf-8")
    naming = sorted(p.stem for p in source.glob("*.xml") if "kosygin" in p.read_text("utf-8"))
    assert SAMPLE_ID in naming
    assert sorted(build(source, out).rebuilt) == naming
    assert same_site(out / "html", build_full(source, tmp_path / "full-label")) == []
    assert build(source, out).rebuilt == ()  # a no-op
    # an entry added that no document names: the register pages, no document page
    text = persons.read_text("utf-8")
    persons.write_text(text.replace("<listPerson>", '<listPerson><person xml:id="newcomer">'
                                    "<persName>New Comer</persName></person>", 1), "utf-8")
    assert build(source, out).rebuilt == ()
    assert "New Comer" in (out / "html" / "persons.html").read_text("utf-8")
    assert same_site(out / "html", build_full(source, tmp_path / "full-added")) == []


def build_full(source: Path, where: Path) -> Path:
    build(source, where)
    return where / "html"

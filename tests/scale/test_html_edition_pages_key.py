"""A register edit and the web edition's own pages (issue #13): the index, timeline, about,
search and register pages were keyed on the registers' bytes, so a note edited in one entry
made every one of them again (6.7 s of CPU at 1,000 documents). They are now keyed on the
registers' skeleton (what lies outside their entries) and each entry's digest: an edit
inside an entry makes that entry's pages and its register's page (which reads the entries
for its order and the places' map), and no other; an entry added makes everything. The site
equals a full build's each time. Real Saxon and Pagefind."""

from __future__ import annotations

from pathlib import Path

from test_html_register_key import same_site
from toolkit.builders import BuildConfig, run_builder
from toolkit.builders.html import HtmlBuilder
from web.support import make_source


class Recording(HtmlBuilder):
    """The web builder, keeping the instance that finished (the edition pages it made)."""

    last: HtmlBuilder | None = None

    def __init__(self, config: BuildConfig) -> None:
        super().__init__(config)
        Recording.last = self


def build(source: Path, out: Path, documents: int = 0) -> list[str]:
    """The edition pages this build made (made again the same or not); `documents` pages rendered."""
    Recording.last = None
    report = run_builder(Recording, BuildConfig(source_dir=source, output_dir=out,
                                                edition_title="teikit sample edition"))
    assert len(report.rebuilt) == documents
    assert Recording.last is not None
    return Recording.last.pages_made


def full(source: Path, where: Path) -> Path:
    build(source, where, 2)
    return where / "html"


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text("utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), "utf-8")


def test_an_entry_edited_makes_its_own_pages_and_its_registers_page(tmp_path: Path) -> None:
    source = make_source(tmp_path / "tei")
    out = tmp_path / "build"
    first = build(source, out, 2)
    assert {"index.html", "timeline.html", "about.html", "organisations.html"} <= set(first)
    # a note of an organisation: its article on organisations.html, nothing else
    edit(source / "registers" / "organisations.xml", "<note>The government of the Soviet Union.</note>",
         "<note>The Soviet government (edited).</note>")
    assert build(source, out) == ["organisations.html"]
    assert "(edited)" in (out / "html" / "organisations.html").read_text("utf-8")
    assert same_site(out / "html", full(source, tmp_path / "full-note")) == []
    # a place moved: the map of places.html is drawn from the register's coordinates
    edit(source / "registers" / "places.xml", "<geo>55.75204 37.61781</geo>", "<geo>55.8 37.6</geo>")
    assert build(source, out) == ["places.html"]
    assert same_site(out / "html", full(source, tmp_path / "full-geo")) == []
    assert build(source, out) == []  # a no-op makes no page
    # an entry added (outside every entry: the skeleton): every edition page again
    edit(source / "registers" / "persons.xml", "<listPerson>", '<listPerson><person xml:id="newcomer">'
         "<persName>New Comer</persName></person>")
    assert {"index.html", "timeline.html", "persons.html", "places.html"} <= set(build(source, out))
    assert same_site(out / "html", full(source, tmp_path / "full-added")) == []

"""The print edition split into volumes by [print] volume_by (issue #13).

The edition: the sample and the three print fixtures, in volume order (by date)
900003 (1956), 900002 (1964), 116488 (1965), 900001 (1966). The keyed names: 116488 and
900001 name Moskovsky, Kim Chang-man and Moscow; only 116488 names Kosygin; 900002 and
900003 name no register entry. The expectations below are written from that, by hand.
Real Saxon, Typst, pikepdf, pypdf and pdftotext; one edition folder rebuilt with each
configuration in turn, as an editor would change teikit.toml.
"""

from __future__ import annotations

import json
import re
import subprocess
import sys
from dataclasses import replace
from pathlib import Path

import pytest
from pypdf import PdfReader

from toolkit.builders import BuildConfig, BuildReport, run_builder
from toolkit.builders.html import HtmlBuilder
from toolkit.builders.pdf import PdfBuilder
from toolkit.builders.volume import PARTS_DIR
from toolkit.builders.volumes import Entry, auto_notice, plan_volumes, split_volumes
from toolkit.config import EditionConfig, PrintSettings

sys.path.insert(0, str(Path(__file__).resolve().parent))
from print_support import FIXTURES, SCREENSHOTS, make_edition  # noqa: E402


def pages_text(pdf: Path) -> list[str]:
    text = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], check=True,
                          capture_output=True, text=True).stdout
    return text.split("\f")[:-1]


def folio(page: str) -> int:
    """The page number printed at the foot of a page."""
    lines = [line.strip() for line in page.splitlines() if line.strip()]
    return int(lines[-1])


def outline(pdf: Path) -> dict[str, int]:
    """Top-level bookmark title -> its page (0-based)."""
    reader = PdfReader(pdf)
    return {item.title: reader.get_destination_page_number(item)
            for item in reader.outline if not isinstance(item, list)}


def index_pages(pages: list[str], label: str) -> list[int]:
    """The page numbers the index gives an entry (its line begins with the label)."""
    start = next(n for n, p in enumerate(pages) if p.lstrip().startswith("Index"))
    text = "\n".join(pages[start:])
    match = re.search(re.escape(label) + r",((?:\s*\d+,?)+)", text)
    assert match, f"{label} not in the index"
    return [int(n) for n in re.findall(r"\d+", match.group(1))]


class Recording(PdfBuilder):
    """The PDF builder, keeping the instance that finished (its counters of what it typeset)."""

    last: PdfBuilder | None = None
    report: BuildReport | None = None

    def __init__(self, config: BuildConfig) -> None:
        super().__init__(config)
        Recording.last = self


def build(config: BuildConfig, by: str, size: int = 1000) -> tuple[BuildConfig, PdfBuilder]:
    config = replace(config, edition=replace(config.edition, print=PrintSettings(
        part_size=1, volume_by=by, volume_size=size)))
    Recording.report = run_builder(Recording, config)
    assert Recording.last is not None
    return config, Recording.last


@pytest.fixture(scope="module")
def edition(tmp_path_factory: pytest.TempPathFactory) -> BuildConfig:
    base = tmp_path_factory.mktemp("volumes")
    source = make_edition(base / "tei", *sorted(FIXTURES.glob("*.xml")))
    return BuildConfig(source_dir=source, output_dir=base / "build", jobs=1,
                       edition=EditionConfig(title="Test Letters"))


@pytest.fixture(scope="module")
def by_count(edition: BuildConfig) -> BuildConfig:
    return build(edition, "count", 2)[0]


def test_count_makes_numbered_volumes_and_no_single_volume(by_count: BuildConfig) -> None:
    out = by_count.output_dir / "pdf"
    assert sorted(p.name for p in out.glob("edition*.pdf")) == ["edition-1.pdf", "edition-2.pdf"]
    listed = json.loads((out / "volumes.json").read_text("utf-8"))
    assert listed == [{"file": "edition-1.pdf", "number": 1, "name": "1956–1964"},
                      {"file": "edition-2.pdf", "number": 2, "name": "1965–1966"}]


def test_each_volume_has_its_own_title_and_documents(by_count: BuildConfig) -> None:
    out = by_count.output_dir / "pdf"
    for number, span, inside, outside in ((1, "1956–1964", ("Jelentés", "Hostile"), ("Memorandum on a",)),
                                          (2, "1965–1966", ("Report, Embassy", "Memorandum on a"), ("Hostile",))):
        pdf = out / f"edition-{number}.pdf"
        title_page = " ".join(pages_text(pdf)[0].split())
        assert f"Test Letters Volume {number}: {span}" in title_page
        assert f"2 documents, {span}" in title_page
        assert PdfReader(pdf).metadata.title == f"Test Letters — Volume {number}: {span}"
        marks = outline(pdf)
        assert all(any(t.startswith(w) for t in marks) for w in inside), marks
        assert not any(t.startswith(w) for t in marks for w in outside), marks


def test_volume_two_is_numbered_from_one_and_its_contents_and_index_are_right(by_count: BuildConfig) -> None:
    pdf = by_count.output_dir / "pdf" / "edition-2.pdf"
    pages = pages_text(pdf)
    assert folio(pages[1]) == 2  # the contents: the volume's own second page, not the edition's
    assert PdfReader(pdf).page_labels[:3] == ["1", "2", "3"]
    marks = outline(pdf)
    listing = " ".join(next(p for p in pages if p.lstrip().startswith("List of documents")).split())
    for doc, title in (("116488", "Report, Embassy"), ("900001", "Memorandum on a")):
        start = next(page for t, page in marks.items() if t.startswith(title))
        match = re.search(doc + r" .*?\. (\d+)(?!\d)", listing)
        assert match and int(match.group(1)) == folio(pages[start]) == start + 1, (doc, listing)
    # the index: every page it gives Moskovsky names him there, and none of his pages is missed
    given = index_pages(pages, "Moskovsky, Vasily")
    body = range(marks[next(t for t in marks if t.startswith("Report, Embassy"))], marks["Index"])
    naming = [folio(pages[n]) for n in body if "Moskovsky" in pages[n]]
    assert given == naming and len(given) >= 2, (given, naming)
    assert (by_count.output_dir / "pdf" / PARTS_DIR / "edition-2" / "part-0002.pdf").is_file()


def test_a_change_rebuilds_only_its_volume(by_count: BuildConfig) -> None:
    out = by_count.output_dir / "pdf"
    first = (out / "edition-1.pdf").stat()
    matter = out / PARTS_DIR / "edition-1" / "matter.pdf"
    matter_before = (matter.stat().st_mtime_ns, matter.stat().st_ino)
    second = (out / "edition-2.pdf").read_bytes()
    path = by_count.source_dir / "900001.xml"
    text = path.read_text("utf-8")
    path.write_text(text.replace("He said that the deliveries", "He said that the EDITEDWORD deliveries"), "utf-8")
    try:
        _, builder = build(by_count, "count", 2)
        # the volume stage and the assembly (its parts' XML written, its matter) of volume 2 only
        assert (builder.parts_typeset, builder.volumes_merged, builder.volumes_staged,
                builder.volumes_assembled) == (1, 1, 1, 1)
        assert (matter.stat().st_mtime_ns, matter.stat().st_ino) == matter_before  # volume 1's, cached
        assert (out / "edition-1.pdf").stat().st_ino == first.st_ino  # not written again
        assert (out / "edition-1.pdf").stat().st_mtime_ns == first.st_mtime_ns
        assert (out / "edition-2.pdf").read_bytes() != second
        assert any("EDITEDWORD" in p for p in pages_text(out / "edition-2.pdf"))
    finally:
        path.write_text(text, "utf-8")


def test_by_year_names_the_files_by_year_and_indexes_only_the_volume(by_count: BuildConfig) -> None:
    build(by_count, "count", 2)  # the document the last test edited and restored, rebuilt
    config, _ = build(by_count, "year")
    out = config.output_dir / "pdf"
    # a new split re-assembles the volumes and typesets no document's own PDF again
    assert Recording.report is not None and Recording.report.rebuilt == ()
    assert set(Recording.report.written) >= {out / f"edition-{y}.pdf" for y in ("1956", "1964", "1965", "1966")}
    assert sorted(p.name for p in out.glob("edition*.pdf")) == [
        "edition-1956.pdf", "edition-1964.pdf", "edition-1965.pdf", "edition-1966.pdf"]
    assert sorted(p.name for p in (out / PARTS_DIR).iterdir()) == [
        "edition-1956", "edition-1964", "edition-1965", "edition-1966"]  # the count's parts gone
    pages = pages_text(out / "edition-1966.pdf")
    assert "Volume 4: 1966" in " ".join(pages[0].split())
    text = "\n".join(pages)
    assert index_pages(pages, "Moskovsky, Vasily")
    assert "Kosygin" not in text  # named only in 116488, of 1965: not this volume's index
    assert "Kosygin, Alexei" in "\n".join(pages_text(out / "edition-1965.pdf"))
    # a page of each volume, looked at by eye (build/screenshots/volume-YEAR-1.png)
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    for year in ("1956", "1964", "1965", "1966"):
        subprocess.run(["pdftoppm", "-r", "50", "-png", "-f", "1", "-l", "1", str(out / f"edition-{year}.pdf"),
                        str(SCREENSHOTS / f"volume-{year}")], check=True)


def test_by_collection_reads_the_header_and_back_to_one_volume(by_count: BuildConfig) -> None:
    # an invented document of a named collection (msIdentifier/collection), else the archive's
    path = by_count.source_dir / "900004.xml"
    text = (FIXTURES / "900001.xml").read_text("utf-8")
    path.write_text(text.replace("900001", "900004").replace(
        "<repository>Fixture Archive</repository>",
        "<repository>Fixture Archive</repository>\n<collection>Korean War Collection</collection>"), "utf-8")
    try:
        config, _ = build(by_count, "collection")
        out = config.output_dir / "pdf"
        listed = json.loads((out / "volumes.json").read_text("utf-8"))
        assert [(v["file"], v["name"]) for v in listed] == [
            ("edition-archive-of-import-lib-typ.pdf", 'Archive of #import "lib.typ": *'),
            ("edition-fixture-archive.pdf", "Fixture Archive"),
            ("edition-korean-war-collection.pdf", "Korean War Collection"),
            ("edition-magyar-nemzeti-leveltar.pdf", "Magyar Nemzeti Levéltár"),
            ("edition-national-archives-of-hungary-mol.pdf", "National Archives of Hungary (MOL)")]
        assert sorted(p.name for p in out.glob("edition*.pdf")) == sorted(v["file"] for v in listed)
        assert "Volume 3: Korean War Collection" in " ".join(pages_text(out / listed[2]["file"])[0].split())
    finally:
        path.unlink()
    config, _ = build(by_count, "none")
    out = config.output_dir / "pdf"
    assert sorted(p.name for p in out.glob("edition*.pdf")) == ["edition.pdf"]
    assert not [p for p in (out / PARTS_DIR).iterdir() if p.is_dir()]
    title_page = " ".join(pages_text(out / "edition.pdf")[0].split())
    assert "Volume" not in title_page and "4 documents, 1956–1966" in title_page


def test_the_web_edition_links_every_volume(by_count: BuildConfig) -> None:
    config, _ = build(by_count, "count", 2)
    run_builder(HtmlBuilder, config)
    site = config.output_dir / "html"
    for page in ("index.html", "about.html"):
        html = (site / page).read_text("utf-8")
        links = re.findall(r'<a href="(pdf/edition[^"]*)"[^>]*>([^<]*)</a>', html)
        assert links == [("pdf/edition-1.pdf", "Volume 1: 1956–1964"),
                         ("pdf/edition-2.pdf", "Volume 2: 1965–1966")], (page, links)
        assert "the print edition in 2 volumes: " in html.lower()
    assert sorted(p.name for p in (site / "pdf").glob("edition*")) == ["edition-1.pdf", "edition-2.pdf"]
    config, _ = build(by_count, "none")  # back to one volume: the pages link it alone again
    run_builder(HtmlBuilder, config)
    html = (site / "index.html").read_text("utf-8")
    assert re.findall(r'href="(pdf/edition[^"]*)"', html) == ["pdf/edition.pdf"]
    assert sorted(p.name for p in (site / "pdf").glob("edition*")) == ["edition.pdf"]


def outputs(config: BuildConfig) -> dict[str, bytes]:
    """The print edition's volumes and their list, by file name."""
    out = config.output_dir / "pdf"
    return {p.name: p.read_bytes() for p in sorted([*out.glob("edition*.pdf"), *out.glob("volumes.json")])}


def test_auto_within_volume_size_is_one_volume_byte_for_byte(by_count: BuildConfig,
                                                             capsys: pytest.CaptureFixture[str]) -> None:
    config, _ = build(by_count, "none", 2)
    single = outputs(config)
    assert sorted(single) == ["edition.pdf", "volumes.json"]
    capsys.readouterr()
    config, builder = build(by_count, "auto", 4)  # four documents: at most volume_size
    assert builder.volumes_assembled == 1  # assembled again (another configuration), the same
    assert outputs(config) == single
    assert "volume" not in capsys.readouterr().out  # nothing was split: no notice


def test_auto_past_volume_size_splits_as_count_and_says_so(by_count: BuildConfig,
                                                           capsys: pytest.CaptureFixture[str]) -> None:
    config, _ = build(by_count, "count", 3)
    counted = outputs(config)
    assert sorted(counted) == ["edition-1.pdf", "edition-2.pdf", "volumes.json"]
    assert "[print]" not in capsys.readouterr().out  # asked for: no notice
    config, _ = build(by_count, "auto", 3)
    assert outputs(config) == counted
    notice = [line for line in capsys.readouterr().out.splitlines() if "volume_size" in line]
    assert notice == ['pdf: 4 documents, more than [print] volume_size = 3: the print edition is split '
                      'into 2 volumes (edition-1.pdf to edition-2.pdf); set [print] volume_by = "none" '
                      'for one volume, "year" or "collection" for another split']
    # "none" asked for stays one volume however many the documents
    config, _ = build(by_count, "none", 3)
    assert sorted(outputs(config)) == ["edition.pdf", "volumes.json"]
    assert "[print]" not in capsys.readouterr().out


def test_auto_is_none_up_to_volume_size_and_count_past_it() -> None:
    entries = [Entry(f"d{n}", f"19{50 + n}-01-01", "") for n in range(5)]
    assert plan_volumes(entries, "auto", 5) == plan_volumes(entries, "none", 5)  # at the size: one
    assert plan_volumes(entries, "auto", 4) == plan_volumes(entries, "count", 4)
    assert [v.ids for v in plan_volumes(entries, "auto", 4)] == [("d0", "d1", "d2", "d3"), ("d4",)]
    assert plan_volumes(entries, "none", 1)[0].file == "edition.pdf"
    assert auto_notice("auto", 5, 5) == auto_notice("count", 4, 5) == auto_notice("none", 4, 5) == ""
    assert "into 3 volumes (edition-1.pdf to edition-3.pdf)" in auto_notice("auto", 2, 5)


def test_split_keeps_each_volumes_own_index_entries_and_orders_collections() -> None:
    """The split alone, on a volume XML written by hand."""
    def doc(id_: str, when: str, archive: str, *keys: str) -> str:
        names = "".join(f'<name key="{k}" kind="person">{k}</name>' for k in keys)
        return f'<doc id="{id_}" when="{when}"><meta><archive>{archive}</archive></meta><text>{names}</text></doc>'
    xml = ('<volume title="T" count="4" from="1950" to="1961"><edition/><front/>'
           + doc("a", "1950-02-01", "Zeta", "p#x") + doc("b", "1951-01-01", "alpha", "p#y")
           + doc("c", "1961-05-05", "Alpha", "p#x", "p#z") + doc("d", "", "", "p#w")
           + '<index kind="person" heading="Persons"><entry key="p#w">W</entry><entry key="p#x">X</entry>'
           '<entry key="p#y">Y</entry><entry key="p#z">Z</entry></index></volume>')
    by_count = split_volumes(xml, "count", 3)
    assert [(v.file, v.name) for v in by_count] == [("edition-1.pdf", "1950–1961"),
                                                    ("edition-2.pdf", "Undated documents")]
    assert 'from="1950" to="1961"' in by_count[0].xml and "from=" not in by_count[1].xml
    assert re.findall(r'entry key="([^"]+)"', by_count[1].xml) == ["p#w"]
    by_year = split_volumes(xml, "year", 1)
    assert [v.file for v in by_year] == ["edition-1950.pdf", "edition-1951.pdf", "edition-1961.pdf",
                                         "edition-undated.pdf"]
    assert re.findall(r'entry key="([^"]+)"', by_year[2].xml) == ["p#x", "p#z"]
    by_collection = split_volumes(xml, "collection", 1)
    assert [(v.file, v.name) for v in by_collection] == [
        ("edition-alpha.pdf", "Alpha"), ("edition-alpha-2.pdf", "alpha"),
        ("edition-zeta.pdf", "Zeta"), ("edition-other.pdf", "Other documents")]
    assert [v.number for v in by_collection] == [1, 2, 3, 4]
    assert split_volumes(xml, "none", 1)[0].xml == xml

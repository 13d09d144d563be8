"""The EPUB 3 of the volume (issue #12, item 7): valid under epubcheck with no error and no
warning, footnotes as EPUB 3 footnotes, navigation with the front matter, the documents in date
order and the registers, metadata from teikit.toml, the URL filter, and the same bytes from the
same edition. One real build (real Saxon, real epubcheck) of the sample, the print fixtures
(footnotes, hostile text, other scripts) and a document with script URLs."""

from __future__ import annotations

import re
import shutil
import subprocess
import zipfile
from dataclasses import dataclass
from pathlib import Path

import pytest
from lxml import etree

from toolkit.builders import BuildConfig, run_builder
from toolkit.builders.epub import EpubBuilder, epub_name
from toolkit.config import load_config

ROOT = Path(__file__).resolve().parents[2]
FIXTURES = ROOT / "tests" / "print" / "fixtures"
SAMPLE_URI = "https://wilson-center.drivingcreative.com/document/116488"
XHTML = "http://www.w3.org/1999/xhtml"
EPUB_NS = "http://www.idpf.org/2007/ops"
OPF = "http://www.idpf.org/2007/opf"
NS = {"h": XHTML, "epub": EPUB_NS, "opf": OPF, "dc": "http://purl.org/dc/elements/1.1/"}

CONFIG = """\
title = "Letters from Pyongyang"
subtitle = "Hungarian reports, 1956-1966"
publisher = "The Test Archive"
year = 2025
languages = ["en"]
about = "about.md"
editorial_principles = "principles.md"
funders = ["The Test Foundation"]

[[editors]]
name = "Ada Editor"
role = "general editor"

[licence]
name = "CC BY 4.0"
url = "https://creativecommons.org/licenses/by/4.0/"
"""

ABOUT = "# About the letters\n\nReports of the [embassy](https://example.org/e) and [a script](javascript:alert(3)).\n"
PRINCIPLES = "Supplied words are *italic* in brackets.\n"


def hostile() -> str:
    """The sample with script URLs where the archive's URL and the citation's link were."""
    text = (ROOT / "tei" / "116488.xml").read_text("utf-8")
    text = text.replace(f'<idno type="URI">{SAMPLE_URI}</idno>', '<idno type="URI"> JavaScript:alert(1)</idno>')
    text = text.replace(f'<ref target="{SAMPLE_URI}">', '<ref target="javascript:alert(2)">')
    text = text.replace("<idno>116488</idno>", "<idno>900099</idno>", 1)
    assert text.count("alert(") == 2
    return text


@dataclass(frozen=True)
class Book:
    path: Path
    config: BuildConfig

    def files(self) -> dict[str, bytes]:
        with zipfile.ZipFile(self.path) as book:
            return {name: book.read(name) for name in book.namelist()}

    def xml(self, name: str) -> etree._Element:
        return etree.fromstring(self.files()[f"EPUB/{name}"])


def make_source(base: Path) -> BuildConfig:
    tei = base / "tei"
    tei.mkdir(parents=True)
    shutil.copy(ROOT / "tei" / "116488.xml", tei)
    for fixture in sorted(FIXTURES.glob("*.xml")):
        shutil.copy(fixture, tei)
    (tei / "900099.xml").write_text(hostile(), "utf-8")
    shutil.copy(Path(__file__).parent / "fixtures" / "900098.xml", tei)
    shutil.copytree(ROOT / "tei" / "registers", tei / "registers")
    (base / "teikit.toml").write_text(CONFIG, "utf-8")
    (base / "about.md").write_text(ABOUT, "utf-8")
    (base / "principles.md").write_text(PRINCIPLES, "utf-8")
    return BuildConfig(source_dir=tei, output_dir=base / "build",
                       edition=load_config(base / "teikit.toml"), jobs=1)


@pytest.fixture(scope="module")
def book(tmp_path_factory: pytest.TempPathFactory) -> Book:
    config = make_source(tmp_path_factory.mktemp("epub"))
    run_builder(EpubBuilder, config)
    return Book(config.output_dir / "epub" / epub_name(config), config)


def epubcheck(path: Path) -> subprocess.CompletedProcess[str]:
    """Debian's epubcheck (system-packages.txt); its jar run by java where the jar is not
    executable by itself (no binfmt for jars in containers)."""
    jar = Path("/usr/share/java/epubcheck.jar")
    assert jar.is_file() and shutil.which("java"), "epubcheck is not installed: see system-packages.txt"
    return subprocess.run(["java", "-jar", str(jar), str(path)], capture_output=True, text=True, timeout=600)


def test_epubcheck_finds_no_error_and_no_warning(book: Book) -> None:
    result = epubcheck(book.path)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "Messages: 0 fatals / 0 errors / 0 warnings" in result.stdout, result.stdout + result.stderr


def test_the_container_is_reproducible(book: Book, tmp_path: Path) -> None:
    with zipfile.ZipFile(book.path) as archive:
        infos = archive.infolist()
    first = infos[0]
    assert first.filename == "mimetype" and first.compress_type == zipfile.ZIP_STORED and not first.extra
    assert book.path.read_bytes()[30:38] == b"mimetype" and b"application/epub+zip" in book.path.read_bytes()[:80]
    assert {info.date_time for info in infos} == {(1980, 1, 1, 0, 0, 0)}
    # a second edition of the same input in another folder: the same bytes
    again = make_source(tmp_path)
    run_builder(EpubBuilder, again)
    assert (again.output_dir / "epub" / book.path.name).read_bytes() == book.path.read_bytes()
    # a no-op rebuild rebuilds nothing and keeps the bytes; a forced one makes the same bytes
    before = book.path.read_bytes()
    assert run_builder(EpubBuilder, book.config).rebuilt == ()
    forced = run_builder(EpubBuilder, BuildConfig(**{**book.config.__dict__, "force": True}))
    assert len(forced.rebuilt) == 6 and book.path.read_bytes() == before


def test_the_web_edition_gets_a_copy(book: Book) -> None:
    copy = book.config.output_dir / "html" / "epub" / "letters-from-pyongyang.epub"
    assert copy.read_bytes() == book.path.read_bytes()


def test_metadata_from_the_configuration(book: Book) -> None:
    package = book.xml("package.opf")
    metadata = package.find("opf:metadata", NS)
    assert metadata is not None
    assert [t.text for t in metadata.findall("dc:title", NS)] == ["Letters from Pyongyang",
                                                                 "Hungarian reports, 1956-1966"]
    assert metadata.findtext("dc:creator", namespaces=NS) == "Ada Editor"
    assert metadata.findtext("dc:publisher", namespaces=NS) == "The Test Archive"
    assert metadata.findtext("dc:language", namespaces=NS) == "en"
    assert "CC BY 4.0" in (metadata.findtext("dc:rights", namespaces=NS) or "")
    assert (metadata.findtext("dc:identifier", namespaces=NS) or "").startswith("urn:uuid:")
    modified = metadata.find("opf:meta[@property='dcterms:modified']", NS)
    assert modified is not None and re.fullmatch(r"\d{4}-\d\d-\d\dT00:00:00Z", modified.text or "")


def test_navigation_has_front_matter_documents_in_date_order_and_registers(book: Book) -> None:
    nav = book.xml("nav.xhtml")
    toc = nav.find(".//h:nav[@epub:type='toc']", NS)
    assert toc is not None
    top = ["".join(li.find("h:a", NS).itertext()) for li in toc.findall("h:ol/h:li", NS)]  # type: ignore[union-attr]
    assert top == ["Title page", "About the letters", "Editorial principles", "Abbreviations",
                   "List of documents", "Documents", "Persons", "Places", "Organisations"]
    documents = [a.get("href") for a in toc.findall("h:ol/h:li[6]/h:ol/h:li/h:a", NS)]
    # 900003 1956, 900098 1957, 900002 1964, 116488 and 900099 1965 (by number), 900001 1966
    assert documents == ["doc-900003.xhtml", "doc-900098.xhtml", "doc-900002.xhtml",
                         "doc-116488.xhtml", "doc-900099.xhtml", "doc-900001.xhtml"]
    spine = [ref.get("idref") for ref in book.xml("package.opf").findall("opf:spine/opf:itemref", NS)]
    assert spine[:2] == ["f1", "nav"]


def test_footnotes_are_epub_footnotes_at_their_marks(book: Book) -> None:
    chapter = book.xml("doc-900001.xhtml")
    marks = chapter.findall(".//h:a[@epub:type='noteref']", NS)
    notes = chapter.findall(".//h:aside[@epub:type='footnote']", NS)
    assert len(marks) == len(notes) == 4
    for number, (mark, note) in enumerate(zip(marks, notes), start=1):
        assert mark.text == str(number) and mark.get("href") == f"#n{number}" and note.get("id") == f"n{number}"
        back = note.find(".//h:a", NS)
        assert back is not None and back.get("href") == f"#nr{number}" and mark.get("id") == f"nr{number}"
    texts = [" ".join("".join(n.itertext()).split()) for n in notes]
    assert [t.split()[1] for t in texts] == ["FIRSTNOTE", "SECONDNOTE", "THIRDNOTE", "FOURTHNOTE"]


def test_a_group_of_texts_has_one_footnote_numbering_and_its_blocks(book: Book) -> None:
    chapter = book.xml("doc-900098.xhtml")
    marks = [a.get("href") for a in chapter.findall(".//h:a[@epub:type='noteref']", NS)]
    notes = [n.get("id") for n in chapter.findall(".//h:aside[@epub:type='footnote']", NS)]
    assert marks == ["#n1", "#n2"] and notes == ["n1", "n2"]
    text = " ".join(" ".join(chapter.itertext()).split())
    assert "Two letters about the harvest. [ SUMMARYNOTE ]" in text  # the summary's note inline
    assert "and [p. 2] beta." in text.replace("and [p. 2]beta", "and [p. 2] beta")
    hrefs = [a.get("href") for a in chapter.iter(f"{{{XHTML}}}a")]
    assert "https://example.org/harvest" in hrefs and "mailto:editors@example.org" in hrefs
    assert not any("javascript" in (h or "") for h in hrefs)
    assert chapter.find(".//h:td[@colspan='2']", NS) is not None
    assert len(chapter.findall(".//h:ol/h:li", NS)) == 2
    quote = chapter.find(".//h:blockquote/h:p", NS)
    assert quote is not None and quote.text == "INNERQUOTE"
    assert quote.getparent().getparent().tag == f"{{{XHTML}}}section"  # in the text, not in a p


def test_names_link_to_register_entries_that_link_back(book: Book) -> None:
    files = book.files()
    ids = {name: set(etree.fromstring(data).xpath("//@id")) for name, data in files.items()
           if name.endswith(".xhtml")}
    chapter = book.xml("doc-116488.xhtml")
    names = chapter.findall(".//h:a[@class='name']", NS)
    assert len(names) > 30
    for link in names:
        page, _, entry = (link.get("href") or "").partition("#")
        assert entry in ids[f"EPUB/{page}"], link.get("href")
    persons = book.xml("persons.xhtml")
    kosygin = persons.find(".//h:section[@id='kosygin']", NS)
    assert kosygin is not None
    assert "doc-116488.xhtml" in [a.get("href") for a in kosygin.findall(".//h:a", NS)]


def test_the_front_matter_pages(book: Book) -> None:
    about = book.xml("about.xhtml")
    assert about.findtext(".//h:h1", namespaces=NS) == "About the letters"
    paragraph = about.find(".//h:body//h:p", NS)
    assert paragraph is not None and "".join(paragraph.itertext()) == "Reports of the embassy and a script."
    assert [a.get("href") for a in paragraph.findall("h:a", NS)] == ["https://example.org/e"]
    title = " ".join(" ".join(book.xml("title.xhtml").find(".//h:body", NS).itertext()).split())  # type: ignore[union-attr]
    for words in ("Letters from Pyongyang", "6 documents", "Ada Editor, general editor",
                  "The Test Archive, 2025", "Licence: CC BY 4.0", "Funded by The Test Foundation."):
        assert words in title, title
    abbreviations = book.xml("abbreviations.xhtml")
    assert ["CPSU", "Communist Party of the Soviet Union"] in [
        ["".join(dt.itertext()), "".join(dd.itertext())]
        for dt, dd in zip(abbreviations.iterfind(".//h:dt", NS), abbreviations.iterfind(".//h:dd", NS))]
    rows = book.xml("documents.xhtml").findall(".//h:tbody/h:tr", NS)
    assert ["".join(td.itertext()) for td in rows[3]] == [
        "116488", "8 January 1965", "Report, Embassy of Hungary in North Korea to the Hungarian Foreign Ministry"]


def test_no_script_url_reaches_the_book(book: Book) -> None:
    for name, data in book.files().items():
        if name.endswith((".xhtml", ".opf")):
            hrefs = etree.fromstring(data).xpath("//@href | //@src")
            assert not any(re.match(r"\s*javascript:", str(h), re.I) for h in hrefs), name
    chapter = b"".join(v for k, v in book.files().items() if k.endswith("doc-900099.xhtml"))
    assert b"Source: " not in chapter  # the script was the only source URL: no link, no line


def test_epub_is_a_build_target(tmp_path: Path) -> None:
    from toolkit.cli import main
    config = make_source(tmp_path)
    for path in config.source_dir.glob("9*.xml"):  # the sample alone: it validates
        path.unlink()
    out = tmp_path / "out"
    assert main(["build", str(config.source_dir), "-o", str(out), "--only", "epub", "-j", "1"]) == 0
    assert (out / "epub" / "letters-from-pyongyang.epub").is_file()
    assert not (out / "pdf").exists()


def test_no_book_without_documents(book: Book, tmp_path: Path) -> None:
    config = make_source(tmp_path)
    run_builder(EpubBuilder, config)
    assert (config.output_dir / "epub" / "letters-from-pyongyang.epub").is_file()
    for path in config.source_dir.glob("*.xml"):
        path.unlink()
    run_builder(EpubBuilder, config)
    assert not list((config.output_dir / "epub").glob("*.epub"))
    assert not list((config.output_dir / "html" / "epub").glob("*.epub"))

"""The document and edition pages as Saxon writes them: golden sample, every kind of markup."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from lxml import etree, html

from teitest import assert_tei_all
from web.support import FIXTURE_ID, FIXTURES, ROOT, SAMPLE_ID, page
from toolkit.builders.base import BuildConfig, Document
from toolkit.builders.html import HtmlBuilder

VNU = ROOT / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"


def cls(name: str) -> str:
    """XPath test for one class among several."""
    return f"contains(concat(' ', normalize-space(@class), ' '), ' {name} ')"


def cls_of(node: html.HtmlElement) -> set[str]:
    return set((node.get("class") or "").split())


def text(node: html.HtmlElement) -> str:
    return " ".join(node.text_content().split())


def normalised(path: Path) -> str:
    """The page pretty-printed: white space between blocks dropped (lxml then puts each block
    on its own line), runs of white space inside text collapsed. A stable, readable golden
    file whose diffs show what changed."""
    tree = html.fromstring(path.read_bytes())
    for element in tree.iter():
        if not isinstance(element.tag, str):
            continue
        block = element.tag in BLOCKS
        if element.text is not None:
            element.text = None if block and not element.text.strip() else re.sub(r"\s+", " ", element.text)
        parent = element.getparent()
        if element.tail is not None:
            in_block = parent is not None and parent.tag in BLOCKS
            element.tail = None if in_block and not element.tail.strip() else re.sub(r"\s+", " ", element.tail)
    body = etree.tostring(tree, method="html", pretty_print=True, encoding="unicode")
    return "<!DOCTYPE html>\n" + body


BLOCKS = {"html", "head", "body", "header", "nav", "main", "footer", "article", "section", "aside",
          "div", "ul", "ol", "dl", "table", "tbody", "thead", "tr", "fieldset", "form", "figure"}


# -------------------------------------------------------------------------- golden page

def test_sample_document_page_matches_golden(site: Path, file_regression: object) -> None:
    """Reviewed by eye; regenerate with --force-regen after a deliberate change."""
    file_regression.check(normalised(site / f"{SAMPLE_ID}.html"), extension=".html",  # type: ignore[attr-defined]
                          basename="sample_116488")


def test_fixture_is_valid_tei(tei_all: etree.RelaxNG) -> None:
    assert_tei_all(tei_all, etree.parse(str(FIXTURES / f"{FIXTURE_ID}.xml")))


# --------------------------------------------------------------------- the document page

def test_document_page_has_the_metadata_a_reader_needs(site: Path) -> None:
    doc = page(site, f"{SAMPLE_ID}.html")
    assert doc.get("lang") == "en"
    assert text(doc.xpath("//h1")[0]) == ("Report, Embassy of Hungary in North Korea to the "
                                          "Hungarian Foreign Ministry")
    assert doc.xpath("//time[@datetime='1965-01-08']")[0].text == "8 January 1965"
    meta = {text(d.xpath("dt")[0]): text(d.xpath("dd")[0]) for d in doc.xpath("//dl[@class='tk-meta']/div")}
    assert meta == {
        "Archive": "National Archives of Hungary (MOL)",
        "Signature": "XIX-J-1-j Korea, 1965, 73. doboz, IV-100, 001819/1965",
        "Original language": "Hungarian",
        "Translated by": "Balázs Szalontai",
        "Funded by": "Leon Levy Foundation",
        "Sponsored by": "CWIHP; NKIDP",
    }
    summary = text(doc.xpath("//section[@class='tk-summary']")[0])
    assert "reports on information obtained through Soviet ambassador" in summary
    citation = " ".join(text(p) for p in doc.xpath("//div[@id='citation']/p"))
    assert citation.startswith("“Report, Embassy of Hungary in North Korea")
    assert "translated by Balázs Szalontai" in citation and "document 116488" in citation
    # one citation: the archive's record is its source, said once; no base URL, no permalink
    # (a permalink made from whatever host served the page would not be one)
    assert citation.count("National Archives of Hungary (MOL)") == 1
    assert citation.count("https://wilson-center.drivingcreative.com/document/116488") == 1
    assert "Source: National Archives of Hungary (MOL), XIX-J-1-j Korea" in citation
    assert not doc.xpath("//a[@class='tk-permalink']")
    assert doc.xpath("//p[@class='tk-cite-formats']/a/@href") == [
        f"cite/{SAMPLE_ID}.json", f"cite/{SAMPLE_ID}.bib", f"cite/{SAMPLE_ID}.ris"]
    downloads = doc.xpath("//section[@class='tk-downloads']//a/@href")
    assert downloads == [f"tei/{SAMPLE_ID}.xml", f"pdf/{SAMPLE_ID}.pdf"]
    assert (site / "tei" / f"{SAMPLE_ID}.xml").read_bytes() == (ROOT / "tei" / f"{SAMPLE_ID}.xml").read_bytes()


def test_permalink_is_absolute_when_the_base_url_is_known(tmp_path: Path) -> None:
    builder = HtmlBuilder(BuildConfig(source_dir=ROOT / "tei", output_dir=tmp_path,
                                      base_url="https://edition.example.org/html"))
    builder.prepare()
    builder.write_one(Document(ROOT / "tei" / f"{SAMPLE_ID}.xml"))
    doc = page(tmp_path / "html", f"{SAMPLE_ID}.html")
    assert doc.xpath("//a[@class='tk-permalink']/@href") == [
        f"https://edition.example.org/html/{SAMPLE_ID}.html"]
    assert doc.xpath("//link[@rel='canonical']/@href") == [
        f"https://edition.example.org/html/{SAMPLE_ID}.html"]


def test_every_kind_of_editorial_markup_is_rendered(site: Path) -> None:
    doc = page(site, f"{FIXTURE_ID}.html")
    body = doc.xpath("//div[@class='tk-text']")[0]

    def one(xpath: str) -> html.HtmlElement:
        found = body.xpath(xpath)
        assert found, f"nothing matches {xpath}"
        return found[0]

    # supplied: brackets, italic part, tooltip with who and why, for each reason
    ident = one(f".//span[{cls('tk-supplied')}][contains(., 'Soviet Ambassador')]")
    assert text(ident) == "[Soviet Ambassador]"
    assert ident.get("data-tip") == ("Supplied by the translator (Jane Translator): "
                                     "identifies the name that follows.")
    assert ident.xpath(f"span[{cls('tk-mark')}]/text()") == ["[", "]"]
    clar = one(f".//span[{cls('tk-supplied')}][contains(., 'the leaders')]")
    assert "clarifies the text" in clar.get("data-tip")
    term = one(f".//span[{cls('tk-supplied')}][.//span[@lang='ko-Latn']]")
    assert text(term) == "[Kor. juche]" and "term of the original" in term.get("data-tip")
    # gaps: […] with the reason and the description in the tooltip
    gaps = body.xpath(f".//span[{cls('tk-gap')}]")
    assert [text(g) for g in gaps] == ["[…]", "[two words illegible]", "[…]", "[…]", "[…]"]
    # an illegible passage is its own kind, not an omission: its own class and sign
    illegible = gaps[1]
    assert cls_of(illegible) >= {"tk-gap-lacuna", "tk-gap-illegible"} and "tk-gap-omitted" not in cls_of(illegible)
    assert illegible.xpath("span[@class='tk-gap-desc']/text()") == ["two words illegible"]
    assert all("tk-gap-omitted" in cls_of(g) and g.xpath("span[@class='tk-gap-sign']") for i, g in enumerate(gaps) if i != 1)
    tips = [g.get("data-tip") for g in gaps]
    assert "Omitted by the translator (Jane Translator)." in tips
    assert "Illegible in the source: two words illegible." in tips
    assert "Omitted by the translator (Jane Translator): signature." in tips
    assert body.xpath(f".//p[{cls('tk-gap-block')}]"), "a gap between paragraphs is a paragraph"
    # orig [reg] inside a name: the link keeps both, the reg is editorial-view only
    choice = one(f".//span[{cls('tk-regularised')}]")
    assert text(choice) == "Kim Chang-man [Kim Chang Man]"
    assert choice.xpath(f"span[{cls('tk-ed-only')}]//span[@class='tk-reg']/text()") == ["Kim Chang Man"]
    assert "gives the form “Kim Chang Man”" in choice.get("data-tip")
    assert choice.getparent().tag == "a" and choice.get("tabindex") is None
    # [sic], expansions, sic/corr
    sic = one(f".//span[{cls('tk-sic')}]")
    assert text(sic) == "recieved [sic]" and "marked [sic]" in sic.get("data-tip")
    expan = one(f".//span[{cls('tk-expan')}]")
    assert text(expan) == "Dep[artment]" and expan.xpath(".//span[@class='tk-ex']/text()") == ["artment"]
    corr = one(f".//span[{cls('tk-corrected')}]")
    assert text(corr) == "teh [the]" and "corrected by" in corr.get("data-tip")
    # notes: numbered markers in text order, one list after the text, linked both ways
    refs = body.xpath(".//a[@class='tk-noteref']")
    assert [r.get("href") for r in refs] == ["#note-1", "#note-2", "#note-3", "#note-4"]
    notes = doc.xpath("//ol[@class='tk-note-list']/li")
    assert [n.get("id") for n in notes] == ["note-1", "note-2", "note-3", "note-4", "note-5"]
    kinds = [text(n.xpath("span[@class='tk-note-kind']")[0]) for n in notes]
    assert kinds == ["Footnote of the source (1):", "Marginal note of the source:",
                     "Note of the translator:", "Description of the source by the translator:",
                     "Footnote of the source (2):"]
    assert "See the report of 30 April." in text(notes[0])
    assert notes[0].xpath("a[@class='tk-backref']/@href") == ["#noteref-1"]
    assert not notes[4].xpath("a[@class='tk-backref']"), "an unreferenced note has no place to go back to"
    # emphasis, links, page and line breaks
    assert one(".//b[contains(@class, 'tk-hi')]").text == "bold"
    assert one(".//i[contains(@class, 'tk-hi')]").text == "italic"
    assert one(".//a[@class='tk-ref']").get("href") == "https://example.org/doc"
    pb = one(f".//span[{cls('tk-pb')}]")
    assert text(pb) == "p. 2", "a page break without @n begins page 2"
    assert pb.get("data-tip") == "Page break in the source: page 2 begins here (pages counted by the edition)."
    assert one(".//p[contains(., 'a line')]").xpath(".//br")
    # head, opener, point with label, closer with signature, residue
    assert one(".//h3[@class='tk-head']").text == "MEMORANDUM OF CONVERSATION"
    assert text(one(".//p[contains(@class, 'tk-seg')]")) == "From: the embassy"
    assert text(one(".//p[contains(@class, 'tk-dateline')]")) == "Pyongyang, 2 May 1963"
    point = one(f".//p[{cls('tk-point')}]")
    assert point.xpath("span[@class='tk-label']/text()") == ["1)"]
    signed = one(".//div[@class='tk-closer']/p[@class='tk-signed']")
    assert text(signed) == "JózsefKovács(ambassador)" and len(signed.xpath(".//br")) == 2
    fw = one(f".//p[{cls('tk-fw')}]")
    assert text(fw) == "Stray text of the source: II" and "outside the text" in fw.get("data-tip")
    assert fw.xpath("span[@class='tk-fw-text']/text()") == ["II"]
    # what other archives send
    add = one(f".//span[{cls('tk-add')}]")
    assert "inserted words" in text(add) and add.get("data-tip") == "Added (above) by Jane Translator."
    dele = one(".//del")
    assert text(dele) == "struck words" and "tk-ed-only" in dele.get("class")
    assert "faded" in one(f".//span[{cls('tk-unclear')}]").get("data-tip")
    assert [text(li) for li in body.xpath(".//ul[@class='tk-list']/li")] == ["first item", "second item"]
    assert [text(c) for c in body.xpath(".//table//th")] == ["Name", "Office"]
    assert text(one(".//blockquote/p")) == "A quoted paragraph."


def test_unknown_elements_are_rendered_with_their_text(site: Path, tmp_path: Path) -> None:
    doc = page(site, f"{FIXTURE_ID}.html")
    unknown = doc.xpath("//span[@data-tei='distinct']")
    assert [text(u) for u in unknown] == ["peculiar usage"]
    # elements of another namespace, inline and holding blocks, are not dropped either
    source = (FIXTURES / f"{FIXTURE_ID}.xml").read_text("utf-8").replace(
        "<list>", '<x:box xmlns:x="urn:other"><p>Boxed paragraph</p></x:box><list>').replace(
        "<distinct>peculiar usage</distinct>", '<x:odd xmlns:x="urn:other">odd words</x:odd>')
    (tmp_path / "tei").mkdir()
    path = tmp_path / "tei" / "900002.xml"
    path.write_text(source, "utf-8")
    builder = HtmlBuilder(BuildConfig(source_dir=ROOT / "tei", output_dir=tmp_path / "out"))
    builder.prepare()
    builder.write_one(Document(path))
    other = page(tmp_path / "out" / "html", "900002.html")
    assert text(other.xpath("//span[@data-tei='x:odd']")[0]) == "odd words"
    box = other.xpath("//div[@data-tei='x:box']")[0]
    assert text(box.xpath("p")[0]) == "Boxed paragraph"


def test_names_link_to_register_entries_that_link_back(site: Path) -> None:
    doc = page(site, f"{SAMPLE_ID}.html")
    mentions = doc.xpath(f"//*[{cls('tk-name')}]")
    names = doc.xpath(f"//a[{cls('tk-name')}]")
    assert len(mentions) > 100
    ids = [n.get("id") for n in mentions]
    assert len(set(ids)) == len(ids) and all(re.fullmatch(r"m-\d+", i) for i in ids)
    # quietly: a block links each entry once, at its first mention; the others are plain text
    # with their anchor (the register's passages link to every mention)
    assert 50 < len(names) < len(mentions)
    for block in doc.xpath("//div[@class='tk-text']//p"):
        hrefs = block.xpath(f".//a[{cls('tk-name')}]/@href")
        assert len(hrefs) == len(set(hrefs)), text(block)[:60]
    cuba = doc.xpath(f"//p[@data-ref='5']//*[{cls('tk-name')}][. = 'Cuba']")
    assert [c.tag for c in cuba] == ["a", "span", "span", "span", "span", "span"]
    registers = {name: page(site, f"{name}.html") for name in ("persons", "places", "organisations")}
    for name in names:
        register, anchor = name.get("href").split(".html#")
        entry = registers[register].xpath(f"//article[@id='{anchor}']")
        assert entry, f"{name.get('href')} has no entry"
        back = entry[0].xpath(f".//a[@href='{SAMPLE_ID}.html#{name.get('id')}']")
        assert back, f"entry {anchor} does not link back to {name.get('id')}"
        shown = back[0].xpath("mark/text()") or [back[0].get("aria-label").split(": ", 1)[1]]
        assert shown == [text(name).replace(" [Kim Chang Man]", "")]
    kosygin = registers["persons"].xpath("//article[@id='kosygin']")[0]
    assert text(kosygin.xpath("h2")[0]) == "Alexei Kosygin"
    assert "Also written: Kosygin; Aleksei Kosygin; A. N. Kosygin" in text(kosygin)
    documents = kosygin.xpath(".//a[@class='tk-mention-doc']/@href")
    assert documents == [f"{FIXTURE_ID}.html", f"{SAMPLE_ID}.html"], "documents in date order"
    passages = kosygin.xpath(".//a[@class='tk-passage']")
    sample_passages = [p for p in passages if p.get("href").startswith(SAMPLE_ID)]
    assert len(sample_passages) == 13, "3 with context, 10 as numbered links"
    assert len(kosygin.xpath(f".//ol[@class='tk-passages']//a[starts-with(@href, '{SAMPLE_ID}')]")) == 3
    assert text(sample_passages[1]) == ("… the negotiations which had taken place between Comrade "
                                        "Kosygin, the chairman of the Soviet Union's Council of Ministers, …")


def test_index_timeline_and_search_pages(site: Path) -> None:
    index = page(site, "index.html")
    rows = index.xpath("//table[@id='documents']/tbody/tr")
    assert [r.get("data-date") for r in rows] == ["1963-05-02", "1965-01-08"]
    assert [r.xpath("td[2]/a/@href")[0] for r in rows] == [f"{FIXTURE_ID}.html", f"{SAMPLE_ID}.html"]
    assert index.xpath("//select[@id='filter-archive']/option/text()") == [
        "All archives", "Archive of Tests (1)", "National Archives of Hungary (MOL) (1)"]
    assert index.xpath("//select[@id='filter-lang']/option/@value") == ["", "hu", "ru"]
    assert index.xpath("//form[@id='filters']/@hidden"), "filters need JS: hidden without it"
    assert index.xpath("//a[@type='application/pdf']/@href") == ["pdf/edition.pdf"]
    timeline = page(site, "timeline.html")
    svg = timeline.xpath("//*[local-name()='svg']")[0]
    assert svg.get("role") == "img"
    assert [b.get("height") for b in svg.xpath(".//*[local-name()='rect']")] == ["160", "160"]
    assert timeline.xpath("//section[@id='period-1963-05']//a/@href") == [f"{FIXTURE_ID}.html"]
    search = page(site, "search.html")
    assert search.xpath("//script/@src") == ["assets/search.js", "assets/edition.js"]
    assert search.xpath("//script[@src='assets/search.js']/@type") == ["module"]
    # the index in shards (one for a small edition), listed for search.js
    assert json.loads((site / "pagefind" / "shards.json").read_text("utf-8")) == ["0"]
    assert (site / "pagefind" / "0" / "pagefind.js").is_file()
    assert (site / "assets" / "search.js").is_file()
    assert (site / "pagefind" / "0" / "pagefind-entry.json").is_file()
    assert (site / "assets" / "edition.css").is_file()


def test_pages_fetch_nothing_from_the_network(site: Path) -> None:
    for path in site.glob("*.html"):
        doc = html.fromstring(path.read_bytes())
        for url in doc.xpath("//script/@src | //link/@href | //img/@src | //iframe/@src"):
            assert not re.match(r"^(https?:)?//", url), f"{path.name} loads {url}"
    css = (site / "assets" / "edition.css").read_text()
    script = (site / "assets" / "edition.js").read_text()
    assert not re.search(r"https?://", css + script)
    assert not re.search(r"""url\(\s*['"]?(?:[a-z]+:)?//""", css)
    assert not re.search(r"""\bfetch\(\s*['"`](?:[a-z]+:)?//""", script)


@pytest.mark.skipif(not VNU.exists() or shutil.which("java") is None,
                    reason="the Nu Html Checker (npm vnu-jar) and java are needed")
def test_pages_are_valid_html5(site: Path) -> None:
    pages = sorted(str(p) for p in site.glob("*.html"))
    result = subprocess.run(["java", "-jar", str(VNU), "--errors-only", "--format", "text", *pages],
                            capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stderr + result.stdout


def test_text_that_looks_like_markup_is_shown_literally(tmp_path: Path) -> None:
    hostile = '<script>alert("x")</script> & "quoted" </p><!-- -->'
    escaped = hostile.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    source = (FIXTURES / f"{FIXTURE_ID}.xml").read_text("utf-8").replace(
        "Memorandum of Conversation on Every Kind of Markup", escaped).replace(
        "first item", escaped)
    (tmp_path / "tei").mkdir()
    path = tmp_path / "tei" / "900003.xml"
    path.write_text(source, "utf-8")
    builder = HtmlBuilder(BuildConfig(source_dir=ROOT / "tei", output_dir=tmp_path / "out"))
    builder.prepare()
    builder.write_one(Document(path))
    doc = page(tmp_path / "out" / "html", "900003.html")
    assert doc.xpath("//script/@src") == ["assets/edition.js"] and len(doc.xpath("//script")) == 1
    assert text(doc.xpath("//h1")[0]) == " ".join(hostile.split())
    assert text(doc.xpath("//ul[@class='tk-list']/li")[0]) == " ".join(hostile.split())
    assert hostile in doc.xpath("//title")[0].text


def test_notes_between_blocks_stand_in_the_text(tmp_path: Path) -> None:
    """A converted report's distribution list after the signature and a stamp laid out between
    paragraphs have no reference to number: they stand where the source has them, as a block
    (a div when it holds a list), not as numbered notes after the text."""
    layouts = ROOT / "tests" / "converter" / "layouts"
    subprocess.run([sys.executable, "-m", "toolkit", "convert", "-o", str(tmp_path / "tei"),
                    str(layouts / "005-record-of-conversation-sections.txt"),
                    str(layouts / "014-stamp-block-two-columns.txt")], check=True, capture_output=True)
    builder = HtmlBuilder(BuildConfig(source_dir=ROOT / "tei", output_dir=tmp_path / "out"))
    builder.prepare()
    written = {path.stem: path for path in sorted((tmp_path / "tei").glob("*.xml"))}
    for path in written.values():
        builder.write_one(Document(path))
    site = tmp_path / "out" / "html"
    pages = {stem: page(site, f"{stem}.html") for stem in written}
    distribution = [d for d in pages.values() if d.xpath("//*[@data-tip='Distribution list of the source.']")]
    assert len(distribution) == 1
    block = distribution[0].xpath("//*[@data-tip='Distribution list of the source.']")[0]
    assert block.tag == "div" and block.xpath(".//li"), "the list is a block in the text"
    assert not block.xpath("ancestor::*[contains(@class, 'tk-notes')]")
    assert not distribution[0].xpath("//li[contains(@class, 'tk-note')]"), "nothing is left to number"
    stamps = [d for d in pages.values() if d.xpath("//p[@data-tip='Stamp on the source.']")]
    assert len(stamps) == 1
    assert "Incoming" in text(stamps[0].xpath("//p[@data-tip='Stamp on the source.']")[0])
    result = subprocess.run(["java", "-jar", str(VNU), "--errors-only", "--format", "text",
                             *(str(site / f"{stem}.html") for stem in written)],
                            capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stderr + result.stdout

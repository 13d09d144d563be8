"""What issue 12 asked of the web edition, read from the built pages: passages citable by
their DTS references, previous/next in date order, one citation (and its files), the about
and abbreviations pages, the navigation, notes that stand in the text, the view help, the
configured date format, and what the search index is given to filter by."""

from __future__ import annotations

import dataclasses
import json
import re
import shutil
from pathlib import Path

from lxml import etree, html

from toolkit.builders.base import BuildConfig, run_builder
from toolkit.builders.epub import EpubBuilder, epub_name
from toolkit.builders.html import HtmlBuilder
from toolkit.config import load_config
from toolkit.frontmatter import abbreviations
from toolkit.server.citations import schemes
from web.support import FIXTURE_ID, FIXTURES, ROOT, SAMPLE_ID, make_source, page


def text(node: html.HtmlElement) -> str:
    return " ".join(node.text_content().split())


def build_with(source: Path, out: Path, toml: str | None = None, **changes: object) -> Path:
    """An HTML build of `source` with a teikit.toml (written beside it) and overrides."""
    edition = load_config(None)
    if toml is not None:
        (source.parent / "teikit.toml").write_text(toml, "utf-8")
        edition = load_config(source.parent / "teikit.toml")
    if changes:
        edition = dataclasses.replace(edition, **changes)  # type: ignore[arg-type]
    run_builder(HtmlBuilder, BuildConfig(source_dir=source, output_dir=out, edition=edition))
    return out / "html"


# ------------------------------------------------------------------- citable passages

def test_paragraph_ids_are_the_dts_references(site: Path) -> None:
    for identifier in (SAMPLE_ID, FIXTURE_ID):
        source = ROOT / "tei" / f"{identifier}.xml" if identifier == SAMPLE_ID else FIXTURES / f"{identifier}.xml"
        refs = [unit.identifier for unit in schemes(etree.parse(str(source)))[0].units]
        doc = page(site, f"{identifier}.html")
        shown = doc.xpath("//div[@class='tk-text']//*[@data-ref]")
        assert [e.get("id") for e in shown] == refs, identifier
        # each paragraph shows its number, a link to itself
        for element in shown:
            if element.tag == "p":
                number = element.xpath("a[@class='tk-pn']")[0]
                assert number.text == element.get("id") and number.get("href") == f"#{element.get('id')}"
    sample = page(site, f"{SAMPLE_ID}.html")
    third = sample.xpath("//*[@id='3']")[0]
    assert third.xpath("a[@class='tk-pn']/text()") == ["3"]
    assert text(third).startswith("31) The Korean leaders were distrustful"), "the number, then the label 1)"


def test_an_undeclared_document_is_cited_as_dts_derives_it(tmp_path: Path) -> None:
    """No refsDecl: DTS derives paragraph and section references (attachment1.2); the page
    uses the same, divs included."""
    source = tmp_path / "tei"
    source.mkdir()
    fixture = (FIXTURES / f"{FIXTURE_ID}.xml").read_text("utf-8")
    fixture = fixture.replace("<list>", '<div type="attachment"><note type="editorial" place="inline">'
                              "[Inclosure 1 in No. 12.]</note><p>First of the inclosure.</p>"
                              "<p>Second of the inclosure.</p></div><list>", 1)
    (source / "900003.xml").write_text(fixture, "utf-8")
    refs = [u.identifier for u in schemes(etree.parse(str(source / "900003.xml")))[0].units]
    assert "attachment1.2" in refs, refs
    site = build_with(source, tmp_path / "out")
    doc = page(site, "900003.html")
    assert [e.get("id") for e in doc.xpath("//div[@class='tk-text']//*[@data-ref]")] == refs
    assert text(doc.xpath("//*[@id='attachment1.2']")[0]) == "attachment1.2Second of the inclosure."
    # the inclosure's heading stays in the text, where the source prints it, and is no note
    heading = doc.xpath("//div[@id='attachment1']/p[contains(@class, 'tk-note-in-text')]")
    assert [text(h) for h in heading] == ["[Inclosure 1 in No. 12.]"]
    assert "[Inclosure 1" not in text(doc.xpath("//section[@class='tk-notes']")[0])


# --------------------------------------------------------------------- previous, next

def sequence(site: Path, identifier: str) -> dict[str, str]:
    nav = page(site, f"{identifier}.html").xpath("//nav[@class='tk-sequence']")[0]
    return {str(a.get("rel")): str(a.get("href")) for a in nav.xpath("a")}


def test_previous_and_next_follow_the_date_order_as_documents_come_and_go(tmp_path: Path) -> None:
    source = make_source(tmp_path / "tei")
    out = tmp_path / "build"
    site = build_with(source, out)
    assert sequence(site, FIXTURE_ID) == {"next": f"{SAMPLE_ID}.html"}  # 1963, then 1965
    assert sequence(site, SAMPLE_ID) == {"prev": f"{FIXTURE_ID}.html"}
    nav = page(site, f"{SAMPLE_ID}.html").xpath("//nav[@class='tk-sequence']/a")[0]
    assert text(nav) == "Previous Memorandum of Conversation on Every Kind of Markup 2 May 1963"
    # a document dated between them: both neighbours change, without being re-rendered
    between = (FIXTURES / f"{FIXTURE_ID}.xml").read_text("utf-8").replace(
        '<date when="1963-05-02">May 2, 1963</date>', '<date when="1964-06-01">June 1, 1964</date>').replace(
        "Memorandum of Conversation on Every Kind of Markup", "A &lt;Middle&gt; &amp; Document")
    (source / "900004.xml").write_text(between, "utf-8")
    report = run_builder(HtmlBuilder, BuildConfig(source_dir=source, output_dir=out))
    assert report.rebuilt == ("900004",)
    assert sequence(site, FIXTURE_ID) == {"next": "900004.html"}
    assert sequence(site, "900004") == {"prev": f"{FIXTURE_ID}.html", "next": f"{SAMPLE_ID}.html"}
    assert sequence(site, SAMPLE_ID) == {"prev": "900004.html"}
    assert "A <Middle> & Document" in text(page(site, SAMPLE_ID + ".html").xpath("//nav[@class='tk-sequence']")[0])
    # and when it leaves, the chain closes again
    (source / "900004.xml").unlink()
    run_builder(HtmlBuilder, BuildConfig(source_dir=source, output_dir=out))
    assert sequence(site, SAMPLE_ID) == {"prev": f"{FIXTURE_ID}.html"}


# ------------------------------------------------------------------------- citation

CONFIG = """title = "A Test Edition"
publisher = "Test Press"
year = 2026
base_url = "https://edition.example.org/docs/"
date_format = "month-day-year"
about = "about.md"
[[editors]]
name = "Ada Editor"
role = "general editor"
[[editors]]
name = "Bo Second"
[licence]
name = "CC BY 4.0"
url = "https://creativecommons.org/licenses/by/4.0/"
"""

ABOUT = """# About the test edition

Words with *emphasis*, a [safe link](https://example.org/) and a [bad one](javascript:alert(1)).

<script>alert("raw HTML is not passed through")</script>

## Editorial principles

Supplied words are in brackets.
"""


def configured_site(tmp_path: Path, config: str = CONFIG) -> Path:
    source = make_source(tmp_path / "tei")
    (tmp_path / "about.md").write_text(ABOUT, "utf-8")
    return build_with(source, tmp_path / "out", config)


def test_one_citation_of_the_edition_with_the_configured_permalink_and_its_files(tmp_path: Path) -> None:
    site = configured_site(tmp_path)
    doc = page(site, f"{SAMPLE_ID}.html")
    citation = " ".join(text(p) for p in doc.xpath("//div[@id='citation']/p"))
    assert citation == (
        "“Report, Embassy of Hungary in North Korea to the Hungarian Foreign Ministry”, January 8, "
        "1965, translated by Balázs Szalontai. In: A Test Edition, edited by Ada Editor and Bo Second "
        "(Test Press, 2026), document 116488, https://edition.example.org/docs/116488.html. Source: "
        "National Archives of Hungary (MOL), XIX-J-1-j Korea, 1965, 73. doboz, IV-100, 001819/1965; "
        "published by Wilson Center Digital Archive, "
        "https://wilson-center.drivingcreative.com/document/116488.")
    assert doc.xpath("//a[@class='tk-permalink']/@href") == ["https://edition.example.org/docs/116488.html"]
    # the configured date format, on the page as in the citation
    assert doc.xpath("//time[@datetime='1965-01-08']/text()") == ["January 8, 1965"]
    csl = json.loads((site / "cite" / f"{SAMPLE_ID}.json").read_text("utf-8"))
    assert len(csl) == 1
    item = csl[0]
    assert item["type"] == "manuscript" and item["container-title"] == "A Test Edition"
    assert item["editor"] == [{"literal": "Ada Editor"}, {"literal": "Bo Second"}]
    assert item["translator"] == [{"literal": "Balázs Szalontai"}]
    assert item["original-date"] == {"date-parts": [[1965, 1, 8]]}
    assert item["issued"] == {"date-parts": [[2026]]}
    assert item["URL"] == "https://edition.example.org/docs/116488.html"
    assert item["archive"] == "National Archives of Hungary (MOL)"
    assert item["archive_location"].startswith("XIX-J-1-j Korea")
    bib = (site / "cite" / f"{SAMPLE_ID}.bib").read_text("utf-8")
    assert bib.startswith("@incollection{116488,\n")
    assert "  editor = {Ada Editor and Bo Second},\n" in bib and bib.endswith("}\n")
    assert "  url = {https://edition.example.org/docs/116488.html}" in bib
    ris = (site / "cite" / f"{SAMPLE_ID}.ris").read_text("utf-8").splitlines()
    assert ris[0] == "TY  - MANSCPT" and ris[-1] == "ER  - "
    assert "A2  - Ada Editor" in ris and "A2  - Bo Second" in ris and "DA  - 1965/01/08" in ris
    assert all(re.fullmatch(r"[A-Z][A-Z0-9]  - .*", line) for line in ris)


def test_the_configured_citation_style_writes_the_cite_box_and_leaves_the_files(tmp_path: Path) -> None:
    chicago = configured_site(tmp_path / "chicago")
    apa = configured_site(tmp_path / "apa", 'citation_style = "apa"\n' + CONFIG)
    doc = page(apa, f"{SAMPLE_ID}.html")
    paragraphs = [text(p) for p in doc.xpath("//div[@id='citation']/p")]
    assert paragraphs[0] == (
        "Report, Embassy of Hungary in North Korea to the Hungarian Foreign Ministry (Balázs "
        "Szalontai, Trans.). (2026). In Ada Editor & Bo Second (Eds.), A Test Edition (Document "
        "116488). Test Press. https://edition.example.org/docs/116488.html (Original work dated "
        "January 8, 1965)")
    assert doc.xpath("//div[@id='citation']//cite/text()") == ["A Test Edition"]
    assert doc.xpath("//a[@class='tk-permalink']/@href") == ["https://edition.example.org/docs/116488.html"]
    # the source is said once, as in the default style
    assert paragraphs[1:] == [text(p) for p in page(chicago, f"{SAMPLE_ID}.html").xpath(
        "//div[@id='citation']/p")][1:]
    for suffix in ("json", "bib", "ris"):  # the files are data, the same in every style
        name = f"cite/{SAMPLE_ID}.{suffix}"
        assert (apa / name).read_bytes() == (chicago / name).read_bytes(), suffix


def test_citation_files_escape_what_their_formats_need(tmp_path: Path) -> None:
    source = tmp_path / "tei"
    source.mkdir()
    odd = (FIXTURES / f"{FIXTURE_ID}.xml").read_text("utf-8").replace(
        "Memorandum of Conversation on Every Kind of Markup", "Costs &amp; {braces} at 50% \\ #1 of $2 _x_")
    (source / "900005.xml").write_text(odd, "utf-8")
    site = build_with(source, tmp_path / "out")
    bib = (site / "cite" / "900005.bib").read_text("utf-8")
    assert r"title = {Costs \& \{braces\} at 50\% \textbackslash{} \#1 of \$2 \_x\_}" in bib
    assert json.loads((site / "cite" / "900005.json").read_text("utf-8"))[0]["title"] == \
        "Costs & {braces} at 50% \\ #1 of $2 _x_"
    assert "TI  - Costs & {braces} at 50% \\ #1 of $2 _x_" in (site / "cite" / "900005.ris").read_text("utf-8")


# --------------------------------------------------------------- about, abbreviations

def test_about_page_from_the_configuration_and_its_markdown(tmp_path: Path) -> None:
    site = configured_site(tmp_path)
    about = page(site, "about.html")
    assert text(about.xpath("//h1")[0]) == "A Test Edition"
    meta = {text(d.xpath("dt")[0]): text(d.xpath("dd")[0]) for d in about.xpath("//dl[contains(@class, 'tk-about-meta')]/div")}
    editors = about.xpath("//dl[contains(@class, 'tk-about-meta')]//li")
    assert [text(li) for li in editors] == ["Ada Editor (general editor)", "Bo Second (editor)"]
    assert meta["Published by"] == "Test Press, 2026"
    assert about.xpath("//a[@rel='license']/@href") == ["https://creativecommons.org/licenses/by/4.0/"]
    body = about.xpath("//section[@class='tk-about-text']")[0]
    assert [text(h) for h in body.xpath(".//h2 | .//h3")] == ["About the test edition", "Editorial principles"]
    assert body.xpath(".//em/text()") == ["emphasis"]
    assert body.xpath(".//a/@href") == ["https://example.org/"], "javascript: is no link"
    assert not about.xpath("//main//script"), "raw HTML of the Markdown is text, not markup"
    assert "raw HTML is not passed through" in text(body)
    nav = page(site, f"{SAMPLE_ID}.html").xpath("//nav[@class='tk-nav']//a/text()")
    assert nav == ["Documents", "Timeline", "Persons", "Places", "Organisations", "Abbreviations",
                   "Search", "About"]


def test_abbreviations_page_from_the_organisations_register(site: Path) -> None:
    doc = page(site, "abbreviations.html")
    rows = {text(d.xpath("dt")[0]): (text(d.xpath("dd")[0]), d.xpath("dd/a/@href")[0])
            for d in doc.xpath("//dl[@class='tk-abbreviations']/div")}
    assert rows["CPSU"] == ("Communist Party of the Soviet Union", "organisations.html#cpsu")
    assert rows["KWP"][0] == rows["WPK"][0] == "Korean Workers' Party"
    assert "Council of Ministers" not in rows, "a shorter name is not an abbreviation"
    assert list(rows) == sorted(rows, key=str.lower)


ABOUT_TEI = """<TEI xmlns="http://www.tei-c.org/ns/1.0"><teiHeader><fileDesc>
<titleStmt><title>About</title></titleStmt><publicationStmt><p/></publicationStmt>
<sourceDesc><p/></sourceDesc></fileDesc></teiHeader><text><body>
<div><head>Principles</head>
<p>Words the editor <hi rend="italic">supplied</hi> are marked; see <ref target="https://example.org/g">the
guide</ref>, not <ref target="javascript:alert(1)">this</ref>.</p>
<list rend="numbered"><item>one</item><item>two</item></list>
<div><head>Names</head><p>Every <persName>person</persName> is in the register.</p></div>
</div></body></text></TEI>
"""


def test_about_page_renders_a_tei_text_as_print_and_epub_read_it(tmp_path: Path) -> None:
    source = make_source(tmp_path / "tei")
    (tmp_path / "principles.xml").write_text(ABOUT_TEI, "utf-8")
    site = build_with(source, tmp_path / "out", CONFIG.replace('about = "about.md"',
                                                               'editorial_principles = "principles.xml"'))
    body = page(site, "about.html").xpath("//section[@class='tk-about-text']")[0]
    assert [(h.tag, text(h)) for h in body.xpath(".//h2 | .//h3")] == [("h2", "Principles"), ("h3", "Names")]
    assert body.xpath(".//em/text()") == ["supplied"]
    assert body.xpath(".//a/@href") == ["https://example.org/g"], "javascript: is no link"
    assert "not this." in text(body)
    assert [text(li) for li in body.xpath(".//ol/li")] == ["one", "two"]
    assert "Every person is in the register." in text(body), "other TEI through the text stage"


def test_abbreviations_page_lists_what_frontmatter_lists(site: Path) -> None:
    """One rule for what an abbreviation is: the page and the navigation follow
    toolkit.frontmatter.abbreviations(), which print and EPUB use."""
    listed = abbreviations(ROOT / "tei" / "registers" / "organisations.xml")
    rows = [(text(d.xpath("dt")[0]), text(d.xpath("dd")[0]), d.xpath("dd/a/@href")[0])
            for d in page(site, "abbreviations.html").xpath("//dl[@class='tk-abbreviations']/div")]
    assert rows == [(form, expansion, f"organisations.html#{entry}") for form, expansion, entry in listed]
    assert len(rows) >= 5


def test_about_page_links_the_epub_once_it_is_built(tmp_path: Path) -> None:
    source = make_source(tmp_path / "tei")
    config = BuildConfig(source_dir=source, output_dir=tmp_path / "out", edition=load_config(None))
    site = build_with(source, tmp_path / "out")
    assert not page(site, "about.html").xpath("//a[@type='application/epub+zip']")
    run_builder(EpubBuilder, config)  # as a full build does, before the web edition
    run_builder(HtmlBuilder, dataclasses.replace(config, force=True))
    links = page(site, "about.html").xpath("//a[@type='application/epub+zip']/@href")
    assert links == [f"epub/{epub_name(config)}"]
    assert (site / links[0]).is_file()


def test_an_epub_built_after_the_site_is_linked_by_the_next_build_without_force(tmp_path: Path) -> None:
    """`build --only html`, then `--only epub`, then `teikit build`: the web builder's check
    found nothing to do (no document changed) and left the about page without the EPUB,
    until a document's edit made every edition page again (50 s at 10,000). The EPUB's
    presence is in the web's edition-wide key (HtmlBuilder.edition_stamp)."""
    source = make_source(tmp_path / "tei")
    config = BuildConfig(source_dir=source, output_dir=tmp_path / "out", edition=load_config(None))
    site = build_with(source, tmp_path / "out")
    run_builder(EpubBuilder, config)
    report = run_builder(HtmlBuilder, config)
    assert report.rebuilt == ()  # no page made again: only the edition pages
    links = page(site, "about.html").xpath("//a[@type='application/epub+zip']/@href")
    assert links == [f"epub/{epub_name(config)}"]
    # counter-case: nothing changed since, nothing is made
    again = run_builder(HtmlBuilder, config)
    assert again.rebuilt == () and again.written == ()


def test_an_empty_register_is_not_in_the_navigation(tmp_path: Path) -> None:
    source = make_source(tmp_path / "tei")
    persons = source / "registers" / "persons.xml"
    tree = etree.parse(str(persons))
    for person in tree.iter("{http://www.tei-c.org/ns/1.0}person"):
        person.getparent().remove(person)
    tree.write(str(persons))
    site = build_with(source, tmp_path / "out")
    for name in ("index.html", f"{SAMPLE_ID}.html", "about.html"):
        labels = page(site, name).xpath("//nav[@class='tk-nav']//a/text()")
        assert "Persons" not in labels and "Places" in labels, name
    assert (site / "persons.html").is_file(), "the page stays, for old links"


# ------------------------------------------------------------------------ the text

def test_view_help_names_the_translator_only_for_translations(tmp_path: Path) -> None:
    source = tmp_path / "tei"
    source.mkdir()
    untranslated = re.sub(r"<respStmt>\s*<resp>translation from the original</resp>.*?</respStmt>", "",
                          (FIXTURES / f"{FIXTURE_ID}.xml").read_text("utf-8"), flags=re.DOTALL)
    (source / "900006.xml").write_text(untranslated, "utf-8")
    shutil.copy(ROOT / "tei" / f"{SAMPLE_ID}.xml", source)
    site = build_with(source, tmp_path / "out")
    own = text(page(site, "900006.html").xpath("//p[@class='tk-view-help']")[0])
    assert "translator" not in own and "intervention of the editors:" in own
    translated = text(page(site, f"{SAMPLE_ID}.html").xpath("//p[@class='tk-view-help']")[0])
    assert "intervention of the translator or the editors:" in translated
    notes = page(site, "900006.html").xpath("//span[@class='tk-note-kind']/text()")
    assert "Description of the source: " in notes
    assert not any("translator" in n for n in notes if n.startswith("Description"))


def test_search_pages_carry_the_filters_outside_the_indexed_words(site: Path) -> None:
    record = html.fromstring((site.parent / ".html-records" / f"{SAMPLE_ID}.html").read_bytes())
    assert record.xpath("//meta[@data-pagefind-filter='year[content]']/@content") == ["1965"]
    persons = record.xpath("//meta[@data-pagefind-filter='person[content]']/@content")
    assert "Alexei Kosygin" in persons and "Kim Il Sung" in persons and persons == sorted(persons)
    assert "Anastas Mikoyan" in persons
    assert "Anastas" not in text(record.xpath("//main")[0]), "a register's name form is not a word of the text"
    assert record.xpath("//*[@data-pagefind-filter='archive']/text()") == ["National Archives of Hungary (MOL)"]


def test_an_imported_frus_document_keeps_its_inclosure_heading_in_the_text(tmp_path: Path) -> None:
    volume = ROOT.parent / "shared" / "frus" / "frus1894Nicaragua.xml"
    assert volume.is_file(), f"{volume} is missing (../shared holds the FRUS volume)"
    from toolkit.cli import main
    assert main(["import", str(volume), "-o", str(tmp_path / "imported")]) == 0
    source = tmp_path / "tei"
    source.mkdir()
    shutil.copy(tmp_path / "imported" / "frus1894Nicaragua-d2.xml", source)
    site = build_with(source, tmp_path / "out")
    doc = page(site, "frus1894Nicaragua-d2.html")
    attachment = doc.xpath("//div[contains(@class, 'tk-type-attachment')]")[0]
    first = attachment.xpath("*")[0]
    assert text(first) == "[Inclosure in No. 2.]" and "tk-note-in-text" in first.get("class")
    assert not any("Inclosure" in text(n) for n in doc.xpath("//li[@class='tk-note']"))
    # a document that is no translation: the help speaks of the editors only
    assert "translator" not in text(doc.xpath("//p[@class='tk-view-help']")[0])

"""The web edition in a real browser: Debian's chromium driven by Playwright, the site served
by a local HTTP server. Screenshots land in build/screenshots/ for a person to look at."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Browser, Page, expect

from toolkit.builders.base import BuildConfig, run_builder
from toolkit.builders.html import HtmlBuilder
from toolkit.config import load_config
from browsing import SCREENSHOTS, chromium, serious_violations, serve
from web.support import FIXTURE_ID, ROOT, SAMPLE_ID, make_source

@pytest.fixture(scope="module")
def base_url(site: Path) -> Iterator[str]:
    with serve(site) as url:
        yield url


@pytest.fixture(scope="module")
def configured_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """The sample edition built with its own teikit.toml and about.md, as `make edition` does."""
    base = tmp_path_factory.mktemp("configured")
    source = make_source(base / "tei")
    config = BuildConfig(source_dir=source, output_dir=base / "build", edition=load_config(ROOT / "teikit.toml"))
    run_builder(HtmlBuilder, config)
    with serve(base / "build" / "html") as url:
        yield url


@pytest.fixture(scope="module")
def browser() -> Iterator[Browser]:
    with chromium() as launched:
        yield launched


@pytest.fixture
def page(browser: Browser) -> Iterator[Page]:
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    opened = context.new_page()
    yield opened
    context.close()


def shoot(page: Page, name: str, full_page: bool = False) -> None:
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SCREENSHOTS / f"{name}.png"), full_page=full_page)


def after_content(page: Page, selector: str) -> str:
    """The text of an element's ::after box (where the tooltips are drawn)."""
    return str(page.eval_on_selector(selector, "e => getComputedStyle(e, '::after').content"))


# ------------------------------------------------------------------------------ the document

def test_document_page_shows_the_text(page: Page, base_url: str) -> None:
    page.goto(f"{base_url}{SAMPLE_ID}.html")
    assert page.locator("h1").inner_text() == ("Report, Embassy of Hungary in North Korea to the "
                                                "Hungarian Foreign Ministry")
    text = page.locator(".tk-text")
    assert text.is_visible()
    assert "returned from Moscow" in text.inner_text()
    assert page.locator(".tk-closer").inner_text().split() == ["József", "Kovács", "(ambassador)"]
    shoot(page, "document")
    page.locator(".tk-text").scroll_into_view_if_needed()
    shoot(page, "document-text")
    page.set_viewport_size({"width": 390, "height": 844})
    page.goto(f"{base_url}{SAMPLE_ID}.html")
    shoot(page, "document-phone")


def test_view_toggle_changes_what_is_displayed(page: Page, base_url: str) -> None:
    page.goto(f"{base_url}{SAMPLE_ID}.html")
    first = page.locator(".tk-text p").first
    assert first.locator("a.tk-pn").inner_text() == "1", "the paragraph number, in the margin"

    class Text:  # the paragraph's text after its number
        @staticmethod
        def inner_text() -> str:
            return page.locator(".tk-text p").first.inner_text().split("\n", 1)[1]
    first = Text()  # type: ignore[assignment]
    supplied = ".tk-text .tk-supplied"
    assert first.inner_text().startswith("In mid-December [Soviet Ambassador] Comrade Moskovsky")
    assert page.locator(f"{supplied} .tk-supplied-text").first.evaluate(
        "e => getComputedStyle(e).fontStyle") == "italic"
    assert page.locator(".tk-reg").first.is_visible()
    assert "[…]" in first.inner_text()

    page.get_by_text("Reading", exact=True).click()
    assert first.inner_text().startswith("In mid-December Soviet Ambassador Comrade Moskovsky")
    assert "[" not in page.locator(".tk-text").inner_text()
    assert not page.locator(".tk-reg").first.is_visible()
    assert page.locator(f"{supplied} .tk-supplied-text").first.evaluate(
        "e => getComputedStyle(e).fontStyle") == "normal"
    # in the reading view an intervention shows itself on hover, with who and why
    page.locator(supplied).first.hover()
    assert "Supplied by the translator (Balázs Szalontai)" in after_content(page, supplied)
    assert page.locator(supplied).first.evaluate("e => getComputedStyle(e).backgroundColor") != \
        "rgba(0, 0, 0, 0)"
    page.locator(supplied).first.scroll_into_view_if_needed()
    shoot(page, "document-reading-hover")
    # the choice is remembered, and the keyboard switches back
    page.reload()
    assert page.locator("#view-reading").is_checked()
    page.locator("#view-reading").focus()
    page.keyboard.press("ArrowLeft")
    assert page.locator("#view-editorial").is_checked()
    assert first.inner_text().startswith("In mid-December [Soviet Ambassador]")


def test_tooltips_show_on_keyboard_focus(page: Page, base_url: str) -> None:
    page.goto(f"{base_url}{SAMPLE_ID}.html")
    page.locator("#view-editorial").focus()
    for _ in range(40):  # Tab through the text until an intervention has focus
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.classList.contains('tk-iv')"):
            break
    focused = page.evaluate("document.activeElement.getAttribute('data-tip')")
    assert focused and "by the translator" in focused
    content = page.evaluate("getComputedStyle(document.activeElement, '::after').content")
    assert focused in content


def test_search_finds_a_word_of_the_report(page: Page, base_url: str) -> None:
    page.goto(f"{base_url}search.html?q=warships")
    result = page.locator(".tk-result-link").first
    result.wait_for(timeout=15000)
    assert result.inner_text() == ("Report, Embassy of Hungary in North Korea to the Hungarian "
                                   "Foreign Ministry")
    assert "warships" in page.locator(".tk-result-excerpt").first.inner_text()
    assert page.locator(".tk-result-link").count() == 1
    shoot(page, "search")
    result.click()
    page.wait_for_url(f"{base_url}{SAMPLE_ID}.html")
    # the site's own search box leads there too
    page.fill("#site-q", "juche")
    page.keyboard.press("Enter")
    page.wait_for_url(f"{base_url}search.html?q=juche")
    found = page.locator(".tk-result-link").first
    found.wait_for(timeout=15000)
    assert found.inner_text() == "Memorandum of Conversation on Every Kind of Markup"


def test_search_for_a_word_in_no_document_finds_nothing(page: Page, base_url: str) -> None:
    """Issue 12: a name that is in no document found both, highlighting the article "a"."""
    for absent in ("Charles de Gaulle", "Aleksandrov", "a Gromyko"):
        page.goto(f"{base_url}search.html?q={absent}")
        status = page.locator("#search-status")
        status.filter(has_text="No document contains").wait_for(timeout=15000)
        assert status.inner_text() == f"No document contains “{absent}”."
        assert page.locator(".tk-result").count() == 0
    shoot(page, "search-nothing")
    # every word of the query must be in the document: two words of different documents find none
    page.goto(f"{base_url}search.html?q=warships juche")
    page.locator("#search-status").filter(has_text="No document").wait_for(timeout=15000)
    # a word's other forms still find it (Pagefind stems): warship for warships
    page.goto(f"{base_url}search.html?q=warship")
    page.locator(".tk-result-link").first.wait_for(timeout=15000)
    assert page.locator(".tk-result-link").all_inner_texts() == [
        "Report, Embassy of Hungary in North Korea to the Hungarian Foreign Ministry"]


def test_search_filters_by_archive_language_year_and_person(page: Page, base_url: str) -> None:
    page.goto(f"{base_url}search.html?q=Kosygin")
    page.locator("#search-status").filter(has_text="2 documents found").wait_for(timeout=15000)
    labels = page.locator("#search-filters label").all_inner_texts()
    assert labels == ["Archive", "Original language", "Year", "Person"]
    page.get_by_label("Year").select_option("1963")
    page.locator("#search-status").filter(has_text="1 document found").wait_for(timeout=15000)
    assert page.locator(".tk-result-link").all_inner_texts() == ["Memorandum of Conversation on Every Kind of Markup"]
    assert "year=1963" in page.url, "the filter is in the address, so the search can be linked"
    page.get_by_label("Year").select_option("")
    page.get_by_label("Person").select_option("Nikita Khrushchev")
    page.locator("#search-status").filter(has_text="1 document found").wait_for(timeout=15000)
    assert page.locator(".tk-result-link").all_inner_texts() == [
        "Report, Embassy of Hungary in North Korea to the Hungarian Foreign Ministry"]
    page.get_by_label("Person").select_option("")
    page.get_by_label("Original language").select_option("Russian")
    page.locator("#search-status").filter(has_text="1 document found").wait_for(timeout=15000)
    page.get_by_label("Original language").select_option("")
    page.get_by_label("Archive").select_option("National Archives of Hungary (MOL)")
    page.locator("#search-status").filter(has_text="1 document found").wait_for(timeout=15000)
    # the site's own look: the site's fonts and colours, no Pagefind stylesheet
    assert page.locator("#search-q").evaluate("e => getComputedStyle(e).fontFamily").startswith('"Noto Sans"')
    assert page.locator("link[href*='pagefind']").count() == 0
    shoot(page, "search-filters")


def test_illegible_gaps_and_variants_are_each_their_own_kind(page: Page, base_url: str) -> None:
    page.goto(f"{base_url}{FIXTURE_ID}.html")

    def style(selector: str, prop: str) -> str:
        return str(page.locator(selector).first.evaluate(f"e => getComputedStyle(e).{prop}"))

    illegible, omitted = ".tk-gap-illegible", ".tk-gap-omitted"
    assert page.locator(illegible).inner_text() == "[two words illegible]"
    assert page.locator(omitted).first.inner_text() == "[…]"
    desc, sign = f"{illegible} .tk-gap-desc", f"{omitted} .tk-gap-sign"
    assert style(desc, "fontFamily") != style(sign, "fontFamily")
    assert style(desc, "backgroundImage") != style(sign, "backgroundImage")
    # variant spellings (orig [reg]) against supplied words ([italics])
    reg, supplied = ".tk-reg", ".tk-supplied-text"
    assert style(supplied, "fontStyle") == "italic" and style(reg, "fontStyle") == "normal"
    assert style(reg, "fontVariantCaps") == "small-caps"
    assert style(reg, "fontFamily") != style(supplied, "fontFamily")
    # page breaks name their page
    assert page.locator(".tk-pb").first.inner_text() == "p. 2"
    page.locator(illegible).scroll_into_view_if_needed()
    shoot(page, "fixture-kinds")
    # the reading view keeps the description of a lacuna (the reader must know text is missing)
    page.get_by_text("Reading", exact=True).click()
    assert page.locator(desc).is_visible() and not page.locator(f"{illegible} .tk-mark").first.is_visible()


def test_a_passage_link_lands_on_its_paragraph(page: Page, base_url: str) -> None:
    page.goto(f"{base_url}{SAMPLE_ID}.html#12")
    paragraph = page.locator("[id='12']")
    assert paragraph.evaluate("e => e.matches(':target')")
    assert paragraph.inner_text().startswith("12\nThe policy of economic isolationism") or \
        paragraph.inner_text().startswith("12The policy of economic isolationism")
    # (the scroll may be smooth: wait for it to end near the paragraph)
    page.wait_for_function("(() => { const r = document.getElementById('12').getBoundingClientRect();"
                           " return r.top >= 0 && r.top < 200; })()", timeout=5000)
    shoot(page, "passage")
    # the number in the margin is the paragraph's link
    number = page.locator("[id='3'] > a.tk-pn")
    number.click()
    page.wait_for_url(f"{base_url}{SAMPLE_ID}.html#3")
    assert page.locator("[id='3']").evaluate("e => e.matches(':target')")


def test_previous_and_next_lead_through_the_documents_in_date_order(page: Page, base_url: str) -> None:
    page.goto(f"{base_url}{FIXTURE_ID}.html")
    assert page.locator("a[rel='prev']").count() == 0
    page.locator("a[rel='next']").click()
    page.wait_for_url(f"{base_url}{SAMPLE_ID}.html")
    assert page.locator("a[rel='next']").count() == 0
    page.locator("a[rel='prev']").click()
    page.wait_for_url(f"{base_url}{FIXTURE_ID}.html")


def test_the_citation_downloads(page: Page, base_url: str) -> None:
    page.goto(f"{base_url}{SAMPLE_ID}.html")
    citation = page.locator("#citation").inner_text()
    assert citation.count("National Archives of Hungary (MOL)") == 1
    assert page.locator(".tk-permalink").count() == 0, "no base URL, so no permalink from this host"
    found = {}
    for label, start in (("CSL-JSON", "["), ("BibTeX", "@incollection{116488,"), ("RIS", "TY  - MANSCPT")):
        with page.expect_download() as download:
            page.get_by_role("link", name=label, exact=True).click()
        path = download.value.path()
        assert download.value.suggested_filename.startswith(SAMPLE_ID)
        content = Path(path).read_text("utf-8")
        assert content.startswith(start), label
        found[label] = content
    assert '"title": "Report, Embassy of Hungary' in found["CSL-JSON"]
    page.locator(".tk-aside").scroll_into_view_if_needed()
    shoot(page, "document-cite")


def test_about_and_abbreviations_pages_for_the_eye(page: Page, base_url: str, configured_url: str) -> None:
    page.goto(f"{configured_url}about.html")
    assert page.locator("h1").inner_text() == "teikit sample edition"
    assert page.locator("h3", has_text="Editorial principles").is_visible()
    assert page.locator("a[rel='license']").inner_text() == "CC BY 4.0"
    shoot(page, "about", full_page=True)
    page.goto(f"{base_url}abbreviations.html")
    assert page.get_by_role("link", name="Communist Party of the Soviet Union").is_visible()
    shoot(page, "abbreviations", full_page=True)
    page.get_by_role("link", name="Communist Party of the Soviet Union").click()
    page.wait_for_url(f"{base_url}organisations.html#cpsu")


def test_a_register_link_leads_to_the_entry_and_back(page: Page, base_url: str) -> None:
    page.goto(f"{base_url}{SAMPLE_ID}.html")
    name = page.locator(".tk-text a.tk-name[href='persons.html#kosygin']").first
    assert name.get_attribute("id") == "m-13"
    name.click()
    page.wait_for_url(f"{base_url}persons.html#kosygin")
    entry = page.locator("#kosygin")
    assert entry.locator("h2").inner_text() == "Alexei Kosygin"
    assert entry.evaluate("e => e.matches(':target')")
    assert entry.locator("h2").is_visible()
    shoot(page, "register-entry")
    entry.locator(f"a.tk-passage[href='{SAMPLE_ID}.html#m-13']").click()
    page.wait_for_url(f"{base_url}{SAMPLE_ID}.html#m-13")
    mention = page.locator("#m-13")
    assert mention.inner_text() == "Kosygin"
    assert mention.evaluate("e => e.matches(':target')")
    # the edition scrolls smoothly (unless the reader asks for reduced motion): the passage
    # arrives in view over a few hundred milliseconds, so the assertion waits for it
    expect(mention).to_be_in_viewport()


def test_index_sorts_and_filters(page: Page, base_url: str) -> None:
    page.goto(f"{base_url}index.html")
    rows = page.locator("#documents tbody tr")

    def titles() -> list[str]:
        return [t.strip() for t in rows.locator("td:nth-child(2) a").all_inner_texts()]

    sample = "Report, Embassy of Hungary in North Korea to the Hungarian Foreign Ministry"
    fixture = "Memorandum of Conversation on Every Kind of Markup"
    assert titles() == [fixture, sample], "in date order"
    page.get_by_role("button", name="Date").click()
    assert titles() == [sample, fixture]
    assert page.locator("th[data-sort='date']").get_attribute("aria-sort") == "descending"
    page.get_by_role("button", name="Title").click()
    assert titles() == [fixture, sample]
    page.get_by_label("Archive").select_option("National Archives of Hungary (MOL)")
    assert rows.locator("visible=true").count() == 1
    assert page.locator("#shown").inner_text() == "1 of 2 documents shown"
    page.get_by_label("Archive").select_option("")
    page.get_by_label("Original language").select_option("ru")
    assert [t for t, r in zip(titles(), rows.all()) if r.is_visible()] == [fixture]
    page.get_by_label("Original language").select_option("")
    shoot(page, "index")


def test_edition_pages_for_the_eye(page: Page, base_url: str) -> None:
    for name in ("persons", "places", "organisations", "timeline"):
        page.goto(f"{base_url}{name}.html")
        assert page.locator("h1").is_visible()
        shoot(page, name)
    page.goto(f"{base_url}{FIXTURE_ID}.html")
    page.locator(".tk-text").scroll_into_view_if_needed()
    shoot(page, "fixture-text")
    page.locator(".tk-notes").scroll_into_view_if_needed()
    shoot(page, "fixture-notes")
    page.emulate_media(media="print")
    page.goto(f"{base_url}{SAMPLE_ID}.html")
    assert not page.locator(".tk-site").is_visible()
    assert not page.locator(".tk-views").is_visible()
    shoot(page, "document-print")


def test_nothing_is_fetched_from_outside_the_site(page: Page, base_url: str) -> None:
    requested: list[str] = []
    page.on("request", lambda request: requested.append(request.url))
    for url in (f"{SAMPLE_ID}.html", "index.html", "persons.html", "timeline.html",
                "search.html?q=Kosygin"):
        page.goto(base_url + url)
        page.wait_for_load_state("networkidle")
    assert requested and all(u.startswith(base_url) for u in requested), \
        [u for u in requested if not u.startswith(base_url)]


# ------------------------------------------------------------------------- accessibility

@pytest.mark.parametrize("url", [f"{SAMPLE_ID}.html", f"{FIXTURE_ID}.html", "index.html",
                                 "persons.html", "timeline.html", "search.html?q=Kosygin",
                                 "about.html", "abbreviations.html"])
def test_axe_finds_no_serious_violations(page: Page, base_url: str, url: str) -> None:
    page.goto(base_url + url)
    page.wait_for_load_state("networkidle")
    if url.startswith("search"):
        page.locator(".tk-result-link").first.wait_for(timeout=15000)
    serious = serious_violations(page)
    assert not serious, serious
    # the reading view has the same colours and structure
    if url == f"{SAMPLE_ID}.html":
        page.get_by_text("Reading", exact=True).click()
        again = page.evaluate("""async () => (await axe.run(document, {resultTypes: ['violations']}))
            .violations.filter(v => ['serious', 'critical'].includes(v.impact)).map(v => v.id)""")
        assert again == []


# ------------------------------------------------- the site served alone, with the PDFs

@pytest.fixture(scope="module")
def full_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """The sample built as `teikit build` does (print edition, then the site), and only its
    html/ folder served, as the README says (`python3 -m http.server -d build/html`)."""
    from toolkit.cli import main
    base = tmp_path_factory.mktemp("full")
    source = base / "tei"
    source.mkdir()
    shutil.copy(ROOT / "tei" / f"{SAMPLE_ID}.xml", source)
    shutil.copytree(ROOT / "tei" / "registers", source / "registers")
    assert main(["build", str(source), "-o", str(base / "build"), "-j", "1", "--no-validate"]) == 0
    with serve(base / "build" / "html") as url:
        yield url


def test_pdf_and_tei_downloads_resolve_when_the_site_is_served_alone(page: Page, full_url: str) -> None:
    for name in ("index.html", f"{SAMPLE_ID}.html"):
        page.goto(full_url + name)
        links = page.locator("a[type='application/pdf'], a[type='application/tei+xml']")
        hrefs = links.evaluate_all("links => links.map(a => a.href)")
        assert hrefs and all(h.startswith(full_url) for h in hrefs), hrefs
        for href in hrefs:
            response = page.request.get(href)
            assert response.ok, href
            assert response.body().startswith(b"%PDF-" if href.endswith(".pdf") else b"<?xml"), href
    # and a reader following the link gets the file
    page.goto(full_url + f"{SAMPLE_ID}.html")
    with page.expect_download() as download:
        page.get_by_role("link", name="TEI P5 source (XML)").click()
    assert Path(download.value.path()).read_bytes() == (ROOT / "tei" / f"{SAMPLE_ID}.xml").read_bytes()

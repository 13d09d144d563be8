"""The volume: documents in date order, contents and index that point to the right pages,
bookmarks, metadata."""

from __future__ import annotations

import re

import pytest
from lxml import etree
from print_support import ROOT, PrintEdition, built_edition, page_texts, stream
from pypdf import PdfReader

from toolkit.tei import NS

# The fixtures' dates: 900003 1956, 900002 1964, 116488 1965, 900001 1966.
TITLES_IN_DATE_ORDER = [
    "Jelentés: Őszi tárgyalások Phenjanban, Москва и Пхеньян",
    'Hostile #eval("1+1") *bold* _under_ $x^2$ @ref [brackets] \\back <tag>',
    "Report, Embassy of Hungary in North Korea to the Hungarian Foreign Ministry",
    "Memorandum on a Conversation with the Soviet Ambassador about Deliveries to Korea",
]


@pytest.fixture(scope="module")
def print_edition(tmp_path_factory: pytest.TempPathFactory) -> PrintEdition:
    return built_edition(tmp_path_factory)


def flat(text: str) -> str:
    """One line, single spaces, words a hyphenation split joined again."""
    return " ".join(re.sub("\u00ad\\s*", "", text).split())


def list_page(reader: PdfReader) -> int:
    """The page number of the list of documents, as the contents give it."""
    text = flat(page_texts(reader)[1])
    assert text.startswith("Contents")
    match = re.search(r"List of documents[ .]*?(\d+)(?!\d)", text)
    assert match, text
    return int(match.group(1))


def contents(reader: PdfReader) -> list[tuple[str, int]]:
    """(title, page) rows of the list of documents and the contents' Index row, as printed."""
    pages = page_texts(reader)
    listing = flat(pages[list_page(reader) - 1])
    assert listing.startswith("List of documents NO. DATE TITLE PAGE")
    rows = []
    for title in TITLES_IN_DATE_ORDER:
        match = re.search(re.escape(flat(title)) + r"[ .]*?(\d+)(?!\d)", listing)
        assert match, f"{title!r} is not in the list of documents: {listing}"
        rows.append((title, int(match.group(1))))
    match = re.search(r"Index[ .]*?(\d+)(?!\d)", flat(pages[1]))
    assert match
    return rows + [("Index", int(match.group(1)))]


def test_contents_lists_documents_in_date_order_with_their_pages(print_edition: PrintEdition) -> None:
    reader = print_edition.reader("edition")
    pages = page_texts(reader)
    rows = contents(reader)
    starts = [page for _, page in rows]
    assert starts == sorted(starts) and len(set(starts)) == len(starts)
    for title, page in rows:
        text = flat(pages[page - 1])
        assert flat(title) in text, f"contents say {title!r} is on page {page}"
        if title != "Index":
            assert f"DOCUMENT" in text.split(flat(title))[0]  # the title block starts there
            # ... and not already on the page before
            assert flat(title) not in flat(pages[page - 2]) or page - 1 == list_page(reader)


def test_list_of_documents_gives_number_date_title_and_page(print_edition: PrintEdition) -> None:
    reader = print_edition.reader("edition")
    listing = flat(page_texts(reader)[list_page(reader) - 1])
    assert "116488 8 January 1965 Report, Embassy of Hungary" in listing
    numbers = [m.group(1) for m in re.finditer(r"\b(\d{6}) \d{1,2} [A-Z][a-z]+ \d{4}", listing)]
    assert numbers == ["900003", "900002", "116488", "900001"]  # date order


def test_front_matter_parts_are_in_the_contents_and_on_their_pages(print_edition: PrintEdition) -> None:
    """The built edition has no teikit.toml: the about text is absent, the abbreviations come
    from the sample's organisations register."""
    reader = print_edition.reader("edition")
    pages = page_texts(reader)
    text = flat(pages[1])
    match = re.search(r"Abbreviations[ .]*?(\d+)(?!\d)", text)
    assert match and "About this edition" not in text
    abbreviations = flat(pages[int(match.group(1)) - 1])
    assert abbreviations.startswith("Abbreviations")
    for form, expansion in (("CPSU", "Communist Party of the Soviet Union"),
                            ("KWP", "Korean Workers' Party"), ("WPK", "Korean Workers' Party"),
                            ("MOL", "National Archives of Hungary")):
        assert form in abbreviations and expansion in abbreviations
    # by form, alphabetically
    forms = re.findall(r"\b[A-Z]{3,}\b", abbreviations.split("Abbreviations", 1)[1])
    assert forms[:3] == ["CMEA", "COMECON", "CPSU"]


def register_forms() -> dict[str, list[str]]:
    """Every name form of every register entry, by the entry's preferred name."""
    forms: dict[str, list[str]] = {}
    for path in sorted((ROOT / "tei" / "registers").glob("*.xml")):
        for entry in etree.parse(str(path)).iterfind(".//tei:standOff//*[@{http://www.w3.org/XML/1998/namespace}id]", NS):
            nodes = [n for n in entry if etree.QName(n).localname in ("persName", "placeName", "orgName", "name")]
            names = [" ".join("".join(n.itertext()).split()) for n in nodes]
            if names:
                # the index heads an entry whose name has parts "Surname, Forename"
                surname = nodes[0].findtext("tei:surname", namespaces=NS)
                forename = nodes[0].findtext("tei:forename", namespaces=NS)
                forms[f"{surname}, {forename}" if surname and forename else names[0]] = names
    return forms


def index_entries(reader: PdfReader, index_page: int) -> list[tuple[str, list[int]]]:
    text = "\n".join(page_texts(reader)[index_page - 1:])
    entries = []
    for line in text.splitlines():
        match = re.fullmatch(r"\s*(.+?), ((?:\d+, )*\d+)\s*", line)
        if match:
            entries.append((match.group(1), [int(p) for p in match.group(2).split(", ")]))
    return entries


def test_index_points_to_the_pages_that_name_the_entry(print_edition: PrintEdition) -> None:
    reader = print_edition.reader("edition")
    pages = page_texts(reader)
    index_page = dict(contents(reader))["Index"]
    assert flat(pages[index_page - 1]).startswith("Index PERSONS")
    entries = index_entries(reader, index_page)
    forms = register_forms()
    labels = [label for label, _ in entries]
    assert {"Kosygin, Alexei", "Moskovsky, Vasily", "Pyongyang", "Moscow", "Communist Party of the Soviet Union"} <= set(labels)
    # persons by family name, from the register's structure: Kim Il Sung under K, before Kosygin
    assert labels.index("Kim, Il Sung") < labels.index("Kosygin, Alexei") < labels.index("Moskovsky, Vasily")
    checked = 0
    for label, numbers in entries:
        assert label in forms, f"index entry {label!r} is not a register entry"
        assert numbers == sorted(set(numbers))
        for number in numbers:
            assert number < index_page
            page = stream(pages[number - 1])
            assert any(stream(form) in page for form in forms[label]), \
                f"index: {label} on page {number}, but the page does not name it"
            checked += 1
    assert checked > 40
    # Moskovsky is named in the sample (pages of 116488) and in the memorandum 900001.
    rows = dict(contents(reader))
    moskovsky = dict(entries)["Moskovsky, Vasily"]
    assert any(p >= rows[TITLES_IN_DATE_ORDER[3]] for p in moskovsky)
    assert any(rows[TITLES_IN_DATE_ORDER[2]] <= p < rows[TITLES_IN_DATE_ORDER[3]] for p in moskovsky)


def test_index_misses_no_page(print_edition: PrintEdition) -> None:
    """The other direction: a page of the documents naming Kosygin is listed under him."""
    reader = print_edition.reader("edition")
    pages = page_texts(reader)
    index_page = dict(contents(reader))["Index"]
    listed = dict(index_entries(reader, index_page))["Kosygin, Alexei"]
    naming = [number for number, text in enumerate(pages[: index_page - 1], start=1)
              if number > 2 and "Kosygin" in text]
    assert listed == naming


def test_bookmarks_and_metadata(print_edition: PrintEdition) -> None:
    reader = print_edition.reader("edition")
    titles = []

    def walk(items: list[object]) -> None:
        for item in items:
            if isinstance(item, list):
                walk(item)
            else:
                titles.append(getattr(item, "title", None) or item["/Title"])  # type: ignore[index]

    walk(reader.outline)
    for title in TITLES_IN_DATE_ORDER:
        assert title in titles
    assert {"Contents", "Abbreviations", "List of documents", "Index", "Persons", "Places",
            "Organisations"} <= set(titles)
    assert titles.index(TITLES_IN_DATE_ORDER[0]) < titles.index(TITLES_IN_DATE_ORDER[3])
    meta = reader.metadata
    assert meta is not None and meta.title == "teikit sample edition"
    assert "Balázs Szalontai" in (meta.author or "")
    assert reader.trailer["/Root"]["/Lang"] == "en"
    first = flat(page_texts(reader)[0])
    assert "teikit sample edition" in first and "4 documents, 1956–1966" in first


MEMO_NOTES = {"FIRSTNOTE": "inPyongyang1", "SECONDNOTE": "withtheresults2",
              "THIRDNOTE": "situationinVietnam3", "FOURTHNOTE": "throughChina4"}


def test_footnotes_stay_on_the_page_of_their_mark(print_edition: PrintEdition) -> None:
    """In the volume too (another page layout than the document's own PDF), each of 900001's
    notes is printed on the page that carries its mark."""
    for name in ("edition", "900001"):
        pages = [stream(text) for text in page_texts(print_edition.reader(name))]
        for note, mark in MEMO_NOTES.items():
            note_pages = [n for n, text in enumerate(pages) if note in text]
            mark_pages = [n for n, text in enumerate(pages) if mark in text]
            assert len(note_pages) == 1 and note_pages == mark_pages, (name, note, note_pages, mark_pages)

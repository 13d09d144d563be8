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


def contents(reader: PdfReader) -> list[tuple[str, int]]:
    """(title, page) rows of the contents page, as printed."""
    text = flat(page_texts(reader)[1])
    assert text.startswith("Contents")
    rows = []
    for title in TITLES_IN_DATE_ORDER + ["Index"]:
        match = re.search(re.escape(flat(title)) + r"[ .]*?(\d+)(?!\d)", text)
        assert match, f"{title!r} is not in the contents: {text}"
        rows.append((title, int(match.group(1))))
    return rows


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
            assert flat(title) not in flat(pages[page - 2]) or page - 1 == 2


def test_each_document_has_its_running_head_and_footnotes_restart(print_edition: PrintEdition) -> None:
    reader = print_edition.reader("edition")
    pages = page_texts(reader)
    rows = dict(contents(reader))
    memo = rows[TITLES_IN_DATE_ORDER[3]]
    report = rows[TITLES_IN_DATE_ORDER[2]]
    assert flat(pages[report]).startswith("Report, Embassy of Hungary in North Korea to the Hungarian … January 8, 1965")
    assert flat(pages[memo]).startswith("Memorandum on Soviet deliveries March 1, 1966")
    memo_text = flat(" ".join(pages[memo - 1:rows["Index"] - 1]))
    assert "1 FIRSTNOTE" in memo_text and "4 FOURTHNOTE" in memo_text
    hostile = flat(pages[rows[TITLES_IN_DATE_ORDER[1]] - 1])
    assert "1 NOTE #box(width: 1pt) ]" in hostile


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
    assert {"Contents", "Index", "Persons", "Places", "Organisations"} <= set(titles)
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

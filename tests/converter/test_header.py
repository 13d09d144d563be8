"""The header from the metadata block: the citation's real phrasings (roles, publications,
archives and their references), languages, empty and repeated fields. Every case is an
invented report checked for its header TEI, tei_all validity and the project's own rules."""

from __future__ import annotations

import shutil
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from converter_support import ROOT, assert_valid, context
from lxml import etree

from toolkit.convert import convert_bytes
from toolkit.errors import Diagnostic, Severity
from toolkit.output import serialize
from toolkit.readers import Conversion, ReadContext
from toolkit.tei import NS
from toolkit.validation import ValidateOptions
from toolkit.validation.runner import FileValidator

__all__ = ["context"]  # the fixture, imported for pytest

URL = "https://digitalarchive.example.org/document/{number}"


def report(citation: str, *, original: str | None = "Russian",
           contents: str = "Translation - English", fields: str = "",
           summary: str | None = "A conversation on trade.") -> str:
    parts = ["**May 14, 1958**", "**Record of a Conversation with the Trade Delegation**",
             "**Citation:**", citation]
    if summary is not None:
        parts += ["**Summary:**", summary]
    if fields:
        parts.append(fields)
    if original is not None:
        parts += ["**Original Language:**", original]
    parts += ["**Contents:**", contents, "The delegation arrived on Monday.",
              "They spoke of trade."]
    return "\n\n".join(parts) + "\n"


def cite(middle: str, number: str = "700001") -> str:
    url = URL.format(number=number)
    return (f'"Record of a Conversation with the Trade Delegation", May 14, 1958, Wilson Center '
            f"Digital Archive, {middle} <{url}>")


@pytest.fixture(scope="module")
def validator() -> FileValidator:
    return FileValidator(ValidateOptions(jobs=1, declared=False))


@pytest.fixture(scope="module")
def edition(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A folder laid out as tei/ (registers beside the documents), for the project rules."""
    folder = tmp_path_factory.mktemp("header") / "tei"
    shutil.copytree(ROOT / "tei" / "registers", folder / "registers")
    return folder


def convert(text: str, context: ReadContext, name: str = "wilson-700001.txt") -> Conversion:
    return convert_bytes(text.encode(), name, context)


def checked(conversion: Conversion, tei_all: etree.RelaxNG, validator: FileValidator,
            edition: Path) -> etree._Element:
    """The teiHeader, after checking the document against tei_all and the project's rules
    (errors and warnings: a converted document raises none)."""
    data = serialize(conversion.tree)
    tree = etree.ElementTree(etree.fromstring(data))
    assert_valid(tei_all, tree)
    target = edition / f"{conversion.number}.xml"
    target.write_bytes(data)
    problems = [d.format() for d in validator.validate(target).diagnostics]
    assert problems == []
    header = tree.find("tei:teiHeader", NS)
    assert header is not None
    return header


def texts(node: etree._Element, query: str) -> list[str]:
    found = node.xpath(query, namespaces=NS)
    assert isinstance(found, list)
    return [" ".join("".join(n.itertext()).split()) if isinstance(n, etree._Element) else str(n)
            for n in found]


def roles(header: etree._Element) -> list[tuple[str, list[tuple[str, str]]]]:
    out = []
    for resp in header.iterfind("tei:fileDesc/tei:titleStmt/tei:respStmt", NS):
        what = texts(resp, "tei:resp")[0]
        if what.startswith("TEI encoding"):
            continue
        out.append((what, [(etree.QName(n).localname, "".join(n.itertext()))
                           for n in resp if etree.QName(n).localname != "resp"]))
    return out


def reviews(conversion: Conversion, kind: str) -> list[Diagnostic]:
    return [d for d in conversion.diagnostics if d.severity is Severity.REVIEW and d.rule == kind]


def warnings(conversion: Conversion) -> list[Diagnostic]:
    return [d for d in conversion.diagnostics if d.severity is Severity.WARNING]


TRANSLATION = "translation from the original"


@dataclass(frozen=True)
class Case:
    name: str
    middle: str
    roles: list[tuple[str, list[tuple[str, str]]]]
    repository: str | None
    shelfmark: str | None
    sponsors: list[str] = field(default_factory=list)
    publication: str | None = None


CASES = [
    Case("contributed-and-translated",
         "Archive of the Ministry of Trade (AMT), fond 7, opis 3, delo 12, p. 1-4. Contributed by "
         "Irina Volkova and translated by Peter Hanley.",
         [("contribution of the document", [("persName", "Irina Volkova")]),
          (TRANSLATION, [("persName", "Peter Hanley")])],
         "Archive of the Ministry of Trade (AMT)", "fond 7, opis 3, delo 12, p. 1-4"),
    Case("translated-by",
         "RGAE, f. 413, op. 13, d. 9021, ll. 15-18. Translated by Marta Kowalczyk.",
         [(TRANSLATION, [("persName", "Marta Kowalczyk")])], "RGAE", "f. 413, op. 13, d. 9021, ll. 15-18"),
    Case("translated-for-two-projects",
         "State Archive of the Region (SAR), Record Group 12, Box 4, Folder 7. Translated for "
         "the Trade History Project and the Baltic Documentation Initiative by Jonas Petraitis.",
         [(TRANSLATION, [("persName", "Jonas Petraitis")])], "State Archive of the Region (SAR)",
         "Record Group 12, Box 4, Folder 7",
         sponsors=["Trade History Project", "Baltic Documentation Initiative"]),
    Case("translated-for-acronyms",
         "Central Party Archive, fond 17, opis 2, delo 40. Translated for CWIHP and NKIDP by "
         "Laura Fenwick.",
         [(TRANSLATION, [("persName", "Laura Fenwick")])], "Central Party Archive",
         "fond 17, opis 2, delo 40", sponsors=["CWIHP", "NKIDP"]),
    Case("translated-for-one-project-with-and",
         "Central Party Archive, fond 17, opis 2, delo 41. Translated for the History and Public "
         "Policy Program by Laura Fenwick.",
         [(TRANSLATION, [("persName", "Laura Fenwick")])], "Central Party Archive",
         "fond 17, opis 2, delo 41", sponsors=["History and Public Policy Program"]),
    Case("obtained-by",
         "National Records Office (NRO), Record Group 59, Box 12, Folder 3. Obtained by Samuel "
         "Ortega.",
         [("obtaining the document", [("persName", "Samuel Ortega")])],
         "National Records Office (NRO)", "Record Group 59, Box 12, Folder 3"),
    Case("obtained-and-translated",
         "RGANI, f. 5, op. 30, d. 335, ll. 1-4. Obtained and translated by Nadia Brenner.",
         [("obtaining the document", [("persName", "Nadia Brenner")]),
          (TRANSLATION, [("persName", "Nadia Brenner")])], "RGANI", "f. 5, op. 30, d. 335, ll. 1-4"),
    Case("obtained-then-translated-by-two",
         "Foreign Policy Archive (FPA), fond 0102, opis 14, papka 75, delo 8. Obtained by Karl "
         "Weber, translated by Ana Ruiz and Tomas Berg.",
         [("obtaining the document", [("persName", "Karl Weber")]),
          (TRANSLATION, [("persName", "Ana Ruiz"), ("persName", "Tomas Berg")])],
         "Foreign Policy Archive (FPA)", "fond 0102, opis 14, papka 75, delo 8"),
    Case("lowercase-clause-after-the-reference",
         "Regional Archive of Trade, fond 3, delo 1, translated by Olga Sand.",
         [(TRANSLATION, [("persName", "Olga Sand")])], "Regional Archive of Trade", "fond 3, delo 1"),
    Case("archive-initials-and-number",
         "TMA 106-00511-03. Translated by Wen Li.",
         [(TRANSLATION, [("persName", "Wen Li")])], "TMA", "106-00511-03"),
    Case("archive-with-a-record-group-in-one-part",
         "National Records Office Record Group 84. Obtained by Samuel Ortega for the Trade "
         "History Project.",
         [("obtaining the document", [("persName", "Samuel Ortega")])], "National Records Office",
         "Record Group 84", sponsors=["Trade History Project"]),
    Case("no-archive-named",
         "fond 5, opis 2, delo 9, p. 1-4. Translated by Peter Hanley.",
         [(TRANSLATION, [("persName", "Peter Hanley")])], None, "fond 5, opis 2, delo 9, p. 1-4"),
    Case("archive-without-reference",
         "Private Papers of the Delegation Secretary. Provided by Hugo Lind.",
         [("provision of the document", [("persName", "Hugo Lind")])],
         "Private Papers of the Delegation Secretary", None),
    Case("published-in-a-book",
         "Archive of the Ministry of Trade (AMT). Published in Trade Relations in the Twentieth "
         "Century, Volume 5, Document No. 512. Translated by Peter Hanley.",
         [(TRANSLATION, [("persName", "Peter Hanley")])], "Archive of the Ministry of Trade (AMT)",
         None, publication="Trade Relations in the Twentieth Century|volume 5:Volume 5|"
         "document 512:Document No. 512"),
    Case("published-in-with-book-and-imprint",
         "Published in Collected Papers of the Commission (Riga: Harbour Press, 1994), Volume 2, "
         "Book 3, Document No. 41, pp. 88-90. Translated by Jonas Petraitis.",
         [(TRANSLATION, [("persName", "Jonas Petraitis")])], None, None,
         publication="Collected Papers of the Commission|volume 2:Volume 2|part 3:Book 3|"
         "document 41:Document No. 41|page 88-90:pp. 88-90"),
    Case("reference-then-publication",
         "RGAE, f. 413, op. 13, d. 9021, published in Trade Documents, Vol. 4, Doc. 7. "
         "Translated by Marta Kowalczyk.",
         [(TRANSLATION, [("persName", "Marta Kowalczyk")])], "RGAE", "f. 413, op. 13, d. 9021",
         publication="Trade Documents|volume 4:Vol. 4|document 7:Doc. 7"),
    Case("contributed-and-obtained",
         "Harbour Papers Archive, Folder 23. Contributed by Edwin Marsh and obtained by Vera Lind.",
         [("contribution of the document", [("persName", "Edwin Marsh")]),
          ("obtaining the document", [("persName", "Vera Lind")])], "Harbour Papers Archive",
         "Folder 23"),
    Case("translated-and-edited-with-a-suffix",
         "Diplomatic Archive of the Republic (DAR), carton 89, dossier 3. Translated by Mary "
         "Smith, Jr., and Ann Lee and edited by Colin Ward.",
         [(TRANSLATION, [("persName", "Mary Smith, Jr."), ("persName", "Ann Lee")]),
          ("editing", [("persName", "Colin Ward")])],
         "Diplomatic Archive of the Republic (DAR)", "carton 89, dossier 3"),
    Case("translated-by-a-body",
         "Central Party Archive, fond 17, opis 2, delo 42. Translated by the Language Services "
         "Office.",
         [(TRANSLATION, [("orgName", "Language Services Office")])], "Central Party Archive",
         "fond 17, opis 2, delo 42"),
    # issue #10, brackets6: phrasings that went into the shelfmark or the archive's name
    Case("translated-from-a-language-for-a-project",
         "National Records Office, RG 59, Box 3, Folder 7. Translated from the Russian by Ivo "
         "Maren for the Trade History Project.",
         [(TRANSLATION, [("persName", "Ivo Maren")])], "National Records Office",
         "RG 59, Box 3, Folder 7", sponsors=["Trade History Project"]),
    Case("translated-from-into",
         "RGAE, f. 5, op. 30, d. 335, ll. 12-15. Translated from Russian into English by Ivo Maren.",
         [(TRANSLATION, [("persName", "Ivo Maren")])], "RGAE", "f. 5, op. 30, d. 335, ll. 12-15"),
    Case("courtesy-of-an-archive-as-the-location",
         "Courtesy of the Harbour Family Archive, Box 3. Contributed by Lea Dorn.",
         [("provision of the document (courtesy)", [("orgName", "Harbour Family Archive")]),
          ("contribution of the document", [("persName", "Lea Dorn")])],
         "Harbour Family Archive", "Box 3"),
    Case("courtesy-of-an-archive-as-a-sentence",
         "RGAE, f. 5, op. 30, d. 335. Courtesy of the Harbour Family Archive. Translated by Ivo Maren.",
         [("provision of the document (courtesy)", [("orgName", "Harbour Family Archive")]),
          (TRANSLATION, [("persName", "Ivo Maren")])], "RGAE", "f. 5, op. 30, d. 335"),
    Case("published-in-vol-doc",
         "Published in Trade and the World, vol. 2, doc. 14. Obtained and translated by Nadia Brenner.",
         [("obtaining the document", [("persName", "Nadia Brenner")]),
          (TRANSLATION, [("persName", "Nadia Brenner")])], None, None,
         publication="Trade and the World|volume 2:vol. 2|document 14:doc. 14"),
]


@pytest.mark.parametrize("case", CASES, ids=lambda c: c.name)
def test_citation_phrasings(case: Case, context: ReadContext, tei_all: etree.RelaxNG,
                            validator: FileValidator, edition: Path) -> None:
    conversion = convert(report(cite(case.middle)), context)
    header = checked(conversion, tei_all, validator, edition)
    assert roles(header) == case.roles
    assert texts(header, "tei:fileDesc/tei:titleStmt/tei:sponsor") == case.sponsors
    ms = "tei:fileDesc/tei:sourceDesc/tei:msDesc/tei:msIdentifier"
    assert texts(header, f"{ms}/tei:repository") == ([case.repository] if case.repository else [])
    if case.repository:
        assert texts(header, f"{ms}/tei:idno[@type='signature']") == (
            [case.shelfmark] if case.shelfmark else [])
    else:  # nothing invented: no "unknown archive", no msIdentifier without a repository
        assert not header.findall(".//tei:msDesc", NS)
        assert "unknown" not in etree.tostring(header, encoding=str)
    bibl = header.find("tei:fileDesc/tei:sourceDesc/tei:bibl[@type='citation']", NS)
    assert bibl is not None
    assert " ".join("".join(bibl.itertext()).split()) == " ".join(cite(case.middle).split())
    assert texts(bibl, "tei:idno[@type='signature']") == ([case.shelfmark] if case.shelfmark else [])
    # the shelfmark is never the archive, the archive never holds the shelfmark
    assert all(not (case.shelfmark or "").startswith(name)
               for name in texts(header, ".//tei:repository"))
    publications = header.findall("tei:fileDesc/tei:sourceDesc/tei:bibl[@type='publication']", NS)
    if case.publication is None:
        assert publications == []
    else:
        (publication,) = publications
        title, *scopes = case.publication.split("|")
        assert texts(publication, "tei:title") == [title]
        found = []
        for scope in publication.iterfind("tei:biblScope", NS):
            value = scope.get("n") or f"{scope.get('from')}-{scope.get('to')}"
            found.append(f"{scope.get('unit')} {value}:{scope.text}")
        assert found == scopes
    translators = [name for resp, names in case.roles if resp == TRANSLATION for _, name in names]
    assert bool(translators) or any("translator" in d.message for d in warnings(conversion))


def test_names_in_the_registers_are_linked(context: ReadContext, tei_all: etree.RelaxNG,
                                           validator: FileValidator, edition: Path) -> None:
    middle = ("National Archives of Hungary (MOL), XIX-J-1-j Korea, 1965, 73. doboz. Obtained by "
              "Balázs Szalontai and translated for NKIDP by Balázs Szalontai.")
    header = checked(convert(report(cite(middle)), context), tei_all, validator, edition)
    refs = header.xpath("tei:fileDesc/tei:titleStmt/tei:respStmt/tei:persName/@ref", namespaces=NS)
    assert refs == ["per:szalontai"] * 2
    assert header.xpath(".//tei:repository/@ref", namespaces=NS) == ["org:mol"]


def test_english_original_and_transcript_are_not_translations(
        context: ReadContext, tei_all: etree.RelaxNG, validator: FileValidator, edition: Path) -> None:
    middle = "National Records Office (NRO), Record Group 59, Box 12, Folder 3."
    for contents in ("Transcript - English", "Original Scan\n\nTranscript - English"):
        conversion = convert(report(cite(middle), original="English", contents=contents), context)
        header = checked(conversion, tei_all, validator, edition)
        div = conversion.tree.find(".//tei:body/tei:div", NS)
        assert div is not None and div.get("type") == "transcription"
        assert conversion.tree.getroot().find("tei:text", NS).get(  # type: ignore[union-attr]
            "{http://www.w3.org/XML/1998/namespace}lang") == "en"
        assert texts(header, "tei:profileDesc/tei:langUsage/tei:language/@ident") == ["en"]
        assert texts(header, ".//tei:textLang/@mainLang") == ["en"]
        assert not any("translator" in d.message for d in warnings(conversion))
    # an English original whose Contents says "Translation - English": a transcription, reviewed
    conversion = convert(report(cite(middle), original="English"), context)
    checked(conversion, tei_all, validator, edition)
    div = conversion.tree.find(".//tei:body/tei:div", NS)
    assert div is not None and div.get("type") == "transcription"
    (entry,) = reviews(conversion, "header")
    assert "encoded as a transcription" in entry.message and entry.line is not None


def test_transcript_in_the_original_language(context: ReadContext, tei_all: etree.RelaxNG,
                                             validator: FileValidator, edition: Path) -> None:
    conversion = convert(report(cite("RGAE, f. 413, op. 13, d. 9021."),
                                contents="Transcript - Russian"), context)
    header = checked(conversion, tei_all, validator, edition)
    text = conversion.tree.getroot().find("tei:text", NS)
    assert text is not None and text.get("{http://www.w3.org/XML/1998/namespace}lang") == "ru"
    assert texts(header, "tei:profileDesc/tei:langUsage/tei:language/@ident") == ["ru", "en"]


def test_only_the_original_scan_is_a_transcription_to_review(
        context: ReadContext, tei_all: etree.RelaxNG, validator: FileValidator, edition: Path) -> None:
    conversion = convert(report(cite("RGAE, f. 413, op. 13, d. 9022."), contents="Original Scan"),
                         context)
    checked(conversion, tei_all, validator, edition)
    div = conversion.tree.find(".//tei:body/tei:div", NS)
    assert div is not None and div.get("type") == "transcription"
    assert [d.message for d in reviews(conversion, "header")] == [
        "Contents lists only the original; the text is taken to be a transcription of the "
        "original (ru)"]


def test_empty_fields_are_left_out_with_a_warning(context: ReadContext, tei_all: etree.RelaxNG,
                                                  validator: FileValidator, edition: Path) -> None:
    text = report(cite("RGAE, f. 413, op. 13, d. 9023. Translated by Marta Kowalczyk."),
                  summary="", fields="**Credits:**\n\n**Type:**\n\n**Record ID:**\n\n")
    text = text.replace("**Summary:**\n\n\n\n", "**Summary:**\n\n")
    conversion = convert(text, context)
    header = checked(conversion, tei_all, validator, edition)
    for label in ("Summary", "Credits", "Type", "Record ID"):
        line = text.split("\n").index(f"**{label}:**") + 1
        assert any(d.line == line and f"field {label!r} is empty" in d.message
                   for d in warnings(conversion)), label
    assert header.find(".//tei:abstract", NS) is None
    assert header.find(".//tei:notesStmt", NS) is None
    assert header.find(".//tei:funder", NS) is None
    empty = [etree.QName(n).localname for n in header.iter()
             if isinstance(n.tag, str) and not len(n) and not (n.text or "").strip()
             and not n.attrib]
    assert empty == []


def test_a_courtesy_credit_is_who_gave_the_document(context: ReadContext, tei_all: etree.RelaxNG,
                                                    validator: FileValidator, edition: Path) -> None:
    """Credits `Courtesy of the Z Archive` names who provided the document, not a funder:
    a respStmt (before: only the warning 'no funder recognised'); the note keeps it verbatim;
    the same body named again in the Citation gets one respStmt, not two."""
    fields = "**Credits:**\n\nCourtesy of the Harbour Family Archive."
    conversion = convert(report(cite("RGAE, f. 5, op. 30, d. 335. Translated by Ivo Maren."),
                                fields=fields), context)
    header = checked(conversion, tei_all, validator, edition)
    assert roles(header) == [(TRANSLATION, [("persName", "Ivo Maren")]),
                             ("provision of the document (courtesy)",
                              [("orgName", "Harbour Family Archive")])]
    assert not [d for d in warnings(conversion) if "funder" in d.message]
    assert header.find(".//tei:funder", NS) is None
    assert texts(header, ".//tei:notesStmt/tei:note[@type='credits']") == [
        "Courtesy of the Harbour Family Archive."]
    again = convert(report(cite("Courtesy of the Harbour Family Archive, Box 3."), fields=fields),
                    context)
    assert [r for r in roles(checked(again, tei_all, validator, edition))
            if r[0].startswith("provision")] == [
        ("provision of the document (courtesy)", [("orgName", "Harbour Family Archive")])]


def test_repeated_summary_is_kept_and_warned(context: ReadContext, tei_all: etree.RelaxNG,
                                             validator: FileValidator, edition: Path) -> None:
    """Once a second Summary vanished with exit 0 (issue #14, item 4)."""
    text = report(cite("RGAE, f. 413, op. 13, d. 9024. Translated by Marta Kowalczyk."),
                  fields="**Summary:**\n\nA second summary, about prices.\n\n"
                         "**Credits:**\n\nMade possible with support from the Trade Fund\n\n"
                         "**Credits:**\n\nAnd with support from the Harbour Trust")
    conversion = convert(text, context)
    header = checked(conversion, tei_all, validator, edition)
    lines = text.split("\n")
    second = [i + 1 for i, line in enumerate(lines) if line == "**Summary:**"][1]
    assert texts(header, "tei:profileDesc/tei:abstract/tei:p") == [
        "A conversation on trade.", "A second summary, about prices."]
    (warned,) = [d for d in warnings(conversion) if "'Summary' appears again" in d.message]
    assert warned.line == second and "first at line" in warned.message
    assert texts(header, "tei:fileDesc/tei:notesStmt/tei:note[@type='credits']") == [
        "Made possible with support from the Trade Fund", "And with support from the Harbour Trust"]
    assert texts(header, "tei:fileDesc/tei:titleStmt/tei:funder") == ["Trade Fund", "Harbour Trust"]
    credit_repeat = [i + 1 for i, line in enumerate(lines) if line == "**Credits:**"][1]
    assert any(d.line == credit_repeat and "'Credits' appears again" in d.message
               for d in warnings(conversion))


def test_repeated_citation_is_kept_as_a_note(context: ReadContext, tei_all: etree.RelaxNG,
                                             validator: FileValidator, edition: Path) -> None:
    again = "A second citation, as the export repeated it."
    text = report(cite("RGAE, f. 413, op. 13, d. 9025. Translated by Marta Kowalczyk."),
                  fields=f"**Citation:**\n\n{again}\n\n**Original Language:**\n\nGerman")
    conversion = convert(text, context)
    header = checked(conversion, tei_all, validator, edition)
    notes = header.findall("tei:fileDesc/tei:notesStmt/tei:note[@type='metadata-field']", NS)
    assert [(texts(n, "tei:label"), texts(n, "tei:p")) for n in notes] == [
        (["Citation"], [again]), (["Original Language"], ["Russian"])]  # the later one
    assert len([d for d in warnings(conversion) if "appears again" in d.message]) == 2


def test_empty_title_or_citation_is_refused(context: ReadContext) -> None:
    from toolkit.errors import InputError
    text = report(cite("RGAE.")).replace("**Record of a Conversation with the Trade Delegation**",
                                         "** **")
    with pytest.raises(InputError, match="no title"):
        convert(text, context)
    text = report("")
    text = text.replace("**Citation:**\n\n\n\n", "**Citation:**\n\n")
    with pytest.raises(InputError, match="Citation field is empty"):
        convert(text, context)


def test_guesses_are_on_the_review_list(context: ReadContext) -> None:
    conversion = convert(report(cite("Archive of Foreign Trade, Riga Branch, fond 2, delo 5. "
                                     "Translated by Olga Sand.")), context)
    (entry,) = reviews(conversion, "header")
    assert entry.message.startswith("the archive is taken to be 'Archive of Foreign Trade, Riga Branch'")
    assert entry.line == report(cite("x")).split("\n").index("**Citation:**") + 1
    conversion = convert(report(cite("fond 5, opis 2, delo 9. Translated by Olga Sand.")), context)
    assert [d.message for d in reviews(conversion, "header")] == [
        "the Citation names no archive: the reference 'fond 5, opis 2, delo 9' is the shelfmark, "
        "in the citation only (no msDesc)"]


def test_citation_parsing_is_linear() -> None:
    """A pathological citation (thousands of clauses that start like roles) costs time in
    proportion to its length: 4x the input, well under 16x the CPU time."""
    import time

    from toolkit.encoding.source_citation import parse_citation

    def cost(n: int) -> float:
        text = ('"A", June 3, 1971, Wilson Center Digital Archive, '
                + "Archive, f. 5, translated for X and Y, " * n + "Translated by Ann Lee for Z.")
        started = time.process_time()
        citation, _ = parse_citation(text)
        assert [a.name for r in citation.roles for a in r.agents] == ["Ann Lee"]
        return time.process_time() - started

    cost(200)  # warm up the regular expressions
    small, large = min(cost(1000) for _ in range(3)), min(cost(4000) for _ in range(3))
    assert large < 10 * max(small, 0.005), (small, large)

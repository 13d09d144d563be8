"""The metadata block of a report turned into a complete teiHeader.

The archive's citation is kept verbatim, and the parts the converter recognises in it (title,
date, archive and shelfmark, the people of each role, sponsors, a publication, URL; see
`source_citation`) are marked up inside that same text, so that nothing is retyped and nothing
is lost. Nothing empty is written (an empty field is left out, with the parser's warning), and
a repeated field is kept. The document's identifier and the kind of text (translation or
transcription) are decided here too, each fallback a review entry.
"""

from __future__ import annotations

import copy
import re
import threading
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from functools import cached_property
from pathlib import Path

from lxml import etree

from toolkit import __version__
from toolkit.encoding import dates, languages
from toolkit.encoding.conventions import CONVENTIONS as LAYOUT_CONVENTIONS
from toolkit.encoding.names import NameTagger
from toolkit.encoding.source_citation import COURTESY, COURTESY_RESP, Citation, marked_up, parse_citation
from toolkit.errors import Diagnostic, InputError, Severity, review
from toolkit.tei import el, sub, tei

__all__ = ["Citation", "Field", "HeaderResult", "Metadata", "build_header", "parse_citation"]

CONTENTS_ITEM = re.compile(
    r"^(?P<kind>Translation|Transcript|Transcription|Original(?: Scan)?)(?:\s*-\s*(?P<lang>[A-Za-z ]+))?$",
    re.I)


@dataclass(frozen=True)
class Field:
    label: str
    paragraphs: tuple[str, ...]
    line: int

    @cached_property
    def value(self) -> str:  # asked of every field by each lookup: joined once
        return " ".join(" ".join(p.split()) for p in self.paragraphs)


@dataclass(frozen=True)
class Metadata:
    title: str
    title_line: int
    date: str
    date_line: int
    fields: tuple[Field, ...]
    source_name: str
    source_format: str
    # Who makes the document available when the source has no metadata block (a plain text or
    # Word file of a translation, no citation): the edition's publisher. None for an export.
    authority: str | None = None

    def get(self, label: str) -> Field | None:
        for item in self.fields:
            if item.label.lower() == label.lower():
                return item
        return None


KNOWN_FIELDS = {"citation", "summary", "credits", "original language", "contents"}


@dataclass(frozen=True)
class HeaderResult:
    header: etree._Element
    number: str
    original_lang: str | None
    iso_date: dates.IsoDate | None


# The header's own conventions, one sentence each (stated in editorialDecl/interpretation).
HEADER_CONVENTIONS = (
    "The archive's citation is kept verbatim in sourceDesc/bibl[@type='citation'], with the "
    "parts the converter recognised marked up inside it.",
    "Each role the citation names (contributed, obtained, translated by...) is a respStmt of "
    "its own; projects a translation was made for are sponsors.",
    "The archive is the repository of msIdentifier and the whole archival reference (fond, "
    "opis, delo, pages; record group, box, folder) its idno; a citation that names no archive "
    "has no msDesc, and its reference stays marked up in the citation.",
    "A printed publication the citation names is a second bibl (type publication) with its "
    "title and biblScope (volume, part, issue, document, page).",
    "The document number (the first idno of publicationStmt, also the file name) is a numeric "
    "segment of the document URL or the Record ID field (type WCDA), the URL's slug when it "
    "has no number (type slug: a name, not a number), or one given with --id, taken from the file name or made "
    "unique in a corpus (type local, followed by the archive's number when there is one).",
    "A text whose original is in the language of the text (an English original, a "
    "transcript) is a transcription, not a translation.",
    "Empty fields of the metadata block are left out; a repeated field is kept (a Summary as "
    "further paragraphs of the abstract, other fields as notes).",
)
_FUNDER = re.compile(r"(?:support|funding|grants?)\s+(?:from|of|by)\s+(?:the\s+)?(?P<f>.+?)\.?$", re.I)
_TRANSLATION_KINDS = ("translation",)


def sanitised_identifier(value: str) -> str | None:
    """An identifier as a file name and NCName part: letters, digits, '.', '_' and '-'."""
    cleaned = re.sub(r"[^A-Za-z0-9._-]+", "-", value).strip("-._")[:120].strip("-._")
    return cleaned or None


@dataclass(frozen=True)
class Identifier:
    value: str
    type: str  # WCDA (the archive's number), slug (the URL's, no number), or local (given,
    #            from the file name, made unique)
    archive_number: str | None  # the archive's number when `value` is not it


def document_identifier(citation: Citation, meta: Metadata, path: str, explicit: str | None,
                        diagnostics: list[Diagnostic]) -> Identifier:
    """The document number, by the rule stated in HEADER_CONVENTIONS."""
    citation_field = meta.get("Citation")
    line = citation_field.line if citation_field else meta.title_line
    record = next(iter(_present(meta, "Record ID")), None)
    record_id = sanitised_identifier(record.value) if record and record.value else None
    archive_number = citation.number or record_id
    if citation.number and record_id and record_id != citation.number:
        diagnostics.append(Diagnostic(
            Severity.WARNING, f"the Record ID {record_id} differs from the document number "
            f"{citation.number} of the URL; the URL's number is used", path, record.line if record else line))
    if explicit:
        return Identifier(explicit, "local", archive_number if archive_number != explicit else None)
    if citation.number:
        return Identifier(citation.number, "WCDA", None)
    if record_id:
        return Identifier(record_id, "WCDA", None)
    slug = sanitised_identifier(citation.slug) if citation.slug else None
    if slug:
        diagnostics.append(review(
            "identifier", f"the document URL has no number; its slug {slug!r} names the "
            "document (give a Record ID field or --id for a number)", path, line))
        return Identifier(slug, "slug", None)  # the archive's name of it, not its number
    stem = sanitised_identifier(Path(path).stem) or "document"
    what = "the text has no metadata block" if not meta.fields else \
        "the Citation gives no document URL or Record ID"
    diagnostics.append(review(
        "identifier", f"{what}; the file name gives the identifier {stem!r} (use --id to set "
        "one)", path, line))
    return Identifier(stem, "local", None)


def text_kind(meta: Metadata, path: str) -> tuple[str, str, list[Diagnostic]]:
    """The body's div type and language from Contents ("Translation - English") and the
    Original Language, with what was decided on the way (not yet reported: the reader's
    contents_language reports it once)."""
    contents = meta.get("Contents")
    original = next(iter(_present(meta, "Original Language")), None)
    original_lang = languages.by_name(original.value) if original else None
    found: list[Diagnostic] = []
    kinds: list[tuple[str, str | None]] = []
    for item in contents.paragraphs if contents else ():
        match = CONTENTS_ITEM.match(" ".join(item.split()))
        if match:
            kinds.append((match.group("kind").lower(), match.group("lang")))
    for kind, lang_name in kinds:
        if kind.startswith("transl"):
            lang = languages.by_name(lang_name or "English")
            code = lang.code if lang else "en"
            if original_lang is not None and original_lang.code == code:
                found.append(review(
                    "header", f"Contents says Translation - {lang_name or 'English'} but the "
                    f"original language is {original.value if original else ''}: the text is "
                    "encoded as a transcription of the original", path,
                    contents.line if contents else None))
                return "transcription", code, found
            return "translation", code, found
    for kind, lang_name in kinds:
        if kind.startswith("transc"):
            lang = languages.by_name(lang_name or "") if lang_name else original_lang
            return "transcription", lang.code if lang else "und", found
    if kinds:  # only the original (scan)
        code = original_lang.code if original_lang else "und"
        found.append(review(
            "header", "Contents lists only the original; the text is taken to be a transcription "
            f"of the original ({code})", path, contents.line if contents else None))
        return "transcription", code, found
    if original_lang is not None and original_lang.code == "en":
        return "transcription", "en", found
    if contents is not None:
        found.append(Diagnostic(Severity.WARNING, "Contents names no translation; the text is "
                                "taken to be an English translation", path, contents.line))
    return "translation", "en", found


def _present(meta: Metadata, label: str) -> list[Field]:
    """Every occurrence of a field that has a value (empty ones were warned about by the
    parser and are left out: nothing empty is written)."""
    return [f for f in meta.fields if f.label.lower() == label.lower() and f.value.strip()]


def build_header(meta: Metadata, tagger: NameTagger, path: str, diagnostics: list[Diagnostic],
                 document_id: str | None, change_date: date) -> HeaderResult:
    """The teiHeader of one report. `document_id` is an identifier the user gave (--id)."""
    def warn(message: str, line: int | None) -> None:
        diagnostics.append(Diagnostic(Severity.WARNING, message, path, line))

    citations = _present(meta, "Citation")
    headerless = meta.authority is not None and not meta.fields
    if not citations and not headerless:
        found = meta.get("Citation")
        if found is not None:
            raise InputError("the Citation field is empty", path, found.line)
        raise InputError("the metadata block has no Citation field", path, meta.title_line)
    citation_line = citations[0].line if citations else meta.title_line
    citation, spans = parse_citation(citations[0].value if citations else "")
    ident = document_identifier(citation, meta, path, document_id, diagnostics)
    for guess in citation.guesses:
        diagnostics.append(review("header", guess, path, citation_line))
    div_type, text_lang, _ = text_kind(meta, path)
    if headerless:
        pass  # the reader's review entry says what the header was made from
    elif citation.archive is None and citation.signature is None and citation.publication is None:
        warn("no archive recognised in the Citation; it is kept verbatim", citation_line)
    elif citation.archive is None and citation.publication is not None:
        diagnostics.append(review("header", "the Citation names a publication but no archive; "
                                  "no msDesc is written", path, citation_line))
    if not citation.translators and div_type in _TRANSLATION_KINDS and not headerless:
        warn("no translator recognised in the Citation; it is kept verbatim", citation_line)

    iso = dates.parse_date(meta.date)
    if dates.undated(meta.date):
        warn(f"the date line {meta.date!r} says the document is undated; its date has no "
             "@when", meta.date_line)
    elif iso is None and meta.date:
        warn(f"the date {meta.date!r} is not a recognised date; kept as text without @when",
             meta.date_line)

    header = el("teiHeader")
    file_desc = sub(header, "fileDesc")
    title_stmt = sub(file_desc, "titleStmt")
    if not meta.title.strip():
        raise InputError("the metadata block's title is empty", path, meta.title_line)
    sub(title_stmt, "title", meta.title, type="main")
    for sponsor in dict.fromkeys(citation.sponsors):
        entry = tagger.lookup(sponsor)
        sub(title_stmt, "sponsor", [tagger.mention(entry, sponsor) if entry else sponsor])
    credits = _present(meta, "Credits")
    courtesies: list[str] = []  # "Courtesy of the Z Archive": who gave it, not who paid
    for credit in credits:
        funder = _FUNDER.search(credit.value)
        courtesy = COURTESY.match(credit.value.strip())
        if funder:
            name = funder.group("f")
            entry = tagger.lookup(name)
            sub(title_stmt, "funder", [tagger.mention(entry, name) if entry else name])
        elif courtesy and credit.value.strip()[courtesy.end():].strip(" ."):
            courtesies.append(credit.value.strip()[courtesy.end():].strip(" ."))
        else:
            warn("no funder recognised in the Credits; kept verbatim", credit.line)
    for role in citation.roles:
        resp = sub(title_stmt, "respStmt")
        sub(resp, "resp", role.resp)
        for agent in role.agents:
            entry = tagger.lookup(agent.name)
            resp.append(tagger.mention(entry, agent.name) if entry else el(agent.kind, agent.name))
    named = {a.name for r in citation.roles if r.resp == COURTESY_RESP for a in r.agents}
    for name in dict.fromkeys(courtesies):
        if name not in named:
            entry = tagger.lookup(name)
            resp = sub(title_stmt, "respStmt")
            sub(resp, "resp", COURTESY_RESP)
            resp.append(tagger.mention(entry, name) if entry else el("orgName", name))
    resp = sub(title_stmt, "respStmt")
    sub(resp, "resp", "TEI encoding by the converter")
    sub(resp, "name", f"teikit {__version__}")

    publication = sub(file_desc, "publicationStmt")
    if headerless:
        sub(publication, "authority", meta.authority)
    else:
        sub(publication, "distributor", citation.publisher or "Wilson Center Digital Archive")
    sub(publication, "idno", ident.value, type=ident.type)
    if ident.archive_number:
        sub(publication, "idno", ident.archive_number, type="WCDA")
    if citation.url:
        sub(publication, "idno", citation.url, type="URI")

    _notes(file_desc, meta, credits, citations, warn)

    source_desc = sub(file_desc, "sourceDesc")
    for _, _, node in spans:
        if node.tag in (tei("persName"), tei("orgName")) and node.text:
            entry = tagger.lookup(node.text) or tagger.lookup(re.sub(r"\s*\(.*\)\s*$", "", node.text))
            if entry:
                node.set("ref", tagger.ref_of(entry))
    if headerless:
        sub(source_desc, "p", f"{meta.source_name}: a text without the archive's metadata block "
            "(no citation names its archive, translator or publication); its title and date "
            "were taken from the text.")
    else:
        sub(source_desc, "bibl", marked_up(citation.text, spans), type="citation")
    if citation.publication is not None:
        source_desc.append(citation.publication)
    originals = _present(meta, "Original Language")
    original = originals[0] if originals else None
    original_lang = None
    lang = None
    if original:
        lang = languages.by_name(original.value)
        if lang is None:
            warn(f"original language {original.value!r} is not known; recorded as 'und'",
                 original.line)
        original_lang = lang.code if lang else "und"
    if citation.archive:
        ms = sub(source_desc, "msDesc")
        ident_el = sub(ms, "msIdentifier")
        name = re.sub(r"\(\s*(.+?)\s*\)", r"(\1)", citation.archive)
        entry = tagger.lookup(re.sub(r"\s*\(.*\)\s*$", "", name)) or (
            tagger.lookup(citation.archive_abbr) if citation.archive_abbr else None)
        attrs = {"ref": tagger.ref_of(entry)} if entry else {}
        sub(ident_el, "repository", name, **attrs)
        if citation.signature:
            sub(ident_el, "idno", citation.signature, type="signature")
        if original and original_lang:
            sub(sub(ms, "msContents"), "textLang", original.value, mainLang=original_lang)

    encoding = sub(header, "encodingDesc")
    _editorial_declaration(encoding, meta.source_format)
    interpretation = encoding.find(f"{tei('editorialDecl')}/{tei('interpretation')}")
    if interpretation is not None:
        sub(interpretation, "p", " ".join(HEADER_CONVENTIONS))
    tagger.declare(encoding)  # what tagged the names, and the prefixes of their pointers

    profile = sub(header, "profileDesc")
    summaries = _present(meta, "Summary")
    if summaries:
        abstract = sub(profile, "abstract")
        for summary in summaries:
            if summary is not summaries[0]:
                warn(f"field 'Summary' appears again (first at line {summaries[0].line}); its "
                     "text is kept as further paragraphs of the abstract", summary.line)
            for paragraph in summary.paragraphs:
                if paragraph.strip():
                    sub(abstract, "p", tagger.tag(" ".join(paragraph.split())))
    creation = sub(profile, "creation")
    if meta.date:  # an undated report without a date line: no empty date
        sub(creation, "date", meta.date, **(iso.attributes() if iso else {}))
    lang_usage = sub(profile, "langUsage")
    declared: set[str] = set()
    if original and original_lang and original_lang != "en":
        sub(lang_usage, "language", original.value, ident=original_lang)
        declared.add(original_lang)
    if text_lang not in declared and text_lang != "en":
        known = languages.BY_CODE.get(text_lang)
        sub(lang_usage, "language", known.name if known else text_lang, ident=text_lang)
    sub(lang_usage, "language", "English", ident="en")

    revision = sub(header, "revisionDesc")
    sub(revision, "change",
        f"Converted from {meta.source_name} ({meta.source_format}) by teikit {__version__}.",
        when=change_date.isoformat())
    return HeaderResult(header, ident.value, original_lang, iso)


def _notes(file_desc: etree._Element, meta: Metadata, credits: list[Field],
           citations: list[Field], warn: Callable[[str, int | None], None]) -> None:
    """notesStmt: the Credits, the fields the header has no place for, and every repeat of a
    field it has one place for (a second Citation, Original Language...), each with its label."""
    first_line: dict[str, int] = {}
    kept: list[Field] = []
    for item in meta.fields:
        key = item.label.lower()
        if not item.value.strip():
            continue
        if key not in KNOWN_FIELDS:
            kept.append(item)
        elif key in first_line and key not in ("summary", "contents"):
            where = "a further credits note" if key == "credits" else "a note in notesStmt"
            warn(f"field {item.label!r} appears again (first at line {first_line[key]}); its "
                 f"value is kept as {where}", item.line)
            if key != "credits":
                kept.append(item)
        first_line.setdefault(key, item.line)
    if not credits and not kept:
        return
    notes_stmt = sub(file_desc, "notesStmt")
    for credit in credits:
        sub(notes_stmt, "note", credit.value, type="credits")
    for extra in kept:
        note = sub(notes_stmt, "note", type="metadata-field")
        sub(note, "label", extra.label)
        for paragraph in extra.paragraphs:
            if paragraph.strip():
                sub(note, "p", " ".join(paragraph.split()))


_DECLARATIONS = threading.local()  # per thread, as lxml trees are


def _editorial_declaration(encoding: etree._Element, source_format: str) -> None:
    """appInfo and editorialDecl: the same for every document of a source format, so built
    once (per thread) and copied (a copy of its 20 elements costs a tenth of making them)."""
    made: dict[str, tuple[etree._Element, ...]] | None = getattr(_DECLARATIONS, "made", None)
    if made is None:
        made = _DECLARATIONS.made = {}
    parts = made.get(source_format)
    if parts is None:
        scratch = el("encodingDesc")
        _build_editorial_declaration(scratch, source_format)
        parts = tuple(scratch)
        if len(made) < 16:  # a reader names its format: a handful at most
            made[source_format] = parts
    for part in parts:
        encoding.append(copy.deepcopy(part))


def _build_editorial_declaration(encoding: etree._Element, source_format: str) -> None:
    app = sub(sub(encoding, "appInfo"), "application", ident="teikit", version=__version__)
    sub(app, "label", "teikit")
    decl = sub(encoding, "editorialDecl")
    sub(sub(decl, "correction"), "p",
        "Errors of the source are not corrected; a [sic] of the translator is encoded as sic.")
    sub(sub(decl, "normalization"), "p",
        "Variant spellings given in brackets by the translator are encoded as choice with orig "
        "(the spelling of the translation) and reg (the bracketed spelling); an abbreviation "
        "and its expansion given in brackets (in either order) as choice with abbr and expan.")
    sub(sub(decl, "interpretation"), "p",
        "Square brackets of the translation are not stored in the text: they are generated by the "
        "stylesheets from the elements that encode them. Words added by the translator are "
        "supplied (reason: identification of the next name, clarification, or original-term for "
        "an original-language term in foreign); omissions are gap (reason omitted, or illegible); "
        "expansions inside a word are expan/ex; descriptions of the source are note (place "
        "'margin' for marginalia, 'inline' otherwise); footnotes are note place='foot' at their "
        "reference; an undeciphered signature is a gap in signed. Parentheses are the "
        "translator's own words and are kept as text.")
    sub(sub(decl, "segmentation"), "p",
        f"Paragraphs follow the {source_format}; a paragraph cut by a page break of the printed "
        "source is rejoined and the break is recorded as pb (in the element that encodes a "
        "bracket it cuts; after a gap, which cannot hold one, whose desc keeps a line break "
        "where the page turned). Numbered and lettered points are "
        "paragraphs with n and a label. Headings, memorandum fields, the place-and-date line, "
        "the addressee and the salutation before the text form its head and opener (memo fields "
        "under a header line that is a paragraph, an opener being only before the first, are "
        "a list type='memo-fields'); the "
        "closing salutation and signature lines form the closer. Fragments after the text that "
        "fit nowhere are kept as fw type='residue' (type='footer' below the footnote texts). "
        "Layouts: blank lines, one paragraph per line, or hard-wrapped lines (joined, with a "
        "review entry) mark paragraphs; lines of only spaces are blank. Classification, copy "
        "and number marks at the top are fw type='classification', 'copy' or 'number' where "
        "they stand; titles are head (letter-spacing as rend='letter-spaced', the letters as "
        "written), lines in lower case under a title part of it (as lb); a line that is only a "
        "place is the opener's dateline; an office and a place-and-date line apart by a run of spaces are byline and "
        "dateline; a numbered heading on its own line opens a div with n and a head keeping "
        "its label; date lines opening a journal's entries open div type='entry' with their "
        "dateline; distribution lists and enumerations are list with item (a line announcing "
        "them its head; short points of one kind on consecutive lines after a colon are items "
        "with n and their label); a stamp described in brackets between paragraphs is note "
        "type='stamp' holding stamp, its lines as lb; signatures in the forms ROLE [signature] "
        "/NAME/, a name then an office, an office then a name, Office: Name, [illegible] Name or a "
        "drafter's (Name) are signed with roleName, gap and persName, a date beside them the "
        "closer's dateline (a two-digit year in the century nearest the document's date); a "
        "distribution list after the signature is note type='distribution' holding the list "
        "(after a closer TEI allows only notes and forme work); a P.S. is postscript; an attachment after the signature is a div "
        "type='attachment' of the back; note texts at the end ([1] text, ¹ text, or 1. text "
        "under a rule or a Notes line, kept as fw type='notes') are note place='foot' at their "
        "reference, a label other than [1] kept as the note's label.")
    segmentation = decl.find(tei("segmentation"))
    assert segmentation is not None
    sub(segmentation, "p", LAYOUT_CONVENTIONS)  # the layouts of toolkit.encoding.layouts
    interpretation = decl.find(tei("interpretation"))  # brackets and dates (issue #10)
    assert interpretation is not None
    sub(interpretation, "p",
        "Redactions are gap reason='redacted' (quantity and unit when stated, the words in desc); "
        "an uncertain reading ([word?], [[word?]], word [?]) is unclear cert='low', its form in "
        "rend; an abbreviation followed by its bracketed expansion is choice with abbr and expan "
        "(in orgName when it names an organisation); a stamp is note type='stamp', its words in "
        "stamp; a handwritten addition is note type='handwritten' (or 'marginalia' in a margin) "
        "with its words in add; [sic!] is sic with rend; footnote references written as "
        "superscript figures or ^1^ keep that form in rend; a reference with no note text, in a "
        "document with note texts, is an empty note place='foot' with its n; an acronym whose "
        "expansion's initials spell it is orgName unless it names a state, a place or a person. "
        "In a record of speech, a bracketed sound ([laughs]) is vocal, a gesture ([Zhou points "
        "at the map]) kinesic, an event ([Applause.], [both speak at once]) incident, each with "
        "the words in desc, a pause pause (the words in rend), what was not heard gap "
        "reason='inaudible'; words lost to damage of the source ([page torn]) gap "
        "reason='damage'; [!] is sic. "
        "An unbalanced bracket is kept as text "
        "(or closes where a description of the source reads right) and listed for review, as is a "
        "bracket no rule classified (supplied, reason clarification).")
    sub(interpretation, "p",
        "Dates in the text are date with when (from/to for a range, notBefore/notAfter for a part "
        "of a month, year or decade) when a month with a day or a year, or a full numeric date, "
        "states them; bare years and numbers are not tagged. A day or month without a year takes "
        "the year nearest the document's date, with cert='medium', and is listed for review.")

"""The metadata block of a report turned into a complete teiHeader.

The archive's citation is kept verbatim, and the parts the converter recognises in it (title,
date, archive, signature, translator, sponsors, URL) are marked up inside that same text, so
that nothing is retyped and nothing is lost.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from lxml import etree

from toolkit import __version__
from toolkit.encoding import dates, languages
from toolkit.encoding.names import NameTagger
from toolkit.errors import Diagnostic, InputError, Severity
from toolkit.tei import Inline, el, sub, tei


@dataclass(frozen=True)
class Field:
    label: str
    paragraphs: tuple[str, ...]
    line: int

    @property
    def value(self) -> str:
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

    def get(self, label: str) -> Field | None:
        for item in self.fields:
            if item.label.lower() == label.lower():
                return item
        return None


@dataclass(frozen=True)
class Citation:
    text: str
    number: str | None
    url: str | None
    archive: str | None
    archive_abbr: str | None
    signature: str | None
    translator: str | None
    sponsors: tuple[str, ...]
    publisher: str | None


KNOWN_FIELDS = {"citation", "summary", "credits", "original language", "contents"}

_URL = re.compile(r"<?(?P<url>https?://[^\s<>]+?)>?(?=\s*$|\s)")
_TITLE = re.compile(r'^\s*["“](?P<title>.+?),?["”]')
_PUBLISHER = re.compile(r"(?:Wilson Center|History and Public Policy Program|[A-Z][\w&' ]{2,60}?) Digital Archive")
_TRANSLATION = re.compile(
    r"(?P<sentence>(?:(?:Obtained|Contributed|Provided)(?: and translated)?|Translated)"
    r"(?: for (?:the )?(?P<for1>[A-Z][^.]*?))?(?: and translated)? by "
    r"(?P<by>[A-Z][\w'’-]*\.?(?:\s+(?:[A-Z][\w'’-]*\.?|de|van|von|der|la))*)"
    r"(?: for (?:the )?(?P<for2>[A-Z][^.]*?))?\.)")


def parse_citation(text: str) -> tuple[Citation, list[tuple[int, int, etree._Element]]]:
    """Recognise the parts of an archive citation; returns them and their spans in `text`."""
    spans: list[tuple[int, int, etree._Element]] = []
    url_match = _URL.search(text)
    url = url_match.group("url") if url_match else None
    number = None
    if url:
        found = re.search(r"/(?:document|item)/(\d+)", url) or re.search(r"(\d+)/?$", url)
        number = found.group(1) if found else None
        spans.append((url_match.start("url"), url_match.end("url"), el("ref", url, target=url)))  # type: ignore[union-attr]
    end_of_title = 0
    title = _TITLE.match(text)
    if title:
        spans.append((title.start("title"), title.end("title"), el("title", title.group("title"))))
        end_of_title = title.end()
    when = dates.DATE_IN_TEXT.search(text, end_of_title)
    if when:
        iso = dates.parse_date(when.group())
        spans.append((when.start(), when.end(), el("date", when.group(), **(iso.attributes() if iso else {}))))
    publisher_match = _PUBLISHER.search(text, end_of_title)
    publisher = publisher_match.group() if publisher_match else None
    if publisher_match:
        spans.append((publisher_match.start(), publisher_match.end(), el("publisher", publisher_match.group())))
    translation = _TRANSLATION.search(text, publisher_match.end() if publisher_match else end_of_title)
    translator = None
    sponsors: list[str] = []
    if translation:
        translator = translation.group("by")
        spans.append((translation.start("by"), translation.end("by"), el("persName", translator)))
        for group in ("for1", "for2"):
            if translation.group(group):
                base = translation.start(group)
                for part in re.finditer(r"[^,]+?(?=\s*(?:,|\band\b|$))", translation.group(group)):
                    name = part.group().strip()
                    name = re.sub(r"^and\s+", "", name)
                    if name:
                        start = base + part.start() + part.group().index(name)
                        sponsors.append(name)
                        spans.append((start, start + len(name), el("orgName", name)))
    archive = archive_abbr = signature = None
    if publisher_match:
        stop = translation.start() if translation else (url_match.start() if url_match else len(text))
        location = text[publisher_match.end():stop]
        lead = len(location) - len(location.lstrip(", "))
        location = location.strip(", ").rstrip(". ")
        base = publisher_match.end() + lead
        depth = 0
        cut = len(location)
        for i, ch in enumerate(location):
            depth += {"(": 1, ")": -1}.get(ch, 0)
            if ch == "," and depth == 0:
                cut = i
                break
        if cut == len(location):
            # No comma: "PRC FMA 106-00511-03" is an archive's initials and a file number.
            words = location.split(" ")
            first_number = next((i for i, w in enumerate(words) if re.search(r"\d", w)), len(words))
            if 0 < first_number < len(words):
                cut = len(" ".join(words[:first_number]))
        if location:
            archive = location[:cut].strip()
            abbr = re.search(r"\(\s*([^()]+?)\s*\)\s*$", archive)
            archive_abbr = abbr.group(1) if abbr else None
            spans.append((base, base + len(archive), el("orgName", archive)))
            rest = location[cut + 1:] if cut < len(location) else ""
            if rest.strip():
                signature = rest.strip()
                start = base + cut + 1 + rest.index(signature)
                spans.append((start, start + len(signature), el("idno", signature, type="signature")))
    citation = Citation(text, number, url, archive, archive_abbr, signature, translator,
                        tuple(sponsors), publisher)
    return citation, spans


def _marked_up(text: str, spans: list[tuple[int, int, etree._Element]]) -> list[Inline]:
    out: list[Inline] = []
    position = 0
    for start, end, node in sorted(spans, key=lambda s: s[0]):
        if start < position:
            continue  # overlapping recognitions: keep the first
        out.extend([text[position:start], node])
        position = end
    out.append(text[position:])
    return out


@dataclass(frozen=True)
class HeaderResult:
    header: etree._Element
    number: str
    original_lang: str | None
    iso_date: dates.IsoDate | None


def build_header(meta: Metadata, tagger: NameTagger, path: str, diagnostics: list[Diagnostic],
                 fallback_number: str | None, change_date: date) -> HeaderResult:
    def warn(message: str, line: int) -> None:
        diagnostics.append(Diagnostic(Severity.WARNING, message, path, line))

    citation_field = meta.get("Citation")
    if citation_field is None:
        raise InputError("the metadata block has no Citation field", path, meta.title_line)
    citation, spans = parse_citation(citation_field.value)
    number = citation.number or fallback_number
    if not number:
        raise InputError("the Citation gives no document URL or number, and the file name has "
                         "none either", path, citation_field.line)
    if not citation.number:
        warn(f"the Citation has no document URL; document number {number} taken from the file name",
             citation_field.line)
    for part, value in (("archive", citation.archive), ("translator", citation.translator)):
        if value is None:
            warn(f"no {part} recognised in the Citation; it is kept verbatim", citation_field.line)

    iso = dates.parse_date(meta.date)
    if iso is None:
        warn(f"the date {meta.date!r} is not a recognised date; kept as text without @when",
             meta.date_line)

    header = el("teiHeader")
    file_desc = sub(header, "fileDesc")
    title_stmt = sub(file_desc, "titleStmt")
    sub(title_stmt, "title", meta.title, type="main")
    for sponsor in citation.sponsors:
        entry = tagger.lookup(sponsor)
        sub(title_stmt, "sponsor", [tagger.mention(entry, sponsor) if entry else sponsor])
    credits = meta.get("Credits")
    if credits:
        funder = re.search(r"support from (?:the )?(?P<f>.+?)\.?$", credits.value)
        if funder:
            name = funder.group("f")
            entry = tagger.lookup(name)
            sub(title_stmt, "funder", [tagger.mention(entry, name) if entry else name])
        else:
            warn("no funder recognised in the Credits; kept verbatim", credits.line)
    if citation.translator:
        resp = sub(title_stmt, "respStmt")
        sub(resp, "resp", "translation from the original")
        entry = tagger.lookup(citation.translator)
        resp.append(tagger.mention(entry, citation.translator) if entry
                    else el("persName", citation.translator))
    resp = sub(title_stmt, "respStmt")
    sub(resp, "resp", "TEI encoding by the converter")
    sub(resp, "name", f"teikit {__version__}")

    publication = sub(file_desc, "publicationStmt")
    sub(publication, "distributor", citation.publisher or "Wilson Center Digital Archive")
    sub(publication, "idno", number, type="WCDA")
    if citation.url:
        sub(publication, "idno", citation.url, type="URI")

    notes = [f for f in meta.fields if f.label.lower() not in KNOWN_FIELDS]
    if credits or notes:
        notes_stmt = sub(file_desc, "notesStmt")
        if credits:
            sub(notes_stmt, "note", credits.value, type="credits")
        for extra in notes:
            note = sub(notes_stmt, "note", type="metadata-field")
            sub(note, "label", extra.label)
            for paragraph in extra.paragraphs:
                sub(note, "p", " ".join(paragraph.split()))

    source_desc = sub(file_desc, "sourceDesc")
    for _, _, node in spans:
        if node.tag in (tei("persName"), tei("orgName")) and node.text:
            entry = tagger.lookup(node.text) or tagger.lookup(re.sub(r"\s*\(.*\)\s*$", "", node.text))
            if entry:
                node.set("ref", tagger.ref_of(entry))
    sub(source_desc, "bibl", _marked_up(citation.text, spans), type="citation")
    original = meta.get("Original Language")
    original_lang = None
    if citation.archive or citation.signature or original:
        ms = sub(source_desc, "msDesc")
        ident = sub(ms, "msIdentifier")
        if citation.archive:
            name = re.sub(r"\(\s*(.+?)\s*\)", r"(\1)", citation.archive)
            entry = tagger.lookup(re.sub(r"\s*\(.*\)\s*$", "", name)) or (
                tagger.lookup(citation.archive_abbr) if citation.archive_abbr else None)
            attrs = {"ref": tagger.ref_of(entry)} if entry else {}
            sub(ident, "repository", name, **attrs)
        else:
            sub(ident, "repository", "unknown archive")
        if citation.signature:
            sub(ident, "idno", citation.signature, type="signature")
        if original:
            contents = sub(ms, "msContents")
            lang = languages.by_name(original.value)
            if lang is None:
                warn(f"original language {original.value!r} is not known; recorded as 'und'",
                     original.line)
            original_lang = lang.code if lang else "und"
            sub(contents, "textLang", original.value, mainLang=original_lang)

    encoding = sub(header, "encodingDesc")
    _editorial_declaration(encoding, meta.source_format)
    tagger.declare(encoding)  # what tagged the names, and the prefixes of their pointers

    profile = sub(header, "profileDesc")
    summary = meta.get("Summary")
    if summary:
        abstract = sub(profile, "abstract")
        for paragraph in summary.paragraphs:
            sub(abstract, "p", tagger.tag(" ".join(paragraph.split())))
    creation = sub(profile, "creation")
    sub(creation, "date", meta.date, **(iso.attributes() if iso else {}))
    lang_usage = sub(profile, "langUsage")
    if original_lang and original_lang != "en":
        sub(lang_usage, "language", original.value if original else "", ident=original_lang)
    sub(lang_usage, "language", "English", ident="en")

    revision = sub(header, "revisionDesc")
    sub(revision, "change",
        f"Converted from {meta.source_name} ({meta.source_format}) by teikit {__version__}.",
        when=change_date.isoformat())
    return HeaderResult(header, number, original_lang, iso)


def _editorial_declaration(encoding: etree._Element, source_format: str) -> None:
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
        "the addressee and the salutation before the text form its head and opener; the "
        "closing salutation and signature lines form the closer. Fragments after the text that "
        "fit nowhere are kept as fw type='residue' (type='footer' below the footnote texts).")

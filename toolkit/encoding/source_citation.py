"""The parts of an archive's citation: title, date, publisher, archive and shelfmark, the
people and projects who contributed, obtained or translated it, a printed publication, the URL.

A citation is one sentence per concern, in any order after the publisher:
`"Title", date, Wilson Center Digital Archive, <archive>, <reference>. Contributed by X and
translated by Y. Published in <book>, Volume N, Document No. M. <URL>`. Each recognised part
is returned with its span in the text, so the header keeps the citation verbatim and marks the
parts up inside it; every guess (an archive whose name has commas, a reference with no archive)
is returned as a note for the review list.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from urllib.parse import unquote, urlsplit

from lxml import etree

from toolkit.encoding import dates
from toolkit.tei import el

Span = tuple[int, int, etree._Element]

_URL = re.compile(r"<?(?P<url>https?://[^\s<>]+?)>?(?=\s*$|\s)")
_TITLE = re.compile(r'^\s*["“](?P<title>.+?),?["”]')
_PUBLISHER = re.compile(
    r"(?:Wilson Center|History and Public Policy Program|[A-Z][\w&' ]{2,60}?) Digital Archive")

# What a role clause's verb says the person did (the respStmt's resp).
ROLES = {
    "translated": "translation from the original",
    "contributed": "contribution of the document",
    "obtained": "obtaining the document",
    "provided": "provision of the document",
    "donated": "donation of the document",
    "transcribed": "transcription",
    "edited": "editing",
    "annotated": "annotation",
    "selected": "selection",
    "compiled": "compilation",
    "introduced": "introduction",
    "digitized": "digitization",
    "digitised": "digitization",
    "scanned": "scanning",
    "prepared": "preparation",
    "revised": "revision of the translation",
}
# A role named by its noun (`Translation by X`): the verb whose role it is.
ROLE_NOUNS = {"translation": "translated", "transcription": "transcribed",
              "annotation": "annotated", "compilation": "compiled", "selection": "selected",
              "introduction": "introduced", "digitization": "digitized", "revision": "revised"}
# `Contributed to CWIHP by X`: the project a document was given to, as `for` names one
_GIVING = ("contributed", "donated", "provided")
_VERB = "(?:" + "|".join([*ROLES, *ROLE_NOUNS]) + ")"
_VERBS = rf"{_VERB}(?:\s*(?:,\s*(?:and\s+)?|\s+and\s+){_VERB})*"
# "translated from the Russian (original) into English": the languages, before "by" or "for"
_LANGUAGES = (r"(?:\s+(?:from|out\s+of)\s+(?:the\s+)?[A-Z][\w-]*(?:\s+original)?)?"
              r"(?:\s+into\s+[A-Z][\w-]*)?")
# A role sentence (or clause after a comma) starts with a verb phrase that comes to "by".
_ROLE_START = re.compile(
    rf"(?:[A-Z][a-z]+\s+(?=(?i:translation|transcription)))?"  # `English translation by`
    rf"(?i:{_VERBS}){_LANGUAGES}(?:\s+(?:for|to)\s+[^.]{{1,300}}?)?\s+by\s", re.I)
# "Courtesy of the Z Archive": who provided the document (a role), and where it names the
# place of the document, its archive; never part of the archive's name
COURTESY = re.compile(r"(?i:courtesy\s+of)\s+(?:(?i:the)\s+)?")
COURTESY_RESP = "provision of the document (courtesy)"
# A sentence that says who did something (`Made available by X.`, `Given to us by Y`) in
# words no role knows: kept in the citation, never in the shelfmark before it.
_BY_SENTENCE = re.compile(r"[A-Z][\w'-]*(?:\s+[\w'-]+){0,5}?\s+by\s+[A-Z]")
_PUBLICATION_START = re.compile(r"(?i:(?:originally\s+|first\s+)?(?:published|reprinted)\s+in)\s")
_CLAUSE = re.compile(
    rf"(?P<verbs>{_VERBS}){_LANGUAGES}(?:\s+(?P<prep>for|to)\s+(?P<for1>.+?))?\s+by\s+(?P<by>.+?)"
    rf"(?:\s+for\s+(?P<for2>.+?))?(?=\s*(?:,\s*and\s+|,\s*|;\s*|\s+and\s+){_VERB}\b|\s*[.;]?\s*$)",
    re.I)
_ORG_WORDS = re.compile(
    r"^the\s|\b(?:Archives?|Project|Program(?:me)?|Cent(?:er|re)|Institut(?:e|ion)|Foundation|"
    r"University|Library|Ministry|Museum|Society|Office|Department|Committee|Council|"
    r"Association|Agency|Service|Bureau|Embassy|Commission|Academy|School|Press)\b")
_SUFFIX = re.compile(r"^(?:Jr|Sr|II|III|IV|Ph\.?\s?D)\.?$")
_ACRONYM = re.compile(r"^[A-Z][A-Z0-9&.-]+$")
# Words that open an archival reference (fond/opis/delo, record group/box/folder, ...).
_REFERENCE_WORD = re.compile(
    r"(?:(?<=\s)|^)(?i:fonds?|f\.|opis|op\.|delo|d\.|listy?|ll?\.|pp?\.|pages?|record\s+group|"
    r"RG|box|folder|file|series|sub-?series|collection|reel|frame|carton|dossier|vol(?:ume|\.)|"
    r"doc(?:ument|\.)|no\.|nr\.|n[º°]|item|bestand|signatur|akte|sygn\.?|sign\.|inv\.|papka|"
    r"sprava|spr\.|k\.|ark\.|t\.|tom|sheets?)(?=[\s\d]|$)")
# `Issue 5 (Spring 1995)`, `Vol. 4 (1995)`: the date of a volume or an issue, in its scope
_WHEN = r"(?:\s*\([^()]{1,40}\))?"
_SCOPES = [
    ("volume", re.compile(r"^(?i:volume|vol\.?|tom|t\.)\s*(?P<n>\S+)" + _WHEN + "$")),
    ("part", re.compile(r"^(?i:book|part|pt\.)\s*(?P<n>\S+)" + _WHEN + "$")),
    ("issue", re.compile(r"^(?i:issue|number|no\.|nº|n°)\s*(?P<n>[^\s()]+)" + _WHEN + "$")),
    ("document", re.compile(r"^(?i:document|doc\.?)\s*(?:(?i:no\.?|nº|n°|#)\s*)?(?P<n>\S+)$")),
    ("chapter", re.compile(r"^(?i:chapter|ch\.)\s*(?P<n>\S+)$")),
    ("page", re.compile(r"^(?:(?i:pp?\.|pages?)\s*)?(?P<from>\d+)(?:\s*[-–]\s*(?P<to>\d+))?$")),
]
_IMPRINT = re.compile(r"\((?P<place>[^:()]+):\s*(?P<publisher>[^()]+?),\s*(?P<year>\d{4})\)\s*$")


@dataclass(frozen=True)
class Agent:
    name: str
    kind: str  # the TEI element: persName or orgName


@dataclass(frozen=True)
class Role:
    verb: str  # as the citation writes it, lower-cased: "translated"
    resp: str  # what the respStmt's resp says
    agents: tuple[Agent, ...]


@dataclass(frozen=True)
class Citation:
    text: str
    url: str | None
    number: str | None  # a numeric path segment of the URL
    slug: str | None  # the URL's document segment when it is not a number
    archive: str | None
    archive_abbr: str | None
    signature: str | None
    roles: tuple[Role, ...]
    sponsors: tuple[str, ...]
    publisher: str | None
    publication: etree._Element | None  # bibl type="publication"
    guesses: tuple[str, ...]  # decisions taken with less than certainty, for the review list

    @property
    def translators(self) -> tuple[Agent, ...]:
        return tuple(a for r in self.roles if r.verb == "translated" for a in r.agents)


def url_identifier(url: str) -> tuple[str | None, str | None, str | None]:
    """(number, slug, guess) of a document URL: the path segment after /document/ (or /item/)
    is a number only when it is all digits (`/document/116488`, `/document/116488/title`);
    otherwise it is a slug, trailing digits included (`report-on-the-talks-17`)."""
    try:
        path = urlsplit(url).path
    except ValueError:
        return None, None, None
    segments = [unquote(s) for s in path.split("/") if s]
    for i, segment in enumerate(segments[:-1]):
        if segment.lower() in ("document", "item", "documents", "items"):
            following = segments[i + 1]
            if following.isdigit() and following.isascii():
                return following, None, None
            return None, following, None
    numeric = [s for s in segments if s.isdigit() and s.isascii()]
    if numeric:
        return numeric[-1], None, (f"the document number {numeric[-1]} is taken from a path "
                                   f"segment of {url}, which has no /document/ segment")
    if segments:
        return None, segments[-1], None
    return None, None, None


def _depth_zero_commas(text: str) -> list[int]:
    positions: list[int] = []
    depth = 0
    for i, ch in enumerate(text):
        if ch in "([":
            depth += 1
        elif ch in ")]":
            depth = max(0, depth - 1)
        elif ch == "," and depth == 0:
            positions.append(i)
    return positions


def _parts(text: str, base: int) -> list[tuple[int, str]]:
    """Comma-separated parts (outside parentheses) with their offsets, stripped."""
    cuts = [-1, *_depth_zero_commas(text), len(text)]
    out: list[tuple[int, str]] = []
    for start, end in zip(cuts, cuts[1:]):
        piece = text[start + 1:end]
        stripped = piece.strip()
        if stripped:
            out.append((base + start + 1 + piece.index(stripped), stripped))
    return out


def _names(text: str, base: int, org: bool) -> list[tuple[int, str]]:
    """Names in "A, B and C": split at commas and at "and" (for organisations only where both
    sides are complete names: "the History and Public Policy Program" is one)."""
    found: list[tuple[int, str]] = []
    for start, piece in _parts(text, base):
        if found and _SUFFIX.match(piece):  # "Mary Smith, Jr.": one name
            first, name = found[-1]
            found[-1] = (first, text[first - base:start - base + len(piece)])
            continue
        piece_base = start
        pieces = [(0, piece)]
        if " and " in piece:
            split = [m for m in re.finditer(r"\s+and\s+", piece)]
            candidates: list[tuple[int, str]] = []
            position = 0
            for m in split:
                candidates.append((position, piece[position:m.start()]))
                position = m.end()
            candidates.append((position, piece[position:]))
            if not org or all(_complete_org(c) for _, c in candidates):
                pieces = candidates
        for offset, name in pieces:
            name = re.sub(r"^and\s+", "", name.strip())
            cleaned = re.sub(r"^the\s+", "", name) if org else name
            if cleaned:
                found.append((piece_base + offset + piece[offset:].index(cleaned), cleaned))
    return found


def _complete_org(name: str) -> bool:
    name = re.sub(r"^the\s+", "", name.strip())
    return bool(_ACRONYM.match(name)) or len(name.split()) >= 2


def _is_org(name: str) -> bool:
    return bool(_ORG_WORDS.search(name)) or bool(_ACRONYM.match(name))


def _segments(text: str, start: int, end: int) -> list[tuple[int, int, str]]:
    """The parts of text[start:end] after the publisher: (start, end, kind) with kind
    location, role or publication. A role or publication part starts a sentence or a clause
    after a comma."""
    starts: list[tuple[int, str]] = []
    for m in re.finditer(r"(?:^|[.;,])\s*", text[start:end]):
        position = start + m.end()
        if position >= end:
            continue
        if _ROLE_START.match(text, position, end):
            starts.append((position, "role"))
        elif m.group().startswith(".") and COURTESY.match(text, position, end):
            starts.append((position, "courtesy"))  # a sentence of its own: only the role
        elif _PUBLICATION_START.match(text, position, end):
            starts.append((position, "publication"))
        elif m.group().startswith(".") and _BY_SENTENCE.match(text, position, end) and \
                not _REFERENCE_WORD.match(text, position, end):
            starts.append((position, "sentence"))  # who did what, in words no rule knows
    segments: list[tuple[int, int, str]] = []
    bounds = [p for p, _ in starts] + [end]
    first = bounds[0]
    if text[start:first].strip(" ,.;"):
        segments.append((start, first, "location"))
    for (position, kind), stop in zip(starts, bounds[1:]):
        segments.append((position, stop, kind))
    return segments


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start] in " ,;":
        start += 1
    while end > start and text[end - 1] in " ,;.":
        end -= 1
    return start, end


def parse_citation(text: str) -> tuple[Citation, list[Span]]:
    """Recognise the parts of an archive citation; returns them and their spans in `text`."""
    spans: list[Span] = []
    guesses: list[str] = []
    url_match = _URL.search(text)
    url: str | None = None
    number = slug = None
    body_end = len(text)
    if url_match:
        url = url_match.group("url")
        number, slug, guess = url_identifier(url)
        if guess:
            guesses.append(guess)
        spans.append((url_match.start("url"), url_match.end("url"), el("ref", url, target=url)))
        body_end = url_match.start()
    end_of_title = 0
    title = _TITLE.match(text)
    if title:
        spans.append((title.start("title"), title.end("title"), el("title", title.group("title"))))
        end_of_title = title.end()
    publisher_match = _PUBLISHER.search(text, end_of_title, body_end)
    when = dates.DATE_IN_TEXT.search(text, end_of_title,
                                     publisher_match.start() if publisher_match else body_end)
    rest = end_of_title
    if when:
        iso = dates.parse_date(when.group())
        spans.append((when.start(), when.end(), el("date", when.group(), **(iso.attributes() if iso else {}))))
        rest = when.end()
    publisher = publisher_match.group() if publisher_match else None
    if publisher_match:
        spans.append((publisher_match.start(), publisher_match.end(), el("publisher", publisher)))
        rest = publisher_match.end()

    archive = archive_abbr = signature = None
    roles: list[Role] = []
    sponsors: list[str] = []
    publication = None
    for start, end, kind in _segments(text, rest, body_end):
        start, end = _trim(text, start, end)
        if start >= end:
            continue
        if kind == "location":
            if not (publisher_match or when):
                continue  # no anchor to start from: the citation is kept verbatim only
            courtesy = COURTESY.match(text, start, end)
            if courtesy:  # ", Courtesy of the Z Archive, Box 3": the archive, and who gave it
                name_end = _depth_zero_commas(text[start:end])
                _courtesy(text, start, start + name_end[0] if name_end else end, spans, roles)
                guesses.append(f"the archive is taken from {text[start:end]!r}: the holder the "
                               "courtesy line names")
                start = courtesy.end()
            archive, archive_abbr, signature = _location(text, start, end, spans, guesses)
        elif kind == "role":
            _roles(text, start, end, spans, roles, sponsors)
        elif kind == "courtesy":
            _courtesy(text, start, end, spans, roles)
        elif kind == "sentence":
            guesses.append(f"the sentence {text[start:end]!r} of the Citation names no role a "
                           "rule knows: kept in the citation only")
        elif publication is None:
            publication = _publication(text, start, end)
        else:
            guesses.append(f"a second publication ({text[start:end]!r}) is kept in the citation only")
    citation = Citation(text, url, number, slug, archive, archive_abbr, signature, tuple(roles),
                        tuple(sponsors), publisher, publication, tuple(guesses))
    return citation, spans


def _location(text: str, start: int, end: int, spans: list[Span], guesses: list[str]
              ) -> tuple[str | None, str | None, str | None]:
    """The archive (the parts before the reference) and the whole archival reference (from
    the first part that holds a number: `fond 5, opis 2, delo 9, p. 1-4`,
    `Record Group 59, Box 12, Folder 3`, `f. 5, op. 30`)."""
    parts = _parts(text[start:end], start)
    reference_at: int | None = None
    archive_parts: list[tuple[int, str]] = []
    for position, part in parts:
        named = bool(archive_parts) and archive_parts[-1][1].endswith(")")
        if not re.search(r"\d", part) and not named:
            archive_parts.append((position, part))
            continue
        # An archive's name ends with its abbreviation: "(PA AA), MfAA, C 951/76".
        cut = 0
        if not archive_parts:
            # "RGANI f. 5", "PRC FMA 106-00511-03": the words before the reference
            keyword = _REFERENCE_WORD.search(part)
            first_number = re.search(r"(?:(?<=\s)|^)\S*\d", part)
            cuts = [m.start() for m in (keyword, first_number) if m is not None]
            cut = min(cuts) if cuts else 0
            if cut and part[:cut].strip():
                archive_parts.append((position, part[:cut].rstrip()))
        reference_at = position + cut
        break
    archive = archive_abbr = signature = None
    if archive_parts:
        first, last = archive_parts[0], archive_parts[-1]
        archive = text[first[0]:last[0] + len(last[1])]
        if len(archive_parts) > 1:
            guesses.append(f"the archive is taken to be {archive!r} (its name is given in "
                           f"{len(archive_parts)} comma-separated parts)")
        abbr = re.search(r"\(\s*([^()]+?)\s*\)\s*$", archive)
        archive_abbr = abbr.group(1) if abbr else None
        spans.append((first[0], first[0] + len(archive), el("orgName", archive)))
    if reference_at is not None:
        signature = text[reference_at:end]
        spans.append((reference_at, end, el("idno", signature, type="signature")))
        if not archive_parts:
            guesses.append(f"the Citation names no archive: the reference {signature!r} is the "
                           "shelfmark, in the citation only (no msDesc)")
    return archive, archive_abbr, signature


def _roles(text: str, start: int, end: int, spans: list[Span], roles: list[Role],
           sponsors: list[str]) -> None:
    """`Contributed by X and translated by Y`, `Obtained and translated for A and B by Y`:
    a role per verb, with the people (or bodies) after "by" and the projects after "for"."""
    for clause in _CLAUSE.finditer(text, start, end):
        agents: list[Agent] = []
        by = clause.group("by")
        org = by.lower().startswith("the ")  # "by the History and Public Policy Program"
        for position, name in _names(by, clause.start("by"), org):
            kind = "orgName" if org or _is_org(name) else "persName"
            agents.append(Agent(name, kind))
            spans.append((position, position + len(name), el(kind, name)))
        verbs = [ROLE_NOUNS.get(v.lower(), v.lower()) for v in re.findall(_VERB, clause.group("verbs"), re.I)]
        for group in ("for1", "for2"):
            value = clause.group(group)
            if group == "for1" and (clause.group("prep") or "").lower() == "to" and \
                    not set(verbs) <= set(_GIVING):
                continue  # `translated to English by`: a language, no project
            if value:
                for position, name in _names(value, clause.start(group), org=True):
                    sponsors.append(name)
                    spans.append((position, position + len(name), el("orgName", name)))
        for verb in verbs:
            roles.append(Role(verb, ROLES[verb], tuple(agents)))


def _courtesy(text: str, start: int, end: int, spans: list[Span], roles: list[Role]) -> None:
    """`Courtesy of the Z Archive`: the body that provided the document, a role of its own
    (in the citation's location part the same span is also the archive, which marks it up)."""
    found = COURTESY.match(text, start, end)
    if found is None:
        return
    name_start, name_end = _trim(text, found.end(), end)
    if name_start >= name_end:
        return
    name = text[name_start:name_end]
    kind = "orgName" if _is_org(name) or not _looks_personal(name) else "persName"
    roles.append(Role("courtesy", COURTESY_RESP, (Agent(name, kind),)))
    if not any(a <= name_start < b for a, b, _ in spans):
        spans.append((name_start, name_end, el(kind, name)))


def _looks_personal(name: str) -> bool:
    """`Courtesy of Mira Talen`: two or three capitalised words, no body's word."""
    words = name.split()
    return 2 <= len(words) <= 3 and all(w[:1].isupper() for w in words)


def _publication(text: str, start: int, end: int) -> etree._Element:
    """`published in <Book>, Volume N, Document No. M` as a bibl: the title and each
    biblScope marked up in the words of the citation."""
    segment = text[start:end]
    lead = _PUBLICATION_START.match(segment)
    offset = lead.end() if lead else 0
    parts = _parts(segment[offset:], offset)
    scopes: list[tuple[int, int, etree._Element]] = []
    title_end = None
    for index, (position, part) in enumerate(parts):
        for unit, pattern in _SCOPES:
            match = pattern.match(part)
            if match and unit == "page" and not re.match(r"(?i)p", part) and not (
                    index == len(parts) - 1 and index > 0
                    and (scopes or parts[index - 1][1].endswith(")"))):
                continue  # "1945-1950" in a title is not a page range
            if match:
                attrs = {"unit": unit}
                groups = match.groupdict()
                if groups.get("n"):
                    attrs["n"] = groups["n"].rstrip(".,")
                if groups.get("from"):
                    attrs["from"] = groups["from"]
                    attrs["to"] = groups.get("to") or groups["from"]
                scopes.append((position, position + len(part), el("biblScope", part, **attrs)))
                if title_end is None:
                    title_end = position
                break
    title_text = segment[offset:title_end].rstrip(" ,") if title_end is not None else segment[offset:]
    inner: list[tuple[int, int, etree._Element]] = []
    if title_text:
        imprint = _IMPRINT.search(title_text)
        book = title_text[:imprint.start()].rstrip() if imprint else title_text
        inner.append((offset, offset + len(book), el("title", book)))
        if imprint:
            for group, tag in (("place", "pubPlace"), ("publisher", "publisher"), ("year", "date")):
                attrs = {"when": imprint.group("year")} if tag == "date" else {}
                inner.append((offset + imprint.start(group), offset + imprint.end(group),
                              el(tag, imprint.group(group), **attrs)))
    inner.extend(scopes)
    return el("bibl", marked_up(segment[offset:], [(a - offset, b - offset, n) for a, b, n in inner]),
              type="publication")


def marked_up(text: str, spans: list[Span]) -> list[etree._Element | str]:
    """The text with each span replaced by its element (overlapping spans: the first wins)."""
    out: list[etree._Element | str] = []
    position = 0
    for start, end, node in sorted(spans, key=lambda s: s[0]):
        if start < position:
            continue
        out.extend([text[position:start], node])
        position = end
    out.append(text[position:])
    return out

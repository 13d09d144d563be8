"""Layouts of real exports the first structure rules did not know (issue #10).

Kept apart from `toolkit.encoding.structure` (the cues) and `toolkit.encoding.body` (the
builder) so that those stay small; each rule here follows a phenomenon of the source, not
one report's wording:

- a page marker of the source on its own line (`[Page 2]`, `[p. 4]`, `- 3 -`): `pb[@n]`, and
  the marker as written in `fw[@type='pageNum']` (a bracketed marker's brackets in @rend, as
  the stylesheets regenerate brackets), so that the projection gives it back;
- transcribed speech (`Zhou Enlai: Welcome, comrades.`, `Q: ...`): `sp` with `speaker` (the
  colon kept in it) and the speech as `p`, when several paragraphs of a division have that
  shape, never for memo fields;
- a telegram's header line of fields apart by tabs or runs of spaces (`From MOSCOW` / `To
  PYONGYANG`, `Sent 14.V.58 18:40` / `Received ...`): memo fields of the opener;
- a distribution line after the signature (`Distributed to: A, B, C`): the distribution note;
- a list of names after a cue of persons (`Participants: A, B, C`): each item a person.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable
from typing import TYPE_CHECKING

from lxml import etree

from toolkit.encoding import dates, memo_end, quoted, structure as cue
from toolkit.encoding.blocks import HEADED_PAGE, SourceBlock
from toolkit.errors import review
from toolkit.names.cues import NOT_NAMES
from toolkit.tei import Inline, el, sub, tei

if TYPE_CHECKING:
    from toolkit.encoding.body import BodyEncoder

# -- page markers ------------------------------------------------------------------------------
# `[Page 2]`, `[page 3]`, `[p. 4]`, `[pp. 4-5]` (the translator's), `- 3 -`, `-3-`, `— 3 —` (the
# typescript's own page number, centred on its own line).
BRACKETED_PAGE = re.compile(r"^\[\s*(?:page|pg\.|pp?\.)\s*(?P<n>\d{1,4}[a-z]?)"
                            r"(?:\s*[-–]\s*\d{1,4})?\s*\]$", re.I)
DASHED_PAGE = re.compile(r"^[-–—]\s?(?P<n>\d{1,4})\s?[-–—]$")
# the page's number written out, as word processors and some typescripts print it (`Page 2
# of 4`, `Page 3`, `- page 4 -`, `/page 5/`, `p. 6/9`): the word, the number, the count
WORDED_PAGE = re.compile(r"^(?P<frame>[-–—/]?)\s?(?:page|pg\.|p\.)\s?(?P<n>\d{1,4})"
                         r"(?:\s?(?:of|/)\s?\d{1,4})?\s?(?P<close>[-–—/]?)$", re.I)
_PAGE_OPENERS = frozenset("[-–—")
_WORDED_OPENERS = frozenset("-–—/Pp")


def page_marker(text: str) -> tuple[str, bool] | None:
    """The page number a line marks and whether it is in brackets; None for other lines."""
    worded = WORDED_PAGE.match(text) if text[:1] in _WORDED_OPENERS else None
    if worded and bool(worded.group("frame")) == bool(worded.group("close")):
        return worded.group("n"), False  # (a frame opened is closed: `- page 4 -`)
    if text[:1] not in _PAGE_OPENERS:  # both forms open with one of these: no regex for most
        headed = HEADED_PAGE.match(text) if text[-1:].isdigit() else None
        return (headed.group("n"), False) if headed else None  # a running head's number
    found = BRACKETED_PAGE.match(text) or DASHED_PAGE.match(text)
    if found is None:
        return None
    return found.group("n"), text.startswith("[")


def page_break(encoder: BodyEncoder, div: etree._Element, unit: SourceBlock) -> None:
    """`pb n` where the page begins, then the marker as written (forme work: the page's
    number; HTML shows the pb and hides the fw, the projection gives back the line)."""
    text = unit.text.strip()
    marker = page_marker(text)
    assert marker is not None
    number, bracketed = marker
    sub(div, "pb", n=number)
    if bracketed:
        sub(div, "fw", text[1:-1], type="pageNum", rend="bracketed")
    elif HEADED_PAGE.match(text):  # the running head, its number with it, names tagged
        sub(div, "fw", encoder._inline(unit, text), type="header")
    else:
        sub(div, "fw", text, type="pageNum")
    encoder._count("page_markers")


# -- transcribed speech ---------------------------------------------------------------------------
# `Zhou Enlai: prose`, `Ambassador Puzanov: prose`, `Q: prose`, `The Soviet Ambassador: prose`.
SPEECH_LINE = re.compile(r"^(?P<speaker>[^\W\d_][^:;!?\[\]()\d]{0,48}?(?:\s\d{1,3}[a-z]?)?"
                         r"(?:\s\([^()]{1,40}\))?)"  # `Question 3:`, `Zhou (to Kim):`
                         r"\s?:\s+(?P<speech>\S.*)$", re.DOTALL)
_SPEAKER_CONNECTORS = frozenset({"of", "the", "de", "van", "von", "der", "al", "bin", "el", "da",
                                 "and", "for", "to"})
# labels that are no speaker: a note, a heading's cue, a list's announcement
_NOT_SPEAKERS = frozenset({"note", "notes", "nb", "n.b", "agenda", "attention", "comment",
                           "comments", "distribution", "distributed to", "decision", "resolved",
                           "summary", "conclusion", "translator's note", "editor's note",
                           "source", "sources", "remark", "remarks", "annex", "encl", "ps",
                           "p.s", "warning", "item", "question of", "result", "results",
                           "total", "address", "tel", "telephone"})
# who may speak under a number: `Question 3:` and `Answer 3:`, not `Article 3:` or `Item 3:`
_NUMBERED_SPEAKERS = frozenset({"question", "answer", "q", "a", "speaker", "delegate",
                                "participant", "witness", "voice", "interviewer", "respondent"})
SPEAKERS_NEEDED = 3  # several paragraphs of that shape ...
DISTINCT_SPEAKERS = 2  # ... and a dialogue: two speakers at least


def speaker(text: str) -> re.Match[str] | None:
    """A paragraph opening with a speaker: a name or a role (capitalised words, at most
    five, perhaps `of`/`the`; or `Q`/`A`), a colon, then prose (a word in lower case)."""
    # the speaker is at most 97 characters: no colon by the 99th, no match (9 paragraphs in
    # 10), without the pattern's lazy backtracking over the opening words
    found = SPEECH_LINE.match(text) if ":" in text[:100] else None
    field = cue.MEMO_FIELD.match(text) if found else None
    if found is None or (field and field.group("label").lower() not in _NUMBERED_SPEAKERS):
        return None  # (`Interviewer: N. Name` is a field, `Interviewer: Why ...?` a speech)
    who = found.group("speaker").strip()
    bare = re.sub(r"\([^()]*\)", "", who).strip()
    words = re.sub(r"\s\d{1,3}[a-z]?$", "", bare).split()
    if words != bare.split() and " ".join(words).lower() not in _NUMBERED_SPEAKERS:
        return None  # `Article 3: ...` is a part, `Question 3: ...` a speech
    if not words or len(words) > 5 or who.lower().rstrip(".") in _NOT_SPEAKERS:
        return None
    if not all(w[:1].isupper() or w in _SPEAKER_CONNECTORS for w in words) \
            or not words[0][:1].isupper() or any(w.endswith(".") and len(w) > 4 for w in words):
        return None  # (a full stop after a word, not an initial or `Cde.`: a sentence ended)
    speech = found.group("speech")
    if not re.search(r"\b[a-z]{2,}\b", speech):
        return None  # `Participants: A, B`: a list of names, no prose
    return found


def speeches(units: list[SourceBlock]) -> set[int]:
    """Indexes of the units that are speeches: only when enough of the division's paragraphs
    have a speaker's shape, by two speakers or more (a lone `Comment: ...` stays a p)."""
    found: dict[int, str] = {}
    for index, unit in enumerate(units):
        match = speaker(unit.text.strip())
        if match:
            found[index] = " ".join(match.group("speaker").split())
    if len(found) < SPEAKERS_NEEDED or len(set(found.values())) < DISTINCT_SPEAKERS:
        return set()
    return set(found)


def speech(encoder: BodyEncoder, div: etree._Element, unit: SourceBlock) -> None:
    """`sp`: the speaker with its colon (names tagged), then the speech as a paragraph."""
    lead = len(unit.text) - len(unit.text.lstrip())
    found = speaker(unit.text.strip())
    assert found is not None
    colon = lead + found.end("speaker")
    colon = unit.text.index(":", colon) + 1
    start = lead + found.start("speech")
    said = sub(div, "sp")
    who = unit.part(lead, colon)
    sub(said, "speaker", encoder._inline(who, who.text))
    rest = unit.tail(start)
    sub(said, "p", encoder._inline(rest, rest.text.rstrip()))
    encoder._count("speeches")
    encoder._count("paragraphs")


# A paragraph without a speaker after a speech. The Guidelines' `sp` holds all a speaker says
# (several `p`), and a division holds, beside the `sp`s, what no speaker says: the record's own
# narration (`The proposal was accepted unanimously.`, `The Minister thanked the Ambassador.`),
# a `p` between them. Speech addresses someone (I, we, you, a question); the minute-taker
# speaks of the speakers (their names or offices) and of the proceedings in the third person.
_SPOKEN = re.compile(r"\b(?:I|I'm|I’m|we|We|us|our|Our|ours|my|My|me|you|You|your|Your)\b|[?!]\W*$")
_PROCEEDINGS = re.compile(r"\b(?:proposal|motion|decision|resolution|unanimously|vote[ds]?|voting|"
                          r"adopted|approved|accepted|rejected|agreed|adjourned|closed|opened|"
                          r"applause|laughter|pause|break|interruption|thanked|left|entered|"
                          r"returned)\b", re.I)


REMARK = re.compile(r"^\((?P<remark>[^()]{3,300})\)\.?$")


def remark(encoder: BodyEncoder, div: etree._Element, unit: SourceBlock, before_speech: bool
           ) -> bool:
    """A line that is only a remark in parentheses between speeches (`(The interviewer shows
    him a photograph.)`): what happens, not what is said, a `stage` as written, parentheses
    kept. A parenthesis inside a speech stays in it; one after the last speech (`(Recorded by
    ...)`) is a remark on the record, a paragraph."""
    text = unit.text.strip()
    if not before_speech or not REMARK.match(text) or not len(div) \
            or not str(div[-1].tag).endswith("}sp"):
        return False
    sub(div, "stage", encoder._inline(unit, text))
    encoder.decided(f"{text[:40]!r} between the speeches taken as a remark (stage)", unit.line)
    return True


def continues_speech(encoder: BodyEncoder, div: etree._Element, unit: SourceBlock) -> bool:
    """Whether the paragraph went into the `sp` before it as a further `p` (a speech of
    several paragraphs); False for the record's narration between speeches, said in review."""
    said = div[-1] if len(div) else None
    if said is None or said.tag != tei("sp"):
        return False
    text = unit.text.strip()
    speakers = {w for s in div.iterfind(tei("sp") + "/" + tei("speaker"))
                for w in re.findall(r"\b[A-Z][\w'’-]{2,}", etree.tostring(s, method="text", encoding="unicode"))}
    named = any(w in speakers for w in re.findall(r"\b[A-Z][\w'’-]{2,}", text[1:]))
    if cue.MEMO_FIELD.match(text) or text[:1] in "[(" or (not _SPOKEN.search(text) and (
            named or _PROCEEDINGS.search(text))):
        encoder.decided(f"{text[:40]!r}, without a speaker after a speech, taken as the "
                        "record's narration between speeches (a p outside the sp)", unit.line)
        return False
    encoder._paragraph(said, unit)
    encoder.decided(f"{text[:40]!r}, without a speaker after a speech, taken as a further "
                    "paragraph of that speech", unit.line)
    return True


# -- a list of two levels ------------------------------------------------------------------------
def _indent(unit: SourceBlock) -> int:
    return len(unit.text.expandtabs(4)) - len(unit.text.expandtabs(4).lstrip())


def list_level(made: etree._Element, first: SourceBlock, unit: SourceBlock) -> etree._Element:
    """Where an item goes: an item indented deeper than the list's first (`  • the hotels`
    under `- Accommodation:`) is a point of the item before it, in a list of that item."""
    if _indent(unit) <= _indent(first) or not len(made) or made[-1].tag != tei("item"):
        return made
    above = made[-1]
    inner = above[-1] if len(above) and above[-1].tag == tei("list") else None
    return inner if inner is not None else sub(above, "list")


# -- a telegram's header fields ------------------------------------------------------------------
# `From MOSCOW`, `To PYONGYANG`, `Sent 14.V.58 18:40`, `Received 15.V.58 02:10`: a word that
# names the field, then its value (no colon: a telegram form's printed labels).
TELEGRAM_FIELD = re.compile(r"^(?P<label>From|To|Sent|Received|Dispatched|Despatched|Arrived|"
                            r"Incoming|Outgoing|Issued|Deciphered)\b\s*:?\s+(?=\S)", re.I)
_SHORT_DATE = re.compile(r"^(?P<date>\d{1,2}\.\s?(?:[IVX]{1,4}|\d{1,2})\.\s?(?:\d{4}|\d{2}))"
                         r"(?:\s+(?P<time>[012]?\d[:.][0-5]\d))?(?![\w.])")


def telegram_fields(encoder: BodyEncoder, div: etree._Element, parts: list[SourceBlock]) -> bool:
    """A line of two or more fields (apart by tabs or runs of spaces), each a telegram
    field: memo fields of the opener, the date of a `Sent`/`Received` field as date/@when."""
    found = [TELEGRAM_FIELD.match(p.text.strip()) for p in parts]
    if len(parts) < 2 or not all(found):
        return False
    opener = encoder._current_opener(div)
    for part, match in zip(parts, found):
        assert match is not None
        lead = len(part.text) - len(part.text.lstrip())
        value = part.tail(lead + match.end())
        label = part.text[lead:lead + match.end()].rstrip()
        sub(opener, "seg", [el("label", label), " ", *_dated_value(encoder, value)],
            type="memo-field", subtype=match.group("label").lower())
    return True


def _dated_value(encoder: BodyEncoder, value: SourceBlock) -> list[Inline]:
    """A field's value; a short numeric date opening it (`14.V.58 18:40`) as date/@when, its
    century taken from the document's date (for review), the time kept in the date."""
    text = value.text.rstrip()
    found = _SHORT_DATE.match(text)
    short = dates.short_numeric(found.group("date"), encoder.document_date) if found else None
    if found is None or short is None:
        return encoder._inline(value, text)
    iso, inferred = short
    if inferred:
        encoder.diagnostics.append(review(
            "date", f"{found.group('date')!r} gives a two-digit year: dated {iso.when} from the "
            f"document's date ({encoder.document_date})", encoder.path, value.line))
    attributes = iso.attributes()
    clock = found.group("time")
    if clock and iso.when:
        hours, minutes = re.split(r"[:.]", clock)
        attributes["when"] = f"{iso.when}T{int(hours):02d}:{minutes}:00"
    encoder._count("dates")
    rest = value.tail(found.end())
    return [el("date", found.group(), **attributes), *encoder._inline(rest, rest.text)]


# -- the end of a document ---------------------------------------------------------------------
# (`Sent: to Cdes. A, B`: the label, then the preposition of its list)
DISTRIBUTION_LINE = re.compile(r"^(?:(?:Distributed to|Distribution(?: list)?|Cop(?:y|ies)(?: sent)? to|"
                               r"Sent to|Cc|Copies|Recipients|Addressees)\s*:|Sent\s*:\s*to\b)\s*\S",
                               re.I)


def distribution_line(blocks: list[SourceBlock]) -> list[SourceBlock]:
    """`Distributed to: A, B, C` as the last block, right after a signature line: taken off
    the end of `blocks` (the body encodes it as the distribution note after the closer)."""
    if len(blocks) < 3 or not DISTRIBUTION_LINE.match(blocks[-1].text.strip()) \
            or len(blocks[-1].text) > 400:
        return []
    above = blocks[-2].text.strip()
    if cue.date_line(above) and len(blocks) > 3:  # the signature's date under it
        above = blocks[-3].text.strip()
    if not cue.signature_like(above) and not cue.org_line(above):
        return []
    return [blocks.pop()]


def distribution_note(encoder: BodyEncoder, holder: etree._Element,
                      units: list[SourceBlock]) -> None:
    """The distribution after the closer: a list (`1 - Cde. Name`, a copies list), else its
    lines as p; lines after a list that ends before them (`Recorded by: N. N.` under the
    items) are p too, never dropped."""
    if memo_end.copies_list(encoder, holder, units):
        return
    taken = encoder._list(holder, units, 0)
    if not taken and memo_end.box_list(encoder, holder, units):
        return
    for unit in units[taken:]:
        encoder._paragraph(holder, unit)


# -- names listed after a cue of persons --------------------------------------------------------
PERSONS_FIELD = re.compile(r"^(?:(?:[a-z]{3,20}\s+)?participants|participating|taking part|present|those present|also present|attended by|"
                           r"interpreters?|recorded by|record(?:ed)? taken by|copy to|copies to|"
                           r"distributed to|distribution)$", re.I)
_ITEM = re.compile(r"[^,;]+")
_NAME_ITEM = re.compile(r"^(?:[^\W\d_][\w'’.-]*)(?:\s[^\W\d_][\w'’.-]*){1,3}$")


_POST_FIELD = re.compile(r"^(?:from|to)$", re.IGNORECASE)
_PLACE_ITEM = re.compile(r"^[A-Z][\w'’.-]*(?:\s[A-Z][\w'’.-]*){0,2}$")


def _field_items(content: list[Inline], tag: Callable[[str], Inline | None]) -> list[Inline]:
    """`content` with each item of its strings between commas and semicolons that `tag` makes
    an element of (a name alone) replaced by that element; the rest kept as it stands."""
    out: list[Inline] = []
    for item in content:
        if not isinstance(item, str) or not item.strip():
            out.append(item)
            continue
        position = 0
        for piece in _ITEM.finditer(item):
            words = piece.group().strip()
            made = tag(words) if words else None
            if made is None:
                continue
            start = piece.start() + piece.group().index(words)
            out += [item[position:start], made]
            position = start + len(words)
        out.append(item[position:])
    return [x for x in out if not isinstance(x, str) or x]


def posted_places(encoder: BodyEncoder, label: str, content: list[Inline], line: int) -> list[Inline]:
    """In a memo's `From:` or `To:` field, an item between commas that is a town alone and that
    no stage tagged (`From: Dacca`): a placeName, for review. The tagger tags the towns below
    the gazetteer's size only where the text places them, and a post's field does."""
    if not _POST_FIELD.match(label.rstrip(":. ").strip()):
        return content

    def town(words: str) -> Inline | None:
        if not _PLACE_ITEM.match(words) or not encoder.tagger.minor_town(words, encoder.names_seen):
            return None
        made = encoder.tagger.unlinked("place", words)
        encoder.diagnostics.append(review(
            "name", f"{words!r} tagged as a place by the gazetteer's towns after {label.strip()!r}; "
            "no register entry holds it", encoder.path, line))
        return made
    return _field_items(content, town)


def listed_persons(encoder: BodyEncoder, label: str, content: list[Inline], line: int
                   ) -> list[Inline]:
    """In a field that lists persons (`Participants:`, `Present:`), each item of its text
    between commas and semicolons that is a name alone (two to four capitalised words, no
    title, no common noun) and that no stage tagged: a persName, for review."""
    if not PERSONS_FIELD.match(label.rstrip(":. ").strip()):
        return content

    def person(words: str) -> Inline | None:
        if not _NAME_ITEM.match(words) or any(w.rstrip(".") in NOT_NAMES or not w[:1].isupper()
                                              for w in words.split()):
            return None
        entry = encoder.tagger.lookup(words)
        if entry is not None:
            return encoder.tagger.mention(entry, words)
        made = encoder.tagger.unlinked("person", words)
        encoder.names_seen.remember(words, "title")
        encoder.diagnostics.append(review(
            "name", f"{words!r} tagged as a person by a list of names after "
            f"{label.strip()!r}; no register entry holds it", encoder.path, line))
        return made
    return _field_items(content, person)


# -- parts of a document: articles of a decree, documents of one export --------------------------
# `Article 1`, `Art. 2.`, `§ 3`, `Chapter II`, `Part 1` (`Part 1 of 2`), `Section 4`, `Document 1`,
# `Document No. 2`
# on a line of their own (perhaps with a short title after a colon or a full stop).
PART_HEADING = re.compile(r"^(?P<kind>Article|Art\.|§|Chapter|Part|Section|Document|Doc\.)\s*"
                          r"(?:No\.?\s*|N[º°o]\.?\s*)?(?P<n>\d{1,3}|[IVXL]{1,6})\b\.?"
                          r"(?:\s+of\s+(?:\d{1,3}|[IVXL]{1,6})\b)?"  # `Part 1 of 2`: of the whole
                          r"(?:\s*[:.–—-]\s*\S[^.!?]{0,80})?$")
PART_TYPES = {"article": "article", "art.": "article", "§": "section", "chapter": "chapter",
              "part": "part", "section": "section", "document": "document", "doc.": "document"}


def part_heading(text: str) -> tuple[str, str] | None:
    """(division type, number) of a part's heading line; None for other lines."""
    found = PART_HEADING.match(text)
    if found is None:
        return None
    return PART_TYPES[found.group("kind").lower()], found.group("n")


def part_headings(units: list[SourceBlock]) -> set[int]:
    """Indexes of the part headings of a division: two or more of one kind, each followed by
    text (one `Article 1` alone may be a reference, not a part)."""
    found: dict[int, str] = {}
    for index, unit in enumerate(units[:-1]):
        heading = part_heading(unit.text.strip())
        if heading and len(unit.text) <= 100:
            found[index] = heading[0]
    kinds = Counter(found.values())
    return {i for i, kind in found.items() if kinds[kind] >= 2}


def part(encoder: BodyEncoder, div: etree._Element, unit: SourceBlock) -> etree._Element:
    """The division a part heading opens, its heading (label kept) as head."""
    text = unit.text.strip()
    heading = part_heading(text)
    assert heading is not None
    made = sub(div, "div", type=heading[0], n=heading[1])
    sub(made, "head", encoder._inline(unit, text))
    encoder.decided(f"{text!r} taken as the heading of {heading[0]} {heading[1]}", unit.line)
    encoder._count("sections")
    return made


# -- a signature line of two fields: the office, a run of spaces, the name ------------------------
def role_and_name(text: str) -> tuple[str, str, str] | None:
    """`Chairman of the Council of Ministers   Yu. Tsedenbal`, `AMBASSADOR<TAB>LI SIN PAL`:
    (office, what separates them, name), or None."""
    runs = list(cue.FIELD_RUN.finditer(text))
    if len(runs) != 1 or len(text) > 160:
        return None
    office, name = text[:runs[0].start()].strip(), text[runs[0].end():].strip()
    if not cue.office_line(office) or not cue.name_like(name) or len(name.split()) > 4 \
            or cue.office_line(name) or any(c.isdigit() for c in name):
        return None
    return office, runs[0].group(), name


# -- a letterhead's address lines ------------------------------------------------------------------
ADDRESS_LINE = re.compile(
    r"^(?:(?:Tel(?:ephone)?|Phone|Fax|Telex|Telegrams?|Cable)\b\.?:?\s*\S.{0,60}|"
    r"P\.\s?O\.\s?Box\s.{1,40}|"
    r"(?:[A-Z][\w'’. -]{1,30},\s)?\d{1,4}[a-z]?,?\s[\w'’. -]{2,40}\b(?:Street|St\.|Str\.|Road|Rd\.|"
    r"Avenue|Ave\.|Boulevard|Blvd\.|Square|Lane|utca|ulica|ul\.|strasse|straße|Straße|prospekt)"
    r"(?:,\s[\w'’. -]{2,40})?)$")


def address_line(text: str) -> bool:
    """A letterhead's line of an address: a street and number, a telephone, a post box."""
    return len(text) <= 100 and ADDRESS_LINE.match(text) is not None


def address(encoder: BodyEncoder, div: etree._Element, unit: SourceBlock) -> None:
    """An address line as addrLine, in the address its previous line began. The first
    address line under the document's first line, a one-line head (`EMBASSY OF THE ...`),
    makes that head the letterhead's first line: the sender's name, not a title."""
    opener = encoder._current_opener(div)
    last = opener[-1] if len(opener) else None
    if last is not None and last.tag.endswith("}address"):
        held = last
    elif last is not None and last.tag.endswith("}byline") and len(opener) == 1 \
            and div[0] is opener:
        # the office in capitals alone at the top (columns.office_alone) over a street and a
        # telephone: the letterhead's first line, as a head there is
        held = sub(opener, "address")
        last.tag = last.tag.replace("}byline", "}addrLine")
        last.tail = None
        held.insert(0, last)
    else:
        held = sub(opener, "address")
        first = div[0]
        if first.tag.endswith("}head") and first.getnext() is opener and not len(opener) - 1 \
                and first.find("{*}lb") is None and first.get("rend") is None:
            div.remove(first)
            first.tag = first.tag.replace("}head", "}addrLine")
            first.tail = None
            held.append(first)
            encoder.decided(f"{''.join(str(t) for t in first.itertext())!r} above an address taken as the "
                            "letterhead's first line", unit.line)
    sub(held, "addrLine", encoder._inline(unit, unit.text.strip()))


# -- running heads and footers repeated on each page ----------------------------------------------
def running_lines(units: list[SourceBlock]) -> dict[int, str]:
    """Short lines repeated on the pages, right after a page marker (a running head, 'top')
    or right before one (a running footer, 'bottom'): index -> place. A line is one only
    when the same words stand at that place twice or more."""
    markers = [i for i, u in enumerate(units) if page_marker(u.text.strip())]
    if not markers:
        return {}
    places: dict[int, str] = {}
    for index in markers:
        for near, place in ((index + 1, "top"), (index - 1, "bottom")):
            if 0 <= near < len(units) and near not in markers and len(units[near].text) <= 80:
                places[near] = place
    texts = {i: " ".join(units[i].text.split()) for i in places}
    counts = Counter((texts[i], place) for i, place in places.items())  # (linear: no pairs)
    return {i: place for i, place in places.items() if counts[(texts[i], place)] >= 2}


def running_line(encoder: BodyEncoder, div: etree._Element, unit: SourceBlock, place: str) -> None:
    sub(div, "fw", encoder._inline(unit, unit.text.strip()),
        type="header" if place == "top" else "footer", place=place)
    encoder._count("marks")


# -- a table of figures: lines of three fields or more, apart by runs of spaces --------------------
TABLE_MIN_ROWS = 3


def table_rows(units: list[SourceBlock], index: int) -> int:
    """How many units from `index` on are the rows of a table: lines of the same number of
    fields (three or more), apart by runs of spaces or tabs, at least TABLE_MIN_ROWS; or two
    lines or more of the same number of fields (two or more) apart by tabs (`tabbed_rows`)."""
    def columns(unit: SourceBlock) -> int:
        return len(cue.FIELD_RUN.findall(unit.text.strip())) + 1 if len(unit.text) <= 200 else 0
    tabbed = tabbed_rows(units, index)
    if tabbed:
        return tabbed
    width = columns(units[index])
    dated = width == 2 and bool(_YEARS_CELL.match(units[index].text.strip()))
    if width < 3 and not dated:
        return 0
    end = index
    while end < len(units) and columns(units[end]) == width \
            and (not dated or _YEARS_CELL.match(units[end].text.strip())):
        end += 1
    return end - index if end - index >= TABLE_MIN_ROWS else 0


# a first cell that is a label: a field's (`TO:`) or a point's (`1.`, `a)`, `IV.`)
_LABEL_CELL = re.compile(r"^(?:[^\s:]{1,20}:|(?:\d{1,3}|[a-z]|[IVXL]{1,5})[.)])$")
# cells apart by a tab (spaces around it allowed)
_TAB = re.compile(r"[ \u00a0]*\t[ \t\u00a0]*")
TABBED_MIN_ROWS = 2


def _tab_cells(unit: SourceBlock) -> int:
    """How many tab-separated cells a line has (1: none), 0 where a cell is a field of its own
    (`From MOSCOW<TAB>To PYONGYANG`, `Label: value`), a telegram's routing, not a row."""
    text = unit.text.strip()
    if "\t" not in text or len(text) > 200:
        return 1
    cells = _TAB.split(text)
    if any(TELEGRAM_FIELD.match(c) or cue.MEMO_FIELD.match(c) for c in cells):
        return 0
    # a Word template's tab after a field's label (`TO:<TAB>Comrade Ivanov`) or a point's
    # (`1.<TAB>Deliveries ...`), or inside a sentence (`said<TAB>that`): a tab stop, no column
    if _LABEL_CELL.match(cells[0]) or any(
            a.split()[-1].islower() and b[:1].islower() for a, b in zip(cells, cells[1:]) if a):
        return 0
    return len(cells)


def tabbed_rows(units: list[SourceBlock], index: int) -> int:
    """Two lines or more, one under the other, each of the same number (two or more) of cells
    apart by tabs (`Vice Premier<TAB>Chen Yi`, `General Nam Il<TAB>Korean People's
    Army<TAB>member`): a table's rows, whatever the cells hold; a tab, unlike a run of
    spaces, is how an export keeps columns. 0 where the lines are not so."""
    width = _tab_cells(units[index])
    if width < 2:
        return 0
    end = index + 1
    while end < len(units) and _tab_cells(units[end]) == width:
        end += 1
    return end - index if end - index >= TABBED_MIN_ROWS else 0


# a label alone over a table (`Participants:`, `Positions held:`): the table's head
TABLE_LABEL = re.compile(r"^[A-Z][^:.!?;\[\]]{1,60}:$")


# (probe14, 159) two columns are a table only when each row opens with its years, a career's
# `1946-1949     secretary of ...`, `1957-         deputy head ...`: two fields of another kind
# are an office and a date, two signatures, two delegations' names side by side
_YEARS_CELL = re.compile(r"^(?:1[89]|20)\d\d\s*(?:[-–—]\s*(?:(?:1[89]|20)\d\d)?)?(?=\s{3}|\t)")


def runs(encoder: BodyEncoder, div: etree._Element, units: list[SourceBlock], index: int) -> int:
    """A run of units from `index` on that is one element, made here: a table's rows, or a
    letter quoted in full (`embedded`). The units taken, or 0."""
    # (embedded reads closing, which reads this module; a plain `import`: a `from` import's
    # names are handed over by importlib's Python code, at every one of ~18 calls a report)
    import toolkit.encoding.embedded as embedded

    label = TABLE_LABEL.match(units[index].text.strip()) and len(units[index].text.split()) <= 8
    rows = table_rows(units, index + 1) if label and index + 1 < len(units) else 0
    if rows:  # `Positions held:` over the rows: the table's head
        table(encoder, div, units[index + 1:index + 1 + rows], units[index])
        return rows + 1
    rows = table_rows(units, index)
    if rows:
        table(encoder, div, units[index:index + rows])
        return rows
    quoted = embedded.quoted_letter(units, index)
    if quoted:
        embedded.floating_text(encoder, div, units[index:index + quoted])
    return quoted


def table(encoder: BodyEncoder, div: etree._Element, units: list[SourceBlock],
          head: SourceBlock | None = None) -> None:
    """`table/row/cell`; a first row with no figure while the others have some is the
    table's labels (`row[@role='label']`); a label line above the rows its `head`."""
    made = sub(div, "table", rows=str(len(units)), cols=str(len(cue.fields(units[0]))))
    if head is not None:
        sub(made, "head", encoder._inline(head, head.text.strip()))
    for number, unit in enumerate(units):
        row = sub(made, "row")
        cells = cue.fields(unit)
        if number == 0 and not any(c.isdigit() for c in unit.text) \
                and all(any(c.isdigit() for c in u.text) for u in units[1:]):
            row.set("role", "label")
        for cell in cells:
            sub(row, "cell", encoder._inline(cell, cell.text.strip()))
    encoder.decided(f"lines {units[0].line}-{units[-1].line} taken as a table of "
                    f"{len(cue.fields(units[0]))} columns", units[0].line)
    encoder._count("tables")


# -- letters of one export ---------------------------------------------------------------------
def letter_starts(blocks: list[SourceBlock]) -> list[int]:
    """Where a further letter begins inside the text (an exchange of letters, a letter and
    its reply): after a closing salutation and its signature lines (one to four), a
    place-and-date line, a date line or an addressee. Indexes into `blocks`."""
    starts: list[int] = []
    for index, block in enumerate(blocks[:-2]):
        if not cue.CLOSING_SALUTE.match(block.text.strip()):
            continue
        end = index + 1
        while end < len(blocks) - 2 and end - index <= 4 \
                and cue.signature_like(blocks[end].text.strip()) \
                and not REPLY_HEAD.match(blocks[end].text.strip()):
            end += 1
        start = end
        if REPLY_HEAD.match(blocks[end].text.strip()) and end + 1 < len(blocks) - 1:
            end += 1  # `REPLY` over the second letter: its head
        following = blocks[end].text.strip()
        if start > index + 1 and (cue.place_date(following) or cue.date_line(following)
                                  or cue.ADDRESSEE.match(following)):
            starts.append(start)
    return starts


# `REPLY`, `Answer of the Ministry:` on a line of its own between two letters
REPLY_HEAD = re.compile(r"^(?:reply|answer|response)(?:\s+(?:of|from|to|by)\b[^.]{0,80})?[.:]?$",
                        re.I)


# -- a letter's parts: letters of one export, the end mark, the sender, the addressee ----------
DIGIT_OR_BRACKET = re.compile(r"[\d\[\]]")  # no place or office line holds one


def letters(encoder: BodyEncoder, top: etree._Element, blocks: list[SourceBlock]) -> etree._Element:
    """Letters of one export (a letter and its reply): each but the last made here as a
    `div[@type='letter']` with its opener and closer, taken off `blocks`; the division
    the last letter goes into is returned (`top` itself when there is one letter)."""
    from toolkit.encoding import closing  # closing reads this module's signature rules

    starts = letter_starts(blocks)
    if not starts:
        return top
    encoder.decided(f"the text split into {len(starts) + 1} letters at their closing "
                    "signatures", blocks[starts[0]].line)
    for begin, end in zip([0] + starts, starts):
        part = blocks[begin:end]
        signature = closing.signature(encoder, part)
        salute = part.pop() if signature and len(part) > 1 and \
            cue.CLOSING_SALUTE.match(part[-1].text.strip()) else None
        letter = sub(top, "div", type="letter")
        encoder._structure(letter, encoder._join(part))
        if signature:
            closing.closer(encoder, letter, signature, salute)
        encoder._count("letters")
    del blocks[:starts[-1]]
    return sub(top, "div", type="letter")


def end_mark(blocks: list[SourceBlock]) -> SourceBlock | None:
    """`END OF MESSAGE` among the last lines (before or after the signature): the text's
    `trailer`, taken off so that it is neither a signature line nor a paragraph."""
    for index in range(len(blocks) - 1, max(1, len(blocks) - 4) - 1, -1):
        if cue.END_MARK.match(blocks[index].text.strip()) and not quoted.closes(blocks, index):
            return blocks.pop(index)  # (`END TEXT.` under `BEGIN TEXT:` closes a quotation)
    return None


def whole_name(encoder: BodyEncoder, text: str, kind: str, longest: int) -> etree._Element | None:
    """A line that is only one name of `kind` (`Beijing` over a journal's entries, `Embassy
    of the ... in Vientiane` at the top): its element, linked when a register holds it."""
    if len(text) > longest or DIGIT_OR_BRACKET.search(text) or not text[:1].isupper():
        return None
    spans = encoder.tagger.spans(text)
    if len(spans) != 1 or spans[0].kind != kind or spans[0].start != 0 \
            or spans[0].end != len(text):
        return None
    entry = spans[0].entry
    return encoder.tagger.mention(entry, text) if entry else encoder.tagger.unlinked(kind, text)


def addressed(div: etree._Element) -> etree._Element | None:
    """The addressee's `address` when it is the last thing of the division's opener."""
    opener = div[-1] if len(div) else None
    if opener is None or not str(opener.tag).endswith("}opener") or not len(opener):
        return None
    last = opener[-1]
    return last if str(last.tag).endswith("}address") and last.find("{*}addrLine") is not None \
        and not address_line(str(last[0].xpath("string()"))) else None

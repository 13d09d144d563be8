"""The end of a letter or report: the signature lines, two signatures side by side, and a
closing place-and-date line, as TEI's `closer` (`signed`, `roleName`, `persName`, `gap`,
`dateline`). Moved out of `toolkit.encoding.body`, which calls these on its encoder, so that
both stay readable (issue #10).

- `Brno, June 1971` or `Berlin, 3 May 1962` as the last line, also after the name on its line
  (`Kovacs<TAB>Berlin, 3 May 1962`: a tab or a run of spaces apart): the closer's `dateline`
  with `placeName` and `date`, the place and date the text was signed.
- Two signatures in two columns (`For the GDR      For the USSR` / the names under them): one
  `signed` per column, `rend="columns"` saying they stood side by side; the projection gives
  the rows back as the source laid them out.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from lxml import etree

from toolkit.encoding import dates, layouts, offices, structure as cue
from toolkit.encoding.blocks import SourceBlock
from toolkit.errors import review
from toolkit.tei import Inline, el, sub, tei

if TYPE_CHECKING:
    from toolkit.encoding.body import BodyEncoder

_ROLE_IN_PARENTHESES = re.compile(r"\((?P<role>[^()]+)\)")
# `For the GDR`, `On behalf of the Ministry`: the party a signature is given for
_ON_BEHALF = re.compile(r"^(?:For|On behalf of)\s+(?:the\s+)?[A-Z]")
# a name and a place-and-date line on one line, a tab or a run of spaces apart
_NAME_THEN_PLACE_DATE = re.compile(r"^(?P<name>\S.*?\S)(?:\s*\t\s*|\s{3,})(?P<dateline>[^\t]+?)\s*$")


def place_date_line(encoder: BodyEncoder, blocks: list[SourceBlock]) -> SourceBlock | None:
    """The closing place-and-date line, taken off the end of `blocks`: the last line when it
    is one (`Brno, June 1971`), or the part after a name on the last line (the name stays,
    a signature line). Only after text: a document of one line is no closing."""
    if len(blocks) < 2:
        return None
    last = blocks[-1]
    text = last.text.strip()
    # the split first: a run of spaces parts the fields, so `M. Novotny      Warsaw` is no
    # place name even where the whole line reads as a place and a date
    found = _NAME_THEN_PLACE_DATE.match(text)
    if found and cue.place_date(found.group("dateline")) and cue.name_like(found.group("name")):
        lead = len(last.text) - len(last.text.lstrip())
        name = last.part(lead, lead + found.end("name"))
        start = lead + found.end("name")  # the run of spaces kept: the closer's `space`
        blocks[-1] = name
        return last.part(start, lead + found.end("dateline"))
    if cue.place_date(text) and not cue.bound_to_previous(blocks):
        blocks.pop()
        return last.tail(len(last.text) - len(last.text.lstrip()))
    return None


def unsigned_dateline(encoder: BodyEncoder, div: etree._Element, line: SourceBlock) -> None:
    """An unsigned text's last line, its place and date (`Sofia, 7 March 1968` under a
    resolution; probe13, 151): the closer's dateline, where the text was made and when. A
    text of no paragraph keeps it as one (a closer needs text before it)."""
    if div.find("{*}p") is None and div.find(".//{*}div") is None and div.find("{*}list") is None:
        encoder._paragraph(div, line)
        return
    encoder._count("closers")
    encoder._dateline(sub(div, "closer"), line, line.text.strip())
    encoder.decided(f"{line.text.strip()!r} at the end of an unsigned text taken as its "
                    "closing dateline", line.line)


def postscript(encoder: BodyEncoder, holder: etree._Element, units: list[SourceBlock]) -> None:
    """A postscript's paragraphs, its `P.S.` the first one's `label`: the mark is no word of
    the text (`P.S. Berg will bring...`: `Berg` alone is the name, if any)."""
    first = units[0]
    lead = len(first.text) - len(first.text.lstrip())
    found = cue.POSTSCRIPT.match(first.text.lstrip())
    rest = first.tail(lead + found.end()) if found else first
    if found and rest.text.strip():
        space = rest.text[:len(rest.text) - len(rest.text.lstrip())]
        body = rest.tail(len(space))
        encoder._count("paragraphs")
        sub(holder, "p", [el("label", found.group()), space,
                          *encoder._inline(body, body.text.rstrip())])
        units = units[1:]
    encoder._structure(holder, units, top=False)


def two_columns(blocks: list[SourceBlock]) -> int:
    """How many lines at the end of `blocks` are two signatures side by side (two fields on
    each line, a name among the last line's fields, at most five lines); 0 when fewer than
    two."""
    count = 0
    while count < min(5, len(blocks) - 1) and len(cue.fields(blocks[-1 - count])) == 2:
        count += 1
    if count < 2 or not all(cue.name_like(f.text.strip()) for f in cue.fields(blocks[-1])) \
            or any(layouts.role_and_name(b.text.strip()) for b in blocks[-count:]) \
            or any(cue.office_line(cue.fields(b)[0].text.strip()) for b in blocks[-count:]):
        return 0  # (`Chairman   A. Petrov` / `Secretary   N. Sidorova`: two signers, each a row)
    return count


def signature_columns(lines: list[SourceBlock]) -> list[list[SourceBlock]] | None:
    """Two signatures side by side: every line of the signature two fields apart by a run of
    spaces or a tab, at least two such lines; the columns, top to bottom. None otherwise (a
    line of office and name, `14.V.58    P. Vetrov`, is one signature's)."""
    if len(lines) < 2:
        return None
    rows = [cue.fields(block) for block in lines]
    if any(len(row) != 2 for row in rows) or two_columns([lines[0], *lines]) != len(lines) or any(cue.date_line(f.text.strip()) for row in rows
                                                   for f in row):
        return None
    return [[row[0] for row in rows], [row[1] for row in rows]]


# `(Recorded by Pei Jianzhang; not checked by the Premier)` alone at the end: who took the record
_RECORDER = re.compile(r"^\((?P<lead>(?:Recorded|Minuted|Noted|Drafted|Prepared|Compiled|Written|"
                       r"Translated|(?:Notes|Record|Minutes) (?:were )?taken|Taken down) by:?\s+)"
                       r"(?P<names>[^;()\d]+?)(?P<rest>\s*[;,][^()]*)?\)$")
_NAMES_APART = re.compile(r"\s+and\s+|,\s*")


def recorder(text: str) -> tuple[str, list[str], str] | None:
    """A recorder's line alone in parentheses: its words before the names, the names (each a
    name: capitalised words, four at most), what follows them; None for a sentence that
    names no person (`(Recorded by the embassy's staff)`)."""
    found = _RECORDER.match(text)
    if found is None:
        return None
    names = [n.strip() for n in _NAMES_APART.split(found.group("names").strip())]
    if not names or any(not cue.name_like(n) or len(n.split()) > 4 for n in names):
        return None
    return found.group("lead"), names, found.group("names")


def _signer(text: str) -> bool:
    """A line of a signature: a name, an office, both, or a body that signs (an embassy),
    or the recorder's line of a record of conversation."""
    return cue.signature_like(text) or bool(layouts.role_and_name(text)) or cue.org_line(text) \
        or recorder(text) is not None


def _body_first(encoder: BodyEncoder, text: str) -> bool:
    """Whether the names stage reads `text` as a body and then a place after a comma
    (`Hungarian Embassy, Ottawa`, `Ministry of Foreign Affairs, Budapest`): the line then
    keeps the names it finds, not one persName or orgName over both."""
    spans = encoder.tagger.spans(text)
    return len(spans) >= 2 and spans[0].kind == "org" and spans[0].start == 0 \
        and text.startswith(", ", spans[0].end) and spans[-1].kind == "place"


def signature(encoder: BodyEncoder, blocks: list[SourceBlock]) -> list[SourceBlock]:
    lines: list[SourceBlock] = []
    columns = two_columns(blocks)
    if columns:
        lines = blocks[-columns:]
        del blocks[-columns:]
        encoder.decided(f"lines {lines[0].line}-{lines[-1].line} read as two signatures side "
                        "by side", lines[0].line)
        return lines
    if len(blocks) > 2 and cue.date_line(blocks[-1].text.strip()) \
            and _signer(blocks[-2].text.strip()):
        lines.append(blocks.pop())  # `25 June 1963` under the signature: its date
    while len(blocks) > 1 and len(lines) < 5 and _signer(blocks[-1].text.strip()) \
            and (not cue.bound_to_previous(blocks) or cue.role_under_name(blocks)) \
            or lines and offices.role_goes_on(blocks):
        if offices.role_goes_on(blocks):  # `Chairman of the Committee` / `for State Security`
            below = blocks.pop()
            blocks[-1] = offices.joined(blocks[-1], below)
        lines.insert(0, blocks.pop())
    if lines and not any(cue.name_like(b.text.strip()) or "[" in b.text or "/" in b.text
                         or cue.hand_signed(b.text.strip()) or cue.org_line(b.text.strip())
                         or cue.signed_before(b.text.strip())
                         or layouts.role_and_name(b.text.strip())
                         or cue.drafter(b.text.strip()) or cue.role_colon(b.text.strip())
                         or recorder(b.text.strip()) is not None
                         or any(cue.name_like(f) for f in cue.closing_fields(b.text) or [])
                         for b in lines):
        blocks.extend(lines)
        return []
    if lines and len(blocks) > 1 and cue.place_date(blocks[-1].text.strip()) \
            and not cue.bound_to_previous(blocks) and not cue.place_date(lines[0].text.strip()):
        # `Beijing, 12 April 1962` right above the signature: where and when it was signed
        lines.insert(0, blocks.pop())
    if len(lines) == 1 and recorder(lines[0].text.strip()):
        encoder.decided(f"{lines[0].text.strip()!r} at the end taken as the recorder's "
                        "signature", lines[0].line)
    if len(lines) == 1 and cue.drafter(lines[0].text.strip()):
        encoder.decided(f"{lines[0].text.strip()!r} at the end taken as the drafter's name",
                        lines[0].line)
    return lines



def closer(encoder: BodyEncoder, div: etree._Element, lines: list[SourceBlock],
           salute: SourceBlock | None, place_date: SourceBlock | None = None) -> None:
    """The closing salutation, the signature lines as `signed` (offices as roleName,
    names as persName, the signature's bracket as gap), a closing date as dateline; two
    signatures side by side (columns) a `signed rend="columns"` each; the closing place and
    date line (`place_date`, the last line) the closer's last dateline."""
    encoder._count("closers")
    closer = sub(div, "closer")
    if salute is not None:
        greeting = sub(closer, "salute", encoder._inline(salute, salute.text.strip()))
        language = cue.closing_language(salute.text)
        if language:  # a formula left untranslated (`Mit sozialistischem Gruß`)
            greeting.set("{http://www.w3.org/XML/1998/namespace}lang", language)
    signed: list[Inline] = []
    name_parts: list[SourceBlock] = []

    def person(name: str) -> etree._Element:
        entry = encoder.tagger.lookup(name)
        return encoder.tagger.mention(entry, name) if entry else el("persName", name)

    def line() -> None:
        if signed:
            signed.append(el("lb"))

    def flush() -> None:
        if not name_parts:
            return
        line()
        joined = " ".join(b.text.strip() for b in name_parts)
        entry = encoder.tagger.lookup(joined)
        if entry is None and len(name_parts) == 1 and _body_first(encoder, joined):
            # `Hungarian Embassy, Ottawa` in a copies block: a body and its place, no signer
            signed.extend(encoder._inline(name_parts[0], joined))
            name_parts.clear()
            return
        content: list[Inline] = []
        for i, block in enumerate(name_parts):
            if i:
                content.append(el("lb"))
            content.append(block.text.strip())
        signed.append(encoder.tagger.mention(entry, content) if entry
                      else el("persName", content))
        name_parts.clear()

    def end_signed() -> None:
        flush()
        if signed:
            sub(closer, "signed", list(signed))
            signed.clear()

    def next_signer() -> None:  # a line of role and name after a named signer: a second one
        if any(getattr(x, "tag", "") == tei("persName") for x in signed):
            end_signed()

    def take(block: SourceBlock) -> None:
        text = block.text.strip()
        if cue.place_date(text):
            end_signed()  # the place and date above the signature: the closer's dateline
            encoder._dateline(closer, block, text)
            return
        dated = closing_date(encoder, block, text)
        if dated is not None:
            end_signed()  # `14.V.58    P. Vetrov`: the date, then the signature
            sub(closer, "dateline", [dated])
            return
        role = _ROLE_IN_PARENTHESES.fullmatch(text)
        drafted = cue.drafter(text)
        slashed = cue.SLASHED_SIGNATURE.match(text)
        colon = cue.role_colon(text)
        lead = cue.bracket_lead(text)
        split = cue.role_split(text)
        hand = cue.hand_signed(text)
        before = cue.signed_before(text)
        recorded = recorder(text)
        if recorded:
            flush()
            next_signer()
            line()
            words, names, written = recorded
            signed.append("(" + words)
            left = written
            for name in names:  # each name a persName, the words between them as written
                at = left.index(name)
                signed.extend([left[:at], person(name)])
                left = left[at + len(name):]
            rest = left + text[1 + len(words) + len(written):]
            if len(rest) > 1 and rest.endswith(")"):
                # `; checked by Zhang Wenjin)`: what follows the recorders holds names too
                signed.extend(encoder._inline(block, rest[:-1]))
                signed.append(")")
            else:
                signed.append(rest)
        elif before:
            flush()
            next_signer()
            line()
            signed.extend([before[0], person(before[1])])  # `Sd/- K. R. Menon`: the mark first
        elif hand:
            flush()
            next_signer()
            line()
            signed.extend([person(hand[0]), hand[1]])  # `J. Novák, v.r.`: the mark kept after it
        elif _ON_BEHALF.match(text):
            flush()
            next_signer()
            line()
            signed.extend(encoder._inline(block, text))  # `For the GDR`: whose signature
        elif cue.SIGNER_LABEL.match(text):
            flush()
            next_signer()
            line()
            signed.append(text)  # `Recorded by:`: the signer's part, said as written
        elif slashed:
            flush()
            next_signer()
            line()
            office = slashed.group("role").strip()
            if office:
                signed.extend([el("roleName", office), " "])
            if slashed.group("sig"):
                start = block.text.index(slashed.group("sig"))
                piece = block.part(start, start + len(slashed.group("sig")))
                signed.extend([*encoder._inline(piece, piece.text), " "])
            signed.extend(["/", person(slashed.group("name").strip()), "/"])
        elif colon:
            flush()
            next_signer()
            line()
            signed.extend([el("roleName", colon.group("role").strip()),
                           text[colon.end("role"):colon.start("name")],
                           person(colon.group("name").strip())])
        elif lead:
            flush()
            line()
            start = block.text.index(lead.group("bracket"))
            piece = block.part(start, start + len(lead.group("bracket")))
            signed.extend([*encoder._inline(piece, piece.text),
                           text[lead.end("bracket"):lead.start("rest")],
                           person(lead.group("rest").strip())])
        elif drafted:
            flush()
            line()
            signed.extend(["(", person(drafted), ")"])
        elif layouts.role_and_name(text):
            flush()
            next_signer()
            line()
            office, glue, name = layouts.role_and_name(text) or ("", "", "")
            signed.extend([el("roleName", office), glue, person(name)])
        elif role or text[:1].islower() or split or cue.office_line(text):
            flush()
            line()
            if role:
                signed.extend(["(", el("roleName", role.group("role")), ")"])
            elif split and split[1]:
                office, name = split
                glue = text[len(office):len(text) - len(name)] \
                    if text.startswith(office) and text.endswith(name) else " "
                signed.extend([el("roleName", office), glue, person(name)])
            else:
                signed.append(el("roleName", offices.with_breaks(text)))
        elif cue.org_line(text) and not name_parts:
            flush()
            next_signer()
            line()
            entry = encoder.tagger.lookup(text)  # `Embassy in the DPRK`: a body signs
            if entry is None and _body_first(encoder, text):
                signed.extend(encoder._inline(block, text))  # `Ministry of ..., Budapest`
            else:
                signed.append(encoder.tagger.mention(entry, text) if entry else el("orgName", text))
        elif "[" in text:
            flush()
            line()
            signed.extend(encoder._inline(block, text))
        else:
            name_parts.append(block)

    columns = signature_columns(lines)
    for column in columns or [closing_pieces(lines)]:
        for block in column:
            take(block)
        if columns:
            end_signed()
            made = closer.findall(tei("signed"))
            if made:
                made[-1].set("rend", "columns")
    end_signed()
    if place_date is not None:
        run = place_date.text[:len(place_date.text) - len(place_date.text.lstrip())]
        if run:  # on the name's line: the run between them, so that it projects as one line
            sub(closer, "space", quantity=str(len(run)), unit="char", dim="horizontal")
        encoder._dateline(closer, place_date, place_date.text.strip())



def closing_pieces(lines: list[SourceBlock]) -> list[SourceBlock]:
    """The signature's lines, a line of fields (`14.V.58    P. Vetrov`) as its fields."""
    pieces: list[SourceBlock] = []
    for block in lines:
        parts = cue.fields(block) if cue.closing_fields(block.text.strip()) else [block]
        pieces.extend(parts)
    return pieces



def closing_date(encoder: BodyEncoder, block: SourceBlock, text: str) -> etree._Element | None:
    """A date standing alone among the signature's lines, as `date` with its ISO value;
    a two-digit year's century is taken from the document's date, for review."""
    full = cue.date_line(text)
    if full is not None:
        return el("date", text, **full.attributes())
    short = dates.short_numeric(text, encoder.document_date)
    if short is None:
        return None
    iso, inferred = short
    if inferred:
        encoder.diagnostics.append(review(
            "date", f"{text!r} gives a two-digit year: dated {iso.when} from the "
            f"document's date ({encoder.document_date})", encoder.path, block.line))
    return el("date", text, **iso.attributes())


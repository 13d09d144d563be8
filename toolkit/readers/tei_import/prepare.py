"""Before parsing: what older or careless TEI does that the safe parser refuses, repaired in the bytes.

Two repairs, each reported as a file-level loss-report line (line numbers are the source's):

- An internal DTD subset that declares only internal general entities (`<!ENTITY mdash '---'>`,
  character entities as older TEI declares them) is expanded here, within strict limits: no
  parameter entities, no external entities (SYSTEM, PUBLIC, NDATA), no other declarations,
  at most `MAX_DEPTH` levels of entities within entities, and an expanded document at most
  `MAX_GROWTH` times the source (and `MAX_SIZE` bytes). Anything else is refused with its line;
  the parser itself never sees a DTD.
- A repeated `xml:id` (which libxml2 refuses) is renamed (`x` -> `x-2`); pointers `#x` keep
  pointing to the first element, since which one a pointer meant cannot be known.
"""

from __future__ import annotations

import re

from toolkit.errors import InputError
from toolkit.readers.tei_import.loss import LossEntry

MAX_DEPTH = 8
MAX_GROWTH = 10
MAX_SIZE = 64 * 1024 * 1024
_PREDEFINED = {"amp", "lt", "gt", "quot", "apos"}
_DOCTYPE = re.compile(rb"<!DOCTYPE\s+[^\s\[>]+\s*(?:(SYSTEM|PUBLIC)[^\[>]*)?(\[)?")
_ENTITY = re.compile(r"<!ENTITY\s+([A-Za-z_:][\w.:-]*)\s+(\"[^\"]*\"|'[^']*')\s*>", re.S)
_REFERENCE = re.compile(r"&([A-Za-z_:][\w.:-]*);")
_XML_ID = re.compile(rb"""\bxml:id\s*=\s*(?:"([^"]*)"|'([^']*)')""")


def _line_at(data: bytes, offset: int) -> int:
    return data.count(b"\n", 0, offset) + 1


def _doctype_span(data: bytes) -> tuple[int, int, int, int] | None:
    """(start, subset start, subset end, end) of a DOCTYPE with an internal subset, outside comments."""
    position = 0
    while True:
        match = _DOCTYPE.search(data, position)
        if match is None:
            return None
        comment = data.rfind(b"<!--", 0, match.start())
        if comment >= 0 and data.find(b"-->", comment, match.start()) < 0:
            position = match.end()  # inside a comment (a commented-out DOCTYPE)
            continue
        if match.group(2) is None:
            return None
        start = match.end()
        index, quote = start, 0
        while index < len(data):  # the subset ends at the first "]" outside a literal or comment
            byte = data[index]
            if quote:
                if byte == quote:
                    quote = 0
            elif data.startswith(b"<!--", index):
                close = data.find(b"-->", index + 4)
                if close < 0:
                    break
                index = close + 2
            elif byte in (0x22, 0x27):
                quote = byte
            elif byte == 0x5D:  # ]
                close = data.find(b">", index)
                if close < 0:
                    break
                return match.start(), start, index, close + 1
            index += 1
        raise InputError("the DOCTYPE's internal subset does not end", "", _line_at(data, match.start()))


def expand_entities(data: bytes, path: str) -> tuple[bytes, list[LossEntry]]:
    """The document with its internal text entities expanded and the DOCTYPE removed."""
    span = _doctype_span(data)
    if span is None:
        return data, []
    start, subset_start, subset_end, end = span
    doctype_line = _line_at(data, start)
    subset = data[subset_start:subset_end].decode("utf-8", "replace")
    values: dict[str, str] = {}
    position = 0
    while position < len(subset):
        rest = subset[position:]
        stripped = rest.lstrip()
        position += len(rest) - len(stripped)
        if not stripped:
            break
        line = doctype_line + subset[:position].count("\n") + data[start:subset_start].count(b"\n")
        if stripped.startswith("<!--"):
            close = stripped.find("-->")
            if close < 0:
                raise InputError("unterminated comment in the DOCTYPE", path, line)
            position += close + 3
            continue
        match = _ENTITY.match(stripped)
        if match is None:
            what = stripped[:60].split("\n")[0]
            raise InputError(f"the internal DTD subset declares {what!r}: refused; only internal text and "
                             "character entities (<!ENTITY name \"text\">) are expanded, never parameter or "
                             "external entities or other declarations", path, line)
        name, literal = match.group(1), match.group(2)[1:-1]
        if "%" in literal:
            raise InputError(f"the entity {name!r} refers to a parameter entity: refused", path, line)
        values.setdefault(name, literal)
        position += match.end()
    body = data[end:].decode("utf-8")
    limit = min(MAX_SIZE, MAX_GROWTH * len(data) + 1024 * 1024)
    counts: dict[str, int] = {}
    produced = [0]

    def expand(text: str, depth: int, chain: tuple[str, ...]) -> str:
        def one(match: re.Match[str]) -> str:
            name = match.group(1)
            if name in _PREDEFINED or name not in values:
                return match.group(0)
            if name in chain or depth >= MAX_DEPTH:
                raise InputError(f"the entity {name!r} is nested more than {MAX_DEPTH} levels deep or refers "
                                 "to itself: refused", path, doctype_line)
            counts[name] = counts.get(name, 0) + 1
            value = expand(values[name], depth + 1, chain + (name,))
            produced[0] += len(value)  # every expansion counts, so many references are bounded too
            if produced[0] > limit:
                raise InputError(f"expanding the DOCTYPE's entities would make the document larger than "
                                 f"{limit} characters: refused", path, doctype_line)
            return value
        result = _REFERENCE.sub(one, text)
        if len(result) > limit:
            raise InputError(f"expanding the DOCTYPE's entities would make the document larger than "
                             f"{limit} characters: refused", path, doctype_line)
        return result

    expanded = expand(body, 0, ())
    newlines = data[start:end].count(b"\n")
    result = data[:start] + b"\n" * newlines + expanded.encode("utf-8")
    notes = [LossEntry("DOCTYPE", "/", "rewritten",
                       f"internal DTD subset with {len(values)} text entit{'y' if len(values) == 1 else 'ies'} "
                       f"({', '.join(f'{n}={v!r}' for n, v in list(values.items())[:12])}); "
                       f"{sum(counts.values())} reference{'s' if sum(counts.values()) != 1 else ''} expanded "
                       "into text and the DOCTYPE removed (the edition's TEI declares no DTD)", doctype_line)]
    return result, notes


def rename_repeated_ids(data: bytes) -> tuple[bytes, list[LossEntry]]:
    """Each repeated xml:id renamed in the bytes (`x-2`, `x-3`...), so that the parser accepts it."""
    seen: dict[str, int] = {}
    found = [(m, (m.group(1) if m.group(1) is not None else m.group(2)).decode("utf-8", "replace"))
             for m in _XML_ID.finditer(data)]
    taken = {value for _match, value in found}
    pieces: list[bytes] = []
    notes: list[LossEntry] = []
    last = 0
    line, counted = 1, 0
    for match, value in found:
        line += data.count(b"\n", counted, match.start())
        counted = match.start()
        if value not in seen:
            seen[value] = line
            continue
        number = 2
        while f"{value}-{number}" in taken:
            number += 1
        new = f"{value}-{number}"
        taken.add(new)
        pieces.append(data[last:match.start()])
        pieces.append(f'xml:id="{new}"'.encode())
        last = match.end()
        notes.append(LossEntry("xml:id", "/", "rewritten",
                               f"xml:id {value!r} is used again (first at line {seen[value]}); this one was renamed "
                               f"{new!r}; pointers '#{value}' still point to the first, since which one they meant "
                               "cannot be told", line))
    if not notes:
        return data, []
    pieces.append(data[last:])
    return b"".join(pieces), notes

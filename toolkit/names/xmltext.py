"""An XML document as its own text: elements with the offsets of their tags, and the
character data between them decoded with the offset of every character.

The linker edits documents as text, inserting only start and end tags, so that every other
byte (hand edits, indentation, entities, comments) stays as it was. For that it must know, for
each character of the text content, where it stands in the file: lxml gives line numbers of
elements only. The document has been parsed by lxml first (`safe_xml`: well-formed, no DTD
tricks), so this reader only needs to find the markup, not to check it. One pass, linear.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field

from toolkit.errors import InputError

_MARKUP = re.compile(
    r"<!--.*?-->|<!\[CDATA\[(?P<cdata>.*?)\]\]>|<\?.*?\?>|<!DOCTYPE(?:[^\[>]|\[.*?\])*>"
    r"|</(?P<end>[^\s>]+)\s*>"
    r"|<(?P<start>[^\s/>!?]+)(?P<attrs>(?:\s+[^\s=/>]+\s*=\s*(?:\"[^\"]*\"|'[^']*'))*)\s*(?P<empty>/?)>",
    re.S)
_ATTRIBUTE = re.compile(r"([^\s=/>]+)\s*=\s*(?:\"([^\"]*)\"|'([^']*)')")
# what is not one file character per character: references, white space other than one space
_SPECIAL = re.compile(r"&(#x[0-9a-fA-F]+|#[0-9]+|[A-Za-z][\w.-]*);|[\t\n\r][\t\n\r ]*| [\t\n\r ]+")
_ENTITIES = {"lt": "<", "gt": ">", "amp": "&", "quot": '"', "apos": "'"}


@dataclass
class Run:
    """Character data between two pieces of markup. `text` is decoded, its white space runs
    made single spaces. `pieces` maps it back to the file: (index in text, file offset,
    length in the file of that one character, or 0 for a literal stretch that runs to the next
    piece, one file character per character)."""

    text: str
    pieces: list[tuple[int, int, int]]
    cdata: bool = False

    def _piece(self, index: int) -> tuple[int, int, int]:
        return self.pieces[bisect.bisect_right(self.pieces, (index, 1 << 62, 0)) - 1]

    def start_of(self, index: int) -> int:
        """The file offset where the text's character `index` begins."""
        at, offset, length = self._piece(index)
        return offset if length else offset + index - at

    def end_of(self, index: int) -> int:
        """The file offset just after the text's character `index`."""
        at, offset, length = self._piece(index)
        return offset + length if length else offset + index - at + 1


@dataclass
class Element:
    name: str  # the qualified name as written (`persName`, `tei:p`)
    attrs: dict[str, str]
    start: int  # offset of '<' of the start tag
    start_end: int  # offset just after the start tag's '>'
    parent: Element | None = None
    close: int = -1  # offset of '<' of the end tag (of the start tag if the element is empty)
    children: list[Element | Run] = field(default_factory=list)

    @property
    def local(self) -> str:
        return self.name.rpartition(":")[2]

    @property
    def prefix(self) -> str:
        return self.name.rpartition(":")[0]

    def text(self) -> str:
        """The element's text content, white space collapsed."""
        parts: list[str] = []
        stack: list[Element | Run] = [self]
        while stack:
            node = stack.pop()
            if isinstance(node, Run):
                parts.append(node.text)
            else:
                stack.extend(reversed(node.children))
        return " ".join("".join(parts).split())

    def child(self, local: str) -> Element | None:
        return next((c for c in self.children if isinstance(c, Element) and c.local == local), None)

    def iter(self) -> list[Element]:
        found: list[Element] = []
        stack: list[Element] = [self]
        while stack:
            node = stack.pop()
            found.append(node)
            stack.extend(reversed([c for c in node.children if isinstance(c, Element)]))
        return found


def _run(raw: str, start: int, end: int, path: str, cdata: bool = False) -> Run:
    if _SPECIAL.search(raw, start, end) is None or cdata:  # most runs: one line, no entity
        return Run(raw[start:end], [(0, start, 0)], cdata)
    text: list[str] = []
    pieces: list[tuple[int, int, int]] = []
    length = 0
    position = start
    for token in _SPECIAL.finditer(raw, start, end):
        if token.start() > position:  # a literal stretch
            pieces.append((length, position, 0))
            text.append(raw[position:token.start()])
            length += token.start() - position
        ref = token.group(1)
        if ref is None:
            char = " "  # a run of white space other than one space
        elif ref.startswith("#x"):
            char = chr(int(ref[2:], 16))
        elif ref.startswith("#"):
            char = chr(int(ref[1:]))
        elif ref in _ENTITIES:
            char = _ENTITIES[ref]
        else:
            raise InputError(f"the entity &{ref}; is not one XML defines; not linked", path,
                             raw.count("\n", 0, token.start()) + 1)
        pieces.append((length, token.start(), token.end() - token.start()))
        text.append(char)
        length += 1
        position = token.end()
    if position < end:
        pieces.append((length, position, 0))
        text.append(raw[position:end])
    return Run("".join(text), pieces or [(0, start, 0)], cdata)


def read(raw: str, path: str = "") -> Element:
    """The document's root element, with every element and run of character data."""
    root: Element | None = None
    current: Element | None = None
    position = 0
    for markup in _MARKUP.finditer(raw):
        if current is not None and markup.start() > position:
            current.children.append(_run(raw, position, markup.start(), path))
        position = markup.end()
        if markup.group("cdata") is not None:
            if current is not None:
                current.children.append(_run(raw, markup.start("cdata"), markup.end("cdata"), path,
                                             cdata=True))
        elif markup.group("end") is not None:
            if current is None or current.name != markup.group("end"):
                raise InputError(f"unexpected end tag </{markup.group('end')}>; not linked", path,
                                 raw.count("\n", 0, markup.start()) + 1)
            current.close = markup.start()
            current = current.parent
        elif markup.group("start") is not None:
            attrs = {m.group(1): m.group(2) if m.group(2) is not None else m.group(3)
                     for m in _ATTRIBUTE.finditer(markup.group("attrs"))}
            element = Element(markup.group("start"), attrs, markup.start(), markup.end(), current)
            if current is not None:
                current.children.append(element)
            elif root is None:
                root = element
            if markup.group("empty"):
                element.close = markup.start()
            else:
                current = element
    if root is None or current is not None:
        raise InputError("the document's elements could not be read as text; not linked", path, 1)
    return root

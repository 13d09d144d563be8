"""Putting Word's inline structure back onto text the shared encoder has already encoded.

The shared editorial rules (`toolkit.encoding`) work on plain paragraph strings: brackets,
names, points, closers. Word adds structure those strings cannot carry: formatting runs,
tracked insertions and deletions, hyperlinks (ranges over the text), and footnotes, endnotes
and comments (points in the text). So the reader encodes the plain text first, then aligns
every text node of the result with its offset in the source string (the encoder only removes
or regroups source characters, never invents text), and finally wraps the ranges and inserts
the points at those offsets. Ranges that cross element boundaries are split, as a TEI
encoder would by hand, so the result is always well nested.
"""

from __future__ import annotations

import bisect
import copy
from collections.abc import Callable
from dataclasses import dataclass, field

from lxml import etree

from toolkit.tei import NSMAP


# Elements whose children are blocks or fixed parts: a range or point never goes directly
# between their children, only inside them.
STRUCTURAL = {"div", "body", "opener", "closer", "list", "table", "row", "choice", "subst", "sp",
              "gap", "lg", "floatingText"}
# Elements whose whole content a range goes inside of rather than around, as the shared
# encoder does for an emphasised original-language term.
INNER = {"foreign"}
# Elements a range may wrap but never enter: their content is not running text.
OPAQUE = {"gap", "pb", "lb", "anchor", "note", "desc"}


MOVED_MINIMUM = 4


@dataclass
class Text:
    value: str
    start: int | None  # source offset of value[0]; None when the text was not found
    pos: int  # where it sits in the source, for ordering when start is None


@dataclass
class Node:
    tag: str
    attrib: dict[str, str]
    children: list[Text | Node] = field(default_factory=list)
    pos: int = 0  # source position of an element without mapped text
    frozen: etree._Element | None = None  # a finished subtree, inserted as it is
    # The source range of the node's text. Wrapping only regroups a node's text and inserted
    # points carry none, so once known it never changes: cached, as ranges are laid one by one.
    cached: tuple[int, int] | None = None
    known: bool = False

    @property
    def name(self) -> str:
        return etree.QName(self.tag).localname

    @classmethod
    def of(cls, element: etree._Element, pos: int) -> Node:
        """A finished element (a note, an anchor) placed at a source offset."""
        return cls(element.tag, _attrib(element), [], pos, element)


Item = Text | Node


class _Aligner:
    def __init__(self, source: str) -> None:
        self.source = source
        self.cursor = 0

    def locate(self, value: str) -> int | None:
        found = self.source.find(value, self.cursor)
        if found >= 0:
            self.cursor = found + len(value)
            return found
        stripped = value.strip()
        if stripped:
            found = self.source.find(stripped, self.cursor)
            if found >= 0:
                self.cursor = found + len(stripped)
                return found - (len(value) - len(value.lstrip()))
            # Text the encoder moved (a footnote from the end of the source): found elsewhere,
            # unless it is too short to be found in the right place.
            found = self.source.find(stripped) if len(stripped) >= MOVED_MINIMUM else -1
            if found >= 0:
                return found - (len(value) - len(value.lstrip()))
        return None

    def text(self, value: str) -> Text:
        pos = self.cursor
        return Text(value, self.locate(value), pos)

    def node(self, element: etree._Element) -> Node:
        node = Node(element.tag, _attrib(element), [], self.cursor)
        if element.text is not None:  # "" too: the encoder's mark of mixed content
            node.children.append(self.text(element.text))
        for child in element:
            if isinstance(child.tag, str):
                node.children.append(self.node(child))
            if child.tail:
                node.children.append(self.text(child.tail))
        return node


def _attrib(element: etree._Element) -> dict[str, str]:
    return {str(k): str(v) for k, v in element.attrib.items()}


def align(element: etree._Element, source: str) -> Node:
    """The encoded element as a tree whose text knows its offsets in `source`."""
    return _Aligner(source).node(element)


def span(item: Item) -> tuple[int, int] | None:
    if isinstance(item, Text):
        if item.start is None or not item.value:
            return None
        return item.start, item.start + len(item.value)
    if item.frozen is not None:
        return None
    if not item.known:
        spans = [s for s in (span(c) for c in item.children) if s is not None]
        item.cached = (min(s[0] for s in spans), max(s[1] for s in spans)) if spans else None
        item.known = True
    return item.cached


def position(item: Item) -> int:
    found = span(item)
    return found[0] if found else item.pos


def wrap(node: Node, start: int, end: int, make: Callable[[], etree._Element]) -> None:
    """Wrap the content of `node` that comes from source[start:end] in new elements."""
    if start >= end or node.frozen is not None:
        return
    structural = node.name in STRUCTURAL
    out: list[Item] = []
    run: list[Item] = []

    def flush() -> None:
        trailing: list[Item] = []
        while run and _blank(run[-1]):
            trailing.insert(0, run.pop())
        if len(run) == 1 and isinstance(run[0], Node) and run[0].name in INNER:
            wrap(run[0], start, end, make)  # the term's own formatting, as the text reader has it
            out.append(run[0])
        elif run:
            wrapper = make()
            out.append(Node(wrapper.tag, _attrib(wrapper), list(run), position(run[0])))
        out.extend(trailing)
        run.clear()

    for item in node.children:
        if isinstance(item, Text) and item.start is not None and not structural:
            a, b = item.start, item.start + len(item.value)
            cuts = sorted({a, b, min(max(start, a), b), min(max(end, a), b)})
            for lo, hi in zip(cuts, cuts[1:]):
                piece = Text(item.value[lo - a:hi - a], lo, lo)
                if start <= lo and hi <= end:
                    run.append(piece)
                else:
                    flush()
                    out.append(piece)
            continue
        found = span(item)
        if isinstance(item, Node) and found is not None:
            lo, hi = found
            if start <= lo and hi <= end and not structural and item.frozen is None:
                run.append(item)
                continue
            flush()
            if hi > start and lo < end and item.name not in OPAQUE:
                wrap(item, start, end, make)
            out.append(item)
            continue
        # An element without mapped text (gap, pb, lb, a note): inside if its place is.
        if not structural and start <= item.pos < end:
            run.append(item)
        else:
            flush()
            out.append(item)
    flush()
    node.children = out


def _blank(item: Item) -> bool:
    return isinstance(item, Text) and not item.value.strip()


def insert(node: Node, offset: int, new: Node) -> bool:
    """Insert `new` where source offset `offset` falls; False if the node has no place for it."""
    if node.name in STRUCTURAL:
        candidates = [c for c in node.children if isinstance(c, Node) and c.name not in OPAQUE
                      and c.frozen is None and span(c) is not None]
        containing = [c for c in candidates if span(c)[0] <= offset <= span(c)[1]]  # type: ignore[index]
        before = [c for c in candidates if span(c)[0] <= offset]  # type: ignore[index]
        for target in (containing[-1:] + before[-1:] + candidates[:1]):
            if insert(target, offset, new):
                return True
        return False
    for index, item in enumerate(node.children):
        found = span(item)
        if isinstance(item, Text):
            if found is None:
                continue
            lo, hi = found
            if lo >= offset:
                node.children.insert(index, new)
                return True
            if lo < offset < hi:
                cut = offset - lo
                node.children[index:index + 1] = [Text(item.value[:cut], lo, lo), new,
                                                  Text(item.value[cut:], offset, offset)]
                return True
            continue
        if found is None:
            if item.pos > offset:
                node.children.insert(index, new)
                return True
            continue
        lo, hi = found
        if lo >= offset:
            node.children.insert(index, new)
            return True
        if lo < offset < hi and item.name not in OPAQUE and item.frozen is None:
            if insert(item, offset, new):
                return True
    node.children.append(new)
    return True


def insert_block(node: Node, offset: int, new: Node) -> None:
    """Insert a block (a list, a table, a head) among the children of a structural node."""
    for index, item in enumerate(node.children):
        if isinstance(item, Text):
            continue
        place = position(item)
        # After blocks already put at this offset: structures keep their document order.
        if place > offset or (place == offset and item.frozen is None):
            node.children.insert(index, new)
            return
    node.children.append(new)


def to_element(node: Node) -> etree._Element:
    if node.frozen is not None:
        return copy.deepcopy(node.frozen)
    element = etree.Element(node.tag, node.attrib, nsmap=NSMAP)
    last: etree._Element | None = None
    for item in node.children:
        if isinstance(item, Text):
            if last is None:
                element.text = (element.text or "") + item.value
            else:
                last.tail = (last.tail or "") + item.value
        else:
            last = to_element(item)
            element.append(last)
    return element


def keep_mixed(root: etree._Element) -> None:
    """Mark inline elements that hold only elements (a hi around a name) as mixed content,
    with an empty text node, so pretty-printing never indents inside running text."""
    for node in root.iter():
        if isinstance(node.tag, str) and node.text is None and len(node) \
                and etree.QName(node).localname not in STRUCTURAL:
            node.text = ""


def children_of(node: Node) -> list[etree._Element | str]:
    """The inline content of a node as the `Inline` list `toolkit.tei` builds from."""
    out: list[etree._Element | str] = []
    for item in node.children:
        out.append(item.value if isinstance(item, Text) else to_element(item))
    return out


class BlockIndex:
    """The children of a structural node (a div's paragraphs) by source range.

    Laying a paragraph's ranges from the div down would walk every paragraph for every range;
    the index hands `wrap` and `insert` a view holding only the blocks a paragraph's text can
    be in. The view shares the blocks, so what is laid in them is laid in the document.
    """

    def __init__(self, node: Node) -> None:
        self.node = node
        entries = [(found, child) for child in node.children if isinstance(child, Node)
                   and (found := span(child)) is not None]
        entries.sort(key=lambda entry: entry[0][0])
        self.starts = [found[0] for found, _ in entries]
        self.entries = entries
        self.order = {id(child): i for i, child in enumerate(node.children)}
        self.reach: list[int] = []  # the furthest end among the entries up to each one
        for found, _ in entries:
            self.reach.append(max(found[1], self.reach[-1] if self.reach else found[1]))

    def view(self, start: int, end: int) -> Node:
        """A structural node holding the blocks whose text meets source[start:end]."""
        index = bisect.bisect_right(self.starts, end) - 1
        found: list[Item] = []
        while index >= 0 and self.reach[index] >= start:
            (lo, hi), child = self.entries[index]
            if hi >= start:
                found.append(child)
            index -= 1
        found.reverse()
        found.sort(key=lambda child: self.order.get(id(child), 0))
        return Node(self.node.tag, self.node.attrib, found, self.node.pos)

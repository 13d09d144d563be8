"""The loss report: one line for every element or attribute an import did not carry over as is.

Archives trust an import only if they can see what it changed, so every mapping, rewrite and
drop is recorded with the source element's path and line; nothing disappears silently.
"""

from __future__ import annotations

import json
from copy import deepcopy
from dataclasses import asdict, dataclass, field
from itertools import count
from typing import Literal

from lxml import etree

from toolkit.tei import TEI_NS, XML_NS

Action = Literal["mapped", "rewritten", "restructured", "kept", "dropped", "unresolved"]

PREFIXES = {TEI_NS: "", XML_NS: "xml:", "http://history.state.gov/frus/ns/1.0": "frus:"}


@dataclass(frozen=True)
class LossEntry:
    element: str  # the source element (or element/@attribute) as a prefixed name
    path: str  # XPath of the source element in the source file
    action: Action
    detail: str
    line: int | None = None


@dataclass
class LossReport:
    source: str
    document: str
    entries: list[LossEntry] = field(default_factory=list)
    origins: Origins = field(default_factory=lambda: Origins())  # the copy's elements -> the source's

    def add(self, node: etree._Element, action: Action, detail: str,
            attribute: str | None = None) -> None:
        name = qname(node)
        if attribute is not None:
            name += f"/@{qname_of(attribute)}"
        path, line = self.origins.of(node)
        self.entries.append(LossEntry(name, path, action, detail, line))

    def to_json(self) -> bytes:
        data = {"source": self.source, "document": self.document,
                "entries": [asdict(entry) for entry in self.entries]}
        return (json.dumps(data, ensure_ascii=False, indent=2) + "\n").encode("utf-8")


class Origins:
    """Where each element of a copy came from, kept beside the tree, never in it (issue 14).

    The table maps every element of the copy to its source element, by identity: it holds the
    element proxies, so lxml gives back the same proxy for a node however it is reached, and
    a node keeps its entry when it is moved, renamed or removed. Built in one pass in C
    (`zip` of two `iter`s) when the copy is made, while both trees still have the same shape;
    the source path of an element is made only when a report line names it. The line is the
    source's own (libxml2 keeps a line above 65,534 outside the node, which a copy loses).
    Elements the import made have no entry: their path and line are those in the copy.
    """

    __slots__ = ("_source", "_numbers", "_paths")

    def __init__(self, copy: etree._Element | None = None, source: etree._Element | None = None) -> None:
        self._source: dict[etree._Element, etree._Element] = \
            dict(zip(copy.iter(etree.Element), source.iter(etree.Element))) \
            if copy is not None and source is not None else {}
        self._numbers: dict[tuple[etree._Element, str], dict[etree._Element, int]] = {}
        self._paths: dict[etree._Element, str] = {}

    def __contains__(self, node: etree._Element) -> bool:
        """Is `node` an element of the source (not one the import made)?"""
        return node in self._source

    def covers(self, nodes: list[etree._Element]) -> bool:
        """Are all of `nodes` elements of the source?"""
        return all(map(self._source.__contains__, nodes))

    def of(self, node: etree._Element) -> tuple[str, int | None]:
        """The source path and line of a copied element (of any other node: where it is now)."""
        source = self._source.get(node)
        if source is None:
            return source_path(node), _line(node)
        return self._path(source), _line(source)

    def _path(self, node: etree._Element) -> str:
        """`source_path`, with the paths of ancestors and the numbers of siblings kept: linear
        in what is reported, however many siblings a reported element has."""
        chain: list[etree._Element] = []
        current: etree._Element | None = node
        while current is not None and current not in self._paths:
            chain.append(current)
            current = current.getparent()
        path = self._paths[current] if current is not None else ""
        for element in reversed(chain):
            parent = element.getparent()
            if parent is None:
                path = f"/{qname(element)}"
            else:
                key = (parent, str(element.tag))
                numbers = self._numbers.get(key)
                if numbers is None:  # all siblings of that name at once, filtered in libxml2
                    numbers = self._numbers[key] = dict(zip(parent.iterchildren(element.tag), count(1)))
                path = f"{path}/{qname(element)}[{numbers[element]}]"
            self._paths[element] = path
        return path


def copy_with_origin(node: etree._Element) -> tuple[etree._Element, Origins]:
    """A deep copy of `node` (without its tail), and the table of where its elements came from."""
    copy = deepcopy(node)
    copy.tail = None
    return copy, Origins(copy, node)


def _line(node: etree._Element) -> int | None:
    line = node.sourceline
    return line if isinstance(line, int) else None


def qname_of(clark: str) -> str:
    """A Clark name with a readable prefix (none for TEI, the namespace URI for unknown ones)."""
    if not clark.startswith("{"):
        return clark
    uri, local = clark[1:].split("}", 1)
    prefix = PREFIXES.get(uri)
    return f"{prefix}{local}" if prefix is not None else f"{{{uri}}}{local}"


def qname(node: etree._Element) -> str:
    tag = node.tag
    if not isinstance(tag, str):
        return "comment()" if isinstance(node, etree._Comment) else "processing-instruction()"
    return qname_of(tag)


def source_path(node: etree._Element) -> str:
    """/TEI/text[1]/body[1]/div[2] style path, with FRUS elements as frus:name."""
    steps: list[str] = []
    current: etree._Element | None = node
    while current is not None:
        parent = current.getparent()
        name = qname(current)
        if parent is None:
            steps.append(f"/{name}")
        else:
            if isinstance(current.tag, str):
                same = [c for c in parent if c.tag == current.tag]
            else:
                same = [c for c in parent if type(c) is type(current)]
            steps.append(f"/{name}[{same.index(current) + 1}]")
        current = parent
    return "".join(reversed(steps))

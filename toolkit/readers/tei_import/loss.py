"""The loss report: one line for every element or attribute an import did not carry over as is.

Archives trust an import only if they can see what it changed, so every mapping, rewrite and
drop is recorded with the source element's path and line; nothing disappears silently.
"""

from __future__ import annotations

import json
from copy import deepcopy
from dataclasses import asdict, dataclass, field
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

    def add(self, node: etree._Element, action: Action, detail: str,
            attribute: str | None = None) -> None:
        name = qname(node)
        if attribute is not None:
            name += f"/@{qname_of(attribute)}"
        path, line = origin(node)
        self.entries.append(LossEntry(name, path, action, detail, line))

    def to_json(self) -> bytes:
        data = {"source": self.source, "document": self.document,
                "entries": [asdict(entry) for entry in self.entries]}
        return (json.dumps(data, ensure_ascii=False, indent=2) + "\n").encode("utf-8")


ORIGIN = "{https://teikit.org/ns}origin"  # temporary: where a copied element came from


def copy_with_origin(node: etree._Element) -> etree._Element:
    """A deep copy whose elements remember their source path and line (see `strip_origin`).

    Paths are built top-down from the copied node's own path, so the cost is linear in the
    size of the subtree, not in the size of the volume around it.
    """
    copy = deepcopy(node)
    copy.tail = None

    names: dict[str, str] = {}
    if _last_line(node) < _LAST_COPIED_LINE:
        _annotate(copy, source_path(node), names)
        return copy

    def walk(source: etree._Element, target: etree._Element, path: str) -> None:
        target.set(ORIGIN, f"{source.sourceline or 0}|{path}")
        counts: dict[str, int] = {}
        for source_child, target_child in zip(source, target):
            tag = source_child.tag
            if not isinstance(tag, str):
                continue
            counts[tag] = count = counts.get(tag, 0) + 1
            name = names.get(tag) or names.setdefault(tag, qname_of(tag))
            if len(source_child):
                walk(source_child, target_child, f"{path}/{name}[{count}]")
            else:  # a leaf (most elements of a wide run: <lb/>, <pb/>) without a call
                target_child.set(ORIGIN, f"{source_child.sourceline or 0}|{path}/{name}[{count}]")
    walk(node, copy, source_path(node))
    return copy


# libxml2 keeps a line above 65,534 outside the node, where a copy does not take it: up to
# there the copy's own sourceline is the source's, and the copy can be annotated alone
_LAST_COPIED_LINE = 65535


def _last_line(node: etree._Element) -> int:
    """The line of the last node in the subtree (lines grow in document order)."""
    last = node
    while len(last):
        last = last[-1]
    line = last.sourceline
    return line if isinstance(line, int) else _LAST_COPIED_LINE


def _annotate(target: etree._Element, path: str, names: dict[str, str]) -> None:
    """`copy_with_origin`'s walk over the copy alone (half the element proxies of a zip with
    the source, which a file of 100,000 <lb/> spent a sixth of its import on)."""
    target.set(ORIGIN, f"{target.sourceline or 0}|{path}")
    counts: dict[str, int] = {}
    for child in target:
        tag = child.tag
        if not isinstance(tag, str):
            continue
        counts[tag] = count = counts.get(tag, 0) + 1
        name = names.get(tag) or names.setdefault(tag, qname_of(tag))
        if len(child):
            _annotate(child, f"{path}/{name}[{count}]", names)
        else:
            child.set(ORIGIN, f"{child.sourceline or 0}|{path}/{name}[{count}]")


def origin(node: etree._Element) -> tuple[str, int | None]:
    value = node.get(ORIGIN)
    if value is None:
        return source_path(node), _line(node)
    line, path = value.split("|", 1)
    return path, int(line) or None


def _line(node: etree._Element) -> int | None:
    line = node.sourceline
    return line if isinstance(line, int) else None


def strip_origin(root: etree._Element) -> None:
    etree.strip_attributes(root, ORIGIN)  # in libxml2: a Python loop cost a third of an import
    etree.cleanup_namespaces(root)


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

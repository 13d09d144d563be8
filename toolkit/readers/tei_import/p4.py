"""TEI P4 (`TEI.2`, no namespace) and P5 without its namespace, migrated to TEI P5.

The Guidelines' P4-to-P5 migration (the TEI's p4top5 stylesheet, Guidelines "Migrating from
P4"), for what imported documents use: every element into the TEI namespace; `TEI.2` -> `TEI`,
`xref` -> `ref`, `xptr` -> `ptr`, `div0` -> `div` (numbered divisions are unnumbered later),
`dateStruct`/`dateRange` -> `date`, `witList` -> `listWit`; `id` -> `xml:id`, `lang` ->
`xml:lang`; IDREF(S) attributes (`target`, `corresp`, `hand`, `resp`, `who`...) become
pointers (`#id`); `date/@value` -> `@when`; `sic/@corr`, `corr/@sic`, `abbr/@expan`,
`expan/@abbr`, `orig/@reg`, `reg/@orig` -> `choice`; `TEIform` and the header's `@type`,
`@status`, `@date.created`, `@date.updated` are dropped. Whatever else P5 does not allow is
mended by the import's validity pass. One loss-report line per kind of change, with a count
and the first line it happened on.
"""

from __future__ import annotations

import re
from collections import OrderedDict
from typing import Any

from lxml import etree

from toolkit.readers.tei_import.loss import LossEntry
from toolkit.tei import TEI_NS, XML_ID, XML_LANG

RENAMES = {"TEI.2": "TEI", "teiCorpus.2": "teiCorpus", "xref": "ref", "xptr": "ptr", "div0": "div",
           "dateStruct": "date", "dateRange": "date", "timeStruct": "time", "timeRange": "time",
           "witList": "listWit"}
POINTERS = {"target", "targets", "corresp", "hand", "new", "resp", "who", "next", "prev", "wit", "ana",
            "sameAs", "copyOf", "exclude", "select", "synch", "scribeRef", "facs", "decls", "inst"}
DROPPED = {"TEIform", "date.created", "date.updated", "org", "sample", "default"}
HEADER_DROPPED = {"type", "status"}
CHOICES = {"sic": ("corr", "corr"), "corr": ("sic", "sic"), "abbr": ("expan", "expan"),
           "expan": ("abbr", "abbr"), "orig": ("reg", "reg"), "reg": ("orig", "orig")}
_LANGUAGE = re.compile(r"[A-Za-z]{1,8}(-[A-Za-z0-9]{1,8})*")
_ID = re.compile(r"[A-Za-z_][\w.-]*")


class _Changes:
    def __init__(self) -> None:
        self.kinds: OrderedDict[str, tuple[int, int | None]] = OrderedDict()

    def add(self, what: str, node: etree._Element) -> None:
        count, line = self.kinds.get(what, (0, None))
        here = node.sourceline if isinstance(node.sourceline, int) else None
        self.kinds[what] = (count + 1, line if line is not None else here)

    def entries(self, element: str) -> list[LossEntry]:
        return [LossEntry(element, "/", "mapped", f"TEI P4 to P5: {what} ({count} time{'s' if count != 1 else ''})",
                          line) for what, (count, line) in self.kinds.items()]


def needs_migration(root: etree._Element) -> bool:
    return isinstance(root.tag, str) and etree.QName(root).namespace is None \
        and etree.QName(root).localname in ("TEI.2", "TEI", "teiCorpus.2", "teiCorpus")


def migrate(root: etree._Element) -> tuple[etree._Element, list[LossEntry]]:
    """The P5 tree of a P4 (or namespace-less) TEI document, and what the migration changed."""
    changes = _Changes()
    was = etree.QName(root).localname
    ids = {str(n.get("id")) for n in root.iter() if isinstance(n.tag, str) and n.get("id")}
    for node in list(root.iter()):
        if not isinstance(node.tag, str) or etree.QName(node).namespace is not None:
            continue
        name = etree.QName(node).localname
        new = RENAMES.get(name, name)
        if new != name:
            changes.add(f"<{name}> became <{new}>", node)
        node.tag = f"{{{TEI_NS}}}{new}"
        _attributes(node, name, ids, changes)
        if name == "dateRange":
            for old, attribute in (("from", "from"), ("to", "to")):
                value = node.get(old)
                if value is not None:
                    node.set(attribute, value)
        if name in CHOICES and node.get(CHOICES[name][0]) is not None:
            _choice(node, name, changes)
    etree.cleanup_namespaces(root)
    nsmap: Any = {None: TEI_NS}  # the TEI namespace as the default one (the stubs want str keys)
    migrated = etree.Element(root.tag, nsmap=nsmap)
    migrated.attrib.update(dict(root.attrib))
    migrated.text = root.text
    for child in list(root):
        migrated.append(child)
    migrated.sourceline = root.sourceline
    notes = [LossEntry(was, "/", "mapped", f"TEI P4 (or TEI without its namespace): <{was}> and every element "
                       f"were put in the TEI namespace {TEI_NS} and migrated to P5 as the Guidelines describe",
                       root.sourceline if isinstance(root.sourceline, int) else None)]
    return migrated, notes + changes.entries(was)


def _attributes(node: etree._Element, name: str, ids: set[str], changes: _Changes) -> None:
    for key in list(node.attrib):
        attribute = str(key)
        if attribute.startswith("{"):
            continue
        value = str(node.attrib[attribute])
        if attribute in DROPPED or (name == "teiHeader" and attribute in HEADER_DROPPED):
            del node.attrib[attribute]
            changes.add(f"@{attribute} on <{name}> dropped (P5 has no such attribute)", node)
        elif attribute == "id":
            del node.attrib["id"]
            if _ID.fullmatch(value):
                node.set(XML_ID, value)
                if name == "language" and node.get("ident") is None:
                    node.set("ident", value)
                changes.add("@id became @xml:id", node)
            else:
                changes.add(f"@id {value!r} dropped (not a name)", node)
        elif attribute == "lang":
            del node.attrib["lang"]
            if _LANGUAGE.fullmatch(value):
                node.set(XML_LANG, value)
                changes.add("@lang became @xml:lang", node)
            else:
                changes.add(f"@lang {value!r} dropped (not a language tag)", node)
        elif attribute in POINTERS:
            tokens = value.split()
            if tokens and all(t in ids for t in tokens):
                node.set(attribute, " ".join(f"#{t}" for t in tokens))
                changes.add(f"@{attribute} IDREFs became pointers (#id)", node)
        elif attribute == "value" and name in ("date", "dateStruct", "time"):
            del node.attrib["value"]
            node.set("when", value)
            changes.add(f"<{name}>/@value became @when", node)


def _choice(node: etree._Element, name: str, changes: _Changes) -> None:
    """`<sic corr="x">y</sic>` -> `<choice><sic>y</sic><corr>x</corr></choice>` (and the like)."""
    attribute, partner = CHOICES[name]
    value = str(node.attrib.pop(attribute))
    choice = etree.Element(f"{{{TEI_NS}}}choice")
    node.addprevious(choice)
    choice.tail, node.tail = node.tail, None
    choice.append(node)
    other = etree.SubElement(choice, f"{{{TEI_NS}}}{partner}")
    other.text = value
    changes.add(f"<{name} {attribute}=...> became <choice> with <{partner}>", node)

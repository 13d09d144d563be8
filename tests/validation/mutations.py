"""Generated mutations of valid TEI documents, each with the lines where it must be reported.

Every mutation applies one change to a copy of a valid document's tree (rename an element,
remove a required one, break a @ref, duplicate an xml:id, put text where none is allowed, a bad
date, a value outside a closed list, a wrong document number, ...). The lines it must be
reported at are found after serialisation, by re-parsing the mutated bytes and following the
XPath of the elements the mutation touched, so they are exact for every document.
"""

from __future__ import annotations

import copy
import random
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

from lxml import etree

TEI = "http://www.tei-c.org/ns/1.0"
XML_ID = "{http://www.w3.org/XML/1998/namespace}id"
T = f"{{{TEI}}}"


@dataclass(frozen=True)
class Mutation:
    family: str
    description: str
    file: Path  # the document it replaces (same name, same folder)
    data: bytes
    lines: frozenset[int]  # any of these lines is the right place to report it

    @property
    def name(self) -> str:
        return f"{self.file.name}:{self.family}:{self.description}"


Op = Callable[[etree._ElementTree], list[etree._Element]]


def _local(node: etree._Element) -> str:
    return etree.QName(node).localname


def _elements(tree: etree._ElementTree) -> list[etree._Element]:
    return [e for e in tree.getroot().iter(f"{T}*")]


def _mutate(original: etree._ElementTree, path: Path, family: str, description: str,
            op: Callable[[etree._ElementTree], list[etree._Element]]) -> Mutation | None:
    tree = copy.deepcopy(original)
    touched = op(tree)
    if not touched:
        return None
    paths = [_index_path(node) for node in touched]
    data = etree.tostring(tree, xml_declaration=True, encoding="UTF-8")
    reparsed = etree.fromstring(data, etree.XMLParser(collect_ids=False))
    lines: set[int] = set()
    for steps in paths:
        node = reparsed
        for step in steps:
            node = node[step]
        line = node.sourceline
        if isinstance(line, int):
            lines.add(line)
    if not lines:
        return None
    return Mutation(family, description, path, data, frozenset(lines))


def _index_path(node: etree._Element) -> list[int]:
    """Child positions from the root: stable across serialisation, unlike names."""
    steps: list[int] = []
    parent = node.getparent()
    while parent is not None:
        steps.insert(0, parent.index(node))
        node, parent = parent, parent.getparent()
    return steps


def _at(tree: etree._ElementTree, index: int) -> etree._Element:
    return _elements(tree)[index]


REQUIRED = [("titleStmt", "title"), ("fileDesc", "titleStmt"), ("fileDesc", "publicationStmt"),
            ("fileDesc", "sourceDesc"), ("teiHeader", "fileDesc"), ("TEI", "teiHeader"),
            ("TEI", "text"), ("TEI", "standOff"), ("text", "body"), ("body", "div"),
            ("msIdentifier", "repository"), ("respStmt", "resp"), ("appInfo", "application"),
            ("application", "label"), ("langUsage", "language"), ("choice", "reg"),
            ("choice", "orig"), ("person", "persName"), ("place", "placeName"),
            ("org", "orgName"), ("revisionDesc", "change"),
            ("msDesc", "msIdentifier"), ("listPerson", "person"), ("listPlace", "place"),
            ("listOrg", "org"), ("standOff", "listPerson"), ("row", "cell"), ("list", "item"),
            ("abstract", "p"), ("address", "addrLine")]
ELEMENT_ONLY = {"teiHeader", "fileDesc", "titleStmt", "publicationStmt", "sourceDesc", "msDesc",
                "msIdentifier", "msContents", "encodingDesc", "profileDesc", "langUsage",
                "revisionDesc", "text", "body", "div", "standOff", "listPerson", "listPlace",
                "listOrg", "person", "place", "org", "choice", "respStmt", "appInfo",
                "application", "editorialDecl", "correction", "abstract", "table", "row", "list",
                "address", "notesStmt", "availability", "gap"}
BAD_VALUES = [("gap", "reason", "lost"), ("supplied", "reason", "guess"),
              ("div", "type", "letter"), ("note", "place", "side"), ("note", "type", "gossip"),
              ("hi", "rend", "red"), ("fw", "type", "junk"), ("title", "type", "whatever"),
              ("persName", "type", "alias"), ("placeName", "type", "alias"),
              ("orgName", "type", "alias"), ("application", "version", "one"),
              ("language", "ident", "not a language"), ("textLang", "mainLang", "??"),
              ("p", "xml:lang", "x y"), ("add", "place", "sideways"), ("del", "rend", "strikethrough"),
              ("unclear", "reason", "ink blot"), ("damage", "agent", "cat"), ("space", "dim", "diagonal"),
              ("correspAction", "type", "posted"), ("handNote", "scope", "most"), ("surface", "ulx", "left"),
              ("zone", "lrx", "far"), ("unclear", "cert", "sure")]
BAD_DATES = ["1965-13-45", "08/01/1965", "not a date", "1965-02-30", "65-01-08"]


# Header fields that are never right empty (teikit.sch, pattern empty-fields), with the rule
# that must report each emptied one.
EMPTY_FIELDS = {
    "//t:teiHeader/t:fileDesc/t:titleStmt/t:title": "tk-empty-title",
    "//t:teiHeader/t:fileDesc/t:publicationStmt/t:distributor": "tk-empty-publisher",
    "//t:teiHeader/t:fileDesc/t:publicationStmt/t:publisher": "tk-empty-publisher",
    "//t:teiHeader/t:fileDesc/t:publicationStmt/t:idno": "tk-empty-idno",
    "//t:teiHeader/t:fileDesc/t:sourceDesc/t:bibl/t:idno": "tk-empty-idno",
    "//t:teiHeader//t:msIdentifier/t:idno": "tk-empty-idno",
    "//t:teiHeader/t:fileDesc/t:titleStmt/t:sponsor": "tk-empty-resp",
    "//t:teiHeader/t:fileDesc/t:titleStmt/t:funder": "tk-empty-resp",
    "//t:teiHeader/t:fileDesc/t:titleStmt/t:respStmt/t:resp": "tk-empty-resp",
    "//t:teiHeader/t:fileDesc/t:titleStmt/t:respStmt/t:persName": "tk-empty-name",
    "//t:teiHeader/t:fileDesc/t:titleStmt/t:respStmt/t:name": "tk-empty-name",
    "//t:teiHeader/t:fileDesc/t:notesStmt/t:note": "tk-empty-note",
    "//t:teiHeader/t:fileDesc/t:notesStmt/t:note[t:label]/t:p": "tk-empty-note",
    "//t:teiHeader/t:profileDesc/t:abstract/t:p": "tk-empty-note",
    "//t:teiHeader/t:fileDesc/t:sourceDesc/t:bibl": "tk-empty-source",
    "//t:teiHeader//t:msIdentifier/t:repository": "tk-empty-source",
    "//t:teiHeader/t:profileDesc/t:creation/t:date": "tk-empty-date",
}
DATE_VALUES = ("when", "from", "to", "notBefore", "notAfter")


def emptied(node: etree._Element) -> None:
    """Nothing left but the element and its attributes (a date also loses its value)."""
    for child in list(node):
        node.remove(child)
    node.text = None
    for name in DATE_VALUES:
        node.attrib.pop(name, None)


def mutations(path: Path, seed: int = 0, per_family: int = 6) -> Iterator[Mutation]:
    """Mutations of the valid document at `path` (its registers stay as they are)."""
    original = etree.parse(str(path))
    rng = random.Random(f"{path.name}:{seed}")
    elements = _elements(original)
    index = {id(e): i for i, e in enumerate(elements)}

    def pick(items: list[etree._Element], count: int = per_family) -> list[int]:
        chosen = rng.sample(items, min(count, len(items)))
        return sorted(index[id(e)] for e in chosen)

    def make(family: str, description: str, op: Op) -> Mutation | None:
        return _mutate(original, path, family, description, op)

    found: list[Mutation | None] = []

    # rename an element (one of each name, sampled)
    firsts: dict[str, etree._Element] = {}
    for element in elements:
        firsts.setdefault(_local(element), element)
    for i in pick(list(firsts.values()), per_family * 2):
        def rename(tree: etree._ElementTree, i: int = i) -> list[etree._Element]:
            node = _at(tree, i)
            node.tag = f"{T}{_local(node)}x"
            return [node]
        found.append(make("rename", _local(elements[i]), rename))

    # remove an element its parent requires (when it is the only one of its kind)
    required = [e for e in elements if e.getparent() is not None
                and (_local(e.getparent()), _local(e)) in REQUIRED  # type: ignore[arg-type]
                and len(e.getparent().findall(f"{T}{_local(e)}")) == 1]  # type: ignore[union-attr]
    for i in pick(required, per_family * 3):
        element = elements[i]
        parent = element.getparent()
        assert parent is not None
        def remove(tree: etree._ElementTree, i: int = i) -> list[etree._Element]:
            node = _at(tree, i)
            up = node.getparent()
            assert up is not None
            after = node.getnext()
            if node.tail and node.getprevious() is not None:
                previous = node.getprevious()
                assert previous is not None
                previous.tail = node.tail
            up.remove(node)
            return [up] + ([after] if after is not None else [])
        found.append(make("remove-required", f"{_local(parent)}/{_local(element)}", remove))

    # break a @ref: an entry that does not exist, or an entry of the wrong kind
    with_ref = [e for e in elements if e.get("ref") and "#" in (e.get("ref") or "")]
    for i in pick(with_ref):
        def unknown(tree: etree._ElementTree, i: int = i) -> list[etree._Element]:
            node = _at(tree, i)
            node.set("ref", (node.get("ref") or "") + "-missing")
            return [node]
        found.append(make("broken-ref", elements[i].get("ref") or "", unknown))
    for i in pick([e for e in with_ref if _local(e) in ("persName", "placeName", "orgName")], 3):
        def wrong_kind(tree: etree._ElementTree, i: int = i) -> list[etree._Element]:
            node = _at(tree, i)
            others = [e.get("ref") for e in tree.getroot().iter(f"{T}*")
                      if e.get("ref") and "#" in (e.get("ref") or "")
                      and _local(e) in ("persName", "placeName", "orgName")
                      and _local(e) != _local(node)]
            if not others:
                return []
            node.set("ref", others[0] or "")
            return [node]
        found.append(make("ref-kind", elements[i].get("ref") or "", wrong_kind))

    # duplicate an xml:id inside the document
    with_id = [e for e in elements if e.get(XML_ID)]
    if len(with_id) >= 2:
        for i in pick(with_id[1:]):
            first = with_id[0].get(XML_ID) or ""
            def duplicate(tree: etree._ElementTree, i: int = i, first: str = first
                          ) -> list[etree._Element]:
                node = _at(tree, i)
                node.set(XML_ID, first)
                return [node]
            found.append(make("duplicate-id", first, duplicate))

    # text where only elements are allowed
    for i in pick([e for e in elements if _local(e) in ELEMENT_ONLY]):
        def stray(tree: etree._ElementTree, i: int = i) -> list[etree._Element]:
            node = _at(tree, i)
            node.text = "stray words" + (node.text or "")
            return [node]
        found.append(make("stray-text", _local(elements[i]), stray))

    # a date that is not one
    dated = [e for e in elements if e.get("when") or e.get("from")]
    for n, i in enumerate(pick(dated)):
        bad = BAD_DATES[n % len(BAD_DATES)]
        def bad_date(tree: etree._ElementTree, i: int = i, bad: str = bad) -> list[etree._Element]:
            node = _at(tree, i)
            node.set("when" if node.get("when") else "from", bad)
            return [node]
        found.append(make("bad-date", f"{_local(elements[i])}={bad}", bad_date))

    # a value outside a closed list or a datatype
    for tag, attribute, bad in BAD_VALUES:
        candidates = [e for e in elements if _local(e) == tag
                      and (tag != "div" or _local(e.getparent()) == "body")]  # type: ignore[arg-type]
        name = "{http://www.w3.org/XML/1998/namespace}lang" if attribute == "xml:lang" else attribute
        for i in pick(candidates, 1):
            def bad_value(tree: etree._ElementTree, i: int = i, name: str = name,
                          bad: str = bad) -> list[etree._Element]:
                node = _at(tree, i)
                node.set(name, bad)
                return [node]
            found.append(make("bad-value", f"{tag}/@{attribute}={bad}", bad_value))

    # an attribute the element does not take
    for i in pick(elements):
        def foreign_attribute(tree: etree._ElementTree, i: int = i) -> list[etree._Element]:
            node = _at(tree, i)
            node.set("colour", "red")
            return [node]
        found.append(make("unknown-attribute", _local(elements[i]), foreign_attribute))

    # Schematron rules
    def first(tree: etree._ElementTree, xpath: str) -> etree._Element | None:
        hits = tree.xpath(xpath, namespaces={"t": TEI})
        return hits[0] if isinstance(hits, list) and hits and isinstance(hits[0], etree._Element) else None

    def rule(family: str, xpath: str, change: Callable[[etree._Element], None]) -> None:
        def op(tree: etree._ElementTree) -> list[etree._Element]:
            node = first(tree, xpath)
            if node is None:
                return []
            change(node)
            parent = node.getparent()
            # rules whose context is the parent (publicationStmt, the register entry)
            around = family in ("document-number", "register-preferred") and parent is not None
            return [node, parent] if around and parent is not None else [node]
        found.append(make(family, xpath, op))

    rule("document-number", "//t:publicationStmt/t:idno[@type='WCDA']",
         lambda n: setattr(n, "text", "999999"))
    rule("date-disagrees", "//t:creation/t:date[@when][//t:bibl[@type='citation']/t:date/@when]",
         lambda n: n.set("when", "1970-01-01"))
    rule("change-before-creation", "//t:revisionDesc/t:change[@when]",
         lambda n: n.set("when", "1900-01-01"))
    rule("root-namespace", "/t:TEI", lambda n: setattr(n, "tag", "{http://example.org/not-tei}TEI"))
    rule("foreign-lang", "//t:foreign[@xml:lang]",
         lambda n: n.attrib.pop("{http://www.w3.org/XML/1998/namespace}lang"))
    rule("register-preferred", "//t:person/t:persName[1] | //t:place/t:placeName[1]",
         lambda n: n.set("type", "variant"))
    rule("register-wikidata", "//t:idno[@type='Wikidata']", lambda n: setattr(n, "text", "X12"))
    rule("choice-pair", "//t:choice/t:reg", lambda n: setattr(n, "tag", f"{T}corr"))
    rule("date-range", "//t:*[@from and @to][not(self::t:biblScope)]",  # pages are not dates
         lambda n: n.set("to", "1900-01-01"))
    rule("subst-pair", "//t:subst[t:add][t:del]/t:del", lambda n: setattr(n, "tag", f"{T}add"))
    rule("hand-resolves", "//t:handShift[@new]", lambda n: n.set("new", "#no-such-hand"))
    for xpath in EMPTY_FIELDS:
        rule("empty-field", xpath, emptied)
    for i in pick([e for e in elements if _local(e) == "supplied" and e.get("reason")], 4):
        def no_reason(tree: etree._ElementTree, i: int = i) -> list[etree._Element]:
            node = _at(tree, i)
            del node.attrib["reason"]
            return [node]
        found.append(make("supplied-reason", str(i), no_reason))

    yield from (m for m in found if m is not None)


def cross_file_ids(registers: Path) -> Iterator[tuple[Path, Mutation]]:
    """A register entry that takes an xml:id another (earlier) register already uses.

    Yields (the register whose id is reused, the mutation of a later register)."""
    files = sorted(registers.glob("*.xml"))
    for earlier, later in zip(files, files[1:]):
        used = [e.get(XML_ID) for e in etree.parse(str(earlier)).iter() if e.get(XML_ID)]
        tree = etree.parse(str(later))
        entries = [e for e in _elements(tree) if e.get(XML_ID)]
        for k, _ in enumerate(entries[:3]):
            def reuse(tree: etree._ElementTree, k: int = k) -> list[etree._Element]:
                node = [e for e in _elements(tree) if e.get(XML_ID)][k]
                node.set(XML_ID, used[k % len(used)] or "")
                return [node]
            mutation = _mutate(tree, later, "cross-file-id", f"{earlier.name}:{k}", reuse)
            if mutation is not None:
                yield earlier, mutation

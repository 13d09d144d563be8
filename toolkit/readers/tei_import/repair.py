"""Repairs instead of refusals: what an imported document needs to be valid and publishable.

Each repair is a loss-report line (element, line, what was done, why). The targeted repairs
come first (the header's required parts, hands without a handNote, MathML in formulae); then
`make_valid` checks the document against the import grammar (tei_all) and mends what the
grammar still rejects, element by element, with the smallest change that keeps the text:
an attribute the Guidelines do not define is removed, an element where the Guidelines do not
allow it is unwrapped (its text and children stay), phrases directly in a division are put
in a paragraph. What cannot be mended within a bounded number of passes is refused by name.
"""

from __future__ import annotations

import re
from copy import deepcopy
from pathlib import Path

from lxml import etree

from toolkit.errors import InputError, ToolkitError
from toolkit.readers.tei_import.loss import Action, LossReport, Origins, qname
from toolkit.readers.tei_import.normalise import text_of, unwrap
from toolkit.readers.tei_import.schema import GrammarError, grammar_errors
from toolkit.tei import NS, TEI_NS, XML_ID, el, local_name, sub, tei

DEFAULT_AUTHORITY = "teikit edition"
AGENCIES = ("publisher", "distributor", "authority")
_DIVISIONS = {"body", "div", "front", "back", "div1", "div2", "div3", "div4", "div5", "div6", "div7",
              "postscript", "floatingText", "group"}
_PHRASE_OK_IN_P = {"hi", "emph", "foreign", "term", "name", "persName", "placeName", "orgName", "date",
                   "num", "ref", "ptr", "choice", "abbr", "expan", "add", "del", "unclear", "seg", "rs",
                   "title", "q", "said", "mentioned", "soCalled", "gloss", "sic", "corr", "orig", "reg",
                   "supplied", "gap", "damage", "subst", "ex", "am", "lb", "time", "measure", "formula"}
_TEXT_HOLDERS = {"address": "addrLine", "listBibl": "bibl", "list": "item", "lg": "l", "sp": "p",
                 "availability": "p", "sourceDesc": "p", "encodingDesc": "p", "projectDesc": "p",
                 "editorialDecl": "p", "handDesc": "p", "physDesc": "p", "msContents": "p", "history": "p"}
_MAX_PASSES = 40
_PREFIXED = re.compile(r"(?<=/)[A-Za-z_][\w.-]*:([A-Za-z_][\w.-]*)")
_ELEMWRONG = re.compile(r"Did not expect element (\S+) there")
_EXTRA = re.compile(r"Element (\S+) has extra content: (\S+)")
_BADATTR = re.compile(r"Invalid attribute (\S+) for element (\S+)")
_EXPECTING = re.compile(r"Expecting an element (\S*), got nothing")


def edition_authority(folder: Path) -> str:
    """Who makes an imported document available when its source names nobody: the publisher
    of the edition the documents are imported into (its teikit.toml), else its title."""
    from toolkit.config import config_for  # read once per import run, not per document
    try:
        edition = config_for(folder)
    except ToolkitError:  # a broken teikit.toml is reported by build and validate
        return DEFAULT_AUTHORITY
    return edition.publisher or edition.title or DEFAULT_AUTHORITY


def complete_header(doc: etree._Element, report: LossReport, authority: str) -> None:
    """The header parts tei_all requires: titleStmt/title, a publicationStmt agency, sourceDesc."""
    header = doc.find("tei:teiHeader", NS)
    if header is None:
        header = el("teiHeader")
        doc.insert(0, header)
        report.add(doc, "restructured", "the document had no teiHeader; one was added (TEI requires it)")
    file_desc = header.find("tei:fileDesc", NS)
    if file_desc is None:
        file_desc = el("fileDesc")
        header.insert(0, file_desc)
        report.add(header, "restructured", "the header had no fileDesc; one was added (TEI requires it)")
    title_stmt = file_desc.find("tei:titleStmt", NS)
    if title_stmt is None:
        title_stmt = el("titleStmt")
        file_desc.insert(0, title_stmt)
    if title_stmt.find("tei:title", NS) is None:
        title_stmt.insert(0, el("title", "Untitled document"))
        report.add(title_stmt, "restructured", "the document states no title; 'Untitled document' was given "
                   "(TEI requires a title)")
    publication = file_desc.find("tei:publicationStmt", NS)
    if publication is None:
        publication = el("publicationStmt")
        title_stmt.addnext(publication)
    children = [c for c in publication if isinstance(c.tag, str)]
    only_paragraphs = bool(children) and all(local_name(c) in ("p", "ab") for c in children)
    if not only_paragraphs and (not children or local_name(children[0]) not in AGENCIES):
        agency = el("authority", authority)
        publication.insert(0, agency)
        publication.text, agency.tail = None, publication.text
        what = ", ".join(sorted({local_name(c) for c in children})) or "nothing"
        report.add(publication, "restructured", f"the publicationStmt names no publisher, distributor or "
                   f"authority before its details (it holds {what}); authority {authority!r} (the edition's) "
                   "was added first, as TEI requires")
    if file_desc.find("tei:sourceDesc", NS) is None:
        source = sub(file_desc, "sourceDesc")
        sub(source, "p", "Imported from another archive's TEI; the source states no source description.")
        report.add(file_desc, "restructured", "the fileDesc had no sourceDesc; one was added (TEI requires it)")


def describe_hands(doc: etree._Element, report: LossReport) -> None:
    """Every hand a transcription names (`@hand`, `handShift/@new`) gets a handNote."""
    pointing = doc.xpath("descendant-or-self::tei:*[@hand] | descendant-or-self::tei:handShift[@new]", namespaces=NS)
    if not pointing:
        return  # most documents name no hand: the identifiers are not gathered (a walk of every element)
    notes = {str(n.get(XML_ID)) for n in doc.iter(tei("handNote")) if n.get(XML_ID)}
    found = doc.xpath("descendant-or-self::*/@xml:id")
    other_ids = {str(v) for v in found} - notes if isinstance(found, list) else set()
    missing: dict[str, etree._Element] = {}
    for node in pointing if isinstance(pointing, list) else []:
        if not isinstance(node, etree._Element):
            continue
        for attribute in ("hand", "new") if local_name(node) == "handShift" else ("hand",):
            value = (node.get(attribute) or "").strip()
            if not value or " " in value or ":" in value or "/" in value:
                continue
            name = value[1:] if value.startswith("#") else value
            if not name:
                continue
            if name in other_ids:  # the source points to a person (the scribe), not to a hand
                node.set(attribute, f"#hand-{name}")
                report.add(node, "rewritten", f"@{attribute} {value!r} names an element that is not a handNote "
                           f"(the scribe); it points to the handNote 'hand-{name}', whose @scribeRef names "
                           f"'#{name}'", attribute)
                name = f"hand-{name}"
            elif not value.startswith("#"):
                node.set(attribute, "#" + name)
                report.add(node, "rewritten", f"@{attribute} {value!r} became '#{name}' (a pointer to the "
                           "handNote, as TEI P5 writes it)", attribute)
            if name not in notes and name not in missing:
                missing[name] = node
    if not missing:
        return
    header = doc.find("tei:teiHeader", NS)
    assert header is not None
    profile = header.find("tei:profileDesc", NS)
    if profile is None:
        profile = el("profileDesc")
        revision = header.find("tei:revisionDesc", NS)
        if revision is not None:
            revision.addprevious(profile)
        else:
            header.append(profile)
    hand_notes = profile.find("tei:handNotes", NS)
    if hand_notes is None:
        hand_notes = sub(profile, "handNotes")
    for name, node in missing.items():
        note = sub(hand_notes, "handNote", f"Hand {name}, named in the transcription; the source "
                   "does not describe it.")
        note.set(XML_ID, name)
        if name.startswith("hand-") and name[5:] in other_ids:
            note.set("scribeRef", f"#{name[5:]}")
        report.add(node, "restructured", f"the hand {name!r} has no handNote in the source; "
                   "profileDesc/handNotes/handNote[@xml:id='" + name + "'] was added so that it resolves")


MATHML_NS = "http://www.w3.org/1998/Math/MathML"


def formulae_as_text(doc: etree._Element, report: LossReport) -> None:
    """A formula written in MathML (or another vocabulary) keeps its characters: TEI's formula
    holds text, graphics and highlighting, not MathML (tei_all has no MathML). MathML itself
    is kept whole where tei_all admits any vocabulary, a `teiHeader/xenoData` of its own that
    the formula points to (@corresp), so the web edition can show it as MathML."""
    header = doc.find("tei:teiHeader", NS)
    taken: set[str] | None = None  # the identifiers, gathered at the first formula to change
    count = 0
    for formula in list(doc.iter(tei("formula"))):
        foreign = [c for c in formula.iter() if isinstance(c.tag, str) and c is not formula
                   and etree.QName(c).namespace != TEI_NS]
        if not foreign:
            continue
        if taken is None:  # before the first change, as the identifiers stood in the source
            taken = {str(v) for v in doc.xpath("//@xml:id")} if header is not None else set()  # type: ignore[union-attr]
        text = text_of(formula)
        vocabulary = etree.QName(foreign[0]).namespace or "no namespace"
        children = [c for c in formula if isinstance(c.tag, str)]
        math = children[0] if len(children) == 1 and children[0].tag == f"{{{MATHML_NS}}}math" \
            and not (formula.text or "").strip() and not (children[0].tail or "").strip() else None
        for child in list(formula):
            formula.remove(child)
        formula.text = text
        if math is not None and header is not None:
            count += 1
            while f"mathml-{count}" in taken:
                count += 1
            ident = f"mathml-{count}"
            taken.add(ident)
            xeno = el("xenoData", type="MathML")
            xeno.set(XML_ID, ident)
            math.tail = None
            xeno.append(math)
            revision = header.find("tei:revisionDesc", NS)
            if revision is not None:
                revision.addprevious(xeno)
            else:
                header.append(xeno)
            formula.set("corresp", " ".join([*(formula.get("corresp") or "").split(), f"#{ident}"]))
            report.add(formula, "restructured", f"the formula's MathML was moved whole into "
                       f"teiHeader/xenoData[@xml:id='{ident}'] and the formula points to it (@corresp); "
                       f"the formula keeps its text {text[:60]!r} (TEI's formula holds no MathML; the web "
                       "edition shows the MathML, the print edition the text)")
            continue
        report.add(formula, "rewritten", f"the formula in {vocabulary} became its text {text[:60]!r} "
                   "(TEI's formula holds text; the markup of the formula is not kept)")


def make_valid(doc: etree._Element, report: LossReport, name: str) -> None:
    """Mend what the import grammar rejects, reporting each change; InputError when it cannot.

    The document is checked as it is (nothing of the importer's is in the tree: no copy to
    strip first), and every error's element is found before the first change of the pass,
    while the tree is still the one the grammar named the paths in."""
    for _pass in range(_MAX_PASSES):
        errors = grammar_errors(doc)
        if not errors:
            return
        targets = [_target(error, doc) for error in errors]
        changed = 0
        done: set[etree._Element] = set()  # elements, not id()s: the set keeps them alive
        for error, target in zip(errors, targets):
            if target is not None:
                changed += _mend(error, target, done, report)
        if not changed:
            first = errors[0]
            raise InputError(f"the document cannot be made valid TEI: {first.message} (line {first.line} "
                             f"of the document as imported)", name, first.line)
    raise InputError(f"the document cannot be made valid TEI within {_MAX_PASSES} passes", name)


def _target(error: GrammarError, doc: etree._Element) -> etree._Element | None:
    """The element an error names (of several at its path, the one on its line)."""
    path = _PREFIXED.sub(lambda m: f"*[local-name()='{m.group(1)}']", error.path)
    try:
        found = doc.getroottree().xpath(path) if path else []
    except etree.XPathError:
        return None
    nodes = [n for n in found if isinstance(n, etree._Element)] if isinstance(found, list) else []
    if not nodes:
        return None
    return next((n for n in nodes if _line(n) == error.line), nodes[0])


def _mend(error: GrammarError, source: etree._Element, done: set[etree._Element], report: LossReport) -> int:
    attribute = _BADATTR.search(error.message)
    if attribute:
        return _drop_attribute(source, attribute.group(1), report)
    wrong = _ELEMWRONG.search(error.message) or _EXTRA.search(error.message)
    if wrong:
        child_name = wrong.group(wrong.lastindex or 1)
        if child_name == "text":
            return _wrap_text(source, done, report)
        if _local(source) == child_name and source.getparent() is not None:
            child: etree._Element | None = source  # libxml2 names the offending element itself
            parent = source.getparent()
        else:
            children = [c for c in source if isinstance(c.tag, str) and _local(c) == child_name]
            child = next((c for c in children if _line(c) == error.line and c not in done),
                         next((c for c in children if c not in done), None))
            parent = source
        if child is None or parent is None or child in done:
            return 0
        # libxml2 names the first misplaced element of a run; its later siblings of the same
        # name are misplaced too (100,000 <lb/> in a sourceDesc take one pass, not 100,000)
        run = [child] + [c for c in child.itersiblings(child.tag) if c not in done]
        last = next((line for line in (report.origins.of(node)[1] for node in reversed(run)) if line), None)
        changed = 0
        quiet = _Tally(report.origins)  # the run is one line of the report
        done.add(child)
        changed += _place(child, parent, report)
        plain = etree.QName(parent).localname not in _DIVISIONS or _local(child) not in _PHRASE_OK_IN_P
        rest = run[1:]
        done.update(rest)
        if plain and rest and rest[0].getparent() is parent and report.origins.covers(rest):
            _unwrap_all(rest, parent)  # what _place does to each here, without its tests
            quiet.count, quiet.first = len(rest), "dropped"
            changed += len(rest)
        else:
            for node in rest:
                if plain and node.getparent() is parent and node in report.origins:
                    _unwrap_quickly(node, parent)
                    quiet.add(node, "dropped", "")
                    changed += 1
                else:
                    changed += _place(node, parent, quiet)
        if quiet.count > 0:
            report.add(run[0], "dropped" if quiet.first == "dropped" else "restructured",
                       f"the same for the {quiet.count} <{child_name}> after it in <{local_name(parent)}>"
                       + (f" (to line {last})" if last else ""))
        return changed
    if error.kind == "RELAXNG_ERR_TEXTWRONG" or "Did not expect text" in error.message:
        return _wrap_text(source, done, report)
    expecting = _EXPECTING.search(error.message)
    if expecting and source not in done:
        done.add(source)
        if local_name(source) in _DIVISIONS and expecting.group(1).strip(",") in ("", "p", "div"):
            return _content_in_paragraph(source, report)
        return _supply(source, expecting.group(1).strip(","), report)
    if "failed to validate attributes" in error.message and source not in done:
        done.add(source)
        return _drop_bad_attributes(source, report)
    return 0


_UNWRAP = "teikit-unwrap"  # a name no TEI element has: the elements of a run, for strip_tags


def _unwrap_all(run: list[etree._Element], parent: etree._Element) -> None:
    """`unwrap` of every element of a run of siblings, all at once by libxml2 (`strip_tags`:
    text, children and tails kept in place, in order): by their own name when the run is every
    element of that name below `parent` (a run of <lb/>: no renaming of 100,000 elements),
    else each renamed first."""
    tag = run[0].tag
    if sum(1 for _ in parent.iterdescendants(tag)) == len(run):  # the run's own proxies: none made
        etree.strip_tags(parent, tag)
        return
    if next(parent.iter(_UNWRAP), None) is not None:  # the name is taken after all: one by one
        for node in run:
            _unwrap_quickly(node, parent)
        return
    for node in run:
        node.tag = _UNWRAP
    etree.strip_tags(parent, _UNWRAP)


def _unwrap_quickly(node: etree._Element, parent: etree._Element) -> None:
    """`unwrap`, with a shortcut for an empty element (a run of <lb/>): only its tail moves."""
    if len(node) or node.text:
        unwrap(node)
        return
    tail = node.tail
    if tail:
        previous = node.getprevious()
        if previous is None:
            parent.text = (parent.text or "") + tail
        else:
            previous.tail = (previous.tail or "") + tail
    parent.remove(node)


class _Tally(LossReport):
    """Stands for a report where only the number of changes and the first action are kept
    (the later elements of a run: 100,000 entries of paths and lines cost more than the repair)."""

    def __init__(self, origins: Origins) -> None:
        super().__init__("", "", origins=origins)
        self.count = 0
        self.first = ""

    def add(self, node: etree._Element, action: Action, detail: str, attribute: str | None = None) -> None:
        self.count += 1
        self.first = self.first or action


def _line(node: etree._Element) -> int | None:
    line = node.sourceline
    return line if isinstance(line, int) else None


_TEI_PREFIX = f"{{{TEI_NS}}}"


def _local(node: etree._Element) -> str:
    """A TEI element's local name, another's prefixed name (from the tag: no QName objects)."""
    tag = node.tag
    if isinstance(tag, str) and tag.startswith(_TEI_PREFIX):
        return tag[len(_TEI_PREFIX):]
    return qname(node)


def _drop_attribute(node: etree._Element, name: str, report: LossReport) -> int:
    clark = name.replace("xml:", "{http://www.w3.org/XML/1998/namespace}")
    if clark not in node.attrib:
        return 0
    value = node.get(clark)
    del node.attrib[clark]
    report.add(node, "dropped", f"@{name} {value!r}: the Guidelines define no such attribute on "
               f"<{local_name(node)}> (TEI P5 4.3.0)", clark)
    return 1


def _drop_bad_attributes(node: etree._Element, report: LossReport) -> int:
    """An attribute value the grammar rejects: find which by trying each attribute's removal."""
    for attribute in [a for a in node.attrib if a != XML_ID]:
        probe = deepcopy(node)
        for child in list(probe):
            probe.remove(child)
        value = node.get(attribute)
        del probe.attrib[attribute]
        if _attributes_fit(node, probe):
            del node.attrib[attribute]
            report.add(node, "dropped", f"@{etree.QName(attribute).localname} {value!r}: not a value the "
                       f"Guidelines allow on <{local_name(node)}>", str(attribute))
            return 1
    return 0


def _attributes_fit(original: etree._Element, stripped: etree._Element) -> bool:
    """Would the element with these attributes pass? Checked in a copy of its document."""
    root = deepcopy(original.getroottree().getroot())
    path = original.getroottree().getpath(original)
    copy = root.getroottree().xpath(path)
    if not isinstance(copy, list) or not copy or not isinstance(copy[0], etree._Element):
        return False
    target = copy[0]
    for name in list(target.attrib):
        del target.attrib[name]
    for name, value in stripped.attrib.items():
        target.set(name, value)
    return not any("attribute" in e.message and e.line == _line(original) for e in grammar_errors(root))


def _place(child: etree._Element, parent: etree._Element, report: LossReport) -> int:
    """An element the grammar does not allow here: into a paragraph (phrases directly in a
    division), else unwrapped with its text and children kept in place."""
    if child.getparent() is not parent:
        return 0  # already moved or unwrapped in this pass
    name = _local(child)
    if child not in report.origins and parent.getparent() is not None and parent in report.origins:
        # a block this pass made for stray text is not allowed here either: the container
        # itself goes (its content joins its parent), which ends the cycle
        child, parent = parent, parent.getparent()  # type: ignore[assignment]
        name = _local(child)
    parent_name = etree.QName(parent).localname
    if parent_name in _DIVISIONS and name in _PHRASE_OK_IN_P:
        wrapper = el("p")
        child.addprevious(wrapper)
        wrapper.append(child)
        wrapper.tail, child.tail = child.tail, None
        report.add(child, "restructured", f"<{name}> directly in <{parent_name}> was put in a paragraph "
                   "(TEI allows it only inside one)")
        return 1
    if child.getparent() is None:
        return 0
    if isinstance(report, _Tally):  # a later element of a run: counted, not described
        report.add(child, "dropped", "")
        unwrap(child)
        return 1
    empty = not (child.text or "").strip() and not len(child)
    attributes = {qname_attr(str(k)): str(v) for k, v in child.attrib.items()}
    if empty:
        report.add(child, "dropped", f"<{name}> is not allowed inside <{parent_name}> (TEI P5 4.3.0); "
                   f"the empty element was removed" + (f" (attributes {attributes})" if attributes else ""))
    else:
        report.add(child, "dropped", f"<{name}> is not allowed inside <{parent_name}> (TEI P5 4.3.0); "
                   "its markup was removed, its text and children kept in place"
                   + (f" (attributes {attributes})" if attributes else ""))
    unwrap(child)
    return 1


def qname_attr(name: str) -> str:
    return name.replace("{http://www.w3.org/XML/1998/namespace}", "xml:")


_XML_SPACE = " \t\r\n"  # what XML calls white space; str.strip() strips much more


def _wrap_text(parent: etree._Element, done: set[etree._Element], report: LossReport) -> int:
    """Text directly in an element that holds only elements: kept in a paragraph (divisions) or
    an anonymous block (`ab`), or, where neither may stand, in the nearest mixed ancestor."""
    if parent in done:
        return 0
    done.add(parent)
    tag = "p" if local_name(parent) in _DIVISIONS else _TEXT_HOLDERS.get(local_name(parent), "ab")
    scope = parent.nsmap
    # TEI the only default namespace in scope: a block made in place needs no declaration of
    # its own, which is what `el` gives once moved here (100,000 runs: a third of the time)
    in_place, clark = scope.get(None) == TEI_NS and list(scope.values()).count(TEI_NS) == 1, tei(tag)

    def block(text: str) -> etree._Element:
        # a run of only no-break or other Unicode spaces is text to XML: kept as it is
        content = " ".join(text.split()) or text.strip(_XML_SPACE)
        if not in_place:
            return el(tag, content)
        made = etree.SubElement(parent, clark)
        made.text = content
        return made
    changed = 0
    if parent.text and parent.text.strip(_XML_SPACE):
        made = block(parent.text)
        parent.text = None
        parent.insert(0, made)
        changed += 1
    for before in list(parent)[changed:]:  # each run of text after an element: one pass, in order
        text = before.tail
        if text and text.strip(_XML_SPACE):
            made = block(text)
            before.tail = None
            before.addnext(made)
            changed += 1
    if changed:
        line = report.origins.of(parent)[1]
        report.add(parent, "restructured", f"text directly in <{local_name(parent)}>, where TEI allows none, "
                   f"was put in <{tag}> ({changed} run{'s' if changed != 1 else ''}" + (f", line {line}" if line else "") + ")")
    return changed


def _supply(parent: etree._Element, name: str, report: LossReport) -> int:
    """A required child the source lacks: the few TEI requires that hold no content of their own."""
    if name in ("p", "ab"):
        sub(parent, name, "")
    elif name == "title":
        sub(parent, "title", "Untitled")
    elif name in ("body",):
        sub(sub(parent, "body"), "p", "")
    else:
        return 0
    report.add(parent, "restructured", f"<{local_name(parent)}> lacks the <{name}> TEI requires; an empty one was added")
    return 1


_NCNAME_START = re.compile(r"[A-Za-z_]")


def qualify_ids(doc: etree._Element, number: str, report: LossReport) -> None:
    """xml:ids unique across the edition (teikit validate's tk-id-unique): every identifier of an
    imported document is prefixed with its document number, and every `#id` pointer follows."""
    prefix = number if _NCNAME_START.match(number) else f"d{number}"
    renamed: dict[str, str] = {}
    identified = doc.xpath("descendant-or-self::*[@xml:id]")  # in libxml2: no proxy per element
    for node in identified if isinstance(identified, list) else []:
        if isinstance(node, etree._Element) and node.get(XML_ID):
            old = str(node.get(XML_ID))
            if old == prefix or old.startswith(prefix + "-"):
                continue  # already the edition's own (a re-import of an exported document)
            renamed[old] = f"{prefix}-{old}"
            node.set(XML_ID, renamed[old])
    if not renamed:
        return
    pointers = 0
    for node in doc.iter():
        if not isinstance(node.tag, str):
            continue
        for key, raw in node.attrib.items():
            name, value = str(key), str(raw)
            if "#" not in value:
                continue
            tokens = value.split()
            new = [f"{t.split('#', 1)[0]}#{renamed[t.split('#', 1)[1]]}" if t.startswith("#") and t[1:] in renamed
                   else t for t in tokens]
            if new != tokens:
                node.set(name, " ".join(new))
                pointers += 1
    report.add(doc, "rewritten", f"{len(renamed)} xml:id{'s' if len(renamed) != 1 else ''} prefixed with "
               f"'{prefix}-' ({pointers} pointer attribute{'s' if pointers != 1 else ''} followed): identifiers "
               "are unique across the edition, and another archive's documents reuse names like 'p1'")


def _content_in_paragraph(division: etree._Element, report: LossReport) -> int:
    """A division holding only what may float anywhere (figures, page breaks, notes): TEI wants
    at least one paragraph or division, so its content is put in one."""
    paragraph = el("p")
    paragraph.text, division.text = division.text, None
    for child in [c for c in division if not (isinstance(c.tag, str) and local_name(c) in ("head", "opener"))]:
        paragraph.append(child)
    heads = [c for c in division if isinstance(c.tag, str)]
    if heads:
        heads[-1].addnext(paragraph)
    else:
        division.append(paragraph)
    report.add(division, "restructured", f"<{local_name(division)}> held no paragraph or division, which TEI "
               "requires; its content was put in a paragraph")
    return 1

"""TEI as other editions write it (letters, reports, transcriptions), and teiCorpus files.

Transcriptional markup (choice, add/del/subst, unclear, damage, hi, lb, handShift, facsimile
surfaces and zones, correspDesc...) is TEI the edition admits, so it is kept; its values are
brought onto the edition's closed lists (conform, transcription), each change reported. What
else changes: names pointing at entries (`@ref` to a
standOff list, to a register file beside the source, or to a teiCorpus's standOff) are carried
into the edition's registers; elements and attributes of other namespaces are unwrapped or
dropped; a body without divisions gets the edition's `div`; a revisionDesc change records the
import. Each change is a line in the loss report.
"""

from __future__ import annotations

from collections import Counter
from pathlib import Path

from lxml import etree

from toolkit import __version__
from toolkit.errors import ToolkitError
from toolkit.readers.tei_import.conform import conform
from toolkit.readers.tei_import.document import ImportedDocument, finish
from toolkit.readers.tei_import.loss import LossEntry, LossReport, copy_with_origin
from toolkit.readers.tei_import.normalise import Holds, ImportContext, file_number, holds, normalise_namespaces
from toolkit.readers.tei_import.registers import NewEntry
from toolkit.readers.tei_import.repair import (complete_header, describe_hands,
                                               formulae_as_text, make_valid, qualify_ids)
from toolkit.readers.tei_import.schema import IMPORT_PIS, PROJECT_PIS, fits_project
from toolkit.readers.tei_import.transcription import conform_profile, conform_top_divs, conform_transcription
from toolkit.registers import expand_ref, prefix_table
from toolkit.safe_xml import parse_xml_file
from toolkit.tei import NS, XML_ID, XML_LANG, el, local_name, sub, tei

ENTRY_KINDS = {"person": "person", "personGrp": "person", "place": "place", "org": "org"}
NAME_TAGS = {"persName", "placeName", "orgName", "name", "rs", "author", "editor", "repository",
             "settlement", "country", "region", "institution", "term", "origPlace", "pubPlace",
             "publisher", "sponsor", "funder", "distributor", "authority"}
_NAME_TAGS_ANY_NS = tuple(f"{{*}}{name}" for name in sorted(NAME_TAGS | {"gloss"}))
_GLOBAL = {"note", "pb", "lb", "cb", "milestone", "fw", "figure", "gap", "anchor", "index"}

Entries = dict[str, tuple[str, etree._Element]]  # xml:id -> (kind, entry element)


def entries_in(root: etree._Element) -> Entries:
    """Register entries (person, place, org with xml:id) anywhere under `root`."""
    found: Entries = {}
    for node in root.iter():
        if isinstance(node.tag, str) and node.get(XML_ID) and local_name(node) in ENTRY_KINDS \
                and etree.QName(node).namespace == NS["tei"]:
            found[str(node.get(XML_ID))] = (ENTRY_KINDS[local_name(node)], node)
        elif isinstance(node.tag, str) and node.get(XML_ID) and local_name(node) == "item" \
                and _parent_type(node) == "terms" and node.find("tei:term", NS) is not None:
            found[str(node.get(XML_ID))] = ("term", node)
    return found


def _parent_type(node: etree._Element) -> str | None:
    parent = node.getparent()
    return parent.get("type") if parent is not None else None


class _ExternalRegisters:
    """Register files a source points to by relative path, read once each (never fetched)."""

    def __init__(self, source: Path) -> None:
        self.base = source.parent
        self.cache: dict[Path, Entries] = {}

    def lookup(self, file_part: str, xml_id: str) -> tuple[str, etree._Element] | None:
        if not file_part.endswith(".xml") or ":" in file_part or file_part.startswith("/"):
            return None
        path = (self.base / file_part).resolve()
        if path not in self.cache:
            try:
                self.cache[path] = entries_in(parse_xml_file(path).getroot()) if path.is_file() else {}
            except ToolkitError:
                self.cache[path] = {}
        return self.cache[path].get(xml_id)


def read_generic(tree: etree._ElementTree, path: str, context: ImportContext,
                 notes: list[LossEntry] | None = None) -> tuple[list[ImportedDocument], LossReport | None]:
    """The documents of a TEI file or teiCorpus, and for a corpus the report of its own parts.

    `notes`: what was repaired in the file before it was parsed (each document's report has them).
    """
    root = tree.getroot()
    external = _ExternalRegisters(Path(path))
    if local_name(root) != "teiCorpus":
        return [_document(root, path, context, {}, external, 0, notes or [])], None
    shared: Entries = {}
    for stand_off in root.iterfind("tei:standOff", NS):
        shared.update(entries_in(stand_off))
    documents = list(root.iterfind(".//tei:TEI", NS))
    imported = [_document(doc, path, context, shared, external, index, notes or [])
                for index, doc in enumerate(documents, 1)]
    return imported, _corpus_report(root, path, shared, documents)


def _corpus_report(root: etree._Element, path: str, shared: Entries, documents: list[etree._Element]) -> LossReport:
    """What of a teiCorpus is not in its documents: its header, entries no document points to."""
    report = LossReport(Path(path).name, file_number(root.get(XML_ID) or Path(path).stem))
    header = root.find("tei:teiHeader", NS)
    if header is not None:
        report.add(header, "dropped", "the corpus header; each imported document keeps its own header")
    pointed: set[str] = set()
    for doc in documents:
        for node in doc.iter():
            if isinstance(node.tag, str):
                for attribute in ("ref", "corresp", "target"):
                    value = node.get(attribute) or ""
                    pointed.update(part[1:] for part in value.split() if part.startswith("#"))
    for xml_id, (_kind, entry) in shared.items():
        if xml_id not in pointed:
            report.add(entry, "dropped", f"register entry {xml_id!r}: no document of the corpus points to it")
    for stand_off in root.iterfind("tei:standOff", NS):
        for child in stand_off:
            if isinstance(child.tag, str) and local_name(child) not in {"listPerson", "listPlace", "listOrg", "list"}:
                report.add(child, "dropped", "standOff content of the corpus that is not a register list")
    return report


def _number(doc: etree._Element, path: str, index: int) -> str:
    for idno in doc.iterfind("tei:teiHeader/tei:fileDesc/tei:publicationStmt/tei:idno", NS):
        if idno.get("type") != "URI" and (idno.text or "").strip():
            return file_number(str(idno.text))
    if doc.get(XML_ID):
        return file_number(str(doc.get(XML_ID)))
    return file_number(Path(path).stem + (f"-{index}" if index else ""))


def _document(source: etree._Element, path: str, context: ImportContext, shared: Entries,
              external: _ExternalRegisters, index: int, notes: list[LossEntry]) -> ImportedDocument:
    """One document: in the edition's own customisation when its markup can be brought onto it
    (the narrowing mappings of `conform`), else kept as the archive wrote it, under the import
    customisation (only what tei_all rejects is mended)."""
    number = _number(source, path, index)
    holding = holds(source)
    doc, report, entries, stats = _transform(source, path, context, shared, external, number, notes, holding, True)
    if fits_project(_stripped(doc), f"{number}.xml"):
        return finish(doc, number, report, entries, stats, context.schema_dir, layers=PROJECT_PIS)
    doc, report, entries, stats = _transform(source, path, context, shared, external, number, notes, holding, False)
    make_valid(doc, report, path)
    qualify_ids(doc, number, report)
    return finish(doc, number, report, entries, stats, context.schema_dir, layers=IMPORT_PIS)


def _transform(source: etree._Element, path: str, context: ImportContext,
               shared: Entries, external: _ExternalRegisters, number: str, notes: list[LossEntry],
               holding: Holds, narrow: bool) -> tuple[etree._Element, LossReport, list[NewEntry], Counter[str]]:
    """One attempt, on a copy of the source of its own (the report knows where its elements came
    from); `holding`: what the source holds, which decides the checks worth a walk of the copy."""
    doc, origins = copy_with_origin(source)
    report = LossReport(Path(path).name, number, list(notes), origins)
    inherited = source.xpath("ancestor::*[@xml:lang][1]/@xml:lang")
    if source.get(XML_LANG) is None and isinstance(inherited, list) and inherited:
        doc.set(XML_LANG, str(inherited[0]))
        report.add(doc, "mapped", f"xml:lang {inherited[0]!r} of the corpus, which the document inherited, "
                   "is stated on the document")
    entries: list[NewEntry] = []
    stats: Counter[str] = Counter()
    own = {}
    for stand_off in doc.iterfind("tei:standOff", NS):
        own.update(entries_in(stand_off))
    local = {**shared, **own}
    linked: set[str] = set()
    prefixes = prefix_table(doc)
    for node in doc.iter(*_NAME_TAGS_ANY_NS):  # filtered by libxml2, not per element in Python
        for attribute in ("target",) if local_name(node) == "gloss" else ("ref", "corresp"):
            value = node.get(attribute)
            if value is None or " " in value.strip() or value.startswith(("http://", "https://", "urn:")):
                continue
            written, value = value, expand_ref(value, prefixes)  # per:kosygin by the listPrefixDef
            file_part, _, xml_id = value.partition("#")
            found = local.get(xml_id) if not file_part else external.lookup(file_part, xml_id)
            if found is None or not xml_id:
                if value.startswith("#") and doc.xpath("boolean(.//*[@xml:id=$i])", i=xml_id):
                    continue
                del node.attrib[attribute]
                report.add(node, "unresolved", f"@{attribute} {value!r} points to no register entry "
                           "the import could read; removed, the name is kept", attribute)
                continue
            kind, entry = found
            ref, new = context.linker.link(kind, entry, xml_id, file_number(f"{number}-{xml_id}"))
            ref = _declared(ref, prefixes)
            entries.extend([new] if new else [])
            if attribute == "corresp":
                del node.attrib["corresp"]
            node.set("target" if attribute == "target" else "ref", ref)
            if not value.startswith("#") and ref in (value, written):
                node.set("target" if attribute == "target" else "ref", written)  # per:id kept as written
                continue
            linked.add(xml_id)
            stats["names"] += 1
            report.add(node, "rewritten", f"@{attribute} {value!r} became {ref!r} (the edition's registers)", attribute)
    _consume_stand_off(doc, own, linked, report)
    if holding.links:
        _check_relative(doc, report)
    formulae_as_text(doc, report)
    normalise_namespaces(doc, report, keep_examples=not narrow, foreign=holding.foreign)
    if narrow:
        _wrap_body(doc, report)
        _conform(doc, report)
    complete_header(doc, report, context.authority)
    if holding.hands:
        describe_hands(doc, report)
    _record_import(doc, path, context)
    stats["paragraphs"] = sum(1 for _ in doc.iter(tei("p")))
    _prolog(source, report)
    return doc, report, entries, stats


def _stripped(doc: etree._Element) -> etree._Element:
    """The document as `finish` will write it (no unused namespace declaration). In place, not
    in a copy: `finish` removes the same declarations first, and a document that does not fit
    is not used again (the next attempt starts from the source)."""
    etree.cleanup_namespaces(doc)
    return doc


def _prolog(source: etree._Element, report: LossReport) -> None:
    """Processing instructions before the source's root (its schemas, stylesheets) are not carried."""
    if source.getparent() is not None:
        return
    node = source.getprevious()
    while node is not None:
        if isinstance(node, etree._ProcessingInstruction):
            target = str(node.target)
            report.entries.append(LossEntry(f"processing-instruction({target})", "/", "dropped",
                                            f"<?{target} {node.text or ''}?> belongs to the source edition; "
                                            "the document gets this edition's xml-model instead",
                                            node.sourceline if isinstance(node.sourceline, int) else None))
        node = node.getprevious()


def _consume_stand_off(doc: etree._Element, own: Entries, linked: set[str], report: LossReport) -> None:
    """Entries carried into the registers leave the document's standOff (they live in the registers)."""
    for xml_id, (_kind, entry) in own.items():
        if xml_id in linked and entry.getparent() is not None:
            report.add(entry, "mapped", f"register entry {xml_id!r} carried into the edition's registers")
            parent = entry.getparent()
            assert parent is not None
            if (entry.tail or "").strip():
                report.add(entry, "dropped", f"text {' '.join(str(entry.tail).split())[:80]!r} after the register "
                           "entry, outside any element (a list of entries holds no text)")
            entry.tail = None
            parent.remove(entry)
    for stand_off in list(doc.iterfind("tei:standOff", NS)):
        for container in list(stand_off.iter()):
            if container is not stand_off and local_name(container) in {"listPerson", "listPlace", "listOrg", "list"} \
                    and not any(isinstance(c.tag, str) and local_name(c) != "head" for c in container):
                if container.find("tei:head", NS) is not None:
                    report.add(container, "dropped", "heading of a register list whose entries all went into the "
                               "edition's registers")
                container.getparent().remove(container)  # type: ignore[union-attr]
        if not any(isinstance(c.tag, str) for c in stand_off):
            doc.remove(stand_off)


def _declared(ref: str, prefixes: dict[str, tuple[str, str]]) -> str:
    """`registers/persons.xml#kosygin` as the document's own prefix writes it (`per:kosygin`),
    when its listPrefixDef declares one for that register file."""
    file_part, _, xml_id = ref.partition("#")
    for ident, (match, replacement) in prefixes.items():
        if match == "(.+)" and replacement == f"{file_part}#$1" and xml_id:
            return f"{ident}:{xml_id}"
    return ref


def _check_relative(doc: etree._Element, report: LossReport) -> None:
    found = doc.xpath("descendant-or-self::*[@facs or @url]")
    for node in found if isinstance(found, list) else []:
        if not isinstance(node, etree._Element):
            continue
        for attribute in ("facs", "url"):
            value = node.get(attribute)
            if value and not value.startswith("#") and ":" not in value.split("/")[0]:
                report.add(node, "kept", f"@{attribute} {value!r} is relative to the source file; "
                           "kept as is (copy the images beside the imported edition)", attribute)
            elif value and value.lower().startswith(("http://", "https://")) and \
                    (attribute == "facs" or local_name(node) == "graphic"):
                # issue 15: a page image on another server is never fetched
                report.add(node, "kept", f"@{attribute} {value!r} is a remote image: kept as a "
                           "link, never fetched; the web edition shows local page images only",
                           attribute)


def _wrap_body(doc: etree._Element, report: LossReport) -> None:
    for body in doc.iterfind("tei:text/tei:body", NS):
        children = [c for c in body if isinstance(c.tag, str)]
        if any(local_name(c) in {"div", "div1", "divGen"} for c in children) or not children:
            continue
        if all(local_name(c) in _GLOBAL for c in children):
            continue
        wrapper = el("div", type="transcription")
        wrapper.text = body.text
        body.text = None
        for child in list(body):
            wrapper.append(child)
        body.append(wrapper)
        report.add(body, "restructured", "the body's content was wrapped in div[@type='transcription'] "
                   "(the edition keeps a document's text in a div)")


def _conform(doc: etree._Element, report: LossReport) -> None:
    """The edition's value lists: presentation, notes, highlighting, transcription, letters."""
    for text in doc.iterfind("tei:text", NS):
        for body in text.iterfind("tei:body", NS):
            conform_top_divs(body, report)
        conform(text, report, page_images=True)
    for part in doc.iterfind("tei:facsimile", NS):
        conform_transcription(part, report)
    for text in doc.iterfind("tei:text", NS):
        conform_transcription(text, report)
    header = doc.find("tei:teiHeader", NS)
    if header is not None:
        conform_profile(header, report)


def _record_import(doc: etree._Element, path: str, context: ImportContext) -> None:
    header = doc.find("tei:teiHeader", NS)
    if header is None:
        return
    revision = header.find("tei:revisionDesc", NS)
    if revision is None:
        revision = sub(header, "revisionDesc")
    changes = revision.find("tei:listChange", NS)
    if changes is not None:
        revision = changes
    change = el("change", f"Imported from {Path(path).name} (TEI) by teikit {__version__}.",
                when=context.change_date.isoformat())
    assert revision is not None
    if len(revision):
        change.tail = revision[-1].tail
        revision[-1].tail = revision.text
    revision.append(change)

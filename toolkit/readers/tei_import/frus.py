"""FRUS volumes (Office of the Historian, history.state.gov) split into the edition's documents.

A volume is one TEI file; each `div[@type='document']` becomes one document named
`{volume}-{div id}` (`frus1894Nicaragua-d1`). The document keeps its heading, source note,
dateline, footnotes and page breaks; `frus:attachment` (enclosures) becomes `div[@type='attachment']`;
`persName/@corresp` and `gloss/@target` pointing into the volume's lists of persons and terms
become `@ref`/`@target` into the edition's registers; `frus:doc-dateTime-min/max` become the
header's creation date. Cross-references to other documents of the volume point to their files;
xml:ids get the volume's id as prefix, so that several volumes can share one edition. Then
toolkit.readers.tei_import.conform maps FRUS markup onto the edition's customisation.
"""

from __future__ import annotations

from collections import Counter
from pathlib import Path

from lxml import etree

from toolkit.errors import InputError
from toolkit.readers.tei_import.conform import conform
from toolkit.readers.tei_import.document import ImportedDocument, finish
from toolkit.readers.tei_import.header import HeaderInfo, build_header
from toolkit.readers.tei_import.loss import LossReport, copy_with_origin
from toolkit.readers.tei_import.normalise import ImportContext, file_number, normalise_namespaces, text_of, unwrap
from toolkit.readers.tei_import.registers import NewEntry
from toolkit.tei import NS, XML_ID, XML_NS, el, local_name, sub, tei

FRUS_NS = "http://history.state.gov/frus/ns/1.0"
FNS = {"tei": NS["tei"], "frus": FRUS_NS}
SITE = "https://history.state.gov/historicaldocuments"
DATE_MIN = f"{{{FRUS_NS}}}doc-dateTime-min"
DATE_MAX = f"{{{FRUS_NS}}}doc-dateTime-max"

# children a div may have before its content and after it (tei_all's div content model)
_DIV_TOP = {"head", "opener", "dateline", "byline", "argument", "epigraph", "docAuthor", "docDate",
            "salute", "meeting"}
_GLOBAL = {"note", "pb", "lb", "cb", "milestone", "fw", "figure", "gap", "anchor", "index", "notatedMusic",
           "noteGrp", "alt", "altGrp", "join", "joinGrp", "link", "linkGrp", "timeline", "certainty",
           "precision", "respons", "span", "spanGrp", "substJoin", "media", "interp", "interpGrp"}
_DIV_BOTTOM = {"closer", "postscript", "signed", "trailer"}

EDITORIAL = (
    ("normalization", "Imported from a FRUS volume of the Office of the Historian: each div[@type='document'] "
     "is one document. Enclosures (frus:attachment) are div[@type='attachment']; when a document has "
     "enclosures, its own text is wrapped in div[@type='main'] so that its closer precedes them. "
     "The volume marks omissions (gap) by their extent only; they are gap[@reason='omitted']."),
    ("interpretation", "Persons and terms keyed to the volume's lists (persName/@corresp, gloss/@target) "
     "point into the edition's registers (terms as name/@ref); senders and recipients marked by the "
     "volume are seg[@type='correspondent'] with @subtype from or to; source notes are editorial notes. "
     "Every change made by the import is listed in the document's loss report."),
)


def is_frus(root: etree._Element) -> bool:
    if FRUS_NS in (root.nsmap or {}).values():
        return True
    return root.find(".//tei:publicationStmt/tei:idno[@type='frus']", NS) is not None


def _plain(node: etree._Element) -> str:
    """Text of a node without its footnotes, white space normalised."""
    parts: list[str] = []

    def walk(current: etree._Element) -> None:
        if current.text:
            parts.append(current.text)
        for child in current:
            if isinstance(child.tag, str) and local_name(child) == "lb":
                parts.append(" ")
            elif isinstance(child.tag, str) and local_name(child) != "note":
                walk(child)
            if child.tail:
                parts.append(child.tail)
    walk(node)
    return " ".join("".join(parts).split())


class _Volume:
    def __init__(self, root: etree._Element, path: str) -> None:
        self.root = root
        idno = root.findtext(".//tei:publicationStmt/tei:idno[@type='frus']", namespaces=NS)
        self.id = file_number(idno or root.get(XML_ID) or Path(path).stem)
        title = (root.find(".//tei:titleStmt/tei:title[@type='complete']", NS)
                 if root.find(".//tei:titleStmt/tei:title[@type='complete']", NS) is not None
                 else root.find(".//tei:titleStmt/tei:title", NS))
        self.title = text_of(title) if title is not None else self.id
        self.publisher = root.findtext(".//tei:publicationStmt/tei:publisher", namespaces=NS) or ""
        self.pub_place = root.findtext(".//tei:publicationStmt/tei:pubPlace", namespaces=NS) or ""
        self.pub_date = root.findtext(".//tei:publicationStmt/tei:date", namespaces=NS) or ""
        self.editors = tuple(text for text in (text_of(n) for n in root.iterfind(
            "tei:teiHeader/tei:fileDesc/tei:titleStmt/tei:editor", NS)) if text)
        self.persons = {str(n.get(XML_ID)): n for n in root.iterfind(".//tei:persName[@{http://www.w3.org/XML/1998/namespace}id]", NS)}
        self.terms = {str(n.get(XML_ID)): n for n in root.iterfind(".//tei:term[@{http://www.w3.org/XML/1998/namespace}id]", NS)}
        self.documents: list[etree._Element] = [
            n for n in root.iterfind(".//tei:text//tei:div[@type='document']", NS)
            if not any(a.get("type") == "document" for a in n.iterancestors(tei("div")))]
        self.owner: dict[str, str] = {}
        # the page each document starts on: the last page break before it (one pass, not one per document)
        self.start_page: dict[int, etree._Element] = {}
        wanted = {id(div) for div in self.documents}
        last_page: etree._Element | None = None
        for node in root.iter(tei("pb"), tei("div")):
            if local_name(node) == "pb":
                last_page = node
            elif id(node) in wanted and last_page is not None:
                self.start_page[id(node)] = last_page
        for div in self.documents:
            number = self.number(div)
            for node in div.iter():
                if isinstance(node.tag, str) and node.get(XML_ID):
                    self.owner[str(node.get(XML_ID))] = number

    def number(self, div: etree._Element) -> str:
        return file_number(f"{self.id}-{div.get(XML_ID) or div.get('n') or self.documents.index(div) + 1}")

    def person_entry(self, pid: str) -> etree._Element:
        """The volume's list item for a person, as a TEI person entry."""
        name = self.persons[pid]
        label = _plain(name)
        person = el("person")
        sub(person, "persName", label)
        if "," in label:
            surname, _, rest = label.partition(",")
            forenames, _, suffix = rest.partition(",")
            if forenames.strip() and surname.strip():
                direct = f"{forenames.strip()} {surname.strip()}" + (f", {suffix.strip()}" if suffix.strip() else "")
                sub(person, "persName", direct, type="variant")
        item = next((a for a in name.iterancestors() if local_name(a) == "item"), None)
        if item is not None:
            role = _plain(item)
            role = role[len(label):] if role.startswith(label) else role.replace(label, "", 1)
            role = role.strip(" ,;:")
            if role:
                sub(person, "note", role)
        sub(person, "idno", f"{SITE}/{self.id}/persons#{pid}", type="FRUS")
        return person

    def term_entry(self, tid: str) -> etree._Element:
        term = self.terms[tid]
        label = _plain(term)
        item = el("item", n=tid)
        sub(item, "term", label)
        holder = next((a for a in term.iterancestors() if local_name(a) == "item"), None)
        if holder is not None:
            gloss = _plain(holder)
            gloss = (gloss[len(label):] if gloss.startswith(label) else gloss).strip(" ,;:")
            if gloss:
                item[-1].tail = ", "
                sub(item, "gloss", gloss)
        return item


def read_volume(data_tree: etree._ElementTree, path: str,
                context: ImportContext) -> tuple[list[ImportedDocument], LossReport]:
    """The volume's documents, and the report of the volume's parts outside any document."""
    root = data_tree.getroot()
    volume = _Volume(root, path)
    if not volume.documents:
        raise InputError("this FRUS file has no div[@type='document'] to import", path)
    return [_document(volume, div, path, context) for div in volume.documents], _volume_report(volume, path)


def _volume_report(volume: _Volume, path: str) -> LossReport:
    """Front matter, back matter and the volume's own divisions are not documents: say so."""
    report = LossReport(Path(path).name, volume.id)
    documents = set(volume.documents)
    holders = {a for d in volume.documents for a in d.iterancestors()}
    header = volume.root.find("tei:teiHeader", NS)
    if header is not None:
        report.add(header, "mapped", "the volume's header is not a document's header; its title, "
                   "publisher, place and date are in each document's citation (sourceDesc/bibl)")

    def walk(node: etree._Element) -> None:
        for child in node:
            if not isinstance(child.tag, str) or child in documents or child is header:
                continue
            if local_name(child) in ("front", "back"):
                walk(child)
            elif child in holders:
                if local_name(child) == "div":
                    report.add(child, "restructured", "a division of the volume; its documents are "
                               "imported one by one, its own heading is not part of them")
                walk(child)
            elif local_name(child) == "pb":
                continue
            else:
                what = "the volume's list of persons or terms, carried into the registers where documents use it" \
                    if child.find(".//tei:persName[@xml:id]", {**NS, "xml": XML_NS}) is not None \
                    or child.find(".//tei:term[@xml:id]", {**NS, "xml": XML_NS}) is not None \
                    else "part of the volume outside its documents (front or back matter, headings); not imported"
                report.add(child, "dropped", what)
    walk(volume.root)
    return report


def _document(volume: _Volume, source: etree._Element, path: str, context: ImportContext) -> ImportedDocument:
    number = volume.number(source)
    div, origins = copy_with_origin(source)
    report = LossReport(Path(path).name, number, origins=origins)
    entries: list[NewEntry] = []
    stats: Counter[str] = Counter()
    linker = context.linker

    for name in div.iter(tei("persName")):
        corresp = name.get("corresp")
        if corresp and corresp.startswith("#"):
            pid = corresp[1:]
            if pid in volume.persons:
                ref, new = linker.link("person", volume.person_entry(pid), f"{volume.id}-{pid}", f"{volume.id}-{pid}")
                name.set("ref", ref)
                del name.attrib["corresp"]
                entries.extend([new] if new else [])
                report.add(name, "rewritten", f"@corresp {corresp} (the volume's list of persons) became @ref {ref}", "corresp")
                stats["persons"] += 1
            else:
                del name.attrib["corresp"]
                report.add(name, "unresolved", f"@corresp {corresp} names no person of the volume; removed", "corresp")
    for gloss in div.iter(tei("gloss")):
        target = gloss.get("target")
        if target and target.startswith("#") and target[1:] in volume.terms:
            tid = target[1:]
            ref, new = linker.link("term", volume.term_entry(tid), f"{volume.id}-{tid}", f"{volume.id}-{tid}")
            gloss.set("target", ref)
            entries.extend([new] if new else [])
            report.add(gloss, "rewritten", f"@target {target} (the volume's list of terms) became {ref}", "target")
            stats["terms"] += 1
    _rewrite_pointers(div, volume, number, report)
    creation = _creation(div, report)
    for attachment in list(div.iter(f"{{{FRUS_NS}}}attachment")):
        report.add(attachment, "mapped", "FRUS enclosure became div[@type='attachment']")
        attachment.tag = tei("div")
        attachment.set("type", "attachment")
        stats["attachments"] += 1
    for node in [div, *div.iterdescendants(tei("div"))]:
        _restructure(node, report)
        _openers(node, report)
    _prefix_ids(div, volume.id, report)
    for gap in div.iter(tei("gap")):
        unit = gap.get("unit")
        if unit in _UNITS:
            report.add(gap, "mapped", f"@unit {unit!r} became {_UNITS[unit]!r} (the Guidelines' singular unit names)", "unit")
            gap.set("unit", _UNITS[unit])
    # the document's own source notes (not its enclosures'), read before conform() retypes them
    source_notes = [text_of(n) for n in div.iterfind("tei:note[@type='source']", NS)] + \
        [text_of(n) for n in div.iterfind("tei:head/tei:note[@type='source']", NS)]
    normalise_namespaces(div, report)
    conform(div, report)

    head = div.find(tei("head"))
    title = _plain(head) if head is not None else f"{volume.title}, document {source.get('n') or number}"
    translated = any("translation" in text.lower() for text in source_notes)
    div.set("type", "translation" if translated else "transcription")
    report.add(div, "mapped", f"div[@type='document'] became div[@type='{div.get('type')}'] (the edition's type for the text of a document)", "type")
    _start_page(volume.start_page.get(id(source)), div)
    uri = f"{SITE}/{volume.id}/{source.get(XML_ID)}" if source.get(XML_ID) else None
    citation = el("bibl", type="citation")
    citation.text = "“"
    sub(citation, "title", title)
    citation[-1].tail = "”, in "
    sub(citation, "title", volume.title)
    citation[-1].tail = f", document {source.get('n') or number}. "
    if volume.pub_place:
        sub(citation, "pubPlace", volume.pub_place)
        citation[-1].tail = ": "
    if volume.publisher:
        sub(citation, "publisher", volume.publisher)
        citation[-1].tail = ", "
    if volume.pub_date:
        sub(citation, "date", volume.pub_date)
        citation[-1].tail = "."
    if uri:
        citation[-1].tail = (citation[-1].tail or "") + " "
        sub(citation, "ref", uri, target=uri)
    info = HeaderInfo(
        title=title, number=f"{volume.id}/{source.get(XML_ID) or source.get('n')}", idno_type="FRUS",
        distributor="Office of the Historian, U.S. Department of State", citation=citation,
        source_name=Path(path).name, source_format=f"FRUS TEI, document {source.get(XML_ID) or number}",
        change_date=context.change_date, uri=uri,
        source_notes=tuple(source_notes), creation=creation, editorial=EDITORIAL,
        editors=volume.editors)
    tei_root = el("TEI", xml_lang="en")
    tei_root.append(build_header(info))
    body = sub(sub(tei_root, "text", xml_lang="en"), "body")
    body.append(div)
    stats["paragraphs"] = sum(1 for _ in div.iter(tei("p")))
    stats["notes"] = sum(1 for _ in div.iter(tei("note")))
    return finish(tei_root, number, report, entries, stats, context.schema_dir)


def _rewrite_pointers(div: etree._Element, volume: _Volume, number: str, report: LossReport) -> None:
    """Same-volume pointers (`#d1`, `#pg_10`) become pointers to the file that holds the target.

    A pointer into the volume's front matter has no target in the edition: a ref keeps its
    text without the link, a ptr (which has no text) is removed.
    """
    unlinked: list[etree._Element] = []
    for node in list(div.iter()):
        if not isinstance(node.tag, str):
            continue
        for attribute in ("target", "corresp", "facs"):
            value = node.get(attribute)
            if value is None:
                continue
            if attribute == "facs" and not value.startswith("#"):
                continue  # a page image of the volume: conform() reports what becomes of it
            if not value.startswith("#") or " " in value:
                continue
            target = value[1:]
            owner = volume.owner.get(target)
            if owner == number:
                continue
            if owner is not None:
                whole = next((d for d in volume.documents if d.get(XML_ID) == target), None) is not None
                new = f"{owner}.xml" if whole else f"{owner}.xml#{volume.id}-{target}"
                node.set(attribute, new)
                report.add(node, "rewritten", f"@{attribute} {value} points into another document of the volume: {new}", attribute)
            else:
                del node.attrib[attribute]
                report.add(node, "unresolved", f"@{attribute} {value} points outside the volume's documents "
                           "(front matter); removed, the text is kept", attribute)
                if attribute == "target" and local_name(node) in ("ref", "ptr"):
                    unlinked.append(node)
    for node in unlinked:
        report.add(node, "dropped", "a link without a target in the edition: the element was removed"
                   + (", its text kept" if local_name(node) == "ref" else ""))
        unwrap(node)


def _prefix_ids(div: etree._Element, volume_id: str, report: LossReport) -> None:
    """FRUS ids are unique in a volume; prefixed with the volume's id they are unique in the edition."""
    renamed: dict[str, str] = {}
    for node in div.iter():
        if isinstance(node.tag, str) and node.get(XML_ID):
            old = str(node.get(XML_ID))
            renamed[old] = f"{volume_id}-{old}"
            node.set(XML_ID, renamed[old])
    if not renamed:
        return
    for node in div.iter():
        if not isinstance(node.tag, str):
            continue
        for attribute in ("target", "corresp", "facs"):
            value = node.get(attribute)
            if value and value.startswith("#") and value[1:] in renamed:
                node.set(attribute, f"#{renamed[value[1:]]}")
    report.add(div, "rewritten", f"{len(renamed)} xml:id values prefixed with {volume_id + '-'!r} "
               "(unique in the volume, now unique in the edition); pointers to them follow")


def _creation(div: etree._Element, report: LossReport) -> etree._Element | None:
    low, high = div.get(DATE_MIN), div.get(DATE_MAX)
    date_node = div.find(".//tei:dateline//tei:date", NS)
    creation: etree._Element | None = None
    if date_node is not None:
        creation = el("date", _plain(date_node))
        # not @calendar: the volume's "gregorian" is the edition's default, and conform() drops it
        for attribute in ("when", "notBefore", "notAfter", "from", "to"):
            if date_node.get(attribute):
                creation.set(attribute, str(date_node.get(attribute)))
    if low or high:
        if creation is None or not creation.get("when"):
            creation = creation if creation is not None else el("date")
            if low:
                creation.set("notBefore", low[:10])
            if high:
                creation.set("notAfter", high[:10])
        for attribute, value in ((DATE_MIN, low), (DATE_MAX, high)):
            if value:
                report.add(div, "mapped", f"{value} is recorded in profileDesc/creation/date", attribute)
                del div.attrib[attribute]
    return creation


def _restructure(div: etree._Element, report: LossReport) -> None:
    """Make a div with enclosures valid TEI: its own text goes into div[@type='main'] before them."""
    children = [c for c in div if isinstance(c.tag, str)]
    if not any(local_name(c) == "div" for c in children):
        return
    index = 0
    while index < len(children) and local_name(children[index]) in _DIV_TOP | _GLOBAL:
        index += 1
    runs: list[list[etree._Element]] = []
    current: list[etree._Element] = []
    for child in children[index:]:
        if local_name(child) == "div":
            if current:
                runs.append(current)
            current = []
        else:
            current.append(child)
    trailing = current if all(local_name(c) in _DIV_BOTTOM | _GLOBAL for c in current) else []
    if current and not trailing:
        runs.append(current)
    for run in runs:
        if all(local_name(c) in _GLOBAL for c in run):
            continue
        wrapper = el("div", type="main")
        run[0].addprevious(wrapper)
        for child in run:
            wrapper.append(child)
        report.add(div, "restructured", f"{len(run)} elements of the document's own text wrapped in "
                   "div[@type='main'] so that they precede its enclosures (tei_all's div content model)")


_UNITS = {"lines": "line", "words": "word", "pages": "page", "chars": "char", "characters": "char"}


def _openers(div: etree._Element, report: LossReport) -> None:
    """A dateline at the top of a division goes into opener, as the edition (and modern FRUS) encode it."""
    for child in list(div):
        if not isinstance(child.tag, str):
            continue
        name = local_name(child)
        if name == "dateline":
            opener = el("opener")
            child.addprevious(opener)
            opener.tail = child.tail
            opener.append(child)
            child.tail = None
            report.add(child, "restructured", "dateline at the top of the document wrapped in opener")
        elif name not in _DIV_TOP | _GLOBAL:
            return


def _start_page(previous: etree._Element | None, div: etree._Element) -> None:
    """Give the document the page it starts on (the volume's last page break before it)."""
    first = next((c for c in div if isinstance(c.tag, str)), None)
    if first is not None and local_name(first) == "pb":
        return
    if previous is not None:
        page = el("pb", **({"n": str(previous.get("n"))} if previous.get("n") else {}))
        div.insert(0, page)
        page.tail = div.text
        div.text = None


__all__ = ["is_frus", "read_volume"]

"""Growing the registers from the corpus: proposals, and the editor's accept, merge and reject.

A proposal is a name the documents tag without @ref (a name the recogniser found but no
register holds), grouped across the corpus by kind and folded form, with its mentions, counts
and contexts; a place carries what the gazetteer knows (GeoNames id, coordinates); a near
spelling of an existing entry (rapidfuzz) is offered as a merge, never applied by itself.
Accepting or merging edits the register files as text, inserting the entry or the variant and
leaving every other byte as it was; rejections are remembered in `registers/rejected.json`.
"""

from __future__ import annotations

import html
import json
import re
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from lxml import etree
from rapidfuzz import fuzz, process

from toolkit.errors import InputError
from toolkit.names import cues
from toolkit.names.fold import fold_form
from toolkit.names.gazetteer import Place, all_places, places
from toolkit.registers import KINDS, load_registers
from toolkit.safe_xml import parse_xml_file
from toolkit.tei import TEI_NS

TAG_KIND = {tag: kind for kind, tag in KINDS.items()}
REGISTER_FILE = {"person": "persons.xml", "place": "places.xml", "org": "organisations.xml"}
LIST_TAG = {"person": "listPerson", "place": "listPlace", "org": "listOrg"}
REJECTED = "rejected.json"
NEAR = 85  # rapidfuzz ratio (of folded forms) at which a proposal is offered as a variant of an entry


@dataclass
class Mention:
    document: str
    line: int | None
    context: str


@dataclass
class Proposal:
    key: str  # the proposed xml:id, also what the editor types
    kind: str
    forms: Counter[str] = field(default_factory=Counter)
    mentions: list[Mention] = field(default_factory=list)
    place: Place | None = None
    near: list[tuple[str, str, float]] = field(default_factory=list)  # (entry id, its name, score)

    @property
    def name(self) -> str:
        return self.forms.most_common(1)[0][0]

    @property
    def count(self) -> int:
        return sum(self.forms.values())

    def as_json(self) -> dict[str, object]:
        return {"key": self.key, "kind": self.kind, "name": self.name, "count": self.count,
                "forms": dict(self.forms.most_common()),
                "geonames": self.place.geonames if self.place else None,
                "coordinates": [self.place.lat, self.place.lon] if self.place and self.place.lat is not None else None,
                "near": [{"id": i, "name": n, "score": round(s, 1)} for i, n, s in self.near],
                "mentions": [{"document": m.document, "line": m.line, "context": m.context}
                             for m in self.mentions]}


def slug(name: str) -> str:
    folded = re.sub(r"[^a-z0-9]+", "-", fold_form(name)).strip("-") or "name"
    return folded if folded[0].isalpha() else "n-" + folded


def documents(edition: Path) -> list[Path]:
    return sorted(p for p in edition.glob("*.xml") if p.is_file())


def rejected(registers_dir: Path) -> set[str]:
    path = registers_dir / REJECTED
    if not path.is_file():
        return set()
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (ValueError, UnicodeDecodeError) as error:
        raise InputError(f"the rejections cannot be read: {error}", str(path), 1) from error
    return {str(item["key"]) for item in data} if isinstance(data, list) else set()


def propose(edition: Path, registers_dir: Path | None = None) -> list[Proposal]:
    """The corpus's names without @ref, as proposed register entries (most mentioned first)."""
    registers_dir = registers_dir or edition / "registers"
    registers = load_registers(registers_dir)
    taken = {entry.xml_id for entry in registers.entries}
    skip = rejected(registers_dir)
    found: dict[tuple[str, str], Proposal] = {}
    for path in documents(edition):
        root = parse_xml_file(path).getroot()
        for node in root.iter(*(f"{{{TEI_NS}}}{tag}" for tag in TAG_KIND)):
            if node.get("ref") or node.getparent() is None:
                continue
            kind = TAG_KIND[etree.QName(node).localname]
            text = " ".join("".join(str(t) for t in node.itertext()).split())
            if not text:
                continue
            group = (kind, fold_form(text))
            proposal = found.get(group)
            if proposal is None:
                proposal = found[group] = Proposal(slug(text), kind)
            proposal.forms[text] += 1
            proposal.mentions.append(Mention(path.name, node.sourceline if isinstance(node.sourceline, int) else None,
                                             _context(node)))
    proposals = [p for p in found.values() if p.key not in skip]
    by_kind = {kind: [(e.xml_id, name) for e in registers.entries if e.kind == kind for name in e.names]
               for kind in KINDS}
    used: set[str] = set(taken)
    for proposal in sorted(proposals, key=lambda p: (-p.count, p.key)):
        key, suffix = proposal.key, 2
        while key in used:
            key, suffix = f"{proposal.key}-{suffix}", suffix + 1
        proposal.key = key
        used.add(key)
        if proposal.kind == "place":
            # a minor town's Place too (the tagger keeps only their names: gazetteer._split)
            known = places().get(fold_form(proposal.name)) or all_places().get(fold_form(proposal.name))
            proposal.place = known[1] if known else None
        choices = by_kind[proposal.kind]
        if choices:
            for _, score, index in process.extract(fold_form(proposal.name), [fold_form(n) for _, n in choices], scorer=fuzz.ratio,
                                                   limit=3, score_cutoff=NEAR):
                entry_id, name = choices[index]
                if all(entry_id != e for e, _, _ in proposal.near):
                    proposal.near.append((entry_id, name, float(score)))
    return sorted(proposals, key=lambda p: (-p.count, p.kind, p.key))


def _context(node: etree._Element) -> str:
    block = node
    while block.getparent() is not None and etree.QName(block).localname not in ("p", "item", "head", "signed", "ab"):
        block = block.getparent()  # type: ignore[assignment]
    text = " ".join("".join(str(t) for t in block.itertext()).split())
    name = " ".join("".join(str(t) for t in node.itertext()).split())
    at = text.find(name)
    if at < 0:
        return text[:160]
    return ("…" if at > 70 else "") + text[max(0, at - 70):at + len(name) + 70] + ("…" if at + len(name) + 70 < len(text) else "")


# -- output ---------------------------------------------------------------------------------------
def as_text(proposals: list[Proposal]) -> str:
    lines = []
    for p in proposals:
        extra = f", GeoNames {p.place.geonames}" if p.place and p.place.geonames else ""
        lines.append(f"{p.key}\t{p.kind}\t{p.name}\t{p.count} mention{'s' * (p.count != 1)}{extra}")
        for entry_id, name, score in p.near:
            lines.append(f"\tnear {entry_id} ({name}, {score:.0f}): merge {p.key} --into {entry_id}")
        for m in p.mentions[:3]:
            lines.append(f"\t{m.document}:{m.line or ''}: {m.context}")
    return "\n".join(lines) + ("\n" if lines else "")


def as_html(proposals: list[Proposal]) -> str:
    """A static review page (no script, no external resource)."""
    rows = []
    for p in proposals:
        near = "".join(f"<li>near <code>{html.escape(i)}</code> ({html.escape(n)}, {s:.0f}): "
                       f"<code>teikit registers merge {html.escape(p.key)} --into {html.escape(i)}</code></li>"
                       for i, n, s in p.near)
        mentions = "".join(f"<li><code>{html.escape(m.document)}:{m.line or ''}</code> {html.escape(m.context)}</li>"
                           for m in p.mentions[:10])
        geo = (f"GeoNames {html.escape(p.place.geonames)}" if p.place and p.place.geonames else "")
        rows.append(f"<tr><td><code>{html.escape(p.key)}</code></td><td>{p.kind}</td>"
                    f"<td>{html.escape(p.name)}</td><td>{p.count}</td><td>{geo}</td>"
                    f"<td><ul>{near}{mentions}</ul><code>teikit registers accept {html.escape(p.key)}</code> · "
                    f"<code>teikit registers reject {html.escape(p.key)}</code></td></tr>")
    return ("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>Proposed register "
            "entries</title><style>body{font-family:sans-serif;margin:2em}td{vertical-align:top;"
            "border-top:1px solid #ccc;padding:.3em}</style></head><body><h1>Proposed register entries</h1>"
            f"<p>{len(proposals)} proposals.</p><table><thead><tr><th>key</th><th>kind</th><th>name</th>"
            "<th>mentions</th><th>authority</th><th>contexts and actions</th></tr></thead><tbody>"
            + "".join(rows) + "</tbody></table></body></html>\n")


# -- curation ---------------------------------------------------------------------------------------
def find(proposals: list[Proposal], key: str) -> Proposal:
    for proposal in proposals:
        if proposal.key == key:
            return proposal
    raise InputError(f"no proposed entry {key!r} (see `teikit registers propose`)")


def person_name(name: str) -> str:
    """The preferred persName's content with its parts: family name first for East Asian
    names (`<surname>Kim</surname> <forename>Yong-nam</forename>`), last otherwise."""
    words = name.split()
    if len(words) == 1:
        return f"<surname>{html.escape(name, quote=False)}</surname>"
    east = words[0] in (cues._SURNAMES["korean"] | cues._SURNAMES["chinese"] | cues._SURNAMES["vietnamese"])
    if east:
        surname, forename = words[0], " ".join(words[1:])
        return f"<surname>{html.escape(surname, quote=False)}</surname> <forename>{html.escape(forename, quote=False)}</forename>"
    surname, forename = words[-1], " ".join(words[:-1])
    return f"<forename>{html.escape(forename, quote=False)}</forename> <surname>{html.escape(surname, quote=False)}</surname>"


def entry_xml(proposal: Proposal, indent: str) -> str:
    tag = KINDS[proposal.kind]
    inner = indent + "  "
    preferred = person_name(proposal.name) if proposal.kind == "person" else html.escape(proposal.name, quote=False)
    lines = [f'{indent}<{proposal.kind} xml:id="{proposal.key}">', f"{inner}<{tag}>{preferred}</{tag}>"]
    for form, _ in proposal.forms.most_common():
        if form != proposal.name:
            lines.append(f'{inner}<{tag} type="variant">{html.escape(form, quote=False)}</{tag}>')
    place = proposal.place  # TEI: location with the names, before identifiers
    if place is not None and place.lat is not None and place.lon is not None:
        lines.append(f"{inner}<location><geo>{place.lat:.5f} {place.lon:.5f}</geo></location>")
    if place is not None and place.geonames:
        lines.append(f'{inner}<idno type="GeoNames">{place.geonames}</idno>')
    lines.append(f"{indent}</{proposal.kind}>")
    return "\n".join(lines)


def accept(proposal: Proposal, registers_dir: Path) -> Path:
    """Insert the proposal as a new entry at the end of its register's list (as text)."""
    path = registers_dir / REGISTER_FILE[proposal.kind]
    list_tag = LIST_TAG[proposal.kind]
    if not path.is_file():
        registers_dir.mkdir(parents=True, exist_ok=True)
        path.write_text(_empty_register(proposal.kind), encoding="utf-8")
    text = path.read_text(encoding="utf-8")
    close = text.rfind(f"</{list_tag}>")
    if close < 0:
        raise InputError(f"the register has no <{list_tag}> to add {proposal.key!r} to", str(path), 1)
    line_start = text.rfind("\n", 0, close) + 1
    if text[line_start:close].strip():  # </listPerson> after other text on its line
        line_start = close
    list_indent = text[line_start:close]
    # the new entry on lines of its own, indented one step more than the list's end tag
    updated = text[:line_start] + entry_xml(proposal, list_indent + "  ") + "\n" + text[line_start:]
    _write_checked(path, updated)
    return path


def merge(proposal: Proposal, into: str, registers_dir: Path) -> Path:
    """Add the proposal's forms as variants of the entry `into`, after its last name."""
    registers = load_registers(registers_dir)
    entry = registers.by_id().get(into)
    if entry is None:
        raise InputError(f"no register entry xml:id={into!r} to merge {proposal.key!r} into")
    if entry.kind != proposal.kind:
        raise InputError(f"{proposal.key!r} is a {proposal.kind} name; {into!r} is a {entry.kind}")
    text = entry.file.read_text(encoding="utf-8")
    start = text.find(f'xml:id="{into}"')
    end = text.find(f"</{entry.kind}>", start)
    tag = KINDS[entry.kind]
    last = text.rfind(f"</{tag}>", start, end)
    if start < 0 or end < 0 or last < 0:
        raise InputError(f"cannot find the entry {into!r} as text", str(entry.file), 1)
    last += len(f"</{tag}>")
    line_start = text.rfind("\n", 0, last) + 1
    indent = re.match(r"\s*", text[line_start:]).group()  # type: ignore[union-attr]
    new = [f for f, _ in proposal.forms.most_common() if f not in entry.names]
    addition = "".join(f'\n{indent}<{tag} type="variant">{html.escape(f, quote=False)}</{tag}>' for f in new)
    _write_checked(entry.file, text[:last] + addition + text[last:])
    return entry.file


def reject(proposal: Proposal, registers_dir: Path) -> Path:
    path = registers_dir / REJECTED
    items = json.loads(path.read_text(encoding="utf-8")) if path.is_file() else []
    items.append({"key": proposal.key, "kind": proposal.kind, "name": proposal.name})
    registers_dir.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(items, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    return path


def _write_checked(path: Path, text: str) -> None:
    """Write the edited register only if it is still well-formed XML."""
    try:
        etree.fromstring(text.encode("utf-8"))
    except etree.XMLSyntaxError as error:
        raise InputError(f"the edited register would not be well-formed ({error}); not written", str(path), 1) from error
    tmp = path.with_suffix(".xml.tmp")
    tmp.write_text(text, encoding="utf-8")
    tmp.replace(path)


def _empty_register(kind: str) -> str:
    title = {"person": "persons", "place": "places", "org": "organisations"}[kind]
    return (f'<?xml version="1.0" encoding="UTF-8"?>\n<TEI xmlns="http://www.tei-c.org/ns/1.0" xml:lang="en">\n'
            f"  <teiHeader>\n    <fileDesc>\n      <titleStmt>\n        <title>Register of {title}</title>\n"
            f"      </titleStmt>\n      <publicationStmt>\n        <p>Register of the edition.</p>\n"
            f"      </publicationStmt>\n      <sourceDesc>\n        <p>Accepted by the editors from the "
            f"documents of the edition.</p>\n      </sourceDesc>\n    </fileDesc>\n  </teiHeader>\n  <standOff>\n"
            f"    <{LIST_TAG[kind]}>\n    </{LIST_TAG[kind]}>\n  </standOff>\n</TEI>\n")


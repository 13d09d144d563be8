"""Linking the names of TEI documents to the registers, in place.

A name element without @ref (persName, placeName, orgName) whose text is a form of exactly one
register entry of its kind, as the converter's tagger decides it (NameTagger.lookup: folded,
in a case that fits), gets `ref="prefix:id"`. The file is edited as text: only the start tags
of the names linked change (and the listPrefixDef gains a prefix it lacked), every other byte,
every hand edit, stays. Running it again changes nothing.
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass, field
from pathlib import Path

from lxml import etree

from toolkit.encoding.names import NameTagger
from toolkit.errors import InputError
from toolkit.registers import MATCH_PATTERN, Registers, load_registers, prefix_for, prefix_table
from toolkit.safe_xml import parse_xml_file
from toolkit.tei import TEI_NS

KIND_OF = {"persName": "person", "placeName": "place", "orgName": "org"}
START_TAG = re.compile(r"<(persName|placeName|orgName)(?=[\s>/])([^>]*)>")


@dataclass
class Linked:
    path: Path
    names: list[tuple[int | None, str, str]] = field(default_factory=list)  # (line, text, ref)


def link_file(path: Path, registers: Registers, tagger: NameTagger) -> Linked:
    """Link one document; the file is rewritten only when something was linked."""
    result = Linked(path)
    root = parse_xml_file(path).getroot()
    nodes = [n for n in root.iter(*(f"{{{TEI_NS}}}{t}" for t in KIND_OF))]
    raw = path.read_text(encoding="utf-8")
    tags = [m for m in START_TAG.finditer(raw) if not _in_comment(raw, m.start())]
    if len(tags) != len(nodes):
        raise InputError("the file's name elements cannot be matched to its text (comments, CDATA "
                         "or entities around them); not linked", str(path), 1)
    edits: list[tuple[int, str]] = []
    used: set[str] = set()
    for node, tag in zip(nodes, tags):
        if node.get("ref") is not None or etree.QName(node).localname != tag.group(1):
            continue
        text = " ".join("".join(str(t) for t in node.itertext()).split())
        entry = tagger.lookup(text)
        if entry is None or entry.kind != KIND_OF[tag.group(1)]:
            continue
        ref = registers.ref(entry)
        used.add(prefix_for(entry.file))
        edits.append((tag.start() + 1 + len(tag.group(1)), f' ref="{ref}"'))
        result.names.append((node.sourceline if isinstance(node.sourceline, int) else None, text, ref))
    if not edits:
        return result
    declared = prefix_table(root)
    missing = [p for p in sorted(used) if p not in declared]
    if missing:
        edits.append(_declaration(raw, missing, registers, path.parent))
    for position, addition in sorted(edits, reverse=True):
        raw = raw[:position] + addition + raw[position:]
    etree.fromstring(raw.encode("utf-8"))  # still well-formed
    tmp = path.with_suffix(path.suffix + ".tmp")
    tmp.write_text(raw, encoding="utf-8")
    tmp.replace(path)
    return result


def _in_comment(raw: str, position: int) -> bool:
    opened = raw.rfind("<!--", 0, position)
    return opened >= 0 and raw.rfind("-->", opened, position) < 0


def _declaration(raw: str, prefixes: list[str], registers: Registers, folder: Path) -> tuple[int, str]:
    files = {prefix_for(e.file): e.file for e in registers.entries}
    defs = "".join(
        f'\n        <prefixDef ident="{p}" matchPattern="{MATCH_PATTERN}" replacementPattern="'
        f'{Path(os.path.relpath(files[p].resolve(), folder.resolve())).as_posix()}#$1"/>' for p in prefixes)
    close = raw.find("</listPrefixDef>")
    if close >= 0:
        return raw.rfind("\n", 0, close), defs
    close = raw.find("</encodingDesc>")
    if close < 0:
        raise InputError("the document has no encodingDesc to declare its pointers in")
    return raw.rfind("\n", 0, close), f"\n      <listPrefixDef>{defs}\n      </listPrefixDef>"


def link_edition(edition: Path, registers_dir: Path | None = None) -> list[Linked]:
    registers_dir = registers_dir or edition / "registers"
    registers = load_registers(registers_dir)
    tagger = NameTagger(registers, edition, gazetteer=False, use_cues=False)
    return [link_file(path, registers, tagger) for path in sorted(edition.glob("*.xml")) if path.is_file()]

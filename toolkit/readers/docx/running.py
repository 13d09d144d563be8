"""The running heads and footers of a Word file: the words Word repeats on every page, read
once from the header and footer parts, page-number fields left out (the reader keeps them as
forme work)."""

from __future__ import annotations

import re
from dataclasses import dataclass

from lxml import etree

from toolkit.readers.docx.package import Package, w


PAGE_FIELDS = {"PAGE", "NUMPAGES", "SECTIONPAGES"}
PAGE_WORDS = {"page", "of", "p", "pg"}  # what is left of "Page 2 of 3" without its numbers


@dataclass(frozen=True)
class RunningHead:
    kind: str  # header | footer
    text: str
    part: str  # where it is written first: word/header1.xml
    paragraph: int  # its paragraph in that part, from 1


def running_heads(package: Package) -> list[RunningHead]:
    """The distinct lines of the Word file's headers and footers, without page numbers:
    words Word repeats on every page, kept once as forme work."""
    found: list[RunningHead] = []
    seen: set[tuple[str, str]] = set()
    for rel in package.relationships(package.document_part):
        root = package.part(rel.target) if rel.type in ("header", "footer") and \
            not rel.external else None
        paragraphs = [p for p in root.iter(w("p"))] if root is not None else []
        for number, paragraph in enumerate(paragraphs, 1):
            line = " ".join(_running_line(paragraph).split())
            words = set(re.findall(r"[^\W\d_]+", line.lower()))
            if words - PAGE_WORDS and (rel.type, line) not in seen:
                seen.add((rel.type, line))
                found.append(RunningHead(rel.type, line, rel.target, number))
    return found


def _running_line(paragraph: etree._Element) -> str:
    parts: list[str] = []
    fields: list[list[str]] = []  # [instruction, "result" once past the separator]
    for node in paragraph.iter():
        if node.tag == w("fldChar"):
            kind = node.get(w("fldCharType"))
            if kind == "begin":
                fields.append(["", ""])
            elif kind == "separate" and fields:
                fields[-1][1] = "result"
            elif kind == "end" and fields:
                fields.pop()
        elif node.tag == w("instrText") and fields:
            fields[-1][0] += node.text or ""
        elif node.tag in (w("t"), w("tab")):
            if next(node.iterancestors(w("p")), None) is not paragraph:
                continue  # a text box's paragraph, read on its own
            simple = [a.get(w("instr")) or "" for a in node.iterancestors(w("fldSimple"))]
            instructions = [f[0] for f in fields] + simple
            if any(not f[1] for f in fields) or \
                    any(i.split()[:1] and i.split()[0] in PAGE_FIELDS for i in instructions):
                continue
            parts.append(node.text or "" if node.tag == w("t") else " ")
    return "".join(parts)

"""Recording a scan in a TEI document, as an editor would: in place.

Editors edit the TEI by hand, so the document is not re-serialised: its text is edited where
it must change (a `facsimile` after the `teiHeader`, `@facs` on each `pb` start tag) and every
other byte (comments, indentation, attribute order, hand edits) stays. Running it again with
the same scans changes nothing. lxml checks the document and counts the page breaks; a
linear scan of the markup finds where they are in the text, and the two must agree.
"""

from __future__ import annotations

import hashlib
import html
import os
import re
from dataclasses import dataclass, field
from pathlib import Path

from toolkit.errors import Diagnostic, InputError, Severity
from toolkit.facsimile.rasterise import PageImage
from toolkit.safe_xml import decode_utf8, parse_xml
from toolkit.tei import TEI_NS

NS = {"tei": TEI_NS}
# Markup tokens of a well-formed document (lxml has parsed it first). The alternatives of the
# attribute part start with different characters, so the scan never backtracks: linear time.
_TOKEN = re.compile(r"<!--.*?-->|<!\[CDATA\[.*?\]\]>|<\?.*?\?>|<!DOCTYPE[^\[>]*(?:\[.*?\])?\s*>"
                    r"|<(/?)([^\s/>!?]+)((?:[^>\"']|\"[^\"]*\"|'[^']*')*)>", re.S)
_FACS = re.compile(r"\sfacs\s*=\s*(\"[^\"]*\"|'[^']*')")


@dataclass(frozen=True)
class Recorded:
    """What `record` decided: the new text and the image files to write beside it."""

    text: str
    images: dict[Path, bytes]
    stale: tuple[Path, ...]  # page images of an earlier run that are no longer pages
    pages: int
    breaks: int
    warnings: tuple[Diagnostic, ...] = field(default=())


@dataclass
class _Layout:
    header_end: int = -1  # just after </teiHeader>
    header_indent: str | None = None  # the whitespace before <teiHeader>, None if not on its own line
    child_indent: str = "  "
    facsimile: tuple[int, int] | None = None  # an existing facsimile element's span
    text_line: int = 1
    breaks: list[tuple[int, int, int]] = field(default_factory=list)  # (start, end, line) of pb tags


def surface_id(doc_id: str, page: int) -> str:
    return f"facs-{doc_id}-{page}"


def image_folder(document: Path) -> Path:
    """Where a document's page images go: `facsimiles/<id>/` at the edition's root (the folder
    of its teikit.toml, beside `tei/`), else beside the document."""
    from toolkit.config import find_config

    config = find_config(document.parent)
    root = config.parent if config is not None else document.parent
    return root / "facsimiles" / document.stem


def record(document: Path, data: bytes, pages: list[PageImage],
           folder: Path | None = None) -> Recorded:
    """The document's new text with `pages` as its facsimile, matched to its page breaks in
    order: the first page is the one before the first `pb`."""
    shown = str(document)
    tree = parse_xml(data, shown)
    root = tree.getroot()
    body = root.find("tei:text", NS)
    if root.tag != f"{{{TEI_NS}}}TEI" or body is None:
        raise InputError("not a TEI document with a text (a TEI root with teiHeader and text)",
                         shown, 1)
    text = decode_utf8(data, shown)
    layout = _scan(text)
    expected = sum(1 for _ in body.iter(f"{{{TEI_NS}}}pb"))
    if layout.header_end < 0 or len(layout.breaks) != expected:
        raise InputError("cannot locate the teiHeader and page breaks in the text (namespace "
                         "prefixes other than TEI's?); the document is unchanged", shown, 1)
    doc_id = document.stem
    folder = folder if folder is not None else image_folder(document)
    width = max(3, len(str(len(pages))))
    images: dict[Path, bytes] = {}
    urls = []
    for number, page in enumerate(pages, 1):
        # the name carries the image's content hash: a new scan of the page changes the TEI,
        # so that builds (which hash the TEI) republish it; the same scan, the same name
        digest = hashlib.sha256(page.data).hexdigest()[:10]
        path = folder / f"page-{number:0{width}d}-{digest}{page.suffix}"
        images[path] = page.data
        urls.append(Path(os.path.relpath(path.resolve(), document.parent.resolve())).as_posix())
    stale = tuple(sorted(p for p in folder.glob("page-*") if p not in images)) if folder.is_dir() else ()
    warnings: list[Diagnostic] = []
    if len(pages) != expected + 1:
        warnings.append(Diagnostic(
            Severity.WARNING,
            f"the scan has {len(pages)} page{'s' if len(pages) != 1 else ''} and the text "
            f"{expected + 1} ({expected} page break{'s' if expected != 1 else ''}): matched in "
            f"order from the first page, " + (
                f"pages {expected + 2}-{len(pages)} of the scan have no page break"
                if len(pages) > expected + 1 else
                f"the last {expected + 1 - len(pages)} page break(s) have no image"),
            shown, layout.text_line))
    new = _edit(text, layout, _facsimile(doc_id, pages, urls, layout), doc_id, len(pages))
    return Recorded(new, images, stale, len(pages), expected, tuple(warnings))


def _scan(text: str) -> _Layout:
    layout = _Layout()
    stack: list[str] = []
    for match in _TOKEN.finditer(text):
        name = match.group(2)
        if name is None:
            continue  # comment, CDATA, processing instruction, doctype
        local = name.rpartition(":")[2]
        if match.group(1):  # an end tag
            stack.pop()
            if len(stack) == 1 and local == "teiHeader":
                layout.header_end = match.end()
            elif len(stack) == 1 and local == "facsimile" and layout.facsimile is not None:
                layout.facsimile = (layout.facsimile[0], match.end())
            continue
        closed = match.group(3).endswith("/")
        if len(stack) == 1 and local == "teiHeader":
            start = text.rfind("\n", 0, match.start()) + 1
            before = text[start:match.start()]
            layout.header_indent = before if not before.strip() else None
            following = re.compile(r"\n([ \t]*)<").search(text, match.end())
            if following and layout.header_indent is not None and \
                    len(following.group(1)) > len(layout.header_indent):
                layout.child_indent = following.group(1)[len(layout.header_indent):]
        elif len(stack) == 1 and local == "facsimile":
            layout.facsimile = (match.start(), match.end())
        elif len(stack) == 1 and local == "text":
            layout.text_line = text.count("\n", 0, match.start()) + 1
        elif local == "pb" and len(stack) >= 2 and stack[1] == "text":
            layout.breaks.append((match.start(), match.end(), text.count("\n", 0, match.start()) + 1))
        if not closed:
            stack.append(local)
    return layout


def _facsimile(doc_id: str, pages: list[PageImage], urls: list[str], layout: _Layout) -> str:
    indent = layout.header_indent
    unit = layout.child_indent if indent is not None else ""
    base = indent or ""
    newline = "\n" if indent is not None else ""
    lines = ["<facsimile>"]
    for number, (page, url) in enumerate(zip(pages, urls), 1):
        lines.append(f"{base}{unit}<surface xml:id=\"{surface_id(doc_id, number)}\" n=\"{number}\">")
        lines.append(f"{base}{unit}{unit}<graphic url=\"{html.escape(url)}\" mimeType=\"{page.mime}\" "
                     f"width=\"{page.width}px\" height=\"{page.height}px\"/>")
        lines.append(f"{base}{unit}</surface>")
    lines.append(f"{base}</facsimile>")
    return newline.join(lines)


def _edit(text: str, layout: _Layout, facsimile: str, doc_id: str, pages: int) -> str:
    """Splice the facsimile and the pb pointers in, in one pass over the text."""
    edits: list[tuple[int, int, str]] = []
    if layout.facsimile is not None:
        edits.append((layout.facsimile[0], layout.facsimile[1], facsimile))
    else:
        lead = "\n" + layout.header_indent if layout.header_indent is not None else ""
        edits.append((layout.header_end, layout.header_end, lead + facsimile))
    ours = f"#facs-{doc_id}-"
    for index, (start, end, _line) in enumerate(layout.breaks):
        tag = text[start:end]
        page = index + 2  # the first surface is the page before the first pb
        existing = _FACS.search(tag)
        if page <= pages:
            value = f"\"#{surface_id(doc_id, page)}\""
            if existing:
                new = tag[:existing.start(1)] + value + tag[existing.end(1):]
            else:
                tail = len(tag) - len(tag.rstrip("/>").rstrip()) if tag.endswith("/>") else 1
                cut = len(tag) - tail
                new = f"{tag[:cut]} facs={value}{tag[cut:]}"
        elif existing and existing.group(1)[1:-1].startswith(ours):
            new = tag[:existing.start()] + tag[existing.end():]  # its surface is gone
        else:
            continue
        if new != tag:
            edits.append((start, end, new))
    parts, position = [], 0
    for start, end, replacement in sorted(edits):
        parts += [text[position:start], replacement]
        position = end
    parts.append(text[position:])
    return "".join(parts)

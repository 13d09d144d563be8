"""DOCX fixtures made by the tests: python-docx for bodies, hand-written OOXML for the rest.

python-docx writes paragraphs, runs and tables; it has no API for footnotes, comments with
ranges, or tracked changes, so `add_parts` writes those parts and their relationships into
the zip the way Word does.
"""

from __future__ import annotations

import re
import shutil
import subprocess
import zipfile
from collections.abc import Sequence
from io import BytesIO
from pathlib import Path

import docx
from docx.document import Document
from docx.text.paragraph import Paragraph

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
CT_MAIN = "application/vnd.openxmlformats-officedocument.wordprocessingml"


def _lines_paragraph(document: Document, lines: Sequence[str], bold: bool) -> Paragraph:
    """One paragraph from Markdown lines: a line ending in two spaces is a hard line break."""
    paragraph = document.add_paragraph()
    for index, line in enumerate(lines):
        text = line.rstrip()
        run = paragraph.add_run(text if index == len(lines) - 1 or line.endswith("  ")
                                else text + " ")
        run.bold = bold or None
        if line.endswith("  ") and index < len(lines) - 1:
            run.add_break()
    return paragraph


def report_docx(source: Path, target: Path) -> Path:
    """A WCDA text export rendered as a translator's Word file: bold lines, plain paragraphs."""
    document = docx.Document()
    text = source.read_text(encoding="utf-8")
    for block in re.split(r"\n\s*\n", text.strip("\n")):
        lines = block.split("\n")
        joined = "\n".join(lines).strip()
        if joined.startswith("**") and joined.endswith("**"):
            lines[0] = lines[0].lstrip()[2:]
            lines[-1] = lines[-1].rstrip()[:-2]
            _lines_paragraph(document, lines, bold=True)
        else:
            _lines_paragraph(document, lines, bold=False)
    document.save(str(target))
    return target


METADATA = [
    ("January 8, 1965", True),
    ("Report on a Conversation with Comrade Kosygin", True),
    ("Citation:", True),
    ('"Report on a Conversation with Comrade Kosygin", January 8, 1965, Wilson Center Digital '
     "Archive, National Archives of Hungary (MOL), XIX-J-1-j Korea, 1965, 73. doboz. Translated "
     "for CWIHP by Balázs Szalontai. https://digitalarchive.wilsoncenter.org/document/900001",
     False),
    ("Summary:", True),
    ("A short report used to test the Word reader.", False),
    ("Original Language:", True),
    ("Hungarian", False),
    ("Contents:", True),
    ("Translation - English", False),
]


def metadata_paragraphs(document: Document, number: str = "900001") -> None:
    for text, bold in METADATA:
        paragraph = document.add_paragraph()
        paragraph.add_run(text.replace("900001", number)).bold = bold or None


def add_parts(path: Path, parts: dict[str, str], relationships: Sequence[tuple[str, str, str]],
              content_types: Sequence[tuple[str, str]],
              document_edit: tuple[str, str] | None = None,
              external: Sequence[tuple[str, str, str]] = ()) -> None:
    """Add parts to a DOCX: (id, type, target) relationships of the main document, content
    type overrides (part name, type), an optional (old, new) text edit of document.xml, and
    external relationships (id, type, URI) with TargetMode="External"."""
    with zipfile.ZipFile(path) as source:
        members = {info.filename: source.read(info) for info in source.infolist()}
    rels = members["word/_rels/document.xml.rels"].decode("utf-8")
    extra = "".join(f'<Relationship Id="{i}" Type="{REL}/{t}" Target="{target}"/>'
                    for i, t, target in relationships)
    extra += "".join(f'<Relationship Id="{i}" Type="{REL}/{t}" Target="{target}" '
                     'TargetMode="External"/>' for i, t, target in external)
    members["word/_rels/document.xml.rels"] = rels.replace(
        "</Relationships>", extra + "</Relationships>").encode("utf-8")
    types = members["[Content_Types].xml"].decode("utf-8")
    overrides = "".join(f'<Override PartName="/{name}" ContentType="{kind}"/>'
                        for name, kind in content_types)
    members["[Content_Types].xml"] = types.replace("</Types>", overrides + "</Types>").encode()
    for name, xml in parts.items():
        members[name] = xml.encode("utf-8")
    if document_edit is not None:
        document = members["word/document.xml"].decode("utf-8")
        old, new = document_edit
        assert old in document, old
        members["word/document.xml"] = document.replace(old, new, 1).encode("utf-8")
    rewrite(path, members)


def rewrite(path: Path, members: dict[str, bytes]) -> None:
    buffer = BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as target:
        for name, data in members.items():
            target.writestr(name, data)
    path.write_bytes(buffer.getvalue())


def wml(body: str, root: str) -> str:
    return (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
            f'<w:{root} xmlns:w="{W}" xmlns:r="{REL}">{body}</w:{root}>')


def libreoffice() -> str | None:
    return shutil.which("soffice") or shutil.which("libreoffice")


def libreoffice_convert(source: Path, outdir: Path) -> Path:
    """Let LibreOffice write the DOCX, as a real producer does (own profile, no network)."""
    office = libreoffice()
    assert office is not None
    profile = outdir / "lo-profile"
    subprocess.run([office, f"-env:UserInstallation=file://{profile}", "--headless",
                    "--norestore", "--convert-to", "docx:MS Word 2007 XML", "--outdir",
                    str(outdir), str(source)], check=True, capture_output=True, timeout=180)
    target = outdir / (source.stem + ".docx")
    assert target.exists(), f"LibreOffice wrote no {target}"
    return target

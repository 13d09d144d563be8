"""Word files the converter must refuse, through the command line: a clear message naming the
file, exit code 1, no traceback, nothing written."""

from __future__ import annotations

import struct
import subprocess
import sys
import zipfile
from collections.abc import Callable
from pathlib import Path

import pytest
from docx_fixtures import ROOT, add_parts, metadata_paragraphs_docx, rewrite

BODY = ["In mid-December Comrade Moskovsky returned from Moscow.", "József", "Kovács"]


def run_convert(source: Path, out: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "toolkit", "convert", str(source), "-o",
                           str(out), "--registers", str(ROOT / "tei" / "registers")],
                          capture_output=True, text=True, cwd=ROOT, timeout=120)


def good(path: Path) -> Path:
    return metadata_paragraphs_docx(path, BODY)


def not_a_zip(path: Path) -> None:
    path.write_text("**January 8, 1965**\n\nthis is a text export renamed to .docx\n")


def no_document(path: Path) -> None:
    rewrite(path, {"[Content_Types].xml": b"<Types/>", "word/styles.xml": b"<styles/>"})


def encrypted(path: Path) -> None:
    # What Word writes for a password-protected file: an OLE compound file holding the
    # encrypted package (only the parts the reader looks at are reproduced).
    path.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(504)
                     + "EncryptionInfo".encode("utf-16-le") + bytes(50)
                     + "EncryptedPackage".encode("utf-16-le") + bytes(2000))


def legacy_doc(path: Path) -> None:
    path.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(4000))


def bomb_ratio(path: Path) -> None:
    good(path)
    with zipfile.ZipFile(path) as source:
        members = {i.filename: source.read(i) for i in source.infolist()}
    members["word/media/padding.bin"] = bytes(20 * 1024 * 1024)  # 20 MiB of zeros: ~1000:1
    rewrite(path, members)


def bomb_declared(path: Path) -> None:
    """A member whose central directory entry declares 3 GB uncompressed."""
    good(path)
    data = bytearray(path.read_bytes())
    entry = data.find(b"PK\x01\x02")
    assert entry > 0
    struct.pack_into("<I", data, entry + 24, 3_000_000_000)
    path.write_bytes(bytes(data))


def truncated(path: Path) -> None:
    good(path)
    path.write_bytes(path.read_bytes()[:-200])


def external_image(path: Path) -> None:
    good(path)
    add_parts(path, {}, [], [], external=[("rIdX", "image", "http://127.0.0.1:9/x.png")])


def external_in_header(path: Path) -> None:
    """A page header (not converted) that links a picture from the network: still refused."""
    good(path)
    with zipfile.ZipFile(path) as source:
        members = {i.filename: source.read(i) for i in source.infolist()}
    members["word/header1.xml"] = (
        b'<?xml version="1.0"?><w:hdr xmlns:w="http://schemas.openxmlformats.org/'
        b'wordprocessingml/2006/main"><w:p/></w:hdr>')
    members["word/_rels/header1.xml.rels"] = (
        b'<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.'
        b'openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://'
        b'schemas.openxmlformats.org/officeDocument/2006/relationships/image" '
        b'Target="http://127.0.0.1:9/logo.png" TargetMode="External"/></Relationships>')
    rewrite(path, members)


def duplicate_document(path: Path) -> None:
    good(path)
    with zipfile.ZipFile(path, "a") as package:
        with pytest.warns(UserWarning, match="Duplicate name"):
            package.writestr("word/document.xml", b"<w:document/>")


def entity_bomb(path: Path) -> None:
    good(path)
    with zipfile.ZipFile(path) as source:
        members = {i.filename: source.read(i) for i in source.infolist()}
    members["word/document.xml"] = (
        b'<?xml version="1.0"?><!DOCTYPE d [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;">]>'
        b'<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">'
        b"<w:body><w:p><w:r><w:t>&b;</w:t></w:r></w:p></w:body></w:document>")
    rewrite(path, members)


def unbalanced(path: Path) -> None:
    metadata_paragraphs_docx(path, ["In mid-December [Soviet Ambassador Comrade Moskovsky "
                                    "returned.", "József"])


def word_2003_xml(path: Path) -> None:
    """Word 2003's XML format, which Word also saves under .doc; Strict Open XML is read now
    (test_docx_producers)."""
    path.write_bytes(b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<?mso-application '
                     b'progid="Word.Document"?><w:wordDocument xmlns:w="http://schemas.microsoft.'
                     b'com/office/word/2003/wordml"><w:body><w:p><w:r><w:t>x</w:t></w:r></w:p>'
                     b"</w:body></w:wordDocument>")


def corrupt_deflate(path: Path) -> None:
    """word/document.xml's deflate stream made invalid (block type 3), sizes and CRC untouched:
    zlib.error escaped the reader (exit 3) before issue 14."""
    good(path)
    data = bytearray(path.read_bytes())
    header = data.find(b"PK\x03\x04")
    while header >= 0:
        name_length, extra_length = struct.unpack_from("<HH", data, header + 26)
        name = bytes(data[header + 30: header + 30 + name_length])
        if name == b"word/document.xml":
            start = header + 30 + name_length + extra_length
            data[start:start + 8] = b"\xff" * 8
            break
        header = data.find(b"PK\x03\x04", header + 4)
    assert header >= 0
    path.write_bytes(bytes(data))


def encrypted_member(path: Path) -> None:
    """Zip-level encryption: the 'encrypted' bit of a member's central directory entry."""
    good(path)
    data = bytearray(path.read_bytes())
    entry = data.find(b"PK\x01\x02")
    flags = struct.unpack_from("<H", data, entry + 8)[0]
    struct.pack_into("<H", data, entry + 8, flags | 1)
    path.write_bytes(bytes(data))


def empty(path: Path) -> None:
    import docx

    docx.Document().save(str(path))


CASES: dict[str, tuple[Callable[[Path], None], str]] = {
    "word-2003-xml": (word_2003_xml, "this is a Word 2003 XML document, not a DOCX"),
    "encrypted-member": (encrypted_member, "is encrypted"),
    "corrupt-deflate": (corrupt_deflate, "word/document.xml cannot be read: its compressed data is damaged"),
    "empty": (empty, "the Word document has no text"),
    "not-a-zip": (not_a_zip, "not a DOCX file"),
    "no-document": (no_document, "no word/document.xml"),
    "encrypted": (encrypted, "password-protected"),
    "legacy-doc": (legacy_doc, "old binary Word file"),
    "bomb-ratio": (bomb_ratio, "zip bomb"),
    "bomb-declared": (bomb_declared, "zip bomb"),
    "truncated": (truncated, "zip archive is damaged"),
    "external-image": (external_image, "external content (image: http://127.0.0.1:9/x.png)"),
    "external-in-header": (external_in_header, "word/header1.xml depends on external content "
                                                "(image: http://127.0.0.1:9/logo.png)"),
    "entity-bomb": (entity_bomb, "refused"),
    "duplicate-document": (duplicate_document, "word/document.xml more than once"),
}


@pytest.fixture(scope="module")
def refused(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, subprocess.CompletedProcess[str]]:
    """All the bad files in one run of the command (one start-up, as a user would batch them)."""
    folder = tmp_path_factory.mktemp("refused")
    sources = []
    for case, (make, _) in sorted(CASES.items()):
        source = folder / f"report-900001-{case}.docx"
        make(source)
        sources.append(source)
    result = subprocess.run([sys.executable, "-m", "toolkit", "convert", *map(str, sources),
                             "-o", str(folder / "out"), "-j", "1",
                             "--registers", str(ROOT / "tei" / "registers")],
                            capture_output=True, text=True, cwd=ROOT, timeout=300)
    return folder, result


def test_refused_files_exit_1_without_traceback_or_output(
        refused: tuple[Path, subprocess.CompletedProcess[str]]) -> None:
    folder, result = refused
    assert result.returncode == 1, result.stderr
    assert "Traceback" not in result.stderr
    assert f"converted 0 of {len(CASES)} files, {len(CASES)} failed" in result.stdout
    out = folder / "out"
    assert not out.exists() or not any(out.iterdir())


@pytest.mark.parametrize("case", sorted(CASES))
def test_each_refusal_names_the_file_and_the_reason(
        case: str, refused: tuple[Path, subprocess.CompletedProcess[str]]) -> None:
    folder, result = refused
    source = folder / f"report-900001-{case}.docx"
    lines = [line for line in result.stderr.splitlines() if line.startswith(str(source))]
    assert len(lines) == 1, result.stderr
    assert ": error: " in lines[0] and CASES[case][1] in lines[0]


def test_an_unbalanced_bracket_is_no_longer_refused(tmp_path: Path) -> None:
    """Issue #10: a document is never lost for one bracket. The '[' is kept as text, and the
    warning and review entry locate it by paragraph."""
    source = tmp_path / "report-900001.docx"
    unbalanced(source)
    result = run_convert(source, tmp_path / "out")
    assert result.returncode == 0, result.stderr
    written = (tmp_path / "out" / "900001.xml").read_text(encoding="utf-8")
    assert "[Soviet Ambassador Comrade" in written
    # Ten metadata paragraphs, then the body: paragraph 11, column of the '['.
    assert f"{source}:11:17: warning: unbalanced bracket" in result.stderr
    assert f"{source}:11:17: bracket-repaired: unbalanced bracket" in result.stderr + result.stdout


def test_a_good_file_converts_and_a_linked_template_is_only_reported(tmp_path: Path) -> None:
    source = good(tmp_path / "report-900001.docx")
    with zipfile.ZipFile(source) as package:
        members = {i.filename: package.read(i) for i in package.infolist()}
    assert "word/settings.xml" in members
    members["word/_rels/settings.xml.rels"] = (
        b'<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.'
        b'openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://'
        b'schemas.openxmlformats.org/officeDocument/2006/relationships/attachedTemplate" '
        b'Target="file:///C:/Templates/Embassy.dotm" TargetMode="External"/></Relationships>')
    rewrite(source, members)
    result = run_convert(source, tmp_path / "out")
    assert result.returncode == 0, result.stderr
    assert "external attachedTemplate (file:///C:/Templates/Embassy.dotm); ignored" in result.stderr
    assert (tmp_path / "out" / "900001.xml").exists()

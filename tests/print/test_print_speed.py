"""What the per-document speed work (issue #13 item 5) must keep: the print stage's white space
and prefixed names as before, and a PDF worker that starts without the other builders.

Real Saxon, real interpreter start-up; no mocks.
"""

from __future__ import annotations

import io
import subprocess
import sys
from pathlib import Path

from lxml import etree

from toolkit.builders import BuildConfig
from toolkit.builders.base import Document
from toolkit.builders.pdf import PdfBuilder

ROOT = Path(__file__).resolve().parents[2]

TEI = """<TEI xmlns="http://www.tei-c.org/ns/1.0">
  <teiHeader>
    <fileDesc>
      <titleStmt><title>White space</title></titleStmt>
      <publicationStmt><p>test</p></publicationStmt>
      <sourceDesc><p>test</p></sourceDesc>
    </fileDesc>
    <encodingDesc>
      <listPrefixDef>
        <prefixDef ident="per" matchPattern="([a-z]+)" replacementPattern="registers/persons.xml#$1"/>
        <prefixDef ident="pla" matchPattern="([a-z]+)" replacementPattern="registers/places.xml#$1"/>
        <prefixDef ident="per" matchPattern="(.+)" replacementPattern="elsewhere.xml#$1"/>
      </listPrefixDef>
    </encodingDesc>
  </teiHeader>
  <text><body>
    <p>  one \t\n  two<hi>three</hi>
      four\u00a0 five <persName ref="per:kosygin">Kosygin</persName> in
      <placeName ref="pla:hanoi">Hanoi</placeName>, <persName ref="xx:yy">X</persName><lb/>
    </p>
  </body></text>
</TEI>
"""


def _print_xml(tmp_path: Path) -> etree._Element:
    source = tmp_path / "tei"
    source.mkdir()
    path = source / "900100.xml"
    path.write_text(TEI, encoding="utf-8")
    builder = PdfBuilder(BuildConfig(source_dir=source, output_dir=tmp_path / "build"))
    print_xml, _ = builder.print_xml(Document(path))
    return etree.fromstring(print_xml.encode("utf-8"))


def test_white_space_collapses_to_one_space_and_keeps_the_words_apart(tmp_path: Path) -> None:
    paragraph = _print_xml(tmp_path).find("text/p")
    assert paragraph is not None
    # runs of space, tab and newline are one space, at either end too; a no-break space is a
    # letter of the text, not white space
    assert paragraph.text == " one two"
    hi = paragraph.find("hi")
    assert hi is not None and hi.text == "three"
    assert hi.tail == " four\u00a0 five "
    assert [n.tail for n in paragraph.findall("name")] == [" in ", ", ", None]
    lb = paragraph.find("lb")
    assert lb is not None and lb.tail == " "


def test_prefixed_names_are_expanded_by_the_first_declaration_of_their_prefix(tmp_path: Path) -> None:
    names = _print_xml(tmp_path).findall("text/p/name")
    assert [(n.get("kind"), n.get("key")) for n in names] == [
        ("person", "persons#kosygin"), ("place", "places#hanoi"), ("person", "xx:yy")]


def test_a_pdf_worker_starts_without_the_web_builder_or_pypdf() -> None:
    """A worker process unpickles PdfBuilder, importing toolkit.builders and the PDF builder
    only: the web builder (and the server, readers and encoding stages it brings) and pypdf
    cost each worker about a second of CPU before its first document."""
    probe = ("import sys, toolkit.builders.pdf; "
             "print(sorted(m for m in ('toolkit.builders.html', 'toolkit.server', 'pypdf', "
             "'toolkit.readers', 'markdown_it') if m in sys.modules))")
    result = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True,
                            check=True, cwd=ROOT)
    assert result.stdout.strip() == "[]"
    # the registry is still there for the build command
    registry = subprocess.run([sys.executable, "-c", "from toolkit.builders import BUILDERS; "
                               "print(sorted(BUILDERS))"], capture_output=True, text=True,
                              check=True, cwd=ROOT)
    assert registry.stdout.strip() == "['epub', 'html', 'pdf']"


def test_a_document_read_from_its_input_files_attaches_its_tei_and_leaves_no_files(tmp_path: Path) -> None:
    """document.typ reads the print XML, the TEI and its name from files of this process under
    the print root (so that sys.inputs stays the same from document to document): the PDF
    still carries the document's own TEI under its own name, and no input file outlives the
    compile."""
    from pypdf import PdfReader
    source = tmp_path / "tei"
    source.mkdir()
    builder = PdfBuilder(BuildConfig(source_dir=source, output_dir=tmp_path / "build"))
    pdfs = []
    for number, title in (("900101", "First"), ("900102", "Second")):
        path = source / f"{number}.xml"
        path.write_text(TEI.replace("White space", title), encoding="utf-8")
        pdfs.append(builder.write_alone(Document(path)))  # document.typ: the document alone
    for pdf, number, title in zip(pdfs, ("900101", "900102"), ("First", "Second")):
        reader = PdfReader(io.BytesIO(pdf))
        assert list(reader.attachments) == [f"{number}.xml"]
        assert reader.attachments[f"{number}.xml"] == [(source / f"{number}.xml").read_bytes()]
        assert reader.metadata is not None and reader.metadata.title == title
    inputs = tmp_path / "build" / "pdf" / "print-root" / "inputs"
    assert not inputs.exists() or list(inputs.rglob("*")) == []

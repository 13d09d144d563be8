"""Each document's PDF is cut from its typeset volume part (toolkit/builders/offprints.py):
its pages are the part's, its structure tree only its own, its fonts the part's subsets that
its pages use; a one-document change re-typesets its part and re-cuts that part's documents
only; two builds give the same bytes. Parts of two documents: 900003, 900002 | 116488, 900001.
Real Saxon, Typst and pikepdf."""

from __future__ import annotations

import re
from pathlib import Path

import pikepdf
import pytest
from print_support import FIXTURES, make_edition
from pypdf import PdfReader

from toolkit.builders import BuildConfig, run_builder
from toolkit.builders.pdf import PdfBuilder
from toolkit.config import EditionConfig, PrintSettings

IDS = ("900003", "900002", "116488", "900001")


def _config(base: Path) -> BuildConfig:
    source = base / "tei"
    if not source.exists():
        make_edition(source, *sorted(FIXTURES.glob("*.xml")))
    return BuildConfig(source_dir=source, output_dir=base / "build", jobs=1,
                       edition=EditionConfig(print=PrintSettings(part_size=2)))


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> BuildConfig:
    config = _config(tmp_path_factory.mktemp("offprints"))
    run_builder(PdfBuilder, config)
    return config


def _elements(root: pikepdf.Object) -> list[pikepdf.Dictionary]:
    found, stack = [], [root]
    while stack:
        item = stack.pop()
        if isinstance(item, pikepdf.Dictionary):
            found.append(item)
            kids = item.get("/K")
            stack.extend(kids if isinstance(kids, pikepdf.Array) else [kids] if kids is not None else [])
    return found


@pytest.mark.parametrize("doc", IDS)
def test_the_structure_tree_is_pruned_to_the_documents_pages(built: BuildConfig, doc: str) -> None:
    """Every page a structure element names is one of the document's; every marked-content
    id of its pages has its element in the parent tree (nothing dangling, nothing missing);
    the tree's Document holds the document's title as its first heading."""
    with pikepdf.open(built.output_dir / "pdf" / f"{doc}.pdf") as pdf:
        assert pdf.check_pdf_syntax() == []
        pages = {page.obj.objgen for page in pdf.pages}
        tree = pdf.Root.StructTreeRoot
        elements = _elements(tree.K)
        named = [e.Pg.objgen for e in elements if "/Pg" in e]
        assert named and set(named) <= pages
        parents = {int(k): v for k, v in pikepdf.NumberTree(tree.ParentTree).items()}
        for page in pdf.pages:
            mcids = {int(m) for m in re.findall(rb"/MCID (\d+)", page.obj.Contents.read_bytes())}
            entry = parents[int(page.obj.StructParents)]
            assert len(entry) > max(mcids)
            assert all(entry[m].objgen in {e.objgen for e in elements if e.is_indirect} for m in mcids)
        headings = [e for e in elements if e.get("/S") == pikepdf.Name.H1]
        assert len(headings) == 1  # its own title only, not its part's other document's
        xmp = str(pdf.open_metadata())
        assert re.search(r'pdfuaid:part(?:>|=")1', xmp) and re.search(r'pdfaid:part(?:>|=")3', xmp)


def test_a_document_keeps_only_its_pages_and_the_parts_font_subsets(built: BuildConfig) -> None:
    parts = built.output_dir / "pdf" / "volume-parts"
    with pikepdf.open(parts / "part-0002.pdf") as part, \
            pikepdf.open(built.output_dir / "pdf" / "116488.pdf") as own, \
            pikepdf.open(built.output_dir / "pdf" / "900001.pdf") as other:
        assert len(own.pages) + len(other.pages) == len(part.pages)

        def subsets(pdf: pikepdf.Pdf) -> set[bytes]:
            found = set()
            for page in pdf.pages:
                for font in page.obj.Resources.get("/Font", {}).values():
                    descriptor = font.DescendantFonts[0].FontDescriptor
                    found.add(descriptor.FontFile2.read_bytes() if "/FontFile2" in descriptor
                              else descriptor.FontFile3.read_bytes())
            return found

        assert subsets(own) and subsets(own) <= subsets(part)  # the part's subsets, the same bytes


def test_one_document_changed_recuts_its_part_only_and_builds_are_byte_identical(tmp_path: Path) -> None:
    config = _config(tmp_path / "a")
    run_builder(PdfBuilder, config)
    out = config.output_dir / "pdf"
    first = {doc: (out / f"{doc}.pdf").read_bytes() for doc in IDS}
    again = _config(tmp_path / "b")
    run_builder(PdfBuilder, again)
    for doc in IDS:  # another folder, another build: the same bytes
        assert (again.output_dir / "pdf" / f"{doc}.pdf").read_bytes() == first[doc], doc
    assert (again.output_dir / "pdf" / "edition.pdf").read_bytes() == (out / "edition.pdf").read_bytes()
    stamps = {path.name: path.stat().st_mtime_ns
              for path in [*out.glob("*.pdf"), *(out / "volume-parts").glob("part-*.pdf")]}
    tei = config.source_dir / "116488.xml"
    text = tei.read_text("utf-8")
    assert "</persName> returned from" in text
    tei.write_text(text.replace("</persName> returned from", "</persName> came back from", 1), "utf-8")
    report = run_builder(PdfBuilder, config)
    assert report.rebuilt == ("116488",)
    changed = {path.name for path in [*out.glob("*.pdf"), *(out / "volume-parts").glob("part-*.pdf")]
               if path.stat().st_mtime_ns != stamps[path.name]}
    # its part typeset again and both its documents cut again; the first part and its
    # documents not written at all
    assert changed == {"part-0002.pdf", "116488.pdf", "900001.pdf", "edition.pdf"}
    assert {str(p) for p in report.written} >= {str(out / "116488.pdf"), str(out / "900001.pdf")}
    text = " ".join(page.extract_text() for page in PdfReader(out / "116488.pdf").pages)
    assert "came back" in " ".join(text.split())


def test_a_document_pdf_removed_is_cut_again(tmp_path: Path) -> None:
    """A volume assembled from the same inputs is left alone (scale10), but not when one of
    its documents' own PDFs has gone: when the build's finish runs (here for a change in the
    other volume), that document is cut again from its part, the same bytes."""
    source = tmp_path / "tei"
    make_edition(source, *sorted(FIXTURES.glob("*.xml")))
    config = BuildConfig(source_dir=source, output_dir=tmp_path / "build", jobs=1,
                         edition=EditionConfig(print=PrintSettings(part_size=2, volume_by="count",
                                                                   volume_size=2)))
    run_builder(PdfBuilder, config)
    out = config.output_dir / "pdf"
    volumes = sorted(out.glob("edition-*.pdf"))
    assert len(volumes) == 2
    kept = {doc: (out / f"{doc}.pdf").read_bytes() for doc in IDS}
    stamps = {v.name: v.stat().st_mtime_ns for v in volumes}
    (out / "900002.pdf").unlink()  # volume 1 (900003, 900002)
    tei = source / "116488.xml"  # volume 2
    tei.write_text(tei.read_text("utf-8").replace("</persName> returned from",
                                                  "</persName> came back from", 1), "utf-8")
    run_builder(PdfBuilder, config)
    assert (out / "900002.pdf").read_bytes() == kept["900002"]
    assert (out / "900003.pdf").read_bytes() == kept["900003"]
    changed = {v.name for v in volumes if v.stat().st_mtime_ns != stamps[v.name]}
    assert changed == {"edition-2.pdf"}

"""The volume merged by qpdf (pikepdf) from its matter and parts (issue #13): a PDF that a strict
reader opens (pypdf's writer made the XMP a direct stream, which qpdf refuses: "unable to find
/Root dictionary"), every page of the matter and parts once, the contents' links and the
bookmarks on the merged pages, and a failed merge leaves the last volume as it was.
Real Saxon, Typst and qpdf; the sample and print fixtures in parts of one document."""

from __future__ import annotations

from pathlib import Path

import pikepdf
import pytest
from print_support import FIXTURES, make_edition

from toolkit.builders import BuildConfig, run_builder
from toolkit.builders.pdf import PdfBuilder
from toolkit.builders.volume import PARTS_DIR, merge_volume
from toolkit.config import EditionConfig, PrintSettings


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Path:
    base = tmp_path_factory.mktemp("merge")
    source = make_edition(base / "tei", *sorted(FIXTURES.glob("*.xml")))
    config = BuildConfig(source_dir=source, output_dir=base / "build", jobs=1,
                         edition=EditionConfig(print=PrintSettings(part_size=1)))
    run_builder(PdfBuilder, config)
    return config.output_dir / "pdf"


def test_the_volume_is_a_pdf_qpdf_reads_without_complaint(built: Path) -> None:
    with pikepdf.open(built / "edition.pdf") as volume:
        assert volume.check_pdf_syntax() == []
        assert volume.Root.Metadata.is_indirect and volume.Root.Metadata.Subtype == "/XML"
        assert b"pdfaid:part" in volume.Root.Metadata.read_bytes()
        assert str(volume.Root.Lang) == "en" and "/OutputIntents" in volume.Root
        assert str(volume.docinfo.Title) == "teikit sample edition"


def test_every_page_of_matter_and_parts_is_in_the_volume_once(built: Path) -> None:
    parts = sorted((built / PARTS_DIR).glob("part-*.pdf"))
    assert len(parts) == 4
    counts = []
    for path in [built / PARTS_DIR / "matter.pdf", *parts]:
        with pikepdf.open(path) as pdf:
            counts.append(len(pdf.pages))
    with pikepdf.open(built / "edition.pdf") as volume:
        assert len(volume.pages) == sum(counts)
        assert len({page.obj.objgen for page in volume.pages}) == sum(counts)


def test_links_and_bookmarks_point_to_merged_pages_in_page_order(built: Path) -> None:
    with pikepdf.open(built / "edition.pdf") as volume:
        at = {page.obj.objgen: number for number, page in enumerate(volume.pages)}
        links = [annot.Dest for page in volume.pages for annot in page.get("/Annots", [])
                 if "/Dest" in annot]
        assert links and all(link[0].objgen in at for link in links)
        with volume.open_outline() as outline:
            top = [(item.title, at[item.destination[0].objgen]) for item in outline.root]
            children = [at[child.destination[0].objgen] for item in outline.root for child in item.children]
        assert [page for _, page in top] == sorted(page for _, page in top)
        assert top[0] == ("Contents", 1) and top[-1][0] == "Index"
        assert top[-1][1] == len(volume.pages) - 1  # the index: the back matter, after the parts
        assert len(top) >= 4 + 4 and all(page < len(volume.pages) for page in children)
        named = volume.Root.Names.Dests.Names
        assert at[named[1][0].objgen] == top[-1][1]  # the index's named destination


def test_a_failed_merge_leaves_the_last_volume(built: Path, tmp_path: Path) -> None:
    target = tmp_path / "edition.pdf"
    target.write_bytes(b"the last volume")
    broken = tmp_path / "part-0001.pdf"
    broken.write_bytes(b"%PDF-1.7\nnot a PDF")
    with pytest.raises(pikepdf.PdfError):
        merge_volume(built / PARTS_DIR / "matter.pdf", 5, [broken], target)
    assert target.read_bytes() == b"the last volume"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["edition.pdf", "part-0001.pdf"]

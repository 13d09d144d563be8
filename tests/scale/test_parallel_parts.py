"""The volume's parts typeset in parallel over -j (issue #13, toolkit/builders/parts.py).

The sample and the three print fixtures in parts of one document (four parts, volume order
900003, 900002, 116488, 900001). A part's first page follows the parts before it, so at -j 2
the later parts start from guessed first pages and are typeset again when the guess was
wrong: the volume and every document's PDF must be the bytes of the -j 1 build, which
typesets the parts in turn. Real Saxon, Typst and pikepdf.
"""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from toolkit.builders import BuildConfig, run_builder
from toolkit.builders.pdf import PdfBuilder
from toolkit.builders.volume import PARTS_DIR
from toolkit.config import EditionConfig, PrintSettings

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "print"))
from print_support import FIXTURES, Recording, make_edition  # noqa: E402

IDS = ("116488", "900001", "900002", "900003")


def build(config: BuildConfig) -> PdfBuilder:
    run_builder(Recording, config)
    assert Recording.last is not None
    return Recording.last


def configured(base: Path, jobs: int, source: Path | None = None) -> BuildConfig:
    if source is None:
        source = make_edition(base / "tei", *sorted(FIXTURES.glob("*.xml")))
    return BuildConfig(source_dir=source, output_dir=base / "build", jobs=jobs,
                       edition=EditionConfig(print=PrintSettings(part_size=1)))


def outputs(config: BuildConfig) -> dict[str, bytes]:
    out = config.output_dir / "pdf"
    return {name: (out / name).read_bytes() for name in ["edition.pdf", *(f"{i}.pdf" for i in IDS)]}


def lengthen(path: Path) -> None:
    """Twenty paragraphs more at the end of the document's body: its part runs longer."""
    text = path.read_text("utf-8")
    paragraphs = "".join(f"<p>Added paragraph {n} of a longer document, long enough to fill "
                         "a few lines of the page with words and more words.</p>" for n in range(40))
    assert text.count("</body>") == 1
    path.write_text(text.replace("</body>", paragraphs + "</body>"), "utf-8")


@pytest.fixture(scope="module")
def sequential(tmp_path_factory: pytest.TempPathFactory) -> tuple[BuildConfig, dict[str, bytes], PdfBuilder]:
    config = configured(tmp_path_factory.mktemp("j1"), 1)
    builder = build(config)
    return config, outputs(config), builder


def test_one_process_typesets_each_part_once_from_its_real_first_page(
        sequential: tuple[BuildConfig, dict[str, bytes], PdfBuilder]) -> None:
    _, _, builder = sequential
    assert builder.parts_typeset == 4
    assert builder.part_compiles == 4  # no guess at -j 1


def test_two_processes_give_the_bytes_of_one(
        sequential: tuple[BuildConfig, dict[str, bytes], PdfBuilder], tmp_path: Path) -> None:
    _, expected, first = sequential
    config = configured(tmp_path, 2)
    builder = build(config)
    assert builder.parts_typeset == 4
    assert builder.part_compiles >= 4
    got = outputs(config)
    for name, data in expected.items():
        assert got[name] == data, f"{name} differs between -j 1 and -j 2"
    # the warnings of the compiles kept, once each, as at -j 1
    assert sorted(d.format() for d in builder.diagnostics) == sorted(d.format() for d in first.diagnostics)
    # the cache is the one -j 1 writes: a -j 1 build over it typesets nothing
    again = build(BuildConfig(source_dir=config.source_dir, output_dir=config.output_dir, jobs=1,
                              edition=config.edition, force=True))
    assert again.parts_typeset == 0


def test_a_longer_first_part_moves_the_others_and_two_processes_still_give_one_s_bytes(tmp_path: Path) -> None:
    """900003 (the first part) grows by pages: every later part's first page moves, each is
    typeset again, at -j 2 from guesses made with the parts' last page counts."""
    config = configured(tmp_path / "a", 2)
    build(config)
    before = {n: (config.output_dir / "pdf" / PARTS_DIR / f"part-{n:04d}.json").read_bytes() for n in (1, 2)}
    lengthen(config.source_dir / "900003.xml")
    builder = build(config)
    assert builder.parts_typeset == 4
    assert (config.output_dir / "pdf" / PARTS_DIR / "part-0001.json").read_bytes() != before[1]
    fresh = configured(tmp_path / "b", 1, make_edition(tmp_path / "b" / "tei", *sorted(FIXTURES.glob("*.xml"))))
    lengthen(fresh.source_dir / "900003.xml")
    build(fresh)
    assert outputs(config) == outputs(fresh)


def test_a_change_that_moves_no_page_typesets_its_part_alone(tmp_path: Path) -> None:
    """The counter-case: the later parts' cache holds them at their first pages, so no
    process is started for them on a guess."""
    config = configured(tmp_path, 2)
    build(config)
    tei = config.source_dir / "900002.xml"  # the second part
    text = tei.read_text("utf-8")
    assert "</p>" in text
    tei.write_text(text.replace("</p>", " Edited.</p>", 1), "utf-8")
    builder = build(config)
    assert builder.parts_typeset == 1
    assert builder.part_compiles == 1


def test_few_documents_start_no_worker_for_their_print_xml(tmp_path: Path) -> None:
    """Four documents at -j 2 (fewer than PdfBuilder.DOCUMENTS_PER_WORKER a worker): their
    print XML is written by the build's own process, which therefore compiled the stage."""
    config = configured(tmp_path, 2)
    builder = build(config)
    assert builder._document_stage is not None


class SmallWorkers(Recording):
    DOCUMENTS_PER_WORKER = 2


def test_enough_documents_take_the_workers(tmp_path: Path) -> None:
    """The counter-case: two documents a worker, four documents, -j 2: two workers write the
    print XML and the build's process never compiles the document stage."""
    config = configured(tmp_path, 2)
    run_builder(SmallWorkers, config)
    assert Recording.last is not None and Recording.last._document_stage is None

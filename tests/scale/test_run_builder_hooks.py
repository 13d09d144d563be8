"""run_builder's two optional builder parts (issue #13), on a small real builder and on the EPUB:
`register_keys` (a register edit rebuilds no document whose key it leaves, but finish still
runs: the register pages follow the bytes) and `PREPARES_ITSELF` (finish runs without
`prepare` in the parent: no Saxon or Typst loaded there to hand the work to other processes
or to copy kept pages)."""

from __future__ import annotations

import sys
from collections.abc import Sequence
from pathlib import Path
from typing import ClassVar

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "epub"))

from test_epub import make_source  # noqa: E402
from toolkit.builders import BuildConfig, run_builder  # noqa: E402
from toolkit.builders.base import Document, Edition  # noqa: E402
from toolkit.builders.epub import EpubBuilder, epub_name  # noqa: E402

EVENTS: list[str] = []


class Copies:
    """Copies each document into OUTPUT/copies/; finish lists them."""

    name: ClassVar[str] = "copies"
    PREPARES_ITSELF: ClassVar[bool] = True

    def __init__(self, config: BuildConfig) -> None:
        self.config = config

    def inputs(self) -> Sequence[Path]:
        return [Path(__file__)]

    def environment(self) -> str:
        return ""

    def register_keys(self, documents: Sequence[Document]) -> dict[str, str]:
        return {d.id: "no register used" for d in documents}

    def prepare(self) -> None:
        EVENTS.append("prepare")

    def write_one(self, document: Document) -> list[Path]:
        target = self.config.output_dir / "copies" / document.path.name
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(document.path.read_bytes())
        EVENTS.append(f"write {document.id}")
        return [target]

    def finish(self, edition: Edition, rebuilt: Sequence[Document]) -> list[Path]:
        EVENTS.append("finish")
        listing = self.config.output_dir / "copies.txt"
        listing.write_text("\n".join(d.id for d in edition.documents), "utf-8")
        return [listing]


class Prepared(Copies):
    name: ClassVar[str] = "prepared"
    PREPARES_ITSELF: ClassVar[bool] = False


def edition(tmp_path: Path) -> BuildConfig:
    tei = tmp_path / "tei"
    (tei / "registers").mkdir(parents=True)
    for n in ("1", "2"):
        (tei / f"{n}.xml").write_text(f"<TEI xmlns='http://www.tei-c.org/ns/1.0'><p>{n}</p></TEI>")
    (tei / "registers" / "persons.xml").write_text("<TEI xmlns='http://www.tei-c.org/ns/1.0'/>")
    return BuildConfig(source_dir=tei, output_dir=tmp_path / "build", jobs=1)


def test_a_register_edit_runs_finish_only_and_without_prepare(tmp_path: Path) -> None:
    config = edition(tmp_path)
    EVENTS.clear()
    assert run_builder(Copies, config).rebuilt == ("1", "2")
    assert EVENTS == ["prepare", "write 1", "write 2", "finish"]
    EVENTS.clear()
    (config.registers_dir / "persons.xml").write_text("<TEI xmlns='http://www.tei-c.org/ns/1.0'><!-- edited --></TEI>")
    assert run_builder(Copies, config).rebuilt == ()
    assert EVENTS == ["finish"]  # the register pages follow; no document, no prepare
    EVENTS.clear()
    assert run_builder(Copies, config).rebuilt == () and EVENTS == []  # a no-op


def test_a_builder_that_needs_prepare_for_finish_still_gets_it(tmp_path: Path) -> None:
    config = edition(tmp_path)
    run_builder(Prepared, config)
    EVENTS.clear()
    (config.registers_dir / "persons.xml").write_text("<TEI xmlns='http://www.tei-c.org/ns/1.0'><!-- edited --></TEI>")
    assert run_builder(Prepared, config).rebuilt == ()
    assert EVENTS == ["prepare", "finish"]


def test_the_epub_finish_with_kept_pages_starts_no_saxon(tmp_path: Path) -> None:
    config = make_source(tmp_path / "edition")
    run_builder(EpubBuilder, config)
    book = config.output_dir / "epub" / epub_name(config)
    before = book.read_bytes()
    builder = EpubBuilder(config)
    builder.finish(Edition.load(config), [])
    assert builder.pages_made is False
    assert builder._processor is None  # nothing to transform: Saxon never started
    assert book.read_bytes() == before

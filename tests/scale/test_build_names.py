"""Two faults of the build (issue #13): a document named as a generated page, and the worker
processes a one-document rebuild does not need."""

from __future__ import annotations

import resource
from pathlib import Path

import pytest

from toolkit.builders import BuildConfig, run_builder
from toolkit.builders.base import Document, Edition, check_names
from toolkit.builders.epub import EpubBuilder
from toolkit.cli import main
from toolkit.config import config_for
from toolkit.errors import InputError

from test_noop_reads import edition

#: every name a generated page has (`index.html`, `index-2.html`, `persons-ID-2.html`, the
#: volume `edition.pdf`), and one in another case (the same file on macOS and Windows)
GENERATED = ["index", "index-2", "index-12", "persons", "places", "organisations", "about",
             "search", "timeline", "abbreviations", "edition", "persons-per.kosygin-2",
             "places-pla.moscow-10", "organisations-org.un-3", "Index", "PERSONS"]
#: names that only look like them
FREE = ["116488", "index2", "index-a", "indexes", "persons-list", "about-us", "search-1x",
        "places-3", "editions", "people-x-2"]


@pytest.mark.parametrize("name", GENERATED)
def test_a_document_named_as_a_generated_page_is_refused(tmp_path: Path, name: str) -> None:
    document = Document(tmp_path / f"{name}.xml")
    with pytest.raises(InputError) as refused:
        check_names(Edition(BuildConfig(), [document]))
    diagnostic = refused.value.diagnostic
    assert diagnostic.path == str(document.path) and diagnostic.line == 1
    assert f"'{name}'" in diagnostic.message and "rename the file" in diagnostic.message


@pytest.mark.parametrize("name", FREE)
def test_other_names_are_documents_like_any(tmp_path: Path, name: str) -> None:
    check_names(Edition(BuildConfig(), [Document(tmp_path / f"{name}.xml")]))


def test_the_build_refuses_it_with_file_and_id_and_writes_nothing(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    tei = edition(tmp_path, copies=1)
    (tei / "700001.xml").rename(tei / "index-2.xml")
    out = tmp_path / "build"
    assert main(["build", str(tei), "-o", str(out), "--only", "html", "-j", "1"]) == 1
    err = capsys.readouterr().err
    assert f"{tei / 'index-2.xml'}:1: error: the document id 'index-2' is the name of a page" in err
    assert "index-2.html" in err and "Traceback" not in err
    assert not (out / "html").exists() and not (out / ".validation-cache.json").exists()


def _children_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def test_one_changed_document_is_built_in_this_process(tmp_path: Path) -> None:
    """Two workers (each an interpreter that imports the toolkit, starts Saxon and compiles
    the stylesheets) cost more than the one document: with one to make, none is started. Seen
    by the CPU of this process's reaped children (EPUB starts no other process)."""
    tei = edition(tmp_path, copies=2)
    config = BuildConfig(source_dir=tei, output_dir=tmp_path / "build", edition=config_for(tei, None),
                         jobs=2)
    before = _children_cpu()
    assert len(run_builder(EpubBuilder, config).rebuilt) == 3
    assert _children_cpu() > before  # three to make: two workers (the check can fail)
    changed = tei / "700001.xml"
    changed.write_text(changed.read_text("utf-8").replace("<p>", "<p>Edited. ", 1), "utf-8")
    before = _children_cpu()
    report = run_builder(EpubBuilder, config)
    assert report.rebuilt == ("700001",)
    assert _children_cpu() == before

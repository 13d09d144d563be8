"""A build on a Dask cluster (issue #13): a LocalCluster of two worker processes renders the
documents; the result equals the local build byte for byte. Real Dask, Saxon and Typst."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from toolkit.builders import BuildConfig, run_builder
from toolkit.builders.html import HtmlBuilder
from toolkit.builders.pdf import PdfBuilder
from toolkit.errors import ToolkitError

distributed = pytest.importorskip("distributed")

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "print"))
from print_support import FIXTURES, make_edition  # noqa: E402


#: the web builder's state between builds: it holds the files' sizes and times, which two
#: builds never share; everything it decides from is compared
BUILD_STATE = ".html-records/edition-state.json"


def tree(folder: Path) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*"))
            if p.is_file() and not p.name.startswith(".")
            and p.relative_to(folder).as_posix() != BUILD_STATE}


def _prepared() -> dict[str, int]:
    from toolkit.cluster import PREPARED
    return dict(PREPARED)


def test_cluster_build_equals_local_build(tmp_path: Path) -> None:
    source = make_edition(tmp_path / "tei", *sorted(FIXTURES.glob("*.xml")))
    local = BuildConfig(source_dir=source, output_dir=tmp_path / "local", jobs=1)
    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True,
                                  dashboard_address=None) as cluster:
        remote = BuildConfig(source_dir=source, output_dir=tmp_path / "remote", jobs=1,
                             scheduler=cluster.scheduler_address)
        with distributed.Client(cluster) as client:
            for builder in (PdfBuilder, HtmlBuilder):
                report = run_builder(builder, remote)
                assert len(report.rebuilt) == 4
            workers = client.run(_prepared)
            assert len(workers) == 2
            # each worker prepared each builder once (in a plugin, released after the run)
            for counts in workers.values():
                assert sorted(counts.values()) == [1, 1], counts
                assert sum(name.startswith("teikit-prepare_build-") for name in counts) == 2
            assert not any(name.startswith("teikit-") for names in client.run(
                lambda dask_worker: list(dask_worker.plugins)).values() for name in names)
    for builder in (PdfBuilder, HtmlBuilder):
        run_builder(builder, local)
    here, there = tree(local.output_dir), tree(remote.output_dir)
    assert sorted(here) == sorted(there) and len(here) > 20
    differing = [name for name in here if here[name] != there[name]]
    assert not differing


def test_a_document_that_fails_on_a_worker_fails_the_build(tmp_path: Path) -> None:
    source = make_edition(tmp_path / "tei")
    (source / "900009.xml").write_text('<?xml version="1.0"?>\n<TEI xmlns="http://www.tei-c.org/ns/1.0">\n'
                                       '<teiHeader>\n</TEI>\n')
    with distributed.LocalCluster(n_workers=1, threads_per_worker=1, processes=True,
                                  dashboard_address=None) as cluster:
        config = BuildConfig(source_dir=source, output_dir=tmp_path / "out", jobs=1,
                             scheduler=cluster.scheduler_address)
        with pytest.raises(ToolkitError) as error:
            run_builder(HtmlBuilder, config)
    assert error.value.diagnostic.path.endswith("900009.xml") and error.value.diagnostic.line == 4


def test_a_worker_killed_mid_build_still_ends_in_the_complete_edition(tmp_path: Path) -> None:
    """Its documents are redone elsewhere; nothing half-written is left (atomic writes)."""
    import os
    import signal
    import threading
    import time

    source = make_edition(tmp_path / "tei")
    sample = (source / "116488.xml").read_bytes()
    for number in range(700000, 700030):
        (source / f"{number}.xml").write_bytes(sample)
    local = BuildConfig(source_dir=source, output_dir=tmp_path / "local", jobs=1)
    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True,
                                  dashboard_address=None) as cluster:
        remote = BuildConfig(source_dir=source, output_dir=tmp_path / "remote", jobs=1,
                             scheduler=cluster.scheduler_address)
        with distributed.Client(cluster) as client:
            pids = client.run(os.getpid)
            failure: list[BaseException] = []

            def build() -> None:
                try:
                    run_builder(PdfBuilder, remote)
                except BaseException as error:  # noqa: BLE001 - reported by the test
                    failure.append(error)

            thread = threading.Thread(target=build)
            thread.start()
            out = remote.output_dir / "pdf"
            deadline = time.monotonic() + 300
            while not list(out.glob("7*.pdf")) and time.monotonic() < deadline:
                time.sleep(0.05)
            done_at_kill = len(list(out.glob("7*.pdf")))
            os.kill(sorted(pids.values())[0], signal.SIGKILL)
            thread.join(600)
            assert not failure, failure
    assert 0 < done_at_kill < 30, "the worker must die while documents are left"
    run_builder(PdfBuilder, local)
    here, there = tree(local.output_dir), tree(remote.output_dir)
    assert sorted(here) == sorted(there)
    assert [name for name in here if here[name] != there[name]] == []

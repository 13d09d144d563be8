"""`convert`, `validate`, `import` and `build` on a Dask cluster (issue #13): outputs byte for
byte, messages line for line and exit codes as the local run's; `[cluster]` in teikit.toml;
`transfer = "bytes"` with workers that cannot see the edition's folders at all (a mount
namespace hides them); a worker killed mid-convert. Real Dask (a LocalCluster of two worker
processes per module), real converter, Saxon and schemas."""

from __future__ import annotations

import os
import re
import shutil
import signal
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from benchmarks.synthetic import write_corpus
from teitest import ROOT
from toolkit.builders import BuildConfig, run_builder
from toolkit.builders.html import HtmlBuilder
from toolkit.builders.pdf import PdfBuilder
from toolkit.cli import main
from toolkit.config import ConfigError, load_config

distributed = pytest.importorskip("distributed")

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "print"))
from print_support import FIXTURES, make_edition  # noqa: E402

REGISTERS = ROOT / "tei" / "registers"
EXCHANGE = ROOT / "tests" / "exchange" / "fixtures"
DAY = "2026-01-02"


#: the web builder's state between builds: it holds the files' sizes and times, which two
#: builds never share; everything it decides from is compared
BUILD_STATE = ".html-records/edition-state.json"


def tree(folder: Path) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*"))
            if p.is_file() and not p.name.startswith(".")
            and p.relative_to(folder).as_posix() != BUILD_STATE}


def assert_same_tree(here: Path, there: Path, at_least: int = 1) -> None:
    mine, theirs = tree(here), tree(there)
    assert sorted(mine) == sorted(theirs) and len(mine) >= at_least
    assert [name for name in mine if mine[name] != theirs[name]] == []


@pytest.fixture(scope="module")
def cluster() -> Iterator[str]:
    """Two worker processes, one thread each, shared by the module's tests."""
    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True,
                                  dashboard_address=":0") as local:
        yield local.scheduler_address


def cli(capsys: pytest.CaptureFixture[str], folder: Path, *argv: str) -> tuple[int, str, str]:
    """`teikit ARGV` run from `folder` (local and cluster runs name the same relative paths)."""
    here = Path.cwd()
    os.chdir(folder)
    try:
        capsys.readouterr()
        code = main(list(argv))
        out, err = capsys.readouterr()
    finally:
        os.chdir(here)
    return code, out, err


@pytest.fixture(scope="module")
def reports(tmp_path_factory: pytest.TempPathFactory) -> list[Path]:
    folder = tmp_path_factory.mktemp("reports")
    sources = [ROOT / "sources" / "wilson-116488.txt",
               *write_corpus(folder, 12, size=3000, seed=41, layout="mix")]
    bad = folder / "zz-no-body.txt"
    bad.write_text("**January 8, 1965**\n\n**A report with no text**\n\n", encoding="utf-8")
    # the sample's number twice: the second is renumbered in input order, on a cluster too
    return [*sources[:4], bad, *sources[4:], sources[0]]


def test_convert_on_the_cluster_equals_the_local_run(
        tmp_path: Path, cluster: str, reports: list[Path], capsys: pytest.CaptureFixture[str]) -> None:
    runs = {}
    for name, extra in (("local", ["-j", "2"]), ("cluster", ["--scheduler", cluster])):
        (tmp_path / name).mkdir()
        runs[name] = cli(capsys, tmp_path / name, "convert", *map(str, reports), "-o", "tei",
                         "--registers", str(REGISTERS), "--change-date", DAY,
                         "--review", "review.json", *extra)
    assert runs["cluster"] == runs["local"]
    code, _out, err = runs["cluster"]
    assert code == 1  # the report without a body, named with its line
    assert re.search(r"zz-no-body\.txt:\d+(:\d+)?: error: ", err)
    assert "116488-2.xml" in runs["cluster"][1]
    assert_same_tree(tmp_path / "local", tmp_path / "cluster", at_least=14)


def test_validate_on_the_cluster_equals_the_local_run(
        tmp_path: Path, cluster: str, capsys: pytest.CaptureFixture[str]) -> None:
    """The scheduler from teikit.toml's [cluster]; an invalid file named with its line."""
    edition = make_edition(tmp_path / "edition" / "tei", *sorted(FIXTURES.glob("*.xml")))
    sample = (edition / "116488.xml").read_text("utf-8")
    (edition / "900001.xml").write_text(sample.replace("<teiHeader>", "<teiHeader><bogus/>", 1), "utf-8")
    (edition / "900002.xml").write_text(sample[:len(sample) // 2], "utf-8")  # not well-formed
    runs = {}
    for name in ("local", "cluster"):
        config = f'[cluster]\nscheduler = "{cluster}"\n' if name == "cluster" else ""
        (tmp_path / "edition" / "teikit.toml").write_text(config, "utf-8")
        code, out, err = cli(capsys, tmp_path, "validate", "edition/tei", "-j", "2")
        runs[name] = (code, re.sub(r" in \d+\.\d+ s", "", out), err)
    assert runs["cluster"][1].splitlines() == runs["local"][1].splitlines()
    assert runs["cluster"] == runs["local"]
    code, out, _err = runs["cluster"]
    assert code == 1
    assert re.search(r"^edition/tei/900001\.xml:\d+:\d+: error: .*bogus", out, re.M)
    assert re.search(r"^edition/tei/900002\.xml:\d+:\d+: error: ", out, re.M)


def test_build_validates_on_the_cluster_and_refuses_an_invalid_edition_as_locally(
        tmp_path: Path, cluster: str, capsys: pytest.CaptureFixture[str]) -> None:
    edition = make_edition(tmp_path / "tei")
    sample = (edition / "116488.xml").read_text("utf-8")
    (edition / "900001.xml").write_text(sample.replace("<teiHeader>", "<teiHeader><bogus/>", 1), "utf-8")
    runs = {name: cli(capsys, tmp_path, "build", "tei", "-o", name, *extra)
            for name, extra in (("local", []), ("cluster", ["--scheduler", cluster]))}
    code, out, err = runs["cluster"]
    assert (code, out.replace("cluster", "local"), err) == runs["local"]
    assert code == 1 and re.search(r"^tei/900001\.xml:\d+:\d+: error: .*bogus", err, re.M)
    assert "nothing was published" in err
    assert not (tmp_path / "cluster" / "html").exists()


def test_import_on_the_cluster_equals_the_local_run(
        tmp_path: Path, cluster: str, capsys: pytest.CaptureFixture[str]) -> None:
    sources = [EXCHANGE / name for name in ("frus-modern.xml", "letter.xml", "malformed.xml",
                                            "corpus.xml", "not-tei.xml", "draft-report.xml")]
    runs = {}
    for name, extra in (("local", ["-j", "2"]), ("cluster", ["--scheduler", cluster])):
        (tmp_path / name).mkdir()
        runs[name] = cli(capsys, tmp_path / name, "import", *map(str, sources), "-o", "imported",
                         "--change-date", DAY, *extra)
    assert runs["cluster"] == runs["local"]
    code, _out, err = runs["cluster"]
    assert code == 1
    assert re.search(r"malformed\.xml:\d+:\d+: error: ", err)
    assert_same_tree(tmp_path / "local", tmp_path / "cluster", at_least=10)


def test_the_command_line_scheduler_wins_over_the_configuration(
        tmp_path: Path, cluster: str, capsys: pytest.CaptureFixture[str]) -> None:
    for name in ("local", "cluster"):
        (tmp_path / name).mkdir()
    (tmp_path / "cluster" / "teikit.toml").write_text('[cluster]\nscheduler = "tcp://127.0.0.1:9"\n', "utf-8")
    report = str(ROOT / "sources" / "wilson-116488.txt")
    local = cli(capsys, tmp_path / "local", "convert", report, "-o", "tei", "--registers", str(REGISTERS))
    remote = cli(capsys, tmp_path / "cluster", "convert", report, "-o", "tei", "--registers",
                 str(REGISTERS), "--scheduler", cluster)
    assert remote == local and remote[0] == 0
    assert (tmp_path / "cluster" / "tei" / "116488.xml").read_bytes() == \
        (tmp_path / "local" / "tei" / "116488.xml").read_bytes()


@pytest.mark.parametrize(("section", "key", "message"), [
    ('[cluster]\nworkers = 3\n', "cluster.workers", "unknown key"),
    ('[cluster]\nscheduler = 8786\n', "cluster.scheduler", "expected a string"),
    ('[cluster]\nscheduler = "host:8786"\n', "cluster.scheduler", "not a Dask scheduler"),
    ('[cluster]\n\ntransfer = "ftp"\n', "cluster.transfer", "not one of shared-folder, bytes"),
])
def test_a_bad_cluster_section_names_the_key_and_its_line(
        tmp_path: Path, section: str, key: str, message: str) -> None:
    path = tmp_path / "teikit.toml"
    path.write_text('title = "T"\n' + section, "utf-8")
    with pytest.raises(ConfigError) as error:
        load_config(path)
    diagnostic = error.value.diagnostic
    assert diagnostic.message.startswith(key) and message in diagnostic.message
    assert diagnostic.line == len(section.rstrip("\n").split("\n")) + 1


def test_the_cluster_section_is_read_and_is_no_part_of_the_build_hash(tmp_path: Path) -> None:
    path = tmp_path / "teikit.toml"
    path.write_text('title = "T"\n', "utf-8")
    plain = load_config(path)
    path.write_text('title = "T"\n[cluster]\nscheduler = "tcp://h:8786"\ntransfer = "bytes"\n', "utf-8")
    clustered = load_config(path)
    assert (clustered.cluster.scheduler, clustered.cluster.transfer) == ("tcp://h:8786", "bytes")
    assert clustered.fingerprint() == plain.fingerprint()


def test_the_readme_recipe_runs(tmp_path: Path, cluster: str, capsys: pytest.CaptureFixture[str]) -> None:
    """The README's cluster recipe: its `teikit` lines are run (convert on the module's
    cluster, from a copy of the clone's sources); `build` is run by the tests above."""
    import shlex
    from toolkit.cli import build_parser
    text = (ROOT / "README.md").read_text("utf-8").split("## On several machines", 1)[1]
    block = re.search(r"```sh\n(.*?)```", text, re.S)
    assert block is not None
    lines = [shlex.split(line.replace("tcp://HOST:8786", cluster), comments=True)
             for line in block.group(1).splitlines()]
    assert [words[:2] for words in lines[:2]] == [["dask", "scheduler"], ["dask", "worker"]]
    for name in ("local", "cluster"):
        shutil.copytree(ROOT / "sources", tmp_path / name / "sources")
        shutil.copytree(REGISTERS, tmp_path / name / "tei" / "registers")
    for words in lines[2:]:
        assert words[0] == ".venv/bin/teikit"
        build_parser(words[1:]).parse_args(words[1:])  # every option exists
        if words[1] == "convert":
            sources = sorted(f"sources/{p.name}" for p in (ROOT / "sources").glob("*.txt"))
            args = [w for w in words[1:] if w != "sources/*.txt"]
            args[1:1] = sources
            code, _out, err = cli(capsys, tmp_path / "cluster", *args)
            assert code == 0, err
            assert cli(capsys, tmp_path / "local", *args[:args.index("--scheduler")])[0] == 0
    assert_same_tree(tmp_path / "local", tmp_path / "cluster", at_least=5)


# -- transfer = "bytes": workers that cannot see the edition ----------------------------------

@pytest.fixture(scope="module")
def hidden(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The folder the isolated workers cannot see (an empty tmpfs over it, for them alone)."""
    return tmp_path_factory.mktemp("client-only")


@pytest.fixture(scope="module")
def isolated(hidden: Path) -> Iterator[str]:
    """A scheduler and two `dask worker` processes in a mount namespace of their own, in
    which `hidden` is an empty folder: they can read and write nothing of the edition."""
    if shutil.which("unshare") is None or subprocess.run(
            ["unshare", "--user", "--map-root-user", "--mount", "true"],
            capture_output=True).returncode != 0:
        pytest.skip("needs unshare (user and mount namespaces) to hide a folder from workers")
    with distributed.LocalCluster(n_workers=0, processes=True, dashboard_address=":0") as local:
        env = {**os.environ, "PYTHONPATH": str(ROOT)}
        script = (f"mount -t tmpfs none {hidden} && exec {sys.executable} -m distributed.cli.dask_worker "
                  f"{local.scheduler_address} --nthreads 1 --no-nanny --no-dashboard")
        workers = [subprocess.Popen(["unshare", "--user", "--map-root-user", "--mount", "sh", "-c", script],
                                    env=env, cwd="/", stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
                   for _ in range(2)]
        try:
            with distributed.Client(local) as client:
                client.wait_for_workers(2, timeout=120)
                seen = client.run(lambda: os.listdir(hidden))
                assert list(seen.values()) == [[], []], "the workers must not see the folder"
            yield local.scheduler_address
        finally:
            for worker in workers:
                worker.terminate()
                worker.wait(30)


def test_bytes_transfer_converts_for_workers_that_see_no_folder(
        hidden: Path, isolated: str, reports: list[Path], capsys: pytest.CaptureFixture[str]) -> None:
    sources = hidden / "sources"
    sources.mkdir()
    given = [Path(shutil.copy(p, sources / f"{i:02}-{p.name}")) for i, p in enumerate(reports)]
    shutil.copytree(REGISTERS, hidden / "registers")
    runs = {}
    for name in ("local", "cluster"):
        (hidden / name).mkdir()
        if name == "cluster":
            (hidden / name / "teikit.toml").write_text(
                f'[cluster]\nscheduler = "{isolated}"\ntransfer = "bytes"\n', "utf-8")
        runs[name] = cli(capsys, hidden / name, "convert", *(f"../sources/{p.name}" for p in given),
                         "-o", "tei", "--registers", "../registers", "--change-date", DAY, "-j", "1")
    assert runs["cluster"] == runs["local"]
    assert runs["cluster"][0] == 1 and "zz-no-body.txt:" in runs["cluster"][2]
    (hidden / "local" / "teikit.toml").write_bytes((hidden / "cluster" / "teikit.toml").read_bytes())
    assert_same_tree(hidden / "local", hidden / "cluster", at_least=14)


def test_bytes_transfer_builds_for_workers_that_see_no_folder(hidden: Path, isolated: str) -> None:
    source = make_edition(hidden / "edition" / "tei", *sorted(FIXTURES.glob("*.xml")),
                          EXCHANGE / "letter-facsimile.xml")  # a graphic: rendered here
    local = BuildConfig(source_dir=source, output_dir=hidden / "edition" / "local", jobs=1)
    remote = BuildConfig(source_dir=source, output_dir=hidden / "edition" / "remote", jobs=1,
                         scheduler=isolated, transfer="bytes")
    for builder in (PdfBuilder, HtmlBuilder):
        report = run_builder(builder, remote)
        assert len(report.rebuilt) == 5
        run_builder(builder, local)
    # this document has no date: its PDF takes a fixed one, never the time it was typeset
    assert_same_tree(local.output_dir, remote.output_dir, at_least=20)


def test_a_worker_killed_mid_convert_still_gives_the_complete_output(
        tmp_path: Path, cluster: str, capsys: pytest.CaptureFixture[str]) -> None:
    sources = write_corpus(tmp_path / "sources", 160, size=4000, seed=500)
    def argv(folder: Path) -> list[str]:
        return ["convert", *map(str, sources), "-o", str(folder), "--registers", str(REGISTERS),
                "--change-date", DAY]
    assert main([*argv(tmp_path / "local"), "-j", "1"]) == 0
    out = tmp_path / "cluster"
    with distributed.Client(cluster) as client:
        client.wait_for_workers(2, timeout=120)
        pids = client.run(os.getpid)
        outcome: list[int] = []
        thread = threading.Thread(target=lambda: outcome.append(main([*argv(out), "--scheduler", cluster])))
        thread.start()
        deadline = time.monotonic() + 300
        while len(list(out.glob("*.xml"))) < 5 and time.monotonic() < deadline:
            time.sleep(0.02)
        done_at_kill = len(list(out.glob("*.xml")))
        os.kill(sorted(pids.values())[0], signal.SIGKILL)
        thread.join(600)
    assert outcome == [0]
    assert 0 < done_at_kill < len(sources), "the worker must die while reports are left"
    assert_same_tree(tmp_path / "local", tmp_path / "cluster", at_least=len(sources))


"""The package as a user gets it: `python -m build` makes a wheel which, installed (not editable)
into a fresh virtual environment outside the repository, runs init -> convert -> validate ->
build -> serve on a new edition. Stylesheets, schemas and templates must come from the wheel.

Offline: the wheel is built without build isolation (setuptools and build are test
dependencies), and the new environment sees the shared environment's packages through a .pth
file, so pip installs only the wheel itself (`--no-index`); that its declared dependencies are
all there is checked from the wheel's own metadata.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import sysconfig
from pathlib import Path

import httpx
from lxml import etree

from edition_cli import serving, teikit
from teitest import ROOT

# what a wheel is built from: nothing else of the repository may be needed
PACKAGE_SOURCES = ("pyproject.toml", "setup.py", "MANIFEST.in", "README.md", "toolkit", "xslt", "schemas")
OAI = {"oai": "http://www.openarchives.org/OAI/2.0/"}


def run(command: list[str], cwd: Path, env: dict[str, str] | None = None) -> str:
    result = subprocess.run(command, cwd=cwd, env=env, capture_output=True, text=True,
                            timeout=300, check=False)
    assert result.returncode == 0, f"{command}: {result.stdout}\n{result.stderr}"
    return result.stdout


def test_the_wheel_installed_elsewhere_makes_an_edition(tmp_path: Path) -> None:
    source = tmp_path / "src"
    source.mkdir()
    for name in PACKAGE_SOURCES:
        if (ROOT / name).is_dir():
            # (toolkit/data/ would be a stale copy of xslt/ and schemas/: setup.py makes it)
            shutil.copytree(ROOT / name, source / name, ignore=lambda folder, names: [
                n for n in names if n == "__pycache__" or Path(folder, n) == ROOT / "toolkit" / "data"])
        else:
            shutil.copy(ROOT / name, source / name)
    # sdist, then the wheel from the unpacked sdist (as `python -m build` does): MANIFEST.in must
    # carry xslt/ and schemas/ too
    run([sys.executable, "-m", "build", "--no-isolation", "-o", str(tmp_path / "dist"),
         str(source)], tmp_path)
    wheels = list((tmp_path / "dist").glob("teikit-*.whl"))
    assert len(wheels) == 1

    venv = tmp_path / "venv"
    run([sys.executable, "-m", "venv", "--without-pip", str(venv)], tmp_path)
    python = str(venv / "bin" / "python")
    purelib = Path(run([python, "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"],
                       tmp_path).strip())
    shared = dict.fromkeys(sysconfig.get_paths()[key] for key in ("purelib", "platlib"))
    (purelib / "_teikit_test_dependencies.pth").write_text("\n".join(shared) + "\n", "utf-8")
    run([sys.executable, "-m", "pip", "--python", python, "install", "--quiet", "--no-index",
         "--no-deps", "--force-reinstall", str(wheels[0])], tmp_path)

    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "TEIKIT_DEBUG")}
    env["PATH"] = f"{venv / 'bin'}{os.pathsep}{env.get('PATH', '')}"
    work = tmp_path / "work"
    work.mkdir()
    # the package in use is the installed wheel, with its data inside it
    where = run([python, "-c", "import toolkit, toolkit.resources as r; "
                 "print(toolkit.__file__); print(r.xslt_dir()); print(r.schemas_dir())"], work, env)
    for line in where.split():
        assert Path(line).is_relative_to(purelib), where
        assert not Path(line).is_relative_to(ROOT), where
    missing = run([python, "-c", "import importlib.metadata as m, re\n"
                   "for r in m.requires('teikit') or []:\n"
                   "    if 'extra ==' in r: continue\n"
                   "    name = re.match(r'[A-Za-z0-9_.-]+', r).group(0)\n"
                   "    try: m.distribution(name)\n"
                   "    except m.PackageNotFoundError: print(name)\n"], work, env)
    assert missing.strip() == "", f"declared dependencies not installed: {missing}"

    cli = [str(venv / "bin" / "teikit")]
    assert teikit(["init", "ed", "--title", "Wheel edition"], work, env=env, program=cli).returncode == 0
    edition = work / "ed"
    shutil.copy(ROOT / "sources" / "wilson-116488.txt", edition / "sources")
    for args in (["convert", "sources/wilson-116488.txt", "-o", "tei"], ["validate", "tei"],
                 ["build", "tei", "-o", "build", "-j", "1"]):
        result = teikit(args, edition, env=env, program=cli)
        assert result.returncode == 0, f"teikit {' '.join(args)}: {result.stdout}\n{result.stderr}"
    index = (edition / "build" / "html" / "index.html").read_text("utf-8")
    assert "Wheel edition" in index and "116488.html" in index
    assert (edition / "build" / "html" / "assets").is_dir()
    assert (edition / "build" / "pdf" / "116488.pdf").read_bytes().startswith(b"%PDF-")
    assert (edition / "build" / "pdf" / "edition.pdf").read_bytes().startswith(b"%PDF-")

    with serving(["tei"], edition, python=python, env=env) as base:
        identify = httpx.get(base + "/oai", params={"verb": "Identify"}, timeout=30)
        documents = httpx.get(base + "/dts/document", params={"resource": "116488"}, timeout=30)
    tree = etree.fromstring(identify.content)
    assert tree.findtext(".//oai:repositoryName", namespaces=OAI) == "Wheel edition"
    assert documents.status_code == 200 and b"<TEI" in documents.content

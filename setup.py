"""Ships the repository's top-level xslt/ and schemas/ inside the wheel, as toolkit/data/ (and
OpenSeadragon from node_modules/, the web edition's facsimile viewer).

The repository keeps both folders at its top level (editors, XML tools and the converted TEI's
xml-model instructions point there); an installed package finds them through
toolkit/resources.py, which looks in toolkit/data/ first. Everything else is in pyproject.toml.
"""

from __future__ import annotations

import shutil
from pathlib import Path

from setuptools import setup
from setuptools.command.build_py import build_py

ROOT = Path(__file__).resolve().parent
DATA = ("xslt", "schemas")
IGNORE = shutil.ignore_patterns("__pycache__", "*.pyc", ".*")


class build_py_with_data(build_py):  # noqa: N801 - setuptools' naming
    """build_py, then the data folders copied into the built package (not for editable
    installs: there resources.py finds them in the repository)."""

    def run(self) -> None:
        super().run()
        if self.editable_mode:
            return
        for name in DATA:
            target = Path(self.build_lib) / "toolkit" / "data" / name
            if target.exists():
                shutil.rmtree(target)
            shutil.copytree(ROOT / name, target, ignore=IGNORE)
        # the facsimile viewer (OpenSeadragon, as npm installed it: package.json), so that an
        # installed teikit bundles it into web editions too (toolkit/facsimile/web.py)
        viewer = ROOT / "node_modules" / "openseadragon" / "build" / "openseadragon" / "openseadragon.min.js"
        if viewer.is_file():
            target = Path(self.build_lib) / "toolkit" / "data" / "openseadragon"
            target.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(viewer, target / viewer.name)
            licence = viewer.parents[2] / "LICENSE.txt"
            if licence.is_file():
                shutil.copyfile(licence, target / licence.name)


# setuptools works in .cache/setuptools, not build/: build/ is where teikit writes the editions.
setup(cmdclass={"build_py": build_py_with_data},
      options={"build": {"build_base": ".cache/setuptools"}})

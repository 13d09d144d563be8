"""Helpers every test folder shares: the repository root, the fixed conversion date, and a
tei_all assertion. (A module of its own: `from conftest import` would pick up whichever
conftest.py pytest loaded first.)"""

from __future__ import annotations

from datetime import date
from pathlib import Path

from lxml import etree

ROOT = Path(__file__).resolve().parent.parent
FIXED_DATE = date(2026, 1, 1)


def assert_tei_all(schema: etree.RelaxNG, tree: etree._ElementTree | etree._Element) -> None:
    doc = tree.getroottree() if isinstance(tree, etree._Element) else tree
    if not schema.validate(doc):
        errors = "\n".join(f"{e.line}: {e.message}" for e in list(schema.error_log)[:20])
        raise AssertionError(f"not valid against tei_all:\n{errors}")

"""The tagger the recognition tests share: the sample's registers and the shipped gazetteer,
built once per module."""

from __future__ import annotations

from pathlib import Path

import pytest

from toolkit.encoding.names import NameTagger
from toolkit.registers import load_registers

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def tagger() -> NameTagger:
    return NameTagger(load_registers(ROOT / "tei" / "registers"), ROOT / "tei")

"""The web edition built once per session from the sample and the every-markup fixture."""

from __future__ import annotations

from pathlib import Path

import pytest

from web.support import build, make_source


@pytest.fixture(scope="session")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The html folder of an edition of two documents."""
    base = tmp_path_factory.mktemp("web")
    build(make_source(base / "tei"), base / "build")
    return base / "build" / "html"

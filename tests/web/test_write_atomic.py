"""toolkit.output.write_atomic, which every page's seven files go through: the mode a
published file needs, its folder made, and nothing left behind when a write fails."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from toolkit.output import write_atomic


def test_a_file_is_written_readable_in_a_new_folder(tmp_path: Path) -> None:
    mask = os.umask(0o022)
    try:
        target = tmp_path / "new" / "page.html"
        write_atomic(target, b"one")
        write_atomic(target, b"two")
    finally:
        os.umask(mask)
    assert target.read_bytes() == b"two"
    assert target.stat().st_mode & 0o777 == 0o644
    assert [p.name for p in target.parent.iterdir()] == ["page.html"]


def test_a_failed_write_leaves_the_old_file_and_no_temporary(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    target = tmp_path / "page.html"
    write_atomic(target, b"old")

    def full(source: str, destination: Path) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "replace", full)
    with pytest.raises(OSError) as raised:
        write_atomic(target, b"new")
    assert raised.value.filename == str(target)
    assert target.read_bytes() == b"old" and [p.name for p in tmp_path.iterdir()] == ["page.html"]

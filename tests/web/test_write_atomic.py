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


def test_short_writes_are_resumed_and_a_full_disk_names_the_file(tmp_path: Path,
                                                                monkeypatch: pytest.MonkeyPatch) -> None:
    """`os.write` may write less than it was given: the rest goes after it, none is lost. Its
    ENOSPC names no file: the error must name the output (and leave no temporary)."""
    real = os.write
    monkeypatch.setattr(os, "write", lambda fd, data: real(fd, bytes(data[:3])))
    target = tmp_path / "page.html"
    write_atomic(str(target), b"0123456789" * 5)
    assert target.read_bytes() == b"0123456789" * 5

    def full(fd: int, data: bytes) -> int:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "write", full)
    with pytest.raises(OSError) as raised:
        write_atomic(target, b"new")
    assert raised.value.filename == str(target)
    assert target.read_bytes() == b"0123456789" * 5 and [p.name for p in tmp_path.iterdir()] == ["page.html"]

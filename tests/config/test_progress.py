"""Progress on corpus work: a bar on stderr when it is a terminal (a real pty here), and only
the one-line summary when it is not."""

from __future__ import annotations

import os
import pty
import select
import shutil
import subprocess
import sys
from pathlib import Path

from edition_cli import teikit
from teitest import ROOT


def on_a_terminal(args: list[str], cwd: Path) -> tuple[int, str, str]:
    """Run teikit with stderr on a pseudo-terminal; returns (exit status, stdout, stderr)."""
    controller, terminal = pty.openpty()
    process = subprocess.Popen([sys.executable, "-m", "toolkit", *args], cwd=cwd,
                               stdout=subprocess.PIPE, stderr=terminal, text=True)
    os.close(terminal)
    seen = b""
    while True:
        ready, _, _ = select.select([controller], [], [], 120)
        if not ready:
            process.kill()
            raise AssertionError("no output from teikit within 120 s")
        try:
            chunk = os.read(controller, 65536)
        except OSError:  # the child closed the terminal
            break
        if not chunk:
            break
        seen += chunk
    os.close(controller)
    stdout = process.stdout.read() if process.stdout else ""
    return process.wait(timeout=60), stdout, seen.decode("utf-8", "replace")


def edition(tmp_path: Path) -> Path:
    shutil.copytree(ROOT / "tei", tmp_path / "tei")
    return tmp_path


def test_a_terminal_sees_a_bar_that_is_cleared(tmp_path: Path) -> None:
    folder = edition(tmp_path)
    status, stdout, stderr = on_a_terminal(["validate", "tei", "-j", "1"], folder)
    assert status == 0
    assert "validating [" in stderr and "4/4" in stderr
    assert stderr.endswith("\r\x1b[K")  # cleared: the summary stands alone
    assert "validated 4 files" in stdout
    status, stdout, stderr = on_a_terminal(["build", "tei", "-o", "build", "--only", "html", "-j", "1"],
                                           folder)
    assert status == 0, stderr
    assert "building html [" in stderr and "1/1" in stderr
    assert "html: 1 rebuilt" in stdout


def test_a_log_gets_only_the_summary(tmp_path: Path) -> None:
    folder = edition(tmp_path)
    result = teikit(["build", "tei", "-o", "build", "--only", "html", "-j", "1"], folder)
    assert result.returncode == 0
    assert "\r" not in result.stderr and "[#" not in result.stderr
    assert result.stdout.splitlines()[-1].startswith("html: 1 rebuilt, 0 up to date, ")

"""Running the real `teikit` command line in a child process, and `teikit serve` for a moment.

A module with its own name (not a conftest.py), shared by tests/config and tests/package.
"""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path

import httpx


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port: int = sock.getsockname()[1]
        return port


def teikit(args: Sequence[str], cwd: Path, python: str = sys.executable,
           env: dict[str, str] | None = None, timeout: float = 300,
           program: Sequence[str] | None = None) -> subprocess.CompletedProcess[str]:
    """`python -m toolkit ARGS` (or `program ARGS`) in `cwd`, output captured."""
    command = [*(program or (python, "-m", "toolkit")), *args]
    return subprocess.run(command, cwd=cwd, env=env or dict(os.environ),
                          capture_output=True, text=True, timeout=timeout, check=False)


@contextmanager
def serving(args: Sequence[str], cwd: Path, python: str = sys.executable,
            env: dict[str, str] | None = None) -> Iterator[str]:
    """`teikit serve ARGS --port P` running until the block ends; yields its base URL."""
    port = free_port()
    process = subprocess.Popen([python, "-m", "toolkit", "serve", *args, "--port", str(port)],
                               cwd=cwd, env=env or dict(os.environ),
                               stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 60
        while True:
            if process.poll() is not None:
                raise AssertionError(f"teikit serve exited {process.returncode}: "
                                     f"{process.stdout.read() if process.stdout else ''}")
            try:
                httpx.get(base + "/", timeout=2)
                break
            except httpx.TransportError:
                if time.monotonic() > deadline:
                    raise AssertionError("teikit serve did not start within 60 s") from None
                time.sleep(0.2)
        yield base
    finally:
        process.terminate()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()
        if process.stdout:
            process.stdout.close()

"""A progress bar for corpus work, on stderr when it is a terminal, and nothing otherwise.

Off a terminal (a log, CI, a pipe) each command's one-line summary says what was done; a bar
there would only be noise. On a terminal the bar is one line, redrawn in place at most ten
times a second, and cleared before the command prints anything, so it never mixes with the
diagnostics. No dependency: a few lines do what is needed.
"""

from __future__ import annotations

import shutil
import sys
import time
from collections.abc import Iterable, Iterator
from types import TracebackType
from typing import TextIO, TypeVar

T = TypeVar("T")


class Progress:
    def __init__(self, label: str, total: int | None = None, stream: TextIO | None = None,
                 enabled: bool | None = None) -> None:
        self.label = label
        self.total = total
        self.done = 0
        self.stream = stream or sys.stderr
        self.enabled = self.stream.isatty() if enabled is None else enabled
        self._drawn = 0.0
        self._visible = False

    def advance(self, count: int = 1) -> None:
        self.done += count
        now = time.monotonic()
        if self.enabled and (now - self._drawn >= 0.1 or self.done == self.total):
            self._drawn = now
            self._draw()

    def clear(self) -> None:
        """Remove the bar (before printing anything else); the next advance draws it again."""
        if self._visible:
            self.stream.write("\r\x1b[K")
            self.stream.flush()
            self._visible = False

    def wrap(self, items: Iterable[T]) -> Iterator[T]:
        """Each item, with the bar cleared while the caller handles it and advanced after."""
        for item in items:
            self.clear()
            yield item
            self.advance()

    def _draw(self) -> None:
        width = shutil.get_terminal_size((80, 20)).columns
        if self.total:
            count = f" {self.done}/{self.total}"
            room = max(10, min(40, width - len(self.label) - len(count) - 8))
            filled = room * min(self.done, self.total) // self.total
            line = f"{self.label} [{'#' * filled}{'.' * (room - filled)}]{count}"
        else:
            line = f"{self.label}: {self.done}"
        self.stream.write("\r\x1b[K" + line[: width - 1])
        self.stream.flush()
        self._visible = True

    def __enter__(self) -> Progress:
        return self

    def __exit__(self, kind: type[BaseException] | None, error: BaseException | None,
                 traceback: TracebackType | None) -> None:
        self.clear()

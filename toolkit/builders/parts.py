"""The volume's parts typeset in parallel over `-j N` processes, the same bytes as in turn (#13).

A part's first page is the page after the last of the part before it, so the parts' folios
chain: typeset one after another, a volume of 1,000 documents used one core. But a part's
layout does not depend on its first page (only its folios do: volume-part.typ), and Typst
typesets a part again from another first page in the same process for a fifth of the first
compile, its layout memoised (the first page is a file there, not in sys.inputs). So:

- the lowest part not yet placed starts from its real first page (the parts before it are
  placed: the page after theirs);
- a later part starts at once from a guessed first page (the real one of the lowest, plus
  the page counts known or last typeset of the parts between) when a process is free and it
  must be typeset in any case: unless its cache holds its XML typeset from that guess (then
  it waits to be looked up with its real first page; one started on a guess that the cache
  holds at its real first page after all is stopped and taken from the cache);
- each process reports its page count (which improves the guesses) and waits; when the parts
  before it are placed it is told its real first page: the same, its PDF is the part's, or
  another, and it typesets the part again, reusing its layout.

Each part's PDF is therefore what one compile from its real first page gives, as when the
parts were typeset in turn (Typst's output does not depend on what it memoised: `cmp`-tested
across -j 1 and -j 2); the parent writes each into the cache in part order, and prints the
warnings of that compile only. A process typesets one part and ends, Typst's memory going
with it: at most N parts are held at once, one a process. With -j 1 no guess is made.
"""

from __future__ import annotations

import io
import multiprocessing
import os
import sys
from collections.abc import Sequence
from dataclasses import dataclass
from multiprocessing.connection import Connection, wait
from multiprocessing.process import BaseProcess
from pathlib import Path
from typing import TYPE_CHECKING

from toolkit.builders.base import BuildConfig
from toolkit.errors import Diagnostic, ToolkitError

if TYPE_CHECKING:
    from toolkit.builders.volume import Part, PartXml, VolumeAssembler


@dataclass(frozen=True)
class Compiled:
    """One compile of a part: the first page it was typeset from, the PDF and its page
    count, the part's report and the compile's warnings (not printed by the child)."""

    first: int
    pdf: bytes
    pages: int
    report: object
    warnings: list[Diagnostic]


@dataclass
class _Running:
    """A part's process: the first page it was last asked for, and its compile from it
    once reported (it then waits for its real first page)."""

    process: BaseProcess
    conn: Connection
    first: int
    compiled: Compiled | None = None


class PartProcesses:
    """Places a volume's parts (VolumeAssembler's `place`) over `slots` processes."""

    def __init__(self, config: BuildConfig, slots: int, source: str, paths: dict[str, str]) -> None:
        self.config = config
        self.slots = max(1, slots)
        self.source = source  # the TEI folder: where a part's error is reported
        self.paths = paths  # document id -> TEI path: a part's warnings name them
        self.diagnostics: list[Diagnostic] = []  # the warnings of the compiles kept
        self.compiles = 0  # compiles run (a part typeset again from its real first page: two)
        self._context = multiprocessing.get_context("spawn")

    def place(self, assembler: VolumeAssembler, parts: Sequence[PartXml], front: int) -> list[Part]:
        placed: list[Part] = []
        running: dict[int, _Running] = {}  # part index -> its process
        measured: dict[int, int] = {}  # part index -> page count reported by this build
        first = front + 1  # the real first page of the lowest part not placed
        try:
            while len(placed) < len(parts):
                low = len(placed)
                current = running.get(low)
                if current is None or current.first != first:  # not started, or from a guess
                    part = assembler.cached(low + 1, parts[low], first)
                    if part is not None:  # the cache has it at its real first page after all
                        if current is not None:
                            self._stop(running.pop(low))
                        placed.append(part)
                        first += part.pages
                        continue
                if current is None:
                    running[low] = self._start(parts[low], first)
                elif current.compiled is not None:
                    if current.compiled.first == first:
                        done = current.compiled
                        self._close(running.pop(low))
                        placed.append(assembler.store(low + 1, parts[low], first, done.pdf, done.pages,
                                                      done.report))
                        self._report(done.warnings)
                        first += done.pages
                        continue
                    self._ask(current, first)  # a wrong guess: typeset again, its layout reused
                self._guess(assembler, parts, running, measured, low, first)
                self._receive(running, measured)
        finally:
            for process in running.values():
                self._stop(process)
        return placed

    def _guess(self, assembler: VolumeAssembler, parts: Sequence[PartXml], running: dict[int, _Running],
               measured: dict[int, int], low: int, first: int) -> None:
        """Start later parts from guessed first pages while processes are free."""
        guess = first
        for index in range(low, len(parts)):
            if len(running) >= self.slots:
                return
            if index > low and index not in running and assembler.cached(index + 1, parts[index], guess) is None:
                running[index] = self._start(parts[index], guess)
            pages = measured.get(index, assembler.previous_pages(index + 1))
            if pages is None:  # nothing known: as many as the parts measured had on average
                pages = sum(measured.values()) // len(measured) if measured else 0
            guess += pages

    def _start(self, part: PartXml, first: int) -> _Running:
        parent, child = self._context.Pipe()
        process = self._context.Process(target=_serve, daemon=True,
                                        args=(child, self.config, str(part.path), self.source, self.paths,
                                              os.getpid()))
        process.start()
        child.close()
        running = _Running(process, parent, first)
        self._ask(running, first)
        return running

    def _ask(self, running: _Running, first: int) -> None:
        running.first, running.compiled = first, None
        running.conn.send(first)
        self.compiles += 1

    def _close(self, running: _Running) -> None:
        running.conn.send(None)
        running.process.join()
        running.conn.close()

    def _stop(self, running: _Running) -> None:
        running.process.kill()
        running.process.join()
        running.conn.close()

    def _receive(self, running: dict[int, _Running], measured: dict[int, int]) -> None:
        """Wait until a process reports a compile (or dies)."""
        busy = [(index, r) for index, r in running.items() if r.compiled is None]
        # its pipe, and its end (a crash, or killed by the system)
        waiting: dict[object, tuple[int, _Running]] = {r.conn: (i, r) for i, r in busy}
        waiting.update({r.process.sentinel: (i, r) for i, r in busy})
        for ready in wait([r.conn for _, r in busy] + [r.process.sentinel for _, r in busy]):
            index, process = waiting[ready]
            if process.compiled is not None:  # its pipe and its end both ready
                continue
            if not isinstance(ready, Connection) and not process.conn.poll():
                raise ToolkitError(f"the process typesetting part {index + 1} of the volume ended abruptly",
                                   self.source)
            try:
                result = process.conn.recv()
            except EOFError:  # it died before it could say anything
                raise ToolkitError(f"the process typesetting part {index + 1} of the volume ended abruptly",
                                   self.source) from None
            if isinstance(result, Diagnostic):
                raise ToolkitError(result.message, result.path, result.line, result.column, result.rule)
            assert isinstance(result, Compiled)
            process.compiled = result
            measured[index] = result.pages

    def _report(self, warnings: list[Diagnostic]) -> None:
        for warning in warnings:
            self.diagnostics.append(warning)
            print(warning.format(), file=sys.stderr)


def _serve(conn: Connection, config: BuildConfig, xml: str, source: str, paths: dict[str, str],
           parent: int) -> None:
    """A part's process: typeset the part from each first page it is sent, until None.
    A ToolkitError goes back as its Diagnostic (pickling would lose its place)."""
    from toolkit.builders.safety import die_with_parent
    die_with_parent(parent)
    import pikepdf

    from toolkit.builders.pdf import PART_TEMPLATE, PdfBuilder
    builder = PdfBuilder(config)
    builder.document_paths = paths
    builder.echo = False  # the parent prints the warnings of the compile it keeps
    text = Path(xml).read_text("utf-8")
    while (first := conn.recv()) is not None:
        builder.diagnostics = []
        try:
            pdf, report = builder._typeset_reporting(PART_TEMPLATE, text, {"first": str(first)}, source)
        except ToolkitError as error:
            conn.send(error.diagnostic)
            continue
        with pikepdf.open(io.BytesIO(pdf)) as typeset:
            pages = len(typeset.pages)
        conn.send(Compiled(first, pdf, pages, report, builder.diagnostics))
    conn.close()

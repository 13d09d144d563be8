"""Per-document work on a Dask distributed cluster (`--scheduler ADDRESS`, or `[cluster]` in
teikit.toml), for `convert`, `validate`, `import` and `build` alike (issue #13).

One mechanism (`run`): the command gives a `prepare` (a picklable callable: the conversion
context, the compiled schemas, the import context, a prepared builder) and a `work(state,
item)`; a WorkerPlugin calls `prepare` once per worker process, and each task runs `work` with
that state. Only strings and bytes cross the wire (paths, the sources' bytes, what was made,
Diagnostics), never a Saxon, Typst or lxml object. Results come back in input order, with a
bounded number of tasks in flight, so the command reports and writes exactly as it does
locally (same order, same diagnostics, same exit codes).

Transfer (`[cluster] transfer`): with `shared-folder`, workers read the sources (and, for
`build`, write the outputs) at the same absolute paths as the command, so the folders must be
shared. With `bytes`, workers need no shared folder: the command sends the sources' bytes (and,
once per worker, the registers and the edition's texts), the worker rebuilds the command's
absolute paths under a private folder (so relative links come out as on the command's side:
`Mirror`) and returns the bytes of what it made, which the command writes atomically.
`convert` and `import` always write on the command's side (numbers must be made unique in
input order). Validation runs on the cluster with a shared folder only (a document's declared
schemas are files beside it); with `bytes` it runs on the command's machine.

A worker that dies mid-task leaves nothing half-written (every file is written atomically
from bytes) and Dask gives its tasks to another worker; only when a task has killed
`distributed.scheduler.allowed-failures` workers (3) does the command fail, naming the file.

dask[distributed] is an optional dependency (`pip install 'teikit[cluster]'`).
"""

from __future__ import annotations

import argparse
import hashlib
import os
import pickle
import shutil
import tempfile
import threading
from collections import Counter, deque
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TypeVar

from toolkit.config import ClusterSettings
from toolkit.errors import Diagnostic, ToolkitError, UsageError

T = TypeVar("T")
R = TypeVar("R")

#: tasks in flight per worker thread: enough to keep every worker busy, few enough that the
#: results waiting to be written stay bounded (a corpus is never all in memory at once)
IN_FLIGHT_PER_THREAD = 8


def add_arguments(parser: argparse.ArgumentParser, work: str, config: bool = False) -> None:
    """`--scheduler`, the same for every command that runs per-document work; `config`: also
    `--config`, for commands whose edition folder is their output (convert, import)."""
    parser.add_argument("--scheduler", default="", metavar="ADDRESS",
                        help=f"{work} on the Dask cluster of this scheduler (tcp://HOST:8786; "
                             "default: [cluster] scheduler of teikit.toml, else local worker "
                             "processes)")
    if config:
        parser.add_argument("--config", type=Path, default=None, metavar="FILE",
                            help="the edition's teikit.toml, for its [cluster] section (default: in "
                                 "DIR or its parent folder)")


def settings(scheduler: str, configured: ClusterSettings) -> ClusterSettings:
    """The command line's --scheduler wins over the configuration's; transfer is configured."""
    return ClusterSettings(scheduler or configured.scheduler, configured.transfer)


def _distributed() -> Any:
    try:
        import distributed
    except ImportError:
        raise UsageError("--scheduler needs Dask: pip install 'teikit[cluster]' "
                         "(dask[distributed])") from None
    return distributed


def _connect(address: str) -> Any:
    try:
        return _distributed().Client(address, timeout="30s")
    except (OSError, TimeoutError, ValueError) as error:
        raise UsageError(f"cannot reach the Dask scheduler at {address}: {error}") from None


@dataclass(frozen=True)
class _Failed:
    """A ToolkitError on a worker, sent back as its Diagnostic (an exception crossing the wire
    by pickling would lose the file and line it carries)."""

    diagnostic: Diagnostic


def _raise(diagnostic: Diagnostic) -> None:
    raise ToolkitError(diagnostic.message, diagnostic.path, diagnostic.line, diagnostic.column,
                       diagnostic.rule)


#: on a worker: how many times each plugin prepared (once per worker process; a test reads it)
PREPARED: Counter[str] = Counter()


def plugin_name(prepare: Callable[[], Any]) -> str:
    """What is prepared and with what (a hash of the pickled call): two runs at once with
    other options each have their own plugin."""
    label = getattr(getattr(prepare, "func", prepare), "__name__", "work").strip("_")
    return f"teikit-{label}-{hashlib.sha256(pickle.dumps(prepare)).hexdigest()[:16]}"


def make_plugin(name: str, prepare: Callable[[], Any]) -> Any:
    """A WorkerPlugin that calls `prepare` once per worker process and keeps its state. Tasks
    on one worker use the state one at a time (Saxon and lxml objects are not shared between
    threads); start workers with `--nthreads 1` and as many `--nworkers` as cores."""
    distributed = _distributed()

    class Prepare(distributed.WorkerPlugin):  # type: ignore[misc,name-defined]
        def __init__(self) -> None:
            self.name = name
            self.prepare = prepare
            self.state: Any = None
            self.failure: Diagnostic | None = None
            self.lock: threading.Lock | None = None

        def setup(self, worker: Any) -> None:
            self.lock = threading.Lock()
            from toolkit import cluster  # this module on the worker (the class travels by value)
            cluster.PREPARED[self.name] += 1
            try:
                self.state = self.prepare()
            except ToolkitError as error:  # reported by the first task, with its file and line
                self.failure = error.diagnostic

        def teardown(self, worker: Any) -> None:
            close = getattr(self.state, "close", None)
            if callable(close):
                close()  # a mirror's private folder
            self.state = None

    return Prepare()


def _task(name: str, work: Callable[[Any, Any], Any], item: Any) -> Any:
    """Runs on a worker: one item with the worker's prepared state."""
    plugin = _distributed().get_worker().plugins[name]
    with plugin.lock:
        if plugin.failure is not None:
            return _Failed(plugin.failure)
        try:
            return work(plugin.state, item)
        except ToolkitError as error:
            return _Failed(error.diagnostic)


def run(address: str, prepare: Callable[[], Any], work: Callable[[Any, Any], R],
        items: Sequence[T], send: Callable[[T], Any] = lambda item: item,
        shown: Callable[[T], str] = str) -> Iterator[R]:
    """`work(prepare(), send(item))` for each item on the cluster's workers, results in input
    order. `send` runs when the item's task is submitted (reading a source's bytes then keeps
    only the tasks in flight in memory).

    A ToolkitError on a worker is raised here, as it would be locally; a task whose workers kept
    dying is a ToolkitError naming `shown(item)`."""
    if not items:
        return
    distributed = _distributed()
    with _connect(address) as client:
        name = plugin_name(prepare)
        client.register_plugin(make_plugin(name, prepare), name=name)
        try:
            yield from _results(distributed, client, name, work, items, send, shown)
        finally:
            # what the workers prepared is released with the run: a long-lived cluster does not
            # keep a compiled builder per configuration it has ever seen
            client.unregister_worker_plugin(name)


def _results(distributed: Any, client: Any, name: str, work: Callable[[Any, Any], R],
             items: Sequence[T], send: Callable[[T], Any], shown: Callable[[T], str]
             ) -> Iterator[R]:
    """The tasks' results in order, at most `window` in flight (submitted as others finish)."""
    window = max(4, IN_FLIGHT_PER_THREAD * sum(client.nthreads().values()))
    pending: deque[tuple[T, Any]] = deque()
    queue = iter(items)

    def submit() -> None:
        for item in queue:
            # pure=False: asked again, an item is worked again, never served from memory
            pending.append((item, client.submit(_task, name, work, send(item), pure=False)))
            return

    for _ in range(window):
        submit()
    while pending:
        item, future = pending.popleft()
        try:
            result = future.result()
        except distributed.client.FutureCancelledError:
            raise ToolkitError("the Dask scheduler cancelled the work (was it shut down?)",
                               shown(item)) from None
        except distributed.scheduler.KilledWorker:
            raise ToolkitError("the cluster's workers died while working on this file, "
                               "each time it was tried", shown(item)) from None
        future.release()
        submit()
        if isinstance(result, _Failed):
            _raise(result.diagnostic)
        yield result




# -- transfer = "bytes": the command's paths rebuilt on a worker --------------------------------

def files_in(folder: Path, pattern: str = "*.xml") -> dict[str, bytes]:
    """A folder's files (the registers) by absolute path, to be sent to the workers once."""
    if not folder.is_dir():
        return {}
    return {str(p.resolve()): p.read_bytes() for p in sorted(folder.glob(pattern)) if p.is_file()}


class Mirror:
    """On a worker: a private folder under which the command's absolute paths are rebuilt, so
    that paths relative to one another (a document's link to a register, the print XML's link
    to its templates) come out as they do on the command's side."""

    def __init__(self, files: Mapping[str, bytes] = {}) -> None:
        self.root = Path(tempfile.mkdtemp(prefix="teikit-mirror-")).resolve()
        for path, data in files.items():
            self.put(path, data)

    def path(self, outside: str | Path) -> Path:
        absolute = Path(outside)
        return self.root / absolute.relative_to(absolute.anchor)

    def outside(self, inside: Path) -> Path:
        return Path("/") / inside.relative_to(self.root)

    def put(self, outside: str | Path, data: bytes) -> Path:
        target = self.path(outside)
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(data)
        return target

    def close(self) -> None:
        shutil.rmtree(self.root, ignore_errors=True)


def snapshot(folder: Path) -> dict[Path, tuple[int, int, int]]:
    """Each file under `folder` with what changes when it is written (inode, size, mtime)."""
    found: dict[Path, tuple[int, int, int]] = {}
    for parent, _dirs, names in os.walk(folder):
        for file_name in names:
            path = Path(parent) / file_name
            try:
                stat = path.stat()
            except FileNotFoundError:
                continue
            found[path] = (stat.st_ino, stat.st_size, stat.st_mtime_ns)
    return found


def taken_from(folder: Path, before: Mapping[Path, tuple[int, int, int]]) -> list[tuple[str, bytes]]:
    """The files under `folder` written since `before` (relative path, bytes), removed from it:
    the worker keeps only what it prepared, and what it sends back is all it made."""
    made = []
    for path, stamp in sorted(snapshot(folder).items()):
        if before.get(path) != stamp and not path.name.endswith(".tmp"):
            made.append((path.relative_to(folder).as_posix(), path.read_bytes()))
            path.unlink()
    return made


def shown_path(text: str, read: str, shown: str) -> str:
    """A worker's message with the absolute path it read (or a path beside it: a declared
    schema) put back as the command named it."""
    if read == shown:
        return text
    text = text.replace(read, shown)
    folder = str(Path(shown).parent)
    return text.replace(str(Path(read).parent) + os.sep, "" if folder == "." else folder + os.sep)

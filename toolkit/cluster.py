"""Per-document build work on a Dask distributed cluster (`teikit build --scheduler ADDRESS`).

Each worker prepares the builder once (stylesheets compiled, fonts loaded) in a WorkerPlugin,
then renders the documents it is given. Only strings cross the wire: a document's path out, the
paths of the files written (or a Diagnostic, a small dataclass of strings) back; never a Saxon,
Typst or lxml object. Workers write into the output folder, which must be the same path on every
machine (a shared folder); every file is written atomically, so a worker that dies mid-document
leaves nothing half-written, and Dask gives its documents to another worker. The edition-wide
pages (`finish`) are made by the command itself, after every document.

dask[distributed] is an optional dependency (`pip install teikit[cluster]`).
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from toolkit.errors import Diagnostic, ToolkitError, UsageError

if TYPE_CHECKING:
    from toolkit.builders.base import Builder, BuildConfig, Document


def _distributed() -> Any:
    try:
        import distributed
    except ImportError:
        raise UsageError("--scheduler needs Dask: pip install 'teikit[cluster]' "
                         "(dask[distributed])") from None
    return distributed


def plugin_name(builder_type: type[Builder], config: BuildConfig) -> str:
    """One plugin per builder and configuration: a later build with other settings prepares anew."""
    digest = hashlib.sha256(f"{builder_type.__module__}.{builder_type.__qualname__}\0"
                            f"{config!r}".encode()).hexdigest()[:16]
    return f"teikit-{builder_type.name}-{digest}"


def make_plugin(builder_type: type[Builder], config: BuildConfig) -> Any:
    """A WorkerPlugin that makes and prepares the builder once per worker process."""
    distributed = _distributed()

    class PrepareBuilder(distributed.WorkerPlugin):  # type: ignore[misc,name-defined]
        def __init__(self) -> None:
            self.name = plugin_name(builder_type, config)
            self.builder_type = builder_type
            self.config = config
            self.builder: Builder | None = None

        def setup(self, worker: Any) -> None:
            self.builder = self.builder_type(self.config)
            self.builder.prepare()

    return PrepareBuilder()


def write_on_worker(name: str, path: str) -> list[str] | Diagnostic:
    """Runs on a worker: render one document with the worker's prepared builder."""
    from toolkit.builders.base import Document
    plugin = _distributed().get_worker().plugins[name]
    try:
        return [str(p) for p in plugin.builder.write_one(Document(Path(path)))]
    except ToolkitError as error:
        return error.diagnostic


def write_documents(address: str, builder_type: type[Builder], config: BuildConfig,
                    documents: Sequence[Document]) -> Iterator[list[Path] | Diagnostic]:
    """Each document's written files (or its Diagnostic), in order, rendered on the cluster."""
    distributed = _distributed()
    try:
        client = distributed.Client(address, timeout="30s")
    except (OSError, TimeoutError) as error:
        raise UsageError(f"cannot reach the Dask scheduler at {address}: {error}") from None
    with client:
        plugin = make_plugin(builder_type, config)
        client.register_plugin(plugin, name=plugin.name)
        # pure=False: a document is rendered again when asked, never served from Dask's memory
        futures = client.map(write_on_worker, [plugin.name] * len(documents),
                             [str(d.path) for d in documents], pure=False)
        for future in futures:
            result = future.result()
            yield result if isinstance(result, Diagnostic) else [Path(p) for p in result]

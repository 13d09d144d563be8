"""The build lifecycle shared by every output format, in the manner of Sphinx builders.

A builder says which of its own files (stylesheets, templates) shape its output; a build
hashes those, the configuration, the registers and each document, and rebuilds only the
documents whose combined hash changed (content hashes, never modification times). Per-
document work runs in worker processes, each of which prepares the builder once (compiling
its stylesheets once per process), then the builder's `finish` makes edition-wide pages.
"""

from __future__ import annotations

import hashlib
import json
import multiprocessing
import os
import re
from collections.abc import Sequence
from concurrent.futures import ProcessPoolExecutor
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import ClassVar, Protocol

from toolkit import filestate
from toolkit.config import EditionConfig
from toolkit.errors import Diagnostic, InputError, ToolkitError
from toolkit.output import write_atomic
from toolkit.builders.images import images_hash
from toolkit.builders.safety import die_with_parent
from toolkit.progress import Progress


@dataclass(frozen=True)
class BuildConfig:
    """What a build reads and where it writes; part of every output's hash."""

    source_dir: Path = Path("tei")
    output_dir: Path = Path("build")
    edition: EditionConfig = EditionConfig()  # teikit.toml
    edition_title: str = ""  # overrides the configured title when set
    base_url: str = ""  # overrides the configured base URL when set
    font_dirs: tuple[Path, ...] = ()
    jobs: int = 1
    force: bool = False
    scheduler: str = ""  # a Dask scheduler's address: per-document work on its cluster
    transfer: str = "shared-folder"  # or "bytes": workers without the folders (toolkit/cluster.py)

    @property
    def registers_dir(self) -> Path:
        return self.source_dir / "registers"

    @property
    def title(self) -> str:
        return self.edition_title or self.edition.title

    @property
    def url(self) -> str:
        return self.base_url or self.edition.base_url

    @property
    def root(self) -> Path:
        """The edition's folder (the TEI folder's parent): paths inside it are hashed relative
        to it, so that a copied or moved edition is the same edition."""
        return self.source_dir.parent

    def fingerprint(self, *, documents: bool = False) -> str:
        """The build's settings (`documents`: only those a document's outputs depend on)."""
        data = asdict(self)
        for volatile in ("jobs", "force", "output_dir", "scheduler", "transfer"):
            data.pop(volatile)
        data["source_dir"] = self.source_dir.name
        data["font_dirs"] = [edition_name(Path(p), self.root) for p in self.font_dirs]
        data["edition"] = self.edition.fingerprint(documents=documents)
        return hashlib.sha256(json.dumps(data, sort_keys=True, default=str).encode()).hexdigest()


@dataclass(frozen=True)
class Document:
    """One TEI document of the edition, named by its file stem (the document number)."""

    path: Path

    @property
    def id(self) -> str:
        return self.path.stem


@dataclass
class Edition:
    config: BuildConfig
    documents: list[Document] = field(default_factory=list)

    @classmethod
    def load(cls, config: BuildConfig) -> Edition:
        docs = sorted((Document(p) for p in config.source_dir.glob("*.xml")), key=lambda d: d.id)
        return cls(config, docs)

    def registers(self) -> list[Path]:
        return sorted(self.config.registers_dir.glob("*.xml"))


#: the pages a build makes beside the documents' own `ID.html` (and the volume, `edition.pdf`):
#: a document of one of these names would overwrite one, or be overwritten
GENERATED_PAGES = frozenset({"index", "timeline", "search", "about", "abbreviations", "persons",
                             "places", "organisations", "edition"})
#: the numbered ones: index pages, and an entry's further register pages (KIND-ENTRY-N)
#: and the print volumes when split ([print] volume_by: edition-1.pdf, edition-1961.pdf ...)
_NUMBERED_PAGE = re.compile(r"index-\d+|(?:persons|places|organisations)-.+-\d+|edition-.+")


def check_names(edition: Edition) -> None:
    """Refuse a document whose id is the name of a generated page (`index`, `persons`,
    `index-2`...), before anything is written: its page and the generated one would be the
    same file. Compared without case, so that the edition copied to a case-insensitive file
    system (macOS, Windows) keeps every page."""
    for document in edition.documents:
        name = document.id.casefold()
        if name in GENERATED_PAGES or _NUMBERED_PAGE.fullmatch(name):
            raise InputError(f"the document id {document.id!r} is the name of a page the build "
                             f"makes ({name}.html{', edition.pdf' if name == 'edition' else ''}); "
                             "rename the file (nothing was published)", str(document.path), 1)


class Builder(Protocol):
    """One output format. Instances are created per process; `prepare` runs once per process."""

    name: ClassVar[str]

    def __init__(self, config: BuildConfig) -> None: ...

    def inputs(self) -> Sequence[Path]:
        """The builder's own files whose content shapes every output (stylesheets, templates)."""
        ...

    def environment(self) -> str:
        """A cheap stamp of what outside the edition and the builder shapes every output (the
        fonts found on this machine); '' if nothing does."""
        ...

    def prepare(self) -> None:
        """Per-process set-up: compile stylesheets, load fonts."""
        ...

    def write_one(self, document: Document) -> list[Path]:
        """Render one document; returns the files written."""
        ...

    def finish(self, edition: Edition, rebuilt: Sequence[Document]) -> list[Path]:
        """Edition-wide outputs (index pages, search index, volume) after the documents."""
        ...


class RegisterScoped(Protocol):
    """Optional parts of a builder (looked up with getattr). A builder may say what each document's output takes from the registers
    (`register_keys`: document id -> a digest of it): its documents are then keyed on that, not
    on the registers' bytes, so a register edit rebuilds only the documents it changes
    (EpubBuilder). Its `finish` still runs on any register edit."""

    def register_keys(self, documents: Sequence[Document]) -> dict[str, str]: ...

    def edition_stamp(self) -> str:
        """What the edition-wide outputs show of outside the documents that is not in the
        builder's inputs (the web's about page: whether the EPUB is there; its index: the
        print volumes): `finish` runs when it changed, no document having changed."""
        ...

    #: True when `finish` prepares what it uses itself (run_builder then does not call
    #: `prepare` before it): Saxon, Typst and fonts stay out of a parent that needs none
    PREPARES_ITSELF: ClassVar[bool]

    #: the documents a worker must have to be started (default 1): below twice that, -j 2
    #: writes them in the build's own process, which costs less than a worker's start-up
    DOCUMENTS_PER_WORKER: ClassVar[int]


#: the toolkit's installation (the repository, or site-packages for a wheel): its own files
#: (stylesheets, templates, modules) are hashed by their names inside it
TOOLKIT_ROOT = Path(__file__).resolve().parents[2]


def edition_name(path: Path, root: Path | None) -> str:
    """A path as a hash names it: relative to the edition's folder when inside it (a copied
    or moved edition rebuilds nothing), else relative to the toolkit's installation (the
    builders' inputs: a re-cloned or moved toolkit rebuilds nothing either), else as given
    (font folders elsewhere)."""
    absolute = filestate.absolute(path)
    for base in (root, TOOLKIT_ROOT):
        if base is not None:
            folder = filestate.absolute(base)
            if absolute == folder:
                return "."
            prefix = folder if folder.endswith(os.sep) else folder + os.sep  # "/" itself ends so
            if absolute.startswith(prefix):  # strings, not Paths: 3 builders ask per document
                return absolute[len(prefix):].replace(os.sep, "/")
    return path.as_posix()


def file_hash(*paths: Path, root: Path | None = None) -> str:
    """The names (relative to `root` when inside it) and contents of files, in the order given.
    Each file's content is its SHA-256 from the process's file index (toolkit/filestate.py): a
    file whose stat is unchanged since it was last hashed, in this process or by the last
    build, is not read again."""
    digest = hashlib.sha256()
    for path in paths:
        digest.update(edition_name(path, root).encode() + b"\0" + filestate.sha256(path).encode()
                      + b"\n")
    return digest.hexdigest()


class Manifest:
    """Content hashes of the inputs each output was built from, kept beside the output."""

    def __init__(self, path: Path) -> None:
        self.path = path
        try:
            self.entries: dict[str, str] = json.loads(path.read_text("utf-8"))
        except (FileNotFoundError, ValueError):
            self.entries = {}

    def save(self) -> None:
        write_atomic(self.path, json.dumps(self.entries, indent=1, sort_keys=True).encode())


@dataclass(frozen=True)
class BuildReport:
    builder: str
    rebuilt: tuple[str, ...]
    skipped: tuple[str, ...]
    written: tuple[Path, ...]


_WORKER: Builder | None = None


def _init_worker(builder_type: type[Builder], config: BuildConfig, parent: int) -> None:
    global _WORKER
    die_with_parent(parent)
    _WORKER = builder_type(config)
    _WORKER.prepare()


def _write(document: Document) -> list[Path] | Diagnostic:
    """Runs in a worker. A ToolkitError comes back as its Diagnostic: exceptions cross the
    process boundary by pickling, which would lose the file and line they carry."""
    assert _WORKER is not None
    try:
        return _WORKER.write_one(document)
    except ToolkitError as error:
        return error.diagnostic


def run_builder(builder_type: type[Builder], config: BuildConfig,
                progress: Progress | None = None) -> BuildReport:
    """Bring one builder's output up to date with the edition (`progress` counts documents)."""
    edition = Edition.load(config)
    check_names(edition)
    builder = builder_type(config)
    registers = file_hash(*edition.registers(), root=config.root)
    # a builder that says what each document takes from the registers (RegisterScoped) keys
    # its documents on that; the others on the registers' bytes
    scoped = getattr(builder, "register_keys", None)
    shared = hashlib.sha256("".join([
        file_hash(*builder.inputs()), "" if scoped else registers,
        config.fingerprint(documents=True),  # the rest (how the volume is cut) only in "*"
        builder.environment(),
    ]).encode()).hexdigest()
    manifest = Manifest(config.output_dir / f".manifest-{builder_type.name}.json")
    uses: dict[str, str] = scoped(edition.documents) if scoped else {}
    # a document's hash covers the local images it shows (a new scan rebuilds its page and PDF)
    hashes = {doc.id: hashlib.sha256((shared + file_hash(doc.path, root=config.root)
                                      + images_hash(doc.path, config.root)
                                      + uses.get(doc.id, "")).encode()).hexdigest()
              for doc in edition.documents}
    outdated = [doc for doc in edition.documents
                if config.force or manifest.entries.get(doc.id) != hashes[doc.id]]
    written: list[Path] = []
    if progress is not None:
        progress.total = len(outdated)
    prepared = False
    # a builder whose documents are quick names how many make a worker's start-up worth it
    # (RegisterScoped.DOCUMENTS_PER_WORKER): fewer, and no worker is started for them
    per_worker = max(1, getattr(builder, "DOCUMENTS_PER_WORKER", 1))
    jobs = max(1, min(config.jobs, len(outdated) // per_worker, os.cpu_count() or 1))
    if config.scheduler and outdated:
        from toolkit.cluster_tasks import write_documents
        for result in write_documents(config.scheduler, builder_type, config, outdated):
            if isinstance(result, Diagnostic):
                raise ToolkitError(result.message, result.path, result.line, result.column, result.rule)
            written.extend(result)
            if progress is not None:
                progress.advance()
    elif jobs > 1:
        # Workers are spawned, not forked: a fork would copy this process's Saxon VM (if a
        # builder already ran here) into a child where it cannot run.
        with ProcessPoolExecutor(jobs, mp_context=multiprocessing.get_context("spawn"),
                                 initializer=_init_worker,
                                 initargs=(builder_type, config, os.getpid())) as pool:
            chunk = max(1, min(32, len(outdated) // (jobs * 4)))
            for result in pool.map(_write, outdated, chunksize=chunk):
                if isinstance(result, Diagnostic):
                    raise ToolkitError(result.message, result.path, result.line, result.column,
                                       result.rule)
                written.extend(result)
                if progress is not None:
                    progress.advance()
    else:
        if outdated:
            builder.prepare()
            prepared = True
        for doc in outdated:
            written.extend(builder.write_one(doc))
            if progress is not None:
                progress.advance()
    # the edition's pages (registers above all) follow the registers' bytes in any case
    # and what the builder's edition pages show of the other formats (RegisterScoped.edition_stamp)
    stamp = getattr(builder, "edition_stamp", None)
    edition_wide = (shared + (registers if scoped else "") + config.fingerprint() + (stamp() if stamp else "")
                    + str(sorted(hashes.items())))
    edition_changed = bool(outdated) or manifest.entries.get("*") != edition_wide
    if edition_changed or config.force:
        # a builder whose finish prepares what it uses itself (PREPARES_ITSELF) does not load
        # its document stage here only to hand edition-wide work to other processes or skip it
        if not prepared and not getattr(builder, "PREPARES_ITSELF", False):
            builder.prepare()
        written.extend(builder.finish(edition, outdated))
    entries = {**{d: hashes[d] for d in hashes}, "*": edition_wide}
    if entries != manifest.entries or not manifest.path.is_file():  # a no-op writes nothing
        manifest.entries = entries
        manifest.save()
    rebuilt = tuple(d.id for d in outdated)
    skipped = tuple(d.id for d in edition.documents if d.id not in rebuilt)
    return BuildReport(builder_type.name, rebuilt, skipped, tuple(written))

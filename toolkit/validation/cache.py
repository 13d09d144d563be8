"""Validation results cached by content hash (issue #13): a no-op rebuild validates nothing.

A file's report is reused when nothing that could change it has changed: the file's bytes and
path, the schemas that apply (the project's schema folder, every --schema, the local schemas
the file declares in xml-model), the edition's registers, and the options. A register counts by
what the reference check reads of it, its table of xml:id -> element name (or that it cannot
be read), not by its bytes: an edited note or spelling in a register validates the register
again, not the 10,000 documents that point into it; a new or removed entry validates all. The cache is one JSON file (the build keeps it in its output folder,
`.validation-cache.json`, `teikit validate` in the user's cache folder); a damaged or foreign
cache file is ignored, never trusted. The validators' own code is part of the context: an
upgraded toolkit validates everything again.

Computing a key reads nothing that the process's file index (toolkit/filestate.py) already
knows: a file's SHA-256 and the schemas it declares are facts of its content, kept with its
stat, so a no-op run reads no document's bytes.

Cached is the file's own report, before the edition-wide xml:id check, which the runner does
again over every report (it depends on the other files).

No key or entry holds an absolute path: files are named relative to the folder that holds
every validated file (the edition's tei/), schemas and registers relative to it too, and a
file's own diagnostics are kept without its name. A copied or moved edition, its build
folder with it, validates nothing again and reports its files by their new names.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
from collections.abc import Iterable, Sequence
from dataclasses import asdict
from pathlib import Path
from typing import Any
from urllib.parse import unquote, urlsplit

from toolkit import filestate
from toolkit.errors import Diagnostic, Severity, ToolkitError
from toolkit.output import write_atomic
from toolkit.safe_xml import parse_xml
from toolkit.tei import XML_ID
from toolkit.validation.edition import IdOccurrence

VERSION = 4  # 4: registers by their id tables
#: the code whose change may change a report (read once per run: a few files)
CODE = sorted(Path(__file__).parent.glob("*.py")) + [Path(__file__).parents[1] / name for name in (
    "safe_xml.py", "registers.py", "errors.py", "tei.py")]
#: the toolkit's installation: its schemas and code are named inside it, so that a re-cloned
#: or moved toolkit validates nothing again
TOOLKIT = Path(__file__).resolve().parents[2]
_XML_MODEL = re.compile(rb"<\?xml-model\b[^?]*?\bhref\s*=\s*(?:\"([^\"]*)\"|'([^']*)')")


def _digest(*parts: bytes) -> str:
    digest = hashlib.sha256()
    for part in parts:
        digest.update(hashlib.sha256(part).digest())
    return digest.hexdigest()


def relative_name(path: Path, root: Path | None) -> str:
    """`path` as a key names it: relative to `root` (the validated files' folder, absolute)
    when given, so that a key holds no absolute path; as given otherwise."""
    if root is None:
        return path.as_posix()
    absolute, prefix = os.path.abspath(path), os.path.join(root, "")
    if absolute.startswith(prefix):  # the common case, without relpath's cost (10,000 files)
        return absolute[len(prefix):].replace(os.sep, "/")
    return Path(os.path.relpath(absolute, root)).as_posix()


def files_digest(paths: Iterable[Path], root: Path | None = None) -> str:
    """Names (relative to `root` when given) and contents of files, in the order given
    (missing files count as missing)."""
    parts = []
    for path in paths:
        name = relative_name(path, root).encode()
        try:
            parts.append(name + b"\0" + filestate.sha256(path).encode())
        except OSError:
            parts.append(name + b"\0missing")
    return _digest(*parts)


def register_table(data: bytes) -> str:
    """The digest of what the reference check (edition.RegisterCache) reads of a register: its
    xml:id -> element name table; for a file that cannot be parsed, of its bytes (any change
    to it may change the message every reference to it gets)."""
    try:
        root = parse_xml(data, "").getroot()
    except ToolkitError:
        return "unreadable:" + hashlib.sha256(data).hexdigest()
    table = sorted((str(node.get(XML_ID)), str(node.tag).rsplit("}", 1)[-1])
                   for node in root.iter() if isinstance(node.tag, str) and node.get(XML_ID))
    return hashlib.sha256(json.dumps(table).encode()).hexdigest()


def registers_digest(paths: Iterable[Path], root: Path | None = None) -> str:
    """Names (relative to `root`) and id tables of register files (missing ones as missing):
    the part of the registers a document's report depends on."""
    parts = []
    for path in paths:
        name = relative_name(path, root).encode()
        try:
            parts.append(name + b"\0" + str(filestate.fact(path, "register-ids", register_table)).encode())
        except OSError:
            parts.append(name + b"\0missing")
    return _digest(*parts)


def common_folder(files: Sequence[Path]) -> Path | None:
    """The deepest folder holding every file (None for no files)."""
    if not files:
        return None
    return Path(os.path.commonpath([os.path.dirname(os.path.abspath(f)) for f in files]))


def declared_hrefs(data: bytes) -> list[str]:
    """The href of every xml-model processing instruction near the top of a file."""
    return [(match.group(1) or match.group(2) or b"").decode("utf-8", "replace")
            for match in _XML_MODEL.finditer(data[:65536])]


def edition_registers(files: Sequence[Path]) -> list[Path]:
    """The register files next to the validated documents (`registers/*.xml` beside a file or
    its folder's parent, the layouts of the edition's tei/ and of its registers/)."""
    folders = {f.parent for f in files} | {f.parent.parent for f in files}
    return sorted({p for folder in folders for p in (folder / "registers").glob("*.xml")})


class ValidationCache:
    def __init__(self, path: Path, context: str, save_to: Path | None = None,
                 root: Path | None = None) -> None:
        self.source = path
        self.root = root  # files are named relative to it
        self.path = save_to or path  # where this run's results go (the build's trial copy)
        self.context = context
        self.entries: dict[str, dict[str, Any]] = {}
        self.hits = 0
        try:
            data = json.loads(path.read_text("utf-8"))
            if data.get("version") == VERSION and isinstance(data.get("files"), dict):
                self.entries = data["files"]
        except (OSError, ValueError, AttributeError):
            pass
        self._used: dict[str, dict[str, Any]] = {}
        self._names: dict[Path, str] = {}
        self._declared: dict[tuple[str, ...], str] = {}  # (folder, *hrefs) -> schemas' digest

    @classmethod
    def for_run(cls, path: Path, files: Sequence[Path], schemas_dir: Path,
                schemas: Sequence[Path], options: str, save_to: Path | None = None) -> ValidationCache:
        """The cache of one run: its context is everything shared by every file's report."""
        project = sorted(p for p in schemas_dir.rglob("*") if p.is_file())
        root = common_folder(files)
        context = _digest(str(VERSION).encode(), options.encode(), files_digest(project, TOOLKIT).encode(),
                          files_digest(schemas).encode(), files_digest(CODE, TOOLKIT).encode(),
                          registers_digest(edition_registers(files), root).encode())
        return cls(path, context, save_to, root)

    def name(self, file: Path) -> str:
        named = self._names.get(file)
        if named is None:
            named = self._names[file] = relative_name(file, self.root)
        return named

    def key(self, file: Path) -> str | None:
        """The file's key, or None if the file cannot be read (it is validated, to say so)."""
        try:
            content = filestate.sha256(file)
            hrefs = filestate.fact(file, "xml-model", declared_hrefs)
        except OSError:
            return None
        # most files of a folder declare the same schemas: their digest is made once per
        # folder and declaration (no Path per file: 10,000 of them in a one-document rebuild)
        declaration = (os.path.dirname(os.fspath(file)), *hrefs)
        schemas = self._declared.get(declaration)
        if schemas is None:
            declared = []
            for href in hrefs:
                parts = urlsplit(href)
                if parts.scheme in ("", "file") and parts.path:
                    declared.append(file.parent / unquote(parts.path))
            schemas = self._declared[declaration] = files_digest(declared, self.root)
        return _digest(self.context.encode(), self.name(file).encode(), content.encode(),
                       schemas.encode())

    def get(self, file: Path, key: str | None) -> Any:
        """The cached report's fields for this key, or None."""
        entry = self.entries.get(self.name(file))
        if key is None or entry is None or entry.get("key") != key:
            return None
        self.hits += 1
        self._used[self.name(file)] = entry
        return entry

    def put(self, file: Path, key: str | None, diagnostics: Sequence[Diagnostic],
            ids: Sequence[IdOccurrence]) -> None:
        if key is None:
            return
        shown = str(file)
        self._used[self.name(file)] = {
            "key": key,  # the file's own diagnostics without its name ("": the file's, as shown)
            "diagnostics": [{**asdict(d), "severity": d.severity.value,
                             "path": "" if d.path == shown else d.path} for d in diagnostics],
            "ids": [[i.xml_id, i.line, i.column] for i in ids],
        }

    def save(self) -> None:
        """Only this run's files are kept: a file that left the edition leaves the cache.
        Nothing is written when every file's entry is the one read (a no-op run)."""
        if self._used == self.entries and self.source.is_file():
            return
        try:
            write_atomic(self.path, json.dumps({"version": VERSION, "files": self._used},
                                               separators=(",", ":")).encode())
        except OSError:
            pass  # a cache that cannot be written (a full disk) only costs the next run time


def diagnostics_of(entry: Any, file: Path) -> tuple[Diagnostic, ...]:
    """The cached diagnostics, those of the file itself named as it is shown in this run."""
    return tuple(Diagnostic(Severity(d["severity"]), d["message"], d["path"] or str(file), d["line"],
                            d["column"], d["rule"]) for d in entry["diagnostics"])


def ids_of(entry: Any) -> tuple[IdOccurrence, ...]:
    return tuple(IdOccurrence(xml_id, line, column) for xml_id, line, column in entry["ids"])

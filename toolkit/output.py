"""Writing outputs so that a failure never leaves a partial or damaged file behind."""

from __future__ import annotations

import itertools
import os
import shutil
from pathlib import Path

from lxml import etree

from toolkit.resources import schemas_dir
from toolkit.tei import tree_of

_SERIAL = itertools.count()  # temporary names of this process (next() is atomic under the GIL)
_BINARY = getattr(os, "O_BINARY", 0)  # Windows


def link_atomic(source: Path, target: Path) -> None:
    """Publish `source` as `target` without copying where the file system allows (a hard
    link, else a copy), through a temporary name beside it and a rename: a reader of `target`
    sees the old file or the new one, never half of one."""
    temporary = target.parent / f".{target.name}.tmp"
    temporary.unlink(missing_ok=True)
    try:
        os.link(source, temporary)
    except OSError:
        shutil.copyfile(source, temporary)
    os.replace(temporary, target)


def write_atomic(path: Path | str, data: bytes) -> None:
    """Write to a temporary file beside the target, then rename over it. The temporary file
    is created with mode 0666 less the umask (what a published file needs: no chmod), under
    a name of this process (no mkstemp). Plain strings and `os.write`, no pathlib or file
    object: a page writes six files, and pathlib's joins alone were ~0.1 ms of it (web16)."""
    target = os.fspath(path)
    folder, name = os.path.split(target)
    while True:
        tmp = os.path.join(folder, f".{name}.{os.getpid()}.{next(_SERIAL)}.tmp")
        try:
            fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL | _BINARY, 0o666)
            break
        except FileExistsError:  # left by a process of the same id that died: another name
            continue
        except FileNotFoundError:
            os.makedirs(folder or ".", exist_ok=True)
    try:
        try:
            view = memoryview(data)
            while view:  # a write may be short (a signal, a full pipe): the rest after it
                view = view[os.write(fd, view):]
        finally:
            os.close(fd)
        os.replace(tmp, target)
    except BaseException as error:
        try:
            os.unlink(tmp)
        except FileNotFoundError:
            pass
        if isinstance(error, OSError) and not error.filename:
            # ENOSPC from write() names no file: the message must say which output failed
            raise OSError(error.errno, error.strerror, target) from None
        raise


def serialize(tree: etree._ElementTree | etree._Element) -> bytes:
    """The project's canonical serialisation: UTF-8, declaration, two-space indentation."""
    root = tree.getroot() if isinstance(tree, etree._ElementTree) else tree
    return etree.tostring(tree_of(root), xml_declaration=True, encoding="UTF-8",
                          pretty_print=True)


PROJECT_SCHEMAS = schemas_dir()
SCHEMA_PIS = (("teikit.xsd", "http://www.w3.org/2001/XMLSchema"),
              ("teikit.sch", "http://purl.oclc.org/dsdl/schematron"))


def schema_dir_relative(output_dir: Path) -> str:
    """The schemas/ folder a folder of TEI files declares, as a URI relative to it
    (tei -> ../schemas): the edition's own copy beside the folder (`teikit init` makes it)
    when there is one, so that documents never point into wherever teikit is installed;
    else the project's."""
    folder = output_dir.resolve()
    own = folder.parent / "schemas"
    target = own if (own / SCHEMA_PIS[0][0]).is_file() else PROJECT_SCHEMAS
    return Path(os.path.relpath(target, folder)).as_posix()


def with_schema_pis(tree: etree._ElementTree, schema_dir: str) -> etree._ElementTree:
    """Associate the project XSD and Schematron with a document the TEI way: `xml-model`
    processing instructions before the root, as XML editors and `teikit validate` read them.
    Adds them in place (once) and returns the tree."""
    root = tree.getroot()
    present: set[str | None] = set()
    node = root.getprevious()
    while node is not None:
        if isinstance(node, etree._ProcessingInstruction) and node.target == "xml-model":
            present.add(node.get("href"))
        node = node.getprevious()
    for name, namespace in SCHEMA_PIS:
        href = f"{schema_dir.rstrip('/')}/{name}"
        if href not in present:
            root.addprevious(etree.ProcessingInstruction(
                "xml-model", f'href="{href}" type="application/xml" schematypens="{namespace}"'))
    return tree

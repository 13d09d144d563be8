"""Writing outputs so that a failure never leaves a partial or damaged file behind."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

from lxml import etree

from toolkit.resources import schemas_dir
from toolkit.tei import tree_of


def _current_umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


_UMASK = _current_umask()


def write_atomic(path: Path, data: bytes) -> None:
    """Write to a temporary file beside the target, then rename over it."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
        # mkstemp creates 0600; published files must be readable like any other output.
        os.chmod(tmp, 0o666 & ~_UMASK)
        os.replace(tmp, path)
    except BaseException as error:
        try:
            os.unlink(tmp)
        except FileNotFoundError:
            pass
        if isinstance(error, OSError) and not error.filename:
            # ENOSPC from write() names no file: the message must say which output failed
            raise OSError(error.errno, error.strerror, str(path)) from None
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
    """The project's schemas/ folder as a URI relative to a folder of TEI files (tei -> ../schemas)."""
    return Path(os.path.relpath(PROJECT_SCHEMAS, output_dir.resolve())).as_posix()


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

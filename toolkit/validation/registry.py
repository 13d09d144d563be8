"""Which validator kind handles which schema, and a per-process cache of compiled schemas.

A schema is recognised by its `xml-model` @schematypens or, failing that, by its extension.
Compiled validators are kept for the life of the process (keyed by resolved path and
modification time), so a batch compiles each schema once per worker.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path

from toolkit.errors import InputError, UsageError
from toolkit.output import PROJECT_SCHEMAS
from toolkit.validation.base import Validator
from toolkit.validation.relaxng import RelaxNGValidator
from toolkit.validation.schematron import SchematronValidator
from toolkit.validation.xsd import XsdValidator

SCHEMAS_DIR = PROJECT_SCHEMAS
PROJECT_XSD = SCHEMAS_DIR / "teikit.xsd"
PROJECT_SCH = SCHEMAS_DIR / "teikit.sch"
# documents imported from other archives declare these instead (schemas/README.md, "Imported documents")
IMPORT_RNG = SCHEMAS_DIR / "teikit-import.rng"
IMPORT_SCH = SCHEMAS_DIR / "teikit-import.sch"

XSD_NS = "http://www.w3.org/2001/XMLSchema"
RNG_NS = "http://relaxng.org/ns/structure/1.0"
SCH_NS = "http://purl.oclc.org/dsdl/schematron"
SCH_NS_OLD = "http://www.ascc.net/xml/schematron"

KIND_BY_NAMESPACE = {XSD_NS: "xsd", RNG_NS: "rng", SCH_NS: "sch", SCH_NS_OLD: "sch"}
KIND_BY_EXTENSION = {".xsd": "xsd", ".rng": "rng", ".sch": "sch"}

Factory = Callable[[Path, str, bool], Validator]
KINDS: dict[str, Factory] = {
    "xsd": lambda path, label, thorough: XsdValidator(path, label, thorough),
    "rng": lambda path, label, thorough: RelaxNGValidator(path, label),
    "sch": lambda path, label, thorough: SchematronValidator(path, label),
}

_CACHE: dict[tuple[Path, str, bool, str], tuple[int, Validator]] = {}


def kind_of(path: Path, schematypens: str = "") -> str | None:
    return KIND_BY_NAMESPACE.get(schematypens) or KIND_BY_EXTENSION.get(path.suffix.lower())


def display_path(path: Path) -> str:
    """A schema's path as messages show it: relative to the working folder when inside it."""
    try:
        relative = os.path.relpath(path)
    except ValueError:
        return str(path)
    return str(path) if relative.startswith("..") else relative


def load_validator(path: Path, kind: str | None = None, thorough: bool = False) -> Validator:
    """The compiled validator for a schema file; InputError if it cannot be compiled."""
    resolved = path.resolve()
    chosen = kind or kind_of(resolved)
    if chosen not in KINDS:
        raise UsageError(f"{path}: unknown schema kind (expected .xsd, .rng or .sch)")
    try:
        stamp = os.stat(resolved).st_mtime_ns
    except OSError:
        raise InputError("schema file not found", str(path)) from None
    # the label is part of the key: messages name the schema from the working folder of now,
    # not of the first command in this process that compiled it
    label = display_path(resolved)
    key = (resolved, chosen, thorough, label)
    cached = _CACHE.get(key)
    if cached and cached[0] == stamp:
        return cached[1]
    validator = KINDS[chosen](resolved, label, thorough)
    _CACHE[key] = (stamp, validator)
    return validator

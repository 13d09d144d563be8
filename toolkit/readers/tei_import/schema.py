"""Which schema an imported document is declared against, and checking it against that schema.

A document that fits the edition's own customisation (teikit.xsd + teikit.sch: FRUS volumes,
TEI written the edition's way) keeps it; any other document is declared against the import
customisation (teikit-import.rng: tei_all with one TEI document per file, + teikit-import.sch),
so that an archive's figures, formulae, drama or manuscript descriptions are kept as they are.
Every path to a schema file is here, in one place.
"""

from __future__ import annotations

from copy import deepcopy
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from lxml import etree

from toolkit.errors import Diagnostic, Severity
from toolkit.output import PROJECT_SCHEMAS

XSD_NS = "http://www.w3.org/2001/XMLSchema"
RNG_NS = "http://relaxng.org/ns/structure/1.0"
SCH_NS = "http://purl.oclc.org/dsdl/schematron"

PROJECT_XSD = PROJECT_SCHEMAS / "teikit.xsd"
PROJECT_SCH = PROJECT_SCHEMAS / "teikit.sch"
IMPORT_RNG = PROJECT_SCHEMAS / "teikit-import.rng"
IMPORT_SCH = PROJECT_SCHEMAS / "teikit-import.sch"

# (file name, schematypens) of each layer, as written in xml-model
PROJECT_PIS = (("teikit.xsd", XSD_NS), ("teikit.sch", SCH_NS))
IMPORT_PIS = (("teikit-import.rng", RNG_NS), ("teikit-import.sch", SCH_NS))


@dataclass(frozen=True)
class GrammarError:
    """One RELAX NG error of the import grammar: libxml2's message, type, line and node path."""

    message: str
    kind: str
    line: int
    path: str


@lru_cache(maxsize=1)
def import_grammar() -> etree.RelaxNG:
    """teikit-import.rng compiled (tei_all: some seconds), once per process: the validators'
    compiled copy when they hold one (so `import` then `validate` in one process compile it once)."""
    from toolkit.validation.registry import load_validator

    compiled = getattr(load_validator(IMPORT_RNG, "rng"), "_schema", None)
    return compiled if isinstance(compiled, etree.RelaxNG) else etree.RelaxNG(etree.parse(str(IMPORT_RNG)))


def grammar_errors(root: etree._Element) -> list[GrammarError]:
    """Errors of `root` (a tree without the importer's temporary attributes) against the grammar."""
    grammar = import_grammar()
    if grammar.validate(root.getroottree()):
        return []
    return [GrammarError(entry.message, entry.type_name, entry.line, entry.path or "")
            for entry in grammar.error_log]


def fits_project(root: etree._Element, file_name: str) -> bool:
    """Is the document valid against the edition's own customisation (teikit.xsd + teikit.sch)?
    The grammar's yes or no comes from libxml2 alone (the messages are not needed here)."""
    from toolkit.validation.registry import load_validator

    xsd = load_validator(PROJECT_XSD, "xsd")
    quick = getattr(xsd, "_libxml2", None)
    if isinstance(quick, etree.XMLSchema) and not quick.validate(root.getroottree()):
        return False
    # the XSD layer would only ask libxml2 the same question again (unless it is thorough)
    layers = ((PROJECT_SCH, "sch"),) if isinstance(quick, etree.XMLSchema) and \
        getattr(xsd, "thorough", True) is False else ((PROJECT_XSD, "xsd"), (PROJECT_SCH, "sch"))
    return not [d for d in _check(root, file_name, *layers, copy=False) if d.severity is Severity.ERROR]


def import_rule_errors(root: etree._Element, file_name: str) -> list[Diagnostic]:
    """Errors of teikit-import.sch (the grammar is checked by `grammar_errors`)."""
    return [d for d in _check(root, file_name, (IMPORT_SCH, "sch")) if d.severity is Severity.ERROR]


def _check(root: etree._Element, file_name: str, *layers: tuple[Path, str], copy: bool = True) -> list[Diagnostic]:
    """`copy=False`: `root` is a copy of the caller's already, the root of its own tree."""
    from toolkit.validation.document import Document  # the validators, as `teikit validate` runs them
    from toolkit.validation.registry import load_validator

    class Unserialised(Document):
        """A document with no source bytes: every column is 1, which is known without the
        map of every element's place on its line (a walk of the tree per document)."""

        def _element_column(self, node: etree._Element, line: int) -> int | None:
            return 1

    tree = etree.ElementTree(deepcopy(root) if copy or root.getparent() is not None else root)
    document = Unserialised(PROJECT_SCHEMAS.parent / file_name, file_name, b"", tree)
    found: list[Diagnostic] = []
    for path, kind in layers:
        found.extend(load_validator(path, kind).check(document))
    return found


def with_pis(tree: etree._ElementTree, schema_dir: str, layers: tuple[tuple[str, str], ...]) -> etree._ElementTree:
    """`xml-model` processing instructions before the root for each schema layer (hrefs relative)."""
    root = tree.getroot()
    for name, namespace in layers:
        root.addprevious(etree.ProcessingInstruction(
            "xml-model", f'href="{schema_dir.rstrip("/")}/{name}" type="application/xml" schematypens="{namespace}"'))
    return tree

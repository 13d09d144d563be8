"""ISO Schematron through lxml.isoschematron (the ISO skeleton compiled to XSLT 1.0, on libxslt).

The rules are compiled once; each document's SVRL report is read back here: the assert's @id
becomes the rule, its @role the severity, and its @location (an XPath) is evaluated on the
document to find the element's line and column. The stylesheet runs with libxslt access
control that forbids reading or writing anything, so a rule set cannot reach the network or
the disk, and it receives the document's file name in $fileNameParameter.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

from lxml import etree
from lxml import isoschematron  # type: ignore[attr-defined]

from toolkit.errors import Diagnostic, InputError, Severity
from toolkit.validation.document import Document, load_schema

SVRL = "http://purl.oclc.org/dsdl/svrl"
_FINDINGS = (f"{{{SVRL}}}failed-assert", f"{{{SVRL}}}successful-report")
_ROLES = {"error": Severity.ERROR, "fatal": Severity.ERROR, "warning": Severity.WARNING,
          "warn": Severity.WARNING, "info": Severity.INFO, "information": Severity.INFO}
_NO_ACCESS = etree.XSLTAccessControl.DENY_ALL  # type: ignore[attr-defined]


class SchematronValidator:
    def __init__(self, path: Path, label: str) -> None:
        self.path = path
        self.label = label
        schema = load_schema(path, label, ("{http://purl.oclc.org/dsdl/schematron}include",
                                           "{http://purl.oclc.org/dsdl/schematron}extends"),
                             "Schematron")
        try:
            # no svrl:fired-rule per matched node, and no walk over attribute nodes: the
            # report carries only findings, which is all that is read back
            compiled = isoschematron.Schematron(schema, store_xslt=True, compile_params={
                "generate-fired-rule": "false", "optimize": "visit-no-attributes"})
            self._xslt = etree.XSLT(compiled.validator_xslt, access_control=_NO_ACCESS)
        except (etree.SchematronParseError, etree.XSLTParseError, etree.XSLTApplyError) as exc:
            raise InputError(f"not a usable ISO Schematron (XPath 1.0 query binding): {exc}",
                             label) from None

    def check(self, document: Document) -> Iterator[Diagnostic]:
        try:
            report = self._xslt(document.tree,
                                fileNameParameter=etree.XSLT.strparam(document.path.name),
                                fileDirParameter=etree.XSLT.strparam(str(document.path.parent)))
        except etree.XSLTApplyError as exc:
            yield document.diagnostic(Severity.ERROR, f"the Schematron rules failed to run: {exc}",
                                      rule=self.label, line=1)
            return
        root = report.getroot()
        if root is None:
            return
        for finding in root.iter(*_FINDINGS):
            text = finding.find(f"{{{SVRL}}}text")
            words = "".join(str(t) for t in text.itertext()) if text is not None else ""
            message = " ".join(words.split())
            role = (finding.get("role") or "error").lower()
            severity = _ROLES.get(role, Severity.ERROR)
            rule = finding.get("id") or finding.get("test") or self.label
            node = _locate(document, finding.get("location") or "")
            yield document.diagnostic(severity, message or f"rule {rule} failed", node, rule,
                                      line=None if node is not None else 1)


def _locate(document: Document, location: str) -> Any:
    if not location:
        return None
    try:
        found = document.tree.xpath(location)
    except etree.XPathError:
        return None
    if isinstance(found, list) and found:
        return found[0]
    return None

"""Writing validation results: text for people, JSON and JUnit XML for CI.

The JSON layout is fixed by tests/validation/report.schema.json and the JUnit XML by
tests/validation/junit.xsd (the Jenkins JUnit format); both are checked by the test suite.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime, timezone
from typing import Any, TextIO

from lxml import etree

from toolkit import __version__
from toolkit.errors import Diagnostic, Severity
from toolkit.validation.runner import FileReport

FORMATS = ("text", "json", "junit")


@dataclass
class Summary:
    files: int = 0
    invalid: int = 0
    errors: int = 0
    warnings: int = 0

    def add(self, report: FileReport) -> None:
        self.files += 1
        self.invalid += not report.valid
        self.errors += report.errors
        self.warnings += report.warnings

    @property
    def valid(self) -> int:
        return self.files - self.invalid

    def line(self, seconds: float | None = None) -> str:
        def plural(n: int, word: str) -> str:
            return f"{n} {word}{'' if n == 1 else 's'}"
        timing = f" in {seconds:.2f} s" if seconds is not None else ""
        return (f"validated {plural(self.files, 'file')}{timing}: {self.valid} valid, "
                f"{self.invalid} invalid; {plural(self.errors, 'error')}, "
                f"{plural(self.warnings, 'warning')}")


def write_text(reports: Iterable[FileReport], out: TextIO, quiet_warnings: bool = False) -> Summary:
    """Stream one line per problem as each file finishes; returns the totals."""
    summary = Summary()
    for report in reports:
        summary.add(report)
        for diagnostic in report.diagnostics:
            if quiet_warnings and diagnostic.severity is not Severity.ERROR:
                continue
            out.write(diagnostic.format() + "\n")
        out.flush()
    return summary


def _diagnostic_json(d: Diagnostic) -> dict[str, Any]:
    return {"severity": d.severity.value, "message": d.message, "line": d.line,
            "column": d.column, "rule": d.rule}


def to_json(reports: list[FileReport], seconds: float) -> str:
    summary = Summary()
    files = []
    for report in reports:
        summary.add(report)
        files.append({"path": report.path, "valid": report.valid, "errors": report.errors,
                      "warnings": report.warnings,
                      "diagnostics": [_diagnostic_json(d) for d in report.diagnostics]})
    document = {"tool": "teikit validate", "version": __version__, "files": files,
                "summary": {"files": summary.files, "valid": summary.valid,
                            "invalid": summary.invalid, "errors": summary.errors,
                            "warnings": summary.warnings, "seconds": round(seconds, 3)}}
    return json.dumps(document, ensure_ascii=False, indent=2) + "\n"


def to_junit(reports: list[FileReport], seconds: float) -> bytes:
    """One testcase per file; a failure lists its errors, system-out its warnings."""
    summary = Summary()
    for report in reports:
        summary.add(report)
    counts = {"tests": str(summary.files), "failures": str(summary.invalid), "errors": "0"}
    time = f"{seconds:.3f}"
    stamp = datetime.now(timezone.utc).replace(microsecond=0, tzinfo=None).isoformat()
    suites = etree.Element("testsuites", attrib={"name": "teikit validate", "time": time, **counts})
    suite = etree.SubElement(suites, "testsuite", attrib={
        "name": "teikit validate", "skipped": "0", "time": time, "timestamp": stamp, **counts})
    for report in reports:
        case = etree.SubElement(suite, "testcase", name=report.path, classname="teikit.validate",
                                file=report.path, time=f"{report.seconds:.3f}")
        errors = [d for d in report.diagnostics if d.severity is Severity.ERROR]
        others = [d for d in report.diagnostics if d.severity is not Severity.ERROR]
        if errors:
            failure = etree.SubElement(
                case, "failure", type="invalid",
                message=f"{len(errors)} error{'s' if len(errors) != 1 else ''}: {errors[0].message}")
            failure.text = "\n".join(d.format() for d in errors)
        if others:
            etree.SubElement(case, "system-out").text = "\n".join(d.format() for d in others)
    return etree.tostring(suites, xml_declaration=True, encoding="UTF-8", pretty_print=True)


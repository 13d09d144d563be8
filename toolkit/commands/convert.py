"""`teikit convert SOURCE... -o DIR`: archival reports to TEI files.

Per document, the warnings and the review list (decisions taken by a fallback or with less
than certainty) are printed one line each on stderr and counted in the summary line; with
`--format json` (stdout) or `--review FILE.json` they are one JSON document for the run.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from datetime import date
from pathlib import Path
from typing import Any

from toolkit.cluster import add_arguments, settings
from toolkit.cluster_tasks import convert_remote
from toolkit.config import config_for
from toolkit.convert import ConvertOptions, FileResult, convert_files
from toolkit.encoding.header import sanitised_identifier
from toolkit.errors import Diagnostic, Severity, UsageError
from toolkit.output import write_atomic
from toolkit.readers import READERS, reader_for

STATS = ("paragraphs", "points", "supplied", "gaps", "variants", "notes", "page_breaks", "names")


def configure(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("sources", nargs="+", type=Path, metavar="SOURCE",
                        help="reports to convert: WCDA text/Markdown exports (.txt, .md) or Word files (.docx)")
    parser.add_argument("-o", "--output", type=Path, required=True, metavar="DIR",
                        help="folder for the TEI files (created if missing)")
    parser.add_argument("--registers", type=Path, default=None, metavar="DIR",
                        help="the edition's registers of names (default: the output folder's "
                             "registers/ when it has one, as build and validate read them; "
                             "else tei/registers)")
    parser.add_argument("--from", dest="input_format", choices=sorted(READERS),
                        help="input format (default: by file extension)")
    parser.add_argument("--change-date", type=date.fromisoformat, default=None, metavar="YYYY-MM-DD",
                        help="date recorded in revisionDesc (default: today)")
    parser.add_argument("-j", "--jobs", type=int, default=os.cpu_count() or 1,
                        help="parallel workers (default: all cores)")
    parser.add_argument("--id", dest="document_id", metavar="ID",
                        help="the document's identifier and file name (one SOURCE only): "
                             "letters, digits, '.', '_', '-'")
    parser.add_argument("--format", choices=("text", "json"), default="text",
                        help="text (default): lines on stderr and a summary per file; json: "
                             "one JSON report of the run on stdout")
    parser.add_argument("--review", type=Path, metavar="FILE.json",
                        help="also write the run's JSON report (review lists, warnings) to FILE")
    add_arguments(parser, "convert the reports", config=True)


def _registers(args: argparse.Namespace) -> Path:
    """The registers to tag names with: those of the edition the documents are written into,
    so that converting into another edition from any folder never points its documents at
    the registers of the folder the command happened to run in."""
    if args.registers is not None:
        return Path(args.registers)
    own = Path(args.output) / "registers"
    return own if own.is_dir() else Path("tei/registers")


def run(args: argparse.Namespace) -> int:
    if args.output.exists() and not args.output.is_dir():
        raise UsageError("the output exists and is not a folder", str(args.output))
    if args.document_id is not None:
        if len(args.sources) != 1:
            raise UsageError("--id names one document: give exactly one SOURCE")
        if sanitised_identifier(args.document_id) != args.document_id:
            raise UsageError(f"--id {args.document_id!r}: an identifier holds only letters, "
                             "digits, '.', '_' and '-', and starts with a letter or digit")
    for source in args.sources:
        if not source.is_dir():
            reader_for(source, args.input_format)  # an unknown format is a usage error: exit 2
    options = ConvertOptions(args.output, _registers(args), args.change_date or date.today(),
                             args.input_format, args.jobs, args.document_id)
    cluster = settings(args.scheduler, config_for(args.output, args.config).cluster)
    remote = convert_remote(cluster, options) if cluster.scheduler else None
    text = args.format == "text"
    failed = warnings_total = review_total = 0
    entries: list[dict[str, Any]] = []
    for result in convert_files(args.sources, options, remote):
        entries.append(_entry(result))
        if result.error is not None:
            failed += 1
            if text:
                print(result.error.format(), file=sys.stderr)
            continue
        warnings = sum(d.severity is Severity.WARNING for d in result.diagnostics)
        to_review = sum(d.severity is Severity.REVIEW for d in result.diagnostics)
        warnings_total += warnings
        review_total += to_review
        if text:
            for diagnostic in result.diagnostics:
                print(diagnostic.format(), file=sys.stderr)
            stats = result.stats
            summary = ", ".join(f"{stats[k]} {k.replace('_', ' ')}" for k in STATS if stats.get(k))
            print(f"{result.source} -> {result.output}: {summary}; "
                  f"{_counts(warnings, to_review)}")
    total = len(args.sources)
    report = {"files": entries, "converted": total - failed, "failed": failed,
              "warnings": warnings_total, "review": review_total}
    data = json.dumps(report, ensure_ascii=False, indent=2) + "\n"
    if args.review is not None:
        try:
            write_atomic(args.review, data.encode())
        except OSError as exc:
            print(f"{args.review}: error: cannot write the review list: {exc.strerror}",
                  file=sys.stderr)
            return 1
    if text:
        print(f"converted {total - failed} of {total} file{'s' if total != 1 else ''}"
              + (f", {failed} failed" if failed else "")
              + (f"; {_counts(warnings_total, review_total)}" if total > 1 else ""))
    else:
        sys.stdout.write(data)
    return 1 if failed else 0


def _counts(warnings: int, to_review: int) -> str:
    return f"{warnings} warning{'s' if warnings != 1 else ''}, {to_review} to review"


def _where(diagnostic: Diagnostic) -> dict[str, Any]:
    return {"line": diagnostic.line, "column": diagnostic.column}


def _entry(result: FileResult) -> dict[str, Any]:
    """One source in the JSON report: where it went, what to review, what was warned."""
    entry: dict[str, Any] = {
        "file": str(result.source),
        "output": str(result.output) if result.output is not None and result.error is None else None,
        "identifier": result.number if result.error is None else None,
        "error": None,
        "review": [{**_where(d), "kind": d.rule or "review", "message": d.message}
                   for d in result.diagnostics if d.severity is Severity.REVIEW],
        "warnings": [{**_where(d), "message": d.message}
                     for d in result.diagnostics if d.severity is Severity.WARNING],
    }
    if result.error is not None:
        entry["error"] = {**_where(result.error), "message": result.error.message}
    return entry

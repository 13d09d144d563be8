"""`teikit convert SOURCE... -o DIR`: archival reports to TEI files."""

from __future__ import annotations

import argparse
import os
import sys
from datetime import date
from pathlib import Path

from toolkit.convert import ConvertOptions, convert_files
from toolkit.errors import Severity, UsageError
from toolkit.readers import READERS, reader_for



def configure(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("sources", nargs="+", type=Path, metavar="SOURCE",
                        help="reports to convert: WCDA text/Markdown exports (.txt, .md) or Word files (.docx)")
    parser.add_argument("-o", "--output", type=Path, required=True, metavar="DIR",
                        help="folder for the TEI files (created if missing)")
    parser.add_argument("--registers", type=Path, default=Path("tei/registers"), metavar="DIR",
                        help="the edition's registers of names (default: tei/registers)")
    parser.add_argument("--from", dest="input_format", choices=sorted(READERS),
                        help="input format (default: by file extension)")
    parser.add_argument("--change-date", type=date.fromisoformat, default=None, metavar="YYYY-MM-DD",
                        help="date recorded in revisionDesc (default: today)")
    parser.add_argument("-j", "--jobs", type=int, default=os.cpu_count() or 1,
                        help="parallel workers (default: all cores)")


def run(args: argparse.Namespace) -> int:
    if args.output.exists() and not args.output.is_dir():
        raise UsageError("the output exists and is not a folder", str(args.output))
    for source in args.sources:
        if not source.is_dir():
            reader_for(source, args.input_format)  # an unknown format is a usage error: exit 2
    options = ConvertOptions(args.output, args.registers, args.change_date or date.today(),
                             args.input_format, args.jobs)
    failed = 0
    for result in convert_files(args.sources, options):
        if result.error is not None:
            failed += 1
            print(result.error.format(), file=sys.stderr)
            continue
        for diagnostic in result.diagnostics:
            print(diagnostic.format(), file=sys.stderr)
        stats = result.stats
        warnings = sum(d.severity is Severity.WARNING for d in result.diagnostics)
        summary = ", ".join(f"{stats[k]} {k.replace('_', ' ')}" for k in
                            ("paragraphs", "points", "supplied", "gaps", "variants", "notes",
                             "page_breaks", "names") if stats.get(k))
        print(f"{result.source} -> {result.output}: {summary}; "
              f"{warnings} warning{'s' if warnings != 1 else ''}")
    total = len(args.sources)
    print(f"converted {total - failed} of {total} file{'s' if total != 1 else ''}"
          + (f", {failed} failed" if failed else ""))
    return 1 if failed else 0

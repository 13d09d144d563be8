"""`teikit import FILE... -o DIR`: other archives' TEI (FRUS volumes, generic TEI) into the edition."""

from __future__ import annotations

import argparse
import os
import sys
from datetime import date
from pathlib import Path

from toolkit.cluster import add_arguments, settings
from toolkit.cluster_tasks import import_remote
from toolkit.config import config_for
from toolkit.errors import UsageError
from toolkit.readers.tei_import import LOSS_DIR, ImportOptions, import_files



def configure(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("sources", nargs="+", type=Path, metavar="FILE",
                        help="TEI files to import: FRUS volumes, TEI documents, teiCorpus files")
    parser.add_argument("-o", "--output", type=Path, required=True, metavar="DIR",
                        help="edition folder for the documents (created if missing); loss reports go "
                        f"to DIR/{LOSS_DIR}/, imported register entries to the registers folder")
    parser.add_argument("--registers", type=Path, default=None, metavar="DIR",
                        help="the edition's registers (default: DIR/registers)")
    parser.add_argument("--change-date", type=date.fromisoformat, default=None, metavar="YYYY-MM-DD",
                        help="date recorded in revisionDesc (default: today)")
    parser.add_argument("-j", "--jobs", type=int, default=os.cpu_count() or 1,
                        help="parallel workers (default: all cores)")
    add_arguments(parser, "import the files", config=True)


def run(args: argparse.Namespace) -> int:
    if args.output.exists() and not args.output.is_dir():
        raise UsageError(f"output {args.output} exists and is not a folder")
    options = ImportOptions(args.output, args.registers or args.output / "registers",
                            args.change_date or date.today(), args.jobs)
    cluster = settings(args.scheduler, config_for(args.output, args.config).cluster)
    remote = import_remote(cluster, options) if cluster.scheduler else None
    failed = 0
    sources = 0
    for result in import_files(args.sources, options, remote):
        if result.error is not None:
            failed += 1
            print(result.error.format(), file=sys.stderr)
            continue
        sources += 1
        losses = sum(document.loss.count(b'"action":') for document in result.documents) + \
            sum(report.count(b'"action":') for _name, report in result.reports)
        print(f"{result.source} ({result.format}) -> {len(result.written)} document"
              f"{'s' if len(result.written) != 1 else ''} in {args.output}; "
              f"{losses} loss-report line{'s' if losses != 1 else ''} in {args.output / LOSS_DIR}")
    total = len(args.sources)
    print(f"imported {total - failed if failed <= total else 0} of {total} file{'s' if total != 1 else ''}"
          + (f", {failed} failed" if failed else ""))
    return 1 if failed else 0

"""`teikit export --to FORMAT`: the edition as other archives take it."""

from __future__ import annotations

import argparse
import sys
from datetime import date
from pathlib import Path

from toolkit.config import config_for
from toolkit.exchange import FORMATS, ExportOptions, export
from toolkit.progress import Progress



def configure(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--to", dest="format", required=True, choices=list(FORMATS),
                        help="; ".join(f"{name}: {text}" for name, text in FORMATS.items()))
    parser.add_argument("edition", nargs="?", type=Path, default=Path("tei"), metavar="EDITION",
                        help="the edition folder (default: tei)")
    parser.add_argument("-o", "--output", type=Path, default=None, metavar="DIR",
                        help="folder for the exported files (default: build/export/FORMAT)")
    parser.add_argument("--registers", type=Path, default=None, metavar="DIR",
                        help="the edition's registers (default: EDITION/registers)")
    parser.add_argument("--date", type=date.fromisoformat, default=None, metavar="YYYY-MM-DD",
                        help="export date recorded in the teiCorpus header (default: today)")
    parser.add_argument("--config", type=Path, default=None, metavar="FILE",
                        help="the edition's teikit.toml (default: in EDITION or its parent folder)")


def run(args: argparse.Namespace) -> int:
    output = args.output or Path("build") / "export" / args.format
    edition = config_for(args.edition, args.config) if args.edition.is_dir() or args.config else None
    options = ExportOptions(args.edition, output, args.format, args.date or date.today(),
                            args.registers, edition if edition is None or edition.path else None)
    failed = written = 0
    with Progress("exporting") as progress:
        for item in progress.wrap(export(options)):
            for warning in item.warnings:
                print(warning.format(), file=sys.stderr)
            if item.error is not None:
                failed += 1
                print(item.error.format(), file=sys.stderr)
            else:
                written += 1
    print(f"exported {written} file{'s' if written != 1 else ''} ({args.format}) to {output}"
          + (f", {failed} failed" if failed else ""))
    return 1 if failed else 0

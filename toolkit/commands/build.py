"""`teikit build`: the web and print editions of the TEI in the source folder."""

from __future__ import annotations

import argparse
import os
from pathlib import Path

from toolkit.builders import BUILDERS, BuildConfig, run_builder
from toolkit.errors import UsageError

HELP = "build the editions (HTML, PDF) from the TEI folder into the build folder"


def configure(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("source", nargs="?", type=Path, default=Path("tei"),
                        help="folder of TEI documents, with registers/ (default: tei)")
    parser.add_argument("-o", "--output", type=Path, default=Path("build"), metavar="DIR",
                        help="output folder (default: build)")
    parser.add_argument("--only", action="append", metavar="FORMAT",
                        help=f"build only these formats (of: {', '.join(BUILDERS) or 'none yet'})")
    parser.add_argument("--font-dir", action="append", type=Path, default=[], metavar="DIR",
                        help="extra font folder for the print edition (repeatable)")
    parser.add_argument("--force", action="store_true", help="rebuild everything")
    parser.add_argument("-j", "--jobs", type=int, default=os.cpu_count() or 1)


def run(args: argparse.Namespace) -> int:
    if not args.source.is_dir():
        raise UsageError(f"{args.source} is not a folder of TEI documents")
    names = args.only or list(BUILDERS)
    unknown = [n for n in names if n not in BUILDERS]
    if unknown:
        raise UsageError(f"unknown format(s) {', '.join(unknown)}; known: {', '.join(BUILDERS)}")
    config = BuildConfig(source_dir=args.source, output_dir=args.output,
                         font_dirs=tuple(args.font_dir), jobs=args.jobs, force=args.force)
    for name in names:
        report = run_builder(BUILDERS[name], config)
        print(f"{name}: {len(report.rebuilt)} rebuilt, {len(report.skipped)} up to date, "
              f"{len(report.written)} files written")
    return 0

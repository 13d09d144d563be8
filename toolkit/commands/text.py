"""`teikit text FILE.xml`: the plain-text projection of a TEI document."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from toolkit.projection import project
from toolkit.safe_xml import parse_xml_file



def configure(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("files", nargs="+", type=Path, metavar="FILE",
                        help="TEI documents to print as plain text")


def run(args: argparse.Namespace) -> int:
    for path in args.files:
        sys.stdout.write(project(parse_xml_file(path)))
    return 0

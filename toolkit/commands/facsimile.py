"""`teikit facsimile DOC SCAN...`: record the scanned original of a document in its TEI.

The scan (a PDF, rasterised, or page images) is copied into the edition as one image per page
(`facsimiles/<id>/page-NNN-HASH.jpg` by default: the content hash in the name makes a new
scan change the TEI, so builds republish it) and the document gains `facsimile/surface/graphic`
and `pb/@facs`, edited in place (see toolkit/facsimile/record.py). A page count that does not
match the page breaks is a warning naming both numbers; the pages are still matched in order.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from toolkit.errors import UsageError
from toolkit.facsimile.rasterise import RasterOptions, load_pages
from toolkit.facsimile.record import image_folder, record
from toolkit.output import write_atomic
from toolkit.safe_xml import read_bytes


def configure(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("document", type=Path, metavar="DOC", help="the TEI document the scan is of")
    parser.add_argument("scans", nargs="+", type=Path, metavar="SCAN",
                        help="the scan: a PDF, or page images (JPEG, PNG, TIFF) in page order")
    parser.add_argument("--images", type=Path, metavar="DIR",
                        help="folder for the page images (default: facsimiles/<id>/ at the "
                             "edition's root, beside tei/)")
    parser.add_argument("--dpi", type=int, default=150, help="resolution PDF pages are rasterised at")


def run(args: argparse.Namespace) -> int:
    if not 20 <= args.dpi <= 600:
        raise UsageError(f"--dpi {args.dpi}: give a resolution from 20 to 600")
    document: Path = args.document
    data = read_bytes(document)
    pages = load_pages(args.scans, RasterOptions(dpi=args.dpi))  # every scan read before any write
    folder = args.images if args.images is not None else image_folder(document)
    result = record(document, data, pages, folder)
    for warning in result.warnings:
        print(warning.format(), file=sys.stderr)
    written = 0
    for path, content in result.images.items():
        if not (path.is_file() and path.read_bytes() == content):
            write_atomic(path, content)
            written += 1
    new = result.text.encode("utf-8")
    changed = new != data
    if changed:
        write_atomic(document, new)
    for path in result.stale:
        path.unlink(missing_ok=True)
    print(f"{document}: {result.pages} page images for {result.breaks + 1} pages "
          f"({result.breaks} page breaks) in {folder}; "
          f"{'updated' if changed else 'unchanged'}, {written} images written", file=sys.stderr)
    return 0

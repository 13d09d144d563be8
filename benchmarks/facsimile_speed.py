"""Facsimile speed: a 200-page scan recorded in a document and published as static IIIF.

Goal (issue #15): tiles are built once per image content (content hash), in parallel; the
cost of a 200-page scan is measured, not bounded by the issue.

    python benchmarks/facsimile_speed.py [--pages 200] [--dpi 150] [--jobs N]

Not timed: drawing the scan (a PDF of `--pages` typescript-like pages, US Letter at 100 dpi,
drawn with Pillow) and a copy of the sample report with one `pb` fewer than pages. Timed:
`teikit facsimile DOC scan.pdf` in process (rasterising every page with pypdfium2 at `--dpi`,
JPEG encoding, copying into the edition, editing the TEI), the same command again (nothing to
change), then `toolkit.facsimile.iiif.publish` (tile pyramids, info.json, manifest) with an
empty tile cache on one thread and on `--jobs` threads, and with the cache warm (the cost of a
rebuild: hashing, hard links and JSON only). CPU time (worker processes included) is reported
beside wall time, since the machine is shared.
"""

from __future__ import annotations

import argparse
import os
import platform
import re
import resource
import shutil
import sys
import tempfile
import time
from pathlib import Path

if __package__ in (None, ""):
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from PIL import Image, ImageDraw, ImageFont  # noqa: E402

from toolkit.cli import main  # noqa: E402
from toolkit.config import config_for  # noqa: E402
from toolkit.facsimile import iiif  # noqa: E402
from toolkit.safe_xml import parse_xml_file  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]
SAMPLE = "116488"


def draw_scan(path: Path, pages: int) -> None:
    font = ImageFont.load_default(size=60)
    images = []
    for number in range(1, pages + 1):
        image = Image.new("RGB", (850, 1100), (244, 238, 222))
        draw = ImageDraw.Draw(image)
        for y in range(150, 950, 34):
            draw.line((110, y, 740 - (y * number * 7 % 120), y), fill=(70, 66, 60), width=4)
        draw.text((425, 1020), str(number), fill=(0, 0, 0), font=font, anchor="mm")
        images.append(image)
    images[0].save(path, "PDF", save_all=True, append_images=images[1:], resolution=100.0)


def make_edition(folder: Path, pages: int) -> Path:
    (folder / "tei").mkdir(parents=True)
    shutil.copy(ROOT / "teikit.toml", folder)
    shutil.copy(ROOT / "about.md", folder)
    text = (ROOT / "tei" / f"{SAMPLE}.xml").read_text("utf-8")
    have = text.count("<pb/>")
    extra = "".join(f"\n        <p>The report continues on page {n}. <pb/>Its text goes on.</p>"
                    for n in range(have + 2, pages + 1))
    last = text.rindex("</p>")
    document = folder / "tei" / f"{SAMPLE}.xml"
    document.write_text(text[:last + 4] + extra + text[last + 4:], "utf-8")
    assert len(re.findall(r"<pb/>", document.read_text("utf-8"))) == pages - 1
    return document


def timed(label: str, action: object) -> float:
    def used() -> float:
        own, children = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
        return own.ru_utime + own.ru_stime + children.ru_utime + children.ru_stime

    before = used()
    start = time.perf_counter()
    action()  # type: ignore[operator]
    wall = time.perf_counter() - start
    cpu = used() - before
    print(f"{label:<44} {wall:7.2f} s wall  {cpu:7.2f} s CPU")
    return wall


def main_(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--pages", type=int, default=200)
    parser.add_argument("--dpi", type=int, default=150)
    parser.add_argument("--jobs", type=int, default=os.cpu_count() or 1)
    args = parser.parse_args(argv)
    print(f"{platform.python_implementation()} {platform.python_version()}, {os.cpu_count()} cores; "
          f"{args.pages} pages at {args.dpi} dpi, {args.jobs} tile workers")
    with tempfile.TemporaryDirectory(prefix="facsimile-speed-") as tmp:
        root = Path(tmp)
        draw_scan(root / "scan.pdf", args.pages)
        document = make_edition(root / "edition", args.pages)
        command = ["facsimile", str(document), str(root / "scan.pdf"), "--dpi", str(args.dpi)]
        wall = timed("teikit facsimile (rasterise, record)", lambda: main(command))
        print(f"{'':<44} {args.pages / wall:7.1f} pages/s")
        before = document.read_bytes()
        timed("teikit facsimile again (unchanged)", lambda: main(command))
        assert document.read_bytes() == before
        tree = parse_xml_file(document).getroot()
        edition = config_for(document.parent)
        cache, site = root / "build" / ".iiif-cache", root / "build" / "html"

        def publish(jobs: int) -> None:
            published = iiif.publish(tree, document, SAMPLE, site, cache, edition, jobs=jobs)
            assert len(published.pages) == args.pages

        one = timed("tiles, empty cache, 1 process", lambda: publish(1))
        shutil.rmtree(cache)
        shutil.rmtree(site)
        many = timed(f"tiles, empty cache, {args.jobs} worker processes", lambda: publish(args.jobs))
        print(f"{'':<44} {args.pages / many:7.1f} pages/s, {one / many:.2f}x one process")
        shutil.rmtree(site)
        timed("tiles, warm cache (a rebuild)", lambda: publish(args.jobs))
        files = sum(1 for p in site.rglob("*.jpg"))
        inodes = {p.stat().st_ino: p.stat().st_size for p in cache.rglob("*.jpg")}  # full/max = full/W,H
        size = sum(inodes.values())
        images = sum(p.stat().st_size for p in (root / "edition" / "facsimiles").rglob("*.jpg"))
        print(f"{files} tile and size files ({files / args.pages:.0f} per page), {size / 1e6:.1f} MB of tiles "
              f"for {images / 1e6:.1f} MB of page images")
    return 0


if __name__ == "__main__":
    sys.exit(main_())

"""The print edition's PDFs mirrored into the web edition (`html/pdf/`), by hard links."""

from __future__ import annotations

import os
from pathlib import Path

from toolkit.output import link_atomic


def site_pdfs(output_dir: Path) -> list[Path]:
    """Mirror the print edition (`<output>/pdf/*.pdf`) into the site as `html/pdf/`, so that the
    site's PDF links resolve when `html/` is served alone. Hard links (no copy, and always
    the current file: the print builder replaces a PDF with a new file); a copy where the file
    system has none. Whichever builder runs last makes the mirror current."""
    source, site = output_dir / "pdf", output_dir / "html"
    if not site.is_dir():
        return []
    target = site / "pdf"
    # one listing of each folder, its inodes from the directory itself: a stat of both files
    # per PDF was 20,000 stats in every build at 10,000 documents, by both builders
    pdfs, links = _pdf_listing(source), _pdf_listing(target)
    same_device = bool(pdfs) and bool(links) and os.stat(source).st_dev == os.stat(target).st_dev
    written = []
    for name, (path, inode, link) in sorted(pdfs.items()):
        published = target / name
        if name in links:
            _, other, other_link = links[name]
            if (same_device and inode == other and not link and not other_link) or (
                    (link or other_link) and _same_file(published, path)):
                continue
        target.mkdir(exist_ok=True)
        link_atomic(path, published)
        written.append(published)
    for name, (stale, _, _) in links.items():
        if name not in pdfs:
            stale.unlink()
    return written


def _same_file(one: Path, other: Path) -> bool:
    try:
        return os.path.samefile(one, other)
    except OSError:  # a dangling link
        return False


def _pdf_listing(folder: Path) -> dict[str, tuple[Path, int, bool]]:
    """name -> (path, inode, is a symbolic link) of each `*.pdf` in `folder` (none if it is
    not a folder), as `glob("*.pdf")` finds them (no hidden names)."""
    try:
        with os.scandir(folder) as entries:
            return {e.name: (folder / e.name, e.inode(), e.is_symlink()) for e in entries
                    if e.name.endswith(".pdf") and not e.name.startswith(".")}
    except (FileNotFoundError, NotADirectoryError):
        return {}

"""The web edition served alone (`python3 -m http.server -d build/html`, as the README says):
every PDF and TEI download link resolves, and the PDFs in the site are the print edition's."""

from __future__ import annotations

import filecmp
import shutil
import subprocess
import sys
import time
from pathlib import Path
from urllib.parse import urljoin

import httpx
from lxml import html

from edition_cli import free_port
from teitest import ROOT
from toolkit.cli import main


def downloads(page: bytes, url: str) -> list[str]:
    tree = html.fromstring(page)
    return [urljoin(url, str(href)) for href in
            tree.xpath("//a[@type='application/pdf' or @type='application/tei+xml' "
                       "or contains(@href, 'tei/')]/@href")]


def test_pdf_and_tei_links_resolve_when_the_site_is_served_alone(tmp_path: Path) -> None:
    source = tmp_path / "tei"
    shutil.copytree(ROOT / "tei", source)
    out = tmp_path / "build"
    assert main(["build", str(source), "-o", str(out), "-j", "1"]) == 0
    site = out / "html"
    assert filecmp.cmp(site / "pdf" / "116488.pdf", out / "pdf" / "116488.pdf", shallow=False)
    port = free_port()
    server = subprocess.Popen([sys.executable, "-m", "http.server", "-d", str(site), "-b",
                               "127.0.0.1", str(port)], stdout=subprocess.DEVNULL,
                              stderr=subprocess.DEVNULL)
    base = f"http://127.0.0.1:{port}/"
    try:
        for _ in range(100):
            try:
                httpx.get(base, timeout=2)
                break
            except httpx.TransportError:
                time.sleep(0.1)
        links: list[str] = []
        for name in ("index.html", "116488.html"):
            page = httpx.get(base + name, timeout=10)
            assert page.status_code == 200
            links += downloads(page.content, base + name)
        assert base + "pdf/edition.pdf" in links and base + "pdf/116488.pdf" in links
        assert base + "tei/116488.xml" in links
        for link in links:
            response = httpx.get(link, timeout=10)
            assert response.status_code == 200, link
            assert response.content.startswith(b"%PDF-" if link.endswith(".pdf") else b"<?xml"), link
    finally:
        server.terminate()
        server.wait(timeout=10)


def test_the_site_mirror_follows_the_print_edition(tmp_path: Path) -> None:
    source = tmp_path / "tei"
    shutil.copytree(ROOT / "tei", source)
    out = tmp_path / "build"
    assert main(["build", str(source), "-o", str(out), "-j", "1", "--no-validate"]) == 0
    mirror = out / "html" / "pdf"
    assert sorted(p.name for p in mirror.iterdir()) == ["116488.pdf", "edition.pdf"]
    # the HTML alone, rebuilt after the PDFs, keeps the mirror
    assert main(["build", str(source), "-o", str(out), "--only", "html", "--force", "--no-validate"]) == 0
    assert sorted(p.name for p in mirror.iterdir()) == ["116488.pdf", "edition.pdf"]
    # a document that leaves the edition leaves the mirror too
    (source / "116488.xml").unlink()
    assert main(["build", str(source), "-o", str(out), "-j", "1", "--no-validate"]) == 0
    assert list(mirror.iterdir()) == []

"""The EPUB's edition stage is linear in the edition (issue #13): at 3,000 documents its
register pages took 29 s of CPU, most of a one-document rebuild of the book, because an
entry's chapters were gathered one append at a time (quadratic in an entry's mentions).
Measured on the real stage (Saxon), as the CPU time of a book 8 times larger, with every
chapter naming the same person: linear is at most 8 times the time, quadratic 64."""

from __future__ import annotations

import time
from pathlib import Path
from typing import Any

from teitest import ROOT
from toolkit.builders import BuildConfig
from toolkit.builders.epub import EpubBuilder


def chapters(count: int) -> dict[str, dict[str, Any]]:
    return {f"doc-{700000 + i}.xhtml": {
        "title": f"Report {i}", "names": ["persons.xhtml#kosygin"],
        "meta": [["tk.number", str(700000 + i)], ["dcterms.date", "1971-06-02"],
                 ["tk.date-label", "2 June 1971"]]} for i in range(count)}


def test_the_register_pages_cost_linear_time_in_an_entrys_mentions(tmp_path: Path) -> None:
    tei = tmp_path / "tei"
    tei.mkdir()
    (tei / "registers").symlink_to(ROOT / "tei" / "registers")
    builder = EpubBuilder(BuildConfig(source_dir=tei, output_dir=tmp_path / "build"))
    builder.prepare()
    builder._edition_pages(chapters(10))  # compiled and warmed once
    seconds = []
    for count in (1000, 8000):
        started = time.process_time()
        pages = builder._edition_pages(chapters(count))
        seconds.append(time.process_time() - started)
        persons = pages["persons.xhtml"].decode("utf-8")
        assert persons.count('href="doc-') == count  # every mention is listed, once
    assert seconds[1] < 12 * seconds[0] + 0.5, seconds  # before the fix: 18 times

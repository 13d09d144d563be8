"""A converted synthetic edition, the input every build and validation benchmark starts from."""

from __future__ import annotations

import argparse
import shutil
from datetime import date
from pathlib import Path

from benchmarks.synthetic import REGISTERS, write_corpus
from toolkit.convert import ConvertOptions, convert_files


def converted_edition(folder: Path, count: int, size: int = 5000, seed: int = 0,
                      jobs: int = 2) -> Path:
    """Write `count` synthetic reports and convert them into `folder/tei` beside a copy of the
    registers (so references read `registers/...`, as in the real edition). Not timed."""
    sources = write_corpus(folder / "sources", count, size=size, seed=seed)
    edition = folder / "tei"
    shutil.copytree(REGISTERS, edition / "registers", dirs_exist_ok=True)
    options = ConvertOptions(edition, edition / "registers", date(2026, 11, 27), jobs=jobs)
    failed = [r for r in convert_files(sources, options) if r.error is not None]
    if failed:
        raise SystemExit(f"{len(failed)} reports did not convert: {failed[0].error}")
    return edition


def corpus_arguments(parser: argparse.ArgumentParser) -> argparse.ArgumentParser:
    """The options every build benchmark takes: corpus size and seed, workers, a kept folder."""
    parser.add_argument("--count", type=int, default=1000)
    parser.add_argument("--size", type=int, default=5000)
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--jobs", type=int, default=2)
    parser.add_argument("--keep", type=Path, help="build into this folder and keep it")
    return parser

"""Name tagging as registers grow: conversion of synthetic 5 KB reports with the sample's
registers and with 10,000 more register entries, and one paragraph of 40,000 names.

Goal (issue #11): with 10,000 register entries conversion stays >= 200 reports/s on one core;
tagging is linear in the text (40,000 names in one paragraph).

    python benchmarks/names_speed.py [--count 300] [--entries 10000] [--names 40000]

Timed: `convert_bytes` of each report (CPU time of this process, one thread, and wall
clock), after the context (registers, automaton, gazetteer) is built; building the context is
timed apart. The names stage alone is the CPU time spent in the tagger's methods the encoding
stages call (`tag`, `spans`, `starts_with_name`, `lookup`, `mention`, `unlinked`,
`ambiguous`; outermost calls only), in the same conversion loop.
"""

from __future__ import annotations

import argparse
import random
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

if __package__ in (None, ""):
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from benchmarks.synthetic import REGISTERS, generate_report  # noqa: E402
from toolkit.convert import ConvertOptions, convert_bytes, make_context  # noqa: E402
from toolkit.encoding.names import NameTagger  # noqa: E402
from toolkit.registers import load_registers  # noqa: E402

SYLLABLES = "ka ri mo sen ta lo vi na pe du go shi ra an el or is ul ba te ko mi".split()


def _word(rng: random.Random) -> str:
    return "".join(rng.choice(SYLLABLES) for _ in range(rng.randint(2, 4))).capitalize()


def write_big_registers(folder: Path, entries: int, seed: int = 0) -> None:
    """The sample's registers plus `entries` invented ones (a third of each kind)."""
    rng = random.Random(seed)
    for path in REGISTERS.glob("*.xml"):
        (folder / path.name).write_bytes(path.read_bytes())
    parts = {"person": [], "place": [], "org": []}  # type: dict[str, list[str]]
    for index in range(entries):
        kind = ("person", "place", "org")[index % 3]
        name = {"person": f"{_word(rng)} {_word(rng)}", "place": _word(rng),
                "org": f"{_word(rng)} Committee of {_word(rng)}"}[kind]
        tag = {"person": "persName", "place": "placeName", "org": "orgName"}[kind]
        parts[kind].append(f'<{kind} xml:id="bench-{index}"><{tag}>{name}</{tag}></{kind}>')
    for kind, lists in (("person", "listPerson"), ("place", "listPlace"), ("org", "listOrg")):
        (folder / f"bench-{kind}.xml").write_text(
            f'<TEI xmlns="http://www.tei-c.org/ns/1.0"><teiHeader><fileDesc><titleStmt><title>b'
            f'</title></titleStmt><publicationStmt><p>b</p></publicationStmt><sourceDesc><p>b</p>'
            f'</sourceDesc></fileDesc></teiHeader><standOff><{lists}>{"".join(parts[kind])}'
            f'</{lists}></standOff></TEI>', encoding="utf-8")


STAGE_METHODS = ("tag", "spans", "starts_with_name", "lookup", "mention", "unlinked", "ambiguous")


class _StageClock:
    """CPU seconds spent in the tagger's methods (outermost calls), wrapped in place."""

    def __init__(self) -> None:
        self.seconds = 0.0
        self._depth = 0
        self._saved = {name: getattr(NameTagger, name) for name in STAGE_METHODS}
        for name, method in self._saved.items():
            setattr(NameTagger, name, self._timed(method))

    def _timed(self, method: Callable[..., Any]) -> Callable[..., Any]:
        def timed(*args: Any, **kwargs: Any) -> Any:
            if self._depth:
                return method(*args, **kwargs)
            self._depth = 1
            start = time.process_time()
            try:
                return method(*args, **kwargs)
            finally:
                self.seconds += time.process_time() - start
                self._depth = 0
        return timed

    def restore(self) -> None:
        for name, method in self._saved.items():
            setattr(NameTagger, name, method)


def rate(registers: Path, reports: list[tuple[str, str]], out: Path, stage: bool = False
         ) -> tuple[float, float, float, float]:
    """(CPU seconds to build the context, reports per CPU second, reports per wall-clock
    second, ms of CPU per report in the names stage, or 0 without `stage`)."""
    options = ConvertOptions(out, registers, date(2026, 1, 1))
    start = time.process_time()
    context = make_context(options)
    built = time.process_time() - start
    for name, text in reports[:10]:  # warm-up
        convert_bytes(text.encode("utf-8"), name, context)
    clock = _StageClock() if stage else None
    start, wall = time.process_time(), time.perf_counter()
    for name, text in reports:
        convert_bytes(text.encode("utf-8"), name, context)
    cpu, wall = time.process_time() - start, time.perf_counter() - wall
    if clock is not None:
        clock.restore()
    names = clock.seconds * 1000 / len(reports) if clock is not None else 0.0
    return built, len(reports) / cpu, len(reports) / wall, names


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--count", type=int, default=300, help="reports (default 300)")
    parser.add_argument("--entries", type=int, default=10_000, help="extra register entries")
    parser.add_argument("--names", type=int, default=40_000, help="names in the long paragraph")
    parser.add_argument("--layout", default="sample", help="synthetic layout: sample or mix")
    parser.add_argument("--stage", action="store_true",
                        help="also time the names stage alone (adds a little per call)")
    args = parser.parse_args(argv)
    layout = {} if args.layout == "sample" else {"layout": args.layout}
    reports = [generate_report(seed=i, size=5000, **layout) for i in range(args.count)]
    with tempfile.TemporaryDirectory() as tmp:
        big = Path(tmp) / "registers"
        big.mkdir()
        write_big_registers(big, args.entries)
        for label, folder in (("sample registers", REGISTERS), (f"+{args.entries} entries", big)):
            built, per_second, per_wall, names = rate(folder, reports, Path(tmp))
            print(f"{label:>22}: context {built:6.2f} s CPU, {per_second:7.1f} reports/s (CPU, one "
                  f"core), {per_wall:7.1f} reports/s (wall)")
            if args.stage:
                _, per_second, _, names = rate(folder, reports, Path(tmp), stage=True)
                print(f"{'':>22}  names stage {names:5.2f} ms CPU per report of "
                      f"{1000 / per_second:5.2f} ({100 * names * per_second / 1000:.0f} %)")
        tagger = NameTagger(load_registers(REGISTERS), Path(tmp))
        for count in (args.names // 4, args.names):
            paragraph = " ".join(["Comrade Kosygin met Kim Il Sung in South Korea."] * (count // 3))
            start = time.process_time()
            tagger.tag(paragraph)
            print(f"{count:>8} names in one paragraph: {time.process_time() - start:6.2f} s")


if __name__ == "__main__":
    main()

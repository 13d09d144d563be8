"""Check that synthetic reports are good test material: each converts, and round-trips.

For every report: the real converter (in-process, the same calls as `teikit convert`) must
accept it, and `toolkit.projection` of the TEI must give back the source body
(`normalise(project(tree)) == normalise(body)`). Optionally the TEI is validated against
tei_all, and the whole corpus is converted once more with the CLI (`teikit convert -j 2`).

    python benchmarks/check_synthetic.py --count 300 [--tei-all] [--cli] [--layout mix]

`--layout` lays the reports out as other real exports do (`synthetic.py --layout`); the round
trip then compares the source's lines as `test_layouts.py` does: every non-blank source line
begins a line of the projection, and the words come back in order (`--lines`: the lines are
the source's, none split either). With a layout the TEI must also hold what it wrote: a
`closer` (every report is signed), the distribution list as `note[@type='distribution']`.

Exit status 1 if any report fails; each failure names the seed and the first paragraph that
differs, so that it can be reproduced with `generate_report(seed)`.
"""

from __future__ import annotations

import argparse
import re
import subprocess
import sys
import tempfile
from collections import Counter
from datetime import date
from pathlib import Path

from lxml import etree

if __package__ in (None, ""):
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from benchmarks.synthetic import (LAYOUTS, REGISTERS, ROOT, Layout, body_of,  # noqa: E402
                                  generate_report, resolve_layout)
from toolkit.convert import ConvertOptions, convert_bytes, make_context  # noqa: E402
from toolkit.errors import ToolkitError  # noqa: E402
from toolkit.output import serialize  # noqa: E402
from toolkit.projection import normalise, project  # noqa: E402

TEI_ALL = ROOT / ".cache" / "tei_all.rng"


def first_difference(got: list[str], want: list[str]) -> str:
    for index, (a, b) in enumerate(zip(got, want)):
        if a != b:
            return f"paragraph {index + 1}:\n      got  {a[:300]!r}\n      want {b[:300]!r}"
    return f"{len(got)} paragraphs projected, {len(want)} in the source"


# as tests/converter/test_layouts.py compares words: what the stylesheets regenerate from the
# markup (brackets, emphasis, carets) and the punctuation around words are ignored
_REGENERATED = re.compile(r"[\[\]^*]")
_SUPERSCRIPTS = str.maketrans("⁰¹²³⁴⁵⁶⁷⁸⁹", "0123456789")
_EDGES = ".,:;!?()\"'“”‘’«»/-–—_=…"


def words(text: str) -> list[str]:
    text = _REGENERATED.sub("", text.translate(_SUPERSCRIPTS))
    return [w for w in (t.strip(_EDGES) for t in text.split()) if w]


def lost_lines(body: str, projection: str) -> list[int]:
    """Body lines (1-based) whose first word begins no paragraph of the projection (the rule
    of tests/converter/test_layouts.py: a line may be split, never joined to the one before)."""
    starts: dict[int, int] = {}  # word index -> body line
    index = 0
    for number, line in enumerate(body.splitlines(), start=1):
        found = words(line)
        if found:
            starts[index] = number
            index += len(found)
    projected: set[int] = set()
    count = 0
    for paragraph in re.split(r"\n\s*\n", projection):
        found = words(paragraph)
        if found:
            projected.add(count)
            count += len(found)
    return [line for at, line in starts.items() if at not in projected]


def joined_lines(body: str, projection: str) -> list[str]:
    """Where the projection's lines are not the source's (white space collapsed): a source
    line split or two joined. The source's line structure is what the projection must give
    back (issue #10), not only a projection line for each source line's start."""
    source = [" ".join(line.split()) for line in body.splitlines() if line.strip()]
    got = [" ".join(p.split()) for p in re.split(r"\n\s*\n", projection) if p.strip()]
    for want, line in zip(source, got):
        if want != line:
            return [f"got {line[:120]!r}", f"want {want[:120]!r}"]
    return [] if len(source) == len(got) else [f"{len(got)} lines projected, {len(source)} "
                                                "in the source"]


TEI = {"t": "http://www.tei-c.org/ns/1.0"}


def structure_misses(layout: Layout, tree: etree._Element) -> list[str]:
    """What the layout wrote that the TEI does not encode as such: every report is signed
    (a `closer`); a distribution list after the signature is `note[@type='distribution']`."""
    misses = []
    if not tree.findall(".//t:text/t:body//t:closer", TEI):
        misses.append("no closer")
    if layout.distribution and not tree.findall(
            ".//t:text/t:body//t:note[@type='distribution']/t:list", TEI):
        misses.append("no note[@type='distribution'] holding the distribution list")
    return misses


def check(count: int, size: int, seed: int, known_bugs: bool, tei_all: bool,
          cli: bool, layout: str | None = None, lines: bool = False) -> int:
    schema = etree.RelaxNG(etree.parse(str(TEI_ALL))) if tei_all else None
    failed: set[int] = set()
    cli_failed = False
    warnings: Counter[str] = Counter()
    stats: Counter[str] = Counter()
    with tempfile.TemporaryDirectory(prefix="teikit-synthetic-") as tmp:
        sources = Path(tmp) / "sources"
        output = Path(tmp) / "tei"
        sources.mkdir()
        context = make_context(ConvertOptions(output, REGISTERS, date(2026, 1, 1)))
        for current in range(seed, seed + count):
            name, text = generate_report(current, size, known_bugs=known_bugs, layout=layout)
            (sources / name).write_text(text, encoding="utf-8")
            try:
                conversion = convert_bytes(text.encode(), str(sources / name), context)
                tree = etree.fromstring(serialize(conversion.tree))
            except (ToolkitError, ValueError, etree.XMLSyntaxError) as error:
                failed.add(current)
                print(f"seed {current}: conversion failed: {error}")
                continue
            for diagnostic in conversion.diagnostics:
                warnings[diagnostic.message.split("'")[0].split("[")[0][:60]] += 1
            stats.update(conversion.stats)
            projected = project(tree)
            if layout is None:
                got, want = normalise(projected), normalise(body_of(text))
                if got != want:
                    failed.add(current)
                    print(f"seed {current}: round trip differs at {first_difference(got, want)}")
            elif words(projected) != words(body_of(text)):
                failed.add(current)
                print(f"seed {current}: the words differ at "
                      f"{first_difference(words(projected), words(body_of(text)))}")
            elif lost := lost_lines(body_of(text), projected):
                failed.add(current)
                print(f"seed {current}: source lines {lost[:5]} begin no projection line")
            elif lines and (joined := joined_lines(body_of(text), projected)):
                failed.add(current)
                print(f"seed {current}: the projection's lines differ: {'; '.join(joined)}")
            if layout is not None and (misses := structure_misses(resolve_layout(
                    layout, current) or Layout(), tree)):
                failed.add(current)
                print(f"seed {current}: {'; '.join(misses)}")
            if schema is not None and not schema.validate(tree.getroottree()):
                failed.add(current)
                print(f"seed {current}: not valid against tei_all: {schema.error_log.last_error}")
        if cli:
            files = sorted(str(p) for p in sources.glob("*.txt"))
            run = subprocess.run([str(ROOT / ".venv" / "bin" / "teikit"), "convert", *files,
                                  "-o", str(output), "-j", "2", "--registers", str(REGISTERS)],
                                 capture_output=True, text=True, check=False)
            written = len(list(output.glob("*.xml")))
            print(f"CLI: exit {run.returncode}, {written} TEI files written for {len(files)} "
                  f"reports; last line: {run.stdout.strip().splitlines()[-1:]}")
            cli_failed = run.returncode != 0 or written != len(files)
            if cli_failed:
                print(run.stderr[-2000:])
    print(f"{count - len(failed)} of {count} reports converted and round-tripped"
          + (" and valid against tei_all" if tei_all else ""))
    print("markup produced:", ", ".join(f"{k} {v}" for k, v in sorted(stats.items())))
    if warnings:
        print("warnings:", "; ".join(f"{k.strip()} x{v}" for k, v in warnings.most_common()))
    return 1 if failed or cli_failed else 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--count", type=int, default=300)
    parser.add_argument("--size", type=int, default=5000)
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--known-bugs", action="store_true",
                        help="also emit the constructs the converter is known to get wrong")
    parser.add_argument("--tei-all", action="store_true", help=f"validate against {TEI_ALL}")
    parser.add_argument("--cli", action="store_true", help="also run `teikit convert -j 2`")
    parser.add_argument("--layout", choices=[*LAYOUTS, "mix"], default=None,
                        help="the layout of the reports (default: the sample's)")
    parser.add_argument("--lines", action="store_true",
                        help="with --layout: the projection's lines must be the source's, "
                        "none split (by default a source line may project as several)")
    args = parser.parse_args(argv)
    return check(args.count, args.size, args.seed, args.known_bugs, args.tei_all, args.cli,
                 args.layout, args.lines)


if __name__ == "__main__":
    sys.exit(main())

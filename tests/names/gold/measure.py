"""Precision and recall per kind of name on parts of the gold set, with the misses:

    python tests/names/gold/measure.py [NN ...]
"""

from __future__ import annotations

import sys
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[3]))

from tests.names.test_names_gold import PARTS, tagged  # noqa: E402


def main(argv: list[str]) -> None:
    parts = {"given": argv} if argv else PARTS
    for part, numbers in parts.items():
        true: Counter[str] = Counter()
        predicted: Counter[str] = Counter()
        expected: Counter[str] = Counter()
        misses = []
        for number in numbers:
            found, gold = tagged(number)
            for counter, names in ((true, found & gold), (predicted, found), (expected, gold)):
                for (_, kind), count in names.items():
                    counter[kind] += count
                    counter["all"] += count
            misses += [f"  {number}: missed {k}" for k in gold - found]
            misses += [f"  {number}: wrong {k}" for k in found - gold]
        figures = ", ".join(
            f"{kind} P {true[kind] / predicted[kind] if predicted[kind] else 1:.3f} "
            f"R {true[kind] / expected[kind] if expected[kind] else 1:.3f} "
            f"({true[kind]}/{predicted[kind]}/{expected[kind]})"
            for kind in ("person", "place", "org", "all"))
        print(f"{part}: {figures}", *misses, sep="\n")


if __name__ == "__main__":
    main(sys.argv[1:])

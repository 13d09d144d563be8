"""Writes the gold set from reports.md: NN.txt (a WCDA text export) and NN.json (the names an
editor tags in the body, with their kind and count), so that texts and names cannot drift.

    python tests/names/gold/make_gold.py
"""

from __future__ import annotations

import json
import re
from collections import Counter
from pathlib import Path

HERE = Path(__file__).resolve().parent
MARK = re.compile(r"\{([plo]):([^{}]+)\}")
KINDS = {"p": "person", "l": "place", "o": "org"}

HEADER = """

**{date}**

**{title}**

**Citation:**

"{title}", {date}, Wilson Center Digital Archive, Archive of Invented Reports (AIR), gold set, report {n}. Translated for the teikit gold set by Ann Example. <https://wilson-center.drivingcreative.com/document/9900{n}>

**Summary:**

An invented report of the teikit gold set of names (report {n}).

**Original Language:**

Hungarian

**Contents:**

Translation - English

"""


def main() -> None:
    text = (HERE / "reports.md").read_text(encoding="utf-8")
    for block in text.split("\n=== ")[1:]:
        head, _, body = block.partition("\n")
        number, date, title = (part.strip() for part in head.split("|"))
        names = Counter((" ".join(m.group(2).split()), KINDS[m.group(1)])
                        for m in MARK.finditer(body))  # a name over a line break: one space
        plain = MARK.sub(lambda m: m.group(2), body).strip() + "\n"
        (HERE / f"wilson-9900{number}.txt").write_text(
            HEADER.format(date=date, title=title, n=number) + plain, encoding="utf-8")
        gold = [{"text": t, "type": k, "count": c} for (t, k), c in sorted(names.items())]
        (HERE / f"wilson-9900{number}.json").write_text(
            json.dumps(gold, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()

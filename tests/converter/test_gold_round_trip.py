"""Nothing of the source is lost on the names' gold set either (issue #10): the 64 invented
reports of tests/names/gold were written for their names, in layouts the converter's fixtures
do not all have, so they are a second corpus for the round trip. Four of them (minutes ending
`Distribution:` / items / `Recorded by: N. N.`) lost their last line before the distribution
note kept the lines its list does not take."""

from __future__ import annotations

from pathlib import Path

import pytest
from converter_support import ROOT, context, source_body
from lxml import etree

from toolkit.convert import convert_bytes
from toolkit.output import serialize
from toolkit.projection import normalise, project
from toolkit.readers import ReadContext

__all__ = ["context"]
GOLD = sorted((ROOT / "tests" / "names" / "gold").glob("wilson-*.txt"))


def test_the_gold_set_is_there() -> None:
    assert len(GOLD) >= 64


@pytest.mark.parametrize("path", GOLD, ids=lambda p: p.stem)
def test_gold_report_round_trips(path: Path, context: ReadContext) -> None:
    conversion = convert_bytes(path.read_bytes(), str(path), context)
    written = etree.ElementTree(etree.fromstring(serialize(conversion.tree)))
    assert normalise(project(written)) == normalise(source_body(path.read_text(encoding="utf-8")))


def test_a_line_under_the_distribution_list_is_kept(context: ReadContext) -> None:
    """The list ends at the first line that is no item; what follows stays in the note."""
    text = (ROOT / "tests" / "names" / "gold" / "wilson-990059.txt").read_text(encoding="utf-8")
    assert text.rstrip().endswith("Recorded by: G. Petrov")
    conversion = convert_bytes(text.encode(), "wilson-990059.txt", context)
    note = conversion.tree.find(".//{*}note[@type='distribution']")
    assert note is not None
    assert [len(note.findall("{*}list/{*}item")), "".join(note[-1].itertext())] == \
        [2, "Recorded by: G. Petrov"]

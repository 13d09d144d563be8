"""Rules found by the lead's probe of 2026-12-03 (layouts 120-122), each with the case where the
same signs mean something else."""

from __future__ import annotations

from pathlib import Path

from lxml import etree
from test_probe_rules_080 import NS, converted


def test_a_letter_spaced_title_keeps_its_lower_case_line_as_a_line_not_a_page(tmp_path: Path) -> None:
    tei, _ = converted(tmp_path, "N o t e\nfrom a conversation with the Chairman on 2 April 1977\n"
                                 "On 2 April I was received at the palace.\nHe thanked us.\n")
    heads = tei.xpath("//tei:body//tei:head", namespaces=NS)
    assert len(heads) == 1 and heads[0].get("rend") == "letter-spaced"
    assert "from a conversation" in "".join(heads[0].itertext())
    assert tei.xpath("count(//tei:body//tei:pb)", namespaces=NS) == 0
    assert tei.xpath("count(//tei:head/tei:lb)", namespaces=NS) == 1


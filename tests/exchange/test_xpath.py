"""citeStructure XPaths (TEI as default element namespace) rewritten for lxml."""

from __future__ import annotations

import pytest
from lxml import etree

from toolkit.server.xpath import XPathSyntaxError, tei_xpath


@pytest.mark.parametrize(("expression", "expected"), [
    ("//body/div", "//tei:body/tei:div"),
    ("div[@type='chapter']", "tei:div[@type='chapter']"),
    ("@n", "@n"),
    ("position()", "position()"),
    ("div[count(p) div 2 > 1 and head]", "tei:div[count(tei:p) div 2>1 and tei:head]"),
    ("descendant::p[1]", "descendant::tei:p[1]"),
    ("head/text()", "tei:head/text()"),
    ("*", "tei:*"),
    ("@*", "@*"),
    ("p[@n = 'div']", "tei:p[@n='div']"),
    ("tei:p", "tei:p"),
])
def test_rewriting(expression: str, expected: str) -> None:
    assert tei_xpath(expression) == expected


def test_rewritten_paths_select_tei_elements() -> None:
    root = etree.fromstring('<TEI xmlns="http://www.tei-c.org/ns/1.0"><text><body><div><p n="a"/><p n="b"/>'
                            '<div><p/></div></div></body></text></TEI>')
    found = root.xpath(tei_xpath("/TEI/text/body/div/p[@n != 'a'] | //div/div"),
                       namespaces={"tei": "http://www.tei-c.org/ns/1.0"})
    assert isinstance(found, list) and [etree.QName(n).localname for n in found] == ["p", "div"]  # type: ignore[union-attr]


def test_unreadable_expression() -> None:
    with pytest.raises(XPathSyntaxError):
        tei_xpath("p[#]")

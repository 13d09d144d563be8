"""Every converted document declares how its passages are cited (refsDecl/citeStructure),
and the DTS server's citation trees follow that declaration."""

from __future__ import annotations

from converter_support import SAMPLE, context
from test_reported_bugs import convert

from toolkit.convert import convert_bytes
from toolkit.readers import ReadContext
from toolkit.server.citations import schemes, units
from toolkit.tei import NS

__all__ = ["context"]  # the fixture, imported for pytest


def test_sample_declares_paragraphs_and_points(context: ReadContext) -> None:
    tree = convert_bytes(SAMPLE.read_bytes(), str(SAMPLE), context).tree
    declared = tree.findall("tei:teiHeader/tei:encodingDesc/tei:refsDecl", NS)
    assert [(d.get("n"), [(c.get("unit"), c.get("match"), c.get("use")) for c in d])
            for d in declared] == [
        (None, [("paragraph", "/TEI/text/body/div/p", "position()")]),
        ("points", [("point", "/TEI/text/body/div/p[@n]", "@n")])]
    default, points = schemes(tree)
    # declared, the paragraphs keep the references the server derived before
    assert [(u.identifier, u.element) for u in default.units] == \
        [(u.identifier, u.element) for u in units(tree)]
    assert default.structure["citeStructure"] == [{"@type": "CiteStructure", "citeType": "paragraph"}]
    assert points.identifier == "points"
    labelled = tree.findall("tei:text/tei:body/tei:div/tei:p[@n]", NS)
    assert [u.identifier for u in points.units] == [p.get("n") for p in labelled] == ["1", "2", "3"]
    assert [u.element for u in points.units] == labelled


def test_repeated_point_labels_are_not_declared(context: ReadContext) -> None:
    body = ("1. First point.\n\na) One.\n\nb) Two.\n\n2. Second point.\n\na) Three.\n\n"
            "b) Four.\n")
    conversion, _ = convert(body, context)
    labels = [p.get("n") for p in conversion.tree.iterfind(".//tei:body/tei:div/tei:p", NS)]
    assert labels == ["1", "a", "b", "2", "a", "b"]
    declared = conversion.tree.findall(".//tei:encodingDesc/tei:refsDecl", NS)
    assert [d.get("n") for d in declared] == [None]  # "a" would name two passages

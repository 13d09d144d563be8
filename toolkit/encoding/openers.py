"""One opener across the marks that stand among its lines (issue #10, fix10).

A telegram's or a report's top often has a mark between two of its opener lines: the routing
line, then `SECRET` indented on a line of its own, then `To: Comrade Minister ...` (133); the
ministry, `Ref. No. 024.117/74`, then the place and date (135). Read line by line, the mark
(an `fw`) ended the opener and the next opener line opened a second one. The lines are one
preliminary group (TEI 4.2.1, `opener`), and forme work is `model.global`, allowed inside
it: the marks go into the opener where they stand and the two openers become one, in the
source's order. A `head` between two openers (139: the byline, the title, then the fields)
is no mark: the title divides them, and both openers stay.
"""

from __future__ import annotations

from lxml import etree

_MARKS = {"fw", "space"}  # what may stand between two openers of one group


def _name(node: etree._Element) -> str:
    return etree.QName(node).localname if isinstance(node.tag, str) else ""


def join_openers(root: etree._Element) -> int:
    """Merge every `opener, (fw|space)+, opener` run under `root` into its first opener;
    the number of openers merged away."""
    merged = 0
    for opener in list(root.iter("{*}opener")):
        if opener.getparent() is None:
            continue  # merged into the one before it already
        while True:
            between: list[etree._Element] = []
            node = opener.getnext()
            while node is not None and _name(node) in _MARKS:
                between.append(node)
                node = node.getnext()
            if not between or node is None or _name(node) != "opener" or \
                    (node.text or "").strip() or \
                    any((m.tail or "").strip() for m in [opener, *between]):
                break  # (an opener's own text or a tail between: never made, left alone)
            for mark in between:
                opener.append(mark)
            opener.extend(list(node))
            parent = node.getparent()
            assert parent is not None
            parent.remove(node)
            merged += 1
    return merged

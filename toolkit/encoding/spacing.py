"""Inline spacing of the encoded body (split from `body.py`, behaviour unchanged)."""

from __future__ import annotations

from lxml import etree

CONTAINERS = {"div", "opener", "closer", "address", "choice", "list", "postscript", "floatingText",
              "body"}


def keep_inline_spacing(div: etree._Element) -> None:
    """Pretty-printing indents an element that has no text of its own, which inside running
    text adds spaces ('[ Kim Chang Man ]' for a supplied holding only a name); an empty text
    node tells lxml the element is mixed content and keeps it on one line."""
    for node in div.iter(etree.Element):  # elements only: no comment or instruction
        if node is not div and len(node) and node.text is None \
                and node.tag[node.tag.find("}") + 1:] not in CONTAINERS \
                and node.get("type") != "distribution":  # a note holding a list
            node.text = ""

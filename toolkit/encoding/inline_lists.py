"""An enumeration run into its paragraph (issue #10): `three decisions: (a) the delegation
...; (b) the talks ...; (c) the press ... position.` is a list, though written on one line.

The Guidelines allow a `list` inside a `p` (model.inter): the points stay in their paragraph,
each an `item` with its letter or figure as `n` and its label as written (`label`), the
separator (`;`) kept at the item's end. The list has `rend='inline'`: the projection gives it
back on its line. What makes an enumeration, and nothing else:

- the first label right after a colon (`...: (a) `), the labels then in sequence (`(a)`,
  `(b)`, `(c)`; `(1)`, `(2)`; `(i)`, `(ii)`), each after a `;` or a `,` (perhaps `and`/`or`),
  two points at least;
- every label in the paragraph's own text (not inside a name or a bracket's element);
- the last point ends at the first sentence's end after its label (or the paragraph's end);
  the rest of the paragraph follows the list, and may hold a further enumeration (each one
  its own list).

A lone `(a)`, a reference to `clause (b)`, labels out of sequence, or points not announced by
a colon stay text.
"""

from __future__ import annotations

import re

from lxml import etree

from toolkit.tei import el, tei

LABEL = re.compile(r"(?<![\w(])\((?P<n>[a-z]|\d{1,2}|[ivx]{1,5})\)(?=\s)")
# what any `LABEL` match in a paragraph's own text holds, wherever that text stands in the
# part's: the label and the space after it (its look-behind may see another character there)
_ANY_LABEL = re.compile(r"\((?:[a-z]|\d{1,2}|[ivx]{1,5})\)\s")
_FIRST_BEFORE = re.compile(r":\s*$")
_NEXT_BEFORE = re.compile(r"[;,]\s*(?:(?:and|or)\s+)?$")
_SENTENCE_END = re.compile(r"[.!?](?=\s+[^\W\d_]|\s*$)")
_ROMAN = ["i", "ii", "iii", "iv", "v", "vi", "vii", "viii", "ix", "x"]
MOST = 26  # points of one enumeration
_WINDOW = 24  # `; and ` or `: ` before a label, with the spaces a layout leaves


def _sequence(kind: str) -> list[str]:
    if kind == "roman":
        return _ROMAN
    if kind == "digit":
        return [str(n) for n in range(1, MOST + 1)]
    return [chr(ord("a") + n) for n in range(MOST)]


def inline_lists(part: etree._Element) -> None:
    """Each paragraph of `part` holding an enumeration gets it as an inline list."""
    if not _ANY_LABEL.search(etree.tostring(part, method="text", encoding="unicode")):
        return  # most parts: one pass over their text, not one per paragraph
    for paragraph in list(part.iter(tei("p"))):
        if paragraph.find(tei("list")) is None and "(" in etree.tostring(
                paragraph, method="text", encoding="unicode"):
            # every enumeration of the paragraph, not its first alone (`...: (a) ...; (b) ....
            # Later: (1) ...; (2) ...`): each pass reads the text after the lists made
            for _ in range(MOST):
                if not _enumeration(paragraph):
                    break


def _enumeration(paragraph: etree._Element) -> bool:
    """The first enumeration in the paragraph's own text made an inline list; False if none."""
    # the paragraph as a sequence of its text nodes (strings) and child elements
    nodes: list[str | etree._Element] = [paragraph.text or ""]
    for child in paragraph:
        nodes += [child, child.tail or ""]
    if not any(LABEL.search(n) for n in nodes if isinstance(n, str)):
        return False
    # labels found in the strings: (node index, match)
    labels = [(i, m) for i, node in enumerate(nodes) if isinstance(node, str)
              for m in LABEL.finditer(node)]
    run = _run(nodes, labels)
    if run is None:
        return False
    for child in paragraph:
        child.tail = None  # the tails are in `nodes`
    items: list[list[str | etree._Element]] = []
    first_index, first = run[0]
    opening = nodes[first_index]
    assert isinstance(opening, str)
    before: list[str | etree._Element] = [*nodes[:first_index], opening[:first.start()]]
    for number, (index, match) in enumerate(run):
        end = run[number + 1] if number + 1 < len(run) else None
        node = nodes[index]
        assert isinstance(node, str)
        content: list[str | etree._Element] = [el("label", match.group())]
        if end is None:
            stop = _last_end(nodes, index, match.end())
            if stop[0] == index:
                content.append(node[match.end():stop[1]])
            else:
                content += [node[match.end():], *nodes[index + 1:stop[0]]]
                last = nodes[stop[0]]
                assert isinstance(last, str)
                content.append(last[:stop[1]])
            rest_node = nodes[stop[0]]
            assert isinstance(rest_node, str)
            after = [rest_node[stop[1]:], *nodes[stop[0] + 1:]]
        else:
            next_index, next_match = end
            if next_index == index:
                content.append(node[match.end():next_match.start()])
            else:
                later = nodes[next_index]
                assert isinstance(later, str)
                content += [node[match.end():], *nodes[index + 1:next_index],
                            later[:next_match.start()]]
        items.append(content)
    made = el("list", [], rend="inline")
    for number, (content, (_, match)) in enumerate(zip(items, run)):
        text = list(content)
        last_text = text[-1] if isinstance(text[-1], str) else ""
        space = last_text[len(last_text.rstrip()):] if number + 1 < len(items) else ""
        if space:
            text[-1] = last_text.rstrip()
        item = el("item", [x for x in text if not isinstance(x, str) or x], n=match.group("n"))
        item.tail = space or None
        made.append(item)
    _rebuild(paragraph, [*before, made, *after])
    return True


def _run(nodes: list[str | etree._Element], labels: list[tuple[int, re.Match[str]]]
         ) -> list[tuple[int, re.Match[str]]] | None:
    """The labels of one enumeration, in sequence from its first, or None."""
    for start, (index, match) in enumerate(labels):
        first = match.group("n")
        kind = "roman" if first == "i" else "digit" if first.isdigit() else "letter"
        expected = _sequence(kind)
        node = nodes[index]
        assert isinstance(node, str)
        if first != expected[0] or not _FIRST_BEFORE.search(_before(node, match)):
            continue
        run = [(index, match)]
        for later_index, later in labels[start + 1:]:
            if len(run) >= len(expected) or later.group("n") != expected[len(run)]:
                break
            later_node = nodes[later_index]
            assert isinstance(later_node, str)
            if not _NEXT_BEFORE.search(_before(later_node, later)):
                break
            run.append((later_index, later))
        if len(run) >= 2:
            return run
    return None


def _before(node: str, match: re.Match[str]) -> str:
    """The few characters before a label (what separates it): a window, so that a paragraph
    of many labels is not read again from its start for each."""
    return node[max(0, match.start() - _WINDOW):match.start()]


def _last_end(nodes: list[str | etree._Element], index: int, offset: int) -> tuple[int, int]:
    """(node index, offset after it) where the last point's sentence ends."""
    for at in range(index, len(nodes)):
        node = nodes[at]
        if not isinstance(node, str):
            continue
        found = _SENTENCE_END.search(node, offset if at == index else 0)
        if found:
            return at, found.end()
    last = len(nodes) - 1
    tail = nodes[last]
    assert isinstance(tail, str)
    return last, len(tail)


def _rebuild(paragraph: etree._Element, content: list[str | etree._Element]) -> None:
    """The paragraph's children and text replaced by `content`."""
    for child in list(paragraph):
        paragraph.remove(child)
    paragraph.text = None
    last: etree._Element | None = None
    for piece in content:
        if isinstance(piece, str):
            if not piece:
                continue
            if last is None:
                paragraph.text = (paragraph.text or "") + piece
            else:
                last.tail = (last.tail or "") + piece
        else:
            paragraph.append(piece)
            last = piece

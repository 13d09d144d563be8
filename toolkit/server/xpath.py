"""Evaluating TEI `citeStructure/@match` and `@use` with lxml.

Those XPaths are written with TEI as the default element namespace (`//body/div`), which
XPath 1.0 engines do not have; this module prefixes each element name test with `tei:`,
telling name tests from operator names (`div`, `and`, `or`, `mod`) by the rule of XPath 1.0
section 3.7: after an operand, a name is an operator; elsewhere it is a name test.
"""

from __future__ import annotations

import re

_TOKEN = re.compile(r"""
    (?P<literal>"[^"]*"|'[^']*')
  | (?P<number>\d+(?:\.\d*)?|\.\d+)
  | (?P<name>(?:[A-Za-z_][\w.-]*:)?(?:[A-Za-z_][\w.-]*|\*))
  | (?P<axis>::)
  | (?P<symbol>//|/|\.\.|\.|@|\$|\[|\]|\(|\)|,|\||!=|<=|>=|=|<|>|\+|-|\*)
  | (?P<space>\s+)
""", re.VERBOSE)
_OPERATORS = {"and", "or", "mod", "div"}


class XPathSyntaxError(ValueError):
    pass


def tei_xpath(expression: str) -> str:
    """The expression with unprefixed element name tests bound to the `tei:` prefix."""
    tokens: list[tuple[str, str]] = []
    position = 0
    while position < len(expression):
        match = _TOKEN.match(expression, position)
        if match is None:
            raise XPathSyntaxError(f"cannot read the XPath {expression!r} at {position + 1}")
        kind = match.lastgroup or ""
        if kind != "space":
            tokens.append((kind, match.group()))
        position = match.end()
    out: list[str] = []
    previous: tuple[str, str] | None = None
    for index, (kind, text) in enumerate(tokens):
        following = tokens[index + 1][1] if index + 1 < len(tokens) else ""
        after_operand = previous is not None and (
            previous[0] in ("literal", "number") or previous[1] in (")", "]", ".", "..")
            or (previous[0] == "name" and previous[1] not in _OPERATORS))
        if kind == "name" and after_operand and text in _OPERATORS | {"*"}:
            out.append(f" {text} ")  # an operator (or multiplication)
        elif kind == "name" and text != "*" and ":" not in text and following not in ("(", "::") \
                and not (previous and previous[1] in ("@", "$")):
            out.append(f"tei:{text}")
        elif kind == "name" and text == "*" and not after_operand and not (previous and previous[1] == "@"):
            out.append("tei:*")
        else:
            out.append(text)
        previous = (kind, text)
    return "".join(out)


__all__ = ["XPathSyntaxError", "tei_xpath"]

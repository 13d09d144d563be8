"""Footnotes: the reference forms of the text and the note texts at its end.

The body stage collects note texts (`[1] text`, `1. text` under a rule or a `Notes` line,
`¹ text`); the bracket stage finds references (`[1]`, `[1a]`, `¹`, `^1^`). Both name a note by
`note_key`, so that any reference form finds any text form.
"""

from __future__ import annotations

import re

SUPERSCRIPTS = str.maketrans("⁰¹²³⁴⁵⁶⁷⁸⁹", "0123456789")


def note_key(label: str) -> str:
    """The note a reference or a note text names: '[1]', '¹', '^1^', '1.', '1a' -> '1'/'1a'."""
    key = label.strip().translate(SUPERSCRIPTS)
    key = key.strip("[]^()").rstrip(".)").strip()
    return key.lower()


# A reference outside brackets: `^1^` (Markdown superscript) or superscript figures after a
# word or a sign (`Vienna¹`, `agreed.²`); `[1]` and `[1a]` are brackets (the bracket stage).
REFERENCE = re.compile(r"\^(?P<caret>\d{1,3}[a-z]?)\^"
                       r"|(?<!\s)(?<![⁰¹²³⁴⁵⁶⁷⁸⁹])(?P<sup>[⁰¹²³⁴⁵⁶⁷⁸⁹]{1,3})(?![⁰¹²³⁴⁵⁶⁷⁸⁹])")

"""Footnotes: the reference forms of the text and the note texts at its end.

The body stage collects note texts (`[1] text`, `1. text` under a rule or a `Notes` line,
`¹ text`); the bracket stage finds references (`[1]`, `[1a]`, `¹`, `^1^`). Both name a note by
`note_key`, so that any reference form finds any text form.
"""

from __future__ import annotations

SUPERSCRIPTS = str.maketrans("⁰¹²³⁴⁵⁶⁷⁸⁹", "0123456789")


def note_key(label: str) -> str:
    """The note a reference or a note text names: '[1]', '¹', '^1^', '1.', '1a' -> '1'/'1a'."""
    key = label.strip().translate(SUPERSCRIPTS)
    key = key.strip("[]^()").rstrip(".)").strip()
    return key.lower()

"""A resolution's preamble and its operative verb, each on a line of its own (probe13, 151).

A resolution or a communiqué names its body (`The Political Consultative Committee ...,`),
then gives its reasons a clause a line, each opening with a participle and ending with a
comma (`Noting ...,` / `Considering ...,` / `Recalling ...,` / `Guided by ...,`), then its
verb alone (`resolves:`) over the numbered decisions. The whole is one sentence, so the
lines read as a paragraph cut by wraps or page breaks: a comma ends each, and `resolves:`
opens in lower case. The clauses are the document's parts, one block each, never joined to
the line above: a preamble clause after a line ending with a comma or a semicolon, and the
operative verb alone on its line.
"""

from __future__ import annotations

import re

PREAMBLE = re.compile(
    r"^(?:Noting|Considering|Recalling|Reaffirming|Recognizing|Recognising|Welcoming|Desiring|"
    r"Stressing|Emphasizing|Emphasising|Expressing|Believing|Convinced|Aware|Mindful|Determined|"
    r"Guided\s+by|Bearing\s+in\s+mind|Taking\s+into\s+(?:account|consideration)|"
    r"Having\s+(?:examined|considered|heard|studied|discussed|reviewed)|"
    r"Deeply\s+(?:concerned|convinced|disturbed)|Acting\s+(?:on|in|under))\b")
OPERATIVE = re.compile(r"^(?:hereby\s+)?(?:resolves|decides|declares|recommends|approves|"
                       r"adopts|resolve|decide|declare|has\s+resolved|have\s+resolved|"
                       r"has\s+decided|have\s+decided)\s*:$")


def starts_anew(previous: str, line: str) -> bool:
    """`line` opens a part of a resolution of its own: a preamble clause after a line that
    ends with a comma or a semicolon, or the operative verb alone (`resolves:`)."""
    text = line.strip()
    if OPERATIVE.match(text):
        return True
    return bool(PREAMBLE.match(text)) and previous.rstrip().endswith((",", ";"))

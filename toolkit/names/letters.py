"""The letters the name patterns are made of (a module of its own: cues.py and the modules it
imports read them)."""

from __future__ import annotations

_UPPER = "".join(chr(c) for c in range(0x41, 0x250) if chr(c).isupper() and chr(c).isalpha())
_LOWER = "".join(chr(c) for c in range(0x61, 0x250) if chr(c).islower() and chr(c).isalpha())
U: str = f"[{_UPPER}]"
L: str = f"[{_LOWER}]"
APOS: str = "'’"

# characters by how often the archive's running text (English) has them; capitals after
_FREQUENT = " etaoinsrhldcumfpgwybvkxjqz,.-TSACMIPBDHRWFGNLEOKJUVYZQX"
_RANK = {c: rank for rank, c in enumerate(_FREQUENT)}


def by_text_frequency(key: str) -> tuple[int, ...]:
    """A sort key that adds an automaton's frequent paths first: pyahocorasick searches a
    node's children one by one in the order they were added."""
    return tuple(_RANK.get(c, len(_FREQUENT)) for c in key)

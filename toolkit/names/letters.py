"""The letters the name patterns are made of (a module of its own: cues.py and the modules it
imports read them)."""

from __future__ import annotations

_UPPER = "".join(chr(c) for c in range(0x41, 0x250) if chr(c).isupper() and chr(c).isalpha())
_LOWER = "".join(chr(c) for c in range(0x61, 0x250) if chr(c).islower() and chr(c).isalpha())
U: str = f"[{_UPPER}]"
L: str = f"[{_LOWER}]"
APOS: str = "'’"

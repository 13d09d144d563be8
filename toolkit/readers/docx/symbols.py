"""Characters typed in Word's symbol fonts (`w:sym`), as the Unicode characters Word shows.

Symbol and Wingdings put their glyphs at codes of their own (Word writes them in the private
use area, F020-F0FF): Symbol's `a` is α and its F0AE is →, Wingdings' F0FC is a check mark.
The tables hold the characters a translation uses (Greek, arrows, the common signs, ticks and
bullets, after Adobe's Symbol encoding and LibreOffice's Wingdings table); any other code is
kept as the character of its code and reported.
"""

from __future__ import annotations

_GREEK_UPPER = "ΑΒΧΔΕΦΓΗΙϑΚΛΜΝΟΠΘΡΣΤΥςΩΞΨΖ"
_GREEK_LOWER = "αβχδεφγηιϕκλμνοπθρστυϖωξψζ"
SYMBOL: dict[int, str] = {
    **{0x41 + i: c for i, c in enumerate(_GREEK_UPPER)},
    **{0x61 + i: c for i, c in enumerate(_GREEK_LOWER)},
    0x22: "∀", 0x24: "∃", 0x27: "∋", 0x2A: "∗", 0x2D: "−", 0x40: "≅", 0x5C: "∴", 0x5E: "⊥",
    0xA2: "′", 0xA3: "≤", 0xA5: "∞", 0xAB: "↔", 0xAC: "←", 0xAD: "↑", 0xAE: "→", 0xAF: "↓",
    0xB0: "°", 0xB1: "±", 0xB2: "″", 0xB3: "≥", 0xB4: "×", 0xB7: "•", 0xB8: "÷", 0xB9: "≠",
    0xBA: "≡", 0xBB: "≈", 0xBC: "…", 0xC5: "⊕", 0xD2: "®", 0xD3: "©", 0xD4: "™", 0xD7: "⋅",
    0xD8: "¬", 0xDB: "⇔", 0xDE: "⇒", 0xE0: "◊", 0xE2: "®", 0xE3: "©", 0xE4: "™",
}
WINGDINGS: dict[int, str] = {
    0x6C: "●", 0x6E: "■", 0x71: "❑", 0x77: "◆", 0x9F: "•", 0xA7: "▪", 0xA8: "◻", 0xD8: "➢",
    0xE0: "➔", 0xE8: "➔", 0xFB: "✘", 0xFC: "✔", 0xFD: "☒", 0xFE: "☑",
}
FONTS = {"symbol": SYMBOL, "wingdings": WINGDINGS}


def symbol_char(font: str, code: str) -> tuple[str, bool]:
    """The character of a `w:sym`, and whether it is known to be the glyph Word shows."""
    value = int(code, 16) if code and len(code) <= 6 and \
        all(c in "0123456789abcdefABCDEF" for c in code) else 0
    if 0xF000 <= value <= 0xF0FF:
        value -= 0xF000  # symbol fonts map their glyphs into the private use area
    table = FONTS.get(font.strip().lower())
    if table is not None and value in table:
        return table[value], True
    if table is not None and 0x20 <= value < 0x80 and not chr(value).isalpha():
        return chr(value), True  # digits and punctuation are themselves in Symbol
    return (chr(value) if value >= 0x20 else "?"), False

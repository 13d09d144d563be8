"""speed17's gate of the quotation markers: `_may_open` is true wherever an opening marker's
pattern matches (else `_open` and `mark` would skip a quotation)."""

from hypothesis import given, strategies as st

from toolkit.encoding.quoted import _PAIRS, _may_open

_PIECES = st.sampled_from(["BEGIN", "begin", "BEGİN", "begın", "BEGIN TEXT:", "Begin Quote",
                           "QUOTE", "quote", "UNQUOTE", "END TEXT", " ", "x", "-", "İ", "ı", "."])


@given(st.lists(st.one_of(_PIECES, st.text(max_size=5)), max_size=8).map("".join))
def test_gate_holds_every_opening_marker(text: str) -> None:
    if any(begin.search(text) for begin, _ in _PAIRS):
        assert _may_open(text)


def test_gate_examples() -> None:
    assert _may_open("said: BEGİN TEXT: the note")  # re.I lets `I` match `İ`
    assert _may_open("begın quote")
    assert _may_open("he said QUOTE we agree UNQUOTE")
    assert not _may_open("The Ambassador said that the quote was wrong.")

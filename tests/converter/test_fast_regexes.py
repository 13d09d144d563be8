"""Regexes rewritten for speed (issue #10) find what the forms they replace found.

Each rewritten pattern is compared here with its original formulation, written out, on many
generated texts drawn from the characters the pattern cares about, so that a later edit of
either side that makes them disagree fails.
"""

from __future__ import annotations

import random
import re

from toolkit.encoding import bracket_kinds, bracket_parse, dates, layouts, lines, notes, structure

# The note reference patterns before their leading lookahead (issue #10, speed9).
SYMBOL = r"(?<=[^\s*§])(?P<mark>\*{1,3}|†{1,2}|‡{1,2}|§{1,2})(?![\w*§])"
BRACKET = r"(?<=\S)\[(\d{1,3}[a-z]?)\]|(?<=\S)([⁰¹²³⁴⁵⁶⁷⁸⁹]{1,3})"
REFERENCE = (r"\^(?P<caret>\d{1,3}[a-z]?|[a-z])\^"
             r"|(?<!\s)(?<![⁰¹²³⁴⁵⁶⁷⁸⁹])(?P<sup>[⁰¹²³⁴⁵⁶⁷⁸⁹]{1,3})(?![⁰¹²³⁴⁵⁶⁷⁸⁹])"
             r"|(?<=[^\s(])\((?P<paren>\d{1,3}[a-z]?)\)(?!\w)"
             r"|(?<=[^\W\d_] )\((?P<spaced>\d{1,3})\)(?!\w)"  # inline15: `Vienna (1)`
             r"|(?<=[^\s\d(])(?P<closing>\d{1,3}[a-z]?)\)(?!\w)"
             r"|" + SYMBOL)
ALPHABET = "ab Z.1209٣²³¹⁰^()[]*†‡§ \n\u00a0"


def _found(pattern: re.Pattern[str], text: str) -> list[tuple[tuple[int, int], tuple[str | None, ...]]]:
    return [(m.span(), m.groups()) for m in pattern.finditer(text)]


def test_reference_patterns_match_as_without_their_lookahead() -> None:
    rnd = random.Random(9)
    pairs = [(notes.REFERENCE, re.compile(REFERENCE)),
             (notes.SYMBOL_REFERENCE, re.compile(SYMBOL)),
             (notes._BRACKET_REFERENCE, re.compile(BRACKET))]
    matched = 0
    for _ in range(20_000):
        text = "".join(rnd.choice(ALPHABET) for _ in range(rnd.randint(0, 16)))
        for fast, plain in pairs:
            expected = _found(plain, text)
            assert _found(fast, text) == expected, (fast.pattern, text)
            matched += bool(expected)
    assert matched > 5_000  # the texts do hold references of every pattern


def test_reference_forms_still_found() -> None:
    found = [m.group() for m in notes.REFERENCE.finditer("Vienna¹ agreed.^2^ Kashmir.(3) "
                                                           "Rostock.4) done.* x ²")]
    assert found == ["¹", "^2^", "(3)", "4)", "*"]


def test_speech_line_needs_a_colon_in_its_first_hundred_characters() -> None:
    """`speaker` skips the pattern when no colon stands in text[:100]: the longest speaker
    the pattern admits puts its colon at index 98, and nothing later can match."""
    rnd = random.Random(12)
    for _ in range(20_000):
        head = "".join(rnd.choice("Ab z9 ()") for _ in range(rnd.randint(0, 120)))
        text = head + rnd.choice([": ", " : ", ":"]) + "and so on"
        found = layouts.SPEECH_LINE.match(text)
        assert found is None or ":" in text[:100], text
    # the longest: a letter, 48 more, a number, a parenthesis of 40, a space, the colon
    longest = "Z" + "y" * 48 + " 123a" + " (" + "x" * 40 + ")" + " : well, we agreed"
    assert longest.index(":") == 98
    assert layouts.SPEECH_LINE.match(longest) is not None


def test_date_phrases_tried_only_after_an_opening_word() -> None:
    """`dates._phrases` tries DATE_PHRASE at a letter only where one of the words a phrase
    opens with starts: the phrases found are those found trying every start."""
    def every_start(text: str) -> list[tuple[tuple[int, int], str | None]]:
        if not dates.may_hold_date(text):
            return []
        found, position = [], 0
        for start in dates._starts(text):
            if start < position:
                continue
            match = dates.DATE_PHRASE.match(text, start)
            if match is not None:
                found.append((match.span(), match.lastgroup))
                position = match.end()
        return found

    words = ("3", "14", "1958", "1960s", "May", "MAY", "Mayor", "Jan.", "Sept.", "SEPT.", "Nov",
             "June", "Junior", "March", "Marshal", "DECEMBER", "Oct.", "Aug", "early", "Early",
             "EARLY", "earlier", "mid", "Mid-", "MID-", "midst", "late", "Late", "LATE", "later",
             "the", "then", "beginning", "middle", "end", "ending", "of", "OF", "spring", "Spring",
             "SPRING", "summer", "Summer", "SUMMER", "autumn", "Autumn", "AUTUMN", "fall", "Fall",
             "FALL", "fallen", "as", "since", "Secret", "become", "arrive", "lasted", "between",
             "Between", "from", "FROM", "and", "&", "to", "until", "-", "–", "3.6.1971",
             "1971-06-03", "3/VI/71", "14.V.1958", "14th", "3RD", "Eastern", "Lenin", "ON", "in",
             "the beginning of", "the end of", "the middle of", "the summer of", "early in",
             "31", "The", "From", "on", "with", "Kim", ",", ".")
    rnd = random.Random(14)
    dated = 0
    for _ in range(30_000):
        text = " ".join(rnd.choice(words) for _ in range(rnd.randint(1, 9)))
        expected = every_start(text)
        dated += bool(expected)
        assert [(m.span(), m.lastgroup) for m in dates._phrases(text)] == expected, text
    assert dated > 5000


# More patterns before their rewriting (speed9): the same matches, split and substitution.
PLAIN_FORMS = {
    "FIELD_RUN": r"(?<=\S)(?:[ \t\u00a0]{3,}|[ \u00a0]*\t[ \t\u00a0]*)(?=\S)",
    "EMPHASIS": r"\*\*(?=\S)(.{1,400}?)(?<=\S)\*\*|(?<![*\w])\*(?=\S)([^*]+?)(?<=\S)\*(?![*\w])",
    "_FIGURES": r"\d+",
}


def test_rewritten_patterns_match_as_their_plain_forms() -> None:
    fast = {"FIELD_RUN": structure.FIELD_RUN, "EMPHASIS": bracket_kinds.EMPHASIS,
            "_FIGURES": dates._FIGURES}
    rnd = random.Random(15)
    alphabet = "ab Z*9٣ \t\u00a0\n.*"
    matched = dict.fromkeys(fast, 0)
    for _ in range(20_000):
        text = "".join(rnd.choice(alphabet) for _ in range(rnd.randint(0, 24)))
        for name, pattern in fast.items():
            plain = re.compile(PLAIN_FORMS[name])
            expected = _found(plain, text)
            assert _found(pattern, text) == expected, (name, text)
            assert pattern.split(text) == plain.split(text), (name, text)
            assert pattern.sub("", text) == plain.sub("", text), (name, text)
            matched[name] += bool(expected)
    assert min(matched.values()) > 1_000, matched


def test_tail_searches_find_what_the_whole_search_finds() -> None:
    """hand_signed looks for its mark's letters in the last 8 characters first; the short
    form before a bracket and the letter before it are searched in the tail alone."""
    hand = re.compile(r"(?P<mark>,?\s*\(?(?:v\.\s?r|m\.\s?p|s\.\s?r|w\.\s?r|e\.\s?h)\.\)?)$",
                      re.I)
    short = bracket_kinds.SHORT_FORM
    rnd = random.Random(16)
    pieces = ["J.", " Novák", ",", " ", "  ", "\t", "v.r.", "V. R.", "(m.p.)", "s.r", "e.h.",
              ")", ".", "\n", "x", "USSR", "A.B", "&", "-", "Kim", "CPSU", "a"]
    signed = 0
    for _ in range(20_000):
        text = "".join(rnd.choice(pieces) for _ in range(rnd.randint(0, 8)))
        found = hand.search(text)
        expected = None if found is None or found.start() == 0 else \
            (text[:found.start()].rstrip(), text[len(text[:found.start()].rstrip()):])
        if expected is not None and (not structure.name_like(expected[0])
                                     or len(expected[0].split()) > 5
                                     or re.search(r"\d", expected[0])):
            expected = None
        assert structure.hand_signed(text) == expected, text
        signed += expected is not None
        whole = short.search(text)
        tail = short.search(text, max(0, len(text) - 14))
        assert (whole and whole.span()) == (tail and tail.span()), text
        letter = re.compile(r"[^\W\d_]$")
        assert bool(letter.search(text)) == bool(letter.search(text[-2:])), text
    assert signed > 500


def _may_hold_date(text: str) -> bool:
    """`dates.may_hold_date` before its one scan for a month's stem or a figure."""
    if dates._MONTH_STEM.search(text) is not None:
        return True
    if (re.compile(r"[0-9]") if text.isascii() else re.compile(r"\d")).search(text) is None:
        return False
    return dates._NUMERIC.search(text) is not None or any(cue in text for cue in dates._CUES)


def _signs(text: str) -> tuple[int, int]:
    depth = strays = 0
    for sign in re.findall(r"[\[\]]", text):
        if sign == "[":
            depth += 1
        elif depth:
            depth -= 1
        else:
            strays += 1
    return depth, strays


def test_one_scan_for_a_month_or_a_figure_and_sign_counts() -> None:
    rnd = random.Random(17)
    pieces = ["Jan", "MAY", "May", "Ma", "y", "3", "٣", "1958", "3.6.", "1960s", "early", "ID",
              "x", " ", "Sep", "the", "ate", "from ", "é", "[", "]", "a"]
    dated = 0
    for _ in range(30_000):
        text = "".join(rnd.choice(pieces) for _ in range(rnd.randint(0, 7)))
        expected = _may_hold_date(text)
        assert dates.may_hold_date(text) == expected, text
        dated += expected
        assert bracket_parse._signs(text) == _signs(text), text
    assert 5_000 < dated < 25_000


def test_inline_page_number_pattern_as_its_plain_form() -> None:
    plain = re.compile(r"(?<=[^\W\d_,;]) (?=[-–—]\s?\d{1,4}\s?[-–—] [^\W\d_])")
    rnd = random.Random(18)
    pieces = ["a", "é", "9", ",", ";", " ", "-", "—", " - 2 - ", " -3- ", " – 14 – ", "b"]
    matched = 0
    for _ in range(20_000):
        text = "".join(rnd.choice(pieces) for _ in range(rnd.randint(0, 10)))
        assert lines._INLINE_PAGE.sub("\x0c", text) == plain.sub("\x0c", text), text
        matched += bool(plain.search(text))
    assert matched > 500


def test_gap_and_stamp_tests_by_their_words_first() -> None:
    """illegible, stamp_like and left_out test parts of the words their pattern needs before
    the pattern: they answer as the pattern alone does, in any case (also the code points
    re.I matches besides ASCII letters: ı, ſ, the Kelvin sign)."""
    rnd = random.Random(19)
    words = ["two", "words", "word", "illegible", "ILLEGIBLE", "ıllegıble", "not legible",
             "unreadable", "Indecipherable", "undecipherable", "are", "is", "lines", "text",
             "deleted", "removed", "cut", "omitted", "OMITTED", "left out", "not translated",
             "not reproduced", "not included", "here", "by the archive", "stamp", "STAMP",
             "ſtamp", "stamped", "seal", "round", "postmark", "POSTMARK", "MFA", "Kım", ":", "."]
    hits = 0
    for _ in range(30_000):
        text = " ".join(rnd.choice(words) for _ in range(rnd.randint(1, 6)))
        assert bracket_kinds.illegible(text) == bool(bracket_kinds.ILLEGIBLE.match(text)), text
        assert bracket_kinds.stamp_like(text) == bool(bracket_kinds.STAMP.match(text)), text
        found = bracket_kinds.LEFT_OUT.match(text)
        assert (bracket_kinds.left_out(text) is None) == (found is None), text
        hits += bool(found) + bracket_kinds.illegible(text) + bracket_kinds.stamp_like(text)
    assert hits > 5_000

"""Fast paths of speed15 (issues #10, #11) against the formulations they replace.

The name patterns' runs of letters are possessive (`L*+`, `[\\w'’&-]*+`): the same matches
only because nothing that follows a run can take a character the run gave back. A later
edit that puts a letter after such a run (as the patronymic rule's endings are) makes the
two disagree, and fails here.
"""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from toolkit.names import cues, patterns
from toolkit.names.letters import L, _UPPER

# words of the shapes the rules read, the lower-case letters an article or an elision opens
# with, possessives, ampersands, inner and final full stops, and words no rule wants
_WORDS = st.sampled_from([
    "Comrade", "Ambassador", "Minister", "Kim", "Il-sung", "Il", "Sung", "O'Brien", "O’Neill",
    "al-Hadithi", "el-Sadat", "ud-Din", "ash-Shams", "d'Estaing", "D'Arcy", "Giscard", "Valéry",
    "Zh.", "A.", "N.S.", "A.A.", "KUZNETSOV", "PAK", "Gromyko", "Nikolai", "Ivanovich", "José",
    "de", "van", "der", "said", "replied", "stated", "also", "then", "told", "Ministry", "of", "for",
    "Foreign", "Affairs", "Party", "Workers'", "People's", "Union's", "Committee", "Council",
    "Ministers", "the", "a", "and", "The", "In", "Trade", "Industry", "Security", "Co-operation",
    "Europe", "AT&T", "U.S.", "Inc.", "Brandt's", "Adenauerallee", "on", "with", "Agency",
    "Department", "Front", "Central", "which", "was", "élan", "ab", "Ab-cd", "X", "é"])
_GLUE = st.sampled_from([" ", " ", " ", ", ", ". ", "  ", "\n", "-", "&", "'", "’", "", ": "])


@st.composite
def _texts(draw: st.DrawFn) -> str:
    words = draw(st.lists(_WORDS, min_size=1, max_size=12))
    return "".join(word + draw(_GLUE) for word in words)


def _loose(pattern: str) -> str:
    """The formulation before speed15: every run may give characters back."""
    return pattern.replace(f"{L}*+", f"{L}*").replace(f"{L}++", f"{L}+").replace(
        "[\\w'’&-]*+", "[\\w'’&-]*").replace("{1,60}+,", "{1,60},").replace(f"(?=[{_UPPER}aeud])", "")


def _same(new: re.Pattern[str], text: str, search: bool = False) -> None:
    old = re.compile(_loose(new.pattern))
    assert old.pattern != new.pattern
    for start in range(len(text)):
        if search:
            for end in range(start + 1, len(text) + 1):
                a, b = old.search(text, start, end), new.search(text, start, end)
                assert (a and (a.span(), a.groupdict())) == (b and (b.span(), b.groupdict()))
        else:
            a, b = old.match(text, start), new.match(text, start)
            assert (a and (a.span(), a.groupdict())) == (b and (b.span(), b.groupdict()))


_HELD = {rule: cues._RULE[rule][0] for rule in ("title", "initials", "first-name", "org-head")}


@settings(max_examples=250, deadline=None)
@given(_texts())
def test_possessive_rules_match_as_before(text: str) -> None:
    """The rules tried at a trigger, at every position of the text."""
    for pattern in (*_HELD.values(), cues._LOWER_TITLE, cues._SPEECH_AFTER, cues._PLACE_NAME):
        _same(pattern, text)


@settings(max_examples=120, deadline=None)
@given(_texts())
def test_speech_before_searches_as_before(text: str) -> None:
    """The speech verb's rule is searched through a window: every window of the text."""
    _same(cues._SPEECH_BEFORE, text, search=True)


def test_the_patronymic_rule_keeps_its_backtracking() -> None:
    """Its endings are letters after a run: a possessive run would lose `Ivanovich`."""
    pattern = cues._RULE["patronymic"][0]
    assert f"{L}*+" not in pattern.pattern
    assert pattern.match("Nikolai Ivanovich Petrov") is not None


def test_the_rules_still_fire() -> None:
    """The lookahead of a name's first letters lets through the names that open in lower
    case (an Arabic article, an elision), and the organisation's words still run on."""
    for name in ("al-Hadithi", "el-Sadat", "ud-Din", "d'Estaing", "Kosygin"):
        text = f"then {name} said"
        match = cues._SPEECH_BEFORE.search(text)
        assert match is not None and match.group("n") == name
    text = "He met the Ministry of Foreign Affairs of the U.S.S.R. and AT&T Workers' Party."
    spans = {text[cue.start:cue.end] for cue in cues.find_cues(text) if cue.kind == "org"}
    assert "Ministry of Foreign Affairs" in " ".join(spans)
    assert "*+" in patterns._ORG_MOD


def _rule_names(source: str) -> set[str]:
    """The element names a method's rules test (`name == "x"`, `name in ("x", "y")`)."""
    found = set(re.findall(r'(?<![\w.])name == "(\w+)"', source))
    for group in re.findall(r'(?<![\w.])name in [(\[{]([^)\]}]*)', source):
        found.update(re.findall(r'"(\w+)"', group))
    return found


def test_projection_rules_are_in_the_dispatch_sets() -> None:
    """`visit` and `inline` send an element whose name none of their rules tests straight to
    its content: a rule added for a new name must add the name to `_VISITED` / `_INLINED`, or
    it would never run."""
    import inspect

    from toolkit import projection
    visited = _rule_names(inspect.getsource(projection._Projector.visit))
    inlined = _rule_names(inspect.getsource(projection._Projector.inline))
    assert {"stage", "fw", "note", "gap"} <= visited and {"pb", "sic", "hi"} <= inlined
    assert visited <= projection._VISITED, visited - projection._VISITED
    assert inlined <= projection._INLINED, inlined - projection._INLINED


def test_projection_dispatch_still_reaches_each_rule() -> None:
    """Elements of both sets, nested in elements of neither (a name, a date), still project by
    their own rules: a gap's bracket, a sic's mark, a footnote at the end, a page break."""
    from toolkit.projection import project
    from toolkit.tei import el, sub
    text = el("text")
    p = sub(sub(text, "body"), "p", "The ")
    name = sub(p, "persName", "Kim ")
    sub(name, "sic", "Il Sng")
    name.tail = " came "
    date = sub(p, "date", "on ")
    sub(date, "gap", reason="illegible", rend="illegible")
    date.tail = "."
    sub(p, "note", "A note.", place="foot", n="1")
    sub(p, "pb")
    assert project(text) == "The Kim Il Sng [sic] came on [illegible].[1]\n\n[1] A note.\n"


def test_lost_words_shortcut_and_its_counter_case() -> None:
    """The lost-text check returns at once when the projection's words are the source's in
    order; words in another order (a note moved to the end) are counted as before, and a
    word the TEI lacks is still told."""
    from toolkit.encoding.kept import lost_words
    from toolkit.tei import el, sub
    text = el("text")
    p = sub(sub(text, "body"), "p", "Comrade Kim arrived ")
    sub(p, "note", "Kim is the envoy.", place="foot", n="1")
    # (the note's reference adds letters to the source's side: the projection is asked)
    same = [[(1, "Comrade Kim arrived [1]")], [(3, "[1] Kim is the envoy.")]]
    assert lost_words(same, text, "x.txt") == []
    moved = [[(1, "[1] Kim is the envoy.")], [(3, "Comrade Kim arrived [1]")]]
    assert lost_words(moved, text, "x.txt") == []
    lost = [[(1, "Comrade Kim arrived [1] at Pyongyang")], [(3, "[1] Kim is the envoy.")]]
    [warning] = lost_words(lost, text, "x.txt")
    assert warning.line == 1 and "pyongyang" in warning.message.lower()

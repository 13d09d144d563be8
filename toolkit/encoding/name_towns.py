"""Towns below the gazetteer's size (gazetteer.Place.minor), tagged only where the text places
them: after a preposition of place, a place's noun, or a place and `and` (split out of
encoding/names.py)."""

from __future__ import annotations

import heapq
import re
from functools import lru_cache

from toolkit.encoding.name_forms import GAZETTEER, Span
from toolkit.encoding.name_memory import DocumentNames
from toolkit.names.fold import fold_form

@lru_cache(maxsize=1)
def _minor_towns() -> dict[str, str]:
    """folded name -> name of the minor towns (gazetteer.Place.minor): looked up only after
    the words that say a place follows, not matched everywhere by the automaton (their 35,000
    names in it made every report's tagging a tenth slower)."""
    from toolkit.names.gazetteer import minor_towns
    return minor_towns()


@lru_cache(maxsize=1)
def _minor_town_firsts() -> frozenset[str]:
    """The first words of the minor towns' folded names: a capitalised word after a gate that
    is none of these opens no town of one to three words (most gates open none)."""
    return frozenset(key.split(" ", 1)[0] for key in _minor_towns())


# what says a minor town is a place: a preposition of place or a place's noun before it...
_TOWN_GATE_WORDS = ["In", "in", "near", "at", "toward", "towards", "via", "through", "outside", "around",
                    "from", r"by\sway\sof", "to", "visited", "reached", "before", "entered", "captured",
                    "taken", "took", "seized", "occupied", r"left\sfor", "besieged", "shelled", "bombed",
                    # a memo's or telegram's field of its post (`From: Dacca`)
                    "From:", "To:"] + [
    rf"{noun}\sof" for noun in "town city port village base harbour airfield garrison".split()]


def _town_gate() -> re.Pattern[str]:
    r"""`\b(?:[Ii]n|near|...|town\sof...)\s(?=[A-Z])`, its matches' ends (what _towns uses) found
    from the white space before a capital, the words checked behind it: the engine then skips
    to white space instead of trying the words at every position (1.7x faster; the same ends:
    no two of the matches can overlap, checked on 300,000 random strings). A look-behind
    has one width: one per length of the words."""
    by_width: dict[int, list[str]] = {}
    for word in _TOWN_GATE_WORDS:
        by_width.setdefault(len(word.replace(r"\s", " ")), []).append(word)
    behind = "|".join(rf"(?<=\b(?:{'|'.join(words)})\s)" for _, words in sorted(by_width.items()))
    return re.compile(rf"\s(?=[A-Z])(?:{behind})")


_TOWN_GATE = _town_gate()
# ... or a place just before and `and`, `or`, `to` or a comma between (`Asmara and Massawa`)
_AFTER_PLACE = re.compile(r",\s(?:and\s)?(?=[A-Z])|\s(?:and|or|to)\s(?=[A-Z])")
_TOWN_WORDS = re.compile(r"[A-Z][\w'’-]*(?:\s[A-Z][\w'’-]*){0,2}")
# ... or a place just after and `and`, `or` or a comma (`Leningrad and Murmansk`): the whole run
# of one to three capitalised words before it, the leftmost that reaches the place
_BEFORE_PLACE_ENDS = (" and ", ", ", " or ")
_BEFORE_PLACE = re.compile(r"(?<![\w'’.-])[A-Z][\w'’-]*(?:\s[A-Z][\w'’-]*){0,2}(?=(?:,\s(?:and\s)?|\s(?:and|or)\s)$)")


def _towns(text: str, chosen: list[Span], document: DocumentNames | None) -> list[Span]:
    """The chosen spans and the minor towns (gazetteer.Place.minor) the text places: after a
    preposition of place or a place's noun, or after a chosen place and `and` (the longest
    name of one to three capitalised words there), where no chosen span is, no possessive
    follows (`at Brandt's request`) and the document has not named a person so."""
    gates = [m.end() for m in _TOWN_GATE.finditer(text)]
    gates += [m.end() for span in chosen if span.kind == "place"
              for m in (_AFTER_PLACE.match(text, span.end),) if m]
    gates += [m.start() for span in chosen if span.kind == "place" and span.start > 4 and text.endswith(
              _BEFORE_PLACE_ENDS, 0, span.start)  # (a test of the ending first: most places have none)
              for m in (_BEFORE_PLACE.search(text, max(0, span.start - 60), span.start),) if m]
    if not gates:
        return chosen
    towns = _minor_towns()
    firsts = _minor_town_firsts()
    starts = {span.start for span in chosen}
    taken: bytearray | None = None  # the chosen spans' characters, made at the first town met
    added: list[Span] = []
    pending = sorted(set(gates) - starts)  # a heap: a town's list adds gates after it
    done: set[int] = set()
    while pending:
        gate = heapq.heappop(pending)
        if gate in done:
            continue
        done.add(gate)
        words = _TOWN_WORDS.match(text, gate)
        if words is None:
            continue
        tokens = words.group().split()
        first = fold_form(tokens[0])  # every form tried below opens with it (folded: char by char)
        if first and first.split(" ", 1)[0] not in firsts:
            continue
        for count in range(len(tokens), 0, -1):
            written = " ".join(tokens[:count]).rstrip(".,;:")
            end = gate + len(written)
            if fold_form(written) not in towns or text[end:end + 2] in ("'s", "’s") or (
                    document is not None and written in document.forms):
                continue
            if taken is None:
                taken = bytearray(len(text))
                for span in chosen:
                    taken[span.start:span.end] = b"\x01" * (span.end - span.start)
            if taken.find(1, gate, end) == -1:
                taken[gate:end] = b"\x01" * (end - gate)
                added.append(Span(gate, end, "place", None, GAZETTEER, "gazetteer"))
                following = _AFTER_PLACE.match(text, end)  # `Massawa and Assab`: a town's list
                if following and following.end() not in starts:
                    heapq.heappush(pending, following.end())
                break
    return sorted(chosen + added, key=lambda s: s.start) if added else chosen


@lru_cache(maxsize=1)
def _word_cities() -> frozenset[str]:
    """The gazetteer's cities whose names are common words (gazetteer.COMMON_WORDS: `Split`,
    `Kingston`), which it leaves out of the names it matches."""
    from toolkit.names.gazetteer import COMMON_WORDS, all_places
    return frozenset(place.name for _, place in all_places().values()
                     if place.name in COMMON_WORDS and place.country is not None)


# a preposition of place, the word, then a comma or `and` and a place (`In Split, Rijeka and`)
_WORD_CITY = re.compile(r"(?<![\w'’.-])[Ii]n\s(?P<n>[A-Z][a-z]+)(?:,\s(?:and\s)?|\sand\s)$")


def word_cities(text: str, chosen: list[Span]) -> list[Span]:
    """The chosen spans and the cities named by a common word that a preposition of place and
    a list with a chosen place just after place (`In Split, Rijeka and Osijek`): the word
    alone stays a word (`a split in the party`, `Split decisions`)."""
    added: list[Span] = []
    for index, span in enumerate(chosen):
        if span.kind != "place" or span.start < 6 or (index and chosen[index - 1].end > span.start - 4):
            continue
        match = _WORD_CITY.search(text, max(0, span.start - 30), span.start)
        if match and match.group("n") in _word_cities() and (
                not index or chosen[index - 1].end <= match.start("n")):
            added.append(Span(match.start("n"), match.end("n"), "place", None, GAZETTEER, "gazetteer"))
    return sorted(chosen + added, key=lambda s: s.start) if added else chosen


def inside_longer_name(text: str, chosen: list[Span], not_names: frozenset[str]) -> list[Span]:
    """The chosen spans without a gazetteer's one-word place that capitalised name words
    enclose, one space on each side (`Sesto San Giovanni`: `San` is no place there, the
    whole name the gazetteer lacks); a word that is no name beside it leaves it a place
    (`In Hanoi Pham`, `the Moscow Kremlin`)."""
    out: list[Span] | None = None
    for index, span in enumerate(chosen):
        if span.rule == "gazetteer" and span.start > 1 and text[span.start - 1] == " " and (
                text[span.end:span.end + 1] == " ") and " " not in text[span.start:span.end]:
            before = _WORD_BEFORE.search(text, max(0, span.start - 30), span.start - 1)
            after = _WORD_AFTER.match(text, span.end + 1)
            if before and after and before.group() not in not_names and after.group() not in not_names:
                if out is None:
                    out = chosen[:index]
                continue
        if out is not None:
            out.append(span)
    return chosen if out is None else out


_WORD_BEFORE = re.compile(r"(?<![\w'’.-])[A-Z][a-z]+$")
_WORD_AFTER = re.compile(r"[A-Z][a-z]+(?![\w'’-])")

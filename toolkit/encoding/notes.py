"""Footnotes: the reference forms of the text and the note texts at its end.

The body stage collects note texts (`[1] text`, `1. text` under a rule or a `Notes` line,
`¹ text`); the bracket stage finds references (`[1]`, `[1a]`, `¹`, `^1^`). Both name a note by
`note_key`, so that any reference form finds any text form.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field

from toolkit.encoding.blocks import LINE_BREAK, SENTENCE_END, SourceBlock
from toolkit.encoding.bracket_kinds import EMPHASIS
from toolkit.encoding.lines import WORD_CUT

SUPERSCRIPTS = str.maketrans("⁰¹²³⁴⁵⁶⁷⁸⁹", "0123456789")


def note_key(label: str) -> str:
    """The note a reference or a note text names: '[1]', '¹', '^1^', '1.', '1a' -> '1'/'1a'."""
    key = label.strip().translate(SUPERSCRIPTS)
    key = key.strip("[]^()").rstrip(".):").strip()
    return _NOTE_WORD.sub("", key).lower()


_NOTE_WORD = re.compile(r"^(?:Note|Footnote|Anm\.|Anmerkung)\s+", re.I)  # `Note 1:` -> '1'


# -- note texts at the end of a report ---------------------------------------------------------
# `[1] text`, `  [1]   text`, `[1a] text`, `¹ text`, `^1^ text`, `^a^ text`, `[a] text`, `Note 1:
# text` (these two only where the text refers to them; a letter alone:
# a report's own notes beside the translator's figures): a note text wherever it stands
# at the end. `1. text`, `1) text` only under a rule or a Notes line (else it is a point).
NOTE_TEXT = re.compile(r"^\s*(?:(?P<label>\[\d{1,3}[a-z]?\]|\[[a-z]\]|"
                       r"(?:Note|Footnote)\s+\d{1,3}[a-z]?\s*[:.]|\^(?:\d{1,3}[a-z]?|[a-z])\^)\s+|"
                       r"(?P<sup>[¹²³⁴⁵⁶⁷⁸⁹⁰]{1,3})\s*)(?P<text>\S.*)$", re.DOTALL)
NUMBERED_NOTE = re.compile(r"^\s*(?P<label>\(\d{1,3}[a-z]?\)|\d{1,3}[a-z]?[.)])\s+(?P<text>\S.*)$",
                           re.DOTALL)
# `* text`, `** text`, `† text` at the end: a note text only where the text has that sign as a
# reference (after a word or a sign, `at this time.*`); else `* text` is a bullet.
SYMBOL_NOTE = re.compile(r"^\s*(?P<label>\*{1,3}(?=\s)|†{1,2}|‡{1,2}|§{1,2}(?=\s*\D))\s*"
                         r"(?P<text>\S.*)$", re.DOTALL)
# `§` after a word or a sign (`4 June.§`) is a reference; `§ 2` of a law or a section is not.
# The leading lookahead (a sign every match opens with) changes no match: it lets the engine
# pass over a position with one class test instead of the lookbehind and four branches.
SYMBOL_REFERENCE = re.compile(r"(?=[*†‡§])(?<=[^\s*§])(?P<mark>\*{1,3}|†{1,2}|‡{1,2}|§{1,2})"
                              r"(?![\w*§])")
NOTES_RULE = re.compile(r"^\s*(?:[_\-–—=*]\s*){3,}$")
NOTES_HEADING = re.compile(r"^\s*(?:Notes?|Footnotes?|Endnotes?|Translator'?s notes?|"
                           r"Editor'?s notes?)\s*:?\s*$", re.I)


@dataclass(frozen=True)
class NoteText:
    """A note's text at the end: its label as written, its key, and its text (a block)."""

    label: str
    key: str
    text: SourceBlock
    line: int
    spaced: bool = True  # white space between the label and the text ('¹ text', not '¹text')


@dataclass
class Notes:
    """What `collect` took off the end of the blocks: the notes' texts by key, texts given a
    key twice, and the rule or Notes line that set them off (kept as forme work)."""

    texts: dict[str, NoteText] = field(default_factory=dict)
    repeated: list[NoteText] = field(default_factory=list)
    separators: list[SourceBlock] = field(default_factory=list)
    spaced: bool = False  # `(1)` after a space refers to them too (`_numbered_run`'s notes)


def note_text(block: SourceBlock, numbered: bool,
              symbols: frozenset[str] = frozenset()) -> NoteText | None:
    """The block as a note text (`numbered`: also `1. text`, under a rule or Notes line;
    `symbols`: the signs the text uses as references, `* text` for `*`)."""
    match = NOTE_TEXT.match(block.text) or (NUMBERED_NOTE.match(block.text) if numbered else None)
    if not match and symbols:
        match = SYMBOL_NOTE.match(block.text)
        if match and match.group("label") not in symbols:
            match = None
    if not match:
        return None
    group = "label" if match.group("label") else "sup"
    label = match.group(group)
    return NoteText(label, note_key(label), block.tail(match.start("text")), block.line,
                    match.start("text") > match.end(group))


def collect(blocks: list[SourceBlock], bound: Callable[[list[SourceBlock]], bool]) -> Notes:
    """Take the note texts off the end of `blocks` (in place). A rule (`___`, `---`) or a
    `Notes` line before them lets `1. text` count as a note text too; an unlabelled block
    after a note text continues it. `bound(blocks)` says the last block continues the one
    before it (a page break), and so is no note text of its own."""
    notes = Notes()
    symbols = referenced_symbols(blocks)
    start = _separator(blocks, symbols)
    taken: list[NoteText] = []
    if start is not None:
        region = blocks[start + 1:]
        for count, block in enumerate(region):
            found = note_text(block, numbered=True, symbols=symbols)
            if found:
                taken.append(found)
            elif taken and _signature_shaped(block.text):
                # short lines after the notes (an office, a name): the signature, not a note's
                # continuation; they stay the text's
                region = region[:count]
                break
            elif taken:
                taken[-1] = _continued(taken[-1], block)
        # notes under a rule are numbered from 1 (or signed from the first sign, `*`, `†`),
        # and are most of what stands there
        if taken and (taken[0].key.startswith("1") or taken[0].key in FIRST_SIGNS) \
                and 2 * len(taken) >= len(region):
            notes.separators = blocks[start:start + 1]
            del blocks[start:start + 1 + len(region)]
        else:
            taken = []
    if not taken:
        taken = _end_run(blocks, bound, symbols)
    if not taken:
        taken = _numbered_run(blocks, bound)
        notes.spaced = bool(taken) and taken[0].label.startswith("(")
    for note in taken:
        if note.key in notes.texts:
            notes.repeated.append(note)
        else:
            notes.texts[note.key] = note
    return notes


def _continued(note: NoteText, block: SourceBlock) -> NoteText:
    """The note text with `block`, its next line, after a line break. As in a paragraph, the
    break has a space before it (`345, <lb/>folios`: the words stay apart in the note's text)
    unless a hyphen cut a word there (`negoti-<lb break="no"/>ations`)."""
    text = note.text.text.rstrip()
    glue = text + (LINE_BREAK if WORD_CUT.search(text) and block.text.lstrip()[:1].isalpha()
                   else " " + LINE_BREAK)
    lines = note.text.lines + tuple((len(glue) + p, n) for p, n in block.lines)
    return NoteText(note.label, note.key, SourceBlock(glue + block.text.lstrip(), lines),
                    note.line, note.spaced)


# every sign a note text may open with (SYMBOL_NOTE's labels)
SIGN_LABELS = frozenset({"*", "**", "***", "†", "††", "‡", "‡‡", "§", "§§"})
FIRST_SIGNS = frozenset({"*", "†"})  # the sign a series of signed notes begins with


def _end_run(blocks: list[SourceBlock], bound: Callable[[list[SourceBlock]], bool],
             symbols: frozenset[str]) -> list[NoteText]:
    """The note texts at the very end of `blocks`, taken off them (in place). Where the text
    refers to signs, a sign's note after a referenced one is a note text too though nothing
    refers to it (kept with a warning, as `[3] text` nothing refers to is): it stood with
    them, and left in the text it would come before them. A sign's note before the first
    referenced one stays the text's (`* point` may be a bullet), unless the text has ended
    above it (`_after_end`: under a signature or its distribution list) and it is a sentence."""
    run: list[NoteText] = []
    loose: list[bool] = []  # `Note 2: text` that nothing refers to
    end = len(blocks)
    while end > 1:
        start = _wrapped_from(blocks, end, bound)
        if start is None:
            break
        found = note_text(blocks[start], numbered=False, symbols=symbols)
        if found is None and (symbols or SYMBOL_NOTE.match(blocks[start].text)):
            found = note_text(blocks[start], numbered=False, symbols=SIGN_LABELS)
        if found is None or (found.label[1:-1].isalpha() and found.label[0] == "[" and
                             not _letter_referred(blocks[:start], found.label)):
            break  # `[a] text` only where the text refers to `[a]` after a word
        for line in blocks[start + 1:end]:  # the note text's wrapped lines
            found = _continued(found, line)
        run.insert(0, found)
        loose.insert(0, found.label[:1] in "NnFf" and found.key not in _keys(blocks[:start]))
        end = start
    # `Note 1: text` only where the text refers to note 1 (`[1]`, `¹`), or under a note it
    # refers to: in the run, an unreferenced one is kept (body warns), above it the text's own
    first = next((i for i, n in enumerate(run) if not loose[i] and (
        n.label not in SIGN_LABELS or n.label in symbols)), len(run))
    if first and not any(loose[:first]) and _after_end(blocks[:end]) and all(
            _SENTENCES.search(n.text.text.strip()) for n in run[:first]):
        first = 0  # sentences under the signature or its list: notes, though unreferenced
    del blocks[end + first:]
    return run[first:]


_PAREN_FORM = re.compile(r"^\(\d{1,3}\)$")
_CLOSING_FORM = re.compile(r"^\d{1,3}\)$")
# a number's uses in the text, in either form: `Vienna.1)`, `Vienna(1)`, `Vienna (1)`, `5(1)`
_NUMBER_USE = re.compile(r"(?P<before>.?)(?P<space>[ \t]?)(?P<open>\(?)(?P<n>\d{1,3})\)(?!\w)")
# the words before a number that points to a point, a paragraph, an article: `point (1)`,
# `under (2)`, `and (3)`: the text refers to its own numbered points, not to notes
_POINT_WORDS = re.compile(r"\b(?:points?|paragraphs?|paras?|items?|articles?|art|sections?|"
                          r"clauses?|sub-?paragraphs?|annex|under|see|in|and|or|of|to|also|nos?|"
                          r"numbers?|questions?|tasks?|chapters?)\W*$", re.I)


def _numbered_run(blocks: list[SourceBlock],
                  bound: Callable[[list[SourceBlock]], bool]) -> list[NoteText]:
    """`1) text` or `(1) text` at the very end, with no rule nor Notes line over them: note
    texts only where the text refers to each once, in order, the number glued to a word or a
    sign (`Vienna.1)`, `Vienna(1)`) or, for `(1)`, after a word that is not a point's
    (`Vienna (1) were`, not `point (1)`, `Article 5(1)`). Numbered from 1, every one used, not
    announced by a line ending in a colon, not opening a line of the text: else the blocks
    are the text's numbered points."""
    run: list[NoteText] = []
    end = len(blocks)
    while end > 1:
        start = _wrapped_from(blocks, end, bound)
        if start is None:
            break
        found = note_text(blocks[start], numbered=True)
        if found is None or not (_PAREN_FORM.match(found.label) or _CLOSING_FORM.match(found.label)):
            break
        for line in blocks[start + 1:end]:
            found = _continued(found, line)
        run.insert(0, found)
        end = start
    if not run or end < 1 or blocks[end - 1].text.rstrip().endswith(":"):
        return []
    parenthesised = run[0].label.startswith("(")
    if any(n.label.startswith("(") != parenthesised or n.key != str(i)
           for i, n in enumerate(run, start=1)):
        return []
    if _referred_once(blocks[:end], len(run), parenthesised):
        del blocks[end:]
        return run
    return []


def _referred_once(before: list[SourceBlock], count: int, parenthesised: bool) -> bool:
    """Numbers 1 to `count` each used once in `before`, in that order, as references."""
    uses: dict[int, list[tuple[int, bool]]] = {}
    for index, block in enumerate(before):
        if ")" not in block.text:
            continue
        for match in _NUMBER_USE.finditer(block.text):
            number = int(match.group("n"))
            if 1 <= number <= count:
                uses.setdefault(number, []).append(
                    (index * 1_000_000 + match.start("n"), _reference_use(block.text, match, parenthesised)))
    if len(uses) != count or any(len(u) != 1 or not u[0][1] for u in uses.values()):
        return False
    places = [uses[number][0][0] for number in range(1, count + 1)]
    return places == sorted(places)


def _reference_use(text: str, match: re.Match[str], parenthesised: bool) -> bool:
    """The number's one use is a note reference of the form of the note texts."""
    if bool(match.group("open")) != parenthesised:
        return False
    before, spaced = match.group("before"), bool(match.group("space"))
    start = match.start("before") if before else match.start("space")
    line_start = text.rfind(LINE_BREAK, 0, start + 1) + 1
    if not text[line_start:match.start("open") if parenthesised else match.start("n")].strip():
        return False  # opening a line: a numbered point
    if not spaced:
        return bool(before) and not before.isdigit() and not before.isspace() and before != "("
    # after a space: only `(1)` after a word that is not a point's, a figure or a sign
    return parenthesised and before.isalpha() and not _POINT_WORDS.search(text[:match.start("space")])


def _letter_referred(before: list[SourceBlock], label: str) -> bool:
    """`Vienna[a]`: the letter's bracket right after a word or a sign somewhere above."""
    return any(re.search(r"(?<=\S)" + re.escape(label), b.text) for b in before if label in b.text)


def _wrapped_from(blocks: list[SourceBlock], end: int,
                  bound: Callable[[list[SourceBlock]], bool]) -> int | None:
    """Where the block ending at `end` begins: `[1] Federal Archive, R 12/345,` over
    `folios 6-7.` is one note text of two lines. Only lines right under one another continue
    it; a block continued across a blank line (a page break) is no note text of its own, and
    `None` says so (as the whole text continued from its first block)."""
    start = end - 1
    while start > 0 and bound(blocks[:start + 1]):
        if blocks[start].line != blocks[start - 1].lines[-1][1] + 1:
            return None
        start -= 1
    return start if start > 0 else None


_SENTENCES = re.compile(r"\S+\s+\S+\s+\S.*[.!?]$", re.DOTALL)  # three words or more, ended
_FRAGMENT = re.compile(r"[-–—\d\s.IVXivx]{1,8}")  # a page number, a stray figure or numeral


def _after_end(before: list[SourceBlock]) -> bool:
    """The text has ended above (stray fragments aside): a short line with no sentence (a
    name, an office, a distribution list's last line) under prose. A memo's `NOTE` title
    has no prose above it, bullets stand under the line announcing them (`...following:`)."""
    blocks = list(before)
    while blocks and _FRAGMENT.fullmatch(blocks[-1].text.strip()):
        blocks.pop()
    return len(blocks) > 1 and _signature_shaped(blocks[-1].text) and any(
        len(b.text) > 60 and SENTENCE_END.search(b.text) for b in blocks[:-1])


@dataclass(frozen=True)
class SectionNotes:
    """Note texts that follow a section instead of the end: they belong to the references of
    the blocks from line `start` up to them (the same sign may mark a note in each section)."""

    start: int
    end: int
    notes: Notes


def section_notes(blocks: list[SourceBlock]) -> list[SectionNotes]:
    """Take off `blocks` (in place) each run of note texts that stands between paragraphs,
    where every label of the run is a reference of the blocks since the run before (`†`,
    `*`, `[1]`, `¹` after a word): notes printed after each section. A run at the very end
    is `collect`'s."""
    found: list[SectionNotes] = []
    since = 0  # index of the first block of the current section
    index = 0
    while index < len(blocks):
        run: list[NoteText] = []
        while index + len(run) < len(blocks):
            block = blocks[index + len(run)]
            # the signs matter only to a block shaped as a sign's note (else quadratic)
            note = note_text(block, numbered=False,
                             symbols=_signs(blocks[since:index])
                             if index > since and SYMBOL_NOTE.match(block.text) else frozenset())
            # only signs (`†`, `*`): a `[1] text` between paragraphs is the text's own
            if note is None or note.label[:1] not in "*†‡§" \
                    or note.key not in _keys(blocks[since:index]):
                break
            run.append(note)
        if run and all(SYMBOL_NOTE.match(b.text) for b in blocks[index + len(run):]):
            break  # the notes at the end (signs' notes nothing refers to after them): collect's
        if run and index > since:
            notes = Notes()
            for note in run:
                if note.key in notes.texts:
                    notes.repeated.append(note)
                else:
                    notes.texts[note.key] = note
            found.append(SectionNotes(blocks[since].line, run[0].line, notes))
            del blocks[index:index + len(run)]
            since = index
        else:
            index += 1
    return found


def _signs(blocks: list[SourceBlock]) -> frozenset[str]:
    signs: set[str] = set()
    for block in blocks:
        if any(s in block.text for s in "*†‡§"):
            signs.update(m.group("mark") for m in
                         SYMBOL_REFERENCE.finditer(EMPHASIS.sub("", block.text)))
    return frozenset(signs)


# the lookahead: the first character of either form (as for SYMBOL_REFERENCE: no match changes)
_BRACKET_REFERENCE = re.compile(r"(?=[\[⁰¹²³⁴⁵⁶⁷⁸⁹])(?:(?<=\S)\[(\d{1,3}[a-z]?)\]|"
                                r"(?<=\S)([⁰¹²³⁴⁵⁶⁷⁸⁹]{1,3}))")


def _keys(blocks: list[SourceBlock]) -> frozenset[str]:
    """The note keys the blocks refer to: signs, `[1]` and superscript figures after a word."""
    keys = {note_key(s) for s in _signs(blocks)}
    for block in blocks:
        for match in _BRACKET_REFERENCE.finditer(block.text):
            keys.add(note_key(match.group(1) or match.group(2)))
    return frozenset(keys)


def _signature_shaped(text: str) -> bool:
    """A short line with no sentence in it: a signature's office or name, which no note's
    continuation is (a note goes on in sentences)."""
    stripped = text.strip()
    return len(stripped) <= 60 and not re.search(r"[.!?;:]\s*$", stripped.rstrip(".")
                                                 if re.search(r"\b[A-Z]\.$", stripped)
                                                 else stripped)


def referenced_symbols(blocks: list[SourceBlock]) -> frozenset[str]:
    """The signs (`*`, `**`, `†`) the text uses as note references, where blocks at its end
    open with one: looked for only then (most reports have none). Markdown emphasis is no
    reference (`**bold**`)."""
    if not any(SYMBOL_NOTE.match(b.text) for b in blocks[-30:]):
        return frozenset()
    found: set[str] = set()
    for block in blocks:
        if "*" in block.text or "†" in block.text or "‡" in block.text or "§" in block.text:
            text = EMPHASIS.sub("", block.text)
            found.update(m.group("mark") for m in SYMBOL_REFERENCE.finditer(text)
                         if not SYMBOL_NOTE.match(text))
    return frozenset(found)


def _separator(blocks: list[SourceBlock], symbols: frozenset[str] = frozenset()) -> int | None:
    """The last rule or Notes line after which only note texts (or their continuations)
    stand (`symbols`: the signs the text refers with, `* text` under a rule); None when
    there is none, or when it is the first block."""
    for index in range(len(blocks) - 1, 0, -1):
        text = blocks[index].text
        if NOTES_RULE.match(text) or NOTES_HEADING.match(text):
            following = blocks[index + 1:index + 2]
            if NOTES_HEADING.match(text) and not NOTES_RULE.match(blocks[index - 1].text) \
                    and not _referred(blocks[:index], blocks[index + 1:]) \
                    and not _after_end(blocks[:index]):
                return None  # a memo titled `NOTE` over its numbered sections
            if not following or note_text(following[0], numbered=True, symbols=symbols):
                return index
            return None
        if len(blocks) - index > 200:
            return None
    return None


def _referred(before: list[SourceBlock], after: list[SourceBlock]) -> bool:
    """Some note text of `after` is referred to in `before` (`[1]`, `¹`, `^1^`, `(1)`, `1)`,
    a sign after a word): a `Notes` line heads note texts only then, a memo's `NOTE` title
    has numbered sections under it that nothing refers to."""
    labels = {n.key for n in (note_text(b, numbered=True) for b in after) if n}
    if not labels:
        return False
    keys = set(_keys(before))
    for block in before:
        keys.update(m.group(1) for m in re.finditer(r"\[(\d{1,3}[a-z]?)\]", block.text))
        for match in REFERENCE.finditer(block.text):
            keys.update(note_key(g) for g in match.groups() if g)
    return bool(labels & keys)


# A reference outside brackets: `^1^` (Markdown superscript) or superscript figures after a
# word or a sign (`Vienna¹`, `agreed.²`); `[1]` and `[1a]` are brackets (the bracket stage).
# `(1)` or `1)` right after a word or a sign (`Kashmir.(1)`, `Rostock.1)`) is one only where a
# note text of that form (`(1) text`, `1) text`) stands under a rule: elsewhere it is the
# translator's enumeration; `(1)` after a word and a space only to the texts `_numbered_run`
# took (each number used once, in order).
# The leading lookahead holds the first character of every form (`^`, a superscript figure,
# `(`, a figure, a sign): the same matches, but a position that opens none is passed over by
# one class test instead of five branches and their lookbehinds (7x faster on paragraphs).
REFERENCE = re.compile(r"(?=[\^⁰¹²³⁴⁵⁶⁷⁸⁹(\d*†‡§])(?:\^(?P<caret>\d{1,3}[a-z]?|[a-z])\^"
                       r"|(?<!\s)(?<![⁰¹²³⁴⁵⁶⁷⁸⁹])(?P<sup>[⁰¹²³⁴⁵⁶⁷⁸⁹]{1,3})(?![⁰¹²³⁴⁵⁶⁷⁸⁹])"
                       r"|(?<=[^\s(])\((?P<paren>\d{1,3}[a-z]?)\)(?!\w)"
                       r"|(?<=[^\W\d_] )\((?P<spaced>\d{1,3})\)(?!\w)"  # `Vienna (1) were`
                       r"|(?<=[^\s\d(])(?P<closing>\d{1,3}[a-z]?)\)(?!\w)"  # `Rostock.1)`
                       r"|" + SYMBOL_REFERENCE.pattern + ")")

"""What a bracket's words say it is: the cues the bracket stage classifies by.

Pure functions and patterns over a bracket's content and its neighbours, kept apart from the
encoder that builds TEI from them (toolkit/encoding/brackets.py).
"""

from __future__ import annotations

import re

import ahocorasick

# `(...)`: an omission marked in parentheses (the source's own, or its translator's); the
# parentheses' other uses are the translator's words, plain text
PAREN_OMISSION = re.compile(r"\((?:\.{3,4}|…\.?|\. \. \.)\)")
ELLIPSIS = re.compile(r"^\s*(?:\.{2,}|…+\.*|\.\s\.\s\.|…\s?\.|\.…)\s*$")
# "[illegible]", "[word illegible]", "[two lines illegible]", "[rest of the page illegible]"
# "[1 1/2 lines illegible]", "[The rest of the paragraph is illegible in the copy.]": a
# fraction is a word, and a sentence keeps its full stop
ILLEGIBLE = re.compile(r"^(?:[\w/½.-]+\s+){0,8}(?:(?:is|are)\s+)?(?:illegible|unreadable|"
                       r"indecipherable|undecipherable|not legible)(?:\s[\w ]+)?\.?$", re.I)
NUMBER_WORDS = {w: i for i, w in enumerate(
    "one two three four five six seven eight nine ten eleven twelve".split(), start=1)}
NUMBER_WORDS.update({"a": 1, "an": 1, "single": 1})
# "[two words illegible]", "[first two lines redacted]", "[3 pages redacted]"
EXTENT = re.compile(  # not the denominator of "1/2" nor the decimals of "1.5"
    r"(?<![\w/.,])(?:(?:first|last|next|following|further|another)\s+)?"
    r"(?P<q>one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|an?|single|\d{1,4})\s+"
    r"(?:(?:illegible|unreadable|unclear|indecipherable|missing|crossed[- ]out|struck|redacted|"
    r"damaged|handwritten)\s+)?"  # `one illegible word`: the words' state before their unit
    r"(?P<u>word|line|letter|character|char|page|paragraph)s?\b", re.I)
# "[illegible word]", "[word illegible]", "[line redacted]": a unit in the singular and the
# state of its words, nothing else: one of it (a plural without a figure states no quantity)
_STATE = (r"(?:illegible|unreadable|unclear|indecipherable|undecipherable|missing|crossed[- ]out|"
          r"struck(?: out| through)?|redacted|damaged|deleted|omitted|inaudible|not legible)")
SINGLE_UNIT = re.compile(r"^(?:" + _STATE + r"\s+(?P<u>word|line|letter|character|page|paragraph)"
                         r"|(?P<u2>word|line|letter|character|page|paragraph)\s+(?:(?:is|was)\s+)?"
                         + _STATE + r")\.?$", re.I)
UNITS = {"word": "word", "line": "line", "letter": "char", "character": "char", "char": "char",
         "page": "page", "paragraph": "paragraph"}
OMITTED_ITEM = re.compile(r"^(?:signature|illegible signature|initials)$", re.I)
REDACTION = re.compile(r"\b(?:redacted|redaction|withheld|excised|sanitized|blacked out|"
                       r"not declassified)\b", re.I)
# "[MFA stamp: Incoming Nº 0571, 3 May 1958]", "[stamp]", "[round seal of the Embassy]"
STAMP = re.compile(r"^(?:[\w.'’&-]+\s+){0,4}?(?:(?:date|rubber|round|official)\s+)?"
                   r"(?:stamp|seal|stamped|postmark)s?\b", re.I)
HANDWRITTEN = re.compile(r"^(?:hand-?written|in handwriting|handwriting|written by hand|"
                         r"added by hand)\b", re.I)
SOURCE_NOTE = re.compile(
    r"^(?:hand-?written|in handwriting|handwriting|written by hand|added by hand|typewritten|"
    r"type-written|marginal(?:ia| note)?|"
    r"margin note|in the (?:left |right |upper |lower |top |bottom )?margin|"
    r"note\b|translator'?s note|editor'?s note|emphasis|underlined|underlining|"
    r"crossed out|struck through|deleted|in the original|original\b|annotation|illegible|"
    r"(?:in|written in) [A-Z][a-z]+(?: and [A-Z][a-z]+)? in the original)",
    re.I,
)
# `[Tr.: ...]`, `[Transl. note: ...]`, `[T.N.: ...]`, `[Ed.: ...]`, `[Editor's note: ...]`, and
# the labels of German, French and Spanish translations (`Anm. d. Ü.:`, `N.d.T.:`, `N. d. R.:`):
# whose note the bracket is, said by its label; the colon is required (`[Ed.]`, `[Trade]`,
# `[Editor Smith]` are no note's label)
_LABEL = (r"(?:(?P<{t}>tr|trans|transl|translator|translators|t\.\s?n|tn|"
          r"anm\.\s?d\.\s?(?:ü|übers)|n\.\s?d\.\s?t)"
          r"|(?P<{e}>ed|eds|editor|editors|e\.\s?n|anm\.\s?d\.\s?(?:red|hrsg|hg)|n\.\s?d\.\s?[er]))"
          r"\.?(?:['’]s?)?(?:\s*(?:note|comment|remark))?")
NOTE_LABEL = re.compile(r"^" + _LABEL.format(t="translator", e="editor") + r"\s*:", re.I)
# `(Translator's note: ...)`, `(Tr. note: ...)`, `(Note of the translator: ...)`, `(Ed.: ...)`: a
# note in parentheses inside a sentence, said by the same labels (colon required: `(Translator's
# notes were lost)` is the text's); its words may hold one level of parentheses, no bracket
PAREN_NOTE = re.compile(
    r"\((?P<label>(?:" + _LABEL.format(t="translator", e="editor")
    + r"|note\s+(?:of|by)\s+the\s+(?:(?P<by_translator>translator)|editor)s?)\s*:)"
    r"(?P<words>[^()\[\]]*(?:\([^()\[\]]*\)[^()\[\]]*)*)\)", re.I)
# `[Resolution in the upper left corner, handwritten: "..."]`: what the hand wrote, where, and
# that it is handwriting, said before the colon (the words after it are the hand's own)
HAND_DESCRIBED = re.compile(r"^[^:\[\]\"“]{0,80}?\b(?:hand-?written|in handwriting|by hand)\s*:", re.I)
# `[crossed out: not]`: words of the source struck through, kept (del), after the description
STRUCK = re.compile(r"^(?:crossed out|struck through|struck out|deleted)\s*:", re.I)
ROLE_WORDS = re.compile(
    r"\b(?:ambassador|minister|chairman|chairwoman|secretary|president|premier|marshal|general|"
    r"deputy|head|leader|director|counsel+or|attach[eé]|consul|commander|officer|member|chief|"
    r"envoy|charg[eé]|advis[eo]r|correspondent|interpreter|vice|first|second|third|colonel|"
    r"admiral|prime|foreign|party|comrade)\b",
    re.I,
)
ORG_WORDS = re.compile(
    r"\b(?:agency|association|academy|administration|army|bank|board|bureau|committee|"
    r"commission|company|corporation|council|department|directorate|embassy|federation|front|"
    r"institute|league|ministry|office|organi[sz]ation|party|presidium|secretariat|service|"
    r"security|intelligence|broadcasting|assembly|congress|command|youth|trust|"
    r"enterprise|cooperative)\b", re.I)
FOOTNOTE_REF = re.compile(r"^\d{1,3}[a-z]?$")
SIC = re.compile(r"^(?:sic[!?.]?|!)$", re.I)  # "[!]": the same mark ("so in the original!")
# "[page torn]", "[text missing]", "[corner burnt]": the source lost words to its condition
DAMAGE = re.compile(
    r"^(?:(?:the|a|one|two|three|four|five|\d{1,3}|first|last|next|lower|upper|left|right|top|"
    r"bottom|rest of the|end of the|part of the)\s+)*"
    r"(?:text|page|pages|word|words|line|lines|corner|edge|part|section|remainder|end|paper|sheet|"
    r"original|passage|letters?)\s+(?:(?:is|are)\s+)?"
    r"(?:torn|torn off|damaged|burnt|burned|missing|lost|cut off|stained|faded|destroyed)"
    r"(?:\s+(?:here|off|away|in the original|in the source))?[.]?$"
    r"|^(?:hole|tear|damage|stain)\s+in\s+(?:the\s+)?(?:page|paper|sheet|original|document)[.]?$", re.I)
INTERROGATIVE = re.compile(r"^(?:what|why|how|who|whom|whose|when|where|which|is|are|was|were|"
                           r"do|does|did|can|could|should|would|will|shall|has|have|had)\b", re.I)
PERSON_CONTEXT = re.compile(r"(?:\b(?:Comrades?|Mr|Mrs|Ms|Dr|Messrs|Mme|Herr|Frau|Tovarishch)\.?|"
                            + r"(?<![\w-])(?:[Aa]mbassador|[Mm]inister|[Cc]hairman|[Ss]ecretary|"
                            + r"[Pp]remier|[Gg]eneral|[Mm]arshal|[Pp]resident))\s+$")
STOP_WORDS = {"of", "the", "and", "for", "in", "on", "de", "des", "der", "du", "la", "of the",
              "to", "at", "für", "und", "die", "das"}
ACRONYM = re.compile(r"^[A-Z][A-Z&]{1,7}$")
# The abbreviation before a bracketed expansion: "KWP", "MfS", "U.S.S.R.", "CC-CPSU"
SHORT_FORM = re.compile(r"(?<![\w.&-])([A-Z][A-Za-z&.-]{1,11})$")
MARKDOWN_LINK_TAIL = re.compile(r"^\((https?://[^\s)]+)\)")
# Bold spans at most 400 characters: an unclosed "**" would otherwise be searched to the end
# of the paragraph from each of them (quadratic in a line of "**a ").
# (the leading `(?=\*)` changes no match: the engine passes a position without an asterisk
# by one test instead of both branches, 14x faster on paragraphs)
EMPHASIS = re.compile(r"(?=\*)(?:\*\*(?=\S)(.{1,400}?)(?<=\S)\*\*|"
                      r"(?<![*\w])\*(?=\S)([^*]+?)(?<=\S)\*(?![*\w]))")


# "[half a page redacted]", "[one and a half pages redacted]", "[1 1/2 lines not declassified]",
# "[1½ lines]", "[1.5 lines]": a half is a quantity too (the whole and the half, each optional)
_UNIT = r"(?P<u>word|line|letter|character|char|page|paragraph)s?\b"
_WHOLE = r"(?P<q>one|two|three|four|five|six|seven|eight|nine|ten|\d{1,3})"
HALF = re.compile(r"(?<![\w/.,])(?:" + _WHOLE + r"(?:\s+and\s+a\s+half|\s*½|\s+1/2|\.5)"
                  r"|(?:½|1/2|a\s+half|half)(?:\s+(?:an?|of\s+(?:an?|the))|-)?)\s*" + _UNIT, re.I)
# "[3 lines deleted]", "[name removed]", "[two paragraphs omitted]": what is missing, then the
# act; the act alone ("[deleted]") describes the source (crossed out), not a gap
LEFT_OUT = re.compile(
    r"^(?P<what>(?:[\w-]+\s+){0,6}?(?:words?|lines?|letters?|characters?|pages?|paragraphs?|"
    r"names?|text|passages?|sentences?|figures?|numbers?|sections?|parts?))\s+"
    r"(?:(?:is|are|was|were|has been|have been)\s+)?"
    r"(?P<act>deleted|removed|cut|omitted|left out|not translated|not reproduced|not included)"
    r"(?:\s+(?:here|in the original|by the (?:archive|editor|translator)s?))?[.]?$", re.I)


# Parts of the words a pattern cannot match without, in lower case and free of i, s and k
# (re.I matches those in other code points too, ı, ſ and the Kelvin sign, which lower()
# leaves as they are): a bracket holding none is passed by substring tests, without the
# pattern's backtracking over its first words (most brackets are no gap and no stamp).
_ILLEGIBLE_PARTS = ("leg", "readable", "pherable")  # (il)legible, unreadable, (in|un)decipherable
_LEFT_OUT_PARTS = ("delete", "removed", "cut", "tted", "left out", "not tran", "not reproduc",
                   "ncluded")
_STAMP_PARTS = ("tamp", "eal", "tmar")  # stamp(ed), seal, postmark


def _holds(text: str, parts: tuple[str, ...]) -> bool:
    low = text.lower()
    for part in parts:
        if part in low:
            return True
    return False


# `[two words unclear]`, `[unclear]`, `[name unclear]`: what the translator could not make out,
# said of the words themselves (`[the reason is unclear]` is the translator's sentence)
_QUANTITY = r"(?:one|two|three|four|five|six|seven|eight|nine|ten|an?|\d{1,3}(?:[.,]5)?)"
_WORDS_UNIT = r"(?:words?|lines?|letters?|characters?|names?|passages?|signature)"
UNCLEAR_WORDS = re.compile(r"^(?:unclear(?:\s+" + _WORDS_UNIT + r")?|(?:" + _QUANTITY + r"\s+)?"
                           + _WORDS_UNIT + r"\s+(?:(?:is|are)\s+)?unclear)\.?$", re.I)
# `[word crossed out]`, `[two lines struck through]`: words of the source struck through, not
# given (with the words, `[crossed out: not]`, they are kept: STRUCK)
CROSSED_OUT = re.compile(r"^(?:" + _QUANTITY + r"\s+)?(?:words?|lines?|letters?|passages?|"
                         r"names?|sentences?|phrases?)\s+(?:(?:is|are|was|were)\s+)?"
                         r"(?:crossed[- ]out|struck (?:out|through))(?:\s+in the original)?\.?$",
                         re.I)


def illegible(words: str) -> bool:
    """ILLEGIBLE or UNCLEAR_WORDS matches (`[illegible]`, `[two words illegible]`, `[two words
    unclear]`)."""
    if "lear" in words and UNCLEAR_WORDS.match(words) is not None:
        return True
    return _holds(words, _ILLEGIBLE_PARTS) and ILLEGIBLE.match(words) is not None


def damaged(words: str) -> bool:
    """Every clause of the bracket says what damage took (`[two words missing, page torn]`)."""
    return all(DAMAGE.match(part) for part in re.split(r"\s*[,;]\s*", words))


def stamp_like(content: str) -> bool:
    """STAMP matches (`[MFA stamp: ...]`, `[round seal]`)."""
    return _holds(content, _STAMP_PARTS) and STAMP.match(content) is not None


def left_out(content: str) -> str | None:
    """The gap's reason for a bracket that says what is missing and that it was taken out:
    `omitted` when the edition left it out, `redacted` when it was deleted or removed."""
    found = LEFT_OUT.match(content) if _holds(content, _LEFT_OUT_PARTS) else None
    if found is None:
        return None
    act = found.group("act").lower()
    return "redacted" if act in ("deleted", "removed", "cut") else "omitted"


def extent(content: str) -> dict[str, str]:
    """@quantity and @unit of an omission whose size the bracket states."""
    half = HALF.search(content)
    if half:
        whole = (half.group("q") or "0").lower()
        number = int(NUMBER_WORDS.get(whole, whole) if not whole.isdigit() else whole) + 0.5
        return {"quantity": f"{number:g}", "unit": UNITS[half.group("u").lower()]}
    found = EXTENT.search(content)
    if not found:
        single = SINGLE_UNIT.match(content)
        return {"quantity": "1", "unit": UNITS[(single.group("u") or single.group("u2")).lower()]} \
            if single else {}
    quantity = found.group("q").lower()
    return {"quantity": str(NUMBER_WORDS.get(quantity, quantity)),
            "unit": UNITS[found.group("u").lower()]}


def initials(phrase: str) -> str:
    """Initials of the capitalised words: 'Union of Soviet Socialist Republics' -> 'USSR'."""
    words = re.findall(r"[\w'’]+", phrase)
    if not words or any(w.lower() not in STOP_WORDS and not w[:1].isupper() for w in words):
        return ""
    return "".join(w[0] for w in words if w.lower() not in STOP_WORDS)


def letters(text: str) -> str:
    return "".join(filter(str.isalpha, text.lower()))  # (a filter: no generator per call)


def is_short_form(token: str) -> bool:
    """An abbreviation: mostly capitals ('KWP', 'MfS', 'U.S.S.R.'), at least two of them."""
    capitals = sum(ch.isupper() for ch in token)
    alpha = sum(ch.isalpha() for ch in token)
    return capitals >= 2 and capitals * 2 >= alpha and alpha <= 8


def expands(short: str, phrase: str) -> bool:
    """Whether `phrase` spells out `short`: its letters, in order, open the phrase's words or
    stand inside them ('MfS' / 'Ministry for State Security', 'VEB' / 'Volkseigener
    Betrieb'), the first letter opening the phrase."""
    words = re.findall(r"[^\W\d_]+", phrase)
    if len(words) < 2 or not words[0][:1].isupper():
        return False
    if any(w.lower() not in STOP_WORDS and not w[:1].isupper() for w in words):
        return False
    wanted = letters(short)
    if not wanted or wanted[0] != words[0][0].lower():
        return False
    if len(letters(phrase)) < 2 * len(wanted):
        return False  # "KIM [Kim Il]" respells a name, it does not expand one
    spelled = letters(phrase)
    index = 0
    for ch in wanted:
        index = spelled.find(ch, index)
        if index < 0:
            return False
        index += 1
    return True


def names_an_organisation(phrase: str) -> bool:
    words = phrase.split()
    return len(words) >= 2 and phrase[:1].isupper() and ORG_WORDS.search(phrase) is not None


def uncertain_reading(content: str) -> bool:
    """`[Kim Tu-bong?]`: a short reading ending in a question mark, not a question."""
    if not content.endswith("?") or content.count("?") != 1:
        return False
    words = content[:-1].split()
    return 1 <= len(words) <= 6 and not INTERROGATIVE.match(content)


def add_place(description: str) -> str | None:
    """@place of a handwritten addition from the bracket's description of it."""
    lower = description.lower()
    places = [p for p in ("margin", "left", "right", "top", "bottom", "above", "below")
              if re.search(rf"\b{p}\b", lower)]
    if "upper" in lower and "top" not in places:
        places.append("top")
    if "lower" in lower and "bottom" not in places:
        places.append("bottom")
    return " ".join(places) or None


# What happens in a spoken exchange besides words (TEI 8.3.3, the spoken module): the bracket
# describes an event of the recording or of the room, not words the translator supplied.
# a named subject ("Zhou", "Kim Il Sung and Mao"), case-sensitive: the cues are matched ignoring case
_SUBJECT = (r"(?:(?:[A-Z][\w.'’-]*\s+){1,3}(?:and\s+(?:[A-Z][\w.'’-]*\s+){1,3})?|"
            r"(?i:he|she|they|both|all|everyone|everybody)\s+)")
_ADVERB = r"(?:\s+(?:loudly|softly|quietly|briefly|again|nervously|heartily|ironically))?"
_VOCAL = (r"laugh(?:s|ter|ing)?|chuckl(?:es|ing)|cough(?:s|ing)?|sigh(?:s|ing)?|groan(?:s|ing)?|"
          r"clears? (?:his|her|their) throat|whistl(?:es|ing)|shout(?:s|ing)|murmur(?:s|ing)?|"
          r"exclam(?:ation|ations)|giggl(?:es|ing)")
# alone ("[nods]") only the gestures no other reading has; after a subject also those that
# would be ordinary words alone ("[Zhou shows the map]")
_GESTURE = (r"points?(?! out)|pointing(?! out)|nods?|nodding|shakes (?:his|her|their) heads?|"
            r"shrugs?|shrugging|gestur(?:es|ing)|smiles?|smiling|waves?|waving|winks?|frowns?")
_KINESIC = _GESTURE + (r"|bows?|shows?|hands? over|raises? (?:his|her|their) hands?|taps?|"
                       r"pounds? (?:on )?the table|stands? up|rises|sits? down|turns? to")
_INCIDENT = (r"applause|ovation|noise|commotion|uproar|interruption|crosstalk|cross-talk|"
             r"(?:both|all|several|they) (?:speak|talk)(?:ing)? (?:at once|simultaneously|together)|"
             r"simultaneous (?:speech|talk)|telephone rings|phone rings|"
             r"(?:enters|leaves|exits|comes in|goes out)(?: the (?:room|hall))?|"
             r"(?:all|everyone|everybody|the (?:audience|hall|assembly|delegates)) "
             r"(?:rise|rises|stand|stands|stand up|stands up)|"
             r"recording (?:interrupted|ends|resumes)|tape (?:ends|interrupted|break)|end of (?:tape|recording)")
_QUALIFIER = r"(?:(?:prolonged|stormy|loud|long|general|brief|short|thunderous|sustained|some|lively|"
_QUALIFIER += r"animated|laughter and)\s+)*"
SPOKEN_EVENTS = (
    ("vocal", re.compile(rf"^(?:{_SUBJECT})?(?i:{_QUALIFIER}(?:{_VOCAL}){_ADVERB}"
                         r"(?:\s+(?:in the hall|in the room|from the floor|at the table))?[.!]?)$")),
    ("incident", re.compile(rf"^(?:{_SUBJECT})?(?i:{_QUALIFIER}(?:{_INCIDENT})"
                            r"(?:\s+(?:in the hall|in the room|from the floor|on the line))?[.!]?)$")),
    ("kinesic", re.compile(rf"^{_SUBJECT}(?i:(?:{_KINESIC})\b)[^\[\]]{{0,60}}$|^(?i:(?:{_GESTURE})[.!]?)$")),
)
PAUSE = re.compile(r"^(?:(?:long|short|brief|a|lengthy)\s+)*(?:pause|pauses|silence)[.!]?$", re.I)
INAUDIBLE = re.compile(r"^(?:(?:\w+\s)?(?:words?\s)?(?:inaudible|unintelligible|indistinct)"
                       r"(?:\s(?:words?|passage|remark|reply|answer|comment|speech))?"
                       r"|(?:words?|passage|remark|reply|answer) (?:inaudible|unintelligible|indistinct))[.]?$",
                       re.I)


# A word (or stem) every form above holds, in lower case: an ASCII bracket with none of them
# is no event, without the patterns (whose capitalised subject backtracks over a name:
# 10-20 us for `[Kim Il Sung]`, against 1 us for one automaton pass). Non-ASCII text goes to
# the patterns: case-insensitive matching there is more than `str.lower`.
_EVENT_WORDS = (
    "pause", "silence", "inaudible", "unintelligible", "indistinct",  # PAUSE, INAUDIBLE
    "laugh", "chuckl", "cough", "sigh", "groan", "throat", "whistl", "shout", "murmur",  # vocal
    "exclam", "giggl",
    "applause", "ovation", "noise", "commotion", "uproar", "interruption", "talk", "speak",
    "simultaneous", "rings", "enters", "leaves", "exits", "comes in", "goes out", "rise",
    "stand", "recording", "tape",  # incident
    "point", "nod", "shakes", "shrug", "gestur", "smil", "wav", "wink", "frown", "bow", "show",
    "hand", "tap", "pound", "sit", "turn")  # kinesic
_EVENT_WORD = ahocorasick.Automaton()
for _word in _EVENT_WORDS:
    _EVENT_WORD.add_word(_word, _word)
_EVENT_WORD.make_automaton()


def _names_no_event(content: str) -> bool:
    """True when `content` surely describes no spoken event (see _EVENT_WORDS)."""
    if not content.isascii():
        return False
    for _ in _EVENT_WORD.iter(content.lower()):
        return False
    return True


def spoken_event(content: str) -> str | None:
    """The TEI element for a bracket describing a non-verbal event of a spoken exchange:
    `[laughs]` vocal, `[applause]` incident, `[Zhou points at the map]` kinesic, `[pause]`
    pause, `[inaudible]` a gap of reason inaudible; None for anything else."""
    if len(content) > 80 or _names_no_event(content):
        return None
    if PAUSE.match(content):
        return "pause"
    if INAUDIBLE.match(content):
        return "inaudible"
    for name, pattern in SPOKEN_EVENTS:
        if pattern.match(content):
            return name
    # `[Ovation. All rise.]`: events in sentences of their own; one kind is that kind, a
    # mix (or a pause among them) is the general incident
    sentences = _SENTENCE_END.split(content)
    if len(sentences) < 2:
        return None
    kinds = {spoken_event(sentence) for sentence in sentences}
    if None in kinds:
        return None
    return kinds.pop() if len(kinds) == 1 and kinds <= {"vocal", "incident", "kinesic"} else "incident"


_SENTENCE_END = re.compile(r"(?<=[.!])\s+")

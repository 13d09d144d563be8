"""The document-structure stage's cues: what a block of a report is, read from its text.

Each function looks at one block (or a block and its neighbours) and names what it is: a
title or a section heading, a classification or copy mark, a memo field, a place-and-date
line, a journal entry's date, a list item, a stamp, a postscript, an attachment, a signature
line. `toolkit.encoding.body` builds the TEI from these answers. The cues follow the
phenomenon (the shape of the line), never one sample's wording.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from toolkit.encoding import dates, preamble
from toolkit.encoding.bracket_parse import continues_bracket
from toolkit.encoding.blocks import LINE_BREAK, PAGE_BREAK, SENTENCE_END, SourceBlock
from toolkit.encoding.bracket_kinds import ORG_WORDS
from toolkit.encoding.brackets import ROLE_WORDS

# (`PARA 3.`, `Paragraph 3.`: a cable's numbered paragraphs; `Ad 2.`: minutes on item 2;
# the word kept in the label)
POINT = re.compile(r"^(?P<label>\(?(?:\d{1,3}|[a-z]|[ivx]{1,4})\)|(?:\d{1,3}|[a-z]|[ivx]{2,4}|[IVX]{1,4})\.|"
                   r"(?:PARA(?:GRAPH)?|Para(?:graph)?|Ad)\.?\s+\d{1,3}[.:]?)\s+(?=\S)")
_POINT_WORD = re.compile(r"^[A-Za-z]+\.?\s+")
MEMO_FIELD = re.compile(
    r"^(?P<label>From|To|Subject|Re|Date|Copy|Copies|Cc|Ref\.?|Reference|Number|No\.|"
    r"Classification|Attachment|Enclosure|"
    # a record of conversation's header (issue #10): when, where, who took part and recorded it
    r"Time|Place|Venue|Location|Present|Absent|Excused|Apologies|Anwesend|Abwesend|Entschuldigt|"
    # (`Chinese participants:`, `Foreign participants:`: each side's own list, one word naming it)
    r"(?:(?!the\s|all\s)[a-z]{3,20}\s+)?participants|Participating|Taking part|Those present|Also present|"
    r"Interpreters?|Interview(?:er|ee)s?|Interviewed by|Respondent|Recorded by|Record(?:ed)? taken by|Attended by|Copy to|Copies to|"
    # a cable's routing fields
    r"Priority|Precedence|Urgency|Drafted by|Approved by|Cleared by|File(?: No\.?)?|"
    # a note of a telephone call or a message taken: who called, who took it
    r"Caller|Called by|Recipient|Received by|Taken by|"
    # the same fields under the labels of a German or French office's form
    r"Datum|Betreff|Betr\.|Von|An|Bezug|Aktenzeichen|Anlagen?|Verteiler|Objet|Destinataire|"
    # a Hungarian office's number and subject (`Szám: 00412/1962`, `Tárgy:`)
    r"Szám|Tárgy)"
    r"\s*:(?=\s*\S)", re.I)
# what a field of another language is called in English: its memo field's @subtype
_FIELD_NAMES = {"datum": "date", "betreff": "subject", "betr": "subject", "von": "from",
                "an": "to", "bezug": "ref", "aktenzeichen": "reference", "anlage": "enclosure",
                "anlagen": "enclosure", "verteiler": "distribution", "objet": "subject",
                "destinataire": "to", "szám": "number", "tárgy": "subject"}


def field_name(label: str) -> str:
    """The name of a memo field for its @subtype, the same whatever the form's language."""
    name = label.rstrip(".").lower()
    return _FIELD_NAMES.get(name, name)
OPENING_SALUTE = re.compile(r"^(?:(?:My )?Dear|Esteemed|Respected|Highly (?:esteemed|respected)|"
                            r"Honou?red|(?:Your )?(?:Excellency|Majesty|Highness))"
                            r"\b[^.]{0,100}[!,:]$|"
                            # a despatch's `Sir,` alone on its line (never `Sir Alec said:`)
                            r"^(?:Sir|Madam|Sirs|Gentlemen|(?:Your )?Excellency)[,:!]$")
# a closing formula left in the original's language, as translators keep it (`Mit
# sozialistischem Gruß`, `S pozdravem`, `Z poważaniem`, `Patria o Muerte, ¡Venceremos!`):
# its words and its language, the salute's xml:lang
_FOREIGN_CLOSINGS: tuple[tuple[str, str], ...] = (
    (r"mit\s+(?:\w+\s+){0,2}(?:gr(?:u|ü)(?:ß|ss)(?:en)?|hochachtung)|hochachtungsvoll", "de"),
    (r"se?\s+(?:\w+\s+)?(?:pozdravem|úctou)", "cs"),
    (r"so\s+(?:\w+\s+)?pozdravom", "sk"),
    (r"z\s+(?:\w+\s+){0,2}(?:poważaniem|szacunku|pozdrowieniem|pozdrowieniami)", "pl"),
    (r"(?:(?:elvtársi|baráti)\s+)?üdvözlettel|tisztelettel", "hu"),
    (r"s\s+(?:\w+\s+)?(?:privetom|uvazheniem)", "ru-Latn"),
    (r"Patria o Muerte\b[^.]{0,20}|¡?Venceremos!?|Hasta la victoria siempre", "es"),
)
FOREIGN_CLOSINGS = tuple((re.compile(rf"^(?:{words})[,.!]?$", re.I), lang)
                         for words, lang in _FOREIGN_CLOSINGS)
CLOSING_SALUTE = re.compile(r"^(?:With (?:\w+ ){0,2}(?:greetings|regards|respect|salutations)|"
                            r"(?:Yours|Sincerely|Respectfully|Faithfully|Cordially)\b[^.]{0,40}|"
                            r"Best (?:regards|wishes)|"
                            # a diplomat's close: `Please accept, Excellency, the assurances of
                            # my highest consideration.`
                            r"(?:Please )?accept\b[^.]{0,60}\b(?:assurances?|expression)\b[^.]{0,60}"
                            r"\bconsideration|"
                            # a despatch's `Your obedient Servant,`
                            r"Your (?:most )?(?:obedient|humble|faithful)\b[^.]{0,30}|"
                            + "|".join(words for words, _ in _FOREIGN_CLOSINGS) + r")[,.!]?$", re.I)


def closing_language(text: str) -> str | None:
    """The language of a closing formula kept untranslated; None for one in English."""
    return next((lang for pattern, lang in FOREIGN_CLOSINGS if pattern.match(text.strip())), None)


# (`To His Excellency Comrade ...`: a head of state addressed by his honorific)
ADDRESSEE = re.compile(r"^(?:To|TO) (?:the |Comrade |Mr\.? |Mrs\.? |THE |COMRADE |MR\.? |"
                       r"(?:His|Her|HIS|HER) (?:Excellency|Majesty|Highness|EXCELLENCY) )"
                       # no sentence: a full stop only after an initial or a title (`Mr. N. N.`)
                       r"(?:[^.!?]|(?<![\w.])[A-Z]\.|(?<![\w.])(?:Mr|Mrs|Ms|Dr|Prof|Cde|Gen|Col|"
                       r"MR|MRS|DR)\.){3,200}$")
# (`New Delhi, the 22nd March, 1971`: the article and the comma before the year, as Indian and
# British offices date; `Washington, March 22, 1971`)
# (`Budapest, 1962. november 7.`: a Hungarian date, year first, its full stops its own)
PLACE_DATE = re.compile(r"^(?P<place>[A-Z][\w'’. -]{1,40}),\s+(?:the\s+(?=\d))?"
                        r"(?P<date>\d{4}\.\s?[^\W\d_]{3,12}\.?\s\d{1,2}\.|"
                        r"[^,]{4,30}?(?:,\s*\d{4})?)\.?$")
WEEKDAY = re.compile(r"^(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day,?\s+", re.I)

# Marks at the top of a document: its classification, its copy, its registration number.
CLASSIFICATION = re.compile(
    r"^(?:(?:strictly\s+|top\s+)?(?:secret|confidential)|restricted|unclassified|"
    r"for official use only|urgent|very urgent|personal|eyes only|"
    # the US marking between confidential and unclassified (`LIMITED OFFICIAL USE`)
    r"limited\s+official\s+use(?:\s+only)?|"
    # a Soviet handling mark: the file kept apart (`Special file`, `Special folder`)
    r"special\s+(?:file|folder)|"
    r"(?:top\s+)?secret\s*[-–—,]?\s*(?:of special importance|urgent)|"
    # the German marks a translation keeps as written (`Streng geheim!`, `VS-Vertraulich`)
    r"(?:streng\s+)?geheim|vertraulich|vs[-\s]vertraulich|geheime\s+verschlu(?:ss|ß)sache|"
    r"nur\s+f(?:ü|ue)r\s+den\s+dienstgebrauch|"
    # the same marks kept in Hungarian, Polish, Czech or Slovak, or Russian in Latin letters
    # (`Szigorúan titkos!`, `Ściśle tajne`, `Přísně tajné`, `Sovershenno sekretno`)
    r"(?:szigorúan\s+)?titkos|bizalmas|(?:ściśle\s+)?tajne|poufne|(?:přísně\s+)?tajné|"
    r"(?:prísne\s+)?tajné|důvěrné|dôverné|(?:sovershenno\s+)?sekretno)[.!]?$", re.I)
COPY_MARK = re.compile(r"^(?:(?:copy|exemplar|ex\.)\s*(?:n[º°o]\.?|no\.?|#)?\s*\d{1,4}"
                       r"(?:\s*(?:of|/)\s*\d{1,4})?|"
                       r"(?:true\s+)?copy)\.?$", re.I)  # `COPY` alone: the text is a copy
# (`Outgoing No. 211`, `Ref. No. 0047/58`: the register the number is of, kept in the mark)
# (`Special No. 1187`: a Soviet cipher telegram's register; `Nr. 412/75`: German `Nummer`;
# `No. F.12/3/71-AMS`: an Indian file number, the file series' letters before its figures)
NUMBER_MARK = re.compile(r"^(?:(?:outgoing|incoming|out\.|inc\.|ref\.|reg(?:istration|\.)?|"
                         r"special)\s+)?(?:n[º°o]\.?|no\.|nr\.|number|#)\s*"
                         r"(?:(?-i:[A-Z]{1,4})[./-]\s?)?\d[\w/.-]{0,20}$", re.I)
# Titles of a document's kind, on a line of their own (also in mixed case).
TITLE = re.compile(
    r"^(?:(?:from|excerpts?\s+from|extracts?\s+from)\s+(?:the\s+)?)?"  # From the journal of
    # (`Political report for the month of July 1966`, `Monthly report`: the report's kind)
    r"(?:(?:political|monthly|annual|quarterly|weekly|fortnightly|final|special|situation|"
    r"economic|military)\s+(?=report|information|note|summary))?"
    r"(?:(?:ciphered\s+|coded\s+|outgoing\s+|incoming\s+|cipher\s+)?telegram|memorandum(?:\s+of\s+conversation)?|journal|diary|"
    r"record\s+of\s+(?:a\s+|the\s+)?(?:conversation|talks?|meeting)|minutes(?:\s+of\s+[\w ]{3,40})?|"
    r"report|information|note|aide[- ]m[ée]moire|protocol|transcript|cable|letter|"
    r"(?:short\s+)?summary|"
    # (`Interview with ...`: an oral history's transcript; `Protokoll Nr. 12/63`: minutes
    # under the German word a translation keeps)
    r"interview|questionnaire|protokoll)\b(?:[^.!?]|(?<=\b[A-Z])\.|(?<=\bN[oºr])\.){0,75}$", re.I)  # initials', No., Nr.
LETTER_SPACED = re.compile(r"^(?:\S(?: |   +)){3,}\S$")
SECTION = re.compile(r"^(?P<label>(?P<n>\d{1,2}|[IVX]{1,5}|[A-Z])[.)])\s+(?P<title>\S[^.!?;:]{0,78})$")
# (`1      Cde. N. Name`: the number and the name as two fields, a run of spaces or a tab
# between them, words after it; `12      450` is a row of figures)
LIST_ITEM = re.compile(r"^(?P<label>\d{1,2}\s*[-–—]|\d{1,2}(?=(?: {3,}|\t)\s*[^\W\d_])|[-–—•▪·*])"
                       r"\s+(?=\S)")
# (`List of persons met ...`: a title that names what it lists)
LIST_HEAD = re.compile(r"\b(?:cop(?:y|ies)|printed|distribution|distributed|sent to|"
                       r"addressees?)\b|:$|^list\s+of\b", re.I)
# a stamp described, not only named (`[stamp]` alone is an omitted item, a gap)
STAMP = re.compile(r"^\[(?:[\w'’. -]{0,40}\s)?(?:stamp|seal)(?:ed)?\b(?!\s*\])", re.I)
# A cable's or a text's end mark on a line of its own: `END OF MESSAGE`, `ENDS`, `End of text.`
END_MARK = re.compile(r"^\[?(?:end(?:s|\s+(?:of\s+)?(?:the\s+)?(?:message|text|telegram|cable|"
                      r"document|report|quote))?)\]?\.?$", re.I)
POSTSCRIPT = re.compile(r"^P\.?\s?S\.?(?=[\s:,]|$)")
ATTACHMENT = re.compile(r"^(?:Attachment|Enclosure|Annex|Appendix|Supplement)"
                        r"(?:\s+(?:No\.?|N[º°o]\.?)?\s*[\dIVX]{1,4})?\s*[:.]?(?:\s+\S.{0,80})?$", re.I)
# a run of three spaces or more, or a tab (with spaces around it): what sets two fields apart
# (the leading lookahead, the first character of either form, changes no match: a position
# that opens none costs one class test, not the lookbehind and both branches; 4x faster)
FIELD_RUN = re.compile(r"(?=[ \t\u00a0])(?<=\S)(?:[ \t\u00a0]{3,}|[ \u00a0]*\t[ \t\u00a0]*)(?=\S)")
# `ROLE [signature] /N. NAME/`: an office, the signature's place, the typed name in slashes.
SLASHED_SIGNATURE = re.compile(r"^(?P<role>[^\[\]/]*?)\s*(?P<sig>\[[^\[\]]*\])?\s*"
                               r"/(?P<name>[^/\[\]]{2,60})/\s*$")
DRAFTER = re.compile(r"^\((?P<name>[^()\d]{2,60})\)$")
# Words an office holds besides its titles ('Secretary of the session', "chargé d'affaires").
CONNECTORS = frozenset({"of", "the", "to", "for", "in", "and", "at", "on", "d'affaires",
                        "d’affaires", "a.i.", "ad", "interim"})
# `Ambassador: G. Stoyanov`: an office, a colon, the signer's name.
ROLE_COLON = re.compile(r"^(?P<role>[^:\[\]/]{2,60}?)\s*:\s+(?P<name>[^:\[\]/]{2,60})$")
# `[illegible] Kádas`, `[signature] N. Name`: a bracket (the signature's place) before a name.
BRACKET_LEAD = re.compile(r"^(?P<bracket>\[[^\[\]]{1,40}\])\s*(?P<rest>\S.{0,60})$")
_YEAR = re.compile(r"\d{4}")
_DIGIT = re.compile(r"\d")
# a figure that is no ordinal: an office may be `Head of the 1st Territorial Department`
_BARE_DIGIT = re.compile(r"\d+(?!\d)(?!(?:st|nd|rd|th)\b)")
_PARENTHESISED = re.compile(r"\([^()\d]{1,100}\)")
_SIGNATURE_BRACKET = re.compile(r"\[[^\[\]]*(?:signature|signed|initials)[^\[\]]*\]", re.I)
_INITIAL_END = re.compile(r"\b[A-Z]\.$")
_LOWER_WORDS = re.compile(r"[a-z][\w' -]*")


# a mark inside the full-width brackets of a Japanese or Chinese document (`【Top Secret】`):
# the brackets are the original's, kept in the mark as written
_FULL_WIDTH_MARK = re.compile(r"^[【〔［]\s*(?P<mark>[^【】〔〕［］]{2,40}?)\s*[】〕］]$")


def mark_type(text: str) -> str | None:
    """'classification', 'copy' or 'number' for a mark at the top of a document."""
    framed = _FULL_WIDTH_MARK.match(text)
    if CLASSIFICATION.match(framed.group("mark") if framed else text):
        return "classification"
    if COPY_MARK.match(text):
        return "copy"
    if NUMBER_MARK.match(text):
        return "number"
    return None


def fields(block: SourceBlock) -> list[SourceBlock]:
    """A line's fields where runs of three or more spaces separate them (an office and a
    place-and-date line; two marks); the block itself when there is one field."""
    text = block.text
    if "   " not in text and "\u00a0\u00a0" not in text and "\t" not in text:
        return [block]
    parts: list[SourceBlock] = []
    start = len(text) - len(text.lstrip())
    for run in FIELD_RUN.finditer(text, start):
        parts.append(block.part(start, run.start()))
        start = run.end()
    parts.append(block.part(start, len(text.rstrip())))
    return parts


def marks(block: SourceBlock) -> list[tuple[SourceBlock, str]] | None:
    """A line of classification or copy marks and their types: one mark, several apart by
    runs of spaces, or by commas (`TOP SECRET, Copy No. 3`, the comma kept with the mark
    before it); None when any part is no mark."""
    if len(block.text) > 120:
        return None  # most blocks are paragraphs: no need to look further
    parts = fields(block)
    if len(parts) == 1 and "," in block.text:
        text = block.text
        start = len(text) - len(text.lstrip())
        parts = []
        for comma in re.finditer(r",\s+", text):
            parts.append(block.part(start, comma.start() + 1))
            start = comma.end()
        parts.append(block.part(start, len(text.rstrip())))
    found = [(p, mark_type(p.text.strip().rstrip(",").rstrip())) for p in parts]
    if len(found) == 1 and found[0][1] is None:
        found = _mark_and_number(block) or found
    if not all(kind for _, kind in found):
        return None
    return [(p, kind) for p, kind in found if kind]


_NUMBER_START = re.compile(r"\s(?=(?:n[º°o]\.?|no\.|nr\.)\s*\d)", re.I)


def _mark_and_number(block: SourceBlock) -> list[tuple[SourceBlock, str | None]] | None:
    """`Strictly confidential No. 418`: a classification and the registration number on one
    line with one space between (a Yugoslav and a Soviet typescript's first line); None when
    the line is not that."""
    text = block.text
    found = _NUMBER_START.search(text)
    if found is None:
        return None
    lead = len(text) - len(text.lstrip())
    mark, number = block.part(lead, found.start()), block.part(found.end(), len(text.rstrip()))
    kinds = (CLASSIFICATION.match(mark.text.strip()), NUMBER_MARK.match(number.text.strip()))
    return [(mark, "classification"), (number, "number")] if all(kinds) else None


# A date in an era's years with the Gregorian year beside it (`15 April, Juche 64 (1975)`: the
# DPRK's calendar; also the ROC's Minguo and Japan's eras): dated by the year in parentheses,
# the era year kept inside the date as written.
_ERA = r"(?:Juche|Minguo|Min-guo|Showa|Shōwa|Heisei|Taisho|Taishō)"
ERA_DATE = re.compile(r"^(?P<dm>[^,()]{3,24}?),?\s+" + _ERA + r"\s+\d{1,3}\s*\((?P<year>\d{4})\)$")
PLACE_ERA_DATE = re.compile(r"^(?P<place>[A-Z][\w'’. -]{1,40}),\s+(?P<date>[^,()]{3,24}?,?\s+"
                            + _ERA + r"\s+\d{1,3}\s*\(\d{4}\))\.?$")


def era_date(text: str) -> dates.IsoDate | None:
    """`15 April, Juche 64 (1975)`: the day and month with the Gregorian year in parentheses."""
    found = ERA_DATE.match(text.strip().rstrip("."))
    return dates.parse_date(f"{found.group('dm').strip()} {found.group('year')}") if found else None


# `Compiled by the First Asian Department, 20 September 1958`: who made it, not where (a
# place's name holds no `by`)
_MADE_BY = re.compile(r"\bby\b", re.I)


def place_date(text: str) -> tuple[re.Match[str], dates.IsoDate] | None:
    if _MADE_BY.search(text.split(",", 1)[0]):
        return None
    match = PLACE_DATE.match(text)
    iso = dates.parse_date(match.group("date")) if match else None
    if not (match and iso):
        match = PLACE_ERA_DATE.match(text)
        iso = era_date(match.group("date")) if match else None
    return (match, iso) if match and iso else None


def date_line(text: str, document_date: str | None = None) -> dates.IsoDate | None:
    """A line that is only a date (perhaps after a weekday): a journal entry's or a letter's.
    With the document's date, a day and a month without a year (`Monday, 5 June`, `8.VI.`)
    is one too, its year the nearest to the document's (cert='medium')."""
    if len(text) > 40:
        return None
    if ERA_DATE.match(text.rstrip(".")):
        return era_date(text)
    if not _YEAR.search(text):
        return dates.day_and_month(WEEKDAY.sub("", text), document_date) if document_date \
            else None
    return dates.parse_date(WEEKDAY.sub("", text).rstrip("."))


def letter_spaced(text: str) -> bool:
    """'M e m o r a n d u m', 'R E C O R D   O F': letters set apart by single spaces."""
    return bool(LETTER_SPACED.match(text)) and sum(c.isalpha() for c in text) >= 4


def heading_like(text: str) -> bool:
    """A short line in capitals (a title: 'MEMORANDUM OF CONVERSATION')."""
    if text.startswith("[") or len(text.split(None, 10)) > 10:
        return False  # checked first: most paragraphs are long
    if text.isascii():  # every ASCII letter has a case: capitals, at least one, none lower
        capitals = text.isupper() and sum(1 for c in text if c.isalpha()) >= 3
    else:
        letters = [c for c in text if c.isalpha() and c.upper() != c.lower()]  # not 'º' of 'Nº'
        capitals = len(letters) >= 3 and all(c.isupper() for c in letters)
    return capitals and not MEMO_FIELD.match(text)  # `FROM: EMBASSY WARSAW`: a field, no title


def title_like(text: str) -> bool:
    """A mixed-case title of the document's kind on a line of its own ('Record of
    Conversation', 'Journal of the Ambassador'): a weaker cue than capitals."""
    return len(text) <= 80 and not SENTENCE_END.search(text.rstrip(".")) and \
        text[:1].isupper() and bool(TITLE.match(text))


# `On the situation in the city of Herat`: a report's title naming its subject (Russian `О ...`),
# a line of its own at the top; a sentence opening with `On 12 March` has a figure or its stop
SUBJECT_TITLE = re.compile(r"^(?:On|Concerning|Regarding|About)\s+(?:the\s+|a\s+|an\s+)?[^\W\d_]")


def subject_title(text: str, following: str) -> bool:
    """A short line opening with `On`/`Concerning`/`Regarding`/`About`, no sentence, over a
    paragraph: the title of what the text reports on."""
    return bool(SUBJECT_TITLE.match(text)) and len(text) <= 100 and len(text.split()) <= 14 \
        and not SENTENCE_END.search(text) and "," not in text and "[" not in text \
        and not _DIGIT.search(text) and len(following) > len(text) \
        and bool(SENTENCE_END.search(following))


def section_heading(text: str) -> str | None:
    """The number of a numbered section heading ('2. Economic relations'), else None."""
    match = SECTION.match(text)
    if not match or len(match.group("title").split()) > 10 or not match.group("title")[:1].isupper():
        return None
    return match.group("n")


def contents_end(units: Sequence[SourceBlock], start: int, end: int) -> int:
    """Where a list of points ends when a later point repeats its first (`Contents:` / `I.
    Economic situation` / ... / `I. Economic situation`): before the repeat, which opens the
    sections the table of contents lists. Else `end`."""
    first = " ".join(units[start].text.split()) if start < end else ""
    for at in range(start + 1, end):
        if " ".join(units[at].text.split()) == first:
            return at
    return end


_OPEN_END = re.compile(r"\b(?:of|with|between|and|to|for|on|from|by|in|the)\s*$", re.I)


# A telegram's routing line in one sentence (`toolkit.encoding.routing`):
# `from PLACE,` then at least one moment `sent|received|dispatched DATE [at TIME]`
ROUTING = re.compile(r"^(?P<from>from)\s+(?P<place>[A-Z][\w'’.-]*(?:\s[A-Z][\w'’.-]*){0,3})\s*,\s*"
                     r"(?=(?:sent|dispatched|despatched|received)\s)", re.I)
MOMENT = re.compile(r"\b(?P<label>sent|dispatched|despatched|received|deciphered)\s+(?:on\s+)?"
                    r"(?P<date>\d{1,2}\.\s?(?:[IVX]{1,4}|\d{1,2})\.\s?(?:\d{4}|\d{2})|"
                    r"\d{1,2}\s+[A-Z][a-z]{2,8}\.?\s+\d{4})"
                    r"(?:\s*(?:at\s+)?(?P<time>[012]?\d[:.][0-5]\d)(?:\s*(?:hrs?|h)\b\.?)?)?", re.I)


def routing_line(text: str) -> bool:
    """`from Hanoi, sent 12.02.1965 at 22:30, received ...`: a place, then a dated moment."""
    found = ROUTING.match(text)
    return found is not None and MOMENT.search(text, found.end()) is not None


def title_continues(text: str, above: str = "") -> bool:
    """A line going on with a title above it ('JOURNAL' / 'of Ambassador P. I. Vetrov' /
    'for the period from 10 to 20 May 1958'): lower case, short, no sentence ending it; or
    any short line under a title line that stops on a connecting word ('From the diary of' /
    'V. V. KUZNETSOV')."""
    lines = text.replace(PAGE_BREAK, LINE_BREAK).split(LINE_BREAK)
    if routing_line(text):
        return False  # `from Hanoi, sent ...` under `Cipher telegram No. 4512`: its dateline
    if _OPEN_END.search(above.replace(PAGE_BREAK, LINE_BREAK).rsplit(LINE_BREAK, 1)[-1]) \
            and len(text) <= 80 and (not SENTENCE_END.search(text.rstrip())
                                     or _INITIAL_END.search(text.rstrip())):
        return True
    return text[:1].islower() and all(len(line) <= 120 for line in lines) \
        and not SENTENCE_END.search(text.rstrip()) and not POINT.match(text)


_LOWER_ROMAN = re.compile(r"i{1,3}|iv|vi{0,3}|ix|xi{0,3}")


def point_kind(text: str) -> str | None:
    """The kind of a point's label: '1)', 'a)', '1.', 'IV.' (figures or letters, and the
    sign after them), so that a run of points of one kind reads as one enumeration."""
    match = POINT.match(text)
    if not match:
        return None
    label = match.group("label")
    if _POINT_WORD.match(label):  # `PARA 3.`, `Ad 2.`: the word is part of the kind, so
        return label.split()[0].rstrip(".").upper() + label[-1]  # 'Ad 1.' ends '1. 2. 3.'
    core = label.strip("().:")
    # `i.`, `ii.`, `iv)`: roman points, a kind of their own (a list of them under a lettered
    # point); a lone `v` or `x` is a letter
    kind = "1" if core.isdigit() else "i" if _LOWER_ROMAN.fullmatch(core) and core not in "vx" \
        else "a" if core.islower() else "A"
    return kind + label[-1]


def point_number(label: str) -> str:
    """A point's n: its label without brackets, points and a word before it (PARA 3. → 3)."""
    return _POINT_WORD.sub("", label).strip("().:").strip()


def one_bracket(text: str) -> bool:
    """Whether the text is one bracket, `[` at its start closed at its end (a stamp's line)."""
    if not (text.startswith("[") and text.endswith("]")):
        return False
    depth = 0
    for index, char in enumerate(text):
        depth += 1 if char == "[" else -1 if char == "]" else 0
        if depth == 0:
            return index == len(text) - 1
    return False


def may_head(heading: str, following: str) -> bool:
    """Whether a numbered heading's line may open a section before `following`: its own
    lettered points may follow (`II. Causes` / `a) ...`), never a point of its numbering
    (`1. ...` / `2. ...` is an enumeration)."""
    kind = point_kind(following)
    return kind is None or (kind[0] == "a" and kind != point_kind(heading))


# `[sic]`, `[sic!]`, `[!]`, `[?]` qualify the word before them: a block opening with one goes
# on with the block before (else the mark qualifies nothing: an empty sic)
_QUALIFIES_BEFORE = re.compile(r"\[(?:sic[!?.]?|!|\?)\](?!\S)", re.I)


def continues(previous: str, following: str, ahead: Sequence[str] = ()) -> bool:
    """Whether `following` goes on with `previous` across a page break: inside an open
    bracket that a ']' of `following` (or of the few blocks `ahead` of it, for a bracket cut
    by more than one break) closes, or inside a sentence with the next block in lower case.
    A '[' that nothing closes joins nothing: it is the bracket stage's to repair."""
    prev, nxt = previous.rstrip(), following.lstrip()
    if "[" in prev and continues_bracket(prev, _through_close(following, ahead)):
        return True
    if prev and _QUALIFIES_BEFORE.match(nxt):
        return True
    if not nxt or not prev or not nxt[0].islower():
        return False  # the last test below, first: most blocks open with a capital
    if POINT.match(nxt) or MEMO_FIELD.match(prev.lstrip()) or preamble.starts_anew(prev, nxt) \
            or heading_like(prev.strip()) or letter_spaced(prev.strip()) \
            or OPENING_SALUTE.match(prev.strip()) \
            or (len(prev) <= 80 and TITLE.match(prev.strip())):
        return False  # (a title's next line in lower case goes on with the title, see
        #               title_continues, not across a page break)
    return not SENTENCE_END.search(prev) and (prev[-1].isalnum() or prev[-1] in ",-–")


# words that end no sentence: a block ending in one is cut there, whatever the next begins with
_OPEN_END = re.compile(r"(?:^|\s)(?:the|a|an|of|to|in|on|at|by|for|with|from|into|and|or|nor|"
                       r"but|which|that|whose|whom|than|between|among|against|its|his|her|"
                       r"their|our|my|your)$", re.I)


def cut_before_page(previous: str, following: str) -> bool:
    """Whether `following` goes on with `previous` across a page number standing between
    them: `continues`, or `previous` ends in an article or a preposition (`which the` /
    `- 7 -` / `German side`: a capital after it begins a name, not a sentence)."""
    return continues(previous, following) or (
        bool(_OPEN_END.search(previous.rstrip())) and bool(following.strip())
        and not POINT.match(following.lstrip()) and not heading_like(previous.strip()))


def bound_to_previous(blocks: list[SourceBlock]) -> bool:
    """Whether the last block continues the one before it (a page break inside a bracket or a
    sentence): then it is no signature line, footnote or stray fragment of its own."""
    if len(blocks) < 2:
        return False
    last = blocks[-1].text
    if "]" in last:  # else no bracket of the blocks before can close in it
        before = " ".join(b.text for b in blocks[-12:-1])  # further up is the brackets' concern
        if continues_bracket(before, last):
            return True
    return continues(blocks[-2].text, last)


def _through_close(following: str, ahead: Sequence[str]) -> str:
    """`following` and the blocks after it up to the first that holds a ']' (at most 8)."""
    parts = [following]
    for text in ahead[:8]:
        if "]" in parts[-1]:
            break
        parts.append(text)
    return " ".join(parts)


def role_under_name(blocks: list[SourceBlock]) -> bool:
    """A bare office ('ambassador') under a signature's name line ('Dvořák'): it reads like
    a sentence cut by a page break, but it is the signature's last line."""
    words = blocks[-1].text.split()
    previous = blocks[-2].text.strip()
    lead = bracket_lead(previous)
    if lead:
        previous = lead.group("rest")  # `[illegible] Kádas` over `chargé d'affaires`
    # (`head of department` under `Kovács István`: an office in lower case, its noun no title)
    return bool(words) and (all(ROLE_WORDS.fullmatch(w) or w.lower() in CONNECTORS
                                for w in words) or office_line(blocks[-1].text.strip())) \
        and name_like(previous) and signature_like(previous) \
        and sum(b.text.count("[") - b.text.count("]") for b in blocks[-2:]) == 0


def role_split(text: str) -> tuple[str, str] | None:
    """'Second Secretary' -> ('Second Secretary', ''), 'Ambassador Moravec' -> ('Ambassador',
    'Moravec'); None when the line is not an office (a name, or something else)."""
    words = text.split()
    if not words or not _office_start(words):
        return None
    if all(ROLE_WORDS.fullmatch(w) or w.lower() in ("of", "the", "to", "for", "in", "and")
           for w in words) or any(w.lower() in ("of", "the", "to", "for", "in") for w in words):
        return text, ""
    count = 1
    while count < len(words) and ROLE_WORDS.fullmatch(words[count]):
        count += 1
    rest = words[count:]
    if all(w[:1].isupper() for w in rest):
        return " ".join(words[:count]), " ".join(rest)
    return None


def name_like(text: str) -> bool:
    words = text.split()
    return bool(words) and all(w[:1].isupper() for w in words)


# a grade before the office (`Joint Secretary`, `Under Secretary`, `Acting Director`: the
# Indian and British services' ranks)
_GRADE = re.compile(r"joint|additional|under|assistant|acting|senior|principal|special", re.I)


# military and police ranks, signing under or before the name (`Krause` / `Oberleutnant`)
_RANK = re.compile(r"(?:ober|unter|general|haupt)?(?:leutnant|feldwebel)|hauptmann|major|oberst|"
                   r"oberstleutnant|generalmajor|lieutenant|captain|sergeant|kapit[aä]n", re.I)


def _office_start(words: list[str]) -> bool:
    """An office's first word or a rank, or a grade and the office word after it."""
    return bool(ROLE_WORDS.fullmatch(words[0]) or _RANK.fullmatch(words[0])) or (
        len(words) > 1 and bool(_GRADE.fullmatch(words[0])) and bool(ROLE_WORDS.fullmatch(words[1])))


_AND_OFFICE = re.compile(r"\s+and\s+(?=[A-Z])")


def office_line(text: str, most: int = 10) -> bool:
    """A line that is an office alone ('Ambassador of the USSR in the PRC', 'Secretary of the
    session', "chargé d'affaires"): a signature's role line, above or under the name. Two
    offices held at once (`General Secretary of the Central Committee of the Workers' Party of
    Korea and President of the ...`, a head of state's full title) are one, each an office."""
    pieces = _AND_OFFICE.split(text) if most == 10 and len(text) > 60 else []
    if 1 < len(pieces) <= 3 and all(office_line(piece, 14) for piece in pieces):
        return True
    words = text.split()
    if not words or len(words) > most or len(text) > 9 * most or _BARE_DIGIT.search(text) \
            or (text[-1] in ".!?;:," and words[-1].lower() not in CONNECTORS):
        return False
    if not _office_start(words):
        return False
    plain = [w for w in words[1:] if not ROLE_WORDS.fullmatch(w) and w.lower() not in CONNECTORS
             and not w[:1].isupper()]
    return len(plain) <= 1 and (len(words) == 1 or role_split(text) == (text, "")
                                or all(ROLE_WORDS.fullmatch(w) or w.lower() in CONNECTORS
                                       for w in words))


def role_colon(text: str) -> re.Match[str] | None:
    """`Ambassador: G. Stoyanov`: an office, a colon, a name."""
    match = ROLE_COLON.match(text)
    if match and office_line(match.group("role").strip()) and name_like(match.group("name")):
        return match
    return None


def bracket_lead(text: str) -> re.Match[str] | None:
    """`[illegible] Kádas`: a short bracket (an illegible or omitted signature) before a name."""
    match = BRACKET_LEAD.match(text)
    if match and name_like(match.group("rest")) and len(match.group("rest").split()) <= 4 \
            and not SENTENCE_END.search(match.group("rest").rstrip(".")):
        return match
    return None


def closing_fields(text: str) -> list[str] | None:
    """`14.V.58    P. Vetrov`: a signature line whose fields (apart by runs of spaces) are a
    date and the signature; None for other lines."""
    if len(text) > 160 or not FIELD_RUN.search(text):
        return None
    parts = [p for p in FIELD_RUN.split(text.strip()) if p.strip()]
    dated = [bool(dates.SHORT_NUMERIC.match(p) or date_line(p)) for p in parts]
    if not 1 < len(parts) <= 3 or not any(dated) or all(dated) or \
            not all(d or signature_like(p) for p, d in zip(parts, dated)):
        return None
    return parts


# `, v.r.` (Czech vlastní rukou), `m.p.` (manu propria), `s.r.`, `w.r.`, `e.h.`, `s.k.`
# (Hungarian saját kezével) after a signer's name: the original was signed by hand; the mark
# is no part of the name
HAND_SIGNED = re.compile(r"(?P<mark>,?\s*\(?(?:v\.\s?r|m\.\s?p|s\.\s?r|w\.\s?r|e\.\s?h|s\.\s?k)"
                         r"\.\)?)$", re.I)
_HAND_MARK_END = re.compile(  # at most 7 characters
    r"(?:v\.\s?r|m\.\s?p|s\.\s?r|w\.\s?r|e\.\s?h|s\.\s?k)\.\)?$", re.I)


def hand_signed(text: str) -> tuple[str, str] | None:
    """`J. Novák, v.r.` -> ('J. Novák', ', v.r.'): a name and the mark that the original
    was signed by hand; None for other lines."""
    # the mark's letters end the line: looked for in its last 8 characters first (the whole
    # pattern, its `,?\s*` tried at every position, costs ~70 us on a long line)
    if _HAND_MARK_END.search(text, max(0, len(text) - 8)) is None:
        return None
    found = HAND_SIGNED.search(text)
    if found is None or found.start() == 0:
        return None
    name = text[:found.start()].rstrip()
    if not name_like(name) or len(name.split()) > 5 or _DIGIT.search(name):
        return None
    return name, text[len(name):]


# `Sd/- K. R. Menon`, `Sd. N. Name`, `(Sd.) N. Name`, `(signed) N. Name` (the Indian and British
# offices' "signed", a copy's note that the original bears the signature): the mark before
# the name, no part of it
SIGNED_BEFORE = re.compile(r"^(?P<mark>\(?(?:sd/-?|sd\.|sgd\.|signed)\)?\s*)(?=\S)", re.I)


def signed_before(text: str) -> tuple[str, str] | None:
    """`Sd/- K. R. Menon` -> ('Sd/- ', 'K. R. Menon'): the signed mark and the name after it;
    None where no name follows (`Signed by:`, `Sd/- illegible`)."""
    found = SIGNED_BEFORE.match(text)
    if found is None:
        return None
    name = text[found.end():].strip()
    if not name_like(name) or len(name.split()) > 5 or _DIGIT.search(name) \
            or name.lower().startswith("by"):
        return None
    return found.group("mark"), name


_GOVERNMENT = re.compile(r"government", re.I)


def org_line(text: str) -> bool:
    """An office that signs as a body (`Embassy in the DPRK`, `Ministry of Foreign Affairs of
    the CSSR`): an institution's word first (or third at most), then capitalised words and
    connectors, short."""
    words = text.split()
    # (`USSR MINISTRY OF ...`, `SECOND EUROPEAN DEPARTMENT`: a state's name or an ordinal and
    # an adjective, capitalised as the check below asks, before the word;
    # `Government of India`: the government issues as a body)
    lead = next((n for n in (0, 1, 2) if n < len(words) and ORG_WORDS.fullmatch(words[n])
                 and all(w.isalpha() for w in words[:n])), 0)  # no `From:` or `Director,`
    return 0 < len(words) <= 8 and len(text) <= 80 \
        and bool(ORG_WORDS.fullmatch(words[lead]) or _GOVERNMENT.fullmatch(words[lead])) \
        and not SENTENCE_END.search(text) and not _DIGIT.search(text) \
        and all(w[:1].isupper() or w.lower() in CONNECTORS for w in words)


# `Recorded by:`, `Drafted by:` alone on the line above the name: part of the signature
SIGNER_LABEL = re.compile(r"^(?:Recorded|Drafted|Prepared|Written|Compiled|Taken|Signed|"
                          r"Approved|Checked)(?:\s+down)?\s+by\s*:?$", re.I)


def signature_like(text: str) -> bool:
    if SIGNER_LABEL.match(text):
        return True
    if office_line(text) or role_colon(text) or bracket_lead(text) or closing_fields(text) \
            or hand_signed(text) or signed_before(text):
        return True  # an office alone, `Office: Name`, `[illegible] Name`, `date   Name`
    if _PARENTHESISED.fullmatch(text):
        return True  # an office under the name: "(ambassador)", "(First Secretary of the CC)"
    if len(text) <= 160 and "/" in text and SLASHED_SIGNATURE.match(text):  # cheap tests first
        return True  # "HEAD OF SECTION [signature] /N. NAME/"
    if not text or len(text) > 60 or len(text.split()) > 5 or _DIGIT.search(text):
        return False
    if _SIGNATURE_BRACKET.fullmatch(text):
        return True
    if SENTENCE_END.search(text) and not _INITIAL_END.search(text):
        return False
    return name_like(text) or bool(_LOWER_WORDS.fullmatch(text))


def address_continues(text: str) -> bool:
    """A line under an addressee (`Comrade N. S. Khrushchev`, `Moscow`): short, capitalised,
    no sentence, field or salutation; the salutation or the first paragraph ends the address."""
    if len(text) > 80 or len(text.split()) > 8 or not text[:1].isupper() or ":" in text \
            or "[" in text or OPENING_SALUTE.match(text) or CLOSING_SALUTE.match(text):
        return False
    return not SENTENCE_END.search(text) or bool(_INITIAL_END.search(text))


def drafter(text: str) -> str | None:
    """The name in a drafter's '(N. Name)' alone at the end; None for an office in
    parentheses ('(ambassador)')."""
    match = DRAFTER.match(text)
    if not match:
        return None
    name = match.group("name").strip()
    words = name.split()
    if not name_like(name) or len(words) > 4 or any(ROLE_WORDS.fullmatch(w) for w in words):
        return None
    return name

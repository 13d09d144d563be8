"""Word's language marks (`w:lang`) as `@xml:lang`, where they say something of the words.

Word sets a run's language from the keyboard or its own guess, so a whole report typed on a
Hungarian keyboard says `hu-HU` in every run: the language most of the document's letters
carry is the document's, whatever Word calls it, and is not marked; nor is the text's own
language (`text/@xml:lang`). A run in another language is marked only where its letters are
of that language's script (a Russian mark on Latin letters is a keyboard's, not a Russian
word): `foreign[@xml:lang]` inside a paragraph, `@xml:lang` on the paragraph (head, item,
cell, note) when it covers all its letters.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable

from lxml import etree

from toolkit.readers.docx.blocks import Paragraph, Span
from toolkit.readers.docx.styles import Lang
from toolkit.tei import tei

XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
# scripts of the languages that are not written in Latin letters (a first subtag's script)
SCRIPTS = {
    **dict.fromkeys(("ru", "uk", "be", "bg", "mk", "kk", "ky", "tg", "mn", "tt", "ba", "cv"),
                    "CYRILLIC"),
    "el": "GREEK", "ko": "HANGUL CJK", "ja": "HIRAGANA KATAKANA CJK", "zh": "CJK",
    **dict.fromkeys(("ar", "fa", "ur", "ps", "ug", "ku"), "ARABIC"),
    **dict.fromkeys(("he", "yi"), "HEBREW"),
    "hy": "ARMENIAN", "ka": "GEORGIAN", **dict.fromkeys(("hi", "mr", "ne"), "DEVANAGARI"),
    "th": "THAI", "lo": "LAO", "km": "KHMER", "my": "MYANMAR", "am": "ETHIOPIC",
    "bn": "BENGALI", "ta": "TAMIL",
}
EAST_ASIAN = ("CJK", "HIRAGANA", "KATAKANA", "HANGUL")
RIGHT_TO_LEFT = ("ARABIC", "HEBREW", "SYRIAC", "THAANA")
# English words no other language written in Latin letters has (German `was`, French `on`
# are), so a run marked German that holds them is English typed with a German keyboard
ENGLISH = {"the", "and", "of", "that", "with", "which", "were", "this", "from", "have", "has",
           "would", "been", "their", "they", "should", "could"}
TAG = re.compile(r"^[A-Za-z]{2,3}(?:-[A-Za-z0-9]{1,8})*$")


def _script(char: str) -> str:
    name = unicodedata.name(char, "")
    return name.split(" ")[0]


def _letters(text: str) -> list[str]:
    return [c for c in text if c.isalpha()]


def choose(lang: Lang, text: str) -> str | None:
    """Which of a run's three languages Word applies to its text: the East Asian one to
    Chinese, Japanese and Korean characters, the right-to-left one to Arabic and Hebrew,
    the other to the rest."""
    scripts = {_script(c) for c in _letters(text)}
    if scripts and all(s.startswith(EAST_ASIAN) for s in scripts) and lang[1]:
        return lang[1]
    if scripts and all(s in RIGHT_TO_LEFT for s in scripts) and lang[2]:
        return lang[2]
    return lang[0]


def code(value: str) -> str | None:
    """A BCP 47 tag as the edition writes it: the language and its script, the region only
    for Chinese (zh-TW and zh-CN are written in two scripts); None for no tag (`x-none`)."""
    value = value.strip().replace("_", "-")
    if not TAG.match(value) or value.lower().startswith(("x-", "i-", "und", "zxx", "mul")):
        return None
    parts = value.split("-")
    kept = [parts[0].lower()]
    for part in parts[1:]:
        if len(part) == 4 and part.isalpha():
            kept.append(part.title())
        elif kept[0] == "zh" and len(part) == 2:
            kept.append(part.upper())
    return "-".join(kept)


def _fits(language: str, text: str, text_lang: str) -> bool:
    """Whether the letters could be words of the language: most in its script, or, for a
    language written in Latin letters, most in Latin and, in an English text, no English
    word only English has among them."""
    letters = _letters(text)
    if not letters:
        return False
    wanted = SCRIPTS.get(language.split("-")[0], "LATIN").split()
    if wanted == ["LATIN"] and text_lang.split("-")[0] == "en" and \
            ENGLISH & {w.lower() for w in re.findall(r"[^\W\d_]+", text)}:
        return False
    inside = sum(1 for c in letters if _script(c) in wanted)
    return inside * 2 > len(letters)


def settle(paragraphs: Iterable[Paragraph], text_lang: str) -> None:
    """Keep the language spans that say something: not the document's most common language,
    nor the text's, and of the language's script; the others are dropped."""
    paragraphs = list(paragraphs)
    weight: dict[str | None, int] = {}
    for paragraph in paragraphs:
        marked = 0
        for span in paragraph.spans:
            if span.kind == "lang":
                found = code(span.value)
                primary = found.split("-")[0] if found else None
                weight[primary] = weight.get(primary, 0) + span.end - span.start
                marked += span.end - span.start
        weight[None] = weight.get(None, 0) + max(len(paragraph.text.strip()) - marked, 0)
    common = max(weight, key=lambda k: weight[k]) if weight else None
    plain = {common, text_lang.split("-")[0]}
    for paragraph in paragraphs:
        spans: list[Span] = []
        for span in paragraph.spans:
            if span.kind != "lang":
                spans.append(span)
                continue
            found = code(span.value)
            if found and found.split("-")[0] not in plain and \
                    _fits(found, paragraph.text[span.start:span.end], text_lang):
                spans.append(Span(span.start, span.end, "lang", found))
        paragraph.spans[:] = spans


LIFTED = {tei(n) for n in ("p", "head", "item", "cell", "note", "ab", "salute", "signed",
                           "dateline", "byline", "label", "stamp", "l")}


def lift(root: etree._Element) -> None:
    """A foreign that holds every letter of its paragraph (head, item, cell, note) gives its
    language to the paragraph and goes; a paragraph cut into several foreign of one
    language by the elements inside it is treated alike."""
    for container in list(root.iter(*LIFTED)):
        if container.get(XML_LANG):
            continue
        inner = [f for f in container.iter(tei("foreign"))
                 if f.getparent() is not None and _nearest(f) is container]
        languages = {f.get(XML_LANG) for f in inner}
        if len(languages) != 1 or None in languages:
            continue
        covered = sum(len(_letters(text_of(f))) for f in inner)
        if covered == 0 or covered != len(_letters(text_of(container))):
            continue
        container.set(XML_LANG, languages.pop() or "")
        for found in inner:
            unwrap(found)


def text_of(node: etree._Element) -> str:
    return "".join(str(t) for t in node.itertext())


def _nearest(node: etree._Element) -> etree._Element | None:
    for ancestor in node.iterancestors():
        if ancestor.tag in LIFTED:
            return ancestor
    return None


def unwrap(node: etree._Element) -> None:
    """Replace an element by its content, text and tail joined to its neighbours."""
    parent = node.getparent()
    assert parent is not None
    index = parent.index(node)
    children = list(node)
    lead = node.text or ""
    tail = node.tail or ""
    if index == 0:
        parent.text = (parent.text or "") + lead
    else:
        before = parent[index - 1]
        before.tail = (before.tail or "") + lead
    if children:
        children[-1].tail = (children[-1].tail or "") + tail
    elif index == 0:
        parent.text = (parent.text or "") + tail
    else:
        before = parent[index - 1]
        before.tail = (before.tail or "") + tail
    parent.remove(node)
    for offset, child in enumerate(children):
        parent.insert(index + offset, child)


__all__ = ["choose", "code", "lift", "settle", "text_of", "unwrap"]

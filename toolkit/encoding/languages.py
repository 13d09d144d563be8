"""Language names and translators' abbreviations mapped to BCP 47 tags."""

from __future__ import annotations

import re
from dataclasses import dataclass


@dataclass(frozen=True)
class Language:
    code: str
    name: str
    latin_script: bool  # whether the language is natively written in Latin script


_LANGUAGES = [
    Language("en", "English", True), Language("hu", "Hungarian", True),
    Language("ru", "Russian", False), Language("ko", "Korean", False),
    Language("zh", "Chinese", False), Language("de", "German", True),
    Language("ja", "Japanese", False), Language("vi", "Vietnamese", True),
    Language("pl", "Polish", True), Language("cs", "Czech", True),
    Language("sk", "Slovak", True), Language("bg", "Bulgarian", False),
    Language("ro", "Romanian", True), Language("mn", "Mongolian", False),
    Language("sq", "Albanian", True), Language("sr", "Serbian", False),
    Language("hr", "Croatian", True), Language("sh", "Serbo-Croatian", True),
    Language("fr", "French", True), Language("es", "Spanish", True),
    Language("it", "Italian", True), Language("pt", "Portuguese", True),
    Language("uk", "Ukrainian", False), Language("be", "Belarusian", False),
    Language("ar", "Arabic", False), Language("fa", "Persian", False),
    Language("he", "Hebrew", False), Language("tr", "Turkish", True),
    Language("el", "Greek", False), Language("fi", "Finnish", True),
    Language("sv", "Swedish", True), Language("nl", "Dutch", True),
    Language("hi", "Hindi", False), Language("id", "Indonesian", True),
    Language("km", "Khmer", False), Language("lo", "Lao", False),
    Language("th", "Thai", False), Language("la", "Latin", True),
    Language("et", "Estonian", True), Language("lv", "Latvian", True),
    Language("lt", "Lithuanian", True), Language("ka", "Georgian", False),
    Language("hy", "Armenian", False), Language("kk", "Kazakh", False),
]

BY_NAME = {lang.name.lower(): lang for lang in _LANGUAGES}
BY_CODE = {lang.code: lang for lang in _LANGUAGES}

# Abbreviations translators put before an original term: "[Kor. Jaryeok Gaengsaeng]".
ABBREVIATIONS = {
    "eng": "en", "hun": "hu", "hung": "hu", "rus": "ru", "russ": "ru", "kor": "ko",
    "chin": "zh", "chi": "zh", "ger": "de", "germ": "de", "jap": "ja",
    "jpn": "ja", "viet": "vi", "vn": "vi", "pol": "pl", "cz": "cs", "cze": "cs",
    "slov": "sk", "bul": "bg", "bulg": "bg", "rom": "ro", "mong": "mn", "alb": "sq",
    "serb": "sr", "cro": "hr", "fre": "fr", "fren": "fr",
    "span": "es", "ital": "it", "port": "pt", "ukr": "uk", "lat": "la",
    "arab": "ar", "tur": "tr", "heb": "he", "pers": "fa",
}

# A full language name needs a colon ("[Russian: khozraschet]"): without one, "[Polish United
# Workers' Party]" or "[German Democratic Republic]" would be taken for terms.
LANGUAGE_PREFIX = re.compile(
    r"^(?P<abbr>(?P<key>[A-Z][a-z]{1,4})\.|(?:[Ii]n\s+)?(?P<name>"
    + "|".join(sorted((lang.name for lang in _LANGUAGES), key=len, reverse=True))
    + r"):)\s+(?P<term>\S.*)$",
    re.DOTALL,
)


def by_name(name: str) -> Language | None:
    return BY_NAME.get(name.strip().lower())


def tag_for(code: str, text: str) -> str:
    """The BCP 47 tag for a term: romanised terms of non-Latin languages get '-Latn'."""
    lang = BY_CODE.get(code)
    if lang is not None and not lang.latin_script and all(ord(c) < 0x2B0 for c in text):
        return f"{code}-Latn"
    return code


def split_language_prefix(content: str) -> tuple[str, str, str] | None:
    """'Kor. Jaryeok Gaengsaeng' -> ('Kor.', 'Jaryeok Gaengsaeng', 'ko-Latn'), else None."""
    match = LANGUAGE_PREFIX.match(content)
    if not match:
        return None
    if match.group("key"):
        code = ABBREVIATIONS.get(match.group("key").lower())
    else:
        found = by_name(match.group("name"))
        code = found.code if found else None
    if code is None:
        return None
    term = match.group("term")
    return match.group("abbr"), term, tag_for(code, term)


def split_terms(term: str) -> list[str]:
    """'주체, Juche' -> ['주체', ', ', 'Juche']: a term and its romanisation are tagged apart."""
    return [part for part in re.split(r"(\s*[,;]\s+|\s+/\s+)", term) if part]

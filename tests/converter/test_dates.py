"""Dates of the converter's date stage that the layouts showed wrong or new."""

from __future__ import annotations

from lxml import etree

from toolkit.encoding.dates import short_numeric, tag_dates


def _dates(text: str, document_date: str | None = "1962-11-01") -> list[tuple[str, dict[str, str]]]:
    found = tag_dates(text, document_date, lambda _at, _text: None)
    return [(str(d.text), dict(d.attrib)) for d in found if isinstance(d, etree._Element)]


def test_a_comma_after_a_month_without_a_year_is_the_sentences() -> None:
    assert _dates("since 22 October, fourteen ships turned") == [
        ("22 October", {"when": "1962-10-22", "cert": "medium"})]
    assert _dates("on 14 May, 1958 and May 14-16, then") == [
        ("14 May, 1958", {"when": "1958-05-14"}),
        ("May 14-16", {"from": "1962-05-14", "to": "1962-05-16", "cert": "medium"})]


def test_a_closing_date_with_a_roman_month_and_a_two_digit_year() -> None:
    assert short_numeric("14.V.58", "1958-05-20") == (short_numeric("14.V.1958", None)[0], True)  # type: ignore[index]
    iso, inferred = short_numeric("14.V.1958", None) or (None, None)
    assert iso is not None and iso.when == "1958-05-14" and inferred is False
    far = short_numeric("3.XII.05", "1958-05-20")  # 2005 is nearer than 1905, but far off
    assert far is not None and far[0].when == "2005-12-03" and far[0].cert == "medium"
    assert short_numeric("14.V.58", None) is None  # no century to take
    assert short_numeric("31.II.58", "1958-01-01") is None and short_numeric("1.XIII.58", "1958") is None

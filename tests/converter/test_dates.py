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


def test_spans_of_running_text_issue_10() -> None:
    """`between`, month ranges, seasons and year ranges: bounds the phrase states, never a
    single @when for a span (before: only `5 May 1971` of `between 3 and 5 May 1971` was
    dated, as if the 5th; `May–June 1971` dated June; `spring 1968` not at all)."""
    assert _dates("took place between 3 and 5 May 1971, then") == [
        ("3 and 5 May 1971", {"notBefore": "1971-05-03", "notAfter": "1971-05-05"})]
    assert _dates("between May 3 and 5, 1971") == [
        ("May 3 and 5, 1971", {"notBefore": "1971-05-03", "notAfter": "1971-05-05"})]
    assert _dates("planned for May–June 1971 and from May to June 1972") == [
        ("May–June 1971", {"from": "1971-05", "to": "1971-06"}),
        ("May to June 1972", {"from": "1972-05", "to": "1972-06"})]
    assert _dates("in spring 1968, in the fall of 1969, Summer 1970") == [
        ("spring 1968", {"notBefore": "1968-03", "notAfter": "1968-05"}),
        ("fall of 1969", {"notBefore": "1969-09", "notAfter": "1969-11"}),
        ("Summer 1970", {"notBefore": "1970-06", "notAfter": "1970-08"})]
    assert _dates("between 1968 and 1971, from 1972 to 1975") == [
        ("1968 and 1971", {"notBefore": "1968", "notAfter": "1971"}),
        ("1972 to 1975", {"from": "1972", "to": "1975"})]
    assert _dates("from 3 to 5 May 1971") == [("3 to 5 May 1971", {"from": "1971-05-03", "to": "1971-05-05"})]


def test_no_wrong_date_for_a_span_or_a_word() -> None:
    """A span backwards, an impossible day, a winter (two years), `fall` as a verb, `Nov`
    without a day: no date at all rather than a wrong one."""
    for text in ("June–May 1971", "between 30 and 31 June 1971", "in winter 1968",
                 "prices fall 1968 points", "from 1971 to 1968", "the Nov 1961 issue",
                 "left on 31 June 1971"):
        assert _dates(text) == [], text


def test_an_undotted_month_abbreviation_with_day_and_year() -> None:
    assert _dates("Received 9 Nov 1961") == [("9 Nov 1961", {"when": "1961-11-09"})]
    assert _dates("9 Nov, then") == []


def test_two_days_of_one_month_are_two_dates() -> None:
    """`30 and 31 October 1962` dated only the 31st (the frozen weakness of layout 020)."""
    assert _dates("on 30 and 31 October 1962, then") == [
        ("30", {"when": "1962-10-30"}), ("31 October 1962", {"when": "1962-10-31"})]
    assert _dates("on 3 and 5 May the") == [
        ("3", {"when": "1962-05-03", "cert": "medium"}), ("5 May", {"when": "1962-05-05", "cert": "medium"})]
    assert _dates("on 30 and 31 June 1971") == []

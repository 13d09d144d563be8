"""The rules the probe reports 045-056 taught (issue #10), each on the phenomenon alone, so
that a rule that regresses is named by its own test and not only by a layout's expectation.
Every test fails at the branch point (10e62fc)."""

from __future__ import annotations

from lxml import etree

from toolkit.encoding import dates, structure as cue
from toolkit.encoding.blocks import PAGE_BREAK, split_blocks


def tagged(text: str, document_date: str = "1971-06-03") -> list[tuple[str, dict[str, str]]]:
    return [(x.text or "", dict(x.attrib)) for x in dates.tag_dates(text, document_date, lambda *_: None)
            if isinstance(x, etree._Element)]


def test_a_roman_month_dates_a_slashed_date_and_a_two_figure_year_is_of_the_1900s() -> None:
    assert tagged("sent on 3/VI/71 and on 14.V.1958") == [
        ("3/VI/71", {"when": "1971-06-03"}), ("14.V.1958", {"when": "1958-05-14"})]
    # figures only: which order? never a date; nor a Roman numeral that is no month
    assert tagged("on 6/3/1971, page 2/IV/3, 3/XIV/71") == []


def test_dates_in_a_telegrams_capitals_and_with_of() -> None:
    assert tagged("ON THE 3RD OF JUNE, 1971 WE MET; IN EARLY JULY") == [
        ("3RD OF JUNE, 1971", {"when": "1971-06-03"}),
        ("EARLY JULY", {"notBefore": "1971-07-01", "notAfter": "1971-07-10", "cert": "medium"})]
    assert tagged("the 3rd of June, 1971") == [("3rd of June, 1971", {"when": "1971-06-03"})]
    assert tagged("MAY I ASK") == []


def test_iso_year_and_month() -> None:
    assert tagged("by 1971-06.") == [("1971-06", {"when": "1971-06"})]
    assert tagged("ref 1971-13") == []


def test_a_date_line_takes_every_form_the_running_text_dates() -> None:
    early = dates.parse_date("early 1972")
    assert early is not None and early.attributes() == {"notBefore": "1972-01", "notAfter": "1972-04"}
    roman = dates.parse_date("3/VI/71")
    assert roman is not None and roman.when == "1971-06-03"
    assert dates.parse_date("Spring") is None and dates.parse_date("June 3") is None


def test_fields_under_german_and_french_labels_and_in_capitals() -> None:
    for line, name in (("Datum: 14.03.1974", "date"), ("Betreff: Lieferung", "subject"),
                       ("Von: Abteilung", "from"), ("An: Genosse Minister", "to"),
                       ("Objet: visite", "subject"), ("FROM: EMBASSY WARSAW", "from")):
        found = cue.MEMO_FIELD.match(line)
        assert found is not None, line
        assert cue.field_name(found.group("label")) == name
    assert not cue.heading_like("FROM: EMBASSY WARSAW")  # a field, not a title
    assert cue.heading_like("CABLE Nº 412")
    assert cue.MEMO_FIELD.match("An interesting remark was made.") is None  # no colon, no field


def test_a_cables_numbered_paragraphs_are_points() -> None:
    assert cue.point_kind("PARA 3. THE WORKERS DEMAND") == "PARA."
    assert cue.point_kind("Paragraph 12: text") == "PARAGRAPH:"
    assert cue.point_kind("Ad 1. The report") == "AD."  # no item of an agenda's 1. 2. 3.
    assert cue.point_kind("Parable of the sower") is None


def test_a_numbered_heading_may_be_followed_by_its_own_lettered_points() -> None:
    assert cue.may_head("II. Causes", "a) the late delivery of tractors;")
    assert cue.may_head("2. Economic relations", "The trade grew.")
    assert not cue.may_head("1. Economic relations", "2. Party relations follow")


def test_a_form_feed_on_a_line_of_its_own_opens_the_next_paragraph() -> None:
    blocks = split_blocks("First page.\n\f\nSecond page.\n")
    assert [[line for _, line in b] for b in blocks] == [["First page."], [PAGE_BREAK + "Second page."]]
    assert [[n for n, _ in b] for b in blocks] == [[1], [3]]

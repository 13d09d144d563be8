"""struct17 rules (layouts 166-169), each on invented text with a counter-case, so that each
fails without its rule."""

from __future__ import annotations

from lxml import etree

from toolkit.encoding import structure as cue
from toolkit.encoding.layouts import page_marker
from toolkit.encoding.lines import turned_pages
from toolkit.encoding.memo_end import REFERENCE_INITIALS

TEI = "http://www.tei-c.org/ns/1.0"


def test_reference_initials_with_diacritics() -> None:
    assert REFERENCE_INITIALS.fullmatch("JD/vš") and REFERENCE_INITIALS.fullmatch("ŁK/ab")
    assert not REFERENCE_INITIALS.fullmatch("Jd/vš") and not REFERENCE_INITIALS.fullmatch("JD/VŠ")


def test_call_fields_and_hungarian_number_are_memo_fields() -> None:
    for line in ("Caller: Mr. R. Whitfield", "Recipient: J. Dvořák", "Szám: 00412/1962"):
        assert cue.MEMO_FIELD.match(line), line
    assert cue.field_name("Szám") == "number"
    assert not cue.MEMO_FIELD.match("Callers were many that day.")


def test_classification_marks_in_the_original_language() -> None:
    for mark in ("Szigorúan titkos!", "Ściśle tajne", "Přísně tajné", "Sovershenno sekretno"):
        assert cue.mark_type(mark) == "classification", mark
    assert cue.mark_type("Titkos találkozó volt") is None


def test_hungarian_date_keeps_its_full_stop() -> None:
    found = cue.place_date("Budapest, 1962. november 7.")
    assert found and found[0].group("date") == "1962. november 7." and found[1].when == "1962-11-07"
    found = cue.place_date("Berlin, 12 March 1994.")
    assert found and found[0].group("date") == "12 March 1994"


def test_worded_page_markers() -> None:
    assert page_marker("Page 2 of 4") == ("2", False)
    assert page_marker("- page 4 -") == ("4", False) and page_marker("/page 5/") == ("5", False)
    assert page_marker("Page 2 of") is None and page_marker("/page 5") is None
    assert page_marker("Pages 3 and 4 are missing.") is None


def test_closing_formula_in_another_language() -> None:
    assert cue.CLOSING_SALUTE.match("Mit sozialistischem Gruß")
    assert cue.closing_language("Mit sozialistischem Gruß") == "de"
    assert cue.closing_language("S pozdravem") == "cs"
    assert cue.closing_language("Z poważaniem") == "pl"
    assert cue.closing_language("With socialist greetings") is None
    assert not cue.CLOSING_SALUTE.match("So we agree.")


def _body(xml: str) -> etree._Element:
    return etree.fromstring(f'<div xmlns="{TEI}">{xml}</div>')


def test_paragraph_cut_by_a_page_turn_with_forme_work_is_one() -> None:
    div = _body('<p>the plant should be finished</p><fw type="footer">Report</fw><pb n="3"/>'
                '<fw type="pageNum">Page 3 of 4</fw><p>in the autumn.</p>')
    turned_pages(div)
    ps = div.findall(f"{{{TEI}}}p")
    assert len(ps) == 1 and ps[0].find(f"{{{TEI}}}pb") is not None
    assert "".join(ps[0].itertext()).endswith("in the autumn.")
    kept = _body('<p>The plant is finished.</p><pb n="3"/><fw type="pageNum">Page 3 of 4</fw>'
                 '<p>Relations remain cool.</p>')
    turned_pages(kept)
    assert len(kept.findall(f"{{{TEI}}}p")) == 2

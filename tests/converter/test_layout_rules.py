"""The rules of toolkit/encoding/layouts.py (issue #10) at their edges: each shape is taken
where the source has it, and the near misses stay what they were (a rule that fires on every
colon or asterisk would be worse than none). Real converter, real schemas, as test_structure."""

from __future__ import annotations

from converter_support import context
from test_structure import Check, check, convert, project_schema, text, xpath

from toolkit.names.capitals import readable, shouting

__all__ = ["check", "context", "project_schema"]  # fixtures, imported for pytest

DIALOGUE = """Kim Il Sung: We thank the Soviet comrades for their help.
Puzanov: The Soviet government will send the experts in May.
Kim Il Sung: The experts will be welcome.
"""


def test_three_speeches_by_two_speakers_are_sp(check: Check) -> None:
    div, _ = convert(DIALOGUE, *check)
    assert len(xpath(div, "tei:sp")) == 3 and xpath(div, "tei:p") == []
    assert [text(s) for s in xpath(div, "tei:sp/tei:speaker")] == ["Kim Il Sung:", "Puzanov:",
                                                                     "Kim Il Sung:"]


def test_two_speeches_or_one_speaker_or_memo_fields_are_no_dialogue(check: Check) -> None:
    two = "\n".join(DIALOGUE.splitlines()[:2]) + "\nThe talks ended at noon.\n"
    assert xpath(convert(two, *check)[0], "tei:sp") == []
    one = DIALOGUE.replace("Puzanov:", "Kim Il Sung:")
    assert xpath(convert(one, *check)[0], "tei:sp") == []
    memo = ("The ambassador wrote to the ministry.\nNote: the ministry answered in May.\n"
            "Comment: the answer was late.\nNote: the copy was filed.\n")
    assert xpath(convert(memo, *check)[0], "tei:sp") == []


def test_an_asterisk_is_a_note_only_where_the_text_has_it_as_a_reference(check: Check) -> None:
    div, _ = convert("The delegation left on Monday.*\nThe talks were short.\n"
                     "* The Monday after the congress.\n", *check)
    (note,) = xpath(div, ".//tei:p/tei:note[@place='foot']")
    assert note.get("n") == "*" and note.get("rend") == "symbol"
    bullets = convert("The delegation proposed the following:\n* more trade\n* more students\n",
                      *check)[0]
    assert xpath(bullets, ".//tei:note") == [] and len(xpath(bullets, ".//tei:item")) == 2


def test_page_markers_are_page_breaks_and_one_article_is_no_part(check: Check) -> None:
    div, _ = convert("The first page ends here.\n[page 12]\nThe next page begins.\n-13-\n"
                     "As Article 1 of the treaty says, the sides consult.\n", *check)
    assert [p.get("n") for p in xpath(div, "tei:pb")] == ["12", "13"]
    assert [f.get("rend") for f in xpath(div, "tei:fw[@type='pageNum']")] == ["bracketed", None]
    assert xpath(div, "tei:div") == [] and xpath(div, ".//tei:supplied") == []


def test_two_rows_of_columns_are_no_table_and_a_tab_separates_marks(check: Check) -> None:
    div, _ = convert("SECRET\tCopy Nº 2\nThe figures were:\nCoal     1,200     1,450\n"
                     "Steel    300       410\nBoth rose.\n", *check)
    assert [f.get("type") for f in xpath(div, "tei:fw")] == ["classification", "copy"]
    assert xpath(div, ".//tei:table") == []


def test_parenthesised_omission_is_a_gap_and_the_translators_parentheses_stay(check: Check) -> None:
    div, _ = convert("Kosygin (the premier) said (...) that the talks would go on (in May).\n",
                     *check)
    (gap,) = xpath(div, ".//tei:gap")
    assert gap.get("rend") == "(...)" and gap.get("reason") == "omitted"
    assert "(the premier)" in text(div) and "(in May)" in text(div)


def test_capitals_read_as_mixed_case_keep_their_length() -> None:
    for written in ("TO COMRADE NAM IL", "GROMYKO ASKED TO PASS ON THAT", "HERR MÜLLER SAID"):
        assert shouting(written) and len(readable(written)) == len(written)
    assert readable("TO COMRADE NAM IL") == "to Comrade Nam Il"
    assert not shouting("the KWP and the CPSU") and not shouting("SECRET")

"""Rules of struct15 for the pending layouts 156, 157, 160 and 161 (issue #10), on texts other
than the fixtures, each with the case where the same signs mean something else."""

from __future__ import annotations

from pathlib import Path

import pytest
from lxml import etree
from test_probe_rules_080 import converted
from test_probe_rules_080 import count as _count

from toolkit.encoding import lines, quoted
from toolkit.encoding.blocks import SourceBlock
from toolkit.tei import el, sub


# -- a quoted message between BEGIN TEXT and END TEXT (157) ---------------------------------------
def test_a_quoted_note_over_several_lines_is_one_quote_its_markers_outside(tmp_path: Path) -> None:
    tei, _ = converted(tmp_path, "SUBJECT: TRADE TALKS\n"
                                 "1. THE MINISTRY HANDED US THE FOLLOWING TEXT.\n"
                                 "2. BEGIN TEXT: THE GOVERNMENT PROPOSES TALKS ON TRADE.\n"
                                 "3. THE TALKS WOULD OPEN IN SOFIA.\n"
                                 "THE DELEGATIONS WOULD BE SMALL. END TEXT.\n"
                                 "4. WE RECOMMEND ACCEPTANCE.\nSMITH\n")
    assert _count(tei, "count(//tei:body//tei:quote)") == 1
    quote = "//tei:body//tei:p[@n='2']/tei:quote"
    assert _count(tei, f"count({quote}[starts-with(.,'THE GOVERNMENT')]"
                       "[contains(.,'SOFIA')][contains(.,'WOULD BE SMALL.')][count(tei:lb)=2])") == 1
    # the quoted text's own `3.` is no point of the telegram; the markers are the telegram's words
    assert _count(tei, "count(//tei:body//tei:p[@n])") == 3
    assert _count(tei, "count(//tei:body//tei:quote[contains(.,'BEGIN') or contains(.,'END')])") == 0
    assert _count(tei, "count(//tei:body//tei:p[@n='2'][contains(.,'BEGIN TEXT:')]"
                       "[contains(.,'END TEXT.')])") == 1


def test_end_text_alone_under_the_quotation_closes_it_not_the_document(tmp_path: Path) -> None:
    tei, _ = converted(tmp_path, "1. THE NOTE READS AS FOLLOWS.\nBEGIN TEXT:\n"
                                 "THE MINISTRY PROPOSES A MEETING OF EXPERTS.\n"
                                 "IT AWAITS THE EMBASSY'S ANSWER.\nEND TEXT.\nDAVIES\n")
    assert _count(tei, "count(//tei:body//tei:quote[contains(.,'PROPOSES')][contains(.,'ANSWER')])") == 1
    assert _count(tei, "count(//tei:body//tei:trailer)") == 0
    assert _count(tei, "count(//tei:body//tei:closer/tei:signed[.='DAVIES'])") == 1


def test_quote_unquote_in_one_line(tmp_path: Path) -> None:
    tei, _ = converted(tmp_path, "1. THE MINISTER SAID QUOTE WE SHALL NOT YIELD UNQUOTE.\n"
                                 "2. WE SEE NO CHANGE IN THE LINE.\n")
    assert _count(tei, "count(//tei:body//tei:p[@n='1']/tei:quote[.='WE SHALL NOT YIELD'])") == 1


@pytest.mark.parametrize("body", [
    # a marker never closed quotes nothing, and its lines stay the telegram's
    "1. BEGIN TEXT: THE MINISTRY PROPOSES TALKS.\n2. WE RECOMMEND ACCEPTANCE.\n",
    # `quote` as a word, no UNQUOTE after it; lower case is a verb
    "1. THE MINISTER DID NOT QUOTE ANY FIGURES.\n2. We quote his words below; unquote.\n",
    # the summary's markers are no quotation
    "1. SUMMARY: THE TALKS WENT WELL. END SUMMARY.\n2. WE RECOMMEND ACCEPTANCE.\n",
])
def test_no_quote_without_a_pair_of_markers(tmp_path: Path, body: str) -> None:
    tei, _ = converted(tmp_path, body)
    assert _count(tei, "count(//tei:body//tei:quote)") == 0
    assert _count(tei, "count(//tei:body//tei:p[@n])") == 2


def test_end_text_alone_at_the_end_without_a_beginning_is_the_end_mark(tmp_path: Path) -> None:
    tei, _ = converted(tmp_path, "1. THE MINISTRY HANDED US A NOTE TODAY.\n"
                                 "2. WE RECOMMEND THAT THE DEPARTMENT ACCEPT.\nEND TEXT.\n")
    assert _count(tei, "count(//tei:body//tei:quote)") == 0
    assert _count(tei, "count(//tei:trailer[contains(.,'END TEXT')])") == 1


def test_the_quote_takes_the_elements_between_the_markers() -> None:
    p = el("p", "2. BEGIN TEXT: THE ")
    sub(p, "orgName", "MINISTRY").tail = " WRITES TO "
    sub(p, "placeName", "WARSAW").tail = " TODAY. END TEXT. SEE "
    sub(p, "persName", "NOWAK").tail = "."
    div = el("div")
    div.append(p)
    assert quoted.mark(div) == 1
    quote = p.find("{*}quote")
    assert quote is not None and [etree.QName(c).localname for c in quote] == ["orgName", "placeName"]
    assert "".join(quote.itertext()) == "THE MINISTRY WRITES TO WARSAW TODAY."
    assert "".join(p.itertext()) == "2. BEGIN TEXT: THE MINISTRY WRITES TO WARSAW TODAY. END TEXT. SEE NOWAK."
    assert quoted.mark(div) == 0  # made once


# -- a hanging indent goes on with its entry (161) -------------------------------------------------
def _block(text: str, line: int) -> SourceBlock:
    return SourceBlock(text, ((0, line),))


@pytest.mark.parametrize(("first", "second", "line", "hangs"), [
    ("10:32 - Call from the embassy, the line very poor, is being", "        broadcast now.", 2, True),
    ("3. The delegation will arrive on Monday and", "   stay for three days.", 2, True),
    ("(b) the second question, which the", "    ministry raised.", 2, True),
    ("10:32 - Call from the embassy", "    broadcast now.", 2, False),  # not under the text
    ("10:32 - Call from the embassy", "        broadcast now.", 3, False),  # a blank line between
    ("- Accommodation:", "  • the hotels of the centre;", 2, False),  # an item nested under it
    ("The delegation will arrive on Monday and", "        stay for three days.", 2, False),  # no label
])
def test_a_line_hangs_under_the_text_after_its_label(first: str, second: str, line: int,
                                                      hangs: bool) -> None:
    assert lines.hanging(_block(first, 1), _block(second, line)) is hangs


def test_a_log_entry_wrapped_with_a_hanging_indent_has_no_page_break(tmp_path: Path) -> None:
    long = "Call from the embassy in Washington, the line very poor. The Ambassador reports that a message is being"
    tei, _ = converted(tmp_path, f"09:05 - Call from the Foreign Office.\n10:32 - {long}\n"
                                 "        broadcast and will follow by telegram.\n11:20 - Informed.\n")
    assert _count(tei, "count(//tei:body//tei:pb)") == 0
    assert _count(tei, "count(//tei:body//tei:p[contains(.,'10:32')][contains(.,'by telegram')]"
                       "[tei:lb])") == 1


# -- the maker's line under the title, and a log's time stamps (160, 161) ---------------------------
@pytest.mark.parametrize("line", [
    "Duty officer, Operations Centre, 28 October 1962",
    "(Prepared by the Second Department, 28 October 1962)",
    "（Compiled by the Northeast Asia Division, 28 October 1962）",
])
def test_the_makers_line_under_the_title_is_the_byline(tmp_path: Path, line: str) -> None:
    tei, _ = converted(tmp_path, f"RECORD OF THE TALKS\n{line}\nThe Ambassador opened the talks "
                                 "at ten.\nThe Minister answered that his government agreed.\n")
    assert _count(tei, "count(//tei:body//tei:opener/tei:byline"
                       "[tei:date[@when='1962-10-28']])") == 1
    assert _count(tei, "count(//tei:body//tei:p[tei:date[@when='1962-10-28']])") == 0


@pytest.mark.parametrize("line", [
    "The talks took place in the evening, 28 October 1962",  # a sentence's words, no office
    "Comrade Ivanov, Kovács, 28 October 1962",  # names, no office or body
    "Duty officer, telephone 2-34, 28 October 1962",  # figures
    "Duty officer, Operations Centre, October 1962",  # no whole day
])
def test_no_byline_from_other_lines_ending_in_a_date(tmp_path: Path, line: str) -> None:
    tei, _ = converted(tmp_path, f"RECORD OF THE TALKS\n{line}\nThe Ambassador opened the talks "
                                 "at ten.\nThe Minister answered that his government agreed.\n")
    assert _count(tei, "count(//tei:body//tei:byline)") == 0


def test_the_makers_line_below_the_text_is_no_byline(tmp_path: Path) -> None:
    tei, _ = converted(tmp_path, "RECORD OF THE TALKS\nThe Ambassador opened the talks at ten.\n"
                                 "Duty officer, Operations Centre, 28 October 1962\n"
                                 "The Minister answered that his government agreed.\n")
    assert _count(tei, "count(//tei:body//tei:byline)") == 0


def test_a_logs_time_stamps_are_times_opening_their_entries(tmp_path: Path) -> None:
    tei, _ = converted(tmp_path, "LOG\n09:05 - Call from the embassy.\n14.30 – Minister informed.\n"
                                 "9h45 - Answer sent.\n")
    assert _count(tei, "count(//tei:body//tei:p/tei:time[1][not(preceding-sibling::node())])") == 3
    assert [t.get("when") for t in tei.iterfind(".//{*}time")] == ["09:05:00", "14:30:00", "09:45:00"]
    assert _count(tei, "count(//tei:body//tei:p[@n] | //tei:body//tei:div[@n])") == 0


@pytest.mark.parametrize("body", [
    # a point's number and a figure are no time; one `1.30` alone is no log
    "1.30 - the rate agreed for the first year.\nThe second year is not yet agreed.\n",
    # no dash after it: a sentence opening with the time it names
    "10:30 the talks resumed in the ministry.\n11:15 the talks ended.\n",
    "25:30 - no hour of the day.\n26:10 - nor this.\n",
])
def test_no_time_stamp_where_the_figures_are_something_else(tmp_path: Path, body: str) -> None:
    tei, _ = converted(tmp_path, body)
    assert _count(tei, "count(//tei:body//tei:time)") == 0

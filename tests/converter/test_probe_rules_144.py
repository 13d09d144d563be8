"""Rules of probe11 for its layouts 144-149 (issue #10), on texts other than the fixtures,
each with the case where the same signs mean something else."""

from __future__ import annotations

from pathlib import Path

import pytest
from test_probe_rules_080 import converted
from test_probe_rules_080 import count as _count

from toolkit.encoding import tails


# -- the office's tail under a signature (147) ------------------------------------------------------
def test_the_tail_under_the_signature_stays_after_the_closer(tmp_path: Path) -> None:
    tei, _ = converted(tmp_path, "The delegation left Hanoi on 3 May.\n"
                                 "The talks will go on in June.\n"
                                 "Counsellor of the Embassy\nV. Sorokin\n"
                                 "Ex.: Petrova, tel. 41-07\n"
                                 "Three copies printed\n1 - Cde. A. A. Gromyko\n2 - Cde. Zimyanin\n"
                                 "3 - to file\nNo. 88/ss\n")
    assert _count(tei, "count(//tei:closer/tei:signed[tei:persName[.='V. Sorokin']])") == 1
    assert _count(tei, "count(//tei:closer/following-sibling::tei:note[@type='executor']"
                       "[contains(.,'41-07')])") == 1
    assert _count(tei, "count(//tei:note[@type='distribution']/tei:list[count(tei:item)=3])") == 1
    assert _count(tei, "count(//tei:closer/following-sibling::tei:fw[@type='number'][.='No. 88/ss'])") == 1
    assert _count(tei, "count(//tei:body//tei:p[contains(.,'Petrova') or contains(.,'88/ss')])") == 0


def test_a_date_and_number_alone_under_a_signature_are_no_tail() -> None:
    from toolkit.encoding.blocks import SourceBlock
    blocks = [SourceBlock(t, ((0, n),)) for n, t in
              enumerate(["The text.", "More text.", "V. Sorokin", "No. 88/ss", "3 May 1966"], 1)]
    assert tails.archival_tail(blocks) == [] and len(blocks) == 5


def test_an_executor_line_in_the_text_is_no_tail(tmp_path: Path) -> None:
    tei, _ = converted(tmp_path, "The ministry named an executor for the estate.\n"
                                 "Executor: the lawyer of the family, who lives in Prague.\n"
                                 "The hearing is on Monday.\n")
    assert _count(tei, "count(//tei:note[@type='executor'])") == 0


# -- an attachment mentioned, not reproduced (147) ---------------------------------------------------
@pytest.mark.parametrize(("text", "following", "mentioned"), [
    ("Attachment: on 3 pages.", "Head of Department", True),
    ("Enclosure: 2 sheets", "The text goes on.", True),
    ("Attachment: as stated.", "A. Name", True),
    ("Attachment: the minister's letter", "", True),
    ("Attachment: the minister's letter", "Dear Comrade Minister,", False),
    ("Attachments were sent on 3 pages last week.", "More text.", False),
])
def test_an_attachment_line_is_a_mention_when_only_its_extent_or_nothing_follows(
        text: str, following: str, mentioned: bool) -> None:
    assert tails.attachment_mention(text, following) is mentioned


def test_an_attachment_before_the_signature_is_a_note_and_the_text_goes_on(tmp_path: Path) -> None:
    tei, _ = converted(tmp_path, "The report of the trade mission is attached.\n"
                                 "Attachment: on 12 pages, secret.\nAmbassador\nI. Belov\n")
    assert _count(tei, "count(//tei:body//tei:note[@type='attachment'][contains(.,'12 pages')])") == 1
    assert _count(tei, "count(//tei:div[@type='attachment'])") == 0
    assert _count(tei, "count(//tei:closer/tei:signed[tei:persName[.='I. Belov']])") == 1


# -- a despatch: a dateline stacked over lines, `Sir,`, a closing formula over two lines (145) ----
def test_a_stacked_dateline_sir_and_a_two_line_closing_formula(tmp_path: Path) -> None:
    tei, _ = converted(tmp_path, "British Legation,\nBudapest.\n4 November 1956.\nSir,\n"
                                 "I have the honour to report that the city is quiet tonight.\n"
                                 "The Legation staff are all safe.\n"
                                 "I have the honour to be, Sir,\nYour most obedient Servant,\nL. Fry\n")
    assert _count(tei, "count(//tei:opener/tei:dateline[tei:date[@when='1956-11-04']][tei:lb])") == 1
    assert _count(tei, "count(//tei:opener/tei:salute[.='Sir,'])") == 1
    assert _count(tei, "count(//tei:closer/tei:salute[contains(.,'honour to be')]"
                       "[contains(.,'obedient Servant')])") == 1
    assert _count(tei, "count(//tei:closer/tei:signed[tei:persName[.='L. Fry']])") == 1


def test_lines_ending_in_full_stops_without_a_date_are_no_dateline(tmp_path: Path) -> None:
    tei, _ = converted(tmp_path, "The talks failed.\nThe delegation left.\n"
                                 "Nobody saw them off at the station that morning.\n")
    assert _count(tei, "count(//tei:dateline)") == 0


def test_sir_opening_a_sentence_is_no_salute(tmp_path: Path) -> None:
    tei, _ = converted(tmp_path, "Sir Alec Douglas-Home said:\nThe talks will go on.\n"
                                 "The next round is in June.\n")
    assert _count(tei, "count(//tei:salute)") == 0


# -- a stenogram's opening and closing of the session (146) -------------------------------------------
@pytest.mark.parametrize(("text", "session"), [
    ("The meeting began at 10:00 hours.", True), ("The session was closed at 12.30.", True),
    ("The sitting was adjourned.", True),
    ("The meeting began with a minute of silence for the victims of the flood, and then "
     "the chairman gave the floor to the minister of agriculture.", False),
    ("The talks on the credits ended in failure because of the Soviet side.", False)])
def test_a_session_line(text: str, session: bool) -> None:
    from toolkit.encoding import formal
    assert bool(formal.SESSION.match(text)) is session


# -- a Spanish date line and the year's name under it (148) --------------------------------------------
@pytest.mark.parametrize(("text", "when"), [("14 de marzo de 1963", "1963-03-14"),
                                            ("2 de enero del 1959", "1959-01-02"),
                                            ("30 de septiembre de 1970", "1970-09-30")])
def test_a_spanish_date_is_dated(text: str, when: str) -> None:
    from toolkit.encoding import structure as cue
    found = cue.date_line(text)
    assert found is not None and found.when == when


@pytest.mark.parametrize("text", ["14 de marzipan de 1963", "the de marzo 1963", "14 de marzo"])
def test_no_spanish_date_without_its_parts(text: str) -> None:
    from toolkit.encoding import structure as cue
    found = cue.date_line(text)
    assert found is None or found.when != "1963-03-14"


def test_the_year_name_under_the_date_is_a_line_of_the_dateline(tmp_path: Path) -> None:
    tei, _ = converted(tmp_path, "La Habana, 2 de enero de 1961\n\"Año de la Educación\"\n"
                                 "Dear Comrade Minister:\nThe delegation arrives on Monday.\n"
                                 "The programme is attached.\n")
    assert _count(tei, "count(//tei:opener/tei:dateline[tei:date[@when='1961-01-02']]"
                       "[tei:lb][contains(.,'Año de la Educación')])") == 1
    assert _count(tei, "count(//tei:opener/tei:salute)") == 1


def test_a_quoted_line_in_the_text_is_no_year_name(tmp_path: Path) -> None:
    tei, _ = converted(tmp_path, "The delegation arrived on Monday.\n\"We shall overcome\"\n"
                                 "The programme is attached.\n")
    assert _count(tei, "count(//tei:dateline)") == 0


# -- an end mark under the signature (149) ------------------------------------------------------------
def test_an_end_mark_under_the_signature_is_the_trailer_after_the_closer(tmp_path: Path) -> None:
    tei, _ = converted(tmp_path, "The delegation left on Monday.\nThe talks go on in June.\n"
                                 "Ambassador\nJ. Nowak\n[End of document]\n")
    assert _count(tei, "count(//tei:closer/following-sibling::tei:trailer[.='[End of document]'])") == 1
    assert _count(tei, "count(//tei:trailer//tei:supplied)") == 0


def test_an_end_mark_above_the_signature_stays_before_the_closer(tmp_path: Path) -> None:
    tei, _ = converted(tmp_path, "The delegation left on Monday.\nThe talks go on in June.\n"
                                 "END OF MESSAGE\nAmbassador\nJ. Nowak\n")
    assert _count(tei, "count(//tei:trailer[following-sibling::tei:closer][.='END OF MESSAGE'])") == 1

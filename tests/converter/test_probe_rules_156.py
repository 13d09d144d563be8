"""Rules of probe14 for its layouts 156-161 (issue #10), on texts other than the fixtures,
each with the case where the same signs mean something else."""

from __future__ import annotations

from pathlib import Path

import pytest
from test_probe_rules_080 import converted
from test_probe_rules_080 import count as _count

from toolkit.encoding import structure as cue


# -- marks: the US `LIMITED OFFICIAL USE` (157), a mark in full-width brackets (160) -----------------
@pytest.mark.parametrize(("text", "kind"), [
    ("LIMITED OFFICIAL USE", "classification"),
    ("Limited Official Use Only", "classification"),
    ("【Top Secret】", "classification"),
    ("【極秘】", None),  # a mark in the original's script is not read (no word list for it)
    ("〔Confidential〕", "classification"),
    ("【On the Question of Claims】", None),  # a title in the brackets, no mark
    ("【Top Secret", None),  # unpaired: no frame
    ("limited official use of the port", None),
])
def test_mark_kinds(text: str, kind: str | None) -> None:
    assert cue.mark_type(text) == kind


def test_limited_official_use_at_the_top_is_the_classification(tmp_path: Path) -> None:
    tei, _ = converted(tmp_path, "LIMITED OFFICIAL USE\nSUBJECT: FISHING RIGHTS\n"
                                 "1. THE MINISTRY HANDED US A NOTE TODAY.\n"
                                 "2. WE RECOMMEND THAT THE DEPARTMENT ACCEPT.\n")
    assert _count(tei, "count(//tei:body//tei:fw[@type='classification']"
                       "[.='LIMITED OFFICIAL USE'])") == 1
    assert _count(tei, "count(//tei:body//tei:head[.='LIMITED OFFICIAL USE'])") == 0


def test_a_full_width_framed_mark_keeps_its_brackets_and_the_title_under_it(tmp_path: Path) -> None:
    tei, _ = converted(tmp_path, "【Secret】\nRecord of the Meeting between the Minister and the "
                                 "Ambassador\nThe Minister opened the talks at ten.\n"
                                 "The Ambassador answered that his government agreed.\n")
    assert _count(tei, "count(//tei:body//tei:fw[@type='classification'][.='【Secret】'])") == 1
    assert _count(tei, "count(//tei:body//tei:head[starts-with(.,'Record of the Meeting')])") == 1


def test_a_framed_title_is_no_mark(tmp_path: Path) -> None:
    tei, _ = converted(tmp_path, "【On the Question of Claims】\nThe Minister opened the talks.\n"
                                 "The Ambassador answered that his government agreed.\n")
    assert _count(tei, "count(//tei:body//tei:fw)") == 0


@pytest.mark.parametrize(("text", "title"), [
    ("Record of the Meeting between Minister Ōhira and Ambassador Kim", True),
    ("Record of a Meeting with the Ambassador", True),
    ("Record of the meeting was kept by the embassy.", False),  # a sentence
])
def test_record_of_the_meeting_is_a_title(text: str, title: bool) -> None:
    assert cue.title_like(text) is title

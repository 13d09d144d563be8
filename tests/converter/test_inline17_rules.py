"""inline17's rules (issue #10), each on forms other than the probe's: a quoted word before
[sic], an attached [?], slashed nights, a Roman day without its year, a supplied year, and the
citation's noun roles, `contributed to`, unknown by-sentences and dated issues."""

from __future__ import annotations

from lxml import etree

from test_brackets import ctx, edition, validator  # noqa: F401  (module fixtures)

from toolkit.encoding.dates import tag_dates
from toolkit.encoding.source_citation import parse_citation
from toolkit.tei import NS


def dated(text: str) -> list[dict[str, str]]:
    return [dict(e.attrib) for e in tag_dates(text, "1970-10-20", lambda o, m: None)
            if isinstance(e, etree._Element)]


def test_slashed_night_is_a_range_of_two_days_running() -> None:
    assert dated("in the night of 30/31 October 1968") == [{"from": "1968-10-30", "to": "1968-10-31"}]
    assert dated("on 2/3 Dec.") == [{"from": "1970-12-02", "to": "1970-12-03", "cert": "medium"}]
    assert dated("2/9 June 1968") == []  # no night: not a range
    assert dated("some 2/3 of them") == []


def test_roman_day_without_year_after_a_preposition() -> None:
    assert dated("until 12.XI. we waited") == [{"when": "1970-11-12", "cert": "medium"}]
    assert dated("see point 3.II. below") == []


def cite(middle: str) -> tuple[list[tuple[str, list[str]]], tuple[str, ...], str | None, tuple[str, ...]]:
    citation, _ = parse_citation('"A", June 3, 1971, Wilson Center Digital Archive, ' + middle)
    return ([(r.verb, [a.name for a in r.agents]) for r in citation.roles], citation.sponsors,
            citation.signature, citation.guesses)


def test_noun_roles_and_contributed_to() -> None:
    assert cite("SAPMO, DY 30/1234. Transcription by Eva Lind.")[:3] == (
        [("transcribed", ["Eva Lind"])], (), "DY 30/1234")
    assert cite("SAPMO, DY 30/1235. German translation by Eva Lind.")[0] == [("translated", ["Eva Lind"])]
    assert cite("SAPMO, DY 30/1236. Donated to the Harbour Project by Eva Lind.")[:3] == (
        [("donated", ["Eva Lind"])], ("Harbour Project",), "DY 30/1236")
    # `to` a language is no project
    assert cite("SAPMO, DY 30/1237. Translated to English by Eva Lind.")[:2] == (
        [("translated", ["Eva Lind"])], ())


def test_an_unknown_by_sentence_never_joins_the_shelfmark() -> None:
    roles, _, signature, guesses = cite("SAPMO, DY 30/1238. Made available by Eva Lind.")
    assert roles == [] and signature == "DY 30/1238"
    assert guesses == ("the sentence 'Made available by Eva Lind' of the Citation names no role a "
                       "rule knows: kept in the citation only",)


def test_a_dated_volume_is_its_scope() -> None:
    citation, _ = parse_citation('"A", June 3, 1971, Wilson Center Digital Archive, Published in '
                                 "Trade Papers, Vol. 4 (1995), pp. 3-9.")
    assert citation.publication is not None
    scopes = [(s.get("unit"), s.get("n"), s.text) for s in citation.publication.iterfind("tei:biblScope", NS)]
    assert scopes[0] == ("volume", "4", "Vol. 4 (1995)")
    assert citation.publication.findtext("tei:title", namespaces=NS) == "Trade Papers"


def test_quoted_sic_attached_query_and_supplied_year(ctx, edition, validator, tei_all) -> None:  # type: ignore[no-untyped-def]
    from test_brackets import checked
    body = ("He spelt it «Moskwa» [sic] and wrote Sinuiju[?] twice; the answer of June 9 [1961] "
            "came late.\n")
    div, _ = checked(body, ctx, edition, validator, tei_all)
    assert [s.text for s in div.iter(f"{{{NS['tei']}}}sic")] == ["«Moskwa»"]
    (unclear,) = div.iter(f"{{{NS['tei']}}}unclear")
    assert unclear.get("rend") == "query-attached" and "".join(unclear.itertext()) == "Sinuiju"
    (date,) = div.iter(f"{{{NS['tei']}}}date")
    assert date.get("when") == "1961-06-09" and date.get("cert") is None
    assert date.findtext("tei:supplied", namespaces=NS) == "1961"

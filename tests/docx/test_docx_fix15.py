"""docx15's reader fixes for its held-out batch, each with the inputs it must not fire on: a
deletion and its replacement as subst, a content control showing its placeholder, Word's
Subtitle under the Title, a table typed with tabs at left tab stops."""

from __future__ import annotations

from pathlib import Path

from docx_fixtures import assert_valid, context
from heldout14_docs import B, metadata, p, package, r
from heldout15_docs import _change, _deleted
from lxml import etree

from toolkit.convert import convert_bytes
from toolkit.output import serialize
from toolkit.readers import ReadContext
from toolkit.tei import NS

__all__ = ["context"]  # the fixture, imported for pytest

ANNA, WHEN = "Anna Berg", "2023-05-02T09:15:00Z"


def _convert(path: Path, context: ReadContext, tei_all: etree.RelaxNG | None = None,
             ) -> tuple[etree._Element, list[str]]:
    conversion = convert_bytes(path.read_bytes(), str(path), context)
    assert not [d for d in conversion.diagnostics if d.rule == "lost-text"]
    tree = etree.fromstring(serialize(conversion.tree))
    if tei_all is not None:
        assert_valid(tei_all, etree.ElementTree(tree))
    return tree, [d.message for d in conversion.diagnostics]


def _count(tree: etree._Element, xpath: str) -> int:
    return int(tree.xpath(f"count({xpath})", namespaces=NS))


def _doc(path: Path, body: str, **options: str) -> Path:
    head = metadata("915950", "Report on the Talks", "May 4, 1958", "Russian")
    return package(path, head + body + p("The talks went on for two days."), **options)


def test_a_deletion_right_before_its_replacement_is_a_substitution(
        tmp_path: Path, context: ReadContext, tei_all: etree.RelaxNG) -> None:
    body = p("He met ", _change("del", 1, ANNA, WHEN, _deleted("Kosigin")),
             _change("ins", 2, ANNA, WHEN, r("Kosygin")), " in Moscow.")
    body += p("The price was ", _change("del", 3, ANNA, WHEN, _deleted("high")), " ",
              _change("ins", 4, ANNA, WHEN, r("low")), " that year.")
    body += p("The plan was ", _change("del", 5, ANNA, WHEN, _deleted("new")),
              _change("ins", 6, "Reviser Tóth", "2023-05-04T16:40:00Z", r("old")), ".")
    body += p("They ", _change("ins", 7, ANNA, WHEN, r("then ")),
              _change("del", 8, ANNA, WHEN, _deleted("soon ")), "left.")
    tree, _ = _convert(_doc(tmp_path / "a.docx", body), context, tei_all)
    assert _count(tree, "//tei:subst[tei:del='Kosigin'][tei:add='Kosygin']") == 1
    assert _count(tree, "//tei:subst") == 1  # a space between, two people, add before del
    assert _count(tree, "//tei:body//tei:del") == 4
    assert _count(tree, "//tei:body//tei:add") == 4


def test_a_control_showing_its_placeholder_gives_no_words_a_filled_one_does(
        tmp_path: Path, context: ReadContext, tei_all: etree.RelaxNG) -> None:
    def control(text: str, placeholder: bool) -> str:
        shown = "<w:showingPlcHdr/>" if placeholder else ""
        return (f'<w:sdt><w:sdtPr><w:alias w:val="Field"/>{shown}<w:text/></w:sdtPr>'
                f'<w:sdtContent>{r(text)}</w:sdtContent></w:sdt>')

    body = p("Interpreter: ", control("Click or tap here to enter text.", True))
    body += p("Recorded by: ", control("Anna Berg", False))
    body += '<w:sdt><w:sdtPr><w:showingPlcHdr/></w:sdtPr><w:sdtContent>' + p(
        "Click here to enter the summary.") + '</w:sdtContent></w:sdt>'
    tree, said = _convert(_doc(tmp_path / "b.docx", body), context, tei_all)
    text = " ".join("".join(tree.find(".//tei:body", NS).itertext()).split())  # type: ignore
    assert "Click" not in text
    assert "Interpreter:" in text and "Anna Berg" in text
    assert sum("placeholder" in message for message in said) == 2


def test_the_subtitle_under_the_title_is_a_line_of_the_title_elsewhere_a_paragraph(
        tmp_path: Path, context: ReadContext, tei_all: etree.RelaxNG) -> None:
    body = p("Report on the Talks", style="Title") + p("Record of the First Day",
                                                         style="Subtitle")
    body += p("The delegation arrived in Moscow on 3 May 1958.")
    body += p("Second Part of the Record", style="Subtitle")
    body += p("The second day began at ten.")
    tree, _ = _convert(_doc(tmp_path / "c.docx", body), context, tei_all)
    assert _count(tree, "//tei:body//tei:head[contains(., 'Report on the Talks')]"
                        "[contains(., 'Record of the First Day')][tei:lb]") == 1
    assert _count(tree, "//tei:body//tei:p[contains(., 'Record of the First Day')]") == 0
    assert _count(tree, "//tei:body//tei:head[contains(., 'Second Part')]") == 0
    assert _count(tree, "//tei:body//*[normalize-space(.)='Second Part of the Record']") == 1


STOPS = '<w:tabs><w:tab w:val="left" w:pos="3000"/><w:tab w:val="left" w:pos="6500"/></w:tabs>'


def test_lines_of_three_fields_at_left_tab_stops_are_a_table(
        tmp_path: Path, context: ReadContext, tei_all: etree.RelaxNG) -> None:
    body = p(r("Name\tOffice\tDelegation", B), ppr=STOPS)
    body += p("Mahmoud Riad\tMinister of Foreign Affairs\tUAR", ppr=STOPS)
    body += p("Vladimir Vinogradov\tAmbassador\tUSSR", ppr=STOPS)
    tree, _ = _convert(_doc(tmp_path / "d.docx", body), context, tei_all)
    assert _count(tree, "//tei:body//tei:table[@rows='3'][@cols='3']") == 1
    assert _count(tree, "//tei:table/tei:row[1][@role='label']") == 1
    assert _count(tree, "//tei:table/tei:row[2]/tei:cell[2][.='Minister of Foreign Affairs']") == 1


def test_one_tab_a_line_a_single_line_default_stops_or_an_empty_field_are_no_table(
        tmp_path: Path, context: ReadContext, tei_all: etree.RelaxNG) -> None:
    one = '<w:tabs><w:tab w:val="left" w:pos="2000"/></w:tabs>'
    body = p("Present:\tComrade Ivanov", ppr=one) + p("Absent:\tComrade Petrov", ppr=one)
    body += p("The meeting was held in Moscow on 3 May 1958.")
    body += p("Alone\tin its\tline", ppr=STOPS)
    body += p("The meeting was long.")
    body += p("Nikolai Petrov\tAmbassador\tUSSR") + p("Ivan Sidorov\tCounsellor\tUSSR")
    body += p("The meeting ended.")
    body += p("Ivan Petrov\t\tUSSR", ppr=STOPS) + p("Oleg Ivanov\tAttaché\tUSSR", ppr=STOPS)
    tree, _ = _convert(_doc(tmp_path / "e.docx", body), context, tei_all)
    assert _count(tree, "//tei:body//tei:table") == 0

"""Omissions whose extent is a fraction, and illegible passages said in a sentence (issue #10,
layouts 120 and 121): on texts of our own, through the real converter, valid and projected
back line by line (fixtures and helpers of test_brackets)."""

from __future__ import annotations

from pathlib import Path

from lxml import etree
from test_brackets import checked, ctx, edition, reviews, text, validator, xpath

from toolkit.encoding.bracket_kinds import extent
from toolkit.readers import ReadContext
from toolkit.validation.runner import FileValidator

__all__ = ["ctx", "edition", "validator"]  # the fixtures, used by name


def gaps(div: etree._Element) -> list[tuple[str | None, str | None, str | None, str]]:
    return [(g.get("reason"), g.get("quantity"), g.get("unit"), text(g))
            for g in xpath(div, ".//tei:gap")]


def test_a_half_is_part_of_the_quantity_in_every_spelling(ctx: ReadContext, edition: Path,
                                                         validator: FileValidator,
                                                         tei_all: etree.RelaxNG) -> None:
    body = ("The report [2 1/2 lines not declassified] said that [one and a half pages withheld] "
            "the envoy [1½ lines not declassified] had met [half a paragraph redacted] the "
            "minister [3.5 lines redacted] twice [a half page not declassified].\n")
    div, _ = checked(body, ctx, edition, validator, tei_all)
    assert gaps(div) == [
        ("redacted", "2.5", "line", "2 1/2 lines not declassified"),
        ("redacted", "1.5", "page", "one and a half pages withheld"),
        ("redacted", "1.5", "line", "1½ lines not declassified"),
        ("redacted", "0.5", "paragraph", "half a paragraph redacted"),
        ("redacted", "3.5", "line", "3.5 lines redacted"),
        ("redacted", "0.5", "page", "a half page not declassified")]
    assert not xpath(div, ".//tei:supplied")


def test_the_denominator_and_the_decimals_are_never_the_quantity() -> None:
    """Before, `[1 1/2 lines ...]` read `2 lines` after the slash: 2, not 1.5."""
    assert extent("1 1/2 lines not declassified") == {"quantity": "1.5", "unit": "line"}
    assert extent("1/2 page redacted") == {"quantity": "0.5", "unit": "page"}
    assert extent("4.5 pages withheld") == {"quantity": "4.5", "unit": "page"}
    assert extent("two words redacted") == {"quantity": "2", "unit": "word"}
    assert extent("12 lines redacted") == {"quantity": "12", "unit": "line"}
    assert extent("sheet 3/4 redacted") == {}  # a numbering, no unit after it


def test_illegible_said_in_a_sentence_is_a_gap_not_supplied(ctx: ReadContext, edition: Path,
                                                             validator: FileValidator,
                                                             tei_all: etree.RelaxNG) -> None:
    body = ("The minister agreed. [The remainder of this paragraph is illegible in the carbon.]\n\n"
            "The talks went on. [Remainder of page illegible] Then [three words illegible] and "
            "[The last two lines of the page are illegible.] It ended [1 1/2 lines illegible].\n")
    div, conversion = checked(body, ctx, edition, validator, tei_all)
    assert gaps(div) == [
        ("illegible", None, None, "The remainder of this paragraph is illegible in the carbon."),
        ("illegible", None, None, "Remainder of page illegible"),
        ("illegible", "3", "word", "three words illegible"),
        ("illegible", "2", "line", "The last two lines of the page are illegible."),
        ("illegible", "1.5", "line", "1 1/2 lines illegible")]
    assert not xpath(div, ".//tei:supplied")
    assert reviews(conversion, "bracket-default") == []


def test_an_omission_wrapped_over_two_lines_keeps_its_line_break_after_the_gap(
        ctx: ReadContext, edition: Path, validator: FileValidator,
        tei_all: etree.RelaxNG) -> None:
    """A gap holds no lb: the wrap stands right after it, the desc keeps a newline there,
    and the projection gives the two source lines back (checked)."""
    body = ("He promised to write to Prague. [The rest of the page is illegible\n"
            "in the copy.] The ambassador left at noon and the meeting\n"
            "was closed. Nothing [two lines not\ndeclassified] more was said.\n")
    div, _ = checked(body, ctx, edition, validator, tei_all)
    found = xpath(div, ".//tei:gap")
    assert [(g.get("reason"), g.get("quantity")) for g in found] == [("illegible", None),
                                                                      ("redacted", "2")]
    assert [g.findtext("{http://www.tei-c.org/ns/1.0}desc") for g in found] == [
        "The rest of the page is illegible\nin the copy.", "two lines not\ndeclassified"]
    for gap in found:
        following = gap.getnext()
        assert following is not None and following.tag.endswith("}lb") and not gap.tail


def test_a_wrapped_bracket_that_is_no_omission_stays_as_it_was(ctx: ReadContext, edition: Path,
                                                              validator: FileValidator,
                                                              tei_all: etree.RelaxNG) -> None:
    body = ("The delegation of the [Soviet\nside] agreed that half of the [talks\nwould] be "
            "held in Warsaw, on half a page of notes.\n")
    div, _ = checked(body, ctx, edition, validator, tei_all)
    assert not xpath(div, ".//tei:gap")
    assert [text(s) for s in xpath(div, ".//tei:supplied")] == ["Soviet side", "talks would"]
    assert len(xpath(div, ".//tei:supplied/tei:lb")) == 2

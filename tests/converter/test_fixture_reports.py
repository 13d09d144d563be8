"""Every fixture report converts to tei_all-valid TEI that projects back to its source body,
and each editorial phenomenon gets the encoding the conventions give it."""

from __future__ import annotations

from pathlib import Path

import pytest
from converter_support import REPORTS, ROOT, assert_valid, context, source_body
from lxml import etree

from toolkit.convert import convert_bytes
from toolkit.errors import Severity
from toolkit.output import serialize
from toolkit.projection import normalise, project
from toolkit.readers import Conversion, ReadContext
from toolkit.registers import PREFIXED, expand_ref, prefix_table
from toolkit.tei import NS, XML_LANG, XML_NS

__all__ = ["context"]  # the fixture, imported for pytest
ALL = sorted(REPORTS.glob("*.txt")) + [ROOT / "sources" / "wilson-116488.txt"]


def convert(path: Path, context: ReadContext) -> Conversion:
    return convert_bytes(path.read_bytes(), str(path), context)


def report(name: str) -> Path:
    (path,) = REPORTS.glob(f"wilson-{name}-*.txt")
    return path


def body(conversion: Conversion) -> etree._Element:
    found = conversion.tree.find(".//tei:text/tei:body/tei:div", NS)
    assert found is not None
    return found


def xpath(node: etree._Element | etree._ElementTree, query: str) -> list[etree._Element]:
    result = node.xpath(query, namespaces=NS)
    assert isinstance(result, list)
    return [r for r in result if isinstance(r, etree._Element)]


def text(node: etree._Element) -> str:
    return " ".join("".join(node.itertext()).split())


def test_there_are_enough_fixtures() -> None:
    assert len(ALL) >= 11


@pytest.mark.parametrize("path", ALL, ids=lambda p: p.stem)
def test_valid_and_round_trip(path: Path, context: ReadContext, tei_all: etree.RelaxNG) -> None:
    conversion = convert(path, context)
    written = etree.ElementTree(etree.fromstring(serialize(conversion.tree)))  # as a file holds it
    assert_valid(tei_all, written)
    expected = normalise(source_body(path.read_text(encoding="utf-8")))
    assert normalise(project(written)) == expected


@pytest.mark.parametrize("path", ALL, ids=lambda p: p.stem)
def test_refs_point_into_the_registers(path: Path, context: ReadContext) -> None:
    conversion = convert(path, context)
    prefixes = prefix_table(conversion.tree.getroot())
    for node in xpath(conversion.tree, "//*[@ref]"):
        assert PREFIXED.match(node.get("ref", "")), node.get("ref")  # per:id, whatever the folder
        target, _, fragment = expand_ref(node.get("ref", ""), prefixes).partition("#")
        assert target.startswith("registers/") and fragment
        register = etree.parse(str(ROOT / "tei" / target))
        assert xpath(register, f"//*[@xml:id='{fragment}']"), node.get("ref")


def test_memorandum_header(context: ReadContext) -> None:
    div = body(convert(report("117001"), context))
    assert div[0].tag.endswith("head") and text(div[0]) == "MEMORANDUM OF CONVERSATION"
    opener = div[1]
    assert opener.tag.endswith("opener")
    fields = xpath(opener, "tei:seg[@type='memo-field']")
    assert [f.get("subtype") for f in fields] == ["from", "to", "subject"]
    assert [text(f.find("tei:label", NS)) for f in fields] == ["From:", "To:", "Subject:"]  # type: ignore[arg-type]
    (dateline,) = xpath(opener, "tei:dateline")
    assert xpath(dateline, "tei:placeName[@ref='plc:pyongyang']")
    assert xpath(dateline, "tei:date[@when='1962-03-12']")
    assert xpath(fields[2], "tei:persName[@ref='per:kim-il-sung']")


def test_sic_wraps_the_word(context: ReadContext) -> None:
    div = body(convert(report("117001"), context))
    (sic,) = xpath(div, ".//tei:sic")
    assert sic.text == "then" and sic.tail is not None and sic.tail.startswith(" expected")
    (sic,) = xpath(body(convert(report("117006"), context)), ".//tei:sic")
    assert sic.text == "advance"


def test_original_terms_carry_their_language(context: ReadContext) -> None:
    langs = {text(f): f.get(XML_LANG) for f in xpath(body(convert(report("117001"), context)), ".//tei:foreign")}
    assert langs == {"хлебозаготовки": "ru", "khozraschet": "ru-Latn"}
    for foreign in xpath(body(convert(report("117001"), context)), ".//tei:foreign"):
        supplied = foreign.getparent()
        assert supplied is not None and supplied.get("reason") == "original-term"
        assert supplied.text == "Rus. "
    zh = {text(f): f.get(XML_LANG) for f in xpath(body(convert(report("117002"), context)), ".//tei:foreign")}
    assert zh == {"大跃进": "zh", "sanmian hongqi": "zh-Latn", "唇齿相依": "zh"}
    ko = [(text(f), f.get(XML_LANG)) for f in xpath(body(convert(report("117003"), context)), ".//tei:foreign")]
    assert ko[:2] == [("주체", "ko"), ("Juche", "ko-Latn")]
    de = {text(f): f.get(XML_LANG) for f in xpath(body(convert(report("117004"), context)), ".//tei:foreign")}
    assert de == {"Wiedervereinigung": "de", "Volkskammer": "de"}
    (italic,) = xpath(body(convert(report("117008"), context)), ".//tei:foreign/tei:hi[@rend='italic']")
    assert italic.text == "kierownicza rola"


def test_a_language_name_without_colon_is_no_language_prefix(context: ReadContext) -> None:
    div = body(convert(report("117008"), context))
    (choice,) = xpath(div, ".//tei:choice[tei:abbr='PUWP']")
    assert [c.tag.split("}")[1] for c in choice] == ["abbr", "expan"]
    assert text(choice[1]) == "Polish United Workers' Party"
    assert not xpath(div, ".//tei:foreign[.=\"United Workers' Party\"]")


def test_footnotes_sit_at_their_reference(context: ReadContext) -> None:
    conversion = convert(report("117002"), context)
    div = body(conversion)
    notes = xpath(div, ".//tei:note[@place='foot']")
    assert [n.get("n") for n in notes] == ["1", "2", "3"]
    for note in notes:
        parent = note.getparent()
        assert parent is not None and parent.tag.endswith("}p")
    assert text(notes[0]).startswith("The ambassador was Ri Yong-ho")
    assert notes[0].tail is not None and notes[0].tail.startswith(" The ambassador conveyed")
    assert not any(p.text and p.text.startswith("[1]") for p in xpath(div, "tei:p"))
    assert not [d for d in conversion.diagnostics if "footnote" in d.message]


def test_expansions_inside_words(context: ReadContext) -> None:
    div = body(convert(report("117002"), context))
    expans = xpath(div, ".//tei:expan")
    assert [(e.text, text(e.find("tei:ex", NS))) for e in expans] == [  # type: ignore[arg-type]
        ("F", "oreign"), ("M", "inistry"), ("M", "inistry")]


def test_ellipses_and_illegible(context: ReadContext) -> None:
    div = body(convert(report("117003"), context))
    gaps = xpath(div, ".//tei:gap")
    assert [(g.get("reason"), g.get("rend")) for g in gaps] == [
        ("omitted", "…."), ("omitted", None), ("omitted", "…"), ("illegible", None), ("omitted", "…")]
    assert gaps[3].get("quantity") == "2" and gaps[3].get("unit") == "word"
    assert text(gaps[3]) == "two words illegible"
    assert div[-1][-1] is gaps[-1]  # a paragraph that is only […] is a gap between paragraphs


def test_numbered_and_lettered_sections(context: ReadContext) -> None:
    # A numbered line of its own followed by paragraphs heads a section (div[@n], the
    # number kept as the head's label); lettered points inside it stay p[@n] with label.
    div = body(convert(report("117003"), context))
    heads = xpath(div, "tei:div[@n]/tei:head")
    assert [(h.getparent().get("n"), text(h.find("tei:label", NS)), text(h))  # type: ignore[union-attr, arg-type]
            for h in heads] == [("1", "1.", "1. General situation"), ("2", "2.", "2. Assessment")]
    labelled = xpath(div, "tei:div/tei:p[tei:label]")
    assert [(p.get("n"), text(p.find("tei:label", NS))) for p in labelled] == [  # type: ignore[arg-type]
        ("a", "a)"), ("b", "b)"), ("c", "(c)")]
    roman = body(convert(report("117008"), context))
    assert [d.get("n") for d in xpath(roman, "tei:div")] == ["I", "II"]
    assert [p.get("n") for p in xpath(roman, "tei:div/tei:p[tei:label]")] == ["a", "b"]


def test_nested_brackets(context: ReadContext) -> None:
    div = body(convert(report("117006"), context))
    deepest = xpath(div, ".//tei:supplied/tei:supplied/tei:supplied")
    assert [text(s) for s in deepest] == ["Comrade", "March"]
    (term,) = xpath(div, ".//tei:supplied[@reason='clarification']/tei:supplied[@reason='original-term']")
    assert text(term) == "Cz. pětiletka"
    (inner,) = xpath(div, ".//tei:supplied[tei:pb]")
    assert text(inner) == "the Chinese side" and inner.getparent().tag.endswith("supplied")  # type: ignore[union-attr]


def test_emphasis_note_and_marginalia(context: ReadContext) -> None:
    (note,) = xpath(body(convert(report("117003"), context)), ".//tei:note")
    assert note.get("place") == "inline" and text(note) == "emphasis in the original"
    div = body(convert(report("117004"), context))
    (margin,) = xpath(div, ".//tei:note[@place='margin']")
    assert margin.get("type") == "marginalia" and "Inform Comrade Axen" in text(margin)
    (underlined,) = xpath(div, ".//tei:note[@place='inline']")
    assert text(underlined) == "underlined in the original"
    telegram = body(convert(report("117007"), context))
    # [stamp] describes a stamp of the original (issue #10): a note of its own type
    assert [n.get("type") for n in xpath(telegram, ".//tei:note")] == ["stamp", "translator",
                                                                         "marginalia"]


def test_page_breaks_inside_sentences_and_brackets(context: ReadContext) -> None:
    conversion = convert(report("117004"), context)
    pbs = xpath(body(conversion), ".//tei:pb")
    assert len(pbs) == 2 and conversion.stats["page_breaks"] == 2
    assert pbs[0].getparent().tag.endswith("}p") and pbs[0].tail == "the confederation "  # type: ignore[union-attr]
    assert pbs[1].getparent().tag.endswith("supplied") and pbs[1].tail == "Western states"  # type: ignore[union-attr]


def test_non_breaking_space_lines_separate_paragraphs(context: ReadContext) -> None:
    div = body(convert(report("117004"), context))
    paragraphs = xpath(div, "tei:p")
    assert [text(p)[:25] for p in paragraphs] == [
        "On 1 February the Soviet ", "The ambassador said the K", "The conversation lasted o"]
    # the marginal note alone on the first line is a note of the division, not a paragraph
    # (probe13: a hand's note at the top; the top goes on under it)
    assert text(xpath(div, "tei:note[@type='marginalia']")[0])[:25] == "handwritten in the left m"
    assert not any("\u00a0" in "".join(p.itertext()) for p in paragraphs)


def test_closer_signed_with_gap_role_and_salute(context: ReadContext) -> None:
    (signed,) = xpath(body(convert(report("117004"), context)), "tei:closer/tei:signed")
    assert xpath(signed, "tei:gap[@reason='illegible']/tei:desc[.='illegible signature']")
    assert text(signed.find("tei:roleName", NS)) == "Second Secretary"  # type: ignore[arg-type]
    (signed,) = xpath(body(convert(report("117001"), context)), "tei:closer/tei:signed")
    assert xpath(signed, "tei:gap[@reason='omitted']/tei:desc[.='signature']")
    assert text(signed.find("tei:persName", NS)) == "A. Puzanov"  # type: ignore[arg-type]
    (closer,) = xpath(body(convert(report("117009"), context)), "tei:closer")
    assert text(closer.find("tei:salute", NS)) == "With socialist greetings"  # type: ignore[arg-type]
    assert text(closer.find("tei:signed/tei:roleName", NS)) == "First Secretary of the CC of the SED"  # type: ignore[arg-type]
    (signed,) = xpath(body(convert(report("117006"), context)), "tei:closer/tei:signed")
    assert [(c.tag.split("}")[1], text(c)) for c in signed] == [("roleName", "Ambassador"), ("persName", "Moravec")]


def test_letter_opener(context: ReadContext) -> None:
    (opener,) = xpath(body(convert(report("117009"), context)), "tei:opener")
    assert [c.tag.split("}")[1] for c in opener] == ["dateline", "address", "salute"]
    assert xpath(opener, "tei:salute/tei:persName[@ref='per:kim-il-sung']")
    (choice,) = xpath(body(convert(report("117009"), context)), ".//tei:choice")
    assert [c.tag.split("}")[1] for c in choice] == ["expan", "abbr"] and text(choice[1]) == "GDR"


def test_variant_spellings(context: ReadContext) -> None:
    div = body(convert(report("117005"), context))
    choices = xpath(div, ".//tei:choice")
    pairs = [(text(c.find("tei:orig", NS)), text(c.find("tei:reg", NS)), c.getparent().tag.split("}")[1],  # type: ignore[arg-type,union-attr]
              c.getparent().get("ref")) for c in choices]  # type: ignore[union-attr]
    assert pairs == [
        ("Choe Chang-ik", "Choi Chang Ik", "persName", None),
        ("Yun Gong-heum", "Yun Kong Hum", "persName", None),
        ("Kim Ir Sen", "Kim Il Sung", "persName", "per:kim-il-sung"),
        ("Peng Te-huai", "Peng Dehuai", "persName", "per:peng-dehuai"),
    ]
    identified = xpath(div, ".//tei:supplied[@reason='identification']")
    assert [text(s) for s in identified] == ["Soviet Ambassador", "First Deputy Premier",
                                            "Minister of Commerce", "Chairman of the Presidium", "Comrade"]


def test_stray_trailing_fragment_kept_with_a_warning(context: ReadContext) -> None:
    path = report("117005")
    conversion = convert(path, context)
    div = body(conversion)
    assert div[-1].tag.endswith("fw") and div[-1].text == "3" and div[-1].get("type") == "residue"
    line = path.read_text(encoding="utf-8").split("\n").index("3") + 1
    (warning,) = [d for d in conversion.diagnostics if d.severity is Severity.WARNING]
    assert warning.line == line and "'3'" in warning.message and warning.path == str(path)


def test_gap_after_the_signature_stays_after_the_closer(context: ReadContext) -> None:
    div = body(convert(report("117007"), context))
    assert [c.tag.split("}")[1] for c in div[-2:]] == ["closer", "gap"]
    assert text(div[-2]) == "Siedlecki"


def test_unknown_metadata_fields_are_kept(context: ReadContext) -> None:
    conversion = convert(report("117001"), context)
    notes = xpath(conversion.tree, "//tei:notesStmt/tei:note[@type='metadata-field']")
    fields = {text(n.find("tei:label", NS)): [text(p) for p in xpath(n, "tei:p")] for n in notes}  # type: ignore[arg-type]
    assert fields == {
        "Original Archive": ["Archive of Foreign Policy of the Russian Federation"],
        "Type": ["Memorandum of Conversation"],
        "Subjects": ["Economic cooperation", "Agriculture"],
        "Record ID": ["117001"],
    }
    assert xpath(conversion.tree, "//tei:langUsage/tei:language[@ident='ru']")
    assert xpath(conversion.tree, "//tei:textLang[@mainLang='ru']")


def test_missing_credits_and_summary(context: ReadContext) -> None:
    conversion = convert(report("117005"), context)
    assert not xpath(conversion.tree, "//tei:funder | //tei:abstract | //tei:note[@type='credits']")
    conversion = convert(report("117004"), context)
    assert not xpath(conversion.tree, "//tei:abstract")
    assert xpath(conversion.tree, "//tei:funder/tei:orgName[@ref]")


def test_title_over_two_lines(context: ReadContext) -> None:
    conversion = convert(report("117002"), context)
    (title,) = xpath(conversion.tree, "//tei:titleStmt/tei:title")
    assert title.text == ("Telegram from the Chinese Embassy in Pyongyang to the Ministry of Foreign "
                          "Affairs of the People's Republic of China")
    assert conversion.number == "117002"
    assert xpath(conversion.tree, "//tei:creation/tei:date[@when='1960-10-04']")


def test_repeated_footnote_reference_points_to_the_note(context: ReadContext) -> None:
    div = body(convert(report("117010"), context))
    notes = xpath(div, ".//tei:note[@place='foot']")
    assert [(n.get("n"), n.get(f"{{{XML_NS}}}id")) for n in notes] == [("1", "wilson-117010-bg-notes-fn1"), ("2", None)]
    (ptr,) = xpath(div, ".//tei:ptr")
    assert ptr.get("target") == "#wilson-117010-bg-notes-fn1" and ptr.get("n") == "1"


def test_fragment_below_the_footnotes_is_the_pages_footer(context: ReadContext) -> None:
    div = body(convert(report("117010"), context))
    assert div[-1].tag.endswith("fw") and div[-1].get("type") == "footer" and div[-1].text == "- 4 -"
    assert body(convert(report("117005"), context))[-1].get("type") == "residue"  # no notes above


def test_variant_takes_the_closest_run_of_words(context: ReadContext) -> None:
    (choice,) = xpath(body(convert(report("117010"), context)), ".//tei:choice")
    assert text(choice.find("tei:orig", NS)) == "Kim Il Sung"  # type: ignore[arg-type]
    assert choice.getparent().get("ref") == "per:kim-il-sung"  # type: ignore[union-attr]
    (foreign,) = xpath(body(convert(report("117010"), context)), ".//tei:foreign")
    assert foreign.get(XML_LANG) == "bg" and foreign.text == "три часа"

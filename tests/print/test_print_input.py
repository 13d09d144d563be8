"""Text of any kind prints literally; non-Latin scripts print with real glyphs; a glyph no font
has is reported; bad TEI fails cleanly; an unchanged edition is not rebuilt."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from print_support import FIXTURES, PrintEdition, built_edition, make_edition, page_texts
from pypdf import PdfReader

from toolkit.builders import BuildConfig, run_builder
from toolkit.builders.base import Document, Edition
from toolkit.builders.pdf import PdfBuilder, mark_missing
from toolkit.cli import main
from toolkit.errors import Severity

A4 = (595.276, 841.89)


@pytest.fixture(scope="module")
def print_edition(tmp_path_factory: pytest.TempPathFactory) -> PrintEdition:
    return built_edition(tmp_path_factory)


def flat(text: str) -> str:
    return " ".join(text.split())


def test_hostile_text_prints_literally(print_edition: PrintEdition) -> None:
    reader = print_edition.reader("900002")
    text = flat(" ".join(page_texts(reader)))
    for literal in [
        'Hostile #eval("1+1") *bold* _under_ $x^2$ @ref [brackets] \\back <tag>',
        'LINE1 #eval("1+1") and #eval("2+2") stay code.',
        "LINE2 #set page(width: 2cm, height: 2cm) must not shrink the page.",
        "LINE3 *not bold* _not emph_ `not raw` $ sum_(i=0)^n i $ stay text.",
        "LINE4 <label> @label [bracket] \\ backslash \\# hash ~ tilde --- dashes.",
        "LINE5 = Not a heading",
        "- not a list item",
        "+ not an enum item",
        "/ term: not a term list",
        'LINE6 // not a comment /* nor a block comment */ http://example.org "quotes" {braces} (parens)',
        "LINE7 ]] [[ } { ) ( closing first",
        "LINE8 [#show: none] and […] and 1 done.",
        "1 NOTE #box(width: 1pt) ]",
        'Summary with #read("/etc/passwd") and = Heading and // comment.',
        'Archive of #import "lib.typ": *',
        "#pagebreak() / $ sum $",
        "#set text(red) Translator",
    ]:
        assert literal in text, literal
    assert "LINE1 2 and 4" not in text
    assert len(reader.pages) == 1  # no #pagebreak() obeyed
    for page in reader.pages:
        assert (round(float(page.mediabox.width), 2), round(float(page.mediabox.height), 2)) == \
            (round(A4[0], 2), round(A4[1], 2))
    meta = reader.metadata
    assert meta is not None and meta.title == 'Hostile #eval("1+1") *bold* _under_ $x^2$ @ref [brackets] \\back <tag>'
    assert meta.author == "#set text(red) Translator"


def test_non_latin_scripts_print_with_real_glyphs(print_edition: PrintEdition) -> None:
    reader = print_edition.reader("900003")
    text = flat(" ".join(page_texts(reader)))
    for literal in ["Jelentés: Őszi tárgyalások Phenjanban, Москва и Пхеньян",
                    "Kovács József, Szőnyi Gyöngyvér, Nagy Ildikó, őrség, műszaki, tűzoltó",
                    "Алексей Николаевич Косыгин spoke in Москва",
                    "김일성 and 조선로동당 and the untagged 평양",
                    "毛泽东 and 彭德怀; traditional 臺灣",
                    "日本共産党 and ひらがな カタカナ", "Ödön Szűcs"]:
        assert literal in text, literal
    fonts = set()
    for page in reader.pages:
        fonts |= {str(f.get_object()["/BaseFont"]) for f in page["/Resources"]["/Font"].values()}
    # each language in its regional CJK face: Korean, Simplified and Traditional Chinese, Japanese
    for face in ("CJKkr", "CJKsc", "CJKtc", "CJKjp"):
        assert any(face in name for name in fonts), (face, fonts)
    assert "U+" not in text  # no character fell back to its code point


def test_a_glyph_no_font_has_is_a_warning_naming_the_document(tmp_path: Path,
                                                               capfd: pytest.CaptureFixture[str]) -> None:
    source = (FIXTURES / "900003.xml").read_text("utf-8")
    # U+0378 is unassigned: no font can have it, whatever fonts a machine installs.
    broken = tmp_path / "900004.xml"
    broken.write_text(source.replace("HUNGARIAN:", "HUNGARIAN: A\u0378B C\u0379D"), "utf-8")
    config = BuildConfig(source_dir=tmp_path, output_dir=tmp_path / "out")
    builder = PdfBuilder(config)
    builder.write_one(Document(broken))  # its print XML: it is typeset in its volume part
    builder.finish(Edition.load(config), [Document(broken)])
    written = [config.output_dir / "pdf" / "900004.pdf"]
    # the part's warnings name the document holding the character, not the part
    warnings = [d for d in builder.diagnostics if d.rule == "pdf-missing-glyph"]
    assert {d.severity for d in warnings} == {Severity.WARNING}
    assert sorted(d.message.split()[7] for d in warnings) == ["U+0378", "U+0379"]
    assert all(d.path == str(broken) for d in warnings)
    assert str(broken) in capfd.readouterr().err  # printed by the part's process
    text = flat(" ".join(page_texts(PdfReader(written[0]))))
    assert "HUNGARIAN:AU+0378BCU+0379D" in text.replace(" ", "")  # the code point, framed
    assert "Москва" in text


def test_mark_missing_keeps_every_other_character() -> None:
    marked = mark_missing("<p>a\u0378b<x>c\u0378</x>d\u0378</p>", {"\u0378"})
    assert marked == ('<p>a<missing cp="0378" char="\u0378"/>b<x>c<missing cp="0378" char="\u0378"/>'
                      '</x>d<missing cp="0378" char="\u0378"/></p>')


def test_bad_tei_fails_with_file_and_line_and_leaves_no_pdf(tmp_path: Path,
                                                             capsys: pytest.CaptureFixture[str]) -> None:
    source = make_edition(tmp_path / "tei")
    (source / "900009.xml").write_text('<?xml version="1.0"?>\n<TEI xmlns="http://www.tei-c.org/ns/1.0">\n<teiHeader>\n</TEI>\n')
    out = tmp_path / "build"
    code = main(["build", str(source), "-o", str(out), "--only", "pdf", "-j", "1"])
    err = capsys.readouterr().err
    assert code == 1
    assert f"{source / '900009.xml'}:4" in err and "not well-formed" in err
    assert "Traceback" not in err
    assert not (out / "pdf" / "900009.pdf").exists()
    assert not list(out.rglob("*.tmp"))


def test_not_tei_is_refused(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    source = make_edition(tmp_path / "tei")
    (source / "900010.xml").write_text("<html><body>no TEI</body></html>")
    build = ["build", str(source), "-o", str(tmp_path / "build"), "--only", "pdf", "-j", "1"]
    # The build validates first: the invalid file is named and nothing is published.
    assert main(build) == 1
    err = capsys.readouterr().err
    assert "900010.xml:1:" in err and "nothing was published" in err
    assert not (tmp_path / "build" / "pdf").exists()
    # Told not to validate, the print builder still refuses what is not TEI.
    assert main([*build, "--no-validate"]) == 1
    assert "not a TEI document" in capsys.readouterr().err


def test_only_changed_documents_are_rebuilt(tmp_path: Path) -> None:
    source = make_edition(tmp_path / "tei", FIXTURES / "900003.xml")
    config = BuildConfig(source_dir=source, output_dir=tmp_path / "build")
    first = run_builder(PdfBuilder, config)
    assert sorted(first.rebuilt) == ["116488", "900003"]
    volume = tmp_path / "build" / "pdf" / "edition.pdf"
    stamp = volume.stat().st_mtime_ns
    again = run_builder(PdfBuilder, config)
    assert again.rebuilt == () and again.written == ()
    assert volume.stat().st_mtime_ns == stamp
    changed = (source / "900003.xml").read_text("utf-8").replace("HUNGARIAN:", "MAGYAR:")
    (source / "900003.xml").write_text(changed, "utf-8")
    third = run_builder(PdfBuilder, config)
    assert third.rebuilt == ("900003",)
    assert volume in third.written
    assert "MAGYAR:" in " ".join(page_texts(PdfReader(volume)))
    shutil.rmtree(tmp_path / "build" / "pdf" / "print-xml")  # the volume's cache is rebuilt if lost
    (source / "116488.xml").touch()
    fourth = run_builder(PdfBuilder, BuildConfig(source_dir=source, output_dir=tmp_path / "build",
                                                 edition_title="Another title"))
    assert sorted(fourth.rebuilt) == ["116488", "900003"]  # configuration is part of the hash
    assert PdfReader(volume).metadata.title == "Another title"  # type: ignore[union-attr]


def test_mark_missing_reaches_text_after_an_earlier_mark() -> None:
    once = mark_missing("<p>a\u0378b\u0379c</p>", {"\u0378"})
    twice = mark_missing(once, {"\u0378", "\u0379"})
    assert twice == ('<p>a<missing cp="0378" char="\u0378"/>b<missing cp="0379" char="\u0379"/>c</p>')


def test_a_missing_font_folder_is_a_usage_error(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    source = make_edition(tmp_path / "tei")
    code = main(["build", str(source), "-o", str(tmp_path / "build"), "--only", "pdf", "-j", "1",
                 "--font-dir", str(tmp_path / "no-such-fonts")])
    assert code == 2
    assert "no-such-fonts does not exist" in capsys.readouterr().err
    assert not (tmp_path / "build" / "pdf" / "116488.pdf").exists()



def test_a_document_removed_from_the_edition_leaves_the_print_edition(tmp_path: Path) -> None:
    source = make_edition(tmp_path / "tei", FIXTURES / "900003.xml")
    config = BuildConfig(source_dir=source, output_dir=tmp_path / "build")
    run_builder(PdfBuilder, config)
    pdf = tmp_path / "build" / "pdf" / "900003.pdf"
    volume_pdf = tmp_path / "build" / "pdf" / "edition.pdf"
    assert pdf.is_file() and "900003" in " ".join(page_texts(PdfReader(volume_pdf)))
    (source / "900003.xml").unlink()
    run_builder(PdfBuilder, config)
    assert not pdf.exists()
    assert not (tmp_path / "build" / "pdf" / "print-xml" / "900003.xml").exists()
    assert (tmp_path / "build" / "pdf" / "116488.pdf").is_file()
    assert "900003" not in " ".join(page_texts(PdfReader(volume_pdf)))

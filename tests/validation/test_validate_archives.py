"""The edition's rules on documents of other archives (FRUS imports): no false warnings, true ones kept.

Each test edits a copy of the sample the way an imported document differs from a converted one
(an idno of another archive, enclosures with their own datelines, register identifiers of the
source edition) and checks that the real validator (project XSD and Schematron) still reports a
real problem and nothing else.
"""

from __future__ import annotations

import shutil
from pathlib import Path

from toolkit.errors import Diagnostic, Severity
from toolkit.validation import validate

ROOT = Path(__file__).resolve().parents[2]
WCDA_IDNO = '<idno type="WCDA">116488</idno>'
WCDA_URI = '<idno type="URI">https://wilson-center.drivingcreative.com/document/116488</idno>'
FRUS_IDNO = ('<idno type="FRUS">frus1894Nicaragua/d2</idno>\n        '
             '<idno type="URI">https://history.state.gov/historicaldocuments/frus1894Nicaragua/d2</idno>')
DIV = '<div type="translation">'


def edition(tmp_path: Path, name: str, *edits: tuple[str, str]) -> Path:
    """A copy of the sample edition whose document, edited, is stored as `name`."""
    folder = tmp_path / "tei"
    shutil.copytree(ROOT / "tei" / "registers", folder / "registers")
    text = (ROOT / "tei" / "116488.xml").read_text(encoding="utf-8")
    for old, new in edits:
        assert text.count(old) == 1, old
        text = text.replace(old, new)
    (folder / name).write_text(text, encoding="utf-8")
    return folder


def problems(folder: Path) -> list[Diagnostic]:
    """What the validator reports, but for the copy's xml-model PIs (they point to ../schemas)."""
    return [d for d in validate([folder]) if d.rule != "tk-xml-model"]


def rules(found: list[Diagnostic]) -> list[tuple[Severity, str | None]]:
    return [(d.severity, d.rule) for d in found]


def frus(tmp_path: Path, name: str = "frus1894Nicaragua-d2.xml", *edits: tuple[str, str]) -> Path:
    return edition(tmp_path, name, (f"{WCDA_IDNO}\n        {WCDA_URI}", FRUS_IDNO), *edits)


def test_another_archives_number_is_the_document_number(tmp_path: Path) -> None:
    assert problems(frus(tmp_path)) == []


def test_a_number_that_does_not_match_the_file_name_is_still_an_error(tmp_path: Path) -> None:
    found = problems(frus(tmp_path, "frus1894Nicaragua-d3.xml"))
    assert rules(found) == [(Severity.ERROR, "tk-docnum-file")]
    assert "frus1894Nicaragua/d2" in found[0].message and "frus1894Nicaragua-d2.xml" in found[0].message
    assert found[0].line == 27  # the publicationStmt


def test_no_number_at_all_and_two_numbers_of_one_archive(tmp_path: Path) -> None:
    found = problems(edition(tmp_path, "116488.xml", (f"{WCDA_IDNO}\n", "")))
    assert rules(found) == [(Severity.WARNING, "tk-docnum-present")]
    shutil.rmtree(tmp_path / "tei")
    found = problems(frus(tmp_path, "frus1894Nicaragua-d2.xml",
                          ("</publicationStmt>", '  <idno type="FRUS">frus1894Nicaragua/d9</idno>\n      </publicationStmt>')))
    assert rules(found) == [(Severity.ERROR, "tk-docnum-single")]


def test_a_url_that_does_not_end_with_another_archives_number(tmp_path: Path) -> None:
    found = problems(frus(tmp_path, "frus1894Nicaragua-d3.xml",
                          ('"FRUS">frus1894Nicaragua/d2<', '"FRUS">frus1894Nicaragua/d3<')))
    assert rules(found) == [(Severity.WARNING, "tk-docnum-uri")]
    assert "does not end with the document number frus1894Nicaragua/d3" in found[0].message


# the document's own text in div type="main", then an enclosure with its own dateline, as imports write it
MAIN = (DIV, f'{DIV}<div type="main">')
ENCLOSURE = ('<div type="attachment"><opener><dateline>Navy Department, <date when="{when}">{when}</date>'
             '</dateline></opener><p>An enclosure.</p></div>\n      </div>\n    </body>')
OWN_DATELINE = f'{DIV}<opener><dateline>Pyongyang, <date when="{{when}}">{{when}}</date></dateline></opener><div type="main">'


def test_an_enclosures_dateline_is_not_the_documents_date(tmp_path: Path) -> None:
    enclosure = ("</div>\n    </body>", "</div>" + ENCLOSURE.format(when="1964-12-20"))
    assert problems(edition(tmp_path, "116488.xml", MAIN, enclosure)) == []


def test_the_documents_own_dateline_is_still_compared(tmp_path: Path) -> None:
    own = (DIV, OWN_DATELINE.format(when="1965-01-09"))
    enclosure = ("</div>\n    </body>", "</div>" + ENCLOSURE.format(when="1964-12-20"))
    found = problems(edition(tmp_path, "116488.xml", own, enclosure))
    assert rules(found) == [(Severity.WARNING, "tk-date-dateline")]
    assert "1965-01-09" in found[0].message and "1965-01-08" in found[0].message
    shutil.rmtree(tmp_path / "tei")
    agreeing = (DIV, OWN_DATELINE.format(when="1965-01-08"))
    assert problems(edition(tmp_path, "116488.xml", agreeing, enclosure)) == []


def test_register_entries_keep_the_frus_identifier_they_came_from(tmp_path: Path) -> None:
    folder = edition(tmp_path, "116488.xml")
    persons = folder / "registers" / "persons.xml"
    text = persons.read_text(encoding="utf-8")
    frus_idno = '<idno type="FRUS">https://history.state.gov/historicaldocuments/frus1894Nicaragua/persons#p_GWQ1</idno>'
    persons.write_text(text.replace('<idno type="Wikidata">Q39464</idno>', frus_idno, 1), encoding="utf-8")
    assert problems(folder) == []
    persons.write_text(text.replace('<idno type="Wikidata">Q39464</idno>', '<idno type="Nobody">x</idno>', 1),
                       encoding="utf-8")
    assert rules(problems(folder)) == [(Severity.WARNING, "tk-reg-idno-type")]

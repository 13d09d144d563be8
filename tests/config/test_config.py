"""teikit.toml: read by build, serve, export and validate; part of the build hash; bad values
are errors naming the key and its line, with nothing built."""

from __future__ import annotations

import shutil
from pathlib import Path

import httpx
import pytest
from lxml import etree

from edition_cli import serving, teikit
from teitest import ROOT, assert_tei_all
from toolkit.cli import main
from toolkit.config import EditionConfig, config_for, find_config, key_lines, load_config

OAI = {"oai": "http://www.openarchives.org/OAI/2.0/"}
TEI = {"tei": "http://www.tei-c.org/ns/1.0"}

CONFIG = """\
title = "Letters from Pyongyang"
subtitle = "Hungarian reports, 1965"
publisher = "The Test Archive"
year = 2025
base_url = "https://letters.example.org/html"
languages = ["en", "hu"]
date_format = "month-day-year"
funders = ["The Test Foundation"]
about = "about.md"

[[editors]]
name = "Ada Editor"
role = "general editor"

[[editors]]
name = "Bo Second"

[licence]
name = "CC BY 4.0"
url = "https://creativecommons.org/licenses/by/4.0/"

[oai]
repository_id = "letters.example.org"
admin_email = "archive@letters.example.org"
"""


def edition(folder: Path, config: str | None = CONFIG) -> Path:
    """An edition root: the sample document and registers in tei/, teikit.toml beside it."""
    shutil.copytree(ROOT / "tei", folder / "tei")
    (folder / "about.md").write_text("# About\n\nA test edition.\n", "utf-8")
    if config is not None:
        (folder / "teikit.toml").write_text(config, "utf-8")
    return folder


def test_the_sample_edition_has_its_configuration() -> None:
    found = find_config(ROOT / "tei")
    assert found == ROOT / "teikit.toml"
    config = load_config(found)
    assert config.title == "teikit sample edition"
    assert config.editors and config.publisher and config.year
    assert config.about is not None and config.about.is_file()


def test_no_file_keeps_the_behaviour_before_configuration(tmp_path: Path) -> None:
    (tmp_path / "tei").mkdir()
    config = config_for(tmp_path / "tei")
    assert config == EditionConfig()
    assert config.title == "teikit sample edition"
    assert config.oai.admin_email == "editors@example.org" and config.languages == ("en",)


def test_a_full_configuration_is_read(tmp_path: Path) -> None:
    config = load_config(edition(tmp_path) / "teikit.toml")
    assert [(e.name, e.role) for e in config.editors] == [("Ada Editor", "general editor"),
                                                          ("Bo Second", "editor")]
    assert config.languages == ("en", "hu") and config.year == 2025
    assert config.date_picture == "[MNn] [D], [Y]"
    assert config.repository_name == "Letters from Pyongyang"
    assert config.about == (tmp_path / "about.md").resolve()
    assert config.citation_style == "chicago", "the default: the cite box's form before the key"


@pytest.mark.parametrize(("old", "new", "line", "words"), [
    ('year = 2025', 'year = "2025"', 4, "year: expected a four-digit year"),
    ('languages = ["en", "hu"]', 'languages = ["en", "Hungarian!"]', 6, "languages[1]"),
    ('date_format = "month-day-year"', 'date_format = "long"', 7, "date_format: 'long' is not one of"),
    ('about = "about.md"', 'about = "missing.md"', 9, "about: 'missing.md': no such file"),
    ('base_url = "https://letters.example.org/html"', 'base_url = "javascript:alert(1)"', 5,
     "base_url: 'javascript:alert(1)' is not an http(s) address"),
    ('name = "Bo Second"', 'role = "nobody"', 15, "editors[1].name: required but missing"),
    ('name = "CC BY 4.0"', 'nmae = "CC BY 4.0"', 19, "licence.nmae: unknown key"),
    ('admin_email = "archive@letters.example.org"', 'admin_email = "nobody"', 24,
     "oai.admin_email: 'nobody' is not an e-mail address"),
    ('subtitle = "Hungarian reports, 1965"', 'subtitle = "unclosed', 2, "not valid TOML"),
    ('funders = ["The Test Foundation"]', 'titel = "typo"', 8, "titel: unknown key"),
    ('funders = ["The Test Foundation"]', 'citation_style = "mla"', 8,
     "citation_style: 'mla' is not one of chicago, apa"),
])
def test_a_bad_value_is_an_error_at_its_key_and_line_and_nothing_is_built(
        tmp_path: Path, capsys: pytest.CaptureFixture[str], old: str, new: str, line: int,
        words: str) -> None:
    assert old in CONFIG
    folder = edition(tmp_path, CONFIG.replace(old, new))
    out = tmp_path / "build"
    assert main(["build", str(folder / "tei"), "-o", str(out), "--only", "html"]) == 1
    error = capsys.readouterr().err.strip().splitlines()
    assert len(error) == 1, error
    assert error[0].startswith(f"{folder / 'teikit.toml'}:{line}:"), error[0]
    assert words in error[0]
    assert not out.exists()
    # the validator refuses the same file, at the same line
    assert main(["validate", str(folder / "tei")]) == 1
    assert f"teikit.toml:{line}:" in capsys.readouterr().err


def test_key_lines_follow_tables_arrays_and_dotted_keys() -> None:
    text = ('a = 1\nb.c = "x"\ns = """\nfake = 1\n"""\n[[t]]\nn = 1\n[[t]]\n'
            '# comment\nn = 2\n[ u ]\n"quoted" = 3\n')
    lines = key_lines(text)
    assert lines[("a",)] == 1 and lines[("b", "c")] == 2
    assert ("fake",) not in lines  # inside a multi-line string
    assert lines[("t", 0, "n")] == 7 and lines[("t", 1, "n")] == 10 and lines[("t", 1)] == 8
    assert lines[("u", "quoted")] == 12


def test_the_build_uses_the_configuration_and_rebuilds_when_it_changes(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    folder = edition(tmp_path)
    out = tmp_path / "build"
    command = ["build", str(folder / "tei"), "-o", str(out), "--only", "html", "-j", "1"]
    assert main(command) == 0
    index = (out / "html" / "index.html").read_text("utf-8")
    assert "Letters from Pyongyang" in index and "teikit sample edition" not in index
    page = (out / "html" / "116488.html").read_text("utf-8")
    assert "https://letters.example.org/html/116488.html" in page  # the configured base URL
    assert '<time datetime="1965-01-08">January 8, 1965</time>' in page  # date_format
    capsys.readouterr()
    assert main(command) == 0
    assert "html: 0 rebuilt, 1 up to date" in capsys.readouterr().out
    # a change to any value, or to a text the configuration names, rebuilds everything
    toml = folder / "teikit.toml"
    toml.write_text(toml.read_text("utf-8").replace('"Bo Second"', '"Bo Third"'), "utf-8")
    assert main(command) == 0
    assert "html: 1 rebuilt, 0 up to date" in capsys.readouterr().out
    (folder / "about.md").write_text("# About\n\nChanged.\n", "utf-8")
    assert main(command) == 0
    assert "html: 1 rebuilt, 0 up to date" in capsys.readouterr().out


def test_an_explicit_config_file_wins_and_a_missing_one_is_an_error(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    folder = edition(tmp_path)
    other = tmp_path / "other.toml"
    other.write_text('title = "Another title"\n', "utf-8")
    out = tmp_path / "build"
    assert main(["build", str(folder / "tei"), "-o", str(out), "--only", "html", "-j", "1",
                 "--config", str(other)]) == 0
    assert "Another title" in (out / "html" / "index.html").read_text("utf-8")
    assert main(["build", str(folder / "tei"), "-o", str(out), "--config",
                 str(tmp_path / "nope.toml")]) == 1
    assert "nope.toml: error: no such configuration file" in capsys.readouterr().err


def test_the_corpus_export_carries_the_edition_header(tmp_path: Path, tei_all: etree.RelaxNG) -> None:
    folder = edition(tmp_path)
    out = tmp_path / "export"
    assert main(["export", "--to", "tei-corpus", str(folder / "tei"), "-o", str(out)]) == 0
    corpus = etree.parse(str(out / "corpus.xml"))
    assert_tei_all(tei_all, corpus)
    header = corpus.find("tei:teiHeader", TEI)
    assert header is not None
    assert header.findtext(".//tei:title[@type='main']", namespaces=TEI) == \
        "Letters from Pyongyang: the edition as one teiCorpus"
    assert header.findtext(".//tei:publisher", namespaces=TEI) == "The Test Archive"
    assert ["Ada Editor", "Bo Second"] == header.xpath(
        ".//tei:respStmt[tei:resp != 'export']/tei:name/text()", namespaces=TEI)
    assert header.xpath("string(.//tei:availability/tei:p[1]/tei:ref/@target)", namespaces=TEI) == \
        "https://creativecommons.org/licenses/by/4.0/"
    assert corpus.getroot().get("{http://www.w3.org/XML/1998/namespace}lang") == "en"


def test_oai_identify_comes_from_the_configuration(tmp_path: Path) -> None:
    folder = edition(tmp_path, CONFIG.replace('admin_email', 'base_url = "https://letters.example.org/oai"\nadmin_email'))
    with serving([str(folder / "tei")], tmp_path) as base:
        response = httpx.get(base + "/oai", params={"verb": "Identify"}, timeout=30)
    identify = etree.fromstring(response.content).find("oai:Identify", OAI)
    assert identify is not None
    assert identify.findtext("oai:repositoryName", namespaces=OAI) == "Letters from Pyongyang"
    assert identify.findtext("oai:adminEmail", namespaces=OAI) == "archive@letters.example.org"
    assert identify.findtext("oai:baseURL", namespaces=OAI) == "https://letters.example.org/oai"


def test_the_title_page_names_the_editors_publisher_year_and_licence(tmp_path: Path) -> None:
    from pypdf import PdfReader
    folder = edition(tmp_path)
    out = tmp_path / "build"
    assert main(["build", str(folder / "tei"), "-o", str(out), "--only", "pdf", "-j", "1"]) == 0
    reader = PdfReader(out / "pdf" / "edition.pdf")
    title_page = " ".join(reader.pages[0].extract_text().split())
    for words in ("Letters from Pyongyang", "Hungarian reports, 1965", "Ada Editor, general editor",
                  "Bo Second, editor", "The Test Archive, 2025", "Licence: CC BY 4.0",
                  "Funded by The Test Foundation."):
        assert words in title_page, (words, title_page)
    assert reader.metadata is not None and reader.metadata.author == "Ada Editor, Bo Second"
    document = " ".join(PdfReader(out / "pdf" / "116488.pdf").pages[0].extract_text().split())
    assert "January 8, 1965" in document  # date_format = "month-day-year"


def test_the_print_edition_writes_dates_as_configured(tmp_path: Path) -> None:
    from pypdf import PdfReader
    folder = edition(tmp_path, CONFIG.replace("month-day-year", "iso"))
    out = tmp_path / "build"
    assert main(["build", str(folder / "tei"), "-o", str(out), "--only", "pdf", "-j", "1"]) == 0
    document = " ".join(PdfReader(out / "pdf" / "116488.pdf").pages[0].extract_text().split())
    assert "1965-01-08" in document and "January 8, 1965" not in document

"""Reports without the export's Markdown, or without any metadata block, are converted.

A plain-text copy of the archive's page loses the bold of its date, title and labels; a
translator's own text or Word file has no metadata block at all. Both were refused ("no
metadata block"): a whole document lost for its markup. Now the plain form reads as the bold
one (the same TEI), and a text without a block is converted as it stands, its header made
from copies of its own lines, each choice a review entry (issue #10).
"""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

from converter_support import ROOT, assert_valid
from lxml import etree

NS = {"tei": "http://www.tei-c.org/ns/1.0"}
SAMPLE = (ROOT / "sources" / "wilson-116488.txt").read_text(encoding="utf-8")


def convert(tmp_path: Path, name: str, data: str | bytes, out: Path | None = None
            ) -> tuple[subprocess.CompletedProcess[str], Path]:
    source = tmp_path / name
    if isinstance(data, str):
        source.write_text(data, encoding="utf-8")
    else:
        source.write_bytes(data)
    out = out or tmp_path / f"out-{Path(name).stem}"
    result = subprocess.run(
        [sys.executable, "-m", "toolkit", "convert", str(source), "-o", str(out), "-j", "1",
         "--registers", str(ROOT / "tei" / "registers"), "--change-date", "2026-11-27"],
        capture_output=True, text=True, cwd=ROOT, timeout=120)
    return result, out


def single(out: Path) -> etree._ElementTree:
    files = sorted(out.glob("*.xml"))
    assert len(files) == 1, files
    return etree.parse(str(files[0]))


def without_source_name(tree: etree._ElementTree) -> bytes:
    text = etree.tostring(tree)
    return re.sub(rb"Converted from [^ ]+ ", b"Converted from X ", text)


def test_the_sample_without_bold_gives_the_samples_tei(tmp_path: Path) -> None:
    bold, out_bold = convert(tmp_path, "bold.txt", SAMPLE)
    plain, out_plain = convert(tmp_path, "plain.txt", SAMPLE.replace("**", ""))
    assert bold.returncode == 0 and plain.returncode == 0, plain.stderr
    assert without_source_name(single(out_plain)) == without_source_name(single(out_bold))
    assert "header: the metadata block is not in bold" in plain.stderr
    assert "not in bold" not in bold.stderr


def test_plain_labels_one_per_line_or_with_their_value_and_no_blank_lines(tmp_path: Path) -> None:
    dense = SAMPLE.replace("**", "").replace("Original Language:\n\nHungarian",
                                             "Original Language: Hungarian")
    dense = "\n".join(line for line in dense.split("\n") if line.strip())
    _, out_bold = convert(tmp_path, "bold.txt", SAMPLE)
    result, out = convert(tmp_path, "dense.txt", dense)
    assert result.returncode == 0, result.stderr
    assert without_source_name(single(out)) == without_source_name(single(out_bold))


def test_a_label_in_the_body_is_not_read_as_metadata(tmp_path: Path) -> None:
    text = SAMPLE.replace("**", "").replace(
        "In mid-December", "Summary: what follows is the ambassador's account.\n\nIn mid-December")
    result, out = convert(tmp_path, "body-label.txt", text)
    assert result.returncode == 0, result.stderr
    tree = single(out)
    abstract = " ".join(tree.xpath("string(//tei:abstract)", namespaces=NS).split())
    assert "The Hungarian Embassy to North Korea reports" in abstract
    assert "ambassador's account" not in abstract
    body = " ".join(tree.xpath("string(//tei:body)", namespaces=NS).split())
    assert "Summary: what follows is the ambassador's account." in body


NOTE = """MINISTRY OF FOREIGN AFFAIRS
Fourth Department

Strictly confidential

Note on a conversation with the Counsellor of the Embassy of Romania, Comrade Ion Popescu, on 3 March 1962

On 3 March I received Comrade Popescu at his request. He said the delegation would arrive on the 12th.
I asked whether the Romanian side had been informed officially. He replied that it had not.

Berlin, 5 March 1962
                                   K. Schulze
                                   Attaché
"""


def words(text: str) -> list[str]:
    return re.findall(r"\w+", text)


def projected(out: Path) -> str:
    """The TEI's plain-text projection (`teikit text`), which gives back the source's lines."""
    files = sorted(out.glob("*.xml"))
    result = subprocess.run([sys.executable, "-m", "toolkit", "text", str(files[0])],
                            capture_output=True, text=True, cwd=ROOT, timeout=120, check=True)
    return result.stdout


def test_a_text_without_a_metadata_block_is_converted_as_it_stands(tmp_path: Path,
                                                                  tei_all: etree.RelaxNG) -> None:
    out = tmp_path / "edition" / "tei"
    out.mkdir(parents=True)
    (tmp_path / "edition" / "teikit.toml").write_text(
        'title = "Test edition"\npublisher = "The Test Archive"\n', encoding="utf-8")
    result, out = convert(tmp_path, "note-popescu.txt", NOTE, out)
    assert result.returncode == 0, result.stderr
    tree = single(out)
    assert_valid(tei_all, tree)
    title = tree.xpath("string(//tei:titleStmt/tei:title)", namespaces=NS)
    assert title.startswith("Note on a conversation with the Counsellor")
    date = tree.xpath("//tei:profileDesc/tei:creation/tei:date", namespaces=NS)[0]
    assert date.get("when") == "1962-03-03"
    assert tree.xpath("string(//tei:publicationStmt/tei:authority)", namespaces=NS) == "The Test Archive"
    assert not tree.xpath("//tei:distributor | //tei:sourceDesc/tei:bibl", namespaces=NS)
    assert "without the archive's metadata block" in tree.xpath("string(//tei:sourceDesc/tei:p)",
                                                                  namespaces=NS)
    assert re.search(r"note-popescu\.txt:1: header: no metadata block .* title from line 6 and "
                     r"the date '3 March 1962' from line 6", result.stderr), result.stderr
    # nothing is taken out of the text: the header holds copies
    assert words(projected(out)) == words(NOTE)
    check = subprocess.run([sys.executable, "-m", "toolkit", "validate", str(out)],
                           capture_output=True, text=True, cwd=ROOT, timeout=120)
    assert check.returncode == 0, check.stdout + check.stderr


def test_a_text_without_a_title_or_date_is_untitled_and_undated(tmp_path: Path) -> None:
    text = ("We met at nine. The talks went on until noon, and nothing was agreed.\n"
            "The minister left for the airport at once.\n")
    result, out = convert(tmp_path, "fragment.txt", text)
    assert result.returncode == 0, result.stderr
    tree = single(out)
    assert tree.xpath("string(//tei:titleStmt/tei:title)", namespaces=NS) == "Untitled: fragment.txt"
    assert not tree.xpath("//tei:creation/tei:date", namespaces=NS)
    assert "the file name as its title and no date (undated)" in result.stderr
    assert tree.xpath("string(//tei:publicationStmt/tei:authority)", namespaces=NS)
    assert words(projected(out)) == words(text)


def test_a_word_file_without_a_metadata_block_is_converted(tmp_path: Path,
                                                          tei_all: etree.RelaxNG) -> None:
    import docx

    document = docx.Document()
    for line in NOTE.split("\n"):
        if line.strip():
            document.add_paragraph(line.strip())
    path = tmp_path / "note.docx"
    document.save(str(path))
    result, out = convert(tmp_path, "note.docx", path.read_bytes())
    assert result.returncode == 0, result.stderr
    tree = single(out)
    assert_valid(tei_all, tree)
    assert tree.xpath("string(//tei:titleStmt/tei:title)", namespaces=NS).startswith("Note on a conversation")
    assert tree.xpath("//tei:creation/tei:date/@when", namespaces=NS) == ["1962-03-03"]
    assert words(projected(out)) == words(NOTE)

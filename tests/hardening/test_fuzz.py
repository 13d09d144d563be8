"""Issue 14: a bounded, seeded fuzz harness over the text reader, the DOCX package reader,
import and validate. Whatever the mutation: no internal error (exit 3), no hang (an alarm per
example), and no word of the input lost without a warning.

Hypothesis runs derandomized (the same examples on every run) with a small budget, so the
whole file stays well under two minutes; raise TEIKIT_FUZZ_EXAMPLES to search longer."""

from __future__ import annotations

import io
import os
import re
import signal
import sys
import zipfile
from collections.abc import Iterator
from contextlib import contextmanager, redirect_stderr, redirect_stdout
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from lxml import etree

from teitest import ROOT
from toolkit.cli import main

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "docx"))
from docx_fixtures import metadata_paragraphs_docx  # noqa: E402

EXAMPLES = int(os.environ.get("TEIKIT_FUZZ_EXAMPLES", "12"))
FUZZ = settings(max_examples=EXAMPLES, deadline=None, derandomize=True, database=None,
                suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])
SOURCE = (ROOT / "sources" / "wilson-116488.txt").read_text("utf-8")
SAMPLE = (ROOT / "tei" / "116488.xml").read_text("utf-8")
LETTER = (ROOT / "tests" / "exchange" / "fixtures" / "letter.xml").read_text("utf-8")
REGISTERS = str(ROOT / "tei" / "registers")
WORD = re.compile(r"[^\W\d_]{4,}")
TEXT_PIECES = ["[", "]", "[...]", "[sic]", "**", "*", "_", "\n", "\n\n", "<", ">", "&", "^1", "[^1]",
               "Summary:", "**Contents:**", "\u200b", "\u0000", "\ufeff", "(", ")", "http://x.org/a",
               "javascript:alert(1)", "January 8, 1965", "—", "“", "\t", " " * 5]
XML_PIECES = ["<", ">", "&", "&amp;", "<p>", "</p>", "<lb/>", "<hi>x</hi>", "<!-- c -->",
              "<?pi x?>", "<![CDATA[x]]>", ' xml:id="a"', ' ref="#x"', "<note>n</note>", "\u0085",
              '<ref target="javascript:alert(1)">x</ref>', "<zzz/>", "&#x0;", "]]>", "<TEI>"]


class Hang(Exception):
    pass


@contextmanager
def alarm(seconds: int) -> Iterator[None]:
    def ring(_signum: int, _frame: object) -> None:
        raise Hang(f"no answer within {seconds} s")
    previous = signal.signal(signal.SIGALRM, ring)
    signal.alarm(seconds)
    try:
        yield
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, previous)


def command(*args: str) -> tuple[int, str]:
    out, err = io.StringIO(), io.StringIO()
    with alarm(60), redirect_stdout(out), redirect_stderr(err):
        code = main(list(args))
    text = out.getvalue() + err.getvalue()
    assert code in (0, 1), f"exit {code}:\n{text[-2000:]}"
    assert "internal error" not in text and "Traceback" not in text, text[-2000:]
    return code, text


def mutate(text: str, edits: list[tuple[float, str, int]]) -> str:
    for where, piece, remove in edits:
        at = int(where * len(text))
        text = text[:at] + piece + text[at + remove:]
    return text


def edits(pieces: list[str]) -> st.SearchStrategy[list[tuple[float, str, int]]]:
    return st.lists(st.tuples(st.floats(0, 1), st.sampled_from(pieces) | st.text(max_size=8),
                              st.integers(0, 3)), min_size=1, max_size=6)


def words(text: str) -> set[str]:
    return set(WORD.findall(text))


def tei_words(path: Path) -> set[str]:
    tree = etree.parse(str(path))
    found = words(" ".join(str(t) for t in tree.getroot().itertext()))
    for node in tree.iter():  # words kept as attribute values (dates, languages, keys)
        if isinstance(node.tag, str):
            found |= words(" ".join(str(v) for v in node.attrib.values()))
    return found


def converted_words(text: str, folder: Path) -> tuple[int, str, set[str]]:
    folder.mkdir(parents=True, exist_ok=True)
    source = folder / "report-116488.txt"
    source.write_text(text, "utf-8")
    out = folder / "tei"
    code, output = command("convert", str(source), "-o", str(out), "--registers", REGISTERS)
    made = list(out.glob("*.xml")) if out.is_dir() else []
    return code, output, tei_words(made[0]) if made else set()


@pytest.fixture(scope="module")
def baseline(tmp_path_factory: pytest.TempPathFactory) -> set[str]:
    """Words of the sample that the converter rightly keeps nowhere as text (labels)."""
    code, _output, kept = converted_words(SOURCE, tmp_path_factory.mktemp("baseline"))
    assert code == 0
    return words(SOURCE) - kept


@FUZZ
@given(change=edits(TEXT_PIECES))
def test_text_reader(change: list[tuple[float, str, int]], tmp_path_factory: pytest.TempPathFactory,
                     baseline: set[str]) -> None:
    text = mutate(SOURCE, change)
    code, output, kept = converted_words(text, tmp_path_factory.mktemp("text"))
    if code == 0:
        lost = words(text) - kept - baseline - words("".join(p for _w, p, _r in change))
        warned = ": warning: " in output or ": error: " in output or "review" in output
        assert not lost or warned, f"words lost without a warning: {sorted(lost)[:20]}"


@pytest.fixture(scope="module")
def good_docx(tmp_path_factory: pytest.TempPathFactory) -> bytes:
    path = tmp_path_factory.mktemp("docx") / "report-900001.docx"
    metadata_paragraphs_docx(path, ["In mid-December Comrade Moskovsky returned from Moscow.", "József"])
    return path.read_bytes()


@FUZZ
@given(flips=st.lists(st.tuples(st.floats(0, 1), st.integers(0, 255)), min_size=1, max_size=8),
       cut=st.none() | st.floats(0.5, 1))
def test_docx_package_reader(flips: list[tuple[float, int]], cut: float | None, good_docx: bytes,
                             tmp_path_factory: pytest.TempPathFactory) -> None:
    data = bytearray(good_docx)
    for where, value in flips:
        data[min(len(data) - 1, int(where * len(data)))] = value
    if cut is not None:
        data = data[:int(cut * len(data))]
    folder = tmp_path_factory.mktemp("docx-fuzz")
    source = folder / "report-900001.docx"
    source.write_bytes(bytes(data))
    command("convert", str(source), "-o", str(folder / "tei"), "--registers", REGISTERS)


@FUZZ
@given(member=st.sampled_from(["word/document.xml", "word/styles.xml", "[Content_Types].xml",
                               "word/_rels/document.xml.rels"]), change=edits(XML_PIECES))
def test_docx_parts(member: str, change: list[tuple[float, str, int]], good_docx: bytes,
                    tmp_path_factory: pytest.TempPathFactory) -> None:
    """Mutated XML inside a well-formed zip: the reader's XML side."""
    with zipfile.ZipFile(io.BytesIO(good_docx)) as package:
        parts = {info.filename: package.read(info) for info in package.infolist()}
    if member in parts:
        parts[member] = mutate(parts[member].decode("utf-8"), change).encode("utf-8")
    folder = tmp_path_factory.mktemp("docx-parts")
    source = folder / "report-900001.docx"
    with zipfile.ZipFile(source, "w", zipfile.ZIP_DEFLATED) as package:
        for name, content in parts.items():
            package.writestr(name, content)
    command("convert", str(source), "-o", str(folder / "tei"), "--registers", REGISTERS)


@FUZZ
@given(change=edits(XML_PIECES))
def test_import(change: list[tuple[float, str, int]], tmp_path_factory: pytest.TempPathFactory) -> None:
    folder = tmp_path_factory.mktemp("import")
    source = folder / "letter.xml"
    source.write_text(mutate(LETTER, change), "utf-8")
    command("import", str(source), "-o", str(folder / "out"), "-j", "1")


@FUZZ
@given(change=edits(XML_PIECES))
def test_validate(change: list[tuple[float, str, int]], tmp_path_factory: pytest.TempPathFactory) -> None:
    folder = tmp_path_factory.mktemp("validate")
    source = folder / "116488.xml"
    source.write_text(mutate(SAMPLE, change), "utf-8")
    code, output = command("validate", "--no-declared", str(source))
    for line in output.splitlines():  # every message one line: file:line:col: severity: ...
        if line.startswith(str(source)):
            assert re.match(rf"{re.escape(str(source))}:\d+:\d+: (error|warning|info): ", line), line

"""Held-out evaluation of issue #10: invented reports in the real layouts of the archive's
exports, converted through the real CLI, each against expectations written by hand from
`../shared/editorial-conventions.md` (section "Layouts of real exports"), not from the
converter's output.

Every report in `layouts/NAME.txt` has `layouts/NAME.expect.json`:

- `output`: the file names the converter may write (more than one where the conventions allow
  a choice, e.g. a slug or a Record ID);
- `min_p`: the least number of `p` the body must have (one per source paragraph);
- `warnings`: `{"contains", "line"}`: a diagnostic of the convert run (warning or review entry)
  naming this file and line and containing one of the substrings (case-insensitive);
- `joined_lines`: source lines that may continue the projection's previous paragraph, with why
  (a bracket laid out over several lines is one element);
- `column_lines`: `{"lines": [FIRST, LAST], "what"}`: a block of two columns (fields apart by
  runs of three spaces or more) that is read column by column: the words and lines of its left
  column first, then its right column's, the order the projection must give them in;
- `projection_contains`: strings the projection must hold (characters the word comparison
  ignores, such as an unbalanced bracket, which must be kept);
- `assertions`: XPath 1.0 on the TEI (prefix `tei`), each with `what`; with `equals` the result
  must equal it, without it the result must be true (a number other than 0, a non-empty set).

Each (report, check) is its own test id, so a run counts how many hold. The corpus is converted
once, in one `teikit convert` call (so two reports of one series that would get the same number
show up), then validated once; the projection is `teikit text FILE`.
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest
from converter_support import CONTENTS_VALUE
from lxml import etree

from teitest import ROOT, assert_tei_all

LAYOUTS = Path(__file__).resolve().parent / "layouts-pending"
REPORTS = sorted(LAYOUTS.glob("*.txt"))
NS = {"tei": "http://www.tei-c.org/ns/1.0"}

# Checks every report must pass, whatever its layout (the conventions' "nothing empty" and
# "footnote references are notes, never supplied text").
COMMON: tuple[dict[str, Any], ...] = (
    {"xpath": "count(//tei:teiHeader//*[self::tei:title or self::tei:note or self::tei:p or "
              "self::tei:idno or self::tei:repository or self::tei:institution or "
              "self::tei:resp or self::tei:funder or self::tei:sponsor or self::tei:abstract or "
              "self::tei:language or self::tei:textLang][normalize-space(.)=''])",
     "equals": 0, "what": "no required header field is left empty"},
    {"xpath": "count(//tei:text//tei:supplied[translate(normalize-space(.), "
              "'0123456789', '')=''])",
     "equals": 0, "what": "a footnote reference is never encoded as supplied text"},
    {"xpath": "count(//tei:teiHeader//*[contains(translate(., 'UNKNOW', 'unknow'), "
              "'unknown archive')])",
     "equals": 0, "what": "no invented 'unknown archive'"},
    {"xpath": "count(//tei:text/tei:body//tei:p[normalize-space(translate(., '\u00a0', ' '))="
              "''][not(*)])",
     "equals": 0, "what": "no empty paragraph (lines of only spaces are not paragraphs)"},
)


def _id(path: Path) -> str:
    return path.stem


def expectations(path: Path) -> dict[str, Any]:
    data: dict[str, Any] = json.loads(path.with_name(path.stem + ".expect.json")
                                      .read_text(encoding="utf-8"))
    return data


# -- what the source body is, line by line ---------------------------------------------------

def body_lines(source: Path | str) -> list[tuple[int, str]]:
    """(line number in the file, text) of the body: the lines after the Contents field's
    values, as `converter_support.source_body` finds them. `source`: a file or its text."""
    text = source.read_text(encoding="utf-8") if isinstance(source, Path) else source
    lines = text.replace("\r\n", "\n").split("\n")
    index = next(i for i, line in enumerate(lines) if line.strip() == "**Contents:**") + 1
    while index < len(lines) and (not lines[index].strip()
                                  or CONTENTS_VALUE.match(lines[index].strip())):
        index += 1
    return [(i + 1, lines[i]) for i in range(index, len(lines))]


COLUMN_RUN = re.compile(r"(?<=\S)(?:[ \t\u00a0]{3,}|[ \u00a0]*\t[ \t\u00a0]*)(?=\S)")


def reading_lines(source: Path, columns: list[dict[str, Any]] | None = None
                  ) -> list[tuple[int, str]]:
    """The body lines in reading order: a block of `column_lines` read column by column (each
    line's first field, then its second), every piece with its source line number."""
    lines = body_lines(source)
    for block in columns if columns is not None else expectations(source).get("column_lines", []):
        first, last = block["lines"]
        inside = [(n, t) for n, t in lines if first <= n <= last]
        left = [(n, COLUMN_RUN.split(t.strip())[0]) for n, t in inside]
        right = [(n, piece) for n, t in inside for piece in COLUMN_RUN.split(t.strip())[1:]]
        at = next(i for i, (n, _) in enumerate(lines) if n == first)
        lines[at:at + len(inside)] = left + right
    return lines


SUPERSCRIPTS = str.maketrans("⁰¹²³⁴⁵⁶⁷⁸⁹", "0123456789")
# Characters the stylesheets regenerate from the markup (brackets, Markdown emphasis, the
# carets of `^1^`), and the punctuation around words, which the word comparison ignores.
REGENERATED = re.compile(r"[\[\]^*]")
EDGES = ".,:;!?()\"'“”‘’«»/-–—_=…"


def words(text: str) -> list[str]:
    text = REGENERATED.sub("", text.translate(SUPERSCRIPTS))
    return [w for w in (t.strip(EDGES) for t in text.split()) if w]


def paragraphs(projection: str) -> list[str]:
    return [p for p in re.split(r"\n\s*\n", projection) if p.strip()]


# -- the corpus, converted once ----------------------------------------------------------------

@dataclass
class Corpus:
    returncode: int
    output: Path
    written: dict[str, Path] = field(default_factory=dict)  # source (relative) -> TEI file
    messages: dict[str, list[str]] = field(default_factory=dict)  # source -> stderr lines
    validity: dict[str, dict[str, Any]] = field(default_factory=dict)  # TEI name -> report
    projections: dict[str, str] = field(default_factory=dict)
    stdout: str = ""
    stderr: str = ""

    def tei(self, path: Path) -> Path:
        source = relative(path)
        if source not in self.written:
            pytest.fail(f"{source} was not converted:\n" + "\n".join(
                self.messages.get(source, []) or [self.stderr[-2000:]]))
        return self.written[source]

    def tree(self, path: Path) -> etree._ElementTree:
        return etree.parse(str(self.tei(path)))

    def projection(self, path: Path) -> str:
        tei = self.tei(path)
        if tei.name not in self.projections:
            run = teikit("text", str(tei))
            assert run.returncode == 0, run.stderr
            self.projections[tei.name] = run.stdout
        return self.projections[tei.name]


def relative(path: Path) -> str:
    return path.resolve().relative_to(ROOT).as_posix()


def teikit(*args: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    return subprocess.run([sys.executable, "-m", "toolkit", *args], cwd=ROOT, env=env,
                          capture_output=True, text=True, check=False, timeout=600)


def _convert(sources: list[str], output: Path) -> subprocess.CompletedProcess[str]:
    return teikit("convert", *sources, "-o", str(output), "--registers", "tei/registers",
                  "--change-date", "2026-01-01", "-j", "1")


def _read_run(corpus: Corpus, run: subprocess.CompletedProcess[str], sources: list[str]) -> None:
    corpus.stdout += run.stdout
    corpus.stderr += run.stderr
    for line in run.stdout.splitlines():
        match = re.match(r"(?P<source>\S+) -> (?P<output>.+?): ", line)
        if match and match.group("source") in sources:
            corpus.written[match.group("source")] = Path(match.group("output"))
    for line in run.stderr.splitlines():
        for source in sources:
            if line.startswith(source + ":"):
                corpus.messages.setdefault(source, []).append(line)


KNOWN_GAPS = {line.split("#", 1)[0].strip()
              for line in "".splitlines()
              if line.split("#", 1)[0].strip()}


@pytest.fixture(autouse=True)
def _known_gap(request: pytest.FixtureRequest) -> None:
    """An expectation listed in layouts/known-gaps.list is a strict xfail: it is still run, and
    once the converter meets it the test fails until its line is removed."""
    if request.node.name in KNOWN_GAPS:
        request.applymarker(pytest.mark.xfail(strict=True, reason="a known gap (layouts/known-gaps.list)"))


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Corpus]:
    output = tmp_path_factory.mktemp("layouts") / "tei"
    sources = [relative(p) for p in REPORTS]
    run = _convert(sources, output)
    corpus = Corpus(run.returncode, output)
    if run.returncode in (0, 1):
        _read_run(corpus, run, sources)
    else:  # a crash stops the run: convert one by one, so one crash hides no other result
        for source in sources:
            _read_run(corpus, _convert([source], output), [source])
    if corpus.written:
        check = teikit("validate", "--format", "json", str(output))
        for entry in json.loads(check.stdout)["files"]:
            corpus.validity[Path(entry["path"]).name] = entry
    yield corpus


# -- the tests -----------------------------------------------------------------------------------

def test_the_set_is_large_enough_and_complete() -> None:
    assert len(REPORTS) >= 32
    missing = [p.name for p in REPORTS if not p.with_name(p.stem + ".expect.json").exists()]
    assert not missing, f"no expectations for {missing}"
    numbers = [p.stem.split("-", 1)[0] for p in REPORTS]
    assert len(set(numbers)) == len(numbers), "report numbers must be unique"


def test_the_corpus_converts_with_exit_0(corpus: Corpus) -> None:
    assert corpus.returncode == 0, corpus.stderr[-3000:]


def test_no_two_reports_share_an_output(corpus: Corpus) -> None:
    names = [p.name for p in corpus.written.values()]
    assert len(names) == len(set(names)), sorted(names)


@pytest.mark.parametrize("path", REPORTS, ids=_id)
def test_converted_not_refused(path: Path, corpus: Corpus) -> None:
    assert corpus.tei(path).exists()


@pytest.mark.parametrize("path", REPORTS, ids=_id)
def test_output_file_name(path: Path, corpus: Corpus) -> None:
    allowed = expectations(path)["output"]
    assert corpus.tei(path).name in allowed


@pytest.mark.parametrize("path", REPORTS, ids=_id)
def test_valid_against_the_project_schema(path: Path, corpus: Corpus) -> None:
    name = corpus.tei(path).name
    entry = corpus.validity.get(name)
    assert entry is not None, f"{name} was not validated"
    assert entry["valid"], json.dumps(entry["diagnostics"][:10], indent=1, ensure_ascii=False)


@pytest.mark.parametrize("path", REPORTS, ids=_id)
def test_valid_against_tei_all(path: Path, corpus: Corpus, request: pytest.FixtureRequest) -> None:
    if not os.environ.get("TEIKIT_TEI_ALL"):
        pytest.skip("TEIKIT_TEI_ALL is not set")
    schema: etree.RelaxNG = request.getfixturevalue("tei_all")
    assert_tei_all(schema, corpus.tree(path))


@pytest.mark.parametrize("path", REPORTS, ids=_id)
def test_projection_gives_back_the_words(path: Path, corpus: Corpus) -> None:
    expected = words("\n".join(text for _, text in reading_lines(path)))
    got = words(corpus.projection(path))
    if got != expected:
        at = next((i for i, (a, b) in enumerate(zip(got, expected)) if a != b),
                  min(len(got), len(expected)))
        pytest.fail(f"words differ at word {at}: projection {got[max(0, at - 5):at + 8]} "
                    f"source {expected[max(0, at - 5):at + 8]} "
                    f"({len(got)} words against {len(expected)})")


def lost_lines(source: Path | str, projection: str,
               joined: frozenset[int] = frozenset(),
               order: list[tuple[int, str]] | None = None) -> list[int]:
    """The source body lines (numbers) that do not begin a paragraph of the projection
    (`order`: the body lines in reading order, when it is not the source's)."""
    starts: dict[int, int] = {}  # word index -> source line
    index = 0
    lines = order if order is not None else body_lines(source)
    for number, text in lines:
        found = words(text)
        if found:
            starts[index] = number
            index += len(found)
    projected: set[int] = set()
    got: list[str] = []
    for paragraph in paragraphs(projection):
        found = words(paragraph)
        if found:
            projected.add(len(got))
            got.extend(found)
    expected = words("\n".join(text for _, text in lines))
    assert got == expected, "the words differ (see the words test); lines cannot be compared"
    return [line for at, line in starts.items() if at not in projected and line not in joined]


@pytest.mark.parametrize("path", REPORTS, ids=_id)
def test_projection_gives_back_the_lines(path: Path, corpus: Corpus) -> None:
    """Every non-blank source line begins a paragraph (or line) of the projection."""
    joined = frozenset(e["line"] for e in expectations(path).get("joined_lines", []))
    lost = lost_lines(path, corpus.projection(path), joined, reading_lines(path))
    assert not lost, f"source lines {lost} do not begin a paragraph of the projection"


@pytest.mark.parametrize("path", REPORTS, ids=_id)
def test_projection_keeps_characters(path: Path, corpus: Corpus) -> None:
    wanted = expectations(path).get("projection_contains", [])
    if not wanted:
        pytest.skip("nothing beyond the words to check")
    projection = " ".join(corpus.projection(path).split())
    assert [w for w in wanted if w not in projection] == []


@pytest.mark.parametrize("path", REPORTS, ids=_id)
def test_paragraphs(path: Path, corpus: Corpus) -> None:
    count = corpus.tree(path).xpath("count(//tei:text/tei:body//tei:p[not(ancestor::tei:note)])",
                                    namespaces=NS)
    assert count >= expectations(path)["min_p"]


def _cases(key: str) -> list[Any]:
    cases = []
    for path in REPORTS:
        for number, entry in enumerate(expectations(path).get(key, []), start=1):
            cases.append(pytest.param(path, entry, id=f"{path.stem}:{number}"))
    return cases


def _common_cases() -> list[Any]:
    return [pytest.param(path, entry, id=f"{path.stem}:common{number}")
            for path in REPORTS for number, entry in enumerate(COMMON, start=1)]


@pytest.mark.parametrize(("path", "warning"), _cases("warnings"))
def test_expected_warning(path: Path, warning: dict[str, Any], corpus: Corpus) -> None:
    corpus.tei(path)
    prefix = f"{relative(path)}:{warning['line']}:"
    lines = [m for m in corpus.messages.get(relative(path), []) if m.startswith(prefix)]
    wanted = [w.lower() for w in warning["contains"]]
    assert any(w in m.lower() for m in lines for w in wanted), (
        f"{warning['what']}: no diagnostic at line {warning['line']} containing "
        f"{warning['contains']!r}; got: {corpus.messages.get(relative(path), [])}")


def _holds(tree: etree._ElementTree, entry: dict[str, Any]) -> tuple[bool, object]:
    result = tree.xpath(entry["xpath"], namespaces=NS)
    if "equals" in entry:
        expected = entry["equals"]
        if isinstance(result, float) and isinstance(expected, (int, float)) \
                and not isinstance(expected, bool):
            return result == float(expected), result
        return result == expected, result
    if isinstance(result, list):
        return bool(result), len(result)
    return bool(result), result


@pytest.mark.parametrize(("path", "entry"), _cases("assertions") + _common_cases())
def test_expectation(path: Path, entry: dict[str, Any], corpus: Corpus) -> None:
    held, result = _holds(corpus.tree(path), entry)
    assert held, f"{entry['what']}: {entry['xpath']} gave {result!r}" + (
        f", expected {entry['equals']!r}" if "equals" in entry else "")


def _structure(tree: etree._ElementTree) -> list[tuple[str, str, int]]:
    """The body as an editor sees its outline: each block's element, @n and page breaks."""
    found = tree.xpath("//tei:text/tei:body/tei:div/*", namespaces=NS)
    blocks = [b for b in found if isinstance(b, etree._Element)] if isinstance(found, list) else []
    return [(etree.QName(b).localname, b.get("n", ""), len(b.findall(".//{%s}pb" % NS["tei"])))
            for b in blocks]


def test_the_sample_without_its_blank_lines_has_the_sample_structure(
        tmp_path: Path) -> None:
    """Issue #10: the sample with the blank lines of its body removed (a paragraph per line)
    converts to the same body structure as the sample itself."""
    sample = (ROOT / "sources" / "wilson-116488.txt").read_text(encoding="utf-8")
    head, _, body = sample.partition("Translation - English\n")
    compact = head + "Translation - English\n\n" + "\n".join(
        line for line in body.split("\n") if line.strip()) + "\n"
    source = tmp_path / "wilson-116488.txt"
    source.write_text(compact, encoding="utf-8")
    trees = []
    for name, path in (("sample", ROOT / "sources" / "wilson-116488.txt"), ("compact", source)):
        run = _convert([str(path)], tmp_path / name)
        assert run.returncode == 0, run.stderr
        trees.append(etree.parse(str(tmp_path / name / "116488.xml")))
    assert _structure(trees[1]) == _structure(trees[0])


GOLDEN = LAYOUTS / "golden"


@pytest.mark.parametrize("path", REPORTS, ids=_id)
def test_golden_text(path: Path, corpus: Corpus, file_regression: Any) -> None:
    """Each report's converted `text` (body and back), as reviewed by eye against its source
    and committed in `layouts/golden/`. The header is left out: its register paths depend on
    the output folder, and the expectations check what it must hold. After a change, look at
    the diff; regenerate (`--force-regen`) only if the new output is right."""
    found = corpus.tree(path).find("{%s}text" % NS["tei"])
    assert found is not None
    file_regression.check(etree.tostring(found, encoding="unicode") + "\n",
                          fullpath=GOLDEN / f"{path.stem}.xml")

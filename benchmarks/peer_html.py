"""teikit against its peers, per document, on the same documents in the same run (issue #13, item 5).

    python benchmarks/peer_html.py [--count 100] [--pdf-count 40] [--frus FILE] [--json FILE]
                                   [--no-pdf] [--stages] [--floor N]

Two corpora: the FRUS volume in `../shared/frus/` imported into documents (`import_files`),
and synthetic reports (`benchmarks/synthetic.py`) converted one by one (`convert_files`, one
process). Each comparison runs both sides in this one process, document after document in
turn (ours, then the peer's, on the same file), so that both meet the same load:

- **HTML**: `HtmlBuilder.write_one` (prepared once: stylesheet compiled, registers parsed)
  against the TEI Stylesheets' html5 profile (`../shared/peers/tei-stylesheets/profiles/
  default/html5/to.xsl`, compiled once in saxonche): the file parsed by Saxon, transformed,
  the page written.
- **PDF**: `PdfBuilder.write_one` (prepared once: stylesheets, fonts; the print XML only,
  as the build typesets by part in `finish`) and `PdfBuilder.write_alone` (the document
  typeset alone by Typst, its PDF written: the like of the peer's work) against WeasyPrint
  rendering the page our HTML builder wrote for the same document, with the site's CSS
  (local files only: no URL is fetched), the PDF written. WeasyPrint is the `bench` extra;
  without it our side is timed alone (the pipeline's figures need it, not the peer).
- **Pipeline**: per document, convert (synthetic) or import (FRUS: the volume's import time
  shared out over its documents) + `FileValidator.validate` + HTML + PDF, against an lxml
  parse + serialise of the same TEI file (median of 5).

- **Floor** (`--floor N`): N copies of a trivial document (the first FRUS document's
  header, a body of one `Hello.`), the HTML comparison and the stages on it: the fixed cost
  of a page, ours against the peer's.
- **Stages** (`--stages`): where the 5x budget goes. Each stage of `xslt/html/document.xsl`
  alone (a copy of the stylesheets whose `tei:TEI` template applies only that mode), on the
  same documents, interleaved, CPU per document of Saxon's parse + parameters + transform:
  the floor a page of that stage alone cannot go below, against a fifth of the peer's median.

Timed: per document, wall (`perf_counter`) and CPU (`process_time`, every thread of this
process: Saxon's and Typst's included); the median and the total over the documents (the
first three of each corpus are the warm-up and left out of the medians, not of the totals);
end to end = the set-up (compile, prepare) + every document. Not timed: writing the synthetic
reports; the FRUS import is timed once for the pipeline. Ratios are the peer's time over ours
(> 1: we are faster); goals: HTML >= 5x per document, pipeline <= 10x lxml per document.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import shutil
import statistics
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import date, datetime, timezone
from pathlib import Path
from typing import Any

if __package__ in (None, ""):
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from lxml import etree  # noqa: E402

from benchmarks.synthetic import REGISTERS, write_corpus  # noqa: E402
from toolkit.builders.base import BuildConfig, Document  # noqa: E402
from toolkit.builders.html import (  # noqa: E402
    ASSETS, HtmlBuilder, _saxon_quiet, citation_refs, processor, register_sizes,
)
from toolkit.builders.html_context import mention_contexts  # noqa: E402
from toolkit.builders.pdf import PdfBuilder  # noqa: E402
from toolkit.convert import ConvertOptions, convert_files  # noqa: E402
from toolkit.readers.tei_import import ImportOptions, import_files  # noqa: E402
from toolkit.resources import xslt_dir  # noqa: E402
from toolkit.safe_xml import parse_xml, read_bytes  # noqa: E402
from toolkit.validation.runner import FileValidator, ValidateOptions  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
PEER_XSL = SHARED / "peers" / "tei-stylesheets" / "profiles" / "default" / "html5" / "to.xsl"
FRUS = SHARED / "frus" / "frus1894Nicaragua.xml"
WARM_UP = 3  # documents per corpus left out of the medians
GOAL_HTML = 5.0
GOAL_PIPELINE = 10.0


@dataclass
class Timing:
    """(wall, CPU) seconds per document, in document order."""

    wall: list[float] = field(default_factory=list)
    cpu: list[float] = field(default_factory=list)

    def add(self, wall: float, cpu: float) -> None:
        self.wall.append(wall)
        self.cpu.append(cpu)

    def median(self, kind: str) -> float:
        values: list[float] = getattr(self, kind)
        return statistics.median(values[WARM_UP:] if len(values) > WARM_UP else values)

    def total(self, kind: str) -> float:
        return float(sum(getattr(self, kind)))


@dataclass
class Side:
    """One side of a comparison on one corpus: set-up and per-document timings."""

    name: str
    setup: tuple[float, float] = (0.0, 0.0)
    documents: Timing = field(default_factory=Timing)

    def end_to_end(self, kind: str) -> float:
        return self.setup[0 if kind == "wall" else 1] + self.documents.total(kind)


def timed(action: Callable[[], object]) -> tuple[float, float]:
    wall, cpu = time.perf_counter(), time.process_time()
    action()
    return time.perf_counter() - wall, time.process_time() - cpu


# -- the corpora (not timed, but for the pipeline's convert/import share) ----------------------
def frus_corpus(work: Path, volume: Path) -> tuple[list[Path], Timing]:
    tei = work / "frus" / "tei"
    options = ImportOptions(tei, tei / "registers", date(2026, 11, 27), jobs=1)
    wall, cpu = time.perf_counter(), time.process_time()
    results = list(import_files([volume], options))
    wall, cpu = time.perf_counter() - wall, time.process_time() - cpu
    errors = [r.error for r in results if r.error is not None]
    if errors:
        raise SystemExit(f"the FRUS volume did not import: {errors[0]}")
    documents = sorted(tei.glob("*.xml"))
    shares = Timing()
    for _ in documents:  # one import of the whole volume: its time shared out
        shares.add(wall / len(documents), cpu / len(documents))
    return documents, shares


def synthetic_corpus(work: Path, count: int, size: int, seed: int) -> tuple[list[Path], Timing]:
    sources = write_corpus(work / "synthetic" / "sources", count, size=size, seed=seed)
    tei = work / "synthetic" / "tei"
    shutil.copytree(REGISTERS, tei / "registers", dirs_exist_ok=True)
    options = ConvertOptions(tei, tei / "registers", date(2026, 11, 27), jobs=1)
    per_document = Timing()
    outputs: list[Path] = []
    results = convert_files(sources, options)  # jobs=1: converts one source per next()
    while True:
        wall, cpu = time.perf_counter(), time.process_time()
        result = next(results, None)
        if result is None:
            break
        per_document.add(time.perf_counter() - wall, time.process_time() - cpu)
        if result.error is not None or result.output is None:
            raise SystemExit(f"{result.source} did not convert: {result.error}")
        outputs.append(result.output)
    # the first next() also made the context (registers, name automaton): left in, as for
    # `teikit convert`, whose workers each make it once
    return outputs, per_document


def floor_corpus(work: Path, model: Path, count: int) -> tuple[list[Path], Timing]:
    """`count` copies of a trivial document: `model`'s header, a body of one paragraph
    (`Hello.`), no front or back. What a page costs whatever its text: the fixed cost per
    document, ours against the peer's (`--floor`)."""
    ns = "{http://www.tei-c.org/ns/1.0}"
    tree = etree.parse(str(model))
    text = tree.getroot().find(f"{ns}text")
    if text is None:
        raise SystemExit(f"{model} has no text to empty")
    for child in list(text):
        text.remove(child)
    etree.SubElement(etree.SubElement(text, f"{ns}body"), f"{ns}p").text = "Hello."
    folder = work / "floor" / "tei"
    (folder / "registers").mkdir(parents=True, exist_ok=True)
    documents = []
    for number in range(count):
        path = folder / f"floor-{number}.xml"
        tree.write(str(path), encoding="UTF-8", xml_declaration=True)
        documents.append(path)
    return documents, Timing()


# -- the comparisons ----------------------------------------------------------------------------
class PeerHtml:
    """The TEI Stylesheets' html5 profile, compiled once, one page per document."""

    def __init__(self, out: Path) -> None:
        self.out = out
        compiler = processor().new_xslt30_processor()
        with _saxon_quiet():
            self.executable = compiler.compile_stylesheet(stylesheet_file=str(PEER_XSL))
        out.mkdir(parents=True, exist_ok=True)

    def write_one(self, path: Path) -> None:
        node = processor().parse_xml(xml_file_name=str(path))
        with _saxon_quiet():
            page = self.executable.transform_to_string(xdm_node=node)
        if not page:
            raise SystemExit(f"the TEI Stylesheets wrote nothing for {path}")
        (self.out / f"{path.stem}.html").write_text(page, "utf-8")


def compare_html(documents: list[Path], out: Path) -> tuple[Side, Side, Path]:
    ours, peer = Side("teikit HtmlBuilder"), Side("TEI Stylesheets html5")
    config = BuildConfig(source_dir=documents[0].parent, output_dir=out / "teikit", force=True)
    builder = HtmlBuilder(config)
    ours.setup = timed(builder.prepare)
    holder: list[PeerHtml] = []
    peer.setup = timed(lambda: holder.append(PeerHtml(out / "peer")))
    for path in documents:
        ours.documents.add(*timed(lambda: builder.write_one(Document(path))))
        peer.documents.add(*timed(lambda: holder[0].write_one(path)))
    site = out / "teikit" / "html"
    shutil.copytree(ASSETS, site / "assets", dirs_exist_ok=True)  # the CSS the pages link
    return ours, peer, site


def compare_pdf(documents: list[Path], site: Path, out: Path) -> tuple[Side, Side | None, Side | None]:
    """Our PDF against WeasyPrint's; without WeasyPrint (the `bench` extra) ours alone, so
    that the pipeline's figures are still measured (the peer's side is None). Ours twice:
    `write_one` (the print XML only: the build typesets by part in `finish`) for the
    pipeline, and `write_alone` (the document typeset alone by Typst, its PDF written), the
    like of what WeasyPrint does per document (the third side, None without WeasyPrint)."""
    ours, peer = Side("teikit PdfBuilder.write_one (print XML)"), Side("WeasyPrint (our HTML page)")
    alone = Side("teikit PdfBuilder.write_alone (typeset)")
    config = BuildConfig(source_dir=documents[0].parent, output_dir=out / "teikit", force=True)
    builder = PdfBuilder(config)
    ours.setup = timed(builder.prepare)
    try:
        import weasyprint  # type: ignore[import-untyped, import-not-found, unused-ignore]
        from weasyprint.urls import URLFetcher  # type: ignore[import-untyped, import-not-found, unused-ignore]
    except ImportError:
        for path in documents:
            ours.documents.add(*timed(lambda: builder.write_one(Document(path))))
        return ours, None, None
    fetcher = URLFetcher(allowed_protocols={"file", "data"})  # never the network
    (out / "weasyprint").mkdir(parents=True, exist_ok=True)
    (out / "alone").mkdir(parents=True, exist_ok=True)
    peer.setup = timed(lambda: None)  # nothing to prepare: fonts load on the first document

    def weasy(path: Path) -> None:
        page = site / f"{path.stem}.html"
        weasyprint.HTML(filename=str(page), base_url=page.as_uri(), url_fetcher=fetcher).write_pdf(
            str(out / "weasyprint" / f"{path.stem}.pdf"))

    def typeset(path: Path) -> None:
        (out / "alone" / f"{path.stem}.pdf").write_bytes(builder.write_alone(Document(path)))

    for path in documents:
        ours.documents.add(*timed(lambda: builder.write_one(Document(path))))
        alone.documents.add(*timed(lambda: typeset(path)))
        peer.documents.add(*timed(lambda: weasy(path)))
    return ours, peer, alone


def validate_each(documents: list[Path]) -> Side:
    side = Side("FileValidator")
    holder: list[FileValidator] = []
    side.setup = timed(lambda: holder.append(FileValidator(ValidateOptions(jobs=1))))
    for path in documents:
        report: list[Any] = []
        side.documents.add(*timed(lambda: report.append(holder[0].validate(path))))
        if not report[0].valid:
            raise SystemExit(f"{path} is not valid: {report[0].diagnostics[0]}")
    return side


def lxml_each(documents: list[Path]) -> Side:
    """An lxml parse + serialise of each file, the median of five (it is a few ms at most)."""
    side = Side("lxml parse + serialise")
    for path in documents:
        runs = [timed(lambda: etree.tostring(etree.parse(str(path)), encoding="utf-8"))
                for _ in range(5)]
        side.documents.add(statistics.median(r[0] for r in runs), statistics.median(r[1] for r in runs))
    return side


# -- where the budget goes: each stage of the page alone ---------------------------------------
_CITATION = ('<xsl:variable name="header" select="tei:teiHeader"/>'
             '<xsl:variable name="c" select="tk:citation($header)"/>')
#: the body of document.xsl's tei:TEI template for each stage measured alone
STAGES = {
    "whole page (document.xsl as it is)": None,
    "empty (Saxon's parse and call: <r/>)": "<r/>",
    "shell (tk:page, no content)": (
        '<xsl:call-template name="tk:page"><xsl:with-param name="title" select="\'x\'"/>'
        '<xsl:with-param name="href" select="\'x.html\'"/><xsl:with-param name="kind" '
        'select="\'document\'"/><xsl:with-param name="lang" select="\'en\'"/>'
        '<xsl:with-param name="description" select="()"/><xsl:with-param name="head" '
        'select="()"/><xsl:with-param name="content" select="()"/></xsl:call-template>'),
    "header (tk:head)": '<r><xsl:apply-templates select="tei:teiHeader" mode="tk:head"/></r>',
    "text (tk:text)": '<r><xsl:apply-templates select="tei:text" mode="tk:text"/></r>',
    # each accumulator's value on the last element: Saxon computes it over the whole tree
    "the five accumulators alone (in every stage that reads one)": (
        '<r><xsl:value-of select="count((//*)[last()] ! (accumulator-before(\'tk:seen\'), '
        'accumulator-before(\'tk:element\'), accumulator-before(\'tk:mentions\'), '
        'accumulator-before(\'tk:notes\'), accumulator-before(\'tk:pages\')))"/></r>'),
    "notes (tk:notes)": '<r><xsl:apply-templates select="tei:text" mode="tk:notes"/></r>',
    "record (tk:summary)": '<r><xsl:apply-templates select="." mode="tk:summary"/></r>',
    "search page with the record (tk:search-page)": '<r><xsl:apply-templates select="." mode="tk:search-page"/></r>',
    "citation: box and three files": _CITATION + "<r>" + "".join(
        f'<xsl:apply-templates select="$header" mode="tk:{mode}"><xsl:with-param name="c" '
        f'select="$c"/></xsl:apply-templates>' for mode in ("cite", "csl-json", "bibtex", "ris")) + "</r>",
}


def stage_costs(documents: list[Path], builder: HtmlBuilder, work: Path) -> dict[str, Timing]:
    """CPU per document of each stage alone (Saxon parse + parameters + transform), the
    stages interleaved on each document; the parameters the builder computes in Python are
    computed once beforehand and not timed."""
    copy = work / "xslt"
    shutil.rmtree(copy, ignore_errors=True)
    shutil.copytree(xslt_dir(), copy)
    entry = (copy / "html" / "document.xsl").read_text("utf-8")
    start = entry.index('<xsl:template match="tei:TEI">') + len('<xsl:template match="tei:TEI">')
    end = entry.index("</xsl:template>", start)
    proc = processor()
    sizes = proc.make_string_value(json.dumps(register_sizes(builder._registers_xml()), sort_keys=True))
    executables = {}
    for number, (stage, body) in enumerate(STAGES.items()):
        path = copy / "html" / f"stage-{number}.xsl"
        path.write_text(entry if body is None else entry[:start] + body + entry[end:], "utf-8")
        executable = builder._configure(builder._compile(path))
        executable.set_capture_result_documents(True, False)
        executable.set_parameter("register-sizes", sizes)
        executables[stage] = executable
    inputs = []
    for path in documents:
        data = read_bytes(path)
        root = parse_xml(data, str(path)).getroot()
        inputs.append((path.stem, data.decode("utf-8"), citation_refs(root), mention_contexts(root)))
    timings = {stage: Timing() for stage in STAGES}
    for stem, text, citations, contexts in inputs:
        for stage, executable in executables.items():
            def run() -> None:
                node = proc.parse_xml(xml_text=text)
                for name, value in (("doc-id", stem), ("citations", citations),
                                    ("contexts", contexts), ("facsimile-pages", "")):
                    executable.set_parameter(name, proc.make_string_value(value))
                executable.set_base_output_uri((work / f"{stem}-").as_uri())
                with _saxon_quiet():
                    executable.transform_to_string(xdm_node=node)
                executable.get_result_documents()
            timings[stage].add(*timed(run))
    return timings


def stage_rows(corpus: str, timings: dict[str, Timing], ours: Side, peer: Side) -> Iterator[str]:
    budget = peer.documents.median("cpu") / GOAL_HTML
    empty = timings["empty (Saxon's parse and call: <r/>)"].median("cpu")
    yield (f"| {corpus} | the peer's median / {GOAL_HTML:.0f} (**the budget of a 5x page**) | "
           f"**{ms(budget)}** | |")
    yield f"| {corpus} | our write_one (median) | {ms(ours.documents.median('cpu'))} | |"
    for stage, timing in timings.items():
        median = timing.median("cpu")
        yield (f"| {corpus} | {stage} | {ms(median)} | "
               f"{'' if stage.startswith('empty') else ms(median - empty)} |")


# -- the report ---------------------------------------------------------------------------------
def ms(seconds: float) -> str:
    return f"{1000 * seconds:.1f} ms"


def comparison_rows(corpus: str, ours: Side, peer: Side) -> Iterator[str]:
    n = len(ours.documents.wall)
    for side in (ours, peer):
        yield (f"| {corpus} ({n}) | {side.name} | {ms(side.documents.median('cpu'))} | "
               f"{ms(side.documents.median('wall'))} | {side.documents.total('cpu'):.2f} s | "
               f"{side.end_to_end('cpu'):.2f} s | {side.end_to_end('wall'):.2f} s |")
    yield (f"| {corpus} ({n}) | **ratio peer/teikit** | "
           f"**{peer.documents.median('cpu') / ours.documents.median('cpu'):.2f}x** | "
           f"{peer.documents.median('wall') / ours.documents.median('wall'):.2f}x | "
           f"{peer.documents.total('cpu') / ours.documents.total('cpu'):.2f}x | "
           f"{peer.end_to_end('cpu') / ours.end_to_end('cpu'):.2f}x | "
           f"{peer.end_to_end('wall') / ours.end_to_end('wall'):.2f}x |")


HEADER = ("| corpus (documents) | side | median CPU/doc | median wall/doc | total CPU (docs) | "
          "end to end CPU | end to end wall |\n|---|---|---|---|---|---|---|")


def pipeline(parts: dict[str, Timing], subset: int) -> Timing:
    """Per document, the sum of every stage's time (the documents every stage measured)."""
    total = Timing()
    for i in range(subset):
        total.add(sum(p.wall[i] for p in parts.values()), sum(p.cpu[i] for p in parts.values()))
    return total


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--count", type=int, default=100, help="synthetic reports (default 100)")
    parser.add_argument("--size", type=int, default=5000)
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--pdf-count", type=int, default=40,
                        help="documents of each corpus for the PDF and the pipeline (default 40)")
    parser.add_argument("--frus", type=Path, default=FRUS, help="the FRUS volume to import")
    parser.add_argument("--no-pdf", action="store_true", help="HTML only")
    parser.add_argument("--keep", type=Path, help="work in this folder and keep it")
    parser.add_argument("--json", type=Path, help="also write the per-document figures as JSON")
    parser.add_argument("--floor", type=int, default=0, metavar="N",
                        help="also N copies of a trivial document (the first FRUS document's "
                             "header, one paragraph): the fixed cost per page")
    parser.add_argument("--stages", action="store_true",
                        help="also time each stage of the page alone against the 5x budget")
    args = parser.parse_args(argv)

    print(f"{datetime.now(timezone.utc):%Y-%m-%d %H:%M} UTC, {platform.machine()}, {os.cpu_count()} cores, "
          f"Python {platform.python_version()}, load {os.getloadavg()[0]:.1f} at start")
    figures: dict[str, dict[str, Any]] = {}
    html_rows: list[str] = []
    stages: list[str] = []
    pdf_rows: list[str] = []
    pipeline_rows: list[str] = []
    with tempfile.TemporaryDirectory(prefix="peer-html-") as scratch:
        work = args.keep or Path(scratch)
        shutil.rmtree(work / "out", ignore_errors=True)
        corpora = {"FRUS": frus_corpus(work, args.frus),
                   "synthetic": synthetic_corpus(work, args.count, args.size, args.seed)}
        if args.floor:
            corpora["trivial"] = floor_corpus(work, corpora["FRUS"][0][0], args.floor)
        for corpus, (documents, made) in corpora.items():
            out = work / "out" / corpus
            ours, peer, site = compare_html(documents, out)
            html_rows += comparison_rows(corpus, ours, peer)
            figures[corpus] = {"documents": [p.name for p in documents],
                               "html": {s.name: vars(s.documents) | {"setup": s.setup} for s in (ours, peer)}}
            print(html_rows[-1], flush=True)
            if args.stages:
                builder = HtmlBuilder(BuildConfig(source_dir=documents[0].parent, output_dir=out / "stages"))
                builder.prepare()
                stages += stage_rows(corpus, stage_costs(documents, builder, out / "stages"), ours, peer)
            if args.no_pdf or corpus == "trivial":
                continue
            subset = documents[:args.pdf_count]
            pdf_ours, pdf_peer, pdf_alone = compare_pdf(subset, site, out)
            if pdf_peer is None:  # WeasyPrint is not installed: our side alone
                pdf_peer = Side("WeasyPrint not installed (no ratio)")
                pdf_peer.documents = Timing([0.0] * len(subset), [0.0] * len(subset))
            pdf_rows += comparison_rows(corpus, pdf_ours, pdf_peer)
            if pdf_alone is not None:
                pdf_rows += comparison_rows(corpus, pdf_alone, pdf_peer)
            print(pdf_rows[-1], flush=True)
            validation = validate_each(subset)
            parse = lxml_each(subset)
            n = len(subset)
            parts = {"convert" if corpus == "synthetic" else "import": _head(made, n),
                     "validate": validation.documents, "html": _head(ours.documents, n),
                     "pdf": pdf_ours.documents}
            whole = pipeline(parts, n)
            figures[corpus]["pdf"] = {s.name: vars(s.documents) | {"setup": s.setup}
                                      for s in (pdf_ours, pdf_peer, pdf_alone) if s is not None}
            figures[corpus]["pipeline"] = {"per document": vars(whole), "lxml": vars(parse.documents),
                                           "validate": vars(validation.documents)}
            for name, timing in parts.items():
                pipeline_rows.append(f"| {corpus} ({n}) | {name} | {ms(timing.median('cpu'))} | "
                                     f"{ms(timing.median('wall'))} | {timing.total('cpu'):.2f} s |")
            pipeline_rows.append(f"| {corpus} ({n}) | **whole pipeline** | {ms(whole.median('cpu'))} | "
                                 f"{ms(whole.median('wall'))} | {whole.total('cpu'):.2f} s |")
            pipeline_rows.append(f"| {corpus} ({n}) | lxml parse + serialise | "
                                 f"{1000 * parse.documents.median('cpu'):.2f} ms | "
                                 f"{1000 * parse.documents.median('wall'):.2f} ms | "
                                 f"{parse.documents.total('cpu'):.3f} s |")
            pipeline_rows.append(f"| {corpus} ({n}) | **ratio pipeline/lxml** | "
                                 f"**{whole.median('cpu') / parse.documents.median('cpu'):.0f}x** | "
                                 f"{whole.median('wall') / parse.documents.median('wall'):.0f}x | "
                                 f"{whole.total('cpu') / parse.documents.total('cpu'):.0f}x |")
            print(pipeline_rows[-1], flush=True)

    print(f"\nHTML: teikit against the TEI Stylesheets' html5 profile (goal: ratio >= {GOAL_HTML:.0f}x)")
    print(HEADER)
    print("\n".join(html_rows))
    if stages:
        print("\nEach stage of the page alone: CPU per document of Saxon's parse + parameters + "
              "transform (median), and less the empty stylesheet's")
        print("| corpus | stage | median CPU/doc | less empty |\n|---|---|---|---|")
        print("\n".join(stages))
    if pdf_rows:
        print("\nPDF: teikit (Typst) against WeasyPrint rendering our HTML page of the same document")
        print(HEADER)
        print("\n".join(pdf_rows))
        print(f"\nWhole pipeline per document against an lxml parse + serialise (goal: <= {GOAL_PIPELINE:.0f}x)")
        print("| corpus (documents) | stage | median CPU/doc | median wall/doc | total CPU |\n|---|---|---|---|---|")
        print("\n".join(pipeline_rows))
    print(f"load {os.getloadavg()[0]:.1f} at the end")
    if args.json:
        args.json.write_text(json.dumps(figures, indent=1))
    return 0


def _head(timing: Timing, n: int) -> Timing:
    return Timing(timing.wall[:n], timing.cpu[:n])


if __name__ == "__main__":
    raise SystemExit(main())

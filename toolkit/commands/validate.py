"""`teikit validate PATH...`: well-formedness, the project schema and rules, named schemas."""

from __future__ import annotations

import argparse
import os
import sys
import time
from pathlib import Path

from toolkit.cluster import add_arguments, settings
from toolkit.cluster_tasks import validate_remote
from toolkit.config import ClusterSettings, ConfigError, find_config, load_config
from toolkit.progress import Progress
from toolkit.validation import ValidateOptions, validate_files
from toolkit.validation.runner import collect
from toolkit.validation.report import FORMATS, to_json, to_junit, write_text


EPILOG = """\
Each problem is printed as FILE:LINE:COLUMN: SEVERITY: MESSAGE [RULE OR SCHEMA], in document
order, then a summary line. Exit status: 0 when every file is valid (warnings allowed), 1 when
any file is invalid, 2 for usage errors. Schemas declared in <?xml-model?> processing
instructions are applied too (local files only: nothing is ever fetched from the network).
"""


def configure(parser: argparse.ArgumentParser) -> None:
    parser.epilog = EPILOG
    parser.add_argument("paths", nargs="+", type=Path, metavar="PATH",
                        help="TEI files, or folders searched recursively for *.xml")
    parser.add_argument("--schema", action="append", type=Path, default=[], metavar="FILE",
                        help="also validate against this schema (.xsd, .rng or .sch; repeatable)")
    parser.add_argument("--format", choices=FORMATS, default="text",
                        help="output format (default: text)")
    parser.add_argument("--no-project", action="store_true",
                        help="skip the project's XSD, Schematron and edition rules "
                             "(validate only against --schema and declared schemas)")
    parser.add_argument("--no-declared", action="store_true",
                        help="ignore schemas declared in xml-model processing instructions")
    parser.add_argument("--thorough", action="store_true",
                        help="run xmlschema on every file, not only on files libxml2 rejects")
    parser.add_argument("--errors-only", action="store_true",
                        help="text format: do not print warnings")
    parser.add_argument("-j", "--jobs", type=int, default=os.cpu_count() or 1,
                        help="parallel workers (default: all cores)")
    add_arguments(parser, "validate the files (read from the same paths on every worker)")


def run(args: argparse.Namespace) -> int:
    options = ValidateOptions(schemas=tuple(args.schema), project=not args.no_project,
                              declared=not args.no_declared, thorough=args.thorough,
                              jobs=max(1, args.jobs))
    started = time.perf_counter()
    configured, bad_config = _configs(args.paths)
    cluster = settings(args.scheduler, configured)
    remote = validate_remote(cluster, options)
    with Progress("validating", len(collect(args.paths))) as progress:
        reports = progress.wrap(validate_files(args.paths, options, remote))
        if args.format == "text":
            summary = write_text(reports, sys.stdout, args.errors_only)
            progress.clear()
            print(summary.line(time.perf_counter() - started))
            return 1 if summary.invalid or bad_config else 0
        collected = list(reports)
    seconds = time.perf_counter() - started
    if args.format == "json":
        sys.stdout.write(to_json(collected, seconds))
    else:
        sys.stdout.flush()
        sys.stdout.buffer.write(to_junit(collected, seconds))
        sys.stdout.buffer.flush()
    return 1 if bad_config or any(not r.valid for r in collected) else 0


def _configs(paths: list[Path]) -> tuple[ClusterSettings, bool]:
    """The teikit.toml of each edition folder validated is checked too (errors on stderr):
    `teikit build` would refuse it. Returns the first one's [cluster] section, and whether
    any was bad."""
    bad = False
    cluster: ClusterSettings | None = None
    for found in dict.fromkeys(find_config(p) for p in paths if p.is_dir()):
        if found is None:
            continue
        try:
            edition = load_config(found)
        except ConfigError as error:
            print(error.diagnostic.format(), file=sys.stderr)
            bad = True
            continue
        cluster = cluster or edition.cluster
    return cluster or ClusterSettings(), bad

"""`teikit build`: the web and print editions of the TEI in the source folder."""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

from toolkit import filestate
from toolkit.builders import BUILDERS, PUBLISH_ORDER, BuildConfig, run_builder
from toolkit.builders.base import Edition, check_names
from toolkit.builders.safety import build_lock, check_input, disk_errors
from toolkit.cluster import add_arguments, settings
from toolkit.cluster_tasks import validate_remote
from toolkit.config import ClusterSettings, config_for
from toolkit.errors import Severity, UsageError
from toolkit.progress import Progress
from toolkit.validation import ValidateOptions, validate_files
from toolkit.validation.runner import collect

#: the validation results of earlier builds, by content hash (toolkit/validation/cache.py)
VALIDATION_CACHE = ".validation-cache.json"
#: what the last build knew of each file it read: stat, SHA-256, facts (toolkit/filestate.py)
FILE_INDEX = ".teikit-files.json"



def configure(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("source", nargs="?", type=Path, default=Path("tei"),
                        help="folder of TEI documents, with registers/ (default: tei)")
    parser.add_argument("-o", "--output", type=Path, default=Path("build"), metavar="DIR",
                        help="output folder (default: build)")
    parser.add_argument("--only", action="append", metavar="FORMAT",
                        help=f"build only this format (repeatable; of: {', '.join(BUILDERS) or 'none yet'}; "
                             "default: all)")
    parser.add_argument("--font-dir", action="append", type=Path, default=[], metavar="DIR",
                        help="extra font folder for the print edition, searched before Debian's Noto "
                             "fonts (repeatable; default: none)")
    parser.add_argument("--config", type=Path, default=None, metavar="FILE",
                        help="the edition's teikit.toml (default: in SOURCE or its parent folder)")
    parser.add_argument("--force", action="store_true", help="rebuild everything")
    parser.add_argument("--no-validate", dest="validate", action="store_false",
                        help="publish without validating first (not recommended)")
    parser.add_argument("-j", "--jobs", type=int, default=os.cpu_count() or 1,
                        help="parallel workers (default: all cores)")
    add_arguments(parser, "validate and render the documents")


def run(args: argparse.Namespace) -> int:
    if not args.source.is_dir():
        raise UsageError(f"{args.source} is not a folder of TEI documents")
    names = args.only or list(BUILDERS)
    unknown = [n for n in names if n not in BUILDERS]
    if unknown:
        raise UsageError(f"unknown format(s) {', '.join(unknown)}; known: {', '.join(BUILDERS)}")
    edition = config_for(args.source, args.config)  # a bad teikit.toml stops here, before any work
    cluster = settings(args.scheduler, edition.cluster)
    config = BuildConfig(source_dir=args.source.resolve(), output_dir=args.output.resolve(),
                         edition=edition,
                         font_dirs=tuple(args.font_dir), jobs=args.jobs, force=args.force,
                         scheduler=cluster.scheduler, transfer=cluster.transfer)
    # one build per output folder; staging of an interrupted build is cleaned first
    with build_lock(config.output_dir):
        if args.force:  # everything read, validated and built again
            (config.output_dir / FILE_INDEX).unlink(missing_ok=True)
            (config.output_dir / VALIDATION_CACHE).unlink(missing_ok=True)
        # every reader of a document (this check, the validation cache, each format's hash)
        # asks the file index, which reads a file only when its stat changed
        with filestate.kept(config.output_dir / FILE_INDEX) as index:
            code = _build(args, config, names, cluster)
            if code != 0:
                index.discard()
            return code


def _build(args: argparse.Namespace, config: BuildConfig, names: list[str],
           cluster: ClusterSettings) -> int:
    # what no format can publish is refused first (a streaming parse: bounded memory),
    # before validation or any format spends time and memory on it
    edition = Edition.load(config)
    check_names(edition)  # a document named as a generated page would overwrite it
    for document in edition.documents:
        check_input(document.path)
    cache = config.output_dir / VALIDATION_CACHE
    if args.validate and not _valid(args.source, args.jobs, cache, cluster):
        return 1  # the cache too is as it was: a refused build changes nothing in the output
    with disk_errors(config.output_dir):
        order = {name: index for index, name in enumerate(PUBLISH_ORDER)}
        for name in sorted(names, key=lambda n: order.get(n, len(order))):
            with Progress(f"building {name}") as progress:
                report = run_builder(BUILDERS[name], config, progress)
            print(f"{name}: {len(report.rebuilt)} rebuilt, {len(report.skipped)} up to date, "
                  f"{len(report.written)} files written")
    return 0


def _valid(source: Path, jobs: int, cache: Path, cluster: ClusterSettings) -> bool:
    """Nothing is published from an edition that fails validation; warnings are shown (those
    of unchanged files too: their reports come from the cache, not from validating again)."""
    errors = warnings = unchanged = 0
    # this run's results go to a copy (written only when they changed), which replaces the
    # cache only when the build goes on
    trial = cache.with_name(cache.name + ".new")
    trial.unlink(missing_ok=True)
    try:
        with Progress("validating", len(collect([source]))) as progress:
            options = ValidateOptions(jobs=jobs, cache=cache, cache_to=trial)
            remote = validate_remote(cluster, options)
            for report in progress.wrap(validate_files([source], options, remote)):
                unchanged += report.cached
                for diagnostic in report.diagnostics:
                    print(diagnostic.format(), file=sys.stderr)
                    errors += diagnostic.severity is Severity.ERROR
                    warnings += diagnostic.severity is Severity.WARNING
    except BaseException:
        trial.unlink(missing_ok=True)  # an interrupted run leaves no half-made copy
        raise
    print(f"validated {source}: {errors} error{'s' if errors != 1 else ''}, "
          f"{warnings} warning{'s' if warnings != 1 else ''}"
          + (f" ({unchanged} unchanged, not validated again)" if unchanged else ""))
    if errors:
        trial.unlink(missing_ok=True)
        print(f"teikit build: {source} is not valid; nothing was published", file=sys.stderr)
    elif trial.is_file():
        os.replace(trial, cache)
    return errors == 0

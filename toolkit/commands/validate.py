"""`teikit validate PATH...`: well-formedness, the project schema and rules, named schemas."""

from __future__ import annotations

import argparse
import contextlib
import hashlib
import os
import sys
import time
from dataclasses import replace
from pathlib import Path

from toolkit import filestate
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
Results are cached by content hash (of each file, the schemas, the registers, the options) in
$XDG_CACHE_HOME/teikit/validate (default ~/.cache): a file validated before with the same
inputs is not validated again (--no-cache to validate everything).
"""

#: the most result caches kept (one per set of paths and options); the oldest go first
MAX_CACHES = 64


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
    parser.add_argument("--no-cache", dest="cache", action="store_false",
                        help="validate every file, reusing and keeping no earlier results")
    parser.add_argument("-j", "--jobs", type=int, default=os.cpu_count() or 1,
                        help="parallel workers (default: all cores)")
    add_arguments(parser, "validate the files (read from the same paths on every worker)")


def run(args: argparse.Namespace) -> int:
    options = ValidateOptions(schemas=tuple(args.schema), project=not args.no_project,
                              declared=not args.no_declared, thorough=args.thorough,
                              jobs=max(1, args.jobs))
    results, index = _cache_files(args.paths, options) if args.cache else (None, None)
    with filestate.kept(index):
        return _validate(args, replace(options, cache=results))


def _cache_files(paths: list[Path], options: ValidateOptions) -> tuple[Path, Path]:
    """This run's result cache and file index: one pair per set of paths and options."""
    home = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    folder = Path(home) / "teikit" / "validate"
    name = hashlib.sha256(repr(([os.path.abspath(p) for p in paths],
                                options.fingerprint())).encode()).hexdigest()[:24]
    results, index = folder / f"{name}.results.json", folder / f"{name}.files.json"
    # the pruning goes by last use, not by last change: a no-op run writes nothing, and a
    # cache read often but not changed (a long build's) was the first to go while other runs
    # (tests, CI) made caches, so that the next run after one change validated every file
    # (the time given to the nanosecond: the kernel's own stamp is coarse, a jiffy, so a no-op
    # run right after another run's write could tie with it and lose the order of use)
    now = time.time_ns()
    for used in (results, index):
        with contextlib.suppress(OSError):
            os.utime(used, ns=(now, now))
    try:
        kept = sorted(folder.glob("*.results.json"), key=lambda p: p.stat().st_mtime_ns)
        for old in kept[:max(0, len(kept) - MAX_CACHES + 1)]:
            if old.name != f"{name}.results.json":
                old.unlink(missing_ok=True)
                old.with_name(old.name.replace(".results.", ".files.")).unlink(missing_ok=True)
    except OSError:
        pass  # a cache folder that cannot be read or pruned only costs time
    return results, index


def _validate(args: argparse.Namespace, options: ValidateOptions) -> int:
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

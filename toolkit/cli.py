"""The `teikit` command line: errors become one clear line and an exit code, never a traceback."""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Sequence

from toolkit import __version__
from toolkit.commands import COMMANDS
from toolkit.errors import ToolkitError


class HelpFormatter(argparse.RawDescriptionHelpFormatter):
    """Every argument's help ends with its default, unless it says it already (in words that
    mean more than the value, "all cores") or the argument has none worth showing (a flag, an
    unset option, a required argument)."""

    def _get_help_string(self, action: argparse.Action) -> str:
        text = action.help or ""
        if "default" in text or action.required or action.default in (None, False, True, [], ()) \
                or action.default is argparse.SUPPRESS:
            return text
        if action.option_strings or action.nargs in ("?", "*"):
            return f"{text} (default: %(default)s)"
        return text


def build_parser(argv: Sequence[str] = ()) -> argparse.ArgumentParser:
    """The parser; only the command named in `argv` is configured (and its module loaded)."""
    parser = argparse.ArgumentParser(prog="teikit", description="TEI P5 digital edition toolkit",
                                     formatter_class=HelpFormatter)
    parser.add_argument("--version", action="version", version=f"teikit {__version__}")
    subparsers = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    chosen = next((arg for arg in argv if not arg.startswith("-")), None)
    for command in COMMANDS:
        sub = subparsers.add_parser(command.name, help=command.help, description=command.help,
                                    formatter_class=HelpFormatter)
        if command.name == chosen:
            configure, run = command.load()
            configure(sub)
            sub.set_defaults(run=run)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    arguments = list(sys.argv[1:] if argv is None else argv)
    args = build_parser(arguments).parse_args(arguments)
    try:
        result: int = args.run(args)
        return result
    except ToolkitError as error:
        print(error.diagnostic.format(), file=sys.stderr)
        return error.exit_code
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        return 0
    except Exception as error:  # noqa: BLE001 - the promise is: no tracebacks for users
        if os.environ.get("TEIKIT_DEBUG"):
            raise
        print(f"teikit: internal error: {type(error).__name__}: {error} "
              "(set TEIKIT_DEBUG=1 for details, and please report it)", file=sys.stderr)
        return 3

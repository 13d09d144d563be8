"""The CLI's subcommands: one module each, listed here in the order `--help` shows them."""

from __future__ import annotations

import argparse
from collections.abc import Callable
from dataclasses import dataclass

from toolkit.commands import build, convert, export, imports, serve, text, validate


@dataclass(frozen=True)
class Command:
    name: str
    help: str
    configure: Callable[[argparse.ArgumentParser], None]
    run: Callable[[argparse.Namespace], int]


COMMANDS = [
    Command("convert", convert.HELP, convert.configure, convert.run),
    Command("text", text.HELP, text.configure, text.run),
    Command("validate", validate.HELP, validate.configure, validate.run),
    Command("build", build.HELP, build.configure, build.run),
    Command("import", imports.HELP, imports.configure, imports.run),
    Command("export", export.HELP, export.configure, export.run),
    Command("serve", serve.HELP, serve.configure, serve.run),
]

"""Every argument of every command says what it is and, where it has one, its default."""

from __future__ import annotations

import argparse

import pytest

from toolkit.cli import build_parser, main
from toolkit.commands import COMMANDS


def subparser(name: str) -> argparse.ArgumentParser:
    parser = build_parser([name])
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            chosen: argparse.ArgumentParser = action.choices[name]
            return chosen
    raise AssertionError("no subcommands")


@pytest.mark.parametrize("name", [command.name for command in COMMANDS])
def test_every_argument_has_help_and_shows_its_default(name: str) -> None:
    parser = subparser(name)
    formatter = parser._get_formatter()
    for action in parser._actions:
        if isinstance(action, argparse._HelpAction):
            continue
        shown = formatter._expand_help(action) if action.help else ""
        label = "/".join(action.option_strings) or action.dest
        assert shown.strip(), f"teikit {name} {label}: no help text"
        has_default = not action.required and action.default not in (None, False, True, [])
        if has_default and (action.option_strings or action.nargs in ("?", "*")):
            assert "default" in shown, f"teikit {name} {label}: its default is not shown: {shown!r}"


def test_help_prints_and_exits_zero(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as stop:
        main(["build", "--help"])
    assert stop.value.code == 0
    text = " ".join(capsys.readouterr().out.split())
    assert "output folder (default: build)" in text
    assert "parallel workers (default: all cores)" in text

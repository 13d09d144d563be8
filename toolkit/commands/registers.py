"""`teikit registers`: proposed register entries from the corpus, the editor's decisions on
them, and linking the documents to the registers in place.

    teikit registers propose tei [--format text|json] [--html FILE]
    teikit registers accept KEY [tei]        # a new entry in the register of its kind
    teikit registers merge KEY --into ID [tei]  # its spellings become variants of ID
    teikit registers reject KEY [tei]        # remembered in registers/rejected.json
    teikit registers link tei                # ref="per:id" on the names the registers hold,
                                             # and their forms in plain text tagged
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from toolkit.errors import InputError, UsageError
from toolkit.names import curation
from toolkit.names.linker import link_edition


def configure(parser: argparse.ArgumentParser) -> None:
    actions = parser.add_subparsers(dest="action", required=True, metavar="ACTION",
                                    help="propose, accept, merge, reject or link")
    edition_help = "the edition folder (default: tei)"
    propose = actions.add_parser("propose", help="list the proposed entries: names the documents "
                                 "tag without a register entry, with counts and contexts")
    propose.add_argument("edition", type=Path, nargs="?", default=Path("tei"), help=edition_help)
    propose.add_argument("--format", choices=("text", "json"), default="text",
                         help="text for reading, json for tools (default: text)")
    propose.add_argument("--html", type=Path, metavar="FILE", help="also write a static review page")
    for name, help_ in (("accept", "add a proposed entry to the register of its kind"),
                        ("merge", "add a proposal's spellings to an entry as variants"),
                        ("reject", "reject a proposal (it is not proposed again)")):
        action = actions.add_parser(name, help=help_)
        action.add_argument("key", metavar="KEY", help="the proposal's key, as propose lists it")
        action.add_argument("edition", type=Path, nargs="?", default=Path("tei"), help=edition_help)
        if name == "merge":
            action.add_argument("--into", required=True, metavar="ID",
                                help="the register entry (xml:id) that takes the spellings")
    link = actions.add_parser("link", help="link the documents' names to the registers, in place, "
                              "and tag the registers' names met as plain text")
    link.add_argument("edition", type=Path, nargs="?", default=Path("tei"), help=edition_help)
    parser.add_argument("--registers", type=Path, metavar="DIR",
                        help="the registers (default: EDITION/registers)")


def run(args: argparse.Namespace) -> int:
    edition: Path = args.edition
    if not edition.is_dir():
        raise InputError(f"{edition} is not a folder of TEI documents", str(edition))
    registers_dir: Path = args.registers or edition / "registers"
    if args.action == "link":
        changed = 0
        for result in link_edition(edition, registers_dir):
            lines = [(line or 0, f"linked {text!r} -> {ref}") for line, text, ref in result.names]
            lines += [(line, f"tagged {text!r} -> {ref}") for line, text, ref in result.wrapped]
            lines += [(line, f"not linked {text!r}: a form of {', '.join(ids)} (make it a form "
                       "of one entry only, or tag it by hand)") for line, text, ids in result.ambiguous]
            for line, message in sorted(lines, key=lambda item: item[0]):
                print(f"{result.path}:{line or ''}: {message}")
            changed += result.changed
        print(f"linked names in {changed} of {len(curation.documents(edition))} documents")
        return 0
    proposals = curation.propose(edition, registers_dir)
    if args.action == "propose":
        if args.html:
            args.html.write_text(curation.as_html(proposals), encoding="utf-8")
        if args.format == "json":
            json.dump([p.as_json() for p in proposals], sys.stdout, ensure_ascii=False, indent=1)
            sys.stdout.write("\n")
        else:
            sys.stdout.write(curation.as_text(proposals))
        return 0
    proposal = curation.find(proposals, args.key)
    if args.action == "accept":
        path = curation.accept(proposal, registers_dir)
        print(f"{path}: added {proposal.kind} {proposal.key!r} ({proposal.name}); "
              f"run `teikit registers link {edition}` to link its mentions")
    elif args.action == "merge":
        path = curation.merge(proposal, args.into, registers_dir)
        print(f"{path}: {', '.join(proposal.forms)} added to {args.into!r} as variants")
    elif args.action == "reject":
        path = curation.reject(proposal, registers_dir)
        print(f"{path}: {proposal.key!r} rejected")
    else:  # pragma: no cover - argparse allows only the actions above
        raise UsageError(f"unknown action {args.action}")
    return 0

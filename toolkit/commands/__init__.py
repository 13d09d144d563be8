"""The CLI's subcommands: one module each, listed here in the order `--help` shows them.

A command's module (and what it imports: Saxon, Typst, the server...) is loaded only when that
command runs, so `teikit text` does not pay for `teikit build`.
"""

from __future__ import annotations

import argparse
import importlib
from collections.abc import Callable
from dataclasses import dataclass
from typing import cast


@dataclass(frozen=True)
class Command:
    name: str
    module: str  # toolkit.commands.<module>, defining configure(parser) and run(args) -> int
    help: str

    def load(self) -> tuple[Callable[[argparse.ArgumentParser], None],
                            Callable[[argparse.Namespace], int]]:
        module = importlib.import_module(f"toolkit.commands.{self.module}")
        return (cast(Callable[[argparse.ArgumentParser], None], module.configure),
                cast(Callable[[argparse.Namespace], int], module.run))


COMMANDS = [
    Command("init", "init", "start a new edition: a folder with teikit.toml, tei/registers/ "
            "and sources/ that validates and builds at once"),
    Command("convert", "convert", "convert reports (text/Markdown exports, Word files) to TEI, "
            "one file per document number"),
    Command("text", "text", "print the plain-text projection of TEI documents (brackets "
            "regenerated from the markup)"),
    Command("facsimile", "facsimile", "record a document's scanned original (a PDF or page "
            "images) in its TEI: facsimile surfaces and pb/@facs, edited in place"),
    Command("validate", "validate", "validate TEI files (folders recursively) against the "
            "project schema and rules"),
    Command("build", "build", "build the editions (HTML, PDF) from the TEI folder into the "
            "build folder"),
    Command("import", "imports", "import other archives' TEI (FRUS volumes, TEI documents, "
            "teiCorpus) into an edition folder"),
    Command("export", "export", "export the edition: tei-corpus, standalone documents, or "
            "Dublin Core records"),
    Command("registers", "registers", "propose register entries from the corpus, accept, merge "
            "or reject them, and link the documents' names to the registers in place"),
    Command("serve", "serve", "serve the edition over DTS 1.0 (/dts) and OAI-PMH 2.0 (/oai)"),
]

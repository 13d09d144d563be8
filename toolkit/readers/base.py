"""What every reader is given and what it gives back."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from typing import Protocol

from lxml import etree

from toolkit.encoding.names import NameTagger
from toolkit.errors import Diagnostic


@dataclass(frozen=True)
class ReadContext:
    """Everything about the edition a reader needs, prepared once per output folder."""

    tagger: NameTagger
    change_date: date
    document_id: str | None = None  # `teikit convert --id`: the one source's identifier
    # Who makes a document available whose source names nobody (a text without the archive's
    # metadata block): the edition's publisher or title, from its teikit.toml.
    authority: str = "teikit edition"


@dataclass(frozen=True)
class Conversion:
    tree: etree._ElementTree
    number: str  # the archive's document number: the output file's name
    diagnostics: tuple[Diagnostic, ...]
    stats: Mapping[str, int]


class Reader(Protocol):
    name: str
    extensions: tuple[str, ...]
    description: str

    def read(self, data: bytes, path: str, context: ReadContext) -> Conversion: ...

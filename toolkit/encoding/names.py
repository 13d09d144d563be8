"""Tagging the names of the edition's registers in running text."""

from __future__ import annotations

import re
from pathlib import Path

from lxml import etree

from toolkit.registers import Entry, Registers
from toolkit.tei import Inline, el


class NameTagger:
    """Finds register name forms in text (longest form first) and wraps them with @ref."""

    def __init__(self, registers: Registers, document_dir: Path) -> None:
        self._forms: dict[str, Entry] = {}
        for entry in registers.entries:
            for name in entry.names:
                self._forms.setdefault(name, entry)
        self._refs = {entry.xml_id: registers.ref(entry, document_dir) for entry in registers.entries}
        forms = sorted(self._forms, key=len, reverse=True)
        alternation = "|".join(re.escape(form) for form in forms) or r"(?!x)x"
        self._pattern = re.compile(rf"(?<!\w)(?:{alternation})(?![\w-])")
        self.count = 0

    def lookup(self, phrase: str) -> Entry | None:
        return self._forms.get(" ".join(phrase.split()))

    def mention(self, entry: Entry, content: list[Inline] | str) -> etree._Element:
        self.count += 1
        return el(entry.mention_tag, content, ref=self._refs[entry.xml_id])

    def ref_of(self, entry: Entry) -> str:
        return self._refs[entry.xml_id]

    def starts_with_name(self, text: str) -> bool:
        """Whether `text` opens with a register name, perhaps after 'Comrade'."""
        text = re.sub(r"^\s*(?:Comrades?|Mr\.|Mrs\.|Dr\.)\s+", "", text)
        return self._pattern.match(text.lstrip()) is not None

    def tag(self, text: str) -> list[Inline]:
        out: list[Inline] = []
        position = 0
        for match in self._pattern.finditer(text):
            out.append(text[position:match.start()])
            out.append(self.mention(self._forms[match.group()], match.group()))
            position = match.end()
        out.append(text[position:])
        return out

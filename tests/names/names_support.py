"""What the name tests share: a report's header around a body of invented text, the converter's
context with the sample's registers, and the names the converter tags in that body."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from lxml import etree

from toolkit.convert import ConvertOptions, convert_bytes, make_context
from toolkit.encoding.names import DocumentNames, NameTagger
from toolkit.readers import ReadContext
from toolkit.tei import NS

ROOT = Path(__file__).resolve().parents[2]
HEADER = """**May 1, 1966**

**Report on names**

**Citation:**

"Report on names", May 1, 1966, Wilson Center Digital Archive, Archive of Invented Reports (AIR), test. <https://wilson-center.drivingcreative.com/document/990100>

**Original Language:**

Hungarian

**Contents:**

Translation - English

"""


def sample_context() -> ReadContext:
    """The converter's context with the sample's registers (and the shipped gazetteer)."""
    return make_context(ConvertOptions(ROOT / "tei", ROOT / "tei" / "registers", date(2026, 1, 1)))


def names(context: ReadContext, body: str) -> list[tuple[str, str, str | None]]:
    """(element, text, ref) of every name in the converted body, in order."""
    tree = convert_bytes((HEADER + body).encode(), "wilson-990100.txt", context).tree
    text = tree.getroot().find("tei:text", NS)
    assert text is not None
    return [(etree.QName(n).localname, " ".join("".join(n.itertext()).split()), n.get("ref"))
            for n in text.iter("{*}persName", "{*}placeName", "{*}orgName")]


def found(tagger: NameTagger, text: str, document: DocumentNames | None = None) -> list[tuple[str, str]]:
    """(kind, text) of every span the tagger finds in a sentence."""
    return [(span.kind, text[span.start:span.end]) for span in tagger.spans(text, document)]

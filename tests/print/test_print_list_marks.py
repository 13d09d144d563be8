"""Lists whose items carry their own labels are set without a bullet (print edition).

`1 - Cde. N. Name` in a distribution list, `a) ...` with a label element, `(a) ...; (b) ...`
run into a paragraph: the label is the item's mark; a bullet before it is a mark the source
does not have. Real Saxon over converted layouts; the print XML's list type says how Typst
sets the list (`marked`: no marker; `bulleted`: a bullet).
"""

from __future__ import annotations

import shutil
import sys
from datetime import date
from pathlib import Path

from lxml import etree

from toolkit.builders import BuildConfig
from toolkit.builders.base import Document
from toolkit.builders.pdf import PdfBuilder
from toolkit.convert import ConvertOptions, convert_files

sys.path.insert(0, str(Path(__file__).resolve().parent))
from print_support import ROOT, make_edition  # noqa: E402

LAYOUTS = ROOT / "tests" / "converter" / "layouts"


def list_types(tmp_path: Path, *names: str) -> list[tuple[str, str]]:
    source = make_edition(tmp_path / "tei")
    inputs = []
    for name in names:
        found = next(LAYOUTS.glob(f"{name}*.txt"))
        inputs.append(tmp_path / found.name)
        shutil.copy(found, inputs[-1])
    results = list(convert_files(inputs, ConvertOptions(source, source / "registers", date(2026, 11, 27))))
    assert [r.error for r in results] == [None] * len(names)
    builder = PdfBuilder(BuildConfig(source_dir=source, output_dir=tmp_path / "out"))
    types = []
    for path in sorted(r.output for r in results if r.output is not None):
        xml = builder.print_xml(Document(path))[0]
        for element in etree.fromstring(xml.encode("utf-8")).iter("list"):
            first = element.find("item")
            types.append((element.get("type", ""), "".join(first.itertext()).strip()[:12]
                          if first is not None else ""))
    return types


def test_items_with_their_own_labels_have_no_bullet(tmp_path: Path) -> None:
    found = dict((text, kind) for kind, text in list_types(tmp_path, "005-", "149-", "054-"))
    assert found["1 - Cde. L. "] == "marked"  # a distribution list: `1 - Cde. ...`
    assert found["(a) the dele"] == "marked"  # an inline enumeration
    assert found["• the hotels"] == "marked"  # the source's own bullets, kept as text


def test_items_without_a_mark_of_their_own_keep_the_bullet(tmp_path: Path) -> None:
    """126's copies (`1st copy   Cde. ...`) have no mark: the print sets its bullet."""
    found = dict((text, kind) for kind, text in list_types(tmp_path, "126-"))
    assert found["1st copy Cde"] == "bulleted"

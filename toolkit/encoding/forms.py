"""A form's fields (probe14, 159): a personnel card, a questionnaire sheet, any record laid
out as `Label: value` lines whose labels are a form's (`Name:`, `Born:`, `Party member
since:`), not the memo labels `structure.MEMO_FIELD` knows. Such a run is no dialogue: a
speaker's name or role capitalises its words (`Foreign Minister Ōhira:`), a form's label only
its first (`Party member since:`), and no label comes twice; labels of one word are a
form's when their values are short data and none comes back (`Quelle:`, `Treffort:`). At the top the fields are the
opener's `seg[@type='memo-field']`; after a block of the text, a `list[@type='memo-fields']`
(as `lists.late_fields`)."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from lxml import etree

from toolkit.encoding import lists, structure as cue
from toolkit.encoding.blocks import LINE_BREAK, SourceBlock
from toolkit.tei import Inline, el, sub

if TYPE_CHECKING:
    from toolkit.encoding.body import BodyEncoder

# one to four words, the first capitalised, the others in lower case (`Date of birth`)
FORM_FIELD = re.compile(r"^(?P<label>[A-Z][a-z]{1,20}(?:[ -][a-z]{1,20}){0,3})\s*:(?=\s*\S)")
RUN_NEEDED = 3  # fields in a row, one of several words, before a form is read


def _label(unit: SourceBlock) -> str | None:
    if LINE_BREAK in unit.text:
        return None
    found = FORM_FIELD.match(unit.text.strip())
    return found.group("label") if found else None


def _data_run(units: list[SourceBlock], start: int, end: int, labels: list[str]) -> bool:
    """Labels of one word each (`Quelle:`, `Treffort:`, `Treffzeit:`, a meeting report's
    fields) whose values are short data, no sentence, and no label of which comes back as a
    label further on: a form's fields, not speakers (a dialogue's speakers speak in sentences,
    and speak again). A run opening with a memo field (`Datum:`, `Betreff:`) is the memo's
    fields, read by the memo rule with their names."""
    if cue.MEMO_FIELD.match(units[start].text.strip()):
        return False
    for unit in units[start:end]:
        found = FORM_FIELD.match(unit.text.strip())
        assert found
        value = unit.text.strip()[found.end():].strip()
        if len(value.split()) > DATA_WORDS or value.endswith((".", "!", "?")):
            return False
    return not any((_label(u) or "").lower() in labels for u in units[end:])


DATA_WORDS = 6
# a field that holds a person's name (`Name:`, `Full name:`, `Surname and name:`)
NAME_LABEL = re.compile(r"^(?:full |sur)?name(?: and (?:first |fore|sur)?name)?$", re.I)


def _value(encoder: BodyEncoder, label: str, value: SourceBlock) -> list[Inline]:
    """A field's value; a name field's name, written family name first (`HORVÁTH, Lajos`,
    the surname in capitals and a comma before the forename) or not, one `persName`, which
    the names stage, reading running text, does not find in that order."""
    text = value.text.strip()
    content = encoder._inline(value, value.text.rstrip())
    words = text.replace(",", " ").split()
    if not NAME_LABEL.match(label) or any(not isinstance(c, str) for c in content) \
            or not 2 <= len(words) <= 5 or text.count(",") > 1 \
            or not all(w[:1].isupper() for w in words) or any(c.isdigit() for c in text):
        return content
    entry = encoder.tagger.lookup(text)
    person = encoder.tagger.mention(entry, text) if entry else el("persName", text)
    lead = value.text[:len(value.text) - len(value.text.lstrip())]
    return [lead, person] if lead else [person]


def field_units(units: list[SourceBlock]) -> set[int]:
    """Indexes of the units that are a form's fields: a run of `RUN_NEEDED` lines or more
    with distinct labels, one of several words; after it, every further line with a label
    not used yet (the form goes on below a table or a line of its own)."""
    fields: set[int] = set()
    used: set[str] = set()
    index = 0
    while index < len(units):
        end = index
        labels: list[str] = []
        while end < len(units):
            label = _label(units[end])
            if label is None or label.lower() in labels:
                break
            labels.append(label.lower())
            end += 1
        if not fields and len(labels) >= RUN_NEEDED and (
                any(" " in lab for lab in labels) or _data_run(units, index, end, labels)):
            fields.update(range(index, end))
            used.update(labels)
        elif fields:
            for at in range(index, end):
                if labels[at - index] not in used:
                    fields.add(at)
                    used.add(labels[at - index])
        index = max(end, index + 1)
    return fields


def encode(encoder: BodyEncoder, div: etree._Element, units: list[SourceBlock], index: int,
           fields: set[int], top: bool) -> int:
    """The fields from `index` on, as the opener's segs at the top, else a list of fields.
    The units taken, or 0."""
    end = index
    while end in fields:
        end += 1
    if end == index:
        return 0
    holder = encoder._current_opener(div) if top else sub(div, "list", type="memo-fields")
    for unit in units[index:end]:
        found = FORM_FIELD.match(unit.text.strip())
        assert found
        start = len(unit.text) - len(unit.text.lstrip())
        value = unit.tail(start + found.end())
        content = [el("label", found.group()), *_value(encoder, found.group("label"), value)]
        name = lists.ncname(found.group("label").lower())
        if top:
            sub(holder, "seg", content, type="memo-field", subtype=name)
        else:
            sub(holder, "item", content, n=name)
    encoder.decided(f"{units[index].text.strip()[:40]!r} and the lines under it taken as a "
                    "form's fields", units[index].line)
    return end - index

"""Empty header fields are errors on their own line, each under its own rule (teikit.sch,
pattern empty-fields): an empty title passed before. Every field is emptied in every document
of the converted and fixture editions that has it."""

from __future__ import annotations

import shutil
from collections import Counter
from pathlib import Path

from mutations import EMPTY_FIELDS, mutations

from toolkit.errors import Severity
from toolkit.validation import ValidateOptions
from toolkit.validation.runner import FileValidator


def test_each_emptied_field_is_its_rule_on_its_line(converted_edition: Path, fixture_edition: Path,
                                                   tmp_path: Path) -> None:
    validator = FileValidator(ValidateOptions(jobs=1, declared=False))
    seen: Counter[str] = Counter()
    failures: list[str] = []
    for number, edition in enumerate((converted_edition, fixture_edition)):
        copy = tmp_path / f"edition{number}"
        shutil.copytree(edition, copy)
        for path in sorted(edition.glob("*.xml")):
            target = copy / path.name
            original = target.read_bytes()
            for mutation in (m for m in mutations(path) if m.family == "empty-field"):
                target.write_bytes(mutation.data)
                try:
                    report = validator.validate(target)
                finally:
                    target.write_bytes(original)
                rule = EMPTY_FIELDS[mutation.description]
                hits = [d for d in report.diagnostics if d.rule == rule
                        and d.severity is Severity.ERROR and d.line in mutation.lines]
                if not hits:
                    failures.append(f"{mutation.name}: no {rule} on line {sorted(mutation.lines)}: "
                                    + "; ".join(d.format() for d in report.diagnostics[:3]))
                seen[rule] += 1
    assert failures == [], "\n".join(failures[:20])
    assert set(seen) == set(EMPTY_FIELDS.values()), seen

"""The mutation suite: valid documents raise nothing; each of several hundred one-change
mutations of them is reported as an error in the mutated file, on the line of the change."""

from __future__ import annotations

import shutil
from collections import Counter
from pathlib import Path

import pytest
import xmlschema
from lxml import etree
from mutations import Mutation, cross_file_ids, mutations

from toolkit.errors import Severity
from toolkit.validation import ValidateOptions, validate_files
from toolkit.validation.registry import PROJECT_XSD
from toolkit.validation.runner import FileValidator

MINIMUM = 200


def _documents(edition: Path) -> list[Path]:
    return sorted(edition.rglob("*.xml"))


def _all_mutations(converted: Path, fixture: Path) -> list[Mutation]:
    found: list[Mutation] = []
    for edition in (converted, fixture):
        for path in _documents(edition):
            # synthetic documents are many and alike: a few suffice
            synthetic = path.stem.startswith("6") and len(path.stem) == 6
            if synthetic and int(path.stem) % 6:
                continue
            found.extend(mutations(path, per_family=2 if synthetic else 3))
    return found


@pytest.fixture(scope="module")
def all_mutations(converted_edition: Path, fixture_edition: Path) -> list[Mutation]:
    return _all_mutations(converted_edition, fixture_edition)


def test_valid_documents_raise_nothing(converted_edition: Path, fixture_edition: Path) -> None:
    for edition in (converted_edition, fixture_edition):
        reports = list(validate_files([edition], ValidateOptions(jobs=1, thorough=True)))
        assert len(reports) >= 4
        problems = [d.format() for r in reports for d in r.diagnostics]
        assert problems == []


def test_there_are_enough_mutations_of_every_kind(all_mutations: list[Mutation]) -> None:
    assert len(all_mutations) >= MINIMUM
    families = Counter(m.family for m in all_mutations)
    for family in ("rename", "remove-required", "broken-ref", "ref-kind", "duplicate-id",
                   "stray-text", "bad-date", "bad-value", "unknown-attribute", "document-number",
                   "date-disagrees", "supplied-reason", "root-namespace", "register-preferred",
                   "subst-pair", "hand-resolves", "empty-field"):
        assert families[family] >= 1, family


def _check(validator: FileValidator, mutation: Mutation, copies: dict[Path, Path],
           tmp_path: Path) -> list[str]:
    """Validate the mutation in a copy of its edition; return what is wrong with the result."""
    edition = mutation.file.parent
    if edition.name == "registers":
        edition = edition.parent
    if edition not in copies:
        copies[edition] = tmp_path / f"edition{len(copies)}"
        shutil.copytree(edition, copies[edition])
    target = copies[edition] / mutation.file.relative_to(edition)
    original = target.read_bytes()
    target.write_bytes(mutation.data)
    try:
        report = validator.validate(target)
    finally:
        target.write_bytes(original)
    errors = [d for d in report.diagnostics if d.severity is Severity.ERROR]
    if not errors:
        return [f"{mutation.name}: not reported at all"]
    if any(d.path != str(target) for d in report.diagnostics):
        return [f"{mutation.name}: reported in another file"]
    if not any(d.line in mutation.lines for d in errors):
        found = "; ".join(f"{d.line}: {d.message}" for d in errors[:3])
        return [f"{mutation.name}: expected on line {sorted(mutation.lines)}, got {found}"]
    return []


def test_every_mutation_is_reported_on_its_line(all_mutations: list[Mutation],
                                                tmp_path: Path) -> None:
    # the copies live elsewhere, so their xml-model PIs (the project schemas) would not resolve
    validator = FileValidator(ValidateOptions(jobs=1, declared=False))
    failures: list[str] = []
    copies: dict[Path, Path] = {}
    for mutation in all_mutations:
        failures += _check(validator, mutation, copies, tmp_path)
    assert failures == [], f"{len(failures)} of {len(all_mutations)} missed:\n" + "\n".join(failures[:40])


def test_a_duplicate_id_across_files_is_reported_in_the_later_file(converted_edition: Path,
                                                                   tmp_path: Path) -> None:
    checked = 0
    for earlier, mutation in cross_file_ids(converted_edition / "registers"):
        copy = tmp_path / f"x{checked}"
        shutil.copytree(converted_edition / "registers", copy)
        (copy / mutation.file.name).write_bytes(mutation.data)
        reports = {r.path: r for r in validate_files([copy], ValidateOptions(jobs=1))}
        mutated = reports[str(copy / mutation.file.name)]
        hits = [d for d in mutated.diagnostics if d.rule == "tk-id-unique"]
        assert hits and hits[0].line in mutation.lines, mutation.name
        assert f"{copy / earlier.name}:" in hits[0].message
        assert reports[str(copy / earlier.name)].valid
        checked += 1
    assert checked >= 3


def test_libxml2_and_xmlschema_agree_on_every_mutation(all_mutations: list[Mutation]) -> None:
    """The fast path (libxml2 decides, xmlschema explains) is sound only if they agree."""
    fast = etree.XMLSchema(etree.parse(str(PROJECT_XSD)))
    reference = xmlschema.XMLSchema10(str(PROJECT_XSD))
    disagreements = []
    parser = etree.XMLParser(collect_ids=False)  # duplicate xml:ids are left to the schemas
    for mutation in all_mutations:
        tree = etree.ElementTree(etree.fromstring(mutation.data, parser))
        if fast.validate(tree) != reference.is_valid(tree):
            disagreements.append(mutation.name)
    assert disagreements == []

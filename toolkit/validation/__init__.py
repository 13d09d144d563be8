"""Validation of the edition's TEI: the project XSD and Schematron, edition-wide rules, and
any schema a user names or a document declares.

One module per validator kind (xsd, schematron, relaxng, edition), a registry of kinds,
the batch runner, and the report formats. Other commands call `validate`:

    errors = [d for d in validate([Path("tei")]) if d.severity is Severity.ERROR]
"""

from toolkit.validation.runner import (FileReport, ValidateOptions, collect, validate,
                                       validate_files)

__all__ = ["FileReport", "ValidateOptions", "collect", "validate", "validate_files"]

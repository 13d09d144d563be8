"""xmlschema's errors, at most `cap` of them as objects; the rest only counted.

xmlschema collects every error of a document as an exception object before it yields the
first (64,000 invalid siblings: 64,000 objects of a dozen attributes each, about 2 s per MB
of input). A person reads the first hundred; the rest need only their number. xmlschema
creates its validation context inside `iter_errors`, so for the duration of one call the name
it looks up is bound to a subclass that, once `cap` errors are collected, counts further
errors instead of building them. Validation is otherwise xmlschema's own: the same rules, the
same order, an exact count. If a future xmlschema no longer looks the name up there, the
subclass is simply not used and every error is built, as before (slower, still correct).
"""

from __future__ import annotations

import threading
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    import xmlschema
    from xmlschema.validators.exceptions import XMLSchemaValidationError

_LOCK = threading.Lock()  # the binding is module-wide: one capped validation at a time


def capped_errors(schema: "xmlschema.XMLSchemaBase", source: Any,
                  cap: int) -> tuple[list["XMLSchemaValidationError"], int]:
    """The first errors of `source` (up to `cap`, plus any xmlschema reports after the
    document's elements, such as unresolved IDREFs) and the count of those not built."""
    with _capped_context(cap) as made:
        errors = list(schema.iter_errors(source))
    return errors, sum(context.dropped for context in made)


@contextmanager
def _capped_context(cap: int) -> Iterator[list[Any]]:
    from xmlschema.validators import schemas
    from xmlschema.validators.validation import ValidationContext

    made: list[Any] = []

    class CappedContext(ValidationContext):
        __slots__ = ("dropped",)

        def __init__(self, *args: Any, **kwargs: Any) -> None:
            super().__init__(*args, **kwargs)
            self.validation_only = True  # xmlschema tests the exact class for this
            self.dropped = 0
            made.append(self)

        def _full(self, validation: str) -> bool:
            if validation == "lax" and len(self.errors) >= cap > 0:
                self.dropped += 1
                return True
            return False

        def validation_error(self, validation: str, validator: Any, error: Any,
                             obj: Any = None) -> "XMLSchemaValidationError":
            # past the cap the return value is never used: while elements are validated it is
            # dropped, and the errors xmlschema yields itself come after errors is emptied
            if self._full(validation):
                return self.errors[-1]
            return super().validation_error(validation, validator, error, obj)

        def children_validation_error(self, validation: str, validator: Any, elem: Any, index: int,
                                      particle: Any, occurs: int = 0,
                                      expected: Iterable[Any] | None = None) -> "XMLSchemaValidationError":
            if self._full(validation):
                return self.errors[-1]
            return super().children_validation_error(validation, validator, elem, index, particle,
                                                     occurs, expected)

    with _LOCK:
        original = getattr(schemas, "ValidationContext", None)
        if original is not ValidationContext:  # not the layout this was written for
            yield made
            return
        setattr(schemas, "ValidationContext", CappedContext)
        try:
            yield made
        finally:
            setattr(schemas, "ValidationContext", original)

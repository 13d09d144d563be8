"""The builder registry: one module per output format (see `base.Builder`).

The registry is imported on first use (PEP 562): a build's worker process unpickles its
builder class, which imports this package first; importing every builder there (the web
builder brings the server, the readers and the encoding stages) cost each PDF worker about
a second of CPU before its first document.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from toolkit.builders.base import BuildConfig, Builder, BuildReport, run_builder

if TYPE_CHECKING:
    BUILDERS: dict[str, type[Builder]]

#: the order a build runs them in: the print edition, which is likelier to fail on a document
#: (fonts, Typst), first, so that a document it cannot set leaves the web edition untouched too;
#: the EPUB before the web edition for the same reason
PUBLISH_ORDER = ("pdf", "epub", "html")


def __getattr__(name: str) -> Any:
    if name == "BUILDERS":
        from toolkit.builders.epub import EpubBuilder
        from toolkit.builders.html import HtmlBuilder
        from toolkit.builders.pdf import PdfBuilder
        builders: dict[str, type[Builder]] = {"html": HtmlBuilder, "pdf": PdfBuilder, "epub": EpubBuilder}
        globals()["BUILDERS"] = builders
        return builders
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


__all__ = ["BUILDERS", "PUBLISH_ORDER", "BuildConfig", "BuildReport", "Builder", "run_builder"]

"""The builder registry: one module per output format (see `base.Builder`)."""

from __future__ import annotations

from toolkit.builders.base import BuildConfig, Builder, BuildReport, run_builder
from toolkit.builders.epub import EpubBuilder
from toolkit.builders.html import HtmlBuilder
from toolkit.builders.pdf import PdfBuilder

BUILDERS: dict[str, type[Builder]] = {"html": HtmlBuilder, "pdf": PdfBuilder, "epub": EpubBuilder}
#: the order a build runs them in: the print edition, which is likelier to fail on a document
#: (fonts, Typst), first, so that a document it cannot set leaves the web edition untouched too;
#: the EPUB before the web edition for the same reason
PUBLISH_ORDER = ("pdf", "epub", "html")

__all__ = ["BUILDERS", "PUBLISH_ORDER", "BuildConfig", "BuildReport", "Builder", "run_builder"]

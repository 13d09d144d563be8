"""The builder registry: one module per output format (see `base.Builder`)."""

from __future__ import annotations

from toolkit.builders.base import BuildConfig, Builder, BuildReport, run_builder
from toolkit.builders.html import HtmlBuilder
from toolkit.builders.pdf import PdfBuilder

BUILDERS: dict[str, type[Builder]] = {"html": HtmlBuilder, "pdf": PdfBuilder}

__all__ = ["BUILDERS", "BuildConfig", "BuildReport", "Builder", "run_builder"]

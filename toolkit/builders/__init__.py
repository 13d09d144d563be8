"""The builder registry: one module per output format (see `base.Builder`)."""

from __future__ import annotations

from toolkit.builders.base import BuildConfig, Builder, BuildReport, run_builder
from toolkit.builders.html import HtmlBuilder

BUILDERS: dict[str, type[Builder]] = {}
BUILDERS["html"] = HtmlBuilder

from toolkit.builders.pdf import PdfBuilder  # noqa: E402  (registers after BUILDERS exists)

BUILDERS["pdf"] = PdfBuilder

__all__ = ["BUILDERS", "BuildConfig", "BuildReport", "Builder", "run_builder"]

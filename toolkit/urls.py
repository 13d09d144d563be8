"""The URL rule every output applies to a URL taken from a document (issue 14, stored script
injection): http, https, mailto or a relative reference may become a link; anything else
(javascript:, data:, vbscript:, file: ...) may not. xslt/common/urls.xsl is the same rule for
the stylesheets; the validator reports URLs that break it.
"""

from __future__ import annotations

import re

SAFE_SCHEMES = ("http", "https", "mailto")
# schemes that run code or read the reader's machine: never a link, never an identifier shown
DANGEROUS = frozenset({"javascript", "vbscript", "livescript", "data", "file", "blob",
                       "filesystem", "jar", "view-source", "ms-its", "mhtml", "res", "about"})
_SCHEME = re.compile(r"^([A-Za-z][A-Za-z0-9+.\-]*):", re.S)
# Browsers drop tabs and line breaks anywhere in a URL and C0 controls and spaces around it.
_DROPPED = re.compile(r"[\t\n\r]")
_EDGES = re.compile(r"^[\x00-\x20]+|[\x00-\x20]+$")


def clean_url(url: str) -> str:
    """The URL as a browser reads it (before the scheme is looked at)."""
    return _EDGES.sub("", _DROPPED.sub("", url))


def url_scheme(url: str) -> str | None:
    """The URL's scheme, lower-cased; None for a relative reference."""
    match = _SCHEME.match(clean_url(url))
    return match.group(1).lower() if match else None


def is_safe_url(url: str) -> bool:
    scheme = url_scheme(url)
    return scheme is None or scheme in SAFE_SCHEMES


def safe_url(url: str | None) -> str | None:
    """The cleaned URL if it may be a link, else None."""
    if url is None:
        return None
    clean = clean_url(url)
    return clean if clean and is_safe_url(clean) else None

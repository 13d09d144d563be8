"""`teikit serve`: an ASGI application (Starlette) publishing the edition over DTS 1.0 and OAI-PMH 2.0.

    /dts                 DTS entry point (JSON-LD); /dts/collection, /dts/navigation, /dts/document
    /oai                 OAI-PMH 2.0 (GET and POST)

Links the server gives out (OAI baseURL, DTS templates and pagination) start from the
configured `base_url`; without one, from the request's own scheme and Host, but only for a
host in `allowed_hosts`: a Host header is never reflected unchecked (cache poisoning, links
to another site). POST bodies are read no further than `max_body` bytes.

The application is in `app.py`, imported when first asked for: the web builder uses
`citations` alone, and importing the package must not import Starlette, the DTS service and,
through it, every reader of the toolkit (about 2 s of start-up in every `teikit build`).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from toolkit.server.app import ServerConfig, create_app, public_base

__all__ = ["ServerConfig", "create_app", "public_base"]


def __getattr__(name: str) -> Any:
    if name in __all__:
        from toolkit.server import app
        return getattr(app, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")

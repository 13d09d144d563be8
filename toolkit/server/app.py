"""The ASGI application of `teikit serve` (see the package's docstring)."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from urllib.parse import parse_qsl

from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import JSONResponse, PlainTextResponse, Response
from starlette.routing import Route

from toolkit.server.catalogue import Catalogue
from toolkit.server.hosts import HostError, checked_base
from toolkit.server.dts import DtsConfig, DtsService
from toolkit.server.oai import OaiConfig, OaiRepository


@dataclass(frozen=True)
class ServerConfig:
    edition_dir: Path
    registers_dir: Path | None = None
    title: str = "teikit edition"
    repository_id: str = "teikit.example.org"
    admin_email: str = "editors@example.org"
    page_size: int = 50
    oai_base_url: str = ""  # the public OAI-PMH address (teikit.toml oai.base_url); '' = below
    # where the server is published, e.g. "https://edition.example.org" (no trailing slash
    # needed); "" takes the request's scheme and host, checked against allowed_hosts
    base_url: str = ""
    allowed_hosts: tuple[str, ...] = ("127.0.0.1", "localhost", "[::1]")
    max_body: int = 64 * 1024  # an OAI-PMH request is a few arguments
    edition_url: str = ""  # where the web edition is published (its IIIF manifests are there)


def public_base(config: ServerConfig, request: Request) -> str:
    """Scheme and authority of the links this server gives out (no trailing slash)."""
    return checked_base(config.base_url, config.allowed_hosts, request)


def create_app(config: ServerConfig) -> Starlette:
    catalogue = Catalogue(config.edition_dir, config.registers_dir)
    dts = DtsService(catalogue, DtsConfig("/dts", config.title, config.page_size, config.edition_url),
                     lambda request: public_base(config, request))
    oai = OaiRepository(catalogue, OaiConfig(config.title, config.repository_id, config.admin_email,
                                                config.page_size, config.edition_url))

    async def oai_endpoint(request: Request) -> Response:
        try:
            base_url = config.oai_base_url or public_base(config, request) + "/oai"
        except HostError as error:
            return PlainTextResponse(str(error), status_code=400)
        pairs = list(parse_qsl(request.url.query, keep_blank_values=True))
        if request.method == "POST":
            body = await _bounded_body(request, config.max_body)
            if body is None:
                return PlainTextResponse(f"the request body is over {config.max_body} bytes; an "
                                         "OAI-PMH request is a few arguments", status_code=413)
            pairs += parse_qsl(body.decode("utf-8", errors="replace"), keep_blank_values=True)
        return Response(oai.respond(pairs, base_url), media_type="text/xml; charset=utf-8")

    async def home(_request: Request) -> Response:
        return JSONResponse({"dts": "/dts", "oai-pmh": "/oai?verb=Identify"})

    async def _bounded_body(request: Request, limit: int) -> bytes | None:
        """The body, or None as soon as it passes `limit` bytes (nothing more is read)."""
        declared = request.headers.get("content-length", "")
        if declared.isascii() and declared.isdigit() and len(declared) < 20 and int(declared) > limit:
            return None
        chunks: list[bytes] = []
        size = 0
        async for chunk in request.stream():
            size += len(chunk)
            if size > limit:
                return None
            chunks.append(chunk)
        return b"".join(chunks)

    routes = [
        Route("/", home),
        Route("/dts", dts.entry), Route("/dts/", dts.entry),
        Route("/dts/collection", dts.collection), Route("/dts/collection/", dts.collection),
        Route("/dts/navigation", dts.navigation), Route("/dts/navigation/", dts.navigation),
        Route("/dts/document", dts.document), Route("/dts/document/", dts.document),
        Route("/oai", oai_endpoint, methods=["GET", "POST"]),
    ]
    return Starlette(routes=routes)

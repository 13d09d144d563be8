"""`teikit serve`: an ASGI application (Starlette) publishing the edition over DTS 1.0 and OAI-PMH 2.0.

    /dts                 DTS entry point (JSON-LD); /dts/collection, /dts/navigation, /dts/document
    /oai                 OAI-PMH 2.0 (GET and POST)
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from urllib.parse import parse_qsl

from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.routing import Route

from toolkit.server.catalogue import Catalogue
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
    oai_base_url: str = ""  # the public OAI-PMH address (teikit.toml oai.base_url); '' = as requested


def create_app(config: ServerConfig) -> Starlette:
    catalogue = Catalogue(config.edition_dir, config.registers_dir)
    dts = DtsService(catalogue, DtsConfig("/dts", config.title, config.page_size))
    oai = OaiRepository(catalogue, OaiConfig(config.title, config.repository_id, config.admin_email, config.page_size))

    async def oai_endpoint(request: Request) -> Response:
        pairs = list(parse_qsl(request.url.query, keep_blank_values=True))
        if request.method == "POST":
            body = (await request.body()).decode("utf-8", errors="replace")
            pairs += parse_qsl(body, keep_blank_values=True)
        base_url = config.oai_base_url or str(request.url.replace(query=""))
        return Response(oai.respond(pairs, base_url), media_type="text/xml; charset=utf-8")

    async def home(_request: Request) -> Response:
        return JSONResponse({"dts": "/dts", "oai-pmh": "/oai?verb=Identify"})

    routes = [
        Route("/", home),
        Route("/dts", dts.entry), Route("/dts/", dts.entry),
        Route("/dts/collection", dts.collection), Route("/dts/collection/", dts.collection),
        Route("/dts/navigation", dts.navigation), Route("/dts/navigation/", dts.navigation),
        Route("/dts/document", dts.document), Route("/dts/document/", dts.document),
        Route("/oai", oai_endpoint, methods=["GET", "POST"]),
    ]
    return Starlette(routes=routes)

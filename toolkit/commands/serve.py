"""`teikit serve [EDITION]`: DTS 1.0 and OAI-PMH 2.0 over an edition folder (uvicorn)."""

from __future__ import annotations

import argparse
from pathlib import Path

from toolkit.errors import UsageError



def configure(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("edition", nargs="?", type=Path, default=Path("tei"), metavar="EDITION",
                        help="the edition folder (default: tei)")
    parser.add_argument("--host", default="127.0.0.1", help="address to listen on (default: 127.0.0.1)")
    parser.add_argument("--port", type=int, default=8000, help="port (default: 8000)")
    parser.add_argument("--registers", type=Path, default=None, metavar="DIR",
                        help="the edition's registers (default: EDITION/registers)")
    parser.add_argument("--title", default="teikit edition", help="repository and root collection name")
    parser.add_argument("--repository-id", default="teikit.example.org",
                        help="OAI identifier namespace, a domain name (oai:ID:NUMBER)")
    parser.add_argument("--admin-email", default="editors@example.org", help="OAI-PMH adminEmail")
    parser.add_argument("--base-url", default="", metavar="URL",
                        help="where the server is published (https://host/path): every link starts "
                             "there; without it, links use the request's host if it is allowed")
    parser.add_argument("--allowed-host", action="append", default=[], metavar="NAME",
                        help="a host name the server answers for without --base-url (repeatable; "
                             "localhost, 127.0.0.1, [::1] and --host always are)")
    parser.add_argument("--page-size", type=int, default=50, help="records or members per page (default: 50)")


def run(args: argparse.Namespace) -> int:
    if not args.edition.is_dir():
        raise UsageError(f"no edition folder {args.edition}")
    if args.page_size < 1:
        raise UsageError("--page-size must be at least 1")
    import uvicorn

    from toolkit.server import ServerConfig, create_app
    hosts = ("127.0.0.1", "localhost", "[::1]", args.host, *args.allowed_host)
    app = create_app(ServerConfig(args.edition, args.registers, args.title, args.repository_id,
                                  args.admin_email, args.page_size, base_url=args.base_url,
                                  allowed_hosts=tuple(dict.fromkeys(hosts))))
    uvicorn.run(app, host=args.host, port=args.port, log_level="info")
    return 0

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
    parser.add_argument("--config", type=Path, default=None, metavar="FILE",
                        help="the edition's teikit.toml (default: in EDITION or its parent folder)")
    parser.add_argument("--title", default=None,
                        help="repository and root collection name (default: teikit.toml's "
                             "oai.repository_name, else its title)")
    parser.add_argument("--repository-id", default=None,
                        help="OAI identifier namespace, a domain name (oai:ID:NUMBER; default: "
                             "teikit.toml's oai.repository_id)")
    parser.add_argument("--admin-email", default=None,
                        help="OAI-PMH adminEmail (default: teikit.toml's oai.admin_email)")
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

    from toolkit.config import config_for
    from toolkit.server.app import ServerConfig, create_app
    edition = config_for(args.edition, args.config)
    hosts = ("127.0.0.1", "localhost", "[::1]", args.host, *args.allowed_host)
    app = create_app(ServerConfig(args.edition, args.registers,
                                  args.title or edition.repository_name,
                                  args.repository_id or edition.oai.repository_id,
                                  args.admin_email or edition.oai.admin_email, args.page_size,
                                  edition.oai.base_url, base_url=args.base_url,
                                  edition_url=edition.base_url,
                                  allowed_hosts=tuple(dict.fromkeys(hosts))))
    uvicorn.run(app, host=args.host, port=args.port, log_level="info")
    return 0

"""The public base of the server's links: the configured base URL, else the request's scheme
and Host, but only for a host in the allowed list (a Host header is never reflected unchecked)."""

from __future__ import annotations

from starlette.requests import Request


class HostError(Exception):
    """The request names a host this server does not answer for."""


def checked_base(base_url: str, allowed_hosts: tuple[str, ...], request: Request) -> str:
    """Scheme and authority (no trailing slash) for links in the response to `request`."""
    if base_url:
        return base_url.rstrip("/")
    host = request.headers.get("host", "")
    if host.startswith("["):  # [::1] or [::1]:8000
        name, _, port = host.partition("]")
        name, port = name + "]", port.removeprefix(":")
    else:
        name, _, port = host.partition(":")
    allowed = {h.lower() for h in allowed_hosts}
    if not name or name.lower() not in allowed or (port and not (port.isascii() and port.isdigit())):
        raise HostError(f"host {host[:100]!r} is not one this server answers for; configure "
                        "base_url or allowed_hosts")
    return f"{request.url.scheme}://{host}"

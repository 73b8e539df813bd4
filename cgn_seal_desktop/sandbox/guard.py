"""Who may use the operator side of the sandbox (``/ops``, and the phone pages ``/scan``, ``/pay``).

The operator actions have no login by design: they are how a user plays WeChat, the bank, the
payment provider and the CA reviewer on their own computer. What keeps other people and other web
sites out:

- **loopback only**: a request from a non-loopback client address is refused, unless the server
  was started with ``remote_ops`` (``cgn-seal sandbox --allow-remote-ops``, which warns);
- **no DNS rebinding**: the ``Host`` header must name the loopback interface (``127.0.0.1``,
  ``localhost``, ``[::1]``), so a page on ``attacker.example`` that resolves to 127.0.0.1 is not
  served (unless ``remote_ops``);
- **no cross-site writes**: a POST whose ``Origin`` (or, without one, ``Referer``) is not this
  server is refused; the console's forms also carry a per-start token (:func:`form_token_ok`);
- **no framing**: pages may not be put in another site's frame (clickjacking would make the
  browser send same-origin posts), and nothing is cached.
"""

from __future__ import annotations

import hmac
import ipaddress
import json
from urllib.parse import urlsplit

from starlette.datastructures import Headers, MutableHeaders
from starlette.types import ASGIApp, Message, Receive, Scope, Send

__all__ = ["OpsGuard", "form_token_ok", "is_loopback_host", "is_ops_path"]

_PREFIXES = ("/ops/", "/scan/", "/pay/")
_SAFE_METHODS = {"GET", "HEAD", "OPTIONS"}
_EXTRA_HEADERS = {
    "X-Frame-Options": "DENY",
    "Content-Security-Policy": "frame-ancestors 'none'",
    "Cache-Control": "no-store",
    "Referrer-Policy": "same-origin",
}


def is_ops_path(path: str) -> bool:
    """True for the operator console, its API and the simulated phone pages."""
    return path == "/ops" or path.startswith(_PREFIXES)


def _is_loopback_ip(text: str) -> bool:
    try:
        ip = ipaddress.ip_address(text)
    except ValueError:
        return False
    mapped = getattr(ip, "ipv4_mapped", None)
    return ip.is_loopback or (mapped is not None and mapped.is_loopback)


def is_loopback_host(host: str) -> bool:
    """``localhost`` exactly, or a literal loopback address (127.0.0.0/8, ``::1``)."""
    return host.lower() == "localhost" or _is_loopback_ip(host)


def _host_name(host_header: str) -> str:
    # "127.0.0.1:8765", "[::1]:8765", "localhost"; urlsplit knows the bracket rules.
    try:
        return urlsplit(f"//{host_header}").hostname or ""
    except ValueError:
        return ""


def form_token_ok(sent: str, expected: str) -> bool:
    """The form's hidden token equals this server start's token (constant-time)."""
    return bool(sent) and hmac.compare_digest(sent.encode(), expected.encode())


class OpsGuard:
    """ASGI middleware applying the rules above to :func:`is_ops_path` requests."""

    def __init__(self, app: ASGIApp, *, remote_ops: bool = False) -> None:
        self.app = app
        self.remote_ops = remote_ops

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or not is_ops_path(scope["path"]):
            await self.app(scope, receive, send)
            return
        problem = self._problem(scope, Headers(scope=scope))
        if problem is not None:
            body = json.dumps({"code": "ops_forbidden", "message": problem, "fields": {},
                               "attempts_left": None}).encode()
            await send({"type": "http.response.start", "status": 403, "headers": [
                (b"content-type", b"application/json"),
                (b"content-length", str(len(body)).encode()),
                *((k.lower().encode(), v.encode()) for k, v in _EXTRA_HEADERS.items())]})
            await send({"type": "http.response.body", "body": body})
            return

        async def send_hardened(message: Message) -> None:
            if message["type"] == "http.response.start":
                headers = MutableHeaders(scope=message)
                for k, v in _EXTRA_HEADERS.items():
                    headers.setdefault(k, v)
            await send(message)

        await self.app(scope, receive, send_hardened)

    def _problem(self, scope: Scope, headers: Headers) -> str | None:
        client = scope.get("client")
        if not self.remote_ops and not (client and _is_loopback_ip(client[0])):
            return ("The operator side of the sandbox is served on this computer only "
                    "(start it with --allow-remote-ops to change that)")
        host = headers.get("host", "")
        if not self.remote_ops and not is_loopback_host(_host_name(host)):
            return "The operator side of the sandbox answers only to 127.0.0.1, localhost or [::1]"
        if scope["method"] in _SAFE_METHODS:
            return None
        origin = headers.get("origin")
        if origin is None and headers.get("referer"):
            parts = urlsplit(headers["referer"])
            origin = f"{parts.scheme}://{parts.netloc}"
        # No Origin and no Referer: not a browser form (the CLI, scripts, tests); the console's
        # forms are still covered by their token.
        if origin is not None and origin.lower() != f"{scope.get('scheme', 'http')}://{host}".lower():
            return "Operator actions are accepted only from the sandbox's own pages"
        return None

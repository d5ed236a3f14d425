"""The studio's door: every request carries the token of this start, comes to a host name the
studio answers to, and changes nothing from another site's page.

- `/?token=...` sets the token as an HttpOnly, SameSite=Strict cookie and redirects to `/`;
  later requests carry the cookie, or `Authorization: Bearer TOKEN` (a script). Without it:
  401. The token is compared in constant time.
- A `Host` other than the bound host, localhost or 127.0.0.1 with the port: 403 (a page on
  another site cannot reach the studio through a name it controls, DNS rebinding).
- A POST, PUT or DELETE whose `Origin` is not the studio's own: 403; one authenticated by the
  cookie must carry the studio's `Origin` (a form on another site sends the cookie but never
  that Origin); a script with the Bearer header and no Origin is accepted.
"""
from __future__ import annotations

import hmac
import socket
from collections.abc import Awaitable, Callable, MutableMapping
from http.cookies import SimpleCookie
from typing import Any
from urllib.parse import parse_qs

from ..i18n import _

Scope = MutableMapping[str, Any]
Receive = Callable[[], Awaitable[MutableMapping[str, Any]]]
Send = Callable[[MutableMapping[str, Any]], Awaitable[None]]
ASGI = Callable[[Scope, Receive, Send], Awaitable[None]]
CHANGES = {"POST", "PUT", "DELETE", "PATCH"}


def host_names(host: str) -> set[str]:
    """The names a browser may use for a studio bound to `host`: the loopback names, and for
    an office server (0.0.0.0) the machine's own names and addresses."""
    names = {"127.0.0.1", "localhost", host}
    if host in ("0.0.0.0", "::"):
        hostname = socket.gethostname()
        names |= {hostname, socket.getfqdn()}
        try:
            names |= set(socket.gethostbyname_ex(hostname)[2])
        except OSError:
            pass
    return {n.lower() for n in names if n}


class Guard:
    """ASGI middleware that lets through only what the module's rules allow."""

    def __init__(self, app: ASGI, token: str, hosts: set[str], port: int):
        self.app = app
        self.token = token
        self.port = port
        self.hosts = {f"{h}:{port}" for h in hosts}
        self.origins = {f"http://{h}" for h in self.hosts}
        self.cookie = f"workshopkit-studio-{port}"  # cookies ignore ports: one per studio

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        headers = {k.decode("latin-1").lower(): v.decode("latin-1") for k, v in scope["headers"]}
        if headers.get("host", "").lower() not in self.hosts:
            await _plain(send, 403, _("the studio does not answer to this host name"))
            return
        query = parse_qs(scope.get("query_string", b"").decode("latin-1"))
        if scope["path"] == "/" and "token" in query:
            if self._same(query["token"][0]):
                await self._let_in(send)
            else:
                await _plain(send, 401, _("wrong token: open the link the studio printed when it started"))
            return
        bearer = headers.get("authorization", "")
        by_bearer = bearer.lower().startswith("bearer ") and self._same(bearer[7:].strip())
        cookies = SimpleCookie(headers.get("cookie", ""))
        by_cookie = self.cookie in cookies and self._same(cookies[self.cookie].value)
        if not (by_bearer or by_cookie):
            await _plain(send, 401, _("open the link the studio printed when it started (with ?token=)"))
            return
        if scope["method"] in CHANGES:
            origin = headers.get("origin")
            if origin is not None and origin.lower() not in self.origins or origin is None and not by_bearer:
                await _plain(send, 403, _("a change must come from the studio's own page"))
                return
        await self.app(scope, receive, send)

    def _same(self, given: str) -> bool:
        return hmac.compare_digest(given.encode(), self.token.encode())

    async def _let_in(self, send: Send) -> None:
        cookie = f"{self.cookie}={self.token}; HttpOnly; SameSite=Strict; Path=/"
        await send({"type": "http.response.start", "status": 303,
                    "headers": [(b"location", b"/"), (b"set-cookie", cookie.encode()),
                                (b"cache-control", b"no-store"), (b"content-length", b"0")]})
        await send({"type": "http.response.body", "body": b""})


async def _plain(send: Send, status: int, text: str) -> None:
    body = text.encode() + b"\n"
    await send({"type": "http.response.start", "status": status,
                "headers": [(b"content-type", b"text/plain; charset=utf-8"),
                            (b"content-length", str(len(body)).encode())]})
    await send({"type": "http.response.body", "body": body})

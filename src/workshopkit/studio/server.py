"""The studio: a local web app in which facilitators edit a definition, see every page of its
pack and print it, without a terminal. `serve` starts it (the `studio` command); `create_app`
makes the ASGI app, which tests drive in-process.

The page is server-made HTML with one small script (assets/studio.js, no build step, nothing
from the internet); it speaks to the JSON API of api.py and printing.py, described in
openapi.py. The Guard (guard.py) stands in front of everything.
"""
from __future__ import annotations

import contextlib
import json
import os
import secrets
import socket
import threading
import webbrowser
from collections.abc import AsyncIterator, Callable
from pathlib import Path

import jinja2
from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import FileResponse, JSONResponse, Response
from starlette.routing import Route

from .. import i18n
from ..i18n import _
from ..resources import fonts_dir
from . import api
from .guard import Guard, host_names
from .openapi import SPEC
from .state import Studio
from .words import words

ASSETS = Path(__file__).parent / "assets"
LANGUAGE_COOKIE = "workshopkit-studio-lang"


def create_app(folder: Path, token: str, host: str = "127.0.0.1", port: int = 8765,
               lang: str = "th") -> Guard:
    """The studio for `folder`, open to requests that carry `token` and come to `host`:`port`."""
    app = Starlette(routes=[
        Route("/", _page),
        Route("/favicon.ico", lambda request: Response(status_code=204)),
        Route("/assets/{name}", _asset),
        Route("/assets/fonts/{name}", _font),
        Route("/api/openapi.json", _openapi),
        Route("/api/words/{lang}", _words),
        Route("/api/library", api.library),
        Route("/api/definitions", api.list_definitions, methods=["GET"]),
        Route("/api/definitions", api.create_definition, methods=["POST"]),
        Route("/api/definitions/{rest:path}", api.definition, methods=["GET", "PUT", "POST"]),
    ], lifespan=_lifespan)
    app.state.studio = Studio(folder)
    app.state.lang = lang
    return Guard(_Speaking(app, lang), token, host_names(host), port)


@contextlib.asynccontextmanager
async def _lifespan(app: Starlette) -> AsyncIterator[None]:
    yield
    app.state.studio.close()  # the resident render worker ends with the studio


class _Speaking:
    """Each request in the language the trainer chose on the page (a cookie), else the
    studio's; the messages of the library follow it."""

    def __init__(self, app: Starlette, lang: str):
        self.app, self.lang = app, lang

    async def __call__(self, scope, receive, send) -> None:
        if scope["type"] == "http":
            cookie = next((v.decode() for k, v in scope["headers"] if k == b"cookie"), "")
            chosen = next((part.split("=", 1)[1] for part in cookie.replace(" ", "").split(";")
                           if part.startswith(LANGUAGE_COOKIE + "=")), self.lang)
            os.environ[i18n.ENVIRONMENT] = chosen if chosen in i18n.LANGUAGES else self.lang
        await self.app(scope, receive, send)


_PAGE = jinja2.Environment(loader=jinja2.FileSystemLoader(ASSETS), autoescape=True)


async def _page(request: Request) -> Response:
    lang = i18n.language()
    html = _PAGE.get_template("page.html.j2").render(
        lang=lang, words=words(lang), words_json=json.dumps(words(lang), ensure_ascii=False))
    return Response(html, media_type="text/html; charset=utf-8",
                    headers={"cache-control": "no-store", "x-frame-options": "DENY",
                             "content-security-policy": "default-src 'self'; img-src 'self' blob:; "
                                                        "style-src 'self'; script-src 'self'"})


async def _asset(request: Request) -> Response:
    name = request.path_params["name"]
    if name not in ("studio.js", "studio.css"):
        return Response(status_code=404)
    return FileResponse(ASSETS / name, media_type="text/javascript" if name.endswith(".js") else "text/css")


async def _font(request: Request) -> Response:
    name = request.path_params["name"]
    if name not in ("Sarabun-Regular.ttf", "Sarabun-Bold.ttf"):
        return Response(status_code=404)
    return FileResponse(fonts_dir() / name, media_type="font/ttf",
                        headers={"cache-control": "max-age=86400"})


async def _openapi(request: Request) -> JSONResponse:
    return JSONResponse(SPEC)


async def _words(request: Request) -> JSONResponse:
    lang = request.path_params["lang"]
    return JSONResponse(words(lang if lang in i18n.LANGUAGES else "th"))


def serve(folder: Path, host: str, port: int, open_browser: bool, say: Callable[[str], None]) -> None:
    """Runs the studio until Ctrl+C: binds first (so that --port 0 has its port), says the
    address with its token, opens the browser."""
    import uvicorn

    listening = socket.create_server((host, port), family=socket.AF_INET6 if ":" in host else socket.AF_INET)
    port = listening.getsockname()[1]
    token = secrets.token_urlsafe(24)
    address = f"http://{host}:{port}/?token={token}"
    say(_("workshopkit studio: open {address} (Ctrl+C stops it)").format(address=address))
    if host in ("0.0.0.0", "::"):
        names = sorted(n for n in host_names(host) if n not in ("0.0.0.0", "::", "localhost", "127.0.0.1"))
        say(_("warning: the studio is open to every computer that reaches this one; colleagues use "
              "http://{name}:{port}/?token=... with the same token, and anyone who has the link can "
              "change the definitions in {folder}").format(name=names[0] if names else "HOST", port=port,
                                                          folder=folder.resolve()))
    if open_browser:
        threading.Timer(0.5, webbrowser.open, (address.replace("0.0.0.0", "127.0.0.1"),)).start()
    config = uvicorn.Config(create_app(folder, token, host, port, i18n.language()), log_level="warning",
                            access_log=False)
    uvicorn.Server(config).run(sockets=[listening])

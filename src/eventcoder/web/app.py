"""The web UI's application: a FastAPI app over one corpus store, server-rendered pages (pages.py), a JSON API
(api.py) and, only when asked for, an upload page (upload.py).

Read-only unless uploads are enabled: without them the store is opened read-only (DuckDB refuses every write)
and no route that writes exists. Each request reads through a cursor of its own (a DuckDB connection object
must not be shared between threads, and FastAPI runs handlers in a thread pool); writes, when enabled, go
through the store's own connection under a lock, one upload at a time.
"""

from __future__ import annotations

import math
import threading
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from typing import Any
from urllib.parse import quote, urlsplit

import duckdb
from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import HTMLResponse, JSONResponse
from fastapi.staticfiles import StaticFiles
from fastapi.templating import Jinja2Templates
from jinja2 import Environment, FileSystemLoader, StrictUndefined
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.middleware.gzip import GZipMiddleware
from starlette.middleware.trustedhost import TrustedHostMiddleware
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from eventcoder import __version__
from eventcoder.pipeline import Coder
from eventcoder.store import Store
from eventcoder.web.filters import QUAD_NAMES

HERE = Path(str(resources.files("eventcoder.web")))
MAX_UPLOAD = 1_000_000  # bytes of one upload (a long article is 50 KB; a book is not news)

# Scripts only from this server (no inline script can run, whatever a page shows); styles inline too, since
# Leaflet and ECharts position their elements with style attributes.
CSP = ("default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; "
       "connect-src 'self'; font-src 'self' data:; object-src 'none'; base-uri 'none'; form-action 'self'; "
       "frame-ancestors 'none'")
HEADERS = [(b"content-security-policy", CSP.encode()), (b"x-content-type-options", b"nosniff"),
           (b"referrer-policy", b"no-referrer"), (b"x-frame-options", b"DENY")]


@dataclass
class WebState:
    """What the routes share: the store, how it was opened, and the coder for uploads (made at first use)."""

    store: Store
    label: str  # how the store is named on the pages (its file name, or "demo")
    allow_upload: bool = False
    max_upload: int = MAX_UPLOAD
    coder_factory: Callable[[], Coder] | None = None
    write_lock: threading.Lock = field(default_factory=threading.Lock)
    _coder: Coder | None = None

    def coder(self) -> Coder:
        """One Coder for every upload (loading the model takes seconds); called under `write_lock`."""
        if self._coder is None:
            self._coder = (self.coder_factory or Coder)()
        return self._coder


class SecurityHeaders:
    """Adds the content security policy and friends to every response (a plain ASGI middleware: it does not
    buffer streamed downloads as Starlette's BaseHTTPMiddleware would)."""

    def __init__(self, app: ASGIApp):
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return

        async def with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                message.setdefault("headers", [])
                message["headers"] = list(message["headers"]) + HEADERS
            await send(message)

        await self.app(scope, receive, with_headers)


def connection(request: Request) -> Iterator[duckdb.DuckDBPyConnection]:
    """FastAPI dependency: a cursor of the store for this request, closed after it."""
    cursor = request.app.state.web.store.con.cursor()
    try:
        yield cursor
    finally:
        cursor.close()


# templates ----------------------------------------------------------------------------------------------------


def _number(value: Any) -> str:
    if value is None:
        return "–"
    if isinstance(value, float) and not value.is_integer():
        return f"{value:,.2f}".rstrip("0").rstrip(".")
    return f"{int(value):,}"


def _goldstein(value: Any) -> str:
    return "–" if value is None or (isinstance(value, float) and math.isnan(value)) else f"{value:+.1f}"


def _actor(country: str | None, kind: str | None) -> str:
    return " ".join(v for v in (country, kind) if v) or "?"


def url_path(value: str) -> str:
    """A record id as a URL path segment: slashes kept (ids may be paths), everything else quoted."""
    return quote(str(value), safe="/:@!$'()*+,;=")  # what a path may hold as it is; ? # % & and spaces quoted


def web_url(value: str | None) -> str:
    """A document's URL as a link target only when it is http(s): a `javascript:` URL in a crawled record must
    not become a link that runs when clicked."""
    return value if value and urlsplit(value).scheme.lower() in ("http", "https") else ""


def templates() -> Jinja2Templates:
    # autoescape for every template, whatever its file name: article text must never become markup
    env = Environment(loader=FileSystemLoader(str(HERE / "templates")), autoescape=True, undefined=StrictUndefined,
                      trim_blocks=True, lstrip_blocks=True)
    env.filters.update(number=_number, goldstein=_goldstein, path=url_path, web_url=web_url)
    env.globals.update(actor=_actor, quad_names=QUAD_NAMES, version=__version__)
    env.policies["json.dumps_kwargs"] = {"default": str, "ensure_ascii": False}  # dates as YYYY-MM-DD
    return Jinja2Templates(env=env)


# the app ------------------------------------------------------------------------------------------------------


def create_app(store: Store, label: str | None = None, allow_upload: bool = False, max_upload: int = MAX_UPLOAD,
               coder: Callable[[], Coder] | None = None, allowed_hosts: list[str] | None = None) -> FastAPI:
    """The web app over an open store (read-only unless `allow_upload`, which needs a writable store).
    `coder`: makes the Coder for uploads (default: Coder()). `allowed_hosts`: the Host headers to answer; a
    server on 127.0.0.1 answers only its own names, so that a web page whose domain is made to point at
    127.0.0.1 (DNS rebinding) cannot read the store through the user's browser."""
    from eventcoder.web import api, pages, upload

    if allow_upload and store.read_only:
        raise ValueError("uploads need a writable store: open it with read_only=False")
    app = FastAPI(title="eventcoder", version=__version__, docs_url=None, redoc_url=None,
                  description="Events, stories, claims and documents of an eventcoder corpus store "
                              "(docs/web.md). Read-only unless the server was started with --allow-upload.")
    app.state.web = WebState(store=store, label=label or store.path.name, allow_upload=allow_upload,
                             max_upload=max_upload, coder_factory=coder)
    app.state.templates = templates()
    app.mount("/static", StaticFiles(directory=str(HERE / "static")), name="static")
    app.include_router(api.router)
    app.include_router(pages.router)
    if allow_upload:
        app.include_router(upload.router)
    app.add_middleware(GZipMiddleware, minimum_size=1024, compresslevel=5)  # 9: 10x slower on a chart's zeros
    if allowed_hosts:
        app.add_middleware(TrustedHostMiddleware, allowed_hosts=allowed_hosts)
    app.add_middleware(SecurityHeaders)

    @app.exception_handler(StarletteHTTPException)  # FastAPI's HTTPException and routing's 404/405 alike
    async def http_error(request: Request, exc: StarletteHTTPException):
        return _error(request, exc.status_code, str(exc.detail))

    @app.exception_handler(RequestValidationError)
    async def invalid(request: Request, exc: RequestValidationError):
        problems = "; ".join(f"{'.'.join(str(p) for p in e['loc'][1:])}: {e['msg']}" for e in exc.errors())
        return _error(request, 422, problems or "invalid request")

    return app


def _error(request: Request, status: int, message: str) -> JSONResponse | HTMLResponse:
    """JSON for the API, a page for a person."""
    if request.url.path.startswith(("/api/", "/openapi")):
        return JSONResponse({"detail": message}, status_code=status)
    return request.app.state.templates.TemplateResponse(
        request, "error.html", {"status": status, "message": message, "web": request.app.state.web,
                                "page_name": "error"},
        status_code=status)


__all__ = ["MAX_UPLOAD", "WebState", "connection", "create_app", "url_path"]

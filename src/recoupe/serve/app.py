"""The web application: one FastAPI app over one store (``create_app``).

The API (``serve.api``) and the pages (``serve.pages``) read through a cursor of their own per request; the
reviews are the only writes, made by the store under one lock. Errors have one shape: ``{"error": {"code",
"message"}}`` under /api, an escaped error page elsewhere.
"""

from __future__ import annotations

import hashlib
import json
import logging
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import duckdb
from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import HTMLResponse, JSONResponse, Response
from fastapi.staticfiles import StaticFiles
from jinja2 import Environment, PackageLoader, select_autoescape
from starlette.exceptions import HTTPException as StarletteHTTPException

from recoupe import __version__
from recoupe.serve.queries import BadQuery
from recoupe.serve.runs import Runner, RunRefused
from recoupe.serve.security import LOGIN_COOKIE, SESSION_COOKIE, Guard, Session, Sessions
from recoupe.store import Store

log = logging.getLogger(__name__)
STATIC = Path(__file__).resolve().parent / "static"
# How long a review waits for the store's write lock (seconds) before answering 409 (a background run holds it).
REVIEW_WAIT_S = 5.0


class ApiError(Exception):
    """An error for the client, with its HTTP status and a short code."""

    def __init__(self, status: int, code: str, message: str) -> None:
        super().__init__(message)
        self.status, self.code, self.message = status, code, message


@dataclass
class Context:
    store: Store
    allow_review: bool
    templates: Environment
    sessions: Sessions = field(default_factory=Sessions)
    write_lock: threading.Lock = field(default_factory=threading.Lock)
    secure_cookies: bool = False
    runner: Runner | None = None

    def session(self, request: Request) -> Session | None:
        return self.sessions.get(request.cookies.get(SESSION_COOKIE))

    @contextmanager
    def writing(self) -> Iterator[None]:
        """The store's write lock, or a 409 when a background run holds it longer than REVIEW_WAIT_S."""
        if not self.write_lock.acquire(timeout=REVIEW_WAIT_S):
            raise ApiError(409, "busy", "a run is writing the store; try again when it ends (see /runs)")
        try:
            yield
        finally:
            self.write_lock.release()


def ctx(request: Request) -> Context:
    context: Context = request.app.state.ctx
    return context


def reader(request: Request) -> Iterator[duckdb.DuckDBPyConnection]:
    """A cursor of its own for this request (a FastAPI dependency)."""
    cur = ctx(request).store.reader()
    try:
        yield cur
    finally:
        cur.close()


def json_response(request: Request, data: Any, status: int = 200) -> Response:
    """JSON with an ETag (a hash of the body); 304 when the client already holds it."""
    body = json.dumps(data, ensure_ascii=False, separators=(",", ":"), default=str).encode("utf-8")
    etag = '"' + hashlib.sha1(body).hexdigest() + '"'
    headers = {"ETag": etag, "Cache-Control": "no-cache"}
    if status == 200 and etag in [t.strip() for t in request.headers.get("if-none-match", "").split(",")]:
        return Response(status_code=304, headers=headers)
    return Response(body, status_code=status, media_type="application/json", headers=headers)


def error_body(code: str, message: str) -> dict[str, Any]:
    return {"error": {"code": code, "message": message}}


_CODES = {400: "bad_request", 401: "unauthorized", 403: "forbidden", 404: "not_found", 405: "method_not_allowed",
          409: "conflict", 413: "too_large", 415: "unsupported_media_type", 422: "bad_request"}


def _error(request: Request, status: int, code: str, message: str) -> Response:
    if request.url.path.startswith("/api/") or request.url.path == "/openapi.json":
        return JSONResponse(error_body(code, message), status_code=status)
    page = ctx(request).templates.get_template("error.html").render(
        status=status, code=code, message=message, user=None, allow_review=ctx(request).allow_review)
    return HTMLResponse(page, status_code=status)


def create_app(store: Store, *, allow_review: bool = False, secure_cookies: bool = False) -> FastAPI:
    """The application over an open store (the caller keeps it open while the app serves, and closes it)."""
    from recoupe.serve import api, pages

    store.prepare_serving()
    templates = Environment(loader=PackageLoader("recoupe.serve", "templates"),
                            autoescape=select_autoescape(default=True, default_for_string=True),
                            trim_blocks=True, lstrip_blocks=True)
    templates.globals["version"] = __version__
    app = FastAPI(title="recoupe", version=__version__, docs_url=None, redoc_url=None,
                  description="The record of a recoupe store: events, articles, entities, the arms register, "
                              "conflicts, stories, search, and the analyst's review. Lists are "
                              '`{"items": [...], "next": cursor, "total": n}`; pass `cursor=next` for the next '
                              'page. Errors are `{"error": {"code", "message"}}`.')
    context = Context(store=store, allow_review=allow_review, templates=templates, secure_cookies=secure_cookies)
    context.runner = Runner(store, context.write_lock)
    app.state.ctx = context

    @app.exception_handler(ApiError)
    async def _api_error(request: Request, exc: ApiError) -> Response:
        return _error(request, exc.status, exc.code, exc.message)

    @app.exception_handler(RunRefused)
    async def _refused(request: Request, exc: RunRefused) -> Response:
        return _error(request, 409 if "in progress" in str(exc) else 400, "run_refused", str(exc))

    @app.exception_handler(BadQuery)
    async def _bad_query(request: Request, exc: BadQuery) -> Response:
        return _error(request, 400, "bad_request", str(exc))

    @app.exception_handler(RequestValidationError)
    async def _invalid(request: Request, exc: RequestValidationError) -> Response:
        first = exc.errors()[0] if exc.errors() else {}
        where = ".".join(str(p) for p in first.get("loc", ()) if p not in ("query", "body"))
        return _error(request, 400, "bad_request", f"{where or 'request'}: {first.get('msg', 'invalid')}")

    @app.exception_handler(Exception)
    async def _internal(request: Request, exc: Exception) -> Response:
        log.error("internal error on %s %s", request.method, request.url.path, exc_info=exc)
        return _error(request, 500, "internal", f"internal error ({type(exc).__name__}); the server log says more")

    @app.exception_handler(StarletteHTTPException)
    async def _http(request: Request, exc: StarletteHTTPException) -> Response:
        message = exc.detail if isinstance(exc.detail, str) else "error"
        if exc.status_code == 404 and message == "Not Found":
            message = f"nothing at {request.url.path}"
        return _error(request, exc.status_code, _CODES.get(exc.status_code, "error"), message)

    app.include_router(api.router)
    app.include_router(pages.router)
    app.mount("/static", StaticFiles(directory=STATIC, follow_symlink=False), name="static")
    app.add_middleware(Guard)
    return app


def login_cookie(request: Request) -> str | None:
    return request.cookies.get(LOGIN_COOKIE)

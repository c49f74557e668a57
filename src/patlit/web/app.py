"""The FastAPI app behind ``patlit serve``: server-rendered pages and the JSON API.

``create_app(db_url=None, token=None)`` opens the dispute database (``PATLIT_DB``
or ``./patlit.db`` when no URL is given) and returns the app. Writes (ingest
from the browser or ``POST /api/v1/documents``) need the token (``PATLIT_TOKEN``
when none is given); without one the app is read-only.
"""
from __future__ import annotations

import os
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse, Response
from starlette.exceptions import HTTPException as StarletteHTTPException

from patlit.errors import NotFoundError, StoreError
from patlit.web.assets import load_assets
from patlit.web.security import GuardMiddleware, WriteAccess

API_PREFIX = "/api/v1"
#: a whole request body (all uploads of one form together)
MAX_BODY_BYTES = 8 * 1024 * 1024
#: one uploaded file or pasted text
MAX_UPLOAD_BYTES = 2 * 1024 * 1024


def create_app(
    db_url: str | None = None,
    token: str | None = None,
    *,
    max_upload_bytes: int = MAX_UPLOAD_BYTES,
    max_body_bytes: int = MAX_BODY_BYTES,
    create: bool = True,
) -> FastAPI:
    """The web app over the database at ``db_url`` (writes allowed only with ``token``).

    ``db_url`` is a SQLAlchemy URL or a SQLite path; None means ``$PATLIT_DB``, else
    ``./patlit.db``. ``token`` None means ``$PATLIT_TOKEN``; empty means read-only.
    ``create=False`` refuses (:class:`~patlit.errors.StoreError`) a SQLite file that does not exist.
    """
    from patlit.web.api import router as api_router
    from patlit.web.db import Database
    from patlit.web.pages import router as page_router
    from patlit.web.templating import make_templates

    if token is None:
        token = os.environ.get("PATLIT_TOKEN") or None

    app = FastAPI(
        title="patlit",
        summary="Patent disputes gathered from news, judgments and notices, every fact with its source.",
        version="1",
        openapi_url=f"{API_PREFIX}/openapi.json",
        docs_url=None,  # FastAPI's Swagger UI loads from a CDN: /api/v1/docs is our own offline page
        redoc_url=None,
    )
    app.state.db = Database(db_url, create=create)  # None: $PATLIT_DB, else ./patlit.db
    app.state.writes = WriteAccess(token)
    app.state.max_upload = max_upload_bytes
    app.state.max_body = max_body_bytes
    app.state.assets = load_assets()
    app.state.templates = make_templates(app)
    app.add_middleware(GuardMiddleware, max_body=max_body_bytes)
    app.include_router(api_router, prefix=API_PREFIX)
    app.include_router(page_router)
    _install_error_handlers(app)
    return app


def wants_json(request: Request) -> bool:
    return request.url.path.startswith(API_PREFIX + "/") or request.url.path == API_PREFIX


def _install_error_handlers(app: FastAPI) -> None:
    def page_or_json(request: Request, status: int, message: str) -> Response:
        if wants_json(request):
            return JSONResponse({"detail": message}, status_code=status)
        templates = request.app.state.templates
        return templates.TemplateResponse(
            request, "error.html", {"status": status, "message": message}, status_code=status
        )

    @app.exception_handler(NotFoundError)
    async def _not_found(request: Request, exc: NotFoundError) -> Response:
        return page_or_json(request, 404, str(exc))

    @app.exception_handler(StoreError)
    async def _store_error(request: Request, exc: StoreError) -> Response:
        return page_or_json(request, 503, f"database unavailable: {exc}")

    @app.exception_handler(StarletteHTTPException)
    async def _http_error(request: Request, exc: StarletteHTTPException) -> Response:
        detail: Any = exc.detail
        if wants_json(request):
            return JSONResponse({"detail": detail}, status_code=exc.status_code, headers=exc.headers)
        return page_or_json(request, exc.status_code, str(detail))

    @app.exception_handler(RequestValidationError)
    async def _invalid(request: Request, exc: RequestValidationError) -> Response:
        if wants_json(request):
            return JSONResponse({"detail": jsonable(exc.errors())}, status_code=422)
        return page_or_json(request, 422, "invalid request parameters")


def jsonable(obj: Any) -> Any:
    from fastapi.encoders import jsonable_encoder

    return jsonable_encoder(obj)


__all__ = ["create_app", "API_PREFIX"]

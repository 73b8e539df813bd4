"""HTTP errors of the sandbox, all rendered as ``portal.models.ApiErrorBody``."""

from __future__ import annotations

import logging
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from starlette.exceptions import HTTPException as StarletteHTTPException

from cgn_seal_desktop.portal.models import ApiErrorBody

__all__ = ["ERROR_RESPONSES", "ApiError", "install_error_handlers"]

log = logging.getLogger("cgn_seal_desktop.sandbox")


class ApiError(Exception):
    """An error response: HTTP *status*, stable *code*, message, optional per-field errors."""

    def __init__(
        self,
        status: int,
        code: str,
        message: str,
        fields: dict[str, str] | None = None,
        *,
        attempts_left: int | None = None,
        headers: dict[str, str] | None = None,
    ) -> None:
        super().__init__(message)
        self.status = status
        self.body = ApiErrorBody(
            code=code, message=message, fields=fields or {}, attempts_left=attempts_left
        )
        self.headers = headers


#: Declared on every router so the OpenAPI document describes the real error bodies.
ERROR_RESPONSES: dict[int | str, dict[str, Any]] = {
    status: {"model": ApiErrorBody, "description": desc}
    for status, desc in [
        (400, "Bad request"),
        (401, "Not logged in or session expired"),
        (404, "Not found (or not yours)"),
        (409, "Not allowed in the current state"),
        (413, "Upload too large"),
        (422, "Invalid input; see fields"),
        (429, "Too many attempts"),
    ]
}


def _field_name(loc: tuple[Any, ...]) -> str:
    parts = [str(p) for p in loc if p not in ("body", "query", "path", "header", "form")]
    return ".".join(parts) or "request"


def install_error_handlers(app: FastAPI) -> None:
    """Make validation errors, HTTP errors and :class:`ApiError` share one JSON shape."""

    @app.exception_handler(ApiError)
    async def _api_error(_request: Request, exc: ApiError) -> JSONResponse:
        return JSONResponse(exc.body.model_dump(), status_code=exc.status, headers=exc.headers)

    @app.exception_handler(RequestValidationError)
    async def _validation(_request: Request, exc: RequestValidationError) -> JSONResponse:
        fields: dict[str, str] = {}
        for err in exc.errors():
            fields.setdefault(_field_name(tuple(err.get("loc", ()))), str(err.get("msg", "")))
        body = ApiErrorBody(code="validation_failed", message="Invalid input", fields=fields)
        return JSONResponse(body.model_dump(), status_code=422)

    @app.exception_handler(Exception)
    async def _unexpected(_request: Request, exc: Exception) -> JSONResponse:
        log.exception("unexpected error: %s", type(exc).__name__)
        body = ApiErrorBody(code="internal_error", message="Internal error in the sandbox")
        return JSONResponse(body.model_dump(), status_code=500)

    @app.exception_handler(StarletteHTTPException)
    async def _http(request: Request, exc: StarletteHTTPException) -> JSONResponse:
        body = ApiErrorBody(code=f"http_{exc.status_code}", message=str(exc.detail))
        headers = dict(exc.headers or {})
        if exc.status_code == 405:
            # Starlette lists only the first matching route's methods; list all of them.
            headers["Allow"] = ", ".join(sorted(_allowed_methods(app, request.url.path)))
        return JSONResponse(body.model_dump(), status_code=exc.status_code, headers=headers)


def _allowed_methods(app: FastAPI, path: str) -> set[str]:
    methods: set[str] = set()
    for route in app.routes:
        regex = getattr(route, "path_regex", None)
        if regex is not None and regex.match(path):
            methods |= set(getattr(route, "methods", None) or ())
    return methods

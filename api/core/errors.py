"""Dutch 422 messages for malformed requests, one per field."""

from __future__ import annotations

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse

_MESSAGES = {
    "value_error.missing": "Dit veld ontbreekt.",
    "type_error.dict": "Verwacht een object.",
    "type_error.list": "Verwacht een lijst.",
    "type_error.str": "Verwacht tekst.",
    "type_error.integer": "Verwacht een heel getal.",
    "value_error.jsondecode": "De inhoud is geen geldige JSON.",
    "value_error.str.regex": (
        "Ongeldige waarde: alleen letters, cijfers en _ . : @ - zijn toegestaan."
    ),
    "value_error.any_str.max_length": "De tekst is te lang.",
}
_DEFAULT = "Ongeldige waarde."


def _field(location: tuple[object, ...]) -> str:
    parts = [str(p) for p in location if p not in ("body", "query", "path")]
    return ".".join(parts) or "body"


async def validation_error_handler(_: Request, exc: Exception) -> JSONResponse:
    assert isinstance(exc, RequestValidationError)
    detail = [
        {
            "field": _field(tuple(error.get("loc", ()))),
            "message": _MESSAGES.get(error.get("type", ""), _DEFAULT),
        }
        for error in exc.errors()
    ]
    return JSONResponse({"detail": detail}, status_code=422)


def install_error_handlers(app: FastAPI) -> None:
    app.add_exception_handler(RequestValidationError, validation_error_handler)

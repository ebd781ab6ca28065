"""POST /api/timeline (JSON) and GET /api/timeline.ics (calendar) over the deadline engine."""

from __future__ import annotations

import inspect
from typing import Annotated, Any

from fastapi import APIRouter, Depends, Query
from fastapi.responses import JSONResponse, Response
from pydantic import BaseModel, Field, create_model

from bot.clock import today
from bot.deadlines import TimelineInputError, compute_timeline, parse_timeline_request
from bot.deadlines.calendar_export import timeline_to_ics
from bot.deadlines.fact_fields import FactField, FactKind
from bot.deadlines.model import CASE_FACT_FIELDS
from bot.deadlines.validation import facts_from_query


class PeriodIn(BaseModel):
    start: str | None = Field(None, example="2026-01-05")
    end: str | None = Field(None, example=None)


# How each kind of case fact arrives: as text where the engine's validation must give the
# Dutch message (a date, a number of weeks), as a list where the type is the whole check.
_JSON_TYPES: dict[FactKind, Any] = {
    "date": str | None,
    "weeks": int | str | None,
    "choice": str | None,
    "steps": list[str] | None,
}


def _described(spec: FactField) -> str:
    """The fact's Dutch description, with its choices."""
    if spec.kind == "choice":
        return f"{spec.description} Een van: {', '.join(spec.choices)}."
    return spec.description


class TimelineBase(BaseModel):
    """Dates as YYYY-MM-DD text; they are checked in Dutch by the engine's validation."""

    sick_periods: list[PeriodIn] | None = None
    first_sick_day: str | None = Field(None, example="2026-01-05")
    reference_date: str | None = None


# The case facts are CaseFacts' fields (bot/deadlines/model.py): defined there once.
_FACT_FIELDS: dict[str, Any] = {
    spec.name: (
        _JSON_TYPES[spec.kind],
        Field(None, description=_described(spec)),
    )
    for spec in CASE_FACT_FIELDS
}
TimelineIn = create_model("TimelineIn", __base__=TimelineBase, **_FACT_FIELDS)


def case_fact_query(**query: str | None) -> dict[str, Any]:
    """The case facts of GET /api/timeline.ics: one query parameter per CaseFacts field (the
    signature below), a list of steps comma-separated."""
    return facts_from_query(query)


case_fact_query.__signature__ = inspect.Signature(  # type: ignore[attr-defined]
    [
        inspect.Parameter(
            spec.name,
            inspect.Parameter.KEYWORD_ONLY,
            default=Query(
                None,
                description=_described(spec)
                + (" Gescheiden door komma's." if spec.kind == "steps" else ""),
            ),
            annotation=str | None,
        )
        for spec in CASE_FACT_FIELDS
    ]
)


def periods_from_query(value: str) -> list[dict[str, str | None]]:
    """ "2026-01-03..2026-07-03,2026-07-25.." -> periods; validation reports bad dates."""
    periods: list[dict[str, str | None]] = []
    for part in value.split(","):
        start, _, end = part.strip().partition("..")
        periods.append({"start": start or None, "end": end or None})
    return periods


def _error_response(error: TimelineInputError) -> JSONResponse:
    return JSONResponse({"detail": [e.to_dict() for e in error.errors]}, status_code=422)


def create_timeline_router() -> APIRouter:
    router = APIRouter(tags=["termijnen"])

    @router.post("/api/timeline", summary="Alle Poortwachter-termijnen van een ziektegeval")
    async def timeline(body: TimelineIn) -> Any:  # type: ignore[valid-type]
        try:
            raw: dict[str, Any] = body.dict(exclude_none=True)  # type: ignore[attr-defined]
            request = parse_timeline_request(raw, today())
        except TimelineInputError as error:
            return _error_response(error)
        return compute_timeline(request.periods, request.reference, request.facts).to_dict()

    @router.get(
        "/api/timeline.ics",
        summary="De termijnen als agenda-bestand (iCalendar)",
        response_class=Response,
    )
    async def timeline_ics(
        first_sick_day: str | None = Query(None, examples=["2026-01-05"]),
        sick_periods: str | None = Query(
            None,
            description="Ziekteperiodes die samentellen: begin..einde, gescheiden door komma's; "
            "de laatste mag zonder einde",
            examples=["2026-01-03..2026-07-03,2026-07-25.."],
        ),
        reference_date: str | None = None,
        *,
        facts: Annotated[dict[str, Any], Depends(case_fact_query)],
    ) -> Response:
        raw: dict[str, Any] = {**facts}
        if first_sick_day is not None:
            raw["first_sick_day"] = first_sick_day
        if reference_date is not None:
            raw["reference_date"] = reference_date
        if sick_periods is not None:
            raw["sick_periods"] = periods_from_query(sick_periods)
        try:
            request = parse_timeline_request(raw, today())
        except TimelineInputError as error:
            return _error_response(error)
        timeline = compute_timeline(request.periods, request.reference, request.facts)
        return Response(
            timeline_to_ics(timeline),
            media_type="text/calendar; charset=utf-8",
            headers={"Content-Disposition": 'attachment; filename="poortwachter-termijnen.ics"'},
        )

    return router

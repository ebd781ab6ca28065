"""POST /api/timeline (JSON) and GET /api/timeline.ics (calendar) over the deadline engine."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Query
from fastapi.responses import JSONResponse, Response
from pydantic import BaseModel, Field

from bot.clock import today
from bot.deadlines import TimelineInputError, compute_timeline, parse_timeline_request
from bot.deadlines.calendar_export import timeline_to_ics


class PeriodIn(BaseModel):
    start: str | None = Field(None, example="2026-01-05")
    end: str | None = Field(None, example=None)


class TimelineIn(BaseModel):
    """Dates as YYYY-MM-DD text; they are checked in Dutch by the engine's validation."""

    sick_periods: list[PeriodIn] | None = None
    first_sick_day: str | None = Field(None, example="2026-01-05")
    reference_date: str | None = None
    probleemanalyse_date: str | None = None
    eerstejaarsevaluatie_date: str | None = None
    spoor2_start_date: str | None = None
    geen_terugkeer_date: str | None = None
    uitzondering: str | None = None
    loonsanctie_weeks: int | str | None = None
    verlenging_end: str | None = None
    wia_aanvraag_date: str | None = None
    aow_date: str | None = None


def _error_response(error: TimelineInputError) -> JSONResponse:
    return JSONResponse({"detail": [e.to_dict() for e in error.errors]}, status_code=422)


def create_timeline_router() -> APIRouter:
    router = APIRouter(tags=["termijnen"])

    @router.post("/api/timeline", summary="Alle Poortwachter-termijnen van een ziektegeval")
    async def timeline(body: TimelineIn) -> Any:
        try:
            request = parse_timeline_request(body.dict(exclude_none=True), today())
        except TimelineInputError as error:
            return _error_response(error)
        return compute_timeline(request.periods, request.reference, request.facts).to_dict()

    @router.get(
        "/api/timeline.ics",
        summary="De termijnen als agenda-bestand (iCalendar)",
        response_class=Response,
    )
    async def timeline_ics(
        first_sick_day: str = Query(..., examples=["2026-01-05"]),
        reference_date: str | None = None,
        probleemanalyse_date: str | None = None,
        eerstejaarsevaluatie_date: str | None = None,
        spoor2_start_date: str | None = None,
        geen_terugkeer_date: str | None = None,
        uitzondering: str | None = None,
        loonsanctie_weeks: str | None = None,
        verlenging_end: str | None = None,
        wia_aanvraag_date: str | None = None,
        aow_date: str | None = None,
    ) -> Response:
        raw = {k: v for k, v in locals().items() if v is not None}
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

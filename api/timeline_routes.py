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
        first_sick_day: str | None = Query(None, examples=["2026-01-05"]),
        sick_periods: str | None = Query(
            None,
            description="Ziekteperiodes die samentellen: begin..einde, gescheiden door komma's; "
            "de laatste mag zonder einde",
            examples=["2026-01-03..2026-07-03,2026-07-25.."],
        ),
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
        raw: dict[str, Any] = {k: v for k, v in locals().items() if v is not None}
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

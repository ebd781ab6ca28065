"""POST /api/feedback (a thumbs up or down under an answer) and POST /api/unanswered (a
question the assistant could not answer, kept only with the user's consent, scrubbed).

Neither takes a sender id, and neither stores an address or a time of day: a vote is one
more count for (day, answer, vote, reason).
"""

from __future__ import annotations

import asyncio
import logging

from fastapi import APIRouter, Request
from fastapi.responses import JSONResponse, Response
from pydantic import BaseModel, Field, StrictBool, StrictStr

from api.core.rate_limit import RateLimiter
from api.core.security import TOO_MANY
from api.core.settings import Settings
from api.insights.recorder import Insights
from api.routes.chat import TOO_LONG
from bot.clock import today
from bot.insights.codes import (
    UNANSWERED_KINDS,
    VOTABLE_KINDS,
    VOTE_REASONS,
    VOTES,
    valid_vote_target,
)
from bot.insights.scrub import scrub

logger = logging.getLogger(__name__)

UNKNOWN_ANSWER = "Dit antwoord ken ik niet."
UNKNOWN_VOTE = "Stem met duim omhoog of duim omlaag."
UNKNOWN_KIND = "Alleen vragen die de assistent niet kon beantwoorden worden bewaard."
UNKNOWN_REASON = "Kies een van de redenen."
NOT_COLLECTED = "Vragen worden niet bewaard."
NO_CONSENT = "Zonder toestemming wordt je vraag niet bewaard."
SAVE_FAILED = "Je reactie kon niet worden opgeslagen. Probeer het later opnieuw."

KEY_PATTERN = r"^[a-z0-9_:]{1,120}$"


class Feedback(BaseModel):
    kind: StrictStr = Field(..., description="Soort antwoord: faq_answer of case_step")
    key: StrictStr = Field(..., regex=KEY_PATTERN, description="Id van het antwoord")
    vote: StrictStr = Field(..., description="up of down")
    reason: StrictStr | None = Field(None, description="Reden bij duim omlaag (vaste lijst)")

    class Config:
        extra = "forbid"  # no sender id, no text: nothing but these fields


class UnansweredQuestion(BaseModel):
    question: StrictStr = Field(..., min_length=1, description="De vraag van de gebruiker")
    kind: StrictStr = Field(..., description="not_understood, suggestions of out_of_scope")
    consent: StrictBool = Field(..., description="De gebruiker zei ja")

    class Config:
        extra = "forbid"  # no sender id


def create_insights_router(insights: Insights, settings: Settings) -> APIRouter:
    router = APIRouter(tags=["inzichten"])
    per_client = RateLimiter(settings.rate_feedback)

    def limited(request: Request) -> JSONResponse | None:
        client = request.client.host if request.client else ""
        wait = per_client.retry_after(client)
        if wait is None:
            return None
        return JSONResponse(
            {"detail": TOO_MANY}, status_code=429, headers={"Retry-After": str(wait)}
        )

    @router.post("/api/feedback", status_code=204, summary="Duim omhoog of omlaag")
    async def feedback(body: Feedback, request: Request) -> Response:
        refused = limited(request)
        if refused is not None:
            return refused
        if body.vote not in VOTES:
            return JSONResponse({"detail": UNKNOWN_VOTE}, status_code=422)
        if body.kind not in VOTABLE_KINDS or not valid_vote_target(body.kind, body.key):
            return JSONResponse({"detail": UNKNOWN_ANSWER}, status_code=422)
        if body.reason is not None and (body.vote != "down" or body.reason not in VOTE_REASONS):
            return JSONResponse({"detail": UNKNOWN_REASON}, status_code=422)
        day = today()
        try:
            await insights.run(
                lambda s: s.count_vote(day, body.kind, body.key, body.vote, body.reason)
            )
        except Exception as exc:
            logger.error("storing a vote failed: %s", type(exc).__name__)
            return JSONResponse({"detail": SAVE_FAILED}, status_code=503)
        return Response(status_code=204)

    @router.post("/api/unanswered", status_code=204, summary="Onbeantwoorde vraag (toestemming)")
    async def unanswered(body: UnansweredQuestion, request: Request) -> Response:
        if not settings.collect_unanswered:
            return JSONResponse({"detail": NOT_COLLECTED}, status_code=404)
        if body.consent is not True:
            return JSONResponse({"detail": NO_CONSENT}, status_code=422)
        refused = limited(request)
        if refused is not None:
            return refused
        if len(body.question) > settings.max_message_chars:
            detail = TOO_LONG.format(limit=settings.max_message_chars)
            return JSONResponse({"detail": detail}, status_code=422)
        if body.kind not in UNANSWERED_KINDS:
            return JSONResponse({"detail": UNKNOWN_KIND}, status_code=422)
        question = await asyncio.to_thread(scrub, body.question)
        day = today()
        try:
            await insights.run(lambda s: s.add_unanswered(day, body.kind, question))
        except Exception as exc:
            logger.error("storing an unanswered question failed: %s", type(exc).__name__)
            return JSONResponse({"detail": SAVE_FAILED}, status_code=503)
        return Response(status_code=204)

    return router

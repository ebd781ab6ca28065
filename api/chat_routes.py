"""Rasa's REST channel contract, served by FastAPI: POST /webhooks/rest/webhook."""

from __future__ import annotations

import logging
from typing import Any

from fastapi import APIRouter, BackgroundTasks, Request
from fastapi.responses import JSONResponse
from pydantic import BaseModel, Field, StrictStr

from api.assistant import Assistant, ModelNotReadyError, TurnTimeoutError
from api.conversation_lock import LockLostError, LockUnavailableError
from api.conversation_store import ConversationConflictError, is_store_failure
from api.insights import (
    APOLOGY_SENT,
    MODEL_LOADING_SENT,
    NOT_PROCESSED_SENT,
    STORE_UNAVAILABLE_SENT,
    Insights,
    ask_consent,
    take_turn_marker,
)
from api.rate_limit import RateLimiter
from api.security import TOO_MANY
from api.settings import Settings
from bot.messages import APOLOGY, MODEL_LOADING, NOT_PROCESSED, STORE_UNAVAILABLE

TOO_LONG = "Je bericht is te lang. Houd het korter dan {limit} tekens."

logger = logging.getLogger(__name__)

SENDER_PATTERN = r"^[A-Za-z0-9_.:@-]{1,128}$"

# The message was not processed and nothing of it was saved: 503, to be sent again.
NOT_PROCESSED_ERRORS = (
    LockUnavailableError,
    LockLostError,
    TurnTimeoutError,
    ConversationConflictError,
)
# Seconds a client should wait before sending again (the Retry-After header).
RETRY_AFTER_LOADING = 5
RETRY_AFTER_BUSY = 2
RETRY_AFTER_STORE = 30


def unavailable(detail: str, retry_after: int) -> JSONResponse:
    return JSONResponse(
        {"detail": detail}, status_code=503, headers={"Retry-After": str(retry_after)}
    )


class RestMessage(BaseModel):
    # Strict: a number where text belongs is an error, not silently "5".
    sender: StrictStr = Field(
        "default", regex=SENDER_PATTERN, description="Gespreks-id van de gebruiker"
    )
    message: StrictStr = Field(..., description="De tekst van de gebruiker")
    metadata: dict[str, Any] | None = None


class BotMessage(BaseModel):
    recipient_id: str
    text: str | None = None
    buttons: list[dict[str, Any]] | None = None
    custom: dict[str, Any] | None = None
    image: str | None = None


def attach_custom_payloads(messages: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Rasa sends a text and its `custom` payload as two messages; join them into one, so a
    widget gets an answer together with its sources and timeline."""
    joined: list[dict[str, Any]] = []
    for message in messages:
        previous = joined[-1] if joined else None
        custom_only = set(message) == {"recipient_id", "custom"}
        if custom_only and previous is not None and "custom" not in previous:
            previous["custom"] = message["custom"]
        else:
            joined.append(dict(message))
    return joined


def create_chat_router(
    assistant: Assistant, settings: Settings, insights: Insights | None = None
) -> APIRouter:
    insights = insights or Insights(settings)
    router = APIRouter(tags=["chat"])
    per_sender = RateLimiter(settings.rate_per_sender)

    @router.post(
        "/webhooks/rest/webhook",
        response_model=list[BotMessage],
        response_model_exclude_none=True,
        summary="Stuur een bericht (Rasa REST-kanaal)",
    )
    async def rest_webhook(body: RestMessage, request: Request, background: BackgroundTasks) -> Any:
        if len(body.message) > settings.max_message_chars:
            detail = TOO_LONG.format(limit=settings.max_message_chars)
            return JSONResponse({"detail": detail}, status_code=422)
        wait = per_sender.retry_after(body.sender)
        if wait is not None:
            return JSONResponse(
                {"detail": TOO_MANY}, status_code=429, headers={"Retry-After": str(wait)}
            )
        try:
            messages = await assistant.handle(body.sender, body.message, body.metadata)
        except ModelNotReadyError:
            insights.count_after_response(background, MODEL_LOADING_SENT)
            return unavailable(MODEL_LOADING, RETRY_AFTER_LOADING)
        except NOT_PROCESSED_ERRORS as exc:
            # Nothing of this message was saved: say so, and when to send it again.
            logger.warning("message not processed: %s", type(exc).__name__)
            insights.count_after_response(background, NOT_PROCESSED_SENT)
            return unavailable(NOT_PROCESSED, RETRY_AFTER_BUSY)
        except Exception as exc:
            if is_store_failure(exc):
                logger.error("conversation store unavailable: %s", type(exc).__name__)
                insights.count_after_response(background, STORE_UNAVAILABLE_SENT)
                return unavailable(STORE_UNAVAILABLE, RETRY_AFTER_STORE)
            # Never log the message itself: it is health data.
            logger.error("handling a message failed: %s", type(exc).__name__)
            messages = []
        messages = attach_custom_payloads(messages)
        if not messages:
            # Rasa answers with silence when an action fails; users get an apology.
            insights.count_after_response(background, APOLOGY_SENT)
            return [{"recipient_id": body.sender, "text": APOLOGY}]
        marker = take_turn_marker(messages)
        insights.count_after_response(background, marker)
        if settings.collect_unanswered:
            ask_consent(messages, marker)
        return messages

    return router

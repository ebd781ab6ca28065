"""Rasa's REST channel contract, served by FastAPI: POST /webhooks/rest/webhook."""

from __future__ import annotations

import logging
from typing import Any

from fastapi import APIRouter, BackgroundTasks, Request, Response
from fastapi.responses import JSONResponse
from pydantic import BaseModel, Field, StrictStr

from api.assistant import Admission, Assistant, ModelNotReadyError, TurnTimeoutError
from api.conversations.access import Access, ConversationGuard, chat_access, new_conversation_id
from api.conversations.lock import LockLostError, LockUnavailableError
from api.conversations.store import ConversationConflictError, is_store_failure
from api.conversations.tokens import TOKEN_HEADER, TokenStatus
from api.core.rate_limit import RateLimiter
from api.core.security import TOO_MANY
from api.core.settings import Settings
from api.insights.recorder import (
    APOLOGY_SENT,
    MODEL_LOADING_SENT,
    NOT_PROCESSED_SENT,
    STORE_UNAVAILABLE_SENT,
    Insights,
    ask_consent,
    take_turn_marker,
)
from bot.messages import APOLOGY, MODEL_LOADING, NOT_PROCESSED, SHARED_SENDER, STORE_UNAVAILABLE

TOO_LONG = "Je bericht is te lang. Houd het korter dan {limit} tekens."

logger = logging.getLogger(__name__)

SENDER_PATTERN = r"^[A-Za-z0-9_.:@-]{1,128}$"
# Rasa's REST channel puts every message without a sender into this one conversation.
SHARED_DEFAULT_SENDER = "default"

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


class AccessRefusedError(Exception):
    """The message may not continue this conversation (raised under its lock)."""

    def __init__(self, access: Access) -> None:
        super().__init__(access.reason)
        self.access = access


class TooManyMessagesError(Exception):
    """Over RATE_LIMIT_SENDER for this conversation; `wait` seconds until the next one."""

    def __init__(self, wait: int) -> None:
        super().__init__(wait)
        self.wait = wait


def refused(access: Access) -> JSONResponse:
    return JSONResponse({"detail": access.detail}, status_code=403)


class RestMessage(BaseModel):
    # Strict: a number where text belongs is an error, not silently "5".
    sender: StrictStr | None = Field(
        None,
        regex=SENDER_PATTERN,
        description="Gespreks-id van de gebruiker; zonder id begint een nieuw gesprek",
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
    assistant: Assistant,
    settings: Settings,
    guard: ConversationGuard,
    insights: Insights | None = None,
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
    async def rest_webhook(
        body: RestMessage, request: Request, response: Response, background: BackgroundTasks
    ) -> Any:
        if len(body.message) > settings.max_message_chars:
            detail = TOO_LONG.format(limit=settings.max_message_chars)
            return JSONResponse({"detail": detail}, status_code=422)
        if body.sender == SHARED_DEFAULT_SENDER:
            return JSONResponse({"detail": SHARED_SENDER}, status_code=422)
        sender = body.sender or new_conversation_id()
        key = guard.identity_key(request.headers)
        check = guard.check(request.headers, sender, key)
        admitted: list[Access] = []

        async def admit() -> None:
            keeps_tokens = check.status is not TokenStatus.ABSENT
            claim = await assistant.owners.claim(sender, key, protected=keeps_tokens)
            access = chat_access(claim, key, check)
            if not access.allowed:
                logger.info("message refused: %s", access.reason)
                raise AccessRefusedError(access)
            admitted.append(access)
            # Counted only once admitted: a stranger cannot use up a conversation's limit.
            wait = per_sender.retry_after(sender)
            if wait is not None:
                raise TooManyMessagesError(wait)

        result = await answer(sender, body, admit, background)
        if admitted and admitted[0].issue_token:
            # Also on a 503: the client keeps it for when it sends the message again.
            target = result if isinstance(result, Response) else response
            target.headers[TOKEN_HEADER] = guard.token(sender, key)
        return result

    async def answer(
        sender: str, body: RestMessage, admit: Admission, background: BackgroundTasks
    ) -> Any:
        try:
            messages = await assistant.handle(sender, body.message, body.metadata, admit=admit)
        except AccessRefusedError as exc:
            return refused(exc.access)
        except TooManyMessagesError as exc:
            return JSONResponse(
                {"detail": TOO_MANY}, status_code=429, headers={"Retry-After": str(exc.wait)}
            )
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
            return [{"recipient_id": sender, "text": APOLOGY}]
        marker = take_turn_marker(messages)
        insights.count_after_response(background, marker)
        if settings.collect_unanswered:
            ask_consent(messages, marker)
        return messages

    return router

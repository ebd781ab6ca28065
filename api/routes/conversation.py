"""Read a conversation back from the tracker store (the widget restores its history), and
delete it. Both need the conversation's token (api/conversations/access.py)."""

from __future__ import annotations

import logging
from typing import Any

from fastapi import APIRouter, Path, Request
from fastapi.responses import Response

from api.assistant import Assistant, ModelNotReadyError
from api.conversations.access import Access, ConversationGuard, read_access
from api.conversations.lock import LockUnavailableError
from api.conversations.store import is_store_failure
from api.conversations.tokens import TokenStatus
from api.routes.chat import (
    RETRY_AFTER_BUSY,
    RETRY_AFTER_LOADING,
    RETRY_AFTER_STORE,
    SENDER_PATTERN,
    refused,
    unavailable,
)
from bot.messages import DELETE_BUSY, MODEL_LOADING, STORE_UNAVAILABLE

logger = logging.getLogger(__name__)


def history_from_events(events: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """User and bot messages of a tracker, in order, in the REST channel's shape."""
    history: list[dict[str, Any]] = []
    for event in events:
        if event.get("event") == "user" and event.get("text"):
            history.append({"role": "user", "text": event["text"]})
        elif event.get("event") == "bot":
            data = event.get("data") or {}
            item: dict[str, Any] = {"role": "bot", "text": event.get("text")}
            for key in ("buttons", "custom"):
                if data.get(key):
                    item[key] = data[key]
            history.append(item)
    return history


def create_conversation_router(assistant: Assistant, guard: ConversationGuard) -> APIRouter:
    router = APIRouter(tags=["gesprekken"])

    async def access(request: Request, sender: str) -> tuple[Access, list[dict[str, Any]]]:
        """Read or delete access, and the stored events when they had to be read."""
        key = guard.identity_key(request.headers)
        check = guard.check(request.headers, sender, key)
        events: list[dict[str, Any]] = []
        if check.status is not TokenStatus.VALID:  # refused before touching the database
            decided = read_access(None, False, key, check)
        else:
            owner = await assistant.owners.owner(sender)
            events = await assistant.tracker_events(sender)
            decided = read_access(owner, bool(events), key, check)
        if not decided.allowed:
            logger.info("conversation access refused: %s", decided.reason)
        return decided, events

    @router.get(
        "/api/conversations/{sender}",
        summary="Het gesprek tot nu toe (met de gesprekstoken uit X-Conversation-Token)",
    )
    async def conversation(
        request: Request, sender: str = Path(..., pattern=SENDER_PATTERN)
    ) -> Any:
        try:
            decided, events = await access(request, sender)
        except ModelNotReadyError:
            return unavailable(MODEL_LOADING, RETRY_AFTER_LOADING)
        except Exception as exc:
            if not is_store_failure(exc):
                raise
            return unavailable(STORE_UNAVAILABLE, RETRY_AFTER_STORE)
        if not decided.allowed:
            return refused(decided)
        return {"sender": sender, "messages": history_from_events(events)}

    @router.delete(
        "/api/conversations/{sender}",
        status_code=204,
        summary="Verwijder dit gesprek (AVG; met de gesprekstoken uit X-Conversation-Token)",
        response_class=Response,
    )
    async def delete(request: Request, sender: str = Path(..., pattern=SENDER_PATTERN)) -> Response:
        try:
            decided, _ = await access(request, sender)
            if not decided.allowed:
                return refused(decided)
            await assistant.delete_conversation(sender)
        except ModelNotReadyError:
            return unavailable(MODEL_LOADING, RETRY_AFTER_LOADING)
        except LockUnavailableError:
            return unavailable(DELETE_BUSY, RETRY_AFTER_BUSY)
        except Exception as exc:
            if not is_store_failure(exc):
                raise
            return unavailable(STORE_UNAVAILABLE, RETRY_AFTER_STORE)
        return Response(status_code=204)

    return router

"""Read a conversation back from the tracker store (the widget restores its history)."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Path
from fastapi.responses import Response

from api.assistant import Assistant, ModelNotReadyError
from api.chat_routes import (
    RETRY_AFTER_BUSY,
    RETRY_AFTER_LOADING,
    RETRY_AFTER_STORE,
    SENDER_PATTERN,
    unavailable,
)
from api.conversation_lock import LockUnavailableError
from api.conversation_store import is_store_failure
from bot.messages import DELETE_BUSY, MODEL_LOADING, STORE_UNAVAILABLE


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


def create_conversation_router(assistant: Assistant) -> APIRouter:
    router = APIRouter(tags=["gesprekken"])

    @router.get("/api/conversations/{sender}", summary="Het gesprek tot nu toe")
    async def conversation(sender: str = Path(..., pattern=SENDER_PATTERN)) -> Any:
        try:
            events = await assistant.tracker_events(sender)
        except ModelNotReadyError:
            return unavailable(MODEL_LOADING, RETRY_AFTER_LOADING)
        except Exception as exc:
            if not is_store_failure(exc):
                raise
            return unavailable(STORE_UNAVAILABLE, RETRY_AFTER_STORE)
        return {"sender": sender, "messages": history_from_events(events)}

    @router.delete(
        "/api/conversations/{sender}",
        status_code=204,
        summary="Verwijder dit gesprek (AVG)",
        response_class=Response,
    )
    async def delete(sender: str = Path(..., pattern=SENDER_PATTERN)) -> Response:
        try:
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

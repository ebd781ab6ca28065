"""Reading the tracker: the same few questions every action asks."""

from __future__ import annotations

from typing import Any

from rasa_sdk import Tracker

from bot.roles import detect_role

ROLE_SLOT = "role"
PENDING_SLOT = "pending_faq"


def entity_value(tracker: Tracker, entity: str) -> str | None:
    value = next(tracker.get_latest_entity_values(entity), None)
    return str(value) if value is not None else None


def current_role(tracker: Tracker) -> str | None:
    """Role from a button, from the words of this message, or from earlier in the chat."""
    text = tracker.latest_message.get("text") or ""
    return entity_value(tracker, "role") or detect_role(text) or tracker.get_slot(ROLE_SLOT)


def latest_intent(tracker: Tracker) -> str | None:
    intent: dict[str, Any] = tracker.latest_message.get("intent") or {}
    name = intent.get("name")
    return str(name) if name else None

"""Reading the tracker: the NLU's opinions on the latest message and what the conversation
holds, as the typed values of bot.turn."""

from __future__ import annotations

from typing import Any

from rasa_sdk import Tracker

from actions.intents import FAQ_ENTITY, ROLE_ENTITY, intent_of
from bot.clock import today
from bot.conversation import CaseState
from bot.turn import ConversationState, NluOpinions

ROLE_SLOT = "role"
PENDING_SLOT = "pending_faq"
CASE_SLOT = "case"  # the personal-deadline case (bot/conversation/state.py)


def entity_value(tracker: Tracker, entity: str) -> str | None:
    value = next(tracker.get_latest_entity_values(entity), None)
    return str(value) if value is not None else None


def nlu_opinions(tracker: Tracker) -> NluOpinions:
    message: dict[str, Any] = tracker.latest_message or {}
    intent: dict[str, Any] = message.get("intent") or {}
    return NluOpinions(
        text=message.get("text") or "",
        intent=intent_of(intent.get("name")),
        intent_confidence=float(intent.get("confidence") or 0.0),
        button_entry=entity_value(tracker, FAQ_ENTITY),
        button_role=entity_value(tracker, ROLE_ENTITY),
    )


def conversation_state(tracker: Tracker) -> ConversationState:
    pending = tracker.get_slot(PENDING_SLOT)
    role = tracker.get_slot(ROLE_SLOT)
    return ConversationState(
        today=today(),
        case=CaseState.from_slot(tracker.get_slot(CASE_SLOT)),
        role=str(role) if role else None,
        pending_faq=str(pending) if pending else None,
    )

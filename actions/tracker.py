"""Reading the tracker: the NLU's opinions on the latest message and what the conversation
holds, as the typed values of bot.turn."""

from __future__ import annotations

from typing import Any

from rasa_sdk import Tracker

from actions.intents import FAQ_ENTITY, RETRIEVAL_INTENT, ROLE_ENTITY, intent_of
from bot.clock import today
from bot.conversation import CaseState
from bot.turn import ConversationState, NluOpinions

ROLE_SLOT = "role"
PENDING_SLOT = "pending_faq"
CASE_SLOT = "case"  # the personal-deadline case (bot/conversation/state.py)


def entity_value(tracker: Tracker, entity: str) -> str | None:
    value = next(tracker.get_latest_entity_values(entity), None)
    return str(value) if value is not None else None


def _entry_id(key: Any) -> str | None:
    """The entry id of a response-selector key "faq/<entry id>"."""
    prefix, _, entry_id = str(key or "").partition("/")
    return entry_id if prefix and entry_id else None


def nlu_opinions(tracker: Tracker) -> NluOpinions:
    message: dict[str, Any] = tracker.latest_message or {}
    intent: dict[str, Any] = message.get("intent") or {}
    selector: dict[str, Any] = (message.get("response_selector") or {}).get(RETRIEVAL_INTENT, {})
    response: dict[str, Any] = selector.get("response") or {}
    ranking = tuple(
        (entry_id, float(r.get("confidence") or 0.0))
        for r in selector.get("ranking") or []
        if (entry_id := _entry_id(r.get("intent_response_key"))) is not None
    )
    return NluOpinions(
        text=message.get("text") or "",
        intent=intent_of(intent.get("name")),
        intent_confidence=float(intent.get("confidence") or 0.0),
        selector_entry=_entry_id(response.get("intent_response_key")),
        selector_confidence=float(response.get("confidence") or 0.0),
        selector_ranking=ranking,
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

"""Up to three suggested FAQ questions as buttons, so that "not understood" is never a dead end."""

from __future__ import annotations

from typing import Any

from rasa_sdk import Tracker
from rasa_sdk.executor import CollectingDispatcher

from bot.faq_answers import MIN_SELECTOR_PICK, suggestion_buttons
from bot.faq_search import suggest_faq
from bot.knowledge import knowledge
from bot.messages import NOT_UNDERSTOOD, SUGGESTIONS_INTRO

MAX_SUGGESTIONS = 3


def ranked_selector_entries(tracker: Tracker) -> list[tuple[str, float]]:
    """The response selector's FAQ ranking: (entry id, confidence), best first."""
    selector: dict[str, Any] = tracker.latest_message.get("response_selector", {})
    ranking = selector.get("faq", {}).get("ranking", [])
    return [
        (str(r["intent_response_key"]).split("/", 1)[1], float(r["confidence"]))
        for r in ranking
        if "/" in str(r.get("intent_response_key", ""))
    ]


def suggestion_ids(tracker: Tracker) -> list[str]:
    """The model's two likeliest entries, then the keyword search's, without repeats."""
    ranked = ranked_selector_entries(tracker)[:2]
    candidates = [entry_id for entry_id, c in ranked if c >= MIN_SELECTOR_PICK]
    text = tracker.latest_message.get("text") or ""
    candidates += [c for c in suggest_faq(text) if c not in candidates]
    return candidates[:MAX_SUGGESTIONS]


def suggest(dispatcher: CollectingDispatcher, tracker: Tracker) -> None:
    buttons = suggestion_buttons(knowledge(), suggestion_ids(tracker))
    if buttons:
        dispatcher.utter_message(text=f"{NOT_UNDERSTOOD}\n{SUGGESTIONS_INTRO}", buttons=buttons)
    else:
        dispatcher.utter_message(text=NOT_UNDERSTOOD)

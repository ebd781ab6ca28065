"""Fallback when the model does not understand: up to three FAQ suggestions, never a dead end."""

from __future__ import annotations

from rasa_sdk import Tracker
from rasa_sdk.executor import CollectingDispatcher

from actions.base import DomainDict, Events, SafeAction
from bot.faq_answers import suggestion_buttons
from bot.faq_search import suggest_faq
from bot.knowledge import knowledge
from bot.messages import NOT_UNDERSTOOD, SUGGESTIONS_INTRO


class ActionNotUnderstood(SafeAction):
    def name(self) -> str:
        return "action_not_understood"

    async def execute(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> Events:
        text = tracker.latest_message.get("text") or ""
        buttons = suggestion_buttons(knowledge(), suggest_faq(text))
        if buttons:
            dispatcher.utter_message(
                text=f"{NOT_UNDERSTOOD}\n\n{SUGGESTIONS_INTRO}", buttons=buttons
            )
        else:
            dispatcher.utter_message(text=NOT_UNDERSTOOD)
        # Undo the misunderstood message so it does not steer the dialogue.
        return [{"event": "user_utterance_reverted", "timestamp": None}]

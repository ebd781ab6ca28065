"""Fallback when the model does not understand the message."""

from __future__ import annotations

from rasa_sdk import Tracker
from rasa_sdk.executor import CollectingDispatcher

from actions.base import DomainDict, Events, SafeAction
from bot.messages import NOT_UNDERSTOOD


class ActionNotUnderstood(SafeAction):
    def name(self) -> str:
        return "action_not_understood"

    async def execute(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> Events:
        dispatcher.utter_message(text=NOT_UNDERSTOOD)
        # Undo the misunderstood message so it does not steer the dialogue.
        return [{"event": "user_utterance_reverted", "timestamp": None}]

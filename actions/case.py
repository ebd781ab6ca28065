"""The action for the personal-deadline intents (first sick day, overview, ja/nee, overslaan,
begin opnieuw)."""

from __future__ import annotations

from rasa_sdk import Tracker
from rasa_sdk.executor import CollectingDispatcher

from actions.base import DomainDict, Events
from actions.case_turn import CaseAwareAction
from actions.faq import answer_question
from actions.tracker import latest_intent

GENERIC_OK = "Oké. Waar kan ik je mee helpen?"


class ActionCase(CaseAwareAction):
    """First sick day, confirmation, follow-up questions, "begin opnieuw"."""

    def name(self) -> str:
        return "action_case"

    async def respond(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> Events:
        # "ja" or "nee" with no open question, or a sick-day intent without any date.
        if latest_intent(tracker) in ("affirm", "deny", "skip"):
            dispatcher.utter_message(text=GENERIC_OK)
            return []
        return answer_question(dispatcher, tracker)

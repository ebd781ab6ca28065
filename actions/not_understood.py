"""When the assistant is not sure what a message means."""

from __future__ import annotations

from rasa_sdk import Tracker
from rasa_sdk.events import UserUtteranceReverted
from rasa_sdk.executor import CollectingDispatcher

from actions.base import DomainDict, Events
from actions.case_turn import CaseAwareAction
from actions.faq import answer_if_faq
from actions.suggestions import suggest


class ActionNotUnderstood(CaseAwareAction):
    def name(self) -> str:
        return "action_not_understood"

    async def respond(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> Events:
        # Reached only when no date question is open ("asdf" there gets "geen datum").
        answered = answer_if_faq(dispatcher, tracker)
        if answered is not None:
            return answered
        suggest(dispatcher, tracker)
        # Undo the misunderstood message so it does not steer the dialogue (Rasa's "rewind";
        # rasa-sdk's constructor, never a hand-written event name).
        return [UserUtteranceReverted()]

"""The personal-deadline conversation in Rasa: translate between the tracker and
bot.conversation, which holds all of its logic."""

from __future__ import annotations

from abc import abstractmethod

from rasa_sdk import Tracker
from rasa_sdk.events import SlotSet
from rasa_sdk.executor import CollectingDispatcher

from actions.base import DomainDict, Events, SafeAction
from actions.tracker import ROLE_SLOT, current_role, latest_intent
from bot.clock import today
from bot.conversation import CaseState, Message, claims_turn, faq_hint, handle_turn

CASE_SLOT = "case"


def case_state(tracker: Tracker) -> CaseState:
    return CaseState.from_slot(tracker.get_slot(CASE_SLOT))


def case_turn(dispatcher: CollectingDispatcher, tracker: Tracker) -> Events | None:
    """Handle the message if it belongs to the personal-deadline conversation, else None."""
    state = case_state(tracker)
    text = tracker.latest_message.get("text") or ""
    intent = latest_intent(tracker)
    reference = today()
    if not claims_turn(state, text, intent, reference):
        return None
    result = handle_turn(state, Message(text, intent, current_role(tracker), reference))
    for reply in result.replies:
        dispatcher.utter_message(
            text=reply["text"], buttons=reply.get("buttons", []), json_message=reply.get("custom")
        )
    return [SlotSet(CASE_SLOT, result.state.to_slot()), SlotSet(ROLE_SLOT, result.role)]


def offer_personal_date(dispatcher: CollectingDispatcher, tracker: Tracker) -> Events:
    """After a general answer to a "wanneer …" question: offer the personal date."""
    hint, state = faq_hint(case_state(tracker), tracker.latest_message.get("text") or "")
    if hint is None:
        return []
    dispatcher.utter_message(text=hint)
    return [SlotSet(CASE_SLOT, state.to_slot())]


class CaseAwareAction(SafeAction):
    """An action that first lets the personal-deadline conversation take the turn: a date
    where one was asked, "ja" to "klopt dat?", a follow-up such as "en de WIA-aanvraag?"."""

    def case_first(self, tracker: Tracker) -> bool:
        return True

    async def execute(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> Events:
        if self.case_first(tracker):
            events = case_turn(dispatcher, tracker)
            if events is not None:
                return events
        return await self.respond(dispatcher, tracker, domain)

    @abstractmethod
    async def respond(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> Events:
        """The action's own answer when the turn is not part of the conversation."""

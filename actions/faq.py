"""FAQ answers (with role variants and sources) and out-of-scope replies."""

from __future__ import annotations

from typing import Any

from rasa_sdk import Tracker
from rasa_sdk.events import SlotSet
from rasa_sdk.executor import CollectingDispatcher

from actions.base import DomainDict, Events
from actions.case_turn import CaseAwareAction, offer_personal_date
from actions.not_understood import suggest
from actions.tracker import PENDING_SLOT, ROLE_SLOT, current_role, entity_value
from bot.faq_answers import SKIP_ROLE, chosen_entry, faq_reply, role_question_reply
from bot.faq_search import out_of_scope_category
from bot.knowledge import knowledge
from bot.messages import OUT_OF_SCOPE_GENERAL


def selector_prediction(tracker: Tracker) -> tuple[str | None, float]:
    """The response selector's FAQ entry and its confidence."""
    selector: dict[str, Any] = tracker.latest_message.get("response_selector", {})
    response = selector.get("faq", {}).get("response", {})
    key = str(response.get("intent_response_key") or "")
    entry_id = key.split("/", 1)[1] if "/" in key else None
    return entry_id, float(response.get("confidence") or 0.0)


def selected_faq_id(tracker: Tracker) -> str | None:
    """The FAQ entry: a button's faq_id, else a confident response-selector prediction."""
    chosen = entity_value(tracker, "faq_id")
    if chosen:
        return chosen
    entry_id, confidence = selector_prediction(tracker)
    return chosen_entry(tracker.latest_message.get("text") or "", entry_id, confidence)


def answer(dispatcher: CollectingDispatcher, entry_id: str | None, role: str | None) -> Events:
    entry = knowledge().entry(entry_id) if entry_id else None
    if entry is None:
        dispatcher.utter_message(response="utter_capabilities")
        return [SlotSet(PENDING_SLOT, None)]
    if entry.has_role_variants and role is None:
        dispatcher.utter_message(**role_question_reply())
        return [SlotSet(PENDING_SLOT, entry.id)]
    reply = faq_reply(entry, None if role == SKIP_ROLE else role)
    dispatcher.utter_message(text=reply["text"], json_message=reply["custom"])
    return [SlotSet(PENDING_SLOT, None)]


def answer_question(dispatcher: CollectingDispatcher, tracker: Tracker) -> Events:
    """A general FAQ answer, or suggestions when the model is not sure."""
    role = current_role(tracker)
    entry_id = selected_faq_id(tracker)
    if entry_id is None:
        suggest(dispatcher, tracker)
        return [SlotSet(ROLE_SLOT, role)]
    events = answer(dispatcher, entry_id, role)
    return [SlotSet(ROLE_SLOT, role), *events]


class ActionAnswerFaq(CaseAwareAction):
    def name(self) -> str:
        return "action_answer_faq"

    async def respond(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> Events:
        events = answer_question(dispatcher, tracker)
        if entity_value(tracker, "faq_id") is None:
            events += offer_personal_date(dispatcher, tracker)
        return events


class ActionInformRole(CaseAwareAction):
    """The user said who they are: answer the question that was waiting for it."""

    def name(self) -> str:
        return "action_inform_role"

    def case_first(self, tracker: Tracker) -> bool:
        # A FAQ answer waiting for the role comes first: it was the last question asked.
        return not tracker.get_slot(PENDING_SLOT)

    async def respond(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> Events:
        role = current_role(tracker)
        pending = tracker.get_slot(PENDING_SLOT)
        stored_role = None if role == SKIP_ROLE else role
        if pending:
            return [
                SlotSet(ROLE_SLOT, stored_role),
                *answer(dispatcher, pending, role or SKIP_ROLE),
            ]
        dispatcher.utter_message(text="Dank je. Ik houd daar rekening mee. Wat wil je weten?")
        return [SlotSet(ROLE_SLOT, stored_role)]


class ActionOutOfScope(CaseAwareAction):
    def name(self) -> str:
        return "action_out_of_scope"

    async def respond(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> Events:
        base = knowledge()
        category_id = out_of_scope_category(tracker.latest_message.get("text") or "")
        category = next((c for c in base.out_of_scope if c.id == category_id), None)
        text = category.reply if category else OUT_OF_SCOPE_GENERAL
        dispatcher.utter_message(text=text, json_message={"type": "out_of_scope"})
        return []

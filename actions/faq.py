"""FAQ answers (with role variants and sources) and out-of-scope replies."""

from __future__ import annotations

from typing import Any

from rasa_sdk import Tracker
from rasa_sdk.events import SlotSet
from rasa_sdk.executor import CollectingDispatcher

from actions.base import DomainDict, Events
from actions.case_turn import CaseAwareAction, offer_personal_date
from actions.suggestions import suggest
from actions.tracker import PENDING_SLOT, ROLE_SLOT, current_role, entity_value, latest_intent
from bot.faq_answers import (
    SKIP_ROLE,
    alternative_entry,
    chosen_entry,
    faq_reply,
    is_out_of_scope,
    role_question_reply,
    suggestion_buttons,
)
from bot.faq_search import out_of_scope_category
from bot.knowledge import knowledge
from bot.messages import ALTERNATIVE_INTRO, OUT_OF_SCOPE_GENERAL


def selector_prediction(tracker: Tracker) -> tuple[str | None, float]:
    """The response selector's FAQ entry and its confidence."""
    selector: dict[str, Any] = tracker.latest_message.get("response_selector", {})
    response = selector.get("faq", {}).get("response", {})
    key = str(response.get("intent_response_key") or "")
    entry_id = key.split("/", 1)[1] if "/" in key else None
    return entry_id, float(response.get("confidence") or 0.0)


def selected_faq_id(tracker: Tracker) -> str | None:
    """The FAQ entry: a button's faq_id, else what the FAQ models agree on (or None)."""
    chosen = entity_value(tracker, "faq_id")
    if chosen:
        return chosen
    entry_id, confidence = selector_prediction(tracker)
    text = tracker.latest_message.get("text") or ""
    return chosen_entry(text, latest_intent(tracker), entry_id, confidence)


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


def out_of_scope_reply(dispatcher: CollectingDispatcher, text: str) -> None:
    """ "Daar kan ik je niet mee helpen", with where to go for this kind of question."""
    category_id = out_of_scope_category(text)
    category = next((c for c in knowledge().out_of_scope if c.id == category_id), None)
    reply = category.reply if category else OUT_OF_SCOPE_GENERAL
    dispatcher.utter_message(text=reply, json_message={"type": "out_of_scope"})


def answer_entry(dispatcher: CollectingDispatcher, tracker: Tracker, entry_id: str) -> Events:
    role = current_role(tracker)
    events = answer(dispatcher, entry_id, role)
    if not asks_for_role(events) and entity_value(tracker, "faq_id") is None:
        offer_alternative(dispatcher, tracker, entry_id)
    return [SlotSet(ROLE_SLOT, role), *events]


def asks_for_role(events: Events) -> bool:
    """True when the answer waits for the user's role (the question is kept pending)."""
    return any(e.get("name") == PENDING_SLOT and e.get("value") for e in events)


def offer_alternative(dispatcher: CollectingDispatcher, tracker: Tracker, answered: str) -> None:
    """When the models disagreed: the other pick as a button under the answer."""
    selector_entry, confidence = selector_prediction(tracker)
    alternative = alternative_entry(answered, selector_entry, confidence)
    if alternative is not None:
        buttons = suggestion_buttons(knowledge(), [alternative])
        dispatcher.utter_message(text=ALTERNATIVE_INTRO, buttons=buttons)


def answer_question(dispatcher: CollectingDispatcher, tracker: Tracker) -> Events:
    """A general FAQ answer, or suggestions when the models are not sure."""
    entry_id = selected_faq_id(tracker)
    if entry_id is not None:
        return answer_entry(dispatcher, tracker, entry_id)
    text = tracker.latest_message.get("text") or ""
    if is_out_of_scope(text):
        out_of_scope_reply(dispatcher, text)
    else:
        suggest(dispatcher, tracker)
    return [SlotSet(ROLE_SLOT, current_role(tracker))]


def answer_if_faq(dispatcher: CollectingDispatcher, tracker: Tracker) -> Events | None:
    """The FAQ answer to a message the intent model took for out of scope or did not
    understand, when the FAQ models agree that it is a FAQ question after all; else None."""
    entry_id = selected_faq_id(tracker)
    if entry_id is None:
        return None
    return answer_entry(dispatcher, tracker, entry_id) + offer_personal_date(dispatcher, tracker)


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
        answered = answer_if_faq(dispatcher, tracker)
        if answered is not None:
            return answered
        out_of_scope_reply(dispatcher, tracker.latest_message.get("text") or "")
        return []

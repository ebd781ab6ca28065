"""The one action: every message goes here (data/rules.yml). bot.turn decides what kind of
reply the message gets; this action logs that decision (kind and reason, never the text) and
translates it into messages and slot events with the reply builders of bot/."""

from __future__ import annotations

import logging
from typing import Any

from rasa_sdk import Tracker
from rasa_sdk.events import SlotSet, UserUtteranceReverted
from rasa_sdk.executor import CollectingDispatcher

from actions.base import DomainDict, Events, SafeAction
from actions.intents import INTENT_NAMES, rest_button
from actions.tracker import (
    CASE_SLOT,
    PENDING_SLOT,
    ROLE_SLOT,
    conversation_state,
    nlu_opinions,
)
from bot.conversation import Message, TurnResult, faq_hint, handle_turn
from bot.faq.answers import (
    Reply,
    alternative_reply,
    faq_reply,
    not_understood_reply,
    out_of_scope_reply,
    role_question_reply,
)
from bot.insights.codes import kind_name, mark_replies, turn_marker
from bot.knowledge.base import knowledge
from bot.messages import ENGLISH_ANSWERED, ENGLISH_NOT_UNDERSTOOD
from bot.turn import ConversationState, Kind, NluOpinions, Outcome, SmallTalk, decide

logger = logging.getLogger(__name__)

# Small talk with a fixed reply: the domain's responses, and two short texts of our own.
SMALL_TALK_RESPONSES = {
    SmallTalk.GREET: "utter_greet",
    SmallTalk.THANK: "utter_thank",
    SmallTalk.GOODBYE: "utter_goodbye",
    SmallTalk.CAPABILITIES: "utter_capabilities",
}
SMALL_TALK_TEXTS = {
    SmallTalk.ROLE_NOTED: "Dank je. Ik houd daar rekening mee. Wat wil je weten?",
    SmallTalk.NOTHING_OPEN: "Oké. Waar kan ik je mee helpen?",
}


def utter(dispatcher: CollectingDispatcher, reply: Reply) -> None:
    buttons = [rest_button(b) for b in reply.get("buttons") or []]
    dispatcher.utter_message(text=reply["text"], buttons=buttons, json_message=reply.get("custom"))


def log_turn(outcome: Outcome, nlu: NluOpinions) -> None:
    """One line per turn: what kind of reply and why. Ids and codes only, never user text."""
    intent = INTENT_NAMES[nlu.intent] if nlu.intent else "-"
    detail = (
        outcome.entry
        or outcome.category
        or (outcome.small_talk.name.lower() if outcome.small_talk else "-")
    )
    logger.info(
        "turn kind=%s reason=%s detail=%s intent=%s:%.2f",
        kind_name(outcome.kind),
        outcome.reason,
        detail,
        intent,
        nlu.intent_confidence,
    )


class ActionTurn(SafeAction):
    def name(self) -> str:
        return "action_turn"

    async def execute(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> Events:
        nlu, state = nlu_opinions(tracker), conversation_state(tracker)
        outcome = decide(nlu, state)
        log_turn(outcome, nlu)
        first = len(dispatcher.messages)
        if outcome.kind is Kind.CASE_STEP:
            if outcome.english_text is not None:
                dispatcher.utter_message(text=ENGLISH_ANSWERED)
            text = outcome.english_text or nlu.text
            message = Message(text, nlu.intent, outcome.role, state.today, outcome.reading)
            result = handle_turn(state.case, message)
            events = case_step(dispatcher, state, result)
            mark_replies(dispatcher.messages[first:], turn_marker(outcome, result))
            return events
        events = reply(dispatcher, nlu, state, outcome)
        # The outcome for the service's counts and the widget (votes, consent question).
        mark_replies(dispatcher.messages[first:], turn_marker(outcome))
        if outcome.forget_message:
            # Undo the misunderstood message so it does not steer the dialogue (Rasa's
            # "rewind"; rasa-sdk's constructor, never a hand-written event name).
            return [UserUtteranceReverted()]
        return events + slot_changes(outcome, state)


def case_step(
    dispatcher: CollectingDispatcher, state: ConversationState, result: TurnResult
) -> Events:
    for case_reply in result.replies:
        utter(dispatcher, case_reply)
    events: Events = [SlotSet(CASE_SLOT, result.state.to_slot())]
    if result.role != state.role:
        events.append(SlotSet(ROLE_SLOT, result.role))
    return events


def reply(
    dispatcher: CollectingDispatcher, nlu: NluOpinions, state: ConversationState, outcome: Outcome
) -> Events:
    """The messages of every outcome but the case step; returns the case slot event of the
    offer to compute a personal date, if made."""
    base = knowledge()
    kind = outcome.kind
    if kind is Kind.FAQ_ANSWER:
        entry = base.entry(outcome.entry or "")
        assert entry is not None  # bot.turn answers known entries only
        utter(dispatcher, faq_reply(entry, outcome.remembered_role))
        if outcome.alternative:
            utter(dispatcher, alternative_reply(base, outcome.alternative))
    elif kind is Kind.ROLE_QUESTION:
        utter(dispatcher, role_question_reply())
    elif kind is Kind.NOT_UNDERSTOOD and outcome.english_text is not None:
        dispatcher.utter_message(text=ENGLISH_NOT_UNDERSTOOD)
    elif kind in (Kind.SUGGESTIONS, Kind.NOT_UNDERSTOOD):
        utter(dispatcher, not_understood_reply(base, list(outcome.suggestions)))
    elif kind is Kind.OUT_OF_SCOPE:
        utter(dispatcher, out_of_scope_reply(base, outcome.category))
    elif outcome.small_talk in SMALL_TALK_RESPONSES:
        dispatcher.utter_message(response=SMALL_TALK_RESPONSES[outcome.small_talk])
    elif outcome.small_talk in SMALL_TALK_TEXTS:
        dispatcher.utter_message(text=SMALL_TALK_TEXTS[outcome.small_talk])
    if not outcome.offer_personal_date:
        return []
    hint, case = faq_hint(state.case, nlu.text)
    if hint is None:
        return []
    dispatcher.utter_message(text=hint)
    return [SlotSet(CASE_SLOT, case.to_slot())]


def slot_changes(outcome: Outcome, state: ConversationState) -> Events:
    """The role and the waiting FAQ question, where the outcome changes them."""
    events: list[dict[str, Any]] = []
    if outcome.remembered_role != state.role:
        events.append(SlotSet(ROLE_SLOT, outcome.remembered_role))
    if outcome.pending_faq != state.pending_faq:
        events.append(SlotSet(PENDING_SLOT, outcome.pending_faq))
    return events

"""Rasa's names for the intents of bot.intents, the entities a button sets, and the payload
syntax of a button: the one place they are spelled. tests/test_intents.py checks the names
against domain.yml and data/rules.yml.
"""

from __future__ import annotations

import json

from bot.intents import Button, Intent

INTENT_NAMES: dict[Intent, str] = {
    Intent.GREET: "greet",
    Intent.THANK: "thank",
    Intent.GOODBYE: "goodbye",
    Intent.CAPABILITIES: "capabilities",
    Intent.FAQ: "faq",
    Intent.INFORM_ROLE: "inform_role",
    Intent.OUT_OF_SCOPE: "out_of_scope",
    Intent.NOT_UNDERSTOOD: "nlu_fallback",  # Rasa's FallbackClassifier intent
    Intent.INFORM_SICK_DAY: "inform_sick_day",
    Intent.ASK_OVERVIEW: "ask_overview",
    Intent.AFFIRM: "affirm",
    Intent.DENY: "deny",
    Intent.SKIP: "skip",
    Intent.RESTART: "restart_case",
}
INTENTS_BY_NAME: dict[str, Intent] = {name: intent for intent, name in INTENT_NAMES.items()}

ROLE_ENTITY = "role"
FAQ_ENTITY = "faq_id"
# The entity that carries a button's argument, per intent.
ARGUMENT_ENTITIES: dict[Intent, str] = {Intent.INFORM_ROLE: ROLE_ENTITY, Intent.FAQ: FAQ_ENTITY}


def intent_of(name: str | None) -> Intent | None:
    """The typed intent for Rasa's intent name; None for a name that is not ours."""
    return INTENTS_BY_NAME.get(name or "")


def payload(button: Button) -> str:
    """Rasa's payload for a button: "/affirm", '/inform_role{"role": "werknemer"}'."""
    name = INTENT_NAMES[button.intent]
    if button.argument is None:
        return f"/{name}"
    return f"/{name}{json.dumps({ARGUMENT_ENTITIES[button.intent]: button.argument})}"


def rest_button(button: Button) -> dict[str, str]:
    """A button as Rasa's REST channel sends it to the widget."""
    return {"title": button.title, "payload": payload(button)}

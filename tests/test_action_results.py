"""Every action in actions/, run the way the service runs it (Rasa's RemoteAction with the
in-process endpoint), on realistic trackers: every result must pass Rasa's own action-result
schema and event deserialisation, apply to a real tracker, and answer the user (never with
the apology). An event name Rasa does not know (issue 15: "user_utterance_reverted" instead
of "rewind") fails here, whichever action returns it and on whichever path.

No trained model is needed: the trackers carry the NLU parse data Rasa would put in them.
BOT_TODAY fixes "today" for the actions, as in the running service.
"""

from __future__ import annotations

import asyncio
from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any

import jsonschema
import pytest
from rasa.core.actions.action import RemoteAction
from rasa.core.channels.channel import CollectingOutputChannel
from rasa.core.nlg.response import TemplatedNaturalLanguageGenerator
from rasa.shared.core.domain import Domain
from rasa.shared.core.events import (
    ActionExecuted,
    BotUttered,
    Event,
    SessionStarted,
    SlotSet,
    UserUttered,
)
from rasa.shared.core.trackers import DialogueStateTracker

from api.action_webhook import action_executor
from api.rasa_runtime.action_results import (
    InProcessActionEndpoint,
    trust_in_process_results,
)
from bot.knowledge.base import knowledge
from bot.messages import APOLOGY

ROOT = Path(__file__).resolve().parent.parent


@dataclass(frozen=True)
class Said:
    """One user message as Rasa's NLU hands it to the actions."""

    text: str
    intent: str
    entities: tuple[tuple[str, str], ...] = ()


@dataclass(frozen=True)
class Before:
    """What the conversation already holds (slots set by earlier turns)."""

    name: str
    slots: dict[str, Any] = field(default_factory=dict)


def role_variant_entry() -> str:
    return next(e.id for e in knowledge().entries if e.has_role_variants)


MESSAGES = [
    Said("wat is passend werk", "faq"),
    Said("wat is passend werk precies", "nlu_fallback"),
    Said("wanneer moet spoor 2 starten?", "faq"),
    Said("spoor twee wanneer beginnen", "nlu_fallback"),
    Said("hoeveel vakantiedagen heb ik nog dit jaar", "out_of_scope"),
    Said("blablabla", "nlu_fallback"),
    Said("?", "nlu_fallback"),
    Said("\U0001f914\U0001f914", "nlu_fallback"),
    Said("ik snap er niks van", "out_of_scope"),
    Said("ik ben sinds 3 maart 2026 ziek", "inform_sick_day"),
    Said("3 maart 2025", "inform_sick_day"),
    Said("ja", "affirm"),
    Said("nee", "deny"),
    Said("sla over", "skip"),
    Said("begin opnieuw", "restart_case"),
    Said("wat moet ik wanneer doen", "ask_overview"),
    Said('/inform_role{"role": "werknemer"}', "inform_role", entities=(("role", "werknemer"),)),
    Said('/faq{"faq_id": "wachtdagen"}', "faq", entities=(("faq_id", "wachtdagen"),)),
]

STATES = [
    Before("fresh"),
    Before("role known", {"role": "werkgever"}),
    Before("faq waits for the role", {"pending_faq": "ROLE_VARIANT"}),
    Before("case: klopt dat?", {"case": {"candidate": [["2026-03-03", None]], "awaiting": "confirm"}}),
    Before("case: which sick day?", {"case": {"awaiting": "first_sick_day"}}),
    Before("case: which role?",
           {"case": {"periods": [["2025-09-01", None]], "awaiting": "role", "focus": "spoor2"}}),
    Before("case: eerstejaarsevaluatie?",
           {"case": {"periods": [["2025-09-01", None]], "awaiting": "eerstejaarsevaluatie_date",
                     "focus": "spoor2"}, "role": "werkgever"}),
    Before("case known", {"case": {"periods": [["2026-01-05", None]]}, "role": "werknemer"}),
]  # fmt: skip


@cache
def domain() -> Domain:
    return Domain.load(str(ROOT / "domain.yml"))


def project_actions() -> list[str]:
    """The actions registered from the actions/ package (test doubles elsewhere excluded)."""
    return sorted(
        name
        for name, run in action_executor().actions.items()
        if type(run.__self__).__module__.startswith("actions.")
    )


def tracker_for(said: Said, before: Before) -> DialogueStateTracker:
    slots = {
        k: (role_variant_entry() if v == "ROLE_VARIANT" else v) for k, v in before.slots.items()
    }
    intent = {"name": said.intent, "confidence": 0.95}
    entities = [{"entity": e, "value": v} for e, v in said.entities]
    parse_data = {
        "text": said.text,
        "intent": intent,
        "intent_ranking": [intent],
        "entities": entities,
    }
    events: list[Event] = [
        ActionExecuted("action_session_start"),
        SessionStarted(),
        *[SlotSet(name, value) for name, value in slots.items()],
        ActionExecuted("action_listen"),
        UserUttered(said.text, intent, entities, parse_data),
    ]
    return DialogueStateTracker.from_events("results-test", events, domain().slots)


class RecordingEndpoint(InProcessActionEndpoint):
    """The service's in-process endpoint, keeping the raw result for the schema check."""

    def __init__(self) -> None:
        super().__init__(action_executor())
        self.results: list[Any] = []

    async def request(self, method: str = "post", subpath: str | None = None, **kwargs: Any) -> Any:
        result = await super().request(method, subpath, **kwargs)
        self.results.append(result)
        return result


@pytest.fixture(autouse=True)
def fixed_today(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    monkeypatch.setenv("BOT_TODAY", "2026-11-23")
    trust_in_process_results()  # the service's in-process path, with its cheap name check
    yield


def test_every_domain_action_is_covered() -> None:
    custom = [str(a) for a in domain().user_actions if a not in domain().responses]
    assert project_actions() == sorted(custom)


@pytest.mark.parametrize("action", project_actions())
def test_every_result_is_valid_for_rasa(action: str) -> None:
    # Rasa's schema for action results, checked once (jsonschema.validate, which Rasa calls,
    # re-checks the schema itself on every call).
    schema = RemoteAction.action_response_format_spec()
    validator_class = jsonschema.validators.validator_for(schema)
    validator_class.check_schema(schema)
    validator = validator_class(schema)
    endpoint = RecordingEndpoint()
    remote = RemoteAction(action, endpoint)
    nlg = TemplatedNaturalLanguageGenerator(domain().responses)
    for before in STATES:
        for said in MESSAGES:
            where = f"{action} after {said.text!r} ({said.intent}), state {before.name!r}"
            tracker = tracker_for(said, before)
            # The service's path: RemoteAction.run with the in-process endpoint.
            events = asyncio.run(remote.run(CollectingOutputChannel(), nlg, tracker, domain()))
            raw = endpoint.results[-1]
            # Rasa's full check, which the in-process path skips for speed.
            validator.validate(raw)
            for event in raw["events"]:
                assert Event.from_parameters(event) is not None, where
            for event in events:
                tracker.update(event)
            said_texts = [e.text for e in events if isinstance(e, BotUttered)]
            assert said_texts, f"no reply: {where}"
            assert APOLOGY not in said_texts, f"apology: {where}"

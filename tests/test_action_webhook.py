"""The custom-action webhook mounted in the FastAPI app (rasa-sdk executor), in-process."""

from __future__ import annotations

from typing import Any

import pytest
from fastapi.testclient import TestClient
from rasa_sdk import Tracker
from rasa_sdk.executor import CollectingDispatcher

from actions.base import DomainDict, Events, SafeAction
from api.action_webhook import create_action_router
from bot.messages import APOLOGY, NOT_UNDERSTOOD


def action_call(
    name: str, text: str = "hallo", slots: dict[str, Any] | None = None
) -> dict[str, Any]:
    return {
        "next_action": name,
        "sender_id": "webhook-test",
        "version": "3.6.21",
        "domain": {},
        "tracker": {
            "sender_id": "webhook-test",
            "slots": slots or {},
            "latest_message": {"text": text, "intent": {"name": "nlu_fallback"}},
            "events": [],
            "paused": False,
            "followup_action": None,
            "active_loop": {},
            "latest_action_name": "action_listen",
        },
    }


class ExplodingAction(SafeAction):
    def name(self) -> str:
        return "action_test_explodes"

    async def execute(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> Events:
        dispatcher.utter_message(text="half af")
        raise RuntimeError("boom")


class WrongEventAction(SafeAction):
    """The bug of issue 15: an event name that Rasa does not know."""

    def name(self) -> str:
        return "action_test_wrong_event"

    async def execute(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> Events:
        dispatcher.utter_message(text=NOT_UNDERSTOOD)
        return [{"event": "user_utterance_reverted", "timestamp": None}]


@pytest.fixture()
def client() -> TestClient:
    from fastapi import FastAPI

    app = FastAPI()
    app.include_router(create_action_router())
    return TestClient(app)


def test_not_understood_action_runs_through_the_webhook(client: TestClient) -> None:
    response = client.post("/webhook", json=action_call("action_turn"))
    assert response.status_code == 200
    body = response.json()
    assert body["responses"][0]["text"] == NOT_UNDERSTOOD
    assert body["events"] == [{"event": "rewind", "timestamp": None}]


def test_actions_are_listed(client: TestClient) -> None:
    names = {a["name"] for a in client.get("/actions").json()}
    assert "action_turn" in names


def test_unknown_action_is_404(client: TestClient) -> None:
    response = client.post("/webhook", json=action_call("action_bestaat_niet"))
    assert response.status_code == 404


def test_malformed_action_call_is_400(client: TestClient) -> None:
    response = client.post(
        "/webhook", content=b"{niet json", headers={"content-type": "application/json"}
    )
    assert response.status_code == 400


def test_failing_action_apologises_and_keeps_state(client: TestClient) -> None:
    response = client.post("/webhook", json=action_call("action_test_explodes"))
    assert response.status_code == 200
    body = response.json()
    assert [r["text"] for r in body["responses"]] == [APOLOGY]
    assert body["events"] == []


def test_in_process_results_skip_rasas_schema_check_but_not_the_event_names() -> None:
    from jsonschema import ValidationError
    from rasa.core.actions.action import RemoteAction
    from rasa.utils.endpoints import EndpointConfig

    from api.action_webhook import (
        InProcessActionEndpoint,
        UnknownEventError,
        action_executor,
        trust_in_process_results,
    )

    trust_in_process_results()
    malformed = {"events": [{"event": "slot", "name": 3}], "responses": "not a list"}
    in_process = RemoteAction("action_turn", InProcessActionEndpoint(action_executor()))
    assert in_process._validate_action_result(malformed) is True
    remote = RemoteAction("action_turn", EndpointConfig(url="http://127.0.0.1:5055/webhook"))
    with pytest.raises(ValidationError):
        remote._validate_action_result(malformed)
    assert remote._validate_action_result({"events": [], "responses": []}) is True
    # An event name Rasa does not know is refused on both paths.
    unknown = {"events": [{"event": "user_utterance_reverted"}], "responses": []}
    expected = "Action 'action_turn' returned the event 'user_utterance_reverted'"
    with pytest.raises(UnknownEventError, match=expected):
        in_process._validate_action_result(unknown)
    with pytest.raises(ValidationError):
        remote._validate_action_result(unknown)
    for not_an_event in ([{"name": "x"}], ["rewind"], [{"event": 3}]):
        with pytest.raises(UnknownEventError):
            in_process._validate_action_result({"events": not_an_event, "responses": []})


def test_known_event_names_come_from_rasa_and_match_its_schema() -> None:
    from rasa.shared.utils.schemas.events import EVENT_SCHEMA

    from api.action_webhook import rasa_event_names

    names = rasa_event_names()
    assert names == {s["properties"]["event"]["const"] for s in EVENT_SCHEMA["oneOf"]}
    assert "rewind" in names and "user_utterance_reverted" not in names


def test_an_action_with_an_unknown_event_fails_loudly_in_process(
    caplog: pytest.LogCaptureFixture,
) -> None:
    """Rasa's path as the service runs it: the error names the action and the event (in the
    log too: Rasa logs only its own first line), instead of failing later in Rasa."""
    import asyncio

    from rasa.core.actions.action import RemoteAction
    from rasa.core.channels.channel import CollectingOutputChannel
    from rasa.core.nlg.response import TemplatedNaturalLanguageGenerator
    from rasa.shared.core.domain import Domain
    from rasa.shared.core.trackers import DialogueStateTracker
    from rasa_sdk.executor import ActionExecutor

    from api.action_webhook import (
        InProcessActionEndpoint,
        UnknownEventError,
        trust_in_process_results,
    )

    trust_in_process_results()
    # Its own executor: the service's cached one may have been built (by another test module)
    # before this module defined its test actions.
    executor = ActionExecutor()
    executor.register_action(WrongEventAction)
    action = RemoteAction("action_test_wrong_event", InProcessActionEndpoint(executor))
    tracker = DialogueStateTracker("webhook-test", [])
    run = action.run(
        CollectingOutputChannel(), TemplatedNaturalLanguageGenerator({}), tracker, Domain.empty()
    )
    with pytest.raises(
        UnknownEventError, match=r"'action_test_wrong_event'.*'user_utterance_reverted'"
    ):
        asyncio.run(run)
    assert (
        "action_test_wrong_event returned an event Rasa does not know: 'user_utterance_reverted'"
        in caplog.text
    )

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

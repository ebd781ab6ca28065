"""Requests as Rasa sends them to the action webhook, for action tests."""

from __future__ import annotations

from typing import Any

from fastapi.testclient import TestClient


def call(
    action: str,
    text: str,
    *,
    slots: dict[str, Any] | None = None,
    entities: list[dict[str, Any]] | None = None,
    intent: str = "faq",
) -> dict[str, Any]:
    """The request Rasa sends to the action server for `action` after the message `text`."""
    latest = {
        "text": text,
        "intent": {"name": intent, "confidence": 1.0},
        "entities": entities or [],
    }
    return {
        "next_action": action,
        "sender_id": "t",
        "version": "3.6.21",
        "domain": {},
        "tracker": {"sender_id": "t", "slots": slots or {}, "latest_message": latest, "events": [],
                    "paused": False, "followup_action": None, "active_loop": {},
                    "latest_action_name": "action_listen"},
    }  # fmt: skip


def run(client: TestClient, payload: dict[str, Any]) -> dict[str, Any]:
    response = client.post("/webhook", json=payload)
    assert response.status_code == 200
    body: dict[str, Any] = response.json()
    return body

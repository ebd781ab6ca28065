"""End to end over HTTP against the real service with the trained model."""

from __future__ import annotations

import httpx
import pytest

from tests.live_server import LiveServer, texts

pytestmark = pytest.mark.model


def test_hallo_gets_a_dutch_greeting(live_server: LiveServer) -> None:
    reply = live_server.chat("greet-1", "hallo")
    assert reply[0]["recipient_id"] == "greet-1"
    assert "Poortwachter-assistent" in texts(reply)


def test_short_dutch_conversation(live_server: LiveServer) -> None:
    sender = "conv-1"
    assert "Wat wil je weten" in texts(live_server.chat(sender, "goedemorgen"))
    assert "spoor 2" in texts(live_server.chat(sender, "wat kun je allemaal?"))
    assert "Graag gedaan" in texts(live_server.chat(sender, "top, bedankt"))
    assert "Tot ziens" in texts(live_server.chat(sender, "doei"))


def test_rest_contract_shape(live_server: LiveServer) -> None:
    reply = live_server.chat("shape-1", "hoi")
    assert isinstance(reply, list) and reply
    for message in reply:
        assert set(message) <= {"recipient_id", "text", "buttons", "custom", "image"}
        assert message["recipient_id"] == "shape-1"


def test_health_docs_and_page(live_server: LiveServer) -> None:
    health = httpx.get(f"{live_server.url}/health")
    assert health.status_code == 200 and health.json()["status"] == "ok"
    schema = httpx.get(f"{live_server.url}/openapi.json").json()
    assert "/webhooks/rest/webhook" in schema["paths"]
    assert httpx.get(f"{live_server.url}/docs").status_code == 200
    page = httpx.get(f"{live_server.url}/")
    assert page.status_code == 200 and 'role="log"' in page.text


def test_conversation_history_endpoint(live_server: LiveServer) -> None:
    live_server.chat("hist-1", "hallo")
    messages = live_server.history("hist-1")  # with the token the chat answer carried
    roles = [m["role"] for m in messages]
    assert roles[:2] == ["user", "bot"]
    assert messages[0]["text"] == "hallo"

"""Input limits, rate limits, authentication, CORS and security headers, on the real app
with a stand-in assistant (no model needed: these are HTTP rules)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient

from api.assistant import Admission, Assistant
from api.core.settings import RateLimit, Settings
from api.main import create_app
from bot.messages import APOLOGY

WEBHOOK = "/webhooks/rest/webhook"


class EchoAssistant(Assistant):
    """Answers every message with its length; never touches Rasa. The ownership check runs
    as in the real one (`admit`, before the turn)."""

    async def handle(
        self, sender_id: str, text: str, metadata: Any, admit: Admission | None = None
    ) -> list[dict[str, Any]]:
        if admit is not None:
            await admit()
        return [{"recipient_id": sender_id, "text": f"{len(text)} tekens"}]

    async def tracker_events(self, sender_id: str) -> list[dict[str, Any]]:
        return [{"event": "user", "text": "hallo"}]

    async def delete_conversation(self, sender_id: str) -> None:
        return None


def make_client(tmp_path: Path, **changes: Any) -> TestClient:
    settings = Settings.from_env().copy(update={"data_dir": tmp_path, **changes})
    assistant = EchoAssistant(settings)
    assistant.agent = object()  # "loaded"
    return TestClient(create_app(settings, assistant), client=("10.1.2.3", 5000))


@pytest.fixture
def client(tmp_path: Path) -> TestClient:
    return make_client(tmp_path)


def test_security_headers_on_every_response(client: TestClient) -> None:
    for path in ("/", "/static/widget.js", "/health", "/does-not-exist"):
        headers = client.get(path).headers
        csp = headers["content-security-policy"]
        assert "script-src 'self';" in csp and "unsafe-inline" not in csp
        assert "frame-ancestors 'self'" in csp
        assert headers["x-content-type-options"] == "nosniff"
        assert headers["referrer-policy"] == "same-origin"


def test_frame_ancestors_is_configurable(tmp_path: Path) -> None:
    client = make_client(tmp_path, frame_ancestors="https://intranet.example")
    assert (
        "frame-ancestors https://intranet.example"
        in client.get("/").headers["content-security-policy"]
    )


def test_message_length_is_capped_with_a_dutch_message(client: TestClient) -> None:
    ok = client.post(WEBHOOK, json={"sender": "s1", "message": "a" * 1000})
    assert ok.status_code == 200 and ok.json()[0]["text"] == "1000 tekens"
    long = client.post(WEBHOOK, json={"sender": "s1", "message": "a" * 1001})
    assert long.status_code == 422 and "te lang" in long.json()["detail"]


@pytest.mark.parametrize(
    ("body", "content_type"),
    [
        (b"{niet json", "application/json"),
        (b'{"sender": "s", "message": 5}', "application/json"),
        (b'{"sender": "s"}', "application/json"),
        (b'{"sender": "../etc/passwd", "message": "hoi"}', "application/json"),
        (b"[]", "application/json"),
        (b"message=hoi", "application/x-www-form-urlencoded"),
    ],
)
def test_malformed_requests_get_a_clear_4xx(
    client: TestClient, body: bytes, content_type: str
) -> None:
    response = client.post(WEBHOOK, content=body, headers={"content-type": content_type})
    assert 400 <= response.status_code < 500
    assert response.json()["detail"]


def test_body_size_is_capped(client: TestClient) -> None:
    big = b'{"sender": "s", "message": "' + b"a" * 20_000 + b'"}'
    response = client.post(WEBHOOK, content=big, headers={"content-type": "application/json"})
    assert response.status_code == 413 and "te groot" in response.json()["detail"]

    def chunks() -> Any:  # no Content-Length: the cap applies while reading
        yield b'{"sender": "s", "message": "'
        for _ in range(40):
            yield b"a" * 1000
        yield b'"}'

    streamed = client.post(WEBHOOK, content=chunks(), headers={"content-type": "application/json"})
    assert streamed.status_code == 413


def test_sender_ids_are_validated_everywhere(client: TestClient) -> None:
    assert client.get("/api/conversations/bad id!").status_code == 422
    assert client.delete("/api/conversations/" + "x" * 200).status_code == 422


def test_rate_limit_per_sender(tmp_path: Path) -> None:
    client = make_client(tmp_path, rate_per_sender=RateLimit(3, 60))
    codes = [
        client.post(WEBHOOK, json={"sender": "a", "message": "hoi"}).status_code for _ in range(4)
    ]
    assert codes == [200, 200, 200, 429]
    refused = client.post(WEBHOOK, json={"sender": "a", "message": "hoi"})
    assert "te veel berichten" in refused.json()["detail"]
    assert int(refused.headers["retry-after"]) >= 1
    assert client.post(WEBHOOK, json={"sender": "b", "message": "hoi"}).status_code == 200


def test_rate_limit_per_client(tmp_path: Path) -> None:
    client = make_client(tmp_path, rate_per_client=RateLimit(2, 60))
    codes = [
        client.post(WEBHOOK, json={"sender": f"s{i}", "message": "hoi"}).status_code
        for i in range(3)
    ]
    assert codes == [200, 200, 429]
    assert client.get("/health").status_code in (200, 503)  # health is never limited


def test_bearer_token(tmp_path: Path) -> None:
    client = make_client(tmp_path, api_token="geheim-123")
    body = {"sender": "s", "message": "hoi"}
    missing = client.post(WEBHOOK, json=body)
    assert missing.status_code == 401 and "geen toegang" in missing.json()["detail"]
    wrong = client.post(WEBHOOK, json=body, headers={"Authorization": "Bearer fout"})
    assert wrong.status_code == 401
    right = client.post(WEBHOOK, json=body, headers={"Authorization": "Bearer geheim-123"})
    assert right.status_code == 200
    assert client.get("/").status_code == 200  # the page and the widget stay open
    assert client.get("/static/widget.js").status_code == 200


def test_identity_header_from_the_reverse_proxy(tmp_path: Path) -> None:
    client = make_client(tmp_path, identity_header="x-remote-user")
    body = {"sender": "s", "message": "hoi"}
    assert client.post(WEBHOOK, json=body).status_code == 401
    assert client.post(WEBHOOK, json=body, headers={"X-Remote-User": "jdevries"}).status_code == 200


def test_cors_same_origin_by_default_and_allow_list(tmp_path: Path) -> None:
    preflight = {"Origin": "https://intranet.example", "Access-Control-Request-Method": "POST"}
    closed = make_client(tmp_path).options(WEBHOOK, headers=preflight)
    assert "access-control-allow-origin" not in closed.headers
    opened = make_client(tmp_path, cors_origins=("https://intranet.example",))
    allowed = opened.options(WEBHOOK, headers=preflight)
    assert allowed.headers["access-control-allow-origin"] == "https://intranet.example"
    other = opened.options(WEBHOOK, headers={**preflight, "Origin": "https://evil.example"})
    assert "access-control-allow-origin" not in other.headers


def test_action_webhook_only_from_this_machine(client: TestClient) -> None:
    response = client.post("/webhook", json={"next_action": "action_case"})
    assert response.status_code == 403 and "alleen bereikbaar" in response.json()["detail"]


def test_docs_can_be_switched_off(tmp_path: Path) -> None:
    client = make_client(tmp_path, enable_docs=False)
    assert client.get("/docs").status_code == 404
    assert client.get("/openapi.json").status_code == 404


def test_empty_message_gets_an_apology_not_silence(tmp_path: Path) -> None:
    class Silent(EchoAssistant):
        async def handle(
            self, sender_id: str, text: str, metadata: Any, admit: Admission | None = None
        ) -> list[dict[str, Any]]:
            return []

    settings = Settings.from_env().copy(update={"data_dir": tmp_path})
    assistant = Silent(settings)
    assistant.agent = object()
    client = TestClient(create_app(settings, assistant))
    response = client.post(WEBHOOK, json={"sender": "s", "message": ""})
    assert response.status_code == 200 and response.json()[0]["text"] == APOLOGY

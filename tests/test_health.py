"""/health answers 503 while the model loads and 200 once it is loaded (in-process)."""

from __future__ import annotations

import asyncio
import time
from typing import Any

from fastapi.testclient import TestClient

from api.assistant import Assistant
from api.core.settings import Settings
from api.main import create_app


class GatedAssistant(Assistant):
    """Loads a stand-in agent only when the test opens the gate."""

    gate: asyncio.Event

    async def load(self) -> None:
        self.gate = asyncio.Event()
        await self.gate.wait()
        self.agent = object()
        self.loaded.set()


def _wait_for(predicate: Any, timeout: float = 5.0) -> None:
    deadline = time.monotonic() + timeout
    while not predicate():
        assert time.monotonic() < deadline
        time.sleep(0.01)


def test_health_is_503_until_the_model_is_loaded() -> None:
    assistant = GatedAssistant(Settings.from_env())
    with TestClient(create_app(assistant=assistant)) as client:
        response = client.get("/health")
        assert response.status_code == 503
        assert response.json()["status"] == "loading"
        chat = client.post("/webhooks/rest/webhook", json={"sender": "a", "message": "hallo"})
        assert chat.status_code == 503 and "opgestart" in chat.json()["detail"]

        _wait_for(lambda: hasattr(assistant, "gate"))
        client.portal.call(assistant.gate.set)  # type: ignore[union-attr]
        _wait_for(lambda: assistant.ready)
        assert client.get("/health").json()["status"] == "ok"


def test_health_reports_a_missing_model_file(tmp_path: Any) -> None:
    settings = Settings.from_env()
    settings = Settings(**{**settings.__dict__, "model_path": tmp_path / "geen-model.tar.gz"})
    with TestClient(create_app(settings=settings)) as client:
        _wait_for(lambda: client.app.state.assistant.loaded.is_set())  # type: ignore[attr-defined]
        body = client.get("/health").json()
        assert body["status"] == "error"
        assert "geen-model.tar.gz" in body["error"] and "make train" in body["error"]


def test_corrupt_model_file_names_file_and_fix(tmp_path: Any) -> None:
    corrupt = tmp_path / "kapot.tar.gz"
    corrupt.write_bytes(b"dit is geen model")
    settings = Settings(**{**Settings.from_env().__dict__, "model_path": corrupt})
    with TestClient(create_app(settings=settings)) as client:
        _wait_for(lambda: client.app.state.assistant.loaded.is_set())  # type: ignore[attr-defined]
        body = client.get("/health").json()
        assert body["status"] == "error"
        assert "kapot.tar.gz" in body["error"] and "make train" in body["error"]

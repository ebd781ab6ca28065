"""A restart of the service keeps a conversation in progress (SQLite tracker store)."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.live_server import LiveServer, texts

pytestmark = pytest.mark.model


def test_restart_keeps_the_conversation(tmp_path: Path) -> None:
    server = LiveServer(data_dir=tmp_path / "var", log_path=tmp_path / "service.log")
    server.start()
    try:
        server.chat("restart-1", "hallo")
        server.chat("restart-1", "wat kun je?")
    finally:
        server.stop()

    assert (tmp_path / "var" / "conversations.db").is_file()
    server.start()
    try:
        history = server.history("restart-1")  # the token from before the restart still works
        assert [m["text"] for m in history if m["role"] == "user"] == ["hallo", "wat kun je?"]
        assert "Graag gedaan" in texts(server.chat("restart-1", "bedankt"))
        history = server.history("restart-1")
        assert len([m for m in history if m["role"] == "user"]) == 3
    finally:
        server.stop()

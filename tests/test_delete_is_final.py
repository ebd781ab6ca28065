"""Deleting a conversation is final: a turn in flight finishes first (the delete waits for the
conversation lock) and cannot write the deleted conversation back. On SQLite (one service)
and on PostgreSQL with Redis (two replicas: the turn on one, the delete on the other)."""

from __future__ import annotations

import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import httpx
import pytest

from scripts.scaleout_env import scaleout_env
from tests.action_proxy import ActionProxy
from tests.live_server import LiveServer, free_port, texts

pytestmark = pytest.mark.model
DELAY_S = 2.0


def slow_server(tmp_path: Path, name: str, env: dict[str, str]) -> tuple[LiveServer, ActionProxy]:
    """A service whose actions go through a proxy that answers DELAY_S late."""
    port = free_port()
    proxy = ActionProxy(f"http://127.0.0.1:{port}/webhook", DELAY_S)
    env = {**env, "ACTION_ENDPOINT_URL": proxy.url}
    server = LiveServer(tmp_path / name, tmp_path / f"{name}.log", env_extra=env, port=port)
    return server, proxy


def delete_during_a_turn(turn_on: LiveServer, delete_on: LiveServer, sender: str) -> None:
    assert "Poortwachter-assistent" in texts(turn_on.chat(sender, "hallo"))
    with ThreadPoolExecutor(max_workers=1) as pool:
        began = time.monotonic()
        turn = pool.submit(
            httpx.post,
            f"{turn_on.url}/webhooks/rest/webhook",
            json={"sender": sender, "message": "wat is spoor 1?"},
            timeout=60,
        )
        time.sleep(DELAY_S / 4)  # the turn now waits for its slow action
        deleted = delete_on.delete(sender)  # with the token the first answer carried
        waited = time.monotonic() - began
        answer = turn.result()
    assert deleted.status_code == 204
    assert waited >= DELAY_S * 0.9, "the delete must wait for the turn in flight"
    assert answer.status_code == 200 and "spoor 1" in texts(answer.json()).lower()
    # Nothing of the conversation is left, and nothing comes back later.
    assert delete_on.history(sender) == []
    time.sleep(0.5)
    assert turn_on.history(sender) == []
    # The same id starts afresh.
    assert "Poortwachter-assistent" in texts(delete_on.chat(sender, "hallo"))
    users = [m["text"] for m in turn_on.history(sender) if m["role"] == "user"]
    assert users == ["hallo"]


def test_delete_waits_for_the_turn_in_flight_on_sqlite(tmp_path: Path) -> None:
    server, proxy = slow_server(tmp_path, "sqlite", {})
    server.start()
    try:
        delete_during_a_turn(server, server, "del-sqlite")
    finally:
        server.stop()
        proxy.shutdown()


@pytest.mark.scaleout
def test_delete_on_another_replica_waits_for_the_turn_in_flight(
    tmp_path: Path, scaleout_database: str
) -> None:
    env = scaleout_env(scaleout_database)
    turning, proxy = slow_server(tmp_path, "turning", env)
    deleting = LiveServer(tmp_path / "deleting", tmp_path / "deleting.log", env_extra=env)
    turning.start(wait=False)
    deleting.start()
    turning.wait_ready()
    try:
        delete_during_a_turn(turning, deleting, "del-pg")
    finally:
        turning.stop()
        deleting.stop()
        proxy.shutdown()

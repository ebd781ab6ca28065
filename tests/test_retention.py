"""Conversations are deleted after the retention period: by the purge function, by
`make purge` (python -m api.conversations.purge), and by the schedule inside the running service."""

from __future__ import annotations

import asyncio
import os
import subprocess
import sys
import time
from pathlib import Path

import pytest
from rasa.core.tracker_store import SQLTrackerStore
from rasa.shared.core.domain import Domain
from rasa.shared.core.events import ActionExecuted, UserUttered
from rasa.shared.core.trackers import DialogueStateTracker

from api.conversations.retention import DAY_SECONDS, retention_cutoff
from api.conversations.store import delete_conversation, purge_before
from tests.live_server import ROOT, LiveServer

NOW = 1_800_000_000.0  # a fixed "now" (January 2027)


def store_at(path: Path) -> SQLTrackerStore:
    return SQLTrackerStore(Domain.empty(), dialect="sqlite", db=str(path))


def save(store: SQLTrackerStore, sender: str, last_seen: float) -> None:
    tracker = DialogueStateTracker(sender, slots=[])
    tracker.update(UserUttered("hallo", timestamp=last_seen - 60))
    tracker.update(ActionExecuted("utter_greet", timestamp=last_seen))
    asyncio.run(store.save(tracker))


def senders(store: SQLTrackerStore) -> set[str]:
    return set(asyncio.run(store.keys()))


def test_cutoff() -> None:
    assert retention_cutoff(NOW, 30) == NOW - 30 * DAY_SECONDS


def test_purge_deletes_only_conversations_past_retention(tmp_path: Path) -> None:
    store = store_at(tmp_path / "c.db")
    save(store, "old", NOW - 31 * DAY_SECONDS)
    save(store, "recent", NOW - 29 * DAY_SECONDS)
    save(store, "today", NOW - 60)
    deleted = asyncio.run(purge_before(store, retention_cutoff(NOW, 30)))
    assert deleted == 1 and senders(store) == {"recent", "today"}
    assert asyncio.run(purge_before(store, retention_cutoff(NOW, 30))) == 0


def test_delete_one_conversation(tmp_path: Path) -> None:
    store = store_at(tmp_path / "c.db")
    save(store, "a", NOW)
    save(store, "b", NOW)
    asyncio.run(delete_conversation(store, "a"))
    assert senders(store) == {"b"}


def test_make_purge_command(tmp_path: Path) -> None:
    store = store_at(tmp_path / "conversations.db")
    now = time.time()
    save(store, "old", now - 40 * DAY_SECONDS)
    save(store, "new", now - DAY_SECONDS)
    env = {**os.environ, "BOT_DATA_DIR": str(tmp_path), "RETENTION_DAYS": "30"}
    result = subprocess.run(
        [sys.executable, "-m", "api.conversations.purge"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stderr
    assert "1 gesprek(ken) ouder dan 30 dagen verwijderd." in result.stdout
    assert senders(store) == {"new"}


@pytest.mark.model
def test_the_service_purges_on_its_own(tmp_path: Path) -> None:
    data = tmp_path / "var"
    data.mkdir()
    store = store_at(data / "conversations.db")
    save(store, "stale", time.time() - 2 * DAY_SECONDS)
    server = LiveServer(
        data_dir=data,
        log_path=tmp_path / "service.log",
        env_extra={"RETENTION_DAYS": "1", "PURGE_INTERVAL_MINUTES": "0.01"},
    ).start()
    try:
        server.chat("fresh", "hallo")
        deadline = time.monotonic() + 30
        while "stale" in senders(store) and time.monotonic() < deadline:
            time.sleep(0.5)
        assert senders(store) == {"fresh"}
        messages = server.history("fresh")
        assert messages[0]["text"] == "hallo"
    finally:
        server.stop()

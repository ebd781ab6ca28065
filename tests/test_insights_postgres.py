"""The counts stay exact with several replicas writing at once (PostgreSQL, as in scale-out):
two processes, each with two threads, count the same turns and votes at the same moment, on a
fresh database whose tables they race to create. Every count must be there."""

from __future__ import annotations

import multiprocessing
import os
import threading
from datetime import date
from multiprocessing.synchronize import Barrier

import pytest

from api.core.settings import Settings
from api.insights.store import InsightsStore
from scripts.scaleout_env import scaleout_env

pytestmark = pytest.mark.scaleout

PROCESSES = 2
THREADS = 2
TURNS = 150  # per thread
DAY = date(2026, 11, 23)


def replica(database: str, start: Barrier) -> None:
    """One "replica": the store as the service opens it (endpoints.scaleout.yml), counting
    from two threads."""
    os.environ.update(scaleout_env(database))
    store = InsightsStore.from_settings(Settings.from_env())
    start.wait()

    def count() -> None:
        for turn in range(TURNS):
            store.count_turn(DAY, "faq_answer", "passend_werk")
            if turn % 3 == 0:
                store.count_vote(DAY, "faq_answer", "passend_werk", "down", "onduidelijk")

    threads = [threading.Thread(target=count) for _ in range(THREADS)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    store.dispose()


def test_two_replicas_counting_at_once_lose_nothing(
    scaleout_database: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    context = multiprocessing.get_context("spawn")
    start = context.Barrier(PROCESSES)
    workers = [
        context.Process(target=replica, args=(scaleout_database, start)) for _ in range(PROCESSES)
    ]
    for worker in workers:
        worker.start()
    for worker in workers:
        worker.join(timeout=300)
        assert worker.exitcode == 0
    for name, value in scaleout_env(scaleout_database).items():
        monkeypatch.setenv(name, value)
    store = InsightsStore.from_settings(Settings.from_env())
    assert store.engine.dialect.name == "postgresql"
    (turns,) = store.turn_rows(DAY, DAY)
    assert turns.count == PROCESSES * THREADS * TURNS
    (votes,) = store.vote_rows(DAY, DAY)
    assert votes.count == PROCESSES * THREADS * len(range(0, TURNS, 3))
    store.dispose()

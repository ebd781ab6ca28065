"""The service's side of the insights: count each turn, store votes and consented questions.

A failure here must never cost the user's message: every write is caught and logged by its
exception type only (never text), and the turn goes on.
"""

from __future__ import annotations

import asyncio
import logging
import threading
from collections.abc import Callable
from typing import Any, TypeVar

from fastapi import BackgroundTasks

from api.core.settings import Settings
from api.insights.store import InsightsStore
from bot.clock import today
from bot.insights.codes import ERROR, UNANSWERED_KINDS, TurnMarker

logger = logging.getLogger(__name__)

T = TypeVar("T")

SETTLE_SECONDS = 5.0

# Turns counted as errors, by what the user got instead of an answer.
APOLOGY_SENT = TurnMarker(ERROR, "apology")  # the turn failed inside: "Sorry, er ging ... mis"
NOT_PROCESSED_SENT = TurnMarker(ERROR, "not_processed")  # 503: busy, to be sent again
STORE_UNAVAILABLE_SENT = TurnMarker(ERROR, "store_unavailable")  # 503: the database is down
MODEL_LOADING_SENT = TurnMarker(ERROR, "model_loading")  # 503: the model is still loading


def take_turn_marker(messages: list[dict[str, Any]]) -> TurnMarker | None:
    """The outcome the action attached to the turn's first message (bot/insights/codes.py),
    taken off it: the service counts it, and the reply stays as clients know it. (Rasa's REST
    channel may split a text at blank lines and put the payload on the last part.)"""
    for message in messages:
        custom = message.get("custom")
        if not isinstance(custom, dict) or "outcome" not in custom:
            continue
        rest = {key: value for key, value in custom.items() if key != "outcome"}
        if rest:
            message["custom"] = rest
        else:
            del message["custom"]
        return TurnMarker.from_payload(custom["outcome"])
    return None


def ask_consent(messages: list[dict[str, Any]], marker: TurnMarker | None) -> None:
    """Tell the widget it may ask to keep this unanswered question (COLLECT_UNANSWERED=1):
    `custom.ask_consent` is the kind of turn, which the widget sends back with the question."""
    if not messages or marker is None or marker.kind not in UNANSWERED_KINDS:
        return
    custom = messages[0].get("custom")
    messages[0]["custom"] = {
        **(custom if isinstance(custom, dict) else {}),
        "ask_consent": marker.kind,
    }


class Insights:
    """Opens the insights tables on first use (the conversations' database)."""

    def __init__(self, settings: Settings, store: InsightsStore | None = None) -> None:
        self.settings = settings
        self._store = store
        self._lock = threading.Lock()
        self._pending = 0  # counts scheduled after a response and not yet written

    def count_after_response(self, background: BackgroundTasks, marker: TurnMarker | None) -> None:
        """Count the turn once its answer is sent: a database commit (about 15 ms on SQLite
        here, fsync) must not delay the user's answer."""
        if marker is None:
            return
        self._pending += 1
        background.add_task(self._count_and_release, marker)

    async def _count_and_release(self, marker: TurnMarker) -> None:
        try:
            await self.count_turn(marker)
        finally:
            self._pending -= 1

    async def settled(self) -> None:
        """Wait (at most SETTLE_SECONDS) for this replica's scheduled counts, so that the
        admin page shows every turn answered before it was asked for."""
        deadline = asyncio.get_running_loop().time() + SETTLE_SECONDS
        while self._pending > 0 and asyncio.get_running_loop().time() < deadline:
            await asyncio.sleep(0.01)

    def store(self) -> InsightsStore:
        with self._lock:
            if self._store is None:
                self._store = InsightsStore.from_settings(self.settings)
            return self._store

    async def run(self, work: Callable[[InsightsStore], T]) -> T:
        """Blocking store work in a thread (the event loop serves other users meanwhile)."""
        return await asyncio.to_thread(lambda: work(self.store()))

    async def count_turn(self, marker: TurnMarker | None) -> None:
        """Count one turn. Never raises: a failed count must not cost the answer."""
        if marker is None:
            return
        day = today()
        try:
            await self.run(lambda store: store.count_turn(day, marker.kind, marker.key))
        except Exception as exc:
            logger.error("counting a turn failed: %s", type(exc).__name__)

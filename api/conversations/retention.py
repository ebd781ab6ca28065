"""Conversations are kept only as long as configured (RETENTION_DAYS, default 30): a purge
runs inside the service every PURGE_INTERVAL_MINUTES, and `make purge` runs the same once."""

from __future__ import annotations

import asyncio
import logging
import time
from datetime import date, timedelta

from api.assistant import Assistant, ModelNotReadyError
from api.core.settings import Settings
from api.insights.recorder import Insights
from bot.clock import today

logger = logging.getLogger(__name__)
DAY_SECONDS = 24 * 60 * 60


def retention_cutoff(now: float, retention_days: float) -> float:
    """Conversations whose last message is before this Unix time are deleted."""
    return now - retention_days * DAY_SECONDS


def unanswered_cutoff(day: date, retention_days: float) -> date:
    """Unanswered questions kept (with consent) since before this day are deleted: they are
    kept at most RETENTION_DAYS, like the conversations."""
    return day - timedelta(days=int(retention_days)) + timedelta(days=1)


async def purge_once(
    assistant: Assistant,
    settings: Settings,
    now: float | None = None,
    insights: Insights | None = None,
) -> int:
    cutoff = retention_cutoff(time.time() if now is None else now, settings.retention_days)
    deleted = await assistant.purge_before(cutoff)
    logger.info("retention purge: %d conversation(s) deleted", deleted)
    if insights is not None:
        before = unanswered_cutoff(today(), settings.retention_days)
        questions = await insights.run(lambda store: store.purge_unanswered_before(before))
        logger.info("retention purge: %d unanswered question(s) deleted", questions)
    return deleted


async def purge_periodically(
    assistant: Assistant, settings: Settings, insights: Insights | None = None
) -> None:
    await assistant.loaded.wait()
    while True:
        try:
            await purge_once(assistant, settings, insights=insights)
        except ModelNotReadyError:
            return  # the model failed to load; /health reports it
        except Exception as exc:  # keep purging later; the store may be back by then
            logger.error("retention purge failed: %s", type(exc).__name__)
        await asyncio.sleep(settings.purge_interval_minutes * 60)

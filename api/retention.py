"""Conversations are kept only as long as configured (RETENTION_DAYS, default 30): a purge
runs inside the service every PURGE_INTERVAL_MINUTES, and `make purge` runs the same once."""

from __future__ import annotations

import asyncio
import logging
import time

from api.assistant import Assistant, ModelNotReadyError
from api.settings import Settings

logger = logging.getLogger(__name__)
DAY_SECONDS = 24 * 60 * 60


def retention_cutoff(now: float, retention_days: float) -> float:
    """Conversations whose last message is before this Unix time are deleted."""
    return now - retention_days * DAY_SECONDS


async def purge_once(assistant: Assistant, settings: Settings, now: float | None = None) -> int:
    cutoff = retention_cutoff(time.time() if now is None else now, settings.retention_days)
    deleted = await assistant.purge_before(cutoff)
    logger.info("retention purge: %d conversation(s) deleted", deleted)
    return deleted


async def purge_periodically(assistant: Assistant, settings: Settings) -> None:
    await assistant.loaded.wait()
    while True:
        try:
            await purge_once(assistant, settings)
        except ModelNotReadyError:
            return  # the model failed to load; /health reports it
        except Exception as exc:  # keep purging later; the store may be back by then
            logger.error("retention purge failed: %s", type(exc).__name__)
        await asyncio.sleep(settings.purge_interval_minutes * 60)

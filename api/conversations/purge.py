"""`make purge`: delete the conversations older than RETENTION_DAYS once, now.

The running service does the same on its own schedule (api/conversations/retention.py);
this command is for cron jobs and for an immediate clean-up.
"""

from __future__ import annotations

import asyncio
import time

from api.assistant import open_tracker_store
from api.conversations.retention import retention_cutoff, unanswered_cutoff
from api.conversations.store import purge_before
from api.core.logging_setup import configure_logging
from api.core.settings import Settings
from api.insights.store import InsightsStore
from bot.clock import today


async def purge(settings: Settings, now: float) -> int:
    store = await open_tracker_store(settings)
    deleted = await purge_before(store, retention_cutoff(now, settings.retention_days))
    # The unanswered questions kept with consent have the same retention.
    insights = InsightsStore.from_settings(settings)
    insights.purge_unanswered_before(unanswered_cutoff(today(), settings.retention_days))
    insights.dispose()
    return deleted


def main() -> int:
    settings = Settings.from_env()
    configure_logging("WARNING")
    deleted = asyncio.run(purge(settings, time.time()))
    print(f"{deleted} gesprek(ken) ouder dan {settings.retention_days:g} dagen verwijderd.")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

"""The service's notion of "today".

The engine itself has no clock: callers pass a reference date. This module is the one place
that turns the environment into that date, so that ``BOT_TODAY=YYYY-MM-DD`` fixes "today"
for the whole service (tests, demos).
"""

from __future__ import annotations

import os
from datetime import date, datetime
from zoneinfo import ZoneInfo

AMSTERDAM = ZoneInfo("Europe/Amsterdam")
BOT_TODAY_VAR = "BOT_TODAY"


class ClockConfigError(ValueError):
    """BOT_TODAY is set but is not a valid ISO date."""


def today() -> date:
    """Today in Europe/Amsterdam, or the date fixed by ``BOT_TODAY``."""
    fixed = os.environ.get(BOT_TODAY_VAR, "").strip()
    if fixed:
        try:
            return date.fromisoformat(fixed)
        except ValueError as exc:
            raise ClockConfigError(f"{BOT_TODAY_VAR} must be YYYY-MM-DD, got {fixed!r}") from exc
    return datetime.now(AMSTERDAM).date()

"""dateparser as a last resort for unusual notations ("maart 3, 2025", "3-mrt-2025").

Imported lazily: dateparser takes most of a second to import, and most messages never
need it. It is configured strictly (day, month and year required) and never downloads.
"""

from __future__ import annotations

from datetime import date, datetime
from typing import Any


def read_with_dateparser(text: str, today: date) -> date | None:
    import dateparser  # lazy on purpose, see the module docstring

    settings: dict[str, Any] = {
        "DATE_ORDER": "DMY",
        "PREFER_DATES_FROM": "past",
        "RELATIVE_BASE": datetime(today.year, today.month, today.day),
        "STRICT_PARSING": True,
        "REQUIRE_PARTS": ["day", "month", "year"],
    }
    parsed = dateparser.parse(text, languages=["nl"], settings=settings)
    return parsed.date() if isinstance(parsed, datetime) else None

"""Dates written the way Dutch readers read them: "zondag 14 februari 2027"."""

from __future__ import annotations

from datetime import date

WEEKDAYS = ("maandag", "dinsdag", "woensdag", "donderdag", "vrijdag", "zaterdag", "zondag")
MONTHS = (
    "januari", "februari", "maart", "april", "mei", "juni",
    "juli", "augustus", "september", "oktober", "november", "december",
)  # fmt: skip


def format_date_nl(day: date) -> str:
    return f"{WEEKDAYS[day.weekday()]} {day.day} {MONTHS[day.month - 1]} {day.year}"


def format_day_counts_nl(days: list[int]) -> str:
    """ "24 dagen", "1 dag", "10 en 24 dagen": day counts as one Dutch phrase."""
    words = [str(d) for d in days]
    joined = words[0] if len(words) == 1 else f"{', '.join(words[:-1])} en {words[-1]}"
    return f"{joined} {'dag' if days == [1] else 'dagen'}"

"""Sick periods from what the user typed, on top of bot.dutch.dates.

A single date in answer to "wat is de eerste ziektedag?" is the start of an ongoing sickness;
a text with "tot" or "weer" describes periods that add up.
"""

from __future__ import annotations

import re
from datetime import date

from bot.dutch.dates import (
    DateFound,
    DateUnclear,
    NoDate,
    PeriodsFound,
    extract_periods,
    parse_date,
)
from bot.dutch.dates import Period as Period

_RANGE = re.compile(r"\b(tot|t/m|tm|weer|opnieuw|eerder)\b", re.IGNORECASE)


def read_sick_periods(text: str, today: date) -> PeriodsFound | DateUnclear | NoDate:
    periods = extract_periods(text, today)
    if isinstance(periods, PeriodsFound):
        return periods
    if isinstance(periods, DateUnclear) and periods.reason != "ambiguous":
        return periods
    single = parse_date(text, today)
    if isinstance(single, DateFound) and not _RANGE.search(text):
        return PeriodsFound((Period(single.value, None),))
    if isinstance(single, DateUnclear):
        return single
    return periods


def read_date(text: str, today: date) -> DateFound | DateUnclear | NoDate:
    """A single past date, e.g. of the eerstejaarsevaluatie."""
    return parse_date(text, today)

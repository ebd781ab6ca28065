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

# Words that tie a lone date to another one (the end of a period, an earlier sickness): with
# one of them the date is not taken as the start. "tot wanneer" asks, it ties nothing.
_RANGE = re.compile(
    r"\b(tot|t/m|tm|weer|opnieuw|eerder)\b(?!\s+(en\s+met\s+)?(wanneer|hoe\s*lang|welke)\b)",
    re.IGNORECASE,
)
# A clause that asks something ("wanneer moet ik weer beginnen?"); without a digit it names
# no date, so its words tie no date either.
_QUESTION = re.compile(r"[^.?!;,]*\?")


def read_sick_periods(text: str, today: date) -> PeriodsFound | DateUnclear | NoDate:
    periods = extract_periods(text, today)
    if isinstance(periods, PeriodsFound):
        return periods
    if isinstance(periods, DateUnclear) and periods.reason != "ambiguous":
        return periods
    single = parse_date(text, today)
    if isinstance(single, DateFound) and not _ties_dates(text):
        return PeriodsFound((Period(single.value, None),))
    if isinstance(single, DateUnclear):
        return single
    return periods


def _ties_dates(text: str) -> bool:
    """Does a range word stand outside the questions that name no date? "Mijn eerste
    ziektedag was 3 maart. Tot wanneer krijg ik loon?" is a start and a question."""
    told = _QUESTION.sub(lambda q: q.group() if re.search(r"\d", q.group()) else " ", text)
    return bool(_RANGE.search(told))


def read_date(text: str, today: date) -> DateFound | DateUnclear | NoDate:
    """A single past date, e.g. of the eerstejaarsevaluatie."""
    return parse_date(text, today)

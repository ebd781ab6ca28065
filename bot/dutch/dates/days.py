"""Calendar arithmetic and the checks every found date must pass."""

from __future__ import annotations

from datetime import date

from bot.dutch.format import MONTHS

from . import questions
from .model import DateFound, DateUnclear
from .specs import DayMonth

EARLIEST = date(2002, 1, 1)  # the Wet verbetering poortwachter applies from 2002
# A date without a year this many days (or fewer) after today's day-month is read as last
# year's, but the user may have typed this year by mistake: we ask instead of guessing.
NEAR_NEXT_OCCURRENCE_DAYS = 14
_MAX_DAYS = (31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31)


def on(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:
        return None


def impossible_reason(day: int, month: int, year: int | None) -> str | None:
    """Why this day cannot exist, in Dutch; None when it can."""
    if not 1 <= month <= 12:
        return "een jaar heeft maar 12 maanden. Schrijf eerst de dag, dan de maand en dan het jaar"
    if day < 1:
        return "dag 0 bestaat niet"
    if day > 31:
        return "een maand heeft nooit meer dan 31 dagen"
    name = MONTHS[month - 1]
    if day > _MAX_DAYS[month - 1]:
        return f"{name} heeft maar {_MAX_DAYS[month - 1]} dagen"
    if year is not None and on(year, month, day) is None:
        return f"{year} is geen schrikkeljaar, dus {name} {year} heeft maar 28 dagen"
    return None


def latest_on_or_before(day: int, month: int, limit: date) -> date | None:
    """The last occurrence of this day-month on or before ``limit`` (8 years covers 29-2)."""
    for year in range(limit.year, limit.year - 8, -1):
        found = on(year, month, day)
        if found is not None and found <= limit:
            return found
    return None


def earliest_on_or_after(day: int, month: int, limit: date) -> date | None:
    for year in range(limit.year, limit.year + 8):
        found = on(year, month, day)
        if found is not None and found >= limit:
            return found
    return None


def check(value: date, today: date, allow_future: bool, matched: str) -> DateFound | DateUnclear:
    if value < EARLIEST:
        return questions.before_2002(questions.short_date(value), today)
    if value > today and not allow_future:
        return questions.in_future(value, today)
    return DateFound(value, matched)


def resolve_day_month(
    spec: DayMonth, today: date, allow_future: bool, matched: str
) -> date | DateUnclear:
    """The day a calendar date means, or the question to ask. No future/2002 check yet."""
    why = impossible_reason(spec.day, spec.month, spec.year)
    if why is not None:
        return questions.impossible(matched, why, today)
    value = (
        on(spec.year, spec.month, spec.day)
        if spec.year is not None
        else _infer_year(spec, today, allow_future)
    )
    if value is None or (spec.year is None and abs(value.year - today.year) > 1):
        return questions.leap_day_year(matched)  # only 29 februari gets here
    if spec.year is None and _should_ask_year(spec, value, today, allow_future):
        return questions.which_year(matched, value)
    return check_weekday(spec, value)


def check_weekday(spec: DayMonth, value: date) -> date | DateUnclear:
    if spec.weekday is not None and spec.weekday != value.weekday():
        return questions.weekday_mismatch(value, spec.weekday)
    return value


def _infer_year(spec: DayMonth, today: date, allow_future: bool) -> date | None:
    past = latest_on_or_before(spec.day, spec.month, today)
    future = earliest_on_or_after(spec.day, spec.month, today)
    if spec.direction == "future":
        return future
    if spec.direction == "past" or not allow_future or future is None:
        return past
    if past is None:
        return future
    # A future date is allowed: take the nearest occurrence ("3 december" on 23 november).
    return past if today - past <= future - today else future


def _should_ask_year(spec: DayMonth, value: date, today: date, allow_future: bool) -> bool:
    if spec.direction != "default" or allow_future or value.year == today.year:
        return False
    next_time = on(value.year + 1, spec.month, spec.day)
    return next_time is not None and (next_time - today).days <= NEAR_NEXT_OCCURRENCE_DAYS

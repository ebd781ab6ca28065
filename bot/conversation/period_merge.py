"""Sick periods told over several messages (issue 19, point 1).

A new message adds to the periods already known ("daarvoor was ik ook ziek van 3 maart tot
25 april"), or replaces the part it overlaps ("sinds 7 januari" after "sinds 5 januari").
A date without a year takes its year from the periods already known: of the readings of the
message (as if written today, just before the earliest known period, or half a year after a
known date) the one that keeps every known period and lies closest to them wins.
The answer "klopt dat?" that follows shows the year, so the user can still correct it.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from bot.conversation.sick_days import read_sick_periods
from bot.dutch.dates import DateUnclear, NoDate, Period, PeriodsFound, PeriodsParse

_FAR = date.max


@dataclass(frozen=True)
class Merged:
    """The whole case after one message, and what that message itself said."""

    periods: tuple[Period, ...]
    given: tuple[Period, ...]
    dropped: tuple[Period, ...]  # known periods the message replaced

    @property
    def added(self) -> bool:
        """The message added to what was known (nothing known was replaced)."""
        return not self.dropped and len(self.periods) > len(self.given)


def _overlap(a: Period, b: Period) -> bool:
    return a.start <= (b.end or _FAR) and b.start <= (a.end or _FAR)


def merge(known: tuple[Period, ...], new: tuple[Period, ...]) -> Merged:
    """The new periods plus the known ones they do not overlap. A new ongoing period
    replaces the known ongoing one (a corrected first sick day)."""
    new_ongoing = any(p.end is None for p in new)
    kept: list[Period] = []
    dropped: list[Period] = []
    for period in known:
        if period in new:
            continue
        replaced = (period.end is None and new_ongoing) or any(_overlap(period, p) for p in new)
        (dropped if replaced else kept).append(period)
    periods = tuple(sorted({*kept, *new}, key=lambda p: p.start))
    return Merged(periods, new, tuple(dropped))


def _clean(merged: Merged) -> bool:
    """Only a known ongoing period was replaced, and by a new ongoing one."""
    new_ongoing = any(p.end is None for p in merged.given)
    return all(p.end is None and new_ongoing for p in merged.dropped)


def _distance(context: tuple[Period, ...], new: tuple[Period, ...]) -> int:
    """Days between the new periods and the nearest known ones (an ongoing period counts
    from its first day only: "sinds 5 maart" is closest to another "sinds" in March)."""
    total = 0
    for period in new:
        start, end = period.start, period.end or period.start
        total += min(
            max(0, (start - (other.end or other.start)).days, (other.start - end).days)
            for other in context
        )
    return total


# A yearless date read as if today were half a year after a known date lands within half a
# year of it, and far from the "almost a year ago, which year?" question of bot.dutch.dates.
_HALF_YEAR = timedelta(days=182)


def _context_days(known: tuple[Period, ...], today: date) -> list[date]:
    """'Today' for reading a yearless date in the context of the known periods: the day
    before the earliest one (an earlier period), and half a year after the earliest and the
    latest date (the nearest occurrence)."""
    earliest = min(p.start for p in known)
    latest = max(max(p.start, p.end or p.start) for p in known)
    return [
        earliest - timedelta(days=1),
        min(today, earliest + _HALF_YEAR),
        min(today, latest + _HALF_YEAR),
    ]


def read_periods(
    text: str,
    today: date,
    known: tuple[Period, ...],
    replaced: tuple[Period, ...] = (),
    found: PeriodsParse | None = None,
) -> Merged | DateUnclear | NoDate:
    """The sick periods in the text, merged into the known ones. ``replaced``: the periods a
    correction ("nee, 5 maart") replaces; they still give the year ("3 maart 2025").
    ``found``: the text's own reading, when the turn has it already (MessageReading); only
    the readings against the known periods are made here."""
    found = read_sick_periods(text, today) if found is None else found
    context = (*known, *replaced)
    if not context or isinstance(found, NoDate):
        return (
            Merged(found.periods, found.periods, ()) if isinstance(found, PeriodsFound) else found
        )
    readings = [found] + [read_sick_periods(text, day) for day in _context_days(context, today)]
    options = [
        merge(known, r.periods)
        for r in readings
        if isinstance(r, PeriodsFound) and all((p.end or p.start) <= today for p in r.periods)
    ]
    clean = [m for m in options if _clean(m)]
    if clean:
        # min() keeps the first of equals: the reading as written wins a tie.
        return min(clean, key=lambda m: _distance(context, m.given))
    return merge(known, found.periods) if isinstance(found, PeriodsFound) else found


def without(periods: tuple[Period, ...], given: tuple[Period, ...]) -> tuple[Period, ...]:
    return tuple(p for p in periods if p not in given)

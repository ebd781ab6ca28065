"""Sick periods of one case (samentellen, art. 7:629 lid 10 BW) and sick-day counting.

Periods less than four weeks apart add up; only sick days count, the days in between do
not. A gap of four weeks or more closes the earlier periods: a new case starts.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, timedelta

from bot.deadlines.model import SickPeriod


def gap_days(previous: SickPeriod, following: SickPeriod) -> int:
    assert previous.end is not None
    return (following.start - previous.end).days - 1


@dataclass(frozen=True)
class Case:
    """The periods that add up into the current case, oldest first."""

    periods: tuple[SickPeriod, ...]
    closed: tuple[SickPeriod, ...]  # earlier periods that belong to a closed case

    @property
    def first_sick_day(self) -> date:
        return self.periods[0].start

    def date_of_sick_day(self, day_number: int) -> date:
        """Calendar date of sick day `day_number` (day 1 is the first sick day).

        Gaps are skipped. Beyond the last known sick day the sickness is assumed to go on
        without interruption, which is what every future deadline presumes.
        """
        remaining = day_number
        for period in self.periods[:-1]:
            assert period.end is not None
            length = (period.end - period.start).days + 1
            if remaining <= length:
                return period.start + timedelta(days=remaining - 1)
            remaining -= length
        return self.periods[-1].start + timedelta(days=remaining - 1)

    def sick_days_until(self, reference: date) -> int:
        """Sick days in the case up to and including the reference date."""
        total = 0
        for period in self.periods:
            if period.start > reference:
                break
            last = min(period.end or reference, reference)
            total += (last - period.start).days + 1
        return total


def build_case(periods: Sequence[SickPeriod], max_gap: int) -> Case:
    """Split sorted, non-overlapping periods into the closed past and the current case."""
    current: list[SickPeriod] = [periods[0]]
    closed: list[SickPeriod] = []
    for period in periods[1:]:
        if gap_days(current[-1], period) > max_gap:
            closed.extend(current)
            current = [period]
        else:
            current.append(period)
    return Case(periods=tuple(current), closed=tuple(closed))

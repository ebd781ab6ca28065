"""Result types of the Dutch date reader."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Literal, TypeAlias

Reason: TypeAlias = Literal[
    "vague",  # no single day: "begin januari", "vorig jaar", "een paar weken geleden"
    "impossible",  # the day does not exist: "31 februari", "30-02-2025"
    "future",  # after today while a past date is expected
    "before_2002",  # before the Wet verbetering poortwachter existed
    "ambiguous",  # more than one reading: two dates, "vorige maandag", a missing year
    "weekday_mismatch",  # "maandag 3 maart" while 3 maart is a Tuesday
    "end_before_start",  # a period whose end lies before its start
]


@dataclass(frozen=True, slots=True)
class DateFound:
    """One clear day. ``matched`` is the user's own text for it."""

    value: date
    matched: str


@dataclass(frozen=True, slots=True)
class DateUnclear:
    """The text tries to give a date but we must ask. ``question`` is friendly B1 Dutch."""

    question: str
    reason: Reason


@dataclass(frozen=True, slots=True)
class NoDate:
    """The text does not try to give a date."""


@dataclass(frozen=True, slots=True)
class Period:
    """A sick period; ``end`` is None while it is still going on."""

    start: date
    end: date | None


@dataclass(frozen=True, slots=True)
class PeriodsFound:
    """Periods in order of their start."""

    periods: tuple[Period, ...]


DateParse: TypeAlias = DateFound | DateUnclear | NoDate
PeriodsParse: TypeAlias = PeriodsFound | DateUnclear | NoDate

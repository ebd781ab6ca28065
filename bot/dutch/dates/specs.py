"""What one date expression in the text says, before "today" turns it into a day."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Literal, TypeAlias

from .model import DateUnclear

Direction: TypeAlias = Literal["default", "past", "future"]


@dataclass(frozen=True, slots=True)
class Exact:
    """Already one day: relative expressions ("gisteren", "twee weken geleden")."""

    value: date


@dataclass(frozen=True, slots=True)
class DayMonth:
    """A calendar date; ``year`` None means: infer it. Not validated yet ("31 februari")."""

    day: int
    month: int
    year: int | None = None
    direction: Direction = "default"  # "past" for "jl.", "future" for "a.s."
    weekday: int | None = None  # as written by the user, to check


@dataclass(frozen=True, slots=True)
class DayRange:
    """Days sharing a month: "1 t/m 20 februari" (a range) or "3 of 4 maart" (a choice)."""

    first: DayMonth
    last: DayMonth
    is_choice: bool


@dataclass(frozen=True, slots=True)
class Ask:
    """The expression itself can only be answered with a question."""

    unclear: DateUnclear


@dataclass(frozen=True, slots=True)
class Loose:
    """An unusual notation ("maart 3, 2025"); left to dateparser."""


@dataclass(frozen=True, slots=True)
class Ongoing:
    """ "tot nu toe", "tot heden": the end of a period that is still going on."""


Spec: TypeAlias = Exact | DayMonth | DayRange | Ask | Loose | Ongoing


@dataclass(frozen=True, slots=True)
class Mention:
    """One date expression: where it is, the user's own words, and what it says."""

    start: int
    end: int
    text: str
    spec: Spec
    rank: int = 0  # breaks ties between equally long overlapping mentions; lower wins
    # How clearly this is the start of sickness: 2 "sinds …", "… ziek geworden";
    # 1 "op 3 maart ziek"; 0 no sign.
    start_cue: int = 0

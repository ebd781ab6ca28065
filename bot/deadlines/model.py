"""Typed inputs and outputs of the deadline engine."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any, Literal

Uitzondering = Literal[
    "geen_benutbare_mogelijkheden", "terugkeer_binnen_3_maanden", "aow_binnen_jaar"
]
UITZONDERINGEN: tuple[str, ...] = (
    "geen_benutbare_mogelijkheden",
    "terugkeer_binnen_3_maanden",
    "aow_binnen_jaar",
)


@dataclass(frozen=True)
class SickPeriod:
    """One sick period; `end` is the last sick day, None while the sickness goes on."""

    start: dt.date
    end: dt.date | None = None


@dataclass(frozen=True)
class CaseFacts:
    """Optional facts about the case; names are those of the API."""

    probleemanalyse_date: dt.date | None = None
    eerstejaarsevaluatie_date: dt.date | None = None
    spoor2_start_date: dt.date | None = None
    geen_terugkeer_date: dt.date | None = None
    uitzondering: str | None = None
    loonsanctie_weeks: int | None = None
    verlenging_end: dt.date | None = None
    wia_aanvraag_date: dt.date | None = None
    aow_date: dt.date | None = None


@dataclass(frozen=True)
class Milestone:
    id: str
    label: str
    responsible: str
    explanation: str
    sources: tuple[dict[str, str], ...]
    status: str
    date: dt.date  # the deadline; for a window its last day
    window_start: dt.date | None = None
    actual_date: dt.date | None = None  # when the user told us it happened
    series: tuple[dt.date, ...] = ()  # all dates of a repeating milestone

    def to_dict(self) -> dict[str, Any]:
        result: dict[str, Any] = {
            "id": self.id,
            "date": self.date.isoformat(),
            "responsible": self.responsible,
            "status": self.status,
            "label": self.label,
            "explanation": self.explanation,
            "source": self.sources[0] if self.sources else None,
            "sources": list(self.sources),
        }
        if self.window_start is not None:
            result["window_start"] = self.window_start.isoformat()
            result["window_end"] = self.date.isoformat()
        if self.actual_date is not None:
            result["actual_date"] = self.actual_date.isoformat()
        if self.series:
            result["series"] = [d.isoformat() for d in self.series]
        return result


@dataclass(frozen=True)
class Spoor2Assessment:
    status: str
    deadline: dt.date
    advice: str
    days_late: int | None = None
    start_date: dt.date | None = None

    def to_dict(self) -> dict[str, Any]:
        result: dict[str, Any] = {
            "status": self.status,
            "deadline": self.deadline.isoformat(),
            "advice": self.advice,
        }
        if self.days_late is not None:
            result["days_late"] = self.days_late
        if self.start_date is not None:
            result["start_date"] = self.start_date.isoformat()
        return result


@dataclass(frozen=True)
class Timeline:
    first_sick_day: dt.date
    reference_date: dt.date
    sick_days: int
    periods_added: tuple[SickPeriod, ...]
    periods_closed: tuple[SickPeriod, ...]
    milestones: tuple[Milestone, ...]
    spoor2: Spoor2Assessment
    warnings: tuple[str, ...] = field(default_factory=tuple)

    def milestone(self, milestone_id: str) -> Milestone | None:
        return next((m for m in self.milestones if m.id == milestone_id), None)

    def to_dict(self) -> dict[str, Any]:
        def period(p: SickPeriod) -> dict[str, str | None]:
            return {"start": p.start.isoformat(), "end": p.end.isoformat() if p.end else None}

        return {
            "case": {
                "first_sick_day": self.first_sick_day.isoformat(),
                "reference_date": self.reference_date.isoformat(),
                "sick_days": self.sick_days,
                "periods_added_up": [period(p) for p in self.periods_added],
                "earlier_periods_closed": [period(p) for p in self.periods_closed],
            },
            "milestones": [m.to_dict() for m in self.milestones],
            "spoor2": self.spoor2.to_dict(),
            "warnings": list(self.warnings),
        }

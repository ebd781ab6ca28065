"""Typed inputs and outputs of the deadline engine."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any, Literal

from bot.deadlines.fact_fields import FactField, fact_fields_of, fact_spec
from bot.deadlines.rules import status_labels
from bot.dutch.format import format_date_nl

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
    """Optional facts about the case: the one definition of them. Names are those of the API
    (JSON fields and .ics query parameters); each field's fact_spec says how it is given
    (bot/deadlines/fact_fields.py), and CASE_FACT_FIELDS lists them."""

    probleemanalyse_date: dt.date | None = field(
        default=None,
        metadata=fact_spec(
            "date",
            "Datum van de probleemanalyse van de bedrijfsarts (gemaakt, of gepland).",
            later="planned",
            case_step=True,
        ),
    )
    eerstejaarsevaluatie_date: dt.date | None = field(
        default=None,
        metadata=fact_spec(
            "date",
            "Datum van de eerstejaarsevaluatie (gehouden, of gepland).",
            later="planned",
            case_step=True,
        ),
    )
    spoor2_start_date: dt.date | None = field(
        default=None,
        metadata=fact_spec(
            "date",
            "Datum waarop spoor 2 is gestart (of gepland is te starten).",
            later="planned",
            case_step=True,
        ),
    )
    geen_terugkeer_date: dt.date | None = field(
        default=None,
        metadata=fact_spec(
            "date",
            "Datum waarop een arbeidsdeskundige vaststelde dat terugkeer in de eigen organisatie "
            "niet mogelijk is.",
            case_step=True,
        ),
    )
    uitzondering: str | None = field(
        default=None,
        metadata=fact_spec(
            "choice",
            "Waarom spoor 2 niet nodig is.",
            choices=UITZONDERINGEN,
        ),
    )
    loonsanctie_weeks: int | None = field(
        default=None,
        metadata=fact_spec(
            "weeks", "Loonsanctie van UWV: het aantal weken extra loon doorbetalen."
        ),
    )
    verlenging_end: dt.date | None = field(
        default=None,
        metadata=fact_spec(
            "date",
            "Laatste dag van een verlengde wachttijd (verlenging van de loondoorbetaling).",
            later="allowed",
        ),
    )
    wia_aanvraag_date: dt.date | None = field(
        default=None,
        metadata=fact_spec(
            "date",
            "Datum waarop de WIA-aanvraag is ingediend (of gepland is).",
            later="planned",
            case_step=True,
        ),
    )
    aow_date: dt.date | None = field(
        default=None,
        metadata=fact_spec(
            "date", "Datum waarop de werknemer de AOW-leeftijd bereikt.", later="allowed"
        ),
    )
    # Steps (milestone ids) the user said were done, without a date, or not done yet.
    steps_done: tuple[str, ...] = field(
        default=(),
        metadata=fact_spec(
            "steps", "Stappen die gedaan zijn, zonder datum: namen van termijnen (id)."
        ),
    )
    steps_not_done: tuple[str, ...] = field(
        default=(),
        metadata=fact_spec("steps", "Stappen die nog niet gedaan zijn: namen van termijnen (id)."),
    )


CASE_FACT_FIELDS: tuple[FactField, ...] = fact_fields_of(CaseFacts)


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
    actual_date: dt.date | None = None  # when it happened, or (after the reference) is planned
    series: tuple[dt.date, ...] = ()  # all dates of a repeating milestone
    kind: str = "termijn"  # termijn (deadline), rond, praktijk or datum: see milestones.yml
    status_label: str = ""  # the Dutch words shown for the status, e.g. "termijn voorbij"
    happened: bool = False  # the user said it happened (a date on or before the reference, or "ja")
    planned: bool = False  # the user gave a date after the reference: planned, not done
    step: bool = True  # False: a date nobody acts on (a letter, the end of pay, the WIA start)
    not_done: bool = False  # the user said it has not happened yet

    @property
    def overdue(self) -> bool:
        """A deadline of a step that has passed while the step is not known to be done (or
        planned): the answer gives its repair."""
        return (
            self.step
            and self.kind == "termijn"
            and self.status == "verstreken"
            and not self.happened
            and not self.planned
        )

    @property
    def when_label(self) -> str:
        """The date as answers show it: "tussen … en …" for a window, "rond …" for a date that
        is no deadline, "in de praktijk rond …" for usual practice."""
        if self.window_start is not None:
            return f"tussen {format_date_nl(self.window_start)} en {format_date_nl(self.date)}"
        if self.kind == "rond":
            return f"rond {format_date_nl(self.date)}"
        if self.kind == "praktijk":
            return f"in de praktijk rond {format_date_nl(self.date)}"
        return format_date_nl(self.date)

    def to_dict(self) -> dict[str, Any]:
        result: dict[str, Any] = {
            "id": self.id,
            "date": self.date.isoformat(),
            "when_label": self.when_label,
            "responsible": self.responsible,
            "status": self.status,
            "status_label": self.status_label,
            "kind": self.kind,
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
            result["planned"] = self.planned
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
    status_label: str = ""  # the Dutch headline, e.g. "Spoor 2 is nog niet te laat"
    planned_start: dt.date | None = None  # a start date after the reference date
    planned_days_late: int | None = None  # days the planned start lies after the deadline

    def to_dict(self) -> dict[str, Any]:
        result: dict[str, Any] = {
            "status": self.status,
            "status_label": self.status_label,
            "deadline": self.deadline.isoformat(),
            "advice": self.advice,
        }
        if self.days_late is not None:
            result["days_late"] = self.days_late
        if self.start_date is not None:
            result["start_date"] = self.start_date.isoformat()
        if self.planned_start is not None:
            result["planned_start"] = self.planned_start.isoformat()
            result["planned_start_late"] = self.planned_days_late is not None
            if self.planned_days_late is not None:
                result["planned_days_late"] = self.planned_days_late
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
    warning_sources: tuple[dict[str, str], ...] = ()  # the sources of what the warnings say

    def milestone(self, milestone_id: str) -> Milestone | None:
        return next((m for m in self.milestones if m.id == milestone_id), None)

    def overdue_steps(self) -> list[Milestone]:
        """Steps whose deadline has passed and that are not known to be done, the most urgent
        first: those the user said were not done, then the most recent deadline (the step the
        case is at now: a late WIA-aanvraag before a late plan van aanpak of a year ago). Spoor
        2 is not overdue when it is not required (spec section 5)."""
        late = [m for m in self.milestones if m.overdue and not self.excused(m)]
        return sorted(late, key=lambda m: (not m.not_done, -m.date.toordinal()))

    def excused(self, milestone: Milestone) -> bool:
        """Nothing to do for this milestone whatever its date: spoor 2 once it has started or
        when an exception makes it not required (spec section 5)."""
        return milestone.id == "spoor2_uiterlijk" and self.spoor2.status in (
            "gestart",
            "niet_vereist",
        )

    def known_late(self, milestone: Milestone) -> bool:
        """Overdue and known not to be done: the user said so, or spoor 2 has no start date."""
        if not milestone.overdue:
            return False
        return milestone.not_done or (
            milestone.id == "spoor2_uiterlijk" and self.spoor2.status == "achterstallig"
        )

    def next_step(self) -> Milestone | None:
        """The most urgent overdue step; without one, the earliest milestone that is not
        behind us and not done (a running window counts as now)."""
        overdue = self.overdue_steps()
        if overdue:
            return overdue[0]
        open_steps = [m for m in self.milestones if m.status != "verstreken" and not m.happened]
        return min(open_steps, key=lambda m: m.window_start or m.date, default=None)

    def badge(self, milestone: Milestone, next_id: str | None) -> tuple[str, str]:
        """(kind, Dutch words) of the badge the widget shows: next (saying when it is late or
        its term is over), late, done (the user said it happened), past (its date is over;
        whether it was done is unknown) or later."""
        words = status_labels()
        if milestone.id == next_id:
            if self.known_late(milestone):
                return "next", words["volgende_stap_te_laat"]
            if milestone.overdue:
                return "next", words["volgende_stap_voorbij"]
            return "next", words["volgende_stap"]
        if self.known_late(milestone):
            return "late", words["te_laat"]
        if milestone.happened:
            return "done", milestone.status_label
        if milestone.status == "verstreken":
            return "past", milestone.status_label
        return "later", milestone.status_label

    def to_dict(self) -> dict[str, Any]:
        def period(p: SickPeriod) -> dict[str, str | None]:
            return {"start": p.start.isoformat(), "end": p.end.isoformat() if p.end else None}

        upcoming = self.next_step()
        next_id = upcoming.id if upcoming is not None else None
        return {
            "case": {
                "first_sick_day": self.first_sick_day.isoformat(),
                "reference_date": self.reference_date.isoformat(),
                "sick_days": self.sick_days,
                "periods_added_up": [period(p) for p in self.periods_added],
                "earlier_periods_closed": [period(p) for p in self.periods_closed],
            },
            "milestones": [self._milestone_dict(m, next_id) for m in self.milestones],
            "next_step": next_id,
            "spoor2": self.spoor2.to_dict(),
            "warnings": list(self.warnings),
        }

    def _milestone_dict(self, milestone: Milestone, next_id: str | None) -> dict[str, Any]:
        kind, words = self.badge(milestone, next_id)
        return {**milestone.to_dict(), "badge": {"kind": kind, "label": words}}

"""Raw input (API JSON, chat) to validated engine input, with Dutch messages per field.

Bad input never crashes and is never silently guessed: every problem becomes a
(field, message) pair in TimelineInputError.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from itertools import pairwise
from typing import Any

from bot.deadlines.fact_fields import FactField
from bot.deadlines.model import CASE_FACT_FIELDS, CaseFacts, SickPeriod
from bot.deadlines.rules import days_in_weeks, fact, milestone_texts
from bot.dutch.format import format_date_nl

DATE_FACTS = tuple(f.name for f in CASE_FACT_FIELDS if f.kind == "date")
# Planned dates may lie in the future, but a date centuries ahead is a typo (and would run
# the date arithmetic past the calendar's end).
LAST_YEAR = 2200

# Steps that HR plans ahead (spec 6.1): a date after the reference date is a planned date.
PLANNED_ALLOWED = {f.name for f in CASE_FACT_FIELDS if f.later == "planned"}
# Facts that describe the future or a date set by UWV: they may lie after the reference date.
FUTURE_ALLOWED = {f.name for f in CASE_FACT_FIELDS if f.later != "refused"}
# Facts about this case's steps: they cannot lie before its first sick day.
CASE_STEPS = {f.name for f in CASE_FACT_FIELDS if f.case_step}


# In a query string (GET /api/timeline.ics) a list of steps is one value, comma-separated.
QUERY_LIST_SEPARATOR = ","


def facts_to_query(facts: Mapping[str, Any]) -> dict[str, str]:
    """The case facts among `facts` (API names, as the conversation keeps them) as query
    parameters of GET /api/timeline.ics; other keys are left out."""
    query: dict[str, str] = {}
    for spec in CASE_FACT_FIELDS:
        value = facts.get(spec.name)
        if value is None or value == "" or (spec.kind == "steps" and not value):
            continue
        if spec.kind == "steps":
            query[spec.name] = QUERY_LIST_SEPARATOR.join(str(step) for step in value)
        else:
            query[spec.name] = str(value)
    return query


def facts_from_query(query: Mapping[str, str | None]) -> dict[str, Any]:
    """Query parameters of GET /api/timeline.ics -> raw facts for parse_timeline_request."""
    raw: dict[str, Any] = {}
    for spec in CASE_FACT_FIELDS:
        value = query.get(spec.name)
        if value is None:
            continue
        if spec.kind == "steps":
            raw[spec.name] = [s.strip() for s in value.split(QUERY_LIST_SEPARATOR) if s.strip()]
        else:
            raw[spec.name] = value
    return raw


@dataclass(frozen=True)
class FieldError:
    field: str
    message: str

    def to_dict(self) -> dict[str, str]:
        return {"field": self.field, "message": self.message}


class TimelineInputError(ValueError):
    def __init__(self, errors: list[FieldError]) -> None:
        super().__init__("; ".join(f"{e.field}: {e.message}" for e in errors))
        self.errors = errors


@dataclass(frozen=True)
class TimelineRequest:
    periods: tuple[SickPeriod, ...]
    reference: date
    facts: CaseFacts


class _Collector:
    def __init__(self) -> None:
        self.errors: list[FieldError] = []

    def add(self, field: str, message: str) -> None:
        self.errors.append(FieldError(field, message))

    def parse_date(self, field: str, value: Any, required: bool = False) -> date | None:
        if value is None or value == "":
            if required:
                self.add(field, "Vul een datum in (JJJJ-MM-DD).")
            return None
        if isinstance(value, date):
            return self._in_law(field, value)
        if not isinstance(value, str):
            self.add(field, "Een datum moet tekst zijn in de vorm JJJJ-MM-DD.")
            return None
        try:
            parsed = date.fromisoformat(value.strip())
        except ValueError:
            self.add(
                field,
                f"'{value}' is geen bestaande datum. Gebruik JJJJ-MM-DD, bijvoorbeeld 2026-01-05.",
            )
            return None
        return self._in_law(field, parsed)

    def _in_law(self, field: str, value: date) -> date | None:
        first_year = fact("year_wet_in_werking")
        if value.year < first_year:
            self.add(
                field,
                f"Datums voor {first_year} kan ik niet gebruiken: de wet bestond toen nog niet.",
            )
            return None
        if value.year > LAST_YEAR:
            self.add(field, f"Datums na {LAST_YEAR} kan ik niet gebruiken. Is het jaar goed?")
            return None
        return value


def _raw_periods(raw: dict[str, Any], errors: _Collector) -> list[tuple[str, Any, Any]]:
    if raw.get("sick_periods"):
        periods = raw["sick_periods"]
        if not isinstance(periods, list):
            errors.add("sick_periods", "Geef de ziekteperiodes als lijst.")
            return []
        result = []
        for index, item in enumerate(periods):
            if not isinstance(item, dict):
                errors.add(
                    f"sick_periods[{index}]", "Een ziekteperiode heeft een start en een einde."
                )
                continue
            result.append((f"sick_periods[{index}]", item.get("start"), item.get("end")))
        return result
    if raw.get("first_sick_day"):
        return [("first_sick_day", raw["first_sick_day"], None)]
    errors.add("first_sick_day", "Geef de eerste ziektedag of de ziekteperiodes.")
    return []


def _periods(raw: dict[str, Any], reference: date, errors: _Collector) -> list[SickPeriod]:
    periods: list[SickPeriod] = []
    for field, start_raw, end_raw in _raw_periods(raw, errors):
        start_field = field if field == "first_sick_day" else f"{field}.start"
        start = errors.parse_date(start_field, start_raw, required=True)
        end = errors.parse_date(f"{field}.end", end_raw)
        if start is None:
            continue
        if start > reference:
            errors.add(
                start_field, f"De eerste ziektedag {format_date_nl(start)} ligt in de toekomst."
            )
            continue
        if end is not None and end < start:
            errors.add(f"{field}.end", "Het einde van een ziekteperiode ligt voor het begin.")
            continue
        if end is not None and end > reference:
            errors.add(
                f"{field}.end", "Het einde van een ziekteperiode kan niet in de toekomst liggen."
            )
            continue
        periods.append(SickPeriod(start, end))
    periods.sort(key=lambda p: p.start)
    for index, (previous, following) in enumerate(pairwise(periods)):
        if previous.end is None:
            errors.add(
                "sick_periods",
                "Alleen de laatste ziekteperiode mag nog doorlopen (zonder einddatum).",
            )
            break
        if following.start <= previous.end:
            errors.add(f"sick_periods[{index + 1}]", "Ziekteperiodes mogen elkaar niet overlappen.")
    return periods


def _loonsanctie(value: Any, errors: _Collector) -> int | None:
    if value is None or value == "":
        return None
    maximum = fact("weeks_loonsanctie_max")
    if (
        isinstance(value, bool)
        or not isinstance(value, int | str)
        or not str(value).strip().isdigit()
    ):
        errors.add(
            "loonsanctie_weeks",
            f"Een loonsanctie is een heel aantal weken, van 1 tot en met {maximum}.",
        )
        return None
    weeks = int(str(value).strip())
    if not 1 <= weeks <= maximum:
        errors.add(
            "loonsanctie_weeks",
            f"Een loonsanctie duurt 1 tot en met {maximum} weken, niet {weeks}.",
        )
        return None
    return weeks


def _facts(raw: dict[str, Any], reference: date, errors: _Collector) -> CaseFacts:
    values: dict[str, Any] = {}
    for spec in CASE_FACT_FIELDS:
        value = raw.get(spec.name)
        if spec.kind == "date":
            values[spec.name] = _fact_date(spec, value, reference, errors)
        elif spec.kind == "choice":
            values[spec.name] = _choice(spec, value, errors)
        elif spec.kind == "weeks":
            values[spec.name] = _loonsanctie(value, errors)
        else:
            values[spec.name] = _steps(spec.name, value, errors)
    both = sorted(set(values["steps_done"]) & set(values["steps_not_done"]))
    if both:
        errors.add(
            "steps_not_done",
            "Een stap kan niet tegelijk gedaan en niet gedaan zijn: " + ", ".join(both) + ".",
        )
    return CaseFacts(**values)


def _fact_date(spec: FactField, value: Any, reference: date, errors: _Collector) -> date | None:
    parsed = errors.parse_date(spec.name, value)
    if parsed is not None and parsed > reference and spec.later == "refused":
        errors.add(spec.name, "Deze datum ligt in de toekomst; geef een datum die al geweest is.")
        return None
    return parsed


def _choice(spec: FactField, value: Any, errors: _Collector) -> str | None:
    chosen = value or None
    if chosen is not None and chosen not in spec.choices:
        errors.add(spec.name, "Kies een van: " + ", ".join(spec.choices) + ".")
        return None
    return str(chosen) if chosen is not None else None


def _steps(field: str, value: Any, errors: _Collector) -> tuple[str, ...]:
    """Milestone ids of steps the user said were done (or not done), without a date."""
    if value is None or value == "" or value == []:
        return ()
    known = milestone_texts()
    if not isinstance(value, list | tuple) or not all(isinstance(v, str) for v in value):
        errors.add(field, 'Geef de stappen als lijst van namen, bijvoorbeeld ["wia_aanvraag"].')
        return ()
    unknown = [v for v in value if v not in known or not known[v].step]
    if unknown:
        errors.add(
            field,
            "Onbekende stap: "
            + ", ".join(unknown)
            + ". Kies uit: "
            + ", ".join(k for k, t in known.items() if t.step)
            + ".",
        )
        return ()
    return tuple(dict.fromkeys(value))


def _check_steps_after_first_sick_day(
    periods: list[SickPeriod], facts: CaseFacts, errors: _Collector
) -> None:
    """A step of the case (done or planned) cannot lie before the case's first sick day."""
    from bot.deadlines.periods import build_case

    if not periods:
        return
    first = build_case(periods, fact("days_samentellen_max_gap")).first_sick_day
    for name in sorted(CASE_STEPS):
        value = getattr(facts, name)
        if value is not None and value < first:
            errors.add(
                name,
                f"Deze datum ligt vóór de eerste ziektedag ({format_date_nl(first)}). "
                "Geef een datum op of na de eerste ziektedag.",
            )


def _check_verlenging(periods: list[SickPeriod], facts: CaseFacts, errors: _Collector) -> None:
    """A vrijwillige verlenging must end after the normal 104 weeks."""
    from bot.deadlines.periods import build_case

    if facts.verlenging_end is None or not periods:
        return
    case = build_case(periods, fact("days_samentellen_max_gap"))
    normal_end = case.date_of_sick_day(days_in_weeks(fact("weeks_wachttijd")))
    if facts.verlenging_end <= normal_end:
        errors.add(
            "verlenging_end",
            f"Een verlenging moet na het normale einde liggen ({format_date_nl(normal_end)}).",
        )


def parse_timeline_request(raw: dict[str, Any], today: date) -> TimelineRequest:
    """Validate a request; raises TimelineInputError with every problem at once."""
    errors = _Collector()
    reference = errors.parse_date("reference_date", raw.get("reference_date")) or today
    periods = _periods(raw, reference, errors)
    facts = _facts(raw, reference, errors)
    if not errors.errors:
        _check_verlenging(periods, facts, errors)
        _check_steps_after_first_sick_day(periods, facts, errors)
    if errors.errors or not periods:
        raise TimelineInputError(
            errors.errors or [FieldError("first_sick_day", "Geef de eerste ziektedag.")]
        )
    return TimelineRequest(tuple(periods), reference, facts)

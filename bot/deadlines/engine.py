"""compute_timeline: every milestone of the spec from a case, facts and a reference date.

Milestone dates follow spec section 2: "uiterlijk in week N" is the last sick day of week N,
"na N weken" the first sick day after them; with several periods each date is the calendar
date of its sick day, gaps skipped. Only the 42nd-week report rolls to a working day.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, timedelta

from bot.deadlines.model import CaseFacts, Milestone, SickPeriod, Timeline
from bot.deadlines.periods import Case, build_case
from bot.deadlines.rules import (
    days_in_weeks,
    fact,
    first_day_after_weeks,
    first_day_of_week,
    last_day_of_week,
    milestone_texts,
    sources,
)
from bot.deadlines.spoor2 import assess_spoor2
from bot.deadlines.workdays import first_working_day_on_or_after
from bot.dutch_format import format_date_nl

SOON_DAYS = 14


def status_of(day: date, reference: date, window_start: date | None = None) -> str:
    """verstreken, vandaag, binnenkort (within 14 days), gepland; lopend inside a window."""
    if window_start is not None and window_start <= reference <= day:
        return "lopend"
    first = window_start or day
    if day < reference:
        return "verstreken"
    if first == reference:
        return "vandaag"
    if (first - reference).days <= SOON_DAYS:
        return "binnenkort"
    return "gepland"


def _milestone(
    milestone_id: str,
    day: date,
    reference: date,
    *,
    window_start: date | None = None,
    actual_date: date | None = None,
    series: tuple[date, ...] = (),
) -> Milestone:
    text = milestone_texts()[milestone_id]
    catalogue = sources()
    return Milestone(
        id=milestone_id,
        label=text.label,
        responsible=text.responsible,
        explanation=text.explanation,
        sources=tuple(catalogue[s] for s in text.source_ids),
        status=status_of(day, reference, window_start),
        date=day,
        window_start=window_start,
        actual_date=actual_date,
        series=series,
    )


def _progress_meetings(plan: date, until: date) -> tuple[date, ...]:
    step = timedelta(days=days_in_weeks(fact("weeks_voortgang_interval")))
    meetings = []
    day = plan + step
    while day <= until:
        meetings.append(day)
        day += step
    return tuple(meetings)


def _next_or_last(series: tuple[date, ...], reference: date) -> date:
    return next((d for d in series if d >= reference), series[-1])


def _end_of_pay(case: Case, facts: CaseFacts, wia_deadline: date) -> tuple[date, list[str]]:
    """Last day of loondoorbetaling with extensions (spec section 4) and their warnings."""
    warnings: list[str] = []
    end = case.date_of_sick_day(days_in_weeks(fact("weeks_wachttijd")))
    if facts.verlenging_end is not None:
        end = facts.verlenging_end
    if facts.loonsanctie_weeks:
        end += timedelta(days=days_in_weeks(facts.loonsanctie_weeks))
    if facts.wia_aanvraag_date is not None and facts.wia_aanvraag_date > wia_deadline:
        delay = (facts.wia_aanvraag_date - wia_deadline).days
        end += timedelta(days=delay)
        warnings.append(
            f"De WIA-aanvraag is {delay} dagen te laat ingediend. De wachttijd en de "
            "loondoorbetaling schuiven even lang op. De werknemer kan over die periode loon "
            "mislopen: bespreek dit met UWV."
        )
    return end, warnings


def compute_timeline(
    periods: Sequence[SickPeriod], reference: date, facts: CaseFacts | None = None
) -> Timeline:
    """All milestones for validated, sorted, non-overlapping periods (see validation.py)."""
    facts = facts or CaseFacts()
    case = build_case(periods, fact("days_samentellen_max_gap"))
    day_of = case.date_of_sick_day

    pa_deadline = day_of(last_day_of_week(fact("week_probleemanalyse")))
    pa_date = facts.probleemanalyse_date or pa_deadline
    plan = min(
        pa_date + timedelta(days=fact("days_plan_van_aanpak_na_probleemanalyse")),
        day_of(last_day_of_week(fact("week_plan_van_aanpak"))),
    )
    eje_start = day_of(first_day_of_week(fact("week_eerstejaarsevaluatie_start")))
    eje_end = day_of(last_day_of_week(fact("week_eerstejaarsevaluatie_end")))
    spoor2_after_eje = days_in_weeks(fact("weeks_spoor2_na_eerstejaarsevaluatie"))
    if facts.eerstejaarsevaluatie_date is not None:
        spoor2_deadline = facts.eerstejaarsevaluatie_date + timedelta(days=spoor2_after_eje)
    else:
        spoor2_deadline = day_of(
            last_day_of_week(fact("week_eerstejaarsevaluatie_end")) + spoor2_after_eje
        )
    wia_deadline = day_of(last_day_of_week(fact("week_wia_aanvraag")))
    end_of_pay, warnings = _end_of_pay(case, facts, wia_deadline)
    normal_end = day_of(days_in_weeks(fact("weeks_wachttijd")))
    meetings = _progress_meetings(plan, normal_end)

    m = _milestone
    milestones = [
        m(
            "ziekmelding_arbodienst",
            day_of(last_day_of_week(fact("week_ziekmelding_arbodienst"))),
            reference,
        ),
        m("probleemanalyse", pa_deadline, reference, actual_date=facts.probleemanalyse_date),
        m("plan_van_aanpak", plan, reference),
        m("bijstelling_evaluatie", _next_or_last(meetings, reference), reference, series=meetings),
        m(
            "melding_uwv_42",
            first_working_day_on_or_after(day_of(first_day_after_weeks(fact("week_melding_uwv")))),
            reference,
        ),
        m(
            "eerstejaarsevaluatie",
            eje_end,
            reference,
            window_start=eje_start,
            actual_date=facts.eerstejaarsevaluatie_date,
        ),
        m("spoor2_uiterlijk", spoor2_deadline, reference, actual_date=facts.spoor2_start_date),
        m("wia_brief_uwv", day_of(first_day_after_weeks(fact("week_wia_brief"))), reference),
        m("eindevaluatie", day_of(last_day_of_week(fact("week_eindevaluatie"))), reference),
        m("wia_aanvraag", wia_deadline, reference, actual_date=facts.wia_aanvraag_date),
        m("einde_loondoorbetaling", end_of_pay, reference),
        m("wia_ingang", end_of_pay + timedelta(days=1), reference),
    ]
    warnings += _general_warnings(case)
    if facts.aow_date is not None:
        milestones, aow_warning = _before_aow(milestones, facts.aow_date)
        warnings += aow_warning
    return Timeline(
        first_sick_day=case.first_sick_day,
        reference_date=reference,
        sick_days=case.sick_days_until(reference),
        periods_added=case.periods,
        periods_closed=case.closed,
        milestones=tuple(milestones),
        spoor2=assess_spoor2(spoor2_deadline, reference, facts),
        warnings=tuple(warnings),
    )


def _general_warnings(case: Case) -> list[str]:
    warnings = []
    if len(case.periods) > 1:
        warnings.append(
            f"{len(case.periods)} ziekteperiodes tellen samen op, omdat er steeds minder dan "
            "vier weken tussen zat. Alleen de ziektedagen tellen mee."
        )
    if case.closed:
        warnings.append(
            "Eerdere ziekteperiodes tellen niet mee: er zaten vier weken of meer tussen. "
            f"De termijnen starten opnieuw op {format_date_nl(case.first_sick_day)}."
        )
    if case.periods[-1].end is not None:
        warnings.append(
            "De laatste ziekteperiode heeft een einddatum. De data hieronder gaan ervan uit "
            "dat de werknemer opnieuw ziek is en blijft; bij volledig herstel vervallen ze."
        )
    return warnings


def _before_aow(milestones: list[Milestone], aow_date: date) -> tuple[list[Milestone], list[str]]:
    """Reaching the AOW age ends the employer's duties: later milestones do not apply."""
    kept = [m for m in milestones if (m.window_start or m.date) < aow_date]
    dropped = [m.label for m in milestones if m not in kept]
    if not dropped:
        return kept, []
    return kept, [
        f"De werknemer bereikt op {format_date_nl(aow_date)} de AOW-leeftijd. Daarna gelden "
        f"deze stappen niet meer: {', '.join(dropped)}. Na de AOW-leeftijd geldt voor nieuwe "
        f"ziekte maximaal {fact('weeks_loondoorbetaling_na_aow')} weken loondoorbetaling."
    ]

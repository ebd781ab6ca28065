"""compute_timeline: every milestone of the spec from a case, facts and a reference date.

Milestone dates follow spec section 2: "uiterlijk in week N" is the last sick day of week N,
"na N weken" the first sick day after them; with several periods each date is the calendar
date of its sick day, gaps skipped. Only the 42nd-week report rolls to a working day.
"""

from __future__ import annotations

import itertools
from collections.abc import Sequence
from dataclasses import replace
from datetime import date, timedelta
from typing import Any

from bot.deadlines.model import CaseFacts, Milestone, SickPeriod, Timeline
from bot.deadlines.periods import Case, build_case, gap_days
from bot.deadlines.rules import (
    days_in_weeks,
    fact,
    first_day_after_weeks,
    first_day_of_week,
    last_day_of_week,
    milestone_texts,
    sources,
    status_labels,
)
from bot.deadlines.spoor2 import assess_spoor2
from bot.deadlines.workdays import first_working_day_on_or_after
from bot.dutch.format import format_date_nl, format_day_counts_nl

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


def short_date_nl(day: date) -> str:
    """ "15 januari 2027": the weekday left out, for status words."""
    return format_date_nl(day).split(" ", 1)[1]


def status_label(
    status: str,
    kind: str,
    done_word: str,
    actual_date: date | None,
    reference: date,
    *,
    done: bool = False,
    not_done: bool = False,
) -> str:
    """The Dutch words for a status. They say what is known: a date the user gave (done or
    planned) wins, then "ja, gedaan" (done) or "nee" (not_done: a passed deadline is then "te
    laat"); otherwise a past deadline is "termijn voorbij", never "geweest"."""
    words = status_labels()
    if actual_date is not None:
        if actual_date > reference:
            return words["gepland_op"].format(date=short_date_nl(actual_date))
        return words["gedaan_op"].format(done=done_word, date=short_date_nl(actual_date))
    if done:
        return words["gedaan_zonder_datum"].format(done=done_word)
    if status == "verstreken" and kind == "termijn" and not_done:
        return words["te_laat"]
    if status == "verstreken" and kind != "termijn":
        return words["verstreken_zonder_termijn"]
    return words[status]


def _milestone(
    milestone_id: str,
    day: date,
    reference: date,
    *,
    window_start: date | None = None,
    actual_date: date | None = None,
    series: tuple[date, ...] = (),
    facts: CaseFacts | None = None,
) -> Milestone:
    text = milestone_texts()[milestone_id]
    catalogue = sources()
    status = status_of(day, reference, window_start)
    said_done = facts is not None and milestone_id in facts.steps_done and actual_date is None
    said_not_done = (
        facts is not None
        and milestone_id in facts.steps_not_done
        and actual_date is None
        and not said_done
    )
    return Milestone(
        id=milestone_id,
        label=text.label,
        responsible=text.responsible,
        explanation=text.explanation,
        sources=tuple(catalogue[s] for s in text.source_ids),
        status=status,
        date=day,
        window_start=window_start,
        actual_date=actual_date,
        series=series,
        kind=text.kind,
        status_label=status_label(
            status,
            text.kind,
            text.done,
            actual_date,
            reference,
            done=said_done,
            not_done=said_not_done,
        ),
        happened=(actual_date is not None and actual_date <= reference) or said_done,
        planned=actual_date is not None and actual_date > reference,
        step=text.step,
        not_done=said_not_done,
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


def _end_of_pay(
    case: Case, facts: CaseFacts, wia_deadline: date, reference: date
) -> tuple[date, list[str]]:
    """Last day of loondoorbetaling with extensions (spec section 4) and their warnings."""
    warnings: list[str] = []
    end = case.date_of_sick_day(days_in_weeks(fact("weeks_wachttijd")))
    if facts.verlenging_end is not None:
        end = facts.verlenging_end
    if facts.loonsanctie_weeks:
        end += timedelta(days=days_in_weeks(facts.loonsanctie_weeks))
    applied = facts.wia_aanvraag_date
    if applied is not None and applied > wia_deadline:
        delay = (applied - wia_deadline).days
        end += timedelta(days=delay)
        if applied > reference:  # planned (spec 6.1): computed as if it happened
            what = (
                f"De WIA-aanvraag staat gepland op {format_date_nl(applied)}: {delay} dagen "
                f"na de uiterste datum ({format_date_nl(wia_deadline)}). Dien hem eerder in. "
                "Blijft het zo, dan schuiven"
            )
        else:
            what = f"De WIA-aanvraag is {delay} dagen te laat ingediend. Daardoor schuiven"
        warnings.append(
            f"{what} de wachttijd en het einde van de loondoorbetaling even lang op (art. "
            "7:629 lid 11 BW). Had de werknemer geen goede reden om te laat te zijn? Dan heeft "
            "de werknemer over die vertraging geen recht op loon (art. 7:629 lid 3 onder f "
            "BW). Het loon over die vertraging is een zaak tussen werknemer en werkgever, niet "
            "van UWV: bespreek het samen. Komen jullie er niet uit, dan beslist de "
            "kantonrechter."
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
    end_of_pay, warnings = _end_of_pay(case, facts, wia_deadline, reference)
    aow_end = _aow_end_of_pay(case, facts.aow_date)
    aow_cuts_pay = aow_end is not None and aow_end < end_of_pay
    if aow_cuts_pay and aow_end is not None:
        end_of_pay = aow_end
    normal_end = day_of(days_in_weeks(fact("weeks_wachttijd")))
    meetings = _progress_meetings(plan, normal_end)

    def m(milestone_id: str, day: date, ref: date, **extra: Any) -> Milestone:
        return _milestone(milestone_id, day, ref, facts=facts, **extra)

    end_milestone = m("einde_loondoorbetaling", end_of_pay, reference)
    if aow_cuts_pay:
        aow_text = milestone_texts()["einde_loondoorbetaling"].explanation_aow
        end_milestone = replace(end_milestone, explanation=aow_text or end_milestone.explanation)
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
        end_milestone,
        m("wia_ingang", end_of_pay + timedelta(days=1), reference),
    ]
    general = _general_warnings(case)
    late_eje = _late_eerstejaarsevaluatie(facts.eerstejaarsevaluatie_date, eje_end, reference)
    source_ids = ["bw_7_629"] if warnings or general else []
    if late_eje:
        source_ids.append("regeling_procesgang")
    warnings += general + late_eje
    if facts.aow_date is not None:
        milestones, aow_warnings = _before_aow(milestones, facts.aow_date, case, end_of_pay)
        warnings += aow_warnings
        if aow_warnings and "bw_7_629" not in source_ids:
            source_ids.append("bw_7_629")
    return Timeline(
        first_sick_day=case.first_sick_day,
        reference_date=reference,
        sick_days=case.sick_days_until(reference),
        periods_added=case.periods,
        periods_closed=case.closed,
        milestones=tuple(milestones),
        spoor2=assess_spoor2(spoor2_deadline, reference, facts),
        warnings=tuple(warnings),
        warning_sources=tuple(sources()[source_id] for source_id in source_ids),
    )


def _general_warnings(case: Case) -> list[str]:
    warnings = []
    if len(case.periods) > 1:
        gaps = [gap_days(a, b) for a, b in itertools.pairwise(case.periods)]
        warnings.append(
            f"{len(case.periods)} ziekteperiodes tellen samen op, omdat er steeds minder dan "
            "vier weken tussen zat "
            f"(periodes opgeteld: {format_day_counts_nl(gaps)} onderbreking). "
            "Alleen de ziektedagen tellen mee."
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


def _late_eerstejaarsevaluatie(held: date | None, window_end: date, reference: date) -> list[str]:
    """An eerstejaarsevaluatie (held or planned) after week 52 is later than it should be."""
    if held is None or held <= window_end:
        return []
    when = "staat gepland op" if held > reference else "was op"
    return [
        f"De eerstejaarsevaluatie {when} {format_date_nl(held)}: na het einde van week "
        f"{fact('week_eerstejaarsevaluatie_end')} ({format_date_nl(window_end)}). Dat is later "
        f"dan de periode van week {fact('week_eerstejaarsevaluatie_start')} tot en met week "
        f"{fact('week_eerstejaarsevaluatie_end')}. Leg in het re-integratiedossier uit waarom."
    ]


def _aow_end_of_pay(case: Case, aow_date: date | None) -> date | None:
    """Art. 7:629 lid 2 BW: from the AOW age the right to pay lasts six weeks (within the 104
    weeks). Sick from before the AOW date: six weeks from that date; already past the AOW age
    on the first sick day: the first six weeks of sickness."""
    if aow_date is None:
        return None
    weeks = days_in_weeks(fact("weeks_loondoorbetaling_na_aow"))
    if aow_date <= case.first_sick_day:
        return case.date_of_sick_day(weeks)
    return aow_date + timedelta(days=weeks - 1)


def _before_aow(
    milestones: list[Milestone], aow_date: date, case: Case, end_of_pay: date
) -> tuple[list[Milestone], list[str]]:
    """Reaching the AOW age ends the employer's duties (spec section 7): later milestones do
    not apply. The last day of pay stays: six weeks after the AOW date at most."""
    kept = [
        m
        for m in milestones
        if m.id == "einde_loondoorbetaling" or (m.window_start or m.date) < aow_date
    ]
    dropped = [m.label for m in milestones if m not in kept]
    weeks = fact("weeks_loondoorbetaling_na_aow")
    warnings = []
    if aow_date <= case.first_sick_day:
        pay = (
            "De werknemer had de AOW-leeftijd al bereikt toen de ziekte begon op "
            f"{format_date_nl(case.first_sick_day)}. Dan betaalt de werkgever het loon bij "
            f"ziekte hoogstens {weeks} weken door, tot en met {format_date_nl(end_of_pay)} "
            "(art. 7:629 lid 2 BW). Eindigt het contract eerder, dan stopt het loon ook eerder. "
            "Vraag HR of UWV wat er daarna voor de werknemer geldt."
        )
    elif aow_date <= end_of_pay:
        pay = (
            f"De werknemer bereikt op {format_date_nl(aow_date)} de AOW-leeftijd. Vanaf die "
            f"dag betaalt de werkgever het loon bij ziekte nog hoogstens {weeks} weken door, "
            f"en nooit langer dan {fact('weeks_wachttijd')} weken in totaal: de laatste dag is "
            f"{format_date_nl(end_of_pay)} (art. 7:629 lid 2 BW). Eindigt het contract "
            "eerder, bijvoorbeeld op de AOW-datum, dan stopt het loon ook eerder."
        )
    else:
        pay = ""
    if pay:
        warnings.append(pay)
    if dropped:
        warnings.append(
            "Na de AOW-leeftijd gelden de stappen richting de WIA niet meer. Deze vervallen: "
            f"{', '.join(dropped)}."
        )
    return kept, warnings

"""Spoor 2 check (spec section 5): has it started, is it needed, is it late?

A start date after the reference date is a planned start (spec 6.1): the status is computed
as if spoor 2 had not started, and the planned date is reported beside it, compared with the
deadline.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date, timedelta

from dateutil.relativedelta import relativedelta

from bot.deadlines.model import CaseFacts, Spoor2Assessment
from bot.deadlines.rules import days_in_weeks, fact
from bot.dutch.format import format_date_nl

_EXCEPTION_ADVICE = {
    "geen_benutbare_mogelijkheden": (
        "De bedrijfsarts ziet geen benutbare mogelijkheden. Dan is spoor 2 nu niet nodig. "
        "De werkgever laat dit bevestigen met een deskundigenoordeel van UWV en vraagt de "
        "bedrijfsarts regelmatig of dat nog zo is."
    ),
    "terugkeer_binnen_3_maanden": (
        "Verwacht wordt dat de werknemer binnen {months} maanden blijvend terugkeert in de "
        "eigen organisatie. Dan hoeft spoor 2 nu niet. De werkgever legt dat advies vast en "
        "kijkt opnieuw als het anders loopt."
    ),
    "aow_binnen_jaar": (
        "De werknemer bereikt binnen een jaar de AOW-leeftijd. Dan is spoor 2 niet nodig. "
        "De werkgever legt de afweging vast in het re-integratiedossier."
    ),
}
_AOW_ADVICE = (
    "De AOW-datum van de werknemer ({aow}) ligt binnen een jaar na de uiterste startdatum van "
    "spoor 2 ({deadline}), of eerder. Dan is spoor 2 niet nodig. De werkgever legt de afweging "
    "vast in het re-integratiedossier."
)
_AOW_REACHED_ADVICE = (
    "De werknemer heeft de AOW-leeftijd al bereikt. Dan is spoor 2 niet nodig. De werkgever "
    "legt de afweging vast in het re-integratiedossier."
)
STATUS_LABELS = {
    "gestart": "Spoor 2 is gestart",
    "niet_vereist": "Spoor 2 is nu niet nodig",
    "achterstallig": "Spoor 2 is te laat: {days_late} dagen over de uiterste datum",
    "starten": "Start spoor 2 nu",
    "nog_niet_nodig": "Spoor 2 is nog niet te laat",
}
PLANNED_LATE_LABEL = "De geplande start van spoor 2 is te laat"
SPOOR2 = "spoor2_uiterlijk"  # the milestone id, in CaseFacts.steps_done


def aow_within_a_year(deadline: date, aow_date: date | None) -> bool:
    """Spec section 5: the AOW age falls within a year (of the date spoor 2 must start)."""
    if aow_date is None:
        return False
    return aow_date <= deadline + relativedelta(months=fact("months_aow_spoor2_uitzondering"))


def assess_spoor2(deadline: date, reference: date, facts: CaseFacts) -> Spoor2Assessment:
    """Statuses in order of precedence: gestart, niet_vereist, achterstallig, starten,
    nog_niet_nodig."""
    start = facts.spoor2_start_date
    if start is None and SPOOR2 in facts.steps_done:  # "ja, gestart", without a date
        when = "was" if deadline < reference else "is"
        return _labelled(
            Spoor2Assessment(
                "gestart",
                deadline,
                f"Spoor 2 is gestart; de startdatum weet ik niet. De uiterste startdatum {when} "
                f"{format_date_nl(deadline)}. Begon spoor 2 later, dan legt de werkgever in het "
                "re-integratiedossier uit waarom. De werkgever houdt de voortgang bij in het "
                "re-integratiedossier.",
            )
        )
    if start is not None and start <= reference:
        return _labelled(
            Spoor2Assessment(
                "gestart",
                deadline,
                f"Spoor 2 is gestart op {format_date_nl(start)}. De werkgever houdt de "
                "voortgang bij in het re-integratiedossier.",
                start_date=start,
            )
        )
    assessment = _not_started(deadline, reference, facts)
    if start is None:
        return _labelled(assessment)
    return _labelled(_with_planned_start(assessment, start))


def _not_started(deadline: date, reference: date, facts: CaseFacts) -> Spoor2Assessment:
    if facts.uitzondering is not None:
        advice = _EXCEPTION_ADVICE[facts.uitzondering].format(
            months=fact("months_terugkeer_uitzondering")
        )
        return Spoor2Assessment("niet_vereist", deadline, advice)
    if facts.aow_date is not None and aow_within_a_year(deadline, facts.aow_date):
        if facts.aow_date <= reference:  # the date may stand for "already past the AOW age"
            return Spoor2Assessment("niet_vereist", deadline, _AOW_REACHED_ADVICE)
        advice = _AOW_ADVICE.format(
            aow=format_date_nl(facts.aow_date), deadline=format_date_nl(deadline)
        )
        return Spoor2Assessment("niet_vereist", deadline, advice)
    if reference > deadline:
        return _overdue(deadline, reference)
    if facts.geen_terugkeer_date is not None and facts.geen_terugkeer_date <= reference:
        return Spoor2Assessment(
            "starten",
            deadline,
            "Een arbeidsdeskundige heeft vastgesteld dat terugkeer in de eigen organisatie "
            "niet mogelijk is. De werkgever start spoor 2 nu, en uiterlijk op "
            f"{format_date_nl(deadline)}, met een re-integratiebureau.",
        )
    window = timedelta(days=days_in_weeks(fact("weeks_spoor2_starten_venster")))
    if reference >= deadline - window:
        days_left = (deadline - reference).days
        return Spoor2Assessment(
            "starten",
            deadline,
            f"Spoor 2 moet uiterlijk op {format_date_nl(deadline)} starten, over {days_left} "
            "dagen. De werkgever start nu: vraagt een arbeidsdeskundig onderzoek aan als dat er "
            "nog niet is, en kiest een re-integratiebureau.",
        )
    return Spoor2Assessment(
        "nog_niet_nodig",
        deadline,
        "Spoor 2 is nog niet te laat. De uiterste startdatum is "
        f"{format_date_nl(deadline)}. Lijkt terugkeer in de eigen organisatie niet meer "
        "waarschijnlijk? Dan start de werkgever spoor 2 meteen, zonder op die datum te wachten.",
    )


def _with_planned_start(assessment: Spoor2Assessment, planned: date) -> Spoor2Assessment:
    """Report a planned start beside the status, compared with the deadline."""
    deadline = assessment.deadline
    late_days = (planned - deadline).days if planned > deadline else None
    if assessment.status == "niet_vereist":
        sentence = f"Spoor 2 staat gepland op {format_date_nl(planned)}."
    elif assessment.status == "achterstallig":
        sentence = (
            f"Spoor 2 staat gepland op {format_date_nl(planned)}. De uiterste startdatum is "
            "al voorbij: de werkgever start eerder als dat kan."
        )
    elif late_days is None:
        sentence = (
            f"Spoor 2 staat gepland op {format_date_nl(planned)}. Dat is op tijd: de uiterste "
            f"startdatum is {format_date_nl(deadline)}."
        )
    else:
        sentence = (
            f"Spoor 2 staat gepland op {format_date_nl(planned)}. Dat is {late_days} dagen na "
            f"de uiterste startdatum ({format_date_nl(deadline)}): te laat. UWV kan daarvoor "
            f"een loonsanctie opleggen: tot {fact('weeks_loonsanctie_max')} weken extra loon "
            "doorbetalen. De werkgever plant de start uiterlijk op die datum, en eerder als "
            "terugkeer in de eigen organisatie niet meer waarschijnlijk is."
        )
    # "nog niet te laat" next to a late plan would mislead: the plan sentence says it all.
    advice = sentence if late_days and assessment.status == "nog_niet_nodig" else None
    return Spoor2Assessment(
        assessment.status,
        deadline,
        advice or f"{sentence} {assessment.advice}",
        days_late=assessment.days_late,
        planned_start=planned,
        planned_days_late=late_days if assessment.status != "niet_vereist" else None,
    )


def _labelled(assessment: Spoor2Assessment) -> Spoor2Assessment:
    label = STATUS_LABELS[assessment.status].format(days_late=assessment.days_late)
    if assessment.planned_days_late is not None and assessment.status in (
        "starten",
        "nog_niet_nodig",
    ):
        label = PLANNED_LATE_LABEL
    return replace(assessment, status_label=label)


def overdue_situation(deadline: date, days_late: int) -> str:
    """The first sentence about a late spoor 2: when it was due and how long ago."""
    return (
        f"Spoor 2 had uiterlijk op {format_date_nl(deadline)} moeten starten: {days_late} "
        "dagen geleden."
    )


def _overdue(deadline: date, reference: date) -> Spoor2Assessment:
    days_late = (reference - deadline).days
    return Spoor2Assessment(
        "achterstallig",
        deadline,
        f"{overdue_situation(deadline, days_late)} UWV kan daarvoor een loonsanctie opleggen: tot "
        f"{fact('weeks_loonsanctie_max')} weken extra loon doorbetalen. Wat nu: de werkgever "
        "start spoor 2 direct met een re-integratiebureau, laat een arbeidsdeskundig onderzoek "
        "doen als dat er nog niet is, en legt in het re-integratiedossier uit waarom spoor 2 "
        "later begon.",
        days_late=days_late,
    )

"""Spoor 2 check (spec section 5): has it started, is it needed, is it late?"""

from __future__ import annotations

from datetime import date, timedelta

from bot.deadlines.model import CaseFacts, Spoor2Assessment
from bot.deadlines.rules import days_in_weeks, fact
from bot.dutch_format import format_date_nl

_EXCEPTION_ADVICE = {
    "geen_benutbare_mogelijkheden": (
        "De bedrijfsarts ziet geen benutbare mogelijkheden. Dan is spoor 2 nu niet nodig. "
        "Laat dit bevestigen met een deskundigenoordeel van UWV en vraag de bedrijfsarts "
        "regelmatig of dat nog zo is."
    ),
    "terugkeer_binnen_3_maanden": (
        "Verwacht wordt dat de werknemer binnen {months} maanden blijvend terugkeert in de "
        "eigen organisatie. Dan hoeft spoor 2 nu niet. Leg dat advies vast en kijk opnieuw "
        "als het anders loopt."
    ),
    "aow_binnen_jaar": (
        "De werknemer bereikt binnen een jaar de AOW-leeftijd. Dan is spoor 2 niet nodig. "
        "Leg de afweging vast in het re-integratiedossier."
    ),
}


def assess_spoor2(deadline: date, reference: date, facts: CaseFacts) -> Spoor2Assessment:
    """Statuses in order of precedence: gestart, niet_vereist, achterstallig, starten,
    nog_niet_nodig."""
    if facts.spoor2_start_date is not None:
        return Spoor2Assessment(
            "gestart",
            deadline,
            f"Spoor 2 is gestart op {format_date_nl(facts.spoor2_start_date)}. Houd de "
            "voortgang bij in het re-integratiedossier.",
            start_date=facts.spoor2_start_date,
        )
    if facts.uitzondering is not None:
        advice = _EXCEPTION_ADVICE[facts.uitzondering].format(
            months=fact("months_terugkeer_uitzondering")
        )
        return Spoor2Assessment("niet_vereist", deadline, advice)
    if reference > deadline:
        return _overdue(deadline, reference)
    if facts.geen_terugkeer_date is not None and facts.geen_terugkeer_date <= reference:
        return Spoor2Assessment(
            "starten",
            deadline,
            "Een arbeidsdeskundige heeft vastgesteld dat terugkeer in de eigen organisatie "
            "niet mogelijk is. Start spoor 2 nu, en uiterlijk op "
            f"{format_date_nl(deadline)}. Schakel een re-integratiebureau in.",
        )
    window = timedelta(days=days_in_weeks(fact("weeks_spoor2_starten_venster")))
    if reference >= deadline - window:
        days_left = (deadline - reference).days
        return Spoor2Assessment(
            "starten",
            deadline,
            f"Spoor 2 moet uiterlijk op {format_date_nl(deadline)} starten, over {days_left} "
            "dagen. Start nu: vraag een arbeidsdeskundig onderzoek aan als dat er nog niet is "
            "en kies een re-integratiebureau.",
        )
    return Spoor2Assessment(
        "nog_niet_nodig",
        deadline,
        "Spoor 2 hoeft nog niet te starten. Lijkt terugkeer in de eigen organisatie niet "
        "meer waarschijnlijk? Start dan meteen. De uiterste datum is "
        f"{format_date_nl(deadline)}.",
    )


def _overdue(deadline: date, reference: date) -> Spoor2Assessment:
    days_late = (reference - deadline).days
    return Spoor2Assessment(
        "achterstallig",
        deadline,
        f"Spoor 2 had uiterlijk op {format_date_nl(deadline)} moeten starten: {days_late} "
        "dagen geleden. UWV kan daarvoor een loonsanctie opleggen: tot "
        f"{fact('weeks_loonsanctie_max')} weken extra loon doorbetalen. Wat nu: start spoor 2 "
        "direct met een re-integratiebureau, laat een arbeidsdeskundig onderzoek doen als dat "
        "er nog niet is, en leg in het re-integratiedossier uit waarom spoor 2 later begon.",
        days_late=days_late,
    )

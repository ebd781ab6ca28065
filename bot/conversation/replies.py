"""The Dutch texts of the personal-deadline conversation (questions, confirmations, tips)."""

from __future__ import annotations

import itertools
from datetime import date

from bot.conversation.state import (
    AWAIT_CONFIRM,
    AWAIT_EJE,
    AWAIT_GEEN_TERUGKEER,
    AWAIT_ROLE,
    AWAIT_SICK_DAY,
    AWAIT_SPOOR2,
    AWAIT_STEP_DONE,
)
from bot.deadlines.model import SickPeriod
from bot.deadlines.periods import gap_days
from bot.deadlines.rules import fact, milestone_texts
from bot.dutch.dates import Period
from bot.dutch.format import MONTHS, format_date_nl, format_day_counts_nl
from bot.faq.answers import Reply, role_buttons
from bot.intents import Button, Intent
from bot.roles import WERKGEVER, WERKNEMER

YES = Button("Ja", Intent.AFFIRM)
NO = Button("Nee", Intent.DENY)
SKIP = Button("Sla over", Intent.SKIP)
ALL_DEADLINES = Button("Alle termijnen", Intent.ASK_OVERVIEW)  # the full timeline, on request

ASK_SICK_DAY = (
    "Wat is de eerste ziektedag? Schrijf bijvoorbeeld ‘3 maart 2025’ of ‘sinds twee weken’. "
    "Was er eerder een ziekteperiode kort daarvoor? Noem die dan ook, bijvoorbeeld ‘van 3 "
    "januari tot 3 juli en sinds 25 juli weer’."
)
FACT_KEPT = (
    "Dat onthoud ik. Om de datums voor jouw situatie uit te rekenen, heb ik nog één ding nodig."
)
NO_DATE_FOUND = (
    "Ik kon in je bericht geen datum vinden. Noem de eerste ziektedag, bijvoorbeeld "
    "‘3 maart 2025’. Wil je iets anders vragen? Dat mag ook."
)
NO_DATE_IN_ANSWER = (
    "Ik kon in je antwoord geen datum vinden. Noem een datum, bijvoorbeeld ‘3 maart 2026’, "
    "of kies ‘Sla over’."
)
WHICH_DATE = "Op welke datum was dat? Schrijf bijvoorbeeld ‘3 maart 2026’."
CONFIRM_AGAIN = "Klopt de datum die ik noemde? Kies ‘Ja’ of ‘Nee’, of typ de juiste datum."
ASK_CORRECT_DATE = "Wat is dan de juiste eerste ziektedag? Schrijf bijvoorbeeld ‘5 maart 2025’."
RESTARTED = (
    "Ik ben de gegevens van de vorige situatie vergeten. Over welke situatie gaat het nu? "
    "Noem de eerste ziektedag, bijvoorbeeld ‘3 maart 2025’."
)
NO_SICK_DAY_NO_DATES = (
    "Zonder eerste ziektedag kan ik geen datums voor je uitrekenen. Je kunt me wel algemene "
    "vragen stellen, bijvoorbeeld ‘wat is spoor 2?’."
)
HINT_GIVE_SICK_DAY = (
    "Wil je de datum voor jouw situatie weten? Noem de eerste ziektedag, bijvoorbeeld "
    "‘sinds 3 maart 2025’, dan reken ik het uit."
)
_FOLLOW_UP_QUESTIONS = {
    AWAIT_EJE: (
        "Is de eerstejaarsevaluatie al geweest? Zo ja, op welke datum? Staat hij gepland? Noem "
        "dan die datum. Dan reken ik de uiterste startdatum van spoor 2 precies uit.",
        Button("Nog niet geweest", Intent.DENY),
    ),
    AWAIT_SPOOR2: (
        "Is spoor 2 al gestart? Zo ja, op welke datum? Staat de start gepland? Noem dan die datum.",
        Button("Nee, nog niet", Intent.DENY),
    ),
    AWAIT_GEEN_TERUGKEER: (
        "Heeft een arbeidsdeskundige al vastgesteld dat terugkeer in de eigen organisatie niet "
        "lukt? Zo ja, op welke datum was dat?",
        Button("Nee", Intent.DENY),
    ),
}
ROLE_FOR_ADVICE = (
    "Ben je zelf ziek (werknemer), of vraag je dit als werkgever of HR? Dan stem ik het advies "
    "daarop af."
)

# Role tips: {wia} is the sentence about the WIA-aanvraag, left out when that step lapses
# (after the AOW age, spec section 7).
_ROLE_TIPS = {
    WERKNEMER: (
        "De meeste stappen zet je werkgever, en jij werkt eraan mee (art. 7:660a BW).{wia} "
        "Twijfel je of je werkgever de stappen op tijd zet? Vraag het je werkgever of "
        "casemanager. Bij onenigheid kun je bij UWV een deskundigenoordeel aanvragen."
    ),
    WERKGEVER: (
        "Als werkgever bewaak jij deze termijnen. Leg elke stap vast in het "
        "re-integratiedossier: UWV kijkt daar later naar.{wia}"
    ),
}
_ROLE_TIPS_WIA = {
    WERKNEMER: (
        " Eén stap is van jou zelf: de WIA-aanvraag doe je zelf bij UWV, uiterlijk in week "
        "{week_wia_aanvraag} (art. 64 WIA). UWV stuurt je daarover rond week {week_wia_brief} "
        "een brief."
    ),
    WERKGEVER: (
        " De WIA-aanvraag doet je werknemer zelf (art. 64 WIA); jij zorgt voor het "
        "re-integratieverslag dat erbij hoort (art. 25 WIA)."
    ),
}


def follow_up_question(awaiting: str) -> Reply:
    if awaiting in _FOLLOW_UP_QUESTIONS:
        text, no_button = _FOLLOW_UP_QUESTIONS[awaiting]
        return {"text": text, "buttons": [no_button, SKIP]}
    return {"text": ROLE_FOR_ADVICE, "buttons": role_buttons()}


def with_skip(text: str) -> Reply:
    return {"text": text, "buttons": [SKIP]}


def periods_sentence(periods: tuple[Period, ...]) -> str:
    """ "Je eerste ziektedag is maandag 3 maart 2025" or the periods that add up."""
    if len(periods) == 1 and periods[0].end is None:
        return f"Je eerste ziektedag is {format_date_nl(periods[0].start)}"
    parts = [
        f"van {format_date_nl(p.start)} tot en met {format_date_nl(p.end)}"
        if p.end is not None
        else f"vanaf {format_date_nl(p.start)}"
        for p in periods
    ]
    return "Je was ziek " + ", en ".join(parts)


def gap_lines(periods: tuple[Period, ...]) -> list[str]:
    """Whether the periods add up, with the days between them ("Periodes opgeteld: 24
    dagen onderbreking, minder dan vier weken.")."""
    ordered = sorted(periods, key=lambda p: p.start)
    gaps = [
        (gap_days(SickPeriod(a.start, a.end), SickPeriod(b.start, b.end)), b.start)
        for a, b in itertools.pairwise(ordered)
        if a.end is not None
    ]
    max_gap = fact("days_samentellen_max_gap")
    lines = []
    adding = [days for days, _ in gaps if days <= max_gap]
    if adding:
        lines.append(
            f"Periodes opgeteld: {format_day_counts_nl(adding)} onderbreking, "
            "minder dan vier weken. "
            "Alleen de ziektedagen tellen mee."
        )
    for days, start in gaps:
        if days > max_gap:
            lines.append(
                f"Niet opgeteld: {days} dagen onderbreking, vier weken of meer. De termijnen "
                f"tellen opnieuw vanaf {format_date_nl(start)}."
            )
    return lines


def confirm_reply(periods: tuple[Period, ...], notes: list[str] | None = None) -> Reply:
    """ "Je eerste ziektedag is …, klopt dat?"; notes (an assumed day) and whether the
    periods add up come between the dates and the question."""
    gaps = "".join(f" {line}" for line in [*gap_lines(periods), *(notes or [])])
    if gaps:
        return {"text": f"{periods_sentence(periods)}.{gaps} Klopt dat?", "buttons": [YES, NO]}
    return {"text": f"{periods_sentence(periods)}, klopt dat?", "buttons": [YES, NO]}


def used_dates_line(periods: tuple[Period, ...]) -> str:
    gaps = "".join(f" {line}" for line in gap_lines(periods))
    return (
        f"{periods_sentence(periods)}: daar reken ik mee.{gaps} Klopt dat niet? Typ de juiste "
        "datum."
    )


def assumed_line(days: list[date]) -> str:
    """An approximate day ("begin maart", "rond de 15e") taken as one day, said plainly."""
    named = " en ".join(f"{d.day} {MONTHS[d.month - 1]} {d.year}" for d in sorted(set(days)))
    return (
        f"Je noemde geen precieze dag, dus ik reken met {named}; een paar dagen verschil "
        "schuift alles even veel op. Weet je de precieze datum? Typ die dan."
    )


# "Wat bedoel je?" after a question of ours: the same question in other words.
_EXPLAINED = {
    AWAIT_SICK_DAY: (
        "Ik wil weten op welke dag de ziekte begon: de eerste dag dat je (of je werknemer) door "
        "ziekte niet kon werken. Met die datum reken ik alle termijnen uit. Welke dag was "
        "dat? Typ bijvoorbeeld ‘3 maart 2025’."
    ),
    AWAIT_CONFIRM: (
        "Ik wil zeker weten dat ik met de goede datum reken. Was dat echt de eerste dag dat je "
        "ziek was? Kies ‘Ja’ als het klopt. Klopt het niet? Kies ‘Nee’ of typ de goede datum."
    ),
    AWAIT_ROLE: (
        "Ik vroeg wie je bent. Ben je zelf ziek? Dan ben je werknemer. Ben je leidinggevende, "
        "HR of eigenaar? Dan ben je werkgever. Zij hebben elk andere taken, dus het advies "
        "verschilt."
    ),
    AWAIT_EJE: (
        "De eerstejaarsevaluatie is het gesprek aan het eind van het eerste ziektejaar. "
        "Werkgever en werknemer kijken dan terug en maken een plan voor het tweede jaar. De "
        "datum van dat gesprek bepaalt wanneer spoor 2 uiterlijk moet starten. Is het gesprek "
        "al geweest, of staat het gepland? Typ dan de datum. Nog niet? Kies ‘Nog niet geweest’."
    ),
    AWAIT_SPOOR2: (
        "Spoor 2 betekent: werk zoeken bij een andere werkgever, omdat terugkeer in het eigen "
        "werk niet lukt. Met de startdatum kan ik zeggen of het op tijd is. Is spoor 2 al "
        "begonnen? Typ dan de datum. Nog niet? Kies ‘Nee, nog niet’."
    ),
    AWAIT_GEEN_TERUGKEER: (
        "Een arbeidsdeskundige onderzoekt of terugkeer in het eigen werk of ander werk bij "
        "dezelfde werkgever kan. Zegt die dat het niet lukt, dan moet spoor 2 direct starten. "
        "Heeft de arbeidsdeskundige dat al gezegd? Typ dan de datum. Nog niet? Kies ‘Nee’."
    ),
}


def explained_question(
    awaiting: str, step: str | None, candidate: tuple[Period, ...] = ()
) -> Reply:
    """The open question again, in other words, with the same buttons; "klopt dat?" names
    the dates it is about (candidate) again."""
    if awaiting == AWAIT_STEP_DONE and step in milestone_texts():
        label = milestone_texts()[step].label
        text = (
            f"Ik vroeg of deze stap al is gezet: {label}. Is dat gebeurd? Dan hoeft er niets "
            "hersteld te worden. Nog niet? Dan zeg ik wat er nu moet gebeuren, en door wie."
        )
        return {"text": text, "buttons": [YES, NO]}
    if awaiting in _FOLLOW_UP_QUESTIONS:
        return {**follow_up_question(awaiting), "text": _EXPLAINED[awaiting]}
    if awaiting == AWAIT_ROLE:
        return {"text": _EXPLAINED[AWAIT_ROLE], "buttons": role_buttons()}
    if awaiting == AWAIT_CONFIRM:
        about = f" {periods_sentence(candidate)}: klopt dat?" if candidate else ""
        return {"text": _EXPLAINED[AWAIT_CONFIRM] + about, "buttons": [YES, NO]}
    return {"text": _EXPLAINED[AWAIT_SICK_DAY]}


CORRECTION_UNCLEAR = (
    "Welke datum bedoel je precies? Noem de hele datum, bijvoorbeeld ‘5 maart 2025’."
)
CORRECTION_IN_FUTURE = (
    "Die datum ligt in de toekomst. Noem de eerste ziektedag: vandaag of eerder, met het jaar "
    "erbij, bijvoorbeeld ‘5 maart 2025’."
)


# The sources of what the tips say (knowledge/sources.yml), without and with the WIA sentence.
_ROLE_TIP_SOURCES = {WERKNEMER: ("bw_7_660a",), WERKGEVER: ()}
_ROLE_TIP_WIA_SOURCES = {WERKNEMER: ("wia_64",), WERKGEVER: ("wia_64", "wia_25")}


def role_tip_sources(role: str | None, wia_applies: bool = True) -> tuple[str, ...]:
    extra = _ROLE_TIP_WIA_SOURCES.get(role or "", ()) if wia_applies else ()
    return (*_ROLE_TIP_SOURCES.get(role or "", ()), *extra)


def role_tip(role: str | None, wia_applies: bool = True) -> str | None:
    """The tip for the role. wia_applies=False (the WIA-aanvraag lapsed at the AOW age)
    leaves out the WIA-aanvraag as a task."""
    tip = _ROLE_TIPS.get(role or "")
    if tip is None:
        return None
    wia = _ROLE_TIPS_WIA[role or ""] if wia_applies else ""
    return tip.format(
        wia=wia.format(
            week_wia_aanvraag=fact("week_wia_aanvraag"), week_wia_brief=fact("week_wia_brief")
        )
    )


# --- was a passed step done? (issue 19, point 3) ------------------------------------------

STEP_WHY = "Dan pas ik het advies daarop aan."
STEP_AGAIN = "Kies ‘Ja’ of ‘Nee’. Weet je het niet? Dan kun je ook gewoon verder vragen."


def step_done_question(milestone_id: str, again: bool = False) -> Reply:
    """ "Is de WIA-aanvraag al ingediend bij UWV?" with Ja/Nee buttons (knowledge/
    milestones.yml, `done_question`)."""
    question = milestone_texts()[milestone_id].done_question or ""
    text = f"{question} {STEP_AGAIN if again else STEP_WHY}"
    return {"text": text, "buttons": [YES, NO]}


def noted_step(milestone_id: str, done: bool) -> str:
    """ "Genoteerd: WIA-aanvraag met re-integratieverslag: ingediend." """
    text = milestone_texts()[milestone_id]
    return f"Genoteerd: {text.label}: {'' if done else 'nog niet '}{text.done}."


def noted_date(milestone_id: str, day: date) -> str:
    text = milestone_texts()[milestone_id]
    return f"Genoteerd: {text.label}: {text.done} op {format_date_nl(day)}."

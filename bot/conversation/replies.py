"""The Dutch texts of the personal-deadline conversation (questions, confirmations, tips)."""

from __future__ import annotations

from datetime import date

from bot.conversation.state import AWAIT_EJE, AWAIT_GEEN_TERUGKEER, AWAIT_SPOOR2
from bot.deadlines.rules import fact, milestone_texts
from bot.dutch_dates import Period
from bot.dutch_format import format_date_nl
from bot.faq_answers import Reply, role_buttons
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


def confirm_reply(periods: tuple[Period, ...]) -> Reply:
    return {"text": f"{periods_sentence(periods)}, klopt dat?", "buttons": [YES, NO]}


def used_dates_line(periods: tuple[Period, ...]) -> str:
    return f"{periods_sentence(periods)}: daar reken ik mee. Klopt dat niet? Typ de juiste datum."


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

"""Which personal date a question asks for: "wanneer moet de probleemanalyse klaar zijn?"
asks for the milestone `probleemanalyse`; "is spoor 2 te laat?" for the spoor 2 check.

Plain keyword rules on the lower-cased text: the milestone names are few and fixed, and a
rule is easier to check than a trained guess when a date is at stake.
"""

from __future__ import annotations

import re

from bot.conversation.personal_answers import NOW
from bot.dutch.text_match import first_match, flatten

__all__ = ["NOW", "OVERVIEW", "SPOOR2_CHECK", "asks_for_a_date", "asks_what_now", "requested_focus"]

OVERVIEW = "overzicht"
SPOOR2_CHECK = "spoor2"

_SPOOR2 = r"spoor\s*(2|twee|ii)\b"
# "betalen we door", "betaalt mijn werkgever dan nog door"
_PAY = r"(\bloon|doorbetal|salaris|\bbeta+l\w*( \w+){0,4} door\b)"
# "moet er nog een spoor 2 komen?": whether this case needs spoor 2 (the spoor 2 check).
_SPOOR2_NEEDED = rf"\bmoet(en)? er (nog |wel |ook |dan )*(een )?{_SPOOR2}( \w+)? komen\b"
_RULES: tuple[tuple[str, re.Pattern[str]], ...] = (
    # First: "de 42e-weeksmelding was te laat, tot wanneer moeten we doorbetalen?" asks for the
    # end of pay, whatever else the question names.
    (
        "einde_loondoorbetaling",
        re.compile(
            rf"(tot wanneer|hoe ?lang (nog )?|wanneer (stopt|eindigt|houdt)|einde van)"
            rf"[^.?!]*{_PAY}|{_PAY}[^.?!]*(tot wanneer|hoe ?lang|stopt|eindigt|ophoudt)|"
            # "hoe lang moeten we haar nog betalen?" (not "… dat bureau betalen?")
            r"\bhoe ?lang (moet|moeten) (ik|we|wij) (haar |hem )?(nog )?betalen\s*([?.!]|$)"
        ),
    ),
    (
        SPOOR2_CHECK,
        re.compile(
            rf"{_SPOOR2}.*\b(te laat|op tijd|achter|laat|achterstallig|verlopen|gemist)\b|"
            rf"{_SPOOR2_NEEDED}|"
            rf"\b(te laat|op tijd)\b.*{_SPOOR2}"
        ),
    ),
    ("spoor2_uiterlijk", re.compile(_SPOOR2)),
    ("probleemanalyse", re.compile(r"probleem\s*analyse")),
    ("plan_van_aanpak", re.compile(r"plan van aanpak|\bpva\b|plan-van-aanpak")),
    # "de 42e-weeksmelding", "ziekmelding bij uwv", "wanneer moet ik haar ziek melden bij het
    # uwv?", "wanneer moet ik het uwv inlichten?"
    (
        "melding_uwv_42",
        re.compile(
            r"\b42\s*(e|ste)?\b|42e|ziek\s*melding (bij |aan |naar )?(het )?uwv|"
            r"^(?!.*\bwia\b).*\buwv\b[^.?!]*\b(inlichten|informeren|op de hoogte)\b|"
            r"(?<!beter )(?<!hersteld )\b(ziek\s*)?meld(en|ing)? (bij|aan) (het )?uwv\b|"
            r"\buwv\b[^.?!]*(?<!beter )(?<!hersteld )\b(ziek\s*)?melden\b"
        ),
    ),
    ("eerstejaarsevaluatie", re.compile(r"eerste\s*-?\s*jaars|evaluatie (van|na) het eerste jaar")),
    ("eindevaluatie", re.compile(r"eind\s*-?\s*evaluatie")),
    # Before the WIA rules: "de WIA-aanvraag was te laat, tot wanneer betalen we door?"
    ("einde_loondoorbetaling", re.compile(r"\bloon|doorbetal|salaris")),
    ("wia_ingang", re.compile(r"\bwia\b.*\b(ingaan|ingang|in gaan|krijg|uitkering)\b")),
    ("wia_aanvraag", re.compile(r"\bwia\b")),
    ("bijstelling_evaluatie", re.compile(r"voortgangsgesprek|bijstell")),
)
_OVERVIEW = re.compile(
    r"wat moet(en)? (ik|we|wij) wanneer|overzicht|termijnen|tijdlijn|planning|alle (data|datums)|"
    r"wat komt er|reken .* uit|bereken"
)
# "Wat moet ik nu doen?": what to do now, for this case. A time word ("nu", "vandaag", "deze
# week") or "volgende stap" makes it one; the bare "wat moet ik doen?" only when it is the
# whole question or follows the sick days ("sinds 3 maart ziek, wat moet ik doen?"), because
# "mijn werknemer werkt niet mee, wat kan ik doen?" is a FAQ question. Either way it ends the
# clause: "wat moet ik nu doen als …" is a FAQ question too.
_WHO = (
    r"(ik|we|wij|je|jij|mijn werkgever|de werkgever|hr)"
    r"( als (werkgever|werknemer|hr|leidinggevende))?"
)
_TIME = (
    r"(nu|vandaag|direct|meteen|deze week|komende week|volgende week|deze maand|"
    r"de komende (dagen|weken|twee weken|2 weken)|op dit moment|eerst|als eerste)"
)
# "wat moet ik nu allemaal doen?": a filler word may come before the verb.
_DO = r"((allemaal|precies|eigenlijk|nog) )?(doen|regelen|ondernemen|oppakken)"
_END = r"\s*([?.!,;]|$)"
_NOW_TIMED = re.compile(
    rf"\bwat (moet|moeten|kan|kunnen|ga|gaan|zou|zouden) {_WHO}( nu)? {_TIME}( het (beste|eerst))? "
    rf"{_DO}( nu| {_TIME})?{_END}|"
    rf"\bwat (moet|moeten) er {_TIME} (gebeuren|gedaan worden|geregeld worden){_END}|"
    rf"\bwat (is|zijn) (nu |dan )?(de|mijn|onze) volgende stap(pen)?\b|"
    rf"\bwat staat er {_TIME} (op de planning|op de agenda|te doen)\b|"
    rf"^(en |dus |oke |oké |ok |ja |nou )?wat nu{_END}"
)
_NOW_BARE = re.compile(rf"\bwat (moet|moeten|kan|kunnen) {_WHO}( het beste)? {_DO}( nu)?{_END}")
_LEAD_IN = re.compile(
    r"^[\s,.!?]*((en|dus|oke|oké|ok|ja|nou|goed|prima|top|dank je|bedankt)\b[\s,.!?]*)*$"
)
_SICK_DAYS = re.compile(
    r"\bsinds|vanaf|\d|januari|februari|maart|april|mei|juni|juli|augustus|"
    r"september|oktober|november|december|gisteren|vorige week"
)


def asks_what_now(text: str) -> bool:
    """ "wat moet ik nu doen?", "wat moeten we deze week regelen?", "wat is de volgende
    stap?": what to do now in this case."""
    flat = flatten(text)
    if _NOW_TIMED.search(flat):
        return True
    bare = _NOW_BARE.search(flat)
    if bare is None:
        return False
    before = flat[: bare.start()]
    return bool(_LEAD_IN.match(before) or _SICK_DAYS.search(before))


# Words that make a question about a date rather than about what something is.
_WHEN = re.compile(
    r"\bwanneer\b|\buiterlijk\b|\bdeadline|\bdatum\b|\bwelke dag\b|\bop tijd\b|\bte laat\b|"
    r"\bhoe ?lang nog\b|"
    r"\b(hoe ?lang|hoeveel (weken|maanden|dagen))\b.*"
    r"\b(krijg\w*|betal\w*|betaal\w*|doorbetal\w*|salaris|loon)\b|"
    r"\bklaar zijn\b|\bkrijg (ik|je|hij|ze|zij)\b[^.?!]*\b(loon|salaris)\b|"
    rf"{_SPOOR2_NEEDED}|"
    r"\bmoet(en)? .* (starten|beginnen|klaar)\b|^en\b|"
    r"\bmijn\b.*\b(loon|termijn)|\bwe\b.*\bdoorbetalen\b"
)


def requested_focus(text: str) -> str | None:
    """A milestone id, SPOOR2_CHECK, NOW or OVERVIEW; None when the text names none. "Wat
    moet ik nu doen?" is NOW even when it names a step ("wat moet ik nu doen met de
    WIA-aanvraag?" is rare; "de WIA-aanvraag is te laat, wat moet ik nu doen?" asks for the
    next steps)."""
    if asks_what_now(text):
        return NOW
    return first_match(text, _RULES) or first_match(text, ((OVERVIEW, _OVERVIEW),))


def asks_for_a_date(text: str) -> bool:
    """ "wanneer moet …", "is … te laat", "en de eerstejaarsevaluatie?", "wat moet ik nu
    doen?": a personal date or task, as opposed to "wat is de eerstejaarsevaluatie?"."""
    flat = flatten(text)
    return bool(_WHEN.search(flat) or _OVERVIEW.search(flat) or asks_what_now(text))

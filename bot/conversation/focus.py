"""Which personal date a question asks for: "wanneer moet de probleemanalyse klaar zijn?"
asks for the milestone `probleemanalyse`; "is spoor 2 te laat?" for the spoor 2 check.

Plain keyword rules on the lower-cased text: the milestone names are few and fixed, and a
rule is easier to check than a trained guess when a date is at stake.
"""

from __future__ import annotations

import re

from bot.text_match import first_match, flatten

OVERVIEW = "overzicht"
SPOOR2_CHECK = "spoor2"

_SPOOR2 = r"spoor\s*(2|twee|ii)\b"
_PAY = r"(\bloon|doorbetal|salaris|\bbetal\w* (we |wij |ze |jullie |ik )?door\b)"
_RULES: tuple[tuple[str, re.Pattern[str]], ...] = (
    # First: "de 42e-weeksmelding was te laat, tot wanneer moeten we doorbetalen?" asks for the
    # end of pay, whatever else the question names.
    (
        "einde_loondoorbetaling",
        re.compile(
            rf"(tot wanneer|hoe lang (nog )?|wanneer (stopt|eindigt|houdt)|einde van)[^.?!]*{_PAY}|"
            rf"{_PAY}[^.?!]*(tot wanneer|hoe lang|stopt|eindigt|ophoudt)"
        ),
    ),
    (
        SPOOR2_CHECK,
        re.compile(
            rf"{_SPOOR2}.*\b(te laat|op tijd|achter|laat|achterstallig|verlopen|gemist)\b|"
            rf"\b(te laat|op tijd)\b.*{_SPOOR2}"
        ),
    ),
    ("spoor2_uiterlijk", re.compile(_SPOOR2)),
    ("probleemanalyse", re.compile(r"probleem\s*analyse")),
    ("plan_van_aanpak", re.compile(r"plan van aanpak|\bpva\b|plan-van-aanpak")),
    ("melding_uwv_42", re.compile(r"\b42\s*(e|ste)?\b|42e|ziekmelding (bij )?uwv|melden bij uwv")),
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
    r"wat (moet|kan) (ik|we|wij) (nu )?doen|wat (is|zijn) de volgende stap|wat komt er|"
    r"reken .* uit|bereken"
)
# Words that make a question about a date rather than about what something is.
_WHEN = re.compile(
    r"\bwanneer\b|\buiterlijk\b|\bdeadline|\bdatum\b|\bwelke dag\b|\bop tijd\b|\bte laat\b|"
    r"\bhoe lang nog\b|\bhoe lang\b.*\b(krijg|betaal|betalen|doorbetalen)\b|\bklaar zijn\b|"
    r"\bmoet(en)? .* (starten|beginnen|klaar)\b|^en\b|"
    r"\bmijn\b.*\b(loon|termijn)|\bwe\b.*\bdoorbetalen\b"
)


def requested_focus(text: str) -> str | None:
    """A milestone id, SPOOR2_CHECK or OVERVIEW; None when the text names none."""
    return first_match(text, _RULES) or first_match(text, ((OVERVIEW, _OVERVIEW),))


def asks_for_a_date(text: str) -> bool:
    """ "wanneer moet …", "is … te laat", "en de eerstejaarsevaluatie?": a personal date,
    as opposed to "wat is de eerstejaarsevaluatie?"."""
    flat = flatten(text)
    return bool(_WHEN.search(flat) or _OVERVIEW.search(flat))

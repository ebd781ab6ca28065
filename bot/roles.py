"""Who is asking: the sick employee or the employer (HR, manager)?

Answers differ by role for some questions. The role is read from what the user says
("ik ben ziek", "mijn werknemer", "ik werk bij HR"); when unknown and it matters, the
assistant asks.
"""

from __future__ import annotations

import re

from bot.dutch.text_match import first_match

WERKNEMER = "werknemer"
WERKGEVER = "werkgever"

# Checked in this order: "mijn werkgever" means the speaker is the employee, so the phrases
# that name the other party come first.
_PATTERNS: tuple[tuple[str, re.Pattern[str]], ...] = (
    (WERKNEMER, re.compile(r"\bmijn (werkgever|baas|leidinggevende|manager|chef)\b")),
    (
        WERKGEVER,
        re.compile(
            r"\b(mijn|onze|ons|een) (zieke )?(werknemers?|medewerkers?|personeelslid|"
            r"personeel|collega die ziek)\b|\bik (ben|werk) (bij |op |de |een )?"
            r"(hr|p&o|personeelszaken|werkgever|leidinggevende|manager|casemanager)\b|"
            r"\b(als|ben) (de |een )?(werkgever|hr|hr-adviseur|leidinggevende|casemanager)\b|"
            r"\bhr[- ]adviseur\b|\bwerkgever\b$"
        ),
    ),
    (
        WERKNEMER,
        re.compile(
            r"\bik ben (zelf |nu |al |langdurig |sinds .{1,30} )?ziek\b|"
            r"\b(als|ben) (de |een )?(zieke )?(werknemer|medewerker)\b|"
            r"\bik ben (de |een )?(zieke )?(werknemer|medewerker)\b|^(werknemer|zieke werknemer)$"
        ),
    ),
)


def detect_role(text: str) -> str | None:
    """werknemer, werkgever, or None when the text does not say."""
    return first_match(text, _PATTERNS)

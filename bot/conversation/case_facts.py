"""Facts about the case that users mention in passing: a loonsanctie of 12 weeks, the date of
the eerstejaarsevaluatie, when spoor 2 started, a late WIA-aanvraag, a pregnancy."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from bot.conversation.sick_days import read_date
from bot.deadlines.rules import fact
from bot.dutch_dates import DateFound, extract_weeks
from bot.text_match import flatten

# A date in the same message as one of these (and no words about falling ill) is the date
# of that event, not a first sick day.
_DATED_EVENTS: tuple[tuple[str, re.Pattern[str]], ...] = (
    (
        "eerstejaarsevaluatie_date",
        re.compile(
            r"eerste\s*-?\s*jaars\s*-?\s*evaluatie.*\b(was|is|op|gehouden|geweest|gedaan)\b"
        ),
    ),
    (
        "spoor2_start_date",
        re.compile(r"spoor\s*(2|twee)\b.*\b(gestart|begonnen|gestart op|loopt sinds|sinds)\b"),
    ),
    ("wia_aanvraag_date", re.compile(r"\bwia\b.*\b(aangevraagd|ingediend|verstuurd)\b")),
    (
        "geen_terugkeer_date",
        re.compile(
            r"arbeidsdeskundig.*\b(vastgesteld|geconcludeerd|gezegd|concludeerde|conclusie)\b"
        ),
    ),
)
_FALLING_ILL = re.compile(r"\bziek\b|ziektedag|ziek ?gemeld|ziekmelding|\bziekte\b")
_LOONSANCTIE = re.compile(r"loonsanctie|sanctie")
_PREGNANCY = re.compile(r"zwanger|bevalling|bevallen")


@dataclass(frozen=True)
class MentionedFacts:
    facts: dict[str, Any] = field(default_factory=dict)
    date_used: bool = False  # the message's date belongs to an event, not to the sickness
    pregnancy: bool = False


def mentioned_facts(text: str, today: date) -> MentionedFacts:
    lowered = flatten(text)
    facts: dict[str, Any] = {}
    date_used = False
    if _LOONSANCTIE.search(lowered):
        weeks = extract_weeks(text, "loonsanctie") or extract_weeks(text, "sanctie")
        if weeks is not None and 1 <= weeks <= fact("weeks_loonsanctie_max"):
            facts["loonsanctie_weeks"] = weeks
    if not _FALLING_ILL.search(lowered):
        for name, pattern in _DATED_EVENTS:
            if pattern.search(lowered):
                found = read_date(text, today)
                if isinstance(found, DateFound):
                    facts[name] = found.value.isoformat()
                    date_used = True
                break
    return MentionedFacts(facts, date_used, bool(_PREGNANCY.search(lowered)))

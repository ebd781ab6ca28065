"""Facts about the case that users mention in passing: a loonsanctie of 12 weeks, the date of
the eerstejaarsevaluatie (held or planned), when spoor 2 started or will start, a late or
planned WIA-aanvraag, the AOW date, the end of a temporary contract, and the special cases
of bot.conversation.special_cases (pregnancy, a temp worker, …)."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from bot.conversation.sick_days import read_date, read_sick_periods
from bot.conversation.special_cases import AOW_REACHED, mentioned_cases, past_aow_age
from bot.deadlines.engine import short_date_nl
from bot.deadlines.rules import fact
from bot.deadlines.validation import PLANNED_ALLOWED
from bot.dutch.dates import (
    DateFound,
    DateParse,
    DateUnclear,
    NoDate,
    extract_weeks,
    parse_date,
)
from bot.dutch.text_match import flatten

# A date in the same message as one of these (and no words about falling ill) is the date
# of that event, not a first sick day.
_DATED_EVENTS: tuple[tuple[str, re.Pattern[str]], ...] = (
    (
        "eerstejaarsevaluatie_date",
        re.compile(
            r"eerste\s*-?\s*jaars\s*-?\s*evaluatie.*"
            r"\b(was|is|op|gehouden|geweest|gedaan|gepland|plannen|ingepland)\b"
        ),
    ),
    (
        "spoor2_start_date",
        re.compile(
            r"spoor\s*(2|twee)\b.*\b(gestart|begonnen|gestart op|loopt sinds|sinds|gepland|"
            r"start op|begint op|start per|begint per|van start)\b"
        ),
    ),
    (
        "probleemanalyse_date",
        re.compile(
            r"probleem\s*-?\s*analyse.*\b(gemaakt|gedaan|gehouden|gepland|ingepland|was op|"
            r"is op|staat op)\b"
        ),
    ),
    (
        "wia_aanvraag_date",
        re.compile(r"\bwia\b.*\b(aangevraagd|ingediend|verstuurd|gepland|indienen op|in op)\b"),
    ),
    (
        "geen_terugkeer_date",
        re.compile(
            r"arbeidsdeskundig.*\b(vastgesteld|geconcludeerd|gezegd|concludeerde|conclusie)\b"
        ),
    ),
    ("aow_date", re.compile(r"\baow|pensioen ?(gerechtigde )?leeftijd")),
)
# Words that make a date a planned one: read the next occurrence of "15 januari", not the last.
_PLANNED = re.compile(
    r"\b(gepland|ingepland|plannen|staat op|komt|komende|volgende|wordt|worden|zal|zullen|"
    r"gaat|gaan|start op|begint op|a\.?s\.?|aanstaande|straks|binnenkort)\b"
)
_FALLING_ILL = re.compile(r"\bziek\b|ziektedag|ziek ?gemeld|ziekmelding|\bziekte\b")
_LOONSANCTIE = re.compile(r"loonsanctie|sanctie")
_DAY = r"(?P<date>\d{1,2}(-|/|\s+)(\d{1,2}|[a-z]+\.?)((-|/|\s+)\d{2,4})?)"
_AOW = r"(aow|pensioen\s?(gerechtigde\s)?leeftijd|staatspensioen)"
# Future dates of other things, said beside the sick days: read them as those facts, and
# blank them out before the sick days are read ("contract tot 1 maart 2027, sinds 3 juni ziek").
_OTHER_DATES: tuple[tuple[str, re.Pattern[str]], ...] = (
    (
        "contract_end",
        re.compile(
            # "mijn contract is tijdelijk, tot 1 maart", "een tijdelijk contract, dat loopt af op"
            r"\b(contract|dienstverband|aanstelling)\b[^.?!;]{0,40}?\b(tot en met|tot|t/m|"
            rf"loopt af op|eindigt op|afloopt op|stopt op|loopt af per|eindigt per)\s+{_DAY}",
            re.IGNORECASE,
        ),
    ),
    (
        "aow_date",
        re.compile(
            rf"\b{_AOW}[^.?!,;]*?\b(op|per|vanaf|is|:)\s+{_DAY}|"
            rf"\b(op|per|vanaf)\s+{_DAY.replace('date', 'date2')}[^.?!,;]*?\b{_AOW}",
            re.IGNORECASE,
        ),
    ),
)


# Steps said done or not done without a date: "spoor 2 is nog niet gestart", "de
# WIA-aanvraag is al ingediend". The step name and the verb in one clause, no question.
_STEP_NAMES: tuple[tuple[str, str], ...] = (
    ("spoor2_uiterlijk", r"spoor\s*(2|twee)\b"),
    ("wia_aanvraag", r"\bwia(-| )?aanvraag|\bwia\b"),
    ("melding_uwv_42", r"\b42\s*(e|ste)?[- ]?weeks?[- ]?melding|ziekmelding bij (het )?uwv"),
    ("plan_van_aanpak", r"plan van aanpak|\bpva\b"),
    ("probleemanalyse", r"probleem\s*-?\s*analyse"),
    ("eerstejaarsevaluatie", r"eerste\s*-?\s*jaars\s*-?\s*evaluatie"),
    ("eindevaluatie", r"eind\s*-?\s*evaluatie"),
)
_STEP_VERBS = (
    r"(gestart|begonnen|ingediend|aangevraagd|gedaan|gemaakt|gehouden|gemeld|verstuurd|"
    r"opgesteld|geweest|klaar|afgerond|gehad)"
)
_NOT_YET = re.compile(
    rf"\b(nog niet|niet|nooit|nog geen|geen)\b[^.?!,;]*\b{_STEP_VERBS}\b|"
    r"\b(is|zijn) er (nog )?niet\b|\ber is (nog )?geen\b"
)
_DONE = re.compile(rf"\b(is|zijn|was|waren|hebben|heb|heeft|hadden)\b[^.?!,;]*\b{_STEP_VERBS}\b")


def said_steps(text: str) -> dict[str, bool]:
    """Steps the text says are done (True) or not done yet (False), without a date. A
    question ("is spoor 2 al gestart?") says nothing. Steps named together share the verb
    that follows them: "de probleemanalyse en het plan van aanpak zijn gedaan"."""
    found: dict[str, bool] = {}
    waiting: list[str] = []  # steps named without a verb, waiting for the clause that has one
    before = ""  # their clauses: "we hebben de probleemanalyse" + "het plan van aanpak gedaan"
    flat = re.sub(r"\bzowel (.+?) als ", r"\1 en ", flatten(text))  # "zowel X als Y": X en Y
    for clause in re.split(r"(?<=[.!;,])\s+|\s+(?:en|maar)\s+", flat):
        if "?" in clause:
            waiting, before = [], ""
            continue
        step = next((s for s, name in _STEP_NAMES if re.search(name, clause)), None)
        verdict = _clause_verdict(f"{before} {clause}" if waiting else clause)
        named = [*waiting, *([step] if step is not None else [])]
        if verdict is None:
            waiting, before = (named, f"{before} {clause}") if step is not None else ([], "")
            continue
        found.update(dict.fromkeys(named, verdict))
        waiting, before = [], ""
    return found


# "hij heeft hem 20 november alsnog verstuurd": a done-verb without a step name refers back
# to the step the user said was not done yet.
_REFERRED_DONE = re.compile(
    rf"\b(hem|het|die|deze|dat|alsnog|inmiddels|toch)\b[^.?!]*\b{_STEP_VERBS}\b|"
    rf"\b{_STEP_VERBS}\b[^.?!]*\b(alsnog|inmiddels)\b"
)


def _clause_verdict(clause: str) -> bool | None:
    """Done (True), not done (False), or nothing said (None) in one clause."""
    if _NOT_YET.search(clause):
        return False
    if _DONE.search(clause) and "te laat" not in clause:
        return True
    return None


@dataclass(frozen=True)
class MentionedFacts:
    facts: dict[str, Any] = field(default_factory=dict)
    date_used: bool = False  # the message's date belongs to an event, not to the sickness
    cases: tuple[str, ...] = ()  # special cases (bot.conversation.special_cases) mentioned
    sick_text: str = ""  # the text to read sick days from (contract end dates blanked out)
    steps: dict[str, bool] = field(default_factory=dict)  # said done (True) or not (False)


def read_fact_date(text: str, today: date, name: str, earliest: date | None = None) -> DateParse:
    """The date of a fact. For steps that can be planned (spec 6.1) a future date is read as
    planned: with planning words ("staat gepland op 15 januari") the next occurrence counts;
    without them a past reading is kept unless it lies before the first sick day
    (``earliest``) or the text names a future day outright ("15 januari 2027")."""
    if name == "aow_date":
        return parse_date(text, today, allow_future=True)
    if name not in PLANNED_ALLOWED:
        return read_date(text, today)
    if _PLANNED.search(flatten(text)):
        return parse_date(text, today, allow_future=True)
    found = read_date(text, today)
    if isinstance(found, DateUnclear) and found.reason == "future":
        return parse_date(text, today, allow_future=True)
    if isinstance(found, DateFound) and earliest is not None and found.value < earliest:
        later = parse_date(text, today, allow_future=True)
        if isinstance(later, DateFound) and later.value >= earliest:
            return later
    return found


def other_dates(text: str, today: date) -> tuple[dict[str, date], str]:
    """Contract end and AOW date said beside the sick days, and the text without them."""
    found: dict[str, date] = {}
    for name, pattern in _OTHER_DATES:
        match = pattern.search(text)
        if match is None:
            continue
        group = "date" if match.group("date") else "date2"
        reading = parse_date(match.group(group), today, allow_future=True)
        if isinstance(reading, DateFound):
            found[name] = reading.value
        start, end = match.span()
        text = text[:start] + " " * (end - start) + text[end:]
    return found, text


def mentioned_facts(
    text: str, today: date, earliest: date | None = None, pending: str | None = None
) -> MentionedFacts:
    """earliest: the first sick day when it is known; a step of the case cannot lie before
    it, so "15 januari" is then read as the next one if the last one is too early. pending:
    the one step with a date fact the user said was not done yet; "hij heeft hem 20 november
    alsnog verstuurd" dates it."""
    lowered = flatten(text)
    facts: dict[str, Any] = {}
    date_used = False
    if _LOONSANCTIE.search(lowered):
        weeks = extract_weeks(text, "loonsanctie") or extract_weeks(text, "sanctie")
        if weeks is not None and 1 <= weeks <= fact("weeks_loonsanctie_max"):
            facts["loonsanctie_weeks"] = weeks
    others, sick_text = other_dates(text, today)
    if "contract_end" in others:
        facts["contract_end"] = others["contract_end"].isoformat()
        facts["contract_end_label"] = short_date_nl(others["contract_end"])
    if "aow_date" in others:
        facts["aow_date"] = others["aow_date"].isoformat()
    elif past_aow_age(text):  # "ik heb al aow": the engine gets an AOW date on the first sick day
        facts[AOW_REACHED] = True
    if others and isinstance(read_sick_periods(sick_text, today), NoDate):
        date_used = True  # the only date was the contract end or the AOW date
    if not _FALLING_ILL.search(lowered) and not date_used:
        found_event = dated_event(text, today, earliest) or referred_event(
            text, today, earliest, pending
        )
        if found_event is not None:
            facts[found_event[0]] = found_event[1].isoformat()
            date_used = True
    elif not date_used:
        # "sinds 20 mei ziek. De eerstejaarsevaluatie was op 12 mei": each clause without
        # words about falling ill may date an event; it is blanked before the sick days.
        for clause in _CLAUSE.finditer(sick_text):
            if _FALLING_ILL.search(flatten(clause.group())):
                continue
            found_event = dated_event(clause.group(), today, earliest)
            if found_event is not None:
                facts[found_event[0]] = found_event[1].isoformat()
                start, end = clause.span()
                sick_text = sick_text[:start] + " " * (end - start) + sick_text[end:]
    steps = {k: v for k, v in said_steps(text).items() if STEP_DATE_FACTS.get(k) not in facts}
    return MentionedFacts(facts, date_used, tuple(mentioned_cases(text)), sick_text, steps)


# A clause: up to a full stop, semicolon, question mark or exclamation mark, or a comma or
# "en" followed by the name of an event ("sinds 3 maart ziek en spoor 2 is gestart op …").
_CLAUSE = re.compile(
    r"[^.;?!]+?(?=[.;?!]|,\s*(?=de |het |spoor|wia|aow|mijn )|\s+en\s+(?=de |het |spoor|wia)|$)",
    re.IGNORECASE,
)


def dated_event(text: str, today: date, earliest: date | None) -> tuple[str, date] | None:
    """The event a text dates ("de eerstejaarsevaluatie was op 12 mei") and its date."""
    lowered = flatten(text)
    for name, pattern in _DATED_EVENTS:
        if pattern.search(lowered):
            found = read_fact_date(text, today, name, earliest)
            return (name, found.value) if isinstance(found, DateFound) else None
    return None


# The sentences of a message that do not end in a question mark.
_STATEMENTS = re.compile(r"[^.?!]+(?:[.!]+|$)")


def referred_event(
    text: str, today: date, earliest: date | None, pending: str | None
) -> tuple[str, date] | None:
    """The date of the pending step when the text says "it" was done on a day and names no
    step itself ("hij heeft hem vrijdag 20 november alsnog verstuurd")."""
    # Only a statement: "heeft hij hem al verstuurd?" asks, "ik heb hem vandaag ingediend. tot
    # wanneer krijg ik loon?" tells in its first sentence.
    told = next((c for c in _STATEMENTS.findall(text) if _REFERRED_DONE.search(flatten(c))), None)
    if pending not in STEP_DATE_FACTS or told is None:
        return None
    if any(re.search(name, flatten(told)) for _, name in _STEP_NAMES):
        return None
    name = STEP_DATE_FACTS[pending]
    found = read_fact_date(told, today, name, earliest)
    return (name, found.value) if isinstance(found, DateFound) else None


# The date fact of a step, when it has one: a date wins over "done"/"not done".
STEP_DATE_FACTS = {
    "probleemanalyse": "probleemanalyse_date",
    "eerstejaarsevaluatie": "eerstejaarsevaluatie_date",
    "spoor2_uiterlijk": "spoor2_start_date",
    "wia_aanvraag": "wia_aanvraag_date",
}

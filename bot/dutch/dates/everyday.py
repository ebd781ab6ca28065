"""Everyday wording of a date, rewritten to a plain one before it is read (issue 19, point 7).

``parse_date`` and ``extract_periods`` stay strict: "begin maart" gets a question there. In
the case conversation an approximate day is good enough when the answer says which day it
used, so ``everyday_dates`` turns

* "rond 3 maart", "3 maart of zo"            -> "3 maart"
* "begin maart", "half januari", "eind mei"  -> "1 maart", "15 januari", "28 mei"
* "rond de 15e" (after "in januari 2025")    -> "15 januari 2025" (else the last 15th)
* "14-4 dit jaar", "3-2 vorig jaar"          -> "14-4-2026", "3-2-2025"
* "28-02 dan" (a day-month on its own)       -> "28 februari"

and lists the days it assumed, so the reply can say "ik reken met 15 januari 2025; een paar
dagen verschil schuift alles even veel op".
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from bot.dutch.format import MONTHS

from .vocabulary import FULL_MONTH_WORDS, alternation

# Words that make a day approximate but still about that day ("voor 3 maart" is not).
_ROUND = r"(?:ongeveer|rond|rondom|omstreeks|circa|ca\.|pakweg|grofweg|plusminus)"
_ROUND_AFTER = r"(?:of\s*zo|ongeveer|circa|plusminus|of\s+daaromtrent)"
_PART_DAYS = {
    "begin": 1,
    "half": 15,
    "halverwege": 15,
    "midden": 15,
    "medio": 15,
    "eind": 28,
    "einde": 28,
}
_YEAR = r"(?:19|20)\d\d"


def _months() -> str:
    return alternation(FULL_MONTH_WORDS)


_DAY_MONTH = rf"\d{{1,2}}\s+(?:{_months()})\b(?:\s+{_YEAR})?"
# "rond de 15e januari": an ordinal day with a month
_ORDINAL_DAY_MONTH = rf"\d{{1,2}}(?:e|ste|de)?\s+(?:{_months()})\b(?:\s+{_YEAR})?"
_ROUND_DAY = re.compile(
    rf"\b{_ROUND}\s+(?:de\s+|op\s+)?(?P<date>{_ORDINAL_DAY_MONTH})|(?P<date2>{_DAY_MONTH})\s*,?\s*"
    rf"{_ROUND_AFTER}(?!\w)"
)
_PART = re.compile(
    rf"\b(?:(?:aan\s+)?het\s+)?(?P<part>{'|'.join(_PART_DAYS)})(?:\s+van)?\s+"
    rf"(?P<month>{_months()})\b(?P<year>\s+{_YEAR}\b)?"
)
_DAY_ONLY = re.compile(
    rf"\b(?:{_ROUND}\s+)?(?:op\s+)?de\s+(?P<day>[1-9]|[12]\d|3[01])(?:e|ste|de)\b"
    r"(?!\s*(?:van|week|weken|maand|jaar|ziekte|periode|keer))"
)
_NUMERIC_YEAR_WORD = re.compile(
    r"\b(?P<day>\d{1,2})\s*[-/]\s*(?P<month>\d{1,2})\s+(?P<which>dit|vorig)\s+jaar\b"
)
_NUMERIC_ALONE = re.compile(
    r"^\s*(?:nee\s*,?\s*|het\s+was\s+|op\s+)*(?P<day>\d{1,2})\s*[-/]\s*(?P<month>\d{1,2})"
    r"\s*(?:dan|toch|denk\s+ik)?\s*[.!]?\s*$"
)


@dataclass(frozen=True)
class Everyday:
    """The text with plain dates, and the (day, month) pairs it assumed."""

    text: str
    assumed: tuple[tuple[int, int], ...] = ()
    words: tuple[str, ...] = ()  # the user's own words for each assumed day


def _month_name(month: int) -> str:
    return MONTHS[month - 1]


def everyday_dates(text: str, today: date, month: tuple[int, int] | None = None) -> Everyday:
    """``month``: (year, month) the conversation is about ("Op welke dag in januari?"), for a
    day on its own ("rond de 15e")."""
    lowered = text.lower()
    assumed: list[tuple[int, int]] = []
    words: list[str] = []

    def round_day(match: re.Match[str]) -> str:
        plain = re.sub(r"^(\d+)(?:e|ste|de)\b", r"\1", match["date"] or match["date2"])
        day, month_word = plain.split()[:2]
        assumed.append((int(day), FULL_MONTH_WORDS[month_word]))
        words.append(match.group().strip())
        return plain

    def part(match: re.Match[str]) -> str:
        day = _PART_DAYS[match["part"]]
        assumed.append((day, FULL_MONTH_WORDS[match["month"]]))
        words.append(match.group().strip())
        return f"{day} {match['month']}{match['year'] or ''}"

    def day_only(match: re.Match[str]) -> str:
        day = int(match["day"])
        year, number = month or _last_month_with(day, today)
        words.append(match.group().strip())
        assumed.append((day, number))
        return f"op {day} {_month_name(number)} {year}"

    def year_word(match: re.Match[str]) -> str:
        year = today.year if match["which"] == "dit" else today.year - 1
        return f"{match['day']}-{match['month']}-{year}"

    def alone(match: re.Match[str]) -> str:
        number = int(match["month"])
        if not 1 <= number <= 12:
            return match.group()
        return f"{int(match['day'])} {_month_name(number)}"

    lowered = _ROUND_DAY.sub(round_day, lowered)
    lowered = _PART.sub(part, lowered)
    lowered = _NUMERIC_YEAR_WORD.sub(year_word, lowered)
    lowered = _NUMERIC_ALONE.sub(alone, lowered)
    if not re.search(rf"\b(?:{_months()})\b", lowered) or month is not None:
        lowered = _DAY_ONLY.sub(day_only, lowered)
    if lowered == text.lower():
        return Everyday(text)
    return Everyday(lowered, tuple(assumed), tuple(words))


def _last_month_with(day: int, today: date) -> tuple[int, int]:
    """The most recent month (up to today) that has this day."""
    year, number = today.year, today.month
    if day > today.day:
        year, number = (year, number - 1) if number > 1 else (year - 1, 12)
    while True:
        try:
            date(year, number, day)
            return year, number
        except ValueError:
            year, number = (year, number - 1) if number > 1 else (year - 1, 12)


def month_named(text: str, today: date) -> tuple[int, int] | None:
    """The month a text names without a day ("in januari 2025", "januari"): its year is the
    one given, else the most recent one."""
    match = re.search(rf"\b(?P<month>{_months()})\b(?:\s+(?P<year>{_YEAR}))?", text.lower())
    if match is None or re.search(rf"\d\s+{re.escape(match['month'])}", text.lower()):
        return None
    number = FULL_MONTH_WORDS[match["month"]]
    if match["year"]:
        return int(match["year"]), number
    return (today.year if number <= today.month else today.year - 1), number

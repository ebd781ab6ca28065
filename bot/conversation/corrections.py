"""Short corrections of the date just given: "nee, 2025", "2024 bedoel ik", "de 5e bedoel
ik" (issue 19, point 7). Only the year or the day is named; the rest of the date stays."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from bot.dutch.dates import Period
from bot.dutch.text_match import flatten

# Words around the year or day that carry no date: "nee, het was 2025 natuurlijk".
_FILLER = frozenset(
    {
        *("nee", "neen", "ja", "klopt", "niet", "maar", "dan", "toch", "wel", "al", "hoor"),
        *("sorry", "oeps", "oh", "o", "excuus", "foutje", "eigenlijk", "natuurlijk"),
        *("het", "is", "was", "dat", "moet", "zijn", "ik", "bedoel", "bedoelde", "bedoelen"),
        *("in", "jaar", "de", "ook"),
    }
)
_YEAR = re.compile(r"^20\d\d$")
_DAY = re.compile(r"^(?P<day>[1-9]|[12]\d|3[01])(e|de|ste)?$")


@dataclass(frozen=True)
class Correction:
    """A year or a day of the month that replaces the one just given."""

    year: int | None = None
    day: int | None = None


def read_correction(text: str) -> Correction | None:
    """The correction in a short message, or None when the message says more than that."""
    words = [w for w in re.split(r"[\s,.!?:;]+", flatten(text)) if w and w not in _FILLER]
    if len(words) != 1:
        return None
    word = words[0]
    if _YEAR.match(word):
        return Correction(year=int(word))
    day = _DAY.match(word)
    # A bare number is only a day when the text says "de 5e" or "bedoel": "5" alone is not.
    if day and (word != day["day"] or "bedoel" in flatten(text)):
        return Correction(day=int(day["day"]))
    return None


def corrected(given: tuple[Period, ...], correction: Correction) -> tuple[Period, ...] | None:
    """The periods just given with the year or the day replaced; None when that is not
    possible (a day in a text with more than one date, or a date that does not exist)."""
    try:
        if correction.year is not None:
            return _with_year(given, correction.year)
        if correction.day is not None and len(given) == 1 and given[0].end is None:
            return (Period(given[0].start.replace(day=correction.day), None),)
    except ValueError:  # 29 February in another year, 31 April
        return None
    return None


def _with_year(given: tuple[Period, ...], year: int) -> tuple[Period, ...]:
    """All dates moved by the same number of years, so that the last one falls in `year`.
    Is the last one in that year already ("sinds 20 mei 2025, daarvoor van 3 maart tot 25
    april 2024" - "dat was ook 2025"), then the periods that start in another year move."""
    last = max(max(p.start, p.end or p.start) for p in given)
    if last.year != year:
        shift = year - last.year
        return tuple(Period(_year(p.start, shift), _opt_year(p.end, shift)) for p in given)
    return tuple(
        Period(_year(p.start, year - p.start.year), _opt_year(p.end, year - p.start.year))
        for p in given
    )


def _year(day: date, shift: int) -> date:
    return day.replace(year=day.year + shift)


def _opt_year(day: date | None, shift: int) -> date | None:
    return None if day is None else _year(day, shift)

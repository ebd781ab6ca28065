"""``parse_date``: the one date a message gives, or the question to ask about it."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from . import questions
from .days import check, resolve_day_month
from .fallback import read_with_dateparser
from .mentions import find_mentions
from .model import DateFound, DateParse, DateUnclear, NoDate
from .specs import Ask, DayMonth, DayRange, Exact, Loose, Mention, Ongoing

Reading = DateFound | DateUnclear


def parse_date(text: str, today: date, *, allow_future: bool = False) -> DateParse:
    """The date in a Dutch message, e.g. "ik ben sinds 12 oktober ziek" → 12 oktober.

    Vague, impossible, future (unless ``allow_future``), pre-2002 and conflicting dates give
    a ``DateUnclear`` with a Dutch question; a message without a date gives ``NoDate``.
    """
    mentions = [
        m for m in find_mentions(text, today, allow_future) if not isinstance(m.spec, Ongoing)
    ]
    if not mentions:
        return NoDate()
    return _choose([(m, read_mention(m, today, allow_future)) for m in mentions])


def read_mention(mention: Mention, today: date, allow_future: bool) -> Reading:
    spec = mention.spec
    if isinstance(spec, Ask):
        return spec.unclear
    if isinstance(spec, Exact):
        return check(spec.value, today, allow_future, mention.text)
    if isinstance(spec, DayMonth):
        value = resolve_day_month(spec, today, allow_future, mention.text)
        if isinstance(value, DateUnclear):
            return value
        return check(value, today, allow_future, mention.text)
    if isinstance(spec, DayRange):
        return _range_question(spec, mention.text, today, allow_future)
    if isinstance(spec, Loose):
        parsed = read_with_dateparser(mention.text, today)
        if parsed is None:
            return questions.unreadable(mention.text, today)
        return check(parsed, today, allow_future, mention.text)
    return questions.which_day(mention.text, today)


def _range_question(spec: DayRange, text: str, today: date, allow_future: bool) -> DateUnclear:
    """ "3 of 4 maart" or "1 t/m 20 februari" where one date is expected: ask which."""
    last = resolve_day_month(spec.last, today, allow_future, text)
    if isinstance(last, DateUnclear):
        return last
    first = resolve_day_month(replace(spec.first, year=last.year), today, allow_future, text)
    if isinstance(first, DateUnclear):
        return first
    return questions.several([questions.short_date(first), questions.short_date(last)])


def _choose(readings: list[tuple[Mention, Reading]]) -> Reading:
    """One date is expected. Several are fine when they agree, or when exactly one of them is
    clearly the start ("sinds 3 maart ziek, gesprek op 10 april"); otherwise we ask."""
    if len(readings) == 1:
        return readings[0][1]
    strongest = max(mention.start_cue for mention, _ in readings)
    cued = [reading for reading in readings if strongest and reading[0].start_cue == strongest]
    if len(cued) == 1:
        return cued[0][1]
    pool = cued or readings
    found = [result for _, result in pool if isinstance(result, DateFound)]
    if not found:
        return pool[0][1]
    if len(found) == len(pool) and len({result.value for result in found}) == 1:
        return found[0]
    items: list[str] = []
    for mention, result in pool:
        item = (
            questions.short_date(result.value)
            if isinstance(result, DateFound)
            else f"‘{mention.text}’"
        )
        if item not in items:
            items.append(item)
    return questions.several(items)

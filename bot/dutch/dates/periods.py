"""``extract_periods``: the sick periods a sentence describes.

Only understanding the text is checked here (an end before its start, contradictory years);
the rules of the law (gaps, 4 weeks, …) are the engine's job.
"""

from __future__ import annotations

import itertools
from dataclasses import dataclass
from datetime import date

from bot.dutch.format import MONTHS

from . import patterns as pat
from . import questions
from .days import (
    EARLIEST,
    check_weekday,
    earliest_on_or_after,
    impossible_reason,
    latest_on_or_before,
    resolve_day_month,
)
from .fallback import read_with_dateparser
from .mentions import MAX_TEXT, find_mentions
from .model import DateUnclear, NoDate, Period, PeriodsFound, PeriodsParse
from .specs import Ask, DayMonth, DayRange, Exact, Loose, Mention, Ongoing, Spec
from .vocabulary import normalize

# A yearless date keeps its DayMonth until the other end of its period fixes the year.
Point = date | DayMonth


@dataclass(frozen=True, slots=True)
class _Draft:
    """A period as written: its two ends, still unresolved. ``end`` None: still ongoing."""

    start: Spec
    end: Spec | None
    text: str


@dataclass(frozen=True, slots=True)
class _Resolved:
    period: Period
    inferred_year: bool


def extract_periods(text: str, today: date) -> PeriodsParse:
    """Sick periods in a Dutch sentence, in order of their start.

    "ziek van 3 januari tot 3 juli en sinds 25 juli weer" → (3-1, 3-7), (25-7, None).
    """
    mentions = find_mentions(text, today, allow_future=False)
    if all(isinstance(m.spec, Ongoing) for m in mentions):
        return NoDate()
    drafts = _drafts(normalize(text[:MAX_TEXT]), mentions)
    if isinstance(drafts, DateUnclear):
        return drafts
    resolved: list[_Resolved] = []
    for draft in drafts:
        result = _resolve(draft, today)
        if isinstance(result, DateUnclear):
            return result
        resolved.append(result)
    return _consistent(resolved, today)


def _drafts(norm: str, mentions: list[Mention]) -> list[_Draft] | DateUnclear:
    drafts: list[_Draft] = []
    index = 0
    while index < len(mentions):
        mention = mentions[index]
        following = mentions[index + 1] if index + 1 < len(mentions) else None
        spec = mention.spec
        index += 1
        if isinstance(spec, Ongoing):
            continue
        if isinstance(spec, Ask):
            return spec.unclear
        if isinstance(spec, DayRange):
            if spec.is_choice:  # "3 of 4 maart"
                return questions.several([_day_text(spec.first), _day_text(spec.last)])
            drafts.append(_Draft(spec.first, spec.last, mention.text))
            continue
        if following is not None and _is_range(norm, mention, following):
            if isinstance(following.spec, Ask):
                return following.spec.unclear
            end = None if isinstance(following.spec, Ongoing) else following.spec
            drafts.append(_Draft(spec, end, norm[mention.start : following.end]))
            index += 1
            continue
        if _is_open(norm, mention):
            drafts.append(_Draft(spec, None, mention.text))
        elif pat.end_cue_before().search(norm[max(0, mention.start - 20) : mention.start]):
            return questions.missing_start(mention.text)
        else:
            return questions.lone_date(mention.text)
    return drafts


def _is_range(norm: str, mention: Mention, following: Mention) -> bool:
    gap = norm[mention.end : following.start]
    if isinstance(following.spec, Ongoing):
        return not gap.strip()  # "tot nu toe" carries its own "tot"
    if isinstance(following.spec, DayRange) or not pat.range_connector().match(gap):
        return False
    # "en" joins a range only after "tussen": "sinds 3 maart en 5 april" is two dates.
    return gap.strip() != "en" or norm[: mention.start].rstrip().endswith("tussen")


def _is_open(norm: str, mention: Mention) -> bool:
    before = norm[max(0, mention.start - 40) : mention.start]
    after = norm[mention.end : mention.end + 40]
    return bool(
        pat.open_cue_before().search(before)
        or pat.starts_with_since().match(norm[mention.start : mention.end])
        or pat.became_sick_before().search(before)
        or pat.became_sick_after().search(after)
    )


def _point(spec: Spec, text: str, today: date) -> Point | DateUnclear:
    if isinstance(spec, Exact):
        return spec.value
    if isinstance(spec, DayMonth):
        if spec.year is not None:
            return resolve_day_month(spec, today, False, text)
        why = impossible_reason(spec.day, spec.month, None)
        return spec if why is None else questions.impossible(text, why, today)
    if isinstance(spec, Loose):
        parsed = read_with_dateparser(text, today)
        return questions.unreadable(text, today) if parsed is None else parsed
    return questions.which_day(text, today)


def _resolve(draft: _Draft, today: date) -> _Resolved | DateUnclear:
    start = _point(draft.start, draft.text, today)
    if isinstance(start, DateUnclear):
        return start
    end: Point | None = None
    if draft.end is not None:
        read_end = _point(draft.end, draft.text, today)
        if isinstance(read_end, DateUnclear):
            return read_end
        end = read_end
    inferred = isinstance(start, DayMonth) or isinstance(end, DayMonth)
    dates = _fix_years(start, end, draft.text, today)
    if isinstance(dates, DateUnclear):
        return dates
    first, last = dates
    if last is not None and last < first:
        return questions.end_before_start(questions.short_date(first), questions.short_date(last))
    for value in (first, last):
        if value is not None and value < EARLIEST:
            return questions.before_2002(questions.short_date(value), today)
        if value is not None and value > today:
            return questions.in_future(value, today)
    return _Resolved(Period(first, last), inferred)


def _fix_years(
    start: Point, end: Point | None, text: str, today: date
) -> tuple[date, date | None] | DateUnclear:
    """Years for yearless ends: the end is the most recent past one and the start lies before
    it ("van 3 november tot 10 januari": november of the year before)."""
    if end is None:
        first = (
            resolve_day_month(start, today, False, text) if isinstance(start, DayMonth) else start
        )
        return first if isinstance(first, DateUnclear) else (first, None)
    if isinstance(end, DayMonth) and isinstance(start, DayMonth):
        if start.month == end.month and start.day > end.day:  # "van 28 tot 3 maart"
            return questions.end_before_start(_day_text(start), _day_text(end))
        last = resolve_day_month(end, today, False, text)
    elif isinstance(end, DayMonth):
        assert isinstance(start, date)  # narrowed above; for mypy
        last = _anchor(end, earliest_on_or_after(end.day, end.month, start), text)
    else:
        last = end
    if isinstance(last, DateUnclear):
        return last
    first = (
        _anchor(start, latest_on_or_before(start.day, start.month, last), text)
        if isinstance(start, DayMonth)
        else start
    )
    return first if isinstance(first, DateUnclear) else (first, last)


def _anchor(spec: DayMonth, value: date | None, text: str) -> date | DateUnclear:
    if value is None:
        return questions.leap_day_year(text)
    return check_weekday(spec, value)


def _day_text(spec: DayMonth) -> str:
    return f"{spec.day} {MONTHS[spec.month - 1]}"


def _consistent(resolved: list[_Resolved], today: date) -> PeriodsParse:
    """Periods must not run into each other, and only the last one may still be going on."""
    ordered = sorted(resolved, key=lambda r: r.period.start)
    ongoing = [r.period.start for r in ordered if r.period.end is None]
    if len(ongoing) > 1:
        return questions.two_open(ongoing[0], ongoing[1])
    for earlier, later in itertools.pairwise(ordered):
        end = earlier.period.end
        if end is None or later.period.start < end:
            # Guessed years that differ are the likely cause: "sinds 25 november weer, daarvoor
            # van 3 januari tot 3 juli" (november 2025 is before januari 2026).
            guessed = earlier.inferred_year or later.inferred_year
            if guessed and earlier.period.start.year != later.period.start.year:
                return questions.years_unclear(today)
            return questions.overlapping()
    return PeriodsFound(tuple(r.period for r in ordered))

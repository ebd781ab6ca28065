"""Finders for days relative to today: "gisteren", "vorige week dinsdag", "twee weken geleden"."""

from __future__ import annotations

import calendar
import math
import re
from collections.abc import Iterator
from dataclasses import replace
from datetime import date, timedelta
from fractions import Fraction

from . import patterns as pat
from . import questions
from .context import Context
from .specs import Exact, Mention
from .vocabulary import WEEKDAY_WORDS, read_quantity

_DAY_OFFSETS = {
    "vandaag": 0, "vanochtend": 0, "vanmorgen": 0, "vanmiddag": 0, "vanavond": 0,
    "gisteren": -1, "gister": -1, "gisteravond": -1, "gistermiddag": -1,
    "gisterochtend": -1, "gistermorgen": -1, "eergisteren": -2, "eergister": -2,
    "morgen": 1, "overmorgen": 2,
}  # fmt: skip
_HABITUAL_WEEKDAY = re.compile(r"(?<!\w)(?:elke|iedere|alle|op\s+de|des|'s|welke|om\s+de)\s+$")
_WORK = re.compile(r"(?<!\w)werk")  # "hij werkt van maandag tot vrijdag": a schedule


def relative_words(ctx: Context) -> Iterator[Mention]:
    today = ctx.today
    for match in pat.relative_word().finditer(ctx.norm):
        word = match["w"]
        if word == "morgen" and ctx.norm[: match.start()].endswith("goede "):
            continue
        if word == "vannacht":  # the night before today: which day counts is unclear
            options = (today - timedelta(days=1), today)
            text = ctx.text_at(match.span())
            yield ctx.ask(match.span(), questions.between(text, options, "ambiguous"))
        elif word == "gisternacht":
            yield ctx.ask(match.span(), questions.which_day(ctx.text_at(match.span()), today))
        else:
            value = today + timedelta(days=_DAY_OFFSETS[word])
            yield ctx.mention(match.span(), Exact(value))


def _last(weekday: int, today: date) -> date:
    """The most recent such weekday strictly before today."""
    return today - timedelta(days=(today.weekday() - weekday) % 7 or 7)


def _next(weekday: int, today: date) -> date:
    return today + timedelta(days=(weekday - today.weekday()) % 7 or 7)


def _in_week(weekday: int, today: date, weeks_ahead: int) -> date:
    return today + timedelta(days=weekday - today.weekday() + 7 * weeks_ahead)


def _one_of(ctx: Context, span: tuple[int, int], options: set[date]) -> Mention:
    if len(options) == 1:
        return ctx.mention(span, Exact(options.pop()))
    return ctx.ask(span, questions.between(ctx.text_at(span), sorted(options), "ambiguous"))


_WEEK_OFFSET = {"vorige": -1, "verleden": -1, "deze": 0, "volgende": 1, "komende": 1}


def weekday_relatives(ctx: Context) -> Iterator[Mention]:
    today = ctx.today
    for match in pat.weekday_before().finditer(ctx.norm):
        wd, mod = WEEKDAY_WORDS[match["wd"]], match["mod"]
        if mod == "vorige":  # "the last one" or "the one in last week"
            yield _one_of(ctx, match.span(), {_last(wd, today), _in_week(wd, today, -1)})
        elif mod == "volgende":
            yield _one_of(ctx, match.span(), {_next(wd, today), _in_week(wd, today, 1)})
        elif mod in ("komende", "aanstaande"):
            yield ctx.mention(match.span(), Exact(_next(wd, today)))
        else:
            yield ctx.mention(match.span(), Exact(_last(wd, today)))
    for regex in (pat.weekday_after(), pat.week_weekday()):
        for match in regex.finditer(ctx.norm):
            yield _weekday_with_week(ctx, match)
    yield from _bare_weekdays(ctx)


def _weekday_with_week(ctx: Context, match: re.Match[str]) -> Mention:
    wd, today = WEEKDAY_WORDS[match["wd"]], ctx.today
    post = match.groupdict().get("post")
    if post:
        value = _last(wd, today) if post.startswith("j") else _next(wd, today)
        return ctx.mention(match.span(), Exact(value))
    week = match["week"]
    if week == "afgelopen":  # "afgelopen week": the last seven days or the calendar week
        return _one_of(ctx, match.span(), {_last(wd, today), _in_week(wd, today, -1)})
    return ctx.mention(match.span(), Exact(_in_week(wd, today, _WEEK_OFFSET[week])))


def _bare_weekdays(ctx: Context) -> Iterator[Mention]:
    """ "sinds maandag": the last one; ask when it could also be today or next week.
    Skipped: habits ("elke maandag") and schedules ("maandag t/m vrijdag")."""
    today = ctx.today
    schedules = [
        pair.span()
        for pair in pat.weekday_pair().finditer(ctx.norm)
        if not pair["intro"] or _WORK.search(ctx.norm[: pair.start()])
    ]
    for match in pat.bare_weekday().finditer(ctx.norm):
        if _HABITUAL_WEEKDAY.search(ctx.norm[max(0, match.start() - 12) : match.start()]):
            continue
        if any(start <= match.start() < end for start, end in schedules):
            continue
        wd = WEEKDAY_WORDS[match["wd"]]
        options = {_last(wd, today)}
        if today.weekday() == wd:
            options.add(today)
        if ctx.allow_future:
            options.add(_next(wd, today))
        yield _one_of(ctx, match.span(), options)


def add_months(day: date, months: int) -> date:
    """Calendar months; the day is clipped to the month's end (31 maart - 1 maand = 28/29 feb)."""
    year, index = divmod(day.month - 1 + months, 12)
    year += day.year
    last = calendar.monthrange(year, index + 1)[1]
    return date(year, index + 1, min(day.day, last))


def _duration(terms: str) -> tuple[Fraction, Fraction] | None:
    """(months, days) of "2 weken en 3 dagen"; None when a quantity is vague."""
    months, days = Fraction(0), Fraction(0)
    for term in pat.term().finditer(terms):
        unit = term["unit"]
        if unit is None:  # "halfjaar"
            months += 6
            continue
        quantity = read_quantity(term["qty"]) if term["qty"] else None
        if term["vague"] or quantity is None:
            return None
        if unit.startswith("d"):
            days += quantity
        elif unit.startswith("w"):
            days += 7 * quantity
        elif unit.startswith("k"):
            months += 3 * quantity
        elif unit.startswith("m"):
            months += quantity
        else:
            months += 12 * quantity
    return months, days


def _shifted(ctx: Context, terms: str, sign: int, span: tuple[int, int]) -> Mention:
    duration = _duration(terms)
    if duration is None or duration[0].denominator != 1:  # "een paar weken", "anderhalve maand"
        return ctx.ask(span, questions.which_day(ctx.text_at(span), ctx.today))
    months, days = duration
    base = add_months(ctx.today, sign * int(months))
    if days.denominator != 1:  # "anderhalve week": 10 or 11 days
        options = {
            base + timedelta(days=sign * rounded(days)) for rounded in (math.floor, math.ceil)
        }
        return ctx.ask(span, questions.between(ctx.text_at(span), sorted(options)))
    return ctx.mention(span, Exact(base + timedelta(days=sign * int(days))))


def durations(ctx: Context) -> Iterator[Mention]:
    if not pat.duration_present().search(ctx.norm):
        return
    for match in pat.ago().finditer(ctx.norm):
        yield _shifted(ctx, match["terms"], -1, match.span())
    for match in pat.since_duration().finditer(ctx.norm):
        if match["cue"] == "al" and not pat.sick_after().match(ctx.norm, match.end()):
            continue
        if match["approx"]:
            text = ctx.text_at(match.span())
            yield ctx.ask(match.span(), questions.approximate(text, ctx.today))
            continue
        yield replace(_shifted(ctx, match["terms"], -1, match.span()), start_cue=2)
    if ctx.allow_future:
        for match in pat.in_duration().finditer(ctx.norm):
            yield _shifted(ctx, match["terms"], 1, match.span())

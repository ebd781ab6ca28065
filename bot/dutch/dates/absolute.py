"""Finders for calendar dates: "3 maart 2025", "03-03-2025", "1 t/m 20 februari"."""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import date, timedelta

from . import patterns as pat
from . import questions
from .context import RANK_LOOSE, Context
from .specs import Ask, DayMonth, DayRange, Loose, Mention
from .vocabulary import MONTH_WORDS, WEEKDAY_ABBREVIATIONS, WEEKDAY_WORDS, read_day

_RELATIVE_YEARS = {"vorig": -1, "afgelopen": -1, "verleden": -1, "dit": 0, "volgend": 1}
_HOLIDAYS = {
    "eerste kerstdag": (25, 12), "1e kerstdag": (25, 12), "1ste kerstdag": (25, 12),
    "tweede kerstdag": (26, 12), "2e kerstdag": (26, 12), "2de kerstdag": (26, 12),
    "kerstavond": (24, 12),
    "nieuwjaarsdag": (1, 1), "oudejaarsdag": (31, 12), "oudjaarsdag": (31, 12),
    "oudejaarsavond": (31, 12), "oudjaarsavond": (31, 12),
}  # fmt: skip


def _two_digit_year(digits: str, today: date) -> int:
    year = 2000 + int(digits)
    return year if year <= today.year + 10 else year - 100


def _day_month(ctx: Context, match: re.Match[str], p: str) -> DayMonth | Ask:
    day = read_day(match[p + "day"])
    month = MONTH_WORDS[match[p + "month"]]
    years = set()
    if match[p + "year"]:
        years.add(int(match[p + "year"]))
    if match[p + "yearpre"]:
        years.add(int(match[p + "yearpre"]))
    for group in ("yy", "yy2"):
        if match[p + group]:
            years.add(_two_digit_year(match[p + group], ctx.today))
    for group in ("rel", "relpre"):
        if match[p + group]:
            years.add(ctx.today.year + _RELATIVE_YEARS[match[p + group]])
    if day is None or len(years) > 1:  # "in 2025 op 3 maart 2024": which year?
        return Ask(questions.which_day(ctx.text_at(match.span()), ctx.today))
    direction = match[p + "dir"]
    weekday = WEEKDAY_WORDS.get(match[p + "wd"] or "")
    if weekday is None:
        weekday = WEEKDAY_ABBREVIATIONS.get(match[p + "wdabbr"] or "")
    return DayMonth(
        day,
        month,
        years.pop() if years else None,
        "default" if not direction else "past" if direction.startswith("j") else "future",
        weekday,
    )


def textual(ctx: Context) -> Iterator[Mention]:
    if not ctx.has_month:
        return
    for match in pat.textual().finditer(ctx.norm):
        yield ctx.mention(match.span(), _day_month(ctx, match, ""))


def day_ranges(ctx: Context) -> Iterator[Mention]:
    if not ctx.has_month:
        return
    for match in pat.day_range().finditer(ctx.norm):
        last = _day_month(ctx, match, "b_")
        first_day = read_day(match["first"])
        if isinstance(last, Ask) or first_day is None:
            continue
        connector = " ".join(match["conn"].split())
        is_choice = connector in ("of", "/") or (connector == "en" and match["intro"] != "tussen")
        first = DayMonth(first_day, last.month, last.year, last.direction)
        yield ctx.mention(match.span(), DayRange(first, last, is_choice))


def numeric(ctx: Context) -> Iterator[Mention]:
    for match in pat.numeric_dmy().finditer(ctx.norm):
        digits = match["y"]
        year = int(digits) if len(digits) == 4 else _two_digit_year(digits, ctx.today)
        weekday = WEEKDAY_WORDS.get(match["wd"] or "")
        spec = DayMonth(int(match["d"]), int(match["m"]), year, weekday=weekday)
        yield ctx.mention(match.span(), spec)
    for match in pat.numeric_iso().finditer(ctx.norm):
        spec = DayMonth(int(match["d"]), int(match["m"]), int(match["y"]))
        yield ctx.mention(match.span(), spec)
    for match in pat.numeric_day_month().finditer(ctx.norm):
        yield ctx.mention(match.span("date"), DayMonth(int(match["d"]), int(match["m"])))
    for match in pat.numeric_day_month_range().finditer(ctx.norm):
        connector = " ".join(match["conn"].split())
        if (connector == "-" and not match["intro"]) or (
            connector == "en" and match["intro"] != "tussen"
        ):
            continue
        first = DayMonth(int(match["d1"]), int(match["m1"]))
        last = DayMonth(int(match["d2"]), int(match["m2"]))
        yield ctx.mention(match.span("date"), DayRange(first, last, is_choice=False))


def holidays(ctx: Context) -> Iterator[Mention]:
    for match in pat.holiday().finditer(ctx.norm):
        day, month = _HOLIDAYS[" ".join(match["h"].split())]
        year = int(match["y"]) if match["y"] else None
        yield ctx.mention(match.span(), DayMonth(day, month, year))


def day_of_relative_month(ctx: Context) -> Iterator[Mention]:
    for match in pat.day_of_relative_month().finditer(ctx.norm):
        day = read_day(match["day"] or match["day2"])
        which = match["which"] or match["which2"]
        if day is None:
            continue
        first_of_month = ctx.today.replace(day=1)
        if which != "deze":
            first_of_month = (first_of_month - timedelta(days=1)).replace(day=1)
        spec = DayMonth(day, first_of_month.month, first_of_month.year)
        yield ctx.mention(match.span(), spec)


def loose_dates(ctx: Context) -> Iterator[Mention]:
    regexes = (
        (*pat.loose_with_month(), pat.loose_numeric()) if ctx.has_month else (pat.loose_numeric(),)
    )
    for regex in regexes:
        for match in regex.finditer(ctx.norm):
            yield ctx.mention(match.span(), Loose(), rank=RANK_LOOSE)

"""Finders for expressions that never name one day: "begin januari", "vorig jaar", "in de zomer"."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date

from . import patterns as pat
from . import questions
from .context import Context
from .specs import Mention, Ongoing
from .vocabulary import MONTH_WORDS


def _recent_year(month: int, today: date) -> int:
    return today.year if month <= today.month else today.year - 1


def _month_question(
    ctx: Context, span: tuple[int, int], month_word: str, year: str | None
) -> Mention:
    month = MONTH_WORDS[month_word]
    number = int(year) if year else _recent_year(month, ctx.today)
    if number < 2002:
        return ctx.ask(span, questions.before_2002(f"Het jaar {number}", ctx.today))
    return ctx.ask(span, questions.day_in_month(ctx.text_at(span), month, number))


def _which_day_question(ctx: Context, span: tuple[int, int], year: str | None) -> Mention:
    if year and int(year) < 2002:
        return ctx.ask(span, questions.before_2002(f"Het jaar {year}", ctx.today))
    return ctx.ask(span, questions.which_day(ctx.text_at(span), ctx.today))


def vague_expressions(ctx: Context) -> Iterator[Mention]:
    for match in pat.part_of_period().finditer(ctx.norm):
        if match["month"]:
            yield _month_question(ctx, match.span(), match["month"], match["y"])
        else:
            yield _which_day_question(ctx, match.span(), match["y2"])
    for match in pat.bare_month().finditer(ctx.norm):
        yield _month_question(ctx, match.span(), match["month"], match["y"])
    for match in pat.year_only().finditer(ctx.norm):
        yield _which_day_question(ctx, match.span(), match["y"] or match["y2"])
    for regex in (pat.relative_period(), pat.season(), pat.vague_time(), pat.week_number()):
        for match in regex.finditer(ctx.norm):
            yield _which_day_question(ctx, match.span(), None)
    for match in pat.day_without_month().finditer(ctx.norm):
        yield ctx.ask(match.span(), questions.which_month(ctx.text_at(match.span()), ctx.today))


def ongoing_ends(ctx: Context) -> Iterator[Mention]:
    for match in pat.ongoing().finditer(ctx.norm):
        yield ctx.mention(match.span(), Ongoing())

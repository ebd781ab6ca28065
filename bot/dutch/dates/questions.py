"""The Dutch questions we ask back (B1: short sentences, common words, one question each)."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from bot.dutch.format import MONTHS, WEEKDAYS, format_date_nl

from .model import DateUnclear, Reason


def _capital(sentence: str) -> str:
    return sentence[:1].upper() + sentence[1:]


def short_date(day: date) -> str:
    """ "3 maart 2026": no weekday, for examples and lists."""
    return f"{day.day} {MONTHS[day.month - 1]} {day.year}"


def example(today: date) -> str:
    """An example date in the recent past, so the example itself is a valid answer."""
    month, year = (today.month - 1, today.year) if today.month > 1 else (12, today.year - 1)
    return f"3 {MONTHS[month - 1]} {year}"


def _join(items: Sequence[str]) -> str:
    return items[0] if len(items) == 1 else ", ".join(items[:-1]) + " en " + items[-1]


def which_day(matched: str, today: date) -> DateUnclear:
    return DateUnclear(
        f"Je schreef ‘{matched}’. Welke dag was dat precies? "
        f"Noem de datum, bijvoorbeeld {example(today)}.",
        "vague",
    )


def day_in_month(matched: str, month: int, year: int) -> DateUnclear:
    name = MONTHS[month - 1]
    return DateUnclear(
        f"Je schreef ‘{matched}’. Op welke dag in {name} was dat precies? "
        f"Noem de datum, bijvoorbeeld 3 {name} {year}.",
        "vague",
    )


def which_month(matched: str, today: date) -> DateUnclear:
    return DateUnclear(
        f"Je schreef ‘{matched}’. Welke maand bedoel je? "
        f"Noem de hele datum, bijvoorbeeld {example(today)}.",
        "vague",
    )


def approximate(matched: str, today: date) -> DateUnclear:
    return DateUnclear(
        f"Je schreef ‘{matched}’. Weet je de precieze dag? "
        f"Noem de datum, bijvoorbeeld {example(today)}.",
        "vague",
    )


def between(matched: str, options: Sequence[date], reason: Reason = "vague") -> DateUnclear:
    listed = " of ".join(format_date_nl(day) for day in options)
    return DateUnclear(
        f"Je schreef ‘{matched}’. Dat kan {listed} zijn. Welke dag bedoel je?",
        reason,
    )


def impossible(matched: str, why: str, today: date) -> DateUnclear:
    return DateUnclear(
        f"De datum ‘{matched}’ bestaat niet: {why}. Welke datum bedoel je? "
        f"Noem de datum, bijvoorbeeld {example(today)}.",
        "impossible",
    )


def unreadable(matched: str, today: date) -> DateUnclear:
    return DateUnclear(
        f"Ik begrijp de datum ‘{matched}’ niet goed. Welke datum bedoel je? "
        f"Noem de dag, de maand en het jaar, bijvoorbeeld {example(today)}.",
        "vague",
    )


def in_future(day: date, today: date) -> DateUnclear:
    return DateUnclear(
        f"{_capital(format_date_nl(day))} ligt in de toekomst. Welke datum bedoel je? "
        f"Noem een datum van vandaag of eerder, bijvoorbeeld {example(today)}.",
        "future",
    )


def before_2002(what: str, today: date) -> DateUnclear:
    return DateUnclear(
        f"{what} is vóór 2002. De Wet verbetering poortwachter geldt pas sinds 2002. "
        f"Klopt het jaartal? Noem de datum, bijvoorbeeld {example(today)}.",
        "before_2002",
    )


def weekday_mismatch(day: date, said: int) -> DateUnclear:
    return DateUnclear(
        f"{short_date(day)} was een {WEEKDAYS[day.weekday()]}, geen {WEEKDAYS[said]}. "
        f"Welke datum bedoel je? Noem de datum met het jaartal erbij.",
        "weekday_mismatch",
    )


def which_year(matched: str, day: date) -> DateUnclear:
    """A date without a year that is almost a year ago: the user may mean this year."""
    return DateUnclear(
        f"Je schreef ‘{matched}’. Bedoel je {format_date_nl(day)}? Dat is bijna een jaar geleden. "
        f"Noem de datum met het jaartal erbij, bijvoorbeeld {short_date(day)}.",
        "ambiguous",
    )


def leap_day_year(matched: str) -> DateUnclear:
    return DateUnclear(
        f"Je schreef ‘{matched}’. 29 februari is er alleen in een schrikkeljaar. "
        "In welk jaar was het? Bijvoorbeeld 29 februari 2024.",
        "ambiguous",
    )


def several(items: Sequence[str]) -> DateUnclear:
    return DateUnclear(
        f"Je noemt meer dan één datum: {_join(items)}. Welke datum bedoel je?",
        "ambiguous",
    )


def end_before_start(start: str, end: str) -> DateUnclear:
    return DateUnclear(
        f"Je noemt een periode van {start} tot {end}. "
        "Het einde ligt dan vóór het begin. Welke datum klopt niet? "
        "Noem de periode opnieuw, met begin en einde.",
        "end_before_start",
    )


def lone_date(matched: str) -> DateUnclear:
    return DateUnclear(
        f"Je schreef ‘{matched}’. Was dat één ziektedag, of begon de ziekte toen? "
        "Schrijf bijvoorbeeld ‘van 3 januari tot 3 juli’ of ‘sinds 25 juli’.",
        "ambiguous",
    )


def missing_start(matched: str) -> DateUnclear:
    return DateUnclear(
        f"Je schreef ‘{matched}’. Vanaf welke dag was dat? "
        "Noem het begin en het einde, bijvoorbeeld ‘van 3 januari tot 3 juli’.",
        "vague",
    )


def years_unclear(today: date) -> DateUnclear:
    year = today.year
    return DateUnclear(
        "In welk jaar was elke periode? Dat weet ik niet zeker. Noem de datums met het jaartal, "
        f"bijvoorbeeld ‘van 3 januari {year} tot 3 juli {year} en sinds 25 juli {year}’.",
        "ambiguous",
    )


def two_open(first: date, second: date) -> DateUnclear:
    return DateUnclear(
        f"Je noemt twee keer een begin: {short_date(first)} en {short_date(second)}. "
        "Tot wanneer duurde de eerste ziekteperiode?",
        "ambiguous",
    )


def overlapping() -> DateUnclear:
    return DateUnclear(
        "De periodes die je noemt, lopen door elkaar. Welke datums kloppen? "
        "Noem elke periode met begin en einde.",
        "ambiguous",
    )

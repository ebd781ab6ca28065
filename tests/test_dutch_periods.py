"""extract_periods: sick periods in one Dutch sentence. Today is maandag 23 november 2026."""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from bot.dutch.dates import (
    DateUnclear,
    NoDate,
    Period,
    PeriodsFound,
    extract_periods,
    format_date_nl,
)

TODAY = date(2026, 11, 23)
D = date


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "ik was eerder ziek van 3 januari tot 3 juli en sinds 25 juli weer",
            [(D(2026, 1, 3), D(2026, 7, 3)), (D(2026, 7, 25), None)],
        ),
        (
            "van 1 t/m 20 februari ziek geweest en vanaf 20 maart opnieuw",
            [(D(2026, 2, 1), D(2026, 2, 20)), (D(2026, 3, 20), None)],
        ),
        ("sinds 5 januari 2026 ziek", [(D(2026, 1, 5), None)]),
        # A range over new year: the start lies in the year before the end.
        ("van 3 november tot 10 januari", [(D(2025, 11, 3), D(2026, 1, 10))]),
        (
            "van 3 november tot 10 januari ziek en sinds 1 februari weer",
            [(D(2025, 11, 3), D(2026, 1, 10)), (D(2026, 2, 1), None)],
        ),
        ("van 3 januari 2025 tot 10 februari", [(D(2025, 1, 3), D(2025, 2, 10))]),
        ("van 3 november 2025 tot 10 januari", [(D(2025, 11, 3), D(2026, 1, 10))]),
        ("van 20 december tot 5 januari 2026", [(D(2025, 12, 20), D(2026, 1, 5))]),
        ("tussen 3 en 10 oktober ziek geweest", [(D(2026, 10, 3), D(2026, 10, 10))]),
        ("van 3-1 tot 3-7 en sinds 25-7", [(D(2026, 1, 3), D(2026, 7, 3)), (D(2026, 7, 25), None)]),
        ("van 03-01-2026 t/m 03-07-2026", [(D(2026, 1, 3), D(2026, 7, 3))]),
        ("ziek van 3 januari tot nu", [(D(2026, 1, 3), None)]),
        ("van 3 januari tot heden", [(D(2026, 1, 3), None)]),
        ("hij is op 3 maart ziek geworden", [(D(2026, 3, 3), None)]),
        ("ziekgemeld op 3 maart", [(D(2026, 3, 3), None)]),
        ("sinds twee weken ziek", [(D(2026, 11, 9), None)]),
        (
            "sinds twee weken weer ziek, daarvoor van 3 tot 10 oktober",
            [(D(2026, 10, 3), D(2026, 10, 10)), (D(2026, 11, 9), None)],
        ),
        ("van vorige week maandag tot gisteren", [(D(2026, 11, 16), D(2026, 11, 22))]),
        (
            "van 1 tot 20 februari en van 20 tot 28 februari",
            [
                (D(2026, 2, 1), D(2026, 2, 20)),
                (D(2026, 2, 20), D(2026, 2, 28)),
            ],
        ),
        (
            "sinds 10 januari weer, daarvoor van 3 november tot 20 december",
            [(D(2025, 11, 3), D(2025, 12, 20)), (D(2026, 1, 10), None)],
        ),
        # Listed out of order: returned in order of start.
        (
            "sinds 25 juli weer ziek, daarvoor van 3 januari tot 3 juli",
            [(D(2026, 1, 3), D(2026, 7, 3)), (D(2026, 7, 25), None)],
        ),
    ],
)
def test_periods_found(text: str, expected: list[tuple[date, date | None]]) -> None:
    result = extract_periods(text, TODAY)
    assert result == PeriodsFound(tuple(Period(start, end) for start, end in expected))


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        ("van 10 juli tot 3 juli", "end_before_start"),
        ("van 28 tot 3 maart", "end_before_start"),
        ("van 3 juli 2026 tot 1 juli 2026", "end_before_start"),
        ("van 1 januari 2001 tot 3 februari 2001", "before_2002"),
        ("van 3 januari tot 3 december 2026", "future"),
        ("van 31 februari tot 3 maart", "impossible"),
        ("op 3 maart", "ambiguous"),  # one sick day, or the start?
        ("tot 3 juli ziek geweest", "vague"),  # from when?
        ("van begin januari tot 3 juli", "vague"),
        ("vorig jaar ook ziek, en nu sinds 3 maart", "vague"),
        ("sinds 3 maart en sinds 5 april", "ambiguous"),  # two starts: when did the first end?
        ("van 3 of 4 maart tot 10 maart", "ambiguous"),
        ("sinds 25 november weer, daarvoor van 3 januari tot 3 juli", "ambiguous"),  # which year?
        ("sinds 1 november weer, daarvoor van 3 november tot 20 november", "ambiguous"),
        ("sinds 15 december weer, daarvoor van 3 januari tot 3 juli", "ambiguous"),
        ("van 1 tot 20 februari en van 10 tot 25 februari", "ambiguous"),  # overlap
        ("sinds 3 maart 2026 ziek, en van 5 tot 10 april 2026", "ambiguous"),
    ],
)
def test_periods_unclear(text: str, reason: str) -> None:
    result = extract_periods(text, TODAY)
    assert isinstance(result, DateUnclear), result
    assert result.reason == reason
    assert "?" in result.question


def test_end_before_start_question() -> None:
    result = extract_periods("van 10 juli 2026 tot 3 juli 2026", TODAY)
    assert result == DateUnclear(
        "Je noemt een periode van 10 juli 2026 tot 3 juli 2026. Het einde ligt dan vóór het "
        "begin. Welke datum klopt niet? Noem de periode opnieuw, met begin en einde.",
        "end_before_start",
    )


def test_year_question_names_an_example_with_years() -> None:
    # 15 december is read as 2025 (the most recent), januari-juli as 2026: that cannot be.
    result = extract_periods("sinds 15 december weer, daarvoor van 3 januari tot 3 juli", TODAY)
    assert isinstance(result, DateUnclear)
    assert result.reason == "ambiguous"
    assert "jaartal" in result.question


@pytest.mark.parametrize(
    "text", ["", "blabla", "ik ben ziek", "12 weken loonsanctie", "tot nu toe"]
)
def test_no_periods(text: str) -> None:
    assert extract_periods(text, TODAY) == NoDate()


@settings(max_examples=200, deadline=None)
@given(
    st.dates(min_value=date(2002, 1, 1), max_value=TODAY),
    st.integers(min_value=0, max_value=400),
)
def test_round_trip_closed_and_open(start: date, length: int) -> None:
    end = min(TODAY, date.fromordinal(start.toordinal() + length))
    text = f"ziek van {format_date_nl(start)} tot {end.strftime('%d-%m-%Y')}"
    assert extract_periods(text, TODAY) == PeriodsFound((Period(start, end),))
    assert extract_periods(f"sinds {format_date_nl(start)} ziek", TODAY) == PeriodsFound(
        (Period(start, None),)
    )


@settings(max_examples=200, deadline=None)
@given(st.dates(min_value=date(2003, 1, 1), max_value=date(2040, 12, 31)))
def test_yearless_range_is_consistent(today: date) -> None:
    """Without years the end is the most recent past day and the start lies before it."""
    result = extract_periods("van 3 november tot 10 januari", today)
    if isinstance(result, PeriodsFound):
        (period,) = result.periods
        assert period.end is not None
        assert period.start < period.end <= today
        assert (period.start.month, period.start.day) == (11, 3)
        assert period.end.year == period.start.year + 1
    else:
        assert isinstance(result, DateUnclear)
        assert result.reason == "ambiguous"

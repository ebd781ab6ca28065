"""Properties of the engine over many generated cases (hypothesis)."""

from __future__ import annotations

from datetime import date, timedelta

from hypothesis import given, settings
from hypothesis import strategies as st

from bot.deadlines import SickPeriod, compute_timeline

REF = date(2030, 1, 1)
first_days = st.dates(min_value=date(2002, 4, 1), max_value=date(2029, 12, 31))
# Milestones in the spec's order whose dates can only grow along it (the repeating
# voortgangsgesprek is shown as "the next one" and so is left out).
ORDERED = [
    "ziekmelding_arbodienst", "probleemanalyse", "plan_van_aanpak", "melding_uwv_42",
    "eerstejaarsevaluatie", "spoor2_uiterlijk", "wia_brief_uwv", "eindevaluatie",
    "wia_aanvraag", "einde_loondoorbetaling", "wia_ingang",
]  # fmt: skip


def end_date(periods: list[SickPeriod]) -> date:
    milestone = compute_timeline(periods, REF).milestone("einde_loondoorbetaling")
    assert milestone is not None
    return milestone.date


@settings(max_examples=300, deadline=None)
@given(first_days)
def test_dates_never_decrease_along_the_milestone_order(first: date) -> None:
    timeline = compute_timeline([SickPeriod(first)], max(first, REF))
    dates = [timeline.milestone(i).date for i in ORDERED]  # type: ignore[union-attr]
    assert dates == sorted(dates)


@settings(max_examples=300, deadline=None)
@given(first_days)
def test_104_weeks_is_always_728_sick_days(first: date) -> None:
    assert (end_date([SickPeriod(first)]) - first).days + 1 == 728


@settings(max_examples=200, deadline=None)
@given(first_days, st.integers(1, 200), st.integers(28, 400))
def test_a_gap_of_28_days_or_more_resets_the_case(first: date, length: int, gap: int) -> None:
    earlier = SickPeriod(first, first + timedelta(days=length - 1))
    restart = earlier.end + timedelta(days=gap + 1)  # type: ignore[operator]
    assert end_date([earlier, SickPeriod(restart)]) == end_date([SickPeriod(restart)])


@settings(max_examples=200, deadline=None)
@given(first_days, st.integers(1, 200), st.integers(0, 27))
def test_a_gap_of_at_most_27_days_shifts_the_end_by_the_gap(
    first: date, length: int, gap: int
) -> None:
    earlier = SickPeriod(first, first + timedelta(days=length - 1))
    again = earlier.end + timedelta(days=gap + 1)  # type: ignore[operator]
    combined = end_date([earlier, SickPeriod(again)])
    assert combined == end_date([SickPeriod(first)]) + timedelta(days=gap)


@settings(max_examples=200, deadline=None)
@given(first_days, st.integers(1, 52))
def test_loonsanctie_moves_the_end_by_whole_weeks(first: date, weeks: int) -> None:
    from bot.deadlines import CaseFacts

    with_sanction = compute_timeline([SickPeriod(first)], REF, CaseFacts(loonsanctie_weeks=weeks))
    end = with_sanction.milestone("einde_loondoorbetaling").date  # type: ignore[union-attr]
    assert end - end_date([SickPeriod(first)]) == timedelta(weeks=weeks)

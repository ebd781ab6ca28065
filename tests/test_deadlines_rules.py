"""Working days, statuses, samentellen, extensions and the spoor 2 check."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from dateutil.easter import easter

from bot.deadlines import CaseFacts, SickPeriod, compute_timeline
from bot.deadlines.engine import status_of
from bot.deadlines.workdays import first_working_day_on_or_after, holidays

REF = date(2026, 11, 23)


def melding_for_day_294(day_294: date) -> date:
    first_sick_day = day_294 - timedelta(days=294)
    timeline = compute_timeline([SickPeriod(first_sick_day)], max(first_sick_day, REF))
    milestone = timeline.milestone("melding_uwv_42")
    assert milestone is not None
    return milestone.date


@pytest.mark.parametrize(
    ("holiday", "expected"),
    [
        (date(2027, 1, 1), date(2027, 1, 4)),  # Nieuwjaarsdag (Fri) -> Monday
        (date(2027, 3, 29), date(2027, 3, 30)),  # tweede Paasdag
        (date(2027, 5, 6), date(2027, 5, 7)),  # Hemelvaartsdag
        (date(2027, 5, 17), date(2027, 5, 18)),  # tweede Pinksterdag
        (date(2027, 4, 27), date(2027, 4, 28)),  # Koningsdag
        (date(2026, 5, 5), date(2026, 5, 6)),  # Bevrijdingsdag
        (date(2027, 5, 5), date(2027, 5, 7)),  # Bevrijdingsdag, then Hemelvaartsdag
        (date(2026, 12, 25), date(2026, 12, 28)),  # eerste Kerstdag (Fri) -> Monday
        (date(2025, 12, 25), date(2025, 12, 29)),  # eerste + tweede Kerstdag, weekend
        (date(2029, 12, 26), date(2029, 12, 27)),  # tweede Kerstdag (Wed)
    ],
)
def test_each_holiday_on_day_294_rolls_to_the_next_working_day(
    holiday: date, expected: date
) -> None:
    assert melding_for_day_294(holiday) == expected


def test_goede_vrijdag_is_a_working_day() -> None:
    goede_vrijdag = easter(2027) - timedelta(days=2)
    assert melding_for_day_294(goede_vrijdag) == goede_vrijdag


def test_koningsdag_moves_to_26_april_when_the_27th_is_a_sunday() -> None:
    assert date(2025, 4, 27).weekday() == 6
    assert date(2025, 4, 26) in holidays(2025)
    assert date(2025, 4, 27) not in holidays(2025)


@pytest.mark.parametrize(
    ("year", "sunday"),
    [(2024, date(2024, 3, 31)), (2025, date(2025, 4, 20)), (2026, date(2026, 4, 5)),
     (2030, date(2030, 4, 21)), (2038, date(2038, 4, 25))],
)  # fmt: skip
def test_easter_is_computed(year: int, sunday: date) -> None:
    assert sunday + timedelta(days=1) in holidays(year)
    assert sunday + timedelta(days=39) in holidays(year)


def test_ordinary_weekday_does_not_roll() -> None:
    assert first_working_day_on_or_after(date(2026, 10, 26)) == date(2026, 10, 26)


def test_only_the_melding_rolls() -> None:
    # D + 41 (probleemanalyse) is a Sunday here and stays a Sunday.
    timeline = compute_timeline([SickPeriod(date(2026, 1, 5))], REF)
    assert timeline.milestone("probleemanalyse").date.weekday() == 6  # type: ignore[union-attr]


@pytest.mark.parametrize(
    ("day", "expected"),
    [(date(2026, 11, 22), "verstreken"), (REF, "vandaag"), (date(2026, 12, 7), "binnenkort"),
     (date(2026, 12, 8), "gepland")],
)  # fmt: skip
def test_statuses(day: date, expected: str) -> None:
    assert status_of(day, REF) == expected


def test_window_statuses() -> None:
    assert status_of(date(2026, 12, 31), REF, window_start=date(2026, 11, 1)) == "lopend"
    assert status_of(date(2026, 11, 20), REF, window_start=date(2026, 11, 1)) == "verstreken"
    assert status_of(date(2027, 3, 1), REF, window_start=date(2027, 1, 1)) == "gepland"
    assert status_of(date(2027, 3, 1), REF, window_start=date(2026, 12, 1)) == "binnenkort"


def test_three_periods_add_up_and_skip_both_gaps() -> None:
    periods = [
        SickPeriod(date(2026, 1, 5), date(2026, 1, 14)),  # 10 days, gap 10
        SickPeriod(date(2026, 1, 25), date(2026, 2, 3)),  # 10 days, gap 20
        SickPeriod(date(2026, 2, 24)),
    ]
    timeline = compute_timeline(periods, REF)
    # Sick day 42 is the 22nd day of the third period.
    assert timeline.milestone("probleemanalyse").date == date(2026, 3, 17)  # type: ignore[union-attr]
    end = timeline.milestone("einde_loondoorbetaling").date  # type: ignore[union-attr]
    assert end == date(2026, 2, 24) + timedelta(days=728 - 20 - 1)
    assert len(timeline.periods_added) == 3


def test_third_period_after_a_long_gap_resets_only_from_there() -> None:
    periods = [
        SickPeriod(date(2025, 1, 6), date(2025, 1, 20)),
        SickPeriod(date(2025, 2, 3), date(2025, 2, 10)),  # gap 13: adds up
        SickPeriod(date(2025, 4, 1)),  # gap 49: new case
    ]
    timeline = compute_timeline(periods, REF)
    assert timeline.first_sick_day == date(2025, 4, 1)
    assert len(timeline.periods_closed) == 2


def test_loonsanctie_combined_with_samentellen() -> None:
    periods = [SickPeriod(date(2022, 1, 3), date(2022, 7, 3)), SickPeriod(date(2022, 7, 25))]
    timeline = compute_timeline(periods, REF, CaseFacts(loonsanctie_weeks=10))
    assert timeline.milestone("einde_loondoorbetaling").date == date(2024, 1, 21) + timedelta(
        weeks=10
    )  # type: ignore[union-attr]
    assert timeline.milestone("melding_uwv_42").date == date(2022, 11, 14)  # type: ignore[union-attr]


def test_verlenging_combined_with_samentellen() -> None:
    periods = [SickPeriod(date(2022, 1, 3), date(2022, 7, 3)), SickPeriod(date(2022, 7, 25))]
    timeline = compute_timeline(periods, REF, CaseFacts(verlenging_end=date(2024, 6, 30)))
    assert timeline.milestone("einde_loondoorbetaling").date == date(2024, 6, 30)  # type: ignore[union-attr]
    assert timeline.milestone("wia_ingang").date == date(2024, 7, 1)  # type: ignore[union-attr]


def test_probleemanalyse_date_sets_the_plan_deadline() -> None:
    facts = CaseFacts(probleemanalyse_date=date(2026, 2, 1))
    timeline = compute_timeline([SickPeriod(date(2026, 1, 5))], REF, facts)
    assert timeline.milestone("plan_van_aanpak").date == date(2026, 2, 15)  # type: ignore[union-attr]


def test_eerstejaarsevaluatie_date_sets_the_spoor2_deadline() -> None:
    facts = CaseFacts(eerstejaarsevaluatie_date=date(2026, 11, 20))
    timeline = compute_timeline([SickPeriod(date(2026, 1, 5))], REF, facts)
    assert timeline.spoor2.deadline == date(2027, 1, 1)


def spoor2(ref: date, **facts: object):
    return compute_timeline([SickPeriod(date(2026, 1, 5))], ref, CaseFacts(**facts)).spoor2  # type: ignore[arg-type]


def test_spoor2_not_needed_yet() -> None:
    result = spoor2(REF)
    assert (result.status, result.deadline) == ("nog_niet_nodig", date(2027, 2, 14))
    assert "zondag 14 februari 2027" in result.advice


def test_spoor2_start_within_six_weeks_of_the_deadline() -> None:
    assert spoor2(date(2027, 1, 3)).status == "starten"
    assert spoor2(date(2027, 1, 2)).status == "nog_niet_nodig"


def test_spoor2_start_when_return_is_not_possible() -> None:
    assert spoor2(REF, geen_terugkeer_date=date(2026, 11, 1)).status == "starten"


def test_spoor2_overdue_counts_days_and_warns_about_loonsanctie() -> None:
    result = spoor2(date(2027, 3, 1))
    assert result.status == "achterstallig" and result.days_late == 15
    assert "loonsanctie" in result.advice and "52 weken" in result.advice


def test_spoor2_started_and_exceptions() -> None:
    assert spoor2(date(2027, 3, 1), spoor2_start_date=date(2027, 1, 10)).status == "gestart"
    result = spoor2(date(2027, 3, 1), uitzondering="geen_benutbare_mogelijkheden")
    assert result.status == "niet_vereist" and "deskundigenoordeel" in result.advice
    assert spoor2(REF, uitzondering="terugkeer_binnen_3_maanden").status == "niet_vereist"
    assert spoor2(REF, uitzondering="aow_binnen_jaar").status == "niet_vereist"


def test_milestones_after_the_aow_date_do_not_apply() -> None:
    timeline = compute_timeline(
        [SickPeriod(date(2026, 1, 5))], REF, CaseFacts(aow_date=date(2027, 6, 1))
    )
    ids = [m.id for m in timeline.milestones]
    assert "spoor2_uiterlijk" in ids and "wia_aanvraag" not in ids
    assert any("AOW" in w for w in timeline.warnings)


def test_sick_day_count_skips_gaps() -> None:
    periods = [SickPeriod(date(2026, 11, 1), date(2026, 11, 10)), SickPeriod(date(2026, 11, 20))]
    assert compute_timeline(periods, REF).sick_days == 10 + 4

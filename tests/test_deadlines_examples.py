"""Every worked example of shared/spec/timeline.md, section 8."""

from __future__ import annotations

from datetime import date

from bot.deadlines import CaseFacts, SickPeriod, compute_timeline

REF = date(2026, 11, 23)


def dates(
    periods: list[SickPeriod], facts: CaseFacts | None = None, ref: date = REF
) -> dict[str, str]:
    timeline = compute_timeline(periods, ref, facts)
    result = {m.id: m.date.isoformat() for m in timeline.milestones}
    eje = timeline.milestone("eerstejaarsevaluatie")
    assert eje is not None and eje.window_start is not None
    result["eerstejaarsevaluatie_start"] = eje.window_start.isoformat()
    return result


EXAMPLE_1 = {
    "probleemanalyse": "2026-02-15",
    "plan_van_aanpak": "2026-03-01",
    "melding_uwv_42": "2026-10-26",
    "eerstejaarsevaluatie_start": "2026-11-16",
    "eerstejaarsevaluatie": "2027-01-03",
    "spoor2_uiterlijk": "2027-02-14",
    "wia_brief_uwv": "2027-09-13",
    "eindevaluatie": "2027-10-03",
    "wia_aanvraag": "2027-10-17",
    "einde_loondoorbetaling": "2028-01-02",
    "wia_ingang": "2028-01-03",
}


def test_example_1_uninterrupted() -> None:
    result = dates([SickPeriod(date(2026, 1, 5))])
    assert {k: result[k] for k in EXAMPLE_1} == EXAMPLE_1


def test_example_2_leap_day_inside_the_case() -> None:
    result = dates([SickPeriod(date(2027, 3, 1))], ref=date(2027, 3, 1))
    assert result["einde_loondoorbetaling"] == "2029-02-25"
    assert result["wia_ingang"] == "2029-02-26"


def test_example_3_melding_rolls_over_christmas_and_weekend() -> None:
    result = dates([SickPeriod(date(2026, 3, 6))])
    assert result["melding_uwv_42"] == "2026-12-28"


def test_example_4_two_periods_add_up() -> None:
    periods = [SickPeriod(date(2022, 1, 3), date(2022, 7, 3)), SickPeriod(date(2022, 7, 25))]
    timeline = compute_timeline(periods, REF)
    result = {m.id: m.date.isoformat() for m in timeline.milestones}
    assert result["einde_loondoorbetaling"] == "2024-01-21"
    assert result["wia_ingang"] == "2024-01-22"
    assert result["melding_uwv_42"] == "2022-11-14"
    assert result["wia_aanvraag"] == "2023-11-05"
    assert len(timeline.periods_added) == 2 and timeline.periods_closed == ()


def test_example_5_gap_of_27_days_adds_up() -> None:
    periods = [SickPeriod(date(2026, 2, 2), date(2026, 2, 20)), SickPeriod(date(2026, 3, 20))]
    result = dates(periods)
    assert result["probleemanalyse"] == "2026-04-11"
    assert result["einde_loondoorbetaling"] == "2028-02-26"


def test_example_5_gap_of_28_days_starts_a_new_case() -> None:
    periods = [SickPeriod(date(2026, 2, 2), date(2026, 2, 20)), SickPeriod(date(2026, 3, 21))]
    timeline = compute_timeline(periods, REF)
    result = {m.id: m.date.isoformat() for m in timeline.milestones}
    assert timeline.first_sick_day == date(2026, 3, 21)
    assert result["probleemanalyse"] == "2026-05-01"
    assert result["melding_uwv_42"] == "2027-01-11"
    assert timeline.periods_closed == (periods[0],)


def test_example_6_loonsanctie_moves_only_the_end() -> None:
    result = dates([SickPeriod(date(2026, 1, 5))], CaseFacts(loonsanctie_weeks=12))
    assert result["einde_loondoorbetaling"] == "2028-03-26"
    assert result["wia_ingang"] == "2028-03-27"
    unchanged = {
        k: v for k, v in EXAMPLE_1.items() if k not in ("einde_loondoorbetaling", "wia_ingang")
    }
    assert {k: result[k] for k in unchanged} == unchanged


def test_example_7_late_wia_aanvraag_moves_the_end_by_the_delay() -> None:
    facts = CaseFacts(wia_aanvraag_date=date(2027, 11, 7))
    timeline = compute_timeline([SickPeriod(date(2026, 1, 5))], date(2027, 11, 10), facts)
    result = {m.id: m.date.isoformat() for m in timeline.milestones}
    assert result["einde_loondoorbetaling"] == "2028-01-23"
    assert result["wia_ingang"] == "2028-01-24"
    assert any("21 dagen te laat" in w and "loon" in w for w in timeline.warnings)

"""Bad input gets a clear Dutch message per field, never a crash or a guess."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest

from bot.deadlines import TimelineInputError, parse_timeline_request

TODAY = date(2026, 11, 23)


def errors_for(raw: dict[str, Any]) -> dict[str, str]:
    with pytest.raises(TimelineInputError) as caught:
        parse_timeline_request(raw, TODAY)
    return {e.field: e.message for e in caught.value.errors}


@pytest.mark.parametrize(
    ("raw", "field", "words"),
    [
        ({"first_sick_day": "2026-12-01"}, "first_sick_day", "toekomst"),
        ({"first_sick_day": "2026-02-31"}, "first_sick_day", "geen bestaande datum"),
        ({"first_sick_day": "3 maart"}, "first_sick_day", "JJJJ-MM-DD"),
        ({"first_sick_day": "2001-12-31"}, "first_sick_day", "bestond toen nog niet"),
        ({"first_sick_day": 20260105}, "first_sick_day", "tekst"),
        ({}, "first_sick_day", "eerste ziektedag"),
        ({"sick_periods": [{"start": "2026-03-10", "end": "2026-03-01"}]}, "sick_periods[0].end", "voor het begin"),
        ({"sick_periods": [{"start": "2026-03-10", "end": "2026-12-01"}]}, "sick_periods[0].end", "toekomst"),
        ({"sick_periods": [{"start": "2026-01-05", "end": "2026-02-10"}, {"start": "2026-02-01"}]},
         "sick_periods[1]", "overlappen"),
        ({"sick_periods": [{"start": "2026-01-05"}, {"start": "2026-03-01"}]}, "sick_periods", "laatste"),
        ({"sick_periods": "2026-01-05"}, "sick_periods", "lijst"),
        ({"first_sick_day": "2026-01-05", "loonsanctie_weeks": 0}, "loonsanctie_weeks", "1 tot en met 52"),
        ({"first_sick_day": "2026-01-05", "loonsanctie_weeks": 53}, "loonsanctie_weeks", "1 tot en met 52"),
        ({"first_sick_day": "2026-01-05", "loonsanctie_weeks": "twaalf"}, "loonsanctie_weeks", "heel aantal"),
        ({"first_sick_day": "2026-01-05", "loonsanctie_weeks": 2.5}, "loonsanctie_weeks", "heel aantal"),
        ({"first_sick_day": "2026-01-05", "verlenging_end": "2027-12-31"}, "verlenging_end", "na het normale einde"),
        ({"first_sick_day": "2026-01-05", "uitzondering": "zomaar"}, "uitzondering", "Kies een van"),
        # Spec 6.1: planned dates are fine, but an arbeidsdeskundige's finding cannot be planned,
        # and no step of the case lies before its first sick day.
        ({"first_sick_day": "2026-01-05", "geen_terugkeer_date": "2027-01-01"}, "geen_terugkeer_date", "toekomst"),
        ({"first_sick_day": "2026-01-05", "eerstejaarsevaluatie_date": "2026-01-04"},
         "eerstejaarsevaluatie_date", "vóór de eerste ziektedag"),
        ({"first_sick_day": "2026-01-05", "spoor2_start_date": "2025-12-01"}, "spoor2_start_date", "vóór de eerste ziektedag"),
        ({"first_sick_day": "2026-01-05", "wia_aanvraag_date": "2025-12-01"}, "wia_aanvraag_date", "vóór de eerste ziektedag"),
        # Earlier periods that do not add up: the case starts with the last one.
        ({"sick_periods": [{"start": "2026-01-05", "end": "2026-01-20"}, {"start": "2026-03-02"}],
          "probleemanalyse_date": "2026-02-01"}, "probleemanalyse_date", "maandag 2 maart 2026"),
        ({"first_sick_day": "2026-12-24"}, "first_sick_day", "toekomst"),
        ({"first_sick_day": "2026-01-05", "wia_aanvraag_date": "9999-12-31"}, "wia_aanvraag_date", "na 2200"),
        ({"first_sick_day": "2026-01-05", "reference_date": "9999-12-31"}, "reference_date", "na 2200"),
        ({"first_sick_day": "2026-01-05", "reference_date": "2026-13-01"}, "reference_date", "geen bestaande"),
    ],
)  # fmt: skip
def test_validation_errors_are_dutch_and_per_field(
    raw: dict[str, Any], field: str, words: str
) -> None:
    errors = errors_for(raw)
    assert field in errors, errors
    assert words in errors[field]


def test_all_problems_are_reported_at_once() -> None:
    errors = errors_for(
        {"first_sick_day": "2026-02-30", "loonsanctie_weeks": 99, "uitzondering": "x"}
    )
    assert set(errors) == {"first_sick_day", "loonsanctie_weeks", "uitzondering"}


def test_valid_request_with_every_fact() -> None:
    request = parse_timeline_request(
        {
            "sick_periods": [
                {"start": "2025-01-06", "end": "2025-01-31"},
                {"start": "2025-02-14", "end": None},
            ],
            "reference_date": "2026-11-23",
            "probleemanalyse_date": "2025-03-01",
            "eerstejaarsevaluatie_date": "2026-01-20",
            "spoor2_start_date": "2026-02-01",
            "geen_terugkeer_date": "2026-01-15",
            "loonsanctie_weeks": "12",
            "verlenging_end": "2027-06-30",
            "wia_aanvraag_date": "2026-10-01",
            "aow_date": "2030-05-01",
        },
        TODAY,
    )
    assert len(request.periods) == 2 and request.facts.loonsanctie_weeks == 12
    assert request.reference == TODAY


def test_planned_dates_after_the_reference_date_are_accepted() -> None:
    """Spec 6.1: HR plans ahead; these four facts may lie after the reference date."""
    request = parse_timeline_request(
        {
            "first_sick_day": "2026-01-05",
            "probleemanalyse_date": "2026-02-10",
            "eerstejaarsevaluatie_date": "2027-01-15",
            "spoor2_start_date": "2027-02-01",
            "wia_aanvraag_date": "2027-10-01",
        },
        TODAY,
    )
    facts = request.facts
    assert facts.eerstejaarsevaluatie_date == date(2027, 1, 15)
    assert facts.spoor2_start_date == date(2027, 2, 1)
    assert facts.wia_aanvraag_date == date(2027, 10, 1)


def test_reference_date_defaults_to_today() -> None:
    assert parse_timeline_request({"first_sick_day": "2026-01-05"}, TODAY).reference == TODAY

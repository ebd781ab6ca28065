"""Personal answers built from the engine: overview, single deadline, spoor 2 check."""

from __future__ import annotations

from datetime import date

from bot.deadlines import CaseFacts, SickPeriod, compute_timeline
from bot.personal_answers import DISCLAIMER, next_step, personal_reply

REF = date(2026, 11, 23)


def timeline(first: date = date(2026, 1, 5), ref: date = REF, **facts: object):
    return compute_timeline([SickPeriod(first)], ref, CaseFacts(**facts))  # type: ignore[arg-type]


def test_overview_highlights_the_next_step_and_ends_with_the_disclaimer() -> None:
    reply = personal_reply(timeline(), None)
    text = reply["text"]
    assert text.startswith("Je termijnen bij eerste ziektedag maandag 5 januari 2026:")
    # Issue 19: a passed deadline that nobody said was done is the next step, the most recent
    # first (here the 42e-weeksmelding), before the running eerstejaarsevaluatie window.
    assert (
        "**Ziekmelding bij UWV (42e-weeksmelding): maandag 26 oktober 2026 (termijn voorbij)** ← volgende stap"
        in text
    )
    done = ("probleemanalyse", "plan_van_aanpak", "melding_uwv_42")
    assert (
        "**Eerstejaarsevaluatie: tussen maandag 16 november 2026 en zondag 3 januari 2027 (periode loopt nu)** ← volgende stap"
        in personal_reply(timeline(steps_done=done), None)["text"]
    )
    # A past deadline says what is known: the term is over, not that the step was done.
    assert "Probleemanalyse door de bedrijfsarts: zondag 15 februari 2026 (termijn voorbij)" in text
    assert "(geweest)" not in text and "(gepland)" not in text
    # Practice and informative dates are no deadlines.
    assert (
        "Ziekmelding bij bedrijfsarts of arbodienst: in de praktijk rond zondag 11 januari 2026 (datum voorbij)"
        in text
    )
    assert "Brief van UWV over de WIA-aanvraag: rond maandag 13 september 2027 (later)" in text
    assert text.endswith(DISCLAIMER)
    assert reply["custom"]["type"] == "timeline"
    assert reply["custom"]["timeline"]["case"]["first_sick_day"] == "2026-01-05"


def test_single_deadline_in_dutch_date_words() -> None:
    text = personal_reply(timeline(), "wia_aanvraag")["text"]
    assert "Uiterlijk: zondag 17 oktober 2027." in text
    assert "week 93" in text and text.endswith(DISCLAIMER)


def test_spoor2_deadline_explains_the_reasoning() -> None:
    text = personal_reply(timeline(), "spoor2_uiterlijk")["text"]
    assert "zondag 14 februari 2027" in text
    assert "zodra terugkeer in de eigen organisatie niet meer waarschijnlijk" in text


def test_spoor2_overdue_gives_days_late_risk_and_steps() -> None:
    text = personal_reply(timeline(ref=date(2027, 3, 1)), "spoor2")["text"]
    assert "Spoor 2 is te laat: 15 dagen" in text
    assert "loonsanctie" in text and "re-integratiebureau" in text
    assert text.endswith(DISCLAIMER)


def test_spoor2_on_time() -> None:
    assert "nog niet te laat" in personal_reply(timeline(), "spoor2")["text"]


def test_next_step_without_late_steps_is_the_first_milestone_not_behind_us() -> None:
    done = ("probleemanalyse", "plan_van_aanpak", "melding_uwv_42")
    step = next_step(timeline(steps_done=done))
    assert step is not None and step.id == "eerstejaarsevaluatie"
    later = next_step(
        timeline(ref=date(2027, 1, 4), steps_done=done, eerstejaarsevaluatie_date=date(2027, 1, 2))
    )
    assert later is not None and later.id == "bijstelling_evaluatie"


def test_milestone_dropped_after_aow_explains_why() -> None:
    text = personal_reply(timeline(aow_date=date(2027, 6, 1)), "wia_aanvraag")["text"]
    assert "AOW-leeftijd" in text and text.endswith(DISCLAIMER)

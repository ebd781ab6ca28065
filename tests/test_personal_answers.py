"""Personal answers built from the engine: overview, single deadline, spoor 2 check."""

from __future__ import annotations

from datetime import date

from bot.conversation.personal_answers import DISCLAIMER, next_step, personal_reply
from bot.deadlines import CaseFacts, SickPeriod, compute_timeline

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


# --- who acts: an employee never gets the employer's spoor 2 order (issue 19, point 6) ----

EMPLOYER_SPOOR2_ORDERS = ("start spoor 2 direct", "start spoor 2 nu", "wat nu: de werkgever")


def test_employee_with_a_late_spoor2_gets_what_they_can_do_in_every_answer() -> None:
    # 3 March - 25 April 2025 and sick again since 20 May 2025 (gap 24 days: added up).
    # Sick day 406 is Wednesday 6 May 2026: 201 days before 23 November 2026.
    periods = [SickPeriod(date(2025, 3, 3), date(2025, 4, 25)), SickPeriod(date(2025, 5, 20))]
    t = compute_timeline(periods, REF, CaseFacts())
    assert t.spoor2.status == "achterstallig"
    for focus in (None, "spoor2", "nu"):
        text = personal_reply(t, focus, role="werknemer")["text"]
        for order in EMPLOYER_SPOOR2_ORDERS:
            assert order not in text.lower(), (focus, order, text)
        assert "Start spoor 2" not in text, focus  # no imperative either
        assert "Spoor 2 starten is de taak van je werkgever" in text, focus
        assert "deskundigenoordeel" in text, focus
    # The explanation the widget shows names who acts.
    spoor2 = t.milestone("spoor2_uiterlijk")
    assert spoor2 is not None and spoor2.explanation.startswith("De werkgever start spoor 2")
    overview = personal_reply(t, None, role="werknemer")["text"]
    assert (
        "Spoor 2: Spoor 2 had uiterlijk op woensdag 6 mei 2026 moeten starten: 201 dagen "
        "geleden. Spoor 2 starten is de taak van je werkgever." in overview
    )
    check = personal_reply(t, "spoor2", role="werknemer")["text"]
    assert check.startswith("**Spoor 2 is te laat: 201 dagen over de uiterste datum.**")
    assert "Risico: Doet je werkgever te weinig" in check
    # HR and an unknown role keep the employer's actions.
    for role in ("werkgever", None):
        text = personal_reply(t, None, role=role)["text"]
        assert "Wat nu: de werkgever start spoor 2 direct met een re-integratiebureau" in text


def test_employee_whose_spoor2_must_start_now_is_not_told_to_start_it() -> None:
    # An arbeidsdeskundige found that return is not possible: spoor 2 must start now
    # (spec 5, `starten`); the deadline is Sunday 14 February 2027.
    t = timeline(geen_terugkeer_date=date(2026, 11, 1))
    assert t.spoor2.status == "starten"
    employee = personal_reply(t, "spoor2", role="werknemer")["text"]
    assert employee.startswith("**Spoor 2 moet nu starten.**")
    assert "Spoor 2 moet nu starten, en uiterlijk op zondag 14 februari 2027." in employee
    assert "Wat jij kunt doen: Spoor 2 starten is de taak van je werkgever" in employee
    for order in EMPLOYER_SPOOR2_ORDERS:
        assert order not in employee.lower(), (order, employee)
    employer = personal_reply(t, "spoor2", role="werkgever")["text"]
    assert employer.startswith("**Start spoor 2 nu.**")
    assert "De werkgever start spoor 2 nu" in employer

"""Employer questions about a known case, as pure functions of (state, message, today): the
persona failures 1, 2, 6 and 9 of tests/test_personas_1.py (issue 19). Today is Monday
23 November 2026, as in those tests; every date below is computed by hand from the spec
(shared/spec/timeline.md): sick day k falls on D + k - 1."""

from __future__ import annotations

from datetime import date

import pytest

from bot.conversation import claims_turn, faq_hint
from bot.conversation.case_facts import said_steps
from bot.conversation.focus import asks_for_a_date, requested_focus
from bot.conversation.personal_answers import DISCLAIMER, NOW, due_soon, personal_reply
from bot.conversation.state import STEPS_DONE
from bot.deadlines import CaseFacts, SickPeriod, compute_timeline
from bot.intents import Intent
from tests.test_conversation_dialogue import TODAY, Chat

SPOOR2_RULE = "Spoor 2 moet starten zodra"  # the general rule (personal_answers.spoor2_reason)


# --- failure 1: "wanneer moet ik haar ziek melden bij het uwv?" -----------------------------


@pytest.mark.parametrize(
    "question",
    [
        "en wanneer moet ik haar ziek melden bij het uwv?",
        "wanneer moet ik hem ziekmelden bij uwv?",
        "wanneer moet de melding bij het UWV?",
        "wanneer moet ik het uwv ziek melden?",
        "wanneer moet de ziekmelding naar het uwv?",
        "wanneer moet ik uwv op de hoogte brengen?",
    ],
)
def test_reporting_to_uwv_in_own_words_asks_for_the_42nd_week_report(question: str) -> None:
    assert requested_focus(question) == "melding_uwv_42"
    assert asks_for_a_date(question)


@pytest.mark.parametrize(
    "question",
    [
        "wanneer moet ik hem hersteld melden bij het uwv?",
        "wanneer moet ik haar beter melden bij uwv?",
        "wanneer moet ik uwv informeren over de wia-aanvraag?",
    ],
)
def test_a_recovery_report_is_not_the_42nd_week_report(question: str) -> None:
    assert requested_focus(question) != "melding_uwv_42"


def test_the_uwv_question_gets_the_date_of_the_known_case() -> None:
    chat = Chat(role="werkgever")
    chat.say("mijn werknemer is sinds 3 maart ziek, wat moet ik wanneer doen?", "inform_sick_day")
    question = "en wanneer moet ik haar ziek melden bij het uwv?"
    assert claims_turn(chat.state, question, Intent.FAQ, TODAY)
    text = chat.say(question)
    # D = 3 March 2026; D + 294 = Tuesday 22 December 2026, a working day.
    assert text.startswith(
        "**Ziekmelding bij UWV (42e-weeksmelding)**: Uiterlijk: dinsdag 22 december 2026."
    )
    assert "ziektedag" not in text
    assert chat.custom()["focus"] == "melding_uwv_42"


# --- failure 2: "hoe lang krijgt mijn medewerker nog salaris?" --------------------------------


@pytest.mark.parametrize("intent", ["faq", "inform_sick_day"])
def test_a_pay_question_with_the_sick_day_is_answered_in_the_first_sentence(intent: str) -> None:
    chat = Chat(role="werkgever")
    text = chat.say(
        "hoe lang krijgt mijn medewerker nog salaris? ze is sinds 5 januari 2026 ziek", intent
    )
    # Spec example 1: D = 5 January 2026, last day of pay D + 727 = Sunday 2 January 2028.
    first_line = text.split("\n")[0]
    assert first_line == "**Je betaalt het loon bij ziekte door tot en met zondag 2 januari 2028.**"
    assert "klopt dat?" not in text  # the question asked for a date: the sick day is used at once
    assert "eerstejaarsevaluatie al geweest" not in text and "spoor 2 al gestart" not in text
    assert "Je termijnen bij eerste ziektedag" not in text  # no table before the answer
    assert chat.custom()["focus"] == "einde_loondoorbetaling"
    assert text.endswith(DISCLAIMER)


@pytest.mark.parametrize(
    "question",
    [
        "hoe lang krijgt mijn medewerker nog salaris?",
        "hoe lang betalen we haar loon nog?",
        "hoe lang krijgt ze nog loon doorbetaald?",
        "hoelang krijgt hij nog salaris?",
        "hoe lang moeten we haar nog betalen?",
    ],
)
def test_how_long_pay_questions_ask_for_a_date(question: str) -> None:
    assert requested_focus(question) == "einde_loondoorbetaling"
    assert asks_for_a_date(question)


# --- failure 6: the AOW age makes spoor 2 not required ------------------------------------


def test_spoor2_deadline_question_says_not_required_when_the_aow_age_is_near() -> None:
    chat = Chat(role="werkgever")
    text = chat.say(
        "mijn monteur is sinds 2 maart 2026 ziek, hij bereikt op 1 juni 2027 de aow "
        "leeftijd. moet ik nog met spoor 2 beginnen?"
    )
    timeline = chat.custom()["timeline"]
    assert timeline["spoor2"]["status"] == "niet_vereist"  # type: ignore[index]
    assert "**Spoor 2 is nu niet nodig.**" in text
    # The would-be deadline (D + 405 = Sunday 11 April 2027) is named with the exception.
    assert "uiterste startdatum van spoor 2 (zondag 11 april 2027)" in text
    assert SPOOR2_RULE not in text and "Uiterlijk: zondag 11 april 2027" not in text
    assert "te laat" not in text


def test_spoor2_answers_follow_the_engine_status() -> None:
    first = date(2026, 3, 2)
    near_aow = compute_timeline([SickPeriod(first)], TODAY, CaseFacts(aow_date=date(2027, 6, 1)))
    for focus in ("spoor2_uiterlijk", "spoor2"):
        text = personal_reply(near_aow, focus, role="werkgever")["text"]
        assert "Spoor 2 is nu niet nodig" in text and SPOOR2_RULE not in text
    # Without the exception the deadline and the rule stay.
    plain = compute_timeline([SickPeriod(first)], TODAY, CaseFacts())
    text = personal_reply(plain, "spoor2_uiterlijk", role="werkgever")["text"]
    assert "**Uiterste start tweede spoor**: Uiterlijk: zondag 11 april 2027." in text
    assert SPOOR2_RULE in text


# --- failure 9: steps said done together --------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "de probleemanalyse en het plan van aanpak zijn allebei op tijd gedaan",
            {"probleemanalyse": True, "plan_van_aanpak": True},
        ),
        (
            "de probleemanalyse, het plan van aanpak en de eerstejaarsevaluatie zijn gedaan",
            {"probleemanalyse": True, "plan_van_aanpak": True, "eerstejaarsevaluatie": True},
        ),
        (
            "de probleemanalyse is gemaakt, het plan van aanpak is nog niet gemaakt",
            {"probleemanalyse": True, "plan_van_aanpak": False},
        ),
        (
            "we hebben de probleemanalyse en het plan van aanpak gedaan",
            {"probleemanalyse": True, "plan_van_aanpak": True},
        ),
        (
            "zowel de probleemanalyse als het plan van aanpak zijn op tijd gemaakt",
            {"probleemanalyse": True, "plan_van_aanpak": True},
        ),
        ("probleemanalyse en pva zijn klaar", {"probleemanalyse": True, "plan_van_aanpak": True}),
        ("de eerstejaarsevaluatie hebben we gehad", {"eerstejaarsevaluatie": True}),
        ("is de probleemanalyse en het plan van aanpak al gedaan?", {}),
        ("wanneer moet de probleemanalyse klaar zijn", {}),
        ("de probleemanalyse en de rest weet ik niet", {}),
    ],
)
def test_steps_named_together_share_their_verb(text: str, expected: dict[str, bool]) -> None:
    assert said_steps(text) == expected


def test_steps_said_done_are_kept_and_not_asked_about_today() -> None:
    chat = Chat(role="werkgever")
    chat.say("een medewerker is ziek sinds 2 februari 2026", "inform_sick_day")
    chat.say("ja", "affirm")
    noted = chat.say("de probleemanalyse en het plan van aanpak zijn allebei op tijd gedaan")
    assert noted.startswith(
        "Genoteerd: Probleemanalyse door de bedrijfsarts: gemaakt.\n"
        "Genoteerd: Plan van aanpak: gedaan."
    )
    assert "Nog niet gedaan?" not in noted
    assert chat.state.steps(STEPS_DONE) == ("probleemanalyse", "plan_van_aanpak")

    text = chat.say("wat moet ik vandaag doen?")
    # D = 2 February 2026: the 42e-weeksmelding, D + 294, is due today.
    assert text.startswith(
        "**In de komende 14 dagen: 2 stappen. Als eerste: Ziekmelding bij UWV "
        "(42e-weeksmelding), maandag 23 november 2026.**"
    )
    assert (
        "- **Ziekmelding bij UWV (42e-weeksmelding)**: uiterlijk maandag 23 november 2026. "
        "Wie: werkgever." in text
    )
    assert "termijn voorbij" not in text and "Nu eerst" not in text
    assert "Heeft de bedrijfsarts de probleemanalyse" not in text
    assert "Is het plan van aanpak al gemaakt" not in text
    assert chat.state.periods == (("2026-02-02", None),)  # "vandaag" is no sick day


def test_a_pay_question_before_the_sick_day_is_answered_first_after_yes() -> None:
    """The general answer offers to compute the date and keeps the question; after the sick
    day and "ja" the first sentence is the last day of pay, not the table."""
    chat = Chat(role="werkgever")
    hint, chat.state = faq_hint(chat.state, "hoe lang krijgt mijn medewerker nog salaris?")
    assert hint is not None
    assert "klopt dat?" in chat.say("ze is sinds 5 januari 2026 ziek", "inform_sick_day")
    text = chat.say("ja", "affirm")
    assert text.split("\n")[0] == (
        "**Je betaalt het loon bij ziekte door tot en met zondag 2 januari 2028.**"
    )
    assert "Je termijnen bij eerste ziektedag" not in text


def test_spoor2_not_required_is_no_task_in_what_to_do_now() -> None:
    """Spoor 2's deadline within 14 days, but the AOW age is near: "wat moet ik nu doen?"
    does not list it (spec section 5)."""
    first = date(2025, 10, 21)  # D + 405 = Monday 30 November 2026, a week after today
    facts = CaseFacts(aow_date=date(2027, 6, 1))
    timeline = compute_timeline([SickPeriod(first)], TODAY, facts)
    assert timeline.spoor2.status == "niet_vereist"
    assert "spoor2_uiterlijk" not in [m.id for m in due_soon(timeline)]
    text = personal_reply(timeline, NOW, role="werkgever")["text"]
    assert "Uiterste start tweede spoor" not in text
    # Without the AOW date it is due within 14 days and listed, with who acts.
    plain = compute_timeline([SickPeriod(first)], TODAY, CaseFacts())
    assert "spoor2_uiterlijk" in [m.id for m in due_soon(plain)]
    assert (
        "- **Uiterste start tweede spoor**: uiterlijk maandag 30 november 2026. Wie: werkgever."
        in personal_reply(plain, NOW, role="werkgever")["text"]
    )

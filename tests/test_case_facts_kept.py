"""Facts of the case told in any message and in any order are kept and used in every later
answer, never asked again (issue 19, point 1)."""

from __future__ import annotations

from typing import Any

from bot.conversation import claims_turn
from bot.conversation.case_facts import mentioned_facts
from bot.intents import Intent
from tests.test_conversation_dialogue import TODAY, Chat


def pay_end(chat: Chat) -> str:
    timeline: dict[str, Any] = chat.custom()["timeline"]  # type: ignore[assignment]
    return str(
        next(m["date"] for m in timeline["milestones"] if m["id"] == "einde_loondoorbetaling")
    )


def test_a_fact_after_an_answer_is_claimed_kept_and_the_answer_given_again() -> None:
    chat = Chat(role="werkgever")
    chat.say("sinds 3 januari 2025 ziek, tot wanneer moeten we doorbetalen?", "faq")
    assert pay_end(chat) == "2026-12-31"  # 3 January 2025 + 727 days
    message = "er is ook een loonsanctie van 12 weken opgelegd"
    assert claims_turn(chat.state, message, Intent.FAQ, TODAY)
    text = chat.say(message, "faq")
    assert text.startswith(
        "**Je betaalt het loon bij ziekte door tot en met donderdag 25 maart 2027"
    )
    assert pay_end(chat) == "2027-03-25"  # + 12 weeks (spec 4)
    chat.say("en de eerstejaarsevaluatie?", "faq")
    assert chat.custom()["calendar_query"] == {
        "sick_periods": "2025-01-03..",
        "loonsanctie_weeks": "12",
    }


def test_a_question_about_a_fact_is_not_taken_as_the_fact() -> None:
    chat = Chat(role="werkgever")
    chat.say("sinds 3 januari 2025 ziek, tot wanneer moeten we doorbetalen?", "faq")
    assert not claims_turn(
        chat.state, "wat betekent een loonsanctie van 12 weken?", Intent.FAQ, TODAY
    )


def test_event_dates_beside_the_sick_day_in_one_message_are_kept() -> None:
    text = "ik ben sinds 20 mei 2025 ziek, de eerstejaarsevaluatie was op 12 mei 2026. tot wanneer?"
    found = mentioned_facts(text, TODAY)
    assert found.facts == {"eerstejaarsevaluatie_date": "2026-05-12"}
    assert "12 mei" not in found.sick_text and "20 mei 2025" in found.sick_text
    planned = mentioned_facts(
        "sinds 2 februari 2026 ziek en de eerstejaarsevaluatie staat gepland op 15 januari", TODAY
    )
    assert planned.facts == {"eerstejaarsevaluatie_date": "2027-01-15"}
    started = mentioned_facts("sinds 1 september 2025 ziek; spoor 2 is gestart op 1 oktober", TODAY)
    assert started.facts == {"spoor2_start_date": "2026-10-01"}


def test_eerstejaarsevaluatie_in_the_first_message_is_used_and_not_asked() -> None:
    chat = Chat(role="werkgever")
    text = chat.say(
        "mijn werknemer is sinds 2 februari 2026 ziek en de eerstejaarsevaluatie staat gepland "
        "op 15 januari 2027. wanneer moet spoor 2 uiterlijk starten?",
        "faq",
    )
    assert "eerstejaarsevaluatie al geweest" not in text
    assert chat.state.facts["eerstejaarsevaluatie_date"] == "2027-01-15"


def test_spoor2_not_started_is_never_asked_again() -> None:
    chat = Chat(role="werkgever")
    chat.say("mijn werknemer is sinds 1 september 2025 ziek", "inform_sick_day")
    chat.say("ja", "affirm")
    chat.say("spoor 2 is nog niet gestart", "faq")
    text = chat.say("is spoor 2 te laat?", "faq")
    assert "Is de eerstejaarsevaluatie al geweest?" in text  # not told: may be asked
    text = chat.say("sla over", "skip")
    assert "Is spoor 2 al gestart?" not in text
    assert "**Spoor 2 is te laat" in text


def test_a_fact_before_the_sick_day_is_kept_and_the_sick_day_asked() -> None:
    chat = Chat()
    message = "de eerstejaarsevaluatie was op 12 mei 2026"
    assert claims_turn(chat.state, message, Intent.FAQ, TODAY)
    text = chat.say(message, "faq")
    assert text.startswith("Dat onthoud ik. Om de datums voor jouw situatie uit te rekenen")
    assert "Wat is de eerste ziektedag?" in text
    chat.say("sinds 20 mei 2025 ziek", "inform_sick_day")
    chat.say("ja", "affirm")
    chat.say("tot wanneer loon?", "faq")
    assert chat.custom()["calendar_query"] == {
        "sick_periods": "2025-05-20..",
        "eerstejaarsevaluatie_date": "2026-05-12",
    }

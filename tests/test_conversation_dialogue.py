"""The personal-deadline conversation as a pure function: (state, message, today) -> replies."""

from __future__ import annotations

from datetime import date

import pytest

from actions.intents import intent_of
from bot.conversation import CaseState, Message, claims_turn, faq_hint, handle_turn
from bot.conversation.personal_answers import DISCLAIMER
from bot.conversation.state import AWAIT_CONFIRM, AWAIT_SICK_DAY
from bot.intents import Intent

TODAY = date(2026, 11, 23)


class Chat:
    """A conversation: keeps the state between turns like the Rasa slot does."""

    def __init__(self, role: str | None = None, today: date = TODAY) -> None:
        self.state = CaseState()
        self.role = role
        self.today = today
        self.last: list[dict[str, object]] = []

    def say(self, text: str, intent: str | None = "faq", role: str | None = None) -> str:
        message = Message(text, intent_of(intent), role or self.role, self.today)
        result = handle_turn(self.state, message)
        # The slot goes through JSON between turns.
        self.state = CaseState.from_slot(result.state.to_slot())
        self.role = result.role
        self.last = result.replies
        return "\n".join(str(r["text"]) for r in result.replies)

    def buttons(self) -> list[str]:
        return [b.title for r in self.last for b in r.get("buttons", [])]  # type: ignore[attr-defined]

    def custom(self) -> dict[str, object]:
        found = [r["custom"] for r in self.last if r.get("custom")]
        assert len(found) == 1
        return found[0]  # type: ignore[return-value]


def test_a_date_on_its_own_is_echoed_with_yes_no_buttons() -> None:
    chat = Chat()
    text = chat.say("3 maart 2025", "inform_sick_day")
    assert text == "Je eerste ziektedag is maandag 3 maart 2025, klopt dat?"
    assert chat.buttons() == ["Ja", "Nee"]
    assert chat.state.awaiting == AWAIT_CONFIRM
    assert not chat.state.known


def test_correction_then_yes_gives_the_overview_for_the_corrected_day() -> None:
    chat = Chat(role="werknemer")
    chat.say("3 maart 2025", "inform_sick_day")
    # The corrected day keeps the year of the date it corrects (issue 19, point 7).
    assert "woensdag 5 maart 2025, klopt dat?" in chat.say("nee, 5 maart", "deny")
    text = chat.say("ja", "affirm")
    assert "Je termijnen bij eerste ziektedag woensdag 5 maart 2025:" in text
    assert "← volgende stap" in text
    assert text.endswith(DISCLAIMER)
    payload = chat.custom()
    assert payload["type"] == "timeline"
    assert payload["timeline"]["case"]["first_sick_day"] == "2025-03-05"  # type: ignore[index]


def test_plain_no_asks_for_the_right_date() -> None:
    chat = Chat()
    chat.say("12-10-2025", "inform_sick_day")
    assert "juiste eerste ziektedag" in chat.say("nee", "deny")
    assert chat.state.awaiting == AWAIT_SICK_DAY
    assert "zondag 12 oktober 2025, klopt dat?" in chat.say("12 oktober 2025", "inform_sick_day")


def test_sick_day_inside_the_question_is_used_at_once() -> None:
    chat = Chat()
    text = chat.say(
        "ik ben sinds 5 januari 2026 ziek, wanneer moet de probleemanalyse klaar zijn?", "faq"
    )
    # Week 6 ends on sick day 42: 5 January + 41 days.
    assert "**Probleemanalyse door de bedrijfsarts**: Uiterlijk: zondag 15 februari 2026." in text
    assert text.startswith("Je eerste ziektedag is maandag 5 januari 2026: daar reken ik mee.")
    assert chat.custom()["focus"] == "probleemanalyse"
    assert text.endswith(DISCLAIMER)


def test_employer_overview_with_the_date_in_the_question() -> None:
    chat = Chat()
    text = chat.say(
        "mijn werknemer is sinds 3 maart ziek, wat moet ik wanneer doen?",
        "inform_sick_day",
        role="werkgever",
    )
    assert "Je termijnen bij eerste ziektedag dinsdag 3 maart 2026:" in text
    assert "Als werkgever bewaak jij deze termijnen." in text


def test_follow_up_uses_the_known_sick_day() -> None:
    chat = Chat()
    chat.say("ik ben sinds 5 januari 2026 ziek, wanneer moet de probleemanalyse klaar zijn?")
    text = chat.say("en de eerstejaarsevaluatie?", "faq")
    assert "**Eerstejaarsevaluatie**: Dat is tussen" in text
    loon = chat.say("tot wanneer wordt mijn loon doorbetaald?", "faq")
    # 104 weeks: the last day is sick day 728, 5 January 2026 + 727 days.
    assert "**Laatste dag loondoorbetaling**: Uiterlijk: zondag 2 januari 2028." in loon


def test_what_questions_stay_general_even_when_the_case_is_known() -> None:
    chat = Chat()
    chat.say("ik ben sinds 5 januari 2026 ziek, wanneer moet de probleemanalyse klaar zijn?")
    assert not claims_turn(chat.state, "wat is de eerstejaarsevaluatie?", Intent.FAQ, TODAY)
    assert claims_turn(chat.state, "en de eerstejaarsevaluatie?", Intent.FAQ, TODAY)
    assert not claims_turn(CaseState(), "wanneer moet spoor 2 starten?", Intent.FAQ, TODAY)


def test_general_when_question_gets_an_offer_to_compute() -> None:
    hint, state = faq_hint(CaseState(), "wanneer moet spoor 2 starten?")
    assert hint is not None and "eerste ziektedag" in hint
    assert state.focus == "spoor2_uiterlijk"
    chat = Chat()
    chat.state = state
    chat.say("sinds 1 september 2025", "inform_sick_day")
    assert "Is de eerstejaarsevaluatie al geweest?" in chat.say("ja", "affirm")


def test_spoor2_late_asks_what_matters_then_reports_days_late() -> None:
    chat = Chat()
    text = chat.say("sinds 1 september 2025 ziek, is spoor 2 te laat?", "faq")
    assert "werknemer" in text and chat.buttons()[-1] == "Sla over"
    assert "eerstejaarsevaluatie al geweest" in chat.say(
        "ik ben werkgever", "inform_role", role="werkgever"
    )
    assert "Is spoor 2 al gestart?" in chat.say("nee", "deny")
    text = chat.say("nee", "deny")
    # The eerstejaarsevaluatie window ends 30 August 2026; six weeks later is 11 October.
    assert "**Spoor 2 is te laat: 43 dagen over de uiterste datum.**" in text
    assert "zondag 11 oktober 2026" in text
    assert "loonsanctie" in text and "re-integratiebureau" in text
    assert chat.custom()["timeline"]["spoor2"]["days_late"] == 43  # type: ignore[index]


def test_spoor2_started_is_not_late() -> None:
    chat = Chat(role="werkgever")
    chat.say("sinds 1 september 2025 ziek, zijn we op tijd met spoor 2?", "faq")
    chat.say("sla over", "skip")
    text = chat.say("op 1 oktober 2026", "inform_sick_day")
    assert "**Spoor 2 is gestart.**" in text


def test_spoor2_deadline_explains_the_reasoning_from_the_eje_date() -> None:
    chat = Chat(role="werkgever")
    chat.say("sinds 1 september 2025 ziek, wanneer moet spoor 2 starten?", "faq")
    text = chat.say("10 augustus 2026", "inform_sick_day")
    assert "Uiterlijk: maandag 21 september 2026." in text
    assert "de eerstejaarsevaluatie was op maandag 10 augustus 2026" in text
    assert "zodra terugkeer in de eigen organisatie niet meer waarschijnlijk is" in text


def test_yes_to_a_date_question_asks_for_the_date() -> None:
    chat = Chat(role="werkgever")
    chat.say("sinds 1 september 2025 ziek, wanneer moet spoor 2 starten?", "faq")
    assert "Op welke datum" in chat.say("ja", "affirm")
    assert "Uiterlijk: maandag 21 september 2026." in chat.say(
        "op 10 augustus 2026", "inform_sick_day"
    )


def test_periods_that_add_up() -> None:
    chat = Chat(role="werkgever")
    text = chat.say(
        "ik was eerder ziek van 3 januari tot 3 juli en sinds 25 juli weer", "inform_sick_day"
    )
    assert "van zaterdag 3 januari 2026 tot en met vrijdag 3 juli 2026" in text
    assert "vanaf zaterdag 25 juli 2026" in text
    text = chat.say("ja", "affirm")
    assert "2 ziekteperiodes tellen samen op" in text
    assert "Je termijnen bij eerste ziektedag zaterdag 3 januari 2026:" in text


def test_loonsanctie_extends_the_payment() -> None:
    chat = Chat()
    question = "UWV heeft een loonsanctie van 12 weken opgelegd, tot wanneer moeten we doorbetalen?"
    assert claims_turn(CaseState(), question, Intent.FAQ, TODAY)
    assert "eerste ziektedag" in chat.say(question, "faq")
    chat.say("sinds 4 februari 2024", "inform_sick_day")
    text = chat.say("ja", "affirm")
    # 104 weeks end on 31 January 2026; 12 more weeks: 25 April 2026.
    assert "**Laatste dag loondoorbetaling**: Uiterlijk: zaterdag 25 april 2026." in text


def test_pregnancy_is_mentioned_as_not_included() -> None:
    chat = Chat(role="werknemer")
    text = chat.say("ik ben zwanger en sinds 2 november ziek, wat moet ik wanneer doen?")
    assert "zwangerschap" in text and text.endswith(DISCLAIMER)


def test_restart_forgets_the_case() -> None:
    chat = Chat()
    chat.say("ik ben sinds 5 januari 2026 ziek, wanneer moet de probleemanalyse klaar zijn?")
    assert "vergeten" in chat.say("begin opnieuw", "restart_case")
    assert not chat.state.known and chat.state.awaiting == AWAIT_SICK_DAY


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("asdfgh qwerty", "geen datum vinden"),
        ("1 januari 2030", "in de toekomst"),
        ("3 maart 1999", "vóór 2002"),
        ("31 februari 2026", "bestaat niet"),
        ("ziek van 5 mei 2026 tot 3 mei 2026", "vóór het begin"),
        # "begin januari" is now read as 1 januari, with the assumption said (issue 19, point 7).
        ("ergens vorig jaar", "Welke dag was dat precies?"),
    ],
)
def test_bad_dates_get_a_clear_reply_and_the_question_stays(text: str, expected: str) -> None:
    chat = Chat()
    chat.say("wat moet ik wanneer doen?", "ask_overview")
    assert chat.state.awaiting == AWAIT_SICK_DAY
    assert expected in chat.say(text, "inform_sick_day")
    assert chat.state.awaiting == AWAIT_SICK_DAY and not chat.state.known
    assert "klopt dat?" in chat.say("3 maart 2025", "inform_sick_day")


def test_skipping_the_sick_day_ends_the_question_politely() -> None:
    chat = Chat()
    chat.say("wat moet ik wanneer doen?", "ask_overview")
    assert "Zonder eerste ziektedag" in chat.say("sla over", "skip")
    assert chat.state.awaiting is None


def test_damaged_slot_data_starts_afresh() -> None:
    assert CaseState.from_slot({"periods": [[1]], "awaiting": "x"}) == CaseState()
    assert CaseState.from_slot("garbage") == CaseState()
    assert CaseState.from_slot({"awaiting": "hack"}).awaiting is None


def test_late_wia_aanvraag_extends_the_payment() -> None:
    chat = Chat(role="werkgever")
    chat.state = CaseState(periods=(("2024-09-02", None),))
    text = chat.say(
        "we hebben de WIA-aanvraag te laat ingediend, op 20 augustus 2026. "
        "tot wanneer moeten we doorbetalen?"
    )
    # Normal end 30 August 2026; the aanvraag came 67 days after week 93 (14 June 2026).
    assert "**Laatste dag loondoorbetaling**: Uiterlijk: donderdag 5 november 2026." in text
    assert chat.state.facts["wia_aanvraag_date"] == "2026-08-20"
    assert chat.state.periods == (("2024-09-02", None),)  # the date was not a sick day


def test_answers_carry_the_calendar_query_of_the_case() -> None:
    chat = Chat(role="werkgever")
    chat.say("ik was eerder ziek van 3 januari tot 3 juli en sinds 25 juli weer", "inform_sick_day")
    chat.say("ja", "affirm")
    assert chat.custom()["calendar_query"] == {
        "sick_periods": "2026-01-03..2026-07-03,2026-07-25.."
    }


@pytest.mark.parametrize(
    ("text", "claimed"),
    [
        ("Mag ik op 14 oktober 2026 met 12 dagen vakantie?", False),
        ("ik wil vanaf 3 november verlof opnemen", False),
        ("ik ben op 3 november op vakantie ziek geworden", True),
        ("sinds 3 november 2026", True),
    ],
)
def test_a_date_with_leave_and_no_sickness_is_not_a_sick_day(text: str, claimed: bool) -> None:
    # DIET may take any message with a date for a first sick day.
    assert claims_turn(CaseState(), text, Intent.INFORM_SICK_DAY, TODAY) is claimed

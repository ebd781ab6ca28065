"""Issue 15, point 5: the message text is read once per turn, into one value of what it
mentions (bot/conversation/reading.py), and a first sick day named in a full sentence next to
a loonsanctie in weeks is taken as the start. BOT_TODAY = Monday 23 November 2026."""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from typing import Any

import pytest
from fastapi.testclient import TestClient

import bot.conversation.reading as reading_module
import bot.conversation.sick_days as sick_days_module
from bot.conversation import CaseState, MessageReading, read_message
from bot.conversation.state import AWAIT_EJE, AWAIT_STEP_DONE
from bot.dutch.dates import DateFound, DateUnclear, NoDate, Period, PeriodsFound
from tests.action_calls import call, run
from tests.test_conversation_dialogue import TODAY, Chat

SINGLE_DAY_QUESTION = "Was dat één ziektedag, of begon de ziekte toen?"
SICK_DAY_AND_SANCTION = [
    "Mijn werknemer is op 3 maart 2026 ziek geworden en heeft een loonsanctie van 12 weken "
    "gekregen, wanneer eindigt de loondoorbetaling?",
    "Mijn eerste ziektedag was 3 maart 2026 en ik heb een loonsanctie van 12 weken gekregen. "
    "Tot wanneer krijg ik loon?",
    "Mijn werknemer werd op 3 maart 2026 ziek. We hebben een loonsanctie van twaalf weken "
    "gekregen, tot wanneer betalen we door?",
    "3 maart 2026 was mijn eerste ziektedag, loonsanctie 12 weken. Tot wanneer loopt mijn loon",
]


@pytest.fixture(autouse=True)
def fixed_today(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("BOT_TODAY", TODAY.isoformat())


@pytest.mark.parametrize("message", SICK_DAY_AND_SANCTION)
def test_the_sick_day_is_the_start_and_the_weeks_are_taken(message: str) -> None:
    chat = Chat()
    text = chat.say(message, "faq")
    assert SINGLE_DAY_QUESTION not in text
    assert "Je eerste ziektedag is dinsdag 3 maart 2026: daar reken ik mee." in text
    assert "**Laatste dag loondoorbetaling**: Uiterlijk: maandag 22 mei 2028." in text
    assert chat.state.periods == (("2026-03-03", None),)
    assert chat.state.facts["loonsanctie_weeks"] == 12


def test_a_day_back_at_work_is_still_asked_about() -> None:
    chat = Chat()
    text = chat.say("ik was op 3 maart 2026 ziek en daarna weer aan het werk", "inform_sick_day")
    assert SINGLE_DAY_QUESTION in text
    assert not chat.state.known


def test_the_reading_holds_what_the_message_mentions() -> None:
    reading = read_message(CaseState(), SICK_DAY_AND_SANCTION[1], TODAY)
    assert reading.sick_days == PeriodsFound((Period(TODAY.replace(month=3, day=3), None),))
    assert reading.facts.facts == {"loonsanctie_weeks": 12}
    assert reading.names_a_date and reading.focus == "einde_loondoorbetaling"
    assert reading.awaited_date == NoDate()  # no question of ours waits for a date
    # A question of the date reader stays the reader's, word for word.
    vague = read_message(CaseState(), "ik ben begin vorig jaar ziek geworden", TODAY)
    assert isinstance(vague.sick_days, DateUnclear)
    # "wat moet ik vandaag doen?": "vandaag" is no date.
    task = read_message(CaseState(), "wat moet ik vandaag doen?", TODAY)
    assert not task.names_a_date and "vandaag" not in task.dates_text


def test_the_reading_knows_the_date_our_question_asks_for() -> None:
    state = CaseState(periods=(("2025-03-03", None),), awaiting=AWAIT_EJE)
    reading = read_message(state, "die was op 12 februari", TODAY)
    assert reading.awaited_fact == AWAIT_EJE
    assert reading.awaited_date == DateFound(TODAY.replace(month=2, day=12), "12 februari")
    step = CaseState(periods=(("2025-03-03", None),), awaiting=AWAIT_STEP_DONE, step="wia_aanvraag")
    assert read_message(step, "ja", TODAY).awaited_fact == "wia_aanvraag_date"


def test_two_readings_are_equal_for_the_same_message_and_case() -> None:
    first = read_message(CaseState(), "sinds 3 maart ziek", TODAY)
    assert first.names_a_date  # parts read so far do not make it another reading
    assert first == read_message(CaseState(), "sinds 3 maart ziek", TODAY)
    known = CaseState(periods=(("2026-01-05", None),))
    assert first != read_message(known, "sinds 3 maart ziek", TODAY)
    assert isinstance(first, MessageReading)


def counting(monkeypatch: pytest.MonkeyPatch, counts: Counter[str], module: Any, name: str) -> None:
    """Replace `module.name` with a wrapper that counts its calls."""
    original: Callable[..., Any] = getattr(module, name)

    def wrapper(*args: Any, **kwargs: Any) -> Any:
        counts[name] += 1
        return original(*args, **kwargs)

    monkeypatch.setattr(module, name, wrapper)


@pytest.fixture
def reads(monkeypatch: pytest.MonkeyPatch) -> Counter[str]:
    """How often one turn reads the text: the task-time words, the facts, and the date
    reader's sick periods (extract_periods is only called to read sick days)."""
    counts: Counter[str] = Counter()
    counting(monkeypatch, counts, reading_module, "without_task_time")
    counting(monkeypatch, counts, reading_module, "mentioned_facts")
    counting(monkeypatch, counts, sick_days_module, "extract_periods")
    return counts


def test_one_turn_through_the_action_reads_the_text_once(
    client: TestClient, reads: Counter[str]
) -> None:
    """The routing (bot.turn) and the case step (handle_turn) share one reading."""
    body = run(client, call("action_turn", SICK_DAY_AND_SANCTION[1], intent="faq"))
    text = "\n".join(r.get("text") or "" for r in body["responses"])
    assert "maandag 22 mei 2028" in text and SINGLE_DAY_QUESTION not in text
    assert reads == {"without_task_time": 1, "mentioned_facts": 1, "extract_periods": 1}


def test_a_date_answer_while_confirming_reads_the_text_once(
    client: TestClient, reads: Counter[str]
) -> None:
    case = {"candidate": [["2026-03-03", None]], "given": [["2026-03-03", None]]}
    payload = call(
        "action_turn",
        "nee, sinds 5 maart 2026",
        intent="deny",
        slots={"case": {**case, "awaiting": "confirm"}},
    )
    body = run(client, payload)
    assert "donderdag 5 maart 2026, klopt dat?" in body["responses"][0]["text"]
    # The message's own sick days once, and three readings of it against the known sick
    # days for a year it leaves out (period_merge._context_days).
    assert reads == {"without_task_time": 1, "mentioned_facts": 1, "extract_periods": 4}


def test_a_faq_question_reads_no_sick_days_it_does_not_need(
    client: TestClient, reads: Counter[str]
) -> None:
    run(client, call("action_turn", "wat is een loonsanctie?", intent="faq"))
    # Whether it names a date decides whether the case claims it; no facts are read from a
    # question that names no personal date.
    assert reads == {"without_task_time": 1, "extract_periods": 1}

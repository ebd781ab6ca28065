"""The personal-deadline conversation through the action webhook (action_turn), with the
tracker Rasa sends.

BOT_TODAY fixes "today" for the actions, as in the running service.
"""

from __future__ import annotations

from typing import Any

import pytest
from fastapi.testclient import TestClient

from bot.conversation.personal_answers import DISCLAIMER
from bot.messages import APOLOGY
from tests.action_calls import call, run


@pytest.fixture(autouse=True)
def fixed_today(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("BOT_TODAY", "2026-11-23")


def slots_set(body: dict[str, Any]) -> dict[str, Any]:
    return {e["name"]: e["value"] for e in body["events"] if e["event"] == "slot"}


def texts(body: dict[str, Any]) -> str:
    return "\n".join(r.get("text") or "" for r in body["responses"])


def test_sick_day_is_echoed_and_kept_in_the_case_slot(client: TestClient) -> None:
    body = run(client, call("action_turn", "3 maart 2025", intent="inform_sick_day"))
    assert texts(body) == "Je eerste ziektedag is maandag 3 maart 2025, klopt dat?"
    assert [b["payload"] for b in body["responses"][0]["buttons"]] == ["/affirm", "/deny"]
    case = slots_set(body)["case"]
    assert case["candidate"] == [["2025-03-03", None]] and case["awaiting"] == "confirm"


def test_affirm_answers_with_timeline_payload_and_role_from_the_slot(client: TestClient) -> None:
    case = {"candidate": [["2026-03-03", None]], "awaiting": "confirm"}
    payload = call(
        "action_turn", "/affirm", intent="affirm", slots={"case": case, "role": "werkgever"}
    )
    body = run(client, payload)
    text = texts(body)
    assert "Je termijnen bij eerste ziektedag dinsdag 3 maart 2026:" in text
    assert text.endswith(DISCLAIMER)
    custom = next(r["custom"] for r in body["responses"] if r.get("custom"))
    assert custom["type"] == "timeline" and custom["timeline"]["case"]["first_sick_day"] == (
        "2026-03-03"
    )
    assert slots_set(body)["case"]["periods"] == [["2026-03-03", None]]


def test_faq_action_hands_a_personal_question_to_the_case(client: TestClient) -> None:
    text = "ik ben sinds 5 januari 2026 ziek, wanneer moet de probleemanalyse klaar zijn?"
    body = run(client, call("action_turn", text))
    assert "Uiterlijk: zondag 15 februari 2026." in texts(body)


def test_general_when_question_gets_the_faq_answer_and_an_offer(client: TestClient) -> None:
    body = run(
        client,
        call("action_turn", "wanneer moet spoor 2 starten?"),
    )
    text = texts(body)
    assert "Bron:" in text and "Noem de eerste ziektedag" in text
    assert slots_set(body)["case"]["focus"] == "spoor2_uiterlijk"


def test_follow_up_question_in_the_same_conversation(client: TestClient) -> None:
    case = {"periods": [["2026-01-05", None]]}
    body = run(client, call("action_turn", "en de eerstejaarsevaluatie?", slots={"case": case}))
    assert "**Eerstejaarsevaluatie**: Dat is tussen" in texts(body)


def test_garbage_where_a_date_was_asked_is_not_a_dead_end(client: TestClient) -> None:
    case = {"awaiting": "first_sick_day"}
    body = run(
        client,
        call("action_turn", "blablabla", intent="nlu_fallback", slots={"case": case}),
    )
    assert "geen datum" in texts(body)
    assert not any(e["event"] == "rewind" for e in body["events"])


def test_role_button_answers_the_case_question(client: TestClient) -> None:
    case = {"periods": [["2025-09-01", None]], "awaiting": "role", "focus": "spoor2"}
    entities = [{"entity": "role", "value": "werknemer"}]
    payload = call("action_turn", '/inform_role{"role": "werknemer"}', intent="inform_role",
                   slots={"case": case}, entities=entities)  # fmt: skip
    body = run(client, payload)
    assert "eerstejaarsevaluatie al geweest" in texts(body)
    assert slots_set(body)["role"] == "werknemer"


def test_restart_clears_the_case(client: TestClient) -> None:
    case = {"periods": [["2025-09-01", None]]}
    body = run(
        client, call("action_turn", "begin opnieuw", intent="restart_case", slots={"case": case})
    )
    assert "vergeten" in texts(body)
    assert slots_set(body)["case"]["periods"] == []


def test_yes_without_an_open_question_is_harmless(client: TestClient) -> None:
    body = run(client, call("action_turn", "ja", intent="affirm"))
    assert texts(body) == "Oké. Waar kan ik je mee helpen?"


def test_an_error_inside_the_action_gives_an_apology_and_keeps_the_state(
    client: TestClient, monkeypatch: pytest.MonkeyPatch
) -> None:
    def broken(*_: object) -> None:
        raise RuntimeError("engine down")

    monkeypatch.setattr("actions.turn.handle_turn", broken)
    case = {"periods": [["2025-09-01", None]]}
    body = run(
        client,
        call(
            "action_turn", "wat moet ik wanneer doen", intent="ask_overview", slots={"case": case}
        ),
    )
    assert texts(body) == APOLOGY
    assert body["events"] == []  # no slot changes: the case is kept

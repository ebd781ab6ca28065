"""The one action attaches each turn's outcome (what the service counts) to the first message,
and the vote target to every answer that can be voted on, through the mounted webhook with
the tracker Rasa would send. Codes only: never the user's text."""

from __future__ import annotations

from typing import Any

from fastapi.testclient import TestClient

from bot.insights.codes import VOTE_REASONS
from tests.action_calls import call, run


def outcome(body: dict[str, Any]) -> dict[str, str]:
    first: dict[str, str] = body["responses"][0]["custom"]["outcome"]
    return first


def feedback(body: dict[str, Any]) -> list[dict[str, Any]]:
    return [r["custom"]["feedback"] for r in body["responses"] if "feedback" in r["custom"]]


def test_a_faq_answer_is_counted_by_its_entry_and_can_be_voted_on(client: TestClient) -> None:
    body = run(client, call("action_turn", "wat is passend werk"))
    assert outcome(body) == {"kind": "faq_answer", "key": "passend_werk"}
    reasons = [{"id": code, "label": label} for code, label in VOTE_REASONS.items()]
    assert feedback(body) == [{"kind": "faq_answer", "key": "passend_werk", "reasons": reasons}]
    assert body["responses"][0]["custom"]["type"] == "faq"  # the widget payload stays


def test_out_of_scope_is_counted_by_its_category(client: TestClient) -> None:
    text = "hoeveel vakantiedagen heb ik nog dit jaar"
    body = run(client, call("action_turn", text, intent="out_of_scope"))
    assert outcome(body) == {"kind": "out_of_scope", "key": "vakantie_verlof"}
    assert feedback(body) == []


def test_not_understood_is_counted_without_a_key(client: TestClient) -> None:
    body = run(client, call("action_turn", "blorp xq9", intent="nlu_fallback"))
    assert outcome(body) == {"kind": "not_understood", "key": "-"}
    assert feedback(body) == []


def test_a_role_question_and_small_talk_are_counted(client: TestClient) -> None:
    text = "krijg ik een transitievergoeding na twee jaar ziekte"
    body = run(client, call("action_turn", text))
    assert outcome(body) == {"kind": "role_question", "key": "transitievergoeding"}
    body = run(client, call("action_turn", "hallo", intent="greet"))
    assert outcome(body) == {"kind": "small_talk", "key": "greet"}


def test_a_case_step_is_counted_by_what_it_asks_and_its_answer_can_be_voted_on(
    client: TestClient,
) -> None:
    body = run(client, call("action_turn", "3 maart 2025", intent="inform_sick_day"))
    assert outcome(body) == {"kind": "case_step", "key": "confirm"}
    assert "3 maart 2025" not in str(outcome(body))
    case = {"candidate": [["2026-03-03", None]], "awaiting": "confirm"}
    slots = {"case": case, "role": "werkgever"}
    body = run(client, call("action_turn", "/affirm", intent="affirm", slots=slots))
    assert outcome(body) == {"kind": "case_step", "key": "answer:overzicht"}
    (target,) = feedback(body)
    assert (target["kind"], target["key"]) == ("case_step", "overzicht")

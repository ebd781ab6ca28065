"""FAQ replies of the one action (action_turn) through the mounted webhook, with the tracker
Rasa would send."""

from __future__ import annotations

from typing import Any

from fastapi.testclient import TestClient

from bot.faq.classifier import rank
from bot.knowledge.base import knowledge
from bot.messages import ALTERNATIVE_INTRO
from bot.turn import THRESHOLDS
from tests.action_calls import call, run

HOLIDAYS = "hoeveel vakantiedagen heb ik nog dit jaar"


def answered_entry(body: dict[str, Any]) -> str | None:
    """The FAQ entry the action answered with, if any."""
    return next(
        (r["custom"]["id"] for r in body["responses"] if r.get("custom", {}).get("id")), None
    )


def test_confident_answer_has_text_source_and_payload(client: TestClient) -> None:
    body = run(client, call("action_turn", "wat is passend werk"))
    texts = [r.get("text") for r in body["responses"] if r.get("text")]
    assert "Bron:" in texts[0]
    custom = next(r["custom"] for r in body["responses"] if r.get("custom"))
    assert custom["id"] == "passend_werk" and custom["sources"]


def test_role_variant_asks_for_the_role_and_remembers_the_question(client: TestClient) -> None:
    entry = next(e for e in knowledge().entries if e.has_role_variants)
    body = run(client, call("action_turn", entry.title))
    assert [b["title"] for b in body["responses"][0]["buttons"]][:2] == [
        "Ik ben werknemer",
        "Ik ben werkgever of HR",
    ]
    assert {"event": "slot", "name": "pending_faq", "value": entry.id} in [
        {k: e[k] for k in ("event", "name", "value")}
        for e in body["events"]
        if e["event"] == "slot"
    ]


def test_role_in_the_question_answers_directly(client: TestClient) -> None:
    entry = next(e for e in knowledge().entries if e.has_role_variants)
    text = f"mijn werknemer vraagt: {entry.title.lower()}"
    body = run(client, call("action_turn", text))
    text = body["responses"][0]["text"]
    assert text.startswith(entry.answers["werkgever"].split("\n")[0][:40])


def test_informing_the_role_answers_the_pending_question(client: TestClient) -> None:
    entry = next(e for e in knowledge().entries if e.has_role_variants)
    payload = call("action_turn", "/inform_role", slots={"pending_faq": entry.id},
                   entities=[{"entity": "role", "value": "werknemer"}], intent="inform_role")  # fmt: skip
    text = run(client, payload)["responses"][0]["text"]
    assert text.startswith(entry.answers["werknemer"].split("\n")[0][:40])


def test_a_close_second_pick_is_offered_under_the_answer(client: TestClient) -> None:
    text = "vakantie en ziek"  # ill on holiday, or a holiday while ill: both entries fit
    best, second = rank(text, limit=2)
    assert second.score >= THRESHOLDS.classifier_pick  # the premise of this test
    body = run(client, call("action_turn", text, slots={"role": "werknemer"}))
    assert answered_entry(body) == best.id
    alternative = body["responses"][1]
    assert alternative["text"] == ALTERNATIVE_INTRO
    assert [b["payload"] for b in alternative["buttons"]] == [f'/faq{{"faq_id": "{second.id}"}}']


def test_no_alternative_when_the_classifier_has_no_close_second(client: TestClient) -> None:
    assert rank("wat is passend werk", limit=2)[1].score < THRESHOLDS.classifier_pick
    body = run(client, call("action_turn", "wat is passend werk"))
    assert answered_entry(body) == "passend_werk"
    assert ALTERNATIVE_INTRO not in [r.get("text") for r in body["responses"]]


def test_out_of_scope_question_taken_for_faq_gets_the_out_of_scope_reply(
    client: TestClient,
) -> None:
    body = run(client, call("action_turn", HOLIDAYS))
    assert answered_entry(body) is None
    assert "niet mee helpen" in body["responses"][0]["text"]


def test_not_understood_gives_suggestions_when_the_classifier_is_unsure(
    client: TestClient,
) -> None:
    text = "dat spoor ding"  # the classifier is unsure (bot/turn.py, unsure_classifier_alone)
    payload = call("action_turn", text, intent="nlu_fallback")
    body = run(client, payload)
    first = body["responses"][0]
    assert "Bedoel je misschien" in first["text"] and "Bron:" not in first["text"]
    payloads = [b["payload"] for b in first["buttons"]]
    assert '/faq{"faq_id": "spoor3"}' in payloads and len(payloads) <= 3
    assert body["events"][-1]["event"] == "rewind"


def test_out_of_scope_or_not_understood_answered_when_the_classifier_is_sure(
    client: TestClient,
) -> None:
    text = "wat is passend werk precies"
    assert rank(text)[0].score >= THRESHOLDS.unsure_classifier_alone  # the premise
    for intent in ["out_of_scope", "nlu_fallback"]:
        body = run(client, call("action_turn", text, intent=intent))
        assert answered_entry(body) == "passend_werk"
        assert "rewind" not in [e["event"] for e in body["events"]]


def test_button_choice_answers_that_entry(client: TestClient) -> None:
    payload = call(
        "action_turn",
        '/faq{"faq_id": "wachtdagen"}',
        entities=[{"entity": "faq_id", "value": "wachtdagen"}],
    )
    custom = next(r["custom"] for r in run(client, payload)["responses"] if r.get("custom"))
    assert custom["id"] == "wachtdagen"


def test_out_of_scope_points_elsewhere(client: TestClient) -> None:
    text = run(client, call("action_turn", HOLIDAYS, intent="out_of_scope"))["responses"][0]["text"]
    assert "niet mee helpen" in text and "HR" in text

"""The FAQ actions through the mounted webhook, with the tracker Rasa would send."""

from __future__ import annotations

from fastapi.testclient import TestClient

from bot.knowledge import knowledge
from tests.action_calls import call, run


def test_confident_answer_has_text_source_and_payload(client: TestClient) -> None:
    body = run(client, call("action_answer_faq", "wat is passend werk", entry="passend_werk"))
    texts = [r.get("text") for r in body["responses"] if r.get("text")]
    assert "Bron:" in texts[0]
    custom = next(r["custom"] for r in body["responses"] if r.get("custom"))
    assert custom["id"] == "passend_werk" and custom["sources"]


def test_role_variant_asks_for_the_role_and_remembers_the_question(client: TestClient) -> None:
    entry = next(e for e in knowledge().entries if e.has_role_variants)
    body = run(client, call("action_answer_faq", "vraag", entry=entry.id))
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
    body = run(client, call("action_answer_faq", "mijn werknemer vraagt dit", entry=entry.id))
    text = body["responses"][0]["text"]
    assert text.startswith(entry.answers["werkgever"].split("\n")[0][:40])


def test_informing_the_role_answers_the_pending_question(client: TestClient) -> None:
    entry = next(e for e in knowledge().entries if e.has_role_variants)
    payload = call("action_inform_role", "/inform_role", slots={"pending_faq": entry.id},
                   entities=[{"entity": "role", "value": "werknemer"}])  # fmt: skip
    text = run(client, payload)["responses"][0]["text"]
    assert text.startswith(entry.answers["werknemer"].split("\n")[0][:40])


def test_unsure_selector_gives_suggestions_not_an_answer(client: TestClient) -> None:
    body = run(
        client, call("action_answer_faq", "spoor twee wanneer", entry="spoor2", confidence=0.2)
    )
    first = body["responses"][0]
    assert "Bedoel je misschien" in first["text"] and "Bron:" not in first["text"]
    payloads = [b["payload"] for b in first["buttons"]]
    assert '/faq{"faq_id": "spoor2"}' in payloads and len(payloads) <= 3


def test_button_choice_answers_that_entry(client: TestClient) -> None:
    payload = call(
        "action_answer_faq",
        '/faq{"faq_id": "wachtdagen"}',
        entities=[{"entity": "faq_id", "value": "wachtdagen"}],
    )
    custom = next(r["custom"] for r in run(client, payload)["responses"] if r.get("custom"))
    assert custom["id"] == "wachtdagen"


def test_out_of_scope_points_elsewhere(client: TestClient) -> None:
    text = run(client, call("action_out_of_scope", "hoeveel vakantiedagen heb ik nog"))[
        "responses"
    ][0]["text"]
    assert "niet mee helpen" in text and "HR" in text

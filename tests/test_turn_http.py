"""Every kind of reply bot/turn.py decides, over HTTP against the real service, asserting the
text and the buttons the user gets (BOT_TODAY=2026-11-23), and the log line of each turn."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest
import yaml

from actions.intents import rest_button
from actions.turn import SMALL_TALK_TEXTS
from bot.conversation.replies import CONFIRM_AGAIN, HINT_GIVE_SICK_DAY, NO, YES
from bot.faq.answers import ROLE_QUESTION, faq_reply, role_buttons
from bot.knowledge.base import FaqEntry, knowledge
from bot.messages import NOT_UNDERSTOOD, SUGGESTIONS_INTRO
from bot.turn import SmallTalk
from tests.live_server import ROOT, LiveServer

pytestmark = pytest.mark.model

ROLE_VARIANT_QUESTION = "krijg ik een transitievergoeding na twee jaar ziekte"
SUGGESTION_PAYLOAD = re.compile(r'^/faq\{"faq_id": "([a-z0-9_]+)"\}$')


def entry(entry_id: str) -> FaqEntry:
    found = knowledge().entry(entry_id)
    assert found is not None
    return found


def response_text(name: str) -> str:
    domain = yaml.safe_load((Path(ROOT) / "domain.yml").read_text(encoding="utf-8"))
    return str(domain["responses"][name][0]["text"])


def shown(reply: list[dict[str, Any]]) -> list[tuple[str, list[dict[str, str]]]]:
    """What the user sees: each message's text and buttons."""
    return [(m.get("text", ""), m.get("buttons", [])) for m in reply]


def faq_answer(entry_id: str, role: str | None = None) -> tuple[str, list[dict[str, str]]]:
    return faq_reply(entry(entry_id), role)["text"], []


def turn_lines(server: LiveServer) -> list[str]:
    return re.findall(r"turn kind=\S+ reason=\S+ detail=\S+ intent=\S+", server.log_text())


def test_faq_answer(live_server: LiveServer) -> None:
    reply = live_server.chat("turn-faq", "wat is passend werk?")
    assert shown(reply)[0] == faq_answer("passend_werk")
    assert reply[0]["custom"]["type"] == "faq" and reply[0]["custom"]["id"] == "passend_werk"
    assert any(
        "kind=faq_answer" in line and "detail=passend_werk" in line
        for line in turn_lines(live_server)
    )


def test_faq_answer_with_the_offer_to_compute_the_date(live_server: LiveServer) -> None:
    reply = live_server.chat("turn-faq-hint", "wanneer moet spoor 2 starten?")
    assert shown(reply)[0] == faq_answer("spoor2_wanneer_starten")
    assert shown(reply)[-1] == (HINT_GIVE_SICK_DAY, [])
    # The first sick day then answers the question asked before.
    reply = live_server.chat("turn-faq-hint", "sinds 3 maart 2025")
    assert reply[0]["text"] == "Je eerste ziektedag is maandag 3 maart 2025, klopt dat?"


def test_faq_button(live_server: LiveServer) -> None:
    reply = live_server.chat("turn-button", '/faq{"faq_id": "wachtdagen"}')
    assert shown(reply) == [faq_answer("wachtdagen")]


def test_faq_button_for_an_entry_that_is_gone(live_server: LiveServer) -> None:
    reply = live_server.chat("turn-button-gone", '/faq{"faq_id": "bestaat_niet"}')
    assert shown(reply) == [(response_text("utter_capabilities"), [])]


def test_role_question_then_the_answer_for_that_role(live_server: LiveServer) -> None:
    sender = "turn-role"
    reply = live_server.chat(sender, ROLE_VARIANT_QUESTION)
    assert shown(reply) == [(ROLE_QUESTION, [rest_button(b) for b in role_buttons()])]
    reply = live_server.chat(sender, '/inform_role{"role": "werkgever"}')
    assert shown(reply) == [faq_answer("transitievergoeding", "werkgever")]
    # The role is remembered: the next such question is answered at once.
    reply = live_server.chat(sender, "wat als mijn contract afloopt terwijl ik ziek ben")
    assert reply[0]["custom"]["role"] == "werkgever"


def test_role_question_skipped_gives_both_variants(live_server: LiveServer) -> None:
    sender = "turn-role-skip"
    live_server.chat(sender, ROLE_VARIANT_QUESTION)
    reply = live_server.chat(sender, '/inform_role{"role": "overslaan"}')
    assert shown(reply) == [faq_answer("transitievergoeding", None)]
    assert "Voor de werknemer" in reply[0]["text"] and "Voor de werkgever" in reply[0]["text"]


def test_suggestions(live_server: LiveServer) -> None:
    reply = live_server.chat("turn-suggestions", "ik snap er niks van")
    assert len(reply) == 1
    assert reply[0]["text"] == f"{NOT_UNDERSTOOD}\n{SUGGESTIONS_INTRO}"
    buttons = reply[0]["buttons"]
    assert 1 <= len(buttons) <= 3
    for button in buttons:
        match = SUGGESTION_PAYLOAD.match(button["payload"])
        assert match is not None and button["title"] == entry(match.group(1)).title
    assert any("kind=suggestions" in line for line in turn_lines(live_server))


def test_not_understood(live_server: LiveServer) -> None:
    reply = live_server.chat("turn-not-understood", "asdf")
    assert shown(reply) == [(NOT_UNDERSTOOD, [])]
    assert any("kind=not_understood" in line for line in turn_lines(live_server))


@pytest.mark.parametrize(
    ("sender", "message", "category_id"),
    [
        ("turn-oos", "hoeveel vakantiedagen heb ik nog dit jaar", "vakantie_verlof"),
        # Safety at work shares words with the law (arbo, werkgever) but is not about sickness.
        ("turn-oos-arbo", "wie is bij ons de preventiemedewerker voor de RI&E", "arbo_veiligheid"),
    ],
)
def test_out_of_scope_with_the_reply_of_its_category(
    live_server: LiveServer, sender: str, message: str, category_id: str
) -> None:
    reply = live_server.chat(sender, message)
    category = next(c for c in knowledge().out_of_scope if c.id == category_id)
    assert shown(reply) == [(category.reply, [])]
    assert reply[0]["custom"] == {"type": "out_of_scope"}
    assert any(
        "kind=out_of_scope" in line and f"detail={category_id}" in line
        for line in turn_lines(live_server)
    )


@pytest.mark.parametrize(
    ("message", "expected"),
    [
        ("hallo", response_text("utter_greet")),
        ("bedankt!", response_text("utter_thank")),
        ("doei", response_text("utter_goodbye")),
        ("wat kun je allemaal?", response_text("utter_capabilities")),
        ("ja", SMALL_TALK_TEXTS[SmallTalk.NOTHING_OPEN]),
        ("ik ben werkgever", SMALL_TALK_TEXTS[SmallTalk.ROLE_NOTED]),
    ],
)
def test_small_talk(live_server: LiveServer, message: str, expected: str) -> None:
    reply = live_server.chat(f"turn-small-{message.split()[0].strip('!?')}", message)
    assert shown(reply) == [(expected, [])]


def test_case_steps(live_server: LiveServer) -> None:
    sender = "turn-case"
    reply = live_server.chat(sender, "ik ben sinds 3 maart 2026 ziek")
    yes_no = [rest_button(YES), rest_button(NO)]
    assert shown(reply) == [("Je eerste ziektedag is dinsdag 3 maart 2026, klopt dat?", yes_no)]
    assert shown(live_server.chat(sender, "misschien")) == [(CONFIRM_AGAIN, yes_no)]
    # "ik ben … ziek" said the role: the "Ja" button gets the timeline at once.
    reply = live_server.chat(sender, "/affirm")
    assert reply[0]["text"].startswith("Je termijnen bij eerste ziektedag dinsdag 3 maart 2026:")
    assert reply[0]["custom"]["type"] == "timeline"
    assert any("kind=case_step reason=dialogue_claims" in line for line in turn_lines(live_server))

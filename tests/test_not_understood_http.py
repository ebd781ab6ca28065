"""Nonsense over HTTP against the real service (issue 15): never the apology, always a reply
that helps on, in a fresh conversation and inside a case conversation, with the actions run
in-process (the default) and by a remote action server (Rasa's full schema check)."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from actions.intents import rest_button
from bot.conversation.replies import CONFIRM_AGAIN, NO, YES
from bot.knowledge.base import knowledge
from bot.messages import APOLOGY, NOT_UNDERSTOOD, SUGGESTIONS_INTRO
from tests.live_server import LiveServer, free_port, texts

pytestmark = pytest.mark.model

# Nothing in these points to a topic: no suggestion would be more than noise.
NONSENSE = ["blablabla", "hmm", "?", "qwerty uiop", "asdf", "\U0001f914", "\U0001f44d\U0001f44d"]
# A real sentence about not understanding: suggestions are welcome, not required.
CONFUSED = "ik snap er niks van"
SICK_SINCE = "ik ben sinds 3 maart 2026 ziek"
ECHO = "Je eerste ziektedag is dinsdag 3 maart 2026, klopt dat?"
TIMELINE_START = "Je termijnen bij eerste ziektedag dinsdag 3 maart 2026:"
SUGGESTION_PAYLOAD = re.compile(r'^/faq\{"faq_id": "([a-z0-9_]+)"\}$')


def assert_not_understood(reply: list[dict[str, Any]], *, suggestions_allowed: bool) -> None:
    """One message: the not-understood text, alone or with up to three FAQ questions as
    buttons (each titled with its question and asking it directly)."""
    assert APOLOGY not in texts(reply)
    assert len(reply) == 1, reply
    message = reply[0]
    if not suggestions_allowed or "buttons" not in message:
        assert message["text"] == NOT_UNDERSTOOD
        assert "buttons" not in message and "custom" not in message
        return
    assert message["text"] == f"{NOT_UNDERSTOOD}\n{SUGGESTIONS_INTRO}"
    buttons = message["buttons"]
    assert 1 <= len(buttons) <= 3
    for button in buttons:
        match = SUGGESTION_PAYLOAD.match(button["payload"])
        assert match is not None, button
        entry = knowledge().entry(match.group(1))
        assert entry is not None and button["title"] == entry.title


def assert_confirm_again(reply: list[dict[str, Any]]) -> None:
    assert reply == [
        {
            "recipient_id": reply[0]["recipient_id"],
            "text": CONFIRM_AGAIN,
            "buttons": [rest_button(YES), rest_button(NO)],
        }
    ]


def assert_case_survives_nonsense(server: LiveServer, sender: str, nonsense: str) -> None:
    """The case conversation: nonsense where a ja/nee is asked, then again once the case is
    known; the case carries on both times."""
    echo = server.chat(sender, SICK_SINCE)
    assert [(m["text"], m["buttons"]) for m in echo] == [
        (ECHO, [rest_button(YES), rest_button(NO)])
    ]
    # "Klopt dat?" is open: the case dialogue asks again, with the same buttons.
    assert_confirm_again(server.chat(sender, nonsense))
    assert texts(server.chat(sender, "ja")).startswith(TIMELINE_START)
    # No question open: the not-understood reply, and the case is still there afterwards.
    assert_not_understood(server.chat(sender, nonsense), suggestions_allowed=nonsense == CONFUSED)
    follow_up = texts(server.chat(sender, "en de WIA-aanvraag?"))
    assert follow_up.startswith("**WIA-aanvraag met re-integratieverslag**: Uiterlijk: ")


@pytest.mark.parametrize("nonsense", [*NONSENSE, CONFUSED])
def test_nonsense_in_a_fresh_conversation(live_server: LiveServer, nonsense: str) -> None:
    sender = f"nonsense-fresh-{NONSENSE.index(nonsense) if nonsense in NONSENSE else 'c'}"
    reply = live_server.chat(sender, nonsense)
    assert_not_understood(reply, suggestions_allowed=nonsense == CONFUSED)
    # The conversation goes on normally.
    assert "Bron:" in texts(live_server.chat(sender, "wat is passend werk?"))


def test_confused_sentence_gets_suggestions(live_server: LiveServer) -> None:
    reply = live_server.chat("nonsense-confused", CONFUSED)
    assert_not_understood(reply, suggestions_allowed=True)
    assert reply[0].get("buttons"), "a real sentence should get FAQ questions to choose from"


@pytest.mark.parametrize("nonsense", [*NONSENSE, CONFUSED])
def test_nonsense_in_a_case_conversation(live_server: LiveServer, nonsense: str) -> None:
    sender = f"nonsense-case-{NONSENSE.index(nonsense) if nonsense in NONSENSE else 'c'}"
    assert_case_survives_nonsense(live_server, sender, nonsense)


@pytest.fixture(scope="module")
def remote_actions_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[LiveServer]:
    """The service with its actions behind HTTP (its own /webhook, as `rasa run actions`
    would be): Rasa then checks each action result with its full JSON schema."""
    base: Path = tmp_path_factory.mktemp("remote-actions")
    port = free_port()
    server = LiveServer(
        data_dir=base / "var",
        log_path=base / "service.log",
        port=port,
        env_extra={"ACTION_ENDPOINT_URL": f"http://127.0.0.1:{port}/webhook"},
    ).start()
    yield server
    server.stop()


def test_nonsense_with_a_remote_action_server(remote_actions_server: LiveServer) -> None:
    server = remote_actions_server
    assert_not_understood(server.chat("remote-1", "asdf"), suggestions_allowed=False)
    assert_case_survives_nonsense(server, "remote-2", "blablabla")
    assert "Failed to validate" not in server.log_text()

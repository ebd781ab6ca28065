"""No user text reaches the logs at the default level (AVG: conversations are health data)."""

from __future__ import annotations

import re

import httpx
import pytest

from tests.live_server import LiveServer

pytestmark = pytest.mark.model

SECRET_MESSAGES = [
    "hallo, ik heb last van zeldzaamwoord-kwartel migraine",
    "mijn werknemer Jansen-Pietersma is ziek sinds 14 oktober 2026",
    "onbegrijpelijk-zoekwoord-xq7 blorp",
]
SECRET_FRAGMENTS = ["zeldzaamwoord-kwartel", "Jansen-Pietersma", "14 oktober 2026", "xq7"]


def test_user_text_never_reaches_the_log(live_server: LiveServer) -> None:
    for message in SECRET_MESSAGES:
        live_server.chat("privacy-1", message)
    log = live_server.log_text()
    assert "POST /webhooks/rest/webhook" in log  # the log is really being written
    for fragment in SECRET_FRAGMENTS:
        assert fragment not in log


CONVERSATION = [
    "mijn werknemer Bakkerbrood-Zwaluw is sinds 3 maart 2025 ziek",
    "nee, 5 maart",
    "/affirm",
    "ik ben werkgever",
    "en de eerstejaarsevaluatie?",
    "is spoor 2 te laat? de eerstejaarsevaluatie was op 17 februari 2026",
    "31 februari",
    "x" * 1001,
    "begin opnieuw",
]
TYPED_DATES = ["3 maart 2025", "5 maart", "2025-03-03", "2026-03-05", "17 februari 2026",
               "2026-02-17", "31 februari"]  # fmt: skip


def test_a_whole_case_conversation_leaves_no_text_or_dates_in_the_log(
    live_server: LiveServer,
) -> None:
    for message in CONVERSATION:
        httpx.post(
            f"{live_server.url}/webhooks/rest/webhook",
            json={"sender": "privacy-2", "message": message},
            timeout=60,
        )
    calendar = httpx.get(
        f"{live_server.url}/api/timeline.ics", params={"first_sick_day": "2025-03-03"}
    )
    assert calendar.status_code == 200
    log = live_server.log_text()
    assert "GET /api/timeline.ics" in log  # logged, without its query string
    for fragment in ["Bakkerbrood-Zwaluw", "x" * 50, *TYPED_DATES]:
        assert fragment not in log, fragment


TURN_LINE = re.compile(r"turn kind=(\w+) reason=(\S+) detail=(\S+) intent=(\S+)")
TURN_MESSAGES = [
    "hallo, ik heb een vraag over zeldzaamwoord-reiger",  # small talk or FAQ
    "wat is passend werk voor Kwartelkoning-Smit?",  # a FAQ answer
    "blorp-xq9 snorf",  # not understood
    "mijn werknemer Zwaluwstaart-Berg is sinds 4 april 2026 ziek",  # a case step
]


def test_each_turn_logs_one_line_with_kind_and_reason_and_no_user_text(
    live_server: LiveServer,
) -> None:
    before = len(TURN_LINE.findall(live_server.log_text()))
    for message in TURN_MESSAGES:
        live_server.chat("privacy-turn", message)
    log = live_server.log_text()
    lines = TURN_LINE.findall(log)[before:]
    assert len(lines) == len(TURN_MESSAGES)  # exactly one line per turn
    kinds = [kind for kind, *_ in lines]
    assert kinds[1:] == ["faq_answer", "not_understood", "case_step"]
    assert lines[1][2] == "passend_werk" and lines[3][1] == "dialogue_claims"
    for fragment in ["zeldzaamwoord-reiger", "Kwartelkoning-Smit", "Zwaluwstaart-Berg",
                     "4 april 2026", "2026-04-04", "blorp", "xq9"]:  # fmt: skip
        assert fragment not in log, fragment

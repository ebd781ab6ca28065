"""No user text reaches the logs at the default level (AVG: conversations are health data)."""

from __future__ import annotations

from tests.live_server import LiveServer

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

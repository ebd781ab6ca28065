"""Insights against the real service (issue 17): real turns are counted per day by their
outcome, answers carry what the widget needs for votes and the consent question, and no user
text and no sender id reach the counts, the votes or the log; an unanswered question is kept
only after consent, with names, dates and numbers removed."""

from __future__ import annotations

import csv
import io
import sqlite3
from typing import Any

import httpx
import pytest

from tests.conftest import INSIGHTS_ADMIN_TOKEN
from tests.live_server import LiveServer

pytestmark = pytest.mark.model

ADMIN = {"Authorization": f"Bearer {INSIGHTS_ADMIN_TOKEN}"}
SENDER = "privacy-sender-9137"
FAQ = "wat is passend werk? vraagt Zwaluwstaart-Bakkerbrood"
OUT_OF_SCOPE = "hoeveel vakantiedagen heb ik nog, zegt Zwaluwstaart-Bakkerbrood op 14 oktober 2026"
NOT_UNDERSTOOD = "blorp xq9 kwartelzeldzaam"
CASE = "mijn werknemer is sinds 14 oktober 2026 ziek"
SECRETS = ("Zwaluwstaart", "Bakkerbrood", "14 oktober", "kwartelzeldzaam", "xq9", SENDER)


def chart(server: LiveServer, chart_id: str) -> dict[str, list[str]]:
    """A chart of /admin as CSV, by its first column."""
    response = httpx.get(f"{server.url}/admin/csv/{chart_id}", headers=ADMIN, timeout=30)
    assert response.status_code == 200, response.text
    rows = list(csv.reader(io.StringIO(response.text)))
    return {row[0]: row[1:] for row in rows[1:]}


def answers(server: LiveServer, entry_title: str) -> int:
    return int(chart(server, "antwoorden").get(entry_title, ["0"])[0])


def insight_tables(server: LiveServer) -> str:
    """Every row of the insights tables in the service's database."""
    with sqlite3.connect(server.data_dir / "conversations.db") as db:
        names = [
            r[0]
            for r in db.execute("select name from sqlite_master where type='table'")
            if r[0].startswith("insight_")
        ]
        assert len(names) == 3
        return "\n".join(repr(row) for name in names for row in db.execute(f"select * from {name}"))


def first_custom(reply: list[dict[str, Any]]) -> dict[str, Any]:
    custom: dict[str, Any] = reply[0]["custom"]
    return custom


def test_turns_are_counted_and_nothing_of_the_user_is_kept(insights_server: LiveServer) -> None:
    before = answers(insights_server, "Wat is passend werk?")
    reply = insights_server.chat(SENDER, FAQ)
    assert reply[0]["text"].startswith("Passend werk")
    assert "outcome" not in first_custom(reply)  # counted, and taken off the reply
    assert first_custom(reply)["feedback"]["key"] == "passend_werk"
    assert "ask_consent" not in first_custom(reply)
    reply = insights_server.chat(SENDER, OUT_OF_SCOPE)
    assert "Voor vakantiedagen en verlof" in reply[0]["text"]
    assert first_custom(reply) == {"type": "out_of_scope", "ask_consent": "out_of_scope"}
    reply = insights_server.chat(SENDER, NOT_UNDERSTOOD)
    assert first_custom(reply)["ask_consent"] in ("not_understood", "suggestions")
    reply = insights_server.chat(SENDER, CASE)
    assert "ask_consent" not in reply[0].get("custom", {})
    vote = {"kind": "faq_answer", "key": "passend_werk", "vote": "down", "reason": "klopt_niet"}
    assert httpx.post(f"{insights_server.url}/api/feedback", json=vote).status_code == 204

    assert answers(insights_server, "Wat is passend werk?") == before + 1
    assert "vakantie verlof" in chart(insights_server, "buiten_de_wet")
    down = chart(insights_server, "duim_omlaag")["Wat is passend werk?"]
    assert int(down[0]) >= 1 and int(down[2]) >= 1  # thumbs down, "Klopt niet"
    tables, log = insight_tables(insights_server), insights_server.log_text()
    assert "passend_werk" in tables and "turn kind=faq_answer" in log
    for secret in SECRETS:
        assert secret not in tables, secret
        assert secret not in log, secret


def test_an_unanswered_question_is_kept_only_after_consent_and_scrubbed(
    insights_server: LiveServer,
) -> None:
    question = "Mag Zwaluwstaart op 14 oktober 2026 met 12 dagen vakantie? Bel 0612345678"
    reply = insights_server.chat("consent-sender", question)
    body = {"question": question, "kind": first_custom(reply)["ask_consent"]}
    url = f"{insights_server.url}/api/unanswered"
    assert httpx.post(url, json={**body, "consent": False}).status_code == 422
    assert "Zwaluwstaart" not in insight_tables(insights_server)
    assert httpx.post(url, json={**body, "consent": True}).status_code == 204
    page = httpx.get(f"{insights_server.url}/admin", headers=ADMIN).text
    assert "Mag [naam] op [datum] met [getal] dagen vakantie? Bel [telefoon]" in page
    tables = insight_tables(insights_server)
    for secret in ("Zwaluwstaart", "14 oktober", "0612345678", "consent-sender"):
        assert secret not in tables

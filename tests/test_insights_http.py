"""Insights over HTTP on the real app with a stand-in assistant (no model): each turn counted
per day by the outcome the action attached, votes, consented unanswered questions (scrubbed),
the admin page's access rules, CSV export, deletion and retention. The outcomes themselves
come from the real action in tests/test_insights_actions.py, and from the real service in
tests/test_insights_live.py."""

from __future__ import annotations

import asyncio
import copy
import sqlite3
import time
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient

from api.assistant import Admission, Assistant
from api.conversations.retention import purge_once
from api.core.settings import Settings
from api.insights.recorder import Insights
from api.insights.store import InsightsStore
from api.main import create_app
from api.routes.admin import COOKIE, session_value
from bot.clock import BOT_TODAY_VAR
from bot.messages import APOLOGY

WEBHOOK = "/webhooks/rest/webhook"
TODAY = "2026-11-23"
SECRET_TEXT = "Jansen heeft burn-out sinds 3 maart"
SENDER = "sender-4711"


REPLIES: dict[str, list[dict[str, Any]]] = {
    "faq": [
        {
            "text": "Passend werk is ...",
            "custom": {
                "type": "faq",
                "id": "passend_werk",
                "outcome": {"kind": "faq_answer", "key": "passend_werk"},
            },
        }
    ],
    "oos": [
        {
            "text": "Daar kan ik je helaas niet mee helpen.",
            "custom": {
                "type": "out_of_scope",
                "outcome": {"kind": "out_of_scope", "key": "vakantie_verlof"},
            },
        }
    ],
    "nu": [{"text": "Sorry", "custom": {"outcome": {"kind": "not_understood", "key": "-"}}}],
}


class ScriptedAssistant(Assistant):
    """Answers with the messages the real action sends for a few outcomes (REPLIES, by the
    first word of the message); never touches Rasa."""

    async def handle(
        self, sender_id: str, text: str, metadata: Any, admit: Admission | None = None
    ) -> list[dict[str, Any]]:
        if admit is not None:  # the ownership check runs as in the real one
            await admit()
        if text.startswith("crash"):
            raise RuntimeError("boom")
        replies = copy.deepcopy(REPLIES.get(text.split()[0], []))
        return [{"recipient_id": sender_id, **m} for m in replies]


@pytest.fixture(autouse=True)
def fixed_today(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(BOT_TODAY_VAR, TODAY)


def make_client(tmp_path: Path, **changes: Any) -> tuple[TestClient, Insights]:
    settings = Settings.from_env().copy(update={"data_dir": tmp_path, **changes})
    assistant = ScriptedAssistant(settings)
    assistant.agent = object()  # "loaded"
    insights = Insights(settings)
    app = create_app(settings, assistant, insights)
    return TestClient(app, client=("10.1.2.3", 5000)), insights


def counts(insights: Insights) -> dict[tuple[str, str], int]:
    rows = insights.store().turn_rows(date(2026, 1, 1), date(2026, 12, 31))
    return {(r.kind, r.key): r.count for r in rows}


def database_dump(path: Path) -> str:
    """Every value in every table of the SQLite database, as one text."""
    with sqlite3.connect(path) as db:
        tables = [r[0] for r in db.execute("select name from sqlite_master where type='table'")]
        return "\n".join(
            repr(row) for table in tables for row in db.execute(f'select * from "{table}"')
        )


def test_each_turn_is_counted_per_day_by_its_outcome(tmp_path: Path) -> None:
    client, insights = make_client(tmp_path)
    for text in ("faq a", "faq b", "oos x", "nu ?", "crash"):
        assert client.post(WEBHOOK, json={"sender": SENDER, "message": text}).status_code == 200
    assert counts(insights) == {
        ("faq_answer", "passend_werk"): 2,
        ("out_of_scope", "vakantie_verlof"): 1,
        ("not_understood", "-"): 1,
        ("error", "apology"): 1,
    }
    rows = insights.store().turn_rows(date(2026, 11, 23), date(2026, 11, 23))
    assert {r.day for r in rows} == {date(2026, 11, 23)}


def test_a_failing_count_never_costs_the_answer(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    client, _ = make_client(tmp_path)
    broken = InsightsStore("sqlite:////nonexistent-dir/no.db")
    client.app.state.insights._store = broken  # type: ignore[attr-defined]
    response = client.post(WEBHOOK, json={"sender": SENDER, "message": "faq " + SECRET_TEXT})
    assert response.status_code == 200
    assert response.json()[0]["text"] == "Passend werk is ..."
    log = capsys.readouterr().err  # the service's log (api/core/logging_setup.py: stderr)
    assert "counting a turn failed: OperationalError" in log
    assert SECRET_TEXT not in log and SENDER not in log


def test_the_apology_is_counted_as_an_error(tmp_path: Path) -> None:
    client, insights = make_client(tmp_path)
    body = client.post(WEBHOOK, json={"sender": SENDER, "message": "crash now"}).json()
    assert body == [{"recipient_id": SENDER, "text": APOLOGY}]
    assert counts(insights) == {("error", "apology"): 1}


def test_no_user_text_and_no_sender_id_reach_counts_votes_or_logs(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    client, _ = make_client(tmp_path, collect_unanswered=True, log_level="DEBUG")
    for kind in ("faq", "oos", "nu"):
        client.post(WEBHOOK, json={"sender": SENDER, "message": f"{kind} {SECRET_TEXT}"})
    vote = {"kind": "faq_answer", "key": "passend_werk", "vote": "down", "reason": "onduidelijk"}
    assert client.post("/api/feedback", json=vote).status_code == 204
    log = capsys.readouterr().err
    assert "POST http://testserver/api/feedback" in log  # the log is really being written
    dump = database_dump(tmp_path / "conversations.db")
    assert "passend_werk" in dump and "onduidelijk" in dump  # the codes are there
    for secret in (SECRET_TEXT, "Jansen", "burn-out", SENDER, "10.1.2.3"):
        assert secret not in dump
        assert secret not in log


def test_the_consent_question_is_offered_only_after_an_unanswered_question(
    tmp_path: Path,
) -> None:
    client, _ = make_client(tmp_path, collect_unanswered=True)
    answered = client.post(WEBHOOK, json={"sender": SENDER, "message": "faq x"}).json()
    assert answered[0]["custom"] == {"type": "faq", "id": "passend_werk"}
    for text, kind in (("oos x", "out_of_scope"), ("nu x", "not_understood")):
        reply = client.post(WEBHOOK, json={"sender": SENDER, "message": text}).json()
        assert reply[0]["custom"]["ask_consent"] == kind
    # Switched off (the default), the replies are as before: the outcome is taken off.
    off, _ = make_client(tmp_path / "off")
    reply = off.post(WEBHOOK, json={"sender": SENDER, "message": "oos x"}).json()
    assert reply[0]["custom"] == {"type": "out_of_scope"}
    reply = off.post(WEBHOOK, json={"sender": SENDER, "message": "nu x"}).json()
    assert reply == [{"recipient_id": SENDER, "text": "Sorry"}]


def test_unanswered_questions_are_kept_only_with_consent_and_scrubbed(tmp_path: Path) -> None:
    client, insights = make_client(tmp_path, collect_unanswered=True)
    question = "Mag Jansen op 3 maart 2026 met 12 dagen verlof? Bel 06-12345678 of p@x.nl"
    body = {"question": question, "kind": "out_of_scope", "consent": False}
    assert client.post("/api/unanswered", json=body).status_code == 422
    assert client.post("/api/unanswered", json={**body, "consent": "ja"}).status_code == 422
    answered = {**body, "consent": True, "kind": "faq_answer"}  # only unanswered questions
    assert client.post("/api/unanswered", json=answered).status_code == 422
    too_long = {**body, "consent": True, "question": "x" * 1001}
    assert client.post("/api/unanswered", json=too_long).status_code == 422
    with_sender = {**body, "consent": True, "sender": SENDER}
    assert client.post("/api/unanswered", json=with_sender).status_code == 422
    assert insights.store().unanswered_rows(date(2026, 1, 1), date(2026, 12, 31)) == []
    assert client.post("/api/unanswered", json={**body, "consent": True}).status_code == 204
    (row,) = insights.store().unanswered_rows(date(2026, 1, 1), date(2026, 12, 31))
    assert (
        row.question == "Mag [naam] op [datum] met [getal] dagen verlof? Bel [telefoon] of [e-mail]"
    )
    assert row.day == date(2026, 11, 23) and row.kind == "out_of_scope"
    assert "3 maart" not in database_dump(tmp_path / "conversations.db")


def test_unanswered_questions_are_not_taken_when_switched_off(tmp_path: Path) -> None:
    client, insights = make_client(tmp_path)
    body = {"question": "vakantie?", "kind": "out_of_scope", "consent": True}
    assert client.post("/api/unanswered", json=body).status_code == 404
    assert insights.store().unanswered_rows(date(2026, 1, 1), date(2026, 12, 31)) == []


def test_votes_are_counted_with_a_reason_from_the_fixed_list(tmp_path: Path) -> None:
    client, insights = make_client(tmp_path)
    good = {"kind": "faq_answer", "key": "passend_werk", "vote": "up"}
    assert client.post("/api/feedback", json=good).status_code == 204
    down = {**good, "vote": "down", "reason": "klopt_niet"}
    assert client.post("/api/feedback", json=down).status_code == 204
    timeline = {"kind": "case_step", "key": "probleemanalyse", "vote": "down"}
    assert client.post("/api/feedback", json=timeline).status_code == 204
    refused = [
        {**good, "key": "bestaat_niet"},  # no such entry
        {**good, "kind": "small_talk"},  # not votable
        {**good, "vote": "down", "reason": "vind ik stom"},  # free text is no reason
        {**good, "reason": "klopt_niet"},  # a reason goes with a thumbs down only
        {**good, "vote": "meh"},
        {**good, "sender": SENDER},  # no sender id, nor any other field
    ]
    statuses = [client.post("/api/feedback", json=body).status_code for body in refused]
    assert statuses == [422] * len(refused)
    rows = insights.store().vote_rows(date(2026, 1, 1), date(2026, 12, 31))
    assert sorted((r.kind, r.key, r.vote, r.reason, r.count) for r in rows) == [
        ("case_step", "probleemanalyse", "down", "", 1),
        ("faq_answer", "passend_werk", "down", "klopt_niet", 1),
        ("faq_answer", "passend_werk", "up", "", 1),
    ]


def test_votes_are_rate_limited(tmp_path: Path) -> None:
    from api.core.settings import RateLimit

    client, _ = make_client(tmp_path, rate_feedback=RateLimit(2, 60))
    vote = {"kind": "faq_answer", "key": "passend_werk", "vote": "up"}
    statuses = [client.post("/api/feedback", json=vote).status_code for _ in range(3)]
    assert statuses == [204, 204, 429]


def test_admin_is_not_there_without_a_token_or_users(tmp_path: Path) -> None:
    client, _ = make_client(tmp_path)
    for path in ("/admin", "/admin/csv/antwoorden"):
        assert client.get(path).status_code == 404
    assert client.post("/admin/login", data={"token": "x"}).status_code == 404
    assert client.post("/admin/onbeantwoord/1/verwijder").status_code == 404


def test_admin_asks_for_the_token_and_the_login_sets_a_derived_cookie(tmp_path: Path) -> None:
    client, _ = make_client(tmp_path, admin_token="geheim-123")
    page = client.get("/admin")
    assert page.status_code == 401 and 'name="token"' in page.text
    assert "Inzichten" in page.text and "Antwoorden per onderwerp" not in page.text
    wrong = client.post("/admin/login", data={"token": "fout"}, follow_redirects=False)
    assert wrong.status_code == 401 and "klopt niet" in wrong.text
    ok = client.post("/admin/login", data={"token": "geheim-123"}, follow_redirects=False)
    assert ok.status_code == 303 and ok.headers["location"] == "/admin"
    cookie = ok.headers["set-cookie"]
    assert "geheim-123" not in cookie and session_value("geheim-123") in cookie
    assert "HttpOnly" in cookie and "SameSite=strict" in cookie and "Path=/admin" in cookie
    page = client.get("/admin")
    assert page.status_code == 200 and "Antwoorden per onderwerp" in page.text
    assert client.get("/admin", headers={"Authorization": "Bearer geheim-123"}).status_code == 200
    client.cookies.clear()
    assert client.get("/admin", headers={"Authorization": "Bearer fout"}).status_code == 401
    client.cookies.set(COOKIE, "vervalst")
    assert client.get("/admin").status_code == 401


def test_admin_for_identities_in_admin_users(tmp_path: Path) -> None:
    client, _ = make_client(tmp_path, identity_header="x-remote-user", admin_users=("hr.beheer",))
    assert client.get("/admin", headers={"X-Remote-User": "hr.beheer"}).status_code == 200
    assert client.get("/admin", headers={"X-Remote-User": "iemand"}).status_code == 404
    assert client.get("/admin").status_code == 404


def test_admin_page_shows_the_figures_as_svg_bars_with_csv_links(tmp_path: Path) -> None:
    client, _ = make_client(tmp_path, admin_token="t", collect_unanswered=True)
    for text in ("faq a", "faq b", "oos c", "nu d"):
        client.post(WEBHOOK, json={"sender": SENDER, "message": text})
    vote = {"kind": "faq_answer", "key": "passend_werk", "vote": "down", "reason": "onduidelijk"}
    client.post("/api/feedback", json=vote)
    auth = {"Authorization": "Bearer t"}
    page = client.get("/admin?van=2026-11-01&tot=2026-11-30", headers=auth)
    assert page.status_code == 200
    html = page.text
    assert "<script" not in html and " style=" not in html  # the CSP holds without exceptions
    assert "4 berichten van 2026-11-01" in html
    assert html.count("<svg") >= 4 and 'class="bar"' in html
    assert "Wat is passend werk?" in html  # the entry's title, with its count
    assert 'href="/admin/csv/antwoorden?van=2026-11-01&amp;tot=2026-11-30"' in html
    assert "2026-W48" in html and "25.0%" in html  # 1 of 4 messages not understood
    csv = client.get("/admin/csv/antwoorden?van=2026-11-01&tot=2026-11-30", headers=auth)
    assert csv.headers["content-type"].startswith("text/csv")
    assert csv.text.splitlines()[:2] == [
        "antwoord,aantal,id",
        "Wat is passend werk?,2,passend_werk",
    ]
    down = client.get("/admin/csv/duim_omlaag", headers=auth).text.splitlines()
    assert down[0] == "antwoord,omlaag,omhoog,Klopt niet,Onduidelijk,Niet mijn vraag,geen reden,id"
    assert down[1] == "Wat is passend werk?,1,0,0,1,0,0,passend_werk"
    never = client.get("/admin/csv/nooit_gebruikt", headers=auth).text.splitlines()
    ids = {line.rsplit(",", 1)[1] for line in never[1:]}
    assert "passend_werk" not in ids and "wachtdagen" in ids
    assert client.get("/admin/csv/bestaat_niet", headers=auth).status_code == 404
    # Another period: nothing counted there.
    assert "0 berichten" in client.get("/admin?van=2026-10-01&tot=2026-10-31", headers=auth).text


def test_admin_can_delete_an_unanswered_question(tmp_path: Path) -> None:
    client, insights = make_client(tmp_path, admin_token="t", collect_unanswered=True)
    body = {"question": "hoeveel vakantiedagen?", "kind": "out_of_scope", "consent": True}
    client.post("/api/unanswered", json=body)
    auth = {"Authorization": "Bearer t"}
    assert "hoeveel vakantiedagen?" in client.get("/admin", headers=auth).text
    (row,) = insights.store().unanswered_rows(date(2026, 1, 1), date(2026, 12, 31))
    path = f"/admin/onbeantwoord/{row.id}/verwijder"
    assert client.post(path).status_code == 401  # not without the token
    other_site = {**auth, "Origin": "https://elders.example", "Sec-Fetch-Site": "cross-site"}
    assert client.post(path, headers=other_site).status_code == 403
    gone = client.post(path, headers=auth, data={"van": "2026-11-01"}, follow_redirects=False)
    assert gone.status_code == 303 and gone.headers["location"] == "/admin?van=2026-11-01"
    assert insights.store().unanswered_rows(date(2026, 1, 1), date(2026, 12, 31)) == []
    assert "hoeveel vakantiedagen?" not in client.get("/admin", headers=auth).text


def test_unanswered_questions_are_kept_at_most_retention_days(tmp_path: Path) -> None:
    settings = Settings.from_env().copy(update={"data_dir": tmp_path, "retention_days": 30})
    insights = Insights(settings)
    store = insights.store()
    store.add_unanswered(date(2026, 10, 24), "out_of_scope", "oud")  # 30 days before today
    store.add_unanswered(date(2026, 10, 25), "out_of_scope", "jong")  # 29 days

    class Purgeable(ScriptedAssistant):
        async def purge_before(self, cutoff: float) -> int:
            return 0

    assistant = Purgeable(settings)
    assistant.agent = object()
    asyncio.run(purge_once(assistant, settings, insights=insights))
    kept = store.unanswered_rows(date(2026, 1, 1), date(2026, 12, 31))
    assert [r.question for r in kept] == ["jong"]


def test_make_purge_deletes_old_unanswered_questions_too(tmp_path: Path) -> None:
    from api.conversations.purge import purge

    settings = Settings.from_env().copy(update={"data_dir": tmp_path, "retention_days": 30})
    store = Insights(settings).store()
    store.add_unanswered(date(2026, 10, 1), "out_of_scope", "oud")
    store.add_unanswered(date(2026, 11, 23), "out_of_scope", "vandaag")
    asyncio.run(purge(settings, time.time()))
    kept = store.unanswered_rows(date(2026, 1, 1), date(2026, 12, 31))
    assert [r.question for r in kept] == ["vandaag"]

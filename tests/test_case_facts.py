"""The case facts are defined once (CaseFacts' fields): the validation, POST /api/timeline, the
.ics query parameters, the conversation's calendar link and the README all follow them, and
every fact the conversation keeps (steps done and not done too) can be sent to the API."""

from __future__ import annotations

import dataclasses
import re
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from fastapi import FastAPI
from fastapi.testclient import TestClient
from icalendar import Calendar

from api.core.errors import install_error_handlers
from api.routes.timeline import TimelineBase, TimelineIn, create_timeline_router
from bot.conversation.dialogue import calendar_query
from bot.conversation.state import CaseState
from bot.deadlines import CaseFacts, parse_timeline_request
from bot.deadlines.model import CASE_FACT_FIELDS
from bot.deadlines.validation import facts_from_query, facts_to_query

ROOT = Path(__file__).resolve().parent.parent
TODAY = date(2026, 11, 23)
NAMES = [spec.name for spec in CASE_FACT_FIELDS]
# One valid value per fact, as the conversation keeps them (API names, JSON values).
EVERY_FACT: dict[str, Any] = {
    "probleemanalyse_date": "2025-07-10",
    "eerstejaarsevaluatie_date": "2026-05-20",
    "spoor2_start_date": "2026-12-15",  # planned
    "geen_terugkeer_date": "2026-04-01",
    "uitzondering": "terugkeer_binnen_3_maanden",
    "loonsanctie_weeks": 12,
    "verlenging_end": "2027-12-31",
    "wia_aanvraag_date": "2027-03-01",  # planned
    "aow_date": "2031-01-01",
    "steps_done": ["plan_van_aanpak", "melding_uwv_42"],
    "steps_not_done": ["bijstelling_evaluatie"],
}
CASE = {"first_sick_day": "2025-06-02", "reference_date": TODAY.isoformat()}


@pytest.fixture()
def client(monkeypatch: pytest.MonkeyPatch) -> TestClient:
    monkeypatch.setenv("BOT_TODAY", TODAY.isoformat())
    app = FastAPI()
    app.include_router(create_timeline_router())
    install_error_handlers(app)
    return TestClient(app)


def test_one_definition_with_a_dutch_description_each() -> None:
    assert [f.name for f in dataclasses.fields(CaseFacts)] == NAMES
    assert set(EVERY_FACT) == set(NAMES)  # this test's data covers every fact
    for spec in CASE_FACT_FIELDS:
        assert spec.description.endswith(".") and spec.description[0].isupper(), spec
    assert CaseFacts().steps_done == () and CaseFacts().aow_date is None


def test_the_json_api_and_the_calendar_query_take_exactly_the_case_facts(
    client: TestClient,
) -> None:
    base = set(TimelineBase.__fields__)
    assert list(TimelineIn.__fields__)[len(base) :] == NAMES
    ics = client.app.openapi()["paths"]["/api/timeline.ics"]["get"]["parameters"]  # type: ignore[attr-defined]
    assert [p["name"] for p in ics] == ["first_sick_day", "sick_periods", "reference_date", *NAMES]
    described = {p["name"]: p.get("description", "") for p in ics}
    assert "Gescheiden door komma's" in described["steps_done"]
    assert "terugkeer_binnen_3_maanden" in described["uitzondering"]


def test_the_readme_lists_exactly_the_case_facts() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    section = readme.split("## Deadline API", 1)[1].split("\n## ", 1)[0]
    rows = re.findall(r"^\| `(\w+)` \| (\w+) \|", section, re.M)
    assert rows == [(spec.name, spec.kind) for spec in CASE_FACT_FIELDS]


def test_every_fact_the_conversation_keeps_reaches_the_api_unchanged(client: TestClient) -> None:
    """The conversation computes from its facts; the JSON API and the .ics link it gives the
    widget must see the same facts, steps included."""
    in_chat = parse_timeline_request({**EVERY_FACT, **CASE}, TODAY).facts
    assert all(getattr(in_chat, name) not in (None, ()) for name in NAMES)
    query = facts_to_query(EVERY_FACT)
    assert query["steps_done"] == "plan_van_aanpak,melding_uwv_42"
    assert parse_timeline_request({**facts_from_query(query), **CASE}, TODAY).facts == in_chat
    state = CaseState(periods=(("2025-06-02", None),), facts={**EVERY_FACT, "zwanger": True})
    assert calendar_query(state) == {"sick_periods": "2025-06-02..", **query}  # no other keys
    json_answer = client.post("/api/timeline", json={**EVERY_FACT, **CASE})
    assert json_answer.status_code == 200, json_answer.text
    calendar = client.get("/api/timeline.ics", params={**query, **CASE})
    assert calendar.status_code == 200, calendar.text


def test_steps_done_and_not_done_change_the_json_answer(client: TestClient) -> None:
    plain = client.post("/api/timeline", json=CASE).json()
    told = client.post(
        "/api/timeline",
        json={**CASE, "steps_done": ["spoor2_uiterlijk", "probleemanalyse"]}
        | {"steps_not_done": ["plan_van_aanpak"]},
    ).json()

    def badges(body: dict[str, Any]) -> dict[str, tuple[str, str]]:
        return {m["id"]: (m["badge"]["kind"], m["badge"]["label"]) for m in body["milestones"]}

    assert plain["spoor2"]["status"] == "achterstallig" and plain["next_step"] == "spoor2_uiterlijk"
    assert badges(plain)["probleemanalyse"] == ("past", "termijn voorbij")
    assert told["spoor2"]["status"] == "gestart"
    assert badges(told)["probleemanalyse"] == ("done", "gemaakt")
    assert badges(told)["plan_van_aanpak"] == ("next", "volgende stap, te laat")
    assert told["next_step"] == "plan_van_aanpak"


def test_steps_are_validated_in_dutch(client: TestClient) -> None:
    def errors(body: dict[str, Any]) -> list[dict[str, str]]:
        response = client.post("/api/timeline", json={**CASE, **body})
        assert response.status_code == 422
        detail: list[dict[str, str]] = response.json()["detail"]
        return detail

    unknown = errors({"steps_done": ["bestaat_niet"]})
    assert unknown[0]["field"] == "steps_done"
    assert unknown[0]["message"].startswith("Onbekende stap: bestaat_niet. Kies uit: ")
    assert "wia_aanvraag" in unknown[0]["message"]
    assert "einde_loondoorbetaling" not in unknown[0]["message"]  # a date, not a step
    assert errors({"steps_not_done": ["wia_ingang"]})[0]["field"] == "steps_not_done"
    assert errors({"steps_done": "probleemanalyse"}) == [
        {"field": "steps_done", "message": "Verwacht een lijst."}
    ]
    both = errors({"steps_done": ["wia_aanvraag"], "steps_not_done": ["wia_aanvraag"]})
    assert "tegelijk gedaan en niet gedaan" in both[0]["message"]
    ics = client.get("/api/timeline.ics", params={**CASE, "steps_not_done": "probleemanalyse,x"})
    assert ics.status_code == 422
    assert ics.json()["detail"][0]["message"].startswith("Onbekende stap: x.")


def test_the_calendar_says_which_steps_were_done_or_are_late(client: TestClient) -> None:
    def descriptions(query: dict[str, str]) -> dict[str, str]:
        response = client.get("/api/timeline.ics", params={**CASE, **query})
        assert response.status_code == 200, response.text
        return {
            str(e["uid"]).split("@")[0].split("-", 1)[1]: str(e["description"])
            for e in Calendar.from_ical(response.content).walk("VEVENT")
        }

    plain = descriptions({})
    told = descriptions(
        {"steps_done": "probleemanalyse, spoor2_uiterlijk", "steps_not_done": "plan_van_aanpak"}
    )
    assert "\nGemaakt.\n" not in plain["probleemanalyse"]
    assert "\nGemaakt.\n" in told["probleemanalyse"]
    assert "\nTe laat.\n" not in plain["plan_van_aanpak"]
    assert "\nTe laat.\n" in told["plan_van_aanpak"]
    assert told["wia_aanvraag"] == plain["wia_aanvraag"]

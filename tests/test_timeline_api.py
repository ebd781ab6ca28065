"""The timeline API contract: JSON, .ics, Dutch 422 errors, BOT_TODAY as default."""

from __future__ import annotations

from datetime import date, datetime, timezone

import pytest
from fastapi import FastAPI
from fastapi.testclient import TestClient
from icalendar import Calendar

from api.core.errors import install_error_handlers
from api.routes.timeline import create_timeline_router
from bot.deadlines import SickPeriod, compute_timeline
from bot.deadlines.calendar_export import timeline_to_ics

MILESTONE_IDS = [
    "ziekmelding_arbodienst", "probleemanalyse", "plan_van_aanpak", "bijstelling_evaluatie",
    "melding_uwv_42", "eerstejaarsevaluatie", "spoor2_uiterlijk", "wia_brief_uwv",
    "eindevaluatie", "wia_aanvraag", "einde_loondoorbetaling", "wia_ingang",
]  # fmt: skip


@pytest.fixture()
def client(monkeypatch: pytest.MonkeyPatch) -> TestClient:
    monkeypatch.setenv("BOT_TODAY", "2026-11-23")
    app = FastAPI()
    app.include_router(create_timeline_router())
    install_error_handlers(app)
    return TestClient(app)


def test_json_contract(client: TestClient) -> None:
    response = client.post("/api/timeline", json={"first_sick_day": "2026-01-05"})
    assert response.status_code == 200
    body = response.json()
    assert body["case"]["first_sick_day"] == "2026-01-05"
    assert body["case"]["reference_date"] == "2026-11-23"  # BOT_TODAY
    assert body["case"]["sick_days"] == 323
    assert [m["id"] for m in body["milestones"]] == MILESTONE_IDS
    for milestone in body["milestones"]:
        assert {"id", "date", "responsible", "status", "label", "explanation", "source"} <= set(
            milestone
        )
        assert milestone["source"]["url"].startswith("https://")
    eje = next(m for m in body["milestones"] if m["id"] == "eerstejaarsevaluatie")
    assert (eje["window_start"], eje["window_end"], eje["status"]) == (
        "2026-11-16",
        "2027-01-03",
        "lopend",
    )
    assert body["spoor2"]["status"] == "nog_niet_nodig"
    assert body["spoor2"]["deadline"] == "2027-02-14"
    assert isinstance(body["warnings"], list)


def test_periods_and_facts(client: TestClient) -> None:
    response = client.post(
        "/api/timeline",
        json={
            "sick_periods": [
                {"start": "2022-01-03", "end": "2022-07-03"},
                {"start": "2022-07-25", "end": None},
            ],
            "reference_date": "2023-01-01",
            "loonsanctie_weeks": 12,
        },
    )
    body = response.json()
    end = next(m for m in body["milestones"] if m["id"] == "einde_loondoorbetaling")
    assert end["date"] == "2024-04-14"  # 2024-01-21 + 12 weeks
    assert len(body["case"]["periods_added_up"]) == 2


def test_spoor2_overdue_via_api(client: TestClient) -> None:
    body = client.post("/api/timeline", json={"first_sick_day": "2025-06-02"}).json()
    assert body["spoor2"]["status"] == "achterstallig"
    assert body["spoor2"]["days_late"] > 0


def test_engine_errors_are_422_in_dutch(client: TestClient) -> None:
    response = client.post(
        "/api/timeline", json={"first_sick_day": "2026-02-31", "loonsanctie_weeks": 60}
    )
    assert response.status_code == 422
    fields = {e["field"]: e["message"] for e in response.json()["detail"]}
    assert "geen bestaande datum" in fields["first_sick_day"]
    assert "52" in fields["loonsanctie_weeks"]


def test_type_errors_are_422_in_dutch(client: TestClient) -> None:
    response = client.post("/api/timeline", json={"sick_periods": "geen lijst"})
    assert response.status_code == 422
    assert response.json()["detail"][0] == {
        "field": "sick_periods",
        "message": "Verwacht een lijst.",
    }
    broken = client.post(
        "/api/timeline", content=b"{kapot", headers={"content-type": "application/json"}
    )
    assert broken.status_code == 422


def test_ics_download(client: TestClient) -> None:
    response = client.get(
        "/api/timeline.ics", params={"first_sick_day": "2026-01-05", "loonsanctie_weeks": "12"}
    )
    assert response.status_code == 200
    assert response.headers["content-type"].startswith("text/calendar")
    assert "attachment" in response.headers["content-disposition"]
    events = [c for c in Calendar.from_ical(response.content).walk("VEVENT")]
    assert len(events) == len(MILESTONE_IDS)
    end = next(e for e in events if str(e["uid"]).split("@")[0].endswith("einde_loondoorbetaling"))
    assert end.decoded("dtstart") == date(2028, 3, 26)


def test_ics_error_is_dutch(client: TestClient) -> None:
    response = client.get("/api/timeline.ics", params={"first_sick_day": "2030-01-01"})
    assert response.status_code == 422
    assert "toekomst" in response.json()["detail"][0]["message"]


def test_ics_round_trip_and_stable_uids() -> None:
    timeline = compute_timeline([SickPeriod(date(2026, 1, 5))], date(2026, 11, 23))
    stamp = datetime(2026, 11, 23, tzinfo=timezone.utc)
    first = Calendar.from_ical(timeline_to_ics(timeline, stamp))
    again = Calendar.from_ical(
        timeline_to_ics(compute_timeline([SickPeriod(date(2026, 1, 5))], date(2027, 1, 1)), stamp)
    )
    uids = [str(e["uid"]) for e in first.walk("VEVENT")]
    assert uids == [str(e["uid"]) for e in again.walk("VEVENT")]
    assert len(set(uids)) == len(uids)
    eje = next(e for e in first.walk("VEVENT") if "eerstejaarsevaluatie" in str(e["uid"]))
    assert eje.decoded("dtstart") == date(2026, 11, 16)
    assert eje.decoded("dtend") == date(2027, 1, 4)  # exclusive end of an all-day window
    assert "eerstejaarsevaluatie" in str(eje["summary"]).lower()
    assert "2026-01-05" not in timeline_to_ics(timeline, stamp).decode()


def test_calendar_for_periods_that_add_up(client: TestClient) -> None:
    response = client.get(
        "/api/timeline.ics",
        params={"sick_periods": "2026-01-03..2026-07-03,2026-07-25..", "loonsanctie_weeks": "4"},
    )
    assert response.status_code == 200, response.text
    single = client.get("/api/timeline.ics", params={"first_sick_day": "2026-01-03"})

    def end_of_pay(ics: bytes) -> date:
        events = Calendar.from_ical(ics).walk("VEVENT")
        event = next(e for e in events if "loondoorbetaling" in str(e.get("SUMMARY")).lower())
        return event.decoded("DTSTART")  # type: ignore[no-any-return]

    # The 21 days between the periods and the 4 weeks of loonsanctie push the end back.
    assert (end_of_pay(response.content) - end_of_pay(single.content)).days == 21 + 28
    bad = client.get("/api/timeline.ics", params={"sick_periods": "gisteren.."})
    assert bad.status_code == 422 and "datum" in bad.text


def test_planned_dates_are_accepted_and_called_planned(client: TestClient) -> None:
    """Spec 6.1: "de eerstejaarsevaluatie staat gepland op 15 januari, wanneer moet spoor 2
    dan starten?" (BOT_TODAY is 2026-11-23)."""
    response = client.post(
        "/api/timeline",
        json={
            "first_sick_day": "2026-03-02",
            "eerstejaarsevaluatie_date": "2027-01-15",
            "spoor2_start_date": "2027-03-15",
        },
    )
    assert response.status_code == 200, response.text
    body = response.json()
    eje = next(m for m in body["milestones"] if m["id"] == "eerstejaarsevaluatie")
    assert eje["actual_date"] == "2027-01-15" and eje["planned"] is True
    assert eje["status_label"] == "gepland op 15 januari 2027"
    spoor2 = body["spoor2"]
    assert spoor2["deadline"] == "2027-02-26"  # 15 January + 6 weeks
    assert spoor2["status"] == "nog_niet_nodig"  # a planned start is not a start
    assert spoor2["planned_start"] == "2027-03-15" and spoor2["planned_start_late"] is True
    assert spoor2["planned_days_late"] == 17
    assert spoor2["status_label"] == "De geplande start van spoor 2 is te laat"


def test_still_invalid_after_spec_6_1(client: TestClient) -> None:
    response = client.post(
        "/api/timeline",
        json={
            "first_sick_day": "2026-03-02",
            "eerstejaarsevaluatie_date": "2026-02-01",
            "geen_terugkeer_date": "2027-01-01",
        },
    )
    assert response.status_code == 422
    fields = {e["field"]: e["message"] for e in response.json()["detail"]}
    assert "toekomst" in fields["geen_terugkeer_date"]
    first = client.post(
        "/api/timeline",
        json={"first_sick_day": "2026-03-02", "eerstejaarsevaluatie_date": "2026-02-01"},
    )
    assert "vóór de eerste ziektedag" in first.json()["detail"][0]["message"]


def test_ics_with_planned_dates(client: TestClient) -> None:
    response = client.get(
        "/api/timeline.ics",
        params={
            "first_sick_day": "2026-03-02",
            "eerstejaarsevaluatie_date": "2027-01-15",
            "spoor2_start_date": "2027-02-20",
        },
    )
    assert response.status_code == 200, response.text
    events = {
        str(e["uid"]).split("@")[0].split("-", 1)[1]: e
        for e in Calendar.from_ical(response.content).walk("VEVENT")
    }
    eje = str(events["eerstejaarsevaluatie"]["description"])
    assert "Gepland op 15 januari 2027." in eje
    spoor2 = events["spoor2_uiterlijk"]
    assert spoor2.decoded("dtstart") == date(2027, 2, 26)
    assert "Spoor 2 staat gepland op zaterdag 20 februari 2027. Dat is op tijd" in str(
        spoor2["description"]
    )

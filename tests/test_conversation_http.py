"""Whole personal-deadline conversations over /webhooks/rest/webhook, BOT_TODAY=2026-11-23.

These go through the trained model, the Rasa policies, the action webhook and the tracker
store, as a user's chat does.
"""

from __future__ import annotations

from typing import Any

import httpx
import pytest
from icalendar import Calendar

from bot.conversation.personal_answers import DISCLAIMER
from bot.messages import APOLOGY
from tests.live_server import LiveServer, texts

pytestmark = pytest.mark.model


def timeline_of(reply: list[dict[str, Any]]) -> dict[str, Any]:
    customs = [m["custom"] for m in reply if (m.get("custom") or {}).get("type") == "timeline"]
    assert len(customs) == 1, reply
    timeline: dict[str, Any] = customs[0]["timeline"]
    return timeline


def button_payloads(reply: list[dict[str, Any]]) -> list[str]:
    return [b["payload"] for m in reply for b in m.get("buttons", [])]


def test_confirm_correct_and_get_the_overview(live_server: LiveServer) -> None:
    sender = "case-confirm"
    reply = live_server.chat(sender, "3 maart 2025")
    assert texts(reply) == "Je eerste ziektedag is maandag 3 maart 2025, klopt dat?"
    assert button_payloads(reply) == ["/affirm", "/deny"]
    reply = live_server.chat(sender, "nee, 5 maart")
    # The corrected day keeps the year of the date it corrects (issue 19, point 7).
    assert "woensdag 5 maart 2025, klopt dat?" in texts(reply)
    reply = live_server.chat(sender, "/affirm")  # the "Ja" button
    assert "werknemer" in texts(reply)  # who is asking?
    reply = live_server.chat(sender, '/inform_role{"role": "werknemer"}')
    text = texts(reply)
    assert "Je termijnen bij eerste ziektedag woensdag 5 maart 2025:" in text
    assert "← volgende stap" in text and text.endswith(DISCLAIMER)
    assert timeline_of(reply)["case"]["first_sick_day"] == "2025-03-05"
    # Context: a follow-up uses the same first sick day.
    reply = live_server.chat(sender, "en de eerstejaarsevaluatie?")
    assert "**Eerstejaarsevaluatie**: Dat is tussen woensdag 14 januari 2026" in texts(reply)
    reply = live_server.chat(sender, "tot wanneer wordt mijn loon doorbetaald?")
    assert "Laatste dag loondoorbetaling" in texts(reply)
    assert "dinsdag 2 maart 2027" in texts(reply)


def test_date_in_the_question_is_used_at_once(live_server: LiveServer) -> None:
    reply = live_server.chat(
        "case-at-once",
        "ik ben sinds 5 januari 2026 ziek, wanneer moet de probleemanalyse klaar zijn?",
    )
    text = texts(reply)
    assert "Uiterlijk: zondag 15 februari 2026." in text and text.endswith(DISCLAIMER)
    assert timeline_of(reply)["case"]["first_sick_day"] == "2026-01-05"


def test_is_spoor2_late(live_server: LiveServer) -> None:
    sender = "case-spoor2"
    reply = live_server.chat(
        sender, "mijn werknemer is sinds 1 september 2025 ziek. is spoor 2 te laat?"
    )
    assert "eerstejaarsevaluatie al geweest" in texts(reply)
    assert "/skip" in button_payloads(reply)
    assert "Is spoor 2 al gestart?" in texts(live_server.chat(sender, "/skip"))
    reply = live_server.chat(sender, "nee, nog niet")
    text = texts(reply)
    assert "**Spoor 2 is te laat: 43 dagen over de uiterste datum.**" in text
    assert "loonsanctie" in text and "Als werkgever" in text
    assert timeline_of(reply)["spoor2"]["status"] == "achterstallig"


def test_wanneer_moet_spoor2_starten_without_a_date_then_with_one(live_server: LiveServer) -> None:
    sender = "case-spoor2-start"
    reply = live_server.chat(sender, "wanneer moet spoor 2 starten?")
    assert "Bron:" in texts(reply) and "Noem de eerste ziektedag" in texts(reply)
    reply = live_server.chat(sender, "sinds 2 maart 2026")
    assert "maandag 2 maart 2026, klopt dat?" in texts(reply)
    reply = live_server.chat(sender, "ja")
    assert "arbeidsdeskundige" in texts(reply)  # it changes the advice: ask, may be skipped
    reply = live_server.chat(sender, "nee")
    text = texts(reply)
    assert "**Uiterste start tweede spoor**: Uiterlijk: zondag 11 april 2027." in text
    assert "zodra terugkeer in de eigen organisatie niet meer waarschijnlijk is" in text


def test_periods_add_up_and_restart(live_server: LiveServer) -> None:
    sender = "case-periods"
    reply = live_server.chat(
        sender, "ik was eerder ziek van 3 januari tot 3 juli en sinds 25 juli weer"
    )
    assert "tot en met vrijdag 3 juli 2026" in texts(reply)
    assert "werkgever" in texts(live_server.chat(sender, "klopt"))
    reply = live_server.chat(sender, "ik werk bij HR")
    timeline = timeline_of(reply)
    assert len(timeline["case"]["periods_added_up"]) == 2
    assert "vergeten" in texts(live_server.chat(sender, "begin opnieuw"))
    reply = live_server.chat(sender, "en de eerstejaarsevaluatie?")
    assert "Eerstejaarsevaluatie**: Dat is" not in texts(reply)


def test_loonsanctie_question(live_server: LiveServer) -> None:
    sender = "case-sanctie"
    reply = live_server.chat(
        sender,
        "UWV heeft een loonsanctie van 12 weken opgelegd, tot wanneer moeten we doorbetalen?",
    )
    assert "eerste ziektedag" in texts(reply)
    live_server.chat(sender, "4 februari 2024")
    reply = live_server.chat(sender, "ja")
    assert "Uiterlijk: zaterdag 25 april 2026." in texts(reply)


def test_bad_input_gets_clear_dutch_replies_and_the_conversation_goes_on(
    live_server: LiveServer,
) -> None:
    sender = "case-bad"
    assert "eerste ziektedag" in texts(live_server.chat(sender, "bereken mijn termijnen"))
    for message, expected in [
        ("xkcd blabla qwerty", "geen datum"),
        ("1 januari 2030", "in de toekomst"),
        ("3 maart 1999", "vóór 2002"),
        ("ziek van 5 mei 2026 tot 3 mei 2026", "vóór het begin"),
    ]:
        reply = live_server.chat(sender, message)
        assert expected in texts(reply), (message, reply)
        assert APOLOGY not in texts(reply)
    assert "klopt dat?" in texts(live_server.chat(sender, "12 oktober 2026"))


# --- issue 14: honest wording, special cases, planned dates (BOT_TODAY is 2026-11-23) -------


def answer_as(live_server: LiveServer, sender: str, message: str, role: str) -> str:
    """Send a message; answer the role question if it comes."""
    reply = live_server.chat(sender, message)
    if "Ben je zelf ziek" in texts(reply):
        reply = live_server.chat(sender, f'/inform_role{{"role": "{role}"}}')
    return texts(reply)


def test_overview_words_say_what_is_known(live_server: LiveServer) -> None:
    sender = "case-words"
    reply = live_server.chat(sender, "ik ben sinds 5 januari 2026 ziek, wat moet ik wanneer doen?")
    if "Ben je zelf ziek" in texts(reply):
        reply = live_server.chat(sender, '/inform_role{"role": "werknemer"}')
    text = texts(reply)
    assert "Probleemanalyse door de bedrijfsarts: zondag 15 februari 2026 (termijn voorbij)" in text
    assert "(geweest)" not in text and "hoeft nog niet" not in text
    assert "Brief van UWV over de WIA-aanvraag: rond maandag 13 september 2027 (later)" in text
    assert "Spoor 2: Spoor 2 is nog niet te laat." in text
    # Item 3: the WIA-aanvraag is the employee's own step.
    assert "Jouw werkgever moet deze stappen op tijd zetten" not in text
    assert "de WIA-aanvraag doe je zelf bij UWV, uiterlijk in week 93 (art. 64 WIA)" in text
    assert "Bron: " in text and "gecontroleerd" in text and text.endswith(DISCLAIMER)
    timeline = timeline_of(reply)
    probleemanalyse = timeline["milestones"][1]
    assert probleemanalyse["status_label"] == "termijn voorbij"
    assert probleemanalyse["badge"] == {"kind": "past", "label": "termijn voorbij"}
    assert timeline["spoor2"]["status_label"] == "Spoor 2 is nog niet te laat"


def test_temporary_contract_is_flagged_before_the_dates(live_server: LiveServer) -> None:
    reply = live_server.chat(
        "case-temporary",
        "Ik heb een tijdelijk contract tot 1 maart 2027 en ben sinds 3 juni ziek. "
        "Tot wanneer krijg ik loon?",
    )
    text = texts(reply)
    assert "Je eerste ziektedag is woensdag 3 juni 2026" in text  # the sick day is kept
    assert "**Let op: tijdelijk contract tot 1 maart 2027.**" in text
    assert "stopt de loondoorbetaling door de werkgever op 1 maart 2027" in text
    assert text.index("tijdelijk contract tot") < text.index("**Laatste dag loondoorbetaling**")
    assert "Art. 29 Ziektewet" in text  # the sources line
    assert '/faq{"faq_id": "contract_eindigt_ziek"}' in button_payloads(reply)


def test_temp_worker_is_flagged(live_server: LiveServer) -> None:
    text = answer_as(
        live_server,
        "case-uitzend",
        "ik ben uitzendkracht en sinds 3 juni ziek, wat moet ik wanneer doen?",
        "werknemer",
    )
    assert "**Let op: uitzendkracht.**" in text and "Je termijnen bij eerste ziektedag" in text
    assert text.index("**Let op: uitzendkracht.**") < text.index("Je termijnen")


def test_late_melding_then_until_when_pay(live_server: LiveServer) -> None:
    reply = live_server.chat(
        "case-late-melding",
        "mijn werknemer is sinds 2 september 2024 ziek en de 42e-weeksmelding was te laat. "
        "tot wanneer moeten we doorbetalen?",
    )
    text = texts(reply)
    assert "**Laatste dag loondoorbetaling**: Uiterlijk: zondag 30 augustus 2026." in text
    assert "Dat verlengt de loondoorbetaling niet" in text and "€455" in text
    assert "Ziekmelding bij UWV (42e-weeksmelding)**" not in text


def test_aow_date_ends_pay_six_weeks_later(live_server: LiveServer) -> None:
    reply = live_server.chat(
        "case-aow",
        "mijn werknemer is sinds 5 januari 2026 ziek en bereikt op 1 juni 2027 de "
        "AOW-leeftijd. tot wanneer moeten we doorbetalen?",
    )
    text = texts(reply)
    assert "**Laatste dag loondoorbetaling**: Uiterlijk: maandag 12 juli 2027." in text
    assert "art. 7:629 lid 2 BW" in text
    timeline = timeline_of(reply)
    assert timeline["spoor2"]["status"] == "niet_vereist"
    assert "wia_aanvraag" not in [m["id"] for m in timeline["milestones"]]


def test_planned_eerstejaarsevaluatie_gives_the_spoor2_deadline(live_server: LiveServer) -> None:
    sender = "case-planned"
    reply = live_server.chat(
        sender,
        "de eerstejaarsevaluatie staat gepland op 15 januari, wanneer moet spoor 2 dan starten?",
    )
    assert "eerste ziektedag" in texts(reply) and "toekomst" not in texts(reply)
    assert "klopt dat?" in texts(live_server.chat(sender, "sinds 3 maart 2026"))
    reply = live_server.chat(sender, "ja")
    if "arbeidsdeskundige" in texts(reply):
        reply = live_server.chat(sender, "nee")
    text = texts(reply)
    assert "**Uiterste start tweede spoor**: Uiterlijk: vrijdag 26 februari 2027." in text
    assert "de eerstejaarsevaluatie staat gepland op vrijdag 15 januari 2027." in text
    eje = next(m for m in timeline_of(reply)["milestones"] if m["id"] == "eerstejaarsevaluatie")
    assert eje["status_label"] == "gepland op 15 januari 2027"
    custom = next(m["custom"] for m in reply if m.get("custom"))
    query = custom["calendar_query"]
    assert query["eerstejaarsevaluatie_date"] == "2027-01-15"
    calendar = httpx.get(live_server.url + "/api/timeline.ics", params=query)
    assert calendar.status_code == 200, calendar.text
    events = Calendar.from_ical(calendar.content).walk("VEVENT")
    eje_event = next(e for e in events if "eerstejaarsevaluatie" in str(e["uid"]))
    assert "Gepland op 15 januari 2027." in str(eje_event["description"])

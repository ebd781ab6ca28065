"""Issue 19, points 3-6, over /webhooks/rest/webhook with BOT_TODAY=2026-11-23: what the user
sees when a deadline has passed, when they ask what to do now (today, this week), when they
ask how long their pay lasts, and who is told to act. Through the trained model, the Rasa
policies, the action webhook and the tracker store, as a user's chat does."""

from __future__ import annotations

from typing import Any

import pytest

from bot.conversation.personal_answers import DISCLAIMER
from bot.messages import APOLOGY
from tests.live_server import LiveServer, texts

pytestmark = pytest.mark.model


def timeline_of(reply: list[dict[str, Any]]) -> dict[str, Any]:
    customs = [m["custom"] for m in reply if (m.get("custom") or {}).get("type") == "timeline"]
    assert len(customs) == 1, reply
    timeline: dict[str, Any] = customs[0]["timeline"]
    return timeline


def buttons(message: dict[str, Any]) -> list[tuple[str, str]]:
    return [(b["title"], b["payload"]) for b in message.get("buttons") or []]


def answer_and_question(reply: list[dict[str, Any]]) -> tuple[str, dict[str, Any]]:
    """The personal answer (ends with the disclaimer) and the question sent after it."""
    answer = next(m for m in reply if (m.get("custom") or {}).get("type") == "timeline")
    assert str(answer["text"]).endswith(DISCLAIMER)
    after = reply[reply.index(answer) + 1 :]
    assert len(after) == 1, reply
    return str(answer["text"]), after[0]


def test_employee_whose_wia_aanvraag_is_late_asks_what_to_do_now(live_server: LiveServer) -> None:
    sender = "help-wia-late"
    reply = live_server.chat(sender, "ik ben sinds 30 december 2024 ziek. wat moet ik nu doen?")
    answer, question = answer_and_question(reply)
    # One line first that answers it: the late WIA-aanvraag, not a routine meeting.
    assert answer.startswith(
        "**Nu eerst: WIA-aanvraag met re-integratieverslag (termijn voorbij).**"
    )
    assert "Je eerste ziektedag is maandag 30 december 2024: daar reken ik mee." in answer
    wia = next(line for line in answer.split("\n") if line.startswith("- **WIA-aanvraag"))
    assert "de termijn was zondag 11 oktober 2026" in wia
    assert "Wie: werknemer (het verslag: werkgever)" in wia
    assert "Wat nu: Vraag de WIA-uitkering nu aan bij UWV: dat doe je zelf (art. 64 WIA)." in wia
    assert "Risico: Door de vertraging schuiven het einde van je loondoorbetaling" in wia
    assert "geen recht op loon (art. 7:629 lid 3 onder f BW)" in wia
    assert "Deze datum is al voorbij." not in answer
    # Spoor 2 is the employer's task: the employee hears what they can do.
    spoor2 = next(line for line in answer.split("\n") if "tweede spoor" in line)
    assert "Spoor 2 starten is de taak van je werkgever, niet van jou." in spoor2
    assert "deskundigenoordeel" in spoor2
    assert "Bron: " in answer and "Art. 64 WIA" in answer and "gecontroleerd" in answer
    assert timeline_of(reply)["next_step"] == "wia_aanvraag"
    # Then the question that changes the advice, with Ja/Nee buttons.
    assert question["text"].startswith("Is de WIA-aanvraag al ingediend bij UWV?")
    assert buttons(question) == [("Ja", "/affirm"), ("Nee", "/deny")]

    reply = live_server.chat(sender, "/deny")  # the "Nee" button
    assert reply[0]["text"] == (
        "Genoteerd: WIA-aanvraag met re-integratieverslag: nog niet ingediend."
    )
    text = texts(reply)
    assert "**Nu eerst: WIA-aanvraag met re-integratieverslag (te laat).**" in text
    timeline = timeline_of(reply)
    badge = next(m for m in timeline["milestones"] if m["id"] == "wia_aanvraag")["badge"]
    assert badge == {"kind": "next", "label": "volgende stap, te laat"}
    # The fact is kept: asking again does not ask about the WIA-aanvraag again.
    reply = live_server.chat(sender, "en wat moet ik nu doen?")
    assert "WIA-aanvraag al ingediend" not in texts(reply)
    assert "(te laat).**" in texts(reply) and APOLOGY not in texts(reply)


def test_hr_with_a_late_plan_van_aanpak_this_week(live_server: LiveServer) -> None:
    sender = "help-pva-late"
    reply = live_server.chat(
        sender, "mijn werknemer is sinds 10 augustus 2026 ziek, wat moeten we deze week doen?"
    )
    text = texts(reply)
    assert "Welke dag was dat precies" not in text  # "deze week" is no date
    answer, question = answer_and_question(reply)
    assert answer.startswith("**Nu eerst: Plan van aanpak (termijn voorbij).**")
    pva = next(line for line in answer.split("\n") if line.startswith("- **Plan van aanpak**"))
    assert "de termijn was zondag 4 oktober 2026" in pva
    assert "Wie: werkgever en werknemer samen." in pva
    assert "De werkgever neemt het initiatief" in pva and "loonsanctie" in pva
    assert "Regeling procesgang" in answer and "Art. 25 WIA" in answer
    assert buttons(reply[reply.index(next(m for m in reply if m.get("custom")))]) == [
        ("Alle termijnen", "/ask_overview")
    ]
    assert question["text"].startswith("Is het plan van aanpak al gemaakt?")
    reply = live_server.chat(sender, "ja")
    assert reply[0]["text"] == "Genoteerd: Plan van aanpak: gedaan."
    text = texts(reply)
    assert "**Nu eerst: Probleemanalyse door de bedrijfsarts (termijn voorbij).**" in text
    # The full timeline on request.
    reply = live_server.chat(sender, "/ask_overview")
    text = texts(reply)
    assert "Je termijnen bij eerste ziektedag maandag 10 augustus 2026:" in text
    assert "Plan van aanpak: zondag 4 oktober 2026 (gedaan)" in text


def test_vandaag_in_a_question_is_today_not_a_sick_day(live_server: LiveServer) -> None:
    sender = "help-vandaag"
    live_server.chat(sender, "ik ben sinds 3 maart 2025 ziek")
    live_server.chat(sender, "ja")
    reply = live_server.chat(sender, "wat moet ik vandaag doen?")
    text = texts(reply)
    assert APOLOGY not in text and "klopt dat?" not in text
    if "Ben je zelf ziek" in text:  # the role was not given yet
        reply = live_server.chat(sender, '/inform_role{"role": "werknemer"}')
        text = texts(reply)
    assert "**Nu eerst: " in text
    assert timeline_of(reply)["case"]["first_sick_day"] == "2025-03-03"


def test_how_long_do_i_get_pay_is_answered_first(live_server: LiveServer) -> None:
    reply = live_server.chat(
        "help-pay", "ik ben sinds 3 maart 2025 ziek. Hoe lang krijg ik nog salaris?"
    )
    text = texts(reply)
    assert text.startswith(
        "**Je werkgever betaalt je loon bij ziekte door tot en met zondag 28 februari 2027.**"
    )
    assert "eerstejaarsevaluatie al geweest" not in text and "Is spoor 2" not in text
    assert "Je termijnen bij" not in text  # no table unless asked
    assert len(reply) == 1 and text.endswith(DISCLAIMER)


def test_pay_after_a_late_wia_aanvraag_asks_after_answering(live_server: LiveServer) -> None:
    sender = "help-pay-wia"
    reply = live_server.chat(
        sender, "ik ben sinds 30 december 2024 ziek. tot wanneer krijg ik loon?"
    )
    answer, question = answer_and_question(reply)
    assert answer.startswith(
        "**Je werkgever betaalt je loon bij ziekte door tot en met zondag 27 december 2026.**"
    )
    assert question["text"].startswith("Is de WIA-aanvraag al ingediend bij UWV?")
    assert "Op welke datum" in texts(live_server.chat(sender, "ja"))
    reply = live_server.chat(sender, "op 20 november 2026")
    assert reply[0]["text"].startswith(
        "Genoteerd: WIA-aanvraag met re-integratieverslag: ingediend op vrijdag 20 november 2026."
    )
    # 40 days after week 93: the end of pay moves 40 days (art. 7:629 lid 11 BW).
    assert "tot en met vrijdag 5 februari 2027.**" in texts(reply)
    assert "art. 7:629 lid 11 BW" in texts(reply)


def test_employee_is_never_told_to_start_spoor2(live_server: LiveServer) -> None:
    sender = "help-spoor2-employee"
    reply = live_server.chat(sender, "ik ben sinds 1 september 2025 ziek. is spoor 2 te laat?")
    assert "eerstejaarsevaluatie al geweest" in texts(reply)
    assert "Is spoor 2 al gestart?" in texts(live_server.chat(sender, "/skip"))
    reply = live_server.chat(sender, "nee, nog niet")
    text = texts(reply)
    assert "**Spoor 2 is te laat: 43 dagen over de uiterste datum.**" in text
    assert "start spoor 2 direct" not in text  # the employer's "Wat nu" is for HR (issue 19)
    assert "Wat jij kunt doen: Spoor 2 starten is de taak van je werkgever" in text
    assert "Wat nu: start spoor 2" not in text
    # "Nee, nog niet" is kept: the same question is not asked again.
    reply = live_server.chat(sender, "en is spoor 2 nu te laat?")
    assert "Is spoor 2 al gestart?" not in texts(reply)
    assert "**Spoor 2 is te laat" in texts(reply)


def test_a_passed_deadline_asked_directly_gets_its_repair(live_server: LiveServer) -> None:
    reply = live_server.chat(
        "help-direct",
        "mijn werknemer is sinds 2 september 2024 ziek. wanneer moest de 42e-weeksmelding?",
    )
    text = texts(reply)
    assert "**Ziekmelding bij UWV (42e-weeksmelding)**: Uiterlijk: maandag 23 juni 2025." in text
    assert (
        "Let op: de termijn was maandag 23 juni 2025. Nog niet gedaan? Dan is het te laat." in text
    )
    assert "Wat nu: De werkgever meldt de ziekte nu alsnog bij UWV" in text
    assert "boete" in text and "€455" in text
    assert "UWV: ziek melden bij UWV (42e-weeksmelding)" in text  # the source line


def test_spoor2_not_started_said_in_passing_is_not_asked(live_server: LiveServer) -> None:
    sender = "help-said"
    reply = live_server.chat(
        sender,
        "mijn werknemer is sinds 1 september 2025 ziek en spoor 2 is nog niet gestart. "
        "is spoor 2 te laat?",
    )
    assert "eerstejaarsevaluatie al geweest" in texts(reply)
    reply = live_server.chat(sender, "/skip")
    text = texts(reply)
    assert "Is spoor 2 al gestart?" not in text
    assert "**Spoor 2 is te laat: 43 dagen over de uiterste datum.**" in text
    assert "Wat nu: de werkgever start spoor 2 direct" in text  # HR: the employer's actions

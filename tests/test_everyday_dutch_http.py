"""Issue 19, points 1 and 7 over HTTP (BOT_TODAY=2026-11-23): what the user sees for periods
told over several messages, facts told after an answer, approximate days, dates without a
year, corrections, "wat bedoel je?" and a message in English."""

from __future__ import annotations

from typing import Any

import pytest

from bot.messages import APOLOGY, ENGLISH_ANSWERED, ENGLISH_NOT_UNDERSTOOD
from tests.live_server import LiveServer, texts

pytestmark = pytest.mark.model


def timeline_of(reply: list[dict[str, Any]]) -> dict[str, Any]:
    customs = [m["custom"] for m in reply if (m.get("custom") or {}).get("type") == "timeline"]
    assert len(customs) == 1, texts(reply)
    timeline: dict[str, Any] = customs[0]["timeline"]
    return timeline


def pay_end(reply: list[dict[str, Any]]) -> str:
    milestones = timeline_of(reply)["milestones"]
    return str(next(m["date"] for m in milestones if m["id"] == "einde_loondoorbetaling"))


def titles(reply: list[dict[str, Any]]) -> list[str]:
    return [b["title"] for m in reply for b in m.get("buttons", [])]


def test_an_earlier_period_is_added_not_replacing_the_current_one(
    live_server: LiveServer,
) -> None:
    sender = "everyday-persona"
    live_server.chat(sender, "ik ben sinds 20 mei 2025 ziek")
    live_server.chat(sender, "ja")
    reply = live_server.chat(sender, "daarvoor was ik ook ziek van 3 maart tot 25 april")
    assert texts(reply) == (
        "Je was ziek van maandag 3 maart 2025 tot en met vrijdag 25 april 2025, en vanaf dinsdag "
        "20 mei 2025. Periodes opgeteld: 24 dagen onderbreking, minder dan vier weken. Alleen "
        "de ziektedagen tellen mee. Klopt dat?"
    )
    assert titles(reply) == ["Ja", "Nee"]
    live_server.chat(sender, "ja")
    reply = live_server.chat(sender, "tot wanneer krijg ik loon?")
    assert texts(reply).startswith(
        "**Je werkgever betaalt je loon bij ziekte door tot en met woensdag 24 maart 2027.**"
    )
    assert pay_end(reply) == "2027-03-24"


def test_a_fact_after_the_answer_gives_the_answer_again(live_server: LiveServer) -> None:
    sender = "everyday-fact-after"
    reply = live_server.chat(sender, "ik ben sinds 3 januari 2025 ziek, tot wanneer krijg ik loon?")
    assert pay_end(reply) == "2026-12-31"
    reply = live_server.chat(sender, "er is een loonsanctie van 12 weken opgelegd")
    text = texts(reply)
    assert APOLOGY not in text
    assert "donderdag 25 maart 2027" in text and pay_end(reply) == "2027-03-25"


def test_year_correction_after_an_answer(live_server: LiveServer) -> None:
    sender = "everyday-year"
    reply = live_server.chat(sender, "ik ben sinds 20 mei ziek, tot wanneer krijg ik loon?")
    assert pay_end(reply) == "2028-05-16"  # 20 May 2026 + 727 days
    reply = live_server.chat(sender, "nee, 2025")
    assert "Je eerste ziektedag is dinsdag 20 mei 2025: daar reken ik mee." in texts(reply)
    assert pay_end(reply) == "2027-05-17"
    reply = live_server.chat(sender, "de 22e bedoel ik")
    assert "Je eerste ziektedag is donderdag 22 mei 2025: daar reken ik mee." in texts(reply)
    assert pay_end(reply) == "2027-05-19"


def test_approximate_day_is_accepted_with_the_assumption(live_server: LiveServer) -> None:
    sender = "everyday-approx"
    reply = live_server.chat(sender, "ik ben in januari 2025 ziek geworden")
    assert "Op welke dag in januari" in texts(reply)
    reply = live_server.chat(sender, "rond de 15e")
    assert texts(reply) == (
        "Je eerste ziektedag is woensdag 15 januari 2025. Je noemde geen precieze dag, dus ik "
        "reken met 15 januari 2025; een paar dagen verschil schuift alles even veel op. Weet "
        "je de precieze datum? Typ die dan. Klopt dat?"
    )
    reply = live_server.chat(sender, "begin maart 2025 bedoel ik eigenlijk")
    assert "zaterdag 1 maart 2025" in texts(reply) and "ik reken met 1 maart 2025" in texts(reply)


def test_dates_without_a_year(live_server: LiveServer) -> None:
    reply = live_server.chat("everyday-dit-jaar", "ik ben sinds 14-4 dit jaar ziek")
    assert texts(reply) == "Je eerste ziektedag is dinsdag 14 april 2026, klopt dat?"
    sender = "everyday-28-02"
    live_server.chat(sender, "mijn eerste ziektedag was 3 maart 2025")
    reply = live_server.chat(sender, "nee, 28-02 dan")
    assert texts(reply) == "Je eerste ziektedag is vrijdag 28 februari 2025, klopt dat?"


def test_what_do_you_mean_repeats_the_question(live_server: LiveServer) -> None:
    sender = "everyday-what"
    live_server.chat(sender, "3 maart 2025")
    reply = live_server.chat(sender, "wat bedoel je?")
    assert texts(reply).startswith("Ik wil zeker weten dat ik met de goede datum reken.")
    assert titles(reply) == ["Ja", "Nee"]
    reply = live_server.chat(sender, "ja")
    assert texts(reply).startswith("Ben je zelf ziek (werknemer)")  # the role is not known
    reply = live_server.chat(sender, "hoe bedoel je")
    assert texts(reply).startswith("Ik vroeg wie je bent.")
    assert titles(reply) == ["Ik ben werknemer", "Ik ben werkgever of HR", "Sla over"]


def test_english_gets_a_note_and_the_dutch_answer(live_server: LiveServer) -> None:
    reply = live_server.chat(
        "everyday-english", "I am sick since 3 March 2025, when does my salary stop?"
    )
    assert reply[0]["text"] == ENGLISH_ANSWERED
    assert (
        "**Je werkgever betaalt je loon bij ziekte door tot en met zondag 28 februari 2027.**"
        in (texts(reply))
    )
    reply = live_server.chat("everyday-english-2", "What is the weather like tomorrow?")
    assert texts(reply) == ENGLISH_NOT_UNDERSTOOD

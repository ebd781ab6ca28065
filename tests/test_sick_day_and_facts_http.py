"""Issue 15, point 5: a message that names the first sick day in a full sentence and also a
loonsanctie in weeks, over /webhooks/rest/webhook with BOT_TODAY=2026-11-23. The sick day is
read as the start, the weeks are taken, and no "was dat één ziektedag?" comes back. Through
the trained model, the Rasa policies, the action webhook and the tracker store."""

from __future__ import annotations

from typing import Any

import pytest

from bot.conversation.personal_answers import DISCLAIMER
from bot.messages import APOLOGY
from tests.live_server import LiveServer, texts

pytestmark = pytest.mark.model

SINGLE_DAY_QUESTION = "Was dat één ziektedag, of begon de ziekte toen?"
START_USED = "Je eerste ziektedag is dinsdag 3 maart 2026: daar reken ik mee."
# 104 weeks from 3 March 2026 end on 28 February 2028; 12 weeks of loonsanctie more.
WITH_SANCTION = "tot en met maandag 22 mei 2028.**"
WITHOUT_SANCTION = "maandag 28 februari 2028"


def timeline_of(reply: list[dict[str, Any]]) -> dict[str, Any]:
    customs = [m["custom"] for m in reply if (m.get("custom") or {}).get("type") == "timeline"]
    assert len(customs) == 1, reply
    timeline: dict[str, Any] = customs[0]["timeline"]
    return timeline


def buttons(reply: list[dict[str, Any]]) -> list[tuple[str, str]]:
    return [(b["title"], b["payload"]) for m in reply for b in m.get("buttons") or []]


def assert_end_of_pay_with_sanction(reply: list[dict[str, Any]], payer: str) -> None:
    """One answer: the end of pay from 3 March 2026 plus 12 weeks, no question back."""
    assert len(reply) == 1, reply
    text = texts(reply)
    assert text.startswith(f"**{payer} ") and text.split("\n")[0].endswith(WITH_SANCTION)
    assert START_USED in text
    assert "**Laatste dag loondoorbetaling**: Uiterlijk: maandag 22 mei 2028." in text
    assert WITHOUT_SANCTION not in text
    assert SINGLE_DAY_QUESTION not in text and "klopt dat?" not in text
    assert APOLOGY not in text and text.endswith(DISCLAIMER)
    assert all(payload != "/affirm" for _, payload in buttons(reply))  # no "Ja/Nee?" to answer
    assert timeline_of(reply)["case"]["first_sick_day"] == "2026-03-03"


@pytest.mark.parametrize(
    ("message", "payer"),
    [
        (
            "Mijn werknemer is op 3 maart 2026 ziek geworden en heeft een loonsanctie van 12 "
            "weken gekregen, wanneer eindigt de loondoorbetaling?",
            "Je betaalt het loon",
        ),
        (
            "Mijn eerste ziektedag was 3 maart 2026 en ik heb een loonsanctie van 12 weken "
            "gekregen. Tot wanneer krijg ik loon?",
            "De werkgever betaalt het loon",
        ),
        (
            "Mijn werknemer werd op 3 maart 2026 ziek. We hebben een loonsanctie van twaalf "
            "weken gekregen, tot wanneer betalen we door?",
            "Je betaalt het loon",
        ),
        (
            "Ik ben sinds 3 maart 2026 ziek en UWV gaf mijn werkgever een loonsanctie van 12 "
            "weken. Tot wanneer krijg ik loon?",
            "Je werkgever betaalt je loon",
        ),
        (
            "Mijn werknemer is vanaf 3 maart 2026 ziek en we hebben een loonsanctie van 12 "
            "weken. Tot wanneer betalen we door?",
            "Je betaalt het loon",
        ),
    ],
    ids=[
        "employer-ziek-geworden",
        "eerste-ziektedag-was",
        "werd-ziek-weeks-in-words",
        "sinds",
        "vanaf",
    ],
)
def test_first_sick_day_and_loonsanctie_in_one_message(
    live_server: LiveServer, request: pytest.FixtureRequest, message: str, payer: str
) -> None:
    reply = live_server.chat(f"sick-day-{request.node.callspec.id}", message)
    assert_end_of_pay_with_sanction(reply, payer)


def test_first_sick_day_and_a_pay_question_without_sanction(live_server: LiveServer) -> None:
    reply = live_server.chat(
        "sick-day-no-sanction", "3 maart 2026 was mijn eerste ziektedag, tot wanneer krijg ik loon?"
    )
    text = texts(reply)
    assert START_USED in text and SINGLE_DAY_QUESTION not in text
    assert "**Laatste dag loondoorbetaling**: Uiterlijk: maandag 28 februari 2028." in text


def test_a_day_back_at_work_still_asks_whether_it_was_one_sick_day(live_server: LiveServer) -> None:
    sender = "sick-day-single"
    reply = live_server.chat(sender, "ik was op 3 maart 2026 ziek en daarna weer aan het werk")
    assert texts(reply) == (
        "Je schreef ‘3 maart 2026’. Was dat één ziektedag, of begon de ziekte toen? "
        "Schrijf bijvoorbeeld ‘van 3 januari tot 3 juli’ of ‘sinds 25 juli’."
    )
    # The answer to it is read as the period it names.
    reply = live_server.chat(sender, "van 3 maart 2026 tot 4 maart 2026")
    assert texts(reply) == (
        "Je was ziek van dinsdag 3 maart 2026 tot en met woensdag 4 maart 2026, klopt dat?"
    )

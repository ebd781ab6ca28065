"""Sick periods told over several messages (issue 19, point 1): every period kept, an
earlier one added (not replacing the current one), a missing year taken from the context,
short corrections of the year or day, and the answer saying whether periods add up."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest

from bot.conversation.corrections import Correction, corrected, read_correction
from bot.conversation.period_merge import merge, read_periods
from bot.dutch.dates import Period
from tests.test_conversation_dialogue import Chat

# The persona of issue 19: sick 3 March - 25 April 2025 and again since 20 May 2025. The gap
# is 24 days (< 28: the periods add up). Sick days: 54 in the first period, so day 728 is
# 20 May 2025 + (728 - 54 - 1) days = 24 March 2027 (spec 1.1).
PERSONA_PERIODS = [
    {"start": "2025-03-03", "end": "2025-04-25"},
    {"start": "2025-05-20", "end": None},
]
PERSONA_END_OF_PAY = "2027-03-24"

PERSONA_WORDINGS: list[list[str]] = [
    [
        "ik was ziek van 3 maart tot 25 april 2025 en ben sinds 20 mei 2025 weer ziek. "
        "tot wanneer krijg ik loon?"
    ],
    [
        "ik ben sinds 20 mei 2025 ziek",
        "ja",
        "daarvoor was ik ook ziek van 3 maart tot 25 april",
        "ja",
        "tot wanneer krijg ik loon?",
    ],
    [
        "ziek van 3 maart 2025 tot 25 april 2025",
        "ja",
        "sinds 20 mei weer ziek",
        "ja",
        "tot wanneer krijg ik loon?",
    ],
    [
        "ik ben sinds 20 mei ziek",
        "nee, 2025",
        "ja",
        "van 3 maart tot 25 april was ik ook ziek",
        "ja",
        "tot wanneer krijg ik loon?",
    ],
    [
        "tot wanneer krijg ik loon? ik ben ziek sinds 20 mei 2025",
        "van 3 maart tot 25 april was ik ook al ziek",
        "ja",
    ],
    [
        "sinds 20-5-2025 ziek",
        "ja",
        "eerder ook ziek geweest van 3-3 tot 25-4",
        "ja",
        "hoe lang krijg ik nog salaris?",
    ],
    [
        "ik ben sinds 20 mei 2025 ziek",
        "ja",
        "daarvoor was ik ziek van 3 maart tot 20 april",
        "ja",
        "nee, van 3 maart tot 25 april",
        "ja",
        "tot wanneer krijg ik loon?",
    ],
    [
        "ik ben sinds 20 mei 2025 ziek",
        "ja",
        "daarvoor van 3 maart tot 25 april",
        "klopt",
        "tot wanneer krijg ik loon?",
    ],
]


def talk(chat: Chat, lines: list[str]) -> str:
    text = ""
    for line in lines:
        intent = {"ja": "affirm", "klopt": "affirm"}.get(
            line, "deny" if line[:3] == "nee" else None
        )
        text = chat.say(line, intent or "inform_sick_day")
    return text


@pytest.mark.parametrize("lines", PERSONA_WORDINGS, ids=range(len(PERSONA_WORDINGS)))
def test_the_persona_gets_the_same_end_of_pay_in_every_wording(lines: list[str]) -> None:
    chat = Chat(role="werknemer")
    text = talk(chat, lines)
    timeline: dict[str, Any] = chat.custom()["timeline"]  # type: ignore[assignment]
    assert timeline["case"]["periods_added_up"] == PERSONA_PERIODS
    pay_end = [m for m in timeline["milestones"] if m["id"] == "einde_loondoorbetaling"]
    assert pay_end[0]["date"] == PERSONA_END_OF_PAY
    assert "woensdag 24 maart 2027" in text
    assert "2 ziekteperiodes tellen samen op" in text


def test_an_earlier_period_is_added_and_the_sum_is_said() -> None:
    chat = Chat(role="werknemer")
    chat.say("ik ben sinds 20 mei 2025 ziek", "inform_sick_day")
    chat.say("ja", "affirm")
    text = chat.say("daarvoor was ik ook ziek van 3 maart tot 25 april", "inform_sick_day")
    assert text == (
        "Je was ziek van maandag 3 maart 2025 tot en met vrijdag 25 april 2025, en vanaf dinsdag "
        "20 mei 2025. Periodes opgeteld: 24 dagen onderbreking, minder dan vier weken. Alleen "
        "de ziektedagen tellen mee. Klopt dat?"
    )
    assert chat.buttons() == ["Ja", "Nee"]
    answer = chat.say("ja", "affirm")
    assert answer.startswith("Periodes opgeteld: 24 dagen onderbreking")
    assert "Je termijnen bij eerste ziektedag maandag 3 maart 2025:" in answer


def test_a_gap_of_four_weeks_or_more_is_said_too() -> None:
    chat = Chat(role="werknemer")
    chat.say("ik ben sinds 20 mei 2025 ziek", "inform_sick_day")
    chat.say("ja", "affirm")
    text = chat.say("daarvoor was ik ziek van 3 maart tot 22 april", "inform_sick_day")
    # gap = next start - previous end - 1 (spec 1.1): 20 May - 22 April - 1 = 27: adds up.
    assert "Periodes opgeteld: 27 dagen onderbreking" in text
    chat.say("nee", "deny")
    text = chat.say("nee, van 3 maart tot 21 april", "inform_sick_day")
    assert (
        "Niet opgeteld: 28 dagen onderbreking, vier weken of meer. De termijnen tellen opnieuw "
        "vanaf dinsdag 20 mei 2025." in text
    )
    answer = chat.say("ja", "affirm")
    assert "Je termijnen bij eerste ziektedag dinsdag 20 mei 2025:" in answer


def test_answered_question_is_answered_again_after_an_addition() -> None:
    chat = Chat(role="werknemer")
    first = chat.say("ik ben ziek sinds 20 mei 2025, tot wanneer krijg ik loon?", "faq")
    assert "maandag 17 mei 2027" in first  # one period: 20 May 2025 + 727 days
    chat.say("van 3 maart tot 25 april was ik ook al ziek", "inform_sick_day")
    answer = chat.say("ja", "affirm")
    # Answer first (issue 19, point 5), then the periods it used.
    assert answer.startswith(
        "**Je werkgever betaalt je loon bij ziekte door tot en met woensdag 24 maart 2027.**\n"
        "Periodes opgeteld: 24 dagen onderbreking"
    )


def test_a_later_ongoing_period_replaces_the_ongoing_one_and_keeps_the_closed_one() -> None:
    chat = Chat(role="werknemer")
    talk(chat, PERSONA_WORDINGS[2][:4])
    text = chat.say("nee, sinds 22 mei", "inform_sick_day")
    assert "vanaf donderdag 22 mei 2025" in text
    assert "van maandag 3 maart 2025 tot en met vrijdag 25 april 2025" in text


def test_year_correction_after_an_answer_gives_the_answer_again() -> None:
    chat = Chat(role="werknemer")
    chat.say("ik ben sinds 20 mei ziek, tot wanneer krijg ik loon?", "faq")
    text = chat.say("nee, 2025", "deny")
    assert "Je eerste ziektedag is dinsdag 20 mei 2025: daar reken ik mee." in text
    assert "**Je werkgever betaalt je loon bij ziekte door tot en met maandag 17 mei 2027.**" in (
        text
    )
    text = chat.say("de 22e bedoel ik", "inform_sick_day")
    assert "Je eerste ziektedag is donderdag 22 mei 2025: daar reken ik mee." in text
    assert "woensdag 19 mei 2027" in text


def test_year_correction_while_confirming_asks_again() -> None:
    chat = Chat(role="werknemer")
    assert "woensdag 20 mei 2026, klopt dat?" in chat.say("sinds 20 mei ziek", "inform_sick_day")
    assert chat.say("nee, 2025", "deny") == "Je eerste ziektedag is dinsdag 20 mei 2025, klopt dat?"
    assert chat.say("2024 bedoel ik", "faq") == (
        "Je eerste ziektedag is maandag 20 mei 2024, klopt dat?"
    )


def test_a_correction_into_the_future_is_refused() -> None:
    chat = Chat(role="werknemer")
    chat.say("sinds 20 mei 2025 ziek", "inform_sick_day")
    assert "toekomst" in chat.say("nee, 2027", "deny")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("nee, 2025", Correction(year=2025)),
        ("2024 bedoel ik", Correction(year=2024)),
        ("nee het was 2025 natuurlijk", Correction(year=2025)),
        ("de 5e bedoel ik", Correction(day=5)),
        ("nee, de 12de", Correction(day=12)),
        ("5 bedoel ik", Correction(day=5)),
        ("nee", None),
        ("5", None),
        ("nee, 5 maart", None),
        ("in 2025 was ik ook ziek", None),
    ],
)
def test_read_correction(text: str, expected: Correction | None) -> None:
    assert read_correction(text) == expected


def test_corrected_keeps_the_other_parts() -> None:
    period = (Period(date(2026, 3, 3), date(2026, 4, 25)),)
    fixed = corrected(period, Correction(year=2025))
    assert fixed == (Period(date(2025, 3, 3), date(2025, 4, 25)),)
    assert corrected(period, Correction(day=5)) is None  # two dates: which one?
    leap = (Period(date(2024, 2, 29), None),)
    assert corrected(leap, Correction(year=2025)) is None


def test_merge_adds_and_replaces() -> None:
    ongoing = Period(date(2025, 5, 20), None)
    closed = Period(date(2025, 3, 3), date(2025, 4, 25))
    added = merge((ongoing,), (closed,))
    assert added.periods == (closed, ongoing) and added.added and not added.dropped
    corrected_start = Period(date(2025, 5, 22), None)
    replaced = merge((closed, ongoing), (corrected_start,))
    assert replaced.periods == (closed, corrected_start) and replaced.dropped == (ongoing,)


def test_a_yearless_period_takes_its_year_from_the_known_periods() -> None:
    today = date(2026, 11, 23)
    known = (Period(date(2025, 5, 20), None),)
    found = read_periods("van 3 maart tot 25 april", today, known)
    assert not isinstance(found, type(None))
    assert getattr(found, "periods", None) == (
        Period(date(2025, 3, 3), date(2025, 4, 25)),
        Period(date(2025, 5, 20), None),
    )
    # Without context the most recent past reading stays (3 March 2026).
    alone = read_periods("van 3 maart tot 25 april", today, ())
    assert getattr(alone, "periods", None) == (Period(date(2026, 3, 3), date(2026, 4, 25)),)

"""Everyday Dutch in the case conversation (issue 19, point 7): approximate days taken with a
stated assumption, day-month without a year, "dit jaar" / "vorig jaar", short corrections,
"wat bedoel je?" after a question, and the English-message check."""

from __future__ import annotations

from datetime import date

import pytest

from bot.conversation import claims_turn
from bot.dutch.dates.everyday import everyday_dates, month_named
from bot.dutch.english import dutch_keywords, is_english
from bot.intents import Intent
from tests.test_conversation_dialogue import TODAY, Chat

ASSUMPTION = "een paar dagen verschil schuift alles even veel op"


@pytest.mark.parametrize(
    ("text", "plain", "assumed"),
    [
        ("ik ben begin maart ziek geworden", "ik ben 1 maart ziek geworden", ((1, 3),)),
        ("sinds half januari 2025 ziek", "sinds 15 januari 2025 ziek", ((15, 1),)),
        ("ziek sinds rond 3 maart", "ziek sinds 3 maart", ((3, 3),)),
        ("3 maart of zo", "3 maart", ((3, 3),)),
        ("eind mei ziek", "28 mei ziek", ((28, 5),)),
        ("14-4 dit jaar", "14-4-2026", ()),
        ("sinds 3-2 vorig jaar ziek", "sinds 3-2-2025 ziek", ()),
        ("28-02 dan", "28 februari", ()),
        ("rond de 15e", "op 15 november 2026", ((15, 11),)),
        ("de 3e van vorige maand", "de 3e van vorige maand", ()),
        ("voor 3 maart", "voor 3 maart", ()),  # before a day is not about that day
    ],
)
def test_everyday_dates(text: str, plain: str, assumed: tuple[tuple[int, int], ...]) -> None:
    found = everyday_dates(text, TODAY)
    assert found.text == plain
    assert found.assumed == assumed


def test_a_day_on_its_own_takes_the_month_asked_about() -> None:
    assert everyday_dates("rond de 15e", TODAY, (2025, 1)).text == "op 15 januari 2025"
    assert month_named("in januari 2025", TODAY) == (2025, 1)
    assert month_named("ergens in maart", TODAY) == (2026, 3)
    assert month_named("3 maart", TODAY) is None


def test_begin_maart_is_accepted_with_the_assumption_said() -> None:
    chat = Chat(role="werknemer")
    text = chat.say("ik ben begin maart 2025 ziek geworden", "inform_sick_day")
    assert text == (
        "Je eerste ziektedag is zaterdag 1 maart 2025. Je noemde geen precieze dag, dus ik "
        f"reken met 1 maart 2025; {ASSUMPTION}. Weet je de precieze datum? Typ die dan. "
        "Klopt dat?"
    )
    assert chat.buttons() == ["Ja", "Nee"]


def test_rond_de_15e_after_the_month_question_is_15_januari_2025() -> None:
    chat = Chat(role="werknemer")
    question = chat.say("ik ben in januari 2025 ziek geworden", "inform_sick_day")
    assert "Op welke dag in januari" in question
    text = chat.say("rond de 15e", "inform_sick_day")
    assert "ik reken met 15 januari 2025; een paar dagen verschil" in text
    assert "woensdag 15 januari 2025" in text
    answer = chat.say("ja", "affirm")
    assert "Je termijnen bij eerste ziektedag woensdag 15 januari 2025:" in answer


def test_approximate_day_in_a_question_is_answered_with_the_assumption() -> None:
    chat = Chat(role="werknemer")
    text = chat.say("ik ben sinds half januari 2025 ziek, tot wanneer krijg ik loon?", "faq")
    # 15 January 2025 + 727 days.
    assert text.startswith("**Je werkgever betaalt je loon bij ziekte door tot en met dinsdag 12 ")
    assert f"ik reken met 15 januari 2025; {ASSUMPTION}" in text


@pytest.mark.parametrize(
    ("text", "day"),
    [
        ("ik ben sinds 14-4 dit jaar ziek", "dinsdag 14 april 2026"),
        ("sinds 3 maart vorig jaar ziek", "maandag 3 maart 2025"),
        ("sinds 3 maart dit jaar ziek", "dinsdag 3 maart 2026"),
        ("ik ben sinds 12 oktober ziek", "maandag 12 oktober 2026"),
    ],
)
def test_dates_without_a_year(text: str, day: str) -> None:
    chat = Chat(role="werknemer")
    assert chat.say(text, "inform_sick_day") == f"Je eerste ziektedag is {day}, klopt dat?"


def test_28_02_dan_as_a_corrected_date_keeps_the_year() -> None:
    chat = Chat(role="werknemer")
    chat.say("3 maart 2025", "inform_sick_day")
    assert claims_turn(chat.state, "nee, 28-02 dan", Intent.DENY, TODAY)
    assert chat.say("nee, 28-02 dan", "deny") == (
        "Je eerste ziektedag is vrijdag 28 februari 2025, klopt dat?"
    )


def test_28_02_dan_as_the_answer_to_the_question() -> None:
    chat = Chat(role="werknemer")
    chat.say("wat moet ik wanneer doen?", "ask_overview")
    assert claims_turn(chat.state, "28-02 dan", Intent.OUT_OF_SCOPE, TODAY)
    assert chat.say("28-02 dan", "out_of_scope") == (
        "Je eerste ziektedag is zaterdag 28 februari 2026, klopt dat?"
    )


def test_year_and_day_corrections_of_the_date_just_given() -> None:
    chat = Chat(role="werknemer")
    chat.say("sinds 3 maart ziek", "inform_sick_day")
    assert chat.say("nee, 2024", "deny") == "Je eerste ziektedag is zondag 3 maart 2024, klopt dat?"
    assert chat.say("de 5e bedoel ik", "faq") == (
        "Je eerste ziektedag is dinsdag 5 maart 2024, klopt dat?"
    )


@pytest.mark.parametrize("ask", ["wat bedoel je?", "hoe bedoel je", "Wat bedoel je daarmee?"])
def test_what_do_you_mean_repeats_the_question_in_other_words(ask: str) -> None:
    chat = Chat()
    chat.say("ik ben sinds 3 maart 2025 ziek", "inform_sick_day")
    assert claims_turn(chat.state, ask, Intent.FAQ, TODAY)
    text = chat.say(ask, "faq")
    assert text.startswith("Ik wil zeker weten dat ik met de goede datum reken.")
    assert chat.buttons() == ["Ja", "Nee"]
    assert chat.state.awaiting == "confirm"  # the question is still open
    chat.say("ja", "affirm")
    text = chat.say(ask, "faq")
    assert text.startswith("Ik vroeg wie je bent. Ben je zelf ziek? Dan ben je werknemer.")
    assert chat.buttons() == ["Ik ben werknemer", "Ik ben werkgever of HR", "Sla over"]


def test_what_do_you_mean_explains_the_eerstejaarsevaluatie_question() -> None:
    chat = Chat(role="werkgever")
    text = chat.say("mijn werknemer is sinds 1 september 2025 ziek. is spoor 2 te laat?", "faq")
    assert "Is de eerstejaarsevaluatie al geweest?" in text
    text = chat.say("wat bedoel je?", "faq")
    assert text.startswith("De eerstejaarsevaluatie is het gesprek aan het eind van het eerste")
    assert chat.buttons() == ["Nog niet geweest", "Sla over"]


def test_what_do_you_mean_without_an_open_question_is_not_ours() -> None:
    assert not claims_turn(Chat().state, "wat bedoel je?", Intent.FAQ, TODAY)


@pytest.mark.parametrize(
    ("text", "english"),
    [
        ("I am sick since 3 March 2025, when does my salary stop?", True),
        ("What is the deadline?", True),
        ("When do I need to start track 2?", True),
        ("wat is de deadline?", False),
        ("Ik ben sick sinds maart", False),
        ("hello", False),
        ("is spoor 2 te laat?", False),
    ],
)
def test_is_english(text: str, english: bool) -> None:
    assert is_english(text) is english


def test_english_keywords_make_a_personal_question_the_case_can_answer() -> None:
    mapped = dutch_keywords("I am sick since 3 March 2025, when does my salary stop?")
    assert mapped == "ik ben ziek sinds 3 maart 2025, wanneer does mijn loon stopt?"
    chat = Chat(role="werknemer")
    assert claims_turn(chat.state, mapped, Intent.OUT_OF_SCOPE, date(2026, 11, 23))
    text = chat.say(mapped, "out_of_scope")
    # 3 March 2025 + 727 days.
    assert text.startswith(
        "**Je werkgever betaalt je loon bij ziekte door tot en met zondag 28 februari 2027.**"
    )


def test_after_a_plain_no_the_new_day_keeps_the_year_of_the_old_one() -> None:
    chat = Chat(role="werknemer")
    chat.say("3 maart 2025", "inform_sick_day")
    assert "juiste eerste ziektedag" in chat.say("nee", "deny")
    assert chat.say("5 maart", "inform_sick_day") == (
        "Je eerste ziektedag is woensdag 5 maart 2025, klopt dat?"
    )

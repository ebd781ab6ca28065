"""Fast versions of the employer persona conversations (tests/test_personas_1.py) that
failed: the same turns through handle_turn, BOT_TODAY = Monday 23 November 2026."""

from __future__ import annotations

from bot.conversation import claims_turn
from bot.conversation.case_facts import referred_event
from bot.dutch.english import dutch_keywords, is_english
from bot.intents import Intent
from tests.test_conversation_dialogue import TODAY, Chat


def test_added_up_periods_name_the_gap_in_the_answer() -> None:
    chat = Chat(role="werkgever")
    chat.say("ze was ziek van 3 maart tot 25 april 2025", "inform_sick_day")
    chat.say("ja", "affirm")
    chat.say("sinds 20 mei 2025 is ze weer ziek", "inform_sick_day")
    chat.say("ja", "affirm")
    text = chat.say("tot wanneer moeten we loon doorbetalen?", "faq")
    assert "woensdag 24 maart 2027" in text.split("\n")[0]
    assert "2 ziekteperiodes tellen samen op" in text
    assert "24 dagen onderbreking" in text


def test_a_loonsanctie_after_the_answer_then_the_same_question_again() -> None:
    chat = Chat(role="werkgever")
    text = chat.say(
        "werknemer is sinds 6 januari 2025 ziek. tot wanneer loopt de loondoorbetaling?", "faq"
    )
    assert "zondag 3 januari 2027" in text
    chat.say("UWV heeft ons net een loonsanctie van 26 weken opgelegd", "faq")
    text = chat.say("wat wordt dan de laatste dag?", "out_of_scope")
    assert "zondag 4 juli 2027" in text
    assert "eerste ziektedag" not in text.lower()


def test_spoor2_started_is_said_when_asked_for_its_deadline() -> None:
    chat = Chat(role="werkgever")
    chat.say("mn werknemr is sinds 12 okt 2025 ziek", "inform_sick_day")
    chat.say("ja", "affirm")
    chat.say("eerstejaars evaluatie was op 1 okt", "faq")
    chat.say("spoor 2 is gestart op 2 nov", "faq")
    text = chat.say("en tot wanneer had spoor 2 moeten starten?", "faq")
    assert "Uiterlijk: donderdag 12 november 2026." in text
    assert "Spoor 2 is gestart op maandag 2 november 2026." in text
    assert "te laat" not in text


def test_a_late_wia_aanvraag_sent_later_moves_the_end_of_pay() -> None:
    chat = Chat(role="werkgever")
    chat.say(
        "mijn werknemer is sinds 6 januari 2025 ziek en de WIA-aanvraag is nog niet "
        "ingediend. wat nu?",
        "faq",
    )
    chat.say("ja", "affirm")
    text = chat.say("hij heeft hem vrijdag 20 november alsnog verstuurd", "out_of_scope")
    assert "eerste ziektedag is" not in text
    assert chat.state.facts["wia_aanvraag_date"] == "2026-11-20"
    text = chat.say("tot wanneer moeten we dan nog doorbetalen?", "faq")
    assert "vrijdag 5 februari 2027" in text


def test_what_do_you_mean_repeats_the_question_then_what_now_keeps_the_case() -> None:
    chat = Chat(role="werkgever")
    text = chat.say("mijn werknemer is sinds 1 september 2025 ziek. is spoor 2 te laat?", "faq")
    assert "Is de eerstejaarsevaluatie al geweest?" in text
    text = chat.say("wat bedoel je?", "out_of_scope")
    assert "Is het gesprek al geweest, of staat het gepland?" in text
    assert chat.buttons() == ["Nog niet geweest", "Sla over"]
    chat.say("die is nog niet geweest", "deny")
    text = chat.say("nee, nog niet", "deny")
    assert "zondag 11 oktober 2026" in text
    assert "43 dagen" in text
    text = chat.say("oke. en wat moet ik nu allemaal doen?", "faq")
    assert "zondag 30 augustus 2026" in text
    assert "eerstejaarsevaluatie nu" in text
    assert "eerste ziektedag" not in text.lower()


def test_an_english_question_about_reporting_to_uwv_is_answered_at_once() -> None:
    english = (
        "Hi, my employee has been sick since February 2, 2026. When do I need to report "
        "this to UWV?"
    )
    assert is_english(english)
    mapped = dutch_keywords(english)
    assert "ziek melden bij het uwv" in mapped
    chat = Chat(role="werkgever")
    assert claims_turn(chat.state, mapped, Intent.OUT_OF_SCOPE, TODAY)
    text = chat.say(mapped, "out_of_scope")
    assert "maandag 23 november 2026" in text
    assert "klopt dat?" not in text
    text = chat.say("ok, in het nederlands dan. wanneer moet spoor 2 uiterlijk starten?", "faq")
    if "Is de eerstejaarsevaluatie al geweest?" in text:
        text = chat.say("/skip", "skip")
    if "Heeft een arbeidsdeskundige" in text:
        text = chat.say("nee", "deny")
    assert "zondag 14 maart 2027" in text


def test_it_was_sent_dates_the_pending_step_only_in_a_statement() -> None:
    sent = "ik heb hem vandaag ingediend. tot wanneer krijg ik nu loon?"
    assert referred_event(sent, TODAY, None, "wia_aanvraag") == ("wia_aanvraag_date", TODAY)
    assert (
        referred_event("heeft hij hem vandaag al verstuurd?", TODAY, None, "wia_aanvraag") is None
    )
    assert referred_event(sent, TODAY, None, None) is None  # no single step waits for a date

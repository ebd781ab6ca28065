"""Fast checks of the fixes for the employee persona conversations (issue 19): the same
steps as tests/test_personas_2.py, without the model (the intent is given)."""

from __future__ import annotations

from tests.test_conversation_dialogue import Chat


def test_salary_answer_for_two_periods_names_the_gap_that_adds_them_up() -> None:
    chat = Chat(role="werknemer")
    chat.say("ik was ziek van 3 maart tot 25 april 2025", "inform_sick_day")
    chat.say("ja", "affirm")
    chat.say("en sinds 20 mei 2025 ben ik weer ziek", "inform_sick_day")
    chat.say("ja", "affirm")
    text = chat.say("hoe lang krijg ik nog salaris?", "faq")
    assert text.startswith(
        "**Je werkgever betaalt je loon bij ziekte door tot en met woensdag 24 maart 2027.**"
    )
    assert "periodes opgeteld: 24 dagen onderbreking" in text


def test_year_correction_of_one_of_two_periods_moves_only_that_period() -> None:
    chat = Chat(role="werknemer")
    text = chat.say(
        "sinds 20 mei 2025 weer ziek. daarvoor ook van 3 maart tot 25 april 2024",
        "inform_sick_day",
    )
    assert "25 april 2024" in text and "Niet opgeteld" in text
    text = chat.say("oh nee sorry, dat was ook in 2025", "out_of_scope")
    assert "maandag 3 maart 2025 tot en met vrijdag 25 april 2025" in text
    assert "Periodes opgeteld: 24 dagen onderbreking" in text
    assert text.endswith("Klopt dat?")
    chat.say("ja", "affirm")
    text = chat.say("hoe lang nog loon dan?", "faq")
    assert "woensdag 24 maart 2027" in text.split("\n")[0]
    assert chat.custom()["timeline"]["case"]["first_sick_day"] == "2025-03-03"  # type: ignore[index]


def test_approximate_ordinal_day_with_month_is_assumed_then_what_now() -> None:
    chat = Chat(role="werknemer")
    text = chat.say("ben rond de 15e januari ziek geworden", "inform_sick_day")
    assert "donderdag 15 januari 2026" in text and "ik reken met 15 januari 2026" in text
    chat.say("ja", "affirm")
    text = chat.say("wat moet ik nu doen", "ask_overview")
    assert "donderdag 26 november 2026" in text
    assert "eerstejaarsevaluatie" in text.lower()


def test_what_do_you_mean_after_klopt_dat_names_the_date_again() -> None:
    chat = Chat()
    first = chat.say("3 maart 2025", "inform_sick_day")
    text = chat.say("wat bedoel je?", "faq")
    assert text != first
    assert text.startswith("Ik wil zeker weten dat ik met de goede datum reken.")
    assert text.endswith("Je eerste ziektedag is maandag 3 maart 2025: klopt dat?")
    assert chat.buttons() == ["Ja", "Nee"]


def test_spoor2_not_started_after_the_salary_answer_gives_the_spoor2_date() -> None:
    chat = Chat(role="werknemer")
    chat.say("hoi, ik ben sinds 3 maart ziek. wat moet ik wanneer doen?", "ask_overview")
    chat.say("hoe lang krijg ik nog salaris?", "faq")
    text = chat.say("spoor 2 is nog niet gestart", "faq")
    assert "Is spoor 2 al gestart" not in text
    assert "maandag 12 april 2027" in text and "werkgever" in text
    assert "Noem je eerste ziektedag" not in text


def test_latest_start_of_spoor2_is_answered_before_the_arbeidsdeskundige_question() -> None:
    chat = Chat(role="werknemer")
    chat.say("ik ben sinds 9 februari ziek", "inform_sick_day")
    chat.say("ja", "affirm")
    text = chat.say("mijn eerstejaarsevaluatie is gepland op 20 januari", "faq")
    assert "20 januari 2027" in text and "toekomst" not in text
    text = chat.say("wanneer moet spoor 2 dan uiterlijk beginnen?", "faq")
    answer, question = chat.last[0]["text"], chat.last[-1]["text"]
    assert "woensdag 3 maart 2027" in str(answer)
    assert str(question).startswith("Heeft een arbeidsdeskundige al vastgesteld")
    assert "eerstejaarsevaluatie al" not in text
    text = chat.say("spoor 2 is nog niet gestart", "faq")
    assert "woensdag 3 maart 2027" in text and "Is spoor 2 al gestart" not in text


def test_aow_within_a_year_pay_question_and_spoor2_question_use_the_case() -> None:
    chat = Chat(role="werknemer")
    chat.say("ik ben sinds 1 september ziek. ik bereik 15 april 2027 de aow leeftijd", "faq")
    chat.say("ja", "affirm")
    text = chat.say("hoe lang betaalt mijn werkgever dan nog door?", "faq")
    assert "woensdag 26 mei 2027" in text.split("\n")[0]
    assert "maandag 28 augustus 2028" not in text
    text = chat.say("moet er nog een spoor 2 komen?", "faq")
    assert "AOW" in text
    assert chat.custom()["timeline"]["spoor2"]["status"] == "niet_vereist"  # type: ignore[index]


def test_late_wia_aanvraag_sent_today_moves_the_end_of_pay() -> None:
    chat = Chat(role="werknemer")
    chat.say("ik ben al sinds 15 januari 2025 ziek", "inform_sick_day")
    chat.say("ja", "affirm")
    text = chat.say("ik heb de wia aanvraag nog niet gedaan. wat moet ik nu doen?", "faq")
    assert "dinsdag 27 oktober 2026" in text
    assert "Is de eindevaluatie al gemaakt?" in text
    text = chat.say("ok ik heb hem vandaag ingediend. tot wanneer krijg ik nu loon?", "faq")
    assert "Eindevaluatie en actueel oordeel bedrijfsarts: gedaan" not in text
    assert chat.state.facts["wia_aanvraag_date"] == "2026-11-23"
    first = next(line for line in text.split("\n") if "loon" in line)
    assert "maandag 8 februari 2027" in first


def test_temporary_contract_told_after_the_overview_then_pay_after_its_end() -> None:
    chat = Chat(role="werknemer")
    chat.say("sinds 2 november", "inform_sick_day")
    chat.say("ja", "affirm")
    text = chat.say("ik heb trouwens een tijdelijk contract, dat loopt af op 31 december", "faq")
    assert "**Let op: tijdelijk contract tot 31 december 2026.**" in text
    assert "Ziektewet" in text
    text = chat.say("krijg ik na 31 december nog loon van mijn werkgever?", "out_of_scope")
    assert text.startswith("**Let op: tijdelijk contract tot 31 december 2026.**")
    assert "Ziektewet-uitkering krijgen van UWV" in text
    assert chat.state.periods == (("2026-11-02", None),)  # "31 december" is no sick day


def test_temporary_contract_said_in_dutch_after_an_english_question() -> None:
    chat = Chat(role="werknemer")
    chat.say("sinds 1 juni 2026 ziek, hoe lang krijg ik nog salaris?", "faq")
    text = chat.say(
        "sorry in het nederlands dan: mijn contract is tijdelijk, tot 1 maart 2027", "faq"
    )
    assert "**Let op: tijdelijk contract tot 1 maart 2027.**" in text and "Ziektewet" in text
